//! A loopback load generator for echo servers (examples/echo_server.rs, examples/tokio_echo.rs).
//!
//! ```text
//! cargo run --release --no-default-features --example echo_load -- ADDR MODE [CONNECTIONS] [SECONDS] [THREADS] [PID]
//! ```
//!
//! - `MODE = echo`: every connection sends a 64-byte message and waits for it to come back,
//!   in a loop, for `SECONDS`; prints requests per second and latency percentiles.
//! - `MODE = idle`: opens `CONNECTIONS` connections, checks one echo on each, holds them
//!   for `SECONDS`, and (with the server's `PID`) prints the server's resident memory per
//!   connection, from `/proc/PID/status`.
//!
//! The client itself runs on the hub: `THREADS` hub threads (default 1), one greenlet per
//! connection. Only loopback addresses make sense here.

use stacklet::hub::net::TcpStream;
use stacklet::hub::{self, Runtime};
use std::io::{self, Read, Write};
use std::net::SocketAddr;
use std::sync::mpsc;
use std::time::{Duration, Instant};

const MESSAGE: usize = 64;

/// What one hub's connections measured.
#[derive(Default)]
struct Tally {
    requests: u64,
    errors: u64,
    /// Round-trip latencies in nanoseconds.
    latencies: Vec<u32>,
}

fn round_trip(stream: &mut TcpStream, message: &[u8; MESSAGE]) -> io::Result<()> {
    stream.write_all(message)?;
    let mut back = [0u8; MESSAGE];
    stream.read_exact(&mut back)?;
    if &back != message {
        return Err(io::Error::other("echo mismatch"));
    }
    Ok(())
}

/// One connection of the `echo` mode.
fn echo_client(addr: SocketAddr, id: usize, deadline: Instant) -> Tally {
    let mut tally = Tally::default();
    let mut stream = match TcpStream::connect(addr) {
        Ok(s) => s,
        Err(_) => {
            tally.errors += 1;
            return tally;
        }
    };
    let _ = stream.set_nodelay(true);
    let mut message = [b'.'; MESSAGE];
    message[..8].copy_from_slice(&(id as u64).to_le_bytes());
    while Instant::now() < deadline {
        let start = Instant::now();
        match round_trip(&mut stream, &message) {
            Ok(()) => {
                tally.requests += 1;
                tally
                    .latencies
                    .push(start.elapsed().as_nanos().min(u32::MAX as u128) as u32);
            }
            Err(_) => {
                tally.errors += 1;
                break;
            }
        }
    }
    tally
}

/// One connection of the `idle` mode: connect, one echo, then hold until `release`.
fn idle_client(addr: SocketAddr, opened: hub::channel::Sender<bool>, hold: Duration) -> bool {
    let ok = TcpStream::connect(addr).and_then(|mut s| {
        round_trip(&mut s, &[b'i'; MESSAGE])?;
        Ok(s)
    });
    let _ = opened.send(ok.is_ok());
    drop(opened);
    let _ = hub::sleep(hold);
    ok.is_ok()
}

fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn percentile(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let index = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[index] as f64 / 1000.0
}

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = || {
        io::Error::other("usage: echo_load ADDR echo|idle [CONNECTIONS] [SECONDS] [THREADS] [PID]")
    };
    let addr: SocketAddr = args
        .first()
        .and_then(|a| a.parse().ok())
        .ok_or_else(usage)?;
    let mode = args.get(1).cloned().ok_or_else(usage)?;
    let connections: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let seconds: u64 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(5);
    let threads: usize = args.get(4).and_then(|s| s.parse().ok()).unwrap_or(1).max(1);
    let pid: Option<u32> = args.get(5).and_then(|s| s.parse().ok());

    let runtime = Runtime::new(threads)?;
    let (tx, rx) = mpsc::channel::<Tally>();
    let per_hub = connections.div_ceil(threads);
    match mode.as_str() {
        "echo" => {
            let deadline = Instant::now() + Duration::from_secs(seconds);
            runtime
                .spawn_each(move |hub_index| {
                    let first = hub_index * per_hub;
                    let last = connections.min(first + per_hub);
                    let clients: Vec<_> = (first..last)
                        .map(|id| hub::spawn(move || echo_client(addr, id, deadline)))
                        .collect();
                    let mut total = Tally::default();
                    for c in clients {
                        if let Ok(t) = c.join() {
                            total.requests += t.requests;
                            total.errors += t.errors;
                            total.latencies.extend(t.latencies);
                        }
                    }
                    let _ = tx.send(total);
                })
                .map_err(io::Error::other)?;
            let mut total = Tally::default();
            for t in rx.iter().take(threads) {
                total.requests += t.requests;
                total.errors += t.errors;
                total.latencies.extend(t.latencies);
            }
            total.latencies.sort_unstable();
            let l = &total.latencies;
            println!(
                "{addr} echo: {connections} connections, {seconds} s: {:.0} req/s, latency p50 {:.1} µs, p99 {:.1} µs, p99.9 {:.1} µs, errors {}",
                total.requests as f64 / seconds as f64,
                percentile(l, 0.50),
                percentile(l, 0.99),
                percentile(l, 0.999),
                total.errors
            );
        }
        "idle" => {
            let before = pid.and_then(rss_kib);
            let hold = Duration::from_secs(seconds);
            let (opened_tx, opened_rx) = std::sync::mpsc::channel::<usize>();
            runtime
                .spawn_each(move |hub_index| {
                    let first = hub_index * per_hub;
                    let count = connections.min(first + per_hub).saturating_sub(first);
                    let (o_tx, o_rx) = hub::channel::unbounded();
                    let clients: Vec<_> = (0..count)
                        .map(|_| {
                            let o_tx = o_tx.clone();
                            hub::spawn(move || idle_client(addr, o_tx, hold))
                        })
                        .collect();
                    drop(o_tx);
                    let ok = o_rx.iter().filter(|ok| *ok).count();
                    let _ = opened_tx.send(ok);
                    let mut total = Tally::default();
                    for c in clients {
                        if !matches!(c.join(), Ok(true)) {
                            total.errors += 1;
                        }
                    }
                    let _ = tx.send(total);
                })
                .map_err(io::Error::other)?;
            let open: usize = opened_rx.iter().take(threads).sum();
            // Every connection has echoed once: the server holds them all now.
            let during = pid.and_then(rss_kib);
            let errors: u64 = rx.iter().take(threads).map(|t| t.errors).sum();
            println!("{addr} idle: {open} of {connections} connections open and echoing");
            if let (Some(b), Some(d)) = (before, during) {
                println!(
                    "server RSS {b} KiB before, {d} KiB with the connections: {:.2} KiB per connection",
                    d.saturating_sub(b) as f64 / open.max(1) as f64
                );
            }
            println!("errors: {errors}");
        }
        _ => return Err(usage()),
    }
    runtime.shutdown(Duration::from_secs(1));
    Ok(())
}
