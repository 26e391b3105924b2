//! `re`: Python regular expressions on `fancy-regex`. Python's pattern and template syntax
//! is translated first, and positions are reported in characters, not UTF-8 bytes.

use super::native_module;
use crate::script::builtins::{kwarg, method, property, str_arg};
use crate::script::object::misc::Opaque;
use crate::script::object::{Dict, Kwargs, Layout, Module, NativeFn, Str, Type, Value};
use crate::script::vm::repr::str_repr;
use crate::script::vm::{Exc, PyResult, Vm};
use fancy_regex::{Captures, Regex};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

const IGNORECASE: i64 = 2;
const LOCALE: i64 = 4;
const MULTILINE: i64 = 8;
const DOTALL: i64 = 16;
const UNICODE: i64 = 32;
const VERBOSE: i64 = 64;
const ASCII: i64 = 256;

/// A compiled pattern: three regexes because fancy-regex has no "match at" call; `\G`
/// anchors the other two at the search position, as `match` and `fullmatch` need.
struct Compiled {
    source: Rc<Str>,
    flags: i64,
    search: Regex,
    anchored: Regex,
    full: Regex,
    groups: usize,
    names: Vec<(String, usize)>,
    /// For each group, the order in which its `)` closes: `lastindex` is the matched group
    /// that closed last, which spans alone cannot tell for `(a)()` versus `(a())`.
    close_rank: Vec<usize>,
}

/// A match: spans in characters, so that nothing is recomputed when they are read.
struct MatchData {
    pattern: Value,
    string: Rc<Str>,
    spans: Vec<Option<(usize, usize)>>,
    pos: usize,
    endpos: usize,
}

struct Classes {
    pattern: Rc<Type>,
    match_: Rc<Type>,
    error: Rc<Type>,
}

thread_local! {
    static CLASSES: RefCell<Option<Rc<Classes>>> = const { RefCell::new(None) };
    /// Module-level functions compile the same few patterns over and over, as CPython's
    /// `re._cache` avoids.
    static CACHE: RefCell<HashMap<(String, i64), Value>> = RefCell::new(HashMap::new());
}

fn error(vm: &Vm, msg: impl Into<String>) -> Exc {
    vm.new_error(&classes(vm).error, msg)
}

// ---------------------------------------------------------------- pattern translation

struct Translated {
    body: String,
    groups: usize,
    names: Vec<(String, usize)>,
    close_rank: Vec<usize>,
}

/// The flag bit of an inline flag letter.
fn flag_bit(c: char) -> Option<i64> {
    Some(match c {
        'i' => IGNORECASE,
        'L' => LOCALE,
        'm' => MULTILINE,
        's' => DOTALL,
        'u' => UNICODE,
        'x' => VERBOSE,
        'a' => ASCII,
        _ => return None,
    })
}

/// ASCII-only forms of the class escapes, for the `ASCII` flag (`in_class`: the bare
/// ranges, to be spliced into an enclosing class).
fn ascii_class(c: char, in_class: bool) -> Option<&'static str> {
    Some(match (c, in_class) {
        ('d', false) => "[0-9]",
        ('D', false) => "[^0-9]",
        ('w', false) => "[0-9A-Za-z_]",
        ('W', false) => "[^0-9A-Za-z_]",
        ('s', false) => "[ \\t\\n\\r\\x0B\\x0C]",
        ('S', false) => "[^ \\t\\n\\r\\x0B\\x0C]",
        ('d', true) => "0-9",
        ('D', true) => "[^0-9]",
        ('w', true) => "0-9A-Za-z_",
        ('W', true) => "[^0-9A-Za-z_]",
        ('s', true) => " \\t\\n\\r\\x0B\\x0C",
        ('S', true) => "[^ \\t\\n\\r\\x0B\\x0C]",
        _ => return None,
    })
}

/// A literal character, escaped for the regex syntax.
fn push_literal(out: &mut String, c: char) {
    if c.is_ascii_punctuation() || c.is_whitespace() || c.is_control() {
        out.push_str(&format!("\\x{{{:X}}}", c as u32));
    } else {
        out.push(c);
    }
}

/// Whether `chars[i..]` starts a valid `{m,n}` repetition; its end and the Rust form.
fn quantifier(chars: &[char], i: usize) -> Option<(usize, String)> {
    let mut j = i + 1;
    let mut lo = String::new();
    while j < chars.len() && chars[j].is_ascii_digit() {
        lo.push(chars[j]);
        j += 1;
    }
    let mut hi = None;
    if chars.get(j) == Some(&',') {
        j += 1;
        let mut h = String::new();
        while j < chars.len() && chars[j].is_ascii_digit() {
            h.push(chars[j]);
            j += 1;
        }
        hi = Some(h);
    }
    if chars.get(j) != Some(&'}') || (lo.is_empty() && hi.is_none()) {
        return None;
    }
    // Python's `{,n}` means `{0,n}`.
    let lo = if lo.is_empty() { "0".to_owned() } else { lo };
    let text = match hi {
        None => format!("{{{lo}}}"),
        Some(h) => format!("{{{lo},{h}}}"),
    };
    Some((j + 1, text))
}

