//! The open-addressing hash table behind `set` and `frozenset`, laid out as CPython's
//! `setobject.c` lays it out, so that sets iterate (and print) in CPython's order.
//!
//! The table is a power-of-two array of slots (at least 8). A key with hash `h` is looked
//! for at `h & mask` and the `LINEAR_PROBES` slots after it (when they fit before the end),
//! then at `(i * 5 + 1 + perturb) & mask` with `perturb >>= 5` each round. Deleted keys leave
//! dummies that lookups skip and insertions may reuse. The table grows when filled (live plus
//! dummies) to 60%, re-inserting the live keys in slot order.
//!
//! Key equality may run script code (`__eq__`), which may fail or mutate the set: lookups
//! therefore compare natively under a short borrow, and only ask the VM with no borrow held,
//! restarting the probe if the table changed meanwhile (as CPython does).

use super::table::native_eq;
use super::value::Value;
use crate::script::vm::{PyResult, Vm};
use std::cell::{Cell, RefCell};

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone, Default)]
enum Slot {
    #[default]
    Empty,
    /// A deleted key: lookups probe past it.
    Dummy,
    Full(u64, Value),
}

struct Inner {
    slots: Vec<Slot>,
    /// Live keys plus dummies.
    fill: usize,
    /// Live keys.
    used: usize,
    /// Where `pop()` resumes its scan, as CPython's `finger`.
    finger: usize,
    /// Bumped whenever slots move (resize, clear), so a lookup interrupted by script code
    /// knows its slot index is stale.
    layout: u64,
}

impl Inner {
    fn empty() -> Inner {
        Inner {
            slots: vec![Slot::Empty; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
            layout: 0,
        }
    }

    #[inline]
    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// Rebuilds the table with room for `minused` keys (CPython's `set_table_resize`).
    fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; size]);
        self.fill = self.used;
        self.layout += 1;
        for slot in old {
            if let Slot::Full(hash, key) = slot {
                insert_clean(&mut self.slots, hash, key);
            }
        }
    }

    /// Grows after an insertion that filled a fresh slot, when 60% full.
    fn grow_if_full(&mut self) {
        if self.fill * 5 >= self.mask() * 3 {
            let used = self.used;
            self.resize(if used > 50000 { used * 2 } else { used * 4 });
        }
    }
}

/// The probe sequence of one hash in a table of `mask + 1` slots.
struct Probe {
    base: usize,
    offset: usize,
    linear: usize,
    perturb: u64,
    mask: usize,
}

impl Probe {
    fn new(hash: u64, mask: usize) -> Probe {
        let base = hash as usize & mask;
        Probe {
            base,
            offset: 0,
            linear: linear_run(base, mask),
            perturb: hash,
            mask,
        }
    }

    /// The next slot to look at.
    fn next_slot(&mut self) -> usize {
        let slot = self.base + self.offset;
        if self.offset < self.linear {
            self.offset += 1;
        } else {
            // The next round starts from the round's first slot, not its last.
            self.perturb >>= PERTURB_SHIFT;
            self.base = self
                .base
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(self.perturb as usize)
                & self.mask;
            self.offset = 0;
            self.linear = linear_run(self.base, self.mask);
        }
        slot
    }
}

#[inline]
fn linear_run(base: usize, mask: usize) -> usize {
    if base + LINEAR_PROBES <= mask {
        LINEAR_PROBES
    } else {
        0
    }
}

/// Places a key known to be absent into a table without dummies (`set_insert_clean`).
fn insert_clean(slots: &mut [Slot], hash: u64, key: Value) {
    let mut probe = Probe::new(hash, slots.len() - 1);
    loop {
        let i = probe.next_slot();
        if matches!(slots[i], Slot::Empty) {
            slots[i] = Slot::Full(hash, key);
            return;
        }
    }
}

enum Lookup {
    Found(usize),
    /// Not present: the slot an insertion should use, and whether it is a fresh one (not a
    /// reused dummy).
    Absent {
        slot: usize,
        fresh: bool,
    },
}

/// A set's hash table.
pub struct SetTable {
    inner: RefCell<Inner>,
    /// Bumped on every insertion of a new key and every removal, so iterators can report
    /// "changed size during iteration".
    version: Cell<u64>,
}

impl Default for SetTable {
    fn default() -> SetTable {
        SetTable::new()
    }
}

