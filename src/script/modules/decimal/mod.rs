//! The `decimal` module: CPython 3.11's decimal arithmetic, native.
//!
//! The numbers and their arithmetic are plain Rust (`number`, `text`, `arith`,
//! `transcend`, `quantum`, `digits`, `format`: they never fail, and report what happened
//! as condition bits); this file and `context.rs` are the script surface: the `Decimal`
//! and `Context` types, operand conversion, and turning conditions into flags and trapped
//! exceptions. Decimal arithmetic reaches Rust through the type's number slots.

mod arith;
mod context;
mod digits;
mod format;
mod number;
mod quantum;
mod text;
mod transcend;

use crate::script::builtins::{class_method, kwarg, method, property};
use crate::script::compile::code::{BinOp, CmpOp};
use crate::script::object::class::{Layout, NumberSlots};
use crate::script::object::misc::Opaque;
use crate::script::object::{Kwargs, Module, Str, Type, Value};
use crate::script::vm::num::to_big;
use crate::script::vm::{PyResult, Vm};
use context::ContextData;
use num_bigint::BigUint;
use number::{Conds, Ctx, Dec, Kind, Rounding};
use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

/// The module's types and contexts, per thread (an interpreter is per thread).
pub struct State {
    pub decimal: Rc<Type>,
    pub context: Rc<Type>,
    pub signal_map: Rc<Type>,
    pub manager: Rc<Type>,
    classes: Vec<(&'static str, Rc<Type>)>,
    /// `DecimalTuple`, made on first use: it is a `collections.namedtuple`, and importing
    /// `collections` would double the cost of importing `decimal`.
    tuple_class: RefCell<Option<Value>>,
    module: RefCell<Option<Rc<Module>>>,
    pub default: Value,
    pub basic: Value,
    pub extended: Value,
    /// The thread's current context, and its data for the operations' quick access.
    pub current: RefCell<Value>,
    pub current_data: RefCell<Rc<ContextData>>,
}

impl State {
    /// A signal or condition class by name.
    pub fn class(&self, name: &str) -> Rc<Type> {
        self.classes
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| self.classes[0].1.clone())
    }

    pub fn current_data(&self) -> Rc<ContextData> {
        self.current_data.borrow().clone()
    }
}

thread_local! {
    static STATE: RefCell<Option<Rc<State>>> = const { RefCell::new(None) };
}

/// The module's state. Its types' objects exist only once the module has been created,
/// which sets the state first, and it is never removed.
pub fn state() -> Rc<State> {
    with_state(Rc::clone)
}

fn with_state<R>(f: impl FnOnce(&Rc<State>) -> R) -> R {
    STATE.with(|s| {
        f(s.borrow()
            .as_ref()
            .expect("the decimal module creates its state first"))
    })
}

/// A new `Decimal` object.
pub fn dec_value(d: Dec) -> Value {
    Value::Opaque(Rc::new(Opaque {
        class: with_state(|st| st.decimal.clone()),
        data: Box::new(d),
    }))
}

/// The current context's data, which every operation reads.
fn current_data() -> Rc<ContextData> {
    with_state(|st| st.current_data())
}

/// The number of a `Decimal` (or of an instance of a subclass).
fn dec_of(v: &Value) -> Option<Cow<'_, Dec>> {
    match v {
        Value::Instance(i) => i.base.borrow().downcast::<Dec>().cloned().map(Cow::Owned),
        _ => v.downcast::<Dec>().map(Cow::Borrowed),
    }
}

/// The receiver of a method call (None when a method is called with no arguments).
fn receiver(a: &[Value]) -> &Value {
    const NONE: &Value = &Value::None;
    a.first().unwrap_or(NONE)
}

fn this<'a>(vm: &Vm, a: &'a [Value]) -> PyResult<Cow<'a, Dec>> {
    a.first()
        .and_then(dec_of)
        .ok_or_else(|| vm.type_error("descriptor requires a 'decimal.Decimal' object"))
}

/// An operand of arithmetic: a Decimal or an int; `None` for other types.
fn operand(v: &Value) -> Option<Cow<'_, Dec>> {
    match v {
        Value::Int(i) => Some(Cow::Owned(Dec::from_i64(*i))),
        Value::Bool(b) => Some(Cow::Owned(Dec::from_i64(b.get() as i64))),
        Value::BigInt(b) => Some(Cow::Owned(Dec::from_bigint(b))),
        _ => dec_of(v),
    }
}

/// An operand of a named method or a Context method: a Decimal or an int, else TypeError.
fn strict<'a>(vm: &Vm, v: Option<&'a Value>) -> PyResult<Cow<'a, Dec>> {
    let v = v.unwrap_or(&Value::None);
    operand(v).ok_or_else(|| {
        vm.type_error(format!(
            "conversion from {} to Decimal is not supported",
            vm.type_name(v)
        ))
    })
}

/// `Decimal(v)` for the conversions that need no context: Decimals, ints and, when
/// `floats`, floats.
pub fn to_decimal(vm: &Vm, v: &Value, floats: bool) -> PyResult<Dec> {
    if let (Value::Float(f), true) = (v, floats) {
        return Ok(Dec::from_f64(f.get()));
    }
    strict(vm, Some(v)).map(Cow::into_owned)
}

/// Positional argument `i` or keyword `name` (None counts as absent).
fn param<'a>(a: &'a [Value], k: Kwargs<'a>, i: usize, name: &str) -> Option<&'a Value> {
    a.get(i).or_else(|| kwarg(k, name)).filter(|v| !v.is_none())
}