/// Rewrites Python's syntax into fancy-regex's. `flags` gains the leading inline flags.
/// Verbose mode is handled here rather than with `(?x)`, because Python keeps whitespace
/// inside classes and the regex crate does not.
fn translate(src: &str, flags: &mut i64) -> Result<Translated, String> {
    let chars: Vec<char> = src.chars().collect();
    let mut i = 0;
    // Global inline flags, which Python 3.11 allows only at the start.
    while chars.get(i) == Some(&'(') && chars.get(i + 1) == Some(&'?') {
        let mut j = i + 2;
        let mut bits = 0;
        while let Some(b) = chars.get(j).copied().and_then(flag_bit) {
            bits |= b;
            j += 1;
        }
        if j == i + 2 || chars.get(j) != Some(&')') {
            break;
        }
        *flags |= bits;
        i = j + 1;
    }
    let verbose = *flags & VERBOSE != 0;
    let ascii = *flags & ASCII != 0;
    let multiline = *flags & MULTILINE != 0;
    let mut out = String::new();
    let mut stack: Vec<Option<usize>> = Vec::new();
    let mut names = Vec::new();
    let mut close_rank = vec![0];
    let mut closed = 0;
    let mut groups = 0;
    let mut in_class = false;
    while i < chars.len() {
        let c = chars[i];
        if in_class {
            match c {
                '\\' => {
                    let Some(&n) = chars.get(i + 1) else {
                        return Err(format!("bad escape (end of pattern) at position {i}"));
                    };
                    match (ascii, ascii_class(n, true)) {
                        (true, Some(s)) => out.push_str(s),
                        // In a class `\b` is a backspace.
                        _ if n == 'b' => out.push_str("\\x08"),
                        _ => {
                            out.push('\\');
                            out.push(n);
                        }
                    }
                    i += 2;
                    continue;
                }
                ']' => {
                    in_class = false;
                    out.push(']');
                }
                // Literal in Python, nesting or set operators in the regex crate.
                '[' | '&' | '~' => {
                    out.push('\\');
                    out.push(c);
                }
                _ => out.push(c),
            }
            i += 1;
            continue;
        }
        if verbose && c.is_whitespace() {
            i += 1;
            continue;
        }
        if verbose && c == '#' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        match c {
            '\\' => {
                let Some(&n) = chars.get(i + 1) else {
                    return Err(format!("bad escape (end of pattern) at position {i}"));
                };
                i += 2;
                if ascii {
                    if let Some(s) = ascii_class(n, false) {
                        out.push_str(s);
                        continue;
                    }
                }
                match n {
                    'Z' => out.push_str("\\z"),
                    '0' => {
                        // Octal escape: up to three digits.
                        let mut v = 0u32;
                        let mut k = 0;
                        while k < 2 && chars.get(i).is_some_and(|d| ('0'..='7').contains(d)) {
                            v = v * 8 + chars[i].to_digit(8).unwrap_or(0);
                            i += 1;
                            k += 1;
                        }
                        push_literal(&mut out, char::from_u32(v).unwrap_or('\0'));
                    }
                    '1'..='9' => {
                        let mut num = n.to_digit(10).unwrap_or(0) as usize;
                        if let Some(d) = chars.get(i).and_then(|d| d.to_digit(10)) {
                            num = num * 10 + d as usize;
                            i += 1;
                        }
                        if num > groups || stack.contains(&Some(num)) {
                            return Err(format!("invalid group reference {num}"));
                        }
                        // Grouped so that a following digit is not read as part of it.
                        out.push_str(&format!("(?:\\{num})"));
                    }
                    _ if n.is_ascii_alphanumeric() && !"AbBdDsSwWntrfvxuU".contains(n) => {
                        return Err(format!("bad escape \\{n} at position {}", i - 2));
                    }
                    _ => {
                        out.push('\\');
                        out.push(n);
                    }
                }
                continue;
            }
            '[' => {
                in_class = true;
                out.push('[');
                if chars.get(i + 1) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
                // A `]` first in a class is literal.
                if chars.get(i + 1) == Some(&']') {
                    out.push_str("\\]");
                    i += 1;
                }
            }
            '(' => {
                let rest: String = chars[i + 1..chars.len().min(i + 4)].iter().collect();
                if rest.starts_with("?P<") {
                    let end = chars[i..].iter().position(|&x| x == '>').map(|p| p + i);
                    let Some(end) = end else {
                        return Err(format!(
                            "missing >, unterminated name at position {}",
                            i + 3
                        ));
                    };
                    let name: String = chars[i + 4..end].iter().collect();
                    let valid = name
                        .chars()
                        .next()
                        .is_some_and(|f| f.is_alphabetic() || f == '_')
                        && name.chars().all(|x| x.is_alphanumeric() || x == '_');
                    if !valid {
                        return Err(format!(
                            "bad character in group name '{name}' at position {}",
                            i + 4
                        ));
                    }
                    if names.iter().any(|(n, _)| *n == name) {
                        return Err(format!(
                            "redefinition of group name '{name}' as group {}; was group {}",
                            groups + 1,
                            names
                                .iter()
                                .find(|(n, _)| *n == name)
                                .map_or(0, |(_, g)| *g)
                        ));
                    }
                    groups += 1;
                    close_rank.push(0);
                    names.push((name.clone(), groups));
                    stack.push(Some(groups));
                    // Plain groups: fancy-regex refuses numbered back-references next to
                    // named groups, and the names are kept here anyway.
                    out.push('(');
                    i = end + 1;
                    continue;
                } else if rest.starts_with("?P=") || rest.starts_with("?#") {
                    let Some(end) = chars[i..].iter().position(|&x| x == ')').map(|p| p + i) else {
                        return Err("missing ), unterminated comment".to_owned());
                    };
                    if rest.starts_with("?P=") {
                        let name: String = chars[i + 4..end].iter().collect();
                        let Some((_, g)) = names.iter().find(|(n, _)| *n == name) else {
                            return Err(format!("unknown group name '{name}'"));
                        };
                        out.push_str(&format!("(?:\\{g})"));
                    }
                    i = end + 1;
                    continue;
                } else if rest.starts_with('?') {
                    let next = chars.get(i + 2).copied().unwrap_or(')');
                    if matches!(next, ':' | '=' | '!' | '<' | '(') {
                        out.push_str("(?");
                        i += 2;
                        stack.push(None);
                        continue;
                    }
                    // Scoped flags `(?i:...)` or misplaced global flags `(?i)`.
                    let mut j = i + 2;
                    let mut text = String::from("(?");
                    while let Some(&f) = chars.get(j) {
                        if f == '-' || flag_bit(f).is_some() {
                            // The regex crate knows only i, m, s (and x, which is done here).
                            if "ims-".contains(f) {
                                text.push(f);
                            }
                            j += 1;
                        } else {
                            break;
                        }
                    }
                    match chars.get(j) {
                        Some(':') => {
                            if text.ends_with('-') {
                                text.pop();
                            }
                            if text == "(?" {
                                out.push_str("(?:");
                            } else {
                                out.push_str(&text);
                                out.push(':');
                            }
                            stack.push(None);
                            i = j + 1;
                            continue;
                        }
                        Some(')') if j > i + 2 => {
                            return Err(format!(
                                "global flags not at the start of the expression at position {i}"
                            ));
                        }
                        _ => {
                            return Err(format!("unknown extension ?{next} at position {}", i + 1));
                        }
                    }
                }
                groups += 1;
                close_rank.push(0);
                stack.push(Some(groups));
                out.push('(');
            }
            ')' => {
                let Some(top) = stack.pop() else {
                    return Err(format!("unbalanced parenthesis at position {i}"));
                };
                if let Some(g) = top {
                    closed += 1;
                    close_rank[g] = closed;
                }
                out.push(')');
            }
            // Python's `$` also matches before a final newline; the regex crate's does not.
            '$' if !multiline => out.push_str("(?=\\n?\\z)"),
            '{' => match quantifier(&chars, i) {
                Some((end, q)) => {
                    out.push_str(&q);
                    i = end;
                    continue;
                }
                None => out.push_str("\\{"),
            },
            '}' => out.push_str("\\}"),
            _ => out.push(c),
        }
        i += 1;
    }
    if in_class {
        return Err("unterminated character set".to_owned());
    }
    if !stack.is_empty() {
        return Err("missing ), unterminated subpattern".to_owned());
    }
    Ok(Translated {
        body: out,
        groups,
        names,
        close_rank,
    })
}

