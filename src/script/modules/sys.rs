//! The `sys` module.

use super::native_module;
use crate::script::builtins::{arity, str_arg};
use crate::script::modules::io::{stream, StreamKind};
use crate::script::object::{Instance, Module, Str, Value};
use crate::script::vm::Vm;
use std::rc::Rc;

pub fn module(vm: &Vm) -> Rc<Module> {
    let m = native_module(
        "sys",
        &[
            ("exit", |vm, a, _| {
                let code = a.first().cloned().unwrap_or(Value::None);
                Err(vm.new_exception(
                    &vm.types.system_exit,
                    if code.is_none() { vec![] } else { vec![code] },
                ))
            }),
            ("getrecursionlimit", |vm, _, _| {
                Ok(Value::from(vm.recursion_limit.get()))
            }),
            ("setrecursionlimit", |vm, a, _| {
                arity(vm, "setrecursionlimit", a, 1, 1)?;
                let n = match &a[0] {
                    Value::Int(n) => *n,
                    Value::Bool(b) => b.get() as i64,
                    other => {
                        return Err(vm.type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            vm.type_name(other)
                        )))
                    }
                };
                if n < 1 {
                    return Err(vm.value_error("recursion limit must be greater or equal than 1"));
                }
                vm.recursion_limit.set(n as usize);
                Ok(Value::None)
            }),
            ("exc_info", |vm, _, _| Ok(exc_info(vm))),
            ("exception", |vm, _, _| {
                Ok(match vm.current_exception() {
                    Some(e) => e,
                    None => Value::None,
                })
            }),
            ("intern", |vm, a, _| {
                arity(vm, "intern", a, 1, 1)?;
                let s = str_arg(vm, "intern", &a[0])?;
                Ok(Value::Str(intern(&a[0], s)))
            }),
            ("getsizeof", |vm, a, _| {
                arity(vm, "getsizeof", a, 1, 2)?;
                Ok(Value::Int(match &a[0] {
                    Value::Int(_) | Value::Bool(_) | Value::Float(_) | Value::None => 24,
                    Value::Str(s) => 49 + s.as_str().len() as i64,
                    Value::List(l) => 56 + 8 * l.len() as i64,
                    Value::Tuple(t) => 40 + 8 * t.len() as i64,
                    _ => 64,
                }))
            }),
        ],
    );
    let argv = vm.argv.borrow().iter().map(|a| Value::str(a)).collect();
    m.set("argv", Value::list(argv));
    let path = vm.path.borrow().iter().map(|p| Value::str(p)).collect();
    m.set("path", Value::list(path));
    m.set("modules", Value::Dict(vm.modules.clone()));
    m.set(
        "version",
        Value::str(concat!("3.11.0 (stacklet ", env!("CARGO_PKG_VERSION"), ")")),
    );
    // CPython's `version_info` is a named tuple (a struct sequence): a tuple subclass with
    // field attributes and a keyword repr, simplest written in the script language. If the
    // definition fails to run, a plain tuple stands in.
    m.set(
        "version_info",
        Value::tuple(vec![
            Value::Int(3),
            Value::Int(11),
            Value::Int(0),
            Value::str("final"),
            Value::Int(0),
        ]),
    );
    let _ = vm.run_source(&m, "<frozen sys>", VERSION_INFO);
    m.set("hexversion", Value::Int(0x030b00f0));
    m.set("maxsize", Value::Int(i64::MAX));
    m.set(
        "byteorder",
        Value::str(if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        }),
    );
    m.set("platform", Value::str(std::env::consts::OS));
    m.set(
        "executable",
        Value::string(
            std::env::current_exe()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
        ),
    );
    let implementation = Rc::new(Instance::new(vm.types.object.clone()));
    implementation.set_attr(Rc::new(Str::new("name")), Value::str("stacklet"));
    implementation.set_attr(
        Rc::new(Str::new("version")),
        Value::tuple(vec![Value::Int(0), Value::Int(1), Value::Int(0)]),
    );
    m.set("implementation", Value::Instance(implementation));
    m.set("stdout", stream(vm, StreamKind::Stdout));
    m.set("stderr", stream(vm, StreamKind::Stderr));
    m.set("stdin", stream(vm, StreamKind::Stdin));
    m.set("__stdout__", m.get("stdout").unwrap_or_default());
    m.set("__stderr__", m.get("stderr").unwrap_or_default());
    m
}

thread_local! {
    /// `sys.intern`'s table: one interpreter runs per thread.
    static INTERNED: std::cell::RefCell<std::collections::HashMap<String, Rc<crate::script::object::Str>>> =
        Default::default();
}

/// The interned string equal to `s` (the first one interned, else `s` itself).
fn intern(v: &Value, s: &crate::script::object::Str) -> Rc<crate::script::object::Str> {
    INTERNED.with(|t| {
        let mut t = t.borrow_mut();
        if let Some(found) = t.get(s.as_str()) {
            return found.clone();
        }
        let rc = match v {
            Value::Str(rc) => rc.clone(),
            _ => Rc::new(crate::script::object::Str::new(s.as_str())),
        };
        t.insert(s.as_str().to_owned(), rc.clone());
        rc
    })
}

fn exc_info(vm: &Vm) -> Value {
    match vm.current_exception() {
        Some(e) => {
            let tb = match &e {
                Value::Instance(inst) => vm.traceback_of(inst),
                _ => Value::None,
            };
            Value::tuple(vec![Value::Type(vm.types.type_of(&e).clone()), e, tb])
        }
        None => Value::tuple(vec![Value::None, Value::None, Value::None]),
    }
}

impl Vm {
    /// The exception being handled, as `sys.exc_info()` sees it.
    pub fn current_exception(&self) -> Option<Value> {
        self.exc_stack.last()
    }
}

/// `sys.path` as the import machinery reads it.
pub fn search_path(vm: &Vm) -> Vec<String> {
    match vm.get_module("sys") {
        Some(Value::Module(m)) => match m.get("path") {
            Some(Value::List(l)) => l
                .snapshot()
                .iter()
                .filter_map(|v| v.as_str().map(|s| s.as_str().to_owned()))
                .collect(),
            _ => vm.path.borrow().clone(),
        },
        _ => vm.path.borrow().clone(),
    }
}

const VERSION_INFO: &str = "
_values = version_info
class version_info(tuple):
    _fields = ('major', 'minor', 'micro', 'releaselevel', 'serial')
    major = property(lambda self: self[0])
    minor = property(lambda self: self[1])
    micro = property(lambda self: self[2])
    releaselevel = property(lambda self: self[3])
    serial = property(lambda self: self[4])
    def __repr__(self):
        fields = ', '.join(f'{n}={v!r}' for n, v in zip(self._fields, self))
        return f'sys.version_info({fields})'
version_info = version_info(_values)
del _values
";
