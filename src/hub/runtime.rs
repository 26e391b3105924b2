//! A multi-thread runtime: N OS threads, each driving its own hub with [`serve`], reached
//! through their [`HubHandle`]s, and shut down together with a grace period.
//!
//! Greenlets never migrate: work is spread when it is submitted, by hand-off
//! ([`Runtime::spawn`] picks hubs round-robin) or by giving every hub its own
//! `SO_REUSEPORT` listener ([`Runtime::spawn_each`] with
//! [`crate::hub::net::TcpListener::bind_reuseport`]), so the kernel spreads connections.

use super::call::RemoteJoinHandle;
use super::error::{Error, JoinError};
use super::remote::{self, HubHandle};
use super::sched;
use std::fmt;
use std::io;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::thread;
use std::time::Duration;

/// What a hub did when it shut down.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ShutdownReport {
    /// Greenlets still alive at the end of the grace period, and so killed.
    pub killed: usize,
    /// Hub threads that ended with an error (a deadlock, a panic outside any greenlet).
    pub failed_threads: usize,
}

/// Drives this thread's hub until [`HubHandle::shutdown`] is requested and every greenlet
/// has ended (by itself during the grace period, or killed after it). For threads whose only
/// job is to run greenlets submitted from elsewhere.
pub fn serve() -> Result<ShutdownReport, JoinError> {
    let hub = sched::hub()?;
    hub.drive(&|| hub.is_shutting_down() && hub.task_count() == 0)?;
    Ok(ShutdownReport {
        killed: hub.killed_at_shutdown(),
        failed_threads: 0,
    })
}

struct Worker {
    handle: HubHandle,
    /// The error is a message: a `JoinError` may hold values that cannot cross threads.
    thread: Option<thread::JoinHandle<Result<ShutdownReport, String>>>,
}

/// N threads with a hub each.
pub struct Runtime {
    workers: Vec<Worker>,
    next: AtomicUsize,
}

impl Runtime {
    /// Starts `threads` hub threads (at least one), named `hub-0`, `hub-1`, ...
    pub fn new(threads: usize) -> io::Result<Runtime> {
        let mut workers = Vec::with_capacity(threads.max(1));
        for i in 0..threads.max(1) {
            let (tx, rx) = mpsc::channel();
            let thread = thread::Builder::new()
                .name(format!("hub-{i}"))
                .spawn(move || {
                    let handle = remote::handle();
                    let ok = handle.is_ok();
                    let _ = tx.send(handle);
                    if ok {
                        serve().map_err(|e| e.to_string())
                    } else {
                        Err(Error::NotNow.to_string())
                    }
                })?;
            let handle = rx
                .recv()
                .map_err(|_| io::Error::other("a hub thread died at start"))?
                .map_err(io::Error::other)?;
            workers.push(Worker {
                handle,
                thread: Some(thread),
            });
        }
        Ok(Runtime {
            workers,
            next: AtomicUsize::new(0),
        })
    }

    /// The number of hub threads.
    pub fn threads(&self) -> usize {
        self.workers.len()
    }

    /// The handle of hub `index`.
    pub fn handle(&self, index: usize) -> Option<&HubHandle> {
        self.workers.get(index).map(|w| &w.handle)
    }

    /// Runs `f` in a new greenlet on the next hub, round-robin.
    pub fn spawn(&self, f: impl FnOnce() + Send + 'static) -> Result<(), Error> {
        let index = self.next.fetch_add(1, Ordering::Relaxed) % self.workers.len();
        self.workers[index].handle.spawn(f)
    }

    /// Runs `f` in a new greenlet on the next hub, round-robin, and returns a handle to wait
    /// for its value.
    pub fn call<T, F>(&self, f: F) -> Result<RemoteJoinHandle<T>, Error>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let index = self.next.fetch_add(1, Ordering::Relaxed) % self.workers.len();
        self.workers[index].handle.call(f)
    }

    /// Runs `f(index)` in a new greenlet on every hub (for example a listener per hub).
    pub fn spawn_each(&self, f: impl Fn(usize) + Send + Sync + 'static) -> Result<(), Error> {
        let f = Arc::new(f);
        for (index, worker) in self.workers.iter().enumerate() {
            let f = f.clone();
            worker.handle.spawn(move || f(index))?;
        }
        Ok(())
    }

    /// Asks every hub to shut down, lets their greenlets run for `grace`, kills the rest,
    /// and joins the threads.
    pub fn shutdown(mut self, grace: Duration) -> ShutdownReport {
        self.stop(grace)
    }

    fn stop(&mut self, grace: Duration) -> ShutdownReport {
        for worker in &self.workers {
            let _ = worker.handle.shutdown(grace);
        }
        let mut report = ShutdownReport::default();
        for worker in &mut self.workers {
            let Some(thread) = worker.thread.take() else {
                continue;
            };
            if thread.thread().id() == thread::current().id() {
                // Dropped by one of its own greenlets: that thread ends by itself once its
                // hub has shut down; it cannot wait for itself.
                continue;
            }
            match thread.join() {
                Ok(Ok(r)) => report.killed += r.killed,
                _ => report.failed_threads += 1,
            }
        }
        report
    }
}

impl fmt::Debug for Runtime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Runtime")
            .field("threads", &self.workers.len())
            .finish()
    }
}

impl Drop for Runtime {
    /// A runtime dropped without [`Runtime::shutdown`] kills its greenlets at once.
    fn drop(&mut self) {
        self.stop(Duration::ZERO);
    }
}
