//! `str`, `bytes` and `bytearray`: constructors and methods.

use super::codecs;
use super::{arity, kwarg, method};
use crate::script::object::unicode;
use crate::script::object::{Bytes, Kwargs, Str, Value};
use crate::script::vm::{PyResult, Vm};
use std::rc::Rc;

fn this<'a>(vm: &Vm, a: &'a [Value], name: &str) -> PyResult<&'a Str> {
    match a.first() {
        Some(Value::Str(s)) => Ok(s),
        Some(other) => Err(vm.type_error(format!(
            "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
            vm.type_name(other)
        ))),
        None => Err(vm.type_error(format!(
            "descriptor '{name}' of 'str' object needs an argument"
        ))),
    }
}

/// An optional `str` argument, `None` counting as absent; any other value is a TypeError
/// worded by `error` from its type's name (CPython words it differently per method).
fn str_param<'a>(
    vm: &Vm,
    v: Option<&'a Value>,
    error: impl FnOnce(&str) -> String,
) -> PyResult<Option<&'a str>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.as_str())),
        Some(other) => Err(vm.type_error(error(&vm.type_name(other)))),
    }
}

/// The `str` argument of `removeprefix` and `removesuffix`.
fn affix_param<'a>(vm: &Vm, a: &'a [Value], func: &str) -> PyResult<&'a str> {
    match a.get(1) {
        Some(Value::Str(s)) => Ok(s.as_str()),
        // CPython names None by its repr here, other values by their type.
        Some(Value::None) => Err(vm.type_error(format!("{func}() argument must be str, not None"))),
        Some(other) => Err(vm.type_error(format!(
            "{func}() argument must be str, not {}",
            vm.type_name(other)
        ))),
        None => Err(vm.type_error(format!("str.{func}() takes exactly one argument (0 given)"))),
    }
}

/// Normalised `[start:end]` bounds of an optional pair of arguments, in characters. As in
/// CPython, `end` is clamped to the length but `start` is not: a start beyond the end
/// finds nothing, not even an empty string.
fn bounds(vm: &Vm, a: &[Value], from: usize, len: usize) -> PyResult<(usize, usize)> {
    let get = |i: usize, default: i64| -> PyResult<i64> {
        match a.get(i) {
            None | Some(Value::None) => Ok(default),
            Some(v) => vm.to_index(v),
        }
    };
    let n = len as i64;
    let norm = |x: i64| -> i64 {
        if x < 0 {
            (x + n).max(0)
        } else {
            x
        }
    };
    let start = norm(get(from, 0)?) as usize;
    let end = norm(get(from + 1, n)?).min(n) as usize;
    Ok((start, end))
}

/// `str(object)` or `str(bytes, encoding[, errors])`.
fn str_new(vm: &Vm, a: &[Value], k: Kwargs<'_>) -> PyResult<Value> {
    let x = a.get(1).or_else(|| kwarg(k, "object"));
    let encoding = a.get(2).or_else(|| kwarg(k, "encoding"));
    match (x, encoding) {
        (None, _) => Ok(Value::str("")),
        (Some(Value::Bytes(b)), Some(enc)) => {
            let errors = a.get(3).or_else(|| kwarg(k, "errors"));
            let data = b.data.borrow().clone();
            Ok(Value::string(codecs::decode(vm, &data, Some(enc), errors)?))
        }
        (Some(v), _) => vm.str_value(v),
    }
}

