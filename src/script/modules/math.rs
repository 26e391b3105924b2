//! The `math` module.

use super::native_module;
use crate::script::builtins::arity;
use crate::script::object::{Kwargs, Module, Value};
use crate::script::vm::num;
use crate::script::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::rc::Rc;

/// A float argument (ints converted exactly or with OverflowError).
fn f(vm: &Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(x) => Ok(x.get()),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(b.get() as i64 as f64),
        Value::BigInt(b) => num::big_to_f64(vm, b),
        other => {
            if let Some(m) = vm.lookup_special(other, &vm.intern("__float__")) {
                if let Value::Float(x) = vm.call_bound(&m, other, &[])? {
                    return Ok(x.get());
                }
            }
            Err(vm.type_error(format!("must be real number, not {}", vm.type_name(other))))
        }
    }
}

/// The result of a float function: domain and range errors as CPython reports them.
fn checked(vm: &Vm, x: f64, input_finite: bool) -> PyResult<Value> {
    if x.is_nan() && input_finite {
        return Err(vm.value_error("math domain error"));
    }
    if x.is_infinite() && input_finite {
        return Err(vm.overflow_error("math range error"));
    }
    Ok(Value::float(x))
}

macro_rules! unary {
    ($name:literal, $op:expr) => {
        (
            $name,
            |vm: &Vm, a: &[Value], _: Kwargs<'_>| -> PyResult<Value> {
                arity(vm, $name, a, 1, 1)?;
                let x = f(vm, &a[0])?;
                let op: fn(f64) -> f64 = $op;
                checked(vm, op(x), x.is_finite())
            },
        )
    };
}

/// Domain-checked unary functions: `ok(x)` says whether `x` is in the domain.
macro_rules! domain {
    ($name:literal, $ok:expr, $op:expr) => {
        (
            $name,
            |vm: &Vm, a: &[Value], _: Kwargs<'_>| -> PyResult<Value> {
                arity(vm, $name, a, 1, 1)?;
                let x = f(vm, &a[0])?;
                let ok: fn(f64) -> bool = $ok;
                if !ok(x) {
                    return Err(vm.value_error("math domain error"));
                }
                let op: fn(f64) -> f64 = $op;
                checked(vm, op(x), x.is_finite())
            },
        )
    };
}

mod special;

