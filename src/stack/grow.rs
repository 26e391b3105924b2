//! `grow`: run a closure on a fresh segment when the current stack runs low.
//!
//! This is what lets Rust code (and the interpreter's native re-entry) recurse millions of
//! levels deep, on the main thread and inside greenlets alike: every so often the recursion
//! hops onto a pooled segment. A greenlet may switch away from inside a segment and be
//! resumed later; the segment simply stays on loan until the closure returns.

use super::{allocate, LimitGuard, StackError};
use std::cell::Cell;

/// Stack that must remain for `grow` to call its closure in place.
pub const DEFAULT_RED_ZONE: usize = 64 * 1024;
/// Usable size of the segments `grow` hops onto.
pub const SEGMENT_SIZE: usize = 1024 * 1024;

thread_local! {
    /// Segments on loan on this thread (a segment never leaves its thread).
    pub(crate) static SEGMENTS_IN_USE: Cell<usize> = const { Cell::new(0) };
}

/// Bytes of stack left below the caller's frame in the running context.
#[inline(always)]
pub fn remaining() -> usize {
    let marker = 0u8;
    let sp = std::ptr::addr_of!(marker) as usize;
    sp.saturating_sub(super::current_limit())
}

/// Runs `f`, first hopping to a new stack segment if less than [`DEFAULT_RED_ZONE`] bytes
/// of stack are left. Costs a comparison when no hop is needed.
///
/// If no segment can be had (address space exhausted), `f` runs in place; should it then
/// overflow, the guard page turns that into a clear report, never silent corruption.
#[inline(always)]
pub fn grow<R>(f: impl FnOnce() -> R) -> R {
    grow_with(DEFAULT_RED_ZONE, SEGMENT_SIZE, f)
}

/// [`grow`] with an explicit red zone and segment size (a red zone larger than the segment
/// just means "hop every time").
#[inline(always)]
pub fn grow_with<R>(red_zone: usize, segment: usize, f: impl FnOnce() -> R) -> R {
    if remaining() >= red_zone {
        f()
    } else {
        match hop(segment, f) {
            Ok(result) => result,
            Err((f, _)) => f(),
        }
    }
}

/// Like [`grow`], but reports a segment that cannot be had instead of running in place.
pub fn try_grow<R>(f: impl FnOnce() -> R) -> Result<R, StackError> {
    if remaining() >= DEFAULT_RED_ZONE {
        Ok(f())
    } else {
        hop(SEGMENT_SIZE, f).map_err(|(_, e)| e)
    }
}

#[cold]
#[inline(never)]
fn hop<R, F: FnOnce() -> R>(segment: usize, f: F) -> Result<R, (F, StackError)> {
    let stack = match allocate(segment) {
        Ok(stack) => stack,
        Err(e) => return Err((f, e)),
    };
    let low = stack.usable_low();
    SEGMENTS_IN_USE.with(|s| s.set(s.get() + 1));
    struct Count;
    impl Drop for Count {
        fn drop(&mut self) {
            SEGMENTS_IN_USE.with(|s| s.set(s.get() - 1));
        }
    }
    let _count = Count;
    Ok(corosensei::on_stack(stack, move || {
        let _limit = LimitGuard::enter(low);
        f()
    }))
}