pub fn install(vm: &Vm) {
    let t = &vm.types.str;
    method(t, "__new__", |vm, a, k| {
        super::subclassed(a, str_new(vm, a, k)?)
    });
    method(t, "join", |vm, a, _| {
        let sep = this(vm, a, "join")?;
        arity(vm, "join", a, 2, 2)?;
        let items = vm.collect(&a[1])?;
        let mut out = String::new();
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(sep.as_str());
            }
            match item {
                Value::Str(s) => out.push_str(s.as_str()),
                other => {
                    return Err(vm.type_error(format!(
                        "sequence item {i}: expected str instance, {} found",
                        vm.type_name(other)
                    )))
                }
            }
        }
        Ok(Value::string(out))
    });
    method(t, "split", |vm, a, k| split(vm, a, k, false));
    method(t, "rsplit", |vm, a, k| split(vm, a, k, true));
    method(t, "splitlines", |vm, a, k| {
        let s = this(vm, a, "splitlines")?.as_str();
        let keep = match a.get(1).or_else(|| kwarg(k, "keepends")) {
            Some(v) => vm.truthy(v)?,
            None => false,
        };
        let mut out = Vec::new();
        let mut start = 0;
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            let (pos, c) = chars[i];
            if matches!(
                c,
                '\n' | '\r'
                    | '\x0b'
                    | '\x0c'
                    | '\x1c'
                    | '\x1d'
                    | '\x1e'
                    | '\u{85}'
                    | '\u{2028}'
                    | '\u{2029}'
            ) {
                let mut end = pos + c.len_utf8();
                if c == '\r' && chars.get(i + 1).is_some_and(|(_, n)| *n == '\n') {
                    end += 1;
                    i += 1;
                }
                out.push(Value::str(if keep {
                    &s[start..end]
                } else {
                    &s[start..pos]
                }));
                start = end;
            }
            i += 1;
        }
        if start < s.len() {
            out.push(Value::str(&s[start..]));
        }
        Ok(Value::list(out))
    });
    method(t, "strip", |vm, a, _| strip(vm, a, true, true));
    method(t, "lstrip", |vm, a, _| strip(vm, a, true, false));
    method(t, "rstrip", |vm, a, _| strip(vm, a, false, true));
    method(t, "replace", |vm, a, _| {
        let s = this(vm, a, "replace")?.as_str();
        arity(vm, "replace", a, 3, 4)?;
        let (Value::Str(old), Value::Str(new)) = (&a[1], &a[2]) else {
            return Err(vm.type_error("replace() arguments must be str"));
        };
        let count = match a.get(3) {
            Some(v) => vm.to_index(v)?,
            None => -1,
        };
        let (old, new) = (old.as_str(), new.as_str());
        let limit = usize::try_from(count).unwrap_or(usize::MAX);
        let replaced = match one_char(old) {
            // The empty pattern matches between characters: std's rule is Python's.
            None if old.is_empty() => Some(s.replacen(old, new, limit)),
            _ if old.len() == new.len() => replace_in_copy(s, old, new, limit),
            None => replace_substring(s, old, new, limit),
            Some(c) if limit == 0 || !s.contains(c) => None,
            Some(c) => Some(s.replacen(c, new, limit)),
        };
        // Nothing replaced: the string itself, as CPython returns it.
        Ok(match (replaced, &a[0]) {
            (Some(out), _) => Value::string(out),
            (None, this @ Value::Str(_)) => this.clone(),
            (None, _) => Value::str(s),
        })
    });
    method(t, "find", |vm, a, _| find(vm, a, false, false));
    method(t, "rfind", |vm, a, _| find(vm, a, true, false));
    method(t, "index", |vm, a, _| find(vm, a, false, true));
    method(t, "rindex", |vm, a, _| find(vm, a, true, true));
    method(t, "count", |vm, a, _| {
        let s = this(vm, a, "count")?;
        let Some(Value::Str(sub)) = a.get(1) else {
            return Err(vm.type_error("count() argument must be str"));
        };
        let (start, end) = bounds(vm, a, 2, s.char_len())?;
        if start > end {
            return Ok(Value::Int(0));
        }
        let hay = s.char_slice(start, end);
        let n = match (sub.as_str(), one_char(sub.as_str())) {
            ("", _) => hay.chars().count() + 1,
            (_, Some(c)) => hay.matches(c).count(),
            (sub, None) => memchr::memmem::find_iter(hay.as_bytes(), sub.as_bytes()).count(),
        };
        Ok(Value::Int(n as i64))
    });
    method(t, "startswith", |vm, a, _| affix(vm, a, true));
    method(t, "endswith", |vm, a, _| affix(vm, a, false));
    method(t, "upper", |vm, a, _| {
        change_case(vm, a, "upper", str::make_ascii_uppercase, str::to_uppercase)
    });
    method(t, "lower", |vm, a, _| {
        change_case(vm, a, "lower", str::make_ascii_lowercase, str::to_lowercase)
    });
    method(t, "casefold", |vm, a, _| {
        change_case(vm, a, "casefold", str::make_ascii_lowercase, |s| {
            s.to_lowercase().replace('ß', "ss")
        })
    });
    method(t, "swapcase", |vm, a, _| {
        let s = this(vm, a, "swapcase")?.as_str();
        Ok(Value::string(
            s.chars()
                .flat_map(|c| {
                    if c.is_uppercase() {
                        c.to_lowercase().collect::<Vec<_>>()
                    } else {
                        c.to_uppercase().collect::<Vec<_>>()
                    }
                })
                .collect(),
        ))
    });
    method(t, "title", |vm, a, _| {
        let s = this(vm, a, "title")?.as_str();
        let mut out = String::new();
        let mut prev_cased = false;
        for c in s.chars() {
            if prev_cased {
                out.extend(c.to_lowercase());
            } else {
                out.extend(c.to_uppercase());
            }
            prev_cased = c.is_alphabetic();
        }
        Ok(Value::string(out))
    });
    method(t, "capitalize", |vm, a, _| {
        let s = this(vm, a, "capitalize")?.as_str();
        let mut chars = s.chars();
        Ok(Value::string(match chars.next() {
            Some(first) => first
                .to_uppercase()
                .chain(chars.flat_map(|c| c.to_lowercase()))
                .collect(),
            None => String::new(),
        }))
    });
    // CPython's Unicode classes, not Rust's (which differ for digits, letters, spaces).
    method(t, "isdigit", |vm, a, _| pred(vm, a, unicode::is_digit));
    method(t, "isdecimal", |vm, a, _| pred(vm, a, unicode::is_decimal));
    method(t, "isnumeric", |vm, a, _| pred(vm, a, unicode::is_numeric));
    method(t, "isalpha", |vm, a, _| pred(vm, a, unicode::is_alpha));
    method(t, "isalnum", |vm, a, _| {
        pred(vm, a, |c| unicode::is_alpha(c) || unicode::is_numeric(c))
    });
    method(t, "isspace", |vm, a, _| pred(vm, a, unicode::is_space));
    method(t, "isprintable", |vm, a, _| {
        let s = this(vm, a, "isprintable")?.as_str();
        Ok(Value::bool(s.chars().all(unicode::is_printable)))
    });
    method(t, "isascii", |vm, a, _| {
        Ok(Value::bool(this(vm, a, "isascii")?.as_str().is_ascii()))
    });
    // CPython's rules: cased characters of the other case (or titlecase) disqualify.
    method(t, "isupper", |vm, a, _| {
        let s = this(vm, a, "isupper")?.as_str();
        let other = |c: char| unicode::is_lower(c) || unicode::is_title(c);
        Ok(Value::bool(
            s.chars().any(unicode::is_upper) && !s.chars().any(other),
        ))
    });
    method(t, "islower", |vm, a, _| {
        let s = this(vm, a, "islower")?.as_str();
        let other = |c: char| unicode::is_upper(c) || unicode::is_title(c);
        Ok(Value::bool(
            s.chars().any(unicode::is_lower) && !s.chars().any(other),
        ))
    });
    method(t, "istitle", |vm, a, _| {
        let s = this(vm, a, "istitle")?.as_str();
        let mut prev_cased = false;
        let mut any = false;
        for c in s.chars() {
            if unicode::is_upper(c) || unicode::is_title(c) {
                if prev_cased {
                    return Ok(Value::bool(false));
                }
                prev_cased = true;
                any = true;
            } else if unicode::is_lower(c) {
                if !prev_cased {
                    return Ok(Value::bool(false));
                }
                prev_cased = true;
                any = true;
            } else {
                prev_cased = false;
            }
        }
        Ok(Value::bool(any))
    });
    method(t, "isidentifier", |vm, a, _| {
        let s = this(vm, a, "isidentifier")?.as_str();
        let mut chars = s.chars();
        Ok(Value::bool(match chars.next() {
            Some(c) => unicode::is_id_start(c) && chars.all(unicode::is_id_continue),
            None => false,
        }))
    });
    method(t, "center", |vm, a, _| pad(vm, a, '^'));
    method(t, "ljust", |vm, a, _| pad(vm, a, '<'));
    method(t, "rjust", |vm, a, _| pad(vm, a, '>'));
    method(t, "zfill", |vm, a, _| {
        let s = this(vm, a, "zfill")?.as_str();
        arity(vm, "zfill", a, 2, 2)?;
        let width = vm.to_index(&a[1])?.max(0) as usize;
        let n = s.chars().count();
        if n >= width {
            return Ok(Value::str(s));
        }
        let (sign, rest) = match s.chars().next() {
            Some(c @ ('+' | '-')) => (c.to_string(), &s[1..]),
            _ => (String::new(), s),
        };
        Ok(Value::string(format!(
            "{sign}{}{rest}",
            "0".repeat(width - n)
        )))
    });
    method(t, "partition", |vm, a, _| partition(vm, a, false));
    method(t, "rpartition", |vm, a, _| partition(vm, a, true));
    method(t, "removeprefix", |vm, a, _| {
        let s = this(vm, a, "removeprefix")?.as_str();
        let p = affix_param(vm, a, "removeprefix")?;
        Ok(Value::str(s.strip_prefix(p).unwrap_or(s)))
    });
    method(t, "removesuffix", |vm, a, _| {
        let s = this(vm, a, "removesuffix")?.as_str();
        let p = affix_param(vm, a, "removesuffix")?;
        Ok(Value::str(if p.is_empty() {
            s
        } else {
            s.strip_suffix(p).unwrap_or(s)
        }))
    });
    method(t, "expandtabs", |vm, a, _| {
        let s = this(vm, a, "expandtabs")?.as_str();
        let size = match a.get(1) {
            Some(v) => vm.to_index(v)?.max(0) as usize,
            None => 8,
        };
        let mut out = String::new();
        let mut col = 0;
        for c in s.chars() {
            match c {
                '\t' => {
                    if size > 0 {
                        let n = size - col % size;
                        out.push_str(&" ".repeat(n));
                        col += n;
                    }
                }
                '\n' | '\r' => {
                    out.push(c);
                    col = 0;
                }
                c => {
                    out.push(c);
                    col += 1;
                }
            }
        }
        Ok(Value::string(out))
    });
    method(t, "encode", |vm, a, k| {
        let s = this(vm, a, "encode")?.as_str();
        let encoding = a.get(1).or_else(|| kwarg(k, "encoding"));
        let errors = a.get(2).or_else(|| kwarg(k, "errors"));
        Ok(Value::Bytes(Rc::new(Bytes::new(
            codecs::encode(vm, s, encoding, errors)?,
            false,
        ))))
    });
    method(t, "format", |vm, a, k| {
        let s = this(vm, a, "format")?.as_str();
        Ok(Value::string(vm.str_format(s, &a[1..], k)?))
    });
    method(t, "format_map", |vm, a, _| {
        let s = this(vm, a, "format_map")?.as_str();
        let mapping = a.get(1).cloned().unwrap_or_default();
        Ok(Value::string(vm.str_format_with(s, &[], &|vm, name| {
            vm.get_item(&mapping, &Value::str(name))
        })?))
    });
    method(t, "__format__", |vm, a, _| {
        let spec = match a.get(1) {
            Some(Value::Str(s)) => s.as_str().to_owned(),
            _ => String::new(),
        };
        Ok(Value::string(vm.format(&a[0], &spec)?))
    });
    method(t, "translate", |vm, a, _| {
        let s = this(vm, a, "translate")?.as_str();
        let table = a.get(1).cloned().unwrap_or_default();
        let mut out = String::new();
        for c in s.chars() {
            match vm.get_item(&table, &Value::Int(c as i64)) {
                Ok(Value::None) => {}
                Ok(Value::Str(r)) => out.push_str(r.as_str()),
                Ok(Value::Int(n)) => out.extend(char::from_u32(n as u32)),
                Ok(_) => out.push(c),
                Err(e) if e.class().is_subtype(&vm.types.exceptions["LookupError"]) => out.push(c),
                Err(e) => return Err(e),
            }
        }
        Ok(Value::string(out))
    });
    super::class_method(t, "maketrans", |vm, a, _| {
        let d = crate::script::object::Dict::new();
        match (a.get(1), a.get(2)) {
            (Some(Value::Str(x)), Some(Value::Str(y))) => {
                for (p, q) in x.as_str().chars().zip(y.as_str().chars()) {
                    d.insert(vm, Value::Int(p as i64), Value::Int(q as i64))?;
                }
                if let Some(Value::Str(z)) = a.get(3) {
                    for c in z.as_str().chars() {
                        d.insert(vm, Value::Int(c as i64), Value::None)?;
                    }
                }
            }
            (Some(Value::Dict(src)), None) => {
                for (k, v) in src.entries() {
                    let k = match k {
                        Value::Str(s) => Value::Int(s.char_at(0) as i64),
                        k => k,
                    };
                    d.insert(vm, k, v)?;
                }
            }
            _ => return Err(vm.type_error("maketrans() arguments must be str")),
        }
        Ok(Value::Dict(Rc::new(d)))
    });
    install_bytes(vm);
}