impl SetTable {
    pub fn new() -> SetTable {
        SetTable {
            inner: RefCell::new(Inner::empty()),
            version: Cell::new(0),
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.inner.borrow().used
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline]
    pub fn version(&self) -> u64 {
        self.version.get()
    }

    fn bump(&self) {
        self.version.set(self.version.get() + 1);
    }

    /// Number of slots: iteration runs over `0..slots()`.
    #[inline]
    pub fn slots(&self) -> usize {
        self.inner.borrow().slots.len()
    }

    /// The live key at `slot`, if any.
    pub fn key_at(&self, slot: usize) -> Option<Value> {
        match self.inner.borrow().slots.get(slot)? {
            Slot::Full(_, k) => Some(k.clone()),
            _ => None,
        }
    }

    /// The live keys with their hashes, in iteration order.
    pub fn hashed_keys(&self) -> Vec<(u64, Value)> {
        self.inner
            .borrow()
            .slots
            .iter()
            .filter_map(|s| match s {
                Slot::Full(h, k) => Some((*h, k.clone())),
                _ => None,
            })
            .collect()
    }

    /// The live keys, in iteration order.
    pub fn keys(&self) -> Vec<Value> {
        self.hashed_keys().into_iter().map(|(_, k)| k).collect()
    }

    fn lookup(&self, vm: &Vm, hash: u64, key: &Value) -> PyResult<Lookup> {
        'restart: loop {
            let (mask, layout) = {
                let inner = self.inner.borrow();
                (inner.mask(), inner.layout)
            };
            let mut probe = Probe::new(hash, mask);
            let mut free = None;
            loop {
                let i = probe.next_slot();
                let stored = {
                    let inner = self.inner.borrow();
                    match &inner.slots[i] {
                        Slot::Empty => {
                            return Ok(Lookup::Absent {
                                slot: free.unwrap_or(i),
                                fresh: free.is_none(),
                            })
                        }
                        Slot::Dummy => {
                            free.get_or_insert(i);
                            continue;
                        }
                        Slot::Full(h, k) => {
                            if *h != hash {
                                continue;
                            }
                            match native_eq(k, key) {
                                Some(true) => return Ok(Lookup::Found(i)),
                                Some(false) => continue,
                                None => k.clone(),
                            }
                        }
                    }
                };
                let equal = vm.eq(&stored, key)?;
                let inner = self.inner.borrow();
                let intact = inner.layout == layout
                    && matches!(&inner.slots[i], Slot::Full(_, k) if k.is(&stored));
                if !intact {
                    continue 'restart;
                }
                if equal {
                    return Ok(Lookup::Found(i));
                }
            }
        }
    }

    pub fn contains(&self, vm: &Vm, key: &Value) -> PyResult<bool> {
        let hash = vm.hash(key)?;
        self.contains_hashed(vm, hash, key)
    }

    pub fn contains_hashed(&self, vm: &Vm, hash: u64, key: &Value) -> PyResult<bool> {
        Ok(matches!(self.lookup(vm, hash, key)?, Lookup::Found(_)))
    }

    /// Adds `key`. The value is ignored: it exists so sets and dicts insert alike.
    pub fn insert(&self, vm: &Vm, key: Value, _value: Value) -> PyResult<()> {
        let hash = vm.hash(&key)?;
        self.add_hashed(vm, hash, key).map(drop)
    }

    /// Adds `key` with its precomputed hash; `true` if it was not there.
    pub fn add_hashed(&self, vm: &Vm, hash: u64, key: Value) -> PyResult<bool> {
        let Lookup::Absent { slot, fresh } = self.lookup(vm, hash, &key)? else {
            return Ok(false);
        };
        let mut inner = self.inner.borrow_mut();
        inner.slots[slot] = Slot::Full(hash, key);
        inner.used += 1;
        if fresh {
            inner.fill += 1;
            inner.grow_if_full();
        }
        drop(inner);
        self.bump();
        Ok(true)
    }

    /// Removes `key`, returning the stored key if it was there.
    pub fn remove(&self, vm: &Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = vm.hash(key)?;
        self.discard_hashed(vm, hash, key)
    }

    pub fn discard_hashed(&self, vm: &Vm, hash: u64, key: &Value) -> PyResult<Option<Value>> {
        let Lookup::Found(slot) = self.lookup(vm, hash, key)? else {
            return Ok(None);
        };
        let old = {
            let mut inner = self.inner.borrow_mut();
            inner.used -= 1;
            std::mem::replace(&mut inner.slots[slot], Slot::Dummy)
        };
        self.bump();
        Ok(match old {
            Slot::Full(_, k) => Some(k),
            _ => None,
        })
    }

