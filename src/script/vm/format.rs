//! `format()`, f-string fields and `%`-formatting, with CPython's format-spec mini-language.

use super::repr::float_repr;
use super::{PyResult, Vm};
use crate::script::object::Value;
use num_bigint::BigInt;
use num_traits::Signed;

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Default, Debug)]
pub struct Spec {
    pub fill: char,
    pub align: Option<char>,
    /// The alignment was written in the spec (not implied by the `0` flag).
    pub align_given: bool,
    pub sign: Option<char>,
    pub alternate: bool,
    /// `z`: a negative zero (after rounding) prints without its sign.
    pub no_neg_zero: bool,
    pub zero: bool,
    pub width: usize,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub kind: Option<char>,
}

impl Spec {
    pub fn parse(vm: &Vm, spec: &str) -> PyResult<Spec> {
        let chars: Vec<char> = spec.chars().collect();
        let mut s = Spec {
            fill: ' ',
            ..Spec::default()
        };
        let mut i = 0;
        let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
        let mut fill_given = false;
        if chars.len() >= 2 && is_align(chars[1]) {
            s.fill = chars[0];
            s.align = Some(chars[1]);
            s.align_given = true;
            fill_given = true;
            i = 2;
        } else if !chars.is_empty() && is_align(chars[0]) {
            s.align = Some(chars[0]);
            s.align_given = true;
            i = 1;
        }
        if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
            s.sign = Some(chars[i]);
            i += 1;
        }
        if i < chars.len() && chars[i] == 'z' {
            s.no_neg_zero = true;
            i += 1;
        }
        if i < chars.len() && chars[i] == '#' {
            s.alternate = true;
            i += 1;
        }
        if i < chars.len() && chars[i] == '0' {
            s.zero = true;
            i += 1;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i > start {
            s.width = chars[start..i]
                .iter()
                .collect::<String>()
                .parse()
                .unwrap_or(0);
        }
        if i < chars.len() && matches!(chars[i], ',' | '_') {
            s.grouping = Some(chars[i]);
            i += 1;
        }
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i == start {
                return Err(vm.value_error("Format specifier missing precision"));
            }
            s.precision = chars[start..i].iter().collect::<String>().parse().ok();
        }
        if i < chars.len() {
            s.kind = Some(chars[i]);
            i += 1;
        }
        if i < chars.len() {
            return Err(vm.value_error("Invalid format specifier"));
        }
        // The `0` flag pads with zeros unless a fill is given, and puts them after the sign
        // unless an alignment is given.
        if s.zero && !fill_given {
            s.fill = '0';
            if s.align.is_none() {
                s.align = Some('=');
            }
        }
        Ok(s)
    }

    /// The check CPython makes of every spec once parsed, before the object's type is
    /// consulted: a grouping separator goes only with decimal and float presentations
    /// (and `_` with binary, octal and hex ones). `default` is the object's default type.
    pub fn check_grouping(&self, vm: &Vm, default: Option<char>) -> PyResult<()> {
        let Some(sep) = self.grouping else {
            return Ok(());
        };
        match self.kind.or(default) {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => Ok(()),
            Some('b' | 'o' | 'x' | 'X') if sep == '_' => Ok(()),
            Some(k) => Err(vm.value_error(format!("Cannot specify '{sep}' with '{k}'."))),
        }
    }

    /// Groups the integer digits of a formatted number's `body` (its magnitude), then signs
    /// and pads it.
    pub fn finish_number(&self, negative: bool, mut body: String) -> String {
        if let Some(sep) = self.grouping {
            body = if self.fill == '0' && self.align == Some('=') && self.width > 0 {
                let width = self.width.saturating_sub(self.sign_prefix(negative).len());
                zero_pad_grouped(&body, sep, 3, width)
            } else {
                group(&body, sep, 3)
            };
        }
        self.pad(self.sign_prefix(negative), &body, '>')
    }

    /// What goes before a number's digits for its sign: `-`, or what the spec asks of a
    /// non-negative one (`+`, a space, nothing).
    pub fn sign_prefix(&self, negative: bool) -> &'static str {
        match (negative, self.sign) {
            (true, _) => "-",
            (false, Some('+')) => "+",
            (false, Some(' ')) => " ",
            _ => "",
        }
    }

    /// Pads `body` (with its sign/prefix already split off into `prefix`) to the width.
    pub fn pad(&self, prefix: &str, body: &str, default_align: char) -> String {
        let len = prefix.chars().count() + body.chars().count();
        if len >= self.width {
            return format!("{prefix}{body}");
        }
        let n = self.width - len;
        let fill: String = std::iter::repeat_n(self.fill, n).collect();
        match self.align.unwrap_or(default_align) {
            '<' => format!("{prefix}{body}{fill}"),
            '^' => {
                let left: String = std::iter::repeat_n(self.fill, n / 2).collect();
                let right: String = std::iter::repeat_n(self.fill, n - n / 2).collect();
                format!("{left}{prefix}{body}{right}")
            }
            '=' => format!("{prefix}{fill}{body}"),
            _ => format!("{fill}{prefix}{body}"),
        }
    }
}