fn pred(vm: &Vm, a: &[Value], f: impl Fn(char) -> bool) -> PyResult<Value> {
    let s = this(vm, a, "is")?.as_str();
    Ok(Value::bool(!s.is_empty() && s.chars().all(f)))
}

fn pad(vm: &Vm, a: &[Value], align: char) -> PyResult<Value> {
    let s = this(vm, a, "pad")?.as_str();
    arity(vm, "pad", a, 2, 3)?;
    let width = vm.to_index(&a[1])?.max(0) as usize;
    let fill = match a.get(2) {
        Some(Value::Str(f)) if f.char_len() == 1 => f.char_at(0),
        Some(_) => {
            return Err(vm.type_error("The fill character must be exactly one character long"))
        }
        None => ' ',
    };
    let n = s.chars().count();
    if n >= width {
        return Ok(Value::str(s));
    }
    let total = width - n;
    let (left, right) = match align {
        '<' => (0, total),
        '>' => (total, 0),
        // CPython's center puts the extra space on the right only when the width is odd
        // and the text length even (its own formula).
        _ => {
            let left = total / 2 + (total & width & 1);
            (left, total - left)
        }
    };
    let f = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
    Ok(Value::string(format!("{}{s}{}", f(left), f(right))))
}

fn strip(vm: &Vm, a: &[Value], left: bool, right: bool) -> PyResult<Value> {
    let name = match (left, right) {
        (true, true) => "strip",
        (true, false) => "lstrip",
        _ => "rstrip",
    };
    let s = this(vm, a, name)?.as_str();
    let chars = str_param(vm, a.get(1), |_| format!("{name} arg must be None or str"))?;
    let r = match chars {
        None => match (left, right) {
            (true, true) => s.trim_matches(unicode::is_space),
            (true, false) => s.trim_start_matches(unicode::is_space),
            _ => s.trim_end_matches(unicode::is_space),
        },
        Some(set) => {
            let f = |c: char| set.contains(c);
            match (left, right) {
                (true, true) => s.trim_matches(f),
                (true, false) => s.trim_start_matches(f),
                _ => s.trim_end_matches(f),
            }
        }
    };
    Ok(Value::str(r))
}

