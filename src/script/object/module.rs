//! Modules: globals kept in a slot vector with a name map.
//!
//! The compiler resolves every global name of a module's code to a slot index once, so a
//! global load is an index, not a hash lookup; the name map serves `globals()`, imports and
//! attribute access on the module object.
//!
//! Once a script asks for `globals()`, the module switches to *dict mode*: the dict it got
//! becomes the source of truth (so writes through it rebind names), and global loads and
//! stores go through it by name. Modules that never call `globals()` keep the fast slots.

use super::str::Str;
use super::value::Value;
use rustc_hash::FxHashMap;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub struct Module {
    pub name: Rc<Str>,
    /// Slot values; `Undefined` where the name is not bound.
    pub slots: RefCell<Vec<Value>>,
    /// Slot names in order (interned, as the names in code are), and the reverse map.
    names: RefCell<Vec<Rc<Str>>>,
    index: RefCell<FxHashMap<Rc<str>, u32>>,
    /// Set once the module's body has finished running (for circular imports).
    pub initialized: Cell<bool>,
    /// The dict `globals()` returned, once it has been asked for.
    mirror: RefCell<Option<Rc<super::dict::Dict>>>,
    dict_mode: Cell<bool>,
}

impl Module {
    pub fn new(name: &str) -> Module {
        Module {
            name: Rc::new(Str::new(name)),
            slots: RefCell::new(Vec::new()),
            names: RefCell::new(Vec::new()),
            index: RefCell::new(FxHashMap::default()),
            initialized: Cell::new(false),
            mirror: RefCell::new(None),
            dict_mode: Cell::new(false),
        }
    }

    /// The slot of `name`, created (unbound) if new.
    pub fn slot(&self, name: &str) -> u32 {
        if let Some(&i) = self.index.borrow().get(name) {
            return i;
        }
        let i = self.names.borrow().len() as u32;
        self.names
            .borrow_mut()
            .push(crate::script::object::str::intern(name));
        self.index.borrow_mut().insert(Rc::from(name), i);
        self.slots.borrow_mut().push(Value::Undefined);
        i
    }

    pub fn lookup_slot(&self, name: &str) -> Option<u32> {
        self.index.borrow().get(name).copied()
    }

    /// Whether `globals()` made the module's dict the source of truth.
    #[inline]
    pub fn in_dict_mode(&self) -> bool {
        self.dict_mode.get()
    }

    /// The live globals dict (`globals()`), created from the slots on first use.
    pub fn globals_dict(&self) -> Rc<super::dict::Dict> {
        if let Some(d) = &*self.mirror.borrow() {
            return d.clone();
        }
        let d = Rc::new(super::dict::Dict::new());
        for (k, v) in self.items() {
            d.insert_str(k, v);
        }
        *self.mirror.borrow_mut() = Some(d.clone());
        self.dict_mode.set(true);
        d
    }

    fn mirror(&self) -> Option<Rc<super::dict::Dict>> {
        self.mirror.borrow().clone()
    }

    /// The value of global `slot` (dict mode: looked up by its name).
    pub fn load_slot(&self, slot: u32) -> Value {
        if let Some(d) = self.mirror() {
            let name = self.name_of(slot);
            return d.get_str(&name).unwrap_or_default();
        }
        self.slots.borrow()[slot as usize].clone()
    }

    /// Binds global `slot` (dict mode: the dict as well).
    pub fn store_slot(&self, slot: u32, value: Value) {
        if let Some(d) = self.mirror() {
            d.insert_str(self.name_of(slot), value.clone());
        }
        let old = Value::put(&mut self.slots.borrow_mut()[slot as usize], value);
        drop(old);
    }

    /// Unbinds global `slot`; the old value (`Undefined` if it was unbound).
    pub fn delete_slot(&self, slot: u32) -> Value {
        if let Some(d) = self.mirror() {
            let name = self.name_of(slot);
            let old = d.remove_str(&name).unwrap_or_default();
            self.slots.borrow_mut()[slot as usize] = Value::Undefined;
            return old;
        }
        std::mem::take(&mut self.slots.borrow_mut()[slot as usize])
    }

    /// [`Module::get`] trying first the slot `hint` remembers from the last lookup at the
    /// same place in code (`math.sqrt` in a loop): checked by name identity, so a hit
    /// needs no hashing.
    #[inline]
    pub fn get_hinted(&self, name: &Rc<Str>, hint: &Cell<u32>) -> Option<Value> {
        if self.dict_mode.get() {
            return self.get(name.as_str());
        }
        let slot =
            crate::script::vm::inline_cache::hinted_slot(&self.names.borrow(), name, hint, || {
                self.lookup_slot(name.as_str()).map(|s| s as usize)
            })?;
        let v = self.slots.borrow().get(slot)?.clone();
        (!v.is_undefined()).then_some(v)
    }

    pub fn get(&self, name: &str) -> Option<Value> {
        if let Some(d) = self.mirror() {
            return d.get_str(&Str::new(name));
        }
        let i = self.lookup_slot(name)?;
        let v = self.slots.borrow()[i as usize].clone();
        (!v.is_undefined()).then_some(v)
    }

    pub fn set(&self, name: &str, value: Value) {
        if let Some(d) = self.mirror() {
            d.insert_str(Rc::new(Str::new(name)), value.clone());
        }
        let i = self.slot(name) as usize;
        let old = Value::put(&mut self.slots.borrow_mut()[i], value);
        drop(old);
    }

    /// Unbinds `name`; false if it was not bound.
    pub fn delete(&self, name: &str) -> bool {
        if let Some(d) = self.mirror() {
            let found = d.remove_str(&Str::new(name)).is_some();
            if let Some(i) = self.lookup_slot(name) {
                self.slots.borrow_mut()[i as usize] = Value::Undefined;
            }
            return found;
        }
        let Some(i) = self.lookup_slot(name) else {
            return false;
        };
        let old = std::mem::take(&mut self.slots.borrow_mut()[i as usize]);
        !old.is_undefined()
    }

    pub fn name_of(&self, slot: u32) -> Rc<Str> {
        self.names.borrow()[slot as usize].clone()
    }

    /// The bound names and values, in definition order.
    pub fn items(&self) -> Vec<(Rc<Str>, Value)> {
        if let Some(d) = self.mirror() {
            return d
                .entries()
                .into_iter()
                .filter_map(|(k, v)| match k {
                    Value::Str(s) => Some((s, v)),
                    _ => None,
                })
                .collect();
        }
        let names = self.names.borrow();
        let slots = self.slots.borrow();
        names
            .iter()
            .zip(slots.iter())
            .filter(|(_, v)| !v.is_undefined())
            .map(|(n, v)| (n.clone(), v.clone()))
            .collect()
    }
}