pub fn module(vm: &Vm) -> Rc<Module> {
    let m = native_module(
        "math",
        &[
            domain!("sqrt", |x| x >= 0.0 || x.is_nan(), f64::sqrt),
            unary!("exp", f64::exp),
            unary!("exp2", f64::exp2),
            unary!("expm1", f64::exp_m1),
            ("log2", |vm, a, _| {
                arity(vm, "log2", a, 1, 1)?;
                log_helper(vm, &a[0], f64::log2).map(Value::float)
            }),
            ("log10", |vm, a, _| {
                arity(vm, "log10", a, 1, 1)?;
                log_helper(vm, &a[0], f64::log10).map(Value::float)
            }),
            domain!("log1p", |x| x > -1.0 || x.is_nan(), f64::ln_1p),
            ("log", log),
            domain!("sin", |x| !x.is_infinite(), f64::sin),
            domain!("cos", |x| !x.is_infinite(), f64::cos),
            domain!("tan", |x| !x.is_infinite(), f64::tan),
            domain!(
                "asin",
                |x| (-1.0..=1.0).contains(&x) || x.is_nan(),
                f64::asin
            ),
            domain!(
                "acos",
                |x| (-1.0..=1.0).contains(&x) || x.is_nan(),
                f64::acos
            ),
            unary!("atan", f64::atan),
            unary!("sinh", f64::sinh),
            unary!("cosh", f64::cosh),
            unary!("tanh", f64::tanh),
            unary!("asinh", f64::asinh),
            domain!("acosh", |x| x >= 1.0 || x.is_nan(), f64::acosh),
            domain!("atanh", |x| (x > -1.0 && x < 1.0) || x.is_nan(), f64::atanh),
            unary!("fabs", f64::abs),
            unary!("degrees", f64::to_degrees),
            unary!("radians", f64::to_radians),
            domain!(
                "gamma",
                |x| !(x <= 0.0 && x.fract() == 0.0) && x != f64::NEG_INFINITY,
                special::gamma
            ),
            domain!(
                "lgamma",
                |x| !(x <= 0.0 && x.fract() == 0.0),
                special::lgamma
            ),
            unary!("erf", erf),
            unary!("erfc", |x| 1.0 - erf(x)),
            ("atan2", |vm, a, _| {
                arity(vm, "atan2", a, 2, 2)?;
                Ok(Value::float(f(vm, &a[0])?.atan2(f(vm, &a[1])?)))
            }),
            ("pow", |vm, a, _| {
                arity(vm, "pow", a, 2, 2)?;
                let (x, y) = (f(vm, &a[0])?, f(vm, &a[1])?);
                if x == 0.0 && y < 0.0 {
                    return Err(vm.value_error("math domain error"));
                }
                if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
                    return Err(vm.value_error("math domain error"));
                }
                checked(vm, x.powf(y), x.is_finite() && y.is_finite())
            }),
            ("hypot", |vm, a, _| {
                let mut v = a.iter().map(|x| f(vm, x)).collect::<PyResult<Vec<f64>>>()?;
                Ok(Value::float(special::vector_norm(&mut v)))
            }),
            ("dist", |vm, a, _| {
                arity(vm, "dist", a, 2, 2)?;
                let p = vm.collect(&a[0])?;
                let q = vm.collect(&a[1])?;
                if p.len() != q.len() {
                    return Err(
                        vm.value_error("both points must have the same number of dimensions")
                    );
                }
                let mut diffs = Vec::with_capacity(p.len());
                for (x, y) in p.iter().zip(&q) {
                    diffs.push(f(vm, x)? - f(vm, y)?);
                }
                Ok(Value::float(special::vector_norm(&mut diffs)))
            }),
            ("nextafter", |vm, a, _| {
                arity(vm, "nextafter", a, 2, 2)?;
                Ok(Value::float(special::nextafter(
                    f(vm, &a[0])?,
                    f(vm, &a[1])?,
                )))
            }),
            ("ulp", |vm, a, _| {
                arity(vm, "ulp", a, 1, 1)?;
                Ok(Value::float(special::ulp(f(vm, &a[0])?)))
            }),
            ("copysign", |vm, a, _| {
                arity(vm, "copysign", a, 2, 2)?;
                Ok(Value::float(f(vm, &a[0])?.copysign(f(vm, &a[1])?)))
            }),
            ("fmod", |vm, a, _| {
                arity(vm, "fmod", a, 2, 2)?;
                let (x, y) = (f(vm, &a[0])?, f(vm, &a[1])?);
                if y == 0.0 || x.is_infinite() {
                    return Err(vm.value_error("math domain error"));
                }
                Ok(Value::float(x % y))
            }),
            ("remainder", |vm, a, _| {
                arity(vm, "remainder", a, 2, 2)?;
                let (x, y) = (f(vm, &a[0])?, f(vm, &a[1])?);
                if y == 0.0 || x.is_infinite() {
                    return Err(vm.value_error("math domain error"));
                }
                let n = (x / y).round_ties_even();
                Ok(Value::float(x - n * y))
            }),
            ("ldexp", |vm, a, _| {
                arity(vm, "ldexp", a, 2, 2)?;
                let x = f(vm, &a[0])?;
                let e = vm.to_index(&a[1])?;
                checked(
                    vm,
                    x * 2f64.powi(e.clamp(-2000, 2000) as i32),
                    x.is_finite(),
                )
            }),
            ("frexp", |vm, a, _| {
                arity(vm, "frexp", a, 1, 1)?;
                let x = f(vm, &a[0])?;
                if x == 0.0 || !x.is_finite() {
                    return Ok(Value::tuple(vec![Value::float(x), Value::Int(0)]));
                }
                let e = x.abs().log2().floor() as i32 + 1;
                let mut m = x / 2f64.powi(e);
                let mut e = e;
                if m.abs() >= 1.0 {
                    m /= 2.0;
                    e += 1;
                }
                if m.abs() < 0.5 {
                    m *= 2.0;
                    e -= 1;
                }
                Ok(Value::tuple(vec![Value::float(m), Value::Int(e as i64)]))
            }),
            ("modf", |vm, a, _| {
                arity(vm, "modf", a, 1, 1)?;
                let x = f(vm, &a[0])?;
                if x.is_infinite() {
                    return Ok(Value::tuple(vec![
                        Value::float(0.0f64.copysign(x)),
                        Value::float(x),
                    ]));
                }
                Ok(Value::tuple(vec![
                    Value::float(x.fract()),
                    Value::float(x.trunc()),
                ]))
            }),
            ("floor", |vm, a, _| rounding(vm, a, "floor", f64::floor)),
            ("ceil", |vm, a, _| rounding(vm, a, "ceil", f64::ceil)),
            ("trunc", |vm, a, _| rounding(vm, a, "trunc", f64::trunc)),
            ("isnan", |vm, a, _| {
                arity(vm, "isnan", a, 1, 1)?;
                Ok(Value::bool(f(vm, &a[0])?.is_nan()))
            }),
            ("isinf", |vm, a, _| {
                arity(vm, "isinf", a, 1, 1)?;
                Ok(Value::bool(f(vm, &a[0])?.is_infinite()))
            }),
            ("isfinite", |vm, a, _| {
                arity(vm, "isfinite", a, 1, 1)?;
                Ok(Value::bool(f(vm, &a[0])?.is_finite()))
            }),
            ("isclose", isclose),
            ("fsum", |vm, a, _| {
                arity(vm, "fsum", a, 1, 1)?;
                let items = vm.collect(&a[0])?;
                let mut partials: Vec<f64> = Vec::new();
                for v in &items {
                    let mut x = f(vm, v)?;
                    let mut i = 0;
                    for j in 0..partials.len() {
                        let mut y = partials[j];
                        if x.abs() < y.abs() {
                            std::mem::swap(&mut x, &mut y);
                        }
                        let hi = x + y;
                        let lo = y - (hi - x);
                        if lo != 0.0 {
                            partials[i] = lo;
                            i += 1;
                        }
                        x = hi;
                    }
                    partials.truncate(i);
                    partials.push(x);
                }
                Ok(Value::float(fsum_round(&partials)))
            }),
            ("factorial", |vm, a, _| {
                arity(vm, "factorial", a, 1, 1)?;
                if let Value::Float(_) = a[0] {
                    return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
                }
                let n = vm.to_index(&a[0])?;
                if n < 0 {
                    return Err(vm.value_error("factorial() not defined for negative values"));
                }
                if n <= 20 {
                    // 20! is the largest that fits in an `i64`: no big number to build.
                    return Ok(Value::Int((2..=n).product()));
                }
                Ok(Value::from_bigint(factorial(n as u64)))
            }),
            ("gcd", |vm, a, _| {
                let mut g = BigInt::zero();
                for v in a {
                    g = g.gcd(&vm.to_big_index(v)?);
                }
                Ok(Value::from_bigint(g))
            }),
            ("lcm", |vm, a, _| {
                let mut l = BigInt::one();
                for v in a {
                    let x = vm.to_big_index(v)?;
                    if x.is_zero() {
                        return Ok(Value::Int(0));
                    }
                    l = l.lcm(&x);
                }
                Ok(Value::from_bigint(l.abs()))
            }),
            ("isqrt", |vm, a, _| {
                arity(vm, "isqrt", a, 1, 1)?;
                let n = vm.to_big_index(&a[0])?;
                if n.is_negative() {
                    return Err(vm.value_error("isqrt() argument must be nonnegative"));
                }
                Ok(Value::from_bigint(n.sqrt()))
            }),
            ("comb", |vm, a, _| {
                arity(vm, "comb", a, 2, 2)?;
                let (n, k) = (vm.to_big_index(&a[0])?, vm.to_big_index(&a[1])?);
                if n.is_negative() || k.is_negative() {
                    return Err(vm.value_error(if n.is_negative() {
                        "n must be a non-negative integer"
                    } else {
                        "k must be a non-negative integer"
                    }));
                }
                if k > n {
                    return Ok(Value::Int(0));
                }
                let k = k.clone().min(&n - &k);
                let k = k.to_u64().ok_or_else(|| vm.overflow_error("k too large"))?;
                let mut r = BigInt::one();
                for i in 0..k {
                    r = r * (&n - i) / (i + 1);
                }
                Ok(Value::from_bigint(r))
            }),
            ("perm", |vm, a, _| {
                arity(vm, "perm", a, 1, 2)?;
                let n = vm.to_big_index(&a[0])?;
                let k = match a.get(1) {
                    Some(Value::None) | None => n.clone(),
                    Some(v) => vm.to_big_index(v)?,
                };
                if n.is_negative() || k.is_negative() {
                    return Err(vm.value_error(if n.is_negative() {
                        "n must be a non-negative integer"
                    } else {
                        "k must be a non-negative integer"
                    }));
                }
                if k > n {
                    return Ok(Value::Int(0));
                }
                let k = k.to_u64().ok_or_else(|| vm.overflow_error("k too large"))?;
                let mut r = BigInt::one();
                for i in 0..k {
                    r *= &n - i;
                }
                Ok(Value::from_bigint(r))
            }),
            ("prod", |vm, a, k| {
                arity(vm, "prod", a, 1, 1)?;
                let mut acc = crate::script::builtins::kwarg(k, "start")
                    .cloned()
                    .unwrap_or(Value::Int(1));
                for v in vm.collect(&a[0])? {
                    acc = vm.binary(crate::script::compile::code::BinOp::Mul, &acc, &v)?;
                }
                Ok(acc)
            }),
        ],
    );
    m.set("pi", Value::float(std::f64::consts::PI));
    m.set("e", Value::float(std::f64::consts::E));
    m.set("tau", Value::float(std::f64::consts::TAU));
    m.set("inf", Value::float(f64::INFINITY));
    m.set("nan", Value::float(f64::NAN));
    let _ = vm;
    m
}