/// `s` with the first `limit` non-overlapping occurrences of the non-empty `old` replaced
/// by `new`, left to right as Python does; `None` when there are none, so that the caller
/// can return `s` itself, as CPython does.
fn replace_substring(s: &str, old: &str, new: &str, limit: usize) -> Option<String> {
    let found = occurrences(s.as_bytes(), old.as_bytes(), limit);
    if found.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(s.len() + found.len() * new.len());
    let mut done = 0;
    for at in found {
        // Match offsets fall on character boundaries (see `find`).
        out.push_str(s.get(done..at).unwrap_or_default());
        out.push_str(new);
        done = at + old.len();
    }
    out.push_str(s.get(done..).unwrap_or_default());
    Some(out)
}

/// [`replace_substring`] when `new` is as long as `old` (`text.replace(",", " ")`): the
/// text is copied whole and the occurrences overwritten in the copy, as CPython does, instead
/// of being assembled from a copy of each piece between them.
fn replace_in_copy(s: &str, old: &str, new: &str, limit: usize) -> Option<String> {
    let hay = s.as_bytes();
    let out: Vec<u8> = match (old.as_bytes(), new.as_bytes()) {
        (&[from], &[to]) if limit >= hay.len() => {
            memchr::memchr(from, hay)?;
            // One byte for another, everywhere: a loop the compiler vectorises.
            hay.iter()
                .map(|&b| if b == from { to } else { b })
                .collect()
        }
        (pattern, with) => {
            let found = occurrences(hay, pattern, limit);
            if found.is_empty() {
                return None;
            }
            let mut out = hay.to_vec();
            for at in found {
                out[at..at + with.len()].copy_from_slice(with);
            }
            out
        }
    };
    // Whole characters replaced by whole characters leave valid UTF-8, so the check (a
    // fraction of the copy's cost) cannot fail; were it to, the general path answers.
    String::from_utf8(out)
        .ok()
        .or_else(|| replace_substring(s, old, new, limit))
}

