//! `dict`, `set` and `frozenset`: constructors and methods.

use super::{arity, class_method, method};
use crate::script::object::{Dict, Set, Value};
use crate::script::vm::iter::DictPart;
use crate::script::vm::{PyResult, Vm};
use std::rc::Rc;

fn this_dict<'a>(vm: &Vm, a: &'a [Value], name: &str) -> PyResult<&'a Rc<Dict>> {
    match a.first() {
        Some(Value::Dict(d)) => Ok(d),
        _ => Err(vm.type_error(format!("descriptor '{name}' requires a 'dict' object"))),
    }
}

fn this_set<'a>(vm: &Vm, a: &'a [Value], name: &str) -> PyResult<&'a Rc<Set>> {
    match a.first() {
        Some(Value::Set(s)) => Ok(s),
        _ => Err(vm.type_error(format!("descriptor '{name}' requires a 'set' object"))),
    }
}

fn this_mut_set<'a>(vm: &Vm, a: &'a [Value], name: &str) -> PyResult<&'a Rc<Set>> {
    let s = this_set(vm, a, name)?;
    if s.frozen {
        return Err(vm.attribute_error(format!("'frozenset' object has no attribute '{name}'")));
    }
    Ok(s)
}

pub fn install(vm: &Vm) {
    let t = &vm.types.dict;
    method(t, "__new__", |vm, a, k| {
        let d = Rc::new(Dict::new());
        if let Some(src) = a.get(1) {
            vm.dict_update(&d, src)?;
        }
        for (key, v) in k {
            d.insert_str(key.clone(), v.clone());
        }
        Ok(Value::Dict(d))
    });
    method(t, "__init__", |vm, a, k| {
        if let Some(Value::Dict(d)) = a.first() {
            if let Some(src) = a.get(1) {
                vm.dict_update(d, src)?;
            }
            for (key, v) in k {
                d.insert_str(key.clone(), v.clone());
            }
        }
        Ok(Value::None)
    });
    method(t, "keys", |vm, a, _| {
        Ok(vm.dict_view(this_dict(vm, a, "keys")?, DictPart::Keys))
    });
    method(t, "values", |vm, a, _| {
        Ok(vm.dict_view(this_dict(vm, a, "values")?, DictPart::Values))
    });
    method(t, "items", |vm, a, _| {
        Ok(vm.dict_view(this_dict(vm, a, "items")?, DictPart::Items))
    });
    method(t, "get", |vm, a, _| {
        let d = this_dict(vm, a, "get")?;
        arity(vm, "get", a, 2, 3)?;
        Ok(d.get(vm, &a[1])?
            .unwrap_or_else(|| a.get(2).cloned().unwrap_or(Value::None)))
    });
    method(t, "setdefault", |vm, a, _| {
        let d = this_dict(vm, a, "setdefault")?;
        arity(vm, "setdefault", a, 2, 3)?;
        if let Some(v) = d.get(vm, &a[1])? {
            return Ok(v);
        }
        let v = a.get(2).cloned().unwrap_or(Value::None);
        d.insert(vm, a[1].clone(), v.clone())?;
        Ok(v)
    });
    method(t, "pop", |vm, a, _| {
        let d = this_dict(vm, a, "pop")?;
        arity(vm, "pop", a, 2, 3)?;
        match d.remove(vm, &a[1])? {
            Some(v) => Ok(v),
            None => a.get(2).cloned().ok_or_else(|| vm.key_error(a[1].clone())),
        }
    });
    method(t, "popitem", |vm, a, _| {
        let d = this_dict(vm, a, "popitem")?;
        match d.pop_last() {
            Some((k, v)) => Ok(Value::tuple(vec![k, v])),
            None => Err(vm.key_error(Value::str("popitem(): dictionary is empty"))),
        }
    });
    method(t, "update", |vm, a, k| {
        let d = this_dict(vm, a, "update")?;
        if let Some(src) = a.get(1) {
            vm.dict_update(d, src)?;
        }
        for (key, v) in k {
            d.insert_str(key.clone(), v.clone());
        }
        Ok(Value::None)
    });
    method(t, "clear", |vm, a, _| {
        this_dict(vm, a, "clear")?.clear();
        Ok(Value::None)
    });
    method(t, "copy", |vm, a, _| {
        Ok(Value::Dict(Rc::new(Dict::from_table(
            this_dict(vm, a, "copy")?.copy(),
        ))))
    });
    class_method(t, "fromkeys", |vm, a, _| {
        let d = Rc::new(Dict::new());
        let v = a.get(2).cloned().unwrap_or(Value::None);
        for k in vm.collect(a.get(1).unwrap_or(&Value::None))? {
            d.insert(vm, k, v.clone())?;
        }
        Ok(Value::Dict(d))
    });
    method(t, "__getitem__", |vm, a, _| {
        arity(vm, "__getitem__", a, 2, 2)?;
        vm.get_item(&a[0], &a[1])
    });
    method(t, "__setitem__", |vm, a, _| {
        arity(vm, "__setitem__", a, 3, 3)?;
        vm.set_item(&a[0], &a[1], a[2].clone()).map(|_| Value::None)
    });
    method(t, "__contains__", |vm, a, _| {
        arity(vm, "__contains__", a, 2, 2)?;
        Ok(Value::bool(vm.contains(&a[0], &a[1])?))
    });

    for (t, frozen) in [(&vm.types.set, false), (&vm.types.frozenset, true)] {
        if frozen {
            method(t, "__new__", |vm, a, _| new_set(vm, a, true));
        } else {
            method(t, "__new__", |vm, a, _| new_set(vm, a, false));
        }
        method(t, "union", |vm, a, _| {
            set_op(vm, a, "union", Set::union, Set::update)
        });
        method(t, "intersection", |vm, a, _| {
            set_op(
                vm,
                a,
                "intersection",
                Set::intersection,
                Set::intersection_update,
            )
        });
        method(t, "difference", |vm, a, _| {
            set_op(vm, a, "difference", Set::difference, Set::difference_update)
        });
        method(t, "symmetric_difference", |vm, a, _| {
            arity(vm, "symmetric_difference", a, 2, 2)?;
            let s = this_set(vm, a, "symmetric_difference")?;
            Ok(Value::Set(Rc::new(s.symmetric_difference(vm, &a[1])?)))
        });
        method(t, "issubset", |vm, a, _| {
            let other = as_set(vm, a.get(1).unwrap_or(&Value::None))?;
            let r = vm.compare(crate::script::compile::code::CmpOp::Le, &a[0], &other)?;
            Ok(r)
        });
        method(t, "issuperset", |vm, a, _| {
            let other = as_set(vm, a.get(1).unwrap_or(&Value::None))?;
            vm.compare(crate::script::compile::code::CmpOp::Ge, &a[0], &other)
        });
        method(t, "isdisjoint", |vm, a, _| {
            let s = this_set(vm, a, "isdisjoint")?;
            for x in vm.collect(a.get(1).unwrap_or(&Value::None))? {
                if s.contains(vm, &x)? {
                    return Ok(Value::bool(false));
                }
            }
            Ok(Value::bool(true))
        });
        method(t, "copy", |vm, a, _| {
            let s = this_set(vm, a, "copy")?;
            Ok(Value::Set(Rc::new(s.copied())))
        });
    }
    let t = &vm.types.set;
    method(t, "add", |vm, a, _| {
        let s = this_mut_set(vm, a, "add")?;
        arity(vm, "add", a, 2, 2)?;
        s.insert(vm, a[1].clone(), Value::None)?;
        Ok(Value::None)
    });
    method(t, "remove", |vm, a, _| {
        let s = this_mut_set(vm, a, "remove")?;
        arity(vm, "remove", a, 2, 2)?;
        match s.remove(vm, &a[1])? {
            Some(_) => Ok(Value::None),
            None => Err(vm.key_error(a[1].clone())),
        }
    });
    method(t, "discard", |vm, a, _| {
        let s = this_mut_set(vm, a, "discard")?;
        arity(vm, "discard", a, 2, 2)?;
        s.remove(vm, &a[1])?;
        Ok(Value::None)
    });
    method(t, "pop", |vm, a, _| {
        let s = this_mut_set(vm, a, "pop")?;
        match s.table.pop() {
            Some(k) => Ok(k),
            None => Err(vm.key_error(Value::str("pop from an empty set"))),
        }
    });
    method(t, "clear", |vm, a, _| {
        this_mut_set(vm, a, "clear")?.clear();
        Ok(Value::None)
    });
    method(t, "update", |vm, a, _| {
        let s = this_mut_set(vm, a, "update")?;
        for other in &a[1..] {
            s.update(vm, other)?;
        }
        Ok(Value::None)
    });
    method(t, "intersection_update", |vm, a, _| {
        in_place(vm, a, "intersection_update", Set::intersection_update)
    });
    method(t, "difference_update", |vm, a, _| {
        in_place(vm, a, "difference_update", Set::difference_update)
    });
    method(t, "symmetric_difference_update", |vm, a, _| {
        arity(vm, "symmetric_difference_update", a, 2, 2)?;
        this_mut_set(vm, a, "symmetric_difference_update")?
            .symmetric_difference_update(vm, &a[1])?;
        Ok(Value::None)
    });
}

