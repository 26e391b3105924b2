//! The hub's primitives one by one: spawn and join, yield, sleep, kill, timeout, channels,
//! select, the deadlock report, sockets, cross-thread handles and the multi-thread runtime.

use stacklet::hub::channel::{self, TryRecvError};
use stacklet::hub::net::{TcpListener, TcpStream, UdpSocket};
use stacklet::hub::{self, Error, JoinError, Runtime, Select};
use std::cell::RefCell;
use std::io::{Read, Write};
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

type Log = Rc<RefCell<Vec<String>>>;

fn push(log: &Log, s: impl Into<String>) {
    log.borrow_mut().push(s.into());
}

const MS: Duration = Duration::from_millis(1);

#[test]
fn run_returns_the_main_value() {
    assert_eq!(hub::run(|| 6 * 7).unwrap(), 42);
}

#[test]
fn spawn_and_join_return_values() {
    let total = hub::run(|| {
        let handles: Vec<_> = (0..100u64).map(|i| hub::spawn(move || i * i)).collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum::<u64>()
    })
    .unwrap();
    assert_eq!(total, (0..100u64).map(|i| i * i).sum());
}

#[test]
fn join_from_outside_drives_the_hub() {
    let h = hub::spawn(|| {
        hub::sleep(MS).unwrap();
        "done"
    });
    assert!(!h.is_finished());
    assert_eq!(h.join().unwrap(), "done");
}

