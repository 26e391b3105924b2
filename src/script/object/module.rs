//! Modules: globals kept in a slot vector with a name map.
//!
//! The compiler resolves every global name of a module's code to a slot index once, so a
//! global load is an index, not a hash lookup; the name map serves `globals()`, imports and
//! attribute access on the module object.

use super::str::Str;
use super::value::Value;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

pub struct Module {
    pub name: Rc<Str>,
    /// Slot values; `Undefined` where the name is not bound.
    pub slots: RefCell<Vec<Value>>,
    /// Slot names in order, and the reverse map.
    names: RefCell<Vec<Rc<Str>>>,
    index: RefCell<HashMap<Rc<str>, u32>>,
    /// Set once the module's body has finished running (for circular imports).
    pub initialized: Cell<bool>,
}

impl Module {
    pub fn new(name: &str) -> Module {
        Module {
            name: Rc::new(Str::new(name)),
            slots: RefCell::new(Vec::new()),
            names: RefCell::new(Vec::new()),
            index: RefCell::new(HashMap::new()),
            initialized: Cell::new(false),
        }
    }

    /// The slot of `name`, created (unbound) if new.
    pub fn slot(&self, name: &str) -> u32 {
        if let Some(&i) = self.index.borrow().get(name) {
            return i;
        }
        let i = self.names.borrow().len() as u32;
        self.names.borrow_mut().push(Rc::new(Str::new(name)));
        self.index.borrow_mut().insert(Rc::from(name), i);
        self.slots.borrow_mut().push(Value::Undefined);
        i
    }

    pub fn lookup_slot(&self, name: &str) -> Option<u32> {
        self.index.borrow().get(name).copied()
    }

    pub fn get(&self, name: &str) -> Option<Value> {
        let i = self.lookup_slot(name)?;
        let v = self.slots.borrow()[i as usize].clone();
        (!v.is_undefined()).then_some(v)
    }

    pub fn set(&self, name: &str, value: Value) {
        let i = self.slot(name) as usize;
        let old = std::mem::replace(&mut self.slots.borrow_mut()[i], value);
        drop(old);
    }

    /// Unbinds `name`; false if it was not bound.
    pub fn delete(&self, name: &str) -> bool {
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