fn new_set(vm: &Vm, a: &[Value], frozen: bool) -> PyResult<Value> {
    let s = Set::new(frozen);
    if let Some(src) = a.get(1) {
        s.update(vm, src)?;
    }
    Ok(Value::Set(Rc::new(s)))
}

fn as_set(vm: &Vm, v: &Value) -> PyResult<Value> {
    match v {
        Value::Set(_) => Ok(v.clone()),
        other => new_set(vm, &[Value::None, other.clone()], false),
    }
}

/// A set method taking any number of iterables: `first` with the first of them (a copy
/// with none), then `rest` in place with each of the others, as CPython's `*_multi` do.
fn set_op(
    vm: &Vm,
    a: &[Value],
    name: &str,
    first: fn(&Set, &Vm, &Value) -> PyResult<Set>,
    rest: fn(&Set, &Vm, &Value) -> PyResult<()>,
) -> PyResult<Value> {
    let s = this_set(vm, a, name)?;
    let out = match a.get(1) {
        Some(other) => first(s, vm, other)?,
        None => s.copied(),
    };
    for other in a.iter().skip(2) {
        rest(&out, vm, other)?;
    }
    Ok(Value::Set(Rc::new(out)))
}

/// A mutating set method taking any number of iterables.
fn in_place(
    vm: &Vm,
    a: &[Value],
    name: &str,
    step: fn(&Set, &Vm, &Value) -> PyResult<()>,
) -> PyResult<Value> {
    let s = this_mut_set(vm, a, name)?;
    for other in &a[1..] {
        step(s, vm, other)?;
    }
    Ok(Value::None)
}
