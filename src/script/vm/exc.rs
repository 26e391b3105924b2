//! Creating, matching and printing exceptions.
//!
//! Constructors are `#[cold]`: the hot paths only ever carry the one-pointer `Exc` outward.

use super::{Exc, PyResult, Vm};
use crate::script::object::class::TraceEntry;
use crate::script::object::{Instance, Tuple, Type, Value};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// The exceptions being handled (`except` blocks entered and not left), innermost last:
/// what a bare `raise` re-raises and what a new exception takes as its context.
///
/// Every call notes its length and every return compares with it, so the length is kept
/// beside the vector in a `Cell`: reading it takes one load instead of a `RefCell` borrow.
/// The vector is reachable only through these methods, which keep the two in step.
#[derive(Default)]
pub struct ExcStack {
    items: RefCell<Vec<Value>>,
    len: Cell<usize>,
}

impl ExcStack {
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len.get()
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len.get() == 0
    }

    pub fn last(&self) -> Option<Value> {
        self.items.borrow().last().cloned()
    }

    pub fn push(&self, exc: Value) {
        let mut items = self.items.borrow_mut();
        items.push(exc);
        self.len.set(items.len());
    }

    pub fn pop(&self) -> Option<Value> {
        let mut items = self.items.borrow_mut();
        let top = items.pop();
        self.len.set(items.len());
        top
    }

    /// Leaves the innermost `len` entries out; the values go after the borrow ends.
    #[inline(always)]
    pub fn truncate(&self, len: usize) {
        if self.len.get() > len {
            self.truncate_slow(len);
        }
    }

    #[cold]
    fn truncate_slow(&self, len: usize) {
        let dropped = self.items.borrow_mut().split_off(len);
        self.len.set(len);
        drop(dropped);
    }

    /// Takes the whole stack out, leaving it empty.
    pub fn take(&self) -> Vec<Value> {
        self.len.set(0);
        std::mem::take(&mut *self.items.borrow_mut())
    }

    /// Replaces the whole stack with `items`; the old entries go after the borrow ends.
    pub fn replace(&self, items: Vec<Value>) {
        self.len.set(items.len());
        let old = std::mem::replace(&mut *self.items.borrow_mut(), items);
        drop(old);
    }

    /// Exchanges the stack with `other` (a greenlet's, mostly both empty: then nothing
    /// moves).
    #[inline]
    pub fn swap(&self, other: &mut Vec<Value>) {
        if !(self.is_empty() && other.is_empty()) {
            let mut items = self.items.borrow_mut();
            std::mem::swap(&mut *items, other);
            self.len.set(items.len());
        }
    }
}

impl Vm {
    #[cold]
    pub fn new_exception(&self, class: &Rc<Type>, args: Vec<Value>) -> Exc {
        let inst = Instance::new(class.clone());
        if let Some(exc) = &inst.exc {
            *exc.args.borrow_mut() = Value::tuple(args);
        }
        Rc::new(inst)
    }

    #[cold]
    pub fn new_error(&self, class: &Rc<Type>, msg: impl Into<String>) -> Exc {
        self.new_exception(class, vec![Value::string(msg.into())])
    }

    #[cold]
    pub fn type_error(&self, msg: impl Into<String>) -> Exc {
        self.new_error(&self.types.type_error, msg)
    }

    #[cold]
    pub fn value_error(&self, msg: impl Into<String>) -> Exc {
        self.new_error(&self.types.value_error, msg)
    }

    #[cold]
    pub fn index_error(&self, msg: impl Into<String>) -> Exc {
        self.new_error(&self.types.index_error, msg)
    }

    #[cold]
    pub fn attribute_error(&self, msg: impl Into<String>) -> Exc {
        self.new_error(&self.types.attribute_error, msg)
    }

    #[cold]
    pub fn runtime_error(&self, msg: impl Into<String>) -> Exc {
        self.new_error(&self.types.runtime_error, msg)
    }

    #[cold]
    pub fn overflow_error(&self, msg: impl Into<String>) -> Exc {
        self.new_error(&self.types.overflow_error, msg)
    }

    #[cold]
    pub fn zero_division(&self, msg: impl Into<String>) -> Exc {
        self.new_error(&self.types.zero_division_error, msg)
    }

    #[cold]
    pub fn key_error(&self, key: Value) -> Exc {
        self.new_exception(&self.types.key_error, vec![key])
    }

    #[cold]
    pub fn stop_iteration(&self, value: Value) -> Exc {
        let args = if value.is_none() { vec![] } else { vec![value] };
        self.new_exception(&self.types.stop_iteration, args)
    }

    #[cold]
    pub fn not_implemented(&self, what: impl Into<String>) -> Exc {
        self.new_error(&self.types.not_implemented_error, what)
    }

    /// The name CPython prints for a type in error messages.
    /// The name of `v`'s type as CPython's messages give it: native modules' types are
    /// qualified by their module (`decimal.Decimal`, `greenlet.greenlet`).
    pub fn type_name(&self, v: &Value) -> String {
        let t = self.types.type_of(v);
        let module = t.module.borrow();
        if t.heap || module.as_str() == "builtins" {
            t.name().as_str().to_owned()
        } else {
            format!("{}.{}", module.as_str(), t.name().as_str())
        }
    }

