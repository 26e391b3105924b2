//! Arithmetic on [`Dec`]: the four operations and their integer-division relatives, fused
//! multiply-add, the rounding unary operations, comparisons, min/max, sign manipulation
//! and classification.
//!
//! Each operation computes its exact result (or enough of it plus a sticky digit) and
//! rounds once with [`Dec::fix`], as CPython's libmpdec does, so results and conditions
//! match CPython's `decimal`.

use super::number::{ndigits, pow10_shared, Conds, Ctx, Dec, Kind, Rounding};
use num_bigint::BigUint;
use num_integer::Integer;
use num_traits::Zero;
use std::borrow::Cow;
use std::cmp::Ordering::{self, Equal, Greater, Less};

/// `coef * 10**shift` for `shift >= 0`, borrowed when nothing changes.
fn scaled(coef: &BigUint, shift: i64) -> Cow<'_, BigUint> {
    if shift == 0 || coef.is_zero() {
        Cow::Borrowed(coef)
    } else {
        Cow::Owned(coef * &*pow10_shared(shift as u64))
    }
}

/// The NaN result of an invalid operation, after raising `cond`.
fn invalid(conds: &mut Conds, cond: u32) -> Dec {
    conds.raise(cond);
    Dec::nan()
}

/// The sign of an exact zero that is the sum of operands of opposite signs: IEEE 754
/// makes it negative only when rounding toward negative infinity.
fn zero_sum_sign(ctx: &Ctx) -> bool {
    ctx.rounding == Rounding::Floor
}

/// -1, 0 or 1 as a decimal.
fn from_ordering(ord: Ordering) -> Dec {
    Dec::finite(ord == Less, BigUint::from((ord != Equal) as u32), 0)
}

/// Compares the magnitudes of two values that are not NaNs.
fn cmp_abs(a: &Dec, b: &Dec) -> Ordering {
    match (a.kind, b.kind) {
        (Kind::Infinite, Kind::Infinite) => return Equal,
        (Kind::Infinite, _) => return Greater,
        (_, Kind::Infinite) => return Less,
        _ => {}
    }
    match (a.coef.is_zero(), b.coef.is_zero()) {
        (true, true) => return Equal,
        (true, false) => return Less,
        (false, true) => return Greater,
        (false, false) => {}
    }
    let by_magnitude = a.adjusted().cmp(&b.adjusted());
    if by_magnitude != Equal {
        return by_magnitude;
    }
    // Same leading digit position, so the exponents differ by less than the digit
    // counts and aligning the coefficients stays cheap.
    let e = a.exp.min(b.exp);
    scaled(&a.coef, a.exp - e).cmp(&scaled(&b.coef, b.exp - e))
}

/// Signed numeric comparison of two values that are not NaNs.
fn cmp_value(a: &Dec, b: &Dec) -> Ordering {
    a.cmp_num(b).unwrap_or(Equal)
}

/// A finite operand of a sum: the sign may differ from the value it was taken from, and
/// the coefficient may be a stand-in.
#[derive(Clone, Copy)]
struct Term<'a> {
    sign: bool,
    coef: &'a BigUint,
    exp: i64,
}

impl<'a> Term<'a> {
    fn of(d: &'a Dec, sign: bool) -> Self {
        Term {
            sign,
            coef: &d.coef,
            exp: d.exp,
        }
    }

    fn adjusted(&self) -> i64 {
        self.exp + ndigits(self.coef) as i64 - 1
    }
}

/// `a + b`, or `a - b` when `negate_b`: the NaN and infinity rules, then the exact sum.
fn add_signed(a: &Dec, b: &Dec, negate_b: bool, ctx: &Ctx, conds: &mut Conds) -> Dec {
    if let Some(nan) = Dec::check_nans(a, Some(b), ctx, conds) {
        return nan;
    }
    let b_sign = b.sign ^ negate_b;
    match (a.kind, b.kind) {
        (Kind::Infinite, Kind::Infinite) if a.sign != b_sign => {
            return invalid(conds, Conds::INVALID_OPERATION)
        }
        (Kind::Infinite, _) => return Dec::infinity(a.sign),
        (_, Kind::Infinite) => return Dec::infinity(b_sign),
        _ => {}
    }
    add_finite(Term::of(a, a.sign), Term::of(b, b_sign), ctx, conds)
}

/// The correctly rounded sum of two finite terms.
fn add_finite(a: Term, b: Term, ctx: &Ctx, conds: &mut Conds) -> Dec {
    let (a_zero, b_zero) = (a.coef.is_zero(), b.coef.is_zero());
    if a_zero || b_zero {
        let exp = a.exp.min(b.exp);
        if a_zero && b_zero {
            let sign = if a.sign == b.sign {
                a.sign
            } else {
                zero_sum_sign(ctx)
            };
            return Dec::finite(sign, BigUint::zero(), exp).fix(ctx, conds);
        }
        let nz = if a_zero { b } else { a };
        // Padding to the zero's exponent appends zeros that rounding drops again; one
        // digit beyond the precision keeps the same result and conditions.
        let low = nz.adjusted() - ctx.prec;
        let exp = if exp < low { low.min(nz.exp) } else { exp };
        let coef = scaled(nz.coef, nz.exp - exp).into_owned();
        return Dec::finite(nz.sign, coef, exp).fix(ctx, conds);
    }
    let (a_adj, b_adj) = (a.adjusted(), b.adjusted());
    let ((hi, hi_adj), (mut lo, lo_adj)) = if a_adj >= b_adj {
        ((a, a_adj), (b, b_adj))
    } else {
        ((b, b_adj), (a, a_adj))
    };
    // Unless a subtraction of nearly equal magnitudes cancels leading digits, the sum is
    // rounded at or above digit position `cut + 1`, and `hi` has no digits below `cut`.
    // The digits of `lo` below `cut` then only tell whether they are zero: replacing them
    // by a single sticky digit at `cut - 1` rounds the same way, with the same
    // conditions. Besides keeping huge exponent gaps (1E+999999999 + 1E-999999999) from
    // building huge integers, this keeps the sum to about `prec` digits, so rounding it
    // never divides by a long power of ten.
    let cut = hi.exp.min(hi_adj - ctx.prec - 1);
    let truncated;
    if lo.exp < cut - 1 && (hi.sign == lo.sign || lo_adj <= hi_adj - 2) {
        let (high, sticky) = if lo_adj < cut {
            (BigUint::zero(), true)
        } else {
            let (high, low) = lo.coef.div_rem(&pow10_shared((cut - lo.exp) as u64));
            (high, !low.is_zero())
        };
        truncated = high * 10u32 + u32::from(sticky);
        lo = Term {
            coef: &truncated,
            exp: cut - 1,
            ..lo
        };
    }
    let exp = hi.exp.min(lo.exp);
    // The sum is built in the buffer of an aligned operand, avoiding another allocation.
    let x = scaled(hi.coef, hi.exp - exp).into_owned();
    let y = scaled(lo.coef, lo.exp - exp);
    let (sign, coef) = if hi.sign == lo.sign {
        (hi.sign, x + &*y)
    } else {
        match x.cmp(&y) {
            Greater => (hi.sign, x - &*y),
            Less => (lo.sign, y.into_owned() - x),
            Equal => (zero_sum_sign(ctx), BigUint::zero()),
        }
    };
    Dec::finite(sign, coef, exp).fix(ctx, conds)
}

