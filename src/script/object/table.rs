//! The insertion-ordered hash table behind `dict`, `set` and `frozenset`.
//!
//! Entries live in a vector in insertion order (deleted ones become tombstones until the next
//! compaction); a hashbrown `HashTable` maps hashes to entry indices. Key equality may have
//! to run script code (`__eq__`), which can fail or even mutate the table: so probing first
//! compares natively under a borrow, collects the candidates that need script code, and only
//! then, with no borrow held, asks the VM.

use super::value::Value;
use crate::script::vm::{PyResult, Vm};
use hashbrown::HashTable;
use std::cell::{Cell, RefCell};

#[derive(Clone)]
pub struct Entry {
    pub hash: u64,
    pub key: Value,
    pub value: Value,
}

/// The index's hash of a Python hash. Python hashes small ints to themselves, which
/// leaves the top seven bits (hashbrown's per-slot tag) all zero: every slot of a probed
/// group would match and need its entry compared. The tag bits get a mix of the whole
/// hash; the low bits, which choose the bucket, stay as they are, so that keys inserted
/// in order still sit next to each other in the index.
#[inline]
fn spread(hash: u64) -> u64 {
    const TAG_BITS: u64 = 0xFE00_0000_0000_0000;
    hash ^ (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) & TAG_BITS)
}

/// Tables with at most this many entry slots have no hash index: a scan of the entries,
/// comparing cached hashes first, is faster than probing, and most instance dicts and
/// keyword dicts are this small, so they also save the index's allocation.
const SCAN_LIMIT: usize = 8;

/// A probe met a key whose equality with the one looked up needs script code.
struct Undecided;

#[derive(Default)]
struct Inner {
    /// Maps hashes to entry slots; empty while `entries.len() <= SCAN_LIMIT`.
    index: HashTable<u32>,
    entries: Vec<Entry>,
    live: usize,
}

impl Inner {
    /// The slot of the live entry with `hash` whose key satisfies `matches`.
    #[inline]
    fn locate(&self, hash: u64, mut matches: impl FnMut(usize, &Entry) -> bool) -> Option<usize> {
        if self.entries.len() <= SCAN_LIMIT {
            return self
                .entries
                .iter()
                .enumerate()
                .position(|(i, e)| e.hash == hash && !e.key.is_undefined() && matches(i, e));
        }
        self.index
            .find(spread(hash), |&i| {
                let e = &self.entries[i as usize];
                e.hash == hash && matches(i as usize, e)
            })
            .map(|&i| i as usize)
    }

    /// The slot of `key` if native comparison decides every candidate up to it; `Err` at
    /// the first candidate whose equality needs script code, which must be asked before
    /// any key probed after it (it may say equal, and its `__eq__` may print).
    #[inline]
    fn locate_native(&self, hash: u64, key: &Value) -> Result<Option<usize>, Undecided> {
        let mut undecided = false;
        let found = self.locate(hash, |_, e| {
            native_eq(&e.key, key).unwrap_or_else(|| {
                undecided = true;
                true
            })
        });
        if undecided {
            return Err(Undecided);
        }
        Ok(found)
    }

    /// The entry of a string key (string equality never runs script code).
    #[inline]
    fn locate_str(&self, key: &super::str::Str) -> Option<usize> {
        self.locate(key.hash(), |_, e| str_key_is(&e.key, key))
    }

    /// Whether entry `slot` has exactly the string `key` (the same object) as its key.
    #[inline]
    fn holds_at(&self, slot: u32, key: &std::rc::Rc<super::str::Str>) -> bool {
        matches!(
            self.entries.get(slot as usize),
            Some(e) if matches!(&e.key, Value::Str(s) if std::rc::Rc::ptr_eq(s, key))
        )
    }

    /// Rebuilds the index from the live entries (or drops it for a small table).
    fn reindex(&mut self) {
        self.index.clear();
        if self.entries.len() <= SCAN_LIMIT {
            return;
        }
        let entries = &self.entries;
        for (i, e) in entries.iter().enumerate() {
            if !e.key.is_undefined() {
                self.index.insert_unique(spread(e.hash), i as u32, |&j| {
                    spread(entries[j as usize].hash)
                });
            }
        }
    }
}

/// An ordered hash table of `Value` keys.
#[derive(Default)]
pub struct Table {
    inner: RefCell<Inner>,
    /// Bumped on every insertion of a new key and every removal, so iterators can report
    /// "changed size during iteration".
    version: Cell<u64>,
}

impl Table {
    pub fn new() -> Table {
        Table::default()
    }

