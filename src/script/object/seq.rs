//! `list` and `tuple` storage.

use super::value::Value;
use std::cell::{Ref, RefCell, RefMut};

/// A list: a growable vector behind a `RefCell`. Borrows are never held across a call back
/// into script code, so a `__eq__` that mutates the list cannot trip the `RefCell`.
#[derive(Default)]
pub struct List {
    items: RefCell<Vec<Value>>,
}

impl List {
    pub fn new(items: Vec<Value>) -> List {
        List {
            items: RefCell::new(items),
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

    /// The items for changing, unless they are in use right now.
    pub fn try_borrow_mut(&self) -> Option<RefMut<'_, Vec<Value>>> {
        self.items.try_borrow_mut().ok()
    }

    pub fn borrow_mut(&self) -> RefMut<'_, Vec<Value>> {
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
    pub fn push(&self, value: Value) {
        self.items.borrow_mut().push(value);
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
