//! Reserved mappings carved into stack slots, and the guard page under each slot.
//!
//! Guards come from `madvise(MADV_GUARD_INSTALL)` when the running kernel has it (Linux
//! 6.13+): the guard lives in the page tables, so the whole region stays one mapping however
//! many slots it holds. Older kernels get `mprotect(PROT_NONE)` guards, which split the
//! mapping; those are capped well below `vm.max_map_count`, because at that limit the kernel
//! refuses every new mapping in the process and malloc aborts.

use super::registry::GuardedRange;
use super::{page_size, StackError};
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};

/// `MADV_GUARD_INSTALL` from linux/mman.h (not yet in the libc crate).
const MADV_GUARD_INSTALL: libc::c_int = 102;

/// How guard pages are made on this machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuardMode {
    /// `madvise(MADV_GUARD_INSTALL)`: no extra mapping per stack.
    Madvise,
    /// `mprotect(PROT_NONE)`: one extra mapping per stack, capped.
    Mprotect,
}

static MODE: AtomicU8 = AtomicU8::new(0);
static MPROTECT_GUARDS: AtomicUsize = AtomicUsize::new(0);

impl GuardMode {
    /// The mode in use (decided by the first guard installed in the process).
    pub fn current() -> Option<GuardMode> {
        match MODE.load(Ordering::Relaxed) {
            1 => Some(GuardMode::Madvise),
            2 => Some(GuardMode::Mprotect),
            _ => None,
        }
    }
}

/// Most `mprotect` guards we allow: half the map-count limit (each guard can add two
/// mappings) minus room for everything else in the process.
fn mprotect_cap() -> usize {
    static CAP: AtomicUsize = AtomicUsize::new(0);
    let cap = CAP.load(Ordering::Relaxed);
    if cap != 0 {
        return cap;
    }
    let max_maps = std::fs::read_to_string("/proc/sys/vm/max_map_count")
        .ok()
        .and_then(|s| s.trim().parse::<usize>().ok())
        .unwrap_or(65530);
    let cap = (max_maps / 2).saturating_sub(8192).max(256);
    CAP.store(cap, Ordering::Relaxed);
    cap
}

/// One reserved mapping holding `slots` stacks of `slot_size` bytes (guard included).
pub(crate) struct Region {
    base: usize,
    len: usize,
    slot_size: usize,
    slots: usize,
    carved: std::cell::Cell<usize>,
    registry_index: Option<usize>,
}

impl Region {
    /// Reserves a region. Nothing is committed until a stack touches its pages.
    pub(crate) fn reserve(slot_size: usize, slots: usize) -> Result<Region, StackError> {
        let len = slot_size * slots;
        // SAFETY: an anonymous private mapping at a kernel-chosen address aliases nothing.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                -1,
                0,
            )
        };
        if ptr == libc::MAP_FAILED {
            return Err(StackError::OutOfMemory { bytes: len });
        }
        super::overflow::install_handler();
        let base = ptr as usize;
        let range = GuardedRange {
            start: base,
            end: base + len,
            slot: slot_size,
            guard: page_size(),
        };
        #[cfg(not(loom))]
        let registry_index = super::registry::REGIONS.register(range);
        #[cfg(loom)]
        let registry_index = {
            let _ = range;
            None
        };
        let _ = super::pool::REGIONS_MAPPED.try_with(|r| r.set(r.get() + 1));
        Ok(Region {
            base,
            len,
            slot_size,
            slots,
            carved: std::cell::Cell::new(0),
            registry_index,
        })
    }

    /// Whether every slot has been handed out once.
    pub(crate) fn is_full(&self) -> bool {
        self.carved.get() == self.slots
    }

    /// Carves the next slot and installs its guard; returns the slot's lowest address.
    pub(crate) fn carve(&self) -> Result<usize, StackError> {
        let index = self.carved.get();
        debug_assert!(index < self.slots);
        let low = self.base + index * self.slot_size;
        install_guard(low)?;
        self.carved.set(index + 1);
        Ok(low)
    }

    /// Usable bytes of each slot.
    pub(crate) fn usable(&self) -> usize {
        self.slot_size - page_size()
    }
}

impl Drop for Region {
    fn drop(&mut self) {
        #[cfg(not(loom))]
        if let Some(index) = self.registry_index {
            super::registry::REGIONS.unregister(index);
        }
        if GuardMode::current() == Some(GuardMode::Mprotect) {
            MPROTECT_GUARDS.fetch_sub(self.carved.get(), Ordering::Relaxed);
        }
        let _ = super::pool::REGIONS_MAPPED.try_with(|r| r.set(r.get().saturating_sub(1)));
        // SAFETY: the mapping is ours and no stack carved from it is alive: every stack
        // holds an `Rc<Region>`, so the region drops only after the last of them.
        unsafe { libc::munmap(self.base as *mut libc::c_void, self.len) };
    }
}

/// Makes the page at `low` a guard page.
fn install_guard(low: usize) -> Result<(), StackError> {
    let page = page_size();
    let mut mode = MODE.load(Ordering::Relaxed);
    if mode == 0 && std::env::var_os("STACKLET_GUARD_MODE").is_some_and(|m| m == "mprotect") {
        // Lets the fallback be exercised (and compared) on kernels that have guard markers.
        MODE.store(2, Ordering::Relaxed);
        mode = 2;
    }
    if mode != 2 {
        // SAFETY: `low` is a page-aligned page of a mapping we own; guard markers only make
        // later accesses fault.
        let rc = unsafe { libc::madvise(low as *mut libc::c_void, page, MADV_GUARD_INSTALL) };
        if rc == 0 {
            MODE.store(1, Ordering::Relaxed);
            return Ok(());
        }
        // EINVAL: the kernel predates guard markers. Anything else is also treated as
        // "unsupported"; the mprotect path below reports its own failures.
        MODE.store(2, Ordering::Relaxed);
    }
    let guarded = MPROTECT_GUARDS.fetch_add(1, Ordering::Relaxed);
    if guarded >= mprotect_cap() {
        MPROTECT_GUARDS.fetch_sub(1, Ordering::Relaxed);
        return Err(StackError::MapCountLimit { guarded });
    }
    // SAFETY: as above; PROT_NONE on a page nothing uses yet.
    let rc = unsafe { libc::mprotect(low as *mut libc::c_void, page, libc::PROT_NONE) };
    if rc != 0 {
        MPROTECT_GUARDS.fetch_sub(1, Ordering::Relaxed);
        return Err(StackError::MapCountLimit { guarded });
    }
    Ok(())
}

/// Gives a slot's usable pages back to the kernel; the guard page stays a guard.
pub(crate) fn release_pages(low: usize, usable: usize) {
    let page = page_size();
    // SAFETY: the range is the usable part of a slot that no stack is using; MADV_DONTNEED
    // on private anonymous memory just makes it read back as zeroes.
    unsafe {
        libc::madvise(
            (low + page) as *mut libc::c_void,
            usable,
            libc::MADV_DONTNEED,
        )
    };
}