/// Runs an operation in `ctx` and signals what it raised.
#[inline]
fn run(vm: &Vm, ctx: &ContextData, op: impl FnOnce(&Ctx, &mut Conds) -> Dec) -> PyResult<Value> {
    let mut conds = Conds::default();
    let r = op(&ctx.arith.get(), &mut conds);
    ctx.signal(vm, conds)?;
    Ok(dec_value(r))
}

type Unary = fn(&Dec, &Ctx, &mut Conds) -> Dec;
/// A shared operation's operands, context and remaining arguments.
type Split<'a> = (Vec<Cow<'a, Dec>>, Rc<ContextData>, &'a [Value]);
type Binary = fn(&Dec, &Dec, &Ctx, &mut Conds) -> Dec;

/// Both operands of an operator as Decimals; `None` (NotImplemented) for other types.
fn operands<'a>(x: &'a Value, y: &'a Value) -> Option<(Cow<'a, Dec>, Cow<'a, Dec>)> {
    Some((operand(x)?, operand(y)?))
}

/// The operands of an operator dunder in operation order (swapped for `__radd__` etc.).
fn dunder_operands(a: &[Value], reflected: bool) -> (&Value, &Value) {
    let (x, y) = (receiver(a), a.get(1).unwrap_or(&Value::None));
    if reflected {
        (y, x)
    } else {
        (x, y)
    }
}

/// An arithmetic operator: operands of other types give NotImplemented.
fn operate(vm: &Vm, x: &Value, y: &Value, op: Binary) -> PyResult<Value> {
    let Some((x, y)) = operands(x, y) else {
        return Ok(Value::NotImplemented);
    };
    run(vm, &current_data(), |c, s| op(&x, &y, c, s))
}

/// An operator dunder (`__add__`, or `__radd__` when `reflected`).
fn operator(vm: &Vm, a: &[Value], op: Binary, reflected: bool) -> PyResult<Value> {
    let (x, y) = dunder_operands(a, reflected);
    operate(vm, x, y, op)
}

/// The binary number slot: every operator, with the operands in source order.
fn binary_slot(vm: &Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    let f: Binary = match op {
        BinOp::Add => Dec::add,
        BinOp::Sub => Dec::sub,
        BinOp::Mul => Dec::mul,
        BinOp::TrueDiv => Dec::div,
        BinOp::FloorDiv => Dec::div_int,
        BinOp::Mod => Dec::rem,
        BinOp::Pow => return pow_values(vm, a, b, None),
        _ => return Ok(Value::NotImplemented),
    };
    operate(vm, a, b, f)
}

/// The comparison number slot; a Decimal on the right compares reflected.
fn compare_slot(vm: &Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
    if dec_of(a).is_none() {
        let reflected = match op {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
            other => other,
        };
        return compare(vm, reflected, b, a);
    }
    compare(vm, op, a, b)
}

fn unary_operator(vm: &Vm, a: &[Value], op: Unary) -> PyResult<Value> {
    let x = this(vm, a)?;
    run(vm, &current_data(), |c, s| op(&x, c, s))
}

fn divmod_value(vm: &Vm, ctx: &ContextData, x: &Dec, y: &Dec) -> PyResult<Value> {
    let mut conds = Conds::default();
    let (q, r) = x.divmod(y, &ctx.arith.get(), &mut conds);
    ctx.signal(vm, conds)?;
    Ok(Value::tuple(vec![dec_value(q), dec_value(r)]))
}

fn divmod_operator(vm: &Vm, a: &[Value], reflected: bool) -> PyResult<Value> {
    let (x, y) = dunder_operands(a, reflected);
    let Some((x, y)) = operands(x, y) else {
        return Ok(Value::NotImplemented);
    };
    divmod_value(vm, &current_data(), &x, &y)
}

/// `x ** y` and `pow(x, y, m)` for the operator and its dunders.
fn pow_values(vm: &Vm, x: &Value, y: &Value, m: Option<&Value>) -> PyResult<Value> {
    let Some((x, y)) = operands(x, y) else {
        return Ok(Value::NotImplemented);
    };
    let m = match m.filter(|v| !v.is_none()) {
        Some(v) => match operand(v) {
            Some(m) => Some(m),
            None => return Ok(Value::NotImplemented),
        },
        None => None,
    };
    run(vm, &current_data(), |c, s| x.pow(&y, m.as_deref(), c, s))
}

fn pow_operator(vm: &Vm, a: &[Value], reflected: bool) -> PyResult<Value> {
    let (x, y) = dunder_operands(a, reflected);
    pow_values(vm, x, y, a.get(2))
}

/// The operand of a comparison: floats compare exactly, signalling FloatOperation
/// (which raises, when trapped, for orderings only: equality stays silent).
fn comparand<'a>(vm: &Vm, v: &'a Value, ordering: bool) -> PyResult<Option<Cow<'a, Dec>>> {
    if let Value::Float(f) = v {
        let ctx = current_data();
        if ordering {
            ctx.signal(vm, Conds(Conds::FLOAT_OPERATION))?;
        } else {
            ctx.flags.set(ctx.flags.get() | Conds::FLOAT_OPERATION);
        }
        return Ok(Some(Cow::Owned(Dec::from_f64(f.get()))));
    }
    Ok(operand(v))
}