fn compile(vm: &Vm, source: Rc<Str>, flags: i64) -> PyResult<Compiled> {
    let mut all = flags;
    let t = translate(source.as_str(), &mut all).map_err(|e| error(vm, e))?;
    if all & ASCII != 0 && all & UNICODE != 0 {
        return Err(vm.value_error("ASCII and UNICODE flags are incompatible"));
    }
    if all & ASCII == 0 {
        all |= UNICODE;
    }
    let mut prefix = String::new();
    for (bit, letter) in [(IGNORECASE, 'i'), (MULTILINE, 'm'), (DOTALL, 's')] {
        if all & bit != 0 {
            prefix.push_str(&format!("(?{letter})"));
        }
    }
    let build = |text: String| Regex::new(&text).map_err(|e| error(vm, e.to_string()));
    Ok(Compiled {
        source,
        flags: all,
        search: build(format!("{prefix}{}", t.body))?,
        anchored: build(format!("{prefix}\\G(?:{})", t.body))?,
        full: build(format!("{prefix}\\G(?:{})\\z", t.body))?,
        groups: t.groups,
        names: t.names,
        close_rank: t.close_rank,
    })
}

// ---------------------------------------------------------------- helpers

/// Byte offsets to character indices; only non-ASCII text needs a table.
struct Text<'a> {
    s: &'a str,
    map: Option<Vec<usize>>,
}

impl<'a> Text<'a> {
    fn new(s: &'a str) -> Text<'a> {
        let map = (!s.is_ascii()).then(|| {
            let mut m = vec![0; s.len() + 1];
            let mut n = 0;
            for (b, _) in s.char_indices() {
                m[b] = n;
                n += 1;
            }
            m[s.len()] = n;
            m
        });
        Text { s, map }
    }

    fn char_of(&self, byte: usize) -> usize {
        self.map.as_ref().map_or(byte, |m| m[byte])
    }

    fn byte_of(&self, ch: usize) -> usize {
        match &self.map {
            None => ch.min(self.s.len()),
            Some(_) => self
                .s
                .char_indices()
                .nth(ch)
                .map_or(self.s.len(), |(b, _)| b),
        }
    }
}

fn classes(vm: &Vm) -> Rc<Classes> {
    CLASSES.with(|c| {
        if let Some(c) = &*c.borrow() {
            return c.clone();
        }
        let make = |name: &str, layout, base: &Rc<Type>| {
            let t = Rc::new(Type::new_builtin(name, layout, vec![base.clone()]));
            *t.module.borrow_mut() = Rc::new(Str::new("re"));
            t
        };
        let made = Rc::new(Classes {
            pattern: make("Pattern", Layout::Builtin, &vm.types.object),
            match_: make("Match", Layout::Builtin, &vm.types.object),
            error: make("error", Layout::Exception, &vm.types.exception),
        });
        install_pattern(&made.pattern);
        install_match(&made.match_);
        *c.borrow_mut() = Some(made.clone());
        made
    })
}

fn pattern_data<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Compiled> {
    v.downcast::<Compiled>()
        .ok_or_else(|| vm.type_error("descriptor requires a 're.Pattern' object"))
}

fn match_data<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a MatchData> {
    v.downcast::<MatchData>()
        .ok_or_else(|| vm.type_error("descriptor requires a 're.Match' object"))
}

/// Positional argument `i` or keyword `name`.
fn arg<'a>(a: &'a [Value], k: Kwargs<'a>, i: usize, name: &str) -> Option<&'a Value> {
    a.get(i).or_else(|| kwarg(k, name))
}

fn int_arg(vm: &Vm, v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        None | Some(Value::None) => Ok(default),
        Some(v) => vm.to_index(v),
    }
}

