//! `OSError`'s constructor and `str()`: `OSError(errno, strerror[, filename])` sets the
//! `errno`, `strerror` and `filename` attributes, keeps only `(errno, strerror)` as its
//! args, picks the subclass matching the errno (`OSError(2, ...)` is a
//! `FileNotFoundError`), and prints as `[Errno 2] No such file: 'name'`.

use super::method;
use crate::script::object::{Instance, Type, Value};
use crate::script::vm::Vm;
use std::rc::Rc;

pub fn install(vm: &Vm) {
    let t = &vm.types.os_error;
    method(t, "__new__", |vm, a, k| {
        let Some(Value::Type(cls)) = a.first() else {
            return Err(vm.type_error("OSError.__new__(X): X is not a type object"));
        };
        // Keywords go to a subclass's own `__init__`; `OSError`'s takes none.
        if matches!(cls.lookup(&vm.names.init), Some(Value::Builtin(b)) if b.owner == Some("OSError"))
        {
            vm.exception_keywords(cls, k)?;
        }
        let args = &a[1..];
        let cls = if Rc::ptr_eq(cls, &vm.types.os_error) {
            errno_class(vm, args)
        } else {
            cls.clone()
        };
        let inst = Rc::new(Instance::new(cls));
        fill(vm, &inst, args);
        Ok(Value::Instance(inst))
    });
    method(t, "__init__", |vm, a, _| {
        if let Some(Value::Instance(inst)) = a.first() {
            fill(vm, inst, &a[1..]);
        }
        Ok(Value::None)
    });
    method(t, "__str__", |vm, a, _| {
        let Some(v @ Value::Instance(inst)) = a.first() else {
            return Ok(Value::str(""));
        };
        let attr = |name: &str| {
            inst.get_attr(&crate::script::object::Str::new(name))
                .unwrap_or(Value::None)
        };
        let (errno, strerror, filename, filename2) = (
            attr("errno"),
            attr("strerror"),
            attr("filename"),
            attr("filename2"),
        );
        if !filename.is_none() {
            let mut s = format!(
                "[Errno {}] {}: {}",
                vm.str(&errno)?,
                vm.str(&strerror)?,
                vm.repr(&filename)?
            );
            if !filename2.is_none() {
                s.push_str(&format!(" -> {}", vm.repr(&filename2)?));
            }
            return Ok(Value::string(s));
        }
        if !errno.is_none() && !strerror.is_none() {
            return Ok(Value::string(format!(
                "[Errno {}] {}",
                vm.str(&errno)?,
                vm.str(&strerror)?
            )));
        }
        let base = vm
            .types
            .base_exception
            .lookup(&vm.names.str)
            .unwrap_or_default();
        vm.call(&base, std::slice::from_ref(v), &[])
    });
}

/// Sets the args and the errno attributes from the constructor arguments.
fn fill(vm: &Vm, inst: &Rc<Instance>, args: &[Value]) {
    let set = |name: &str, v: Value| inst.set_attr(vm.intern(name), v);
    let with_errno = (2..=5).contains(&args.len());
    let get = |i: usize| {
        if with_errno {
            args.get(i).cloned().unwrap_or(Value::None)
        } else {
            Value::None
        }
    };
    set("errno", get(0));
    set("strerror", get(1));
    set("filename", get(2));
    set("filename2", get(4));
    if let Some(exc) = &inst.exc {
        let kept = if with_errno && args.len() > 2 {
            &args[..2]
        } else {
            args
        };
        *exc.args.borrow_mut() = Value::tuple(kept.to_vec());
    }
}

/// The `OSError` subclass CPython picks for an errno.
fn errno_class(vm: &Vm, args: &[Value]) -> Rc<Type> {
    let errno = match args {
        [Value::Int(e), _, ..] if args.len() <= 5 => *e as i32,
        _ => return vm.types.os_error.clone(),
    };
    let name = match errno {
        libc::ENOENT => "FileNotFoundError",
        libc::EEXIST => "FileExistsError",
        libc::EACCES | libc::EPERM => "PermissionError",
        libc::EISDIR => "IsADirectoryError",
        libc::ENOTDIR => "NotADirectoryError",
        libc::ETIMEDOUT => "TimeoutError",
        libc::EPIPE | libc::ESHUTDOWN => "BrokenPipeError",
        _ => return vm.types.os_error.clone(),
    };
    vm.types
        .exceptions
        .get(name)
        .cloned()
        .unwrap_or_else(|| vm.types.os_error.clone())
}

/// The exception for a failed file operation on `filename`, as CPython raises it.
pub fn from_io(vm: &Vm, e: &std::io::Error, filename: &str) -> crate::script::vm::Exc {
    let errno = e.raw_os_error().unwrap_or(0);
    let text = e.to_string();
    // Rust appends " (os error N)" to the C library's message.
    let text = text.split(" (os error").next().unwrap_or(&text).to_owned();
    let args = [
        Value::Int(errno as i64),
        Value::string(text),
        Value::str(filename),
    ];
    let exc = vm.new_exception(&errno_class(vm, &args), vec![]);
    fill(vm, &exc, &args);
    exc
}
