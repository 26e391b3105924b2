//! Loom model of the guard-region registry that the SIGSEGV handler reads.
//!
//! Threads register regions when their pools grow and withdraw them when they exit, while
//! the handler may read the table from any thread at any instruction. The model checks that
//! a reader sees either nothing or a whole, published range, never a torn mix of two, and
//! that a withdrawn range is never reported once withdrawal has completed.
#![cfg(loom)]

use loom::sync::Arc;
use loom::thread;
use stacklet::__private::{GuardRegistry, GuardedRange};

const A: GuardedRange = GuardedRange {
    start: 0x1000,
    end: 0x9000,
    slot: 0x2000,
    guard: 0x1000,
};
const B: GuardedRange = GuardedRange {
    start: 0x20000,
    end: 0x40000,
    slot: 0x8000,
    guard: 0x1000,
};

/// Each entry is five atomics; a preemption bound keeps the model to seconds while still
/// covering every point where a reader can interleave with one writer's update.
fn model(f: impl Fn() + Sync + Send + 'static) {
    let mut builder = loom::model::Builder::new();
    builder.preemption_bound = Some(2);
    builder.check(f);
}

#[test]
fn readers_never_see_a_torn_range() {
    model(|| {
        let registry = Arc::new(GuardRegistry::<1>::new());
        let index = registry.register(A).expect("one free entry");
        let writer = {
            let registry = registry.clone();
            thread::spawn(move || {
                // The region's thread exits and unmaps it; another thread reuses the entry.
                registry.unregister(index);
                registry.register(B).expect("the entry is free again")
            })
        };
        if let Some(found) = registry.find(0x1000) {
            assert_eq!(found, A, "torn read");
        }
        let index = writer.join().unwrap();
        assert_eq!(registry.find(0x1000), None, "a withdrawn range is gone");
        assert_eq!(registry.find(0x20000), Some(B));
        registry.unregister(index);
    });
}

#[test]
fn two_threads_registering_get_distinct_entries() {
    model(|| {
        let registry = Arc::new(GuardRegistry::<2>::new());
        let handles: Vec<_> = [A, B]
            .into_iter()
            .map(|range| {
                let registry = registry.clone();
                thread::spawn(move || {
                    registry
                        .register(range)
                        .expect("two entries for two threads")
                })
            })
            .collect();
        let indices: Vec<usize> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        assert_ne!(indices[0], indices[1]);
        assert_eq!(registry.find(0x1000), Some(A));
        assert_eq!(registry.find(0x20000), Some(B));
    });
}
