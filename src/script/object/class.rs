//! Classes (`type` objects, built-in and user-defined) and their instances.

use super::attrs::{Attrs, Shape};
use super::dict::Dict;
use super::str::Str;
use super::value::Value;
use crate::script::compile::code::Code;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// The storage layout a class's instances have, inherited from its built-in base.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Layout {
    /// Plain objects: an attribute dict.
    Object,
    /// Instances of built-in value types (int, str, list, ...): never `Instance`s unless
    /// subclassed, in which case the built-in value is kept in `Instance::base`.
    Builtin,
    /// `BaseException` and its subclasses: an attribute dict plus [`ExcState`].
    Exception,
}

pub struct Type {
    pub name: RefCell<Rc<Str>>,
    pub qualname: RefCell<Rc<Str>>,
    pub module: RefCell<Rc<Str>>,
    pub bases: RefCell<Vec<Rc<Type>>>,
    /// The method resolution order without the class itself (which would be an `Rc` cycle).
    pub mro_tail: RefCell<Vec<Rc<Type>>>,
    pub dict: Dict,
    pub layout: Layout,
    /// True for classes created by a `class` statement.
    pub heap: bool,
    /// `__slots__`, when the class (and its bases) declare them.
    pub slots: Option<Box<[Rc<Str>]>>,
    /// Bumped when an attribute of this class changes, for method caches.
    pub version: Cell<u64>,
    /// How attribute access on instances may be shortcut (see [`AttrPlan`]).
    pub plan: RefCell<Option<AttrPlan>>,
    /// The plan's two flags with the epoch they hold for (`epoch << 2 | flags`), read on
    /// every attribute access without borrowing the plan; `NO_FLAGS` until computed.
    pub plan_flags: Cell<u64>,
    /// Operators a native module's type implements directly (see [`NumberSlots`]).
    pub number: Cell<Option<NumberSlots>>,
    /// The most attributes an instance has been seen to hold: new instances start with
    /// room for that many values, so filling them in `__init__` allocates once instead of
    /// growing from nothing.
    pub attr_hint: Cell<u32>,
    /// The shape of its instances before they have attributes (see [`super::attrs`]).
    pub shape: Rc<Shape>,
}

/// Operators a native module's type implements as functions the VM calls before looking
/// up any dunder, as CPython's number slots are: arithmetic on decimals then costs one
/// call. Each gets the operands in source order (the type's object on either side) and
/// returns `NotImplemented` for operands it does not take; `binary` serves the in-place
/// operators as well.
#[derive(Clone, Copy)]
pub struct NumberSlots {
    pub binary: fn(
        &crate::script::vm::Vm,
        crate::script::compile::code::BinOp,
        &Value,
        &Value,
    ) -> crate::script::vm::PyResult<Value>,
    pub compare: fn(
        &crate::script::vm::Vm,
        crate::script::compile::code::CmpOp,
        &Value,
        &Value,
    ) -> crate::script::vm::PyResult<Value>,
}

/// [`Type::plan_flags`] before the plan is first computed (matches no epoch).
pub const NO_FLAGS: u64 = u64::MAX;

/// What attribute access on a class's instances must consider, computed on first use and
/// recomputed after any class attribute of any class changed (the class epoch).
#[derive(Clone)]
pub struct AttrPlan {
    pub epoch: u64,
    /// No property or other data descriptor along the MRO: the instance dict decides
    /// reads first.
    pub no_data_descriptors: bool,
    /// `__setattr__` and `__delattr__` are `object`'s.
    pub default_setattr: bool,
    /// The combined `__slots__`, when every class of the MRO declares them.
    pub slots: Option<Rc<[Rc<Str>]>>,
    /// A built-in class's own `__new__` builtin.
    pub builtin_new: Option<Value>,
    /// The script `__init__` when instances are plain objects from `object.__new__` or
    /// exceptions from `BaseException.__new__`.
    pub init: Option<Rc<super::func::Function>>,
    /// Instances are complete as `Instance::with_args` makes them: `__new__` and
    /// `__init__` are both `object`'s or `BaseException`'s.
    pub bare: bool,
}

thread_local! {
    static CLASS_EPOCH: Cell<u64> = const { Cell::new(0) };
}

/// The count of class-attribute changes on this thread.
#[inline]
pub fn class_epoch() -> u64 {
    CLASS_EPOCH.with(Cell::get)
}

/// Records that a class attribute changed: every cached [`AttrPlan`] is stale.
pub fn bump_class_epoch() {
    CLASS_EPOCH.with(|e| e.set(e.get() + 1));
}

