//! Operations on a value's exponent and on its neighbours: quantize, rounding to an
//! integer, normalize, logb, scaleb and next_plus/next_minus/next_toward, with the
//! results and conditions of CPython's `decimal` (libmpdec).

use super::number::{ndigits, pow10, pow10_shared, round_int, Conds, Ctx, Dec, Kind, Rounding};
use num_bigint::BigUint;
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};

/// libmpdec's MPD_EXP_INF and MPD_EXP_CLAMP: exponents beyond the largest and smallest
/// any context allows, to which out-of-range intermediate exponents are clamped. Values
/// there round to infinity or zero like the unclamped ones would, and the rounding code's
/// exponent arithmetic stays within i64.
pub(crate) const EXP_INF: i64 = 2_000_000_000_000_000_001;
pub(crate) const EXP_CLAMP: i64 = -4_000_000_000_000_000_001;

/// `e` clamped to `EXP_CLAMP..=EXP_INF`.
pub(crate) fn clamp_exp(e: i128) -> i64 {
    e.clamp(i128::from(EXP_CLAMP), i128::from(EXP_INF)) as i64
}

/// The result of an invalid operation: the default quiet NaN, with InvalidOperation.
pub(crate) fn invalid(conds: &mut Conds) -> Dec {
    conds.raise(Conds::INVALID_OPERATION);
    Dec::nan()
}

/// The integer `v` with exponent 0.
pub(crate) fn int_dec(v: i64) -> Dec {
    Dec::finite(v < 0, BigUint::from(v.unsigned_abs()), 0)
}

/// Removes up to `max` trailing zero digits of `coef`; returns the rest and how many
/// were removed.
pub(crate) fn strip_zeros(mut coef: BigUint, max: u64) -> (BigUint, u64) {
    // 10**k divides coef only if 2**k does: the binary trailing zeros bound the count.
    let max = max.min(coef.trailing_zeros().unwrap_or(0));
    // The count, built bit by bit from the top: a few divisions, not one per zero.
    let mut stripped = 0;
    let mut step = max.checked_ilog2().map_or(0, |b| 1u64 << b);
    while step > 0 {
        if max - stripped >= step {
            let (q, r) = coef.div_rem(&pow10_shared(step));
            if r.is_zero() {
                coef = q;
                stripped += step;
            }
        }
        step >>= 1;
    }
    (coef, stripped)
}

/// `round_int` for any `drop > 0`: digits dropped beyond the coefficient's length (and
/// the one below it) only tell that something nonzero below half a unit went, so a huge
/// `drop` needs no huge power of ten.
fn round_digits(sign: bool, coef: &BigUint, drop: u64, rounding: Rounding) -> (BigUint, bool) {
    if drop > ndigits(coef) + 1 {
        round_int(sign, BigUint::from(1u32), 2, rounding)
    } else {
        round_int(sign, coef.clone(), drop, rounding)
    }
}

impl Dec {
    /// `self` rounded (by `rounding`) or padded to the exponent of `exp`.
    ///
    /// InvalidOperation when either is infinite (but not both), when the exponent is
    /// outside `etiny..=emax`, or when the result would need more than `prec` digits or
    /// exceed `emax`.
    pub fn quantize(&self, exp: &Dec, rounding: Rounding, ctx: &Ctx, conds: &mut Conds) -> Dec {
        let ctx = &ctx.with_rounding(rounding);
        if !self.is_finite() || !exp.is_finite() {
            if let Some(nan) = Dec::check_nans(self, Some(exp), ctx, conds) {
                return nan;
            }
            if self.kind == Kind::Infinite && exp.kind == Kind::Infinite {
                return self.clone();
            }
            return invalid(conds);
        }
        let e = exp.exp;
        if e > ctx.emax || e < ctx.etiny() {
            return invalid(conds);
        }
        if self.coef.is_zero() {
            return Dec::finite(self.sign, BigUint::zero(), e).fix(ctx, conds);
        }
        let expdiff = i128::from(self.exp) - i128::from(e);
        if ndigits(&self.coef) as i128 + expdiff > i128::from(ctx.prec) {
            return invalid(conds);
        }
        let mut rounded = Conds::default();
        let coef = if expdiff >= 0 {
            &self.coef * pow10(expdiff as u64)
        } else {
            let (coef, inexact) = round_digits(
                self.sign,
                &self.coef,
                expdiff.unsigned_abs() as u64,
                rounding,
            );
            // Rounding up may carry into one digit too many.
            if ndigits(&coef) as i64 > ctx.prec {
                return invalid(conds);
            }
            rounded.raise(Conds::ROUNDED);
            if inexact {
                rounded.raise(Conds::INEXACT);
            }
            coef
        };
        let result = Dec::finite(self.sign, coef, e);
        if result.adjusted() > ctx.emax {
            return invalid(conds);
        }
        conds.raise(rounded.0);
        result.fix(ctx, conds)
    }

    /// `self` rounded to an integer (exponent 0) by `rounding`, regardless of the
    /// precision; raises no conditions (but InvalidOperation for a signalling NaN).
    pub fn to_integral_value(&self, rounding: Rounding, ctx: &Ctx, conds: &mut Conds) -> Dec {
        round_to_integral(self, rounding, false, ctx, conds)
    }

    /// As [`Dec::to_integral_value`], but raising Rounded, and Inexact when digits were lost.
    pub fn to_integral_exact(&self, rounding: Rounding, ctx: &Ctx, conds: &mut Conds) -> Dec {
        round_to_integral(self, rounding, true, ctx, conds)
    }

