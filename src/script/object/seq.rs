//! `list` and `tuple` storage.

use super::value::Value;
use crate::script::vm::collect;
use std::cell::{Cell, Ref, RefCell, RefMut};
use std::rc::Rc;

/// A list: a growable vector behind a `RefCell`. Borrows are never held across a call back
/// into script code, so a `__eq__` that mutates the list cannot trip the `RefCell`.
///
/// A list joins the cycle collector only once it holds something that could lead back to
/// it (as plain instances do): lists of numbers and strings, most lists, are never
/// registered, so they cost the collector nothing and their memory goes the moment their
/// last reference does. Every way of adding values therefore goes through a method here
/// that looks at what is added; `rearrange` is for changes that add nothing.
#[derive(Default)]
pub struct List {
    items: RefCell<Vec<Value>>,
    tracked: Cell<bool>,
}

impl List {
    /// A new list of `items`, registered with the collector if they call for it.
    pub fn new_rc(items: Vec<Value>) -> Rc<List> {
        let l = Rc::new(List {
            items: RefCell::new(items),
            tracked: Cell::new(false),
        });
        l.note(&l.items.borrow());
        l
    }

    #[cold]
    fn track(self: &Rc<Self>) {
        if !self.tracked.replace(true) {
            collect::track_list(self);
        }
    }

    /// Registers the list with the collector if any of `values`, about to be added (or
    /// just put in), calls for it.
    #[inline(always)]
    fn note(self: &Rc<Self>, values: &[Value]) {
        if !self.tracked.get() && values.iter().any(collect::may_close_cycle) {
            self.track();
        }
    }

    #[inline]
    pub fn borrow(&self) -> Ref<'_, Vec<Value>> {
        self.items.borrow()
    }

    #[inline]
    /// The items, unless they are being changed right now.
    pub fn try_borrow(&self) -> Option<Ref<'_, Vec<Value>>> {
        self.items.try_borrow().ok()
    }

    /// The items for a change that adds no value (removing, reordering, clearing), unless
    /// they are in use right now.
    pub fn try_rearrange(&self) -> Option<RefMut<'_, Vec<Value>>> {
        self.items.try_borrow_mut().ok()
    }

    /// The items for a change that adds no value: removing, reordering, clearing.
    pub fn rearrange(&self) -> RefMut<'_, Vec<Value>> {
        self.items.borrow_mut()
    }

    /// The items for a change that adds `values`, the list registered with the collector
    /// first if they call for it.
    #[inline]
    pub fn adding(self: &Rc<Self>, values: &[Value]) -> RefMut<'_, Vec<Value>> {
        self.note(values);
        self.items.borrow_mut()
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.items.borrow().is_empty()
    }

    #[inline]
    pub fn get(&self, index: usize) -> Option<Value> {
        self.items.borrow().get(index).cloned()
    }

    #[inline]
    pub fn push(self: &Rc<Self>, value: Value) {
        self.adding(std::slice::from_ref(&value)).push(value);
    }

    pub fn insert(self: &Rc<Self>, index: usize, value: Value) {
        self.adding(std::slice::from_ref(&value))
            .insert(index, value);
    }

    /// Replaces the item at `index` (in bounds), giving back the old one to be dropped
    /// with no borrow held.
    #[inline]
    pub fn replace(self: &Rc<Self>, index: usize, value: Value) -> Value {
        let mut items = self.adding(std::slice::from_ref(&value));
        std::mem::replace(&mut items[index], value)
    }

    pub fn extend(self: &Rc<Self>, values: Vec<Value>) {
        self.adding(&values).extend(values);
    }

    /// A copy of the items, for iterating while script code may run.
    pub fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().clone()
    }
}

/// A tuple: fixed items.
pub struct Tuple {
    pub items: Box<[Value]>,
}

impl Tuple {
    pub fn new(items: Vec<Value>) -> Tuple {
        Tuple {
            items: items.into_boxed_slice(),
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}
