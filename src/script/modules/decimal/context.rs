//! Decimal contexts as scripts see them: `Context` objects, their live `flags` and `traps`
//! mappings, the signal exception classes, the thread's current context and
//! `localcontext`.
//!
//! A context's state is shared (`Rc<ContextData>`) between the `Context` object and the
//! mappings handed out for its flags and traps, so `ctx.traps[Overflow] = False` changes
//! the context itself, as in CPython.

use super::number::{Conds, Ctx, Rounding};
use super::{dec_value, state, to_decimal, State};
use crate::script::builtins::{kwarg, method, property};
use crate::script::object::misc::Opaque;
use crate::script::object::{Dict, Kwargs, Type, Value};
use crate::script::vm::{Exc, PyResult, Vm};
use std::cell::Cell;
use std::rc::Rc;

pub const MAX_PREC: i64 = 999_999_999_999_999_999;
pub const MAX_EMAX: i64 = 999_999_999_999_999_999;
pub const MIN_EMIN: i64 = -999_999_999_999_999_999;

/// The nine signals that have flags, in the order CPython lists a flags mapping and picks
/// the class of a raised exception, with the condition bits each one stands for.
pub const SIGNALS: [(&str, u32); 9] = [
    ("InvalidOperation", Conds::INVALID),
    ("FloatOperation", Conds::FLOAT_OPERATION),
    ("DivisionByZero", Conds::DIVISION_BY_ZERO),
    ("Overflow", Conds::OVERFLOW),
    ("Underflow", Conds::UNDERFLOW),
    ("Subnormal", Conds::SUBNORMAL),
    ("Inexact", Conds::INEXACT),
    ("Rounded", Conds::ROUNDED),
    ("Clamped", Conds::CLAMPED),
];

/// The conditions reported as `InvalidOperation`: a raised exception lists these first.
const CONDITIONS: [(&str, u32); 5] = [
    ("InvalidOperation", Conds::INVALID_OPERATION),
    ("ConversionSyntax", Conds::CONVERSION_SYNTAX),
    ("DivisionImpossible", Conds::DIVISION_IMPOSSIBLE),
    ("DivisionUndefined", Conds::DIVISION_UNDEFINED),
    ("InvalidContext", Conds::INVALID_CONTEXT),
];

/// The exception classes with their bases (earlier entries or built-in exceptions).
pub const CLASSES: [(&str, &[&str]); 14] = [
    ("DecimalException", &["ArithmeticError"]),
    ("Clamped", &["DecimalException"]),
    ("InvalidOperation", &["DecimalException"]),
    ("ConversionSyntax", &["InvalidOperation"]),
    ("DivisionByZero", &["DecimalException", "ZeroDivisionError"]),
    ("DivisionImpossible", &["InvalidOperation"]),
    (
        "DivisionUndefined",
        &["InvalidOperation", "ZeroDivisionError"],
    ),
    ("Inexact", &["DecimalException"]),
    ("InvalidContext", &["InvalidOperation"]),
    ("Rounded", &["DecimalException"]),
    ("Subnormal", &["DecimalException"]),
    ("Overflow", &["Inexact", "Rounded"]),
    ("Underflow", &["Inexact", "Rounded", "Subnormal"]),
    ("FloatOperation", &["DecimalException", "TypeError"]),
];