fn log(vm: &Vm, a: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    arity(vm, "log", a, 1, 2)?;
    let ln = |v: &Value| log_helper(vm, v, f64::ln);
    let x = ln(&a[0])?;
    match a.get(1) {
        Some(base) => {
            let b = ln(base)?;
            if b == 0.0 {
                return Err(vm.zero_division("float division by zero"));
            }
            Ok(Value::float(x / b))
        }
        None => Ok(Value::float(x)),
    }
}

/// A logarithm as CPython's `loghelper` computes it: an int too big for a float is split
/// as `m * 2**e` (m in [0.5, 1)) and gives `func(m) + func(2) * e`.
fn log_helper(vm: &Vm, v: &Value, func: fn(f64) -> f64) -> PyResult<f64> {
    if let Value::BigInt(b) = v {
        if !b.is_positive() {
            return Err(vm.value_error("math domain error"));
        }
        if b.to_f64().is_none_or(f64::is_infinite) {
            let bits = b.bits() as i64;
            // The top 64 bits as the mantissa, scaled into [0.5, 1).
            let shift = (bits - 64).max(0);
            let top = (&**b >> shift as usize).to_f64().unwrap_or(0.0);
            let m = top / 2f64.powi(64.min(bits) as i32);
            return Ok(func(m) + func(2.0) * bits as f64);
        }
    }
    let x = f(vm, v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(vm.value_error("math domain error"));
    }
    Ok(func(x))
}

