//! Hub costs: spawning and joining a trivial greenlet, a yield, and a message through a
//! channel between two greenlets. Run: `cargo bench --no-default-features --bench hub`.

use criterion::{criterion_group, criterion_main, Criterion};
use stacklet::hub::{self, channel};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// `iters` spawn + join pairs of a greenlet returning a number, timed inside the hub.
fn spawn_join(iters: u64) -> Duration {
    hub::run(move || {
        let start = Instant::now();
        for i in 0..iters {
            let h = hub::spawn(move || black_box(i) + 1);
            black_box(h.join().unwrap());
        }
        start.elapsed()
    })
    .unwrap()
}

/// `iters` spawns, then `iters` joins: many greenlets alive at once.
fn spawn_many_then_join(iters: u64) -> Duration {
    hub::run(move || {
        let start = Instant::now();
        let handles: Vec<_> = (0..iters).map(|i| hub::spawn(move || i)).collect();
        for h in handles {
            black_box(h.join().unwrap());
        }
        start.elapsed()
    })
    .unwrap()
}

/// Two greenlets yielding to each other: `iters` yields.
fn yields(iters: u64) -> Duration {
    hub::run(move || {
        let other = hub::spawn(move || {
            for _ in 0..iters / 2 {
                hub::yield_now().unwrap();
            }
        });
        let start = Instant::now();
        for _ in 0..iters / 2 {
            hub::yield_now().unwrap();
        }
        other.join().unwrap();
        start.elapsed()
    })
    .unwrap()
}

/// A value sent on a rendezvous channel and answered on another: `iters` round trips.
fn channel_round_trip(iters: u64) -> Duration {
    hub::run(move || {
        let (to_tx, to_rx) = channel::rendezvous::<u64>();
        let (back_tx, back_rx) = channel::rendezvous::<u64>();
        let echo = hub::spawn(move || {
            while let Ok(v) = to_rx.recv() {
                back_tx.send(v + 1).unwrap();
            }
        });
        let start = Instant::now();
        for i in 0..iters {
            to_tx.send(i).unwrap();
            black_box(back_rx.recv().unwrap());
        }
        let elapsed = start.elapsed();
        drop(to_tx);
        echo.join().unwrap();
        elapsed
    })
    .unwrap()
}

fn hub_benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("hub");
    group.bench_function("spawn + join (trivial greenlet)", |b| {
        b.iter_custom(spawn_join)
    });
    group.bench_function("spawn + join, all spawned first", |b| {
        b.iter_custom(spawn_many_then_join)
    });
    group.bench_function("yield_now", |b| b.iter_custom(yields));
    group.bench_function("rendezvous channel round trip", |b| {
        b.iter_custom(channel_round_trip)
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2));
    targets = hub_benches
}
criterion_main!(benches);
