//! Square root, exponential, logarithms and powers, computed as CPython's `decimal`
//! (libmpdec) computes them, conditions included.
//!
//! `sqrt`, `exp`, `ln` and `log10` are correctly rounded with ROUND_HALF_EVEN whatever the
//! context's rounding. exp and the logarithms work on integers scaled by a power of ten
//! ("fixed point"): each approximation comes with an error bound, and it is rounded only
//! when both ends of its error interval round alike; otherwise it is computed again with
//! more digits (Ziv's strategy). None of them has an exact result but the special cases
//! handled up front, so the loops end.
//!
//! `pow` is not correctly rounded in libmpdec: integer powers are built by repeated
//! squaring at a few extra digits, other powers as `exp(y * ln(x))` at a fixed working
//! precision, and the result is then rounded with the context's rounding mode. Those
//! intermediate roundings show in the last digit and the conditions, so they are
//! reproduced step by step.

use super::number::{ndigits, pow10, Conds, Ctx, Dec, Kind, Rounding};
use super::quantum::{clamp_exp, int_dec, invalid, strip_zeros, EXP_INF};
use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{One, Pow, Signed, ToPrimitive, Zero};
use std::cell::RefCell;
use std::cmp::Ordering;

/// The exponent limits of libmpdec's "maximum" context, which real powers work in.
const MAX_EMAX: i64 = 999_999_999_999_999_999;
const MIN_EMIN: i64 = -999_999_999_999_999_999;
/// MPD_EXPDIGITS, the digits of the largest exponent: libmpdec adds them (and 4 more) to
/// the working precision of real powers.
const EXP_DIGITS: i64 = 19;

impl Dec {
    /// The square root, correctly rounded with ROUND_HALF_EVEN. An exact root has the
    /// ideal exponent `floor(exp / 2)` when it fits the precision.
    pub fn sqrt(&self, ctx: &Ctx, conds: &mut Conds) -> Dec {
        if let Some(nan) = Dec::check_nans(self, None, ctx, conds) {
            return nan;
        }
        if self.kind == Kind::Infinite {
            return if self.sign {
                invalid(conds)
            } else {
                self.clone()
            };
        }
        let ideal = self.exp.div_euclid(2);
        if self.coef.is_zero() {
            return Dec::finite(self.sign, BigUint::zero(), ideal).fix(ctx, conds);
        }
        if self.sign {
            return invalid(conds);
        }
        // Make the exponent even, then scale the coefficient so that its root has
        // prec + 1 digits: enough for rounding once a sticky digit marks inexactness.
        // Digits beyond that are cut off (libmpdec's way), which keeps long operands cheap.
        let nd = ndigits(&self.coef) as i64;
        let odd = self.exp & 1 != 0;
        let (mut c, root_digits) = if odd {
            (&self.coef * 10u32, nd / 2 + 1)
        } else {
            (self.coef.clone(), (nd + 1) / 2)
        };
        let shift = ctx.prec + 1 - root_digits;
        let mut exact = true;
        if shift >= 0 {
            c *= pow10(2 * shift as u64);
        } else {
            let (q, r) = c.div_rem(&pow10(2 * shift.unsigned_abs()));
            exact = r.is_zero();
            c = q;
        }
        let mut root = c.sqrt();
        let mut exp = ideal - shift;
        if exact && &root * &root == c {
            if shift >= 0 {
                root /= pow10(shift as u64);
            } else {
                root *= pow10(shift.unsigned_abs());
            }
            exp = ideal;
        } else {
            add_sticky(&mut root);
        }
        Dec::finite(false, root, exp).fix(&half_even(ctx), conds)
    }

    /// e raised to the power `self`, correctly rounded with ROUND_HALF_EVEN.
    pub fn exp(&self, ctx: &Ctx, conds: &mut Conds) -> Dec {
        if let Some(nan) = Dec::check_nans(self, None, ctx, conds) {
            return nan;
        }
        if self.kind == Kind::Infinite {
            return if self.sign { Dec::zero() } else { self.clone() };
        }
        if self.coef.is_zero() {
            return int_dec(1);
        }
        let prec = ctx.prec;
        let nd = ndigits(&self.coef);
        let adj = self.exp + nd as i64 - 1;
        // |x| >= 10**(D+1), D the digits of the largest exponent magnitude, puts e**x
        // beyond 10**(4 * 10**D): certain overflow or underflow. libmpdec's bound (19)
        // also keeps the scaled exponents below within i64.
        let limit = exp_digits(ctx.emax.max(-ctx.etiny())) + 1;
        if adj >= limit.min(EXP_DIGITS) {
            let tiny_or_huge = if self.sign {
                ctx.etiny() - 2
            } else {
                ctx.emax + 1
            };
            return Dec::finite(false, BigUint::one(), tiny_or_huge).fix(&half_even(ctx), conds);
        }
        // libmpdec takes e**x to be exactly 1 at its first working precision (prec + 3)
        // when |x| <= 9 * 10**-(prec + 4), and pads that to 1.000…: the correctly rounded
        // value, but without the Subnormal that a value just below 1 raises when emin is 0.
        let tiny_adj = -(prec + 4);
        if adj < tiny_adj || (adj == tiny_adj && self.coef <= pow10(nd - 1) * 9u32) {
            conds.raise(Conds::INEXACT | Conds::ROUNDED);
            return full_precision_one(false, ctx);
        }
        let mut guard = 12;
        loop {
            let p = prec + guard;
            let (v, e) = exp_fixed(&to_fixed(self, p), p as u64);
            if let Some(r) = ziv_round(false, &v, e, 1000, ctx, conds) {
                return r;
            }
            guard *= 2;
        }
    }

    /// The natural logarithm, correctly rounded with ROUND_HALF_EVEN.
    pub fn ln(&self, ctx: &Ctx, conds: &mut Conds) -> Dec {
        if let Some(special) = log_special(self, ctx, conds) {
            return special;
        }
        if is_abs_one(self) {
            return Dec::zero();
        }
        log_common(self, false, ctx, conds)
    }

    /// The base-ten logarithm, correctly rounded with ROUND_HALF_EVEN; exact (an integer)
    /// for powers of ten.
    pub fn log10(&self, ctx: &Ctx, conds: &mut Conds) -> Dec {
        if let Some(special) = log_special(self, ctx, conds) {
            return special;
        }
        let nd = ndigits(&self.coef);
        if self.coef == pow10(nd - 1) {
            return int_dec(self.adjusted()).fix(&half_even(ctx), conds);
        }
        log_common(self, true, ctx, conds)
    }

