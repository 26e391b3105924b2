//! Conversions of [`Dec`] values: parsing and printing numeric strings, and converting to
//! and from integers, floats, exact ratios and CPython's numeric hash.

use super::number::{ndigits, pow10, Dec, Kind};
use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};

/// The largest adjusted exponent `Decimal()` accepts (CPython's `MAX_EMAX`).
const MAX_EMAX: i64 = 999_999_999_999_999_999;
/// The smallest exponent `Decimal()` accepts (CPython's `MIN_ETINY`).
const MIN_ETINY: i64 = -1_999_999_999_999_999_997;
/// Integer conversions refuse results with more decimal digits than this, about 16 GiB of
/// binary digits: CPython raises MemoryError there, and an attempt would abort the process.
const MAX_INT_DIGITS: u64 = 41_000_000_000;

/// Python's `str.isspace()`: Unicode White_Space plus the ASCII information separators,
/// which `char::is_whitespace` leaves out.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// The value of a nonempty run of ASCII digits, or `None` if any byte is not one.
fn digits_value(digits: &[u8]) -> Option<BigUint> {
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    BigUint::parse_bytes(digits, 10)
}

/// Parses a numeric string as `Decimal(str)` does; `None` is a syntax error.
///
/// Surrounding whitespace is ignored, underscores may separate digits, letters are
/// case-insensitive and only ASCII digits are accepted. A finite value whose exponent is
/// out of the range `Decimal()` can represent is also `None` (CPython signals plain
/// InvalidOperation rather than ConversionSyntax for it).
pub fn parse(s: &str) -> Option<Dec> {
    let s = s.trim_matches(is_py_space).as_bytes();
    let without_underscores;
    let mut t = s;
    if s.contains(&b'_') {
        // As in int() and float() literals, an underscore must sit between two digits.
        let between_digits = |i: usize| {
            i > 0 && i + 1 < s.len() && s[i - 1].is_ascii_digit() && s[i + 1].is_ascii_digit()
        };
        if !(0..s.len()).all(|i| s[i] != b'_' || between_digits(i)) {
            return None;
        }
        without_underscores = s
            .iter()
            .copied()
            .filter(|&c| c != b'_')
            .collect::<Vec<u8>>();
        t = &without_underscores;
    }
    let sign = t.first() == Some(&b'-');
    if matches!(t.first(), Some(b'+' | b'-')) {
        t = &t[1..];
    }
    if t.eq_ignore_ascii_case(b"inf") || t.eq_ignore_ascii_case(b"infinity") {
        return Some(Dec::infinity(sign));
    }
    for (prefix, kind) in [(&b"snan"[..], Kind::SNaN), (&b"nan"[..], Kind::NaN)] {
        if t.len() >= prefix.len() && t[..prefix.len()].eq_ignore_ascii_case(prefix) {
            let payload = &t[prefix.len()..];
            let coef = if payload.is_empty() {
                BigUint::zero()
            } else {
                digits_value(payload)?
            };
            return Some(Dec {
                sign,
                kind,
                coef,
                exp: 0,
            });
        }
    }
    // Exponents are kept in i128 until the range check, so no input can overflow them.
    let mut exp: i128 = 0;
    if let Some(epos) = t.iter().position(|c| c.eq_ignore_ascii_case(&b'e')) {
        let es = &t[epos + 1..];
        t = &t[..epos];
        let (negative, body) = match es.first() {
            Some(b'-') => (true, &es[1..]),
            Some(b'+') => (false, &es[1..]),
            _ => (false, es),
        };
        if body.is_empty() || !body.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let significant = &body[body.iter().take_while(|&&c| c == b'0').count()..];
        if significant.len() > 20 {
            return None; // far outside the exponent range
        }
        exp = significant
            .iter()
            .fold(0, |acc, &c| acc * 10 + i128::from(c - b'0'));
        if negative {
            exp = -exp;
        }
    }
    let coef = match t.iter().position(|&c| c == b'.') {
        Some(dot) => {
            let (int_part, frac) = (&t[..dot], &t[dot + 1..]);
            exp -= frac.len() as i128;
            digits_value(&[int_part, frac].concat())?
        }
        None => digits_value(t)?,
    };
    let adjusted = if coef.is_zero() {
        exp
    } else {
        exp + ndigits(&coef) as i128 - 1
    };
    if exp < i128::from(MIN_ETINY) || adjusted > i128::from(MAX_EMAX) {
        return None;
    }
    Some(Dec::finite(sign, coef, exp as i64))
}

