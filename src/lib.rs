//! stacklet: continulets, greenlets and micro-threads on stackful coroutines, and an embedded
//! Python-like interpreter whose scripts drive them.
//!
//! The layers, each depending only on those before it:
//!
//! - [`stack`]: pooled, guarded native stacks and [`stack::grow`] for deep native recursion;
//! - `switch`: the per-thread trampoline that resumes every coroutine of its thread;
//! - [`greenlet`] and [`continulet`]: python-greenlet and PyPy `_continuation` semantics;
//! - `script` (feature `script`): the interpreter.

pub mod continulet;
mod error;
pub mod greenlet;
pub mod hub;
mod payload;
pub mod stack;
mod switch;
mod sync;

pub use continulet::{permute, Continulet};
pub use error::{Error, GreenletExit};
pub use greenlet::Greenlet;
pub use payload::Payload;
pub use switch::switch_count;

/// A snapshot of this thread's runtime counters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Transfers of control carried out on this thread.
    pub switches: u64,
    /// Greenlet records allocated on this thread (its main greenlet included).
    pub greenlets: usize,
    /// Continulets allocated on this thread.
    pub continulets: usize,
    /// Coroutines of this thread started and not finished (suspended or running).
    pub fibers: usize,
    /// Process-wide stack counters.
    pub stack: stack::StackStats,
}

/// Reads this thread's runtime counters.
pub fn stats() -> Stats {
    Stats {
        switches: switch::switch_count(),
        greenlets: Greenlet::alive_count(),
        continulets: continulet::alive_count(),
        fibers: switch::live_fibers(),
        stack: stack::stats(),
    }
}

#[cfg(feature = "script")]
pub mod script;

/// Test hooks for the loom models (not part of the API).
#[doc(hidden)]
pub mod __private {
    pub use crate::stack::registry::{GuardRegistry, GuardedRange};
}