    /// `self ** other`, or `pow(self, other, modulo)` with a modulus.
    ///
    /// Follows libmpdec's `mpd_qpow`: special operands and powers of one first, then a
    /// check for certain overflow or underflow, then integer powers by repeated squaring
    /// and other powers as `exp(other * ln(self))`.
    pub fn pow(&self, other: &Dec, modulo: Option<&Dec>, ctx: &Ctx, conds: &mut Conds) -> Dec {
        if let Some(m) = modulo {
            return power_mod(self, other, m, ctx, conds);
        }
        if let Some(nan) = Dec::check_nans(self, Some(other), ctx, conds) {
            return nan;
        }
        let (x, y) = (self, other);
        let integral = is_integral(y);
        let sign = integral && x.sign && is_odd(y);
        if x.is_zero() {
            return if y.is_zero() {
                invalid(conds)
            } else if y.sign {
                Dec::infinity(sign)
            } else {
                Dec::finite(sign, BigUint::zero(), 0)
            };
        }
        if x.sign && !integral {
            return invalid(conds);
        }
        if y.kind == Kind::Infinite {
            // x > 0 here: x**inf is 0, 1 or inf as x is below, at or above one (and the
            // other way round for x**-inf).
            return match x.cmp_num(&int_dec(1)) {
                Some(Ordering::Equal) | None => {
                    conds.raise(Conds::INEXACT | Conds::ROUNDED);
                    full_precision_one(false, ctx)
                }
                Some(Ordering::Less) if !y.sign => Dec::zero(),
                Some(Ordering::Greater) if y.sign => Dec::zero(),
                Some(_) => Dec::infinity(false),
            };
        }
        if x.kind == Kind::Infinite {
            return if y.is_zero() {
                Dec::finite(sign, BigUint::one(), 0)
            } else if y.sign {
                Dec::finite(sign, BigUint::zero(), 0)
            } else {
                Dec::infinity(sign)
            };
        }
        if y.is_zero() {
            return Dec::finite(sign, BigUint::one(), 0);
        }
        if is_abs_one(x) {
            return power_of_one(x, y, integral, sign, ctx, conds);
        }
        if let Some(r) = power_out_of_range(x, y, sign, ctx, conds) {
            return r;
        }
        if integral {
            power_int(x, y, sign, ctx, conds)
        } else {
            power_real(x, y, ctx, conds)
        }
    }
}

/// `ctx` rounding with ROUND_HALF_EVEN, as the correctly rounded functions do.
fn half_even(ctx: &Ctx) -> Ctx {
    ctx.with_rounding(Rounding::HalfEven)
}

/// Marks a truncated result as inexact: a last digit of 0 or 5 would read as an exact
/// tie or exact value when rounding, so it is moved up by one (the true value lies
/// above the truncation anyway).
fn add_sticky(coef: &mut BigUint) {
    if (&*coef % 5u32).is_zero() {
        *coef += 1u32;
    }
}

/// The number of decimal digits of `|v|` (1 for 0), libmpdec's `mpd_exp_digits`.
fn exp_digits(v: impl Into<i128>) -> i64 {
    let v: i128 = v.into();
    v.unsigned_abs()
        .checked_ilog10()
        .map_or(1, |d| d as i64 + 1)
}

/// One with `prec` digits, `1.000…`, the inexact result libmpdec gives for powers that
/// round to one.
fn full_precision_one(sign: bool, ctx: &Ctx) -> Dec {
    let shift = ctx.prec - 1;
    Dec::finite(sign, pow10(shift as u64), -shift)
}

/// True when `|d|` is exactly one (finite values only).
fn is_abs_one(d: &Dec) -> bool {
    d.is_finite()
        && d.exp <= 0
        && ndigits(&d.coef) == d.exp.unsigned_abs() + 1
        && d.coef == pow10(d.exp.unsigned_abs())
}

/// True for a finite value with an integral value.
fn is_integral(d: &Dec) -> bool {
    if !d.is_finite() {
        return false;
    }
    if d.exp >= 0 || d.coef.is_zero() {
        return true;
    }
    let frac = d.exp.unsigned_abs();
    frac < ndigits(&d.coef) && (&d.coef % pow10(frac)).is_zero()
}

/// True for an odd integral value (`d` must be integral).
fn is_odd(d: &Dec) -> bool {
    match d.exp.cmp(&0) {
        Ordering::Greater => false,
        Ordering::Equal => d.coef.is_odd(),
        Ordering::Less => {
            let frac = d.exp.unsigned_abs();
            frac < ndigits(&d.coef) && (&d.coef / pow10(frac)).is_odd()
        }
    }
}

/// The coefficient of an integral value once its fraction digits (all zero) are dropped,
/// and the exponent left: `|d| == coef * 10**exp` with `exp >= 0`.
fn integral_parts(d: &Dec) -> (BigUint, u64) {
    if d.exp >= 0 {
        (d.coef.clone(), d.exp as u64)
    } else {
        (&d.coef / pow10(d.exp.unsigned_abs()), 0)
    }
}

/// `|d|` for an integral value small enough to write out.
fn integral_magnitude(d: &Dec) -> BigUint {
    match integral_parts(d) {
        (coef, 0) => coef,
        (coef, exp) => coef * pow10(exp),
    }
}

// ------------------------------------------------------------------ fixed-point kernels

/// Guard digits for a fixed-point series of `w` digits: each term's truncation costs at
/// most a unit, so the guard grows with the number of terms.
fn series_guard(w: u64) -> u64 {
    6 + exp_digits(w) as u64
}

/// `ln(m / 10**w) * 10**w` for `m >= 10**w`, with an error of a few units.
fn ln_core(m: &BigUint, w: u64) -> BigUint {
    const ROOTS: usize = 10;
    let g = series_guard(w);
    let s = pow10(w + g);
    // Ten square roots bring the argument within 0.25% of 1, where the series
    // ln(y) = 2 * atanh((y - 1) / (y + 1)) gains about six digits per term.
    let mut y = m * pow10(g);
    for _ in 0..ROOTS {
        y = (&y * &s).sqrt();
    }
    let z = (&y - &s) * &s / (&y + &s);
    let z2 = &z * &z / &s;
    let mut total = BigUint::zero();
    let mut term = z;
    let mut k = 1u32;
    while !term.is_zero() {
        total += &term / k;
        term = term * &z2 / &s;
        k += 2;
    }
    (total << (ROOTS + 1)) / pow10(g)
}

thread_local! {
    /// ln(10) at the most digits asked for so far; fewer digits are cut from it.
    static LN10: RefCell<(u64, BigUint)> = const { RefCell::new((0, BigUint::ZERO)) };
}

/// `ln(10) * 10**w`, with an error of a few units.
fn ln10(w: u64) -> BigUint {
    LN10.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.0 < w || cache.1.is_zero() {
            // A little extra so that a retry with a few more digits finds it cached.
            let digits = w + 20;
            *cache = (digits, ln_core(&pow10(digits + 1), digits));
        }
        &cache.1 / pow10(cache.0 - w)
    })
}

/// `ln(c * 10**e) * 10**p` for `c > 0`, with an error of a few units.
fn ln_fixed(c: &BigUint, e: i64, p: u64) -> BigInt {
    let n = ndigits(c);
    // c * 10**e == m * 10**k with 1 <= m < 10.
    let k = i128::from(e) + n as i128 - 1;
    let w = p + 4 + exp_digits(k) as u64;
    let m = scale(c, w as i128 - (n as i128 - 1));
    let v = BigInt::from(ln_core(&m, w)) + BigInt::from(k) * BigInt::from(ln10(w));
    v.div_floor(&BigInt::from(pow10(w - p)))
}

/// `c * 10**shift`, truncated towards zero.
fn scale(c: &BigUint, shift: i128) -> BigUint {
    let digits = shift.unsigned_abs();
    if shift >= 0 {
        c * pow10(digits as u64)
    } else if digits > ndigits(c) as u128 {
        BigUint::zero()
    } else {
        c / pow10(digits as u64)
    }
}

/// `d * 10**p` (d finite), truncated towards zero.
fn to_fixed(d: &Dec, p: i64) -> BigInt {
    let magnitude = BigInt::from(scale(&d.coef, i128::from(d.exp) + i128::from(p)));
    if d.sign {
        -magnitude
    } else {
        magnitude
    }
}