fn string_arg(vm: &Vm, v: Option<&Value>, func: &str) -> PyResult<Rc<Str>> {
    match v {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(other) => Err(vm.type_error(format!(
            "expected string or bytes-like object, got '{}'",
            vm.type_name(other)
        ))),
        None => Err(vm.type_error(format!("{func}() missing required argument 'string'"))),
    }
}

/// The pattern object for a module-level call: a compiled one as is, a string compiled
/// (through the cache).
fn get_pattern(vm: &Vm, p: Option<&Value>, flags: i64) -> PyResult<Value> {
    match p {
        Some(v @ Value::Opaque(o)) if o.downcast::<Compiled>().is_some() => {
            if flags != 0 {
                return Err(vm.value_error("cannot process flags argument with a compiled pattern"));
            }
            Ok(v.clone())
        }
        Some(Value::Str(s)) => {
            let key = (s.as_str().to_owned(), flags);
            if let Some(v) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
                return Ok(v);
            }
            let compiled = compile(vm, s.clone(), flags)?;
            let v = Value::Opaque(Rc::new(Opaque {
                class: classes(vm).pattern.clone(),
                data: Box::new(compiled),
            }));
            CACHE.with(|c| {
                let mut c = c.borrow_mut();
                if c.len() >= 512 {
                    c.clear();
                }
                c.insert(key, v.clone());
            });
            Ok(v)
        }
        Some(other) => Err(vm.type_error(format!(
            "first argument must be string or compiled pattern, not {}",
            vm.type_name(other)
        ))),
        None => Err(vm.type_error("missing required argument 'pattern'")),
    }
}

fn run<'t>(vm: &Vm, re: &Regex, text: &'t str, pos: usize) -> PyResult<Option<Captures<'t>>> {
    re.captures_from_pos(text, pos)
        .map_err(|e| error(vm, e.to_string()))
}

/// Calls `f` for each match from `pos`, at most `limit` (0: all), skipping an empty match
/// where the previous match ended, as CPython does since 3.7.
fn each_match<'t>(
    vm: &Vm,
    re: &Regex,
    text: &'t str,
    mut pos: usize,
    limit: usize,
    mut f: impl FnMut(&Captures<'t>) -> PyResult<()>,
) -> PyResult<()> {
    let mut count = 0;
    let mut must_advance = false;
    while pos <= text.len() && (limit == 0 || count < limit) {
        let Some(caps) = run(vm, re, text, pos)? else {
            break;
        };
        let Some(m) = caps.get(0) else { break };
        if must_advance && m.start() == pos && m.end() == pos {
            match text[pos..].chars().next() {
                Some(c) => {
                    pos += c.len_utf8();
                    must_advance = false;
                    continue;
                }
                None => break,
            }
        }
        f(&caps)?;
        count += 1;
        must_advance = m.start() == m.end();
        pos = m.end();
    }
    Ok(())
}

fn new_match(
    vm: &Vm,
    pattern: &Value,
    string: &Rc<Str>,
    text: &Text,
    caps: &Captures,
    pos: usize,
    endpos: usize,
) -> Value {
    let spans = (0..caps.len())
        .map(|g| {
            caps.get(g)
                .map(|m| (text.char_of(m.start()), text.char_of(m.end())))
        })
        .collect();
    Value::Opaque(Rc::new(Opaque {
        class: classes(vm).match_.clone(),
        data: Box::new(MatchData {
            pattern: pattern.clone(),
            string: string.clone(),
            spans,
            pos,
            endpos,
        }),
    }))
}

/// The `pos` and `endpos` of a search call, in characters, clamped as CPython does.
fn bounds(
    vm: &Vm,
    s: &Rc<Str>,
    pos: Option<&Value>,
    endpos: Option<&Value>,
) -> PyResult<(usize, usize)> {
    let len = s.char_len() as i64;
    let clamp = |v: i64| v.clamp(0, len) as usize;
    let pos = clamp(int_arg(vm, pos, 0)?);
    let endpos = clamp(int_arg(vm, endpos, len)?);
    Ok((pos, endpos.max(pos)))
}

#[derive(Clone, Copy)]
enum Mode {
    Match,
    Search,
    Full,
}

fn do_search(
    vm: &Vm,
    pat: &Value,
    s: Rc<Str>,
    pos: Option<&Value>,
    endpos: Option<&Value>,
    mode: Mode,
) -> PyResult<Value> {
    let c = pattern_data(vm, pat)?;
    let (pos, endpos) = bounds(vm, &s, pos, endpos)?;
    let text = Text::new(s.as_str());
    let cut = &s.as_str()[..text.byte_of(endpos)];
    let re = match mode {
        Mode::Match => &c.anchored,
        Mode::Search => &c.search,
        Mode::Full => &c.full,
    };
    Ok(match run(vm, re, cut, text.byte_of(pos))? {
        Some(caps) => new_match(vm, pat, &s, &text, &caps, pos, endpos),
        None => Value::None,
    })
}

