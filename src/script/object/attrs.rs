//! Instance attributes: values laid out by a shape shared among instances built alike, or
//! an ordinary dict once a script holds the instance's `__dict__`.
//!
//! Instances of a class mostly get the same attributes in the same order (in `__init__`),
//! so the names are kept once, in a [`Shape`], and each instance holds only its values, in
//! the shape's order. Adding an attribute moves the instance to the shape with that name
//! appended (found in the old shape's transitions, or made once). A read checks the slot a
//! code object's inline cache remembers by name identity, which needs no hashing and no
//! scan: the layout of CPython 3.11's inline values with shared keys.
//!
//! The first time a script asks for `__dict__` (or `vars()`), or deletes an attribute, the
//! instance moves its values into a real dict and keeps using that dict from then on, so
//! changes made through it and through attributes stay one and the same.

use super::dict::Dict;
use super::str::Str;
use super::value::Value;
use crate::script::vm::inline_cache::{at_hint, hinted_slot};
use smallvec::SmallVec;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// An instance's values: the first few inside the instance.
pub type Values = SmallVec<[Value; 3]>;

/// More names than this and an instance keeps a dict: shapes copy their names, and a
/// scan of them stays short.
const MOST_NAMES: usize = 32;

/// More transitions than this from one shape (instances given attributes in many orders,
/// or named by data) and further instances take a dict instead of growing the tree.
const MOST_TRANSITIONS: usize = 16;

/// The attribute names of instances built alike, in the order they were added.
pub struct Shape {
    names: Box<[Rc<Str>]>,
    /// The shapes one more name leads to.
    next: RefCell<Vec<(Rc<Str>, Rc<Shape>)>>,
}

impl Shape {
    /// The shape of an instance without attributes.
    pub fn root() -> Rc<Shape> {
        Rc::new(Shape {
            names: Box::new([]),
            next: RefCell::new(Vec::new()),
        })
    }

    /// The slot of `name`: names from code are interned, so identity finds them at once;
    /// names made at run time are compared by their cached hashes first, so a name that
    /// is not there (a method looked up on an instance) costs no string comparisons.
    #[inline]
    fn slot_of(&self, name: &Str) -> Option<usize> {
        self.names
            .iter()
            .position(|n| std::ptr::eq(&**n, name))
            .or_else(|| {
                let hash = name.hash();
                self.names
                    .iter()
                    .position(|n| n.hash() == hash && n.as_str() == name.as_str())
            })
    }

    /// [`Shape::slot_of`] trying first the slot `hint` remembers (checked by identity),
    /// and remembering the slot found.
    #[inline]
    fn slot_hinted(&self, name: &Str, hint: &Cell<u32>) -> Option<usize> {
        hinted_slot(&self.names, name, hint, || self.slot_of(name))
    }

    /// The shape `name` has led to from this one, found by identity (names from code are
    /// interned).
    #[inline]
    fn next_by_identity(&self, name: &Rc<Str>) -> Option<Rc<Shape>> {
        let next = self.next.borrow();
        next.iter()
            .find(|(n, _)| Rc::ptr_eq(n, name))
            .map(|(_, s)| s.clone())
    }

    /// The shape with `name` appended, unless this shape may not grow (then the instance
    /// takes a dict).
    fn with(&self, name: &Rc<Str>) -> Option<Rc<Shape>> {
        let found = self.next_by_identity(name).or_else(|| {
            let next = self.next.borrow();
            next.iter()
                .find(|(n, _)| n.as_str() == name.as_str())
                .map(|(_, s)| s.clone())
        });
        if found.is_some() {
            return found;
        }
        if self.names.len() >= MOST_NAMES || self.next.borrow().len() >= MOST_TRANSITIONS {
            return None;
        }
        let names: Box<[Rc<Str>]> = self.names.iter().chain([name]).cloned().collect();
        let shape = Rc::new(Shape {
            names,
            next: RefCell::new(Vec::new()),
        });
        self.next.borrow_mut().push((name.clone(), shape.clone()));
        Some(shape)
    }
}

/// Where an instance keeps its attributes.
pub enum Attrs {
    /// One value per name of the shape, in its order.
    Shaped { shape: Rc<Shape>, values: Values },
    /// A dict (shared with the script that asked for `__dict__`).
    Dict(Rc<Dict>),
}

impl Attrs {
    /// No attributes yet, with room for `capacity` values.
    #[inline(always)]
    pub fn new(root: &Rc<Shape>, capacity: usize) -> Attrs {
        Attrs::Shaped {
            shape: root.clone(),
            values: Values::with_capacity(capacity),
        }
    }

