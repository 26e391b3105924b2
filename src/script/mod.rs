//! The Python-like interpreter: `parse` → `compile` → `vm`, over `object`, with `builtins`
//! and `modules`. [`Interpreter`] is the embedding API.

pub mod builtins;
pub mod compile;
pub mod modules;
pub mod object;
pub mod parse;
pub mod vm;

use compile::code::Source;
use object::{Builtin, Module, Value};
use std::rc::Rc;
use vm::{Exc, PyResult, Vm};

impl Vm {
    /// Compiles and runs `text` as the body of `module`.
    pub fn run_source(&self, module: &Rc<Module>, filename: &str, text: &str) -> PyResult<Value> {
        self.run_module_source(module, filename, text, false)
    }

    /// Evaluates `text` as a single expression in `module` (`eval`).
    pub fn eval_source(&self, module: &Rc<Module>, text: &str) -> PyResult<Value> {
        let text = text.trim_start_matches([' ', '\t']);
        let source = Source::new("<string>", text);
        let body = parse::parse_module(&source).map_err(|e| self.syntax_error(&source, &e))?;
        if !matches!(body.as_slice(), [rustpython_ast::Stmt::Expr(_)]) {
            let err = compile::CompileError::syntax(0, "invalid syntax");
            return Err(self.syntax_error(&source, &err));
        }
        drop(body);
        self.run_module_source(module, "<string>", text, true)?;
        let value = module.get(compile::REPL_RESULT).unwrap_or(Value::None);
        module.delete(compile::REPL_RESULT);
        Ok(value)
    }

    fn run_module_source(
        &self,
        module: &Rc<Module>,
        filename: &str,
        text: &str,
        interactive: bool,
    ) -> PyResult<Value> {
        let source = Rc::new(Source::new(filename, text));
        self.sources
            .borrow_mut()
            .insert(filename.to_owned(), source.clone());
        let body = parse::parse_module(&source).map_err(|e| self.syntax_error(&source, &e))?;
        let compile = if interactive {
            compile::compile_interactive
        } else {
            compile::compile_module
        };
        let code = compile(&body, source.clone(), module, &self.builtins)
            .map_err(|e| self.syntax_error(&source, &e))?;
        drop(body);
        let func = Rc::new(object::Function {
            name: std::cell::RefCell::new(code.name.clone()),
            qualname: std::cell::RefCell::new(code.qualname.clone()),
            code,
            module: module.clone(),
            defaults: std::cell::RefCell::new(Rc::from(Vec::new())),
            kwdefaults: Box::new([]),
            closure: Box::new([]),
            dict: std::cell::RefCell::new(None),
        });
        self.call_function(&func, &[], &[])
    }
}

/// The bytecode listing of a module's source (`stacklet --dis`).
pub fn disassemble(filename: &str, text: &str) -> Result<String, String> {
    let vm = Vm::new();
    let module = Rc::new(Module::new("__main__"));
    let source = Rc::new(Source::new(filename, text));
    let body = parse::parse_module(&source).map_err(|e| e.message)?;
    let code =
        compile::compile_module(&body, source, &module, &vm.builtins).map_err(|e| e.message)?;
    Ok(code.disassemble())
}

/// An error from script code: the exception, with its traceback already formatted.
#[derive(Debug, Clone)]
pub struct ScriptError {
    /// The exception's class name (`ValueError`, `SyntaxError`, ...).
    pub kind: String,
    /// `str(exc)`.
    pub message: String,
    /// What CPython would print for it, traceback included.
    pub traceback: String,
    /// For `SystemExit`: the exit status it asks for.
    pub exit_code: Option<i32>,
}

impl std::fmt::Display for ScriptError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.message.is_empty() {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "{}: {}", self.kind, self.message)
        }
    }
}

impl std::error::Error for ScriptError {}

/// An embedded interpreter. Not `Send`: an interpreter and its objects belong to the OS
/// thread that created them.
pub struct Interpreter {
    vm: Rc<Vm>,
    main: Rc<Module>,
}

impl Default for Interpreter {
    fn default() -> Self {
        Interpreter::new()
    }
}

impl Interpreter {
    pub fn new() -> Interpreter {
        let vm = Vm::new();
        // Script code entered from Rust runs in the greenlet entry loop, so that the main
        // greenlet's frames switch softly like any other greenlet's.
        vm.entry_loop
            .set(Some(modules::greenlet::entry_loop as vm::EntryLoop));
        let main = Rc::new(Module::new("__main__"));
        main.set("__name__", Value::str("__main__"));
        main.set("__builtins__", Value::Module(vm.builtins.clone()));
        vm.set_module("__main__", Value::Module(main.clone()));
        Interpreter { vm, main }
    }

