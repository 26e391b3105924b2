//! Operators on any values: truth, hashing, equality and ordering, arithmetic, membership.
//! Built-in types are handled natively; instances go through their dunder methods with
//! CPython's reflected-operand rules.

use super::num::{self, Num};
use super::{PyResult, Vm};
use crate::script::compile::code::{BinOp, CmpOp, UnaryOp};
use crate::script::object::table::native_eq;
use crate::script::object::{Str, Value};
use std::cmp::Ordering;
use std::rc::Rc;

/// The largest single allocation a script operation may ask for (16 GiB): beyond it,
/// `MemoryError` rather than an allocation failure that would abort the process.
pub const MAX_ALLOCATION: usize = 1 << 34;

impl Vm {
    /// `bool(v)`.
    pub fn truthy(&self, v: &Value) -> PyResult<bool> {
        use Value::*;
        Ok(match v {
            Undefined | None => false,
            Bool(b) => b.get(),
            Int(i) => *i != 0,
            Float(f) => f.get() != 0.0,
            BigInt(_) => true,
            Str(s) => !s.as_str().is_empty(),
            Bytes(b) => !b.data.borrow().is_empty(),
            List(l) => !l.is_empty(),
            Tuple(t) => !t.is_empty(),
            Dict(d) => !d.is_empty(),
            Set(s) => !s.is_empty(),
            Range(r) => match &r.big {
                Some(b) => b.len() != num_bigint::BigInt::from(0),
                Option::None => !r.is_empty(),
            },
            Instance(_) | Opaque(_) => return self.instance_truthy(v),
            _ => true,
        })
    }

    #[cold]
    fn instance_truthy(&self, v: &Value) -> PyResult<bool> {
        if let Some(m) = self.lookup_special(v, &self.names.bool) {
            return match self.call_bound(&m, v, &[])? {
                Value::Bool(b) => Ok(b.get()),
                other => Err(self.type_error(format!(
                    "__bool__ should return bool, returned {}",
                    self.type_name(&other)
                ))),
            };
        }
        if let Some(m) = self.lookup_special(v, &self.names.len) {
            let n = self.call_bound(&m, v, &[])?;
            return Ok(self.to_index(&n)? != 0);
        }
        if let Value::Instance(i) = v {
            let base = i.base.borrow().clone();
            if !base.is_undefined() {
                return self.truthy(&base);
            }
        }
        Ok(true)
    }

