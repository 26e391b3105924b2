//! `set` and `frozenset`: a [`SetTable`], and the set algebra, done the way CPython's
//! `setobject.c` does it (which operand is iterated, which table is copied) so that results
//! come out in CPython's iteration order.

use super::settable::SetTable;
use super::value::Value;
use crate::script::vm::{PyResult, Vm};

pub struct Set {
    pub table: SetTable,
    pub frozen: bool,
}

impl Set {
    pub fn new(frozen: bool) -> Set {
        Set {
            table: SetTable::new(),
            frozen,
        }
    }

    pub fn from_table(table: SetTable, frozen: bool) -> Set {
        Set { table, frozen }
    }

    /// The same table as a (mutable) `set`.
    pub fn unfrozen(self) -> Set {
        Set::from_table(self.table, false)
    }

    /// A copy of the same kind (`set_copy`).
    pub fn copied(&self) -> Set {
        Set::from_table(self.table.copy(), self.frozen)
    }

    /// Adds every item of an iterable (`set_update_internal`).
    pub fn update(&self, vm: &Vm, other: &Value) -> PyResult<()> {
        match other {
            Value::Set(o) => self.table.merge(vm, &o.table),
            Value::Dict(d) => {
                self.table.presize(d.len());
                for k in d.keys() {
                    self.table.insert(vm, k, Value::None)?;
                }
                Ok(())
            }
            _ => {
                for k in vm.collect(other)? {
                    self.table.insert(vm, k, Value::None)?;
                }
                Ok(())
            }
        }
    }

    /// `self | other` and `union`.
    pub fn union(&self, vm: &Vm, other: &Value) -> PyResult<Set> {
        let out = self.copied();
        out.update(vm, other)?;
        Ok(out)
    }

    /// `self & other` and `intersection`: iterates the smaller set.
    pub fn intersection(&self, vm: &Vm, other: &Value) -> PyResult<Set> {
        let out = Set::new(self.frozen);
        if let Value::Set(o) = other {
            let (big, small) = if o.len() > self.len() {
                (&o.table, &self.table)
            } else {
                (&self.table, &o.table)
            };
            for (hash, key) in small.hashed_keys() {
                if big.contains_hashed(vm, hash, &key)? {
                    out.table.add_hashed(vm, hash, key)?;
                }
            }
        } else {
            for key in vm.collect(other)? {
                let hash = vm.hash(&key)?;
                if self.table.contains_hashed(vm, hash, &key)? {
                    out.table.add_hashed(vm, hash, key)?;
                }
            }
        }
        Ok(out)
    }

    /// `self - other` and `difference`.
    pub fn difference(&self, vm: &Vm, other: &Value) -> PyResult<Set> {
        let other_len = match other {
            Value::Set(o) => o.len(),
            Value::Dict(d) => d.len(),
            _ => usize::MAX,
        };
        if other_len == usize::MAX || (self.len() >> 2) > other_len {
            // Copy, then remove what `other` holds.
            let out = self.copied();
            out.difference_update(vm, other)?;
            return Ok(out);
        }
        let out = Set::new(self.frozen);
        for (hash, key) in self.table.hashed_keys() {
            let present = match other {
                Value::Set(o) => o.table.contains_hashed(vm, hash, &key)?,
                _ => vm.contains(other, &key)?,
            };
            if !present {
                out.table.add_hashed(vm, hash, key)?;
            }
        }
        Ok(out)
    }

    /// `self ^ other` and `symmetric_difference`: a copy of `other` updated with `self`.
    pub fn symmetric_difference(&self, vm: &Vm, other: &Value) -> PyResult<Set> {
        let out = Set::new(self.frozen);
        out.update(vm, other)?;
        out.toggle(vm, self.table.hashed_keys())?;
        Ok(out)
    }

    /// `-=` and `difference_update`.
    pub fn difference_update(&self, vm: &Vm, other: &Value) -> PyResult<()> {
        if let Value::Set(o) = other {
            if std::ptr::eq(&o.table, &self.table) {
                self.table.clear();
                return Ok(());
            }
            for (hash, key) in o.table.hashed_keys() {
                self.table.discard_hashed(vm, hash, &key)?;
            }
        } else {
            for key in vm.collect(other)? {
                self.table.remove(vm, &key)?;
            }
        }
        self.table.shed_dummies();
        Ok(())
    }

    /// `&=` and `intersection_update`.
    pub fn intersection_update(&self, vm: &Vm, other: &Value) -> PyResult<()> {
        let result = self.intersection(vm, other)?;
        self.table.swap(&result.table);
        Ok(())
    }

    /// `^=` and `symmetric_difference_update`.
    pub fn symmetric_difference_update(&self, vm: &Vm, other: &Value) -> PyResult<()> {
        let keys = match other {
            Value::Set(o) if std::ptr::eq(&o.table, &self.table) => {
                self.table.clear();
                return Ok(());
            }
            Value::Set(o) => o.table.hashed_keys(),
            _ => {
                let tmp = Set::new(false);
                tmp.update(vm, other)?;
                tmp.table.hashed_keys()
            }
        };
        self.toggle(vm, keys)
    }

    /// Removes each key that is present and adds each that is not.
    fn toggle(&self, vm: &Vm, keys: Vec<(u64, Value)>) -> PyResult<()> {
        for (hash, key) in keys {
            if self.table.discard_hashed(vm, hash, &key)?.is_none() {
                self.table.add_hashed(vm, hash, key)?;
            }
        }
        Ok(())
    }
}

impl std::ops::Deref for Set {
    type Target = SetTable;
    fn deref(&self) -> &SetTable {
        &self.table
    }
}
