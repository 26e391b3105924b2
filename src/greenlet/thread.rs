//! The greenlets of one OS thread: its main greenlet, the current one, and deferred kills.

use super::{Inner, State};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub(super) struct ThreadGreenlets {
    pub(super) main: Rc<Inner>,
    /// Greenlets whose last handle dropped where no switch was possible (on the root while
    /// the loop runs, during a panic); they are killed by the next switch on this thread.
    pending_kills: RefCell<Vec<Rc<Inner>>>,
}

/// What every switch reads and writes, in a destructor-free thread-local: on the hot path an
/// access is one load at an offset from the thread pointer, with no lazy-initialisation or
/// `RefCell` check.
struct Hot {
    /// The running greenlet: an `Rc<Inner>` owned by this cell, as a raw pointer. Null until
    /// [`THREAD`] is initialised and again once it is torn down.
    current: Cell<*const Inner>,
    /// Whether [`ThreadGreenlets::pending_kills`] may be non-empty.
    kills_pending: Cell<bool>,
}

thread_local! {
    static HOT: Hot = const {
        Hot { current: Cell::new(std::ptr::null()), kills_pending: Cell::new(false) }
    };
    static THREAD: ThreadGreenlets = {
        let main = Inner::new_main();
        HOT.with(|h| h.current.set(Rc::into_raw(main.clone())));
        ThreadGreenlets { main, pending_kills: RefCell::new(Vec::new()) }
    };
    /// Greenlet records (main included) currently allocated on this thread.
    static ALIVE: Cell<usize> = const { Cell::new(0) };
    /// Records of dead greenlets nobody refers to, for the next greenlets to reuse.
    static SPARE: RefCell<Vec<SpareRecord>> = const { RefCell::new(Vec::new()) };
}

/// Spare records kept per thread.
const SPARE_RECORDS: usize = 16;

/// A dead greenlet's record kept for reuse; not counted as alive meanwhile.
struct SpareRecord(Option<Rc<Inner>>);

impl Drop for SpareRecord {
    fn drop(&mut self) {
        if self.0.is_some() {
            // The record's own drop counts it out; it was counted out when it was kept.
            count(1);
        }
    }
}

/// Keeps the record of a dead greenlet whose last handle is going (`inner` is that handle's
/// reference, the only one) for reuse, if there is room. Its parent link goes now: a dead
/// child must not keep its parent alive.
pub(super) fn recycle(inner: &Rc<Inner>) {
    let parent = inner.parent.borrow_mut().take();
    drop(parent);
    if Rc::strong_count(inner) != 1 {
        return;
    }
    let _ = SPARE.try_with(|spare| {
        if let Ok(mut spare) = spare.try_borrow_mut() {
            if spare.len() < SPARE_RECORDS {
                count(-1);
                spare.push(SpareRecord(Some(inner.clone())));
            }
        }
    });
}

/// A spare record (not counted as alive) for a new greenlet to overwrite.
pub(super) fn spare_record() -> Option<Rc<Inner>> {
    SPARE
        .try_with(|spare| spare.try_borrow_mut().ok()?.pop()?.0.take())
        .ok()
        .flatten()
}

impl Drop for ThreadGreenlets {
    fn drop(&mut self) {
        let current = HOT.with(|h| h.current.replace(std::ptr::null()));
        if !current.is_null() {
            // SAFETY: a non-null `current` is the `Rc` the cell owns (see `Hot::current`).
            drop(unsafe { Rc::from_raw(current) });
        }
    }
}

impl ThreadGreenlets {
    /// The running greenlet.
    pub(super) fn current(&self) -> Rc<Inner> {
        // The cell is empty only while this state is being destroyed (no `&self` can be had
        // then, as `THREAD.try_with` fails); answered without a null pointer anyway.
        hot_current().unwrap_or_else(|| self.main.clone())
    }

