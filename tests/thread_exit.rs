//! Thread exit with greenlets still suspended. Its own test binary: it checks the
//! process-wide count of stacks on loan, which tests running beside it would disturb.

use stacklet::stack;
use stacklet::{Error, Greenlet};

#[test]
fn suspended_greenlets_are_released_when_their_thread_exits() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static DROPPED: AtomicUsize = AtomicUsize::new(0);
    static RESUMED: AtomicUsize = AtomicUsize::new(0);
    struct Guard;
    impl Drop for Guard {
        fn drop(&mut self) {
            DROPPED.fetch_add(1, Ordering::SeqCst);
        }
    }
    let before = stack::stats().in_use;
    // Finished greenlets keep their fibers and stacks for reuse, but not on loan.
    for _ in 0..100 {
        Greenlet::new(|()| -> Result<(), Error> { Ok(()) })
            .switch::<(), ()>(())
            .unwrap();
    }
    assert_eq!(
        stack::stats().in_use,
        before,
        "finished greenlets hold no stack"
    );
    // Registered before the greenlet runtime's thread-locals, so destroyed after them: the
    // handle in it outlives the runtime state (a handle dropped earlier is an ordinary
    // drop, and kills its greenlet as any drop does).
    thread_local!(static PARKED: std::cell::RefCell<Vec<Greenlet>> = const { std::cell::RefCell::new(Vec::new()) });
    std::thread::spawn(|| {
        PARKED.with(|_| ());
        let mut keep = Vec::new();
        for _ in 0..10 {
            let g = Greenlet::new(|()| -> Result<(), Error> {
                let _guard = Guard;
                let main = Greenlet::main();
                let r = main.switch::<(), ()>(());
                // Reached only if the body is resumed, which thread exit must not do.
                RESUMED.fetch_add(1, Ordering::SeqCst);
                r
            });
            g.switch::<(), ()>(()).unwrap();
            keep.push(g);
        }
        let last = keep.pop().unwrap();
        PARKED.with(|p| p.borrow_mut().push(last));
        std::mem::forget(keep);
    })
    .join()
    .unwrap();
    assert_eq!(
        RESUMED.load(Ordering::SeqCst),
        0,
        "no body resumed at thread exit"
    );
    assert_eq!(
        DROPPED.load(Ordering::SeqCst),
        10,
        "every stack was unwound"
    );
    assert_eq!(stack::stats().in_use, before, "every stack was given back");
}