/// The integer digits at the front of a formatted number, and the rest: the digits end at
/// the point, at an exponent (`e+05`), or at anything that is not a digit of the radix.
fn split_int(body: &str) -> (&str, &str) {
    let b = body.as_bytes();
    let end = (0..b.len())
        .find(|&i| {
            !b[i].is_ascii_alphanumeric()
                || (matches!(b[i], b'e' | b'E') && matches!(b.get(i + 1), Some(b'+' | b'-')))
        })
        .unwrap_or(b.len());
    body.split_at(end)
}

/// Inserts a grouping separator every `every` digits of the integer part of `digits`.
fn group(digits: &str, sep: char, every: usize) -> String {
    let (int_part, rest) = split_int(digits);
    let mut out = String::new();
    let n = int_part.len();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (n - i) % every == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out.push_str(rest);
    out
}

/// Formats `f` with `precision` significant digits, `%g` style.
fn general(f: f64, precision: usize, alternate: bool, upper: bool) -> String {
    general_with(f, precision, alternate, upper, false)
}

/// [`general`], or (`add_dot_0`) the form of a float formatted with a precision and no
/// type: exponent notation from one digit earlier, and fixed notation keeps a digit after
/// the point.
fn general_with(f: f64, precision: usize, alternate: bool, upper: bool, add_dot_0: bool) -> String {
    let p = precision.max(1);
    if f == 0.0 && !(add_dot_0 && p == 1) {
        let mut s = if alternate {
            let mut z = format!("{:.*}", p - 1, 0.0);
            if !z.contains('.') {
                z.push('.');
            }
            z
        } else {
            "0".to_owned()
        };
        if f.is_sign_negative() {
            s.insert(0, '-');
        }
        return s;
    }
    let sci = format!("{:.*e}", p - 1, f);
    let (_, exp) = sci.split_once('e').unwrap_or(("", "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut s = if exp < -4 || exp >= p as i32 - add_dot_0 as i32 {
        let (m, _) = sci.split_once('e').unwrap_or((&sci, ""));
        let m = if alternate {
            m.to_owned()
        } else {
            trim_zeros(m)
        };
        format!(
            "{}{}{}{:02}",
            m,
            if upper { 'E' } else { 'e' },
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        )
    } else {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        let s = format!("{:.*}", decimals, f);
        if alternate {
            s
        } else {
            trim_zeros(&s)
        }
    };
    if alternate && !s.contains('.') {
        // The point goes before an exponent.
        match s.find(['e', 'E']) {
            Some(at) => s.insert(at, '.'),
            None => s.push('.'),
        }
    }
    s
}

fn trim_zeros(s: &str) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s.to_owned()
    }
}