impl Type {
    pub fn new_builtin(name: &str, layout: Layout, bases: Vec<Rc<Type>>) -> Type {
        let mro_tail = bases
            .first()
            .map(|b| {
                let mut m = vec![b.clone()];
                m.extend(b.mro_tail.borrow().iter().cloned());
                m
            })
            .unwrap_or_default();
        Type {
            name: RefCell::new(Rc::new(Str::new(name))),
            qualname: RefCell::new(Rc::new(Str::new(name))),
            module: RefCell::new(Rc::new(Str::new("builtins"))),
            bases: RefCell::new(bases),
            mro_tail: RefCell::new(mro_tail),
            dict: Dict::new(),
            layout,
            heap: false,
            slots: None,
            version: Cell::new(0),
            plan: RefCell::new(None),
            plan_flags: Cell::new(NO_FLAGS),
            number: Cell::new(None),
            attr_hint: Cell::new(0),
            shape: Shape::root(),
        }
    }

    pub fn name(&self) -> Rc<Str> {
        self.name.borrow().clone()
    }

    /// Looks `name` up along the MRO (the class first).
    pub fn lookup(self: &Rc<Type>, name: &Str) -> Option<Value> {
        if let Some(v) = self.dict.get_str(name) {
            return Some(v);
        }
        self.mro_tail
            .borrow()
            .iter()
            .find_map(|t| t.dict.get_str(name))
    }

    /// Whether `self` is `other` or derives from it.
    pub fn is_subtype(self: &Rc<Type>, other: &Rc<Type>) -> bool {
        Rc::ptr_eq(self, other) || self.mro_tail.borrow().iter().any(|t| Rc::ptr_eq(t, other))
    }

    /// The first built-in class of the MRO (the class itself if it is one): the type
    /// whose layout its instances have. Found without building the MRO.
    pub fn builtin_base(self: &Rc<Type>) -> Option<Rc<Type>> {
        if !self.heap {
            return Some(self.clone());
        }
        self.mro_tail.borrow().iter().find(|c| !c.heap).cloned()
    }

    /// The full MRO, the class first.
    pub fn mro(self: &Rc<Type>) -> Vec<Rc<Type>> {
        let mut m = vec![self.clone()];
        m.extend(self.mro_tail.borrow().iter().cloned());
        m
    }

    pub fn touch(&self) {
        self.version.set(self.version.get() + 1);
    }
}

/// C3 linearisation of `bases` (each given with its own full MRO); `None` when no consistent
/// order exists.
pub fn c3_merge(mut seqs: Vec<Vec<Rc<Type>>>) -> Option<Vec<Rc<Type>>> {
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let head = seqs.iter().find_map(|s| {
            let cand = &s[0];
            let in_tail = seqs
                .iter()
                .any(|t| t[1..].iter().any(|x| Rc::ptr_eq(x, cand)));
            (!in_tail).then(|| cand.clone())
        })?;
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &head) {
                s.remove(0);
            }
        }
        out.push(head);
    }
}

/// An instance of a user class (or of an exception class).
pub struct Instance {
    pub class: Rc<Type>,
    /// Its attributes (see [`super::attrs`]).
    attrs: RefCell<Attrs>,
    /// For subclasses of built-in value types: the built-in value (`class L(list)`).
    pub base: RefCell<Value>,
    pub exc: Option<Box<ExcState>>,
    /// Whether it is registered with the cycle collector.
    tracked: Cell<bool>,
}

impl Instance {
    #[inline(always)]
    pub fn new(class: Rc<Type>) -> Instance {
        let exc = (class.layout == Layout::Exception).then(|| Box::new(ExcState::default()));
        let attrs = Attrs::new(&class.shape, class.attr_hint.get() as usize);
        Instance {
            class,
            attrs: RefCell::new(attrs),
            base: RefCell::new(Value::Undefined),
            exc,
            tracked: Cell::new(false),
        }
    }

    /// A new instance of `class` as the default constructor makes it: for an exception,
    /// the constructor's arguments become its `args`, as `BaseException.__new__` does.
    #[inline(always)]
    pub fn with_args(class: Rc<Type>, args: &[Value]) -> Instance {
        let inst = Instance::new(class);
        if let Some(exc) = &inst.exc {
            *exc.args.borrow_mut() = Value::tuple(args.to_vec());
        }
        inst
    }

    #[inline]
    pub fn class(&self) -> &Rc<Type> {
        &self.class
    }

    /// The attribute `name` held by the instance itself (not its class).
    pub fn get_attr(&self, name: &Str) -> Option<Value> {
        self.get_attr_hinted(name, &Cell::new(NO_SLOT))
    }

    /// [`Instance::get_attr`] trying first the slot `hint` remembers.
    #[inline]
    pub fn get_attr_hinted(&self, name: &Str, hint: &Cell<u32>) -> Option<Value> {
        self.attrs.borrow().get(name, hint)
    }

