//! The special methods of the built-in types, callable by name (`(5).__add__(3)`,
//! `ls.__len__()`, `int.__lt__(1, 2)`): one implementation per special method, shared by
//! every type that has it, each delegating to the operation the VM already performs for
//! the operator. Each type gets exactly the names CPython's type has in its `__dict__`.

use super::{arity, method};
use crate::script::compile::code::{BinOp, CmpOp, UnaryOp};
use crate::script::object::{NativeFn, Type, Value};
use crate::script::vm::num::Num;
use crate::script::vm::{PyResult, Vm};
use std::rc::Rc;

const NUMBER_OPS: &[&str] = &[
    "__add__",
    "__radd__",
    "__sub__",
    "__rsub__",
    "__mul__",
    "__rmul__",
    "__truediv__",
    "__rtruediv__",
    "__floordiv__",
    "__rfloordiv__",
    "__mod__",
    "__rmod__",
    "__pow__",
    "__rpow__",
    "__divmod__",
    "__rdivmod__",
    "__neg__",
    "__pos__",
    "__abs__",
    "__bool__",
];
const COMPARE: &[&str] = &["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"];
const SIZED: &[&str] = &["__len__", "__contains__", "__iter__", "__repr__"];
const SET_OPS: &[&str] = &[
    "__and__", "__rand__", "__or__", "__ror__", "__sub__", "__rsub__", "__xor__", "__rxor__",
];
const INT_ONLY: &[&str] = &[
    "__and__",
    "__rand__",
    "__or__",
    "__ror__",
    "__xor__",
    "__rxor__",
    "__lshift__",
    "__rlshift__",
    "__rshift__",
    "__rrshift__",
    "__invert__",
    "__hash__",
    "__repr__",
];
const SEQUENCE: &[&str] = &["__getitem__", "__add__", "__mul__", "__rmul__"];

/// Installs the special methods on the built-in types.
pub fn install(vm: &Vm) {
    let t = &vm.types;
    let groups: &[(&Rc<Type>, &[&[&str]])] = &[
        (&t.int, &[NUMBER_OPS, COMPARE, INT_ONLY]),
        (&t.float, &[NUMBER_OPS, COMPARE, &["__hash__", "__repr__"]]),
        (
            &t.bool_,
            &[&[
                "__and__", "__rand__", "__or__", "__ror__", "__xor__", "__rxor__", "__repr__",
            ]],
        ),
        (
            &t.str,
            &[
                SIZED,
                COMPARE,
                SEQUENCE,
                &["__hash__", "__mod__", "__str__"],
            ],
        ),
        (
            &t.bytes,
            &[SIZED, COMPARE, SEQUENCE, &["__hash__", "__mod__"]],
        ),
        (
            &t.list,
            &[
                SIZED,
                COMPARE,
                SEQUENCE,
                &[
                    "__setitem__",
                    "__delitem__",
                    "__iadd__",
                    "__imul__",
                    "__reversed__",
                ],
            ],
        ),
        (&t.tuple, &[SIZED, COMPARE, SEQUENCE, &["__hash__"]]),
        (
            &t.dict,
            &[
                SIZED,
                &[
                    "__eq__",
                    "__ne__",
                    "__getitem__",
                    "__setitem__",
                    "__delitem__",
                    "__or__",
                ],
            ],
        ),
        (&t.set, &[SIZED, COMPARE, SET_OPS]),
        (&t.frozenset, &[SIZED, COMPARE, SET_OPS, &["__hash__"]]),
        (
            &t.range,
            &[
                SIZED,
                &["__eq__", "__ne__", "__getitem__", "__hash__", "__bool__"],
            ],
        ),
    ];
    for (ty, lists) in groups {
        for name in lists.iter().flat_map(|l| l.iter()) {
            if let Some(f) = implementation(name) {
                method(ty, name, f);
            }
        }
    }
    // Mutable containers are unhashable: CPython stores `__hash__ = None` on them.
    for ty in [&t.list, &t.dict, &t.set] {
        ty.dict.insert_str(vm.intern("__hash__"), Value::None);
    }
}

