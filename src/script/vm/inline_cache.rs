//! Inline caches: per attribute name, a code object remembers which method a call
//! `obj.name(...)` on a given class resolved to, so repeated method calls skip the walk of
//! the class's MRO, and in which slot of an instance dict `obj.name` was last found, so
//! reads and writes of objects built alike skip hashing.
//!
//! A method entry is valid while the class is the same object and no class attribute anywhere
//! has changed since (the class epoch). It also remembers the last instance shape seen
//! without an attribute of the method's name, so that the check that no instance attribute
//! shadows the method is one comparison for instances built alike. It holds the class and
//! a script method weakly: a code object must not keep classes alive, and a method's code
//! caching the method itself would be a reference cycle the collector cannot see. The weak
//! class reference also keeps the class's address from being reused while the entry exists.

use crate::script::object::attrs::Shape;
use crate::script::object::class::class_epoch;
use crate::script::object::func::Builtin;
use crate::script::object::{Function, Str, Type, Value};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

/// A slot hint that names no slot, for accesses made outside a code object.
pub const NO_HINT: u32 = u32::MAX;

/// The slot `hint` remembers, if `names` has `name` there (by identity: names from code
/// are interned).
#[inline(always)]
pub fn at_hint(names: &[Rc<Str>], name: &Str, hint: &Cell<u32>) -> Option<usize> {
    let slot = hint.get() as usize;
    names
        .get(slot)
        .is_some_and(|n| std::ptr::eq(&**n, name))
        .then_some(slot)
}

/// The slot of `name` in `names`: the one `hint` remembers, else the one `find` finds,
/// which `hint` then remembers.
#[inline(always)]
pub fn hinted_slot(
    names: &[Rc<Str>],
    name: &Str,
    hint: &Cell<u32>,
    find: impl FnOnce() -> Option<usize>,
) -> Option<usize> {
    if let Some(slot) = at_hint(names, name, hint) {
        return Some(slot);
    }
    let slot = find()?;
    hint.set(slot as u32);
    Some(slot)
}

pub struct InlineCache {
    methods: Box<[RefCell<Option<Entry>>]>,
    slots: Box<[Cell<u32>]>,
}

struct Entry {
    class: Weak<Type>,
    epoch: u64,
    method: Method,
    /// An instance shape that has no attribute of the name (shapes never change names).
    unshadowed: Option<Rc<Shape>>,
}

/// A method found in the cache.
pub struct CachedMethod {
    pub method: Value,
    /// The shape known not to shadow it (compared by address; null when none is known).
    pub unshadowed: *const Shape,
}

enum Method {
    Function(Weak<Function>),
    Builtin(Rc<Builtin>),
}

impl InlineCache {
    /// A cache with one entry per name of a code object.
    pub fn new(names: usize) -> InlineCache {
        InlineCache {
            methods: (0..names).map(|_| RefCell::new(None)).collect(),
            slots: (0..names).map(|_| Cell::new(0)).collect(),
        }
    }

    /// The instance-dict slot hint for the name at `name`.
    #[inline]
    pub fn slot_hint(&self, name: usize) -> &Cell<u32> {
        &self.slots[name]
    }

    /// The method `class` resolved to at `slot`, if that is still what it resolves to.
    #[inline]
    pub fn method(&self, slot: usize, class: &Rc<Type>) -> Option<CachedMethod> {
        let entry = self.methods.get(slot)?.borrow();
        let entry = entry.as_ref()?;
        if !std::ptr::eq(entry.class.as_ptr(), Rc::as_ptr(class)) || entry.epoch != class_epoch() {
            return None;
        }
        let method = match &entry.method {
            Method::Function(f) => Value::Function(f.upgrade()?),
            Method::Builtin(b) => Value::Builtin(b.clone()),
        };
        let unshadowed = entry
            .unshadowed
            .as_ref()
            .map_or(std::ptr::null(), Rc::as_ptr);
        Some(CachedMethod { method, unshadowed })
    }

    /// The built-in method a value of the built-in type `class` resolved to at `slot`.
    /// Built-in types cannot be changed, so the entry needs no epoch check.
    #[inline]
    pub fn builtin_method(&self, slot: usize, class: &Rc<Type>) -> Option<Value> {
        let entry = self.methods.get(slot)?.borrow();
        match entry.as_ref()? {
            Entry {
                class: c,
                method: Method::Builtin(b),
                ..
            } if std::ptr::eq(c.as_ptr(), Rc::as_ptr(class)) => Some(Value::Builtin(b.clone())),
            _ => None,
        }
    }

    /// Records that instances of `shape` do not shadow the method cached at `slot`.
    pub fn set_unshadowed(&self, slot: usize, shape: Rc<Shape>) {
        if let Some(Some(entry)) = self
            .methods
            .get(slot)
            .map(|c| c.borrow_mut())
            .as_deref_mut()
        {
            entry.unshadowed = Some(shape);
        }
    }

    /// Records that `class` resolves the name at `slot` to `method` (a script function or
    /// a builtin; anything else is not cached).
    pub fn set_method(&self, slot: usize, class: &Rc<Type>, method: &Value) {
        let method = match method {
            Value::Function(f) => Method::Function(Rc::downgrade(f)),
            Value::Builtin(b) => Method::Builtin(b.clone()),
            _ => return,
        };
        if let Some(cell) = self.methods.get(slot) {
            *cell.borrow_mut() = Some(Entry {
                class: Rc::downgrade(class),
                epoch: class_epoch(),
                method,
                unshadowed: None,
            });
        }
    }
}
