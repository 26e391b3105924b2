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

use fiber::{take, Envelope, Mail};
pub(crate) use fiber::{typed, Fiber, Message, Transfer};

use crate::error::Error;
use crate::stack;
use std::cell::Cell;
use std::rc::Rc;

/// Everything a switch reads or writes, in one destructor-free thread-local: on the hot path
/// each access is a plain offset from the thread pointer, with no lazy-initialisation check.
struct State {
    /// The running fiber, null on the root. The loop's own `Rc` keeps it alive while it runs.
    current: Cell<*const Fiber>,
    /// Whether the root is inside the loop (then it must not switch: its stack is the loop's).
    in_loop: Cell<bool>,
    /// How many suspended fibers are being unwound right now (see [`Fiber::release`]).
    releasing: Cell<usize>,
    /// Set once this thread's suspended fibers have been released at thread exit.
    exiting: Cell<bool>,
    /// Transfers carried out on this thread.
    switches: Cell<u64>,
}

thread_local! {
    static STATE: State = const {
        State {
            current: Cell::new(std::ptr::null()),
            in_loop: Cell::new(false),
            releasing: Cell::new(0),
            exiting: Cell::new(false),
            switches: Cell::new(0),
        }
    };
}

/// Marks the thread as exiting: from now on nothing switches.
pub(crate) fn set_exiting() {
    STATE.with(|s| s.exiting.set(true));
}

/// Whether code runs on the thread's own stack (no fiber is running).
#[cfg(feature = "script")]
#[inline]
pub(crate) fn on_root() -> bool {
    STATE.with(|s| s.current.get().is_null())
}

/// The running fiber (`None`: the root context).
#[inline]
pub(crate) fn current() -> Option<Rc<Fiber>> {
    // SAFETY: a non-null `current` came from `Rc::as_ptr` of the fiber the loop is resuming,
    // and the loop holds that `Rc` until the fiber suspends or returns.
    unsafe { clone_raw(STATE.with(|s| s.current.get())) }
}

/// A new handle to the `Rc` that `ptr` points into; `None` for a null pointer.
///
/// # Safety
/// A non-null `ptr` must come from `Rc::as_ptr` or `Rc::into_raw` of an `Rc<T>` that is
/// still alive (its count held by someone else for the duration of this call).
#[inline]
pub(crate) unsafe fn clone_raw<T>(ptr: *const T) -> Option<Rc<T>> {
    if ptr.is_null() {
        return None;
    }
    // SAFETY: per the contract, `ptr` belongs to a live `Rc<T>`; the new count is the
    // caller's.
    unsafe {
        Rc::increment_strong_count(ptr);
        Some(Rc::from_raw(ptr))
    }
}

/// Whether a transfer may start here and now.
#[inline]
pub(crate) fn can_switch() -> bool {
    STATE.with(|s| {
        s.releasing.get() == 0
            && !s.exiting.get()
            && (!s.current.get().is_null() || !s.in_loop.get())
    }) && !std::thread::panicking()
}

/// Whether a suspended fiber is being unwound (its body must let the unwind through).
#[inline]
pub(crate) fn releasing() -> bool {
    STATE.with(|s| s.releasing.get() != 0)
}

/// Transfers carried out on this thread so far.
pub fn switch_count() -> u64 {
    STATE.with(|s| s.switches.get())
}

/// Suspends the running context and resumes `to` (`None`: the root) with `msg`. Returns the
/// message that resumes the running context later. The caller has checked [`can_switch`]
/// and recorded where the running context can be found again.
#[inline(always)]
pub(crate) fn transfer(to: Option<Rc<Fiber>>, msg: Message) -> Message {
    let running = STATE.with(|s| {
        s.switches.set(s.switches.get() + 1);
        s.current.get()
    });
    let mut envelope = Envelope { to, msg: Some(msg) };
    if running.is_null() {
        return run_loop(&mut envelope);
    }
    // SAFETY: `running` is the fiber executing this code (the loop keeps it alive), and its
    // yielder was set when its coroutine started and lives as long as the coroutine. The
    // envelope stays in this frame, untouched here, until the receiver has emptied it; what
    // resumes us is a fresh envelope for us.
    unsafe {
        let mail = (*(*running).yielder()).suspend(&mut envelope);
        take(mail)
    }
}

/// The root's loop: resumes fibers until a transfer targets the root.
fn run_loop(first: Mail) -> Message {
    struct LoopGuard;
    impl Drop for LoopGuard {
        fn drop(&mut self) {
            STATE.with(|s| s.in_loop.set(false));
        }
    }
    STATE.with(|s| s.in_loop.set(true));
    let _guard = LoopGuard;
    let root_limit = stack::current_limit();
    // Messages the loop itself has to deliver (a finished fiber's result, an error) wait here.
    let mut own: Envelope;
    let mut mail = first;
    // SAFETY: `first` is the root's own envelope, alive in `transfer`'s frame.
    let mut to = unsafe { (*mail).to.take() };
    // The context whose envelope `mail` points into: kept alive until its message is taken.
    let mut from: Option<Rc<Fiber>> = None;
    while let Some(fiber) = to.take() {
        let Some(result) = fiber.resume(mail, root_limit) else {
            // The target cannot run (it finished or was released): a bug in the layer that
            // asked for it, reported to the context that asked rather than lost. The message
            // that was meant for it goes now (it may be in a finished fiber's record, which
            // could otherwise keep it until that fiber is reused).
            // SAFETY: `mail` is live (see the end of the loop) and nobody else reads it now.
            drop(unsafe { (*mail).msg.take() });
            own = Envelope {
                to: None,
                msg: Some(Message::error(Error::NotNow)),
            };
            mail = &mut own;
            to = from.take();
            continue;
        };
        match result {
            Some(sent) => {
                fiber.list();
                mail = sent;
                // SAFETY: `sent` is the envelope in the frame of `fiber`, which just suspended
                // and is kept alive by `from` until the receiver has taken the message.
                to = unsafe { (*sent).to.take() };
                from = Some(fiber);
            }
            None => {
                fiber.finished();
                mail = fiber.last_mail();
                // SAFETY: the envelope is in the fiber's record, which `from` keeps alive
                // until the receiver has taken the message.
                to = unsafe { (*mail).to.take() };
                from = Some(fiber);
            }
        }
    }
    // SAFETY: `mail` is live: the loop's own envelope, one in `from`'s suspended frame, or the
    // last one of `from`, finished.
    unsafe { take(mail) }
}

/// Counts a suspended fiber being unwound; while any is, nothing may switch.
pub(crate) struct ReleaseGuard;

impl ReleaseGuard {
    pub(crate) fn enter() -> ReleaseGuard {
        STATE.with(|s| s.releasing.set(s.releasing.get() + 1));
        ReleaseGuard
    }
}

impl Drop for ReleaseGuard {
    fn drop(&mut self) {
        STATE.with(|s| s.releasing.set(s.releasing.get() - 1));
    }
}

pub(crate) use fiber::live_fibers;