/// `x op y` for a Decimal `x`.
fn compare(vm: &Vm, op: CmpOp, x: &Value, y: &Value) -> PyResult<Value> {
    let Some(x) = dec_of(x) else {
        return Ok(Value::NotImplemented);
    };
    let ordering = !matches!(op, CmpOp::Eq | CmpOp::Ne);
    let Some(y) = comparand(vm, y, ordering)? else {
        return Ok(Value::NotImplemented);
    };
    if !ordering && (x.kind == Kind::SNaN || y.kind == Kind::SNaN) {
        // Even equality with a signalling NaN is an invalid operation.
        current_data().signal(vm, Conds(Conds::INVALID_OPERATION))?;
    }
    let ord = x.cmp_num(&y);
    Ok(Value::bool(match (op, ord) {
        (CmpOp::Eq, _) => ord.is_some_and(|o| o.is_eq()),
        (CmpOp::Ne, _) => !ord.is_some_and(|o| o.is_eq()),
        (_, None) => {
            // An ordering with a NaN is an invalid operation (false when not trapped).
            state()
                .current_data()
                .signal(vm, Conds(Conds::INVALID_OPERATION))?;
            false
        }
        (CmpOp::Lt, Some(o)) => o.is_lt(),
        (CmpOp::Le, Some(o)) => o.is_le(),
        (CmpOp::Gt, Some(o)) => o.is_gt(),
        (CmpOp::Ge, Some(o)) => o.is_ge(),
        _ => return Ok(Value::NotImplemented),
    }))
}

fn compare_method(vm: &Vm, a: &[Value], op: CmpOp) -> PyResult<Value> {
    this(vm, a)?;
    compare(vm, op, receiver(a), a.get(1).unwrap_or(&Value::None))
}

/// `int(d)`: truncates; NaNs and infinities raise as CPython's.
fn to_int(vm: &Vm, d: &Dec) -> PyResult<Value> {
    match d.to_bigint() {
        Some(i) => Ok(Value::from_bigint(i)),
        None if d.is_nan() => Err(vm.value_error("cannot convert NaN to integer")),
        None => Err(vm.overflow_error("cannot convert Infinity to integer")),
    }
}

/// `d` rounded to an integral value by `rounding`, as an int (`round`, `floor`, `ceil`).
fn round_to_int(vm: &Vm, d: &Dec, rounding: Rounding) -> PyResult<Value> {
    if !d.is_finite() {
        // NaNs and infinities fail before any operation, so nothing is signalled.
        return to_int(vm, d);
    }
    let ctx = current_data();
    let mut conds = Conds::default();
    let r = d.to_integral_value(rounding, &ctx.arith.get(), &mut conds);
    ctx.signal(vm, conds)?;
    to_int(vm, &r)
}

/// `Decimal(value="0", context=None)`.
fn decimal_new(vm: &Vm, a: &[Value], k: Kwargs<'_>) -> PyResult<Value> {
    let value = param(a, k, 1, "value");
    let made = match value {
        None => Dec::zero(),
        Some(v) => {
            let ctx = || context::context_arg(vm, param(a, k, 2, "context"));
            match v {
                // Decimals are immutable: `Decimal(d)` is `d` itself.
                Value::Opaque(_) if dec_of(v).is_some() && is_decimal_class(a) => {
                    return Ok(v.clone())
                }
                Value::Str(s) => match parse_number(s.as_str(), true) {
                    Ok(d) => d,
                    Err(condition) => {
                        ctx()?.signal(vm, Conds(condition))?;
                        Dec::nan()
                    }
                },
                Value::Float(f) => {
                    ctx()?.signal(vm, Conds(Conds::FLOAT_OPERATION))?;
                    Dec::from_f64(f.get())
                }
                Value::Tuple(_) | Value::List(_) => from_tuple(vm, v)?,
                other => match operand(other) {
                    Some(d) => d.into_owned(),
                    None => {
                        return Err(vm.type_error(format!(
                            "conversion from {} to Decimal is not supported",
                            vm.type_name(other)
                        )))
                    }
                },
            }
        }
    };
    Ok(subclassed(a, dec_value(made)))
}

fn is_decimal_class(a: &[Value]) -> bool {
    matches!(a.first(), Some(Value::Type(t)) if Rc::ptr_eq(t, &state().decimal))
}

/// A new Decimal of the class in `a[0]` (a subclass wraps the number).
fn subclassed(a: &[Value], v: Value) -> Value {
    match a.first() {
        Some(Value::Type(t)) if t.heap => {
            crate::script::builtins::subclassed(a, v.clone()).unwrap_or(v)
        }
        _ => v,
    }
}

