//! The hub's timers: a heap of deadlines with cancellation.
//!
//! A cancelled timer leaves its heap entry behind (removing from the middle of a binary heap
//! is not cheap) but leaves the table of live timers at once, so "is any timer pending?" —
//! which the deadlock check asks — is always exact. The heap is rebuilt when dead entries
//! outnumber live ones.

use super::task::TaskRef;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::time::Instant;

/// What a timer does when it fires.
pub(crate) enum Target {
    /// Wakes the task (a `sleep`).
    Wake(TaskRef),
    /// Fires the task's timeout scope with this id, then wakes it.
    Scope(TaskRef, u64),
}

/// Identifies a timer for [`Timers::cancel`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TimerId(u64);

#[derive(Default)]
pub(crate) struct Timers {
    heap: BinaryHeap<Reverse<(Instant, u64)>>,
    live: HashMap<u64, Target>,
    next: u64,
}

impl Timers {
    pub(crate) fn add(&mut self, deadline: Instant, target: Target) -> TimerId {
        self.next += 1;
        let id = self.next;
        self.heap.push(Reverse((deadline, id)));
        self.live.insert(id, target);
        TimerId(id)
    }

    /// Cancels timer `id`; returns its target, for the caller to drop.
    pub(crate) fn cancel(&mut self, id: TimerId) -> Option<Target> {
        let removed = self.live.remove(&id.0);
        if self.heap.len() > 64 && self.heap.len() > 2 * self.live.len() {
            let live = &self.live;
            self.heap.retain(|Reverse((_, id))| live.contains_key(id));
        }
        removed
    }

    /// Whether any timer is pending.
    pub(crate) fn is_empty(&self) -> bool {
        self.live.is_empty()
    }

    /// The earliest pending deadline.
    pub(crate) fn next_deadline(&mut self) -> Option<Instant> {
        while let Some(&Reverse((deadline, id))) = self.heap.peek() {
            if self.live.contains_key(&id) {
                return Some(deadline);
            }
            self.heap.pop();
        }
        None
    }

    /// Removes and returns one timer due at `now`, earliest first.
    pub(crate) fn pop_due(&mut self, now: Instant) -> Option<Target> {
        while let Some(&Reverse((deadline, id))) = self.heap.peek() {
            if deadline > now {
                return None;
            }
            self.heap.pop();
            if let Some(target) = self.live.remove(&id) {
                return Some(target);
            }
        }
        None
    }
}
