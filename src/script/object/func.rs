//! Callables: script functions, native builtins, bound methods, and closure cells.

use super::dict::Dict;
use super::module::Module;
use super::str::Str;
use super::value::Value;
use crate::script::compile::code::Code;
use crate::script::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

/// A function defined by a script: its code, the module whose globals it sees, its
/// defaults and its closure.
pub struct Function {
    pub code: Rc<Code>,
    pub module: Rc<Module>,
    /// Defaults of the last positional parameters.
    pub defaults: RefCell<Rc<[Value]>>,
    /// Defaults of keyword-only parameters, by their position (`Undefined` when required).
    pub kwdefaults: Box<[Value]>,
    pub closure: Box<[Rc<Cell>]>,
    pub name: RefCell<Rc<Str>>,
    pub qualname: RefCell<Rc<Str>>,
    /// Attributes set on the function object (`f.calls = 0`, `__doc__`, `__wrapped__`).
    pub dict: RefCell<Option<Rc<Dict>>>,
}

/// Keyword arguments as the VM passes them to native code.
pub type Kwargs<'a> = &'a [(Rc<Str>, Value)];

/// The signature of every native function: positional arguments (for a method, `self` first)
/// and keyword arguments.
pub type NativeFn = fn(&Vm, &[Value], Kwargs<'_>) -> PyResult<Value>;

/// A function implemented in Rust.
pub struct Builtin {
    pub name: &'static str,
    pub func: NativeFn,
    /// For methods of built-in types: the type's name, for error messages and `repr`.
    pub owner: Option<&'static str>,
    /// Called instead of `func` when script code calls the built-in directly from the
    /// dispatch loop, with the loop's execution state: a greenlet switch swaps execution
    /// states there instead of suspending a native stack.
    pub hook: Option<LoopHook>,
}

/// A built-in's way in to the dispatch loop: `args` is the absolute register of the first
/// argument (the receiver), `dst` the absolute register of the result.
pub type LoopHook = fn(
    &Vm,
    &mut crate::script::vm::frame::ExecState,
    args: usize,
    argc: usize,
    dst: usize,
) -> PyResult<crate::script::vm::frame::LoopFlow>;

/// A callable bound to its first argument (`obj.method`).
pub struct BoundMethod {
    pub func: Value,
    pub receiver: Value,
}

/// A variable captured by a closure.
#[derive(Default)]
pub struct Cell {
    pub value: RefCell<Value>,
}

impl Cell {
    pub fn new(value: Value) -> Cell {
        Cell {
            value: RefCell::new(value),
        }
    }

    #[inline]
    pub fn get(&self) -> Value {
        self.value.borrow().clone()
    }

    #[inline]
    pub fn set(&self, value: Value) {
        let old = Value::put(&mut self.value.borrow_mut(), value);
        drop(old);
    }
}
