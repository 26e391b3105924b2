//! Iteration: the built-in iterator objects and the `iter()`/`next()` protocol.

use super::{PyResult, Vm};
use crate::script::object::{Dict, Str, Type, Value};
use std::cell::RefCell;
use std::rc::Rc;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DictPart {
    Keys,
    Values,
    Items,
}

pub enum IterState {
    /// Over a list, tuple, str or bytes, by index (a list may grow while iterated).
    Seq {
        seq: Value,
        index: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    /// Over a range whose values need big ints: `left` values remain.
    BigRange {
        next: num_bigint::BigInt,
        left: num_bigint::BigInt,
        step: num_bigint::BigInt,
    },
    /// Over a dict's or set's table.
    Table {
        owner: Value,
        slot: usize,
        version: u64,
        part: DictPart,
    },
    Reversed {
        seq: Value,
        index: usize,
    },
    Enumerate {
        inner: Value,
        count: i64,
    },
    Zip {
        inners: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        inners: Vec<Value>,
    },
    Filter {
        func: Value,
        inner: Value,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        func: Value,
        sentinel: Value,
    },
    /// A re-iterable dict view (`d.keys()`, `d.values()`, `d.items()`).
    View {
        dict: Rc<Dict>,
        part: DictPart,
    },
    Exhausted,
}

/// A built-in iterator (or dict view).
pub struct Iter {
    pub state: RefCell<IterState>,
    kind: IterKind,
}

impl Iter {
    // Returns the `Value` wrapping the iterator: that is all callers ever want.
    #[allow(clippy::new_ret_no_self)]
    pub fn new(state: IterState) -> Value {
        Value::Iter(Rc::new(Iter {
            kind: IterKind::of(&state),
            state: RefCell::new(state),
        }))
    }

    pub fn class<'t>(&self, types: &'t super::Types) -> &'t Rc<Type> {
        use IterKind as K;
        match self.kind {
            K::DictView(DictPart::Keys) => &types.dict_keys,
            K::DictView(DictPart::Values) => &types.dict_values,
            K::DictView(DictPart::Items) => &types.dict_items,
            K::DictIter(DictPart::Keys) => &types.dict_keyiterator,
            K::DictIter(DictPart::Values) => &types.dict_valueiterator,
            K::DictIter(DictPart::Items) => &types.dict_itemiterator,
            K::List => &types.list_iterator,
            K::Tuple => &types.tuple_iterator,
            K::AsciiStr => &types.str_ascii_iterator,
            K::Str => &types.str_iterator,
            K::Bytes => &types.bytes_iterator,
            K::Range => &types.range_iterator,
            K::BigRange => &types.longrange_iterator,
            K::Set => &types.set_iterator,
            K::ListReversed => &types.list_reverseiterator,
            K::Reversed => &types.reversed,
            K::Enumerate => &types.enumerate,
            K::Zip => &types.zip,
            K::Map => &types.map,
            K::Filter => &types.filter,
            K::Callable => &types.callable_iterator,
            K::Other => &types.iterator,
        }
    }
}

/// Which built-in type an iterator is, fixed when it is made (its state may later be
/// `Exhausted`, but its type stays).
#[derive(Clone, Copy)]
enum IterKind {
    DictView(DictPart),
    DictIter(DictPart),
    List,
    Tuple,
    AsciiStr,
    Str,
    Bytes,
    Range,
    BigRange,
    Set,
    ListReversed,
    Reversed,
    Enumerate,
    Zip,
    Map,
    Filter,
    Callable,
    Other,
}