    /// `self` rounded to the context with its trailing zeros removed (as far as the
    /// largest exponent allows); zero becomes `0` (or `-0`).
    pub fn normalize(&self, ctx: &Ctx, conds: &mut Conds) -> Dec {
        if let Some(nan) = Dec::check_nans(self, None, ctx, conds) {
            return nan;
        }
        if !self.is_finite() {
            return self.clone();
        }
        let r = self.clone().fix(ctx, conds);
        if !r.is_finite() {
            return r;
        }
        if r.coef.is_zero() {
            return Dec::finite(self.sign, r.coef, 0);
        }
        let top = if ctx.clamp { ctx.etop() } else { ctx.emax };
        let room = u64::try_from(i128::from(top) - i128::from(r.exp)).unwrap_or(0);
        let (coef, stripped) = strip_zeros(r.coef, room);
        Dec::finite(r.sign, coef, r.exp + stripped as i64)
    }

    /// The adjusted exponent of `self` as a value: -Infinity with DivisionByZero for
    /// zero, Infinity for infinities.
    pub fn logb(&self, ctx: &Ctx, conds: &mut Conds) -> Dec {
        if let Some(nan) = Dec::check_nans(self, None, ctx, conds) {
            return nan;
        }
        if self.kind == Kind::Infinite {
            return Dec::infinity(false);
        }
        if self.coef.is_zero() {
            conds.raise(Conds::DIVISION_BY_ZERO);
            return Dec::infinity(true);
        }
        int_dec(self.adjusted()).fix(ctx, conds)
    }

    /// `self * 10**other`, for an integer `other` with exponent 0 and at most
    /// `2 * (emax + prec)` in magnitude (else InvalidOperation), rounded to the context.
    pub fn scaleb(&self, other: &Dec, ctx: &Ctx, conds: &mut Conds) -> Dec {
        if let Some(nan) = Dec::check_nans(self, Some(other), ctx, conds) {
            return nan;
        }
        if other.exp != 0 || other.kind == Kind::Infinite {
            return invalid(conds);
        }
        let max_jump = 2 * (i128::from(ctx.emax) + i128::from(ctx.prec));
        let jump = match other.coef.to_i128() {
            Some(n) if n <= max_jump => n,
            _ => return invalid(conds),
        };
        if self.kind == Kind::Infinite {
            return self.clone();
        }
        let jump = if other.sign { -jump } else { jump };
        let exp = clamp_exp(i128::from(self.exp) + jump);
        Dec::finite(self.sign, self.coef.clone(), exp).fix(ctx, conds)
    }

    /// The smallest representable value above `self`.
    pub fn next_plus(&self, ctx: &Ctx, conds: &mut Conds) -> Dec {
        match Dec::check_nans(self, None, ctx, conds) {
            Some(nan) => nan,
            None => next_value(self, true, ctx),
        }
    }

    /// The largest representable value below `self`.
    pub fn next_minus(&self, ctx: &Ctx, conds: &mut Conds) -> Dec {
        match Dec::check_nans(self, None, ctx, conds) {
            Some(nan) => nan,
            None => next_value(self, false, ctx),
        }
    }

    /// The representable value next to `self` in the direction of `other`, or `self`
    /// with the sign of `other` when they are equal. Unlike next_plus and next_minus it
    /// reports overflow, and underflow when the result is subnormal or zero.
    pub fn next_toward(&self, other: &Dec, ctx: &Ctx, conds: &mut Conds) -> Dec {
        if let Some(nan) = Dec::check_nans(self, Some(other), ctx, conds) {
            return nan;
        }
        let up = match self.cmp_num(other) {
            Some(std::cmp::Ordering::Less) => true,
            Some(std::cmp::Ordering::Greater) => false,
            _ => {
                return Dec {
                    sign: other.sign,
                    ..self.clone()
                }
            }
        };
        let r = next_value(self, up, ctx);
        if r.kind == Kind::Infinite {
            conds.raise(Conds::OVERFLOW | Conds::ROUNDED | Conds::INEXACT);
        } else if r.adjusted() < ctx.emin {
            conds.raise(Conds::UNDERFLOW | Conds::SUBNORMAL | Conds::ROUNDED | Conds::INEXACT);
            if r.coef.is_zero() {
                conds.raise(Conds::CLAMPED);
            }
        }
        r
    }
}

/// to_integral_value and to_integral_exact; `exact` raises Rounded and Inexact.
fn round_to_integral(
    d: &Dec,
    rounding: Rounding,
    exact: bool,
    ctx: &Ctx,
    conds: &mut Conds,
) -> Dec {
    if let Some(nan) = Dec::check_nans(d, None, ctx, conds) {
        return nan;
    }
    if !d.is_finite() || d.exp >= 0 {
        return d.clone();
    }
    if d.coef.is_zero() {
        return Dec::finite(d.sign, BigUint::zero(), 0);
    }
    let (coef, inexact) = round_digits(d.sign, &d.coef, d.exp.unsigned_abs(), rounding);
    if exact {
        conds.raise(Conds::ROUNDED);
        if inexact {
            conds.raise(Conds::INEXACT);
        }
    }
    Dec::finite(d.sign, coef, 0)
}

