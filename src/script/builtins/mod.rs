//! The `builtins` module: built-in functions, and the methods of the built-in types.

mod bytes;
mod codecs;
mod dict;
mod dunders;
mod functions;
mod list;
mod num;
mod object;
mod oserror;
mod str;

pub use list::range_of;
pub use num::{float_of, int_of};
pub use object::SuperObject;
pub use oserror::from_io as os_error_from_io;
pub use str::split_in_two;

use crate::script::object::{Builtin, Kwargs, NativeFn, Str, Type, Value};
use crate::script::vm::{PyResult, Vm};
use std::rc::Rc;

/// Fills the builtins module and the built-in types' method tables.
pub fn install(vm: &Rc<Vm>) {
    // bool is a subclass of int.
    *vm.types.bool_.bases.borrow_mut() = vec![vm.types.int.clone()];
    *vm.types.bool_.mro_tail.borrow_mut() = vec![vm.types.int.clone(), vm.types.object.clone()];
    for t in vm.types.all() {
        vm.builtins.set(t.name().as_str(), Value::Type(t));
    }
    for name in crate::script::vm::Types::exception_names() {
        vm.builtins
            .set(name, Value::Type(vm.types.exceptions[name].clone()));
    }
    // Names that exist in `builtins` under other spellings.
    vm.builtins.set("bool", Value::Type(vm.types.bool_.clone()));
    vm.builtins
        .set("super", Value::Type(vm.types.super_.clone()));
    vm.builtins.set("None", Value::None);
    vm.builtins.set("True", Value::bool(true));
    vm.builtins.set("False", Value::bool(false));
    vm.builtins.set("NotImplemented", Value::NotImplemented);
    vm.builtins.set("Ellipsis", Value::Ellipsis);
    vm.builtins.set("__name__", Value::str("builtins"));
    vm.builtins
        .set("EnvironmentError", Value::Type(vm.types.os_error.clone()));
    vm.builtins
        .set("IOError", Value::Type(vm.types.os_error.clone()));
    // First, so that the types' own more specific methods override these.
    dunders::install(vm);
    functions::install(vm);
    object::install(vm);
    num::install(vm);
    str::install(vm);
    bytes::install(vm);
    list::install(vm);
    dict::install(vm);
    oserror::install(vm);
}

/// Adds a method to a built-in type.
pub fn method(t: &Rc<Type>, name: &'static str, func: NativeFn) {
    add_method(t, name, func, None);
}

/// Adds a method that, called from script code, acts on the dispatch loop itself through
/// `hook` (see [`crate::script::object::func::LoopHook`]); `func` serves every other call.
pub fn hooked_method(
    t: &Rc<Type>,
    name: &'static str,
    func: NativeFn,
    hook: crate::script::object::func::LoopHook,
) {
    add_method(t, name, func, Some(hook));
}

fn add_method(
    t: &Rc<Type>,
    name: &'static str,
    func: NativeFn,
    hook: Option<crate::script::object::func::LoopHook>,
) {
    let owner: &'static str = leak_name(t);
    t.dict.insert_str(
        crate::script::object::str::intern(name),
        Value::Builtin(Rc::new(Builtin {
            name,
            func,
            owner: Some(owner),
            hook,
        })),
    );
}

/// Adds a class method (receiving the class) to a built-in type.
pub fn class_method(t: &Rc<Type>, name: &'static str, func: NativeFn) {
    let f = Value::Builtin(Rc::new(Builtin {
        name,
        func,
        owner: Some(leak_name(t)),
        hook: None,
    }));
    t.dict.insert_str(
        crate::script::object::str::intern(name),
        Value::Decorated(Rc::new(crate::script::object::misc::StaticOrClassMethod {
            func: f,
            is_class: true,
        })),
    );
}

/// Built-in type names live as long as the program (there are a few dozen).
fn leak_name(t: &Type) -> &'static str {
    let name = t.name();
    match name.as_str() {
        "object" => "object",
        "BaseException" => "BaseException",
        other => Box::leak(other.to_owned().into_boxed_str()),
    }
}

