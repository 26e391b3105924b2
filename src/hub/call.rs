//! Calls into another thread's hub: [`HubHandle::call`] runs a `Send` closure in a greenlet
//! there and returns a [`RemoteJoinHandle`] whose `join` waits for its value — parking only
//! the calling greenlet when called from a hub, blocking the thread otherwise.
//!
//! The value crosses threads through a one-shot slot under a mutex. The waiting side
//! registers how to wake it (a [`RemoteWaker`] or a thread handle) under the lock before it
//! parks; the completing side takes that registration under the same lock and wakes it after
//! releasing it. A thread's `unpark` before its `park` is remembered, and a greenlet's hub
//! handles the wake-up message only once the greenlet has parked (the hub runs nothing
//! between the greenlet's release of the lock and its park), so no wake-up is lost.

use super::error::{Error, JoinError};
use super::remote::{park_remote, remote_waker, HubHandle, RemoteWaker};
use super::sched::Parker;
use parking_lot::Mutex;
use std::any::Any;
use std::fmt;
use std::sync::Arc;
use std::thread::{self, Thread};

/// How a remote greenlet ended, in a form that can cross threads.
enum Outcome<T> {
    Value(T),
    Panicked(Box<dyn Any + Send>),
    Killed,
    Failed(String),
}

impl<T> Outcome<T> {
    fn from_join(result: Result<T, JoinError>) -> Outcome<T> {
        match result {
            Ok(value) => Outcome::Value(value),
            Err(JoinError::Panicked(payload)) => Outcome::Panicked(payload),
            Err(JoinError::Killed) | Err(JoinError::Wait(Error::Killed)) => Outcome::Killed,
            Err(e) => Outcome::Failed(e.to_string()),
        }
    }

    fn into_result(self) -> Result<T, JoinError> {
        match self {
            Outcome::Value(value) => Ok(value),
            Outcome::Panicked(payload) => Err(JoinError::Panicked(payload)),
            Outcome::Killed => Err(JoinError::Killed),
            Outcome::Failed(message) => Err(JoinError::Remote(message)),
        }
    }
}

/// Who waits for the slot.
enum Waiting {
    Greenlet(RemoteWaker),
    Thread(Thread),
}

impl Waiting {
    fn wake(self) {
        match self {
            // Fails only if the waiting hub shut down: then nobody waits any more.
            Waiting::Greenlet(waker) => drop(waker.wake()),
            Waiting::Thread(thread) => thread.unpark(),
        }
    }
}

struct State<T> {
    outcome: Option<Outcome<T>>,
    waiting: Option<Waiting>,
}

type Slot<T> = Arc<Mutex<State<T>>>;

fn complete<T>(slot: &Slot<T>, outcome: Outcome<T>) {
    let waiting = {
        let mut state = slot.lock();
        if state.outcome.is_some() {
            return;
        }
        state.outcome = Some(outcome);
        state.waiting.take()
    };
    if let Some(waiting) = waiting {
        waiting.wake();
    }
}

/// Completes the slot when dropped, if nothing did: the remote greenlet was killed before
/// it started, or its thread exited while it was suspended.
struct Completer<T>(Slot<T>);

impl<T> Drop for Completer<T> {
    fn drop(&mut self) {
        complete(&self.0, Outcome::Killed);
    }
}

/// The result of [`HubHandle::call`], to be waited for from any thread. `Send`.
pub struct RemoteJoinHandle<T> {
    slot: Slot<T>,
}

impl<T> RemoteJoinHandle<T> {
    /// Waits for the remote greenlet's value: parks the calling greenlet if called from a
    /// greenlet of a hub, else blocks the thread. Errors as [`crate::hub::JoinHandle::join`]'s,
    /// plus [`JoinError::Remote`] for other failures over there.
    pub fn join(self) -> Result<T, JoinError> {
        let in_greenlet = Parker::current().is_ok();
        loop {
            {
                let mut state = self.slot.lock();
                if let Some(outcome) = state.outcome.take() {
                    return outcome.into_result();
                }
                state.waiting = Some(if in_greenlet {
                    Waiting::Greenlet(remote_waker()?)
                } else {
                    Waiting::Thread(thread::current())
                });
            }
            if in_greenlet {
                park_remote()?;
            } else {
                thread::park();
            }
        }
    }

    /// Whether the remote greenlet has ended.
    pub fn is_finished(&self) -> bool {
        self.slot.lock().outcome.is_some()
    }
}

impl<T> fmt::Debug for RemoteJoinHandle<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RemoteJoinHandle")
            .field("finished", &self.is_finished())
            .finish()
    }
}

impl HubHandle {
    /// Runs `f` in a new greenlet of that hub and returns a handle to wait for its value
    /// from anywhere. [`Error::Shutdown`] (and nothing runs) if the hub has shut down.
    pub fn call<T, F>(&self, f: F) -> Result<RemoteJoinHandle<T>, Error>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let slot: Slot<T> = Arc::new(Mutex::new(State {
            outcome: None,
            waiting: None,
        }));
        let completer = Completer(slot.clone());
        self.spawn(move || {
            let completer = completer;
            // A greenlet of its own, so that a panic or a kill of `f` reaches this one as a
            // `JoinError` rather than ending it.
            let result = super::spawn(f).join();
            complete(&completer.0, Outcome::from_join(result));
        })?;
        Ok(RemoteJoinHandle { slot })
    }
}
