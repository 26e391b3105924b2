//! Operations on a coefficient's digits as a string of symbols: the logical operations
//! on numbers written with 0s and 1s, and rotating or shifting digits within the
//! precision. None of them rounds.

use super::number::{Conds, Ctx, Dec, Kind};
use num_bigint::BigUint;
use num_traits::ToPrimitive;

/// Beyond this precision the digit strings these operations build would not fit in
/// memory; such contexts get InvalidOperation here (CPython raises MemoryError).
const MAX_DIGITS: i64 = 100_000_000;

/// The invalid-operation result.
fn invalid(conds: &mut Conds) -> Dec {
    conds.raise(Conds::INVALID_OPERATION);
    Dec::nan()
}

/// The coefficient's last `prec` digits, most significant first, as ASCII.
fn last_digits(coef: &BigUint, prec: usize) -> Vec<u8> {
    let mut digits = coef.to_str_radix(10).into_bytes();
    if digits.len() > prec {
        digits.drain(..digits.len() - prec);
    }
    digits
}

fn from_digits(sign: bool, digits: &[u8], exp: i64) -> Dec {
    let coef = BigUint::parse_bytes(digits, 10).unwrap_or_default();
    Dec::finite(sign, coef, exp)
}

/// The digits of a logical operand (non-negative, exponent 0, only 0s and 1s), its last
/// `prec` ones, least significant first.
fn logical_digits(d: &Dec, prec: usize) -> Option<Vec<bool>> {
    if d.kind != Kind::Finite || d.sign || d.exp != 0 {
        return None;
    }
    let text = d.coef.to_str_radix(10);
    if !text.bytes().all(|b| b == b'0' || b == b'1') {
        return None;
    }
    Some(text.bytes().rev().take(prec).map(|b| b == b'1').collect())
}

/// `a op b` digit by digit, or `op` on `a`'s digits padded to the precision (`b` absent:
/// `logical_invert`).
fn logical(
    a: &Dec,
    b: Option<&Dec>,
    ctx: &Ctx,
    conds: &mut Conds,
    op: fn(bool, bool) -> bool,
) -> Dec {
    if ctx.prec > MAX_DIGITS {
        return invalid(conds);
    }
    let prec = ctx.prec as usize;
    let (Some(x), Some(y)) = (
        logical_digits(a, prec),
        b.map_or(Some(Vec::new()), |b| logical_digits(b, prec)),
    ) else {
        return invalid(conds);
    };
    let width = if b.is_some() {
        x.len().max(y.len())
    } else {
        prec
    };
    let bit = |v: &[bool], i: usize| v.get(i).copied().unwrap_or(false);
    let digits: Vec<u8> = (0..width)
        .rev()
        .map(|i| {
            if op(bit(&x, i), bit(&y, i)) {
                b'1'
            } else {
                b'0'
            }
        })
        .collect();
    from_digits(false, &digits, 0)
}

/// The digit count of a rotate or shift: an integer of at most the precision, or `None`.
fn digit_count(b: &Dec, ctx: &Ctx) -> Option<i64> {
    if b.kind != Kind::Finite || b.exp != 0 {
        return None;
    }
    let n = b.coef.to_i64().filter(|n| *n <= ctx.prec)?;
    Some(if b.sign { -n } else { n })
}

/// The shared first steps of rotate and shift: NaNs, the count's validity, infinities.
/// `Ok` holds the count and the precision.
fn digit_move(a: &Dec, b: &Dec, ctx: &Ctx, conds: &mut Conds) -> Result<(i64, usize), Dec> {
    if let Some(nan) = Dec::check_nans(a, Some(b), ctx, conds) {
        return Err(nan);
    }
    let Some(n) = digit_count(b, ctx) else {
        return Err(invalid(conds));
    };
    if a.kind == Kind::Infinite {
        return Err(a.clone());
    }
    if ctx.prec > MAX_DIGITS {
        return Err(invalid(conds));
    }
    Ok((n, ctx.prec as usize))
}

impl Dec {
    pub fn logical_and(&self, o: &Dec, ctx: &Ctx, conds: &mut Conds) -> Dec {
        logical(self, Some(o), ctx, conds, |x, y| x & y)
    }

    pub fn logical_or(&self, o: &Dec, ctx: &Ctx, conds: &mut Conds) -> Dec {
        logical(self, Some(o), ctx, conds, |x, y| x | y)
    }

    pub fn logical_xor(&self, o: &Dec, ctx: &Ctx, conds: &mut Conds) -> Dec {
        logical(self, Some(o), ctx, conds, |x, y| x ^ y)
    }

    pub fn logical_invert(&self, ctx: &Ctx, conds: &mut Conds) -> Dec {
        logical(self, None, ctx, conds, |x, _| !x)
    }

    /// The coefficient's digits, padded to the precision, rotated left by `o` places
    /// (right when negative).
    pub fn rotate(&self, o: &Dec, ctx: &Ctx, conds: &mut Conds) -> Dec {
        let (n, prec) = match digit_move(self, o, ctx, conds) {
            Ok(v) => v,
            Err(r) => return r,
        };
        let mut digits = last_digits(&self.coef, prec);
        let mut padded = vec![b'0'; prec - digits.len()];
        padded.append(&mut digits);
        padded.rotate_left(n.rem_euclid(prec as i64) as usize);
        from_digits(self.sign, &padded, self.exp)
    }

    /// The coefficient's digits moved left by `o` places (right when negative), keeping
    /// at most the precision's worth.
    pub fn shift(&self, o: &Dec, ctx: &Ctx, conds: &mut Conds) -> Dec {
        let (n, prec) = match digit_move(self, o, ctx, conds) {
            Ok(v) => v,
            Err(r) => return r,
        };
        let mut digits = last_digits(&self.coef, prec);
        if n >= 0 {
            digits.resize(digits.len() + n as usize, b'0');
            if digits.len() > prec {
                digits.drain(..digits.len() - prec);
            }
        } else {
            digits.truncate(digits.len().saturating_sub(n.unsigned_abs() as usize));
        }
        if digits.is_empty() {
            digits.push(b'0');
        }
        from_digits(self.sign, &digits, self.exp)
    }
}