/// The neighbour of a non-NaN `d` above it (`up`) or below it. Rounding raises no
/// conditions here.
fn next_value(d: &Dec, up: bool, ctx: &Ctx) -> Dec {
    if d.kind == Kind::Infinite {
        // -Infinity going up, or +Infinity going down, meets the largest finite value.
        if d.sign == up {
            return Dec::finite(d.sign, pow10(ctx.prec as u64) - 1u32, ctx.etop());
        }
        return d.clone();
    }
    if d.coef.is_zero() {
        return Dec::finite(!up, BigUint::from(1u32), ctx.etiny());
    }
    // Adding or subtracting an amount below any ulp near d, then rounding towards the
    // direction of travel, lands on the neighbour (or on d rounded, if d did not fit).
    let k = ctx.prec as u64 + 2;
    let scaled = &d.coef * pow10(k);
    let nudged = if d.sign != up {
        scaled + 1u32
    } else {
        scaled - 1u32
    };
    let wctx = ctx.with_rounding(if up {
        Rounding::Ceiling
    } else {
        Rounding::Floor
    });
    let exp = clamp_exp(i128::from(d.exp) - i128::from(k));
    Dec::finite(d.sign, nudged, exp).fix(&wctx, &mut Conds::default())
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Helpers for this module's and transcend.rs's tests: decimal strings in and out
    //! (text.rs is not used, so that these tests stand alone), and a runner for tables of
    //! cases whose expected results and flags come from CPython's `decimal`.

    use super::super::number::{Conds, Ctx, Dec, Kind, Rounding};
    use num_bigint::BigUint;
    use num_traits::Zero;

    /// A numeric string as `Decimal(str)` reads it (well-formed input only).
    pub(crate) fn dec(s: &str) -> Dec {
        let (sign, body) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s.strip_prefix('+').unwrap_or(s)),
        };
        let lower = body.to_ascii_lowercase();
        let payload = |p: &str| p.parse::<BigUint>().unwrap_or_default();
        if lower == "inf" || lower == "infinity" {
            return Dec::infinity(sign);
        }
        for (prefix, kind) in [("snan", Kind::SNaN), ("nan", Kind::NaN)] {
            if let Some(p) = lower.strip_prefix(prefix) {
                return Dec {
                    sign,
                    kind,
                    coef: payload(p),
                    exp: 0,
                };
            }
        }
        let (mantissa, exp) = match lower.split_once('e') {
            Some((m, e)) => (m, e.parse::<i64>().expect("exponent")),
            None => (lower.as_str(), 0),
        };
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let coef = format!("{int}{frac}").parse::<BigUint>().expect("digits");
        Dec::finite(sign, coef, exp - frac.len() as i64)
    }

    /// `str(Decimal)`: scientific notation when the exponent is positive or the value
    /// small.
    pub(crate) fn sci(d: &Dec) -> String {
        let sign = if d.sign { "-" } else { "" };
        let payload = if d.coef.is_zero() {
            String::new()
        } else {
            d.coef.to_string()
        };
        match d.kind {
            Kind::Infinite => return format!("{sign}Infinity"),
            Kind::NaN => return format!("{sign}NaN{payload}"),
            Kind::SNaN => return format!("{sign}sNaN{payload}"),
            Kind::Finite => {}
        }
        let digits = d.coef.to_string();
        let left = d.exp + digits.len() as i64;
        let dot = if d.exp <= 0 && left > -6 { left } else { 1 };
        let body = if dot <= 0 {
            format!("0.{}{digits}", "0".repeat(dot.unsigned_abs() as usize))
        } else if dot as usize >= digits.len() {
            format!("{digits}{}", "0".repeat(dot as usize - digits.len()))
        } else {
            format!("{}.{}", &digits[..dot as usize], &digits[dot as usize..])
        };
        let exp = if left == dot {
            String::new()
        } else {
            format!("E{:+}", left - dot)
        };
        format!("{sign}{body}{exp}")
    }

    /// The flags CPython would set, in the order its flags dict lists them.
    pub(crate) fn flag_names(c: Conds) -> String {
        [
            (Conds::INVALID, "InvalidOperation"),
            (Conds::DIVISION_BY_ZERO, "DivisionByZero"),
            (Conds::OVERFLOW, "Overflow"),
            (Conds::UNDERFLOW, "Underflow"),
            (Conds::SUBNORMAL, "Subnormal"),
            (Conds::INEXACT, "Inexact"),
            (Conds::ROUNDED, "Rounded"),
            (Conds::CLAMPED, "Clamped"),
        ]
        .iter()
        .filter(|(bit, _)| c.has(*bit))
        .map(|(_, name)| *name)
        .collect::<Vec<_>>()
        .join(",")
    }

    /// A context from "prec ROUNDING [emin emax clamp]" (the rounding without `ROUND_`).
    pub(crate) fn ctx(spec: &str) -> Ctx {
        let f: Vec<&str> = spec.split_whitespace().collect();
        let num = |i: usize, default: i64| f.get(i).map_or(default, |v| v.parse().expect("number"));
        Ctx {
            prec: num(0, 28),
            rounding: Rounding::from_name(&format!("ROUND_{}", f[1])).expect("rounding"),
            emin: num(2, -999_999),
            emax: num(3, 999_999),
            clamp: num(4, 0) == 1,
        }
    }

    /// One operation by name, as the `Context` method of that name computes it.
    pub(crate) fn apply(op: &str, args: &[Dec], ctx: &Ctx, conds: &mut Conds) -> Dec {
        let (a, rounding) = (&args[0], ctx.rounding);
        let b = || &args[1];
        match op {
            "sqrt" => a.sqrt(ctx, conds),
            "exp" => a.exp(ctx, conds),
            "ln" => a.ln(ctx, conds),
            "log10" => a.log10(ctx, conds),
            "pow" => a.pow(b(), None, ctx, conds),
            "powmod" => a.pow(b(), Some(&args[2]), ctx, conds),
            "quantize" => a.quantize(b(), rounding, ctx, conds),
            "to_integral_value" => a.to_integral_value(rounding, ctx, conds),
            "to_integral_exact" => a.to_integral_exact(rounding, ctx, conds),
            "normalize" => a.normalize(ctx, conds),
            "logb" => a.logb(ctx, conds),
            "scaleb" => a.scaleb(b(), ctx, conds),
            "next_plus" => a.next_plus(ctx, conds),
            "next_minus" => a.next_minus(ctx, conds),
            "next_toward" => a.next_toward(b(), ctx, conds),
            _ => panic!("unknown operation {op}"),
        }
    }

    /// (operation, operands separated by spaces, context spec for [`ctx`], CPython's
    /// result, CPython's flags).
    pub(crate) type Case = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    );

    /// Runs every case and fails listing all that differ from CPython.
    pub(crate) fn run(cases: &[Case]) {
        let failures: Vec<String> = cases
            .iter()
            .filter_map(|&(op, args, spec, want, want_flags)| {
                let operands: Vec<Dec> = args.split_whitespace().map(dec).collect();
                let mut conds = Conds::default();
                let got = apply(op, &operands, &ctx(spec), &mut conds);
                let (got, flags) = (sci(&got), flag_names(conds));
                (got != want || flags != want_flags).then(|| {
                    format!(
                        "{op} {args} [{spec}]: got {got} {{{flags}}}, want {want} {{{want_flags}}}"
                    )
                })
            })
            .collect();
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::{run, Case};

    const QUANTIZE: &[Case] = &[
        (
            "quantize",
            "1.2345 0.01",
            "28 UP",
            "1.24",
            "Inexact,Rounded",
        ),
        (
            "quantize",
            "1.2345 0.01",
            "28 DOWN",
            "1.23",
            "Inexact,Rounded",
        ),
        (
            "quantize",
            "1.2345 0.01",
            "28 CEILING",
            "1.24",
            "Inexact,Rounded",
        ),
        (
            "quantize",
            "1.2345 0.01",
            "28 FLOOR",
            "1.23",
            "Inexact,Rounded",
        ),
        (
            "quantize",
            "1.2345 0.01",
            "28 HALF_UP",
            "1.23",
            "Inexact,Rounded",
        ),
        (
            "quantize",
            "1.2345 0.01",
            "28 HALF_DOWN",
            "1.23",
            "Inexact,Rounded",
        ),
        (
            "quantize",
            "1.2345 0.01",
            "28 HALF_EVEN",
            "1.23",
            "Inexact,Rounded",
        ),
        (
            "quantize",
            "1.2345 0.01",
            "28 05UP",
            "1.23",
            "Inexact,Rounded",
        ),
        (
            "quantize",
            "-1.235 0.01",
            "28 UP",
            "-1.24",
            "Inexact,Rounded",
        ),
        (
            "quantize",
            "-1.235 0.01",
            "28 DOWN",
            "-1.23",
            "Inexact,Rounded",
        ),
        (
            "quantize",
            "-1.235 0.01",
            "28 CEILING",
            "-1.23",
            "Inexact,Rounded",
        ),
        (
            "quantize",
            "-1.235 0.01",
            "28 FLOOR",
            "-1.24",
            "Inexact,Rounded",
        ),
        (
            "quantize",
            "-1.235 0.01",
            "28 HALF_UP",
            "-1.24",
            "Inexact,Rounded",
        ),
        (
            "quantize",
            "-1.235 0.01",
            "28 HALF_DOWN",
            "-1.23",
            "Inexact,Rounded",
        ),
        (
            "quantize",
            "-1.235 0.01",
            "28 HALF_EVEN",
            "-1.24",
            "Inexact,Rounded",
        ),
        (
            "quantize",
            "-1.235 0.01",
            "28 05UP",
            "-1.23",
            "Inexact,Rounded",
        ),
        (
            "quantize",
            "123456 1",
            "5 HALF_EVEN",
            "NaN",
            "InvalidOperation",
        ),
        (
            "quantize",
            "9.999 0.01",
            "3 HALF_EVEN",
            "NaN",
            "InvalidOperation",
        ),
        (
            "quantize",
            "1E+5 1E+0",
            "28 HALF_EVEN -999999 5 0",
            "100000",
            "",
        ),
        (
            "quantize",
            "1E+6 1",
            "28 HALF_EVEN -999999 5 0",
            "NaN",
            "InvalidOperation",
        ),
        (
            "quantize",
            "0 1E+5",
            "28 HALF_EVEN -999999 5 1",
            "0E-22",
            "Clamped",
        ),
        (
            "quantize",
            "1 1E+5",
            "28 HALF_EVEN -999999 5 1",
            "0E-22",
            "Inexact,Rounded,Clamped",
        ),
        ("quantize", "Inf Inf", "28 HALF_EVEN", "Infinity", ""),
        (
            "quantize",
            "-Inf 1",
            "28 HALF_EVEN",
            "NaN",
            "InvalidOperation",
        ),
        (
            "quantize",
            "1 -Inf",
            "28 HALF_EVEN",
            "NaN",
            "InvalidOperation",
        ),
        ("quantize", "NaN 1", "28 HALF_EVEN", "NaN", ""),
        (
            "quantize",
            "1 sNaN9",
            "28 HALF_EVEN",
            "NaN9",
            "InvalidOperation",
        ),
        (
            "quantize",
            "1 1E-999999999",
            "28 HALF_EVEN",
            "NaN",
            "InvalidOperation",
        ),
        (
            "quantize",
            "0.000001 1E-7",
            "28 HALF_EVEN -5 999999 0",
            "0.0000010",
            "Subnormal",
        ),
        ("quantize", "-0.5 1", "28 DOWN", "-0", "Inexact,Rounded"),
        (
            "quantize",
            "2.5 1E+1",
            "28 HALF_EVEN",
            "0E+1",
            "Inexact,Rounded",
        ),
        ("quantize", "-0 1E-3", "28 HALF_EVEN", "-0.000", ""),
        (
            "quantize",
            "1E-999999999999999999 1E-5",
            "28 HALF_EVEN",
            "0.00000",
            "Inexact,Rounded",
        ),
        (
            "quantize",
            "7 1E+999999",
            "28 HALF_EVEN",
            "0E+999999",
            "Inexact,Rounded",
        ),
        (
            "quantize",
            "7E-1000026 1E-1000026",
            "28 HALF_EVEN",
            "7E-1000026",
            "Subnormal",
        ),
    ];

    const INTEGRAL: &[Case] = &[
        ("to_integral_value", "2.5", "28 UP", "3", ""),
        ("to_integral_value", "2.5", "28 DOWN", "2", ""),
        ("to_integral_value", "2.5", "28 CEILING", "3", ""),
        ("to_integral_value", "2.5", "28 FLOOR", "2", ""),
        ("to_integral_value", "2.5", "28 HALF_UP", "3", ""),
        ("to_integral_value", "2.5", "28 HALF_DOWN", "2", ""),
        ("to_integral_value", "2.5", "28 HALF_EVEN", "2", ""),
        ("to_integral_value", "2.5", "28 05UP", "2", ""),
        ("to_integral_value", "-2.5", "28 UP", "-3", ""),
        ("to_integral_value", "-2.5", "28 DOWN", "-2", ""),
        ("to_integral_value", "-2.5", "28 CEILING", "-2", ""),
        ("to_integral_value", "-2.5", "28 FLOOR", "-3", ""),
        ("to_integral_value", "-2.5", "28 HALF_UP", "-3", ""),
        ("to_integral_value", "-2.5", "28 HALF_DOWN", "-2", ""),
        ("to_integral_value", "-2.5", "28 HALF_EVEN", "-2", ""),
        ("to_integral_value", "-2.5", "28 05UP", "-2", ""),
        ("to_integral_exact", "2.5", "28 UP", "3", "Inexact,Rounded"),
        (
            "to_integral_exact",
            "2.5",
            "28 DOWN",
            "2",
            "Inexact,Rounded",
        ),
        (
            "to_integral_exact",
            "2.5",
            "28 CEILING",
            "3",
            "Inexact,Rounded",
        ),
        (
            "to_integral_exact",
            "2.5",
            "28 FLOOR",
            "2",
            "Inexact,Rounded",
        ),
        (
            "to_integral_exact",
            "2.5",
            "28 HALF_UP",
            "3",
            "Inexact,Rounded",
        ),
        (
            "to_integral_exact",
            "2.5",
            "28 HALF_DOWN",
            "2",
            "Inexact,Rounded",
        ),
        (
            "to_integral_exact",
            "2.5",
            "28 HALF_EVEN",
            "2",
            "Inexact,Rounded",
        ),
        (
            "to_integral_exact",
            "2.5",
            "28 05UP",
            "2",
            "Inexact,Rounded",
        ),
        (
            "to_integral_exact",
            "-2.5",
            "28 UP",
            "-3",
            "Inexact,Rounded",
        ),
        (
            "to_integral_exact",
            "-2.5",
            "28 DOWN",
            "-2",
            "Inexact,Rounded",
        ),
        (
            "to_integral_exact",
            "-2.5",
            "28 CEILING",
            "-2",
            "Inexact,Rounded",
        ),
        (
            "to_integral_exact",
            "-2.5",
            "28 FLOOR",
            "-3",
            "Inexact,Rounded",
        ),
        (
            "to_integral_exact",
            "-2.5",
            "28 HALF_UP",
            "-3",
            "Inexact,Rounded",
        ),
        (
            "to_integral_exact",
            "-2.5",
            "28 HALF_DOWN",
            "-2",
            "Inexact,Rounded",
        ),
        (
            "to_integral_exact",
            "-2.5",
            "28 HALF_EVEN",
            "-2",
            "Inexact,Rounded",
        ),
        (
            "to_integral_exact",
            "-2.5",
            "28 05UP",
            "-2",
            "Inexact,Rounded",
        ),
        (
            "to_integral_value",
            "1E-999999999999999999",
            "28 UP",
            "1",
            "",
        ),
        (
            "to_integral_value",
            "1E-999999999999999999",
            "28 HALF_EVEN",
            "0",
            "",
        ),
        ("to_integral_value", "123.000", "28 UP", "123", ""),
        ("to_integral_value", "123.000", "28 HALF_EVEN", "123", ""),
        ("to_integral_value", "1E+5", "28 UP", "1E+5", ""),
        ("to_integral_value", "1E+5", "28 HALF_EVEN", "1E+5", ""),
        ("to_integral_value", "-0.0", "28 UP", "-0", ""),
        ("to_integral_value", "-0.0", "28 HALF_EVEN", "-0", ""),
        ("to_integral_value", "Inf", "28 UP", "Infinity", ""),
        ("to_integral_value", "Inf", "28 HALF_EVEN", "Infinity", ""),
        (
            "to_integral_value",
            "sNaN1",
            "28 UP",
            "NaN1",
            "InvalidOperation",
        ),
        (
            "to_integral_value",
            "sNaN1",
            "28 HALF_EVEN",
            "NaN1",
            "InvalidOperation",
        ),
        ("to_integral_value", "NaN", "28 UP", "NaN", ""),
        ("to_integral_value", "NaN", "28 HALF_EVEN", "NaN", ""),
        (
            "to_integral_value",
            "12345678901234567890.5",
            "28 UP",
            "12345678901234567891",
            "",
        ),
        (
            "to_integral_value",
            "12345678901234567890.5",
            "28 HALF_EVEN",
            "12345678901234567890",
            "",
        ),
        (
            "to_integral_exact",
            "1E-999999999999999999",
            "28 UP",
            "1",
            "Inexact,Rounded",
        ),
        (
            "to_integral_exact",
            "1E-999999999999999999",
            "28 HALF_EVEN",
            "0",
            "Inexact,Rounded",
        ),
        ("to_integral_exact", "123.000", "28 UP", "123", "Rounded"),
        (
            "to_integral_exact",
            "123.000",
            "28 HALF_EVEN",
            "123",
            "Rounded",
        ),
        ("to_integral_exact", "1E+5", "28 UP", "1E+5", ""),
        ("to_integral_exact", "1E+5", "28 HALF_EVEN", "1E+5", ""),
        ("to_integral_exact", "-0.0", "28 UP", "-0", ""),
        ("to_integral_exact", "-0.0", "28 HALF_EVEN", "-0", ""),
        ("to_integral_exact", "Inf", "28 UP", "Infinity", ""),
        ("to_integral_exact", "Inf", "28 HALF_EVEN", "Infinity", ""),
        (
            "to_integral_exact",
            "sNaN1",
            "28 UP",
            "NaN1",
            "InvalidOperation",
        ),
        (
            "to_integral_exact",
            "sNaN1",
            "28 HALF_EVEN",
            "NaN1",
            "InvalidOperation",
        ),
        ("to_integral_exact", "NaN", "28 UP", "NaN", ""),
        ("to_integral_exact", "NaN", "28 HALF_EVEN", "NaN", ""),
        (
            "to_integral_exact",
            "12345678901234567890.5",
            "28 UP",
            "12345678901234567891",
            "Inexact,Rounded",
        ),
        (
            "to_integral_exact",
            "12345678901234567890.5",
            "28 HALF_EVEN",
            "12345678901234567890",
            "Inexact,Rounded",
        ),
    ];

    const NORMALIZE: &[Case] = &[
        ("normalize", "1.2000", "28 HALF_EVEN", "1.2", ""),
        ("normalize", "0.000", "28 HALF_EVEN", "0", ""),
        ("normalize", "-0E+5", "28 HALF_EVEN", "-0", ""),
        (
            "normalize",
            "120E+10",
            "28 HALF_EVEN -999999 12 1",
            "1200000000000.000000000000000",
            "Clamped",
        ),
        (
            "normalize",
            "120E+10",
            "28 HALF_EVEN -999999 12 0",
            "1.2E+12",
            "",
        ),
        (
            "normalize",
            "1.23456789",
            "5 HALF_EVEN",
            "1.2346",
            "Inexact,Rounded",
        ),
        (
            "normalize",
            "1E+1000000",
            "28 HALF_EVEN",
            "Infinity",
            "Overflow,Inexact,Rounded",
        ),
        (
            "normalize",
            "1E-1000030",
            "28 HALF_EVEN",
            "0",
            "Underflow,Subnormal,Inexact,Rounded,Clamped",
        ),
        ("normalize", "Inf", "28 HALF_EVEN", "Infinity", ""),
        ("normalize", "-Inf", "28 HALF_EVEN", "-Infinity", ""),
        (
            "normalize",
            "sNaN",
            "28 HALF_EVEN",
            "NaN",
            "InvalidOperation",
        ),
        ("normalize", "NaN12", "28 HALF_EVEN", "NaN12", ""),
        (
            "normalize",
            "100E-1000025",
            "28 HALF_EVEN",
            "1E-1000023",
            "Subnormal",
        ),
        (
            "normalize",
            "9.99999E+999999",
            "5 DOWN",
            "9.9999E+999999",
            "Inexact,Rounded",
        ),
    ];

    const LOGB: &[Case] = &[
        ("logb", "250", "28 HALF_EVEN", "2", ""),
        ("logb", "0.03", "28 HALF_EVEN", "-2", ""),
        ("logb", "0", "28 HALF_EVEN", "-Infinity", "DivisionByZero"),
        ("logb", "-0", "28 HALF_EVEN", "-Infinity", "DivisionByZero"),
        ("logb", "Inf", "28 HALF_EVEN", "Infinity", ""),
        ("logb", "-Inf", "28 HALF_EVEN", "Infinity", ""),
        ("logb", "NaN", "28 HALF_EVEN", "NaN", ""),
        ("logb", "sNaN3", "28 HALF_EVEN", "NaN3", "InvalidOperation"),
        ("logb", "1E+123556", "3 DOWN", "1.23E+5", "Inexact,Rounded"),
        ("logb", "-7E-1000", "28 HALF_EVEN", "-1000", ""),
    ];

    const SCALEB: &[Case] = &[
        ("scaleb", "1 3", "28 HALF_EVEN", "1E+3", ""),
        (
            "scaleb",
            "1 1E+1",
            "28 HALF_EVEN",
            "NaN",
            "InvalidOperation",
        ),
        ("scaleb", "1 2.0", "28 HALF_EVEN", "NaN", "InvalidOperation"),
        (
            "scaleb",
            "1 2000054",
            "28 HALF_EVEN",
            "Infinity",
            "Overflow,Inexact,Rounded",
        ),
        (
            "scaleb",
            "1 2000055",
            "28 HALF_EVEN",
            "NaN",
            "InvalidOperation",
        ),
        (
            "scaleb",
            "1 -2000054",
            "28 HALF_EVEN",
            "0E-1000026",
            "Underflow,Subnormal,Inexact,Rounded,Clamped",
        ),
        ("scaleb", "Inf 5", "28 HALF_EVEN", "Infinity", ""),
        (
            "scaleb",
            "Inf 2.5",
            "28 HALF_EVEN",
            "NaN",
            "InvalidOperation",
        ),
        ("scaleb", "1 Inf", "28 HALF_EVEN", "NaN", "InvalidOperation"),
        (
            "scaleb",
            "NaN sNaN",
            "28 HALF_EVEN",
            "NaN",
            "InvalidOperation",
        ),
        (
            "scaleb",
            "7.5 -1000030",
            "28 HALF_EVEN",
            "0E-1000026",
            "Underflow,Subnormal,Inexact,Rounded,Clamped",
        ),
        (
            "scaleb",
            "12345 -3",
            "3 HALF_EVEN",
            "12.3",
            "Inexact,Rounded",
        ),
        (
            "scaleb",
            "1 10",
            "9 HALF_EVEN -9 9 1",
            "Infinity",
            "Overflow,Inexact,Rounded",
        ),
        (
            "scaleb",
            "-0 99999999999999999999999",
            "28 HALF_EVEN",
            "NaN",
            "InvalidOperation",
        ),
        ("scaleb", "1 -0", "28 HALF_EVEN", "1", ""),
    ];

    const NEXT: &[Case] = &[
        (
            "next_plus",
            "1",
            "28 HALF_EVEN",
            "1.000000000000000000000000001",
            "",
        ),
        (
            "next_plus",
            "-1",
            "28 HALF_EVEN",
            "-0.9999999999999999999999999999",
            "",
        ),
        ("next_plus", "0", "28 HALF_EVEN", "1E-1000026", ""),
        ("next_plus", "-0", "28 HALF_EVEN", "1E-1000026", ""),
        ("next_plus", "1E-1000026", "28 HALF_EVEN", "2E-1000026", ""),
        (
            "next_plus",
            "-1E-1000026",
            "28 HALF_EVEN",
            "-0E-1000026",
            "",
        ),
        (
            "next_plus",
            "9.999999999999999999999999999E+999999",
            "28 HALF_EVEN",
            "Infinity",
            "",
        ),
        ("next_plus", "Inf", "28 HALF_EVEN", "Infinity", ""),
        (
            "next_plus",
            "-Inf",
            "28 HALF_EVEN",
            "-9.999999999999999999999999999E+999999",
            "",
        ),
        ("next_plus", "NaN", "28 HALF_EVEN", "NaN", ""),
        (
            "next_plus",
            "sNaN",
            "28 HALF_EVEN",
            "NaN",
            "InvalidOperation",
        ),
        ("next_plus", "1.23456789", "5 HALF_EVEN", "1.2346", ""),
        ("next_plus", "1E+10", "3 HALF_EVEN -9 9 0", "Infinity", ""),
        ("next_plus", "1E+5", "3 HALF_EVEN -9 5 1", "1.01E+5", ""),
        ("next_plus", "1E-12", "3 HALF_EVEN -9 9 0", "1E-11", ""),
        ("next_plus", "100000", "3 HALF_EVEN", "1.01E+5", ""),
        (
            "next_minus",
            "1",
            "28 HALF_EVEN",
            "0.9999999999999999999999999999",
            "",
        ),
        (
            "next_minus",
            "-1",
            "28 HALF_EVEN",
            "-1.000000000000000000000000001",
            "",
        ),
        ("next_minus", "0", "28 HALF_EVEN", "-1E-1000026", ""),
        ("next_minus", "-0", "28 HALF_EVEN", "-1E-1000026", ""),
        ("next_minus", "1E-1000026", "28 HALF_EVEN", "0E-1000026", ""),
        (
            "next_minus",
            "-1E-1000026",
            "28 HALF_EVEN",
            "-2E-1000026",
            "",
        ),
        (
            "next_minus",
            "9.999999999999999999999999999E+999999",
            "28 HALF_EVEN",
            "9.999999999999999999999999998E+999999",
            "",
        ),
        (
            "next_minus",
            "Inf",
            "28 HALF_EVEN",
            "9.999999999999999999999999999E+999999",
            "",
        ),
        ("next_minus", "-Inf", "28 HALF_EVEN", "-Infinity", ""),
        ("next_minus", "NaN", "28 HALF_EVEN", "NaN", ""),
        (
            "next_minus",
            "sNaN",
            "28 HALF_EVEN",
            "NaN",
            "InvalidOperation",
        ),
        ("next_minus", "1.23456789", "5 HALF_EVEN", "1.2345", ""),
        ("next_minus", "1E+10", "3 HALF_EVEN -9 9 0", "9.99E+9", ""),
        ("next_minus", "1E+5", "3 HALF_EVEN -9 5 1", "9.99E+4", ""),
        ("next_minus", "1E-12", "3 HALF_EVEN -9 9 0", "0E-11", ""),
        ("next_minus", "100000", "3 HALF_EVEN", "9.99E+4", ""),
        (
            "next_toward",
            "1 2",
            "28 HALF_EVEN",
            "1.000000000000000000000000001",
            "",
        ),
        (
            "next_toward",
            "1 0",
            "28 HALF_EVEN",
            "0.9999999999999999999999999999",
            "",
        ),
        ("next_toward", "1 1", "28 HALF_EVEN", "1", ""),
        ("next_toward", "-0 0", "28 HALF_EVEN", "0", ""),
        ("next_toward", "0 -0", "28 HALF_EVEN", "-0", ""),
        (
            "next_toward",
            "1E-999999 0",
            "28 HALF_EVEN",
            "9.99999999999999999999999999E-1000000",
            "Underflow,Subnormal,Inexact,Rounded",
        ),
        (
            "next_toward",
            "1E-1000026 0",
            "28 HALF_EVEN",
            "0E-1000026",
            "Underflow,Subnormal,Inexact,Rounded,Clamped",
        ),
        (
            "next_toward",
            "-1E-1000026 0",
            "28 HALF_EVEN",
            "-0E-1000026",
            "Underflow,Subnormal,Inexact,Rounded,Clamped",
        ),
        (
            "next_toward",
            "9.999999999999999999999999999E+999999 Inf",
            "28 HALF_EVEN",
            "Infinity",
            "Overflow,Inexact,Rounded",
        ),
        (
            "next_toward",
            "Inf 0",
            "28 HALF_EVEN",
            "9.999999999999999999999999999E+999999",
            "",
        ),
        (
            "next_toward",
            "-Inf 0",
            "28 HALF_EVEN",
            "-9.999999999999999999999999999E+999999",
            "",
        ),
        ("next_toward", "NaN 1", "28 HALF_EVEN", "NaN", ""),
        (
            "next_toward",
            "1 sNaN",
            "28 HALF_EVEN",
            "NaN",
            "InvalidOperation",
        ),
        (
            "next_toward",
            "1E-10 1",
            "3 HALF_EVEN -9 9 0",
            "1.1E-10",
            "Underflow,Subnormal,Inexact,Rounded",
        ),
    ];

    const HUGE: &[Case] = &[
        (
            "quantize",
            "1 1E-999999999",
            "28 HALF_EVEN -999999999999999999 999999999999999999 0",
            "NaN",
            "InvalidOperation",
        ),
        (
            "quantize",
            "1E-999999999999999999 1",
            "28 HALF_EVEN -999999999999999999 999999999999999999 0",
            "0",
            "Inexact,Rounded",
        ),
        (
            "to_integral_exact",
            "1E-999999999999999999",
            "28 HALF_EVEN -999999999999999999 999999999999999999 0",
            "0",
            "Inexact,Rounded",
        ),
        (
            "scaleb",
            "1 999999999999999999",
            "28 HALF_EVEN -999999999999999999 999999999999999999 0",
            "1E+999999999999999999",
            "",
        ),
        (
            "scaleb",
            "1E+999999999999999999 -1999999999999999999",
            "28 HALF_EVEN -999999999999999999 999999999999999999 0",
            "1E-1000000000000000000",
            "Subnormal",
        ),
        (
            "next_plus",
            "1E-999999999999999999",
            "28 HALF_EVEN -999999999999999999 999999999999999999 0",
            "1.000000000000000000000000001E-999999999999999999",
            "",
        ),
        (
            "next_minus",
            "-9E+999999999999999999",
            "28 HALF_EVEN -999999999999999999 999999999999999999 0",
            "-9.000000000000000000000000001E+999999999999999999",
            "",
        ),
        (
            "normalize",
            "1E+999999999999999999",
            "28 HALF_EVEN -999999999999999999 999999999999999999 1",
            "1.000000000000000000000000000E+999999999999999999",
            "Clamped",
        ),
        (
            "logb",
            "1E-999999999999999999",
            "28 HALF_EVEN -999999999999999999 999999999999999999 0",
            "-999999999999999999",
            "",
        ),
    ];

    #[test]
    fn quantize() {
        run(QUANTIZE);
    }

    #[test]
    fn to_integral() {
        run(INTEGRAL);
    }

    #[test]
    fn normalize() {
        run(NORMALIZE);
    }

    #[test]
    fn logb() {
        run(LOGB);
    }

    #[test]
    fn scaleb() {
        run(SCALEB);
    }

    #[test]
    fn next() {
        run(NEXT);
    }

    #[test]
    fn huge_exponents() {
        run(HUGE);
    }
}