/// `Decimal((sign, digits, exponent))`.
fn from_tuple(vm: &Vm, v: &Value) -> PyResult<Dec> {
    let items = vm.collect(v)?;
    let [sign, digits, exp] = &items[..] else {
        return Err(vm.value_error("argument must be a sequence of length 3"));
    };
    let sign = match sign {
        Value::Int(0) | Value::Bool(crate::script::object::B64::FALSE) => false,
        Value::Int(1) | Value::Bool(crate::script::object::B64::TRUE) => true,
        _ => return Err(vm.value_error("sign must be an integer with the value 0 or 1")),
    };
    let mut coef = BigUint::default();
    for d in vm.collect(digits)? {
        match d {
            Value::Int(x @ 0..=9) => coef = coef * 10u32 + x as u32,
            _ => return Err(vm.value_error("coefficient must be a tuple of digits")),
        }
    }
    let special = |kind| Dec {
        sign,
        kind,
        coef: if kind == Kind::Infinite {
            BigUint::default()
        } else {
            coef.clone()
        },
        exp: 0,
    };
    match exp {
        Value::Str(s) => match s.as_str() {
            "F" => Ok(special(Kind::Infinite)),
            "n" => Ok(special(Kind::NaN)),
            "N" => Ok(special(Kind::SNaN)),
            _ => {
                Err(vm.value_error("string argument in the third position must be 'F', 'n' or 'N'"))
            }
        },
        Value::Int(e) => Ok(Dec::finite(sign, coef, *e)),
        _ => Err(vm.value_error("exponent must be an integer")),
    }
}

/// A numeric string as libmpdec reads it, or the condition it raises. Unicode decimal
/// digits count as digits; `Decimal()` (`lenient`) also drops surrounding whitespace and
/// every underscore, which `Context.create_decimal` rejects. An exponent beyond what a
/// context can hold is an invalid operation rather than a syntax error.
fn parse_number(s: &str, lenient: bool) -> Result<Dec, u32> {
    let mut text = String::with_capacity(s.len());
    let body = if lenient {
        s.trim_matches(crate::script::object::unicode::is_space)
    } else {
        s
    };
    for c in body.chars() {
        match c {
            '_' if lenient => {}
            '_' => return Err(Conds::CONVERSION_SYNTAX),
            c if c.is_ascii() => text.push(c),
            c if crate::script::object::unicode::is_space(c) => {
                return Err(Conds::CONVERSION_SYNTAX)
            }
            c => match crate::script::object::unicode::decimal_value(c) {
                Some(d) => text.push(char::from(b'0' + d as u8)),
                None => return Err(Conds::CONVERSION_SYNTAX),
            },
        }
    }
    if !lenient && text.trim() != text {
        return Err(Conds::CONVERSION_SYNTAX);
    }
    if let Some(d) = text::parse(&text) {
        return Ok(d);
    }
    // Well formed but for the exponent's size?
    let well_formed_but_exponent = text.rfind(['e', 'E']).is_some_and(|at| {
        let exp = text[at + 1..].trim_start_matches(['+', '-']);
        !exp.is_empty()
            && exp.bytes().all(|b| b.is_ascii_digit())
            && text::parse(&format!("{}e0", &text[..at])).is_some()
    });
    Err(if well_formed_but_exponent {
        Conds::INVALID_OPERATION
    } else {
        Conds::CONVERSION_SYNTAX
    })
}

/// `Context.create_decimal(num)`: like `Decimal(num)`, then rounded to the context.
pub fn create_decimal(vm: &Vm, ctx: &ContextData, v: &Value) -> PyResult<Value> {
    let d = match v {
        Value::Str(s) => match parse_number(s.as_str(), false) {
            Ok(d) => Some(d),
            Err(condition) => {
                ctx.signal(vm, Conds(condition))?;
                return Ok(dec_value(Dec::nan()));
            }
        },
        Value::Float(f) => {
            ctx.signal(vm, Conds(Conds::FLOAT_OPERATION))?;
            Some(Dec::from_f64(f.get()))
        }
        Value::Tuple(_) | Value::List(_) => Some(from_tuple(vm, v)?),
        other => Some(strict(vm, Some(other))?.into_owned()),
    };
    let c = ctx.arith.get();
    let d = match d {
        // A NaN whose payload does not fit is a conversion error too.
        Some(d)
            if d.is_nan()
                && number::ndigits(&d.coef) as i64 > c.prec - c.clamp as i64
                && d.coef != BigUint::default() =>
        {
            None
        }
        other => other,
    };
    match d {
        Some(d) => run(vm, ctx, |c, s| d.fix(c, s)),
        None => {
            ctx.signal(vm, Conds(Conds::CONVERSION_SYNTAX))?;
            Ok(dec_value(Dec::nan()))
        }
    }
}

/// `Decimal.from_float(f)`.
fn from_float(vm: &Vm, a: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let d = match a.get(1) {
        Some(Value::Float(f)) => Dec::from_f64(f.get()),
        Some(v @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) => to_decimal(vm, v, false)?,
        _ => return Err(vm.type_error("argument must be int or float")),
    };
    match a.first() {
        Some(Value::Type(t)) if !Rc::ptr_eq(t, &state().decimal) => {
            vm.call(receiver(a), &[dec_value(d)], &[])
        }
        _ => Ok(dec_value(d)),
    }
}

fn as_tuple(vm: &Vm, d: &Dec) -> PyResult<Value> {
    let digits: Vec<Value> = match d.kind {
        Kind::Infinite => vec![Value::Int(0)],
        Kind::NaN | Kind::SNaN if d.coef == BigUint::default() => vec![],
        _ => d
            .coef
            .to_str_radix(10)
            .bytes()
            .map(|b| Value::Int((b - b'0') as i64))
            .collect(),
    };
    let exp = match d.kind {
        Kind::Finite => Value::Int(d.exp),
        Kind::Infinite => Value::str("F"),
        Kind::NaN => Value::str("n"),
        Kind::SNaN => Value::str("N"),
    };
    vm.call(
        &tuple_class(vm)?,
        &[Value::Int(d.sign as i64), Value::tuple(digits), exp],
        &[],
    )
}

