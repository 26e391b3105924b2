//! The virtual machine: one per OS thread, holding the built-in types, the module table and
//! the recursion accounting; the dispatch loop runs on an [`frame::ExecState`] per greenlet.

pub mod attr;
pub mod call;
pub mod collect;
mod dispatch;
pub mod exc;
pub mod finalize;
pub mod format;
pub mod frame;
pub mod generator;
pub mod import;
pub mod inline_cache;
pub mod item;
pub mod iter;
pub mod num;
pub mod ops;
pub mod pattern;
pub mod repr;
pub mod traceback;
pub mod types;

use crate::script::object::{Instance, Module, Str, Value};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;

pub use types::Types;

/// A raised exception: the exception instance.
pub type Exc = Rc<Instance>;

/// The result of anything that can raise.
pub type PyResult<T> = Result<T, Exc>;

/// See [`Vm::entry_loop`].
pub type EntryLoop = fn(&Vm, &mut frame::ExecState) -> PyResult<Value>;

/// Names looked up on hot paths, created once.
pub struct Names {
    pub init: Rc<Str>,
    pub new: Rc<Str>,
    pub call: Rc<Str>,
    pub repr: Rc<Str>,
    pub str: Rc<Str>,
    pub eq: Rc<Str>,
    pub hash: Rc<Str>,
    pub iter: Rc<Str>,
    pub next: Rc<Str>,
    pub len: Rc<Str>,
    pub bool: Rc<Str>,
    pub getattr: Rc<Str>,
    pub getattribute: Rc<Str>,
    pub setattr: Rc<Str>,
    pub delattr: Rc<Str>,
    pub get: Rc<Str>,
    pub set: Rc<Str>,
    pub getitem: Rc<Str>,
    pub setitem: Rc<Str>,
    pub delitem: Rc<Str>,
    pub contains: Rc<Str>,
    pub enter: Rc<Str>,
    pub exit: Rc<Str>,
    pub format: Rc<Str>,
    pub index: Rc<Str>,
    pub name: Rc<Str>,
    pub qualname: Rc<Str>,
    pub module: Rc<Str>,
    pub doc: Rc<Str>,
    pub dict: Rc<Str>,
    pub class: Rc<Str>,
    pub classcell: Rc<Str>,
    pub slots: Rc<Str>,
    pub init_subclass: Rc<Str>,
    pub set_name: Rc<Str>,
    pub main: Rc<Str>,
}

impl Names {
    fn new() -> Names {
        let s = crate::script::object::str::intern;
        Names {
            init: s("__init__"),
            new: s("__new__"),
            call: s("__call__"),
            repr: s("__repr__"),
            str: s("__str__"),
            eq: s("__eq__"),
            hash: s("__hash__"),
            iter: s("__iter__"),
            next: s("__next__"),
            len: s("__len__"),
            bool: s("__bool__"),
            getattr: s("__getattr__"),
            getattribute: s("__getattribute__"),
            setattr: s("__setattr__"),
            delattr: s("__delattr__"),
            get: s("__get__"),
            set: s("__set__"),
            getitem: s("__getitem__"),
            setitem: s("__setitem__"),
            delitem: s("__delitem__"),
            contains: s("__contains__"),
            enter: s("__enter__"),
            exit: s("__exit__"),
            format: s("__format__"),
            index: s("__index__"),
            name: s("__name__"),
            qualname: s("__qualname__"),
            module: s("__module__"),
            doc: s("__doc__"),
            dict: s("__dict__"),
            class: s("__class__"),
            classcell: s("__classcell__"),
            slots: s("__slots__"),
            init_subclass: s("__init_subclass__"),
            set_name: s("__set_name__"),
            main: s("__main__"),
        }
    }
}

/// The interpreter of one OS thread.
pub struct Vm {
    /// A weak handle to this interpreter, for closures that outlive a call (greenlet and
    /// continulet bodies).
    self_ref: std::rc::Weak<Vm>,
    pub types: Types,
    pub names: Names,
    pub builtins: Rc<Module>,
    /// `sys.modules`: the same dict scripts see.
    pub modules: Rc<crate::script::object::Dict>,
    /// `sys.path`.
    pub path: RefCell<Vec<String>>,
    pub argv: RefCell<Vec<String>>,
    /// Python frames alive on this thread's current greenlet, for `RecursionError`.
    pub depth: Cell<usize>,
    pub recursion_limit: Cell<usize>,
    /// Native re-entries into the VM (a builtin calling back into script code).
    pub native_depth: Cell<usize>,
    /// The `native_depth` at which the running loop may swap execution states for a
    /// greenlet switch (the base loop of a greenlet driver); `NO_SOFT` elsewhere.
    pub soft_depth: Cell<usize>,
    /// Frames executed, for `__stacklet__.stats()`.
    pub frames_run: Cell<u64>,
    /// Buffered standard output: `print` in a loop must not make a syscall per line.
    pub stdout: RefCell<std::io::BufWriter<std::io::Stdout>>,
    /// Spare execution states for native re-entries, so they do not allocate. Boxed
    /// because a softly parked greenlet keeps its state boxed, and the pool lends to and
    /// takes back from those without copying a state.
    #[allow(clippy::vec_box)]
    pub(crate) spare_states: RefCell<Vec<Box<frame::ExecState>>>,
    /// `sys.exc_info()`: the exceptions being handled, innermost last. Frames record its
    /// length on entry and truncate it on exit.
    pub(crate) exc_stack: exc::ExcStack,
    /// The empty tuple, shared.
    pub empty_tuple: Value,
    /// The built-in `len` as installed, which [`Instr::CallLen`] checks the global `len`
    /// against before it computes a length itself.
    ///
    /// [`Instr::CallLen`]: crate::script::compile::code::Instr::CallLen
    pub(crate) len_builtin: std::cell::OnceCell<Rc<crate::script::object::func::Builtin>>,
    /// Runs script code entered from outside the interpreter on the thread's own stack,
    /// once a module has taken such loops over (the `greenlet` module, so that the main
    /// greenlet switches softly); `None`: the plain loop.
    pub entry_loop: Cell<Option<EntryLoop>>,
    /// Set while frames are unwound without running their handlers (a greenlet stranded on
    /// the thread's stack when the main greenlet finished elsewhere).
    pub abandoning: Cell<bool>,
    /// Source files by name, for tracebacks of imported modules.
    pub sources: RefCell<HashMap<String, Rc<crate::script::compile::code::Source>>>,
}

