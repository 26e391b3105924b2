//! The `bytes`/`bytearray` methods beyond the basics in `str.rs`: the ASCII-only
//! predicates and case mappings, the layout methods borrowed from `str`, and `bytearray`'s
//! mutators.
//!
//! Layout methods (`center`, `splitlines`, `partition`, ...) behave on bytes exactly as on a
//! string whose characters are the bytes read as Latin-1; they are run that way, converting
//! arguments and results between the two.

use super::method;
use crate::script::object::{Bytes, Value};
use crate::script::vm::{PyResult, Vm};
use std::rc::Rc;

/// The whitespace of bytes methods: ASCII's six (Latin-1 text would add 0x85 and 0xa0, and
/// Rust's `is_ascii_whitespace` leaves out 0x0b).
const ASCII_SPACE: &[u8] = b" \t\n\r\x0b\x0c";

/// Methods run through the `str` method of the same name, with their native functions.
macro_rules! via_str {
    ($($name:literal),* $(,)?) => {
        const VIA_STR: &[(&str, crate::script::object::NativeFn)] =
            &[$(($name, |vm, a, k| run_via_str(vm, $name, a, k))),*];
    };
}

via_str!(
    "find",
    "count",
    "startswith",
    "endswith",
    "strip",
    "replace",
    "splitlines",
    "zfill",
    "center",
    "ljust",
    "rjust",
    "lstrip",
    "rstrip",
    "rfind",
    "index",
    "rindex",
    "partition",
    "rpartition",
    "expandtabs",
    "rsplit",
    "removeprefix",
    "removesuffix",
);

pub fn install(vm: &Vm) {
    for t in [&vm.types.bytes, &vm.types.bytearray] {
        for &(name, f) in VIA_STR {
            if t.dict
                .get_str(&crate::script::object::Str::new(name))
                .is_none()
            {
                method(t, name, f);
            }
        }
        method(t, "isalpha", |vm, a, _| {
            predicate(vm, a, u8::is_ascii_alphabetic)
        });
        method(t, "isdigit", |vm, a, _| {
            predicate(vm, a, u8::is_ascii_digit)
        });
        method(t, "isalnum", |vm, a, _| {
            predicate(vm, a, u8::is_ascii_alphanumeric)
        });
        method(t, "isspace", |vm, a, _| {
            predicate(vm, a, |b| ASCII_SPACE.contains(b))
        });
        method(t, "isascii", |vm, a, _| {
            Ok(Value::bool(this(vm, a)?.data.borrow().is_ascii()))
        });
        method(t, "split", |vm, a, k| {
            let sep = a.get(1).or_else(|| super::kwarg(k, "sep"));
            if !matches!(sep, None | Some(Value::None)) {
                return run_via_str(vm, "split", a, k);
            }
            let b = this(vm, a)?;
            let maxsplit = match a.get(2).or_else(|| super::kwarg(k, "maxsplit")) {
                Some(v) => vm.to_index(v)?,
                None => -1,
            };
            let limit = usize::try_from(maxsplit).unwrap_or(usize::MAX);
            let data = b.data.borrow();
            let parts = whitespace_parts(&data, limit, |c| ASCII_SPACE.contains(&c));
            Ok(Value::list(
                parts
                    .into_iter()
                    .map(|r| Value::Bytes(Rc::new(Bytes::new(data[r].to_vec(), b.mutable))))
                    .collect(),
            ))
        });
        method(t, "istitle", |vm, a, _| {
            // Uppercase bytes only after uncased ones, lowercase only after cased ones.
            let b = this(vm, a)?;
            let data = b.data.borrow();
            let (mut cased, mut prev_cased) = (false, false);
            for c in data.iter() {
                if c.is_ascii_uppercase() {
                    if prev_cased {
                        return Ok(Value::bool(false));
                    }
                    (cased, prev_cased) = (true, true);
                } else if c.is_ascii_lowercase() {
                    if !prev_cased {
                        return Ok(Value::bool(false));
                    }
                    (cased, prev_cased) = (true, true);
                } else {
                    prev_cased = false;
                }
            }
            Ok(Value::bool(cased))
        });
        method(t, "islower", |vm, a, _| cased(vm, a, false));
        method(t, "isupper", |vm, a, _| cased(vm, a, true));
        method(t, "upper", |vm, a, _| {
            map(vm, a, |d| d.to_ascii_uppercase())
        });
        method(t, "lower", |vm, a, _| {
            map(vm, a, |d| d.to_ascii_lowercase())
        });
        method(t, "swapcase", |vm, a, _| {
            map(vm, a, |d| {
                d.iter()
                    .map(|b| {
                        if b.is_ascii_uppercase() {
                            b.to_ascii_lowercase()
                        } else {
                            b.to_ascii_uppercase()
                        }
                    })
                    .collect()
            })
        });
        method(t, "capitalize", |vm, a, _| {
            map(vm, a, |d| {
                let mut out = d.to_ascii_lowercase();
                if let Some(first) = out.first_mut() {
                    first.make_ascii_uppercase();
                }
                out
            })
        });
        method(t, "title", |vm, a, _| {
            map(vm, a, |d| {
                let mut prev_cased = false;
                d.iter()
                    .map(|&b| {
                        let out = if prev_cased {
                            b.to_ascii_lowercase()
                        } else {
                            b.to_ascii_uppercase()
                        };
                        prev_cased = b.is_ascii_alphabetic();
                        out
                    })
                    .collect()
            })
        });
    }
    install_mutators(vm);
}