/// Creates the exception classes (as `class` statements would, for the multiple bases).
pub fn make_classes(vm: &Vm) -> PyResult<Vec<(&'static str, Rc<Type>)>> {
    let mut made: Vec<(&'static str, Rc<Type>)> = Vec::new();
    for (name, bases) in CLASSES {
        let bases = bases
            .iter()
            .map(|b| {
                made.iter()
                    .find(|(n, _)| n == b)
                    .map(|(_, t)| t.clone())
                    .or_else(|| vm.types.exceptions.get(b).cloned())
                    .map(Value::Type)
                    .ok_or_else(|| vm.runtime_error(format!("no exception class {b}")))
            })
            .collect::<PyResult<Vec<_>>>()?;
        let ns = Dict::new();
        ns.insert(vm, Value::str("__module__"), Value::str("decimal"))?;
        let class = vm.call(
            &Value::Type(vm.types.type_.clone()),
            &[Value::str(name), Value::tuple(bases), Value::dict(ns)],
            &[],
        )?;
        match class {
            Value::Type(t) => made.push((name, t)),
            _ => return Err(vm.runtime_error("type() did not make a class")),
        }
    }
    Ok(made)
}

/// A context's state.
pub struct ContextData {
    pub arith: Cell<Ctx>,
    pub capitals: Cell<bool>,
    /// The conditions raised since the flags were last cleared.
    pub flags: Cell<u32>,
    /// The conditions that raise an exception.
    pub traps: Cell<u32>,
}

impl ContextData {
    pub fn copy(&self) -> ContextData {
        ContextData {
            arith: self.arith.clone(),
            capitals: self.capitals.clone(),
            flags: self.flags.clone(),
            traps: self.traps.clone(),
        }
    }

    /// Records `conds` in the flags and raises the exception of the trapped ones, as
    /// CPython does after a whole operation: the class of the first trapped signal, listing
    /// every trapped condition.
    #[inline]
    pub fn signal(&self, vm: &Vm, conds: Conds) -> PyResult<()> {
        if conds.0 == 0 {
            return Ok(());
        }
        self.flags.set(self.flags.get() | conds.0);
        let trapped = conds.0 & self.traps.get();
        if trapped != 0 {
            return Err(trap_error(vm, trapped));
        }
        Ok(())
    }
}

#[cold]
fn trap_error(vm: &Vm, trapped: u32) -> Exc {
    let st = state();
    let listed: Vec<Value> = CONDITIONS
        .iter()
        .chain(&SIGNALS[1..])
        .filter(|(_, bits)| trapped & bits != 0)
        .map(|(name, _)| Value::Type(st.class(name)))
        .collect();
    let (first, _) = SIGNALS
        .iter()
        .find(|(_, bits)| trapped & bits != 0)
        .unwrap_or(&SIGNALS[0]);
    vm.new_exception(&st.class(first), vec![Value::list(listed)])
}

/// The data of a `Context` object.
pub fn context_data(vm: &Vm, v: &Value) -> PyResult<Rc<ContextData>> {
    v.downcast::<Rc<ContextData>>()
        .cloned()
        .ok_or_else(|| vm.type_error("argument must be a context"))
}

/// The context an operation uses: its `context=` argument if given, else the current one.
pub fn context_arg(vm: &Vm, v: Option<&Value>) -> PyResult<Rc<ContextData>> {
    match v {
        None | Some(Value::None) => Ok(state().current_data()),
        Some(v) => v
            .downcast::<Rc<ContextData>>()
            .cloned()
            .ok_or_else(|| vm.type_error("optional argument must be a context")),
    }
}

pub fn new_context(st: &State, data: ContextData) -> Value {
    Value::Opaque(Rc::new(Opaque {
        class: st.context.clone(),
        data: Box::new(Rc::new(data)),
    }))
}

/// `getcontext()`.
pub fn current(_vm: &Vm) -> Value {
    state().current.borrow().clone()
}

/// `setcontext(ctx)`: the three template contexts are installed as fresh copies with
/// clear flags, so that using them does not change the templates.
pub fn set_current(vm: &Vm, ctx: &Value) -> PyResult<()> {
    let st = state();
    let mut data = context_data(vm, ctx)?;
    let mut ctx = ctx.clone();
    if [&st.default, &st.basic, &st.extended]
        .iter()
        .any(|t| t.is(&ctx))
    {
        let copy = data.copy();
        copy.flags.set(0);
        ctx = new_context(&st, copy);
        data = context_data(vm, &ctx)?;
    }
    *st.current.borrow_mut() = ctx;
    *st.current_data.borrow_mut() = data;
    Ok(())
}

fn int_setting(vm: &Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(b.get() as i64),
        Value::BigInt(_) => Ok(i64::MAX),
        _ => Err(vm.type_error("an integer is required")),
    }
}

