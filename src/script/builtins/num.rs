//! `int`, `bool` and `float`: constructors and methods.

use super::{arity, class_method, kwarg, method};
use crate::script::object::{Kwargs, Value};
use crate::script::vm::num::{self, to_big};
use crate::script::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, Zero};

pub fn install(vm: &Vm) {
    let t = &vm.types;
    method(&t.int, "__new__", |vm, a, k| {
        super::subclassed(a, int_new(vm, a, k)?)
    });
    method(&t.bool_, "__new__", |vm, a, _| {
        arity(vm, "bool", a, 1, 2)?;
        Ok(Value::bool(match a.get(1) {
            Some(v) => vm.truthy(v)?,
            None => false,
        }))
    });
    method(&t.float, "__new__", |vm, a, k| {
        super::subclassed(a, float_new(vm, a, k)?)
    });
    method(&t.int, "bit_length", |vm, a, _| {
        let b = to_big(&a[0]).ok_or_else(|| vm.type_error("bit_length needs an int"))?;
        Ok(Value::Int(b.bits() as i64))
    });
    method(&t.int, "bit_count", |vm, a, _| {
        let b = to_big(&a[0]).ok_or_else(|| vm.type_error("bit_count needs an int"))?;
        Ok(Value::Int(b.magnitude().count_ones() as i64))
    });
    // Exact ints: `True.__int__()` is `1`.
    method(&t.int, "__index__", |_, a, _| Ok(exact_int(&a[0])));
    method(&t.int, "__int__", |_, a, _| Ok(exact_int(&a[0])));
    method(&t.int, "__float__", |vm, a, _| {
        let b = to_big(&a[0]).unwrap_or_default();
        Ok(Value::float(num::big_to_f64(vm, &b)?))
    });
    method(&t.int, "conjugate", |_, a, _| Ok(a[0].clone()));
    method(&t.int, "as_integer_ratio", |_, a, _| {
        Ok(Value::tuple(vec![a[0].clone(), Value::Int(1)]))
    });
    method(&t.int, "to_bytes", to_bytes);
    class_method(&t.int, "from_bytes", from_bytes);
    method(&t.int, "__format__", |vm, a, _| {
        let spec = match a.get(1) {
            Some(Value::Str(s)) => s.as_str().to_owned(),
            _ => String::new(),
        };
        Ok(Value::string(vm.format(&a[0], &spec)?))
    });
    method(&t.float, "is_integer", |vm, a, _| match a[0] {
        Value::Float(f) => Ok(Value::bool(f.get().is_finite() && f.get().fract() == 0.0)),
        _ => Err(vm.type_error("is_integer needs a float")),
    });
    method(&t.float, "__int__", |vm, a, _| float_to_int(vm, &a[0]));
    method(&t.float, "__float__", |_, a, _| Ok(a[0].clone()));
    method(&t.float, "__trunc__", |vm, a, _| float_to_int(vm, &a[0]));
    method(&t.float, "conjugate", |_, a, _| Ok(a[0].clone()));
    method(&t.float, "hex", |vm, a, _| match a[0] {
        Value::Float(f) => Ok(Value::string(float_hex(f.get()))),
        _ => Err(vm.type_error("hex needs a float")),
    });
    method(&t.float, "as_integer_ratio", |vm, a, _| {
        let Value::Float(f) = a[0] else {
            return Err(vm.type_error("as_integer_ratio needs a float"));
        };
        if f.get().is_nan() {
            return Err(vm.value_error("cannot convert NaN to integer ratio"));
        }
        if f.get().is_infinite() {
            return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
        }
        let (n, d) = float_ratio(f.get());
        Ok(Value::tuple(vec![
            Value::from_bigint(n),
            Value::from_bigint(d),
        ]))
    });
    method(&t.float, "__format__", |vm, a, _| {
        let spec = match a.get(1) {
            Some(Value::Str(s)) => s.as_str().to_owned(),
            _ => String::new(),
        };
        Ok(Value::string(vm.format(&a[0], &spec)?))
    });
    class_method(&t.float, "fromhex", |vm, a, _| {
        let Some(Value::Str(s)) = a.get(1) else {
            return Err(vm.type_error("fromhex needs a string"));
        };
        parse_hex_float(s.as_str().trim())
            .map(Value::float)
            .ok_or_else(|| vm.value_error("invalid hexadecimal floating-point string"))
    });
}