fn group_str(text: &str, caps: &Captures, g: usize, default: &Value) -> Value {
    caps.get(g)
        .map_or_else(|| default.clone(), |m| Value::str(&text[m.range()]))
}

fn do_findall(
    vm: &Vm,
    pat: &Value,
    s: Rc<Str>,
    pos: Option<&Value>,
    endpos: Option<&Value>,
    iter: bool,
) -> PyResult<Value> {
    let c = pattern_data(vm, pat)?;
    let (pos, endpos) = bounds(vm, &s, pos, endpos)?;
    let text = Text::new(s.as_str());
    let cut = &s.as_str()[..text.byte_of(endpos)];
    let mut out = Vec::new();
    let empty = Value::str("");
    each_match(vm, &c.search, cut, text.byte_of(pos), 0, |caps| {
        out.push(if iter {
            new_match(vm, pat, &s, &text, caps, pos, endpos)
        } else if c.groups == 0 {
            group_str(cut, caps, 0, &empty)
        } else if c.groups == 1 {
            group_str(cut, caps, 1, &empty)
        } else {
            Value::tuple(
                (1..=c.groups)
                    .map(|g| group_str(cut, caps, g, &empty))
                    .collect(),
            )
        });
        Ok(())
    })?;
    let list = Value::list(out);
    if iter {
        vm.iter(&list)
    } else {
        Ok(list)
    }
}

fn do_split(vm: &Vm, pat: &Value, s: Rc<Str>, maxsplit: i64) -> PyResult<Value> {
    let c = pattern_data(vm, pat)?;
    let text = s.as_str();
    let mut out = Vec::new();
    let mut last = 0;
    if maxsplit >= 0 {
        each_match(vm, &c.search, text, 0, maxsplit as usize, |caps| {
            let Some(m) = caps.get(0) else { return Ok(()) };
            out.push(Value::str(&text[last..m.start()]));
            for g in 1..=c.groups {
                out.push(group_str(text, caps, g, &Value::None));
            }
            last = m.end();
            Ok(())
        })?;
    }
    out.push(Value::str(&text[last..]));
    Ok(Value::list(out))
}

/// A parsed replacement template.
enum Piece {
    Lit(String),
    Group(usize),
}

fn group_index(vm: &Vm, c: &Compiled, name: &str) -> PyResult<usize> {
    let g = match name.parse::<usize>() {
        Ok(n) => Some(n),
        Err(_) => c.names.iter().find(|(n, _)| n == name).map(|(_, g)| *g),
    };
    match g {
        Some(g) if g <= c.groups => Ok(g),
        Some(g) => Err(error(vm, format!("invalid group reference {g}"))),
        None if name.is_empty() => Err(error(vm, "missing group name")),
        None => Err(vm.index_error(format!("unknown group name '{name}'"))),
    }
}

fn parse_template(vm: &Vm, c: &Compiled, t: &str) -> PyResult<Vec<Piece>> {
    let chars: Vec<char> = t.chars().collect();
    let mut out = Vec::new();
    let mut lit = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '\\' {
            lit.push(chars[i]);
            i += 1;
            continue;
        }
        let Some(&n) = chars.get(i + 1) else {
            return Err(error(
                vm,
                format!("bad escape (end of pattern) at position {i}"),
            ));
        };
        i += 2;
        let group = match n {
            'g' => {
                let close = chars[i..].iter().position(|&x| x == '>').map(|p| p + i);
                let (Some('<'), Some(close)) = (chars.get(i), close) else {
                    return Err(error(vm, format!("missing < at position {i}")));
                };
                let name: String = chars[i + 1..close].iter().collect();
                i = close + 1;
                Some(group_index(vm, c, &name)?)
            }
            '0' => {
                let mut v = 0;
                let mut k = 0;
                while k < 2 && chars.get(i).is_some_and(|d| ('0'..='7').contains(d)) {
                    v = v * 8 + chars[i].to_digit(8).unwrap_or(0);
                    i += 1;
                    k += 1;
                }
                lit.push(char::from_u32(v).unwrap_or('\0'));
                None
            }
            '1'..='9' => {
                let mut num = n.to_digit(10).unwrap_or(0) as usize;
                if let Some(d) = chars.get(i).and_then(|d| d.to_digit(10)) {
                    num = num * 10 + d as usize;
                    i += 1;
                }
                if num > c.groups {
                    return Err(error(
                        vm,
                        format!("invalid group reference {num} at position {}", i - 2),
                    ));
                }
                Some(num)
            }
            'n' | 't' | 'r' | 'f' | 'v' | 'a' | 'b' | '\\' => {
                lit.push(match n {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    'f' => '\x0c',
                    'v' => '\x0b',
                    'a' => '\x07',
                    'b' => '\x08',
                    _ => '\\',
                });
                None
            }
            _ if n.is_ascii_alphabetic() => {
                return Err(error(vm, format!("bad escape \\{n} at position {}", i - 2)));
            }
            _ => {
                lit.push('\\');
                lit.push(n);
                None
            }
        };
        if let Some(g) = group {
            if !lit.is_empty() {
                out.push(Piece::Lit(std::mem::take(&mut lit)));
            }
            out.push(Piece::Group(g));
        }
    }
    if !lit.is_empty() {
        out.push(Piece::Lit(lit));
    }
    Ok(out)
}