/// The error for a rounding mode that is not one of the eight.
pub fn rounding_error(vm: &Vm) -> Exc {
    vm.type_error(
        "valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n   \
         ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]",
    )
}

/// Assigns one of the six settings, with CPython's checks and messages.
fn set_setting(vm: &Vm, data: &ContextData, name: &str, v: &Value) -> PyResult<()> {
    let mut a = data.arith.get();
    match name {
        "prec" => {
            let p = int_setting(vm, v)?;
            if !(1..=MAX_PREC).contains(&p) {
                return Err(vm.value_error("valid range for prec is [1, MAX_PREC]"));
            }
            a.prec = p;
        }
        "rounding" => {
            a.rounding = match v {
                Value::Str(s) => Rounding::from_name(s.as_str()),
                _ => None,
            }
            .ok_or_else(|| rounding_error(vm))?;
        }
        "Emin" => {
            let e = int_setting(vm, v)?;
            if !(MIN_EMIN..=0).contains(&e) {
                return Err(vm.value_error("valid range for Emin is [MIN_EMIN, 0]"));
            }
            a.emin = e;
        }
        "Emax" => {
            let e = int_setting(vm, v)?;
            if !(0..=MAX_EMAX).contains(&e) {
                return Err(vm.value_error("valid range for Emax is [0, MAX_EMAX]"));
            }
            a.emax = e;
        }
        "capitals" | "clamp" => {
            let b = int_setting(vm, v)?;
            if !(0..=1).contains(&b) {
                return Err(vm.value_error(format!("valid values for {name} are 0 or 1")));
            }
            if name == "capitals" {
                data.capitals.set(b == 1);
            } else {
                a.clamp = b == 1;
            }
        }
        _ => {
            return Err(vm.type_error(format!(
                "'{name}' is an invalid keyword argument for this function"
            )))
        }
    }
    data.arith.set(a);
    Ok(())
}

/// The condition bits of a signal class, or `None` for anything else.
fn signal_bits(v: &Value) -> Option<u32> {
    let Value::Type(t) = v else { return None };
    let st = state();
    SIGNALS
        .iter()
        .find(|(name, _)| Rc::ptr_eq(&st.class(name), t))
        .map(|(_, bits)| *bits)
}

/// The bits of a `flags=`/`traps=` argument: a list of signals or a dict of them to bools.
fn signal_set(vm: &Vm, v: &Value) -> PyResult<u32> {
    let mut bits = 0;
    if let Value::Dict(d) = v {
        for (k, on) in d.entries() {
            let b = signal_bits(&k).ok_or_else(|| invalid_signal_dict(vm))?;
            if vm.truthy(&on)? {
                bits |= b;
            }
        }
        return Ok(bits);
    }
    for s in vm.collect(v)? {
        bits |= signal_bits(&s).ok_or_else(|| vm.new_exception(&vm.types.key_error, vec![s]))?;
    }
    Ok(bits)
}

/// `Context(prec=None, rounding=None, Emin=None, Emax=None, capitals=None, clamp=None,
/// flags=None, traps=None)`: unset settings come from `DefaultContext`.
fn context_new(vm: &Vm, a: &[Value], k: Kwargs<'_>) -> PyResult<Value> {
    const NAMES: [&str; 8] = [
        "prec", "rounding", "Emin", "Emax", "capitals", "clamp", "flags", "traps",
    ];
    let st = state();
    let template = context_data(vm, &st.default)?;
    let data = template.copy();
    data.flags.set(0);
    let args = &a[1..];
    if args.len() > NAMES.len() {
        return Err(vm.type_error(format!(
            "Context() takes at most 8 arguments ({} given)",
            args.len()
        )));
    }
    for (k, _) in k {
        if !NAMES.contains(&k.as_str()) {
            return Err(vm.type_error(format!(
                "'{}' is an invalid keyword argument for this function",
                k.as_str()
            )));
        }
    }
    for (i, name) in NAMES.iter().enumerate() {
        let Some(v) = args.get(i).or_else(|| kwarg(k, name)) else {
            continue;
        };
        if v.is_none() {
            continue;
        }
        match *name {
            "flags" => data.flags.set(signal_set(vm, v)?),
            "traps" => data.traps.set(signal_set(vm, v)?),
            _ => set_setting(vm, &data, name, v)?,
        }
    }
    Ok(new_context(&st, data))
}