/// The exponent suffix of scientific and engineering notation, e.g. `E+7`.
fn push_exponent(out: &mut String, exp: i64, capitals: bool) {
    out.push(if capitals { 'E' } else { 'e' });
    if exp >= 0 {
        out.push('+');
    }
    out.push_str(&exp.to_string());
}

/// Appends `n` zeros.
fn push_zeros(out: &mut String, n: i64) {
    out.extend(std::iter::repeat_n('0', n.max(0) as usize));
}

/// Appends `digits` with a decimal point after the first `int_len` of them (none when
/// that is all of them).
fn push_with_point(out: &mut String, digits: &str, int_len: usize) {
    let (int_part, frac) = digits.split_at(int_len);
    out.push_str(int_part);
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
}

impl Dec {
    /// `str(d)`: scientific notation when the exponent is positive or the value is small.
    pub fn to_sci_string(&self, capitals: bool) -> String {
        self.format(false, capitals)
    }

    /// `d.to_eng_string()`: like [`Dec::to_sci_string`] with an exponent that is a
    /// multiple of three.
    pub fn to_eng_string(&self, capitals: bool) -> String {
        self.format(true, capitals)
    }

    fn format(&self, eng: bool, capitals: bool) -> String {
        let mut out = String::new();
        if self.sign {
            out.push('-');
        }
        match self.kind {
            Kind::Infinite => {
                out.push_str("Infinity");
                return out;
            }
            Kind::NaN | Kind::SNaN => {
                out.push_str(if self.kind == Kind::SNaN {
                    "sNaN"
                } else {
                    "NaN"
                });
                if !self.coef.is_zero() {
                    out.push_str(&self.coef.to_string());
                }
                return out;
            }
            Kind::Finite => {}
        }
        let digits = self.coef.to_string();
        let n = digits.len() as i64;
        let exp = self.exp;
        let adj = exp + n - 1;
        if exp <= 0 && adj >= -6 {
            // Plain notation.
            if n > -exp {
                push_with_point(&mut out, &digits, (n + exp) as usize);
            } else {
                out.push_str("0.");
                push_zeros(&mut out, -exp - n);
                out.push_str(&digits);
            }
            return out;
        }
        if !eng {
            push_with_point(&mut out, &digits, 1);
            push_exponent(&mut out, adj, capitals);
            return out;
        }
        if self.coef.is_zero() {
            // A zero shows the smallest multiple of three at or above its exponent, with
            // as many fractional zeros as that takes.
            let big = exp + (3 - exp.rem_euclid(3)) % 3;
            out.push('0');
            if big > exp {
                out.push('.');
                push_zeros(&mut out, big - exp);
            }
            if big != 0 {
                push_exponent(&mut out, big, capitals);
            }
            return out;
        }
        // One to three digits before the point, padded with zeros if there are fewer.
        let int_digits = adj.rem_euclid(3) + 1;
        if int_digits >= n {
            out.push_str(&digits);
            push_zeros(&mut out, int_digits - n);
        } else {
            push_with_point(&mut out, &digits, int_digits as usize);
        }
        let big = adj - int_digits + 1;
        if big != 0 {
            push_exponent(&mut out, big, capitals);
        }
        out
    }

    /// `Decimal(v)` for a machine integer.
    pub fn from_i64(v: i64) -> Dec {
        Dec::finite(v < 0, BigUint::from(v.unsigned_abs()), 0)
    }