/// `%e`-style with a two-digit exponent at least.
fn exponent(f: f64, precision: usize, upper: bool, alternate: bool) -> String {
    let s = format!("{:.*e}", precision, f);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    let mut m = m.to_owned();
    if alternate && !m.contains('.') {
        m.push('.');
    }
    format!(
        "{}{}{}{:02}",
        m,
        if upper { 'E' } else { 'e' },
        if e < 0 { '-' } else { '+' },
        e.abs()
    )
}

impl Vm {
    /// `format(v, spec)`.
    pub fn format(&self, v: &Value, spec: &str) -> PyResult<String> {
        match v {
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                if spec.is_empty() {
                    return self.str(v);
                }
                let s = Spec::parse(self, spec)?;
                s.check_grouping(self, Some('d'))?;
                if matches!(s.kind, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) {
                    let f = match v {
                        Value::Int(i) => *i as f64,
                        Value::Bool(b) => b.get() as i64 as f64,
                        Value::BigInt(b) => super::num::big_to_f64(self, b)?,
                        _ => 0.0,
                    };
                    return self.format_float(f, &s);
                }
                let b = super::num::to_big(v).unwrap_or_default();
                self.format_int(&b, &s)
            }
            Value::Float(f) => {
                if spec.is_empty() {
                    return Ok(float_repr(f.get()));
                }
                let s = Spec::parse(self, spec)?;
                s.check_grouping(self, None)?;
                self.format_float(f.get(), &s)
            }
            Value::Str(st) => {
                if spec.is_empty() {
                    return Ok(st.as_str().to_owned());
                }
                let s = Spec::parse(self, spec)?;
                if let Some(k) = s.kind {
                    if k != 's' {
                        return Err(self.value_error(format!(
                            "Unknown format code '{k}' for object of type 'str'"
                        )));
                    }
                }
                if s.sign.is_some() {
                    return Err(self.value_error("Sign not allowed in string format specifier"));
                }
                if s.align == Some('=') {
                    return Err(
                        self.value_error("'=' alignment not allowed in string format specifier")
                    );
                }
                let text: String = match s.precision {
                    Some(p) => st.as_str().chars().take(p).collect(),
                    None => st.as_str().to_owned(),
                };
                Ok(s.pad("", &text, '<'))
            }
            Value::Instance(_) | Value::Opaque(_) => {
                if let Some(m) = self.own_special(v, &self.names.format) {
                    return match self.call_bound(&m, v, &[Value::str(spec)])? {
                        Value::Str(s) => Ok(s.as_str().to_owned()),
                        other => Err(self.type_error(format!(
                            "__format__ must return a str, not {}",
                            self.type_name(&other)
                        ))),
                    };
                }
                if let Value::Instance(i) = v {
                    let base = i.base.borrow().clone();
                    if !base.is_undefined() {
                        // The built-in `__format__` of str, int and float gives `str(self)`
                        // for an empty spec, which a subclass's `__str__` decides.
                        if spec.is_empty() {
                            return self.str(v);
                        }
                        return self.format(&base, spec);
                    }
                }
                self.format_generic(v, spec)
            }
            _ => self.format_generic(v, spec),
        }
    }

    fn format_generic(&self, v: &Value, spec: &str) -> PyResult<String> {
        if !spec.is_empty() {
            return Err(self.type_error(format!(
                "unsupported format string passed to {}.__format__",
                self.type_name(v)
            )));
        }
        self.str(v)
    }

    fn format_int(&self, b: &BigInt, s: &Spec) -> PyResult<String> {
        if s.precision.is_some() {
            return Err(self.value_error("Precision not allowed in integer format specifier"));
        }
        if s.no_neg_zero {
            return Err(self.value_error(
                "Negative zero coercion (z) not allowed in integer format specifier",
            ));
        }
        if s.kind == Some('c') {
            if s.sign.is_some() {
                return Err(self.value_error("Sign not allowed with integer format specifier 'c'"));
            }
            if s.alternate {
                return Err(self.value_error(
                    "Alternate form (#) not allowed with integer format specifier 'c'",
                ));
            }
        }
        let negative = b.is_negative();
        let abs = b.abs();
        let (digits, prefix) = match s.kind {
            None | Some('d') | Some('n') => (abs.to_string(), ""),
            Some('b') => (abs.to_str_radix(2), "0b"),
            Some('o') => (abs.to_str_radix(8), "0o"),
            Some('x') => (abs.to_str_radix(16), "0x"),
            Some('X') => (abs.to_str_radix(16).to_uppercase(), "0X"),
            Some('c') => {
                let code = num_traits::ToPrimitive::to_i64(b).ok_or_else(|| {
                    self.overflow_error("Python int too large to convert to C long")
                })?;
                let c = u32::try_from(code)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or_else(|| self.overflow_error("%c arg not in range(0x110000)"))?;
                return Ok(s.pad("", &c.to_string(), '>'));
            }
            Some(k) => {
                return Err(self.value_error(format!(
                    "Unknown format code '{k}' for object of type 'int'"
                )))
            }
        };
        let digits = match s.grouping {
            Some(sep) => {
                let every = if matches!(s.kind, Some('b' | 'o' | 'x' | 'X')) {
                    4
                } else {
                    3
                };
                if sep == ',' && every == 4 {
                    return Err(self.value_error(format!(
                        "Cannot specify ',' with '{}'.",
                        s.kind.unwrap_or('d')
                    )));
                }
                if s.fill == '0' && s.align == Some('=') && s.width > 0 {
                    zero_pad_grouped(
                        &digits,
                        sep,
                        every,
                        s.width.saturating_sub(
                            s.sign_prefix(negative).len()
                                + if s.alternate { prefix.len() } else { 0 },
                        ),
                    )
                } else {
                    group(&digits, sep, every)
                }
            }
            None => digits,
        };
        let mut head = s.sign_prefix(negative).to_owned();
        if s.alternate {
            head.push_str(prefix);
        }
        Ok(s.pad(&head, &digits, '>'))
    }

    pub fn format_float(&self, f: f64, s: &Spec) -> PyResult<String> {
        if let Some(k @ ('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 's')) = s.kind {
            return Err(self.value_error(format!(
                "Unknown format code '{k}' for object of type 'float'"
            )));
        }
        let mut negative = f.is_sign_negative() && !f.is_nan();
        let a = f.abs();
        let upper = matches!(s.kind, Some('E' | 'F' | 'G'));
        let body = if a.is_nan() || a.is_infinite() {
            let t = if a.is_nan() { "nan" } else { "inf" };
            let mut t = if upper {
                t.to_uppercase()
            } else {
                t.to_owned()
            };
            if s.kind == Some('%') {
                t.push('%');
            }
            t
        } else {
            match s.kind {
                Some('f' | 'F') => {
                    let mut t = format!("{:.*}", s.precision.unwrap_or(6), a);
                    if s.alternate && !t.contains('.') {
                        t.push('.');
                    }
                    t
                }
                Some('e' | 'E') => exponent(a, s.precision.unwrap_or(6), upper, s.alternate),
                Some('g' | 'G') => general(a, s.precision.unwrap_or(6), s.alternate, upper),
                Some('%') => {
                    let mut t = format!("{:.*}", s.precision.unwrap_or(6), a * 100.0);
                    if s.alternate && !t.contains('.') {
                        t.push('.');
                    }
                    t.push('%');
                    t
                }
                None => match s.precision {
                    Some(p) => {
                        let g = general_with(a, p, s.alternate, false, true);
                        if g.contains(['.', 'e', 'n', 'i']) {
                            g
                        } else {
                            format!("{g}.0")
                        }
                    }
                    None => {
                        let mut r = float_repr(a);
                        if s.alternate && !r.contains('.') {
                            // `#` keeps a point, before any exponent.
                            match r.find('e') {
                                Some(at) => r.insert(at, '.'),
                                None => r.push('.'),
                            }
                        }
                        r
                    }
                },
                Some('n') => general(a, s.precision.unwrap_or(6), s.alternate, false),
                Some(k) => {
                    return Err(self.value_error(format!(
                        "Unknown format code '{k}' for object of type 'float'"
                    )))
                }
            }
        };
        if f.is_finite() {
            // `z`: a value that rounded to zero loses its minus sign.
            if s.no_neg_zero && negative && !body.bytes().any(|b| matches!(b, b'1'..=b'9')) {
                negative = false;
            }
            Ok(s.finish_number(negative, body))
        } else {
            // Infinities and NaNs are never grouped.
            let ungrouped = Spec {
                grouping: None,
                ..s.clone()
            };
            Ok(ungrouped.finish_number(negative, body))
        }
    }

    /// An f-string field: conversion, then `format`.
    pub fn format_value(&self, v: &Value, conv: u8, spec: Option<&Value>) -> PyResult<Value> {
        // `f"{x}"` is `format(x, "")`, which for strings and ints is `str(x)`; other
        // values may define `__format__`.
        if spec.is_none()
            && (conv == b's' || (conv == 0 && matches!(v, Value::Str(_) | Value::Int(_))))
        {
            return self.str_value(v);
        }
        let converted;
        let v = match conv {
            b's' => {
                converted = self.str_value(v)?;
                &converted
            }
            b'r' => {
                converted = Value::string(self.repr(v)?);
                &converted
            }
            b'a' => {
                converted = Value::string(ascii(&self.repr(v)?));
                &converted
            }
            _ => v,
        };
        let spec = match spec {
            Some(Value::Str(s)) => s.as_str().to_owned(),
            Some(other) => self.str(other)?,
            None => String::new(),
        };
        if let (Value::Str(_), true) = (v, spec.is_empty()) {
            return Ok(v.clone());
        }
        Ok(Value::string(self.format(v, &spec)?))
    }

    /// `bytes % args`: formats as text with every byte a Latin-1 character (bytes
    /// arguments likewise), then turns the characters back into bytes.
    pub fn bytes_percent_format(&self, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
        let latin = |d: &[u8]| d.iter().map(|&b| b as char).collect::<String>();
        let as_text = |v: &Value| match v {
            Value::Bytes(b) => Value::string(latin(&b.data.borrow())),
            other => other.clone(),
        };
        let args = match args {
            Value::Tuple(t) => Value::tuple(t.items.iter().map(as_text).collect()),
            other => as_text(other),
        };
        let text = self.percent_format(&latin(fmt), &args)?;
        Ok(text
            .chars()
            .map(|c| u8::try_from(c as u32).unwrap_or(b'?'))
            .collect())
    }

    /// `fmt % args`.
    pub fn percent_format(&self, fmt: &str, args: &Value) -> PyResult<String> {
        let items: Vec<Value> = match args {
            Value::Tuple(t) => t.items.to_vec(),
            other => vec![other.clone()],
        };
        let mapping = matches!(args, Value::Dict(_))
            || matches!(args, Value::Instance(_) if self.lookup_special(args, &self.names.getitem).is_some());
        let mut next = 0usize;
        let mut out = String::new();
        let chars: Vec<char> = fmt.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            i += 1;
            if c != '%' {
                out.push(c);
                continue;
            }
            if i >= chars.len() {
                return Err(self.value_error("incomplete format"));
            }
            let spec_start = i;
            let mut value: Option<Value> = None;
            if chars[i] == '(' {
                let start = i + 1;
                let mut depth = 1;
                while i < chars.len() && depth > 0 {
                    i += 1;
                    match chars.get(i) {
                        Some('(') => depth += 1,
                        Some(')') => depth -= 1,
                        _ => {}
                    }
                }
                let key: String = chars[start..i].iter().collect();
                i += 1;
                value = Some(self.get_item(args, &Value::string(key))?);
            }
            let mut flags = String::new();
            while i < chars.len() && matches!(chars[i], '-' | '+' | ' ' | '#' | '0') {
                flags.push(chars[i]);
                i += 1;
            }
            let mut width = String::new();
            if i < chars.len() && chars[i] == '*' {
                let w = items.get(next).cloned().unwrap_or_default();
                next += 1;
                width = self.to_index(&w)?.to_string();
                i += 1;
            }
            while i < chars.len() && chars[i].is_ascii_digit() {
                width.push(chars[i]);
                i += 1;
            }
            let mut precision = None;
            if i < chars.len() && chars[i] == '.' {
                i += 1;
                let mut p = String::new();
                if i < chars.len() && chars[i] == '*' {
                    let w = items.get(next).cloned().unwrap_or_default();
                    next += 1;
                    p = self.to_index(&w)?.to_string();
                    i += 1;
                }
                while i < chars.len() && chars[i].is_ascii_digit() {
                    p.push(chars[i]);
                    i += 1;
                }
                precision = Some(p.parse::<usize>().unwrap_or(0));
            }
            while i < chars.len() && matches!(chars[i], 'l' | 'h' | 'L') {
                i += 1;
            }
            let Some(&kind) = chars.get(i) else {
                return Err(self.value_error("incomplete format"));
            };
            i += 1;
            if kind == '%' {
                // Only a bare `%%` is a literal percent sign.
                if i - 1 != spec_start {
                    return Err(self.value_error(format!(
                        "unsupported format character '%' (0x25) at index {}",
                        i - 1
                    )));
                }
                out.push('%');
                continue;
            }
            let v = match value {
                Some(v) => v,
                None if mapping && !matches!(args, Value::Tuple(_)) => args.clone(),
                None => {
                    let v = items
                        .get(next)
                        .cloned()
                        .ok_or_else(|| self.type_error("not enough arguments for format string"))?;
                    next += 1;
                    v
                }
            };
            let align = if flags.contains('-') { "<" } else { "" };
            let sign = if flags.contains('+') {
                "+"
            } else if flags.contains(' ') {
                " "
            } else {
                ""
            };
            let zero = if flags.contains('0') && !flags.contains('-') {
                "0"
            } else {
                ""
            };
            let alt = if flags.contains('#') { "#" } else { "" };
            let prec = precision.map(|p| format!(".{p}")).unwrap_or_default();
            let piece = match kind {
                's' | 'b' | 'r' | 'a' => {
                    let s = match kind {
                        's' | 'b' => self.str(&v)?,
                        'r' => self.repr(&v)?,
                        _ => ascii(&self.repr(&v)?),
                    };
                    let s: String = match precision {
                        Some(p) => s.chars().take(p).collect(),
                        None => s,
                    };
                    let align = if align.is_empty() { ">" } else { align };
                    self.format(&Value::string(s), &format!("{align}{width}"))?
                }
                'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                    let n = self.percent_int(&v, kind)?;
                    let mut digits = match kind {
                        'x' => n.magnitude().to_str_radix(16),
                        'X' => n.magnitude().to_str_radix(16).to_uppercase(),
                        'o' => n.magnitude().to_str_radix(8),
                        _ => n.magnitude().to_string(),
                    };
                    // An integer's precision is its least number of digits.
                    if let Some(p) = precision {
                        if digits.len() < p {
                            digits.insert_str(0, &"0".repeat(p - digits.len()));
                        }
                    }
                    let mut head = if n.is_negative() {
                        "-".to_owned()
                    } else {
                        sign.to_owned()
                    };
                    if !alt.is_empty() && kind != 'd' && kind != 'i' && kind != 'u' {
                        head.push('0');
                        head.push(kind);
                    }
                    let width = width.parse::<usize>().unwrap_or(0);
                    let fill = width.saturating_sub(head.len() + digits.len());
                    if !align.is_empty() {
                        format!("{head}{digits}{}", " ".repeat(fill))
                    } else if !zero.is_empty() {
                        format!("{head}{}{digits}", "0".repeat(fill))
                    } else {
                        format!("{}{head}{digits}", " ".repeat(fill))
                    }
                }
                'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                    let n = self.percent_float(&v)?;
                    let prec = if prec.is_empty() {
                        ".6".to_owned()
                    } else {
                        prec
                    };
                    self.format(&n, &format!("{align}{sign}{alt}{zero}{width}{prec}{kind}"))?
                }
                'c' => {
                    let not_char = || self.type_error("%c requires int or char");
                    let c = match &v {
                        Value::Str(s) if s.char_len() == 1 => s.as_str().to_owned(),
                        Value::Str(_) | Value::Float(_) => return Err(not_char()),
                        other => {
                            let code = match super::num::to_big(other) {
                                Some(b) => b,
                                None => BigInt::from(self.to_index(other).map_err(|_| not_char())?),
                            };
                            num_traits::ToPrimitive::to_u32(&code)
                                .and_then(char::from_u32)
                                .map(String::from)
                                .ok_or_else(|| {
                                    self.overflow_error("%c arg not in range(0x110000)")
                                })?
                        }
                    };
                    let align = if align.is_empty() { ">" } else { align };
                    self.format(&Value::string(c), &format!("{align}{width}"))?
                }
                other => {
                    return Err(self.value_error(format!(
                        "unsupported format character '{}' (0x{:x}) at index {}",
                        other,
                        other as u32,
                        i - 1
                    )))
                }
            };
            out.push_str(&piece);
        }
        if next < items.len() && !mapping {
            return Err(self.type_error("not all arguments converted during string formatting"));
        }
        Ok(out)
    }

    /// The integer of a `%d`/`%i`/`%u` (floats truncate) or `%x`/`%X`/`%o` conversion.
    fn percent_int(&self, v: &Value, kind: char) -> PyResult<BigInt> {
        let decimal = matches!(kind, 'd' | 'i' | 'u');
        match v {
            Value::Float(f) if decimal => {
                if !f.get().is_finite() {
                    return Err(if f.get().is_nan() {
                        self.value_error("cannot convert float NaN to integer")
                    } else {
                        self.overflow_error("cannot convert float infinity to integer")
                    });
                }
                Ok(super::num::float_to_big(f.get().trunc()))
            }
            _ => match super::num::to_big(v) {
                Some(b) => Ok(b),
                None if matches!(v, Value::Instance(_) | Value::Opaque(_)) => {
                    Ok(BigInt::from(self.to_index(v)?))
                }
                None => Err(self.type_error(format!(
                    "%{kind} format: {} is required, not {}",
                    if decimal {
                        "a real number"
                    } else {
                        "an integer"
                    },
                    self.type_name(v)
                ))),
            },
        }
    }

    /// The number of a `%e`/`%f`/`%g` conversion.
    fn percent_float(&self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_) => Ok(v.clone()),
            _ => Err(self.type_error(format!("must be real number, not {}", self.type_name(v)))),
        }
    }
}

/// Zero padding inside grouped digits (`format(1234, '010,')` is `'00,001,234'`).
fn zero_pad_grouped(digits: &str, sep: char, every: usize, width: usize) -> String {
    let (int_part, rest) = split_int(digits);
    let mut int_digits = int_part.to_owned();
    loop {
        let g = group(&int_digits, sep, every);
        if g.len() + rest.len() >= width {
            return format!("{g}{rest}");
        }
        int_digits.insert(0, '0');
    }
}

/// `ascii()`: non-ASCII characters escaped.
pub fn ascii(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n <= 0xff {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n <= 0xffff {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}