    /// Makes `target` the running greenlet; returns the one that was (`target` itself while
    /// the state is going away: nothing becomes current then).
    pub(super) fn set_current(&self, target: Rc<Inner>) -> Rc<Inner> {
        hot_replace(target).unwrap_or_else(|target| target)
    }

    /// Queues a kill for the next switch.
    pub(super) fn defer_kill(&self, inner: Rc<Inner>) {
        self.pending_kills.borrow_mut().push(inner);
        HOT.with(|h| h.kills_pending.set(true));
    }

    /// Takes the next queued kill.
    pub(super) fn next_kill(&self) -> Option<Rc<Inner>> {
        let next = self.pending_kills.borrow_mut().pop();
        if next.is_none() {
            HOT.with(|h| h.kills_pending.set(false));
        }
        next
    }
}

/// The bookkeeping of the common switch, without touching [`THREAD`]: if no kill is queued
/// and `target` is not the running greenlet, `target` becomes current and the running one
/// is returned (its caller keeps it alive while it is suspended). `None`: take the slow path.
#[inline(always)]
pub(super) fn take_over(target: &Rc<Inner>) -> Option<Rc<Inner>> {
    HOT.with(|h| {
        let current = h.current.get();
        if current.is_null() || h.kills_pending.get() || std::ptr::eq(current, Rc::as_ptr(target)) {
            return None;
        }
        h.current.set(Rc::into_raw(target.clone()));
        // SAFETY: a non-null `current` is the `Rc` the cell owned; ownership passes here.
        Some(unsafe { Rc::from_raw(current) })
    })
}

/// The running greenlet as a new handle, read from [`HOT`]; `None` while the cell is empty.
#[inline]
fn hot_current() -> Option<Rc<Inner>> {
    // SAFETY: a non-null `current` is the `Rc` the cell owns.
    unsafe { crate::switch::clone_raw(HOT.with(|h| h.current.get())) }
}

/// Puts `target` in [`HOT`] and returns the greenlet that was there; gives `target` back
/// while the cell is empty.
#[inline]
fn hot_replace(target: Rc<Inner>) -> Result<Rc<Inner>, Rc<Inner>> {
    let previous = HOT.with(|h| h.current.get());
    if previous.is_null() {
        return Err(target);
    }
    HOT.with(|h| h.current.set(Rc::into_raw(target)));
    // SAFETY: a non-null `previous` was the `Rc` the cell owned; ownership passes on.
    Ok(unsafe { Rc::from_raw(previous) })
}

/// The running greenlet (`None` while the thread exits). Reads [`HOT`] only, once the
/// thread's greenlet state exists.
#[inline]
pub(super) fn current() -> Option<Rc<Inner>> {
    hot_current().or_else(|| with(ThreadGreenlets::current))
}

/// Whether `inner` is the running greenlet.
#[inline]
pub(super) fn is_current(inner: &Rc<Inner>) -> bool {
    HOT.with(|h| std::ptr::eq(h.current.get(), Rc::as_ptr(inner)))
}

/// Makes `target` the running greenlet (a finishing greenlet hands over to its parent);
/// returns the one that was, `None` while the thread exits.
#[inline]
pub(super) fn set_current(target: Rc<Inner>) -> Option<Rc<Inner>> {
    match hot_replace(target) {
        Ok(previous) => Some(previous),
        Err(target) => with(move |t| t.set_current(target)),
    }
}

/// Runs `f` with this thread's greenlets, or returns `None` while the thread is exiting.
pub(super) fn with<R>(f: impl FnOnce(&ThreadGreenlets) -> R) -> Option<R> {
    THREAD.try_with(f).ok()
}

/// Whether a kill is queued (then every switch takes the slow path, which runs it).
pub(super) fn kills_pending() -> bool {
    HOT.with(|h| h.kills_pending.get())
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
pub(super) fn is_suspended(inner: &Rc<Inner>) -> bool {
    inner.state.get() == State::Active && !is_current(inner)
}