impl IterKind {
    fn of(state: &IterState) -> IterKind {
        use IterKind as K;
        match state {
            IterState::View { part, .. } => K::DictView(*part),
            IterState::Seq { seq, .. } => match seq {
                Value::List(_) => K::List,
                Value::Tuple(_) => K::Tuple,
                Value::Str(s) if s.is_ascii() => K::AsciiStr,
                Value::Str(_) => K::Str,
                Value::Bytes(_) => K::Bytes,
                _ => K::Other,
            },
            IterState::Range { .. } => K::Range,
            IterState::BigRange { .. } => K::BigRange,
            IterState::Table {
                owner: Value::Set(_),
                ..
            } => K::Set,
            IterState::Table { part, .. } => K::DictIter(*part),
            IterState::Reversed { seq, .. } => match seq {
                Value::List(_) => K::ListReversed,
                Value::Range(_) => K::Range,
                _ => K::Reversed,
            },
            IterState::Enumerate { .. } => K::Enumerate,
            IterState::Zip { .. } => K::Zip,
            IterState::Map { .. } => K::Map,
            IterState::Filter { .. } => K::Filter,
            IterState::Callable { .. } => K::Callable,
            IterState::Exhausted => K::Other,
        }
    }
}

impl Vm {
    /// `iter(v)`.
    pub fn iter(&self, v: &Value) -> PyResult<Value> {
        use Value::*;
        Ok(match v {
            List(_) | Tuple(_) | Str(_) | Bytes(_) => self::Iter::new(IterState::Seq {
                seq: v.clone(),
                index: 0,
            }),
            Range(r) => match &r.big {
                Some(b) => self::Iter::new(IterState::BigRange {
                    next: b.start.clone(),
                    left: b.len(),
                    step: b.step.clone(),
                }),
                Option::None => self::Iter::new(IterState::Range {
                    next: r.start,
                    stop: r.stop,
                    step: r.step,
                }),
            },
            Dict(d) => self::Iter::new(IterState::Table {
                owner: v.clone(),
                slot: 0,
                version: d.version(),
                part: DictPart::Keys,
            }),
            Set(s) => self::Iter::new(IterState::Table {
                owner: v.clone(),
                slot: 0,
                version: s.version(),
                part: DictPart::Keys,
            }),
            Generator(_) => v.clone(),
            Value::Iter(it) => {
                let view = match &*it.state.borrow() {
                    IterState::View { dict, part } => Some((dict.clone(), *part)),
                    _ => Option::None,
                };
                match view {
                    Some((dict, part)) => self::Iter::new(IterState::Table {
                        version: dict.version(),
                        owner: Value::Dict(dict),
                        slot: 0,
                        part,
                    }),
                    Option::None => v.clone(),
                }
            }
            Instance(_) | Opaque(_) => {
                if let Some(m) = self.lookup_special(v, &self.names.iter) {
                    let it = self.call_bound(&m, v, &[])?;
                    if self.lookup_special(&it, &self.names.next).is_none()
                        && !matches!(it, Value::Iter(_) | Generator(_))
                    {
                        return Err(self.type_error(format!(
                            "iter() returned non-iterator of type '{}'",
                            self.type_name(&it)
                        )));
                    }
                    return Ok(it);
                }
                if self.lookup_special(v, &self.names.getitem).is_some() {
                    return Ok(self::Iter::new(IterState::Seq {
                        seq: v.clone(),
                        index: 0,
                    }));
                }
                if let Instance(i) = v {
                    let base = i.base.borrow().clone();
                    if !base.is_undefined() {
                        return self.iter(&base);
                    }
                }
                return Err(self.not_iterable(v));
            }
            _ => return Err(self.not_iterable(v)),
        })
    }

    #[cold]
    pub fn not_iterable(&self, v: &Value) -> super::Exc {
        self.type_error(format!("'{}' object is not iterable", self.type_name(v)))
    }