fn this(vm: &Vm, a: &[Value]) -> PyResult<Rc<ContextData>> {
    context_data(vm, a.first().unwrap_or(&Value::None))
}

/// The names of the signals set in `bits`, each once, in bit order.
fn listed_signals(bits: u32) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Vec::new();
    for bit in (0..32).map(|i| 1u32 << i).filter(|b| bits & b != 0) {
        if let Some((name, _)) = SIGNALS.iter().find(|(_, s)| s & bit != 0) {
            if !names.contains(name) {
                names.push(name);
            }
        }
    }
    names
}

fn context_repr(vm: &Vm, a: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let d = this(vm, a)?;
    let c = d.arith.get();
    Ok(Value::string(format!(
        "Context(prec={}, rounding={}, Emin={}, Emax={}, capitals={}, clamp={}, \
         flags=[{}], traps=[{}])",
        c.prec,
        c.rounding.name(),
        c.emin,
        c.emax,
        d.capitals.get() as u8,
        c.clamp as u8,
        listed_signals(d.flags.get()).join(", "),
        listed_signals(d.traps.get()).join(", ")
    )))
}

/// `ctx.flags` and `ctx.traps`: live mappings of the signals to bools.
pub struct SignalMap {
    context: Rc<ContextData>,
    traps: bool,
}

impl SignalMap {
    fn cell(&self) -> &Cell<u32> {
        if self.traps {
            &self.context.traps
        } else {
            &self.context.flags
        }
    }

    fn get(&self, bits: u32) -> bool {
        self.cell().get() & bits != 0
    }

    fn set(&self, bits: u32, on: bool) {
        let cell = self.cell();
        cell.set(if on {
            cell.get() | bits
        } else {
            cell.get() & !bits
        });
    }
}

fn signal_map<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a SignalMap> {
    v.downcast::<SignalMap>()
        .ok_or_else(|| vm.type_error("descriptor requires a 'SignalDict' object"))
}

fn signal_key(vm: &Vm, k: &Value) -> PyResult<u32> {
    signal_bits(k).ok_or_else(|| {
        let msg = "valid values for signals are:\n  [InvalidOperation, FloatOperation, \
                   DivisionByZero,\n   Overflow, Underflow, Subnormal, Inexact, Rounded,\n   \
                   Clamped]";
        vm.new_exception(&vm.types.key_error, vec![Value::str(msg)])
    })
}

/// `ctx.flags = mapping` and `ctx.traps = mapping`: another context's mapping, or a dict
/// of every signal to a bool.
fn assign_signals(vm: &Vm, a: &[Value], traps: bool) -> PyResult<Value> {
    let d = this(vm, a)?;
    let v = a.get(1).unwrap_or(&Value::None);
    let bits = match v {
        Value::Dict(dict) => {
            if dict.len() != SIGNALS.len() {
                return Err(invalid_signal_dict(vm));
            }
            let mut bits = 0;
            for (k, on) in dict.entries() {
                let b = signal_bits(&k).ok_or_else(|| invalid_signal_dict(vm))?;
                if vm.truthy(&on)? {
                    bits |= b;
                }
            }
            bits
        }
        other => {
            let m = signal_map(vm, other)
                .map_err(|_| vm.type_error("argument must be a signal dict"))?;
            SIGNALS
                .iter()
                .filter(|(_, b)| m.get(*b))
                .fold(0, |acc, (_, b)| acc | b)
        }
    };
    if traps {
        d.traps.set(bits);
    } else {
        d.flags.set(bits);
    }
    Ok(Value::None)
}