/// `decimal.DecimalTuple`, made and added to the module on first use.
fn tuple_class(vm: &Vm) -> PyResult<Value> {
    let st = state();
    if let Some(t) = &*st.tuple_class.borrow() {
        return Ok(t.clone());
    }
    let collections = vm.import("collections", false)?;
    let namedtuple = vm.get_attr(&collections, &vm.intern("namedtuple"))?;
    let t = vm.call(
        &namedtuple,
        &[
            Value::str("DecimalTuple"),
            Value::str("sign digits exponent"),
        ],
        &[(vm.intern("module"), Value::str("decimal"))],
    )?;
    *st.tuple_class.borrow_mut() = Some(t.clone());
    if let Some(m) = &*st.module.borrow() {
        m.set("DecimalTuple", t.clone());
    }
    Ok(t)
}

fn hash(vm: &Vm, a: &[Value]) -> PyResult<Value> {
    let d = this(vm, a)?;
    match d.hash() {
        Some(h) => Ok(Value::Int(h)),
        None if d.kind == Kind::SNaN => Err(vm.type_error("Cannot hash a signaling NaN value")),
        // Quiet NaNs hash by identity, as CPython's do.
        None => Ok(Value::Int(
            (receiver(a).heap_ptr().unwrap_or(0) >> 4) as i64,
        )),
    }
}

fn str_of(vm: &Vm, a: &[Value], eng: bool, ctx: Option<&Value>) -> PyResult<Value> {
    let d = this(vm, a)?;
    let capitals = context::context_arg(vm, ctx)?.capitals.get();
    Ok(Value::string(if eng {
        d.to_eng_string(capitals)
    } else {
        d.to_sci_string(capitals)
    }))
}

/// The `rounding=` argument of quantize and to_integral: a mode name, or the context's.
fn rounding_arg(vm: &Vm, v: Option<&Value>, ctx: &ContextData) -> PyResult<Rounding> {
    match v {
        None => Ok(ctx.arith.get().rounding),
        Some(Value::Str(s)) => {
            Rounding::from_name(s.as_str()).ok_or_else(|| context::rounding_error(vm))
        }
        Some(_) => Err(context::rounding_error(vm)),
    }
}

