//! `format(d, spec)` for Decimals: the value rounded to the spec's precision with the
//! context's rounding mode (never through a float), then laid out like any number.

use super::number::{ndigits, pow10, round_int, Dec, Kind, Rounding};
use crate::script::vm::format::Spec;
use crate::script::vm::{PyResult, Vm};
use num_bigint::BigUint;
use num_traits::Zero;

/// A finite value being formatted: `coef * 10**exp`, the sign kept apart.
struct Digits {
    sign: bool,
    coef: BigUint,
    exp: i64,
}

impl Digits {
    /// Gives a nonzero value exactly `places` significant digits: rounded, or padded with
    /// zeros when `pad`.
    fn round_to_places(&mut self, places: u64, rounding: Rounding, pad: bool) {
        let n = ndigits(&self.coef);
        if self.coef.is_zero() || n == places {
            return;
        }
        if n < places {
            if pad {
                self.coef *= pow10(places - n);
                self.exp -= (places - n) as i64;
            }
            return;
        }
        let drop = n - places;
        self.coef = round_int(self.sign, std::mem::take(&mut self.coef), drop, rounding).0;
        self.exp += drop as i64;
        if ndigits(&self.coef) > places.max(1) {
            self.coef /= 10u32;
            self.exp += 1;
        }
    }

    /// Sets the exponent to `exp`, rounding away digits below it.
    fn rescale(&mut self, exp: i64, rounding: Rounding) {
        if exp < self.exp {
            self.coef *= pow10(self.exp.abs_diff(exp));
        } else if exp > self.exp {
            let mut drop = self.exp.abs_diff(exp);
            let mut coef = std::mem::take(&mut self.coef);
            if drop > ndigits(&coef) + 1 {
                // Only "nonzero and below half a unit" matters for the rounding.
                if !coef.is_zero() {
                    coef = BigUint::from(1u32);
                }
                drop = 2;
            }
            self.coef = round_int(self.sign, coef, drop, rounding).0;
        }
        self.exp = exp;
    }
}

pub fn format(
    vm: &Vm,
    d: &Dec,
    spec: &str,
    capitals: bool,
    rounding: Rounding,
) -> PyResult<String> {
    let mut s = Spec::parse(vm, spec)?;
    // libmpdec's format specs have neither alternate forms nor '_' grouping, take no zero
    // padding after an explicit alignment, and group no locale-formatted ('n') number.
    if s.alternate
        || s.grouping == Some('_')
        || (s.zero && s.align_given)
        || (s.grouping.is_some() && s.kind == Some('n'))
    {
        return Err(vm.value_error("invalid format string"));
    }
    let kind = match s.kind {
        None => {
            if capitals {
                'G'
            } else {
                'g'
            }
        }
        Some('n') => 'g',
        Some(k @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) => k,
        Some(_) => return Err(vm.value_error("invalid format string")),
    };
    if d.kind != Kind::Finite {
        // Infinities and NaNs ignore the precision and are never grouped.
        let mut body = Dec {
            sign: false,
            ..d.clone()
        }
        .to_sci_string(capitals);
        if kind == '%' {
            body.push('%');
        }
        s.grouping = None;
        if s.zero {
            // Zero padding does not apply to them: they are right-aligned in spaces.
            s.fill = ' ';
            s.align = Some('>');
        }
        return Ok(s.finish_number(d.sign, body));
    }
    let mut v = Digits {
        sign: d.sign,
        coef: d.coef.clone(),
        exp: d.exp + if kind == '%' { 2 } else { 0 },
    };
    let precision = s.precision.map(|p| p as u64);
    match (kind, precision) {
        ('e' | 'E', Some(p)) => v.round_to_places(p + 1, rounding, true),
        ('f' | 'F' | '%', Some(p)) => v.rescale(-(p.min(i64::MAX as u64) as i64), rounding),
        ('g' | 'G', Some(p)) => v.round_to_places(p.max(1), rounding, false),
        _ => {}
    }
    // Fixed point cannot show a zero with a positive exponent: it is 0.
    if v.coef.is_zero() && v.exp > 0 && matches!(kind, 'f' | 'F' | '%') {
        v.rescale(0, rounding);
    }
    let digits = v.coef.to_str_radix(10);
    let left = v.exp + digits.len() as i64;
    // Where the decimal point goes, counted in digits from the left.
    let dot = match kind {
        'e' | 'E' => match precision {
            Some(p) if v.coef.is_zero() => 1 - p as i64,
            _ => 1,
        },
        'f' | 'F' | '%' => left,
        _ if v.exp <= 0 && left > -6 => left,
        _ => 1,
    };
    let (int_part, frac_part) = if dot < 0 {
        (
            "0".to_owned(),
            "0".repeat(dot.unsigned_abs() as usize) + &digits,
        )
    } else if dot as usize > digits.len() {
        (
            digits.clone() + &"0".repeat(dot as usize - digits.len()),
            String::new(),
        )
    } else {
        let (i, f) = digits.split_at(dot as usize);
        (if i.is_empty() { "0" } else { i }.to_owned(), f.to_owned())
    };
    let mut rest = String::new();
    if !frac_part.is_empty() || s.alternate {
        rest.push('.');
        rest.push_str(&frac_part);
    }
    let exp = left - dot;
    if exp != 0 || matches!(kind, 'e' | 'E') {
        rest.push(if matches!(kind, 'E' | 'G') { 'E' } else { 'e' });
        rest.push_str(&format!("{exp:+}"));
    }
    if kind == '%' {
        rest.push('%');
    }
    Ok(lay_out(&s, v.sign, &int_part, &rest))
}

/// Sign, integer digits (grouped, and zero-padded when the spec says `0`), the rest, and
/// the padding to the width. As in libmpdec, zero padding counts separators and never
/// starts with one, so it may overshoot the width by a character; an explicit `0` fill is
/// plain padding.
fn lay_out(s: &Spec, negative: bool, int_part: &str, rest: &str) -> String {
    let sign = s.sign_prefix(negative);
    let Some(sep) = s.grouping else {
        return s.finish_number(negative, format!("{int_part}{rest}"));
    };
    let digits = int_part.as_bytes();
    let target = if s.zero {
        s.width.saturating_sub(sign.len() + rest.chars().count())
    } else {
        0
    };
    // Built from the right, least significant digit first.
    let mut grouped: Vec<char> = Vec::new();
    for i in 0.. {
        let real = i < digits.len();
        if !real && grouped.len() >= target {
            break;
        }
        if i > 0 && i % 3 == 0 {
            grouped.push(sep);
        }
        grouped.push(if real {
            char::from(digits[digits.len() - 1 - i])
        } else {
            '0'
        });
    }
    let body: String = grouped.into_iter().rev().chain(rest.chars()).collect();
    s.pad(sign, &body, '>')
}
