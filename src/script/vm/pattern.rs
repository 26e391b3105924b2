//! The structural tests of `match` statements. Each returns the parts a pattern's
//! sub-patterns go on to match, or `None` when the subject does not fit; the dispatch loop
//! writes the parts into registers and the compiled code tests them with ordinary
//! instructions.

use super::{PyResult, Vm};
use crate::script::object::{Dict, Type, Value};
use std::rc::Rc;

/// `star` when a sequence pattern has no starred sub-pattern.
pub const NO_STAR: u16 = u16::MAX;

/// A structural test's outcome: the parts, or `None` when the subject does not fit.
type Parts = PyResult<Option<Vec<Value>>>;

impl Vm {
    /// The list or tuple behind a sequence subject. Strings, bytes and mappings are not
    /// sequences to `match`, though they can be indexed.
    fn match_items(&self, subject: &Value) -> PyResult<Option<Vec<Value>>> {
        Ok(match subject {
            Value::List(l) => Some(l.snapshot()),
            Value::Tuple(t) => Some(t.items.to_vec()),
            Value::Range(_) => {
                let it = self.iter(subject)?;
                let mut items = Vec::new();
                while let Some(x) = self.next(&it)? {
                    items.push(x);
                }
                Some(items)
            }
            Value::Instance(i) => match &*i.base.borrow() {
                base @ (Value::List(_) | Value::Tuple(_)) => self.match_items(base)?,
                _ => None,
            },
            _ => None,
        })
    }

    /// `case [a, b, *rest, c]`: the `count` parts (the starred one, at `star`, as a list).
    pub fn match_sequence(&self, subject: &Value, count: u16, star: u16) -> Parts {
        let Some(items) = self.match_items(subject)? else {
            return Ok(None);
        };
        let count = count as usize;
        if star == NO_STAR {
            return Ok((items.len() == count).then_some(items));
        }
        let before = star as usize;
        let after = count - before - 1;
        if items.len() < before + after {
            return Ok(None);
        }
        let mut parts = items;
        let tail = parts.split_off(parts.len() - after);
        let middle = parts.split_off(before);
        parts.push(Value::list(middle));
        parts.extend(tail);
        Ok(Some(parts))
    }

    /// `case {k1: p1, k2: p2, **rest}`: the values of the keys in registers `keys`, then
    /// (with `rest`) a dict of the other items.
    pub fn match_mapping(&self, subject: &Value, keys: &[Value], rest: bool) -> Parts {
        let dict = match subject {
            Value::Dict(d) => d.clone(),
            Value::Instance(i) => match &*i.base.borrow() {
                Value::Dict(d) => d.clone(),
                _ => return Ok(None),
            },
            _ => return Ok(None),
        };
        for (i, k) in keys.iter().enumerate() {
            for earlier in &keys[..i] {
                if self.eq(earlier, k)? {
                    return Err(self.value_error(format!(
                        "mapping pattern checks duplicate key ({})",
                        self.repr(k)?
                    )));
                }
            }
        }
        let mut parts = Vec::with_capacity(keys.len() + 1);
        for k in keys {
            match dict.table.get(self, k)? {
                Some(v) => parts.push(v),
                None => return Ok(None),
            }
        }
        if rest {
            let others = Dict::from_table(dict.table.copy());
            for k in keys {
                others.table.remove(self, k)?;
            }
            parts.push(Value::dict(others));
        }
        Ok(Some(parts))
    }

    /// `case Cls(p1, p2, name=p3)`: `cls` is followed by a register holding the tuple of
    /// keyword attribute names; the parts are the positional attributes (named by
    /// `__match_args__`) and then the keyword ones.
    pub fn match_class(&self, subject: &Value, cls: &Value, keywords: &Value, npos: u16) -> Parts {
        let Value::Type(t) = cls else {
            return Err(self.type_error("called match pattern must be a type"));
        };
        if !self.types.type_of(subject).is_subtype(t) {
            return Ok(None);
        }
        let keywords: &[Value] = match keywords {
            Value::Tuple(k) => &k.items,
            _ => &[],
        };
        let npos = npos as usize;
        let mut parts = Vec::with_capacity(npos + keywords.len());
        let mut names: Vec<Value> = Vec::with_capacity(npos + keywords.len());
        if npos > 0 {
            if self.matches_itself(t) {
                if npos > 1 {
                    return Err(self.too_many_sub_patterns(t, 1, npos));
                }
                parts.push(subject.clone());
            } else {
                let match_args =
                    match t.lookup(&crate::script::object::str::intern("__match_args__")) {
                        Some(Value::Tuple(args)) => args.items.to_vec(),
                        Some(other) => {
                            return Err(self.type_error(format!(
                                "{}.__match_args__ must be a tuple (got {})",
                                t.name().as_str(),
                                self.type_name(&other)
                            )))
                        }
                        None => Vec::new(),
                    };
                if npos > match_args.len() {
                    return Err(self.too_many_sub_patterns(t, match_args.len(), npos));
                }
                names.extend(match_args.into_iter().take(npos));
            }
        }
        names.extend(keywords.iter().cloned());
        for (i, name) in names.iter().enumerate() {
            let Value::Str(attr) = name else {
                return Err(self.type_error(format!(
                    "__match_args__ elements must be strings (got {})",
                    self.type_name(name)
                )));
            };
            if names[..i]
                .iter()
                .any(|n| matches!(n, Value::Str(s) if s.as_str() == attr.as_str()))
            {
                return Err(self.type_error(format!(
                    "{}() got multiple sub-patterns for attribute '{}'",
                    t.name().as_str(),
                    attr.as_str()
                )));
            }
            match self.get_attr(subject, attr) {
                Ok(v) => parts.push(v),
                Err(e) if e.class().is_subtype(&self.types.attribute_error) => return Ok(None),
                Err(e) => return Err(e),
            }
        }
        Ok(Some(parts))
    }

    /// The built-in types whose one positional sub-pattern matches the subject itself
    /// (`case int(n)`).
    fn matches_itself(&self, t: &Rc<Type>) -> bool {
        let ty = &self.types;
        [
            &ty.bool_,
            &ty.int,
            &ty.float,
            &ty.str,
            &ty.bytes,
            &ty.bytearray,
            &ty.list,
            &ty.tuple,
            &ty.dict,
            &ty.set,
            &ty.frozenset,
        ]
        .iter()
        .any(|b| Rc::ptr_eq(t, b))
    }

    fn too_many_sub_patterns(&self, t: &Type, accepts: usize, given: usize) -> super::Exc {
        self.type_error(format!(
            "{}() accepts {accepts} positional sub-pattern{} ({given} given)",
            t.name().as_str(),
            if accepts == 1 { "" } else { "s" }
        ))
    }
}