fn rounding(vm: &Vm, a: &[Value], name: &str, op: fn(f64) -> f64) -> PyResult<Value> {
    arity(vm, name, a, 1, 1)?;
    match &a[0] {
        v @ (Value::Int(_) | Value::BigInt(_)) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(b.get() as i64)),
        Value::Float(x) => {
            let r = op(x.get());
            if r.is_nan() {
                return Err(vm.value_error("cannot convert float NaN to integer"));
            }
            if r.is_infinite() {
                return Err(vm.overflow_error("cannot convert float infinity to integer"));
            }
            Ok(Value::from_bigint(num::float_to_big(r)))
        }
        other => {
            let dunder = format!("__{name}__");
            match vm.lookup_special(other, &vm.intern(&dunder)) {
                Some(m) => vm.call_bound(&m, other, &[]),
                None => {
                    let x = f(vm, other)?;
                    Ok(Value::from_bigint(num::float_to_big(op(x))))
                }
            }
        }
    }
}

fn isclose(vm: &Vm, a: &[Value], k: Kwargs<'_>) -> PyResult<Value> {
    arity(vm, "isclose", a, 2, 2)?;
    let (x, y) = (f(vm, &a[0])?, f(vm, &a[1])?);
    let rel = match crate::script::builtins::kwarg(k, "rel_tol") {
        Some(v) => f(vm, v)?,
        None => 1e-9,
    };
    let abs = match crate::script::builtins::kwarg(k, "abs_tol") {
        Some(v) => f(vm, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::bool(false));
    }
    let diff = (x - y).abs();
    Ok(Value::bool(
        diff <= (rel * y).abs() || diff <= (rel * x).abs() || diff <= abs,
    ))
}