    /// [`Instance::get_attr_hinted`] when the hint is right, else `None` (the attribute
    /// may still be there).
    #[inline(always)]
    pub fn get_attr_at_hint(&self, name: &Str, hint: &Cell<u32>) -> Option<Value> {
        self.attrs.borrow().get_at_hint(name, hint)
    }

    /// Whether its attributes have the shape `shape` (compared by address only).
    #[inline(always)]
    pub fn has_shape(&self, shape: *const Shape) -> bool {
        self.attrs
            .borrow()
            .shape()
            .is_some_and(|s| std::ptr::eq(Rc::as_ptr(s), shape))
    }

    /// Its shape, while it has one.
    pub fn shape(&self) -> Option<Rc<Shape>> {
        self.attrs.borrow().shape().cloned()
    }

    #[inline(always)]
    pub fn has_attr(&self, name: &Str) -> bool {
        self.attrs.borrow().contains(name)
    }

    pub fn attr_count(&self) -> usize {
        self.attrs.borrow().len()
    }

    /// The names of its attributes, in the order they were added.
    pub fn attr_names(&self) -> Vec<Value> {
        self.attrs.borrow().names()
    }

    pub fn set_attr(self: &Rc<Self>, name: Rc<Str>, value: Value) {
        self.set_attr_hinted(&name, value, &Cell::new(NO_SLOT));
    }

    /// [`Instance::set_attr`] trying first the slot `hint` remembers. The first value that
    /// could lead back to the instance registers it with the cycle collector.
    #[inline]
    pub fn set_attr_hinted(self: &Rc<Self>, name: &Rc<Str>, value: Value, hint: &Cell<u32>) {
        let may_close_cycle = crate::script::vm::collect::may_close_cycle(&value);
        let old = self.attrs.borrow_mut().set(name, value, hint);
        self.stored(may_close_cycle, old);
    }

    /// [`Instance::set_attr_hinted`] for a store the hint decides alone (see
    /// [`super::attrs::Attrs::set_at_hint`]), which needs no permission check: the name
    /// is already there, or the shape has taken it before. Gives the value back otherwise.
    #[inline(always)]
    pub fn set_attr_at_hint(
        self: &Rc<Self>,
        name: &Rc<Str>,
        value: Value,
        hint: &Cell<u32>,
    ) -> Result<(), Value> {
        let may_close_cycle = crate::script::vm::collect::may_close_cycle(&value);
        let old = self.attrs.borrow_mut().set_at_hint(name, value, hint)?;
        self.stored(may_close_cycle, old);
        Ok(())
    }

    /// After a store: registers the instance with the collector if the value stored could
    /// lead back to it; drops the value replaced (with no borrow held), or, for a new
    /// attribute, lets the class learn how many its instances hold (bounded, so that one
    /// instance used as a namespace does not make every new one large).
    #[inline(always)]
    fn stored(self: &Rc<Self>, may_close_cycle: bool, old: Option<Value>) {
        if may_close_cycle {
            self.track();
        }
        match old {
            Some(old) => old.release(),
            None => {
                let n = (self.attrs.borrow().len() as u32).min(16);
                if n > self.class.attr_hint.get() {
                    self.class.attr_hint.set(n);
                }
            }
        }
    }

    /// Removes `name`, returning its value (dropped by the caller, with no borrow held).
    pub fn remove_attr(&self, name: &Str) -> Option<Value> {
        self.attrs.borrow_mut().remove(name)
    }

    /// `obj.__dict__`: the attributes as a dict the script shares with the instance.
    /// Anything may be stored through it, so the instance is registered with the cycle
    /// collector from then on.
    pub fn dict(self: &Rc<Self>) -> Rc<Dict> {
        self.track();
        self.attrs.borrow_mut().to_dict()
    }

    /// Registers it with the cycle collector, once.
    pub fn track(self: &Rc<Self>) {
        if !self.tracked.replace(true) {
            crate::script::vm::collect::track_instance(self);
        }
    }

    /// The attributes, for the cycle collector.
    pub(crate) fn attrs(&self) -> &RefCell<Attrs> {
        &self.attrs
    }
}

/// A slot hint that names no slot.
const NO_SLOT: u32 = u32::MAX;

/// One line of a traceback: a code object and the instruction that was running.
#[derive(Clone)]
pub struct TraceEntry {
    pub code: Rc<Code>,
    pub pc: u32,
}

/// The traceback entries of an exception, innermost first. Most exceptions are caught
/// within a frame or two of where they were raised: those entries stay inline, with no
/// allocation of their own for each exception raised.
pub type TraceEntries = smallvec::SmallVec<[TraceEntry; 2]>;

/// What every exception instance carries besides its attributes.
#[derive(Default)]
pub struct ExcState {
    pub args: RefCell<Value>,
    pub traceback: RefCell<TraceEntries>,
    pub cause: RefCell<Value>,
    pub context: RefCell<Value>,
    pub suppress_context: Cell<bool>,
}