/// `exp(x / 10**p) * 10**p` for `|x / 10**p|` below about 2, with an error of a few units.
fn exp_small(x: &BigInt, p: u64) -> BigUint {
    // exp(x) == exp(x / 2**HALVINGS) ** (2**HALVINGS): the series then converges fast.
    const HALVINGS: usize = 8;
    let g = series_guard(p);
    let w = p + g;
    let s = BigInt::from(pow10(w));
    let scaled = x * BigInt::from(pow10(g));
    let x = if scaled.is_negative() {
        -((-scaled) >> HALVINGS)
    } else {
        scaled >> HALVINGS
    };
    let mut total = s.clone();
    let mut term = s.clone();
    let mut i = 1u32;
    while !term.is_zero() {
        term = (term * &x).div_floor(&(&s * i));
        total += &term;
        i += 1;
    }
    let s = s.magnitude();
    let mut total = total.into_parts().1;
    for _ in 0..HALVINGS {
        total = &total * &total / s;
    }
    total / pow10(g)
}

/// `exp(t / 10**p)` as `v * 10**e`, `v` of about `p` digits with an error of a few units.
fn exp_fixed(t: &BigInt, p: u64) -> (BigUint, i64) {
    // exp(t) == 10**n * exp(t - n * ln(10)), with n the nearest integer to t / ln(10);
    // ln(10) needs the digits of n on top of p for the remainder to keep p digits.
    let nest = t.magnitude() / (pow10(p) * 2u32) + 1u32;
    let q = p + ndigits(&nest) + 2;
    let scale_up = BigInt::from(pow10(q - p));
    let tq = t * &scale_up;
    let l = BigInt::from(ln10(q));
    let n = (&tq * 2u32 + &l).div_floor(&(&l * 2u32));
    let r = (tq - &n * &l).div_floor(&scale_up);
    // |n| stays below 10**19 for the arguments exp() computes; saturating keeps any
    // other value out of range, where it belongs.
    let n = n.to_i128().unwrap_or(if n.is_negative() {
        i128::MIN / 2
    } else {
        i128::MAX / 2
    });
    (exp_small(&r, p), clamp_exp(n - i128::from(p)))
}

/// Rounds `v * 10**exp` (with an error below `err` units) to `ctx` with ROUND_HALF_EVEN if
/// the error cannot change the result; `None` when more digits are needed.
fn ziv_round(
    sign: bool,
    v: &BigUint,
    exp: i64,
    err: u32,
    ctx: &Ctx,
    conds: &mut Conds,
) -> Option<Dec> {
    if *v <= BigUint::from(err) {
        return None;
    }
    let (lo, hi) = (v - err, v + err);
    let nd = ndigits(&hi);
    if ndigits(&lo) != nd || (nd as i64) < ctx.prec + 3 {
        return None;
    }
    // Round both ends as the result would be rounded, subnormal or not.
    let hctx = half_even(ctx);
    let mut ignored = Conds::default();
    let low = Dec::finite(sign, lo, exp).fix(&hctx, &mut ignored);
    let high = Dec::finite(sign, hi, exp).fix(&hctx, &mut ignored);
    if low != high {
        return None;
    }
    // The sticky digit keeps the result inexact: the true value is never exactly v.
    let sticky = Dec::finite(sign, v * 10u32 + 1u32, exp - 1);
    Some(sticky.fix(&hctx, conds))
}

// ----------------------------------------------------------------------- logarithms

/// The result of ln or log10 for NaNs, infinities, zeros and negative operands; `None`
/// for a positive finite operand.
fn log_special(x: &Dec, ctx: &Ctx, conds: &mut Conds) -> Option<Dec> {
    if let Some(nan) = Dec::check_nans(x, None, ctx, conds) {
        return Some(nan);
    }
    if x.is_zero() {
        return Some(Dec::infinity(true));
    }
    if x.sign {
        return Some(invalid(conds));
    }
    if x.kind == Kind::Infinite {
        return Some(x.clone());
    }
    None
}

/// ln(x) or log10(x) for a positive finite `x != 1` (and not a power of ten for log10).
fn log_common(x: &Dec, base10: bool, ctx: &Ctx, conds: &mut Conds) -> Dec {
    let prec = ctx.prec;
    let mut p = prec + 10;
    loop {
        // Three extra digits, dropped after the division by ln(10), absorb its error.
        let wp = (p + 3) as u64;
        let mut l = ln_fixed(&x.coef, x.exp, wp);
        if base10 {
            l = (l * BigInt::from(pow10(wp))).div_floor(&BigInt::from(ln10(wp)));
        }
        let (sign, mag) = {
            let l = l.div_floor(&BigInt::from(1000u32));
            (l.is_negative(), l.into_parts().1)
        };
        // A result close to zero needs more fraction digits for prec significant ones.
        let need = prec + 8 - ndigits(&mag) as i64;
        if need > 0 {
            p += need;
            continue;
        }
        if let Some(r) = ziv_round(sign, &mag, -p, 100, ctx, conds) {
            return r;
        }
        p += prec.max(8);
    }
}

// ---------------------------------------------------------------------------- power

/// A power of `|x| == 1` (libmpdec's `_qcheck_pow_one`): exact with the exponent's
/// digits for integral exponents, up to the precision, else an inexact full-precision one.
fn power_of_one(x: &Dec, y: &Dec, integral: bool, sign: bool, ctx: &Ctx, conds: &mut Conds) -> Dec {
    let limit = ctx.prec - 1;
    let shift = if integral {
        if y.sign {
            return Dec::finite(sign, BigUint::one(), 0);
        }
        // 1.000 ** 3 == 1.000000000: the fraction digits multiply.
        let frac = u128::from(x.exp.unsigned_abs());
        let digits = if frac == 0 {
            Some(0)
        } else if y.adjusted() >= EXP_DIGITS {
            None
        } else {
            integral_magnitude(y)
                .to_u128()
                .and_then(|n| n.checked_mul(frac))
        };
        match digits {
            Some(d) if d <= limit as u128 => d as i64,
            _ => {
                conds.raise(Conds::ROUNDED);
                limit
            }
        }
    } else {
        conds.raise(Conds::INEXACT | Conds::ROUNDED);
        limit
    };
    Dec::finite(sign, pow10(shift as u64), -shift)
}

/// libmpdec's `_lower_bound_zeta`: a lower bound of `log10(|log10(x)|)` for `0 < x != 1`
/// with adjusted exponent `t`.
fn lower_bound_zeta(x: &Dec, t: i64) -> i64 {
    if t > 0 {
        return exp_digits(t) - 1;
    }
    if t < -1 {
        return exp_digits(t + 1) - 1;
    }
    // 0.1 <= x < 10 (so x.exp <= 0): bound by the size of x - 1.
    let one = pow10(x.exp.unsigned_abs());
    let diff = if x.coef > one {
        &x.coef - &one
    } else {
        &one - &x.coef
    };
    let u = x.exp + ndigits(&diff) as i64 - 1;
    if t == 0 {
        u - 2
    } else {
        u - 1
    }
}

/// The overflowing or underflowing result when `x ** y` is certainly beyond the
/// context's range (libmpdec's `_qcheck_pow_bounds`), else `None`. This is what keeps
/// huge exponents from being computed.
fn power_out_of_range(x: &Dec, y: &Dec, sign: bool, ctx: &Ctx, conds: &mut Conds) -> Option<Dec> {
    let x_adj = x.adjusted();
    let bound = i128::from(lower_bound_zeta(x, x_adj)) + i128::from(y.adjusted());
    let grows = (x_adj < 0) == y.sign;
    let (limit, exp) = if grows {
        (exp_digits(ctx.emax), EXP_INF)
    } else {
        (exp_digits(ctx.etiny()), ctx.etiny() - 1)
    };
    (i128::from(limit) < bound).then(|| Dec::finite(sign, BigUint::one(), exp).fix(ctx, conds))
}