/// The operations that `Decimal` and `Context` share, defined once for both: as a Decimal
/// method the first operand is `self` and `context=` is optional; as a Context method
/// every operand is an argument (ints accepted) and the context is `self`.
fn install_operations(dec: &Rc<Type>, ctx: &Rc<Type>) {
    /// The operands of a call, its context and its other arguments (`extra` of them come
    /// before a Decimal method's `context=`).
    fn split<'a>(
        vm: &Vm,
        a: &'a [Value],
        k: Kwargs<'a>,
        n: usize,
        extra: usize,
        on_context: bool,
    ) -> PyResult<Split<'a>> {
        let first = on_context as usize;
        let mut ops = Vec::with_capacity(n);
        for i in 0..n {
            ops.push(if i == 0 && !on_context {
                this(vm, a)?
            } else {
                strict(vm, a.get(first + i))?
            });
        }
        let rest = a.get(first + n..).unwrap_or(&[]);
        let c = if on_context {
            context::context_data(vm, receiver(a))?
        } else {
            context::context_arg(vm, rest.get(extra).or_else(|| kwarg(k, "context")))?
        };
        Ok((ops, c, rest))
    }
    // Names with a leading underscore are Context methods only: Decimal has operators.
    macro_rules! shared {
        ($($name:literal, $ctx_name:literal, $n:literal, $extra:literal => |$vm:ident, $ops:ident, $c:ident, $rest:ident, $k:ident| $body:expr;)*) => {$(
            if !$name.starts_with('_') {
                method(dec, $name, |$vm, a, $k| {
                    let ($ops, $c, $rest) = split($vm, a, $k, $n, $extra, false)?;
                    let _ = &$rest;
                    $body
                });
            }
            method(ctx, $ctx_name, |$vm, a, $k| {
                let ($ops, $c, $rest) = split($vm, a, $k, $n, $extra, true)?;
                let _ = &$rest;
                $body
            });
        )*};
    }
    macro_rules! unary {
        ($($name:literal, $ctx_name:literal => $f:path;)*) => {
            shared! {$($name, $ctx_name, 1, 0 => |vm, o, c, _r, _k| run(vm, &c, |x, s| $f(&o[0], x, s));)*}
        };
    }
    macro_rules! binary {
        ($($name:literal, $ctx_name:literal => $f:path;)*) => {
            shared! {$($name, $ctx_name, 2, 0 => |vm, o, c, _r, _k| run(vm, &c, |x, s| $f(&o[0], &o[1], x, s));)*}
        };
    }
    macro_rules! predicate {
        ($($name:literal => |$d:ident, $cx:ident| $body:expr;)*) => {
            shared! {$($name, $name, 1, 0 => |_vm, o, c, _r, _k| {
                let ($d, $cx) = (&o[0], c.arith.get());
                let _ = &$cx;
                Ok(Value::bool($body))
            };)*}
        };
    }
    unary! {
        "exp", "exp" => Dec::exp;
        "ln", "ln" => Dec::ln;
        "log10", "log10" => Dec::log10;
        "sqrt", "sqrt" => Dec::sqrt;
        "normalize", "normalize" => Dec::normalize;
        "logb", "logb" => Dec::logb;
        "next_plus", "next_plus" => Dec::next_plus;
        "next_minus", "next_minus" => Dec::next_minus;
        "_plus", "plus" => Dec::plus;
        "_minus", "minus" => Dec::minus;
        "_abs", "abs" => Dec::abs;
        "logical_invert", "logical_invert" => Dec::logical_invert;
    }
    binary! {
        "compare", "compare" => Dec::compare;
        "compare_signal", "compare_signal" => Dec::compare_signal;
        "max", "max" => Dec::max;
        "min", "min" => Dec::min;
        "max_mag", "max_mag" => Dec::max_mag;
        "min_mag", "min_mag" => Dec::min_mag;
        "remainder_near", "remainder_near" => Dec::rem_near;
        "next_toward", "next_toward" => Dec::next_toward;
        "scaleb", "scaleb" => Dec::scaleb;
        "_add", "add" => Dec::add;
        "_subtract", "subtract" => Dec::sub;
        "_multiply", "multiply" => Dec::mul;
        "_divide", "divide" => Dec::div;
        "_divide_int", "divide_int" => Dec::div_int;
        "_remainder", "remainder" => Dec::rem;
        "logical_and", "logical_and" => Dec::logical_and;
        "logical_or", "logical_or" => Dec::logical_or;
        "logical_xor", "logical_xor" => Dec::logical_xor;
        "rotate", "rotate" => Dec::rotate;
        "shift", "shift" => Dec::shift;
    }
    predicate! {
        "is_nan" => |d, _c| d.is_nan();
        "is_qnan" => |d, _c| d.kind == Kind::NaN;
        "is_snan" => |d, _c| d.kind == Kind::SNaN;
        "is_infinite" => |d, _c| d.kind == Kind::Infinite;
        "is_finite" => |d, _c| d.is_finite();
        "is_zero" => |d, _c| d.is_zero();
        "is_signed" => |d, _c| d.sign;
        "is_canonical" => |_d, _c| true;
        "is_normal" => |d, c| d.is_normal(&c);
        "is_subnormal" => |d, c| d.is_subnormal(&c);
    }
    shared! {
        "fma", "fma", 3, 0 => |vm, o, c, _r, _k| run(vm, &c, |x, s| o[0].fma(&o[1], &o[2], x, s));
        "_divmod", "divmod", 2, 0 => |vm, o, c, _r, _k| divmod_value(vm, &c, &o[0], &o[1]);
        "_power", "power", 2, 1 => |vm, o, c, rest, k| {
            let m = match rest.first().or_else(|| kwarg(k, "modulo")).filter(|v| !v.is_none()) {
                Some(v) => Some(strict(vm, Some(v))?),
                None => None,
            };
            run(vm, &c, |x, s| o[0].pow(&o[1], m.as_deref(), x, s))
        };
        "quantize", "quantize", 2, 1 => |vm, o, c, rest, k| {
            let r = rounding_arg(vm, rest.first().or_else(|| kwarg(k, "rounding")).filter(|v| !v.is_none()), &c)?;
            run(vm, &c, |x, s| o[0].quantize(&o[1], r, x, s))
        };
        "to_integral", "to_integral", 1, 1 => |vm, o, c, rest, k| {
            let r = rounding_arg(vm, rest.first().or_else(|| kwarg(k, "rounding")).filter(|v| !v.is_none()), &c)?;
            run(vm, &c, |x, s| o[0].to_integral_value(r, x, s))
        };
        "to_integral_value", "to_integral_value", 1, 1 => |vm, o, c, rest, k| {
            let r = rounding_arg(vm, rest.first().or_else(|| kwarg(k, "rounding")).filter(|v| !v.is_none()), &c)?;
            run(vm, &c, |x, s| o[0].to_integral_value(r, x, s))
        };
        "to_integral_exact", "to_integral_exact", 1, 1 => |vm, o, c, rest, k| {
            let r = rounding_arg(vm, rest.first().or_else(|| kwarg(k, "rounding")).filter(|v| !v.is_none()), &c)?;
            run(vm, &c, |x, s| o[0].to_integral_exact(r, x, s))
        };
        "same_quantum", "same_quantum", 2, 0 => |_vm, o, _c, _r, _k| Ok(Value::bool(o[0].same_quantum(&o[1])));
        "compare_total", "compare_total", 2, 0 => |_vm, o, _c, _r, _k| Ok(ordering(o[0].compare_total(&o[1])));
        "compare_total_mag", "compare_total_mag", 2, 0 => |_vm, o, _c, _r, _k| Ok(ordering(o[0].compare_total_mag(&o[1])));
        "copy_sign", "copy_sign", 2, 0 => |_vm, o, _c, _r, _k| Ok(dec_value(o[0].copy_sign(&o[1])));
        "copy_abs", "copy_abs", 1, 0 => |_vm, o, _c, _r, _k| Ok(dec_value(o[0].copy_abs()));
        "copy_negate", "copy_negate", 1, 0 => |_vm, o, _c, _r, _k| Ok(dec_value(o[0].copy_negate()));
        "canonical", "canonical", 1, 0 => |_vm, o, _c, _r, _k| Ok(dec_value(o[0].clone().into_owned()));
        "_copy_decimal", "copy_decimal", 1, 0 => |_vm, o, _c, _r, _k| Ok(dec_value(o[0].clone().into_owned()));
        "number_class", "number_class", 1, 0 => |_vm, o, c, _r, _k| Ok(Value::str(o[0].number_class(&c.arith.get())));
        "to_eng_string", "to_eng_string", 1, 0 => |_vm, o, c, _r, _k| Ok(Value::string(o[0].to_eng_string(c.capitals.get())));
        "_to_sci_string", "to_sci_string", 1, 0 => |_vm, o, c, _r, _k| Ok(Value::string(o[0].to_sci_string(c.capitals.get())));
    }
}

