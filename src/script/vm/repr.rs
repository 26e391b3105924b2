//! `repr()` and `str()` of every value, with CPython's spelling (shortest round-trip float
//! repr, string quoting, `[...]` for self-containing containers).

use super::{PyResult, Vm};
use crate::script::object::{Str, Value};
use std::fmt::Write;
use std::rc::Rc;

thread_local! {
    /// Containers whose repr is being built, to print `[...]` on cycles.
    static REPR_ACTIVE: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Releases a container from [`REPR_ACTIVE`] when its repr is done (or failed).
struct ReprGuard(usize);

impl Drop for ReprGuard {
    fn drop(&mut self) {
        REPR_ACTIVE.with(|a| {
            let mut a = a.borrow_mut();
            if let Some(i) = a.iter().rposition(|&p| p == self.0) {
                a.remove(i);
            }
        });
    }
}

fn enter_repr(v: &Value) -> Option<ReprGuard> {
    let p = v.heap_ptr()?;
    REPR_ACTIVE.with(|a| {
        let mut a = a.borrow_mut();
        if a.contains(&p) {
            None
        } else {
            a.push(p);
            Some(ReprGuard(p))
        }
    })
}

/// CPython's `repr(float)`: the shortest string that round-trips, in exponent notation
/// when the exponent is below -4 or at least 16.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_owned();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0" } else { "0.0" }.to_owned();
    }
    let (digits, exp) = shortest_digits(f.abs());
    let mut out = String::new();
    if f < 0.0 {
        out.push('-');
    }
    if !(-4..16).contains(&exp) {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let _ = write!(out, "e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
    } else if exp < 0 {
        out.push_str("0.");
        for _ in 0..(-exp - 1) {
            out.push('0');
        }
        out.push_str(&digits);
    } else {
        let point = exp as usize + 1;
        if digits.len() <= point {
            out.push_str(&digits);
            for _ in digits.len()..point {
                out.push('0');
            }
            out.push_str(".0");
        } else {
            out.push_str(&digits[..point]);
            out.push('.');
            out.push_str(&digits[point..]);
        }
    }
    out
}

/// The shortest decimal digits that round-trip to the positive finite `f`, and the
/// decimal exponent of the first digit.
///
/// Rust's `{:e}` finds the shortest digits but breaks an exact tie between two equally
/// close candidates upwards; CPython's dtoa breaks it to the even digit. A tie is possible
/// only when the last digit is odd and the candidate one below also round-trips, and then
/// an exact comparison with the midpoint settles it.
fn shortest_digits(f: f64) -> (String, i32) {
    let sci = format!("{:e}", f);
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let last = digits.as_bytes()[digits.len() - 1];
    if digits.len() > 1 && (last - b'0') % 2 == 1 {
        let mut lower = digits.clone();
        lower.pop();
        lower.push((last - 1) as char);
        let lower_value: Option<f64> = format!("{}.{}e{}", &lower[..1], &lower[1..], exp)
            .parse()
            .ok();
        if lower_value == Some(f) && is_midpoint(f, &digits, exp) {
            digits = lower;
        }
    }
    (digits, exp)
}

/// Whether `f` is exactly the midpoint between `digits` (first digit at 10**exp) and the
/// number one unit lower in the last digit.
fn is_midpoint(f: f64, digits: &str, exp: i32) -> bool {
    use num_bigint::BigInt;
    let Ok(d) = digits.parse::<BigInt>() else {
        return false;
    };
    // f = mantissa * 2**e; the midpoint is (2d - 1) * 10**k / 2.
    let bits = f.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (mantissa, e) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    let k = exp - digits.len() as i32 + 1;
    let mut lhs = BigInt::from(mantissa);
    let mut rhs = d * 2 - 1;
    let two_exp = e + 1;
    if two_exp >= 0 {
        lhs <<= two_exp as usize;
    } else {
        rhs <<= (-two_exp) as usize;
    }
    let ten = BigInt::from(10);
    if k >= 0 {
        rhs *= ten.pow(k as u32);
    } else {
        lhs *= ten.pow((-k) as u32);
    }
    lhs == rhs
}

/// CPython's `repr(str)`: single quotes unless the text has single but no double quotes.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if !crate::script::object::unicode::is_printable(c) => {
                let n = c as u32;
                if n <= 0xff {
                    let _ = write!(out, "\\x{n:02x}");
                } else if n <= 0xffff {
                    let _ = write!(out, "\\u{n:04x}");
                } else {
                    let _ = write!(out, "\\U{n:08x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `repr(bytes)`.
pub fn bytes_repr(data: &[u8], mutable: bool) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    if mutable {
        out.push_str("bytearray(");
    }
    out.push('b');
    out.push(quote);
    for &b in data {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            b if b as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(b as char),
            _ => {
                let _ = write!(out, "\\x{b:02x}");
            }
        }
    }
    out.push(quote);
    if mutable {
        out.push(')');
    }
    out
}

