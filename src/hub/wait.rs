//! Wait queues: who is parked on a channel, a join or a socket, and how to wake exactly the
//! greenlets that still wait there.
//!
//! An entry is a task and the number of the park it registered for. A greenlet that leaves
//! a wait for another reason (a timer, another branch of a `select`, a kill) leaves its entry
//! behind; such stale entries are recognised by their park number and skipped, so a wake-up
//! is never spent on a greenlet that no longer waits for it.

use super::task::TaskRef;
use std::cell::RefCell;
use std::collections::VecDeque;

/// What a parked greenlet waits for, kept for the deadlock report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Wait {
    /// Running or ready.
    Nothing,
    /// `yield_now`: already queued again.
    Yield,
    /// `sleep` until a deadline.
    Sleep,
    /// `join`/`kill` of the greenlet with this id.
    Join(u64),
    /// Receive on the channel with this id.
    Recv(u64),
    /// Send on the channel with this id.
    Send(u64),
    /// `select` over this many channels.
    Select(usize),
    /// Socket readiness (never a deadlock: the network can wake it).
    Io(&'static str),
    /// A wake-up from another thread through a `RemoteWaker`.
    Remote,
}

impl Wait {
    /// Whether something outside the hub's greenlets (the network) can end this wait.
    pub(crate) fn is_external(self) -> bool {
        matches!(self, Wait::Io(_))
    }

    /// The wait in words, as it reads after "waits to".
    pub(crate) fn describe(self, name_of: impl Fn(u64) -> Option<String>) -> String {
        match self {
            Wait::Nothing => "run".into(),
            Wait::Yield => "be resumed after a yield".into(),
            Wait::Sleep => "wake from a sleep".into(),
            Wait::Join(id) => match name_of(id) {
                Some(name) => format!("join greenlet #{id} {name:?}"),
                None => format!("join greenlet #{id}"),
            },
            Wait::Recv(id) => format!("receive on channel #{id}"),
            Wait::Send(id) => format!("send on channel #{id}"),
            Wait::Select(n) => format!("receive on one of {n} channels (select)"),
            Wait::Io(what) => format!("{what} on a socket"),
            Wait::Remote => "be woken from another thread".into(),
        }
    }
}

/// A parked (or about to park) greenlet and the park it registered for.
pub(crate) struct Waiter {
    task: TaskRef,
    park: u64,
}

impl Waiter {
    /// An entry for `task`'s park number `park`.
    pub(crate) fn new(task: TaskRef, park: u64) -> Waiter {
        Waiter { task, park }
    }

    /// Whether the greenlet is still parked in the wait this entry was made for.
    fn is_live(&self) -> bool {
        self.task.task().is_parked_in(self.park)
    }

    /// Wakes the greenlet if it still waits here; returns whether it did.
    pub(crate) fn wake(&self) -> bool {
        if !self.is_live() {
            return false;
        }
        super::sched::wake(&self.task);
        true
    }
}

/// The greenlets waiting for one condition, oldest first. The oldest entry is kept inline:
/// most queues (a join, a socket direction) never hold more than one, and then cost no
/// allocation.
#[derive(Default)]
pub(crate) struct WaitQueue {
    first: RefCell<Option<Waiter>>,
    rest: RefCell<VecDeque<Waiter>>,
}

impl WaitQueue {
    /// Registers `waiter`. Stale entries are pruned when they pile up (a `select` that keeps
    /// waking elsewhere registers here on every round).
    pub(crate) fn push(&self, waiter: Waiter) {
        let mut rest = self.rest.borrow_mut();
        if rest.is_empty() {
            let mut first = self.first.borrow_mut();
            if first.as_ref().is_none_or(|w| !w.is_live()) {
                *first = Some(waiter);
                return;
            }
        }
        if rest.len() >= 32 && rest.len().is_power_of_two() {
            rest.retain(Waiter::is_live);
        }
        rest.push_back(waiter);
    }

    fn pop(&self) -> Option<Waiter> {
        let first = self.first.borrow_mut().take();
        first.or_else(|| self.rest.borrow_mut().pop_front())
    }

    /// Wakes the oldest greenlet still waiting; returns whether there was one.
    pub(crate) fn notify_one(&self) -> bool {
        while let Some(waiter) = self.pop() {
            if waiter.wake() {
                return true;
            }
        }
        false
    }

    /// Wakes every greenlet waiting.
    pub(crate) fn notify_all(&self) {
        let first = self.first.borrow_mut().take();
        if let Some(waiter) = first {
            waiter.wake();
        }
        if self.rest.borrow().is_empty() {
            return;
        }
        let rest = std::mem::take(&mut *self.rest.borrow_mut());
        for waiter in rest {
            waiter.wake();
        }
    }
}
