//! Arithmetic on ints (inline `i64`, promoted to bigints on overflow) and floats, with
//! Python's semantics: floor division and modulo round toward negative infinity, `/` is
//! true division, `**` with a negative exponent gives a float.

use super::{PyResult, Vm};
use crate::script::compile::code::BinOp;
use crate::script::object::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use std::rc::Rc;

/// A numeric operand, widened.
pub enum Num {
    Int(i64),
    Big(Rc<BigInt>),
    Float(f64),
}

impl Num {
    pub fn of(v: &Value) -> Option<Num> {
        Some(match v {
            Value::Int(i) => Num::Int(*i),
            Value::Bool(b) => Num::Int(b.get() as i64),
            Value::BigInt(b) => Num::Big(b.clone()),
            Value::Float(f) => Num::Float(f.get()),
            _ => return None,
        })
    }

    fn big(&self) -> BigInt {
        match self {
            Num::Int(i) => BigInt::from(*i),
            Num::Big(b) => (**b).clone(),
            Num::Float(_) => BigInt::zero(),
        }
    }
}

/// An int value as a bigint (for the cold paths).
pub fn to_big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(b.get() as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

/// A bigint as the nearest float, or OverflowError.
pub fn big_to_f64(vm: &Vm, b: &BigInt) -> PyResult<f64> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(vm.overflow_error("int too large to convert to float")),
    }
}

pub fn num_to_f64(vm: &Vm, n: &Num) -> PyResult<f64> {
    match n {
        Num::Int(i) => Ok(*i as f64),
        Num::Big(b) => big_to_f64(vm, b),
        Num::Float(f) => Ok(*f),
    }
}

/// Python's floor division and modulo on i64 (the caller has excluded b == 0).
#[inline]
pub fn floor_divmod(a: i64, b: i64) -> Option<(i64, i64)> {
    let q = a.checked_div(b)?;
    let r = a.checked_rem(b)?;
    if r != 0 && ((r < 0) != (b < 0)) {
        Some((q - 1, r + b))
    } else {
        Some((q, r))
    }
}

/// Python's `divmod` on floats: the quotient is derived from C's `fmod` before the
/// remainder is moved to the divisor's sign, so infinite divisors and quotients past 2**53
/// round as CPython's do.
pub fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        // A zero remainder takes the divisor's sign.
        m = 0.0f64.copysign(b);
    }
    let q = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(a / b)
    };
    (q, m)
}

pub fn float_mod(a: f64, b: f64) -> f64 {
    float_divmod(a, b).1
}

pub fn float_floordiv(a: f64, b: f64) -> f64 {
    float_divmod(a, b).0
}

/// `a op b` when both are numbers; `None` when the operator does not apply to numbers.
pub fn arith(vm: &Vm, op: BinOp, a: &Num, b: &Num) -> Option<PyResult<Value>> {
    use Num::*;
    // No number multiplies matrices: the caller's general error names the operand types.
    if op == BinOp::MatMul {
        return None;
    }
    if let (Float(_), _) | (_, Float(_)) = (a, b) {
        if matches!(
            op,
            BinOp::LShift | BinOp::RShift | BinOp::And | BinOp::Or | BinOp::Xor
        ) {
            return None;
        }
        let x = match num_to_f64(vm, a) {
            Ok(x) => x,
            Err(e) => return Some(Err(e)),
        };
        let y = match num_to_f64(vm, b) {
            Ok(y) => y,
            Err(e) => return Some(Err(e)),
        };
        return Some(float_arith(vm, op, x, y));
    }
    if let (Int(x), Int(y)) = (a, b) {
        if let Some(r) = int_arith_small(vm, op, *x, *y) {
            return Some(r);
        }
    }
    Some(big_arith(vm, op, a.big(), b.big()))
}

pub fn float_arith(vm: &Vm, op: BinOp, x: f64, y: f64) -> PyResult<Value> {
    Ok(Value::float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => {
            if y == 0.0 {
                return Err(vm.zero_division("float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Err(vm.zero_division("float floor division by zero"));
            }
            float_floordiv(x, y)
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(vm.zero_division("float modulo"));
            }
            float_mod(x, y)
        }
        BinOp::Pow => return float_pow(vm, x, y),
        _ => return Err(vm.type_error("unsupported operand")),
    }))
}