/// The implementation shared by every type that has the special method `name`.
fn implementation(name: &str) -> Option<NativeFn> {
    macro_rules! binary {
        ($op:expr, $reflected:expr) => {
            Some(|vm, a, _| binary(vm, a, $op, $reflected))
        };
    }
    macro_rules! compare {
        ($op:expr) => {
            Some(|vm, a, _| compare(vm, a, $op))
        };
    }
    macro_rules! unary {
        ($op:expr) => {
            Some(|vm, a, _| {
                arity(vm, "expected", a, 1, 1)?;
                vm.unary($op, &receiver(vm, &a[0])?)
            })
        };
    }
    match name {
        "__add__" => binary!(BinOp::Add, false),
        "__radd__" => binary!(BinOp::Add, true),
        "__sub__" => binary!(BinOp::Sub, false),
        "__rsub__" => binary!(BinOp::Sub, true),
        "__mul__" => binary!(BinOp::Mul, false),
        "__rmul__" => binary!(BinOp::Mul, true),
        "__truediv__" => binary!(BinOp::TrueDiv, false),
        "__rtruediv__" => binary!(BinOp::TrueDiv, true),
        "__floordiv__" => binary!(BinOp::FloorDiv, false),
        "__rfloordiv__" => binary!(BinOp::FloorDiv, true),
        "__mod__" => binary!(BinOp::Mod, false),
        "__rmod__" => binary!(BinOp::Mod, true),
        "__pow__" => binary!(BinOp::Pow, false),
        "__rpow__" => binary!(BinOp::Pow, true),
        "__lshift__" => binary!(BinOp::LShift, false),
        "__rlshift__" => binary!(BinOp::LShift, true),
        "__rshift__" => binary!(BinOp::RShift, false),
        "__rrshift__" => binary!(BinOp::RShift, true),
        "__and__" => binary!(BinOp::And, false),
        "__rand__" => binary!(BinOp::And, true),
        "__or__" => binary!(BinOp::Or, false),
        "__ror__" => binary!(BinOp::Or, true),
        "__xor__" => binary!(BinOp::Xor, false),
        "__rxor__" => binary!(BinOp::Xor, true),
        "__iadd__" => Some(|vm, a, _| {
            arity(vm, "__iadd__", a, 2, 2)?;
            vm.inplace(BinOp::Add, &a[0], &a[1])
        }),
        "__imul__" => Some(|vm, a, _| {
            arity(vm, "__imul__", a, 2, 2)?;
            vm.inplace(BinOp::Mul, &a[0], &a[1])
        }),
        "__reversed__" => Some(|vm, a, _| {
            arity(vm, "__reversed__", a, 1, 1)?;
            let reversed = vm.builtins.get("reversed").unwrap_or(Value::None);
            vm.call(&reversed, &[receiver(vm, &a[0])?], &[])
        }),
        "__divmod__" => Some(|vm, a, _| divmod(vm, a, false)),
        "__rdivmod__" => Some(|vm, a, _| divmod(vm, a, true)),
        "__eq__" => compare!(CmpOp::Eq),
        "__ne__" => compare!(CmpOp::Ne),
        "__lt__" => compare!(CmpOp::Lt),
        "__le__" => compare!(CmpOp::Le),
        "__gt__" => compare!(CmpOp::Gt),
        "__ge__" => compare!(CmpOp::Ge),
        "__neg__" => unary!(UnaryOp::Neg),
        "__pos__" => unary!(UnaryOp::Pos),
        "__invert__" => unary!(UnaryOp::Invert),
        "__abs__" => Some(|vm, a, _| {
            arity(vm, "__abs__", a, 1, 1)?;
            let x = receiver(vm, &a[0])?;
            match Num::of(&x) {
                Some(_) if vm.truthy(&vm.compare(CmpOp::Lt, &x, &Value::Int(0))?)? => {
                    vm.unary(UnaryOp::Neg, &x)
                }
                _ => vm.unary(UnaryOp::Pos, &x),
            }
        }),
        "__bool__" => Some(|vm, a, _| {
            arity(vm, "__bool__", a, 1, 1)?;
            Ok(Value::bool(vm.truthy(&receiver(vm, &a[0])?)?))
        }),
        "__hash__" => Some(|vm, a, _| {
            arity(vm, "__hash__", a, 1, 1)?;
            Ok(Value::Int(vm.hash_value(&receiver(vm, &a[0])?)?))
        }),
        "__repr__" => Some(|vm, a, _| {
            arity(vm, "__repr__", a, 1, 1)?;
            Ok(Value::string(vm.repr(&receiver(vm, &a[0])?)?))
        }),
        "__str__" => Some(|vm, a, _| {
            arity(vm, "__str__", a, 1, 1)?;
            Ok(Value::string(vm.str(&receiver(vm, &a[0])?)?))
        }),
        "__len__" => Some(|vm, a, _| {
            arity(vm, "__len__", a, 1, 1)?;
            Ok(Value::from(vm.len(&receiver(vm, &a[0])?)?))
        }),
        "__iter__" => Some(|vm, a, _| {
            arity(vm, "__iter__", a, 1, 1)?;
            vm.iter(&receiver(vm, &a[0])?)
        }),
        "__contains__" => Some(|vm, a, _| {
            arity(vm, "__contains__", a, 2, 2)?;
            Ok(Value::bool(vm.contains(&receiver(vm, &a[0])?, &a[1])?))
        }),
        "__getitem__" => Some(|vm, a, _| {
            arity(vm, "__getitem__", a, 2, 2)?;
            vm.get_item(&receiver(vm, &a[0])?, &a[1])
        }),
        "__setitem__" => Some(|vm, a, _| {
            arity(vm, "__setitem__", a, 3, 3)?;
            vm.set_item(&receiver(vm, &a[0])?, &a[1], a[2].clone())?;
            Ok(Value::None)
        }),
        "__delitem__" => Some(|vm, a, _| {
            arity(vm, "__delitem__", a, 2, 2)?;
            vm.del_item(&receiver(vm, &a[0])?, &a[1])?;
            Ok(Value::None)
        }),
        _ => None,
    }
}