fn expand_into(out: &mut String, text: &str, caps: &Captures, pieces: &[Piece]) {
    for p in pieces {
        match p {
            Piece::Lit(s) => out.push_str(s),
            Piece::Group(g) => {
                if let Some(m) = caps.get(*g) {
                    out.push_str(&text[m.range()]);
                }
            }
        }
    }
}

fn do_sub(
    vm: &Vm,
    pat: &Value,
    repl: &Value,
    s: Rc<Str>,
    count: i64,
    with_n: bool,
) -> PyResult<Value> {
    let c = pattern_data(vm, pat)?;
    let template = match repl {
        Value::Str(t) => Some(parse_template(vm, c, t.as_str())?),
        _ => None,
    };
    let text = s.as_str();
    let table = Text::new(text);
    let mut out = String::new();
    let mut last = 0;
    let mut n = 0;
    if count >= 0 {
        each_match(vm, &c.search, text, 0, count as usize, |caps| {
            let Some(m) = caps.get(0) else { return Ok(()) };
            out.push_str(&text[last..m.start()]);
            match &template {
                Some(t) => expand_into(&mut out, text, caps, t),
                None => {
                    let len = text.chars().count();
                    let mv = new_match(vm, pat, &s, &table, caps, 0, len);
                    match vm.call(repl, &[mv], &[])? {
                        Value::Str(r) => out.push_str(r.as_str()),
                        other => {
                            return Err(vm.type_error(format!(
                                "expected str instance, {} found",
                                vm.type_name(&other)
                            )))
                        }
                    }
                }
            }
            last = m.end();
            n += 1;
            Ok(())
        })?;
    }
    out.push_str(&text[last..]);
    let result = Value::string(out);
    Ok(if with_n {
        Value::tuple(vec![result, Value::Int(n)])
    } else {
        result
    })
}

fn flags_repr(flags: i64) -> String {
    let names = [
        (IGNORECASE, "re.IGNORECASE"),
        (LOCALE, "re.LOCALE"),
        (MULTILINE, "re.MULTILINE"),
        (DOTALL, "re.DOTALL"),
        (VERBOSE, "re.VERBOSE"),
        (ASCII, "re.ASCII"),
    ];
    names
        .iter()
        .filter(|(b, _)| flags & b != 0)
        .map(|(_, n)| *n)
        .collect::<Vec<_>>()
        .join("|")
}

// ---------------------------------------------------------------- Pattern

fn install_pattern(t: &Rc<Type>) {
    let getter = |name, f: NativeFn| property(t, name, f, None, None);
    getter("pattern", |vm, a, _| {
        Ok(Value::Str(pattern_data(vm, this(a))?.source.clone()))
    });
    getter("flags", |vm, a, _| {
        Ok(Value::Int(pattern_data(vm, this(a))?.flags))
    });
    getter("groups", |vm, a, _| {
        Ok(Value::Int(pattern_data(vm, this(a))?.groups as i64))
    });
    getter("groupindex", |vm, a, _| {
        let d = Dict::new();
        for (n, g) in &pattern_data(vm, this(a))?.names {
            d.insert(vm, Value::str(n), Value::Int(*g as i64))?;
        }
        Ok(Value::Dict(Rc::new(d)))
    });
    method(t, "__repr__", pattern_repr);
    method(t, "__str__", pattern_repr);
    method(t, "match", |vm, a, k| pattern_search(vm, a, k, Mode::Match));
    method(t, "search", |vm, a, k| {
        pattern_search(vm, a, k, Mode::Search)
    });
    method(t, "fullmatch", |vm, a, k| {
        pattern_search(vm, a, k, Mode::Full)
    });
    method(t, "findall", |vm, a, k| {
        let s = string_arg(vm, arg(a, k, 1, "string"), "findall")?;
        do_findall(
            vm,
            this(a),
            s,
            arg(a, k, 2, "pos"),
            arg(a, k, 3, "endpos"),
            false,
        )
    });
    method(t, "finditer", |vm, a, k| {
        let s = string_arg(vm, arg(a, k, 1, "string"), "finditer")?;
        do_findall(
            vm,
            this(a),
            s,
            arg(a, k, 2, "pos"),
            arg(a, k, 3, "endpos"),
            true,
        )
    });
    method(t, "sub", |vm, a, k| pattern_sub(vm, a, k, false));
    method(t, "subn", |vm, a, k| pattern_sub(vm, a, k, true));
    method(t, "split", |vm, a, k| {
        let s = string_arg(vm, arg(a, k, 1, "string"), "split")?;
        let maxsplit = int_arg(vm, arg(a, k, 2, "maxsplit"), 0)?;
        do_split(vm, this(a), s, maxsplit)
    });
}

fn pattern_repr(vm: &Vm, a: &[Value], _: Kwargs) -> PyResult<Value> {
    let c = pattern_data(vm, this(a))?;
    let f = flags_repr(c.flags);
    let sep = if f.is_empty() { "" } else { ", " };
    Ok(Value::string(format!(
        "re.compile({}{sep}{f})",
        str_repr(c.source.as_str())
    )))
}

fn pattern_search(vm: &Vm, a: &[Value], k: Kwargs, mode: Mode) -> PyResult<Value> {
    let s = string_arg(vm, arg(a, k, 1, "string"), "match")?;
    do_search(
        vm,
        this(a),
        s,
        arg(a, k, 2, "pos"),
        arg(a, k, 3, "endpos"),
        mode,
    )
}

