//! `Value`: the 16-byte handle every script value travels in.
//!
//! Small immutable values (`None`, bools, ints that fit in `i64`, floats) are stored inline,
//! so arithmetic on them never allocates; everything else is a thin `Rc` to a heap object.
//! `Rc`, not `Arc`: an interpreter and all its objects live on one OS thread.

use super::class::{Instance, Type};
use super::dict::Dict;
use super::func::{BoundMethod, Builtin, Cell, Function};
use super::misc::{Opaque, Property, Range, Slice, StaticOrClassMethod};
use super::module::Module;
use super::seq::{List, Tuple};
use super::set::Set;
use super::str::{Bytes, Str};
use crate::script::vm::collect;
use crate::script::vm::generator::Generator;
use crate::script::vm::iter::Iter;
use num_bigint::BigInt;
use std::rc::Rc;

/// A script value.
#[derive(Default)]
pub enum Value {
    /// Internal marker: an unbound local or global slot, or "no `self`" after a method
    /// lookup. Never visible to scripts.
    #[default]
    Undefined,
    None,
    NotImplemented,
    Ellipsis,
    Bool(B64),
    Int(i64),
    Float(F64),
    /// An int outside `i64`; always normalised back to `Int` when it fits.
    BigInt(Rc<BigInt>),
    Str(Rc<Str>),
    /// `bytes` (immutable) and `bytearray` (mutable) share one representation.
    Bytes(Rc<Bytes>),
    List(Rc<List>),
    Tuple(Rc<Tuple>),
    Dict(Rc<Dict>),
    /// `set` and `frozenset`.
    Set(Rc<Set>),
    Range(Rc<Range>),
    Slice(Rc<Slice>),
    Function(Rc<Function>),
    Builtin(Rc<Builtin>),
    Method(Rc<BoundMethod>),
    Type(Rc<Type>),
    Instance(Rc<Instance>),
    Module(Rc<Module>),
    Generator(Rc<Generator>),
    Iter(Rc<Iter>),
    Cell(Rc<Cell>),
    Property(Rc<Property>),
    Decorated(Rc<StaticOrClassMethod>),
    /// Objects defined by native modules (greenlets, deques, decimals, ...).
    Opaque(Rc<Opaque>),
}

const _: () = assert!(std::mem::size_of::<Value>() == 16);

/// Written out rather than derived, to be inlined: the derived clone was one out-of-line
/// function whose jump on the kind served every call site, so it mispredicted whenever
/// consecutive clones were of different kinds (a list, then its int items, then a bound
/// method). Inlined, each site has a jump of its own, which mostly sees one kind. The
/// instruction count hardly moves (nbody +3%, method_calls -2%); the time does (best of
/// three, one core: nbody -8%, listcomp -7%, fib -6%, float_loop -5%).
impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        match self {
            Value::Undefined => Value::Undefined,
            Value::None => Value::None,
            Value::NotImplemented => Value::NotImplemented,
            Value::Ellipsis => Value::Ellipsis,
            Value::Bool(b) => Value::Bool(*b),
            Value::Int(i) => Value::Int(*i),
            Value::Float(x) => Value::Float(*x),
            Value::BigInt(r) => Value::BigInt(r.clone()),
            Value::Str(r) => Value::Str(r.clone()),
            Value::Bytes(r) => Value::Bytes(r.clone()),
            Value::List(r) => Value::List(r.clone()),
            Value::Tuple(r) => Value::Tuple(r.clone()),
            Value::Dict(r) => Value::Dict(r.clone()),
            Value::Set(r) => Value::Set(r.clone()),
            Value::Range(r) => Value::Range(r.clone()),
            Value::Slice(r) => Value::Slice(r.clone()),
            Value::Function(r) => Value::Function(r.clone()),
            Value::Builtin(r) => Value::Builtin(r.clone()),
            Value::Method(r) => Value::Method(r.clone()),
            Value::Type(r) => Value::Type(r.clone()),
            Value::Instance(r) => Value::Instance(r.clone()),
            Value::Module(r) => Value::Module(r.clone()),
            Value::Generator(r) => Value::Generator(r.clone()),
            Value::Iter(r) => Value::Iter(r.clone()),
            Value::Cell(r) => Value::Cell(r.clone()),
            Value::Property(r) => Value::Property(r.clone()),
            Value::Decorated(r) => Value::Decorated(r.clone()),
            Value::Opaque(r) => Value::Opaque(r.clone()),
        }
    }
}

