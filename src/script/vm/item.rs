//! Subscripts: indexing and slicing of sequences, mapping lookups, and `__getitem__` &co.
//! on instances.

use super::{PyResult, Vm};
use crate::script::object::misc::{Range, Slice};
use crate::script::object::{Bytes, Str, Value};
use num_traits::{Signed, Zero};
use std::rc::Rc;

/// Resolved slice bounds over a sequence of `len` items.
pub struct SliceIndices {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

impl SliceIndices {
    pub fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).map(move |i| (self.start + i as i64 * self.step) as usize)
    }
}

impl Vm {
    /// CPython's `PySlice_GetIndicesEx`.
    pub fn slice_indices(&self, s: &Slice, len: usize) -> PyResult<SliceIndices> {
        let len = len as i64;
        let step = match &s.step {
            Value::None => 1,
            v => self.slice_int(v)?,
        };
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        // CPython clamps the step to ±sys.maxsize, so it can be negated.
        let step = step.max(-i64::MAX);
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let clamp = |v: i64| -> i64 {
            if v < 0 {
                (v + len).max(lower)
            } else {
                v.min(upper)
            }
        };
        let start = match &s.start {
            Value::None => {
                if step < 0 {
                    upper
                } else {
                    lower
                }
            }
            v => clamp(self.slice_int(v)?),
        };
        let stop = match &s.stop {
            Value::None => {
                if step < 0 {
                    lower
                } else {
                    upper
                }
            }
            v => clamp(self.slice_int(v)?),
        };
        let n = if step > 0 {
            if stop > start {
                (stop - start - 1) / step + 1
            } else {
                0
            }
        } else if start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        };
        Ok(SliceIndices {
            start,
            stop,
            step,
            len: n as usize,
        })
    }

    /// `r[a:b:c]`: the range of the selected items, worked out in big ints as CPython
    /// does, since the bounds of either range, or the slice's own, may not fit in `i64`.
    fn range_slice(&self, r: &Range, sl: &Slice) -> PyResult<Value> {
        use num_bigint::BigInt;
        let (start, step, len) = match &r.big {
            Some(b) => (b.start.clone(), b.step.clone(), b.len()),
            None => (
                BigInt::from(r.start),
                BigInt::from(r.step),
                BigInt::from(r.len()),
            ),
        };
        let index = |v: &Value| -> PyResult<BigInt> {
            match v {
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Instance(_) => {
                    self.to_big_index(v)
                }
                _ => Err(self.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )),
            }
        };
        let by = match &sl.step {
            Value::None => BigInt::from(1),
            v => index(v)?,
        };
        if by.is_zero() {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let backwards = by.is_negative();
        let (lower, upper) = if backwards {
            (BigInt::from(-1), &len - 1)
        } else {
            (BigInt::zero(), len.clone())
        };
        let clamp = |v: BigInt| -> BigInt {
            if v.is_negative() {
                (v + &len).max(lower.clone())
            } else {
                v.min(upper.clone())
            }
        };
        let from = match &sl.start {
            Value::None if backwards => upper.clone(),
            Value::None => lower.clone(),
            v => clamp(index(v)?),
        };
        let to = match &sl.stop {
            Value::None if backwards => lower.clone(),
            Value::None => upper.clone(),
            v => clamp(index(v)?),
        };
        Ok(Value::Range(Rc::new(Range::new(
            &start + from * &step,
            &start + to * &step,
            step * by,
        ))))
    }

    fn slice_int(&self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(b.get() as i64),
            Value::BigInt(b) => {
                use num_traits::Signed;
                Ok(if b.is_negative() {
                    i64::MIN / 2
                } else {
                    i64::MAX / 2
                })
            }
            Value::Instance(_) => self.to_index(v),
            _ => Err(self
                .type_error("slice indices must be integers or None or have an __index__ method")),
        }
    }

    /// A normalised index into a sequence of `len`, or IndexError naming `what`.
    pub fn seq_index(&self, key: &Value, len: usize, what: &str) -> PyResult<usize> {
        let i = match key {
            Value::Int(i) => *i,
            Value::Bool(b) => b.get() as i64,
            Value::BigInt(_) => {
                return Err(self.index_error("cannot fit 'int' into an index-sized integer"))
            }
            Value::Instance(_) => self.to_index(key)?,
            _ => {
                return Err(self.type_error(format!(
                    "{what} indices must be integers or slices, not {}",
                    self.type_name(key)
                )))
            }
        };
        wrap_index(i, len).ok_or_else(|| self.index_error(format!("{what} index out of range")))
    }

    /// `obj[key]`.
    pub fn get_item(&self, obj: &Value, key: &Value) -> PyResult<Value> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = key {
                    let items = l.borrow();
                    let ix = self.slice_indices(s, items.len())?;
                    return Ok(Value::list(
                        ix.indices().map(|i| items[i].clone()).collect(),
                    ));
                }
                let items = l.borrow();
                let i = self.seq_index(key, items.len(), "list")?;
                Ok(items[i].clone())
            }
            Value::Tuple(t) => {
                if let Value::Slice(s) = key {
                    let ix = self.slice_indices(s, t.len())?;
                    return Ok(Value::tuple(
                        ix.indices().map(|i| t.items[i].clone()).collect(),
                    ));
                }
                let i = self.seq_index(key, t.len(), "tuple")?;
                Ok(t.items[i].clone())
            }
            Value::Str(s) => {
                if let Value::Slice(sl) = key {
                    let ix = self.slice_indices(sl, s.char_len())?;
                    if ix.step == 1 {
                        let start = ix.start.max(0) as usize;
                        return Ok(Value::str(s.char_slice(start, start + ix.len)));
                    }
                    if s.is_ascii() {
                        return Ok(Value::Str(Rc::new(ascii_picked(
                            s.as_str().as_bytes(),
                            &ix,
                        ))));
                    }
                    let mut chars = Vec::with_capacity(s.char_len());
                    chars.extend(s.as_str().chars());
                    let mut text = String::with_capacity(ix.len);
                    text.extend(ix.indices().map(|i| chars[i]));
                    return Ok(Value::string(text));
                }
                let i = self.seq_index(key, s.char_len(), "string")?;
                Ok(Value::char(s.char_at(i)))
            }
            Value::Bytes(b) => {
                let data = b.data.borrow();
                if let Value::Slice(sl) = key {
                    let ix = self.slice_indices(sl, data.len())?;
                    let out: Vec<u8> = ix.indices().map(|i| data[i]).collect();
                    return Ok(Value::Bytes(Rc::new(Bytes::new(out, b.mutable))));
                }
                let what = if b.mutable { "bytearray" } else { "index" };
                let i = self.seq_index(key, data.len(), what)?;
                Ok(Value::Int(data[i] as i64))
            }
            Value::Range(r) => match (key, &r.big) {
                (Value::Slice(sl), _) => self.range_slice(r, sl),
                (_, Some(b)) => {
                    let len = b.len();
                    let Some(mut i) = super::num::to_big(key) else {
                        return Err(self.type_error(format!(
                            "range indices must be integers or slices, not {}",
                            self.type_name(key)
                        )));
                    };
                    if i.is_negative() {
                        i += &len;
                    }
                    if i.is_negative() || i >= len {
                        return Err(self.index_error("range object index out of range"));
                    }
                    Ok(Value::from_bigint(b.at(&i)))
                }
                (_, None) => {
                    let i = self.seq_index(key, r.len() as usize, "range object")?;
                    Ok(Value::Int(r.at(i as i64)))
                }
            },
            Value::Dict(d) => match d.get(self, key)? {
                Some(v) => Ok(v),
                None => Err(self.key_error(key.clone())),
            },
            Value::Type(t) => {
                // `list[int]` and friends: generic aliases are accepted and ignored.
                if let Some(m) = t.lookup(&Str::new("__class_getitem__")) {
                    return self.call_bound(&m, obj, std::slice::from_ref(key));
                }
                Ok(obj.clone())
            }
            Value::Instance(i) => {
                if let Some(m) = self.lookup_special(obj, &self.names.getitem) {
                    // The built-in `dict.__getitem__` of a subclass falls to the base path
                    // below, which honours `__missing__`.
                    let builtin_on_base =
                        matches!(m, Value::Builtin(_)) && !i.base.borrow().is_undefined();
                    if !builtin_on_base {
                        return self.call_bound(&m, obj, std::slice::from_ref(key));
                    }
                }
                let base = i.base.borrow().clone();
                if !base.is_undefined() {
                    return match (&base, self.get_item(&base, key)) {
                        (Value::Dict(_), Err(e)) if e.class().is_subtype(&self.types.key_error) => {
                            match self.lookup_special(obj, &Str::new("__missing__")) {
                                Some(m) => self.call_bound(&m, obj, std::slice::from_ref(key)),
                                None => Err(e),
                            }
                        }
                        (_, r) => r,
                    };
                }
                Err(self.not_subscriptable(obj))
            }
            Value::Opaque(_) => match self.lookup_special(obj, &self.names.getitem) {
                Some(m) => self.call_bound(&m, obj, std::slice::from_ref(key)),
                None => Err(self.not_subscriptable(obj)),
            },
            _ => Err(self.not_subscriptable(obj)),
        }
    }

    #[cold]
    fn not_subscriptable(&self, obj: &Value) -> super::Exc {
        self.type_error(format!(
            "'{}' object is not subscriptable",
            self.type_name(obj)
        ))
    }

    /// `obj[key] = value`.
    pub fn set_item(&self, obj: &Value, key: &Value, value: Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = key {
                    let new = self.collect(&value)?;
                    let len = l.len();
                    let ix = self.slice_indices(s, len)?;
                    let mut items = l.adding(&new);
                    if ix.step == 1 {
                        let start = ix.start.max(0) as usize;
                        let stop = (start + ix.len).min(items.len());
                        items.splice(start..stop, new);
                        return Ok(());
                    }
                    if new.len() != ix.len {
                        return Err(self.value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            new.len(),
                            ix.len
                        )));
                    }
                    let targets: Vec<usize> = ix.indices().collect();
                    for (i, v) in targets.into_iter().zip(new) {
                        items[i] = v;
                    }
                    return Ok(());
                }
                let len = l.len();
                let i = self.seq_index(key, len, "list assignment")?;
                let old = l.replace(i, value);
                drop(old);
                Ok(())
            }
            Value::Dict(d) => d.set(self, key, value),
            Value::Bytes(b) if b.mutable && matches!(key, Value::Slice(_)) => {
                let mut new = Vec::new();
                for x in self.collect(&value)? {
                    new.push(Value::Int(self.byte_value(&x)? as i64));
                }
                self.edit_bytearray(b, |list| self.set_item(list, key, Value::list(new)))
            }
            Value::Bytes(b) if b.mutable => {
                let len = b.data.borrow().len();
                let i = self.seq_index(key, len, "bytearray")?;
                let byte = match value {
                    Value::Int(x) if (0..256).contains(&x) => x as u8,
                    _ => return Err(self.value_error("byte must be in range(0, 256)")),
                };
                b.data.borrow_mut()[i] = byte;
                Ok(())
            }
            Value::Instance(i) => {
                if let Some(m) = self.lookup_special(obj, &self.names.setitem) {
                    self.call_bound(&m, obj, &[key.clone(), value])?;
                    return Ok(());
                }
                let base = i.base.borrow().clone();
                if !base.is_undefined() {
                    return self.set_item(&base, key, value);
                }
                Err(self.no_item_assignment(obj))
            }
            Value::Opaque(_) => match self.lookup_special(obj, &self.names.setitem) {
                Some(m) => self.call_bound(&m, obj, &[key.clone(), value]).map(drop),
                None => Err(self.no_item_assignment(obj)),
            },
            _ => Err(self.no_item_assignment(obj)),
        }
    }

    #[cold]
    fn no_item_assignment(&self, obj: &Value) -> super::Exc {
        self.type_error(format!(
            "'{}' object does not support item assignment",
            self.type_name(obj)
        ))
    }

    /// `del obj[key]`.
    pub fn del_item(&self, obj: &Value, key: &Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = key {
                    let len = l.len();
                    let ix = self.slice_indices(s, len)?;
                    let mut drop_set: Vec<usize> = ix.indices().collect();
                    drop_set.sort_unstable();
                    let mut items = l.rearrange();
                    for i in drop_set.into_iter().rev() {
                        items.remove(i);
                    }
                    return Ok(());
                }
                let len = l.len();
                let i = self.seq_index(key, len, "list assignment")?;
                let old = l.rearrange().remove(i);
                drop(old);
                Ok(())
            }
            Value::Dict(d) => match d.remove(self, key)? {
                Some(_) => Ok(()),
                None => Err(self.key_error(key.clone())),
            },
            Value::Bytes(b) if b.mutable => self.edit_bytearray(b, |list| self.del_item(list, key)),
            Value::Instance(i) => {
                if let Some(m) = self.lookup_special(obj, &self.names.delitem) {
                    self.call_bound(&m, obj, std::slice::from_ref(key))?;
                    return Ok(());
                }
                let base = i.base.borrow().clone();
                if !base.is_undefined() {
                    return self.del_item(&base, key);
                }
                Err(self.type_error(format!(
                    "'{}' object doesn't support item deletion",
                    self.type_name(obj)
                )))
            }
            _ => Err(self.type_error(format!(
                "'{}' object doesn't support item deletion",
                self.type_name(obj)
            ))),
        }
    }

    /// Applies a list edit (slice assignment, deletion) to a bytearray, through a list of
    /// its byte values.
    fn edit_bytearray(&self, b: &Bytes, edit: impl FnOnce(&Value) -> PyResult<()>) -> PyResult<()> {
        let list = Value::list(
            b.data
                .borrow()
                .iter()
                .map(|&x| Value::Int(x as i64))
                .collect(),
        );
        edit(&list)?;
        let Value::List(l) = &list else {
            return Ok(());
        };
        let bytes: Vec<u8> = l
            .borrow()
            .iter()
            .map(|v| if let Value::Int(i) = v { *i as u8 } else { 0 })
            .collect();
        *b.data.borrow_mut() = bytes;
        Ok(())
    }

    /// An int in `range(0, 256)`, as a byte.
    pub fn byte_value(&self, v: &Value) -> PyResult<u8> {
        match v {
            Value::Int(x) if (0..256).contains(x) => Ok(*x as u8),
            Value::Int(_) | Value::BigInt(_) => {
                Err(self.value_error("byte must be in range(0, 256)"))
            }
            Value::Bool(b) => Ok(b.get() as u8),
            other => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(other)
            ))),
        }
    }
}

/// A sequence index, negative ones counting from the end, when it is in range.
#[inline]
pub fn wrap_index(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    (0..len as i64).contains(&j).then_some(j as usize)
}

/// The ASCII string of the bytes of `text` that `ix` picks: a byte a character, so a
/// stepped slice (`w[::-1]`) copies bytes, where it went through a vector of chars and
/// took 2,000 instructions. A short result is picked into a buffer on the stack.
fn ascii_picked(text: &[u8], ix: &SliceIndices) -> Str {
    const INLINE: usize = 24;
    let picked = if ix.len <= INLINE {
        let mut buf = [0u8; INLINE];
        for (b, i) in buf.iter_mut().zip(ix.indices()) {
            *b = text[i];
        }
        compact_str::CompactString::from_utf8(&buf[..ix.len]).ok()
    } else {
        let bytes: Vec<u8> = ix.indices().map(|i| text[i]).collect();
        String::from_utf8(bytes)
            .ok()
            .map(compact_str::CompactString::from)
    };
    // ASCII bytes: valid UTF-8, so this never falls back.
    Str::ascii_text(picked.unwrap_or_default())
}