fn invalid_signal_dict(vm: &Vm) -> Exc {
    vm.new_exception(&vm.types.key_error, vec![Value::str("invalid signal dict")])
}

/// The mapping's `(signal, bool)` pairs in CPython's order.
fn signal_items(m: &SignalMap) -> Vec<(Value, Value)> {
    let st = state();
    SIGNALS
        .iter()
        .map(|(name, bits)| (Value::Type(st.class(name)), Value::bool(m.get(*bits))))
        .collect()
}

pub fn install_signal_map(t: &Rc<Type>) {
    method(t, "__getitem__", |vm, a, _| {
        let m = signal_map(vm, super::receiver(a))?;
        Ok(Value::bool(
            m.get(signal_key(vm, a.get(1).unwrap_or(&Value::None))?),
        ))
    });
    method(t, "__setitem__", |vm, a, _| {
        let m = signal_map(vm, super::receiver(a))?;
        let bits = signal_key(vm, a.get(1).unwrap_or(&Value::None))?;
        m.set(bits, vm.truthy(a.get(2).unwrap_or(&Value::None))?);
        Ok(Value::None)
    });
    method(t, "__contains__", |_, a, _| {
        Ok(Value::bool(a.get(1).and_then(signal_bits).is_some()))
    });
    method(t, "__len__", |_, _, _| Ok(Value::Int(SIGNALS.len() as i64)));
    method(t, "__iter__", |vm, a, _| {
        let keys = signal_items(signal_map(vm, super::receiver(a))?)
            .into_iter()
            .map(|(k, _)| k);
        vm.iter(&Value::list(keys.collect()))
    });
    method(t, "keys", |vm, a, _| {
        let keys = signal_items(signal_map(vm, super::receiver(a))?)
            .into_iter()
            .map(|(k, _)| k);
        Ok(Value::list(keys.collect()))
    });
    method(t, "values", |vm, a, _| {
        let values = signal_items(signal_map(vm, super::receiver(a))?)
            .into_iter()
            .map(|(_, v)| v);
        Ok(Value::list(values.collect()))
    });
    method(t, "items", |vm, a, _| {
        let items = signal_items(signal_map(vm, super::receiver(a))?)
            .into_iter()
            .map(|(k, v)| Value::tuple(vec![k, v]));
        Ok(Value::list(items.collect()))
    });
    method(t, "copy", |vm, a, _| {
        let d = Dict::new();
        for (k, v) in signal_items(signal_map(vm, super::receiver(a))?) {
            d.insert(vm, k, v)?;
        }
        Ok(Value::dict(d))
    });
    method(t, "get", |vm, a, _| {
        let m = signal_map(vm, super::receiver(a))?;
        Ok(match a.get(1).and_then(signal_bits) {
            Some(bits) => Value::bool(m.get(bits)),
            None => a.get(2).cloned().unwrap_or(Value::None),
        })
    });
    method(t, "__repr__", |vm, a, _| {
        let parts = signal_items(signal_map(vm, super::receiver(a))?)
            .into_iter()
            .map(|(k, v)| Ok(format!("{}:{}", vm.repr(&k)?, vm.repr(&v)?)))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(Value::string(format!("{{{}}}", parts.join(", "))))
    });
    method(t, "__eq__", |vm, a, _| {
        let m = signal_map(vm, super::receiver(a))?;
        let other = a.get(1).unwrap_or(&Value::None);
        if let Ok(o) = signal_map(vm, other) {
            return Ok(Value::bool(
                SIGNALS.iter().all(|(_, b)| m.get(*b) == o.get(*b)),
            ));
        }
        let Value::Dict(d) = other else {
            return Ok(Value::NotImplemented);
        };
        if d.len() != SIGNALS.len() {
            return Ok(Value::bool(false));
        }
        for (k, v) in signal_items(m) {
            match d.get(vm, &k)? {
                Some(x) if vm.eq(&x, &v)? => {}
                _ => return Ok(Value::bool(false)),
            }
        }
        Ok(Value::bool(true))
    });
}