/// The correctly rounded sum of exact partials (the last step of Shewchuk's algorithm).
fn fsum_round(partials: &[f64]) -> f64 {
    let mut n = partials.len();
    if n == 0 {
        return 0.0;
    }
    n -= 1;
    let mut hi = partials[n];
    let mut lo = 0.0;
    while n > 0 {
        let x = hi;
        n -= 1;
        let y = partials[n];
        hi = x + y;
        let yr = hi - x;
        lo = y - yr;
        if lo != 0.0 {
            break;
        }
    }
    if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
        let y = lo * 2.0;
        let x = hi + y;
        let yr = x - hi;
        if y == yr {
            hi = x;
        }
    }
    hi
}

/// n! by binary splitting (fast for the large factorials of series computations).
pub fn factorial(n: u64) -> BigInt {
    /// The product of `lo..=hi`, gathered in a machine word until it would overflow: most
    /// factorials scripts compute fit in a few words, and big-number multiplications cost
    /// an allocation each.
    fn product(lo: u64, hi: u64) -> num_bigint::BigUint {
        if hi - lo < 32 {
            let mut r = num_bigint::BigUint::one();
            let mut word = 1u64;
            for i in lo..=hi {
                word = match word.checked_mul(i) {
                    Some(w) => w,
                    None => {
                        r *= word;
                        i
                    }
                };
            }
            return r * word;
        }
        let mid = lo + (hi - lo) / 2;
        product(lo, mid) * product(mid + 1, hi)
    }
    if n < 2 {
        BigInt::one()
    } else {
        BigInt::from(product(2, n))
    }
}

fn erf(x: f64) -> f64 {
    // Abramowitz-Stegun 7.1.26 is too coarse; use the series / continued fraction pair.
    if x.is_nan() {
        return x;
    }
    let ax = x.abs();
    let r = if ax < 2.5 {
        let mut sum = ax;
        let mut term = ax;
        let x2 = ax * ax;
        let mut n = 0.0;
        loop {
            n += 1.0;
            term *= -x2 / n;
            let add = term / (2.0 * n + 1.0);
            sum += add;
            if add.abs() < 1e-17 * sum.abs() {
                break;
            }
        }
        2.0 / std::f64::consts::PI.sqrt() * sum
    } else {
        // erfc via a continued fraction.
        let mut f = 0.0;
        for k in (1..60).rev() {
            f = (k as f64 / 2.0) / (ax + f);
        }
        1.0 - (-ax * ax).exp() / std::f64::consts::PI.sqrt() / (ax + f)
    };
    if x < 0.0 {
        -r
    } else {
        r
    }
}
