//! The hub: micro-threads for Rust servers, one scheduler per OS thread.
//!
//! Each spawned closure runs in its own greenlet. Blocking calls — [`sleep`], channel
//! operations, [`JoinHandle::join`], socket reads and writes — park only the calling
//! greenlet and let the others run; nothing is `async`. A thread's hub is created on first
//! use and driven by [`run`] (or by any [`JoinHandle::join`] called from outside it, or by
//! [`serve`] on the threads of a [`Runtime`]).
//!
//! ```
//! use stacklet::hub;
//! use std::time::Duration;
//!
//! let total = hub::run(|| {
//!     let (tx, rx) = hub::channel::unbounded::<u32>();
//!     for i in 0..10 {
//!         let tx = tx.clone();
//!         hub::spawn(move || -> Result<(), hub::Error> {
//!             hub::sleep(Duration::from_millis(1))?;
//!             Ok(tx.send(i)?)
//!         });
//!     }
//!     drop(tx);
//!     let mut total = 0;
//!     while let Ok(i) = rx.recv() {
//!         total += i;
//!     }
//!     total
//! })
//! .unwrap();
//! assert_eq!(total, 45);
//! ```
//!
//! Greenlets never move between threads; other threads reach a hub through a
//! [`HubHandle`]. When every greenlet of a hub is blocked and nothing (timer, socket,
//! handle) could wake one, the driver returns [`JoinError::Deadlock`] naming them.

#[doc(hidden)]
pub mod inbox;

#[cfg(not(loom))]
mod call;
#[cfg(not(loom))]
pub mod channel;
#[cfg(not(loom))]
mod error;
#[cfg(not(loom))]
pub mod net;
#[cfg(not(loom))]
mod reactor;
#[cfg(not(loom))]
mod remote;
#[cfg(not(loom))]
mod runtime;
#[cfg(not(loom))]
mod sched;
#[cfg(not(loom))]
mod select;
#[cfg(not(loom))]
mod slab;
#[cfg(not(loom))]
mod task;
#[cfg(not(loom))]
mod time;
#[cfg(not(loom))]
mod timer;
#[cfg(not(loom))]
mod wait;

#[cfg(not(loom))]
pub use self::{
    call::RemoteJoinHandle,
    error::{Blocked, DeadlockReport, Elapsed, Error, JoinError},
    remote::{handle, park_remote, remote_waker, spawn_blocking, HubHandle, RemoteWaker},
    runtime::{serve, Runtime, ShutdownReport},
    select::Select,
    task::JoinHandle,
    time::{sleep, sleep_until, timeout, yield_now},
};

/// Options for a new greenlet on this thread's hub.
#[cfg(not(loom))]
#[derive(Debug, Default, Clone)]
pub struct Builder {
    name: Option<Box<str>>,
    stack_size: Option<usize>,
}

#[cfg(not(loom))]
impl Builder {
    /// No name, the default stack size.
    pub fn new() -> Builder {
        Builder::default()
    }

    /// A name, shown in deadlock reports, `Debug` output and overflow reports.
    pub fn name(mut self, name: impl Into<String>) -> Builder {
        self.name = Some(name.into().into_boxed_str());
        self
    }

    /// Usable stack bytes (see [`crate::greenlet::Builder::stack_size`]).
    pub fn stack_size(mut self, bytes: usize) -> Builder {
        self.stack_size = Some(bytes);
        self
    }

    /// Spawns `f` in a new greenlet of this thread's hub. It starts when the hub next runs.
    pub fn spawn<T, F>(self, f: F) -> JoinHandle<T>
    where
        T: 'static,
        F: FnOnce() -> T + 'static,
    {
        match sched::hub() {
            Ok(hub) => hub.spawn(self.name, self.stack_size, f),
            Err(e) => task::JoinHandle::failed(self.name, JoinError::Wait(e)),
        }
    }
}

/// Spawns `f` in a new greenlet of this thread's hub; it starts when the hub next runs
/// (at once if the caller blocks or yields). A panic in `f` is returned by `join`.
#[cfg(not(loom))]
pub fn spawn<T, F>(f: F) -> JoinHandle<T>
where
    T: 'static,
    F: FnOnce() -> T + 'static,
{
    Builder::new().spawn(f)
}

/// [`spawn`] with a name for the greenlet.
#[cfg(not(loom))]
pub fn spawn_named<T, F>(name: impl Into<String>, f: F) -> JoinHandle<T>
where
    T: 'static,
    F: FnOnce() -> T + 'static,
{
    Builder::new().name(name).spawn(f)
}

/// Runs `f` in a greenlet named "main" and drives this thread's hub until it ends; returns
/// its value (or its panic, or a deadlock report). Other greenlets still alive then stay
/// suspended until the hub is driven again, or are released when the thread exits.
///
/// Called from inside a greenlet of the hub, it spawns `f` and waits for it like
/// [`JoinHandle::join`].
#[cfg(not(loom))]
pub fn run<T, F>(f: F) -> Result<T, JoinError>
where
    T: 'static,
    F: FnOnce() -> T + 'static,
{
    Builder::new().name("main").spawn(f).join()
}

/// The id of the current greenlet within its hub, if it is one of the hub's.
#[cfg(not(loom))]
pub fn current_id() -> Option<u64> {
    sched::Parker::current().ok().map(|p| p.slot_and_id().1)
}

/// Whether this thread's hub has been asked to shut down.
#[cfg(not(loom))]
pub fn is_shutting_down() -> bool {
    sched::hub().map_or(true, |hub| hub.is_shutting_down())
}