pub fn float_pow(vm: &Vm, x: f64, y: f64) -> PyResult<Value> {
    if x == 0.0 && y < 0.0 {
        return Err(vm.zero_division("0.0 cannot be raised to a negative power"));
    }
    if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        return Err(vm.value_error(
            "complex results of negative numbers raised to fractional powers are not supported",
        ));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.overflow_error("(34, 'Numerical result out of range')"));
    }
    Ok(Value::float(r))
}

/// The i64 fast path; `None` on overflow (the caller retries with bigints).
#[inline]
pub fn int_arith_small(vm: &Vm, op: BinOp, x: i64, y: i64) -> Option<PyResult<Value>> {
    Some(Ok(Value::Int(match op {
        BinOp::Add => x.checked_add(y)?,
        BinOp::Sub => x.checked_sub(y)?,
        BinOp::Mul => x.checked_mul(y)?,
        BinOp::TrueDiv => {
            if y == 0 {
                return Some(Err(vm.zero_division("division by zero")));
            }
            if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                return Some(Ok(Value::float(x as f64 / y as f64)));
            }
            return None;
        }
        BinOp::FloorDiv => {
            if y == 0 {
                return Some(Err(vm.zero_division("integer division or modulo by zero")));
            }
            floor_divmod(x, y)?.0
        }
        BinOp::Mod => {
            if y == 0 {
                return Some(Err(vm.zero_division("integer modulo by zero")));
            }
            floor_divmod(x, y)?.1
        }
        BinOp::Pow => {
            if y < 0 {
                return Some(float_pow(vm, x as f64, y as f64));
            }
            let e = u32::try_from(y).ok()?;
            x.checked_pow(e)?
        }
        BinOp::LShift => {
            if y < 0 {
                return Some(Err(vm.value_error("negative shift count")));
            }
            if y >= 63 {
                if x == 0 {
                    0
                } else {
                    return None;
                }
            } else {
                let r = x.checked_shl(y as u32)?;
                if (r >> y) != x {
                    return None;
                }
                r
            }
        }
        BinOp::RShift => {
            if y < 0 {
                return Some(Err(vm.value_error("negative shift count")));
            }
            x >> y.min(63)
        }
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::MatMul => return None,
    })))
}

fn big_arith(vm: &Vm, op: BinOp, x: BigInt, y: BigInt) -> PyResult<Value> {
    Ok(Value::from_bigint(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => {
            if y.is_zero() {
                return Err(vm.zero_division("division by zero"));
            }
            return Ok(Value::float(big_true_div(vm, &x, &y)?));
        }
        BinOp::FloorDiv => {
            if y.is_zero() {
                return Err(vm.zero_division("integer division or modulo by zero"));
            }
            x.div_floor(&y)
        }
        BinOp::Mod => {
            if y.is_zero() {
                return Err(vm.zero_division("integer modulo by zero"));
            }
            x.mod_floor(&y)
        }
        BinOp::Pow => {
            if y.is_negative() {
                let fx = big_to_f64(vm, &x)?;
                let fy = big_to_f64(vm, &y)?;
                return float_pow(vm, fx, fy);
            }
            let Some(e) = y.to_u32() else {
                if x.abs() <= BigInt::from(1) {
                    return Ok(Value::from_bigint(
                        if x.is_negative() && (&y % 2u32) == BigInt::from(1) {
                            x
                        } else {
                            x.abs()
                        },
                    ));
                }
                return Err(vm.new_error(&vm.types.memory_error, ""));
            };
            if (x.bits() as usize).saturating_mul(e as usize) / 8 > super::ops::MAX_ALLOCATION {
                return Err(vm.new_error(&vm.types.memory_error, ""));
            }
            num_traits::pow(x, e as usize)
        }
        BinOp::LShift => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            let Some(s) = y.to_usize() else {
                return Err(vm.overflow_error("too many digits in integer"));
            };
            if (x.bits() as usize).saturating_add(s) / 8 > super::ops::MAX_ALLOCATION {
                return Err(vm.new_error(&vm.types.memory_error, ""));
            }
            x << s
        }
        BinOp::RShift => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            match y.to_usize() {
                Some(s) => x >> s,
                None => BigInt::from(if x.is_negative() { -1 } else { 0 }),
            }
        }
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        // `arith` declines `@` before it gets here; ints do not support it.
        BinOp::MatMul => return Err(vm.binary_error(op, &Value::Int(0), &Value::Int(0))),
    }))
}