fn signals_of(vm: &Vm, a: &[Value], traps: bool) -> PyResult<Value> {
    let st = state();
    Ok(Value::Opaque(Rc::new(Opaque {
        class: st.signal_map.clone(),
        data: Box::new(SignalMap {
            context: this(vm, a)?,
            traps,
        }),
    })))
}

/// The setting properties, the template methods and the operations of `Context`.
pub fn install_context(t: &Rc<Type>) {
    method(t, "__new__", context_new);
    method(t, "__repr__", context_repr);
    macro_rules! setting {
        ($name:literal, $get:expr) => {
            property(
                t,
                $name,
                |vm, a, _| {
                    let d = this(vm, a)?;
                    #[allow(clippy::redundant_closure_call)]
                    Ok(($get)(&d))
                },
                Some(|vm, a, _| {
                    let d = this(vm, a)?;
                    set_setting(vm, &d, $name, a.get(1).unwrap_or(&Value::None))?;
                    Ok(Value::None)
                }),
                None,
            );
        };
    }
    setting!("prec", |d: &ContextData| Value::Int(d.arith.get().prec));
    setting!("rounding", |d: &ContextData| Value::str(
        d.arith.get().rounding.name()
    ));
    setting!("Emin", |d: &ContextData| Value::Int(d.arith.get().emin));
    setting!("Emax", |d: &ContextData| Value::Int(d.arith.get().emax));
    setting!("capitals", |d: &ContextData| Value::Int(
        d.capitals.get() as i64
    ));
    setting!("clamp", |d: &ContextData| Value::Int(
        d.arith.get().clamp as i64
    ));
    property(
        t,
        "flags",
        |vm, a, _| signals_of(vm, a, false),
        Some(|vm, a, _| assign_signals(vm, a, false)),
        None,
    );
    property(
        t,
        "traps",
        |vm, a, _| signals_of(vm, a, true),
        Some(|vm, a, _| assign_signals(vm, a, true)),
        None,
    );
    method(t, "Etiny", |vm, a, _| {
        Ok(Value::Int(this(vm, a)?.arith.get().etiny()))
    });
    method(t, "Etop", |vm, a, _| {
        Ok(Value::Int(this(vm, a)?.arith.get().etop()))
    });
    method(t, "radix", |_, _, _| {
        Ok(dec_value(super::number::Dec::from_i64(10)))
    });
    method(t, "clear_flags", |vm, a, _| {
        this(vm, a)?.flags.set(0);
        Ok(Value::None)
    });
    method(t, "clear_traps", |vm, a, _| {
        this(vm, a)?.traps.set(0);
        Ok(Value::None)
    });
    let copy: crate::script::object::NativeFn =
        |vm, a, _| Ok(new_context(&state(), this(vm, a)?.copy()));
    method(t, "copy", copy);
    method(t, "__copy__", copy);
    method(t, "__reduce__", |vm, a, _| {
        let d = this(vm, a)?;
        let c = d.arith.get();
        let st = state();
        let names = |bits: u32| {
            Value::list(
                listed_signals(bits)
                    .into_iter()
                    .map(|n| Value::Type(st.class(n)))
                    .collect(),
            )
        };
        Ok(Value::tuple(vec![
            Value::Type(st.context.clone()),
            Value::tuple(vec![
                Value::Int(c.prec),
                Value::str(c.rounding.name()),
                Value::Int(c.emin),
                Value::Int(c.emax),
                Value::Int(d.capitals.get() as i64),
                Value::Int(c.clamp as i64),
                names(d.flags.get()),
                names(d.traps.get()),
            ]),
        ]))
    });
    method(t, "create_decimal", |vm, a, _| {
        let d = this(vm, a)?;
        let v = a.get(1).cloned().unwrap_or_else(|| Value::str("0"));
        super::create_decimal(vm, &d, &v)
    });
    method(t, "create_decimal_from_float", |vm, a, _| {
        let d = this(vm, a)?;
        let f = a.get(1).unwrap_or(&Value::None);
        let exact = match f {
            Value::Float(x) => super::number::Dec::from_f64(x.get()),
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => to_decimal(vm, f, true)?,
            other => {
                return Err(vm.type_error(format!(
                    "argument must be int or float, not {}",
                    vm.type_name(other)
                )))
            }
        };
        let mut conds = Conds::default();
        let r = exact.fix(&d.arith.get(), &mut conds);
        d.signal(vm, conds)?;
        Ok(dec_value(r))
    });
}

