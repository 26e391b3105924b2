//! The greenlets of one OS thread: its main greenlet, the current one, and deferred kills.

use super::{Inner, State};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub(super) struct ThreadGreenlets {
    pub(super) main: Rc<Inner>,
    pub(super) current: RefCell<Rc<Inner>>,
    /// Greenlets whose last handle dropped where no switch was possible (on the root while
    /// the loop runs, during a panic); they are killed by the next switch on this thread.
    pub(super) pending_kills: RefCell<Vec<Rc<Inner>>>,
}

thread_local! {
    pub(super) static THREAD: ThreadGreenlets = {
        let main = Inner::new_main();
        ThreadGreenlets {
            current: RefCell::new(main.clone()),
            main,
            pending_kills: RefCell::new(Vec::new()),
        }
    };
    /// Greenlet records (main included) currently allocated on this thread.
    static ALIVE: Cell<usize> = const { Cell::new(0) };
}

impl ThreadGreenlets {
    pub(super) fn current(&self) -> Rc<Inner> {
        self.current.borrow().clone()
    }

    pub(super) fn is_current(&self, inner: &Rc<Inner>) -> bool {
        Rc::ptr_eq(&self.current.borrow(), inner)
    }
}

/// Runs `f` with this thread's greenlets, or returns `None` while the thread is exiting.
pub(super) fn with<R>(f: impl FnOnce(&ThreadGreenlets) -> R) -> Option<R> {
    THREAD.try_with(f).ok()
}

/// Counts greenlet records of this thread (for `stats`).
pub(super) fn count(delta: isize) {
    let _ = ALIVE.try_with(|a| a.set(a.get().wrapping_add_signed(delta)));
}

/// Greenlet records (main included) allocated on this thread.
pub(super) fn alive() -> usize {
    ALIVE.try_with(Cell::get).unwrap_or(0)
}

/// Whether `inner` is suspended (started, not dead, not running).
pub(super) fn is_suspended(thread: &ThreadGreenlets, inner: &Rc<Inner>) -> bool {
    inner.state.get() == State::Active && !thread.is_current(inner)
}