/// A `bool`'s payload in a [`Value`], widened to a machine word.
///
/// Every payload of a `Value` is one 64-bit integer or pointer at the same offset, so the
/// compiler treats a value as a pair of scalars (a tag word and a payload word) rather than
/// as 16 bytes of memory: values travel in two registers, every reference-counted kind
/// shares one increment in a clone, and values are written
/// and read in the same two words. As 16-byte blocks they were written in parts (a tag
/// byte and a payload word) and read back whole, which the CPU cannot forward from its
/// store buffer: a stall on most register reads after a write. A one-byte `bool` or an
/// `f64` payload (a float register class) would break the pair.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct B64(u64);

impl B64 {
    /// For patterns: `Value::Bool(B64::TRUE)`.
    pub const TRUE: B64 = B64(1);
    pub const FALSE: B64 = B64(0);

    #[inline(always)]
    pub const fn new(b: bool) -> B64 {
        B64(b as u64)
    }

    #[inline(always)]
    pub const fn get(self) -> bool {
        self.0 != 0
    }
}

/// A `float`'s payload in a [`Value`]: the number's bits (see [`B64`] for why).
#[derive(Clone, Copy)]
pub struct F64(u64);

impl F64 {
    #[inline(always)]
    pub const fn new(x: f64) -> F64 {
        F64(x.to_bits())
    }

    #[inline(always)]
    pub const fn get(self) -> f64 {
        f64::from_bits(self.0)
    }
}

impl Value {
    /// A `bool`.
    #[inline(always)]
    pub const fn bool(b: bool) -> Value {
        Value::Bool(B64::new(b))
    }

    /// A `float`.
    #[inline(always)]
    pub const fn float(x: f64) -> Value {
        Value::Float(F64::new(x))
    }

    #[inline]
    pub fn is_undefined(&self) -> bool {
        matches!(self, Value::Undefined)
    }

    /// Replaces the value in `slot` with `v`. Dropping the old value is a call into the
    /// general drop glue; registers mostly hold numbers or nothing, which own nothing, so
    /// that call is skipped for them. An old value that owns something is dropped where it
    /// lies: moved out first, it would be copied to the stack in pieces and read back
    /// whole by the drop glue, a store-forwarding stall on every such store.
    #[inline(always)]
    pub fn store(slot: &mut Value, v: Value) {
        if slot.owns_nothing() {
            std::mem::forget(std::mem::replace(slot, v));
        } else {
            *slot = v;
        }
    }

    /// Empties `slot`, releasing what it held with the test of its kind made here rather
    /// than in the drop glue. The glue is one out-of-line function whose jump on the kind
    /// serves every caller, and it mispredicts when consecutive drops are of different
    /// kinds (a statement's temporaries: a method, its receiver, an argument): in a
    /// `send` loop, that one jump took a tenth of the time. Inlined into the few loops
    /// that clear registers, each has a jump of its own.
    #[inline(always)]
    pub fn clear_slot(slot: &mut Value) {
        if slot.owns_nothing() {
            std::mem::forget(std::mem::replace(slot, Value::Undefined));
            return;
        }
        match std::mem::replace(slot, Value::Undefined) {
            Value::BigInt(x) => drop(x),
            Value::Str(x) => drop(x),
            Value::Bytes(x) => drop(x),
            Value::List(x) => drop(x),
            Value::Tuple(x) => drop(x),
            Value::Dict(x) => drop(x),
            Value::Set(x) => drop(x),
            Value::Range(x) => drop(x),
            Value::Slice(x) => drop(x),
            Value::Function(x) => drop(x),
            Value::Builtin(x) => drop(x),
            Value::Method(x) => drop(x),
            Value::Type(x) => drop(x),
            Value::Instance(x) => drop(x),
            Value::Module(x) => drop(x),
            Value::Generator(x) => drop(x),
            Value::Iter(x) => drop(x),
            Value::Cell(x) => drop(x),
            Value::Property(x) => drop(x),
            Value::Decorated(x) => drop(x),
            Value::Opaque(x) => drop(x),
            // What owns nothing, and any kind added later, through the glue.
            other => drop(other),
        }
    }

