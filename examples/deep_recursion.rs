//! Rust recursion 10,000,000 levels deep, on the main thread and inside a greenlet that
//! switches out to main every 1,000,000 levels.
//!
//! Run with `cargo run --release --example deep_recursion [depth]`.

use stacklet::stack::grow;
use stacklet::{Error, Greenlet};
use std::time::Instant;

/// Sums 1..=n recursively; `grow` hops to a fresh stack segment whenever this one runs low.
fn sum_to(n: u64, report: Option<&Greenlet>) -> u64 {
    if n == 0 {
        return 0;
    }
    if n.is_multiple_of(1_000_000) {
        if let Some(main) = report {
            report_depth(main, n);
        }
    }
    n + grow(|| sum_to(n - 1, report))
}

#[inline(never)]
fn report_depth(main: &Greenlet, n: u64) {
    let _: () = main.switch(n).expect("main resumes us");
}

fn main() -> Result<(), Error> {
    let depth: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000_000);

    let start = Instant::now();
    let total = sum_to(depth, None);
    println!(
        "main thread: sum_to({depth}) = {total} in {:.2?}",
        start.elapsed()
    );
    assert_eq!(total, depth * (depth + 1) / 2);

    let start = Instant::now();
    let worker = Greenlet::builder()
        .name("deep")
        .build(move |()| -> Result<u64, Error> {
            let main = Greenlet::main();
            Ok(sum_to(depth, Some(&main)))
        });
    let mut reports = 0;
    let mut received = worker.switch_value(stacklet::Payload::unit())?;
    while !worker.is_dead() {
        reports += 1;
        // The greenlet is parked deep inside a chain of segments; wake it again.
        received = worker.switch_value(stacklet::Payload::unit())?;
    }
    let total: u64 = received.downcast().expect("the body returns a u64");
    println!(
        "greenlet: sum_to({depth}) = {total} in {:.2?}, switched out {reports} times from inside segments",
        start.elapsed()
    );
    assert_eq!(total, depth * (depth + 1) / 2);
    Ok(())
}