fn pattern_sub(vm: &Vm, a: &[Value], k: Kwargs, with_n: bool) -> PyResult<Value> {
    let Some(repl) = arg(a, k, 1, "repl") else {
        return Err(vm.type_error("sub() missing required argument 'repl'"));
    };
    let s = string_arg(vm, arg(a, k, 2, "string"), "sub")?;
    let count = int_arg(vm, arg(a, k, 3, "count"), 0)?;
    do_sub(vm, this(a), repl, s, count, with_n)
}

// ---------------------------------------------------------------- Match

/// The group number `g` names (an int or a group name).
fn match_group_index(vm: &Vm, m: &MatchData, g: Option<&Value>) -> PyResult<usize> {
    let c = pattern_data(vm, &m.pattern)?;
    let found = match g {
        None => Some(0),
        Some(Value::Int(i)) => usize::try_from(*i).ok().filter(|&i| i <= c.groups),
        Some(Value::Bool(b)) => Some(b.get() as usize),
        Some(Value::Str(s)) => c
            .names
            .iter()
            .find(|(n, _)| n == s.as_str())
            .map(|(_, g)| *g),
        Some(_) => None,
    };
    found.ok_or_else(|| vm.index_error("no such group"))
}

fn match_group(vm: &Vm, m: &MatchData, g: Option<&Value>, default: &Value) -> PyResult<Value> {
    let i = match_group_index(vm, m, g)?;
    Ok(match m.spans.get(i).copied().flatten() {
        Some((s, e)) => Value::str(m.string.char_slice(s, e)),
        None => default.clone(),
    })
}

fn span_of(vm: &Vm, a: &[Value]) -> PyResult<(i64, i64)> {
    let m = match_data(vm, this(a))?;
    let i = match_group_index(vm, m, a.get(1))?;
    Ok(match m.spans.get(i).copied().flatten() {
        Some((s, e)) => (s as i64, e as i64),
        None => (-1, -1),
    })
}

/// CPython's `lastindex`: the matched group whose `)` closed last.
fn lastindex(vm: &Vm, m: &MatchData) -> PyResult<Option<usize>> {
    let c = pattern_data(vm, &m.pattern)?;
    let mut best: Option<(usize, usize, usize)> = None;
    for (g, span) in m.spans.iter().enumerate().skip(1) {
        if let Some((_, end)) = span {
            let key = (*end, c.close_rank.get(g).copied().unwrap_or(0), g);
            if best.is_none_or(|b| (key.0, key.1) > (b.0, b.1)) {
                best = Some(key);
            }
        }
    }
    Ok(best.map(|b| b.2))
}

fn install_match(t: &Rc<Type>) {
    let getter = |name, f: NativeFn| property(t, name, f, None, None);
    getter("string", |vm, a, _| {
        Ok(Value::Str(match_data(vm, this(a))?.string.clone()))
    });
    getter("re", |vm, a, _| {
        Ok(match_data(vm, this(a))?.pattern.clone())
    });
    getter("pos", |vm, a, _| {
        Ok(Value::Int(match_data(vm, this(a))?.pos as i64))
    });
    getter("endpos", |vm, a, _| {
        Ok(Value::Int(match_data(vm, this(a))?.endpos as i64))
    });
    getter("lastindex", |vm, a, _| {
        Ok(lastindex(vm, match_data(vm, this(a))?)?.map_or(Value::None, |g| Value::Int(g as i64)))
    });
    getter("lastgroup", |vm, a, _| {
        let m = match_data(vm, this(a))?;
        let c = pattern_data(vm, &m.pattern)?;
        let g = lastindex(vm, m)?;
        Ok(c.names
            .iter()
            .find(|(_, i)| Some(*i) == g)
            .map_or(Value::None, |(n, _)| Value::str(n)))
    });
    method(t, "group", |vm, a, _| {
        let m = match_data(vm, this(a))?;
        if a.len() <= 2 {
            return match_group(vm, m, a.get(1), &Value::None);
        }
        let items = a[1..]
            .iter()
            .map(|g| match_group(vm, m, Some(g), &Value::None))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(Value::tuple(items))
    });
    method(t, "__getitem__", |vm, a, _| {
        match_group(vm, match_data(vm, this(a))?, a.get(1), &Value::None)
    });
    method(t, "groups", |vm, a, k| {
        let m = match_data(vm, this(a))?;
        let default = arg(a, k, 1, "default").cloned().unwrap_or(Value::None);
        let items = (1..m.spans.len())
            .map(|g| match_group(vm, m, Some(&Value::Int(g as i64)), &default))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(Value::tuple(items))
    });
    method(t, "groupdict", |vm, a, k| {
        let m = match_data(vm, this(a))?;
        let default = arg(a, k, 1, "default").cloned().unwrap_or(Value::None);
        let d = Dict::new();
        for (n, g) in &pattern_data(vm, &m.pattern)?.names {
            let v = match_group(vm, m, Some(&Value::Int(*g as i64)), &default)?;
            d.insert(vm, Value::str(n), v)?;
        }
        Ok(Value::Dict(Rc::new(d)))
    });
    method(t, "start", |vm, a, _| Ok(Value::Int(span_of(vm, a)?.0)));
    method(t, "end", |vm, a, _| Ok(Value::Int(span_of(vm, a)?.1)));
    method(t, "span", |vm, a, _| {
        let (s, e) = span_of(vm, a)?;
        Ok(Value::tuple(vec![Value::Int(s), Value::Int(e)]))
    });
    method(t, "expand", |vm, a, _| {
        let m = match_data(vm, this(a))?;
        let c = pattern_data(vm, &m.pattern)?;
        let t = str_arg(vm, "expand", a.get(1).unwrap_or(&Value::None))?;
        let mut out = String::new();
        for p in parse_template(vm, c, t.as_str())? {
            match p {
                Piece::Lit(s) => out.push_str(&s),
                Piece::Group(g) => {
                    if let Some(Some((s, e))) = m.spans.get(g) {
                        out.push_str(m.string.char_slice(*s, *e));
                    }
                }
            }
        }
        Ok(Value::string(out))
    });
    method(t, "__bool__", |_, _, _| Ok(Value::bool(true)));
    method(t, "__repr__", match_repr);
    method(t, "__str__", match_repr);
}