    /// Replaces the value in `slot` with `v` and gives back the old one if it owns
    /// something, for the caller to drop once its borrow of the slot's container ends (a
    /// finalizer may use the container). An old number or `None` is overwritten where it
    /// lies: moved out, it would be copied whole, 16 bytes at once, into the drop glue, a
    /// store-forwarding stall when its slot was written as two words just before
    /// (`counts[0] += 1`, `d[k] += 1`, a global loop variable).
    #[inline(always)]
    #[must_use]
    pub fn put(slot: &mut Value, v: Value) -> Option<Value> {
        if slot.owns_nothing() {
            std::mem::forget(std::mem::replace(slot, v));
            None
        } else {
            Some(std::mem::replace(slot, v))
        }
    }

    /// Takes the value out of `slot` when it was likely written just before (a result
    /// about to be returned). `mem::take` loads the value as one 16-byte block, which
    /// the CPU cannot forward from the two 8-byte stores that wrote it: a stall on every
    /// such move. An int or a float is read as its two words instead and left in place
    /// (it owns nothing, so the copy in the slot is harmless).
    #[inline(always)]
    pub fn take_fresh(slot: &mut Value) -> Value {
        match *slot {
            Value::Int(i) => Value::Int(i),
            Value::Float(x) => Value::Float(x),
            _ => std::mem::take(slot),
        }
    }

    /// Lets go of a value passed in, testing its kind in place first. A plain `drop` of a
    /// value argument copies it whole (16 bytes at once) for the drop glue, which stalls
    /// when the caller has just written it as two words; the common values own nothing
    /// and need no glue at all.
    #[inline(always)]
    pub fn release(self) {
        if self.owns_nothing() {
            std::mem::forget(self);
        } else {
            drop(self);
        }
    }

    /// Whether the value holds no reference, so forgetting it loses nothing.
    #[inline(always)]
    pub fn owns_nothing(&self) -> bool {
        matches!(
            self,
            Value::Undefined
                | Value::None
                | Value::Bool(_)
                | Value::Int(_)
                | Value::Float(_)
                | Value::NotImplemented
                | Value::Ellipsis
        )
    }

    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    pub fn str(s: &str) -> Value {
        Value::Str(Rc::new(Str::new(s)))
    }

    /// The string of one character (ASCII ones are shared).
    pub fn char(c: char) -> Value {
        Value::Str(super::str::of_char(c))
    }

    pub fn string(s: String) -> Value {
        Value::Str(Rc::new(Str::from_string(s)))
    }

    // The constructors of containers register them with the cycle collector.

    pub fn tuple(items: Vec<Value>) -> Value {
        let t = Rc::new(Tuple::new(items));
        collect::track_tuple(&t);
        Value::Tuple(t)
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(List::new_rc(items))
    }

    pub fn dict(d: Dict) -> Value {
        let d = Rc::new(d);
        collect::track_dict(&d);
        Value::Dict(d)
    }

    /// A new instance. A plain object is registered with the cycle collector only once
    /// it holds something that could lead back to it (see [`Instance::set_attr_hinted`]):
    /// objects of numbers and strings, the common case, are never registered, and their
    /// memory is released the moment the last reference goes.
    ///
    /// Inline, with [`Instance::new`], so that the instance is written straight into its
    /// allocation: built out of line, it was copied there with wide loads of narrow stores
    /// (a stall), and its fields then read back from the copy.
    #[inline(always)]
    pub fn instance(i: Instance) -> Value {
        // The built-in value a subclass instance wraps (`class L(list)`, whose layout is
        // `Object`) is reached through the instance: a list there may close a cycle.
        let track = i.exc.is_some()
            || i.class.layout != super::class::Layout::Object
            || collect::may_close_cycle(&i.base.borrow());
        let i = Rc::new(i);
        if track {
            i.track();
        }
        Value::Instance(i)
    }