    pub fn vm(&self) -> &Rc<Vm> {
        &self.vm
    }

    /// The `__main__` module.
    pub fn main_module(&self) -> &Rc<Module> {
        &self.main
    }

    /// Sets `sys.argv` and puts the script's folder first on `sys.path`.
    pub fn set_argv(&self, argv: Vec<String>) {
        if let Some(script) = argv.first() {
            // CPython puts the script's folder, made absolute, first on `sys.path`.
            let dir = std::path::Path::new(script)
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map(std::path::Path::to_path_buf)
                .unwrap_or_else(|| std::path::PathBuf::from("."));
            let dir = std::fs::canonicalize(&dir)
                .unwrap_or(dir)
                .display()
                .to_string();
            self.vm.path.borrow_mut().insert(0, dir);
        }
        *self.vm.argv.borrow_mut() = argv;
    }

    /// Runs source text as `__main__`.
    pub fn run_source(&self, filename: &str, text: &str) -> Result<(), ScriptError> {
        self.main.set("__file__", Value::str(filename));
        let r = self.vm.run_source(&self.main, filename, text).map(drop);
        self.vm.flush_stdout();
        r.map_err(|e| self.script_error(&e))
    }

    /// The REPL's step: runs `text` in `__main__`; a lone expression's value comes back (and
    /// becomes `_`, as in CPython's interactive mode) when it is not None.
    pub fn run_interactive(&self, text: &str) -> Result<Option<Value>, ScriptError> {
        let r = self.vm.run_module_source(&self.main, "<stdin>", text, true);
        self.vm.flush_stdout();
        r.map_err(|e| self.script_error(&e))?;
        let value = self.main.get(compile::REPL_RESULT);
        self.main.delete(compile::REPL_RESULT);
        Ok(match value {
            Some(Value::None) | None => None,
            Some(v) => {
                self.main.set("_", v.clone());
                Some(v)
            }
        })
    }

    /// Runs a script file as `__main__`.
    pub fn run_file(&self, path: &str) -> Result<(), ScriptError> {
        let text = std::fs::read_to_string(path).map_err(|e| ScriptError {
            kind: "OSError".to_owned(),
            message: format!("can't open file '{path}': {e}"),
            traceback: format!("can't open file '{path}': {e}\n"),
            exit_code: Some(2),
        })?;
        self.run_source(path, &text)
    }

    /// Evaluates a global of `__main__` (or any value reachable by attribute from it).
    pub fn global(&self, name: &str) -> Option<Value> {
        self.main.get(name)
    }

    pub fn set_global(&self, name: &str, value: Value) {
        self.main.set(name, value);
    }

    /// Calls a script callable.
    pub fn call(&self, f: &Value, args: &[Value]) -> Result<Value, ScriptError> {
        let r = self.vm.call(f, args, &[]);
        self.vm.flush_stdout();
        r.map_err(|e| self.script_error(&e))
    }

    /// Registers a native function as a global of `__main__`.
    pub fn register_function(&self, name: &'static str, func: object::NativeFn) {
        self.main.set(name, native(name, func));
    }

    /// Registers a native module importable by scripts.
    pub fn register_module(
        &self,
        name: &str,
        functions: &[(&'static str, object::NativeFn)],
    ) -> Rc<Module> {
        let m = Rc::new(Module::new(name));
        m.set("__name__", Value::str(name));
        for (n, f) in functions {
            m.set(n, native(n, *f));
        }
        self.vm.set_module(name, Value::Module(m.clone()));
        m
    }

    /// Turns an exception into a [`ScriptError`].
    pub fn script_error(&self, e: &Exc) -> ScriptError {
        let vm = &self.vm;
        let exit_code = e
            .class()
            .is_subtype(&vm.types.system_exit)
            .then(|| system_exit_code(vm, e));
        ScriptError {
            kind: vm.exc_type_name(e.class()),
            message: vm.exc_str(e).unwrap_or_default(),
            traceback: vm.format_exception(e),
            exit_code,
        }
    }
}

/// A native function value.
pub fn native(name: &'static str, func: object::NativeFn) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name,
        func,
        owner: None,
        hook: None,
    }))
}

/// The exit status a `SystemExit` asks for, printing its message as CPython does.
fn system_exit_code(vm: &Vm, e: &Exc) -> i32 {
    let args = vm.exc_args(e);
    match args.items.first() {
        None | Some(Value::None) => 0,
        Some(Value::Int(i)) => *i as i32,
        Some(Value::Bool(b)) => b.get() as i32,
        Some(other) => {
            let text = vm.str(other).unwrap_or_default();
            vm.write_stderr(&format!("{text}\n"));
            1
        }
    }
}