/// The offsets of the first `limit` non-overlapping occurrences of `pat` (not empty) in
/// `hay`. A short text is scanned directly: setting up memmem's vectorised searcher costs
/// more than that whole scan (`name.replace("ITEM", "I")` on a field in a loop).
fn occurrences(hay: &[u8], pat: &[u8], limit: usize) -> Vec<usize> {
    const SHORT: usize = 64;
    if hay.len() >= SHORT {
        return memchr::memmem::find_iter(hay, pat).take(limit).collect();
    }
    let mut found = Vec::new();
    let mut i = 0;
    while found.len() < limit && i + pat.len() <= hay.len() {
        if hay[i] == pat[0] && hay[i..].starts_with(pat) {
            found.push(i);
            i += pat.len();
        } else {
            i += 1;
        }
    }
    found
}

/// The character a one-character pattern is: searching for a char uses memchr, where a
/// string pattern sets up a general substring search.
fn one_char(pattern: &str) -> Option<char> {
    let mut chars = pattern.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// `s.split(sep)` as a pair of strings when it makes exactly two parts (`sep` not empty).
pub fn split_in_two(s: &Str, sep: &Str) -> Option<(Value, Value)> {
    let (text, sep_text) = (s.as_str(), sep.as_str());
    let at = find_str(text, sep_text)?;
    let (first, rest) = (&text[..at], &text[at + sep_text.len()..]);
    if find_str(rest, sep_text).is_some() {
        return None;
    }
    let ascii = s.is_ascii();
    Some((part_of(ascii, first), part_of(ascii, rest)))
}

/// The byte offset of the first `pat` in `hay`. `str::find` with a `&str` pattern sets up
/// a two-way searcher each call, which cost a field split (`name, value =
/// field.split(":")`) 250 instructions; a one-byte pattern in a short text is a plain
/// scan, cheaper than even `memchr`'s dispatch (100 instructions a call), and a long one
/// is a `memchr`.
fn find_str(hay: &str, pat: &str) -> Option<usize> {
    let hay = hay.as_bytes();
    match pat.as_bytes() {
        &[b] if hay.len() < 32 => hay.iter().position(|&c| c == b),
        &[b] => memchr::memchr(b, hay),
        p => memchr::memmem::find(hay, p),
    }
}

/// A part of a string, `ascii` when that string is: the parts of an ASCII string are
/// ASCII, so their lengths are their character counts, with no scan.
fn part_of(ascii: bool, p: &str) -> Value {
    Value::Str(Rc::new(if ascii { Str::ascii(p) } else { Str::new(p) }))
}

fn split(vm: &Vm, a: &[Value], k: Kwargs<'_>, from_right: bool) -> PyResult<Value> {
    let this = this(vm, a, "split")?;
    let s = this.as_str();
    let ascii = this.is_ascii();
    let part = |p: &str| part_of(ascii, p);
    let sep = str_param(vm, a.get(1).or_else(|| kwarg(k, "sep")), |t| {
        format!("must be str or None, not {t}")
    })?;
    let maxsplit = match a.get(2).or_else(|| kwarg(k, "maxsplit")) {
        Some(v) => vm.to_index(v)?,
        None => -1,
    };
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    // The parts are slices of `s`: each becomes its string with one copy, no temporary.
    let parts: Vec<Value> = match sep {
        Some("") => return Err(vm.value_error("empty separator")),
        Some(sep) => {
            let n = limit.saturating_add(1);
            if from_right {
                let mut v: Vec<Value> = match one_char(sep) {
                    Some(c) => s.rsplitn(n, c).map(part).collect(),
                    None => s.rsplitn(n, sep).map(part).collect(),
                };
                v.reverse();
                v
            } else if let &[byte] = sep.as_bytes() {
                split_at_byte(s, byte, limit, part)
            } else {
                match one_char(sep) {
                    Some(c) => s.splitn(n, c).map(part).collect(),
                    None => s.splitn(n, sep).map(part).collect(),
                }
            }
        }
        // ASCII text splits byte by byte, with no characters to decode.
        None if ascii && !from_right => {
            super::bytes::whitespace_parts(s.as_bytes(), limit, is_ascii_space)
                .into_iter()
                .map(|r| part(&s[r]))
                .collect()
        }
        None => {
            let mut out: Vec<&str> = Vec::new();
            if from_right {
                let mut rest = s.trim_end_matches(unicode::is_space);
                while !rest.is_empty() {
                    if out.len() == limit {
                        out.push(rest);
                        break;
                    }
                    match rest.rfind(unicode::is_space) {
                        Some(i) => {
                            let ws = rest[i..].chars().next().map_or(1, char::len_utf8);
                            out.push(&rest[i + ws..]);
                            rest = rest[..i].trim_end_matches(unicode::is_space);
                        }
                        None => {
                            out.push(rest);
                            break;
                        }
                    }
                }
                out.reverse();
            } else {
                let mut rest = s.trim_start_matches(unicode::is_space);
                while !rest.is_empty() {
                    if out.len() == limit {
                        out.push(rest);
                        break;
                    }
                    match rest.find(unicode::is_space) {
                        Some(i) => {
                            out.push(&rest[..i]);
                            rest = rest[i..].trim_start_matches(unicode::is_space);
                        }
                        None => {
                            out.push(rest);
                            break;
                        }
                    }
                }
            }
            out.into_iter().map(part).collect()
        }
    };
    Ok(Value::list(parts))
}

/// The parts of `s` between occurrences of the ASCII `byte` (at most `limit` splits), as
/// values made by `part`. A long text is searched with SIMD; a short one (a field split
/// in a loop) byte by byte, which costs less than setting up the SIMD search.
fn split_at_byte<'a>(
    s: &'a str,
    byte: u8,
    limit: usize,
    part: impl FnMut(&'a str) -> Value,
) -> Vec<Value> {
    if s.len() < 32 {
        let ends = s.bytes().enumerate().filter(move |&(_, b)| b == byte);
        pieces(s, ends.map(|(i, _)| i), limit, part)
    } else {
        pieces(s, memchr::memchr_iter(byte, s.as_bytes()), limit, part)
    }
}

/// The parts of `s` ending at the one-byte separators at `ends`. Counted first, so the list
/// is allocated once at its size: growing it by doubling reallocates a large block again
/// and again, which also makes glibc's malloc consolidate the small blocks freed by the
/// strings of an earlier split.
fn pieces<'a>(
    s: &'a str,
    ends: impl Iterator<Item = usize> + Clone,
    limit: usize,
    mut part: impl FnMut(&'a str) -> Value,
) -> Vec<Value> {
    let splits = ends.clone().take(limit).count();
    let mut ends = ends.take(splits);
    let mut start = 0;
    (0..splits + 1)
        .map(|_| {
            // A split at an ASCII byte is a split between characters.
            let end = ends.next().unwrap_or(s.len());
            let piece = &s[start..end];
            start = end + 1;
            part(piece)
        })
        .collect()
}

/// Python's whitespace characters in ASCII: `\t\n\v\f\r`, the four separators
/// `\x1c`–`\x1f`, and the space.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | 0x1c..=0x1f | b' ')
}