fn match_repr(vm: &Vm, a: &[Value], _: Kwargs) -> PyResult<Value> {
    {
        let m = match_data(vm, this(a))?;
        let (s, e) = m.spans[0].unwrap_or((0, 0));
        Ok(Value::string(format!(
            "<re.Match object; span=({s}, {e}), match={}>",
            str_repr(m.string.char_slice(s, e))
        )))
    }
}

// ---------------------------------------------------------------- module

fn module_flags(vm: &Vm, a: &[Value], k: Kwargs, i: usize) -> PyResult<i64> {
    int_arg(vm, arg(a, k, i, "flags"), 0)
}

fn module_search(vm: &Vm, a: &[Value], k: Kwargs, mode: Mode) -> PyResult<Value> {
    let p = get_pattern(vm, arg(a, k, 0, "pattern"), module_flags(vm, a, k, 2)?)?;
    let s = string_arg(vm, arg(a, k, 1, "string"), "match")?;
    do_search(vm, &p, s, None, None, mode)
}

fn module_sub(vm: &Vm, a: &[Value], k: Kwargs, with_n: bool) -> PyResult<Value> {
    let p = get_pattern(vm, arg(a, k, 0, "pattern"), module_flags(vm, a, k, 4)?)?;
    let Some(repl) = arg(a, k, 1, "repl") else {
        return Err(vm.type_error("sub() missing required argument 'repl'"));
    };
    let s = string_arg(vm, arg(a, k, 2, "string"), "sub")?;
    let count = int_arg(vm, arg(a, k, 3, "count"), 0)?;
    do_sub(vm, &p, repl, s, count, with_n)
}

pub fn module(vm: &Vm) -> Rc<Module> {
    let m = native_module(
        "re",
        &[
            ("compile", |vm, a, k| {
                get_pattern(vm, arg(a, k, 0, "pattern"), module_flags(vm, a, k, 1)?)
            }),
            ("match", |vm, a, k| module_search(vm, a, k, Mode::Match)),
            ("search", |vm, a, k| module_search(vm, a, k, Mode::Search)),
            ("fullmatch", |vm, a, k| module_search(vm, a, k, Mode::Full)),
            ("findall", |vm, a, k| {
                let p = get_pattern(vm, arg(a, k, 0, "pattern"), module_flags(vm, a, k, 2)?)?;
                let s = string_arg(vm, arg(a, k, 1, "string"), "findall")?;
                do_findall(vm, &p, s, None, None, false)
            }),
            ("finditer", |vm, a, k| {
                let p = get_pattern(vm, arg(a, k, 0, "pattern"), module_flags(vm, a, k, 2)?)?;
                let s = string_arg(vm, arg(a, k, 1, "string"), "finditer")?;
                do_findall(vm, &p, s, None, None, true)
            }),
            ("sub", |vm, a, k| module_sub(vm, a, k, false)),
            ("subn", |vm, a, k| module_sub(vm, a, k, true)),
            ("split", |vm, a, k| {
                let p = get_pattern(vm, arg(a, k, 0, "pattern"), module_flags(vm, a, k, 3)?)?;
                let s = string_arg(vm, arg(a, k, 1, "string"), "split")?;
                do_split(vm, &p, s, int_arg(vm, arg(a, k, 2, "maxsplit"), 0)?)
            }),
            ("escape", |vm, a, k| {
                let s = str_arg(
                    vm,
                    "escape",
                    arg(a, k, 0, "pattern").unwrap_or(&Value::None),
                )?;
                let mut out = String::new();
                for c in s.as_str().chars() {
                    // CPython 3.7+ escapes only the special characters.
                    if "()[]{}?*+-|^$\\.&~# \t\n\r\x0b\x0c".contains(c) {
                        out.push('\\');
                    }
                    out.push(c);
                }
                Ok(Value::string(out))
            }),
            ("purge", |_, _, _| {
                CACHE.with(|c| c.borrow_mut().clear());
                Ok(Value::None)
            }),
        ],
    );
    let c = classes(vm);
    m.set("error", Value::Type(c.error.clone()));
    m.set("Pattern", Value::Type(c.pattern.clone()));
    m.set("Match", Value::Type(c.match_.clone()));
    for (names, v) in [
        (&["NOFLAG"][..], 0),
        (&["IGNORECASE", "I"], IGNORECASE),
        (&["LOCALE", "L"], LOCALE),
        (&["MULTILINE", "M"], MULTILINE),
        (&["DOTALL", "S"], DOTALL),
        (&["UNICODE", "U"], UNICODE),
        (&["VERBOSE", "X"], VERBOSE),
        (&["ASCII", "A"], ASCII),
    ] {
        for n in names {
            m.set(n, Value::Int(v));
        }
    }
    m
}

/// The receiver; None (rejected by the data accessors) when a method is called unbound
/// without arguments, so that `re.Pattern.match()` raises instead of panicking.
fn this(a: &[Value]) -> &Value {
    a.first().unwrap_or(&Value::None)
}