/// `x ** y` for an integral `y` (libmpdec's `_mpd_qpow_int`): squarings and
/// multiplications rounded to a few more digits than the context, then the final rounding.
fn power_int(x: &Dec, y: &Dec, sign: bool, ctx: &Ctx, conds: &mut Conds) -> Dec {
    let mut wctx = Ctx {
        prec: ctx.prec + y.adjusted() + 3,
        rounding: Rounding::HalfEven,
        clamp: false,
        ..*ctx
    };
    // Intermediate roundings are symmetric, so the magnitude is computed and the sign
    // set at the end.
    let magnitude = Dec::finite(false, x.coef.clone(), x.exp);
    let base = if y.sign {
        wctx.prec += 1;
        reciprocal(&magnitude, &wctx, conds)
    } else {
        magnitude
    };
    let n = integral_magnitude(y);
    let mut result = match n.to_u64() {
        Some(n) => power_by_bits(&base, n, &wctx, conds),
        None => power_by_halving(base, n, &wctx, conds),
    };
    if result.kind == Kind::Infinite {
        // Overflowed at the working precision: overflow again with the context's rounding
        // (which may give the largest finite value instead of infinity).
        result = Dec::finite(sign, BigUint::one(), EXP_INF);
    }
    result.sign = sign;
    result.fix(ctx, conds)
}

/// `1 / x` for a finite positive `x`, rounded to `ctx` (the division's ideal exponent
/// when exact).
fn reciprocal(x: &Dec, ctx: &Ctx, conds: &mut Conds) -> Dec {
    if let Some((twos, fives)) = two_five_exponents(&x.coef) {
        // 1 / (2**a * 5**b) == 5**a * 2**b / 10**(a + b), which has min(a, b) trailing
        // zeros to drop for the ideal exponent: the common exact case without dividing.
        let common = twos.min(fives);
        let coef: BigUint = Pow::pow(BigUint::from(5u32), twos - common) << (fives - common);
        let exp = -i128::from(twos.max(fives)) - i128::from(x.exp);
        return Dec::finite(false, coef, clamp_exp(exp)).fix(ctx, conds);
    }
    let shift = ctx.prec + ndigits(&x.coef) as i64;
    let (mut q, rem) = pow10(shift as u64).div_rem(&x.coef);
    let ideal = -i128::from(x.exp);
    let mut exp = ideal - i128::from(shift);
    if rem.is_zero() {
        let room = u64::try_from(ideal - exp).unwrap_or(0);
        let stripped;
        (q, stripped) = strip_zeros(q, room);
        exp += i128::from(stripped);
    } else {
        add_sticky(&mut q);
    }
    Dec::finite(false, q, clamp_exp(exp)).fix(ctx, conds)
}

/// `(a, b)` when `c == 2**a * 5**b` (the coefficients with an exact reciprocal).
fn two_five_exponents(c: &BigUint) -> Option<(u32, u32)> {
    let twos = c.trailing_zeros()?;
    let mut odd = c >> twos;
    let mut fives = 0u64;
    // 5**27 is the largest power of five in a u64.
    for (chunk, count) in [(5u64.pow(27), 27), (5, 1)] {
        loop {
            let (q, r) = odd.div_rem(&BigUint::from(chunk));
            if !r.is_zero() {
                break;
            }
            odd = q;
            fives += count;
        }
    }
    if !odd.is_one() {
        return None;
    }
    Some((u32::try_from(twos).ok()?, u32::try_from(fives).ok()?))
}

/// `a * b` rounded to `ctx`, for nonnegative operands (libmpdec's `mpd_qmul`).
fn mul_round(a: &Dec, b: &Dec, ctx: &Ctx, conds: &mut Conds) -> Dec {
    if a.kind == Kind::Infinite || b.kind == Kind::Infinite {
        return Dec::infinity(false);
    }
    let coef = &a.coef * &b.coef;
    let exp = i128::from(a.exp) + i128::from(b.exp);
    // A product below 2**(3.32 * prec) <= 10**prec whose exponent keeps any such
    // coefficient within emin..=emax is left alone by rounding: skip counting its digits.
    let short = coef.bits() <= (ctx.prec as u64).saturating_mul(332) / 100;
    let in_range =
        exp >= i128::from(ctx.emin) && exp + i128::from(ctx.prec) <= i128::from(ctx.emax) + 1;
    if short && in_range && !ctx.clamp {
        return Dec::finite(false, coef, exp as i64);
    }
    Dec::finite(false, coef, clamp_exp(exp)).fix(ctx, conds)
}

/// libmpdec's stopping rule for repeated multiplication: the result overflowed, or
/// underflowed to zero.
fn power_settled(result: &Dec, work: Conds) -> bool {
    result.kind == Kind::Infinite || (result.is_zero() && work.has(Conds::CLAMPED))
}

/// `base ** n` by left-to-right binary powering, each step rounded to `ctx` (libmpdec's
/// `_mpd_qpow_uint`).
fn power_by_bits(base: &Dec, n: u64, ctx: &Ctx, conds: &mut Conds) -> Dec {
    if let Some(exact) = exact_power(base, n, ctx) {
        return exact;
    }
    let mut work = Conds::default();
    let mut result = base.clone();
    let Some(top) = n.checked_ilog2() else {
        return int_dec(1);
    };
    let mut bit = 1u64 << top;
    while bit > 1 {
        bit >>= 1;
        result = mul_round(&result, &result, ctx, &mut work);
        if n & bit != 0 {
            result = mul_round(&result, base, ctx, &mut work);
        }
        if power_settled(&result, work) {
            break;
        }
    }
    conds.raise(work.0);
    result
}

/// `base ** n` for `n` beyond u64, by right-to-left binary powering (libmpdec's
/// `_mpd_qpow_mpd`, whose roundings differ from the left-to-right loop's). As there, the
/// conditions of squarings after the last multiplication are not reported.
fn power_by_halving(mut base: Dec, mut n: BigUint, ctx: &Ctx, conds: &mut Conds) -> Dec {
    let mut work = Conds::default();
    let mut result = int_dec(1);
    while !n.is_zero() {
        if n.is_odd() {
            result = mul_round(&result, &base, ctx, &mut work);
            conds.raise(work.0);
            if power_settled(&result, work) {
                break;
            }
        }
        base = mul_round(&base, &base, ctx, &mut work);
        n >>= 1u32;
    }
    result
}

/// `base ** n` when every step of the binary powering would be exact: the exact power
/// fits the precision and it and `base` are within the normal range (the adjusted
/// exponents of the powers in between lie between theirs). The fast path for the common
/// case, skipping the roundings.
fn exact_power(base: &Dec, n: u64, ctx: &Ctx) -> Option<Dec> {
    if !base.is_finite() || base.is_zero() {
        return None;
    }
    let c = &base.coef;
    let power = if c.is_one() {
        BigUint::one()
    } else {
        if n as f64 * log10_estimate(c) > ctx.prec as f64 + 1.0 {
            return None;
        }
        Pow::pow(c, u32::try_from(n).ok()?)
    };
    let nd = ndigits(&power) as i64;
    if nd > ctx.prec {
        return None;
    }
    let exp = i128::from(base.exp) * i128::from(n);
    let normal = |adj: i128| (i128::from(ctx.emin)..=i128::from(ctx.emax)).contains(&adj);
    if !normal(exp + i128::from(nd) - 1) || !normal(i128::from(base.adjusted())) {
        return None;
    }
    Some(Dec::finite(false, power, exp as i64))
}