    /// `Decimal(v)` for an integer of any size.
    pub fn from_bigint(v: &BigInt) -> Dec {
        Dec::finite(v.sign() == Sign::Minus, v.magnitude().clone(), 0)
    }

    /// The exact value of `f`, as `Decimal.from_float`.
    pub fn from_f64(f: f64) -> Dec {
        let sign = f.is_sign_negative();
        if f.is_nan() {
            return Dec::nan();
        }
        if f.is_infinite() {
            return Dec::infinity(sign);
        }
        let bits = f.to_bits();
        let biased = ((bits >> 52) & 0x7ff) as i64;
        let fraction = bits & ((1 << 52) - 1);
        let (mut mantissa, mut exp2) = if biased == 0 {
            (fraction, -1074)
        } else {
            (fraction | (1 << 52), biased - 1075)
        };
        if mantissa == 0 {
            return Dec::finite(sign, BigUint::zero(), 0);
        }
        if exp2 >= 0 {
            return Dec::finite(sign, BigUint::from(mantissa) << exp2 as u64, 0);
        }
        // m / 2**k in lowest terms is m * 5**k / 10**k.
        let common = (mantissa.trailing_zeros() as i64).min(-exp2);
        mantissa >>= common;
        exp2 += common;
        let k = (-exp2) as u32;
        let coef = BigUint::from(mantissa) * num_traits::pow(BigUint::from(5u32), k as usize);
        Dec::finite(sign, coef, exp2)
    }

    /// The magnitude of a finite value with a nonnegative exponent as an integer; `None`
    /// if it would be too large to allocate.
    fn scaled_up(&self) -> Option<BigUint> {
        if self.coef.is_zero() {
            return Some(BigUint::zero());
        }
        let exp = self.exp as u64;
        if ndigits(&self.coef).saturating_add(exp) > MAX_INT_DIGITS {
            return None;
        }
        Some(&self.coef * pow10(exp))
    }

    /// `int(d)`: the value truncated toward zero. `None` for NaNs and infinities, and for
    /// values too large to allocate (where CPython raises MemoryError).
    pub fn to_bigint(&self) -> Option<BigInt> {
        if !self.is_finite() {
            return None;
        }
        let magnitude = if self.exp >= 0 {
            self.scaled_up()?
        } else {
            let drop = self.exp.unsigned_abs();
            if drop >= ndigits(&self.coef) {
                BigUint::zero()
            } else {
                &self.coef / pow10(drop)
            }
        };
        let sign = if self.sign { Sign::Minus } else { Sign::Plus };
        Some(BigInt::from_biguint(sign, magnitude))
    }

    /// `float(d)`: the nearest float, correctly rounded. NaNs keep their sign.
    pub fn to_f64(&self) -> f64 {
        let unsigned = match self.kind {
            Kind::NaN | Kind::SNaN => f64::NAN,
            Kind::Infinite => f64::INFINITY,
            Kind::Finite => self.finite_to_f64(),
        };
        if self.sign {
            -unsigned
        } else {
            unsigned
        }
    }