fn find(vm: &Vm, a: &[Value], reverse: bool, raise: bool) -> PyResult<Value> {
    let s = this(vm, a, "find")?;
    let Some(Value::Str(sub)) = a.get(1) else {
        return Err(vm.type_error(format!(
            "must be str, not {}",
            a.get(1).map_or("nothing".to_owned(), |v| vm.type_name(v))
        )));
    };
    let (start, end) = bounds(vm, a, 2, s.char_len())?;
    let found = if start > end {
        None
    } else {
        // In an ASCII string, character and byte indices are the same: no scan.
        let hay = s.char_slice(start, end);
        // Byte offsets: a match of valid UTF-8 in valid UTF-8 starts on a character.
        let r = if reverse {
            memchr::memmem::rfind(hay.as_bytes(), sub.as_str().as_bytes())
        } else {
            memchr::memmem::find(hay.as_bytes(), sub.as_str().as_bytes())
        };
        r.map(|i| {
            start
                + if s.is_ascii() {
                    i
                } else {
                    hay[..i].chars().count()
                }
        })
    };
    match found {
        Some(i) => Ok(Value::Int(i as i64)),
        None if raise => Err(vm.value_error("substring not found")),
        None => Ok(Value::Int(-1)),
    }
}

/// `upper`, `lower` and `casefold`: ASCII text changes case byte by byte in place in a
/// copy (`ascii`); the rest goes by Unicode's tables (`unicode`).
fn change_case(
    vm: &Vm,
    a: &[Value],
    name: &str,
    ascii: fn(&mut str),
    unicode: fn(&str) -> String,
) -> PyResult<Value> {
    let s = this(vm, a, name)?;
    Ok(if s.is_ascii() {
        Value::Str(Rc::new(s.map_ascii(ascii)))
    } else {
        Value::string(unicode(s.as_str()))
    })
}

fn affix(vm: &Vm, a: &[Value], prefix: bool) -> PyResult<Value> {
    // The common call, one string and no bounds, needs no character positions.
    if let [Value::Str(s), Value::Str(p)] = a {
        let (s, p) = (s.as_str(), p.as_str());
        return Ok(Value::bool(if prefix {
            s.starts_with(p)
        } else {
            s.ends_with(p)
        }));
    }
    let s = this(vm, a, "startswith")?;
    let (start, end) = bounds(vm, a, 2, s.char_len())?;
    let text = if start > end {
        ""
    } else {
        s.char_slice(start, end)
    };
    let check = |p: &Value| -> PyResult<bool> {
        match p {
            // A start past the end matches nothing, not even an empty affix.
            Value::Str(_) if start > end => Ok(false),
            Value::Str(p) => Ok(if prefix {
                text.starts_with(p.as_str())
            } else {
                text.ends_with(p.as_str())
            }),
            other => Err(vm.type_error(format!(
                "{} first arg must be str or a tuple of str, not {}",
                if prefix { "startswith" } else { "endswith" },
                vm.type_name(other)
            ))),
        }
    };
    match a.get(1) {
        Some(Value::Tuple(t)) => {
            for p in t.items.iter() {
                if check(p)? {
                    return Ok(Value::bool(true));
                }
            }
            Ok(Value::bool(false))
        }
        Some(p) => Ok(Value::bool(check(p)?)),
        None => Err(vm.type_error("startswith() takes at least 1 argument (0 given)")),
    }
}

fn partition(vm: &Vm, a: &[Value], reverse: bool) -> PyResult<Value> {
    let s = this(vm, a, "partition")?.as_str();
    let Some(Value::Str(sep)) = a.get(1) else {
        return Err(vm.type_error("must be str"));
    };
    if sep.as_str().is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let (hay, pat) = (s.as_bytes(), sep.as_str().as_bytes());
    let found = match (reverse, pat) {
        (true, &[b]) => memchr::memrchr(b, hay),
        (true, _) => memchr::memmem::rfind(hay, pat),
        (false, _) => find_str(s, sep.as_str()),
    };
    Ok(Value::tuple(match found {
        Some(i) => vec![
            Value::str(&s[..i]),
            Value::Str(sep.clone()),
            Value::str(&s[i + sep.as_str().len()..]),
        ],
        None if reverse => vec![Value::str(""), Value::str(""), Value::str(s)],
        None => vec![Value::str(s), Value::str(""), Value::str("")],
    }))
}

