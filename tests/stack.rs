//! The stack layer: deep recursion through `grow`, switching inside segments, pooling, and
//! the overflow report.

use stacklet::stack::{self, grow, grow_with};
use stacklet::{Error, Greenlet};
use std::process::Command;

/// Recurses `n` levels through `grow`; every `every` levels it switches out to `out` with
/// the current depth and expects to be sent back `n` again. The frame is kept small (the
/// switch is out of line): fresh stack pages are the cost of deep recursion.
fn deep(n: u64, every: u64, out: Option<&Greenlet>) -> u64 {
    if n == 0 {
        return 0;
    }
    if n.is_multiple_of(every) {
        if let Some(out) = out {
            switch_out(out, n);
        }
    }
    grow(|| deep(n - 1, every, out)) + 1
}

#[inline(never)]
fn switch_out(out: &Greenlet, n: u64) {
    let echoed: u64 = out.switch(n).expect("main echoes the depth");
    assert_eq!(echoed, n);
}

#[test]
fn ten_million_levels_inside_a_greenlet_switching_out_every_thousand() {
    const DEPTH: u64 = 10_000_000;
    let g = Greenlet::new(|()| -> Result<u64, Error> {
        let main = Greenlet::current().parent().expect("child of main");
        Ok(deep(DEPTH, 1000, Some(&main)))
    });
    let mut switches = 0u64;
    let mut received: u64 = g.switch(()).unwrap();
    while !g.is_dead() {
        switches += 1;
        // Echo the depth back; the last answer is the finished body's result.
        received = g.switch(received).unwrap();
    }
    assert_eq!(received, DEPTH);
    assert_eq!(switches, DEPTH / 1000);
    assert_eq!(
        stack::stats().segments,
        0,
        "every segment went back when its closure returned"
    );
}

#[test]
fn ten_million_levels_on_the_main_thread() {
    assert_eq!(deep(10_000_000, u64::MAX, None), 10_000_000);
}

#[test]
fn a_greenlet_suspended_inside_a_segment_resumes_later() {
    // A red zone larger than any stack forces a hop onto a segment at once.
    let g = Greenlet::new(|x: u32| -> Result<u32, Error> {
        let main = Greenlet::main();
        grow_with(usize::MAX / 2, 64 * 1024, || -> Result<u32, Error> {
            assert!(stack::stats().segments >= 1);
            let y: u32 = main.switch(x + 1)?;
            grow_with(usize::MAX / 2, 64 * 1024, || main.switch::<u32, u32>(y + 1))
        })
    });
    let other = Greenlet::new(|x: u32| -> Result<u32, Error> { Ok(x * 2) });
    assert_eq!(g.switch::<u32, u32>(1).unwrap(), 2);
    // Run something else on this thread's stacks while g is parked inside its segment.
    assert_eq!(other.switch::<u32, u32>(21).unwrap(), 42);
    assert_eq!(g.switch::<u32, u32>(10).unwrap(), 11);
    assert_eq!(g.switch::<u32, u32>(100).unwrap(), 100);
    assert!(g.is_dead());
}

#[test]
fn killing_a_greenlet_parked_inside_a_segment_returns_the_segment() {
    let g = Greenlet::new(|()| -> Result<(), Error> {
        let main = Greenlet::main();
        grow_with(usize::MAX / 2, 64 * 1024, || main.switch::<(), ()>(()))
    });
    g.switch::<(), ()>(()).unwrap();
    assert!(stack::stats().segments >= 1);
    g.kill().unwrap();
    assert!(g.is_dead());
}

#[test]
fn finished_greenlets_give_their_stacks_back_to_the_pool() {
    // Warm the pool, then check that a burst of create+finish reuses it.
    for _ in 0..4 {
        Greenlet::new(|()| -> Result<(), Error> { Ok(()) })
            .switch::<(), ()>(())
            .unwrap();
    }
    let before = stack::stats();
    for _ in 0..1000 {
        Greenlet::new(|()| -> Result<(), Error> { Ok(()) })
            .switch::<(), ()>(())
            .unwrap();
    }
    let after = stack::stats();
    assert_eq!(
        after.regions, before.regions,
        "no new region for reused stacks"
    );
    assert!(after.pooled >= 1);
}

#[test]
fn reused_fibers_get_a_stack_of_the_size_asked_for() {
    // Finished fibers are kept with their stacks for reuse; a greenlet asking for another
    // size must not get one of them.
    let big = 4 << 20;
    for round in 0..3 {
        let small = Greenlet::new(|()| -> Result<usize, Error> { Ok(stack::remaining()) });
        let small_room = small.switch::<(), usize>(()).unwrap();
        let large = Greenlet::builder()
            .stack_size(big)
            .build(|()| -> Result<usize, Error> { Ok(stack::remaining()) });
        let large_room = large.switch::<(), usize>(()).unwrap();
        assert!(small_room < stack::DEFAULT_STACK_SIZE, "round {round}");
        assert!(
            large_room > big / 2,
            "round {round}: {large_room} bytes left"
        );
    }
}