/// log10(c) for c >= 1, to a few significant digits.
fn log10_estimate(c: &BigUint) -> f64 {
    let dropped = c.bits().saturating_sub(64);
    let top = if dropped == 0 {
        c.to_f64()
    } else {
        (c >> dropped).to_f64()
    };
    let top = top.unwrap_or(f64::MAX);
    top.log10() + dropped as f64 * std::f64::consts::LOG10_2
}

/// `x ** y` for a positive `x != 1` and a non-integral `y` (libmpdec's `_mpd_qpow_real`):
/// `exp(y * ln(x))`, each step correctly rounded to 23 digits more than the context (or
/// than `x`), then rounded with the context's rounding.
fn power_real(x: &Dec, y: &Dec, ctx: &Ctx, conds: &mut Conds) -> Dec {
    let wctx = Ctx {
        prec: (ndigits(&x.coef) as i64).max(ctx.prec) + 4 + EXP_DIGITS,
        rounding: Rounding::HalfEven,
        emin: MIN_EMIN,
        emax: MAX_EMAX,
        clamp: false,
    };
    let mut ignored = Conds::default();
    let ln_x = x.ln(&wctx, &mut ignored);
    let exp = clamp_exp(i128::from(ln_x.exp) + i128::from(y.exp));
    let t = Dec::finite(ln_x.sign != y.sign, &ln_x.coef * &y.coef, exp).fix(&wctx, &mut ignored);
    let mut r = t.exp(&wctx, conds);
    conds.raise(Conds::INEXACT | Conds::ROUNDED);
    if r.kind == Kind::Infinite {
        r = Dec::finite(false, BigUint::one(), EXP_INF);
    } else if is_abs_one(&r) {
        r = full_precision_one(false, ctx);
    }
    r.fix(ctx, conds)
}

/// `pow(x, y, m)` (libmpdec's `mpd_qpowmod`): integers only, `y >= 0`, `m != 0` with at
/// most `prec` digits; the result has the sign of `x ** y` and exponent 0.
fn power_mod(x: &Dec, y: &Dec, m: &Dec, ctx: &Ctx, conds: &mut Conds) -> Dec {
    let operands = [x, y, m];
    if operands.iter().any(|d| !d.is_finite()) {
        // A signalling NaN anywhere wins over a quiet one.
        for kind in [Kind::SNaN, Kind::NaN] {
            if let Some(nan) = operands.iter().find(|d| d.kind == kind) {
                if kind == Kind::SNaN {
                    conds.raise(Conds::INVALID_OPERATION);
                }
                return nan.quiet_nan(ctx);
            }
        }
        return invalid(conds);
    }
    if !operands.iter().all(|d| is_integral(d))
        || m.is_zero()
        || ndigits(&m.coef) as i128 + i128::from(m.exp) > i128::from(ctx.prec)
    {
        return invalid(conds);
    }
    let sign = x.sign && is_odd(y);
    if y.is_zero() {
        if x.is_zero() {
            return invalid(conds);
        }
        let one = u32::from(!is_abs_one(m));
        return Dec::finite(sign, BigUint::from(one), 0);
    }
    if y.sign {
        return invalid(conds);
    }
    if x.is_zero() {
        return Dec::finite(sign, BigUint::zero(), 0);
    }
    let modulus = integral_magnitude(m);
    // x == c * 10**k and y == d * 10**j: reduce c * 10**k, raise it to 10**j by j
    // powers of ten, then to d.
    let (c, k) = integral_parts(x);
    let base = (c % &modulus) * BigUint::from(10u32).modpow(&BigUint::from(k), &modulus);
    let (d, j) = integral_parts(y);
    let base = tenth_powers(base % &modulus, j, &modulus);
    Dec::finite(sign, base.modpow(&d, &modulus), 0)
}

/// `x ** (10**k) % m` by `k` steps of `x = x**10 % m`, as libmpdec does, but stopping
/// early once the sequence repeats (Brent's cycle detection), so that a huge `k` with a
/// small modulus does not take forever.
fn tenth_powers(mut x: BigUint, k: u64, m: &BigUint) -> BigUint {
    let ten = BigUint::from(10u32);
    let mut saved = x.clone();
    let (mut since_saved, mut window) = (0u64, 1u64);
    for done in 1..=k {
        x = x.modpow(&ten, m);
        since_saved += 1;
        if x == saved {
            // A cycle of length since_saved: only the remainder of the steps matters.
            for _ in 0..(k - done) % since_saved {
                x = x.modpow(&ten, m);
            }
            return x;
        }
        if since_saved == window {
            saved = x.clone();
            since_saved = 0;
            window *= 2;
        }
    }
    x
}

#[cfg(test)]
mod tests {
    use super::super::number::Conds;
    use super::super::quantum::test_support::{ctx, dec, run, sci, Case};

    const SQRT: &[Case] = &[
        ("sqrt", "2", "9 HALF_EVEN", "1.41421356", "Inexact,Rounded"),
        ("sqrt", "2", "9 DOWN", "1.41421356", "Inexact,Rounded"),
        ("sqrt", "100", "28 HALF_EVEN", "10", ""),
        ("sqrt", "1.00", "28 HALF_EVEN", "1.0", ""),
        ("sqrt", "0.0001", "28 HALF_EVEN", "0.01", ""),
        ("sqrt", "1E+1", "28 HALF_EVEN", "3.162277660168379331998893544", "Inexact,Rounded"),
        ("sqrt", "0.25", "28 HALF_EVEN", "0.5", ""),
        ("sqrt", "1.21", "2 HALF_EVEN", "1.1", ""),
        ("sqrt", "-0", "28 HALF_EVEN", "-0", ""),
        ("sqrt", "-0.00", "28 HALF_EVEN", "-0.0", ""),
        ("sqrt", "0E+7", "9 HALF_EVEN -9 9 1", "0E+1", "Clamped"),
        ("sqrt", "0E-31", "9 HALF_EVEN -9 9 0", "0E-16", ""),
        ("sqrt", "-1", "28 HALF_EVEN", "NaN", "InvalidOperation"),
        ("sqrt", "Inf", "28 HALF_EVEN", "Infinity", ""),
        ("sqrt", "-Inf", "28 HALF_EVEN", "NaN", "InvalidOperation"),
        ("sqrt", "NaN123", "28 HALF_EVEN", "NaN123", ""),
        ("sqrt", "-sNaN45", "3 HALF_EVEN", "-NaN45", "InvalidOperation"),
        ("sqrt", "sNaN12345", "3 HALF_EVEN", "NaN345", "InvalidOperation"),
        ("sqrt", "NaN12345", "3 HALF_EVEN -999999 999999 1", "NaN45", ""),
        ("sqrt", "123456789012345678901234567890", "10 HALF_EVEN", "3.513641829E+14", "Inexact,Rounded"),
        ("sqrt", "1E+40", "9 HALF_EVEN -9 9 0", "Infinity", "Overflow,Inexact,Rounded"),
        ("sqrt", "1E-30", "9 HALF_EVEN -9 9 0", "1E-15", "Subnormal"),
        ("sqrt", "4E-30", "9 HALF_EVEN -9 9 0", "2E-15", "Subnormal"),
        ("sqrt", "2E-17", "9 HALF_EVEN -9 9 0", "4.47213595E-9", "Inexact,Rounded"),
        ("sqrt", "2E-17", "9 UP -9 9 0", "4.47213595E-9", "Inexact,Rounded"),
        ("sqrt", "1E-36", "9 HALF_EVEN -9 9 0", "0E-17", "Underflow,Subnormal,Inexact,Rounded,Clamped"),
        ("sqrt", "10005", "110 HALF_EVEN", "100.02499687578100594479218787635777800159502436869631465713551156965096785386430429231118794849997329775519389", "Inexact,Rounded"),
        ("sqrt", "1000000", "9 HALF_EVEN -9 5 1", "1000.000", "Clamped"),
        ("sqrt", "15241578750190521", "5 HALF_EVEN", "1.2346E+8", "Inexact,Rounded"),
    ];