/// The unrounded product, or the special result (a NaN or an infinity).
fn product(a: &Dec, b: &Dec, ctx: &Ctx, conds: &mut Conds) -> Dec {
    if let Some(nan) = Dec::check_nans(a, Some(b), ctx, conds) {
        return nan;
    }
    let sign = a.sign ^ b.sign;
    if !a.is_finite() || !b.is_finite() {
        if a.is_zero() || b.is_zero() {
            return invalid(conds, Conds::INVALID_OPERATION);
        }
        return Dec::infinity(sign);
    }
    Dec::finite(sign, &a.coef * &b.coef, a.exp + b.exp)
}

/// `n mod 5`, without a division pass over `n`: 2**64 = 1 (mod 5), so `n` is congruent
/// to the sum of its 64-bit limbs.
fn mod5(n: &BigUint) -> u64 {
    n.iter_u64_digits()
        .fold(0, |acc, limb| (acc + limb % 5) % 5)
}

/// Removes up to `max` trailing zero digits of `q`; returns how many it removed.
fn strip_zeros(q: &mut BigUint, max: i64) -> i64 {
    const CHUNK: i64 = 16;
    const CHUNK_POW: u64 = 10u64.pow(CHUNK as u32);
    let mut removed = 0;
    // Whole chunks first, so a long run of zeros costs one pass per 16 digits.
    while max - removed >= CHUNK && (&*q % CHUNK_POW).is_zero() {
        *q /= CHUNK_POW;
        removed += CHUNK;
    }
    while removed < max && (&*q % 10u32).is_zero() {
        *q /= 10u32;
        removed += 1;
    }
    removed
}

/// A quotient with a zero divisor: NaN for 0/0 (DivisionUndefined), otherwise an
/// infinity (DivisionByZero).
/// The sign of the quotient `a / b`, or the whole result when an operand is a NaN or an
/// infinity or the divisor is zero; `by_infinity` gives a finite number divided by an
/// infinity, which `/` and `//` treat differently.
fn quotient_sign(
    a: &Dec,
    b: &Dec,
    ctx: &Ctx,
    conds: &mut Conds,
    by_infinity: impl FnOnce(bool, &mut Conds) -> Dec,
) -> Result<bool, Dec> {
    if let Some(nan) = Dec::check_nans(a, Some(b), ctx, conds) {
        return Err(nan);
    }
    let sign = a.sign ^ b.sign;
    match (a.kind, b.kind) {
        (Kind::Infinite, Kind::Infinite) => Err(invalid(conds, Conds::INVALID_OPERATION)),
        (Kind::Infinite, _) => Err(Dec::infinity(sign)),
        (_, Kind::Infinite) => Err(by_infinity(sign, conds)),
        _ if b.coef.is_zero() => Err(zero_divisor_quotient(a.coef.is_zero(), sign, conds)),
        _ => Ok(sign),
    }
}

fn zero_divisor_quotient(dividend_zero: bool, sign: bool, conds: &mut Conds) -> Dec {
    if dividend_zero {
        return invalid(conds, Conds::DIVISION_UNDEFINED);
    }
    conds.raise(Conds::DIVISION_BY_ZERO);
    Dec::infinity(sign)
}

/// The quotient and remainder of the truncating division of finite `a` by finite nonzero
/// `b`, the remainder unrounded at exponent `min(a.exp, b.exp)` (which it returns). After
/// raising DivisionImpossible, `None` when the quotient has more digits than the precision.
fn div_trunc(a: &Dec, b: &Dec, ctx: &Ctx, conds: &mut Conds) -> Option<(BigUint, BigUint, i64)> {
    let e = a.exp.min(b.exp);
    if a.coef.is_zero() {
        return Some((BigUint::zero(), BigUint::zero(), e));
    }
    let (a_adj, b_adj) = (a.adjusted(), b.adjusted());
    if a_adj < b_adj {
        // |a| < |b|: the remainder is a itself, and b (whose exponent may be far above
        // a's) is never scaled.
        return Some((BigUint::zero(), scaled(&a.coef, a.exp - e).into_owned(), e));
    }
    if a_adj - b_adj > ctx.prec {
        conds.raise(Conds::DIVISION_IMPOSSIBLE);
        return None;
    }
    // The adjusted exponents are within the precision, which bounds the scaling.
    let (q, r) = scaled(&a.coef, a.exp - e).div_rem(&scaled(&b.coef, b.exp - e));
    if ndigits(&q) as i64 > ctx.prec {
        conds.raise(Conds::DIVISION_IMPOSSIBLE);
        return None;
    }
    Some((q, r, e))
}

impl Dec {
    /// `self + o`.
    pub fn add(&self, o: &Dec, ctx: &Ctx, conds: &mut Conds) -> Dec {
        add_signed(self, o, false, ctx, conds)
    }

    /// `self - o`.
    pub fn sub(&self, o: &Dec, ctx: &Ctx, conds: &mut Conds) -> Dec {
        add_signed(self, o, true, ctx, conds)
    }

    /// `self * o`.
    pub fn mul(&self, o: &Dec, ctx: &Ctx, conds: &mut Conds) -> Dec {
        product(self, o, ctx, conds).fix(ctx, conds)
    }