/// `int(x)` / `int(s, base)`.
fn int_new(vm: &Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let x = args.get(1);
    let base = args.get(2).or_else(|| kwarg(kwargs, "base"));
    let Some(x) = x else {
        return Ok(Value::Int(0));
    };
    if let Some(base) = base {
        let b = vm.to_index(base)?;
        let text = match x {
            Value::Str(s) => s.as_str().to_owned(),
            Value::Bytes(b) => String::from_utf8_lossy(&b.data.borrow()).into_owned(),
            _ => return Err(vm.type_error("int() can't convert non-string with explicit base")),
        };
        return parse_int(vm, &text, b as u32);
    }
    int_of(vm, x)
}

/// `int(x)` with one argument.
pub fn int_of(vm: &Vm, x: &Value) -> PyResult<Value> {
    match x {
        Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
        Value::Bool(b) => Ok(Value::Int(b.get() as i64)),
        Value::Float(_) => float_to_int(vm, x),
        Value::Str(s) => parse_int(vm, s.as_str(), 10),
        Value::Bytes(b) => parse_int(vm, &String::from_utf8_lossy(&b.data.borrow()), 10),
        other => {
            for name in ["__int__", "__index__", "__trunc__"] {
                if let Some(m) = vm.lookup_special(other, &vm.intern(name)) {
                    return vm.call_bound(&m, other, &[]);
                }
            }
            if let Value::Instance(i) = other {
                let base = i.base.borrow().clone();
                if !base.is_undefined() {
                    return int_of(vm, &base);
                }
            }
            Err(vm.type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                vm.type_name(other)
            )))
        }
    }
}

/// Parses an int literal in `base` (0: by prefix), with `_` separators as Python allows.
pub fn parse_int(vm: &Vm, text: &str, base: u32) -> PyResult<Value> {
    let err = || {
        vm.value_error(format!(
            "invalid literal for int() with base {base}: {}",
            crate::script::vm::repr::str_repr(text)
        ))
    };
    if base != 0 && !(2..=36).contains(&base) {
        return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
    }
    // The common literal, ASCII digits with perhaps a minus sign, short enough for a
    // machine int: read without trimming, prefix checks or separators.
    if base == 10 && text.len() <= 18 {
        let (negative, digits) = match text.as_bytes() {
            [b'-', rest @ ..] => (true, rest),
            all => (false, all),
        };
        if !digits.is_empty() && digits.iter().all(u8::is_ascii_digit) {
            let n = digits
                .iter()
                .fold(0i64, |n, &d| n * 10 + i64::from(d - b'0'));
            return Ok(Value::Int(if negative { -n } else { n }));
        }
    }
    // As CPython does, Unicode decimal digits count as their ASCII digits.
    let ascii;
    let s = if text.is_ascii() {
        text.trim()
    } else {
        ascii = text
            .trim()
            .chars()
            .map(|c| match crate::script::object::unicode::decimal_value(c) {
                Some(d) => char::from_digit(d, 10).unwrap_or('?'),
                None if c.is_ascii() => c,
                None => '?',
            })
            .collect::<String>();
        ascii.as_str()
    };
    let (negative, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let prefix = match s.as_bytes() {
        [b'0', p, ..] => Some(p.to_ascii_lowercase()),
        _ => None,
    };
    let (base, digits) = match (base, prefix) {
        (0 | 16, Some(b'x')) => (16, &s[2..]),
        (0 | 8, Some(b'o')) => (8, &s[2..]),
        (0 | 2, Some(b'b')) => (2, &s[2..]),
        (0, _) => {
            if s.len() > 1 && s.starts_with('0') && s.chars().any(|c| c != '0' && c != '_') {
                return Err(err());
            }
            (10, s)
        }
        (b, _) => (b, s),
    };
    // One underscore may follow a base prefix (`0x_1f`), never a sign.
    let digits = if digits.len() < s.len() {
        digits.strip_prefix('_').unwrap_or(digits)
    } else {
        digits
    };
    if digits.is_empty()
        || digits.starts_with(['_', '+', '-'])
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return Err(err());
    }
    // Most literals fit a machine int: parse those without building a big int.
    if digits.len() <= 18 && digits.bytes().all(|b| b.is_ascii_alphanumeric()) {
        if let Ok(n) = i64::from_str_radix(digits, base) {
            return Ok(Value::Int(if negative { -n } else { n }));
        }
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    let n = BigInt::parse_bytes(clean.as_bytes(), base).ok_or_else(err)?;
    Ok(Value::from_bigint(if negative { -n } else { n }))
}

fn float_to_int(vm: &Vm, v: &Value) -> PyResult<Value> {
    let Value::Float(f) = v else {
        return Err(vm.type_error("expected a float"));
    };
    if f.get().is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.get().is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    let t = f.get().trunc();
    if t.abs() < 9.0e18 {
        Ok(Value::Int(t as i64))
    } else {
        Ok(Value::from_bigint(num::float_to_big(t)))
    }
}

fn float_new(vm: &Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    match args.get(1) {
        Some(x) => float_of(vm, x),
        None => Ok(Value::float(0.0)),
    }
}

/// `float(x)` with one argument.
pub fn float_of(vm: &Vm, x: &Value) -> PyResult<Value> {
    Ok(Value::float(match x {
        Value::Float(f) => f.get(),
        Value::Int(i) => *i as f64,
        Value::Bool(b) => b.get() as i64 as f64,
        Value::BigInt(b) => num::big_to_f64(vm, b)?,
        Value::Str(s) => parse_float(s.as_str()).ok_or_else(|| {
            vm.value_error(format!(
                "could not convert string to float: {}",
                crate::script::vm::repr::str_repr(s.as_str())
            ))
        })?,
        other => {
            if let Some(m) = vm.lookup_special(other, &vm.intern("__float__")) {
                return vm.call_bound(&m, other, &[]);
            }
            if let Some(m) = vm.lookup_special(other, &vm.names.index) {
                let i = vm.call_bound(&m, other, &[])?;
                return float_of(vm, &i);
            }
            return Err(vm.type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                vm.type_name(other)
            )));
        }
    }))
}

