//! `list`, `tuple`, `range` and `slice`: constructors and methods.

use super::{arity, kwarg, method, only_kwargs};
use crate::script::object::misc::{Range, Slice};
use crate::script::object::{List, Value};
use crate::script::vm::frame::{ExecState, LoopFlow};
use crate::script::vm::{PyResult, Vm};
use std::rc::Rc;

fn this_list<'a>(vm: &Vm, a: &'a [Value], name: &str) -> PyResult<&'a Rc<List>> {
    match a.first() {
        Some(Value::List(l)) => Ok(l),
        Some(other) => Err(vm.type_error(format!(
            "descriptor '{name}' for 'list' objects doesn't apply to a '{}' object",
            vm.type_name(other)
        ))),
        None => Err(vm.type_error(format!("unbound method list.{name}() needs an argument"))),
    }
}

/// The items of a list or tuple receiver.
fn items_of(vm: &Vm, a: &[Value]) -> PyResult<Vec<Value>> {
    match a.first() {
        Some(Value::List(l)) => Ok(l.snapshot()),
        Some(Value::Tuple(t)) => Ok(t.items.to_vec()),
        _ => Err(vm.type_error("descriptor requires a sequence")),
    }
}

pub fn install(vm: &Vm) {
    let t = &vm.types.list;
    method(t, "__new__", |vm, a, _| {
        arity(vm, "list", a, 1, 2)?;
        Ok(Value::list(match a.get(1) {
            Some(v) => vm.collect(v)?,
            None => Vec::new(),
        }))
    });
    method(t, "__init__", |vm, a, _| {
        // `class L(list)` with its own __init__ calling super().__init__(items).
        if let (Some(Value::List(l)), Some(src)) = (a.first(), a.get(1)) {
            let items = vm.collect(src)?;
            let mut slot = l.adding(&items);
            *slot = items;
        }
        Ok(Value::None)
    });
    super::hooked_method(
        t,
        "append",
        |vm, a, _| {
            let l = this_list(vm, a, "append")?;
            if a.len() != 2 {
                return Err(vm.type_error(format!(
                    "list.append() takes exactly one argument ({} given)",
                    a.len() - 1
                )));
            }
            l.push(a[1].clone());
            Ok(Value::None)
        },
        append_in_loop,
    );
    method(t, "extend", |vm, a, _| {
        let l = this_list(vm, a, "extend")?;
        arity(vm, "extend", a, 2, 2)?;
        let items = vm.collect(&a[1])?;
        l.extend(items);
        Ok(Value::None)
    });
    method(t, "insert", |vm, a, _| {
        let l = this_list(vm, a, "insert")?;
        arity(vm, "insert", a, 3, 3)?;
        let n = l.len() as i64;
        let i = vm.to_index(&a[1])?;
        let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
        l.insert(i as usize, a[2].clone());
        Ok(Value::None)
    });
    method(t, "pop", |vm, a, _| {
        let l = this_list(vm, a, "pop")?;
        arity(vm, "pop", a, 1, 2)?;
        let n = l.len();
        if n == 0 {
            return Err(vm.index_error("pop from empty list"));
        }
        let i = match a.get(1) {
            Some(v) => {
                let i = vm.to_index(v)?;
                let j = if i < 0 { i + n as i64 } else { i };
                if j < 0 || j >= n as i64 {
                    return Err(vm.index_error("pop index out of range"));
                }
                j as usize
            }
            None => n - 1,
        };
        Ok(l.rearrange().remove(i))
    });
    method(t, "remove", |vm, a, _| {
        let l = this_list(vm, a, "remove")?;
        arity(vm, "remove", a, 2, 2)?;
        for i in 0..l.len() {
            let Some(x) = l.get(i) else { break };
            if vm.eq(&x, &a[1])? {
                l.rearrange().remove(i);
                return Ok(Value::None);
            }
        }
        Err(vm.value_error("list.remove(x): x not in list"))
    });
    method(t, "clear", |vm, a, _| {
        let old = std::mem::take(&mut *this_list(vm, a, "clear")?.rearrange());
        drop(old);
        Ok(Value::None)
    });
    method(t, "copy", |vm, a, _| {
        Ok(Value::list(this_list(vm, a, "copy")?.snapshot()))
    });
    method(t, "reverse", |vm, a, _| {
        this_list(vm, a, "reverse")?.rearrange().reverse();
        Ok(Value::None)
    });
    method(t, "sort", |vm, a, k| {
        let l = this_list(vm, a, "sort")?;
        only_kwargs(vm, "sort", k, &["key", "reverse"])?;
        if a.len() > 1 {
            return Err(vm.type_error("sort() takes no positional arguments"));
        }
        let key = kwarg(k, "key").filter(|v| !v.is_none());
        let reverse = match kwarg(k, "reverse") {
            Some(v) => vm.truthy(v)?,
            None => false,
        };
        // Sorted out of place: a key or comparison that looks at the list sees it empty,
        // as in CPython.
        let mut items = std::mem::take(&mut *l.rearrange());
        let r = vm.sort(&mut items, key, reverse);
        // The list's own items, put back: nothing new for the collector to see.
        *l.rearrange() = items;
        r.map(|_| Value::None)
    });
    for t in [&vm.types.list, &vm.types.tuple] {
        method(t, "index", |vm, a, _| {
            let items = items_of(vm, a)?;
            arity(vm, "index", a, 2, 4)?;
            let n = items.len() as i64;
            let norm = |v: Option<&Value>, d: i64| -> PyResult<usize> {
                let x = match v {
                    Some(v) => vm.to_index(v)?,
                    None => d,
                };
                Ok(if x < 0 { (x + n).max(0) } else { x.min(n) } as usize)
            };
            let (start, end) = (norm(a.get(2), 0)?, norm(a.get(3), n)?);
            for (i, x) in items.iter().enumerate().take(end).skip(start) {
                if vm.eq(x, &a[1])? {
                    return Ok(Value::Int(i as i64));
                }
            }
            Err(vm.value_error(if matches!(a[0], Value::List(_)) {
                format!("{} is not in list", vm.repr(&a[1])?)
            } else {
                "tuple.index(x): x not in tuple".to_owned()
            }))
        });
        method(t, "count", |vm, a, _| {
            let items = items_of(vm, a)?;
            arity(vm, "count", a, 2, 2)?;
            let mut n = 0;
            for x in &items {
                if vm.eq(x, &a[1])? {
                    n += 1;
                }
            }
            Ok(Value::Int(n))
        });
    }
    method(&vm.types.tuple, "__new__", |vm, a, _| {
        arity(vm, "tuple", a, 1, 2)?;
        let t = match a.get(1) {
            Some(v @ Value::Tuple(_)) => v.clone(),
            Some(v) => Value::tuple(vm.collect(v)?),
            None => Value::tuple(Vec::new()),
        };
        super::subclassed(a, t)
    });
    method(&vm.types.range, "__new__", |vm, a, _| {
        // The type is the first argument: the counts in an error are the caller's.
        arity(vm, "range", a.get(1..).unwrap_or_default(), 1, 3)?;
        range_of(vm, &a[1..])
    });
    method(&vm.types.range, "index", |vm, a, _| {
        let (Some(Value::Range(r)), Some(v)) = (a.first(), a.get(1)) else {
            return Err(vm.type_error("index() needs a range and a value"));
        };
        if vm.contains(&a[0], v)? {
            let i = vm.to_index(v)?;
            return Ok(Value::Int((i - r.start) / r.step));
        }
        Err(vm.value_error(format!("{} is not in range", vm.repr(v)?)))
    });
    method(&vm.types.range, "count", |vm, a, _| {
        let Some(v) = a.get(1) else {
            return Err(vm.type_error("count() takes exactly one argument"));
        };
        Ok(Value::Int(vm.contains(&a[0], v)? as i64))
    });
    method(&vm.types.slice, "__new__", |vm, a, _| {
        arity(vm, "slice", a, 2, 4)?;
        let (start, stop, step) = match a.len() {
            2 => (Value::None, a[1].clone(), Value::None),
            3 => (a[1].clone(), a[2].clone(), Value::None),
            _ => (a[1].clone(), a[2].clone(), a[3].clone()),
        };
        Ok(Value::Slice(Rc::new(Slice { start, stop, step })))
    });
    method(&vm.types.slice, "indices", |vm, a, _| {
        let (Some(Value::Slice(s)), Some(n)) = (a.first(), a.get(1)) else {
            return Err(vm.type_error("indices() needs a length"));
        };
        let n = vm.to_index(n)?;
        let ix = vm.slice_indices(s, n.max(0) as usize)?;
        Ok(Value::tuple(vec![
            Value::Int(ix.start),
            Value::Int(ix.stop),
            Value::Int(ix.step),
        ]))
    });
}