    /// `self * b + c` with a single rounding.
    pub fn fma(&self, b: &Dec, c: &Dec, ctx: &Ctx, conds: &mut Conds) -> Dec {
        // As in libmpdec, an invalid product is the result: `c` is not looked at, even
        // when it is a signalling NaN. A quiet NaN product still meets `c`'s NaN rules.
        let mut product_conds = Conds::default();
        let p = product(self, b, ctx, &mut product_conds);
        conds.raise(product_conds.0);
        if product_conds.has(Conds::INVALID_OPERATION) {
            return p;
        }
        add_signed(&p, c, false, ctx, conds)
    }

    /// `self / o`.
    pub fn div(&self, o: &Dec, ctx: &Ctx, conds: &mut Conds) -> Dec {
        // Finite / infinity: the smallest zero, one exponent below what fits (Clamped).
        let by_infinity = |sign, conds: &mut Conds| {
            Dec::finite(sign, BigUint::zero(), ctx.etiny() - 1).fix(ctx, conds)
        };
        let sign = match quotient_sign(self, o, ctx, conds, by_infinity) {
            Ok(sign) => sign,
            Err(special) => return special,
        };
        let ideal = self.exp - o.exp;
        if self.coef.is_zero() {
            return Dec::finite(sign, BigUint::zero(), ideal).fix(ctx, conds);
        }
        // Scale so the integer quotient has prec + 1 or prec + 2 digits: enough to round,
        // with the remainder folded into a sticky last digit.
        let shift = ctx.prec + 1 + ndigits(&o.coef) as i64 - ndigits(&self.coef) as i64;
        let (mut q, r) = if shift >= 0 {
            scaled(&self.coef, shift).div_rem(&o.coef)
        } else {
            self.coef.div_rem(&scaled(&o.coef, -shift))
        };
        let mut exp = ideal - shift;
        if !r.is_zero() {
            // The true quotient lies strictly above q: a last digit of 0 or 5 would read
            // as an exact or half-way value, so it is nudged up.
            if mod5(&q) == 0 {
                q += 1u32;
            }
        } else if exp < ideal {
            // An exact quotient takes the exponent closest to the ideal one.
            exp += strip_zeros(&mut q, ideal - exp);
        }
        Dec::finite(sign, q, exp).fix(ctx, conds)
    }

    /// `self // o`: the quotient truncated toward zero.
    pub fn div_int(&self, o: &Dec, ctx: &Ctx, conds: &mut Conds) -> Dec {
        // Finite // infinity is zero, not rounded, as in libmpdec.
        let by_infinity = |sign, _: &mut Conds| Dec::finite(sign, BigUint::zero(), 0);
        let sign = match quotient_sign(self, o, ctx, conds, by_infinity) {
            Ok(sign) => sign,
            Err(special) => return special,
        };
        match div_trunc(self, o, ctx, conds) {
            Some((q, _, _)) => Dec::finite(sign, q, 0).fix(ctx, conds),
            None => Dec::nan(),
        }
    }

    /// `self % o`: the remainder of truncating division, with the sign of `self`.
    pub fn rem(&self, o: &Dec, ctx: &Ctx, conds: &mut Conds) -> Dec {
        if let Some(special) = self.rem_special(o, ctx, conds) {
            return special;
        }
        match div_trunc(self, o, ctx, conds) {
            Some((_, r, e)) => Dec::finite(self.sign, r, e).fix(ctx, conds),
            None => Dec::nan(),
        }
    }

    /// `self.remainder_near(o)`: `self - n * o` for the integer `n` nearest to `self / o`
    /// (ties to even).
    pub fn rem_near(&self, o: &Dec, ctx: &Ctx, conds: &mut Conds) -> Dec {
        if let Some(special) = self.rem_special(o, ctx, conds) {
            return special;
        }
        let Some((mut q, mut r, e)) = div_trunc(self, o, ctx, conds) else {
            return Dec::nan();
        };
        let mut sign = self.sign;
        // Below a tenth of |o| the truncated remainder is already the nearest one; above
        // it, o aligned to e is at most a few digits longer than self.
        if !r.is_zero() && self.adjusted() >= o.adjusted() - 1 {
            let y = scaled(&o.coef, o.exp - e);
            let twice: BigUint = &r << 1u32;
            let up = match twice.cmp(&y) {
                Greater => true,
                Equal => q.is_odd(),
                Less => false,
            };
            if up {
                q += 1u32;
                if ndigits(&q) as i64 > ctx.prec {
                    return invalid(conds, Conds::DIVISION_IMPOSSIBLE);
                }
                r = &*y - &r;
                sign = !sign;
            }
        }
        Dec::finite(sign, r, e).fix(ctx, conds)
    }

    /// The result of a remainder operation that is decided without dividing: NaN
    /// operands, infinities and zero divisors.
    fn rem_special(&self, o: &Dec, ctx: &Ctx, conds: &mut Conds) -> Option<Dec> {
        if let Some(nan) = Dec::check_nans(self, Some(o), ctx, conds) {
            return Some(nan);
        }
        if self.kind == Kind::Infinite {
            return Some(invalid(conds, Conds::INVALID_OPERATION));
        }
        if o.kind == Kind::Infinite {
            return Some(self.clone().fix(ctx, conds));
        }
        if o.coef.is_zero() {
            let cond = if self.coef.is_zero() {
                Conds::DIVISION_UNDEFINED
            } else {
                Conds::INVALID_OPERATION
            };
            return Some(invalid(conds, cond));
        }
        None
    }

    /// `divmod(self, o)`: the truncated quotient and the remainder.
    pub fn divmod(&self, o: &Dec, ctx: &Ctx, conds: &mut Conds) -> (Dec, Dec) {
        if let Some(nan) = Dec::check_nans(self, Some(o), ctx, conds) {
            return (nan.clone(), nan);
        }
        let sign = self.sign ^ o.sign;
        if self.kind == Kind::Infinite {
            conds.raise(Conds::INVALID_OPERATION);
            let q = if o.kind == Kind::Infinite {
                Dec::nan()
            } else {
                Dec::infinity(sign)
            };
            return (q, Dec::nan());
        }
        if o.kind == Kind::Infinite {
            // Unlike the other results, this quotient is not rounded (as in libmpdec).
            return (
                Dec::finite(sign, BigUint::zero(), 0),
                self.clone().fix(ctx, conds),
            );
        }
        if o.coef.is_zero() {
            // The remainder of x / 0 is invalid as well.
            if !self.coef.is_zero() {
                conds.raise(Conds::INVALID_OPERATION);
            }
            let q = zero_divisor_quotient(self.coef.is_zero(), sign, conds);
            return (q, Dec::nan());
        }
        match div_trunc(self, o, ctx, conds) {
            Some((q, r, e)) => (
                Dec::finite(sign, q, 0).fix(ctx, conds),
                Dec::finite(self.sign, r, e).fix(ctx, conds),
            ),
            None => (Dec::nan(), Dec::nan()),
        }
    }

