//! A switch allocates nothing: counted with a global allocator. Its own test binary, so that
//! no other test allocates on another thread while the count runs.

use stacklet::{Continulet, Error, Greenlet};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator unchanged; only counts calls.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: same contract as ours.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as ours.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn greenlet_and_continulet_switches_do_not_allocate() {
    let ring: Rc<RefCell<Vec<Greenlet>>> = Rc::default();
    let r = ring.clone();
    let a = Greenlet::new(move |mut v: u64| -> Result<u64, Error> {
        let b = r.borrow()[1].clone();
        while v < 10_000 {
            v = b.switch(v + 1)?;
        }
        Ok(v)
    });
    let r = ring.clone();
    let b = Greenlet::new(move |mut v: u64| -> Result<(), Error> {
        let a = r.borrow()[0].clone();
        loop {
            v = a.switch(v + 1)?;
        }
    });
    ring.borrow_mut().extend([a.clone(), b.clone()]);
    // Warm up: starting greenlets allocates (their records and stacks), switching must not.
    a.switch::<u64, u64>(9_990).unwrap_or_default();
    let g = Greenlet::new(|mut v: u64| -> Result<u64, Error> {
        let main = Greenlet::main();
        loop {
            v = main.switch(v + 1)?;
        }
    });
    let c = Continulet::new(|c: &Continulet| -> Result<(), Error> {
        let mut v: u64 = 0;
        loop {
            v = c.switch(v + 1)?;
        }
    });
    let mut v: u64 = g.switch(0u64).unwrap();
    let _: u64 = c.switch(()).unwrap();

    let before = ALLOCATIONS.load(Ordering::Relaxed);
    for _ in 0..1000 {
        v = g.switch(v).unwrap();
        v = c.switch(v).unwrap();
    }
    let after = ALLOCATIONS.load(Ordering::Relaxed);
    assert_eq!(after - before, 0, "allocations during 4,000 switches");
    assert!(v > 1000);
    ring.borrow_mut().clear();
}