/// `bytes(...)` and `bytearray(...)`: from a string and an encoding, a count, or an
/// iterable of byte values.
fn new_bytes(vm: &Vm, a: &[Value], k: Kwargs<'_>, mutable: bool) -> PyResult<Value> {
    let encoding = a.get(2).or_else(|| kwarg(k, "encoding"));
    let data = match (a.get(1).or_else(|| kwarg(k, "source")), encoding) {
        (None, _) => vec![],
        (Some(Value::Str(s)), Some(enc)) => {
            let errors = a.get(3).or_else(|| kwarg(k, "errors"));
            codecs::encode(vm, s.as_str(), Some(enc), errors)?
        }
        (Some(v), _) => bytes_of(vm, v)?,
    };
    super::subclassed(a, Value::Bytes(Rc::new(Bytes::new(data, mutable))))
}

fn bytes_of(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Bytes(b) => Ok(b.data.borrow().clone()),
        Value::Int(n) => {
            if *n < 0 {
                return Err(vm.value_error("negative count"));
            }
            Ok(vec![0; *n as usize])
        }
        Value::Str(_) => Err(vm.type_error("string argument without an encoding")),
        other => vm
            .collect(other)?
            .iter()
            .map(|x| match x {
                Value::Int(i) if (0..256).contains(i) => Ok(*i as u8),
                Value::Int(_) => Err(vm.value_error("bytes must be in range(0, 256)")),
                other => Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(other)
                ))),
            })
            .collect(),
    }
}

fn this_bytes(vm: &Vm, a: &[Value]) -> PyResult<Rc<Bytes>> {
    match a.first() {
        Some(Value::Bytes(b)) => Ok(b.clone()),
        _ => Err(vm.type_error("descriptor requires a bytes object")),
    }
}

fn install_bytes(vm: &Vm) {
    for (t, mutable) in [(&vm.types.bytes, false), (&vm.types.bytearray, true)] {
        if mutable {
            method(t, "__new__", |vm, a, k| new_bytes(vm, a, k, true));
        } else {
            method(t, "__new__", |vm, a, k| new_bytes(vm, a, k, false));
        }
        method(t, "decode", |vm, a, k| {
            let b = this_bytes(vm, a)?;
            let data = b.data.borrow().clone();
            let encoding = a.get(1).or_else(|| kwarg(k, "encoding"));
            let errors = a.get(2).or_else(|| kwarg(k, "errors"));
            Ok(Value::string(codecs::decode(vm, &data, encoding, errors)?))
        });
        method(t, "hex", |vm, a, _| {
            let b = this_bytes(vm, a)?;
            let data = b.data.borrow();
            Ok(Value::string(
                data.iter().map(|x| format!("{x:02x}")).collect(),
            ))
        });
        method(t, "join", |vm, a, _| {
            let sep = this_bytes(vm, a)?;
            let items = vm.collect(a.get(1).unwrap_or(&Value::None))?;
            let mut out = Vec::new();
            for (i, it) in items.iter().enumerate() {
                if i > 0 {
                    out.extend_from_slice(&sep.data.borrow());
                }
                match it {
                    Value::Bytes(x) => out.extend_from_slice(&x.data.borrow()),
                    other => {
                        return Err(vm.type_error(format!(
                            "sequence item {i}: expected a bytes-like object, {} found",
                            vm.type_name(other)
                        )))
                    }
                }
            }
            Ok(Value::Bytes(Rc::new(Bytes::new(out, sep.mutable))))
        });
        method(t, "upper", |vm, a, _| {
            let b = this_bytes(vm, a)?;
            let s = b.data.borrow().to_ascii_uppercase();
            Ok(Value::Bytes(Rc::new(Bytes::new(s, b.mutable))))
        });
        method(t, "lower", |vm, a, _| {
            let b = this_bytes(vm, a)?;
            let s = b.data.borrow().to_ascii_lowercase();
            Ok(Value::Bytes(Rc::new(Bytes::new(s, b.mutable))))
        });
        super::class_method(t, "fromhex", |vm, a, _| {
            let Some(Value::Str(s)) = a.get(1) else {
                return Err(vm.type_error("fromhex() argument must be str"));
            };
            let clean: String = s.as_str().chars().filter(|c| !c.is_whitespace()).collect();
            let mut out = Vec::new();
            for i in (0..clean.len()).step_by(2) {
                let pair = clean.get(i..i + 2).ok_or_else(|| {
                    vm.value_error("non-hexadecimal number found in fromhex() arg")
                })?;
                out.push(u8::from_str_radix(pair, 16).map_err(|_| {
                    vm.value_error("non-hexadecimal number found in fromhex() arg")
                })?);
            }
            let mutable =
                matches!(a.first(), Some(Value::Type(t)) if t.name().as_str() == "bytearray");
            Ok(Value::Bytes(Rc::new(Bytes::new(out, mutable))))
        });
    }
    let ba = &vm.types.bytearray;
    method(ba, "append", |vm, a, _| {
        let b = this_bytes(vm, a)?;
        let x = vm.to_index(a.get(1).unwrap_or(&Value::None))?;
        if !(0..256).contains(&x) {
            return Err(vm.value_error("byte must be in range(0, 256)"));
        }
        b.data.borrow_mut().push(x as u8);
        Ok(Value::None)
    });
    method(ba, "extend", |vm, a, _| {
        let b = this_bytes(vm, a)?;
        let more = bytes_of(vm, a.get(1).unwrap_or(&Value::None))?;
        b.data.borrow_mut().extend(more);
        Ok(Value::None)
    });
    method(ba, "pop", |vm, a, _| {
        let b = this_bytes(vm, a)?;
        let popped = b.data.borrow_mut().pop();
        popped
            .map(|x| Value::Int(x as i64))
            .ok_or_else(|| vm.index_error("pop from empty bytearray"))
    });
    method(ba, "clear", |vm, a, _| {
        this_bytes(vm, a)?.data.borrow_mut().clear();
        Ok(Value::None)
    });
    method(ba, "reverse", |vm, a, _| {
        this_bytes(vm, a)?.data.borrow_mut().reverse();
        Ok(Value::None)
    });
}