    const EXP: &[Case] = &[
        ("exp", "1", "28 HALF_EVEN", "2.718281828459045235360287471", "Inexact,Rounded"),
        ("exp", "-1", "28 HALF_EVEN", "0.3678794411714423215955237702", "Inexact,Rounded"),
        ("exp", "0", "28 HALF_EVEN", "1", ""),
        ("exp", "-0", "28 HALF_EVEN", "1", ""),
        ("exp", "0E-5", "28 HALF_EVEN", "1", ""),
        ("exp", "Inf", "28 HALF_EVEN", "Infinity", ""),
        ("exp", "-Inf", "28 HALF_EVEN", "0", ""),
        ("exp", "NaN", "28 HALF_EVEN", "NaN", ""),
        ("exp", "-sNaN7", "28 HALF_EVEN", "-NaN7", "InvalidOperation"),
        ("exp", "1E-30", "28 HALF_EVEN", "1.000000000000000000000000000", "Inexact,Rounded"),
        ("exp", "-1E-30", "28 HALF_EVEN", "1.000000000000000000000000000", "Inexact,Rounded"),
        ("exp", "-9E-6", "5 HALF_EVEN", "0.99999", "Inexact,Rounded"),
        ("exp", "-5E-6", "5 HALF_EVEN", "1.0000", "Inexact,Rounded"),
        ("exp", "5E-5", "5 DOWN", "1.0001", "Inexact,Rounded"),
        ("exp", "1E+100", "28 HALF_EVEN", "Infinity", "Overflow,Inexact,Rounded"),
        ("exp", "-1E+100", "28 HALF_EVEN", "0E-1000026", "Underflow,Subnormal,Inexact,Rounded,Clamped"),
        ("exp", "1E+100", "28 DOWN", "Infinity", "Overflow,Inexact,Rounded"),
        ("exp", "2.302585092994045684017991454684364", "30 HALF_EVEN", "10.0000000000000000000000000000", "Inexact,Rounded"),
        ("exp", "700", "28 HALF_EVEN -300 300 0", "Infinity", "Overflow,Inexact,Rounded"),
        ("exp", "-700", "28 HALF_EVEN -300 300 0", "9.8596765437597708567054E-305", "Underflow,Subnormal,Inexact,Rounded"),
        ("exp", "-690", "28 HALF_EVEN -300 300 0", "2.171738281389827008482123672E-300", "Inexact,Rounded"),
        ("exp", "230", "5 DOWN -999999 99 0", "7.7220E+99", "Inexact,Rounded"),
        ("exp", "0.5", "50 HALF_EVEN", "1.6487212707001281468486507878141635716537761007101", "Inexact,Rounded"),
        ("exp", "12.5", "9 HALF_EVEN -9 10 1", "268337.287", "Inexact,Rounded"),
        ("exp", "-2.5", "7 UP", "0.08208500", "Inexact,Rounded"),
        ("exp", "100", "110 HALF_EVEN", "26881171418161354484126255515800135873611118.773741922415191608615280287034909564914158871097219845710811670879", "Inexact,Rounded"),
    ];

    const LN: &[Case] = &[
        ("ln", "2", "28 HALF_EVEN", "0.6931471805599453094172321215", "Inexact,Rounded"),
        ("ln", "10", "28 HALF_EVEN", "2.302585092994045684017991455", "Inexact,Rounded"),
        ("ln", "0", "28 HALF_EVEN", "-Infinity", ""),
        ("ln", "-0", "28 HALF_EVEN", "-Infinity", ""),
        ("ln", "-1", "28 HALF_EVEN", "NaN", "InvalidOperation"),
        ("ln", "1", "28 HALF_EVEN", "0", ""),
        ("ln", "1.000", "28 HALF_EVEN", "0", ""),
        ("ln", "Inf", "28 HALF_EVEN", "Infinity", ""),
        ("ln", "-Inf", "28 HALF_EVEN", "NaN", "InvalidOperation"),
        ("ln", "NaN7", "28 HALF_EVEN", "NaN7", ""),
        ("ln", "sNaN", "28 HALF_EVEN", "NaN", "InvalidOperation"),
        ("ln", "1E-999999", "9 HALF_EVEN", "-2302582.79", "Inexact,Rounded"),
        ("ln", "1.0000000001", "5 HALF_EVEN", "1.0000E-10", "Inexact,Rounded"),
        ("ln", "1.000001", "9 HALF_EVEN -5 9 0", "9.999995E-7", "Underflow,Subnormal,Inexact,Rounded"),
        ("ln", "0.999999", "9 FLOOR -5 9 0", "-0.0000010000005", "Underflow,Subnormal,Inexact,Rounded"),
        ("ln", "1E+100000", "3 HALF_EVEN -999999 4 0", "Infinity", "Overflow,Inexact,Rounded"),
        ("ln", "0.5", "50 HALF_EVEN", "-0.69314718055994530941723212145817656807550013436026", "Inexact,Rounded"),
        ("ln", "123.456", "110 HALF_EVEN", "4.8158848172832638831092321051665255771721581355054573117965795423921263000752201547336311772025566106882583613", "Inexact,Rounded"),
        ("ln", "2", "9 HALF_EVEN -9 0 1", "0.693147181", "Inexact,Rounded"),
    ];

    const LOG10: &[Case] = &[
        ("log10", "2", "28 HALF_EVEN", "0.3010299956639811952137388947", "Inexact,Rounded"),
        ("log10", "100", "28 HALF_EVEN", "2", ""),
        ("log10", "0.001", "28 HALF_EVEN", "-3", ""),
        ("log10", "1", "28 HALF_EVEN", "0", ""),
        ("log10", "1E+123556", "3 DOWN", "1.24E+5", "Inexact,Rounded"),
        ("log10", "1E-123556", "3 HALF_EVEN", "-1.24E+5", "Inexact,Rounded"),
        ("log10", "1000", "9 HALF_EVEN -9 0 1", "3.00000000", "Clamped"),
        ("log10", "0", "28 HALF_EVEN", "-Infinity", ""),
        ("log10", "-0", "28 HALF_EVEN", "-Infinity", ""),
        ("log10", "-2", "28 HALF_EVEN", "NaN", "InvalidOperation"),
        ("log10", "Inf", "28 HALF_EVEN", "Infinity", ""),
        ("log10", "NaN", "28 HALF_EVEN", "NaN", ""),
        ("log10", "3.16227766", "9 HALF_EVEN", "0.500000000", "Inexact,Rounded"),
        ("log10", "1.000001", "9 HALF_EVEN -3 9 0", "4.3429E-7", "Underflow,Subnormal,Inexact,Rounded"),
        ("log10", "7", "110 HALF_EVEN", "0.84509804001425683071221625859263619348357239632396540650363495371825343990207916606611152784748857334142431008", "Inexact,Rounded"),
    ];