    /// The magnitude of a finite value as the nearest float.
    fn finite_to_f64(&self) -> f64 {
        // Clinger's fast path: an exact coefficient and an exact power of ten give a
        // correctly rounded result in one operation.
        const EXACT_POW10: [f64; 23] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
            1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        ];
        if let Some(c) = self.coef.to_u64().filter(|&c| c < 1 << 53) {
            if let Some(&p) = EXACT_POW10.get(self.exp.unsigned_abs() as usize) {
                let c = c as f64;
                return if self.exp >= 0 { c * p } else { c / p };
            }
        }
        // Rust's float parser is correctly rounded for any length of input.
        format!("{}e{}", self.coef, self.exp)
            .parse()
            .unwrap_or(f64::NAN)
    }

    /// `d.as_integer_ratio()` in lowest terms with a positive denominator; `None` for NaNs
    /// and infinities, and for values too large to allocate.
    pub fn as_integer_ratio(&self) -> Option<(BigInt, BigInt)> {
        if !self.is_finite() {
            return None;
        }
        let sign = if self.sign { Sign::Minus } else { Sign::Plus };
        if self.exp >= 0 {
            let n = self.scaled_up()?;
            return Some((BigInt::from_biguint(sign, n), BigInt::from(1u32)));
        }
        let k = self.exp.unsigned_abs();
        if k > MAX_INT_DIGITS {
            return None;
        }
        let d = pow10(k);
        let g = self.coef.gcd(&d);
        Some((
            BigInt::from_biguint(sign, &self.coef / &g),
            BigInt::from_biguint(Sign::Plus, d / g),
        ))
    }

    /// `hash(d)`, equal to the hash of an int, float or Fraction of the same value; `None`
    /// for NaNs, which the caller hashes by identity or rejects.
    pub fn hash(&self) -> Option<i64> {
        /// The modulus of Python's numeric hash, `2**61 - 1`.
        const MODULUS: u64 = (1 << 61) - 1;
        /// The inverse of 10 modulo `MODULUS`.
        const INV10: u64 = 2_075_258_708_292_324_556;
        const INF_HASH: i64 = 314_159;
        let mul_mod = |a: u64, b: u64| (u128::from(a) * u128::from(b) % u128::from(MODULUS)) as u64;
        let pow_mod = |mut base: u64, mut e: u64| {
            let mut acc = 1;
            while e > 0 {
                if e & 1 == 1 {
                    acc = mul_mod(acc, base);
                }
                base = mul_mod(base, base);
                e >>= 1;
            }
            acc
        };
        match self.kind {
            Kind::NaN | Kind::SNaN => None,
            Kind::Infinite => Some(if self.sign { -INF_HASH } else { INF_HASH }),
            Kind::Finite => {
                let coef = (&self.coef % MODULUS).iter_u64_digits().next().unwrap_or(0);
                let base = if self.exp >= 0 { 10 } else { INV10 };
                let h = mul_mod(coef, pow_mod(base, self.exp.unsigned_abs())) as i64;
                let h = if self.sign { -h } else { h };
                // -1 is CPython's error marker and never a hash.
                Some(if h == -1 { -2 } else { h })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Dec {
        parse(s).unwrap_or_else(|| panic!("bad literal {s}"))
    }

    fn sci(s: &str) -> String {
        dec(s).to_sci_string(true)
    }

    #[test]
    fn parse_and_print() {
        // (input, str(Decimal(input))) from CPython 3.11.
        let cases = [
            ("0", "0"),
            ("-0", "-0"),
            ("1.", "1"),
            (".5", "0.5"),
            ("+.5e-3", "0.0005"),
            ("  \t-1.250\n", "-1.250"),
            ("\u{a0}1\u{2003}", "1"),
            ("1_000.000_1", "1000.0001"),
            ("1e1_0", "1E+10"),
            ("123E+3", "1.23E+5"),
            ("0.000001", "0.000001"),
            ("0.0000001", "1E-7"),
            ("-12.5E-9", "-1.25E-8"),
            ("0E-7", "0E-7"),
            ("0E+2", "0E+2"),
            ("-INF", "-Infinity"),
            ("Infinity", "Infinity"),
            ("iNfInItY", "Infinity"),
            ("nan", "NaN"),
            ("-nan00123", "-NaN123"),
            ("snan0", "sNaN"),
            ("-sNaN42", "-sNaN42"),
            ("1e999999999999999999", "1E+999999999999999999"),
            ("1234e999999999999999996", "1.234E+999999999999999999"),
            ("1e-1999999999999999997", "1E-1999999999999999997"),
            ("1e0000000000000000000000000005", "1E+5"),
        ];
        for (input, expected) in cases {
            assert_eq!(sci(input), expected, "{input:?}");
        }
    }

    #[test]
    fn parse_rejects() {
        let bad = [
            "",
            " ",
            "+",
            "-",
            ".",
            "e5",
            "1e",
            "1e+",
            "+-1",
            "1.2.3",
            "0x10",
            "1 2",
            "infinit",
            "infinityy",
            "nan-1",
            "nan1e2",
            "nan1.0",
            "1\u{0}5",
            // The script's rules: underscores only between digits, ASCII digits only
            // (CPython 3.11's C parser drops every underscore and maps Unicode digits).
            "snan_1",
            "_1",
            "1_",
            "1__2",
            "1_.5",
            "1._5",
            "1e_5",
            "N_aN",
            "\u{661}\u{662}",
            // Out of the exponent range (CPython: InvalidOperation).
            "1e1000000000000000000",
            "0e1000000000000000000",
            "1e-1999999999999999998",
            "12345e-1999999999999999998",
            "1234e999999999999999997",
            "1e99999999999999999999999",
        ];
        for s in bad {
            assert_eq!(parse(s), None, "{s:?}");
        }
    }

    #[test]
    fn engineering_and_capitals() {
        // (input, to_eng_string, str with capitals=0) from CPython 3.11.
        let cases = [
            ("0E-7", "0.0E-6", "0e-7"),
            ("0E+7", "0.00E+9", "0e+7"),
            ("0E+6", "0E+6", "0e+6"),
            ("-0E-9", "-0E-9", "-0e-9"),
            ("1.23E+5", "123E+3", "1.23e+5"),
            ("1E+5", "100E+3", "1e+5"),
            ("-1.2345E-10", "-123.45E-12", "-1.2345e-10"),
            ("12345E-12", "12.345E-9", "1.2345e-8"),
            ("1E-7", "100E-9", "1e-7"),
            ("123.45", "123.45", "123.45"),
            ("-Infinity", "-Infinity", "-Infinity"),
            ("-sNaN7", "-sNaN7", "-sNaN7"),
        ];
        for (input, eng, lower) in cases {
            let d = dec(input);
            assert_eq!(d.to_eng_string(true), eng, "{input}");
            assert_eq!(d.to_sci_string(false), lower, "{input}");
        }
    }

    #[test]
    fn integers() {
        assert_eq!(
            Dec::from_i64(i64::MIN).to_sci_string(true),
            "-9223372036854775808"
        );
        assert_eq!(Dec::from_i64(0), dec("0"));
        let big: BigInt = "-123456789012345678901234567890".parse().unwrap();
        assert_eq!(
            Dec::from_bigint(&big).to_sci_string(true),
            "-123456789012345678901234567890"
        );
        // int(Decimal(s)) from CPython.
        let cases = [
            ("-1.9", "-1"),
            ("1.9", "1"),
            ("-0.5", "0"),
            ("1.23E+5", "123000"),
            ("1E-999999999999999999", "0"),
            ("0E+999999999999999999", "0"),
            ("-123456789E-3", "-123456"),
        ];
        for (input, expected) in cases {
            assert_eq!(
                dec(input).to_bigint().map(|v| v.to_string()).as_deref(),
                Some(expected)
            );
        }
        assert_eq!(dec("NaN").to_bigint(), None);
        assert_eq!(dec("-Inf").to_bigint(), None);
        // Too large to allocate: refused rather than attempted.
        assert_eq!(dec("1E+999999999999999999").to_bigint(), None);
    }

    #[test]
    fn floats() {
        // (float, str(Decimal.from_float(f))) from CPython.
        let cases = [
            (0.1, "0.1000000000000000055511151231257827021181583404541015625"),
            (-0.0, "-0"),
            (0.0, "0"),
            (2.5, "2.5"),
            (1e22, "10000000000000000000000"),
            (-1e23, "-99999999999999991611392"),
            (f64::MAX, "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368"),
            (f64::MIN_POSITIVE, "2.225073858507201383090232717332404064219215980462331830553327416887204434813918195854283159012511020564067339731035811005152434161553460108856012385377718821130777993532002330479610147442583636071921565046942503734208375250806650616658158948720491179968591639648500635908770118304874799780887753749949451580451605050915399856582470818645113537935804992115981085766051992433352114352390148795699609591288891602992641511063466313393663477586513029371762047325631781485664350872122828637642044846811407613911477062801689853244110024161447421618567166150540154285084716752901903161322778896729707373123334086988983175067838846926092773977972858659654941091369095406136467568702398678315290680984617210924625396728515625E-308"),
            (5e-324, "4.940656458412465441765687928682213723650598026143247644255856825006755072702087518652998363616359923797965646954457177309266567103559397963987747960107818781263007131903114045278458171678489821036887186360569987307230500063874091535649843873124733972731696151400317153853980741262385655911710266585566867681870395603106249319452715914924553293054565444011274801297099995419319894090804165633245247571478690147267801593552386115501348035264934720193790268107107491703332226844753335720832431936092382893458368060106011506169809753078342277318329247904982524730776375927247874656084778203734469699533647017972677717585125660551199131504891101451037862738167250955837389733598993664809941164205702637090279242767544565229087538682506419718265533447265625E-324"),
        ];
        for (f, expected) in cases {
            let d = Dec::from_f64(f);
            assert_eq!(d.to_sci_string(true), expected);
            assert_eq!(d.to_f64().to_bits(), f.to_bits());
        }
        assert!(Dec::from_f64(f64::NAN).is_nan());
        assert_eq!(Dec::from_f64(f64::NEG_INFINITY), Dec::infinity(true));
        // float(Decimal(s)) from CPython.
        let cases = [
            ("0.1", 0.1),
            ("1E+999999999999999999", f64::INFINITY),
            ("-1E-999999999", -0.0),
            ("2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125E-324", 0.0),
            ("2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125000000000001E-324", 5e-324),
            ("9007199254740993", 9007199254740992.0),
            ("123456789E-30", 1.23456789e-22),
        ];
        for (s, expected) in cases {
            assert_eq!(dec(s).to_f64().to_bits(), f64::to_bits(expected), "{s}");
        }
        let negative_nan = dec("-NaN").to_f64();
        assert!(negative_nan.is_nan() && negative_nan.is_sign_negative());
    }

    #[test]
    fn integer_ratios() {
        // Decimal(s).as_integer_ratio() from CPython.
        let cases = [
            ("-2.50", "-5", "2"),
            ("0.000", "0", "1"),
            ("-0", "0", "1"),
            ("1.2E+3", "1200", "1"),
            ("3.14159", "314159", "100000"),
            ("7E-5", "7", "100000"),
        ];
        for (s, n, d) in cases {
            let (num, den) = dec(s).as_integer_ratio().unwrap();
            assert_eq!(
                (num.to_string().as_str(), den.to_string().as_str()),
                (n, d),
                "{s}"
            );
        }
        assert_eq!(dec("Inf").as_integer_ratio(), None);
    }

    #[test]
    fn hashes() {
        // hash(Decimal(s)) from CPython.
        let cases = [
            ("0", 0),
            ("-0", 0),
            ("1", 1),
            ("-1", -2),
            ("-1.0", -2),
            ("0.5", 1152921504606846976),
            ("-0.1", -2075258708292324556),
            ("1E+100", 910685213754167845),
            ("1.5E-300", 839558126974464233),
            ("2305843009213693951", 0),
            ("2305843009213693952", 1),
            ("123456789012345678901234567890", 248789772095949448),
            ("Infinity", 314159),
            ("-Infinity", -314159),
        ];
        for (s, h) in cases {
            assert_eq!(dec(s).hash(), Some(h), "{s}");
        }
        assert_eq!(dec("NaN").hash(), None);
        assert_eq!(dec("sNaN").hash(), None);
    }
}
