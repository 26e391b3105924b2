//! Built-in modules: native ones (`sys`, `math`, `time`) and ones written in the script
//! language itself (`timeit`), compiled on first import.

mod continuation;
mod decimal;
pub(crate) mod greenlet;
mod introspect;
pub mod io;
mod math;
mod os;
mod re;
mod sys;

pub use sys::search_path;
mod time;

use crate::script::object::{Module, NativeFn, Value};
use crate::script::vm::{PyResult, Vm};
use std::rc::Rc;

/// Modules whose source is part of the interpreter.
const SCRIPT_MODULES: &[(&str, &str)] = &[
    ("posixpath", include_str!("posixpath.py")),
    ("timeit", include_str!("timeit.py")),
    ("operator", include_str!("operator.py")),
    ("functools", include_str!("functools.py")),
    ("itertools", include_str!("itertools.py")),
    ("collections", include_str!("collections.py")),
    ("string", include_str!("string.py")),
    ("random", include_str!("random.py")),
    ("heapq", include_str!("heapq.py")),
    ("json", include_str!("json/__init__.py")),
    ("json.decoder", include_str!("json/decoder.py")),
    ("json.encoder", include_str!("json/encoder.py")),
];

/// The built-in module `name`, created on first import; `None` if there is none.
pub fn builtin_module(vm: &Vm, name: &str) -> PyResult<Option<Value>> {
    let m = match name {
        "sys" => sys::module(vm),
        "math" => math::module(vm),
        "time" => time::module(vm),
        "greenlet" => greenlet::module(vm),
        "gc" => introspect::gc(vm),
        "os" => os::module(vm)?,
        "re" => re::module(vm),
        "__stacklet__" => introspect::stacklet(vm),
        "_continuation" => continuation::module(vm)?,
        "decimal" => decimal::module(vm)?,
        _ => {
            let Some((_, source)) = SCRIPT_MODULES.iter().find(|(n, _)| *n == name) else {
                return Ok(None);
            };
            let m = Rc::new(Module::new(name));
            m.set("__name__", Value::str(name));
            vm.set_module(name, Value::Module(m.clone()));
            vm.run_source(&m, &format!("<frozen {name}>"), source)?;
            m
        }
    };
    Ok(Some(Value::Module(m)))
}

/// A new native module with the given functions.
pub fn native_module(name: &str, functions: &[(&'static str, NativeFn)]) -> Rc<Module> {
    let m = Rc::new(Module::new(name));
    m.set("__name__", Value::str(name));
    for (n, f) in functions {
        m.set(n, crate::script::native(n, *f));
    }
    m
}
