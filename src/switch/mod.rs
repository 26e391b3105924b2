//! The per-thread trampoline: the one place where coroutines are resumed.
//!
//! Only the thread's root context (its original stack) resumes coroutines. Any other context
//! hands control on by suspending with a [`Transfer`] — "resume that context with this
//! message" — and a coroutine that finishes returns one too. The root's loop carries the
//! transfers out, so every context except the running one is suspended at exactly one point
//! (its `suspend` or its start) and can be resumed from here. Policy (which greenlet a dead
//! one forwards to, where a result goes) is decided by the greenlet and continulet layers,
//! in the context that transfers; this layer only moves control and messages.
//!
//! A switch between two coroutines is therefore two stack switches (to the root, to the
//! target), the same count as one resume/suspend round trip, and allocates nothing.

mod fiber;

pub(crate) use fiber::{Fiber, Message, Transfer};

use crate::error::Error;
use crate::stack;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

thread_local! {
    /// The running fiber, `None` on the root. The loop moves each fiber's `Rc` in here while
    /// it runs, which also keeps a running fiber alive whatever it drops.
    static CURRENT: RefCell<Option<Rc<Fiber>>> = const { RefCell::new(None) };
    /// Whether the root is inside the loop (then it must not switch: its stack is the loop's).
    static IN_LOOP: Cell<bool> = const { Cell::new(false) };
    /// How many suspended fibers are being unwound right now (see [`Fiber::release`]).
    static RELEASING: Cell<usize> = const { Cell::new(0) };
    /// Transfers carried out on this thread.
    static SWITCHES: Cell<u64> = const { Cell::new(0) };
    /// Set once this thread's suspended fibers have been released at thread exit.
    static EXITING: Cell<bool> = const { Cell::new(false) };
}

/// Marks the thread as exiting: from now on nothing switches.
pub(crate) fn set_exiting() {
    EXITING.with(|e| e.set(true));
}

/// The running fiber (`None`: the root context).
#[inline]
pub(crate) fn current() -> Option<Rc<Fiber>> {
    CURRENT.with(|c| c.borrow().clone())
}

/// Whether a transfer may start here and now.
#[inline]
pub(crate) fn can_switch() -> bool {
    RELEASING.with(Cell::get) == 0
        && !EXITING.with(Cell::get)
        && !std::thread::panicking()
        && CURRENT
            .try_with(|c| c.borrow().is_some())
            .is_ok_and(|in_fiber| in_fiber || !IN_LOOP.with(Cell::get))
}

/// Whether a suspended fiber is being unwound (its body must let the unwind through).
#[inline]
pub(crate) fn releasing() -> bool {
    RELEASING.with(Cell::get) != 0
}

/// Transfers carried out on this thread so far.
pub fn switch_count() -> u64 {
    SWITCHES.with(Cell::get)
}

/// Suspends the running context and resumes `to` (`None`: the root) with `msg`. Returns the
/// message that resumes the running context later. The caller has checked [`can_switch`]
/// and recorded where the running context can be found again.
#[inline]
pub(crate) fn transfer(to: Option<Rc<Fiber>>, msg: Message) -> Message {
    SWITCHES.with(|s| s.set(s.get() + 1));
    let yielder = CURRENT.with(|c| c.borrow().as_ref().map(|f| f.yielder()));
    match yielder {
        // SAFETY: the yielder belongs to the running fiber, whose coroutine is alive (the loop
        // holds the fiber) and is the one executing this code.
        Some(yielder) => unsafe { (*yielder).suspend(Transfer { to, msg }) },
        None => run_loop(to, msg),
    }
}

/// The root's loop: resumes fibers until a transfer targets the root.
fn run_loop(mut to: Option<Rc<Fiber>>, mut msg: Message) -> Message {
    struct LoopGuard;
    impl Drop for LoopGuard {
        fn drop(&mut self) {
            IN_LOOP.with(|l| l.set(false));
        }
    }
    IN_LOOP.with(|l| l.set(true));
    let _guard = LoopGuard;
    let root_limit = stack::current_limit();
    let mut from: Option<Rc<Fiber>> = None;
    while let Some(fiber) = to.take() {
        let Some(result) = fiber.resume(msg, root_limit, &CURRENT) else {
            // The target cannot run (it finished or was released): a bug in the layer that
            // asked for it, reported to the context that asked rather than lost.
            msg = Err(Error::NotNow);
            to = from.take();
            if to.is_none() {
                break;
            }
            continue;
        };
        match result {
            corosensei::CoroutineResult::Yield(t) => {
                to = t.to;
                msg = t.msg;
                from = Some(fiber);
            }
            corosensei::CoroutineResult::Return(t) => {
                fiber.finished();
                to = t.to;
                msg = t.msg;
                from = None;
            }
        }
    }
    msg
}

/// Counts a suspended fiber being unwound; while any is, nothing may switch.
pub(crate) struct ReleaseGuard;

impl ReleaseGuard {
    pub(crate) fn enter() -> ReleaseGuard {
        RELEASING.with(|r| r.set(r.get() + 1));
        ReleaseGuard
    }
}

impl Drop for ReleaseGuard {
    fn drop(&mut self) {
        RELEASING.with(|r| r.set(r.get() - 1));
    }
}

pub(crate) use fiber::live_fibers;