    /// An empty table with room for `n` entries before it first grows.
    pub fn with_capacity(n: usize) -> Table {
        Table {
            inner: RefCell::new(Inner {
                entries: Vec::with_capacity(n),
                ..Inner::default()
            }),
            version: Cell::new(0),
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.inner.borrow().live
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline]
    pub fn version(&self) -> u64 {
        self.version.get()
    }

    /// Number of entry slots (live and dead): iteration runs over `0..slots()`.
    #[inline]
    pub fn slots(&self) -> usize {
        self.inner.borrow().entries.len()
    }

    /// The live entry at `slot`, if any.
    pub fn entry_at(&self, slot: usize) -> Option<(Value, Value)> {
        let inner = self.inner.borrow();
        let e = inner.entries.get(slot)?;
        if e.key.is_undefined() {
            None
        } else {
            Some((e.key.clone(), e.value.clone()))
        }
    }

    /// All live entries, in order.
    pub fn entries(&self) -> Vec<(Value, Value)> {
        let inner = self.inner.borrow();
        inner
            .entries
            .iter()
            .filter(|e| !e.key.is_undefined())
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect()
    }

    pub fn keys(&self) -> Vec<Value> {
        let inner = self.inner.borrow();
        inner
            .entries
            .iter()
            .filter(|e| !e.key.is_undefined())
            .map(|e| e.key.clone())
            .collect()
    }

    pub fn values(&self) -> Vec<Value> {
        let inner = self.inner.borrow();
        inner
            .entries
            .iter()
            .filter(|e| !e.key.is_undefined())
            .map(|e| e.value.clone())
            .collect()
    }

    /// The slot of `key`. Native comparison decides nearly every probe, under one borrow and
    /// with nothing collected; only when a candidate's equality needs script code does the
    /// lookup go out of line.
    #[inline]
    fn find(&self, vm: &Vm, hash: u64, key: &Value) -> PyResult<Option<usize>> {
        match self.inner.borrow().locate_native(hash, key) {
            Ok(found) => Ok(found),
            Err(Undecided) => self.find_by_script(vm, hash, key),
        }
    }

    /// [`Table::find`] when some candidate keys need script-level `__eq__`: they are
    /// collected under the borrow and compared with none held, since `__eq__` may change
    /// the table. They were all probed before any key found natively (the probe stops
    /// there), so each is asked first, in probe order, as CPython does.
    #[cold]
    fn find_by_script(&self, vm: &Vm, hash: u64, key: &Value) -> PyResult<Option<usize>> {
        let mut candidates = Vec::new();
        let found = self
            .inner
            .borrow()
            .locate(hash, |i, e| match native_eq(&e.key, key) {
                Some(eq) => eq,
                None => {
                    candidates.push(i);
                    false
                }
            });
        for i in candidates {
            let stored = match self.inner.borrow().entries.get(i) {
                Some(e) if e.hash == hash => e.key.clone(),
                _ => continue,
            };
            if vm.eq(&stored, key)? {
                // Script code ran: make sure the entry is still the one compared.
                let inner = self.inner.borrow();
                if inner.entries.get(i).is_some_and(|e| e.key.is(&stored)) {
                    return Ok(Some(i));
                }
            }
        }
        if found.is_none() {
            return Ok(None);
        }
        // None of them was equal: the key found natively, looked up afresh, since their
        // `__eq__` may have changed the table.
        Ok(self
            .inner
            .borrow()
            .locate(hash, |_, e| native_eq(&e.key, key) == Some(true)))
    }

    pub fn get(&self, vm: &Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = vm.hash(key)?;
        self.get_hashed(vm, hash, key)
    }

    pub fn get_hashed(&self, vm: &Vm, hash: u64, key: &Value) -> PyResult<Option<Value>> {
        // Found by native comparison, the value is read under the probe's own borrow.
        {
            let inner = self.inner.borrow();
            if let Ok(found) = inner.locate_native(hash, key) {
                return Ok(found.map(|i| inner.entries[i].value.clone()));
            }
        }
        Ok(self
            .find_by_script(vm, hash, key)?
            .map(|i| self.inner.borrow().entries[i].value.clone()))
    }

    /// Whether a string key is present (an empty table answers without hashing).
    #[inline]
    pub fn has_str(&self, key: &super::str::Str) -> bool {
        let inner = self.inner.borrow();
        inner.live != 0 && inner.locate_str(key).is_some()
    }

    /// Looks up a string key without the VM: string equality never runs script code.
    pub fn get_str(&self, key: &super::str::Str) -> Option<Value> {
        let inner = self.inner.borrow();
        let i = inner.locate_str(key)?;
        Some(inner.entries[i].value.clone())
    }

    pub fn contains(&self, vm: &Vm, key: &Value) -> PyResult<bool> {
        let hash = vm.hash(key)?;
        Ok(self.find(vm, hash, key)?.is_some())
    }

    pub fn insert(&self, vm: &Vm, key: Value, value: Value) -> PyResult<()> {
        let hash = vm.hash(&key)?;
        self.insert_hashed(vm, hash, key, value)
    }

    /// [`Table::insert`] of a key held elsewhere (`d[k] = v`): the key is cloned only
    /// when it makes a new entry, since replacing a value keeps the original key.
    pub fn set(&self, vm: &Vm, key: &Value, value: Value) -> PyResult<()> {
        let hash = vm.hash(key)?;
        match self.find(vm, hash, key)? {
            Some(i) => self.replace_value(i, value),
            None => {
                self.push_new(hash, key.clone(), value);
            }
        }
        Ok(())
    }

    pub fn insert_hashed(&self, vm: &Vm, hash: u64, key: Value, value: Value) -> PyResult<()> {
        match self.find(vm, hash, &key)? {
            // Replacing a value keeps the original key object, as CPython does.
            Some(i) => self.replace_value(i, value),
            None => {
                self.push_new(hash, key, value);
            }
        }
        Ok(())
    }

    /// Puts `value` in entry `i`, dropping the old one once the table is not borrowed.
    #[inline]
    fn replace_value(&self, i: usize, value: Value) {
        let old = Value::put(&mut self.inner.borrow_mut().entries[i].value, value);
        drop(old);
    }

    /// Inserts a string key (no script code can run).
    pub fn insert_str(&self, key: std::rc::Rc<super::str::Str>, value: Value) {
        self.insert_str_slot(key, value);
    }

    /// [`Table::get_str`] trying first the slot `hint` remembers from the last lookup:
    /// objects built alike keep their attributes in the same slots, so a read of one needs
    /// no hashing and no scan. The hint is only a guess, checked by key identity.
    #[inline]
    pub fn get_str_hinted(
        &self,
        key: &std::rc::Rc<super::str::Str>,
        hint: &Cell<u32>,
    ) -> Option<Value> {
        let inner = self.inner.borrow();
        if inner.holds_at(hint.get(), key) {
            return Some(inner.entries[hint.get() as usize].value.clone());
        }
        let i = inner.locate_str(key)?;
        hint.set(i as u32);
        Some(inner.entries[i].value.clone())
    }

    /// [`Table::insert_str`] through a slot hint, as for [`Table::get_str_hinted`].
    #[inline]
    pub fn insert_str_hinted(
        &self,
        key: std::rc::Rc<super::str::Str>,
        value: Value,
        hint: &Cell<u32>,
    ) {
        let slot = hint.get();
        if self.inner.borrow().holds_at(slot, &key) {
            self.replace_value(slot as usize, value);
            return;
        }
        hint.set(self.insert_str_slot(key, value) as u32);
    }

    /// Inserts a string key; returns the entry slot it occupies.
    fn insert_str_slot(&self, key: std::rc::Rc<super::str::Str>, value: Value) -> usize {
        let hash = key.hash();
        let existing = self.inner.borrow().locate_str(&key);
        match existing {
            Some(i) => {
                self.replace_value(i, value);
                i
            }
            None => self.push_new(hash, Value::Str(key), value),
        }
    }

    fn push_new(&self, hash: u64, key: Value, value: Value) -> usize {
        let mut inner = self.inner.borrow_mut();
        let inner = &mut *inner;
        let i = inner.entries.len();
        inner.entries.push(Entry { hash, key, value });
        if i == SCAN_LIMIT {
            inner.reindex();
        } else if i > SCAN_LIMIT {
            let entries = &inner.entries;
            inner.index.insert_unique(spread(hash), i as u32, |&j| {
                spread(entries[j as usize].hash)
            });
        }
        inner.live += 1;
        self.version.set(self.version.get() + 1);
        i
    }

    pub fn remove(&self, vm: &Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = vm.hash(key)?;
        let Some(i) = self.find(vm, hash, key)? else {
            return Ok(None);
        };
        Ok(Some(self.remove_slot(i).1))
    }

    /// Removes a string key (no script code can run).
    pub fn remove_str(&self, key: &super::str::Str) -> Option<Value> {
        let slot = self.inner.borrow().locate_str(key)?;
        Some(self.remove_slot(slot).1)
    }

    fn remove_slot(&self, i: usize) -> (Value, Value) {
        let removed = {
            let mut inner = self.inner.borrow_mut();
            let hash = inner.entries[i].hash;
            if let Ok(found) = inner.index.find_entry(spread(hash), |&j| j as usize == i) {
                found.remove();
            }
            let e = &mut inner.entries[i];
            let key = std::mem::take(&mut e.key);
            let value = std::mem::take(&mut e.value);
            inner.live -= 1;
            if inner.entries.len() > 16 && inner.live * 2 < inner.entries.len() {
                compact(&mut inner);
            }
            (key, value)
        };
        self.version.set(self.version.get() + 1);
        removed
    }

    /// Removes and returns the last entry (`dict.popitem`, `set.pop`).
    pub fn pop_last(&self) -> Option<(Value, Value)> {
        let slot = {
            let inner = self.inner.borrow();
            inner.entries.iter().rposition(|e| !e.key.is_undefined())?
        };
        Some(self.remove_slot(slot))
    }

    /// Calls `f` with every live key and value; `false` (and no call) when the table is
    /// being changed right now.
    pub fn try_for_each(&self, mut f: impl FnMut(&Value, &Value)) -> bool {
        let Ok(inner) = self.inner.try_borrow() else {
            return false;
        };
        for e in inner.entries.iter().filter(|e| !e.key.is_undefined()) {
            f(&e.key, &e.value);
        }
        true
    }

    /// Empties the table, returning its keys and values for the caller to drop.
    pub fn drain_values(&self) -> Vec<Value> {
        let Ok(mut inner) = self.inner.try_borrow_mut() else {
            return Vec::new();
        };
        let old = std::mem::take(&mut *inner);
        drop(inner);
        self.version.set(self.version.get() + 1);
        let mut out = Vec::with_capacity(2 * old.live);
        for e in old.entries {
            out.push(e.key);
            out.push(e.value);
        }
        out
    }

    pub fn clear(&self) {
        let old = std::mem::take(&mut *self.inner.borrow_mut());
        self.version.set(self.version.get() + 1);
        drop(old);
    }

    /// A copy with the same entries (hashes reused, no script code runs).
    pub fn copy(&self) -> Table {
        let inner = self.inner.borrow();
        let mut entries: Vec<Entry> = inner
            .entries
            .iter()
            .filter(|e| !e.key.is_undefined())
            .cloned()
            .collect();
        entries.shrink_to_fit();
        let live = entries.len();
        let mut inner = Inner {
            index: HashTable::new(),
            entries,
            live,
        };
        inner.reindex();
        Table {
            inner: RefCell::new(inner),
            version: Cell::new(0),
        }
    }
}

fn compact(inner: &mut Inner) {
    inner.entries.retain(|e| !e.key.is_undefined());
    inner.reindex();
}

/// Whether a stored key is the string `key`: attribute names are usually the very string
/// the dict was filled with, so identity decides before the text is compared.
#[inline]
fn str_key_is(stored: &Value, key: &super::str::Str) -> bool {
    matches!(stored, Value::Str(s) if std::ptr::eq(&**s, key) || s.as_str() == key.as_str())
}

/// Equality of two keys when it needs no script code: `Some(answer)`, or `None` when either
/// side may define `__eq__`. Int and str pairs, nearly all dict and set keys, are decided
/// inline at the caller (every probe compares keys); the other kinds out of line.
#[inline(always)]
pub fn native_eq(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x == y),
        (Value::Str(x), Value::Str(y)) => {
            Some(std::rc::Rc::ptr_eq(x, y) || x.as_str() == y.as_str())
        }
        _ => native_eq_other(a, b),
    }
}

