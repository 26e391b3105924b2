//! The cross-thread inbox of a hub: the handshake by which other threads hand it messages,
//! wake it from its poller, and learn reliably whether it still accepts them.
//!
//! This is the one piece of the hub that several OS threads touch, so it is written against
//! the `sync` facade and model-checked with loom (`tests/loom_hub.rs`). Three properties:
//!
//! - **No lost wake-up.** A sender pushes its message, then raises `notified`; the first
//!   sender to raise it calls [`Notify::notify`]. The hub lowers `notified` *before* it takes
//!   messages, so a message pushed after its last look always finds the flag low and
//!   notifies, and a message pushed before the flag was lowered is taken by that look.
//! - **A send after shutdown fails.** [`Inbox::close`] sets `CLOSED` and then waits for the
//!   senders already past the check (each is counted in `state` for the few instructions of
//!   its push). After `close` returns, every message that was accepted is in the queue and
//!   the next [`Inbox::drain`] takes it; every later send returns its message as an error.
//! - **No deadlock.** The only wait is `close`'s, on senders that never block.

use crate::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use crate::sync::queue::{self, Receiver, Sender};
use crate::sync::yield_now;

/// How the inbox wakes its hub: the poller's waker, or a model of it under loom.
pub trait Notify: Send + Sync {
    /// Makes the hub's next (or current) wait return. Called at most once per drain.
    fn notify(&self);
}

/// Set in `state` once the inbox refuses messages.
const CLOSED: usize = 1;
/// One sender in the middle of a push, counted above the `CLOSED` bit.
const SENDER: usize = 2;

/// A multi-producer, single-consumer message box with a wake-up handshake and a close.
pub struct Inbox<T, N> {
    tx: Sender<T>,
    rx: Receiver<T>,
    /// `CLOSED` | senders between their check of `CLOSED` and the end of their push.
    state: AtomicUsize,
    /// Raised by senders after a push; lowered by the hub before it takes messages.
    notified: AtomicBool,
    notify: N,
}

impl<T, N: Notify> Inbox<T, N> {
    /// An open, empty inbox that wakes its hub with `notify`.
    pub fn new(notify: N) -> Self {
        let (tx, rx) = queue::unbounded();
        Inbox {
            tx,
            rx,
            state: AtomicUsize::new(0),
            notified: AtomicBool::new(false),
            notify,
        }
    }

    /// Hands `msg` to the hub and wakes it. Gives the message back if the inbox is closed:
    /// an `Ok` means the hub will see the message.
    pub fn send(&self, msg: T) -> Result<(), T> {
        let prev = self.state.fetch_add(SENDER, Ordering::AcqRel);
        if prev & CLOSED != 0 {
            self.state.fetch_sub(SENDER, Ordering::Release);
            return Err(msg);
        }
        // The receiver lives in this same structure, so the queue cannot be disconnected.
        let _ = self.tx.send(msg);
        // Release: `close` reading a count of zero sees this push.
        self.state.fetch_sub(SENDER, Ordering::Release);
        self.nudge();
        Ok(())
    }

    /// Wakes the hub without a message, so that it looks at its state again (a handle to it
    /// went away, say, and it may now be deadlocked).
    pub fn nudge(&self) {
        if !self.notified.swap(true, Ordering::AcqRel) {
            self.notify.notify();
        }
    }

    /// Whether a sender may have pushed since the last [`Inbox::drain`]: a cheap test the hub
    /// makes before it bothers to drain. A `false` is never stale for long: the sender that
    /// makes it `true` also notifies.
    pub fn maybe_pending(&self) -> bool {
        self.notified.load(Ordering::Acquire)
    }

    /// Takes every message sent so far and passes it to `f`; returns how many there were.
    /// Only the hub's thread calls this.
    pub fn drain(&self, mut f: impl FnMut(T)) -> usize {
        // Lowered first: a push that this drain misses raises the flag again and notifies.
        self.notified.store(false, Ordering::SeqCst);
        let mut taken = 0;
        while let Ok(msg) = self.rx.try_recv() {
            f(msg);
            taken += 1;
        }
        taken
    }

    /// Refuses every later message. When this returns, each message that was accepted is in
    /// the queue for the next [`Inbox::drain`]. Idempotent.
    pub fn close(&self) {
        self.state.fetch_or(CLOSED, Ordering::AcqRel);
        // Senders that passed the check before the bit was set finish their push within a
        // few instructions; none can start one now.
        while self.state.load(Ordering::Acquire) >= SENDER {
            yield_now();
        }
    }

    /// Whether [`Inbox::close`] has been called.
    pub fn is_closed(&self) -> bool {
        self.state.load(Ordering::Acquire) & CLOSED != 0
    }
}