    const POWMOD: &[Case] = &[
        ("powmod", "2 10 7", "28 HALF_EVEN", "2", ""),
        ("powmod", "-2 3 7", "28 HALF_EVEN", "-1", ""),
        ("powmod", "-2 3 -7", "28 HALF_EVEN", "-1", ""),
        (
            "powmod",
            "2 -1 7",
            "28 HALF_EVEN",
            "NaN",
            "InvalidOperation",
        ),
        ("powmod", "0 0 7", "28 HALF_EVEN", "NaN", "InvalidOperation"),
        ("powmod", "5 0 1", "28 HALF_EVEN", "0", ""),
        ("powmod", "5 0 -7", "28 HALF_EVEN", "1", ""),
        ("powmod", "-5 0 7", "28 HALF_EVEN", "1", ""),
        (
            "powmod",
            "2.5 2 7",
            "28 HALF_EVEN",
            "NaN",
            "InvalidOperation",
        ),
        ("powmod", "2 2 0", "28 HALF_EVEN", "NaN", "InvalidOperation"),
        (
            "powmod",
            "2 2 123456 ",
            "5 HALF_EVEN",
            "NaN",
            "InvalidOperation",
        ),
        ("powmod", "2 2 12345.0", "5 HALF_EVEN", "4", ""),
        (
            "powmod",
            "NaN 1 sNaN3",
            "28 HALF_EVEN",
            "NaN3",
            "InvalidOperation",
        ),
        ("powmod", "NaN1 NaN2 7", "28 HALF_EVEN", "NaN1", ""),
        (
            "powmod",
            "1 NaN2 sNaN",
            "28 HALF_EVEN",
            "NaN",
            "InvalidOperation",
        ),
        (
            "powmod",
            "Inf 1 7",
            "28 HALF_EVEN",
            "NaN",
            "InvalidOperation",
        ),
        (
            "powmod",
            "2 Inf 7",
            "28 HALF_EVEN",
            "NaN",
            "InvalidOperation",
        ),
        ("powmod", "2 1E+5 7", "28 HALF_EVEN", "2", ""),
        ("powmod", "1E+5 3 7", "28 HALF_EVEN", "6", ""),
        ("powmod", "3 7E+300 1000007", "28 HALF_EVEN", "76735", ""),
        ("powmod", "2.00 3 5.0", "28 HALF_EVEN", "3", ""),
        ("powmod", "-0 3 7", "28 HALF_EVEN", "-0", ""),
        ("powmod", "0 3 7", "28 HALF_EVEN", "0", ""),
        ("powmod", "-0E+2 1 7", "28 HALF_EVEN", "-0", ""),
        (
            "powmod",
            "123456789 987654321 1000000007",
            "28 HALF_EVEN",
            "652541198",
            "",
        ),
        ("powmod", "7 1E+1 1E+2", "28 HALF_EVEN", "49", ""),
        ("powmod", "3 2 1E+27", "28 HALF_EVEN", "9", ""),
    ];

    const POW: &[Case] = &[
        ("pow", "2 0.5", "9 HALF_EVEN", "1.41421356", "Inexact,Rounded"),
        ("pow", "3 0.5", "5 DOWN", "1.7320", "Inexact,Rounded"),
        ("pow", "3 0.5", "5 UP", "1.7321", "Inexact,Rounded"),
        ("pow", "4 0.5", "5 HALF_EVEN", "2.0000", "Inexact,Rounded"),
        ("pow", "1.000000001 2", "5 UP", "1.0000", "Inexact,Rounded"),
        ("pow", "1.000001 2", "3 UP", "1.00", "Inexact,Rounded"),
        ("pow", "7 -3", "3 DOWN", "0.00291", "Inexact,Rounded"),
        ("pow", "7 -3", "3 UP", "0.00292", "Inexact,Rounded"),
        ("pow", "0.00 2", "28 HALF_EVEN", "0", ""),
        ("pow", "-0 3", "28 HALF_EVEN", "-0", ""),
        ("pow", "-0 -3", "28 HALF_EVEN", "-Infinity", ""),
        ("pow", "-0 -2", "28 HALF_EVEN", "Infinity", ""),
        ("pow", "0 0", "28 HALF_EVEN", "NaN", "InvalidOperation"),
        ("pow", "0 -0.5", "28 HALF_EVEN", "Infinity", ""),
        ("pow", "0 Inf", "28 HALF_EVEN", "0", ""),
        ("pow", "0 -Inf", "28 HALF_EVEN", "Infinity", ""),
        ("pow", "Inf 0", "28 HALF_EVEN", "1", ""),
        ("pow", "-Inf 3", "28 HALF_EVEN", "-Infinity", ""),
        ("pow", "-Inf -3", "28 HALF_EVEN", "-0", ""),
        ("pow", "-Inf 2.5", "28 HALF_EVEN", "NaN", "InvalidOperation"),
        ("pow", "-Inf Inf", "28 HALF_EVEN", "NaN", "InvalidOperation"),
        ("pow", "-2 Inf", "28 HALF_EVEN", "NaN", "InvalidOperation"),
        ("pow", "0.5 Inf", "28 HALF_EVEN", "0", ""),
        ("pow", "0.5 -Inf", "28 HALF_EVEN", "Infinity", ""),
        ("pow", "2 -Inf", "28 HALF_EVEN", "0", ""),
        ("pow", "1 Inf", "5 HALF_EVEN", "1.0000", "Inexact,Rounded"),
        ("pow", "1.0 50", "5 HALF_EVEN", "1.0000", "Rounded"),
        ("pow", "1.0 3", "5 HALF_EVEN", "1.000", ""),
        ("pow", "1.00 -3", "28 HALF_EVEN", "1", ""),
        ("pow", "-1 3", "28 HALF_EVEN", "-1", ""),
        ("pow", "-1.0 3", "28 HALF_EVEN", "-1.000", ""),
        ("pow", "-1 2.5", "28 HALF_EVEN", "NaN", "InvalidOperation"),
        ("pow", "1.00 0.5", "9 HALF_EVEN", "1.00000000", "Inexact,Rounded"),
        ("pow", "2 1E+30", "28 HALF_EVEN", "Infinity", "Overflow,Inexact,Rounded"),
        ("pow", "2 1E+30", "28 DOWN", "9.999999999999999999999999999E+999999", "Overflow,Inexact,Rounded"),
        ("pow", "2 -1E+30", "28 HALF_EVEN", "0E-1000026", "Underflow,Subnormal,Inexact,Rounded,Clamped"),
        ("pow", "2 -1E+30", "28 UP", "1E-1000026", "Underflow,Subnormal,Inexact,Rounded"),
        ("pow", "1E+999999999999999999 2", "28 HALF_EVEN", "Infinity", "Overflow,Inexact,Rounded"),
        ("pow", "1E-999999999999999999 2", "28 HALF_EVEN", "0E-1000026", "Underflow,Subnormal,Inexact,Rounded,Clamped"),
        ("pow", "10 -1005", "50 HALF_EVEN", "1E-1005", ""),
        ("pow", "640320 9", "30 HALF_EVEN", "1.80956256216543569590220989359E+52", "Inexact,Rounded"),
        ("pow", "640320 219", "110 HALF_EVEN", "3.9898600585503399450593302437960804476208910378508952038313772258184414039055001541467617943932544905161890548E+1271", "Inexact,Rounded"),
        ("pow", "2 -1074", "40 HALF_EVEN", "4.940656458412465441765687928682213723651E-324", "Inexact,Rounded"),
        ("pow", "3 -2", "9 HALF_EVEN", "0.111111111", "Inexact,Rounded"),
        ("pow", "-2 3", "28 HALF_EVEN", "-8", ""),
        ("pow", "-2 -3", "28 HALF_EVEN", "-0.125", ""),
        ("pow", "-2 2.0", "28 HALF_EVEN", "4", ""),
        ("pow", "-2 3.0", "28 HALF_EVEN", "-8", ""),
        ("pow", "2.0 3", "28 HALF_EVEN", "8.000", ""),
        ("pow", "1.0000000000000000000001 1E+25", "9 HALF_EVEN", "1.97007111E+434", "Inexact,Rounded"),
        ("pow", "1.0000000000000000001 18446744073709551617", "12 FLOOR", "6.32603974314", "Inexact,Rounded"),
        ("pow", "0.9 1E+25", "28 HALF_EVEN", "0E-1000026", "Underflow,Subnormal,Inexact,Rounded,Clamped"),
        ("pow", "NaN1 sNaN2", "28 HALF_EVEN", "NaN2", "InvalidOperation"),
        ("pow", "sNaN NaN", "28 HALF_EVEN", "NaN", "InvalidOperation"),
        ("pow", "2 NaN5", "28 HALF_EVEN", "NaN5", ""),
        ("pow", "10 -3", "9 HALF_EVEN -9 2 1", "0.001000", "Clamped"),
        ("pow", "9 -9", "3 HALF_EVEN -6 9 0", "0E-8", "Underflow,Subnormal,Inexact,Rounded,Clamped"),
        ("pow", "1.1 1000", "5 DOWN -9 10 0", "9.9999E+10", "Overflow,Inexact,Rounded"),
        ("pow", "1.1 1000", "5 HALF_EVEN -9 10 0", "Infinity", "Overflow,Inexact,Rounded"),
        ("pow", "10 20", "3 HALF_EVEN -9 30 1", "1.00E+20", "Rounded"),
        ("pow", "0.1 12", "3 HALF_EVEN -9 9 0", "0E-11", "Underflow,Subnormal,Inexact,Rounded,Clamped"),
        ("pow", "0.1 8", "3 HALF_EVEN -9 9 0", "1E-8", ""),
        ("pow", "2 0.5", "110 HALF_EVEN", "1.4142135623730950488016887242096980785696718753769480731766797379907324784621070388503875343276415727350138462", "Inexact,Rounded"),
        ("pow", "12.5 -0.75", "20 CEILING", "0.15042412372345574273", "Inexact,Rounded"),
        ("pow", "1.01 -7000.5", "6 HALF_EVEN -9 9 0", "0E-14", "Underflow,Subnormal,Inexact,Rounded,Clamped"),
    ];