#[test]
fn yield_now_interleaves_in_fifo_order() {
    let log: Log = Rc::default();
    let l = log.clone();
    hub::run(move || {
        let handles: Vec<_> = ["a", "b"]
            .into_iter()
            .map(|name| {
                let l = l.clone();
                hub::spawn(move || -> Result<(), Error> {
                    for i in 0..3 {
                        push(&l, format!("{name}{i}"));
                        hub::yield_now()?;
                    }
                    Ok(())
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap().unwrap();
        }
    })
    .unwrap();
    assert_eq!(*log.borrow(), ["a0", "b0", "a1", "b1", "a2", "b2"]);
}

#[test]
fn sleepers_wake_in_deadline_order() {
    let log: Log = Rc::default();
    let l = log.clone();
    hub::run(move || {
        let handles: Vec<_> = [(200u64, "slow"), (1, "fast")]
            .into_iter()
            .map(|(ms, name)| {
                let l = l.clone();
                hub::spawn(move || {
                    hub::sleep(Duration::from_millis(ms)).unwrap();
                    push(&l, name);
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
    })
    .unwrap();
    assert_eq!(*log.borrow(), ["fast", "slow"]);
}

#[test]
fn a_panic_is_delivered_to_the_joiner_and_the_hub_goes_on() {
    let result = hub::run(|| {
        let bad = hub::spawn_named("bad", || -> u32 { panic!("boom") });
        let good = hub::spawn(|| 5u32);
        let err = bad.join().unwrap_err();
        assert!(err.is_panic());
        assert_eq!(err.panic_message(), Some("boom"));
        good.join().unwrap()
    });
    assert_eq!(result.unwrap(), 5);
    let err = hub::run(|| -> () { panic!("main too") }).unwrap_err();
    assert_eq!(err.panic_message(), Some("main too"));
}

struct SetOnDrop(Rc<RefCell<bool>>);

impl Drop for SetOnDrop {
    fn drop(&mut self) {
        *self.0.borrow_mut() = true;
    }
}

#[test]
fn kill_interrupts_the_wait_and_cleanup_runs() {
    let cleaned = Rc::new(RefCell::new(false));
    let c = cleaned.clone();
    let outcome = hub::run(move || {
        let (_tx, rx) = channel::unbounded::<u32>();
        let victim = hub::spawn(move || -> Result<u32, Error> {
            let _guard = SetOnDrop(c);
            let v = rx.recv()?; // never sent: only the kill ends this
            Ok(v)
        });
        hub::yield_now().unwrap();
        assert!(!victim.is_finished());
        victim.kill().unwrap();
        assert!(victim.is_finished());
        victim.join()
    })
    .unwrap();
    assert!(matches!(outcome, Err(JoinError::Killed)));
    assert!(*cleaned.borrow());
}

#[test]
fn kill_before_start_never_runs_the_body() {
    let ran = Rc::new(RefCell::new(false));
    let r = ran.clone();
    let outcome = hub::run(move || {
        let h = hub::spawn(move || *r.borrow_mut() = true);
        h.kill().unwrap();
        h.join()
    })
    .unwrap();
    assert!(matches!(outcome, Err(JoinError::Killed)));
    assert!(!*ran.borrow());
}

#[test]
fn a_killed_greenlet_cannot_block_again() {
    let outcome = hub::run(|| {
        let h = hub::spawn(|| {
            let first = hub::sleep(Duration::from_secs(3600));
            let second = hub::sleep(Duration::from_secs(3600));
            (first, second)
        });
        hub::yield_now().unwrap();
        h.abort();
        h.wait().unwrap();
        h.join()
    })
    .unwrap();
    assert!(matches!(outcome, Err(JoinError::Killed)));
}

#[test]
fn timeout_interrupts_a_blocked_operation() {
    let result = hub::run(|| {
        let (_tx, rx) = channel::unbounded::<u32>();
        hub::timeout(10 * MS, || rx.recv())
    })
    .unwrap();
    assert_eq!(result, Err(hub::Elapsed));
}

#[test]
fn timeout_returns_the_value_when_in_time() {
    let result =
        hub::run(|| hub::timeout(Duration::from_secs(3600), || hub::sleep(MS).map(|()| 7)))
            .unwrap();
    assert_eq!(result, Ok(Ok(7)));
}

#[test]
fn nested_timeouts_report_to_the_right_scope() {
    let (outer, inner_value) = hub::run(|| {
        let mut inner_value = None;
        let outer = hub::timeout(10 * MS, || {
            let inner = hub::timeout(Duration::from_secs(3600), || {
                hub::sleep(Duration::from_secs(3600))
            });
            // The outer deadline passed: the inner scope returns the interrupted value.
            inner_value = Some(inner);
            hub::sleep(MS)
        });
        (outer, inner_value)
    })
    .unwrap();
    assert_eq!(outer, Err(hub::Elapsed));
    assert_eq!(inner_value, Some(Ok(Err(Error::TimedOut))));
}

#[test]
fn deadlock_is_reported_with_names() {
    let err = hub::run(|| {
        let (tx, rx) = channel::unbounded::<u32>();
        let consumer = hub::spawn_named("consumer", move || rx.recv());
        let _keep = tx;
        consumer.join()
    })
    .unwrap_err();
    let JoinError::Deadlock(report) = err else {
        panic!("expected a deadlock, got {err}")
    };
    assert_eq!(report.blocked.len(), 2);
    assert_eq!(report.blocked[0].name.as_deref(), Some("main"));
    assert!(report.blocked[0].waits_for.contains("consumer"));
    assert_eq!(report.blocked[1].name.as_deref(), Some("consumer"));
    assert!(report.blocked[1]
        .waits_for
        .starts_with("receive on channel #"));
    assert!(report.to_string().contains("deadlock"));
}

#[test]
fn blocking_calls_outside_a_greenlet_are_errors() {
    assert_eq!(hub::sleep(MS), Err(Error::NoTask));
    assert_eq!(hub::yield_now(), Err(Error::NoTask));
    let (_tx, rx) = channel::unbounded::<u32>();
    assert_eq!(rx.recv(), Err(Error::NoTask));
    assert_eq!(rx.try_recv(), Err(TryRecvError::Empty));
}

#[test]
fn unbounded_channel_keeps_order_and_reports_disconnection() {
    let got = hub::run(|| {
        let (tx, rx) = channel::unbounded();
        let producer = hub::spawn(move || {
            for i in 0..100 {
                tx.send(i).unwrap();
            }
        });
        let got: Vec<i32> = rx.iter().collect();
        producer.join().unwrap();
        assert_eq!(rx.recv(), Err(Error::Disconnected));
        got
    })
    .unwrap();
    assert_eq!(got, (0..100).collect::<Vec<_>>());
}

#[test]
fn bounded_channel_blocks_the_sender_when_full() {
    let log: Log = Rc::default();
    let l = log.clone();
    hub::run(move || {
        let (tx, rx) = channel::bounded(2);
        let l2 = l.clone();
        let producer = hub::spawn(move || {
            for i in 0..4 {
                tx.send(i).unwrap();
                push(&l2, format!("sent {i}"));
            }
        });
        hub::yield_now().unwrap();
        push(&l, "main");
        for _ in 0..4 {
            let v = rx.recv().unwrap();
            push(&l, format!("got {v}"));
        }
        producer.join().unwrap();
    })
    .unwrap();
    let log = log.borrow();
    // Two fit; the third waits for room.
    assert_eq!(&log[..3], ["sent 0", "sent 1", "main"]);
    assert_eq!(log.iter().filter(|s| s.starts_with("got")).count(), 4);
}

#[test]
fn rendezvous_send_waits_for_a_receiver() {
    let log: Log = Rc::default();
    let l = log.clone();
    hub::run(move || {
        let (tx, rx) = channel::rendezvous();
        let l2 = l.clone();
        let producer = hub::spawn(move || {
            push(&l2, "send");
            tx.send(1).unwrap();
            push(&l2, "sent");
        });
        for _ in 0..3 {
            hub::yield_now().unwrap();
        }
        push(&l, "recv");
        assert_eq!(rx.recv().unwrap(), 1);
        producer.join().unwrap();
    })
    .unwrap();
    assert_eq!(*log.borrow(), ["send", "recv", "sent"]);
}

#[test]
fn rendezvous_try_send_needs_a_waiting_receiver() {
    hub::run(|| {
        let (tx, rx) = channel::rendezvous::<u8>();
        assert!(matches!(
            tx.try_send(1),
            Err(channel::TrySendError::Full(1))
        ));
        let receiver = hub::spawn(move || rx.recv());
        hub::yield_now().unwrap();
        tx.try_send(2).unwrap();
        assert_eq!(receiver.join().unwrap(), Ok(2));
        assert!(matches!(
            tx.try_send(3),
            Err(channel::TrySendError::Disconnected(3))
        ));
    })
    .unwrap();
}

#[test]
fn a_timed_out_sender_gets_its_value_back() {
    hub::run(|| {
        let (tx, rx) = channel::rendezvous::<String>();
        let mut back = None;
        let outcome = hub::timeout(5 * MS, || {
            if let Err(e) = tx.send("kept".to_string()) {
                assert_eq!(e.error, Error::TimedOut);
                back = Some(e.value);
            }
        });
        assert_eq!(outcome, Err(hub::Elapsed));
        assert_eq!(back.as_deref(), Some("kept"));
        assert_eq!(rx.try_recv(), Err(TryRecvError::Empty));
    })
    .unwrap();
}

#[test]
fn select_picks_the_ready_receiver() {
    hub::run(|| {
        let (tx1, rx1) = channel::unbounded::<u32>();
        let (tx2, rx2) = channel::unbounded::<&str>();
        let sender = hub::spawn(move || {
            hub::sleep(MS).unwrap();
            tx2.send("two").unwrap();
        });
        let mut select = Select::new();
        select.recv(&rx1);
        let b = select.recv(&rx2);
        assert_eq!(select.wait().unwrap(), Some(b));
        assert_eq!(rx2.try_recv(), Ok("two"));
        sender.join().unwrap();
        // A disconnected receiver is ready too.
        hub::spawn(move || drop(tx1));
        let mut select = Select::new();
        let a = select.recv(&rx1);
        assert_eq!(select.wait().unwrap(), Some(a));
        assert_eq!(rx1.try_recv(), Err(TryRecvError::Disconnected));
    })
    .unwrap();
}

#[test]
fn select_times_out() {
    let outcome = hub::run(|| {
        let (_tx, rx) = channel::unbounded::<u32>();
        let mut select = Select::new();
        select.recv(&rx);
        select.timeout(5 * MS);
        select.wait()
    })
    .unwrap();
    assert_eq!(outcome, Ok(None));
}

#[test]
fn many_greenlets_ping_pong_over_rendezvous_channels() {
    let n = 1000;
    let total = hub::run(move || {
        let (first_tx, mut rx) = channel::rendezvous::<u64>();
        let mut handles = Vec::new();
        for _ in 0..n {
            let (tx, next_rx) = channel::rendezvous::<u64>();
            let prev = std::mem::replace(&mut rx, next_rx);
            handles.push(hub::spawn(move || {
                let v = prev.recv().unwrap();
                tx.send(v + 1).unwrap();
            }));
        }
        first_tx.send(0).unwrap();
        let v = rx.recv().unwrap();
        for h in handles {
            h.join().unwrap();
        }
        v
    })
    .unwrap();
    assert_eq!(total, n);
}

#[test]
fn tcp_echo_with_fifty_concurrent_clients() {
    let clients = 50;
    let rounds = 20;
    let ok = hub::run(move || {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let server = hub::spawn_named("acceptor", move || {
            for _ in 0..clients {
                let (stream, _) = listener.accept().unwrap();
                hub::spawn(move || {
                    let mut stream = stream;
                    let mut buf = [0u8; 1024];
                    loop {
                        match stream.read(&mut buf) {
                            Ok(0) | Err(_) => break,
                            Ok(n) => stream.write_all(&buf[..n]).unwrap(),
                        }
                    }
                });
            }
        });
        let handles: Vec<_> = (0..clients)
            .map(|c| {
                hub::spawn(move || {
                    let mut stream = TcpStream::connect(addr).unwrap();
                    let mut matched = 0;
                    for r in 0..rounds {
                        let msg = format!("client {c} round {r} {}", "x".repeat(c * 10));
                        stream.write_all(msg.as_bytes()).unwrap();
                        let mut back = vec![0u8; msg.len()];
                        stream.read_exact(&mut back).unwrap();
                        if back == msg.as_bytes() {
                            matched += 1;
                        }
                    }
                    matched
                })
            })
            .collect();
        // Bounded in time: a lost wake-up fails the test instead of hanging it.
        let ok = hub::timeout(Duration::from_secs(60), || {
            let ok: usize = handles.into_iter().map(|h| h.join().unwrap()).sum();
            server.join().unwrap();
            ok
        });
        ok.expect("the echo finished in time")
    })
    .unwrap();
    assert_eq!(ok, clients * rounds);
}

#[test]
fn timeout_on_a_silent_socket() {
    hub::run(|| {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let _peer = hub::spawn(move || listener.accept().map(|(s, _)| s));
        let mut stream = TcpStream::connect(addr).unwrap();
        let mut buf = [0u8; 8];
        let outcome = hub::timeout(5 * MS, || stream.read(&mut buf));
        assert_eq!(outcome.unwrap_err(), hub::Elapsed);
    })
    .unwrap();
}

#[test]
fn a_read_error_carries_the_kill() {
    hub::run(|| {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let reader = hub::spawn(move || {
            let (mut stream, _) = listener.accept().unwrap();
            let mut buf = [0u8; 8];
            stream
                .read(&mut buf)
                .map_err(|e| Error::from_io(&e).cloned())
        });
        let _client = TcpStream::connect(addr).unwrap();
        hub::sleep(MS).unwrap();
        reader.abort();
        reader.wait().unwrap();
        assert!(matches!(reader.join(), Err(JoinError::Killed)));
    })
    .unwrap();
}

#[test]
fn udp_round_trip() {
    let got = hub::run(|| {
        let a = UdpSocket::bind("127.0.0.1:0").unwrap();
        let b = UdpSocket::bind("127.0.0.1:0").unwrap();
        let a_addr = a.local_addr().unwrap();
        let b_addr = b.local_addr().unwrap();
        let echo = hub::spawn(move || {
            let mut buf = [0u8; 64];
            let (n, from) = b.recv_from(&mut buf).unwrap();
            b.send_to(&buf[..n], from).unwrap();
        });
        a.send_to(b"ping", b_addr).unwrap();
        let mut buf = [0u8; 64];
        let (n, from) = hub::timeout(Duration::from_secs(60), || a.recv_from(&mut buf))
            .expect("the echo came back in time")
            .unwrap();
        echo.join().unwrap();
        assert_eq!(from, b_addr);
        let _ = a_addr;
        buf[..n].to_vec()
    })
    .unwrap();
    assert_eq!(got, b"ping");
}

#[test]
fn hub_handle_spawns_on_another_thread() {
    let (tx, rx) = std::sync::mpsc::channel();
    let worker = std::thread::spawn(move || {
        let handle = hub::handle().unwrap();
        tx.send(handle).unwrap();
        // A `JoinError` may hold values that cannot cross threads: keep its message.
        hub::serve().map_err(|e| e.to_string())
    });
    let handle = rx.recv().unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    for i in 0..10 {
        let seen = seen.clone();
        handle
            .spawn(move || {
                hub::yield_now().unwrap();
                seen.lock().unwrap().push(i);
            })
            .unwrap();
    }
    handle.shutdown(Duration::from_secs(10)).unwrap();
    let report = worker.join().unwrap().unwrap();
    assert_eq!(report.killed, 0);
    let mut seen = seen.lock().unwrap().clone();
    seen.sort();
    assert_eq!(seen, (0..10).collect::<Vec<_>>());
    // The hub is gone: a send now fails instead of pretending.
    assert_eq!(handle.spawn(|| ()), Err(Error::Shutdown));
    assert!(!handle.is_open());
}

#[test]
fn remote_waker_wakes_a_parked_greenlet() {
    let value = hub::run(|| {
        let slot = Arc::new(Mutex::new(None));
        let waker = hub::remote_waker().unwrap();
        let s = slot.clone();
        let thread = std::thread::spawn(move || {
            *s.lock().unwrap() = Some(99);
            waker.wake().unwrap();
        });
        let value = loop {
            if let Some(v) = slot.lock().unwrap().take() {
                break v;
            }
            hub::park_remote().unwrap();
        };
        thread.join().unwrap();
        value
    })
    .unwrap();
    assert_eq!(value, 99);
}

#[test]
fn runtime_shutdown_lets_greenlets_finish() {
    let runtime = Runtime::new(2).unwrap();
    let done = Arc::new(AtomicUsize::new(0));
    for _ in 0..20 {
        let done = done.clone();
        runtime
            .spawn(move || {
                hub::sleep(MS).unwrap();
                done.fetch_add(1, Ordering::SeqCst);
            })
            .unwrap();
    }
    let report = runtime.shutdown(Duration::from_secs(10));
    assert_eq!(report.killed, 0);
    assert_eq!(report.failed_threads, 0);
    assert_eq!(done.load(Ordering::SeqCst), 20);
}

#[test]
fn runtime_shutdown_kills_after_the_grace_period() {
    let runtime = Runtime::new(2).unwrap();
    let cleaned = Arc::new(AtomicUsize::new(0));
    for _ in 0..4 {
        let cleaned = cleaned.clone();
        runtime
            .spawn(move || {
                let outcome = hub::sleep(Duration::from_secs(3600));
                assert_eq!(outcome, Err(Error::Killed));
                cleaned.fetch_add(1, Ordering::SeqCst);
            })
            .unwrap();
    }
    let report = runtime.shutdown(10 * MS);
    assert_eq!(report.killed, 4);
    assert_eq!(cleaned.load(Ordering::SeqCst), 4);
}

#[test]
fn shutdown_stops_acceptors() {
    let runtime = Runtime::new(2).unwrap();
    let stopped = Arc::new(AtomicUsize::new(0));
    let s = stopped.clone();
    runtime
        .spawn_each(move |_| {
            let listener = TcpListener::bind_reuseport("127.0.0.1:0").unwrap();
            let err = listener.accept().unwrap_err();
            assert_eq!(Error::from_io(&err), Some(&Error::Shutdown));
            s.fetch_add(1, Ordering::SeqCst);
        })
        .unwrap();
    let report = runtime.shutdown(Duration::from_secs(10));
    assert_eq!(report.killed, 0);
    assert_eq!(stopped.load(Ordering::SeqCst), 2);
}

#[test]
fn run_inside_a_greenlet_spawns_and_waits() {
    let v = hub::run(|| hub::run(|| hub::run(|| 3).unwrap() + 1).unwrap() + 1).unwrap();
    assert_eq!(v, 5);
}

#[test]
fn detached_greenlets_run_on() {
    let log: Log = Rc::default();
    let l = log.clone();
    hub::run(move || {
        let (tx, rx) = channel::unbounded();
        drop(hub::spawn(move || {
            hub::yield_now().unwrap();
            tx.send("from a detached greenlet").unwrap();
        }));
        push(&l, rx.recv().unwrap());
    })
    .unwrap();
    assert_eq!(*log.borrow(), ["from a detached greenlet"]);
}

#[test]
fn workers_are_reused_after_kills_and_panics() {
    let total = hub::run(|| {
        let mut total = 0;
        for round in 0..50u32 {
            let sleeper = hub::spawn(|| hub::sleep(Duration::from_secs(3600)));
            let panicker = hub::spawn(move || -> u32 { panic!("round {round}") });
            let worker = hub::spawn(move || round);
            hub::yield_now().unwrap();
            sleeper.kill().unwrap();
            assert!(panicker.join().unwrap_err().is_panic());
            total += worker.join().unwrap();
        }
        total
    })
    .unwrap();
    assert_eq!(total, (0..50).sum());
}

#[test]
fn the_hub_can_be_driven_again_after_a_deadlock() {
    let (tx, rx) = channel::unbounded::<u32>();
    let waiting = hub::spawn(move || rx.recv());
    assert!(matches!(waiting.wait(), Err(JoinError::Deadlock(_))));
    // Something can wake it now: the next drive completes.
    hub::spawn(move || tx.send(8).unwrap());
    assert_eq!(waiting.join().unwrap(), Ok(8));
}

#[test]
fn a_thread_exits_with_greenlets_still_parked() {
    let cleaned = Arc::new(AtomicUsize::new(0));
    let c = cleaned.clone();
    std::thread::spawn(move || {
        struct Count(Arc<AtomicUsize>);
        impl Drop for Count {
            fn drop(&mut self) {
                self.0.fetch_add(1, Ordering::SeqCst);
            }
        }
        let (_tx, rx) = channel::unbounded::<u32>();
        let rx = Rc::new(rx);
        for _ in 0..3 {
            let (rx, count) = (rx.clone(), Count(c.clone()));
            hub::spawn(move || {
                let _count = count;
                rx.recv()
            });
        }
        // The main greenlet ends; the others stay parked until the thread exits.
        hub::run(|| hub::yield_now().unwrap()).unwrap();
        drop(_tx);
    })
    .join()
    .unwrap();
    assert_eq!(cleaned.load(Ordering::SeqCst), 3);
}

/// Echoes one connection until the peer closes it.
fn echo_connection(mut stream: TcpStream) {
    let mut buf = [0u8; 1024];
    while let Ok(n) = stream.read(&mut buf) {
        if n == 0 || stream.write_all(&buf[..n]).is_err() {
            break;
        }
    }
}

fn accept_until_shutdown(listener: TcpListener) {
    loop {
        match listener.accept() {
            Ok((stream, _)) => drop(hub::spawn(move || echo_connection(stream))),
            Err(e) => {
                assert_eq!(Error::from_io(&e), Some(&Error::Shutdown), "{e}");
                return;
            }
        }
    }
}

#[test]
fn runtime_echo_server_serves_fifty_concurrent_clients() {
    let runtime = Runtime::new(2).unwrap();
    let (addr_tx, addr_rx) = std::sync::mpsc::channel();
    runtime
        .handle(0)
        .unwrap()
        .spawn(move || {
            let listener = TcpListener::bind_reuseport("127.0.0.1:0").unwrap();
            addr_tx.send(listener.local_addr().unwrap()).unwrap();
            accept_until_shutdown(listener);
        })
        .unwrap();
    let addr = addr_rx.recv().unwrap();
    runtime
        .handle(1)
        .unwrap()
        .spawn(move || accept_until_shutdown(TcpListener::bind_reuseport(addr).unwrap()))
        .unwrap();

    let (clients, rounds) = (50, 20);
    let matched = hub::run(move || {
        let handles: Vec<_> = (0..clients)
            .map(|c| {
                hub::spawn(move || -> std::io::Result<usize> {
                    let mut stream = TcpStream::connect(addr)?;
                    let mut matched = 0;
                    for r in 0..rounds {
                        let msg = format!("{c}:{r}:{}", "y".repeat((c * 37 + r * 11) % 900));
                        stream.write_all(msg.as_bytes())?;
                        let mut back = vec![0u8; msg.len()];
                        stream.read_exact(&mut back)?;
                        matched += usize::from(back == msg.as_bytes());
                    }
                    Ok(matched)
                })
            })
            .collect();
        // Bounded in time: a server that stops answering fails the test instead of hanging.
        hub::timeout(Duration::from_secs(60), || {
            handles
                .into_iter()
                .map(|h| h.join().unwrap().unwrap())
                .sum::<usize>()
        })
    })
    .unwrap()
    .expect("the echo server answered in time");
    assert_eq!(matched, clients * rounds);
    let report = runtime.shutdown(Duration::from_secs(10));
    assert_eq!(report, hub::ShutdownReport::default());
}

#[test]
fn a_value_handed_to_a_receiver_that_dies_goes_to_the_next_one() {
    let got = hub::run(|| {
        let (tx, rx) = channel::rendezvous::<u32>();
        let first = {
            let rx = rx.clone();
            hub::spawn(move || rx.recv())
        };
        let second = hub::spawn(move || rx.recv());
        hub::yield_now().unwrap(); // both receivers wait now
        tx.send(1).unwrap(); // handed to the first
        first.abort(); // which dies before it runs
        first.wait().unwrap();
        second.join().unwrap()
    })
    .unwrap();
    assert_eq!(got, Ok(1));
}

#[test]
fn a_thousand_sleepers_wake_in_deadline_order() {
    let woken = hub::run(|| {
        let (tx, rx) = channel::unbounded();
        let base = std::time::Instant::now() + Duration::from_millis(100);
        for i in (0..1000u32).rev() {
            let tx = tx.clone();
            hub::spawn(move || {
                let deadline = base + Duration::from_micros(u64::from(i) * 20);
                // Only a sleeper that parks before its deadline is ordered by the timer heap.
                let in_time = std::time::Instant::now() < deadline;
                hub::sleep_until(deadline).unwrap();
                tx.send((i, in_time)).unwrap();
            });
        }
        drop(tx);
        rx.iter().collect::<Vec<_>>()
    })
    .unwrap();
    assert_eq!(woken.len(), 1000);
    let ordered: Vec<u32> = woken.iter().filter(|w| w.1).map(|w| w.0).collect();
    assert!(ordered.len() > 900, "most sleepers park in time");
    assert!(ordered.windows(2).all(|w| w[0] < w[1]), "{ordered:?}");
}

#[test]
fn many_spawns_and_joins_reuse_workers() {
    let before = stacklet::stats().greenlets;
    let sum = hub::run(|| {
        (0..10_000u64)
            .map(|i| hub::spawn(move || i).join().unwrap())
            .sum::<u64>()
    })
    .unwrap();
    assert_eq!(sum, (0..10_000).sum());
    // A handful of worker greenlets served all of them.
    assert!(stacklet::stats().greenlets - before < 10);
}

/// Spawns a greenlet when dropped: a value whose `Drop` uses the hub.
struct SpawnOnDrop(Rc<RefCell<u32>>);

impl Drop for SpawnOnDrop {
    fn drop(&mut self) {
        let count = self.0.clone();
        drop(hub::spawn(move || *count.borrow_mut() += 1));
        let _ = hub::yield_now();
    }
}

#[test]
fn values_dropped_by_the_hub_may_use_the_hub() {
    let count = Rc::new(RefCell::new(0));
    let c = count.clone();
    hub::run(move || {
        for _ in 0..3 {
            // Detached: the hub drops the value when the greenlet ends.
            let c = c.clone();
            drop(hub::spawn(move || SpawnOnDrop(c)));
        }
        let c2 = c.clone();
        let killed = hub::spawn(move || {
            let _guard = SpawnOnDrop(c2);
            hub::sleep(Duration::from_secs(3600))
        });
        hub::yield_now().unwrap();
        killed.kill().unwrap();
        for _ in 0..10 {
            hub::yield_now().unwrap();
        }
    })
    .unwrap();
    assert_eq!(*count.borrow(), 4);
}

#[test]
fn spawn_blocking_parks_only_the_caller() {
    let saw_other_greenlet = hub::run(|| {
        let (tx, rx) = std::sync::mpsc::channel();
        // Runs only if the hub goes on while the caller waits for the thread.
        let other = hub::spawn(move || tx.send(()).unwrap());
        let saw = hub::spawn_blocking(move || rx.recv_timeout(Duration::from_secs(60)).is_ok());
        other.join().unwrap();
        saw.unwrap()
    })
    .unwrap();
    assert!(saw_other_greenlet);
    let err = hub::run(|| hub::spawn_blocking(|| -> u8 { panic!("in a thread") })).unwrap();
    assert_eq!(err.unwrap_err().panic_message(), Some("in a thread"));
    assert!(matches!(
        hub::spawn_blocking(|| 1),
        Err(JoinError::Wait(Error::NoTask))
    ));
}

#[test]
fn dropping_the_last_remote_waker_lets_the_hub_report_a_deadlock() {
    let (tx, rx) = std::sync::mpsc::channel::<hub::RemoteWaker>();
    // Drops the waker it is given without ever waking anyone.
    let dropper = std::thread::spawn(move || drop(rx.recv()));
    let outcome = hub::run(move || {
        tx.send(hub::remote_waker().unwrap()).unwrap();
        hub::park_remote()
    });
    dropper.join().unwrap();
    let Err(JoinError::Deadlock(report)) = outcome else {
        panic!("expected a deadlock report, got {outcome:?}")
    };
    assert_eq!(report.blocked.len(), 1);
    assert_eq!(report.blocked[0].waits_for, "be woken from another thread");
}

#[test]
fn calls_into_a_runtime_from_a_thread_and_from_greenlets() {
    let runtime = Arc::new(Runtime::new(2).unwrap());
    // From a plain thread: blocks it until the value is there.
    let on = runtime.call(|| std::thread::current().name().map(String::from));
    let name = on.unwrap().join().unwrap().unwrap();
    assert!(name.starts_with("hub-"), "{name}");

    // From greenlets of this thread's hub: parks only them.
    let rt = runtime.clone();
    let sum = hub::run(move || {
        let handles: Vec<_> = (0..20u64)
            .map(|i| {
                let rt = rt.clone();
                hub::spawn(move || {
                    let call = rt
                        .call(move || {
                            hub::sleep(MS).unwrap();
                            i * 2
                        })
                        .unwrap();
                    call.join().unwrap()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum::<u64>()
    })
    .unwrap();
    assert_eq!(sum, (0..20).map(|i| i * 2).sum());

    // A panic over there comes back as a panic.
    let err = runtime
        .call(|| -> u8 { panic!("remote boom") })
        .unwrap()
        .join()
        .unwrap_err();
    assert_eq!(err.panic_message(), Some("remote boom"));

    // A call still running at shutdown is killed, and its joiner hears it.
    let pending = runtime
        .call(|| hub::sleep(Duration::from_secs(3600)))
        .unwrap();
    let runtime = Arc::try_unwrap(runtime).unwrap();
    let handle = runtime.handle(0).unwrap().clone();
    let report = runtime.shutdown(MS);
    assert!(report.killed >= 1);
    assert!(matches!(pending.join(), Err(JoinError::Killed)));
    assert!(matches!(handle.call(|| 1), Err(Error::Shutdown)));
}

#[test]
fn a_greenlet_whose_socket_always_has_data_still_lets_others_run() {
    // A peer that is always ahead: every read succeeds at once and the reader never parks.
    // Without a budget for such runs of socket operations, it would keep the hub to itself.
    const SENT: usize = 64 * 1024;
    hub::run(|| {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let writer = std::thread::spawn(move || {
            let mut s = std::net::TcpStream::connect(addr).unwrap();
            s.write_all(&[7u8; SENT]).unwrap();
            s
        });
        let (mut conn, _) = listener.accept().unwrap();
        // All of it is buffered on our side before the first read.
        let peer = writer.join().unwrap();
        let ticks = Rc::new(std::cell::Cell::new(0u64));
        let done = Rc::new(std::cell::Cell::new(false));
        let (t, d) = (ticks.clone(), done.clone());
        let ticker = hub::spawn(move || {
            while !d.get() {
                t.set(t.get() + 1);
                hub::yield_now().unwrap();
            }
        });
        hub::yield_now().unwrap();
        let before = ticks.get();
        let mut buf = [0u8; 16];
        let mut total = 0;
        while total < SENT {
            total += conn.read(&mut buf).unwrap();
        }
        let during = ticks.get() - before;
        done.set(true);
        ticker.join().unwrap();
        drop(peer);
        assert!(
            during >= 10,
            "the other greenlet ran {during} times during 4,096 reads"
        );
    })
    .unwrap();
}

#[test]
fn a_drained_socket_wakes_its_reader_for_later_data_and_the_end() {
    // A read shorter than its buffer marks the socket drained, and the next read parks
    // without trying. Data that comes while the reader parks must wake it; data whose
    // readiness the hub saw while the reader was busy elsewhere (asleep here) must be read
    // at once, as no further event will come for it; and so must the end of the stream.
    let got = hub::run(|| {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let (go, wait) = std::sync::mpsc::channel::<()>();
        let writer = std::thread::spawn(move || {
            let mut s = std::net::TcpStream::connect(addr).unwrap();
            s.write_all(b"abc").unwrap();
            std::thread::sleep(20 * MS);
            s.write_all(b"defg").unwrap();
            wait.recv().unwrap();
            s.write_all(b"hi").unwrap();
            // Only once "hi" was read: so that its readiness came without the end.
            wait.recv().unwrap();
            s.write_all(b"jk").unwrap();
        });
        let (mut conn, _) = listener.accept().unwrap();
        let outcome = hub::timeout(Duration::from_secs(10), || {
            let mut buf = [0u8; 1024];
            let mut got: Vec<String> = Vec::new();
            // "abc", then (parked, woken by the event) "defg".
            while got.concat().len() < 7 {
                let n = conn.read(&mut buf).unwrap();
                got.push(String::from_utf8_lossy(&buf[..n]).into_owned());
            }
            go.send(()).unwrap();
            // "hi" arrives while this greenlet sleeps and the hub polls.
            hub::sleep(50 * MS).unwrap();
            let n = conn.read(&mut buf).unwrap();
            got.push(String::from_utf8_lossy(&buf[..n]).into_owned());
            // "jk" and the end arrive together while it sleeps: the short read of "jk"
            // must not hide the end.
            go.send(()).unwrap();
            hub::sleep(50 * MS).unwrap();
            loop {
                match conn.read(&mut buf).unwrap() {
                    0 => return got,
                    n => got.push(String::from_utf8_lossy(&buf[..n]).into_owned()),
                }
            }
        });
        writer.join().unwrap();
        outcome.expect("no wake-up was lost")
    })
    .unwrap();
    assert_eq!(got.concat(), "abcdefghijk");
}
