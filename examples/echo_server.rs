//! A multi-threaded TCP echo server: one greenlet per connection, written as plain blocking
//! code, on a runtime of one hub per thread.
//!
//! ```text
//! cargo run --release --no-default-features --example echo_server -- [ADDR] [THREADS] [SECONDS] [handoff]
//! ```
//!
//! Defaults: `127.0.0.1:7007`, one thread per core, run until killed. With `SECONDS` it
//! shuts down gracefully after that long (connections get one second to finish). By default
//! every hub accepts on its own `SO_REUSEPORT` listener; with `handoff`, one acceptor
//! greenlet on hub 0 hands each connection to the hubs round-robin.

use stacklet::hub::net::{TcpListener, TcpStream};
use stacklet::hub::{self, HubHandle, Runtime};
use std::io::{self, Read, Write};
use std::time::Duration;

/// Echoes until the peer closes the connection.
fn echo(mut stream: TcpStream) -> io::Result<()> {
    stream.set_nodelay(true)?;
    let mut buf = [0u8; 1024];
    loop {
        let n = stream.read(&mut buf)?;
        if n == 0 {
            return Ok(());
        }
        stream.write_all(&buf[..n])?;
    }
}

/// Accepts until the hub shuts down, one greenlet per connection.
fn accept_loop(listener: TcpListener, mut dispatch: impl FnMut(TcpStream)) {
    loop {
        match listener.accept() {
            Ok((stream, _)) => dispatch(stream),
            Err(e) if hub::Error::from_io(&e).is_some() => return,
            Err(e) => eprintln!("accept: {e}"),
        }
    }
}

fn spawn_echo(stream: TcpStream) {
    hub::spawn(move || {
        let _ = echo(stream);
    });
}

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let addr = args.first().cloned().unwrap_or("127.0.0.1:7007".into());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(cores);
    let seconds: Option<u64> = args.get(2).and_then(|s| s.parse().ok());
    let handoff = args.iter().any(|a| a == "handoff");

    let runtime = Runtime::new(threads)?;
    if handoff {
        let listener = std::net::TcpListener::bind(&addr)?;
        let hubs: Vec<HubHandle> = (0..runtime.threads())
            .filter_map(|i| runtime.handle(i).cloned())
            .collect();
        let mut next = 0;
        let first = hubs[0].clone();
        first
            .spawn(move || {
                let listener = match TcpListener::from_std(listener) {
                    Ok(listener) => listener,
                    Err(e) => return eprintln!("listener: {e}"),
                };
                accept_loop(listener, |stream| {
                    // A socket stays on the hub that made it: hand over the std stream.
                    let Ok(std) = stream.into_std() else { return };
                    next = (next + 1) % hubs.len();
                    let _ = hubs[next].spawn(move || match TcpStream::from_std(std) {
                        Ok(stream) => spawn_echo(stream),
                        Err(e) => eprintln!("adopt: {e}"),
                    });
                });
            })
            .map_err(io::Error::other)?;
    } else {
        let bind = addr.clone();
        runtime
            .spawn_each(move |_| match TcpListener::bind_reuseport(&bind) {
                Ok(listener) => accept_loop(listener, spawn_echo),
                Err(e) => eprintln!("bind {bind}: {e}"),
            })
            .map_err(io::Error::other)?;
    }
    let mode = if handoff { "hand-off" } else { "SO_REUSEPORT" };
    println!("echo server on {addr}: {threads} hub thread(s), {mode}");
    match seconds {
        Some(s) => std::thread::sleep(Duration::from_secs(s)),
        None => loop {
            std::thread::park();
        },
    }
    let report = runtime.shutdown(Duration::from_secs(1));
    println!(
        "shut down: {} connection greenlet(s) killed after the grace period",
        report.killed
    );
    Ok(())
}
