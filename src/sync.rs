//! Synchronisation facade: std, parking_lot and crossbeam normally, loom's models under
//! `cfg(loom)`, so the cross-thread protocols can be model-checked without changing them.

#[cfg(not(loom))]
pub(crate) mod atomic {
    pub(crate) use std::sync::atomic::{fence, AtomicBool, AtomicUsize, Ordering};
}

#[cfg(loom)]
pub(crate) mod atomic {
    pub(crate) use loom::sync::atomic::{fence, AtomicBool, AtomicUsize, Ordering};
}

#[cfg(not(loom))]
pub(crate) use std::sync::Arc;

#[cfg(loom)]
#[allow(unused_imports)] // only the hub uses it, and only its inbox is built under loom
pub(crate) use loom::sync::Arc;

/// Lets another thread run while this one waits for a short critical section to end (a
/// spin-wait under loom must yield, or the model never schedules the thread it waits for).
#[cfg(not(loom))]
pub(crate) use std::thread::yield_now;

#[cfg(loom)]
pub(crate) use loom::thread::yield_now;

/// An unbounded multi-producer queue: crossbeam's channel normally; under loom, a
/// mutex-protected deque (crossbeam's internals cannot run inside a loom model).
#[cfg(not(loom))]
pub(crate) mod queue {
    pub(crate) use crossbeam_channel::{unbounded, Receiver, Sender};
}

#[cfg(loom)]
pub(crate) mod queue {
    use loom::sync::{Arc, Mutex};
    use std::collections::VecDeque;

    pub(crate) struct Sender<T>(Arc<Mutex<VecDeque<T>>>);
    pub(crate) struct Receiver<T>(Arc<Mutex<VecDeque<T>>>);

    pub(crate) fn unbounded<T>() -> (Sender<T>, Receiver<T>) {
        let shared = Arc::new(Mutex::new(VecDeque::new()));
        (Sender(shared.clone()), Receiver(shared))
    }

    impl<T> Sender<T> {
        /// Never fails: the receiver is owned by the same structure as the senders.
        pub(crate) fn send(&self, value: T) -> Result<(), T> {
            self.0.lock().unwrap().push_back(value);
            Ok(())
        }
    }

    impl<T> Clone for Sender<T> {
        fn clone(&self) -> Self {
            Sender(self.0.clone())
        }
    }

    impl<T> Receiver<T> {
        pub(crate) fn try_recv(&self) -> Result<T, ()> {
            self.0.lock().unwrap().pop_front().ok_or(())
        }
    }
}