impl Vm {
    /// `str.format(*args, **kwargs)`.
    pub fn str_format(&self, fmt: &str, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<String> {
        self.str_format_with(fmt, args, &|vm, name| {
            kwarg(kwargs, name)
                .cloned()
                .ok_or_else(|| vm.key_error(Value::str(name)))
        })
    }

    /// The format-string engine, with named fields resolved by `named`.
    pub fn str_format_with(
        &self,
        fmt: &str,
        args: &[Value],
        named: &dyn Fn(&Vm, &str) -> PyResult<Value>,
    ) -> PyResult<String> {
        let mut out = String::new();
        let chars: Vec<char> = fmt.chars().collect();
        let mut auto = 0usize;
        let mut manual = false;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == '{' {
                if chars.get(i + 1) == Some(&'{') {
                    out.push('{');
                    i += 2;
                    continue;
                }
                // Find the matching close brace (format specs may nest one level).
                let mut depth = 1;
                let mut j = i + 1;
                while j < chars.len() && depth > 0 {
                    match chars[j] {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        _ => {}
                    }
                    j += 1;
                }
                if depth != 0 {
                    return Err(self.value_error("Single '{' encountered in format string"));
                }
                let field: String = chars[i + 1..j - 1].iter().collect();
                i = j;
                let (head, spec) = match field.find(':') {
                    Some(p) => (field[..p].to_owned(), field[p + 1..].to_owned()),
                    None => (field.clone(), String::new()),
                };
                let (name, conv) = match head.find('!') {
                    Some(p) => (head[..p].to_owned(), head[p + 1..].chars().next()),
                    None => (head, None),
                };
                // The first part of the field name, then `.attr` / `[key]` accessors.
                let split = name.find(['.', '[']).unwrap_or(name.len());
                let (first, rest) = name.split_at(split);
                let mut value = if first.is_empty() {
                    if manual {
                        return Err(self.value_error(
                            "cannot switch from manual field specification to automatic field numbering",
                        ));
                    }
                    let v = args.get(auto).cloned().ok_or_else(|| {
                        self.index_error(format!(
                            "Replacement index {auto} out of range for positional args tuple"
                        ))
                    })?;
                    auto += 1;
                    v
                } else if let Ok(n) = first.parse::<usize>() {
                    if auto > 0 {
                        return Err(self.value_error(
                            "cannot switch from automatic field numbering to manual field specification",
                        ));
                    }
                    manual = true;
                    args.get(n).cloned().ok_or_else(|| {
                        self.index_error(format!(
                            "Replacement index {n} out of range for positional args tuple"
                        ))
                    })?
                } else {
                    named(self, first)?
                };
                let mut r = rest;
                while !r.is_empty() {
                    if let Some(after) = r.strip_prefix('.') {
                        let end = after.find(['.', '[']).unwrap_or(after.len());
                        value = self.get_attr(&value, &Rc::new(Str::new(&after[..end])))?;
                        r = &after[end..];
                    } else if let Some(after) = r.strip_prefix('[') {
                        let end = after
                            .find(']')
                            .ok_or_else(|| self.value_error("Missing ']' in format string"))?;
                        let key = &after[..end];
                        let k = match key.parse::<i64>() {
                            Ok(n) => Value::Int(n),
                            Err(_) => Value::str(key),
                        };
                        value = self.get_item(&value, &k)?;
                        r = &after[end + 1..];
                    } else {
                        break;
                    }
                }
                let value = match conv {
                    Some('r') => Value::string(self.repr(&value)?),
                    Some('s') => Value::string(self.str(&value)?),
                    Some('a') => {
                        Value::string(crate::script::vm::format::ascii(&self.repr(&value)?))
                    }
                    Some(c) => {
                        return Err(self.value_error(format!("Unknown conversion specifier {c}")))
                    }
                    None => value,
                };
                let spec = if spec.contains('{') {
                    self.str_format_with(&spec, &args[auto.min(args.len())..], named)?
                } else {
                    spec
                };
                out.push_str(&self.format(&value, &spec)?);
            } else if c == '}' {
                if chars.get(i + 1) == Some(&'}') {
                    out.push('}');
                    i += 2;
                    continue;
                }
                return Err(self.value_error("Single '}' encountered in format string"));
            } else {
                out.push(c);
                i += 1;
            }
        }
        Ok(out)
    }
}