fn this(vm: &Vm, a: &[Value]) -> PyResult<Rc<Bytes>> {
    match a.first() {
        Some(Value::Bytes(b)) => Ok(b.clone()),
        _ => Err(vm.type_error("descriptor requires a bytes object")),
    }
}

fn predicate(vm: &Vm, a: &[Value], f: fn(&u8) -> bool) -> PyResult<Value> {
    let b = this(vm, a)?;
    let data = b.data.borrow();
    Ok(Value::bool(!data.is_empty() && data.iter().all(f)))
}

/// `split()` without a separator, over bytes: runs of the bytes `space` accepts separate
/// the parts; after `limit` splits the rest is one part, trailing whitespace and all.
/// The parts are returned as ranges of `data`. Shared by `bytes.split()` and by
/// `str.split()` of ASCII text, whose whitespace set is larger.
pub(super) fn whitespace_parts(
    data: &[u8],
    limit: usize,
    space: impl Fn(u8) -> bool,
) -> Vec<std::ops::Range<usize>> {
    let mut parts = Vec::new();
    let mut i = 0;
    loop {
        while i < data.len() && space(data[i]) {
            i += 1;
        }
        if i == data.len() {
            return parts;
        }
        if parts.len() == limit {
            parts.push(i..data.len());
            return parts;
        }
        let start = i;
        while i < data.len() && !space(data[i]) {
            i += 1;
        }
        parts.push(start..i);
    }
}

/// `islower`/`isupper`: some cased byte, and none of the other case.
fn cased(vm: &Vm, a: &[Value], upper: bool) -> PyResult<Value> {
    let b = this(vm, a)?;
    let data = b.data.borrow();
    let (ups, lows) = (
        data.iter().any(u8::is_ascii_uppercase),
        data.iter().any(u8::is_ascii_lowercase),
    );
    Ok(Value::bool(if upper { ups && !lows } else { lows && !ups }))
}

fn map(vm: &Vm, a: &[Value], f: impl Fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let b = this(vm, a)?;
    let out = f(&b.data.borrow());
    Ok(Value::Bytes(Rc::new(Bytes::new(out, b.mutable))))
}

fn latin1(data: &[u8]) -> Value {
    Value::string(data.iter().map(|&b| b as char).collect())
}

/// A bytes argument (or a tuple of them) as its Latin-1 string; other values unchanged.
fn to_text(v: &Value) -> Value {
    match v {
        Value::Bytes(b) => latin1(&b.data.borrow()),
        Value::Tuple(t) => Value::tuple(t.items.iter().map(to_text).collect()),
        other => other.clone(),
    }
}

/// A `str` method's result back as bytes (of the receiver's kind).
fn from_text(v: Value, mutable: bool) -> Value {
    match v {
        Value::Str(s) => Value::Bytes(Rc::new(Bytes::new(
            s.as_str()
                .chars()
                .map(|c| u8::try_from(c as u32).unwrap_or(b'?'))
                .collect(),
            mutable,
        ))),
        Value::List(l) => Value::list(
            l.snapshot()
                .into_iter()
                .map(|x| from_text(x, mutable))
                .collect(),
        ),
        Value::Tuple(t) => Value::tuple(
            t.items
                .iter()
                .map(|x| from_text(x.clone(), mutable))
                .collect(),
        ),
        other => other,
    }
}

