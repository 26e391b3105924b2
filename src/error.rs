//! `Error`: what a switch, a throw or a greenlet body can fail with.
//!
//! Python raises exceptions; the Rust API returns them. A kill arrives as [`Error::Exit`], which
//! a body propagates with `?` so that its destructors and cleanup run on the way out.

use crate::payload::Payload;
use crate::stack::StackError;
use std::any::Any;
use std::fmt;

/// The value python-greenlet calls `GreenletExit`: delivered to a parent as an ordinary value
/// when a greenlet dies of [`Error::Exit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GreenletExit;

/// Errors of the switching APIs.
#[non_exhaustive]
pub enum Error {
    /// `GreenletExit`: the greenlet is being killed and should finish. Propagate it.
    Exit,
    /// A value raised with `throw`, or an error a body returned; inspect it with `downcast`.
    Raised(Payload),
    /// A panic in a greenlet or continulet body, delivered to where its result would go.
    Panic(Box<dyn Any + Send>),
    /// A value arrived that is not of the type the receiver asked for; here it is.
    Mismatch {
        /// The type the receiver asked for.
        expected: &'static str,
        /// The value that arrived.
        value: Payload,
    },
    /// The greenlet has no body to start (python-greenlet: `AttributeError: run`).
    NoRun,
    /// The body of a greenlet cannot be replaced after it started.
    RunAfterStart,
    /// A new parent would make the parent chain a cycle.
    CyclicParent,
    /// A main greenlet has no parent and cannot be given one.
    MainParent,
    /// `switch`/`throw` on a finished continulet, or with a finished `to`.
    Finished,
    /// `permute` was given a finished continulet.
    PermuteFinished,
    /// A continulet can be bound to a callable only once.
    AlreadyBound,
    /// The first switch into a continulet must send `()`.
    NonUnitToFresh,
    /// No switch can happen now: this thread is exiting, a panic is unwinding, or a suspended
    /// context is being released.
    NotNow,
    /// No stack could be had for a new greenlet or continulet.
    Stack(StackError),
}

impl Error {
    /// Wraps any value as a raised error.
    pub fn raise<T: 'static>(value: T) -> Error {
        Error::Raised(Payload::new(value))
    }

    /// Whether this is the kill request ([`Error::Exit`]).
    pub fn is_exit(&self) -> bool {
        matches!(self, Error::Exit)
    }

    /// The raised value as a `T`, if it is one.
    pub fn raised<T: 'static>(&self) -> Option<&T> {
        match self {
            Error::Raised(payload) => payload.downcast_ref(),
            _ => None,
        }
    }
}

fn panic_message(panic: &(dyn Any + Send)) -> &str {
    if let Some(s) = panic.downcast_ref::<&str>() {
        s
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s
    } else {
        "Box<dyn Any>"
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Exit => f.write_str("GreenletExit"),
            Error::Raised(payload) => write!(f, "raised {payload:?}"),
            Error::Panic(panic) => write!(f, "panicked: {}", panic_message(panic.as_ref())),
            Error::Mismatch { expected, .. } => write!(f, "expected a value of type {expected}"),
            Error::NoRun => f.write_str("run"),
            Error::RunAfterStart => {
                f.write_str("run cannot be set after the start of the greenlet")
            }
            Error::CyclicParent => f.write_str("cyclic parent chain"),
            Error::MainParent => f.write_str("cannot set the parent of a main greenlet"),
            Error::Finished => f.write_str("continulet already finished"),
            Error::PermuteFinished => f.write_str("got an already-finished continulet"),
            Error::AlreadyBound => f.write_str("continulet already __init__ialized"),
            Error::NonUnitToFresh => {
                f.write_str("can't send non-None value to a just-started continulet")
            }
            Error::NotNow => f.write_str(
                "cannot switch now: the thread is exiting, a panic is unwinding, \
                 or a suspended context is being released",
            ),
            Error::Stack(e) => e.fmt(f),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Error({self})")
    }
}

impl std::error::Error for Error {}

impl From<StackError> for Error {
    fn from(e: StackError) -> Error {
        Error::Stack(e)
    }
}