    /// `next(it)`: `None` when exhausted.
    pub fn next(&self, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Iter(i) => self.iter_next(i),
            Value::Generator(g) => self.generator_next(g),
            _ => {
                let Some(m) = self.lookup_special(it, &self.names.next) else {
                    return Err(self.type_error(format!(
                        "'{}' object is not an iterator",
                        self.type_name(it)
                    )));
                };
                match self.call_bound(&m, it, &[]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if e.class().is_subtype(&self.types.stop_iteration) => Ok(None),
                    Err(e) => Err(e),
                }
            }
        }
    }

    pub fn iter_next(&self, it: &Iter) -> PyResult<Option<Value>> {
        let mut st = it.state.borrow_mut();
        let out = match &mut *st {
            IterState::Seq { seq, index } => {
                let i = *index;
                let item = match seq {
                    Value::List(l) => l.get(i),
                    Value::Tuple(t) => t.items.get(i).cloned(),
                    // For text the index is a byte offset: stepping by characters keeps
                    // iteration over non-ASCII text linear.
                    Value::Str(s) => s
                        .as_str()
                        .get(i..)
                        .and_then(|rest| rest.chars().next())
                        .map(|c| {
                            *index += c.len_utf8() - 1;
                            Value::char(c)
                        }),
                    Value::Bytes(b) => b.data.borrow().get(i).map(|x| Value::Int(*x as i64)),
                    other => {
                        // The old sequence protocol: `__getitem__` until IndexError.
                        let other = other.clone();
                        drop(st);
                        return match self.get_item(&other, &Value::Int(i as i64)) {
                            Ok(v) => {
                                if let IterState::Seq { index, .. } = &mut *it.state.borrow_mut() {
                                    *index += 1;
                                }
                                Ok(Some(v))
                            }
                            Err(e)
                                if e.class().is_subtype(&self.types.index_error)
                                    || e.class().is_subtype(&self.types.stop_iteration) =>
                            {
                                *it.state.borrow_mut() = IterState::Exhausted;
                                Ok(None)
                            }
                            Err(e) => Err(e),
                        };
                    }
                };
                *index += 1;
                item
            }
            IterState::Range { next, stop, step } => {
                let n = *next;
                if (*step > 0 && n < *stop) || (*step < 0 && n > *stop) {
                    *next = n.saturating_add(*step);
                    Some(Value::Int(n))
                } else {
                    None
                }
            }
            IterState::Table {
                owner,
                slot,
                version,
                part,
            } => {
                let (current, slots) = match owner {
                    Value::Dict(d) => (d.version(), d.slots()),
                    Value::Set(s) => (s.version(), s.slots()),
                    _ => return Ok(None),
                };
                if current != *version {
                    let what = if matches!(owner, Value::Set(_)) {
                        "set"
                    } else {
                        "dictionary"
                    };
                    *st = IterState::Exhausted;
                    return Err(self.runtime_error(format!("{what} changed size during iteration")));
                }
                let mut found = None;
                while *slot < slots {
                    let s = *slot;
                    *slot += 1;
                    let entry = match owner {
                        Value::Dict(d) => d.entry_at(s),
                        Value::Set(set) => set.key_at(s).map(|k| (k, Value::None)),
                        _ => None,
                    };
                    if let Some((k, v)) = entry {
                        found = Some(match part {
                            DictPart::Keys => k,
                            DictPart::Values => v,
                            DictPart::Items => Value::tuple(vec![k, v]),
                        });
                        break;
                    }
                }
                found
            }
            IterState::BigRange { next, left, step } => {
                if *left <= num_bigint::BigInt::from(0) {
                    None
                } else {
                    *left -= 1;
                    let n = next.clone();
                    *next += &*step;
                    Some(Value::from_bigint(n))
                }
            }
            IterState::Reversed { seq, index } => {
                if *index == 0 {
                    None
                } else {
                    *index -= 1;
                    let i = *index;
                    match seq {
                        Value::List(l) => l.get(i),
                        Value::Tuple(t) => t.items.get(i).cloned(),
                        // `index` is the byte offset just past the character.
                        Value::Str(s) => {
                            let c = s.as_str()[..=i].chars().next_back();
                            *index = i + 1 - c.map_or(1, char::len_utf8);
                            c.map(Value::char)
                        }
                        Value::Range(r) => Some(Value::Int(r.at(i as i64))),
                        other => {
                            let other = other.clone();
                            drop(st);
                            return self.get_item(&other, &Value::Int(i as i64)).map(Some);
                        }
                    }
                }
            }
            IterState::Enumerate { inner, count } => {
                let inner = inner.clone();
                let n = *count;
                *count += 1;
                drop(st);
                return Ok(self
                    .next(&inner)?
                    .map(|v| Value::tuple(vec![Value::Int(n), v])));
            }
            IterState::Zip { inners, strict } => {
                let inners = inners.clone();
                let strict = *strict;
                drop(st);
                let mut items = Vec::with_capacity(inners.len());
                for (i, inner) in inners.iter().enumerate() {
                    match self.next(inner)? {
                        Some(v) => items.push(v),
                        None => {
                            if strict
                                && (i > 0
                                    || inners
                                        .iter()
                                        .skip(1)
                                        .any(|x| matches!(self.next(x), Ok(Some(_)))))
                            {
                                let msg = if i > 0 {
                                    format!(
                                        "zip() argument {} is shorter than argument{} 1{}",
                                        i + 1,
                                        if i > 1 { "s" } else { "" },
                                        if i > 1 {
                                            format!("-{i}")
                                        } else {
                                            String::new()
                                        }
                                    )
                                } else {
                                    "zip() argument 2 is longer than argument 1".to_owned()
                                };
                                return Err(self.value_error(msg));
                            }
                            *it.state.borrow_mut() = IterState::Exhausted;
                            return Ok(None);
                        }
                    }
                }
                return Ok(if items.is_empty() {
                    None
                } else {
                    Some(Value::tuple(items))
                });
            }
            IterState::Map { func, inners } => {
                let (func, inners) = (func.clone(), inners.clone());
                drop(st);
                let mut args = Vec::with_capacity(inners.len());
                for inner in &inners {
                    match self.next(inner)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                return self.call(&func, &args, &[]).map(Some);
            }
            IterState::Filter { func, inner } => {
                let (func, inner) = (func.clone(), inner.clone());
                drop(st);
                while let Some(v) = self.next(&inner)? {
                    let keep = if func.is_none() {
                        self.truthy(&v)?
                    } else {
                        let r = self.call(&func, std::slice::from_ref(&v), &[])?;
                        self.truthy(&r)?
                    };
                    if keep {
                        return Ok(Some(v));
                    }
                }
                return Ok(None);
            }
            IterState::Callable { func, sentinel } => {
                let (func, sentinel) = (func.clone(), sentinel.clone());
                drop(st);
                let v = self.call(&func, &[], &[])?;
                if self.eq(&v, &sentinel)? {
                    *it.state.borrow_mut() = IterState::Exhausted;
                    return Ok(None);
                }
                return Ok(Some(v));
            }
            IterState::View { .. } => {
                return Err(self.type_error("'dict_keys' object is not an iterator"));
            }
            IterState::Exhausted => None,
        };
        if out.is_none() {
            *st = IterState::Exhausted;
        }
        Ok(out)
    }

    /// All items of an iterable.
    pub fn collect(&self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => Ok(l.snapshot()),
            Value::Tuple(t) => Ok(t.items.to_vec()),
            Value::Generator(g) => {
                let mut out = Vec::new();
                self.drain_generator(g, &mut |x| {
                    out.push(x);
                    Ok(true)
                })?;
                Ok(out)
            }
            _ => {
                let it = self.iter(v)?;
                let mut out = Vec::new();
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                }
                Ok(out)
            }
        }
    }

    /// Calls `f` with each item of an iterable until it returns false; generators run
    /// without a native re-entry per item.
    pub fn for_each(
        &self,
        iterable: &Value,
        f: &mut dyn FnMut(Value) -> PyResult<bool>,
    ) -> PyResult<()> {
        match iterable {
            Value::Generator(g) => self.drain_generator(g, f),
            Value::List(_) | Value::Tuple(_) => {
                for x in self.collect(iterable)? {
                    if !f(x)? {
                        break;
                    }
                }
                Ok(())
            }
            _ => {
                let it = self.iter(iterable)?;
                while let Some(x) = self.next(&it)? {
                    if !f(x)? {
                        break;
                    }
                }
                Ok(())
            }
        }
    }

    /// A dict view value.
    pub fn dict_view(&self, d: &Rc<Dict>, part: DictPart) -> Value {
        Iter::new(IterState::View {
            dict: d.clone(),
            part,
        })
    }

    pub fn method_name(&self, name: &str) -> Rc<Str> {
        Rc::new(Str::new(name))
    }
}