#[test]
fn many_suspended_greenlets_share_few_mappings() {
    let before = stack::stats().regions;
    let parked: Vec<Greenlet> = (0..20_000)
        .map(|_| {
            let g = Greenlet::new(|()| -> Result<(), Error> {
                let main = Greenlet::main();
                main.switch::<(), ()>(())
            });
            g.switch::<(), ()>(()).unwrap();
            g
        })
        .collect();
    let regions = stack::stats().regions - before;
    // Regions double in size, so 20,000 stacks take about a dozen mappings, not 20,000.
    assert!(regions <= 16, "{regions} regions for 20,000 stacks");
    for g in &parked {
        g.kill().unwrap();
    }
}

/// Runs one `#[ignore]`d test of this binary in a child process with `env` set.
fn run_child(test: &str, env: (&str, &str)) -> std::process::Output {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            test,
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(env.0, env.1)
        .output()
        .unwrap()
}

#[test]
fn overflow_in_a_greenlet_is_reported_not_silent() {
    if std::env::var_os("STACKLET_OVERFLOW_CHILD").is_some() {
        return;
    }
    let out = run_child("overflow_child", ("STACKLET_OVERFLOW_CHILD", "1"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("stacklet: stack overflow in greenlet #")
            && stderr.contains("guard page hit"),
        "stderr was: {stderr}"
    );
}

/// Recurses without `grow` inside a small greenlet: must hit the guard page. Run only as
/// the child process of the test above.
#[test]
#[ignore]
fn overflow_child() {
    #[inline(never)]
    #[allow(unconditional_recursion)]
    fn unbounded(n: u64, pad: &mut [u8; 256]) -> u64 {
        pad[(n % 256) as usize] = n as u8;
        let mut next = [0u8; 256];
        unbounded(n + 1, &mut next) + std::hint::black_box(pad[0]) as u64
    }
    let g = Greenlet::builder()
        .stack_size(64 * 1024)
        .build(|()| -> Result<u64, Error> { Ok(unbounded(0, &mut [0; 256])) });
    let _ = g.switch::<(), u64>(());
}

#[test]
fn mprotect_guards_stop_short_of_the_map_count_limit() {
    if std::env::var_os("STACKLET_GUARD_MODE").is_some() {
        return;
    }
    let out = run_child("map_count_child", ("STACKLET_GUARD_MODE", "mprotect"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "child failed: {stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let created: usize = stdout
        .lines()
        .find_map(|l| l.split("limit after ").nth(1))
        .and_then(|n| n.split_whitespace().next()?.parse().ok())
        .unwrap_or_else(|| panic!("no limit reported: {stdout}"));
    assert!(
        created >= 10_000,
        "only {created} guarded stacks before the cap"
    );
}

/// Creates suspended greenlets with `mprotect` guards until the cap refuses one, then
/// checks that the process can still map memory. Run only by the test above.
#[test]
#[ignore]
fn map_count_child() {
    assert_eq!(stack::GuardMode::current(), None);
    let mut parked = Vec::new();
    loop {
        let g = Greenlet::builder()
            .stack_size(16 * 1024)
            .build(|()| -> Result<(), Error> {
                let main = Greenlet::main();
                main.switch::<(), ()>(())
            });
        match g.switch::<(), ()>(()) {
            Ok(()) => parked.push(g),
            Err(Error::Stack(stack::StackError::MapCountLimit { guarded })) => {
                assert_eq!(
                    stack::GuardMode::current(),
                    Some(stack::GuardMode::Mprotect)
                );
                assert!(
                    !g.is_started(),
                    "a refused start leaves the greenlet unstarted"
                );
                println!("limit after {guarded}");
                break;
            }
            Err(e) => panic!("unexpected error after {} stacks: {e}", parked.len()),
        }
    }
    // malloc still gets fresh mappings: the cap left room under vm.max_map_count.
    let big: Vec<Vec<u8>> = (0..64).map(|i| vec![i as u8; 1 << 20]).collect();
    assert_eq!(big[63][0], 63);
    for g in &parked {
        g.kill().unwrap();
    }
}

#[test]
fn stacks_of_greenlets_alive_together_start_at_different_page_offsets() {
    // Stacks are staggered below their slot's end, so the same frame in two greenlets does
    // not sit at the same offset modulo 4 KiB (which costs false store-to-load dependencies
    // and cache-set conflicts when switching between them).
    #[inline(never)]
    fn frame_offset() -> usize {
        let local = 0u8;
        std::hint::black_box(&local) as *const u8 as usize % 4096
    }
    let offsets: Vec<usize> = (0..4)
        .map(|_| {
            let g = Greenlet::new(|()| -> Result<usize, Error> {
                let offset = frame_offset();
                Greenlet::main().switch::<usize, ()>(offset)?;
                Ok(offset)
            });
            let offset = g.switch::<(), usize>(()).unwrap();
            std::mem::forget(g); // keep it suspended, so the next one gets another slot
            offset
        })
        .collect();
    let distinct: std::collections::HashSet<_> = offsets.iter().collect();
    assert!(distinct.len() > 1, "all at offset {:?}", offsets);
}