/// The built-in value inside an instance of a subclass of a built-in type (or the value
/// itself).
fn plain(v: &Value) -> Value {
    if let Value::Instance(i) = v {
        let base = i.base.borrow();
        if !base.is_undefined() {
            return base.clone();
        }
    }
    v.clone()
}

/// The receiver as a built-in value. An instance without one (made by `object.__new__`
/// on a subclass) is refused: delegating to the VM would come straight back here.
fn receiver(vm: &Vm, v: &Value) -> PyResult<Value> {
    match plain(v) {
        Value::Instance(_) | Value::Opaque(_) => Err(vm.type_error(format!(
            "descriptor requires a built-in object but received a '{}'",
            vm.type_name(v)
        ))),
        x => Ok(x),
    }
}

/// Whether two built-in values are operands the type's own operator accepts: the
/// special method returns `NotImplemented` otherwise, as CPython's slots do.
fn accepts(x: &Value, y: &Value) -> bool {
    use Value::*;
    match (x, y) {
        (Int(_) | BigInt(_) | Bool(_), _) => matches!(y, Int(_) | BigInt(_) | Bool(_)),
        (Float(_), _) => matches!(y, Int(_) | BigInt(_) | Bool(_) | Float(_)),
        (Instance(_) | Opaque(_), _) | (_, Instance(_) | Opaque(_)) => false,
        _ => true,
    }
}

fn binary(vm: &Vm, a: &[Value], op: BinOp, reflected: bool) -> PyResult<Value> {
    arity(vm, op.dunders().0, a, 2, 2)?;
    let (x, y) = (receiver(vm, &a[0])?, plain(&a[1]));
    let (x, y) = if reflected { (y, x) } else { (x, y) };
    let (first, second) = if reflected { (&y, &x) } else { (&x, &y) };
    if !accepts(first, second) {
        return Ok(Value::NotImplemented);
    }
    if matches!(op, BinOp::Add | BinOp::Mul)
        && matches!(
            first,
            Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_)
        )
    {
        // Sequence concatenation and repetition raise rather than defer, as in CPython.
        return match vm.try_builtin_binary(op, &x, &y)? {
            Some(v) => Ok(v),
            None => Err(vm.binary_error(op, &x, &y)),
        };
    }
    match vm.try_builtin_binary(op, &x, &y)? {
        Some(v) => Ok(v),
        None => Ok(Value::NotImplemented),
    }
}

fn divmod(vm: &Vm, a: &[Value], reflected: bool) -> PyResult<Value> {
    arity(vm, "__divmod__", a, 2, 2)?;
    let (x, y) = (receiver(vm, &a[0])?, plain(&a[1]));
    if Num::of(&y).is_none() || !accepts(&x, &y) {
        return Ok(Value::NotImplemented);
    }
    let (x, y) = if reflected { (y, x) } else { (x, y) };
    vm.number_divmod(&x, &y)
}

fn compare(vm: &Vm, a: &[Value], op: CmpOp) -> PyResult<Value> {
    use Value::*;
    arity(vm, "comparison", a, 2, 2)?;
    let (x, y) = (receiver(vm, &a[0])?, plain(&a[1]));
    let same_kind = match (&x, &y) {
        (Int(_) | BigInt(_) | Bool(_) | Float(_), _) => Num::of(&y).is_some() && accepts(&x, &y),
        (Set(_), Set(_)) => true,
        (Dict(_), Dict(_)) | (Range(_), Range(_)) => matches!(op, CmpOp::Eq | CmpOp::Ne),
        _ => std::mem::discriminant(&x) == std::mem::discriminant(&y),
    };
    if !same_kind {
        return Ok(NotImplemented);
    }
    vm.compare(op, &x, &y)
}
