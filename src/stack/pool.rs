//! The per-thread pool of stacks, by size class.
//!
//! A fresh guarded stack costs an `mmap` plus page faults (12–17 µs); a pooled one costs a
//! `Vec::pop` (tens of ns). Freed stacks keep their pages while the pool is small ("hot"), so
//! create–finish cycles never fault; past `HOT_STACKS` a freed stack's pages go back to the
//! kernel first, so a burst of a million greenlets does not pin its memory forever.

use super::region::{release_pages, Region};
use super::{page_size, StackError};
use corosensei::stack::{Stack, StackPointer};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::atomic::{AtomicIsize, Ordering};

/// Freed stacks per size class kept with their pages resident.
const HOT_STACKS: usize = 256;
/// Slots in the first region of a size class; later regions double, up to `MAX_REGION_BYTES`.
const FIRST_REGION_SLOTS: usize = 16;
const MAX_REGION_BYTES: usize = 1 << 30;

thread_local! {
    /// Regions mapped by this thread (a region never leaves its thread).
    pub(crate) static REGIONS_MAPPED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Stacks on loan in the process, as far as the threads have published their loans.
static STACKS_IN_USE: AtomicIsize = AtomicIsize::new(0);

thread_local! {
    /// This thread's loans not yet added to [`STACKS_IN_USE`]. A shared counter updated on
    /// every take and give-back would cost two locked instructions per greenlet life; the
    /// thread publishes when the difference reaches [`PUBLISH_AT`], when its pool goes away
    /// and when it asks for the stats.
    static UNPUBLISHED: Cell<isize> = const { Cell::new(0) };
}
const PUBLISH_AT: isize = 64;

/// Counts `delta` loans: privately while this thread's pool is alive, else directly.
fn count_loans(delta: isize, pool_alive: bool) {
    if !pool_alive {
        STACKS_IN_USE.fetch_add(delta, Ordering::Relaxed);
        return;
    }
    let pending = UNPUBLISHED.with(|u| u.get()) + delta;
    if pending.abs() >= PUBLISH_AT {
        STACKS_IN_USE.fetch_add(pending, Ordering::Relaxed);
        UNPUBLISHED.with(|u| u.set(0));
    } else {
        UNPUBLISHED.with(|u| u.set(pending));
    }
}

thread_local! {
    /// Stacks kept idle outside the pool, with spare fibers ready for reuse.
    static IDLE: Cell<usize> = const { Cell::new(0) };
}

/// Counts a stack as kept idle outside the pool (`true`) or on loan again (`false`): an idle
/// stack counts as pooled, not in use (it stays a loan in the shared count, from which the
/// stats take this thread's idle stacks). An idle stack must be marked back before it drops.
pub(crate) fn set_idle(idle: bool) {
    IDLE.with(|n| n.set(if idle { n.get() + 1 } else { n.get() - 1 }));
}

/// Adds this thread's private count to the shared one.
fn publish() {
    let pending = UNPUBLISHED.with(|u| u.replace(0));
    if pending != 0 {
        STACKS_IN_USE.fetch_add(pending, Ordering::Relaxed);
    }
}

/// A stack slot on loan from this thread's pool; dropping it gives it back.
pub struct PooledStack {
    region: Rc<Region>,
    /// Lowest address of the slot (the guard page).
    low: usize,
    /// Usable bytes above the guard.
    usable: usize,
    /// Highest address (exclusive), kept because every resume asks for it.
    top: usize,
}

impl PooledStack {
    fn new(slot: FreeSlot, usable: usize, pool_alive: bool) -> PooledStack {
        count_loans(1, pool_alive);
        PooledStack {
            top: slot.low + page_size() + usable - stack_color(slot.low),
            region: slot.region,
            low: slot.low,
            usable,
        }
    }

    /// Usable bytes (the size class).
    pub fn usable(&self) -> usize {
        self.usable
    }

    /// Lowest usable address: a stack pointer below it is in the guard page.
    pub fn usable_low(&self) -> usize {
        self.low + page_size()
    }

    /// Highest address (exclusive): where the stack starts growing down from.
    pub fn top(&self) -> usize {
        self.top
    }
}

// SAFETY: the slot is `usable` bytes (at least 16 KiB, page-aligned, so 16-byte aligned at both
// ends) with a guard page directly below it that faults on access, and it is used by one
// coroutine or segment at a time: the pool never hands out a slot that is on loan.
unsafe impl Stack for PooledStack {
    fn base(&self) -> StackPointer {
        StackPointer::new(self.top()).expect("stack top is never zero")
    }

    fn limit(&self) -> StackPointer {
        StackPointer::new(self.low).expect("stack bottom is never zero")
    }
}

impl Drop for PooledStack {
    fn drop(&mut self) {
        let slot = FreeSlot {
            region: self.region.clone(),
            low: self.low,
        };
        // The pool is gone while this thread exits; then the slot simply goes with its region.
        let given_back = POOL.try_with(|pool| {
            if let Ok(mut pool) = pool.try_borrow_mut() {
                pool.give_back(self.usable, slot);
            }
        });
        count_loans(-1, given_back.is_ok());
    }
}

/// How far below its slot's end a stack starts: 0 to 1,920 bytes by slot (kept within
/// half a page, so the frames of a parked greenlet still usually fit in its top page).
///
/// Slots are whole pages apart, so without it every stack's hot frames would sit at the
/// same offsets modulo 4 KiB. Switching between two such stacks then makes loads from one
/// look as if they depended on recent stores to the other (the CPU first compares only the
/// low twelve address bits), and they compete for the same cache sets. Measured: the hub's
/// spawn + join ran at ~230 or ~400 ns from run to run before, 205-327 ns after.
fn stack_color(low: usize) -> usize {
    ((low / page_size()) % 16) * 128
}

struct FreeSlot {
    region: Rc<Region>,
    low: usize,
}

struct SizeClass {
    usable: usize,
    hot: Vec<FreeSlot>,
    cold: Vec<FreeSlot>,
    current: Option<Rc<Region>>,
    next_region_slots: usize,
}

#[derive(Default)]
struct StackPool {
    classes: Vec<SizeClass>,
}

impl Drop for StackPool {
    fn drop(&mut self) {
        // From now on this thread's give-backs count directly (see `count_loans`).
        publish();
    }
}

thread_local! {
    static POOL: RefCell<StackPool> = RefCell::new(StackPool::default());
}

impl StackPool {
    fn class(&mut self, usable: usize) -> &mut SizeClass {
        let index = match self.classes.iter().position(|c| c.usable == usable) {
            Some(index) => index,
            None => {
                self.classes.push(SizeClass {
                    usable,
                    hot: Vec::new(),
                    cold: Vec::new(),
                    current: None,
                    next_region_slots: FIRST_REGION_SLOTS,
                });
                self.classes.len() - 1
            }
        };
        &mut self.classes[index]
    }

    fn take(&mut self, usable: usize) -> Result<PooledStack, StackError> {
        let class = self.class(usable);
        let slot = match class.hot.pop().or_else(|| class.cold.pop()) {
            Some(slot) => slot,
            None => class.carve()?,
        };
        Ok(PooledStack::new(slot, usable, true))
    }

    fn give_back(&mut self, usable: usize, slot: FreeSlot) {
        let class = self.class(usable);
        if class.hot.len() < HOT_STACKS {
            class.hot.push(slot);
        } else {
            release_pages(slot.low, usable);
            class.cold.push(slot);
        }
    }
}

impl SizeClass {
    fn carve(&mut self) -> Result<FreeSlot, StackError> {
        let region = match &self.current {
            Some(region) if !region.is_full() => region.clone(),
            _ => {
                let slot_size = self.usable + page_size();
                let max_slots = (MAX_REGION_BYTES / slot_size).max(1);
                let slots = self.next_region_slots.min(max_slots);
                let region = Rc::new(Region::reserve(slot_size, slots)?);
                self.next_region_slots = (slots * 2).min(max_slots);
                self.current = Some(region.clone());
                region
            }
        };
        debug_assert_eq!(region.usable(), self.usable);
        let low = region.carve()?;
        Ok(FreeSlot { region, low })
    }
}

/// Rounds a requested size up to its size class (a power of two, at least 16 KiB).
pub(crate) fn size_class(bytes: usize) -> Result<usize, StackError> {
    bytes
        .max(16 * 1024)
        .checked_next_power_of_two()
        .filter(|&size| size <= MAX_REGION_BYTES)
        .ok_or(StackError::OutOfMemory { bytes })
}

/// Takes a stack with at least `bytes` usable bytes from this thread's pool.
pub(crate) fn allocate(bytes: usize) -> Result<PooledStack, StackError> {
    // (Idempotent: a size class is its own class.)
    let usable = size_class(bytes)?;
    POOL.try_with(|pool| pool.borrow_mut().take(usable))
        // While the thread exits, a stack can still be had straight from a region of its own.
        .unwrap_or_else(|_| {
            let mut class = SizeClass {
                usable,
                hot: Vec::new(),
                cold: Vec::new(),
                current: None,
                next_region_slots: 1,
            };
            let slot = class.carve()?;
            Ok(PooledStack::new(slot, usable, false))
        })
}

/// Counters of the stack layer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StackStats {
    /// Stacks on loan in this process (greenlets started and not finished, live segments):
    /// exact for the calling thread and for exited threads; for another running thread it
    /// may be off by its up to 64 unpublished loans (threads publish counts in batches) and
    /// its up to 16 stacks kept with spare fibers.
    pub in_use: usize,
    /// Free stacks kept by this thread: in its pool, and with its spare fibers for reuse.
    pub pooled: usize,
    /// Reserved regions mapped by this thread.
    pub regions: usize,
    /// `grow` segments currently on loan on this thread.
    pub segments: usize,
}

/// A snapshot of the stack counters.
pub fn stats() -> StackStats {
    let idle = IDLE.with(Cell::get);
    let pooled = POOL
        .try_with(|pool| {
            pool.try_borrow()
                .map(|p| p.classes.iter().map(|c| c.hot.len() + c.cold.len()).sum())
                .unwrap_or(0)
        })
        .unwrap_or(0)
        + idle;
    publish();
    StackStats {
        in_use: (STACKS_IN_USE.load(Ordering::Relaxed) - idle as isize).max(0) as usize,
        pooled,
        regions: REGIONS_MAPPED.try_with(std::cell::Cell::get).unwrap_or(0),
        segments: super::grow::SEGMENTS_IN_USE.with(std::cell::Cell::get),
    }
}
