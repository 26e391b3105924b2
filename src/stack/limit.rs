//! The stack limit of whatever context is running on this thread.
//!
//! `grow` needs to know how much stack is left, and that depends on which stack we are on:
//! the thread's own, a greenlet's, or a segment. The switch layer swaps the value on every
//! switch; segments set it for their extent with a guard that also restores it on unwind.
//! (`stacker`/`psm` read the limit once per thread and report nonsense inside coroutines.)

use std::cell::Cell;

thread_local! {
    /// Lowest usable address of the running context's stack; 0 until the root's is read.
    static LIMIT: Cell<usize> = const { Cell::new(0) };
}

/// The running context's lowest usable stack address.
#[inline]
pub(crate) fn current_limit() -> usize {
    let limit = LIMIT.with(Cell::get);
    if limit != 0 {
        limit
    } else {
        root_limit()
    }
}

/// Replaces the running context's limit; returns the previous one.
#[inline]
pub(crate) fn set_limit(limit: usize) -> usize {
    LIMIT.with(|l| l.replace(limit))
}

/// Sets the limit for a scope and restores the previous one when dropped, unwinding included.
pub(crate) struct LimitGuard(usize);

impl LimitGuard {
    pub(crate) fn enter(limit: usize) -> LimitGuard {
        LimitGuard(set_limit(limit))
    }
}

impl Drop for LimitGuard {
    fn drop(&mut self) {
        set_limit(self.0);
    }
}

/// Reads the bounds of the thread's own stack and records them as the current limit.
#[cold]
fn root_limit() -> usize {
    let limit = thread_stack_low().map_or(1, |low| low + 2 * super::page_size());
    LIMIT.with(|l| l.set(limit));
    limit
}

/// Lowest address of the calling thread's stack as pthreads reports it.
fn thread_stack_low() -> Option<usize> {
    // SAFETY: `attr` is initialised by pthread_getattr_np before it is read and destroyed
    // once; the out-pointers point at locals.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
            return None;
        }
        let mut addr: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        let rc = libc::pthread_attr_getstack(&attr, &mut addr, &mut size);
        libc::pthread_attr_destroy(&mut attr);
        (rc == 0 && !addr.is_null()).then_some(addr as usize)
    }
}