    /// Removes and returns an arbitrary key, scanning on from the last one popped
    /// (`set.pop`).
    pub fn pop(&self) -> Option<Value> {
        let old = {
            let mut inner = self.inner.borrow_mut();
            if inner.used == 0 {
                return None;
            }
            let mask = inner.mask();
            let mut i = inner.finger & mask;
            while !matches!(inner.slots[i], Slot::Full(..)) {
                i = (i + 1) & mask;
            }
            inner.used -= 1;
            inner.finger = i + 1;
            std::mem::replace(&mut inner.slots[i], Slot::Dummy)
        };
        self.bump();
        match old {
            Slot::Full(_, k) => Some(k),
            _ => None,
        }
    }

    pub fn clear(&self) {
        let old = {
            let mut inner = self.inner.borrow_mut();
            let layout = inner.layout + 1;
            let finger = inner.finger;
            let old = std::mem::replace(&mut *inner, Inner::empty());
            inner.layout = layout;
            inner.finger = finger;
            old
        };
        self.bump();
        drop(old);
    }

    /// After many removals, rebuilds the table without its dummies (as
    /// `set_difference_update` does when more than a quarter of the slots are dummies).
    pub fn shed_dummies(&self) {
        let mut inner = self.inner.borrow_mut();
        if inner.fill - inner.used > inner.mask() / 4 {
            let used = inner.used;
            inner.resize(if used > 50000 { used * 2 } else { used * 4 });
        }
    }

    /// A copy, laid out as CPython lays out `set(other)`.
    pub fn copy(&self) -> SetTable {
        let out = SetTable::new();
        out.merge_clean(self);
        out
    }

    /// Adds every key of `other` (`set_merge`): no script code runs when this table is empty.
    pub fn merge(&self, vm: &Vm, other: &SetTable) -> PyResult<()> {
        if std::ptr::eq(self, other) || other.is_empty() {
            return Ok(());
        }
        if self.merge_clean(other) {
            return Ok(());
        }
        for (hash, key) in other.hashed_keys() {
            self.add_hashed(vm, hash, key)?;
        }
        Ok(())
    }

    /// The part of `set_merge` that needs no equality tests: presizes, and copies `other`
    /// outright if this table is empty. Returns whether the merge is complete.
    fn merge_clean(&self, other: &SetTable) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        let src = other.inner.borrow();
        let mut inner = self.inner.borrow_mut();
        if (inner.fill + src.used) * 5 >= inner.mask() * 3 {
            let want = (inner.used + src.used) * 2;
            inner.resize(want);
        }
        if inner.fill != 0 {
            return false;
        }
        if inner.mask() == src.mask() && src.fill == src.used {
            // Same size and no dummies: the very same layout.
            inner.slots.clone_from(&src.slots);
        } else {
            for slot in &src.slots {
                if let Slot::Full(hash, key) = slot {
                    insert_clean(&mut inner.slots, *hash, key.clone());
                }
            }
        }
        inner.fill = src.used;
        inner.used = src.used;
        drop((src, inner));
        self.bump();
        true
    }

    /// Makes room for `extra` more keys up front, as `set.update(dict)` does.
    pub fn presize(&self, extra: usize) {
        let mut inner = self.inner.borrow_mut();
        if (inner.fill + extra) * 5 >= inner.mask() * 3 {
            let want = (inner.used + extra) * 2;
            inner.resize(want);
        }
    }

    /// Exchanges the contents of two tables (`set_swap_bodies`).
    pub fn swap(&self, other: &SetTable) {
        if !std::ptr::eq(self, other) {
            self.inner.swap(&other.inner);
            self.bump();
            other.bump();
        }
    }

    /// CPython's `frozenset` hash: order-independent, from the stored hashes.
    pub fn frozen_hash(&self) -> i64 {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let inner = self.inner.borrow();
        let mut hash: u64 = 0;
        for slot in &inner.slots {
            if let Slot::Full(h, _) = slot {
                hash ^= shuffle(*h);
            }
        }
        hash ^= (inner.used as u64 + 1).wrapping_mul(1927868237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        if hash == u64::MAX {
            590923713
        } else {
            hash as i64
        }
    }
}