/// -1, 0 or 1 as a Decimal.
fn ordering(o: std::cmp::Ordering) -> Value {
    dec_value(Dec::from_i64(o as i64))
}

fn install_decimal(t: &Rc<Type>) {
    method(t, "__new__", decimal_new);
    class_method(t, "from_float", from_float);
    macro_rules! operators {
        ($($name:literal, $rname:literal => $f:path;)*) => {$(
            method(t, $name, |vm, a, _| operator(vm, a, $f, false));
            method(t, $rname, |vm, a, _| operator(vm, a, $f, true));
        )*};
    }
    operators! {
        "__add__", "__radd__" => Dec::add;
        "__sub__", "__rsub__" => Dec::sub;
        "__mul__", "__rmul__" => Dec::mul;
        "__truediv__", "__rtruediv__" => Dec::div;
        "__floordiv__", "__rfloordiv__" => Dec::div_int;
        "__mod__", "__rmod__" => Dec::rem;
    }
    method(t, "__divmod__", |vm, a, _| divmod_operator(vm, a, false));
    method(t, "__rdivmod__", |vm, a, _| divmod_operator(vm, a, true));
    method(t, "__pow__", |vm, a, _| pow_operator(vm, a, false));
    method(t, "__rpow__", |vm, a, _| pow_operator(vm, a, true));
    method(t, "__neg__", |vm, a, _| unary_operator(vm, a, Dec::minus));
    method(t, "__pos__", |vm, a, _| unary_operator(vm, a, Dec::plus));
    method(t, "__abs__", |vm, a, _| unary_operator(vm, a, Dec::abs));
    method(t, "__eq__", |vm, a, _| compare_method(vm, a, CmpOp::Eq));
    method(t, "__ne__", |vm, a, _| compare_method(vm, a, CmpOp::Ne));
    method(t, "__lt__", |vm, a, _| compare_method(vm, a, CmpOp::Lt));
    method(t, "__le__", |vm, a, _| compare_method(vm, a, CmpOp::Le));
    method(t, "__gt__", |vm, a, _| compare_method(vm, a, CmpOp::Gt));
    method(t, "__ge__", |vm, a, _| compare_method(vm, a, CmpOp::Ge));
    t.number.set(Some(NumberSlots {
        binary: binary_slot,
        compare: compare_slot,
    }));
    method(t, "__hash__", |vm, a, _| hash(vm, a));
    method(t, "__bool__", |vm, a, _| {
        let d = this(vm, a)?;
        Ok(Value::bool(!d.is_zero()))
    });
    method(t, "__int__", |vm, a, _| to_int(vm, &*this(vm, a)?));
    method(t, "__trunc__", |vm, a, _| to_int(vm, &*this(vm, a)?));
    method(t, "__floor__", |vm, a, _| {
        round_to_int(vm, &*this(vm, a)?, Rounding::Floor)
    });
    method(t, "__ceil__", |vm, a, _| {
        round_to_int(vm, &*this(vm, a)?, Rounding::Ceiling)
    });
    method(t, "__round__", |vm, a, k| {
        let d = this(vm, a)?;
        match param(a, k, 1, "ndigits") {
            None => round_to_int(vm, &d, Rounding::HalfEven),
            Some(n) => {
                let n = to_big(n)
                    .and_then(|n| i64::try_from(n).ok())
                    .ok_or_else(|| vm.type_error("optional arg must be an integer"))?;
                let unit = Dec::finite(false, BigUint::from(1u32), n.saturating_neg());
                let ctx = current_data();
                let r = ctx.arith.get().rounding;
                run(vm, &ctx, |c, s| d.quantize(&unit, r, c, s))
            }
        }
    });
    method(t, "__float__", |vm, a, _| {
        let d = this(vm, a)?;
        if d.kind == Kind::SNaN {
            return Err(vm.value_error("cannot convert signaling NaN to float"));
        }
        Ok(Value::float(d.to_f64()))
    });
    method(t, "__str__", |vm, a, _| str_of(vm, a, false, None));
    method(t, "__repr__", |vm, a, _| {
        let d = this(vm, a)?;
        let capitals = current_data().capitals.get();
        Ok(Value::string(format!(
            "Decimal('{}')",
            d.to_sci_string(capitals)
        )))
    });
    method(t, "__format__", |vm, a, _| {
        let d = this(vm, a)?;
        let spec = match a.get(1) {
            Some(Value::Str(s)) => s.clone(),
            _ => return Err(vm.type_error("format arg must be str")),
        };
        let ctx = current_data();
        let text = format::format(
            vm,
            &d,
            spec.as_str(),
            ctx.capitals.get(),
            ctx.arith.get().rounding,
        )?;
        Ok(Value::string(text))
    });
    method(t, "__reduce__", |vm, a, _| {
        let s = str_of(vm, a, false, None)?;
        Ok(Value::tuple(vec![
            Value::Type(vm.types.type_of(receiver(a)).clone()),
            Value::tuple(vec![s]),
        ]))
    });
    let itself: crate::script::object::NativeFn = |vm, a, _| {
        this(vm, a)?;
        Ok(receiver(a).clone())
    };
    method(t, "__copy__", itself);
    method(t, "__deepcopy__", itself);
    method(t, "conjugate", itself);
    property(t, "real", itself, None, None);
    property(t, "imag", |_, _, _| Ok(dec_value(Dec::zero())), None, None);
    method(t, "radix", |_, _, _| Ok(dec_value(Dec::from_i64(10))));
    method(t, "adjusted", |vm, a, _| {
        Ok(Value::Int(this(vm, a)?.adjusted()))
    });
    method(t, "as_tuple", |vm, a, _| as_tuple(vm, &*this(vm, a)?));
    method(t, "as_integer_ratio", |vm, a, _| {
        let d = this(vm, a)?;
        match d.as_integer_ratio() {
            Some((n, den)) => Ok(Value::tuple(vec![
                Value::from_bigint(n),
                Value::from_bigint(den),
            ])),
            None if d.is_nan() => Err(vm.value_error("cannot convert NaN to integer ratio")),
            None => Err(vm.overflow_error("cannot convert Infinity to integer ratio")),
        }
    });
}