/// `list.append(x)` called by the loop on a list: no argument slice, no native call
/// frame. Anything else (a subclass, a wrong argument count) takes the ordinary call.
fn append_in_loop(
    _vm: &Vm,
    st: &mut ExecState,
    args: usize,
    argc: usize,
    dst: usize,
) -> PyResult<LoopFlow> {
    let (2, Value::List(l)) = (argc, &st.regs[args]) else {
        return Ok(LoopFlow::Declined);
    };
    // Cloned, then released with the argument registers, rather than taken: taking copies
    // it as one 16-byte block, which stalls on a value written as two words just before
    // (the f-string or call that made it).
    l.push(st.regs[args + 1].clone());
    Ok(st.finish_hooked_call(args, argc, dst, Value::None))
}

/// `range(...)` with one to three arguments (checked by the caller).
pub fn range_of(vm: &Vm, a: &[Value]) -> PyResult<Value> {
    let small = match a {
        [Value::Int(stop)] => Some((0, *stop, 1)),
        [Value::Int(start), Value::Int(stop)] => Some((*start, *stop, 1)),
        [Value::Int(start), Value::Int(stop), Value::Int(step)] if *step != 0 => {
            Some((*start, *stop, *step))
        }
        _ => None,
    };
    if let Some((start, stop, step)) = small {
        return Ok(Value::Range(Rc::new(Range::of_ints(start, stop, step))));
    }
    let int = |v: &Value| vm.to_big_index(v);
    let one = num_bigint::BigInt::from(1);
    let (start, stop, step) = match a.len() {
        1 => (num_bigint::BigInt::from(0), int(&a[0])?, one),
        2 => (int(&a[0])?, int(&a[1])?, one),
        _ => (int(&a[0])?, int(&a[1])?, int(&a[2])?),
    };
    if step == num_bigint::BigInt::from(0) {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Rc::new(Range::new(start, stop, step))))
}