/// [`native_eq`] for every pair but int/int and str/str.
#[inline(never)]
fn native_eq_other(a: &Value, b: &Value) -> Option<bool> {
    use Value::*;
    Some(match (a, b) {
        (Bool(x), Bool(y)) => x == y,
        (Int(x), Bool(y)) | (Bool(y), Int(x)) => *x == y.get() as i64,
        (Float(x), Float(y)) => x.get() == y.get(),
        (Int(x), Float(y)) | (Float(y), Int(x)) => (*x as f64) == y.get() && (y.get() as i64) == *x,
        (Bool(x), Float(y)) | (Float(y), Bool(x)) => (x.get() as i64 as f64) == y.get(),
        (BigInt(x), BigInt(y)) => x == y,
        (None, None) => true,
        (Bytes(x), Bytes(y)) => *x.data.borrow() == *y.data.borrow(),
        (Instance(_), _) | (_, Instance(_)) | (Opaque(_), _) | (_, Opaque(_)) => {
            if a.is(b) {
                true
            } else {
                return Option::None;
            }
        }
        (Tuple(x), Tuple(y)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            for (p, q) in x.items.iter().zip(y.items.iter()) {
                if !native_eq(p, q)? {
                    return Some(false);
                }
            }
            true
        }
        // Containers compare their items, which may run script code.
        (Set(_), Set(_))
        | (List(_), List(_))
        | (Dict(_), Dict(_))
        | (Range(_), Range(_))
        | (Method(_), Method(_))
        | (Iter(_), _)
        | (_, Iter(_)) => return Option::None,
        (Float(_) | Int(_) | Bool(_), BigInt(_)) | (BigInt(_), Float(_) | Int(_) | Bool(_)) => {
            return Option::None
        }
        _ => a.is(b),
    })
}