    /// Rounds `self` with the sign replaced by `sign`: the common part of `+d`, `-d` and
    /// `abs(d)`.
    fn round_with_sign(&self, sign: bool, ctx: &Ctx, conds: &mut Conds) -> Dec {
        if let Some(nan) = Dec::check_nans(self, None, ctx, conds) {
            return nan;
        }
        // A zero result is +0, except when rounding toward negative infinity.
        let sign = sign && !(self.is_zero() && ctx.rounding != Rounding::Floor);
        self.with_sign(sign).fix(ctx, conds)
    }

    /// `+self`: the value rounded to the context.
    pub fn plus(&self, ctx: &Ctx, conds: &mut Conds) -> Dec {
        self.round_with_sign(self.sign, ctx, conds)
    }

    /// `-self`, rounded to the context.
    pub fn minus(&self, ctx: &Ctx, conds: &mut Conds) -> Dec {
        self.round_with_sign(!self.sign, ctx, conds)
    }

    /// `abs(self)`, rounded to the context.
    pub fn abs(&self, ctx: &Ctx, conds: &mut Conds) -> Dec {
        self.round_with_sign(false, ctx, conds)
    }

    /// `self.compare(o)`: -1, 0 or 1, or a NaN when either operand is one.
    pub fn compare(&self, o: &Dec, ctx: &Ctx, conds: &mut Conds) -> Dec {
        if let Some(nan) = Dec::check_nans(self, Some(o), ctx, conds) {
            return nan;
        }
        from_ordering(cmp_value(self, o))
    }

    /// `self.compare_signal(o)`: like [`Dec::compare`], but any NaN is invalid.
    pub fn compare_signal(&self, o: &Dec, ctx: &Ctx, conds: &mut Conds) -> Dec {
        if let Some(nan) = Dec::check_nans(self, Some(o), ctx, conds) {
            conds.raise(Conds::INVALID_OPERATION);
            return nan;
        }
        from_ordering(cmp_value(self, o))
    }

    /// The total order of `compare_total`: -NaN < -sNaN < -Infinity < finite values <
    /// Infinity < sNaN < NaN, NaNs by payload, equal values by exponent.
    pub fn compare_total(&self, o: &Dec) -> Ordering {
        if self.sign != o.sign {
            return if self.sign { Less } else { Greater };
        }
        let ord = self.total_cmp_abs(o);
        if self.sign {
            ord.reverse()
        } else {
            ord
        }
    }

    /// `compare_total` of the absolute values.
    pub fn compare_total_mag(&self, o: &Dec) -> Ordering {
        self.total_cmp_abs(o)
    }

    /// The total order of the absolute values.
    fn total_cmp_abs(&self, o: &Dec) -> Ordering {
        let rank = |d: &Dec| match d.kind {
            Kind::Finite => 0,
            Kind::Infinite => 1,
            Kind::SNaN => 2,
            Kind::NaN => 3,
        };
        rank(self).cmp(&rank(o)).then_with(|| match self.kind {
            Kind::NaN | Kind::SNaN => self.coef.cmp(&o.coef),
            Kind::Infinite => Equal,
            Kind::Finite => cmp_abs(self, o).then(self.exp.cmp(&o.exp)),
        })
    }

    /// `max`, `min`, `max_mag` and `min_mag`.
    fn min_max(&self, o: &Dec, want_max: bool, mag: bool, ctx: &Ctx, conds: &mut Conds) -> Dec {
        // A single quiet NaN loses to a number; signalling NaNs still signal.
        if self.is_nan() || o.is_nan() {
            if self.kind == Kind::NaN && !o.is_nan() {
                return o.clone().fix(ctx, conds);
            }
            if o.kind == Kind::NaN && !self.is_nan() {
                return self.clone().fix(ctx, conds);
            }
            return Dec::check_nans(self, Some(o), ctx, conds).unwrap_or_else(Dec::nan);
        }
        // Ties (equal magnitudes, or numerically equal values) go by the total order,
        // which agrees with the numeric order wherever that decides.
        let ord = if mag {
            cmp_abs(self, o).then_with(|| self.compare_total(o))
        } else {
            self.compare_total(o)
        };
        let pick = if ord == Equal || (ord == Greater) == want_max {
            self
        } else {
            o
        };
        pick.clone().fix(ctx, conds)
    }

    /// `max(self, o)`, by the numeric order.
    pub fn max(&self, o: &Dec, ctx: &Ctx, conds: &mut Conds) -> Dec {
        self.min_max(o, true, false, ctx, conds)
    }

    /// `min(self, o)`, by the numeric order.
    pub fn min(&self, o: &Dec, ctx: &Ctx, conds: &mut Conds) -> Dec {
        self.min_max(o, false, false, ctx, conds)
    }

    /// The operand with the larger absolute value.
    pub fn max_mag(&self, o: &Dec, ctx: &Ctx, conds: &mut Conds) -> Dec {
        self.min_max(o, true, true, ctx, conds)
    }

    /// The operand with the smaller absolute value.
    pub fn min_mag(&self, o: &Dec, ctx: &Ctx, conds: &mut Conds) -> Dec {
        self.min_max(o, false, true, ctx, conds)
    }

    /// Whether both have the same exponent, or are both NaNs or both infinities.
    pub fn same_quantum(&self, o: &Dec) -> bool {
        match (self.kind, o.kind) {
            (Kind::Finite, Kind::Finite) => self.exp == o.exp,
            (Kind::Infinite, Kind::Infinite) => true,
            _ => self.is_nan() && o.is_nan(),
        }
    }

    /// `self` with a positive sign, unrounded.
    pub fn copy_abs(&self) -> Dec {
        self.with_sign(false)
    }

    /// `self` with the opposite sign, unrounded.
    pub fn copy_negate(&self) -> Dec {
        self.with_sign(!self.sign)
    }

    /// `self` with the sign of `o`, unrounded.
    pub fn copy_sign(&self, o: &Dec) -> Dec {
        self.with_sign(o.sign)
    }

    fn with_sign(&self, sign: bool) -> Dec {
        Dec {
            sign,
            ..self.clone()
        }
    }

