//! Switch costs: a raw corosensei round trip next to greenlet and continulet switches, and
//! the cost of a greenlet's whole life on a pooled stack. Run: `cargo bench --bench switch`.

use corosensei::stack::DefaultStack;
use corosensei::{Coroutine, CoroutineResult, Yielder};
use criterion::{criterion_group, criterion_main, Criterion};
use stacklet::{Continulet, Error, Greenlet};
use std::cell::RefCell;
use std::hint::black_box;
use std::rc::Rc;
use std::time::{Duration, Instant};

/// The baseline: resume a coroutine that suspends from a non-inlined function (as every
/// real switch does), one resume+suspend round trip per iteration.
fn raw_round_trip(iters: u64) -> Duration {
    #[inline(never)]
    fn suspend(y: &Yielder<u64, u64>, v: u64) -> u64 {
        y.suspend(v)
    }
    let mut co = Coroutine::with_stack(
        DefaultStack::new(1 << 16).unwrap(),
        |y: &Yielder<u64, u64>, mut v: u64| loop {
            v = suspend(y, v + 1);
        },
    );
    let start = Instant::now();
    let mut v = 0;
    for _ in 0..iters {
        if let CoroutineResult::Yield(next) = co.resume(v) {
            v = next;
        }
    }
    black_box(v);
    start.elapsed()
}

/// Two greenlets switching a counter back and forth: `iters` greenlet→greenlet switches.
fn greenlet_ping_pong(iters: u64) -> Duration {
    let pair: Rc<RefCell<Vec<Greenlet>>> = Rc::default();
    let p = pair.clone();
    let ping = Greenlet::new(move |mut v: u64| -> Result<Duration, Error> {
        let pong = p.borrow()[1].clone();
        let start = Instant::now();
        while v < iters {
            v = pong.switch(v + 1)?;
        }
        Ok(start.elapsed())
    });
    let p = pair.clone();
    let pong = Greenlet::new(move |mut v: u64| -> Result<(), Error> {
        let ping = p.borrow()[0].clone();
        loop {
            v = ping.switch(v + 1)?;
        }
    });
    pair.borrow_mut().extend([ping.clone(), pong]);
    let elapsed = ping.switch::<u64, Duration>(0).unwrap();
    // Dropping the handles kills `pong`, which is suspended in its switch.
    pair.borrow_mut().clear();
    elapsed
}

fn continulet_round_trip(iters: u64) -> Duration {
    let c = Continulet::new(|c: &Continulet| -> Result<(), Error> {
        let mut v: u64 = 0;
        loop {
            v = c.switch(v + 1)?;
        }
    });
    let mut v: u64 = c.switch(()).unwrap();
    let start = Instant::now();
    for _ in 0..iters {
        v = c.switch(v).unwrap();
    }
    black_box(v);
    start.elapsed()
}

fn switches(c: &mut Criterion) {
    let mut group = c.benchmark_group("switch");
    group.bench_function("corosensei resume+suspend round trip", |b| {
        b.iter_custom(raw_round_trip)
    });
    group.bench_function("greenlet to greenlet switch", |b| {
        b.iter_custom(greenlet_ping_pong)
    });
    group.bench_function("continulet switch round trip", |b| {
        b.iter_custom(continulet_round_trip)
    });
    group.finish();
}

fn lifecycle(c: &mut Criterion) {
    c.bench_function("greenlet create + switch + finish (pooled stack)", |b| {
        b.iter(|| {
            let g = Greenlet::new(|x: u64| -> Result<u64, Error> { Ok(x + 1) });
            black_box(g.switch::<u64, u64>(black_box(1)).unwrap())
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2));
    targets = switches, lifecycle
}
criterion_main!(benches);
