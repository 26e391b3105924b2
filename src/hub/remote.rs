//! Reaching a hub from other threads: `HubHandle` (spawn a `Send` closure there, ask it to
//! shut down) and `RemoteWaker` (wake one of its greenlets), both through the hub's
//! [`Inbox`] and its poller's waker.

use super::error::{Error, JoinError};
use super::inbox::{Inbox, Notify};
use super::sched::{self, Hub};
use super::wait::Wait;
use crate::sync::atomic::{AtomicUsize, Ordering};
use crate::sync::Arc;
use parking_lot::Mutex;
use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Duration;

/// What other threads ask of a hub.
pub(crate) enum Msg {
    /// Run this closure in a new greenlet.
    Spawn(Box<dyn FnOnce() + Send>, Option<Box<str>>),
    /// Wake the task in this registry slot, if it still has this id.
    Wake { slot: usize, id: u64 },
    /// Stop accepting work; let greenlets finish for this long, then kill them.
    Shutdown(Duration),
}

/// The poller's waker (absent if the poller could not be created).
pub(crate) struct PollNotify(pub(crate) Option<mio::Waker>);

impl Notify for PollNotify {
    fn notify(&self) {
        if let Some(waker) = &self.0 {
            // Fails only if the event counter is saturated, i.e. a wake-up is pending anyway.
            let _ = waker.wake();
        }
    }
}

/// The part of a hub that other threads share.
pub(crate) struct Remote {
    pub(crate) inbox: Inbox<Msg, PollNotify>,
    /// Live `HubHandle`s: while there are some, another thread may still wake the hub, so an
    /// idle hub waits rather than report a deadlock.
    handles: AtomicUsize,
}

impl Remote {
    pub(crate) fn new(notify: PollNotify) -> Remote {
        Remote {
            inbox: Inbox::new(notify),
            handles: AtomicUsize::new(0),
        }
    }

    /// Whether another thread may still send something.
    pub(crate) fn reachable(&self) -> bool {
        !self.inbox.is_closed() && self.handles.load(Ordering::Acquire) > 0
    }
}

/// A `Send + Sync` handle to the hub of another thread.
pub struct HubHandle {
    remote: Arc<Remote>,
}

impl HubHandle {
    pub(crate) fn new(remote: Arc<Remote>) -> HubHandle {
        remote.handles.fetch_add(1, Ordering::AcqRel);
        HubHandle { remote }
    }

    /// Runs `f` in a new greenlet of that hub. [`Error::Shutdown`] (and nothing runs) if the
    /// hub has shut down; `Ok` means it will run.
    pub fn spawn(&self, f: impl FnOnce() + Send + 'static) -> Result<(), Error> {
        self.send(Msg::Spawn(Box::new(f), None))
    }

    /// [`HubHandle::spawn`] with a name for the greenlet.
    pub fn spawn_named(
        &self,
        name: impl Into<String>,
        f: impl FnOnce() + Send + 'static,
    ) -> Result<(), Error> {
        self.send(Msg::Spawn(Box::new(f), Some(name.into().into_boxed_str())))
    }

    /// Asks the hub to shut down: it refuses further messages, wakes greenlets waiting in
    /// `accept` (which then fails with [`Error::Shutdown`]), lets the others run for `grace`,
    /// and then kills those still alive. See [`crate::hub::serve`].
    pub fn shutdown(&self, grace: Duration) -> Result<(), Error> {
        self.send(Msg::Shutdown(grace))
    }

    /// Whether the hub still accepts messages.
    pub fn is_open(&self) -> bool {
        !self.remote.inbox.is_closed()
    }

    fn send(&self, msg: Msg) -> Result<(), Error> {
        self.remote.inbox.send(msg).map_err(|_| Error::Shutdown)
    }
}

impl Clone for HubHandle {
    fn clone(&self) -> HubHandle {
        HubHandle::new(self.remote.clone())
    }
}

impl Drop for HubHandle {
    fn drop(&mut self) {
        self.remote.handles.fetch_sub(1, Ordering::AcqRel);
        // The hub may be idle, waiting only because this handle existed: let it look again.
        self.remote.inbox.nudge();
    }
}

impl fmt::Debug for HubHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HubHandle")
            .field("open", &self.is_open())
            .finish()
    }
}

/// Wakes one greenlet of a hub from any thread: the greenlet waits with
/// [`crate::hub::park_remote`]; [`RemoteWaker::wake`] makes that call return. Set the
/// condition the greenlet checks before waking it: a wake-up that arrives while the greenlet
/// is not parked is not stored.
#[derive(Clone, Debug)]
pub struct RemoteWaker {
    handle: HubHandle,
    slot: usize,
    id: u64,
}

impl RemoteWaker {
    /// Wakes the greenlet. [`Error::Shutdown`] if its hub no longer accepts messages.
    pub fn wake(&self) -> Result<(), Error> {
        self.handle.send(Msg::Wake {
            slot: self.slot,
            id: self.id,
        })
    }
}

/// A handle to this thread's hub, to give to other threads.
pub fn handle() -> Result<HubHandle, Error> {
    let hub = sched::hub()?;
    Ok(HubHandle::new(hub.remote.clone()))
}

/// A waker for the current greenlet, to give to another thread.
pub fn remote_waker() -> Result<RemoteWaker, Error> {
    let parker = sched::Parker::current()?;
    let (slot, id) = parker.slot_and_id();
    Ok(RemoteWaker {
        handle: HubHandle::new(parker.hub().remote.clone()),
        slot,
        id,
    })
}

/// Parks the current greenlet until a [`RemoteWaker`] wakes it (or it is killed, or an
/// enclosing timeout elapses). Wake-ups may be spurious: check the condition in a loop.
pub fn park_remote() -> Result<(), Error> {
    let parker = sched::Parker::current()?;
    parker.park(Wait::Remote)
}

/// Runs `f` on a new OS thread and parks the current greenlet until it returns; for
/// blocking calls and long computations that would otherwise stall the whole hub. The value
/// comes back as `Ok`; a panic in `f` as [`JoinError::Panicked`]. If the greenlet is killed
/// (or its timeout elapses) while it waits, the wait fails at once and the thread's result
/// is dropped when it ends. A thread per call (tens of microseconds): meant for work that
/// takes longer than that.
pub fn spawn_blocking<T, F>(f: F) -> Result<T, JoinError>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let waker = remote_waker()?;
    let slot: Arc<Mutex<Option<std::thread::Result<T>>>> = Arc::default();
    let result = slot.clone();
    std::thread::Builder::new()
        .name("hub-blocking".into())
        .spawn(move || {
            let value = catch_unwind(AssertUnwindSafe(f));
            *result.lock() = Some(value);
            // Fails only if the hub shut down meanwhile: then nobody waits any more.
            let _ = waker.wake();
        })
        .map_err(|_| JoinError::Wait(Error::NotNow))?;
    loop {
        if let Some(value) = slot.lock().take() {
            return value.map_err(JoinError::Panicked);
        }
        park_remote()?;
    }
}

/// Used by the hub when it drains its inbox.
pub(crate) fn apply(hub: &Hub, msg: Msg) {
    match msg {
        Msg::Spawn(f, name) => hub.spawn_detached(name, f),
        Msg::Wake { slot, id } => hub.wake_slot(slot, id),
        Msg::Shutdown(grace) => hub.begin_shutdown(grace),
    }
}
