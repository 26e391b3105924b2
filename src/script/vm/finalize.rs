//! Deferred finalization: work that must run script code when an object dies (closing a
//! generator suspended in a `try`, killing an abandoned greenlet) is queued by the `Drop`
//! and run at the next safe point of the dispatch loop. A `Drop` can fire while a container
//! is borrowed; script code must not run there.

use super::Vm;
use std::cell::{Cell, RefCell};

type Finalizer = Box<dyn FnOnce(&Vm)>;

thread_local! {
    static QUEUE: RefCell<Vec<Finalizer>> = const { RefCell::new(Vec::new()) };
    static PENDING: Cell<usize> = const { Cell::new(0) };
}

/// Queues `f` to run at the next safe point.
pub fn defer(f: impl FnOnce(&Vm) + 'static) {
    // During thread teardown the queue may be gone: the work is then dropped, as CPython
    // runs no script code of parked objects at exit.
    let _ = QUEUE.try_with(|q| q.borrow_mut().push(Box::new(f)));
    let _ = PENDING.try_with(|p| p.set(p.get() + 1));
}

/// Whether finalizers wait to run (one thread-local read: cheap enough for safe points).
#[inline]
pub fn pending() -> bool {
    PENDING.try_with(Cell::get).unwrap_or(0) != 0
}

impl Vm {
    /// Runs the queued finalizers (including any they queue in turn).
    pub fn run_finalizers(&self) {
        loop {
            let Some(f) = QUEUE.try_with(|q| q.borrow_mut().pop()).ok().flatten() else {
                break;
            };
            let _ = PENDING.try_with(|p| p.set(p.get().saturating_sub(1)));
            f(self);
        }
    }
}