/// Python's float literal syntax (with `_`, `inf`, `nan`, surrounding whitespace).
pub fn parse_float(s: &str) -> Option<f64> {
    use crate::script::object::unicode::{decimal_value, is_space};
    // As CPython: surrounding Unicode whitespace is dropped and Unicode decimal digits
    // read as ASCII ones.
    let ascii: String = s
        .trim_matches(is_space)
        .chars()
        .map(|c| match decimal_value(c) {
            Some(d) if !c.is_ascii() => char::from(b'0' + d as u8),
            _ => c,
        })
        .collect();
    let t = ascii.as_str();
    let lower = t.to_ascii_lowercase();
    let body = lower.strip_prefix(['+', '-']).unwrap_or(&lower);
    let negative = lower.starts_with('-');
    match body {
        "inf" | "infinity" => {
            return Some(if negative {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            })
        }
        "nan" => return Some(if negative { -f64::NAN } else { f64::NAN }),
        _ => {}
    }
    // An underscore only ever stands between two digits.
    let b = t.as_bytes();
    let misplaced_underscore = (0..b.len()).any(|i| {
        b[i] == b'_'
            && !(i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit))
    });
    if t.is_empty() || misplaced_underscore {
        return None;
    }
    let clean: String = t.chars().filter(|&c| c != '_').collect();
    if !clean
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
    {
        return None;
    }
    clean.parse().ok()
}