/// The default recursion limit: deep enough for massively recursive scripts (a 10,000,000
/// deep recursion runs without raising it). Frames live on the heap, so memory, not the
/// native stack, is the real bound; a runaway recursion stops here after about 1 GiB.
pub const DEFAULT_RECURSION_LIMIT: usize = 12_000_000;

impl Vm {
    pub fn new() -> Rc<Vm> {
        let types = Types::new();
        let builtins = Rc::new(Module::new("builtins"));
        let vm = Rc::new_cyclic(|me| Vm {
            self_ref: me.clone(),
            types,
            names: Names::new(),
            builtins,
            modules: Rc::new(crate::script::object::Dict::new()),
            path: RefCell::new(Vec::new()),
            argv: RefCell::new(Vec::new()),
            depth: Cell::new(0),
            recursion_limit: Cell::new(DEFAULT_RECURSION_LIMIT),
            native_depth: Cell::new(0),
            soft_depth: Cell::new(NO_SOFT),
            frames_run: Cell::new(0),
            stdout: RefCell::new(std::io::BufWriter::with_capacity(
                1 << 16,
                std::io::stdout(),
            )),
            spare_states: RefCell::new(Vec::new()),
            exc_stack: exc::ExcStack::default(),
            empty_tuple: Value::tuple(Vec::new()),
            len_builtin: std::cell::OnceCell::new(),
            entry_loop: Cell::new(None),
            abandoning: Cell::new(false),
            sources: RefCell::new(HashMap::new()),
        });
        crate::script::builtins::install(&vm);
        vm.set_module("builtins", Value::Module(vm.builtins.clone()));
        vm
    }

    /// Writes to standard output (buffered).
    pub fn write_stdout(&self, s: &str) {
        let _ = self.stdout.borrow_mut().write_all(s.as_bytes());
    }

    pub fn flush_stdout(&self) {
        let _ = self.stdout.borrow_mut().flush();
    }

    /// Writes to standard error, after flushing standard output so the two interleave as
    /// they were produced.
    pub fn write_stderr(&self, s: &str) {
        self.flush_stdout();
        let _ = std::io::stderr().write_all(s.as_bytes());
    }

    /// A strong handle to this interpreter (None while it is being dropped).
    pub fn self_weak(&self) -> Option<std::rc::Weak<Vm>> {
        (self.self_ref.strong_count() > 0).then(|| self.self_ref.clone())
    }

    /// A module of `sys.modules` by name.
    pub fn get_module(&self, name: &str) -> Option<Value> {
        self.modules.get_str(&Str::new(name))
    }

    pub fn set_module(&self, name: &str, module: Value) {
        self.modules.insert_str(Rc::new(Str::new(name)), module);
    }

    pub fn remove_module(&self, name: &str) {
        self.modules.remove_str(&Str::new(name));
    }

    pub fn intern(&self, s: &str) -> Rc<Str> {
        crate::script::object::str::intern(s)
    }
}

/// `Vm::soft_depth` where no loop may swap execution states.
pub const NO_SOFT: usize = usize::MAX;

/// The interpreter state that belongs to the running greenlet (or continulet) and the native
/// stack it runs on: saved and restored on every switch between native stacks.
pub struct ThreadState {
    pub depth: usize,
    pub native_depth: usize,
    pub soft_depth: usize,
    pub exc_stack: Vec<Value>,
}

impl Default for ThreadState {
    fn default() -> ThreadState {
        ThreadState {
            depth: 0,
            native_depth: 0,
            soft_depth: NO_SOFT,
            exc_stack: Vec::new(),
        }
    }
}

impl Vm {
    /// Takes the running context's state out (before switching away).
    pub fn take_thread_state(&self) -> ThreadState {
        ThreadState {
            depth: self.depth.replace(0),
            native_depth: self.native_depth.replace(0),
            soft_depth: self.soft_depth.replace(NO_SOFT),
            exc_stack: self.exc_stack.take(),
        }
    }

    /// Puts a context's state back (when it runs again).
    pub fn put_thread_state(&self, state: ThreadState) {
        self.depth.set(state.depth);
        self.native_depth.set(state.native_depth);
        self.soft_depth.set(state.soft_depth);
        self.exc_stack.replace(state.exc_stack);
    }
}

impl Drop for Vm {
    fn drop(&mut self) {
        self.flush_stdout();
    }
}