impl Vm {
    /// `repr(v)`.
    pub fn repr(&self, v: &Value) -> PyResult<String> {
        crate::stack::grow(|| self.repr_inner(v))
    }

    fn repr_inner(&self, v: &Value) -> PyResult<String> {
        use Value::*;
        Ok(match v {
            Undefined => "<undefined>".to_owned(),
            None => "None".to_owned(),
            NotImplemented => "NotImplemented".to_owned(),
            Ellipsis => "Ellipsis".to_owned(),
            Bool(b) => if b.get() { "True" } else { "False" }.to_owned(),
            Int(i) => i.to_string(),
            BigInt(b) => b.to_string(),
            Float(f) => float_repr(f.get()),
            Str(s) => str_repr(s.as_str()),
            Bytes(b) => bytes_repr(&b.data.borrow(), b.mutable),
            List(l) => {
                let Some(_guard) = enter_repr(v) else {
                    return Ok("[...]".to_owned());
                };
                let items = l.snapshot();
                format!("[{}]", self.join_reprs(&items)?)
            }
            Tuple(t) => {
                if t.is_empty() {
                    return Ok("()".to_owned());
                }
                let Some(_guard) = enter_repr(v) else {
                    return Ok("(...)".to_owned());
                };
                if t.len() == 1 {
                    format!("({},)", self.repr(&t.items[0])?)
                } else {
                    format!("({})", self.join_reprs(&t.items)?)
                }
            }
            Dict(d) => {
                let Some(_guard) = enter_repr(v) else {
                    return Ok("{...}".to_owned());
                };
                let mut out = String::from("{");
                for (i, (k, val)) in d.entries().into_iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&self.repr(&k)?);
                    out.push_str(": ");
                    out.push_str(&self.repr(&val)?);
                }
                out.push('}');
                out
            }
            Set(s) => {
                let name = if s.frozen { "frozenset" } else { "set" };
                if s.is_empty() {
                    return Ok(format!("{name}()"));
                }
                let Some(_guard) = enter_repr(v) else {
                    return Ok(format!("{name}(...)"));
                };
                let body = format!("{{{}}}", self.join_reprs(&s.keys())?);
                if s.frozen {
                    format!("frozenset({body})")
                } else {
                    body
                }
            }
            Range(r) if r.big.is_some() => match &r.big {
                Some(b) if b.step == num_bigint::BigInt::from(1) => {
                    format!("range({}, {})", b.start, b.stop)
                }
                Some(b) => format!("range({}, {}, {})", b.start, b.stop, b.step),
                Option::None => String::new(),
            },
            Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Slice(s) => format!(
                "slice({}, {}, {})",
                self.repr(&s.start)?,
                self.repr(&s.stop)?,
                self.repr(&s.step)?
            ),
            Function(f) => format!(
                "<function {} at {:#x}>",
                f.qualname.borrow().as_str(),
                v.heap_ptr().unwrap_or(0)
            ),
            Builtin(b) => match b.owner {
                Some(owner) => format!("<method '{}' of '{}' objects>", b.name, owner),
                Option::None => format!("<built-in function {}>", b.name),
            },
            Method(m) => {
                let name = match &m.func {
                    Function(f) => f.qualname.borrow().as_str().to_owned(),
                    Builtin(b) => b.name.to_owned(),
                    other => self.repr(other)?,
                };
                format!("<bound method {} of {}>", name, self.repr(&m.receiver)?)
            }
            Type(t) => {
                let module = t.module.borrow();
                if module.as_str() == "builtins" {
                    format!("<class '{}'>", t.qualname.borrow().as_str())
                } else {
                    format!(
                        "<class '{}.{}'>",
                        module.as_str(),
                        t.qualname.borrow().as_str()
                    )
                }
            }
            Module(m) => format!("<module '{}'>", m.name.as_str()),
            Generator(g) => format!(
                "<generator object {} at {:#x}>",
                g.qualname.as_str(),
                v.heap_ptr().unwrap_or(0)
            ),
            Iter(_) => self.iter_repr(v)?,
            Cell(_) => format!("<cell at {:#x}>", v.heap_ptr().unwrap_or(0)),
            Property(_) => format!("<property object at {:#x}>", v.heap_ptr().unwrap_or(0)),
            Decorated(d) => format!(
                "<{} object at {:#x}>",
                if d.is_class {
                    "classmethod"
                } else {
                    "staticmethod"
                },
                v.heap_ptr().unwrap_or(0)
            ),
            Instance(_) | Opaque(_) => return self.instance_repr(v),
        })
    }

    fn iter_repr(&self, v: &Value) -> PyResult<String> {
        if let Value::Iter(it) = v {
            if let super::iter::IterState::View { dict, part } = &*it.state.borrow() {
                let (name, items) = match part {
                    super::iter::DictPart::Keys => ("dict_keys", dict.keys()),
                    super::iter::DictPart::Values => ("dict_values", dict.values()),
                    super::iter::DictPart::Items => (
                        "dict_items",
                        dict.entries()
                            .into_iter()
                            .map(|(k, v)| Value::tuple(vec![k, v]))
                            .collect(),
                    ),
                };
                return Ok(format!("{name}([{}])", self.join_reprs(&items)?));
            }
        }
        Ok(format!(
            "<{} object at {:#x}>",
            self.type_name(v),
            v.heap_ptr().unwrap_or(0)
        ))
    }

    fn instance_repr(&self, v: &Value) -> PyResult<String> {
        if let Some(m) = self.own_special(v, &self.names.repr) {
            let r = self.call_bound(&m, v, &[])?;
            return match r {
                Value::Str(s) => Ok(s.as_str().to_owned()),
                other => Err(self.type_error(format!(
                    "__repr__ returned non-string (type {})",
                    self.type_name(&other)
                ))),
            };
        }
        if let Value::Instance(i) = v {
            if i.exc.is_some() {
                let args = self.exc_args(i);
                let name = i.class.name();
                return Ok(if args.len() == 1 {
                    format!("{}({})", name.as_str(), self.repr(&args.items[0])?)
                } else {
                    format!("{}{}", name.as_str(), self.repr(&Value::Tuple(args))?)
                });
            }
            let base = i.base.borrow().clone();
            if !base.is_undefined() {
                return self.repr(&base);
            }
        }
        Ok(self.default_repr(v))
    }

    /// `object.__repr__`: `<module.Class object at 0x...>`.
    pub fn default_repr(&self, v: &Value) -> String {
        let t = self.types.type_of(v);
        let module = t.module.borrow().as_str().to_owned();
        let name = t.qualname.borrow().as_str().to_owned();
        let full = if module == "builtins" {
            name
        } else {
            format!("{module}.{name}")
        };
        format!("<{} object at {:#x}>", full, v.heap_ptr().unwrap_or(0))
    }

    fn join_reprs(&self, items: &[Value]) -> PyResult<String> {
        let mut out = String::new();
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.repr(x)?);
        }
        Ok(out)
    }

    /// `str(v)` as a string value: a string is itself, an int is formatted straight into
    /// its (inline) text.
    pub fn str_value(&self, v: &Value) -> PyResult<Value> {
        Ok(match v {
            Value::Str(_) => v.clone(),
            // itoa's digits then one short copy: compact_str's own integer conversion
            // took 120 instructions for a four-digit number.
            Value::Int(i) => Value::Str(Rc::new(Str::ascii(itoa::Buffer::new().format(*i)))),
            _ => Value::string(self.str(v)?),
        })
    }

    /// `str(v)`.
    pub fn str(&self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_owned()),
            Value::Instance(i) => {
                if let Some(m) = self.lookup_special(v, &self.names.str) {
                    // The generic `object`/`BaseException` `__str__` are handled below;
                    // other built-in ones (`OSError`'s, `str`'s) are called.
                    let generic = matches!(&m, Value::Builtin(b) if matches!(b.owner, Some("object" | "BaseException")));
                    if !generic {
                        return match self.call_bound(&m, v, &[])? {
                            Value::Str(s) => Ok(s.as_str().to_owned()),
                            other => Err(self.type_error(format!(
                                "__str__ returned non-string (type {})",
                                self.type_name(&other)
                            ))),
                        };
                    }
                }
                if i.exc.is_some()
                    && self
                        .lookup_special(v, &self.names.repr)
                        .is_none_or(|m| matches!(m, Value::Builtin(_)))
                {
                    return self.exc_str(i);
                }
                if i.exc.is_some() {
                    return self.exc_str(i);
                }
                let base = i.base.borrow().clone();
                if !base.is_undefined()
                    && self
                        .lookup_special(v, &self.names.repr)
                        .is_none_or(|m| matches!(m, Value::Builtin(_)))
                {
                    return self.str(&base);
                }
                self.repr(v)
            }
            Value::Opaque(_) => {
                if let Some(m) = self.lookup_special(v, &self.names.str) {
                    if let Value::Str(s) = self.call_bound(&m, v, &[])? {
                        return Ok(s.as_str().to_owned());
                    }
                }
                self.repr(v)
            }
            _ => self.repr(v),
        }
    }
}
