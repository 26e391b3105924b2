//! What hub operations fail with: why a blocking call returned early, why a join produced
//! no value, and the report of a hub whose greenlets are all stuck.

use std::any::Any;
use std::fmt;
use std::io;

/// Why a blocking hub operation (sleep, channel, join, socket) did not complete.
///
/// [`Error::Killed`] and [`Error::TimedOut`] are requests to unwind: propagate them with `?`
/// so that the greenlet's cleanup runs and the enclosing [`crate::hub::timeout`] or the
/// killer gets control back.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// This greenlet is being killed ([`crate::hub::JoinHandle::kill`]); every later
    /// blocking call fails the same way, so the greenlet ends.
    Killed,
    /// An enclosing [`crate::hub::timeout`] elapsed; every blocking call inside it fails the
    /// same way until it returns.
    TimedOut,
    /// The other side of the channel is gone.
    Disconnected,
    /// The call was made outside a greenlet of a hub (for example by the thread driving the
    /// hub, or from a greenlet that is not one of its tasks) where it cannot block.
    NoTask,
    /// No switch is possible now (a panic is unwinding or the thread is exiting).
    NotNow,
    /// The hub of this thread is already being driven by another context.
    Busy,
    /// The hub is shutting down and accepts no more work of this kind.
    Shutdown,
    /// A greenlet tried to wait for its own end.
    SelfJoin,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Error::Killed => "the greenlet was killed",
            Error::TimedOut => "the enclosing timeout elapsed",
            Error::Disconnected => "the other side of the channel is gone",
            Error::NoTask => "not called from a greenlet of a hub",
            Error::NotNow => "no switch is possible now",
            Error::Busy => "the hub is already being driven",
            Error::Shutdown => "the hub is shutting down",
            Error::SelfJoin => "a greenlet cannot wait for its own end",
        })
    }
}

impl std::error::Error for Error {}

impl Error {
    /// The hub error carried by an I/O error returned from a hub socket, if any: lets a
    /// caller tell a kill or a timeout from a network failure.
    pub fn from_io(error: &io::Error) -> Option<&Error> {
        error.get_ref().and_then(|inner| inner.downcast_ref())
    }

    /// This error as an [`io::Error`] for the `Read`/`Write` implementations.
    pub(crate) fn into_io(self) -> io::Error {
        let kind = match self {
            Error::TimedOut => io::ErrorKind::TimedOut,
            Error::Shutdown => io::ErrorKind::ConnectionAborted,
            // Deliberately not `Interrupted`: std's `read_exact`/`write_all` retry that.
            _ => io::ErrorKind::Other,
        };
        io::Error::new(kind, self)
    }
}

impl From<Error> for io::Error {
    fn from(e: Error) -> io::Error {
        e.into_io()
    }
}

/// Why [`crate::hub::JoinHandle::join`] (or [`crate::hub::run`]) has no value.
#[non_exhaustive]
pub enum JoinError {
    /// The greenlet panicked; here is the payload (as `std::thread::JoinHandle::join`).
    Panicked(Box<dyn Any + Send>),
    /// The greenlet was killed before it produced its value.
    Killed,
    /// The greenlet could not run (no stack could be had) or failed in the switching layer.
    Failed(crate::Error),
    /// The joining side itself was interrupted (killed, timed out, or not in a greenlet
    /// that can wait); the greenlet goes on and may still be joined by someone else.
    Wait(Error),
    /// Every greenlet of the hub was blocked with nothing that could wake one.
    Deadlock(DeadlockReport),
    /// A greenlet started with [`crate::hub::HubHandle::call`] failed on its hub for another
    /// reason than a panic or a kill; here is why, in words.
    Remote(String),
}

impl JoinError {
    /// Whether the greenlet panicked.
    pub fn is_panic(&self) -> bool {
        matches!(self, JoinError::Panicked(_))
    }

    /// The panic message, when the payload is a string.
    pub fn panic_message(&self) -> Option<&str> {
        match self {
            JoinError::Panicked(p) => p
                .downcast_ref::<&str>()
                .copied()
                .or_else(|| p.downcast_ref::<String>().map(String::as_str)),
            _ => None,
        }
    }
}

impl fmt::Display for JoinError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JoinError::Panicked(_) => match self.panic_message() {
                Some(m) => write!(f, "the greenlet panicked: {m}"),
                None => f.write_str("the greenlet panicked"),
            },
            JoinError::Killed => f.write_str("the greenlet was killed"),
            JoinError::Failed(e) => write!(f, "the greenlet failed: {e}"),
            JoinError::Wait(e) => write!(f, "waiting for the greenlet failed: {e}"),
            JoinError::Deadlock(report) => report.fmt(f),
            JoinError::Remote(why) => write!(f, "the greenlet failed on its hub: {why}"),
        }
    }
}

impl fmt::Debug for JoinError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "JoinError({self})")
    }
}

impl std::error::Error for JoinError {}

impl From<Error> for JoinError {
    fn from(e: Error) -> JoinError {
        JoinError::Wait(e)
    }
}

/// [`crate::hub::timeout`]'s error: the operation did not finish in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Elapsed;

impl fmt::Display for Elapsed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("deadline elapsed")
    }
}

impl std::error::Error for Elapsed {}

/// One greenlet that was blocked when the hub found itself deadlocked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blocked {
    /// The greenlet's id within its hub.
    pub id: u64,
    /// Its name, if it was given one.
    pub name: Option<String>,
    /// What it waits for, in words ("receive on channel #3", "join greenlet #5 \"worker\"").
    pub waits_for: String,
}

/// The greenlets of a deadlocked hub and what each waits for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlockReport {
    /// Every blocked greenlet, oldest first.
    pub blocked: Vec<Blocked>,
}

impl fmt::Display for DeadlockReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "deadlock: all {} greenlet(s) of the hub are blocked and nothing can wake them",
            self.blocked.len()
        )?;
        for b in &self.blocked {
            match &b.name {
                Some(name) => write!(
                    f,
                    "\n  greenlet #{} {name:?} waits to {}",
                    b.id, b.waits_for
                )?,
                None => write!(f, "\n  greenlet #{} waits to {}", b.id, b.waits_for)?,
            }
        }
        Ok(())
    }
}