/// Correctly rounded `x / y` for big ints (within float range).
fn big_true_div(vm: &Vm, x: &BigInt, y: &BigInt) -> PyResult<f64> {
    let negative = x.is_negative() != y.is_negative();
    let sign = |f: f64| if negative { -f } else { f };
    if x.is_zero() {
        return Ok(sign(0.0));
    }
    match (x.to_f64(), y.to_f64()) {
        (Some(a), Some(b)) if a.abs() < 9.0e15 && b.abs() < 9.0e15 => Ok(a / b),
        _ => {
            // Scale so the quotient keeps at least 64 significant bits; a nonzero
            // remainder becomes a sticky low bit, so the one rounding to 53 bits in
            // `to_f64` is the correct one.
            let (x, y) = (x.abs(), y.abs());
            let gap = x.bits() as i64 - y.bits() as i64;
            let shift = (gap - 64).max(0) as usize;
            let lshift = (64 - gap).max(0) as usize;
            let (q, r) = (x << lshift).div_rem(&(y << shift));
            let q = (q << 1usize) + u32::from(!r.is_zero());
            let scale = shift as i32 - lshift as i32 - 1;
            let f = q.to_f64().unwrap_or(f64::INFINITY) * 2f64.powi(scale);
            if f.is_infinite() {
                return Err(vm.overflow_error("integer division result too large for a float"));
            }
            Ok(sign(f))
        }
    }
}

/// Python's hash of an int: the value modulo 2**61 - 1, keeping the sign; -1 becomes -2.
pub fn hash_int(v: &Value) -> i64 {
    const MODULUS: i128 = (1 << 61) - 1;
    let h = match v {
        Value::Int(i) => (*i as i128 % MODULUS) as i64,
        Value::Bool(b) => b.get() as i64,
        Value::BigInt(b) => {
            let m = BigInt::from(MODULUS);
            let r = b.abs() % &m;
            let r = r.to_i64().unwrap_or(0);
            if b.is_negative() {
                -r
            } else {
                r
            }
        }
        _ => 0,
    };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Python's hash of a float (equal to the hash of an equal int).
pub fn hash_float(f: f64) -> i64 {
    const BITS: i32 = 61;
    const MODULUS: u64 = (1 << BITS) - 1;
    if f.is_nan() {
        return 0;
    }
    if f.is_infinite() {
        return if f > 0.0 { 314159 } else { -314159 };
    }
    let (mut m, mut e) = frexp(f.abs());
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % BITS
    } else {
        BITS - 1 - ((-1 - e) % BITS)
    };
    x = ((x << e) & MODULUS) | (x >> (BITS - e));
    let mut h = x as i64;
    if f < 0.0 {
        h = -h;
    }
    if h == -1 {
        -2
    } else {
        h
    }
}

fn frexp(f: f64) -> (f64, i32) {
    if f == 0.0 {
        return (0.0, 0);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(f * 2f64.powi(54));
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// Compares an int and a float exactly (no rounding of large ints).
pub fn cmp_int_float(i: &BigInt, f: f64) -> Option<std::cmp::Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            std::cmp::Ordering::Less
        } else {
            std::cmp::Ordering::Greater
        });
    }
    let fl = f.floor();
    let fb = num_bigint::BigInt::from_signed_bytes_le(&[]) + float_to_big(fl);
    match i.cmp(&fb) {
        std::cmp::Ordering::Equal => {
            if f > fl {
                Some(std::cmp::Ordering::Less)
            } else {
                Some(std::cmp::Ordering::Equal)
            }
        }
        o => Some(o),
    }
}

/// An integral float as a bigint.
pub fn float_to_big(f: f64) -> BigInt {
    use num_traits::FromPrimitive;
    BigInt::from_f64(f).unwrap_or_default()
}