/// `localcontext()`'s manager: installs a copy of the context for a `with` block.
struct Manager {
    new: Value,
    saved: std::cell::RefCell<Value>,
}

fn manager<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Manager> {
    v.downcast::<Manager>()
        .ok_or_else(|| vm.type_error("descriptor requires a 'ContextManager' object"))
}

pub fn install_manager(t: &Rc<Type>) {
    method(t, "__enter__", |vm, a, _| {
        let m = manager(vm, super::receiver(a))?;
        *m.saved.borrow_mut() = current(vm);
        set_current(vm, &m.new)?;
        Ok(m.new.clone())
    });
    method(t, "__exit__", |vm, a, _| {
        let m = manager(vm, super::receiver(a))?;
        let saved = std::mem::replace(&mut *m.saved.borrow_mut(), Value::None);
        set_current(vm, &saved)?;
        Ok(Value::None)
    });
}

/// `localcontext(ctx=None, **kwargs)`.
pub fn localcontext(vm: &Vm, a: &[Value], k: Kwargs<'_>) -> PyResult<Value> {
    let st = state();
    let base = match a.first().or_else(|| kwarg(k, "ctx")) {
        None | Some(Value::None) => st.current_data(),
        Some(v) => {
            context_data(vm, v).map_err(|_| vm.type_error("optional argument must be a context"))?
        }
    };
    let data = base.copy();
    for (name, v) in k {
        match name.as_str() {
            "ctx" => {}
            "flags" => data.flags.set(signal_set(vm, v)?),
            "traps" => data.traps.set(signal_set(vm, v)?),
            other => set_setting(vm, &data, other, v)?,
        }
    }
    Ok(Value::Opaque(Rc::new(Opaque {
        class: st.manager.clone(),
        data: Box::new(Manager {
            new: new_context(&st, data),
            saved: std::cell::RefCell::new(Value::None),
        }),
    })))
}

/// The three template contexts: DefaultContext, BasicContext, ExtendedContext.
pub fn templates(st_context: &Rc<Type>) -> [Value; 3] {
    let make = |prec, rounding, traps| {
        Value::Opaque(Rc::new(Opaque {
            class: st_context.clone(),
            data: Box::new(Rc::new(ContextData {
                arith: Cell::new(Ctx {
                    prec,
                    rounding,
                    emin: -999_999,
                    emax: 999_999,
                    clamp: false,
                }),
                capitals: Cell::new(true),
                flags: Cell::new(0),
                traps: Cell::new(traps),
            })),
        }))
    };
    let default_traps = Conds::INVALID | Conds::DIVISION_BY_ZERO | Conds::OVERFLOW;
    [
        make(28, Rounding::HalfEven, default_traps),
        make(
            9,
            Rounding::HalfUp,
            default_traps | Conds::UNDERFLOW | Conds::CLAMPED,
        ),
        make(9, Rounding::HalfEven, 0),
    ]
}