    /// A nonzero finite value that is not subnormal.
    pub fn is_normal(&self, ctx: &Ctx) -> bool {
        self.is_finite() && !self.coef.is_zero() && self.adjusted() >= ctx.emin
    }

    /// A nonzero finite value below the normal range.
    pub fn is_subnormal(&self, ctx: &Ctx) -> bool {
        self.is_finite() && !self.coef.is_zero() && self.adjusted() < ctx.emin
    }

    /// `number_class()`: "sNaN", "NaN", or a sign followed by Infinity, Normal,
    /// Subnormal or Zero.
    pub fn number_class(&self, ctx: &Ctx) -> &'static str {
        let by_sign = |positive: &'static str, negative: &'static str| {
            if self.sign {
                negative
            } else {
                positive
            }
        };
        match self.kind {
            Kind::SNaN => "sNaN",
            Kind::NaN => "NaN",
            Kind::Infinite => by_sign("+Infinity", "-Infinity"),
            Kind::Finite if self.coef.is_zero() => by_sign("+Zero", "-Zero"),
            Kind::Finite if self.is_subnormal(ctx) => by_sign("+Subnormal", "-Subnormal"),
            Kind::Finite => by_sign("+Normal", "-Normal"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::text::parse;
    use super::*;

    const CONDITION_NAMES: [(u32, &str); 10] = [
        (Conds::CLAMPED, "Clamped"),
        (Conds::DIVISION_BY_ZERO, "DivisionByZero"),
        (Conds::DIVISION_IMPOSSIBLE, "DivisionImpossible"),
        (Conds::DIVISION_UNDEFINED, "DivisionUndefined"),
        (Conds::INEXACT, "Inexact"),
        (Conds::INVALID_OPERATION, "InvalidOperation"),
        (Conds::OVERFLOW, "Overflow"),
        (Conds::ROUNDED, "Rounded"),
        (Conds::SUBNORMAL, "Subnormal"),
        (Conds::UNDERFLOW, "Underflow"),
    ];

    fn rounding(name: &str) -> Rounding {
        match name {
            "Up" => Rounding::Up,
            "Down" => Rounding::Down,
            "Ceiling" => Rounding::Ceiling,
            "Floor" => Rounding::Floor,
            "HalfUp" => Rounding::HalfUp,
            "HalfDown" => Rounding::HalfDown,
            "HalfEven" => Rounding::HalfEven,
            "ZeroFiveUp" => Rounding::ZeroFiveUp,
            _ => panic!("unknown rounding {name}"),
        }
    }

    fn run(op: &str, ctx: &Ctx, args: &[Dec], conds: &mut Conds) -> String {
        let sci = |d: Dec| d.to_sci_string(true);
        let ord = |o: Ordering| (o as i8).to_string();
        let (a, b) = (&args[0], args.get(1));
        let b = || b.expect("second operand");
        match op {
            "add" => sci(a.add(b(), ctx, conds)),
            "sub" => sci(a.sub(b(), ctx, conds)),
            "mul" => sci(a.mul(b(), ctx, conds)),
            "div" => sci(a.div(b(), ctx, conds)),
            "div_int" => sci(a.div_int(b(), ctx, conds)),
            "rem" => sci(a.rem(b(), ctx, conds)),
            "rem_near" => sci(a.rem_near(b(), ctx, conds)),
            "divmod" => {
                let (q, r) = a.divmod(b(), ctx, conds);
                format!("{} {}", sci(q), sci(r))
            }
            "fma" => sci(a.fma(b(), &args[2], ctx, conds)),
            "plus" => sci(a.plus(ctx, conds)),
            "minus" => sci(a.minus(ctx, conds)),
            "abs" => sci(a.abs(ctx, conds)),
            "compare" => sci(a.compare(b(), ctx, conds)),
            "compare_signal" => sci(a.compare_signal(b(), ctx, conds)),
            "compare_total" => ord(a.compare_total(b())),
            "compare_total_mag" => ord(a.compare_total_mag(b())),
            "max" => sci(a.max(b(), ctx, conds)),
            "min" => sci(a.min(b(), ctx, conds)),
            "max_mag" => sci(a.max_mag(b(), ctx, conds)),
            "min_mag" => sci(a.min_mag(b(), ctx, conds)),
            "same_quantum" => a.same_quantum(b()).to_string(),
            "copy_abs" => sci(a.copy_abs()),
            "copy_negate" => sci(a.copy_negate()),
            "copy_sign" => sci(a.copy_sign(b())),
            "is_normal" => a.is_normal(ctx).to_string(),
            "is_subnormal" => a.is_subnormal(ctx).to_string(),
            "number_class" => a.number_class(ctx).to_string(),
            _ => panic!("unknown operation {op}"),
        }
    }

    /// Runs cases written `op prec rounding emin emax clamp operands... => result |
    /// conditions`, the result as `str()` and the conditions as CPython 3.11 reports
    /// them (the flags, with InvalidOperation's cause as its trapped exception lists it).
    fn check(cases: &[&str]) {
        for case in cases {
            let (input, expected) = case.split_once(" => ").expect("case syntax");
            let (result, cond_names) = expected.split_once(" |").expect("case syntax");
            let f: Vec<&str> = input.split(' ').collect();
            let num = |i: usize| f[i].parse::<i64>().expect("number");
            let ctx = Ctx {
                prec: num(1),
                rounding: rounding(f[2]),
                emin: num(3),
                emax: num(4),
                clamp: num(5) != 0,
            };
            let args: Vec<Dec> = f[6..].iter().map(|s| parse(s).expect("operand")).collect();
            let mut conds = Conds::default();
            assert_eq!(run(f[0], &ctx, &args, &mut conds), result, "{case}");
            let expected_bits = cond_names
                .split(',')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(|n| {
                    CONDITION_NAMES
                        .iter()
                        .find(|(_, name)| *name == n)
                        .map_or_else(|| panic!("unknown condition {n}"), |(bit, _)| *bit)
                })
                .fold(0, |acc, bit| acc | bit);
            assert_eq!(conds, Conds(expected_bits), "conditions of {case}");
        }
    }

    /// Rounding modes, signed zeros, exponent gaps, NaN payloads, overflow, subnormals, clamp.
    #[test]
    fn sums() {
        check(&[
            "add 9 HalfEven -999999 999999 0 1 2 => 3 | ",
            "add 9 HalfEven -999999 999999 0 123456789 0.5 => 123456790 | Inexact,Rounded",
            "add 9 HalfEven -999999 999999 0 123456788 0.5 => 123456788 | Inexact,Rounded",
            "add 9 HalfUp -999999 999999 0 123456788 0.5 => 123456789 | Inexact,Rounded",
            "add 9 HalfDown -999999 999999 0 123456789 0.5 => 123456789 | Inexact,Rounded",
            "add 9 HalfDown -999999 999999 0 123456789 0.50001 => 123456790 | Inexact,Rounded",
            "add 9 Up -999999 999999 0 -123456789 -0.1 => -123456790 | Inexact,Rounded",
            "add 9 Down -999999 999999 0 -123456789 -0.9 => -123456789 | Inexact,Rounded",
            "add 9 Ceiling -999999 999999 0 -123456789 -0.9 => -123456789 | Inexact,Rounded",
            "add 9 Floor -999999 999999 0 123456789 0.9 => 123456789 | Inexact,Rounded",
            "add 9 ZeroFiveUp -999999 999999 0 123456780 0.1 => 123456781 | Inexact,Rounded",
            "add 9 ZeroFiveUp -999999 999999 0 123456781 0.1 => 123456781 | Inexact,Rounded",
            "add 9 HalfEven -999999 999999 0 0 -0 => 0 | ",
            "add 9 Floor -999999 999999 0 0 -0 => -0 | ",
            "add 9 HalfEven -999999 999999 0 -0 -0 => -0 | ",
            "add 9 HalfEven -999999 999999 0 0E-3 1E+2 => 100.000 | ",
            "add 9 HalfEven -999999 999999 0 1E+20 0E-30 => 1.00000000E+20 | Rounded",
            "add 28 HalfEven -999999 999999 0 1E+999999999 1E-999999999 => Infinity | Inexact,Overflow,Rounded",
            "add 28 Floor -999999 999999 0 1E+999999999999999999 -1E-1999999999999999997 => 9.999999999999999999999999999E+999999 | Inexact,Overflow,Rounded",
            "add 9 HalfEven -999999 999999 0 Infinity -Infinity => NaN | InvalidOperation",
            "add 9 HalfEven -999999 999999 0 -Infinity 1E+999 => -Infinity | ",
            "add 9 HalfEven -999999 999999 0 NaN123 sNaN456 => NaN456 | InvalidOperation",
            "add 3 HalfEven -999999 999999 0 -NaN12345 1 => -NaN345 | ",
            "add 3 HalfEven -999999 999999 1 sNaN123 1 => NaN23 | InvalidOperation",
            "add 3 HalfEven -5 5 0 999 9E+3 => 1.00E+4 | Inexact,Rounded",
            "add 3 Down -5 5 0 999E+3 9E+5 => 9.99E+5 | Inexact,Overflow,Rounded",
            "add 3 HalfEven -5 5 0 1.00E-5 -1E-7 => 0.0000099 | Subnormal",
            "add 3 HalfEven -5 5 0 1E-7 1E-9 => 1E-7 | Inexact,Rounded,Subnormal,Underflow",
            "add 3 HalfEven -5 5 1 1 1E+5 => 1.00E+5 | Inexact,Rounded",
            "add 3 HalfEven -5 5 1 0E+9 0 => 0 | ",
            "sub 9 HalfEven -999999 999999 0 1 1 => 0 | ",
            "sub 9 Floor -999999 999999 0 1 1 => -0 | ",
            "sub 9 Floor -999999 999999 0 -0 0 => -0 | ",
            "sub 9 HalfEven -999999 999999 0 Infinity Infinity => NaN | InvalidOperation",
            "sub 9 HalfEven -999999 999999 0 1 -NaN7 => -NaN7 | ",
            "sub 9 HalfEven -999999 999999 0 1.000000000 0.0000000001 => 1.00000000 | Inexact,Rounded",
            "sub 5 HalfEven -999999 999999 0 10000 0.00001 => 10000 | Inexact,Rounded",
        ]);
    }

    /// Signs, infinities, overflow by rounding mode, underflow to zero, clamp.
    #[test]
    fn products() {
        check(&[
            "mul 9 HalfEven -999999 999999 0 -0 5 => -0 | ",
            "mul 9 HalfEven -999999 999999 0 Infinity -0 => NaN | InvalidOperation",
            "mul 9 HalfEven -999999 999999 0 -Infinity -2 => Infinity | ",
            "mul 5 HalfEven -999999 999999 0 12345 6789 => 8.3810E+7 | Inexact,Rounded",
            "mul 3 Ceiling -9 9 0 9E+5 9E+5 => Infinity | Inexact,Overflow,Rounded",
            "mul 3 Floor -9 9 0 9E+5 9E+5 => 9.99E+9 | Inexact,Overflow,Rounded",
            "mul 3 HalfEven -9 9 0 1E-6 1E-6 => 0E-11 | Clamped,Inexact,Rounded,Subnormal,Underflow",
            "mul 3 HalfEven -9 9 0 3E-6 3E-6 => 1E-11 | Inexact,Rounded,Subnormal,Underflow",
            "mul 3 HalfEven -9 9 0 5E-6 1E-6 => 0E-11 | Clamped,Inexact,Rounded,Subnormal,Underflow",
            "mul 3 HalfEven -9 9 0 2.5E-6 2E-6 => 0E-11 | Clamped,Inexact,Rounded,Subnormal,Underflow",
            "mul 3 HalfEven -9 9 1 2E+3 3E+3 => 6E+6 | ",
        ]);
    }

    /// Inexact and exact quotients, ideal exponents, zero and infinite operands.
    #[test]
    fn division() {
        check(&[
            "div 9 HalfEven -999999 999999 0 1 3 => 0.333333333 | Inexact,Rounded",
            "div 9 HalfEven -999999 999999 0 2 3 => 0.666666667 | Inexact,Rounded",
            "div 9 Down -999999 999999 0 -2 3 => -0.666666666 | Inexact,Rounded",
            "div 9 HalfEven -999999 999999 0 1 4 => 0.25 | ",
            "div 9 HalfEven -999999 999999 0 1.00 4 => 0.25 | ",
            "div 9 HalfEven -999999 999999 0 100 4E-2 => 2.5E+3 | ",
            "div 9 HalfEven -999999 999999 0 12E+3 4E-1 => 3E+4 | ",
            "div 9 HalfEven -999999 999999 0 0 0 => NaN | DivisionUndefined",
            "div 9 HalfEven -999999 999999 0 -5 0 => -Infinity | DivisionByZero",
            "div 9 HalfEven -999999 999999 0 0E+3 -7 => -0E+3 | ",
            "div 9 HalfEven -999999 999999 0 7 -Infinity => -0E-1000007 | Clamped",
            "div 9 HalfEven -999999 999999 0 Infinity Infinity => NaN | InvalidOperation",
            "div 3 HalfEven -9 9 0 1E-9 3 => 3.3E-10 | Inexact,Rounded,Subnormal,Underflow",
            "div 3 HalfEven -9 9 0 1E+9 1E-2 => Infinity | Inexact,Overflow,Rounded",
            "div 3 HalfEven -9 9 1 6E+8 3 => 2.0E+8 | Clamped",
            "div 5 ZeroFiveUp -999999 999999 0 10 3 => 3.3333 | Inexact,Rounded",
        ]);
    }

    /// Truncated quotients, both remainders, DivisionImpossible, the unrounded quotient of x // Infinity.
    #[test]
    fn integer_division() {
        check(&[
            "div_int 9 HalfEven -999999 999999 0 7 -2 => -3 | ",
            "div_int 9 HalfEven -999999 999999 0 -7.5 0.5 => -15 | ",
            "div_int 3 HalfEven -999999 999999 0 12345 2 => NaN | DivisionImpossible",
            "div_int 9 HalfEven -999999 999999 0 1 Infinity => 0 | ",
            "div_int 9 HalfEven -999999 999999 0 -Infinity 3 => -Infinity | ",
            "div_int 9 HalfEven -999999 999999 0 5 0 => Infinity | DivisionByZero",
            "div_int 5 HalfEven -999999 999999 1 10 3 => 3 | ",
            "rem 9 HalfEven -999999 999999 0 7 -2 => 1 | ",
            "rem 9 HalfEven -999999 999999 0 -7 2 => -1 | ",
            "rem 9 HalfEven -999999 999999 0 7.5 0.2 => 0.1 | ",
            "rem 9 HalfEven -999999 999999 0 1E-999999999 7E+999999999 => 0E-1000007 | Clamped,Inexact,Rounded,Subnormal,Underflow",
            "rem 9 HalfEven -999999 999999 0 Infinity 1 => NaN | InvalidOperation",
            "rem 9 HalfEven -999999 999999 0 -1.5 Infinity => -1.5 | ",
            "rem 9 HalfEven -999999 999999 0 1 0 => NaN | InvalidOperation",
            "rem 9 HalfEven -999999 999999 0 0 0 => NaN | DivisionUndefined",
            "rem 3 HalfEven -999999 999999 0 12345 2 => NaN | DivisionImpossible",
            "rem 3 HalfEven -9 9 0 1.5E-12 1E-11 => 0E-11 | Clamped,Inexact,Rounded,Subnormal,Underflow",
            "rem_near 9 HalfEven -999999 999999 0 7 2 => -1 | ",
            "rem_near 9 HalfEven -999999 999999 0 5 2 => 1 | ",
            "rem_near 9 HalfEven -999999 999999 0 -7 4 => 1 | ",
            "rem_near 9 HalfEven -999999 999999 0 10 6 => -2 | ",
            "rem_near 9 HalfEven -999999 999999 0 10 3 => 1 | ",
            "rem_near 3 HalfEven -999999 999999 0 999.5 1 => NaN | DivisionImpossible",
            "rem_near 3 HalfEven -999999 999999 0 998.5 1 => 0.5 | ",
            "rem_near 9 HalfEven -999999 999999 0 1 0 => NaN | InvalidOperation",
            "divmod 9 HalfEven -999999 999999 0 7 -2 => -3 1 | ",
            "divmod 9 HalfEven -999999 999999 0 -Infinity 3 => -Infinity NaN | InvalidOperation",
            "divmod 9 HalfEven -999999 999999 0 Infinity Infinity => NaN NaN | InvalidOperation",
            "divmod 9 HalfEven -999999 999999 0 5 0 => Infinity NaN | DivisionByZero,InvalidOperation",
            "divmod 9 HalfEven -999999 999999 0 0 0 => NaN NaN | DivisionUndefined",
            "divmod 9 HalfEven -999999 999999 0 3 -Infinity => -0 3 | ",
            "divmod 9 HalfEven -999999 999999 0 sNaN1 NaN2 => NaN1 NaN1 | InvalidOperation",
            "divmod 3 HalfEven -999999 999999 0 12345 2 => NaN NaN | DivisionImpossible",
            "divmod 7 Up -6 0 0 -0.0007892 1.5E-8 => -Infinity -5E-9 | Inexact,Overflow,Rounded,Subnormal",
        ]);
    }

    /// A single rounding, and libmpdec's NaN rules (an invalid product hides c).
    #[test]
    fn fused_multiply_add() {
        check(&[
            "fma 9 HalfEven -999999 999999 0 2 3 4 => 10 | ",
            "fma 5 HalfEven -999999 999999 0 12345 12345 -152399025 => 0 | ",
            "fma 5 HalfEven -999999 999999 0 12345 12345 -152390000 => 9025 | ",
            "fma 9 HalfEven -999999 999999 0 Infinity 0 sNaN3 => NaN | InvalidOperation",
            "fma 9 HalfEven -999999 999999 0 NaN1 2 sNaN3 => NaN3 | InvalidOperation",
            "fma 9 HalfEven -999999 999999 0 2 NaN4 NaN3 => NaN4 | ",
            "fma 9 HalfEven -999999 999999 0 Infinity 2 -Infinity => NaN | InvalidOperation",
            "fma 9 Floor -999999 999999 0 2 3 -6 => -0 | ",
            "fma 9 HalfEven -999999 999999 0 -0 3 0 => 0 | ",
        ]);
    }

    /// The sign of zero by rounding mode; NaN payloads cut to the precision.
    #[test]
    fn rounding_unary_operations() {
        check(&[
            "plus 3 HalfEven -999999 999999 0 -0 => 0 | ",
            "plus 3 Floor -999999 999999 0 -0 => -0 | ",
            "plus 3 HalfEven -999999 999999 0 1.2345 => 1.23 | Inexact,Rounded",
            "plus 3 HalfEven -999999 999999 0 sNaN12345 => NaN345 | InvalidOperation",
            "plus 3 HalfEven -5 5 0 1E-8 => 0E-7 | Clamped,Inexact,Rounded,Subnormal,Underflow",
            "plus 3 HalfEven -5 5 0 1.23E-7 => 1E-7 | Inexact,Rounded,Subnormal,Underflow",
            "plus 3 HalfEven -5 5 1 1E+5 => 1.00E+5 | Clamped",
            "minus 3 HalfEven -999999 999999 0 0 => 0 | ",
            "minus 3 Floor -999999 999999 0 0 => -0 | ",
            "minus 3 Floor -999999 999999 0 -0 => 0 | ",
            "minus 3 HalfEven -999999 999999 0 -Infinity => Infinity | ",
            "minus 3 HalfEven -999999 999999 0 -NaN5 => -NaN5 | ",
            "abs 3 HalfEven -999999 999999 0 -0 => 0 | ",
            "abs 3 Floor -999999 999999 0 -0 => 0 | ",
            "abs 3 HalfUp -999999 999999 0 -1.235 => 1.24 | Inexact,Rounded",
        ]);
    }

    /// Numeric and total orders, NaN handling.
    #[test]
    fn comparisons() {
        check(&[
            "compare 9 HalfEven -999999 999999 0 1.0 1 => 0 | ",
            "compare 9 HalfEven -999999 999999 0 -0 0 => 0 | ",
            "compare 9 HalfEven -999999 999999 0 -Infinity 1E+999999999 => -1 | ",
            "compare 9 HalfEven -999999 999999 0 2 NaN5 => NaN5 | ",
            "compare 9 HalfEven -999999 999999 0 2 sNaN5 => NaN5 | InvalidOperation",
            "compare_signal 9 HalfEven -999999 999999 0 NaN5 1 => NaN5 | InvalidOperation",
            "compare_signal 9 HalfEven -999999 999999 0 -3 1 => -1 | ",
            "compare_total 9 HalfEven -999999 999999 0 1.0 1 => -1 | ",
            "compare_total 9 HalfEven -999999 999999 0 -1.0 -1 => 1 | ",
            "compare_total 9 HalfEven -999999 999999 0 -0 0 => -1 | ",
            "compare_total 9 HalfEven -999999 999999 0 -NaN -sNaN => -1 | ",
            "compare_total 9 HalfEven -999999 999999 0 sNaN NaN => -1 | ",
            "compare_total 9 HalfEven -999999 999999 0 NaN12 NaN3 => 1 | ",
            "compare_total 9 HalfEven -999999 999999 0 -NaN12 -NaN3 => -1 | ",
            "compare_total 9 HalfEven -999999 999999 0 Infinity sNaN => -1 | ",
            "compare_total 9 HalfEven -999999 999999 0 -Infinity -1E+999999999 => -1 | ",
            "compare_total_mag 9 HalfEven -999999 999999 0 -2 1 => 1 | ",
            "compare_total_mag 9 HalfEven -999999 999999 0 -NaN sNaN => 1 | ",
            "compare_total_mag 9 HalfEven -999999 999999 0 -1.0 1 => -1 | ",
        ]);
    }

    /// Ties broken by the total order; a quiet NaN loses to a number.
    #[test]
    fn min_and_max() {
        check(&[
            "max 9 HalfEven -999999 999999 0 1 1.0 => 1 | ",
            "max 9 HalfEven -999999 999999 0 -1 -1.0 => -1.0 | ",
            "max 9 HalfEven -999999 999999 0 -0 0 => 0 | ",
            "min 9 HalfEven -999999 999999 0 -0 0 => -0 | ",
            "max 9 HalfEven -999999 999999 0 NaN 5 => 5 | ",
            "min 9 HalfEven -999999 999999 0 5 NaN => 5 | ",
            "max 9 HalfEven -999999 999999 0 NaN1 NaN2 => NaN1 | ",
            "max 9 HalfEven -999999 999999 0 NaN1 sNaN2 => NaN2 | InvalidOperation",
            "max 3 HalfEven -999999 999999 0 12345 1 => 1.23E+4 | Inexact,Rounded",
            "max_mag 9 HalfEven -999999 999999 0 -2 1 => -2 | ",
            "max_mag 9 HalfEven -999999 999999 0 -2 2 => 2 | ",
            "min_mag 9 HalfEven -999999 999999 0 -2 2 => -2 | ",
            "min_mag 9 HalfEven -999999 999999 0 2.0 -2 => -2 | ",
        ]);
    }

    #[test]
    fn signs_quanta_and_classes() {
        check(&[
            "same_quantum 9 HalfEven -999999 999999 0 1.0 -2.5 => true | ",
            "same_quantum 9 HalfEven -999999 999999 0 1 1.0 => false | ",
            "same_quantum 9 HalfEven -999999 999999 0 NaN sNaN => true | ",
            "same_quantum 9 HalfEven -999999 999999 0 -Infinity Infinity => true | ",
            "same_quantum 9 HalfEven -999999 999999 0 Infinity 1 => false | ",
            "copy_abs 9 HalfEven -999999 999999 0 -sNaN7 => sNaN7 | ",
            "copy_negate 9 HalfEven -999999 999999 0 0 => -0 | ",
            "copy_negate 9 HalfEven -999999 999999 0 -NaN => NaN | ",
            "copy_sign 9 HalfEven -999999 999999 0 1.50 -0 => -1.50 | ",
            "copy_sign 9 HalfEven -999999 999999 0 -Infinity NaN => Infinity | ",
            "is_normal 9 HalfEven -9 9 0 1E-9 => true | ",
            "is_normal 9 HalfEven -9 9 0 1E-10 => false | ",
            "is_normal 9 HalfEven -9 9 0 0 => false | ",
            "is_normal 9 HalfEven -9 9 0 Infinity => false | ",
            "is_subnormal 9 HalfEven -9 9 0 1E-10 => true | ",
            "is_subnormal 9 HalfEven -9 9 0 -0E-20 => false | ",
            "is_subnormal 9 HalfEven -9 9 0 NaN => false | ",
            "number_class 9 HalfEven -9 9 0 -1E-10 => -Subnormal | ",
            "number_class 9 HalfEven -9 9 0 1E-9 => +Normal | ",
            "number_class 9 HalfEven -9 9 0 -0 => -Zero | ",
            "number_class 9 HalfEven -9 9 0 -Infinity => -Infinity | ",
            "number_class 9 HalfEven -9 9 0 -NaN => NaN | ",
            "number_class 9 HalfEven -9 9 0 sNaN => sNaN | ",
        ]);
    }
}