fn run_via_str(
    vm: &Vm,
    name: &str,
    a: &[Value],
    k: crate::script::object::Kwargs<'_>,
) -> PyResult<Value> {
    let b = this(vm, a)?;
    let recv = latin1(&b.data.borrow());
    let mut args: Vec<Value> = a.get(1..).unwrap_or(&[]).iter().map(to_text).collect();
    match name {
        // The needle of a search may be a byte value.
        "find" | "rfind" | "index" | "rindex" | "count" => {
            if let Some(Value::Int(_) | Value::Bool(_)) = args.first() {
                let byte = vm.byte_value(&args[0])?;
                args[0] = latin1(&[byte]);
            }
        }
        // Bytes strip ASCII whitespace only.
        "strip" | "lstrip" | "rstrip" if matches!(args.first(), None | Some(Value::None)) => {
            args = vec![latin1(ASCII_SPACE)];
        }
        _ => {}
    }
    let kwargs: Vec<_> = k.iter().map(|(n, v)| (n.clone(), to_text(v))).collect();
    let f = vm.get_attr(&recv, &vm.intern(name))?;
    let r = match vm.call(&f, &args, &kwargs) {
        Err(e)
            if matches!(name, "index" | "rindex")
                && e.class().is_subtype(&vm.types.value_error) =>
        {
            return Err(vm.value_error("subsection not found"))
        }
        r => r?,
    };
    Ok(from_text(r, b.mutable))
}

fn mutable_this(vm: &Vm, a: &[Value]) -> PyResult<Rc<Bytes>> {
    let b = this(vm, a)?;
    if !b.mutable {
        return Err(vm.type_error("bytes object is immutable"));
    }
    Ok(b)
}

fn install_mutators(vm: &Vm) {
    let t = &vm.types.bytearray;
    method(t, "append", |vm, a, _| {
        super::arity(vm, "append", a, 2, 2)?;
        let byte = vm.byte_value(&a[1])?;
        mutable_this(vm, a)?.data.borrow_mut().push(byte);
        Ok(Value::None)
    });
    method(t, "extend", |vm, a, _| {
        super::arity(vm, "extend", a, 2, 2)?;
        let b = mutable_this(vm, a)?;
        let mut new = Vec::new();
        for x in vm.collect(&a[1])? {
            new.push(vm.byte_value(&x)?);
        }
        b.data.borrow_mut().extend(new);
        Ok(Value::None)
    });
    method(t, "insert", |vm, a, _| {
        super::arity(vm, "insert", a, 3, 3)?;
        let b = mutable_this(vm, a)?;
        let len = b.data.borrow().len() as i64;
        let i = vm.to_index(&a[1])?;
        let i = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
        let byte = vm.byte_value(&a[2])?;
        b.data.borrow_mut().insert(i, byte);
        Ok(Value::None)
    });
    method(t, "pop", |vm, a, _| {
        super::arity(vm, "pop", a, 1, 2)?;
        let b = mutable_this(vm, a)?;
        let len = b.data.borrow().len() as i64;
        if len == 0 {
            return Err(vm.new_error(&vm.types.index_error, "pop from empty bytearray"));
        }
        let i = match a.get(1) {
            Some(v) => vm.to_index(v)?,
            None => -1,
        };
        let i = if i < 0 { i + len } else { i };
        if !(0..len).contains(&i) {
            return Err(vm.new_error(&vm.types.index_error, "pop index out of range"));
        }
        let byte = b.data.borrow_mut().remove(i as usize);
        Ok(Value::Int(byte as i64))
    });
    method(t, "remove", |vm, a, _| {
        super::arity(vm, "remove", a, 2, 2)?;
        let b = mutable_this(vm, a)?;
        let byte = vm.byte_value(&a[1])?;
        let pos = b.data.borrow().iter().position(|&x| x == byte);
        match pos {
            Some(i) => {
                b.data.borrow_mut().remove(i);
                Ok(Value::None)
            }
            None => Err(vm.value_error("value not found in bytearray")),
        }
    });
    method(t, "reverse", |vm, a, _| {
        mutable_this(vm, a)?.data.borrow_mut().reverse();
        Ok(Value::None)
    });
    method(t, "clear", |vm, a, _| {
        mutable_this(vm, a)?.data.borrow_mut().clear();
        Ok(Value::None)
    });
    method(t, "copy", |vm, a, _| {
        let data = mutable_this(vm, a)?.data.borrow().clone();
        Ok(Value::Bytes(Rc::new(Bytes::new(data, true))))
    });
}