    /// `raise X`: turns a class or instance into the exception to raise.
    pub fn make_raisable(&self, v: Value) -> PyResult<Exc> {
        match v {
            Value::Instance(i) if i.exc.is_some() => Ok(i),
            Value::Type(t) if t.layout == crate::script::object::Layout::Exception => {
                match self.call(&Value::Type(t), &[], &[])? {
                    Value::Instance(i) if i.exc.is_some() => Ok(i),
                    other => Err(self.type_error(format!(
                        "calling {} should have returned an instance of BaseException, not {}",
                        self.repr(&other)?,
                        self.type_name(&other)
                    ))),
                }
            }
            _ => Err(self.type_error("exceptions must derive from BaseException")),
        }
    }

    /// Whether `exc` matches an `except` clause's class (or tuple of classes).
    pub fn exc_matches(&self, exc: &Value, typ: &Value) -> PyResult<bool> {
        match typ {
            Value::Type(t) => {
                if t.layout != crate::script::object::Layout::Exception {
                    return Err(self.type_error(
                        "catching classes that do not inherit from BaseException is not allowed",
                    ));
                }
                Ok(self.types.type_of(exc).is_subtype(t))
            }
            Value::Tuple(items) => {
                for t in items.items.iter() {
                    if self.exc_matches(exc, t)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    pub fn exc_args(&self, exc: &Instance) -> Rc<Tuple> {
        match exc.exc.as_ref().map(|e| e.args.borrow().clone()) {
            Some(Value::Tuple(t)) => t,
            _ => Rc::new(Tuple::new(vec![])),
        }
    }

    /// `str(exc)` as CPython computes it for built-in exceptions.
    pub fn exc_str(&self, exc: &Exc) -> PyResult<String> {
        let class = exc.class();
        if class
            .lookup(&self.names.str)
            .is_some_and(|m| !matches!(m, Value::Builtin(_)))
        {
            return self.str(&Value::Instance(exc.clone()));
        }
        let args = self.exc_args(exc);
        if class.is_subtype(&self.types.syntax_error) && !args.items.is_empty() {
            return self.str(&args.items[0]);
        }
        Ok(match args.items.len() {
            0 => String::new(),
            1 if class.is_subtype(&self.types.key_error) => self.repr(&args.items[0])?,
            1 => self.str(&args.items[0])?,
            _ => self.repr(&Value::Tuple(args))?,
        })
    }

    /// `module.Name` for a class, as tracebacks print it (bare for builtins and `__main__`).
    pub fn exc_type_name(&self, class: &Rc<Type>) -> String {
        let module = class.module.borrow().as_str().to_owned();
        let name = class.qualname.borrow().as_str().to_owned();
        if module == "builtins" || module == "__main__" {
            name
        } else {
            format!("{module}.{name}")
        }
    }

    /// Records that `exc` passes through the frame running `code` at `pc`.
    pub fn add_traceback(&self, exc: &Exc, code: &Rc<crate::script::compile::code::Code>, pc: u32) {
        if let Some(state) = &exc.exc {
            state.traceback.borrow_mut().push(TraceEntry {
                code: code.clone(),
                pc,
            });
        }
    }

    /// The full report CPython prints for an uncaught exception, chained ones first.
    pub fn format_exception(&self, exc: &Exc) -> String {
        let mut out = String::new();
        self.format_chain(exc, &mut out, 0);
        out
    }

    fn format_chain(&self, exc: &Exc, out: &mut String, depth: usize) {
        if let Some(state) = &exc.exc {
            if depth < 50 {
                let cause = state.cause.borrow().clone();
                let context = state.context.borrow().clone();
                if let Value::Instance(c) = cause {
                    self.format_chain(&c, out, depth + 1);
                    out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
                } else if let (Value::Instance(c), false) = (context, state.suppress_context.get())
                {
                    self.format_chain(&c, out, depth + 1);
                    out.push_str(
                        "\nDuring handling of the above exception, another exception occurred:\n\n",
                    );
                }
            }
            let tb = state.traceback.borrow();
            if !tb.is_empty() {
                out.push_str("Traceback (most recent call last):\n");
                for entry in tb.iter().rev() {
                    let line = entry.code.line_of(entry.pc);
                    out.push_str(&format!(
                        "  File \"{}\", line {}, in {}\n",
                        entry.code.source.filename,
                        line,
                        entry.code.name.as_str()
                    ));
                    if let Some(text) = entry.code.source.line(line) {
                        let text = text.trim();
                        if !text.is_empty() {
                            out.push_str(&format!("    {text}\n"));
                        }
                    }
                }
            }
        }
        if let Some(location) = self.syntax_error_location(exc) {
            out.push_str(&location);
        }
        out.push_str(&self.exc_only(exc));
    }

    /// The last line of a traceback: `Type: message`.
    pub fn exc_only(&self, exc: &Exc) -> String {
        let name = self.exc_type_name(exc.class());
        let msg = self
            .exc_str(exc)
            .unwrap_or_else(|_| "<exception str() failed>".to_owned());
        if msg.is_empty() {
            format!("{name}\n")
        } else {
            format!("{name}: {msg}\n")
        }
    }
}