    /// The attribute `name`, trying first the slot `hint` remembers (see
    /// [`crate::script::vm::inline_cache`]).
    #[inline]
    pub fn get(&self, name: &Str, hint: &Cell<u32>) -> Option<Value> {
        match self {
            Attrs::Shaped { shape, values } => {
                let slot = shape.slot_hinted(name, hint)?;
                values.get(slot).cloned()
            }
            Attrs::Dict(d) => d.get_str(name),
        }
    }

    /// The attribute `name` if it is in the slot `hint` remembers: the whole of a read
    /// that hits, small enough to be inlined into the dispatch loop.
    #[inline(always)]
    pub fn get_at_hint(&self, name: &Str, hint: &Cell<u32>) -> Option<Value> {
        match self {
            Attrs::Shaped { shape, values } => {
                values.get(at_hint(&shape.names, name, hint)?).cloned()
            }
            Attrs::Dict(_) => None,
        }
    }

    /// The shape, while the instance has one.
    #[inline]
    pub fn shape(&self) -> Option<&Rc<Shape>> {
        match self {
            Attrs::Shaped { shape, .. } => Some(shape),
            Attrs::Dict(_) => None,
        }
    }

    #[inline]
    pub fn contains(&self, name: &Str) -> bool {
        match self {
            Attrs::Shaped { shape, .. } => shape.slot_of(name).is_some(),
            Attrs::Dict(d) => d.has_str(name),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn len(&self) -> usize {
        match self {
            Attrs::Shaped { values, .. } => values.len(),
            Attrs::Dict(d) => d.len(),
        }
    }

    /// Sets `name`; returns the value it replaces, to be dropped by the caller once no
    /// borrow of the attributes is held (a drop may run code that reads them).
    #[inline]
    pub fn set(&mut self, name: &Rc<Str>, value: Value, hint: &Cell<u32>) -> Option<Value> {
        match self {
            Attrs::Shaped { shape, values } => match shape.slot_hinted(name, hint) {
                Some(slot) => {
                    if let Some(old) = values.get_mut(slot) {
                        return Some(std::mem::replace(old, value));
                    }
                }
                None => {
                    if let Some(next) = shape.with(name) {
                        hint.set(values.len() as u32);
                        *shape = next;
                        values.push(value);
                        return None;
                    }
                }
            },
            Attrs::Dict(_) => {}
        }
        // A dict instance, or a shape that may not grow.
        self.to_dict().insert_str_hinted(name.clone(), value, hint);
        None
    }

    /// [`Attrs::set`] when the hint decides it: `name` is at the hinted slot (its old value
    /// is returned), or the hint is where the name was added before and the shape already
    /// has that transition (checked by identity). Anything else gives the value back.
    #[inline(always)]
    pub fn set_at_hint(
        &mut self,
        name: &Rc<Str>,
        value: Value,
        hint: &Cell<u32>,
    ) -> Result<Option<Value>, Value> {
        let Attrs::Shaped { shape, values } = self else {
            return Err(value);
        };
        if let Some(slot) = at_hint(&shape.names, name, hint) {
            return match values.get_mut(slot) {
                Some(old) => Ok(Some(std::mem::replace(old, value))),
                None => Err(value),
            };
        }
        // A hint just past the shape's names is where the name was added before.
        let slot = hint.get() as usize;
        if slot != values.len() || slot < shape.names.len() {
            return Err(value);
        }
        match shape.next_by_identity(name) {
            Some(next) => {
                *shape = next;
                values.push(value);
                Ok(None)
            }
            None => Err(value),
        }
    }

    /// Removes `name`, returning its value. An instance that loses an attribute keeps a
    /// dict from then on: shapes only ever grow.
    pub fn remove(&mut self, name: &Str) -> Option<Value> {
        if let Attrs::Shaped { shape, .. } = self {
            shape.slot_of(name)?;
        }
        self.to_dict().remove_str(name)
    }

    /// The attributes as a dict, moving them into one first if they are shaped.
    pub fn to_dict(&mut self) -> Rc<Dict> {
        match self {
            Attrs::Dict(d) => d.clone(),
            Attrs::Shaped { shape, values } => {
                let dict = Dict::with_capacity(values.len());
                for (name, value) in shape.names.iter().zip(values.drain(..)) {
                    dict.insert_str(name.clone(), value);
                }
                let dict = Rc::new(dict);
                *self = Attrs::Dict(dict.clone());
                dict
            }
        }
    }

    /// The names, in the order they were added.
    pub fn names(&self) -> Vec<Value> {
        match self {
            Attrs::Shaped { shape, values } => shape
                .names
                .iter()
                .take(values.len())
                .map(|n| Value::Str(n.clone()))
                .collect(),
            Attrs::Dict(d) => d.keys(),
        }
    }
}