/// Adds a property with native accessors to a built-in type (no setter or deleter when
/// not given: assigning or deleting then raises as CPython's read-only attributes do).
pub fn property(
    t: &Rc<Type>,
    name: &'static str,
    get: NativeFn,
    set: Option<NativeFn>,
    del: Option<NativeFn>,
) {
    let native = |f: Option<NativeFn>| f.map_or(Value::None, |f| crate::script::native(name, f));
    t.dict.insert_str(
        crate::script::object::str::intern(name),
        Value::Property(Rc::new(crate::script::object::misc::Property {
            getter: crate::script::native(name, get),
            setter: native(set),
            deleter: native(del),
            doc: Value::None,
            name: std::cell::RefCell::new(Some(crate::script::object::str::intern(name))),
        })),
    );
}

/// Adds a function to the builtins module.
pub fn function(vm: &Vm, name: &'static str, func: NativeFn) {
    vm.builtins.set(name, crate::script::native(name, func));
}

/// Adds a built-in function that, called from script code, works on the loop's registers
/// through `hook` (see [`crate::script::object::func::LoopHook`]); `func` serves every
/// other call. Returns the function installed.
pub fn hooked_function(
    vm: &Vm,
    name: &'static str,
    func: NativeFn,
    hook: crate::script::object::func::LoopHook,
) -> Rc<Builtin> {
    let f = Rc::new(Builtin {
        name,
        func,
        owner: None,
        hook: Some(hook),
    });
    vm.builtins.set(name, Value::Builtin(f.clone()));
    f
}

/// Checks a native function's positional argument count.
pub fn arity(vm: &Vm, name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    if args.len() < min || args.len() > max {
        return Err(arity_error(vm, name, args.len(), min, max));
    }
    Ok(())
}

#[cold]
fn arity_error(
    vm: &Vm,
    name: &str,
    given: usize,
    min: usize,
    max: usize,
) -> crate::script::vm::Exc {
    if min == max {
        if min == 0 {
            return vm.type_error(format!("{name}() takes no arguments ({given} given)"));
        }
        if min == 1 {
            return vm.type_error(format!(
                "{name}() takes exactly one argument ({given} given)"
            ));
        }
        return vm.type_error(format!("{name} expected {min} arguments, got {given}"));
    }
    if given < min {
        vm.type_error(format!(
            "{name} expected at least {min} argument{}, got {given}",
            if min == 1 { "" } else { "s" }
        ))
    } else {
        vm.type_error(format!(
            "{name} expected at most {max} argument{}, got {given}",
            if max == 1 { "" } else { "s" }
        ))
    }
}

/// Rejects keyword arguments for a native function that takes none.
pub fn no_kwargs(vm: &Vm, name: &str, kwargs: Kwargs<'_>) -> PyResult<()> {
    if !kwargs.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// A keyword argument by name.
pub fn kwarg<'a>(kwargs: Kwargs<'a>, name: &str) -> Option<&'a Value> {
    kwargs
        .iter()
        .find(|(k, _)| k.as_str() == name)
        .map(|(_, v)| v)
}

/// Rejects keyword arguments other than `allowed`.
pub fn only_kwargs(vm: &Vm, func: &str, kwargs: Kwargs<'_>, allowed: &[&str]) -> PyResult<()> {
    for (k, _) in kwargs {
        if !allowed.contains(&k.as_str()) {
            return Err(vm.type_error(format!(
                "{func}() got an unexpected keyword argument '{}'",
                k.as_str()
            )));
        }
    }
    Ok(())
}

/// A `str` argument.
pub fn str_arg<'a>(vm: &Vm, func: &str, v: &'a Value) -> PyResult<&'a Str> {
    match v {
        Value::Str(s) => Ok(s),
        other => Err(vm.type_error(format!(
            "{func}() argument must be str, not {}",
            vm.type_name(other)
        ))),
    }
}

/// The result of a built-in immutable type's `__new__` called for a subclass
/// (`int.__new__(MyInt, 5)`, `super().__new__(cls, x)`): an instance of the subclass wrapping
/// the built-in value. `a[0]` is the class asked for.
pub fn subclassed(a: &[Value], value: Value) -> PyResult<Value> {
    match a.first() {
        Some(Value::Type(cls)) if cls.heap => {
            let inst = crate::script::object::Instance::new(cls.clone());
            *inst.base.borrow_mut() = value;
            Ok(Value::instance(inst))
        }
        _ => Ok(value),
    }
}
