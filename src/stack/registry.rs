//! A lock-free table of guarded regions that the SIGSEGV handler can read.
//!
//! The handler runs at an arbitrary instruction of an arbitrary thread, so it can neither
//! lock nor allocate. Each entry is a tiny seqlock: a writer makes the sequence odd, writes
//! the fields, then makes it even again; a reader accepts the fields only if it saw the same
//! even sequence before and after reading them. The protocol is model-checked in
//! tests/loom_registry.rs.

use crate::sync::atomic::{fence, AtomicUsize, Ordering};

/// One registered region: `[start, end)` carved into slots of `slot` bytes whose lowest
/// `guard` bytes are the guard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GuardedRange {
    /// Lowest address of the region.
    pub start: usize,
    /// One past the highest address.
    pub end: usize,
    /// Size of one slot (guard included).
    pub slot: usize,
    /// Size of the guard at the bottom of each slot.
    pub guard: usize,
}

impl GuardedRange {
    /// Whether `addr` falls inside one of the region's guard pages.
    pub fn is_guard(&self, addr: usize) -> bool {
        addr >= self.start && addr < self.end && (addr - self.start) % self.slot < self.guard
    }
}

struct Entry {
    seq: AtomicUsize,
    start: AtomicUsize,
    end: AtomicUsize,
    slot: AtomicUsize,
    guard: AtomicUsize,
}

impl Entry {
    // Two copies because the table lives in a `static` (so `new` must be `const`), while
    // loom's atomics cannot be built in a const context.
    #[cfg(not(loom))]
    const fn new() -> Entry {
        Entry {
            seq: AtomicUsize::new(0),
            start: AtomicUsize::new(0),
            end: AtomicUsize::new(0),
            slot: AtomicUsize::new(0),
            guard: AtomicUsize::new(0),
        }
    }

    #[cfg(loom)]
    fn new() -> Entry {
        Entry {
            seq: AtomicUsize::new(0),
            start: AtomicUsize::new(0),
            end: AtomicUsize::new(0),
            slot: AtomicUsize::new(0),
            guard: AtomicUsize::new(0),
        }
    }

    /// Reads a consistent snapshot, or `None` while a writer is mid-update or the entry is free.
    fn read(&self) -> Option<GuardedRange> {
        let before = self.seq.load(Ordering::Acquire);
        if before % 2 == 1 {
            return None;
        }
        let range = GuardedRange {
            start: self.start.load(Ordering::Relaxed),
            end: self.end.load(Ordering::Relaxed),
            slot: self.slot.load(Ordering::Relaxed),
            guard: self.guard.load(Ordering::Relaxed),
        };
        fence(Ordering::Acquire);
        let after = self.seq.load(Ordering::Relaxed);
        (before == after && range.end != 0).then_some(range)
    }

    /// Writes `range` (or clears the entry with `None`); the caller owns the entry.
    fn write(&self, range: Option<GuardedRange>) {
        let seq = self.seq.load(Ordering::Relaxed);
        self.seq.store(seq + 1, Ordering::Relaxed);
        fence(Ordering::Release);
        let r = range.unwrap_or(GuardedRange {
            start: 0,
            end: 0,
            slot: 1,
            guard: 0,
        });
        self.start.store(r.start, Ordering::Relaxed);
        self.end.store(r.end, Ordering::Relaxed);
        self.slot.store(r.slot, Ordering::Relaxed);
        self.guard.store(r.guard, Ordering::Relaxed);
        self.seq.store(seq + 2, Ordering::Release);
    }
}

/// A fixed table of guarded regions; writers claim free entries, readers never block.
pub struct GuardRegistry<const N: usize> {
    /// Per entry: 0 = free, 1 = owned by a writer.
    owner: [AtomicUsize; N],
    entries: [Entry; N],
}

impl<const N: usize> GuardRegistry<N> {
    /// An empty table (usable in a `static`).
    #[cfg(not(loom))]
    pub const fn new() -> Self {
        #[allow(clippy::declare_interior_mutable_const)]
        const FREE: AtomicUsize = AtomicUsize::new(0);
        #[allow(clippy::declare_interior_mutable_const)]
        const EMPTY: Entry = Entry::new();
        GuardRegistry {
            owner: [FREE; N],
            entries: [EMPTY; N],
        }
    }

    /// An empty table.
    #[cfg(loom)]
    pub fn new() -> Self {
        GuardRegistry {
            owner: std::array::from_fn(|_| AtomicUsize::new(0)),
            entries: std::array::from_fn(|_| Entry::new()),
        }
    }

    /// Publishes `range`; returns its entry index, or `None` when the table is full (the
    /// region still works, its overflows are just reported less precisely).
    pub fn register(&self, range: GuardedRange) -> Option<usize> {
        let index = (0..N).find(|&i| {
            self.owner[i]
                .compare_exchange(0, 1, Ordering::Acquire, Ordering::Relaxed)
                .is_ok()
        })?;
        self.entries[index].write(Some(range));
        Some(index)
    }

    /// Withdraws the entry returned by `register`.
    pub fn unregister(&self, index: usize) {
        self.entries[index].write(None);
        self.owner[index].store(0, Ordering::Release);
    }

    /// The registered range whose guard contains `addr`, if any. Async-signal-safe.
    pub fn find_guard(&self, addr: usize) -> Option<GuardedRange> {
        self.entries
            .iter()
            .filter_map(Entry::read)
            .find(|r| r.is_guard(addr))
    }

    /// The registered range containing `addr` at all, if any. Async-signal-safe.
    pub fn find(&self, addr: usize) -> Option<GuardedRange> {
        self.entries
            .iter()
            .filter_map(Entry::read)
            .find(|r| addr >= r.start && addr < r.end)
    }
}

#[cfg(not(loom))]
impl<const N: usize> Default for GuardRegistry<N> {
    fn default() -> Self {
        Self::new()
    }
}

/// Every region of every thread in this process.
#[cfg(not(loom))]
pub(crate) static REGIONS: GuardRegistry<4096> = GuardRegistry::new();
