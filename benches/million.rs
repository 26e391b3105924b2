//! One million greenlets alive at once, each started and suspended: RSS per greenlet and
//! time per create+start. Run: `cargo bench --bench million [-- COUNT]`.

use stacklet::{Error, Greenlet};
use std::time::Instant;

fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn main() -> Result<(), Error> {
    let count: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let before = rss_kib();
    let start = Instant::now();
    let mut parked = Vec::with_capacity(count);
    for i in 0..count {
        let g = Greenlet::new(move |()| -> Result<usize, Error> {
            let main = Greenlet::main();
            main.switch::<(), ()>(())?;
            Ok(i)
        });
        g.switch::<(), ()>(())?;
        parked.push(g);
    }
    let elapsed = start.elapsed();
    let rss = rss_kib() - before;
    let stats = stacklet::stats();
    println!(
        "{count} greenlets alive: {:.2} GiB RSS, {:.2} KiB each; create+start {:.0} ns each; {} stacks on loan, {} regions",
        rss as f64 / (1024.0 * 1024.0),
        rss as f64 / count as f64,
        elapsed.as_nanos() as f64 / count as f64,
        stats.stack.in_use,
        stats.stack.regions,
    );
    let start = Instant::now();
    let mut sum = 0;
    for g in &parked {
        sum += g.switch::<(), usize>(())?;
    }
    println!(
        "resumed and finished all: {:.0} ns each (sum {sum})",
        start.elapsed().as_nanos() as f64 / count as f64
    );
    Ok(())
}