fn to_bytes(vm: &Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let n = to_big(&args[0]).ok_or_else(|| vm.type_error("to_bytes needs an int"))?;
    let length = match args.get(1).or_else(|| kwarg(kwargs, "length")) {
        Some(v) => vm.to_index(v)? as usize,
        None => 1,
    };
    let big_endian = match args.get(2).or_else(|| kwarg(kwargs, "byteorder")) {
        Some(Value::Str(s)) if s.as_str() == "little" => false,
        Some(Value::Str(s)) if s.as_str() == "big" => true,
        None => true,
        _ => return Err(vm.value_error("byteorder must be either 'little' or 'big'")),
    };
    let signed = match kwarg(kwargs, "signed") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if n.is_negative() && !signed {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed {
        n.to_signed_bytes_le()
    } else {
        n.to_bytes_le().1
    };
    if n.is_zero() {
        bytes = vec![];
    }
    if bytes.len() > length {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let pad = if n.is_negative() { 0xff } else { 0 };
    bytes.resize(length, pad);
    if big_endian {
        bytes.reverse();
    }
    Ok(Value::Bytes(std::rc::Rc::new(
        crate::script::object::Bytes::new(bytes, false),
    )))
}

fn from_bytes(vm: &Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let data = match args.get(1) {
        Some(Value::Bytes(b)) => b.data.borrow().clone(),
        Some(other) => vm
            .collect(other)?
            .iter()
            .map(|v| vm.to_index(v).map(|x| x as u8))
            .collect::<PyResult<_>>()?,
        None => return Err(vm.type_error("from_bytes() missing required argument 'bytes'")),
    };
    let big_endian = !matches!(
        args.get(2).or_else(|| kwarg(kwargs, "byteorder")),
        Some(Value::Str(s)) if s.as_str() == "little"
    );
    let signed = match kwarg(kwargs, "signed") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut le = data;
    if big_endian {
        le.reverse();
    }
    let n = if signed {
        BigInt::from_signed_bytes_le(&le)
    } else {
        BigInt::from_bytes_le(num_bigint::Sign::Plus, &le)
    };
    Ok(Value::from_bigint(n))
}

/// The exact ratio of a finite float.
pub fn float_ratio(f: f64) -> (BigInt, BigInt) {
    if f == 0.0 {
        return (BigInt::zero(), BigInt::from(1));
    }
    let bits = f.to_bits();
    let negative = bits >> 63 == 1;
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mantissa = if exp == 0 {
        (bits & ((1 << 52) - 1)) << 1
    } else {
        (bits & ((1 << 52) - 1)) | (1 << 52)
    };
    let e = exp - 1075;
    let mut n = BigInt::from(mantissa);
    let mut d = BigInt::from(1);
    if e > 0 {
        n <<= e as usize;
    } else {
        d <<= (-e) as usize;
    }
    let g = num_integer::Integer::gcd(&n, &d);
    n /= &g;
    d /= &g;
    (if negative { -n } else { n }, d)
}

fn float_hex(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_owned();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    // CPython always prints all 13 hex digits of the mantissa.
    format!(
        "{sign}0x{lead}.{mant:013x}p{}{}",
        if e < 0 { "-" } else { "+" },
        e.abs()
    )
}

fn parse_hex_float(s: &str) -> Option<f64> {
    let (negative, s) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let s = s
        .strip_prefix("0x")
        .or_else(|| s.strip_prefix("0X"))
        .unwrap_or(s);
    let (mant, exp) = match s.find(['p', 'P']) {
        Some(i) => (&s[..i], s[i + 1..].parse::<i32>().ok()?),
        None => (s, 0),
    };
    let (int_part, frac_part) = mant.split_once('.').unwrap_or((mant, ""));
    let mut v = 0f64;
    for c in int_part.chars() {
        v = v * 16.0 + c.to_digit(16)? as f64;
    }
    let mut scale = 1.0 / 16.0;
    for c in frac_part.chars() {
        v += c.to_digit(16)? as f64 * scale;
        scale /= 16.0;
    }
    // 2**exp in steps that stay within the normal range, so that a subnormal result is
    // rounded once, by the last multiplication, and 2**-1050 is not 1/inf.
    let mut r = v;
    let mut exp = exp;
    while exp > 1000 {
        r *= 2f64.powi(1000);
        exp -= 1000;
    }
    while exp < -1000 {
        r *= 2f64.powi(-1000);
        exp += 1000;
    }
    r *= 2f64.powi(exp);
    Some(if negative { -r } else { r })
}

/// An int value as an exact `int` (a bool becomes 0 or 1).
fn exact_int(v: &Value) -> Value {
    match v {
        Value::Bool(b) => Value::Int(b.get() as i64),
        other => other.clone(),
    }
}