    pub fn function(f: Function) -> Value {
        let f = Rc::new(f);
        collect::track_function(&f);
        Value::Function(f)
    }

    pub fn cell(c: Cell) -> Value {
        let c = Rc::new(c);
        collect::track_cell(&c);
        Value::Cell(c)
    }

    pub fn method(func: Value, receiver: Value) -> Value {
        let m = Rc::new(BoundMethod { func, receiver });
        collect::track_method(&m);
        Value::Method(m)
    }

    /// An int from a bigint, normalised to the inline form when it fits.
    pub fn from_bigint(b: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Rc::new(b)),
        }
    }

    /// Identity as `is` sees it: same heap object, or equal inline singletons.
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (Undefined, Undefined)
            | (None, None)
            | (NotImplemented, NotImplemented)
            | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            // Small ints are shared in CPython; inline ints compare by value here, which
            // agrees for every value a script can observe as "the same object".
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.get().to_bits() == b.get().to_bits(),
            _ => match (self.heap_ptr(), other.heap_ptr()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// The address of the heap object, if any (`id()` and identity checks).
    pub fn heap_ptr(&self) -> Option<usize> {
        use Value::*;
        Some(match self {
            BigInt(r) => Rc::as_ptr(r) as usize,
            Str(r) => Rc::as_ptr(r) as usize,
            Bytes(r) => Rc::as_ptr(r) as usize,
            List(r) => Rc::as_ptr(r) as usize,
            Tuple(r) => Rc::as_ptr(r) as usize,
            Dict(r) => Rc::as_ptr(r) as usize,
            Set(r) => Rc::as_ptr(r) as usize,
            Range(r) => Rc::as_ptr(r) as usize,
            Slice(r) => Rc::as_ptr(r) as usize,
            Function(r) => Rc::as_ptr(r) as usize,
            Builtin(r) => Rc::as_ptr(r) as usize,
            Method(r) => Rc::as_ptr(r) as usize,
            Type(r) => Rc::as_ptr(r) as usize,
            Instance(r) => Rc::as_ptr(r) as usize,
            Module(r) => Rc::as_ptr(r) as usize,
            Generator(r) => Rc::as_ptr(r) as usize,
            Iter(r) => Rc::as_ptr(r) as usize,
            Cell(r) => Rc::as_ptr(r) as usize,
            Property(r) => Rc::as_ptr(r) as usize,
            Decorated(r) => Rc::as_ptr(r) as usize,
            Opaque(r) => Rc::as_ptr(r) as usize,
            _ => return Option::None,
        })
    }

    /// The data of a native module's object, if this is one holding a `T`.
    pub fn downcast<T: 'static>(&self) -> Option<&T> {
        match self {
            Value::Opaque(o) => o.downcast(),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&Str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::bool(b)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}

impl From<usize> for Value {
    fn from(i: usize) -> Value {
        match i64::try_from(i) {
            Ok(i) => Value::Int(i),
            Err(_) => Value::from_bigint(BigInt::from(i)),
        }
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::float(f)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::str(s)
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::string(s)
    }
}

impl std::fmt::Debug for Value {
    /// Inline values print as themselves; heap values as their kind and address (a `repr`
    /// needs the interpreter).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Undefined => f.write_str("Undefined"),
            Value::None => f.write_str("None"),
            Value::NotImplemented => f.write_str("NotImplemented"),
            Value::Ellipsis => f.write_str("Ellipsis"),
            Value::Bool(b) => write!(f, "Bool({})", b.get()),
            Value::Int(i) => write!(f, "Int({i})"),
            Value::Float(x) => write!(f, "Float({:?})", x.get()),
            Value::BigInt(b) => write!(f, "BigInt({b})"),
            Value::Str(s) => write!(f, "Str({:?})", s.as_str()),
            other => write!(f, "<heap value at {:#x}>", other.heap_ptr().unwrap_or(0)),
        }
    }
}