    /// `hash(v)` as an i64 (CPython's values for numbers), for the `hash()` builtin.
    pub fn hash_value(&self, v: &Value) -> PyResult<i64> {
        use Value::*;
        Ok(match v {
            None | Undefined => 0xFCA86420,
            Bool(_) | Int(_) | BigInt(_) => num::hash_int(v),
            Float(f) => {
                if f.get().fract() == 0.0 && f.get().abs() < 9.2e18 {
                    num::hash_int(&Int(f.get() as i64))
                } else {
                    num::hash_float(f.get())
                }
            }
            Str(s) => s.hash() as i64,
            Bytes(b) if !b.mutable => {
                crate::script::object::str::hash_bytes(&b.data.borrow()) as i64
            }
            Tuple(t) => {
                // CPython's tuple hash (xxHash-based), so `hash((1, 2))` matches.
                const P1: u64 = 11400714785074694791;
                const P2: u64 = 14029467366897019727;
                const P5: u64 = 2870177450012600261;
                let mut acc: u64 = P5;
                for item in t.items.iter() {
                    let lane = self.hash_value(item)? as u64;
                    acc = acc.wrapping_add(lane.wrapping_mul(P2));
                    acc = acc.rotate_left(31);
                    acc = acc.wrapping_mul(P1);
                }
                acc = acc.wrapping_add((t.len() as u64) ^ (P5 ^ 3527539));
                if acc == u64::MAX {
                    1546275796
                } else {
                    acc as i64
                }
            }
            Set(s) if s.frozen => s.frozen_hash(),
            List(_) | Dict(_) | Set(_) | Bytes(_) => {
                return Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v))))
            }
            Range(r) => {
                // CPython hashes the tuple (len, start, step), with None for the parts
                // that do not matter to an empty or one-element range.
                let (len, start, step) = match &r.big {
                    Some(b) => (
                        Value::from_bigint(b.len()),
                        Value::from_bigint(b.start.clone()),
                        Value::from_bigint(b.step.clone()),
                    ),
                    Option::None => (Value::Int(r.len()), Value::Int(r.start), Value::Int(r.step)),
                };
                let key = match &len {
                    Int(0) => vec![len, Value::None, Value::None],
                    Int(1) => vec![len, start, Value::None],
                    _ => vec![len, start, step],
                };
                return self.hash_value(&Value::tuple(key));
            }
            Instance(_) | Opaque(_) => return self.instance_hash(v),
            _ => (v.heap_ptr().unwrap_or(0) >> 4) as i64,
        })
    }

    #[cold]
    fn instance_hash(&self, v: &Value) -> PyResult<i64> {
        match self.own_special(v, &self.names.hash) {
            Some(Value::None) => {
                Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v))))
            }
            Some(m) => match self.call_bound(&m, v, &[])? {
                Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                other @ Value::BigInt(_) => Ok(num::hash_int(&other)),
                _ => Err(self.type_error("__hash__ method should return an integer")),
            },
            Option::None => {
                if let Value::Instance(i) = v {
                    let base = i.base.borrow().clone();
                    if !base.is_undefined() {
                        return self.hash_value(&base);
                    }
                }
                Ok((v.heap_ptr().unwrap_or(0) >> 4) as i64)
            }
        }
    }

    /// The hash used by dict and set tables.
    #[inline]
    pub fn hash(&self, v: &Value) -> PyResult<u64> {
        match v {
            Value::Str(s) => Ok(s.hash()),
            Value::Int(i) if *i >= 0 && *i < (1 << 61) - 1 => Ok(*i as u64),
            _ => Ok(self.hash_value(v)? as u64),
        }
    }

    /// `a == b` as a bool.
    #[inline]
    pub fn eq(&self, a: &Value, b: &Value) -> PyResult<bool> {
        // Identity implies equality for containers and lookups (a NaN is found in a list
        // holding it), as CPython's PyObject_RichCompareBool has it.
        if a.is(b) {
            return Ok(true);
        }
        if let Some(r) = native_eq(a, b) {
            return Ok(r);
        }
        self.eq_slow(a, b)
    }

    #[cold]
    fn eq_slow(&self, a: &Value, b: &Value) -> PyResult<bool> {
        let r = self.compare(CmpOp::Eq, a, b)?;
        self.truthy(&r)
    }

    /// Rich comparison `a op b`.
    pub fn compare(&self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        match op {
            CmpOp::Is => return Ok(Value::bool(a.is(b))),
            CmpOp::IsNot => return Ok(Value::bool(!a.is(b))),
            CmpOp::In => return Ok(Value::bool(self.contains(b, a)?)),
            CmpOp::NotIn => return Ok(Value::bool(!self.contains(b, a)?)),
            _ => {}
        }
        if let Some(r) = self.builtin_compare(op, a, b)? {
            return Ok(Value::bool(r));
        }
        self.rich_compare_dunder(op, a, b)
    }

    /// Comparison of two built-in values; `None` when dunders must decide.
    fn builtin_compare(&self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Option<bool>> {
        use Value::*;
        let ord = match (a, b) {
            (Instance(_), _) | (_, Instance(_)) | (Opaque(_), _) | (_, Opaque(_)) => {
                return Ok(Option::None)
            }
            (Int(x), Int(y)) => Some(x.cmp(y)),
            (Float(x), Float(y)) => x.get().partial_cmp(&y.get()),
            (Str(x), Str(y)) => Some(x.as_str().cmp(y.as_str())),
            (Int(_) | Bool(_) | BigInt(_), Float(f)) => {
                num::to_big(a).and_then(|i| num::cmp_int_float(&i, f.get()))
            }
            (Float(f), Int(_) | Bool(_) | BigInt(_)) => num::to_big(b)
                .and_then(|i| num::cmp_int_float(&i, f.get()))
                .map(Ordering::reverse),
            (Int(_) | Bool(_) | BigInt(_), Int(_) | Bool(_) | BigInt(_)) => {
                Some(num::to_big(a).cmp(&num::to_big(b)))
            }
            (Bytes(x), Bytes(y)) => {
                Some(x.data.borrow().as_slice().cmp(y.data.borrow().as_slice()))
            }
            (Tuple(x), Tuple(y)) => {
                return self.seq_compare(op, &x.items, &y.items).map(Some);
            }
            (List(x), List(y)) => {
                let (x, y) = (x.snapshot(), y.snapshot());
                return self.seq_compare(op, &x, &y).map(Some);
            }
            (Set(x), Set(y)) => {
                let (sub, sup) = (self.is_subset(x, y)?, self.is_subset(y, x)?);
                return Ok(Some(match op {
                    CmpOp::Eq => sub && sup,
                    CmpOp::Ne => !(sub && sup),
                    CmpOp::Le => sub,
                    CmpOp::Lt => sub && !sup,
                    CmpOp::Ge => sup,
                    CmpOp::Gt => sup && !sub,
                    _ => false,
                }));
            }
            (Iter(_), Set(_) | Iter(_)) | (Set(_), Iter(_))
                if self.set_like_view(a) || self.set_like_view(b) =>
            {
                // Keys and items views compare as the sets of their elements.
                let as_set = |v: &Value| -> PyResult<Value> {
                    if let Set(_) = v {
                        return Ok(v.clone());
                    }
                    let s = crate::script::object::Set::new(false);
                    s.update(self, v)?;
                    Ok(Set(Rc::new(s)))
                };
                let (x, y) = (as_set(a)?, as_set(b)?);
                return self.builtin_compare(op, &x, &y);
            }
            (Method(x), Method(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                // Bound methods are equal when they bind the same object to equal functions.
                let eq = x.receiver.is(&y.receiver) && self.eq(&x.func, &y.func)?;
                return Ok(Some(eq == (op == CmpOp::Eq)));
            }
            (Dict(x), Dict(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let eq = self.dict_eq(x, y)?;
                return Ok(Some(eq == (op == CmpOp::Eq)));
            }
            (Slice(x), Slice(y)) => {
                // Slices compare as (start, stop, step) tuples.
                let a = [x.start.clone(), x.stop.clone(), x.step.clone()];
                let b = [y.start.clone(), y.stop.clone(), y.step.clone()];
                return self.seq_compare(op, &a, &b).map(Some);
            }
            (Range(x), Range(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let same = x.len() == y.len()
                    && (x.is_empty() || (x.start == y.start && (x.len() == 1 || x.step == y.step)));
                return Ok(Some(same == (op == CmpOp::Eq)));
            }
            _ => {
                return Ok(match op {
                    CmpOp::Eq => Some(a.is(b) || native_eq(a, b).unwrap_or(false)),
                    CmpOp::Ne => Some(!(a.is(b) || native_eq(a, b).unwrap_or(false))),
                    _ => Option::None,
                })
            }
        };
        Ok(Some(match ord {
            Option::None => op == CmpOp::Ne,
            Some(o) => match op {
                CmpOp::Lt => o == Ordering::Less,
                CmpOp::Le => o != Ordering::Greater,
                CmpOp::Eq => o == Ordering::Equal,
                CmpOp::Ne => o != Ordering::Equal,
                CmpOp::Gt => o == Ordering::Greater,
                CmpOp::Ge => o != Ordering::Less,
                _ => false,
            },
        }))
    }

    fn seq_compare(&self, op: CmpOp, x: &[Value], y: &[Value]) -> PyResult<bool> {
        for (p, q) in x.iter().zip(y.iter()) {
            if !self.eq(p, q)? {
                return match op {
                    CmpOp::Eq => Ok(false),
                    CmpOp::Ne => Ok(true),
                    _ => {
                        let r = self.compare(op, p, q)?;
                        self.truthy(&r)
                    }
                };
            }
        }
        let o = x.len().cmp(&y.len());
        Ok(match op {
            CmpOp::Lt => o == Ordering::Less,
            CmpOp::Le => o != Ordering::Greater,
            CmpOp::Eq => o == Ordering::Equal,
            CmpOp::Ne => o != Ordering::Equal,
            CmpOp::Gt => o == Ordering::Greater,
            CmpOp::Ge => o != Ordering::Less,
            _ => false,
        })
    }

    fn is_subset(
        &self,
        x: &crate::script::object::Set,
        y: &crate::script::object::Set,
    ) -> PyResult<bool> {
        if x.len() > y.len() {
            return Ok(false);
        }
        for k in x.keys() {
            if !y.contains(self, &k)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn dict_eq(
        &self,
        x: &crate::script::object::Dict,
        y: &crate::script::object::Dict,
    ) -> PyResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        for (k, v) in x.entries() {
            match y.get(self, &k)? {
                Some(w) => {
                    if !self.eq(&v, &w)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    #[cold]
    fn rich_compare_dunder(&self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        let (name, reflected) = match op {
            CmpOp::Lt => ("__lt__", "__gt__"),
            CmpOp::Le => ("__le__", "__ge__"),
            CmpOp::Eq => ("__eq__", "__eq__"),
            CmpOp::Ne => ("__ne__", "__ne__"),
            CmpOp::Gt => ("__gt__", "__lt__"),
            CmpOp::Ge => ("__ge__", "__le__"),
            _ => unreachable!("membership and identity are handled before"),
        };
        if let Some(slots) = Self::number_slots(a, b) {
            let r = (slots.compare)(self, op, a, b)?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        let ta = self.types.type_of(a).clone();
        let tb = self.types.type_of(b).clone();
        let b_first = !Rc::ptr_eq(&ta, &tb) && tb.is_subtype(&ta);
        let order: [(&Value, &Value, &str); 2] = if b_first {
            [(b, a, reflected), (a, b, name)]
        } else {
            [(a, b, name), (b, a, reflected)]
        };
        for (x, y, n) in order {
            if let Some(m) = self.lookup_special(x, &Str::new(n)) {
                let r = self.call_bound(&m, x, std::slice::from_ref(y))?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            } else if let Value::Instance(i) = x {
                // Subclasses of built-in types compare as their built-in value.
                let base = i.base.borrow().clone();
                if !base.is_undefined() {
                    let other = match y {
                        Value::Instance(j) if !j.base.borrow().is_undefined() => {
                            j.base.borrow().clone()
                        }
                        y => y.clone(),
                    };
                    if let Some(r) = self.builtin_compare(op, &base, &other)? {
                        return Ok(Value::bool(if std::ptr::eq(x, a) {
                            r
                        } else {
                            self.flip(op, &other, &base)?
                        }));
                    }
                }
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::bool(a.is(b))),
            CmpOp::Ne => Ok(Value::bool(!a.is(b))),
            _ => Err(self.type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                self.type_name(a),
                self.type_name(b)
            ))),
        }
    }

    fn flip(&self, op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
        Ok(self.builtin_compare(op, a, b)?.unwrap_or(false))
    }

    /// `item in container`.
    pub fn contains(&self, container: &Value, item: &Value) -> PyResult<bool> {
        use Value::*;
        match container {
            List(l) => {
                let n = l.len();
                for i in 0..n {
                    let Some(x) = l.get(i) else { break };
                    if self.eq(&x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Tuple(t) => {
                for x in t.items.iter() {
                    if self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Dict(d) => d.contains(self, item),
            Set(s) => s.contains(self, item),
            Str(s) => match item {
                Str(sub) => Ok(s.as_str().contains(sub.as_str())),
                _ => Err(self.type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item)
                ))),
            },
            Bytes(b) => match item {
                Int(i) => Ok(b.data.borrow().contains(&(*i as u8))),
                Bytes(sub) => {
                    let hay = b.data.borrow();
                    let needle = sub.data.borrow();
                    Ok(needle.is_empty()
                        || hay.windows(needle.len()).any(|w| w == needle.as_slice()))
                }
                _ => Err(self.type_error("a bytes-like object is required")),
            },
            Range(r) if r.big.is_some() => match (&r.big, num::to_big(item)) {
                (Some(b), Some(x)) if !matches!(item, Float(_)) => Ok(b.contains(&x)),
                _ => self.contains_by_iter(container, item),
            },
            Range(r) => match item {
                Int(i) => {
                    let i = *i;
                    let in_bounds = if r.step > 0 {
                        i >= r.start && i < r.stop
                    } else {
                        i <= r.start && i > r.stop
                    };
                    Ok(in_bounds && (i - r.start) % r.step == 0)
                }
                _ => self.contains_by_iter(container, item),
            },
            Instance(_) | Opaque(_) => {
                if let Some(m) = self.lookup_special(container, &self.names.contains) {
                    let r = self.call_bound(&m, container, std::slice::from_ref(item))?;
                    return self.truthy(&r);
                }
                if let Instance(i) = container {
                    let base = i.base.borrow().clone();
                    if !base.is_undefined() {
                        return self.contains(&base, item);
                    }
                }
                self.contains_by_iter(container, item)
            }
            _ => self.contains_by_iter(container, item),
        }
    }

    fn contains_by_iter(&self, container: &Value, item: &Value) -> PyResult<bool> {
        let it = self.iter(container).map_err(|_| {
            self.type_error(format!(
                "argument of type '{}' is not iterable",
                self.type_name(container)
            ))
        })?;
        while let Some(x) = self.next(&it)? {
            if self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `a op b`.
    pub fn binary(&self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        self.binary_for(op, a, b, false)
    }

    /// [`Vm::binary`], for `a op= b` (`inplace`) when no in-place form applied: only the
    /// error names the operator differently.
    fn binary_for(&self, op: BinOp, a: &Value, b: &Value, inplace: bool) -> PyResult<Value> {
        // Two strings joined (`"k" + str(i)`) before the tests for numbers and the table of
        // built-in operations: they cost a third as much as the joining itself.
        if let (BinOp::Add, Value::Str(x), Value::Str(y)) = (op, a, b) {
            return Ok(Value::Str(Rc::new(crate::script::object::Str::concat(
                x, y,
            ))));
        }
        if let Some(r) = bool_logic(op, a, b) {
            return Ok(r);
        }
        if let (Some(x), Some(y)) = (Num::of(a), Num::of(b)) {
            if let Some(r) = num::arith(self, op, &x, &y) {
                return r;
            }
        }
        if let Some(r) = self.builtin_binary(op, a, b)? {
            return Ok(r);
        }
        self.binary_dunder(op, a, b, inplace)
    }

    /// `a op b` when the built-in types of `a` and `b` implement it; `None` when special
    /// methods would have to decide.
    pub fn try_builtin_binary(&self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        if let Some(r) = bool_logic(op, a, b) {
            return Ok(Some(r));
        }
        if let (Some(x), Some(y)) = (Num::of(a), Num::of(b)) {
            if let Some(r) = num::arith(self, op, &x, &y) {
                return r.map(Some);
            }
        }
        self.builtin_binary(op, a, b)
    }

    /// `divmod(x, y)` of two numbers: floor quotient and remainder. With a float operand a
    /// zero divisor names divmod, as CPython's float_divmod does.
    pub fn number_divmod(&self, x: &Value, y: &Value) -> PyResult<Value> {
        let any_float = matches!(x, Value::Float(_)) || matches!(y, Value::Float(_));
        let zero = matches!(
            y,
            Value::Int(0) | Value::Bool(crate::script::object::B64::FALSE)
        ) || matches!(y, Value::Float(d) if d.get() == 0.0);
        if any_float && zero {
            return Err(self.zero_division("float divmod()"));
        }
        let q = self.binary(BinOp::FloorDiv, x, y)?;
        let r = self.binary(BinOp::Mod, x, y)?;
        Ok(Value::tuple(vec![q, r]))
    }

    /// `a op= b`: the in-place dunder first, then the ordinary operator.
    pub fn inplace(&self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        match (op, a) {
            (BinOp::Add, Value::List(l)) => {
                let items = match b {
                    Value::List(other) => other.snapshot(),
                    _ => self.collect(b)?,
                };
                l.extend(items);
                return Ok(a.clone());
            }
            (BinOp::Mul, Value::List(l)) => {
                let n = self.to_index(b)?;
                let items = l.snapshot();
                // Repeats of its own items: nothing new for the collector.
                let mut v = l.rearrange();
                if n <= 0 {
                    v.clear();
                } else {
                    for _ in 1..n {
                        v.extend(items.iter().cloned());
                    }
                }
                drop(v);
                return Ok(a.clone());
            }
            (BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor, Value::Set(s)) if !s.frozen => {
                if let Value::Set(_) = b {
                    match op {
                        BinOp::Or => s.update(self, b)?,
                        BinOp::And => s.intersection_update(self, b)?,
                        BinOp::Sub => s.difference_update(self, b)?,
                        _ => s.symmetric_difference_update(self, b)?,
                    }
                    return Ok(a.clone());
                }
            }
            (BinOp::Or, Value::Dict(d)) => {
                self.dict_update(d, b)?;
                return Ok(a.clone());
            }
            // Number slots serve the in-place forms too.
            (_, Value::Opaque(o)) if o.class.number.get().is_some() => {}
            (_, Value::Instance(_) | Value::Opaque(_)) => {
                let (_, _, iname) = op.dunders();
                if let Some(m) = self.lookup_special(a, &Str::new(iname)) {
                    let r = self.call_bound(&m, a, std::slice::from_ref(b))?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                }
            }
            _ => {}
        }
        self.binary_for(op, a, b, true)
    }

    fn builtin_binary(&self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        use Value::*;
        Ok(Some(match (op, a, b) {
            (BinOp::Add, Str(x), Str(y)) => Str(Rc::new(crate::script::object::Str::concat(x, y))),
            (BinOp::Add, List(x), List(y)) => {
                let mut v = x.snapshot();
                v.extend(y.borrow().iter().cloned());
                Value::list(v)
            }
            (BinOp::Add, Tuple(x), Tuple(y)) => {
                let mut v = x.items.to_vec();
                v.extend(y.items.iter().cloned());
                Value::tuple(v)
            }
            (BinOp::Add, Bytes(x), Bytes(y)) => {
                let mut v = x.data.borrow().clone();
                v.extend_from_slice(&y.data.borrow());
                Value::Bytes(Rc::new(crate::script::object::Bytes::new(v, x.mutable)))
            }
            (BinOp::Mul, Str(_) | List(_) | Tuple(_) | Bytes(_), Int(_) | Bool(_)) => {
                return self.repeat(a, self.to_index(b)?).map(Some)
            }
            (BinOp::Mul, Int(_) | Bool(_), Str(_) | List(_) | Tuple(_) | Bytes(_)) => {
                return self.repeat(b, self.to_index(a)?).map(Some)
            }
            (BinOp::Mod, Str(fmt), _) => Value::string(self.percent_format(fmt.as_str(), b)?),
            (BinOp::Mod, Bytes(fmt), _) => {
                let data = fmt.data.borrow().clone();
                let out = self.bytes_percent_format(&data, b)?;
                Value::Bytes(Rc::new(crate::script::object::Bytes::new(out, fmt.mutable)))
            }
            (BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor, Set(x), Set(_)) => {
                Set(Rc::new(self.set_binary(op, x, b)?))
            }
            (BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor, Iter(_), _)
            | (BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor, _, Iter(_))
                if self.set_like_view(a) || self.set_like_view(b) =>
            {
                return self.view_binary(op, a, b);
            }
            (BinOp::Or, Dict(x), Dict(_)) => {
                let d = Rc::new(crate::script::object::Dict::from_table(x.copy()));
                self.dict_update(&d, b)?;
                Dict(d)
            }
            _ => return Ok(Option::None),
        }))
    }

    /// Whether `v` is a `dict_keys` or `dict_items` view (they behave as sets).
    fn set_like_view(&self, v: &Value) -> bool {
        match v {
            Value::Iter(it) => matches!(
                &*it.state.borrow(),
                super::iter::IterState::View {
                    part: super::iter::DictPart::Keys | super::iter::DictPart::Items,
                    ..
                }
            ),
            _ => false,
        }
    }

    /// Set operators with a dict view on either side: the left operand made a set, then
    /// updated with the right one (CPython's `dictviews_or` and friends).
    fn view_binary(&self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        use crate::script::object::Set;
        if op == BinOp::And {
            // `_PyDictView_Intersect`: the view is `this`, the other operand is iterated.
            let (this, other) = if self.set_like_view(a) {
                (a, b)
            } else {
                (b, a)
            };
            if let Value::Set(s) = other {
                if self.len(this)? <= s.len() {
                    let view = Set::new(false);
                    view.update(self, this)?;
                    return Ok(Some(Value::Set(Rc::new(
                        s.intersection(self, &Value::Set(Rc::new(view)))?.unfrozen(),
                    ))));
                }
            }
            let out = Set::new(false);
            for k in self.collect(other)? {
                if self.contains(this, &k)? {
                    out.insert(self, k, Value::None)?;
                }
            }
            return Ok(Some(Value::Set(Rc::new(out))));
        }
        let out = Set::new(false);
        out.update(self, a)?;
        match op {
            BinOp::Or => out.update(self, b)?,
            BinOp::Sub => out.difference_update(self, b)?,
            _ => out.symmetric_difference_update(self, b)?,
        }
        Ok(Some(Value::Set(Rc::new(out))))
    }

    /// `x | y`, `x & y`, `x - y`, `x ^ y` for a set `x` and an iterable `y`.
    pub fn set_binary(
        &self,
        op: BinOp,
        x: &crate::script::object::Set,
        y: &Value,
    ) -> PyResult<crate::script::object::Set> {
        match op {
            BinOp::Or => x.union(self, y),
            BinOp::And => x.intersection(self, y),
            BinOp::Sub => x.difference(self, y),
            _ => x.symmetric_difference(self, y),
        }
    }

    fn repeat(&self, seq: &Value, n: i64) -> PyResult<Value> {
        let n = n.max(0) as usize;
        let unit = match seq {
            Value::Str(s) => s.as_str().len(),
            Value::List(l) => l.len() * std::mem::size_of::<Value>(),
            Value::Tuple(t) => t.len() * std::mem::size_of::<Value>(),
            Value::Bytes(b) => b.data.borrow().len(),
            _ => 0,
        };
        // A result that cannot be allocated is a MemoryError, never an abort.
        let bytes = unit
            .checked_mul(n)
            .filter(|&b| b <= MAX_ALLOCATION)
            .ok_or_else(|| self.new_error(&self.types.memory_error, ""))?;
        let mut probe: Vec<u8> = Vec::new();
        probe
            .try_reserve_exact(bytes)
            .map_err(|_| self.new_error(&self.types.memory_error, ""))?;
        drop(probe);
        Ok(match seq {
            Value::Str(s) => Value::string(s.as_str().repeat(n)),
            Value::List(l) => {
                let items = l.snapshot();
                let mut v = Vec::with_capacity(items.len() * n);
                for _ in 0..n {
                    v.extend(items.iter().cloned());
                }
                Value::list(v)
            }
            Value::Tuple(t) => {
                let mut v = Vec::with_capacity(t.len() * n);
                for _ in 0..n {
                    v.extend(t.items.iter().cloned());
                }
                Value::tuple(v)
            }
            Value::Bytes(b) => Value::Bytes(Rc::new(crate::script::object::Bytes::new(
                b.data.borrow().repeat(n),
                b.mutable,
            ))),
            _ => return Err(self.type_error("can't multiply sequence")),
        })
    }

    /// The number slots of a native module's type, on whichever side it is.
    #[inline]
    fn number_slots(a: &Value, b: &Value) -> Option<crate::script::object::class::NumberSlots> {
        let slots = |v: &Value| match v {
            Value::Opaque(o) => o.class.number.get(),
            _ => None,
        };
        slots(a).or_else(|| slots(b))
    }

    #[cold]
    fn binary_dunder(&self, op: BinOp, a: &Value, b: &Value, inplace: bool) -> PyResult<Value> {
        if let Some(slots) = Self::number_slots(a, b) {
            let r = (slots.binary)(self, op, a, b)?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        let (name, rname, _) = op.dunders();
        let ta = self.types.type_of(a).clone();
        let tb = self.types.type_of(b).clone();
        let same = Rc::ptr_eq(&ta, &tb);
        let b_first = !same && tb.is_subtype(&ta) && tb.lookup(&Str::new(rname)).is_some();
        let attempts = if b_first {
            [Some((b, a, rname)), Some((a, b, name))]
        } else {
            [Some((a, b, name)), (!same).then_some((b, a, rname))]
        };
        for (x, y, n) in attempts.into_iter().flatten() {
            if let Some(m) = self.lookup_special(x, &Str::new(n)) {
                let r = self.call_bound(&m, x, std::slice::from_ref(y))?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        // Subclasses of built-in types operate as their built-in value.
        let unwrap = |v: &Value| match v {
            Value::Instance(i) if !i.base.borrow().is_undefined() => Some(i.base.borrow().clone()),
            _ => None,
        };
        match (unwrap(a), unwrap(b)) {
            (Some(x), Some(y)) => return self.binary(op, &x, &y),
            (Some(x), None) => return self.binary(op, &x, b),
            (None, Some(y)) => return self.binary(op, a, &y),
            _ => {}
        }
        Err(self.operand_error(op, a, b, inplace))
    }

    /// The TypeError for an operator its operands do not support, worded as CPython's.
    #[cold]
    pub fn binary_error(&self, op: BinOp, a: &Value, b: &Value) -> super::Exc {
        self.operand_error(op, a, b, false)
    }

    /// [`Vm::binary_error`], or for `a op= b` when `inplace` (`+=` in the message).
    #[cold]
    fn operand_error(&self, op: BinOp, a: &Value, b: &Value, inplace: bool) -> super::Exc {
        if op == BinOp::Pow && !inplace {
            return self.type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
                self.type_name(a),
                self.type_name(b)
            ));
        }
        if op == BinOp::Add {
            if let (Value::Str(_), _) = (a, b) {
                return self.type_error(format!(
                    "can only concatenate str (not \"{}\") to str",
                    self.type_name(b)
                ));
            }
            if let (Value::List(_), _) = (a, b) {
                return self.type_error(format!(
                    "can only concatenate list (not \"{}\") to list",
                    self.type_name(b)
                ));
            }
            if let (Value::Bytes(_), _) = (a, b) {
                return self.type_error(format!(
                    "can't concat {} to {}",
                    self.type_name(b),
                    self.type_name(a)
                ));
            }
            if let (Value::Tuple(_), _) = (a, b) {
                return self.type_error(format!(
                    "can only concatenate tuple (not \"{}\") to tuple",
                    self.type_name(b)
                ));
            }
        }
        if op == BinOp::Mul {
            let sequence = |v: &Value| {
                matches!(
                    v,
                    Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_)
                )
            };
            let int = |v: &Value| matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_));
            let non_int = if sequence(a) && !int(b) {
                Some(b)
            } else if sequence(b) && !int(a) {
                Some(a)
            } else {
                None
            };
            if let Some(other) = non_int {
                return self.type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    self.type_name(other)
                ));
            }
        }
        self.type_error(format!(
            "unsupported operand type(s) for {}{}: '{}' and '{}'",
            if op == BinOp::Pow { "**" } else { op.symbol() },
            if inplace { "=" } else { "" },
            self.type_name(a),
            self.type_name(b)
        ))
    }

    /// Unary operators.
    pub fn unary(&self, op: UnaryOp, v: &Value) -> PyResult<Value> {
        use Value::*;
        Ok(match (op, v) {
            (UnaryOp::Not, _) => Value::bool(!self.truthy(v)?),
            (UnaryOp::Neg, Int(i)) => match i.checked_neg() {
                Some(n) => Int(n),
                Option::None => Value::from_bigint(-num_bigint::BigInt::from(*i)),
            },
            (UnaryOp::Neg, Bool(b)) => Int(-(b.get() as i64)),
            (UnaryOp::Neg, BigInt(b)) => Value::from_bigint(-(**b).clone()),
            (UnaryOp::Neg, Float(f)) => Value::float(-f.get()),
            (UnaryOp::Pos, Int(_) | BigInt(_) | Float(_)) => v.clone(),
            (UnaryOp::Pos, Bool(b)) => Int(b.get() as i64),
            (UnaryOp::Invert, Int(i)) => Int(!i),
            (UnaryOp::Invert, Bool(b)) => Int(!(b.get() as i64)),
            (UnaryOp::Invert, BigInt(b)) => Value::from_bigint(-(**b).clone() - 1),
            _ => {
                let name = match op {
                    UnaryOp::Neg => "__neg__",
                    UnaryOp::Pos => "__pos__",
                    UnaryOp::Invert => "__invert__",
                    UnaryOp::Not => unreachable!("handled above"),
                };
                if let Some(m) = self.lookup_special(v, &crate::script::object::Str::new(name)) {
                    return self.call_bound(&m, v, &[]);
                }
                if let Instance(i) = v {
                    let base = i.base.borrow().clone();
                    if !base.is_undefined() {
                        return self.unary(op, &base);
                    }
                }
                let sym = match op {
                    UnaryOp::Neg => "-",
                    UnaryOp::Pos => "+",
                    _ => "~",
                };
                return Err(self.type_error(format!(
                    "bad operand type for unary {sym}: '{}'",
                    self.type_name(v)
                )));
            }
        })
    }

    /// `operator.index(v)` as i64.
    pub fn to_index(&self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(b.get() as i64),
            Value::BigInt(_) => {
                Err(self.index_error("cannot fit 'int' into an index-sized integer"))
            }
            Value::Instance(_) => {
                if let Some(m) = self.lookup_special(v, &self.names.index) {
                    let r = self.call_bound(&m, v, &[])?;
                    return self.to_index(&r);
                }
                Err(self.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    self.type_name(v)
                )))
            }
            _ => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(v)
            ))),
        }
    }

    /// An int argument of any size: an int itself, or what `__index__` gives. The errors
    /// are [`Vm::to_index`]'s.
    pub fn to_big_index(&self, v: &Value) -> PyResult<num_bigint::BigInt> {
        match super::num::to_big(v) {
            Some(b) => Ok(b),
            None => self.to_index(v).map(num_bigint::BigInt::from),
        }
    }

    /// `dict.update(src)` semantics: a mapping or an iterable of pairs.
    pub fn dict_update(&self, d: &crate::script::object::Dict, src: &Value) -> PyResult<()> {
        match src {
            Value::Dict(s) => {
                for (k, v) in s.entries() {
                    d.insert(self, k, v)?;
                }
            }
            _ => {
                if self.has_attr(src, "keys")? {
                    let keys = self.call_method(src, "keys", &[])?;
                    for k in self.collect(&keys)? {
                        let v = self.get_item(src, &k)?;
                        d.insert(self, k, v)?;
                    }
                    return Ok(());
                }
                let it = self.iter(src)?;
                let mut n = 0;
                while let Some(item) = self.next(&it)? {
                    let pair = self.collect(&item).map_err(|_| {
                        self.type_error(format!(
                            "cannot convert dictionary update sequence element #{n} to a sequence"
                        ))
                    })?;
                    if pair.len() != 2 {
                        return Err(self.value_error(format!(
                            "dictionary update sequence element #{n} has length {}; 2 is required",
                            pair.len()
                        )));
                    }
                    let mut p = pair.into_iter();
                    let (k, v) = (p.next().unwrap_or_default(), p.next().unwrap_or_default());
                    d.insert(self, k, v)?;
                    n += 1;
                }
            }
        }
        Ok(())
    }
}

/// `&`, `|` and `^` of two bools give a bool (bool overrides int's operators).
#[inline]
fn bool_logic(op: BinOp, a: &Value, b: &Value) -> Option<Value> {
    let (Value::Bool(x), Value::Bool(y)) = (a, b) else {
        return None;
    };
    Some(Value::bool(match op {
        BinOp::And => x.get() & y.get(),
        BinOp::Or => x.get() | y.get(),
        BinOp::Xor => x.get() ^ y.get(),
        _ => return None,
    }))
}