    const HUGE: &[Case] = &[
        (
            "pow",
            "1E+999999999999999999 2",
            "28 HALF_EVEN -999999999999999999 999999999999999999 0",
            "Infinity",
            "Overflow,Inexact,Rounded",
        ),
        (
            "pow",
            "1.0000001 1E+999999999999999999",
            "28 HALF_EVEN -999999999999999999 999999999999999999 0",
            "Infinity",
            "Overflow,Inexact,Rounded",
        ),
        (
            "pow",
            "1.0000001 -1E+999999999999999999",
            "28 HALF_EVEN -999999999999999999 999999999999999999 0",
            "0E-1000000000000000026",
            "Underflow,Subnormal,Inexact,Rounded,Clamped",
        ),
        (
            "pow",
            "2 1E+100",
            "28 DOWN -999999999999999999 999999999999999999 0",
            "9.999999999999999999999999999E+999999999999999999",
            "Overflow,Inexact,Rounded",
        ),
        (
            "pow",
            "1E-999999999999999999 -2",
            "28 HALF_EVEN -999999999999999999 999999999999999999 0",
            "Infinity",
            "Overflow,Inexact,Rounded",
        ),
        (
            "pow",
            "7E+99 1E+17",
            "28 HALF_EVEN -999999999999999999 999999999999999999 0",
            "Infinity",
            "Overflow,Inexact,Rounded",
        ),
        (
            "exp",
            "1E+100",
            "28 HALF_EVEN -999999999999999999 999999999999999999 0",
            "Infinity",
            "Overflow,Inexact,Rounded",
        ),
        (
            "exp",
            "-1E+100",
            "28 HALF_EVEN -999999999999999999 999999999999999999 0",
            "0E-1000000000000000026",
            "Underflow,Subnormal,Inexact,Rounded,Clamped",
        ),
        (
            "exp",
            "1E+18",
            "28 HALF_EVEN -999999999999999999 999999999999999999 0",
            "4.478462261548457493131813872E+434294481903251827",
            "Inexact,Rounded",
        ),
        (
            "exp",
            "-1E+18",
            "28 HALF_EVEN -999999999999999999 999999999999999999 0",
            "2.232909292517390751556269459E-434294481903251828",
            "Inexact,Rounded",
        ),
        (
            "exp",
            "-1E-999999999999999999",
            "28 HALF_EVEN -999999999999999999 999999999999999999 0",
            "1.000000000000000000000000000",
            "Inexact,Rounded",
        ),
        (
            "ln",
            "1E-999999999999999999",
            "28 HALF_EVEN -999999999999999999 999999999999999999 0",
            "-2302585092994045681.715406362",
            "Inexact,Rounded",
        ),
        (
            "log10",
            "7E+999999999999999999",
            "28 HALF_EVEN -999999999999999999 999999999999999999 0",
            "999999999999999999.8450980400",
            "Inexact,Rounded",
        ),
        (
            "sqrt",
            "1E-999999999999999999",
            "28 HALF_EVEN -999999999999999999 999999999999999999 0",
            "3.162277660168379331998893544E-500000000000000000",
            "Inexact,Rounded",
        ),
        (
            "sqrt",
            "9E+999999999999999999",
            "28 HALF_EVEN -999999999999999999 999999999999999999 0",
            "9.486832980505137995996680633E+499999999999999999",
            "Inexact,Rounded",
        ),
    ];

    #[test]
    fn sqrt() {
        run(SQRT);
    }

    #[test]
    fn exp() {
        run(EXP);
    }

    #[test]
    fn ln() {
        run(LN);
    }

    #[test]
    fn log10() {
        run(LOG10);
    }

    #[test]
    fn pow() {
        run(POW);
    }

    #[test]
    fn pow_mod() {
        run(POWMOD);
    }

    #[test]
    fn huge_exponents() {
        run(HUGE);
    }

    /// Cases CPython cannot answer (it runs out of memory, or loops 10**12 times); the
    /// expected values come from Fermat's little theorem.
    #[test]
    fn pow_mod_huge_exponents() {
        let ctx = ctx("28 HALF_EVEN");
        let cases = [
            // 10 has order 6 modulo 7, so 10**(10**18 - 1) % 7 == 10**3 % 7 == 6, and
            // 6**2 % 7 == 1.
            ("1E+999999999999999999", "2", "7", "1"),
            // 1009 is prime: 3**(10**k) % p == 3**(10**k % (p - 1)) % p.
            ("3", "1E+999999999999", "1009", "404"),
            ("3", "7E+999999999999", "1009", "374"),
        ];
        for (x, y, m, want) in cases {
            let mut conds = Conds::default();
            let got = dec(x).pow(&dec(y), Some(&dec(m)), &ctx, &mut conds);
            assert_eq!(
                (sci(&got).as_str(), conds),
                (want, Conds::default()),
                "pow({x}, {y}, {m})"
            );
        }
    }
}