pub fn module(vm: &Vm) -> PyResult<Rc<Module>> {
    let made = |name: &str, base: &Rc<Type>| {
        let t = Rc::new(Type::new_builtin(name, Layout::Builtin, vec![base.clone()]));
        *t.module.borrow_mut() = Rc::new(Str::new("decimal"));
        t
    };
    let decimal = made("Decimal", &vm.types.object);
    let context_type = made("Context", &vm.types.object);
    let signal_map = made("SignalDict", &vm.types.object);
    let manager = made("ContextManager", &vm.types.object);
    let classes = context::make_classes(vm)?;
    let [default, basic, extended] = context::templates(&context_type);
    let current_data = context::context_data(vm, &default)?.copy();
    let state = Rc::new(State {
        decimal: decimal.clone(),
        context: context_type.clone(),
        signal_map: signal_map.clone(),
        manager: manager.clone(),
        classes,
        tuple_class: RefCell::new(None),
        module: RefCell::new(None),
        default: default.clone(),
        basic: basic.clone(),
        extended: extended.clone(),
        current: RefCell::new(Value::None),
        current_data: RefCell::new(Rc::new(current_data)),
    });
    *state.current.borrow_mut() = context::new_context(&state, state.current_data().copy());
    *state.current_data.borrow_mut() = context::context_data(vm, &state.current.borrow())?;
    STATE.with(|s| *s.borrow_mut() = Some(state.clone()));
    install_decimal(&decimal);
    context::install_context(&context_type);
    install_operations(&decimal, &context_type);
    context::install_signal_map(&signal_map);
    context::install_manager(&manager);

    let m = crate::script::modules::native_module(
        "decimal",
        &[
            ("getcontext", |vm, _, _| Ok(context::current(vm))),
            ("setcontext", |vm, a, _| {
                context::set_current(vm, a.first().unwrap_or(&Value::None))?;
                Ok(Value::None)
            }),
            ("localcontext", context::localcontext),
            ("__getattr__", |vm, a, _| match a.first() {
                Some(Value::Str(s)) if s.as_str() == "DecimalTuple" => tuple_class(vm),
                other => Err(vm.attribute_error(format!(
                    "module 'decimal' has no attribute '{}'",
                    other.and_then(|v| v.as_str()).map_or("", |s| s.as_str())
                ))),
            }),
        ],
    );
    *state.module.borrow_mut() = Some(m.clone());
    m.set("Decimal", Value::Type(decimal));
    m.set("Context", Value::Type(context_type));
    m.set("DefaultContext", default);
    m.set("BasicContext", basic);
    m.set("ExtendedContext", extended);
    for (name, class) in &state.classes {
        m.set(name, Value::Type(class.clone()));
    }
    for r in Rounding::ALL {
        m.set(r.name(), Value::str(r.name()));
    }
    m.set("MAX_PREC", Value::Int(context::MAX_PREC));
    m.set("MAX_EMAX", Value::Int(context::MAX_EMAX));
    m.set("MIN_EMIN", Value::Int(context::MIN_EMIN));
    m.set(
        "MIN_ETINY",
        Value::Int(context::MIN_EMIN - (context::MAX_PREC - 1)),
    );
    m.set("HAVE_THREADS", Value::bool(true));
    m.set("HAVE_CONTEXTVAR", Value::bool(true));
    m.set("__version__", Value::str("1.70"));
    m.set("__libmpdec_version__", Value::str("2.5.1"));
    let mut all: Vec<&str> = vec![
        "Decimal",
        "Context",
        "DecimalTuple",
        "DefaultContext",
        "BasicContext",
        "ExtendedContext",
    ];
    all.extend(context::CLASSES.iter().map(|(n, _)| *n));
    all.extend(Rounding::ALL.iter().map(|r| r.name()));
    all.extend([
        "setcontext",
        "getcontext",
        "localcontext",
        "MAX_PREC",
        "MAX_EMAX",
        "MIN_EMIN",
        "MIN_ETINY",
        "HAVE_THREADS",
        "HAVE_CONTEXTVAR",
    ]);
    m.set(
        "__all__",
        Value::list(all.into_iter().map(Value::str).collect()),
    );
    Ok(m)
}
