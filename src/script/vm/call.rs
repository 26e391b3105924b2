//! Calling: binding arguments to parameters, instantiating classes, and entering the
//! dispatch loop from native code.

use super::frame::{ExecState, FrameKind};
use super::generator::Generator;
use super::{PyResult, Vm};
use crate::script::compile::code::CodeFlags;
use crate::script::object::{Function, Instance, Kwargs, Layout, Str, Type, Value};
use std::rc::Rc;

/// Native re-entries deeper than this raise `RecursionError` (each costs native stack,
/// which `stack::grow` extends, but memory is not free).
const MAX_NATIVE_DEPTH: usize = 150_000;

impl Vm {
    /// Calls any callable with positional and keyword arguments.
    pub fn call(&self, f: &Value, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
        match f {
            Value::Builtin(b) => {
                // A method of a built-in type called on an instance of a subclass
                // (`class U(str)`) works on the built-in value inside it.
                if let (Some(owner), Some(Value::Instance(i))) = (b.owner, args.first()) {
                    if !matches!(owner, "object" | "BaseException") {
                        let base = i.base.borrow().clone();
                        if !base.is_undefined() && !matches!(base, Value::Opaque(_)) {
                            let mut unwrapped = args.to_vec();
                            unwrapped[0] = base;
                            return (b.func)(self, &unwrapped, kwargs);
                        }
                    }
                }
                (b.func)(self, args, kwargs)
            }
            Value::Function(func) => self.call_function(func, args, kwargs),
            Value::Method(m) => self.call_with_first(&m.func, m.receiver.clone(), args, kwargs),
            Value::Type(t) => self.instantiate(t, args, kwargs),
            Value::Decorated(d) if !d.is_class => self.call(&d.func, args, kwargs),
            _ => {
                if let Some(m) = self.lookup_special(f, &self.names.call) {
                    return self.call_with_first(&m, f.clone(), args, kwargs);
                }
                Err(self.type_error(format!("'{}' object is not callable", self.type_name(f))))
            }
        }
    }

    /// Calls `f(first, *args)`: bound methods, `__new__`, `__init__` and special methods
    /// take a receiver ahead of the arguments. Short argument lists are assembled on the
    /// native stack, so the common calls allocate nothing.
    pub fn call_with_first(
        &self,
        f: &Value,
        first: Value,
        args: &[Value],
        kwargs: Kwargs<'_>,
    ) -> PyResult<Value> {
        match args {
            [] => self.call(f, &[first], kwargs),
            [a] => self.call(f, &[first, a.clone()], kwargs),
            [a, b] => self.call(f, &[first, a.clone(), b.clone()], kwargs),
            _ => {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(first);
                all.extend_from_slice(args);
                self.call(f, &all, kwargs)
            }
        }
    }

    /// Runs a script function from native code: a new execution state, entered through
    /// `stack::grow` so deep native re-entry cannot overflow the native stack.
    pub fn call_function(
        &self,
        func: &Rc<Function>,
        args: &[Value],
        kwargs: Kwargs<'_>,
    ) -> PyResult<Value> {
        let code = &func.code;
        let mut st = self.spare_states.borrow_mut().pop().unwrap_or_default();
        st.reserve(0, code.nregs as usize);
        if let Err(e) = self.bind_args(func, args, kwargs, &mut st.regs[..code.nregs as usize]) {
            st.reset();
            self.spare_states.borrow_mut().push(st);
            return Err(e);
        }
        if code.is_generator() {
            let regs = st.regs.drain(..code.nregs as usize).collect();
            st.reset();
            self.spare_states.borrow_mut().push(st);
            return Ok(Value::Generator(Rc::new(Generator::new(
                func.clone(),
                regs,
            ))));
        }
        let result = self.enter(&mut st, |vm, st| {
            if vm
                .push_frame(st, func.clone(), 0, 0, FrameKind::Call)
                .is_err()
            {
                // The limit reached by native code calling back in, worded as CPython's.
                return Err(vm.new_error(
                    &vm.types.recursion_error,
                    "maximum recursion depth exceeded while calling a Python object",
                ));
            }
            match vm.entry_loop.get() {
                Some(entry) if vm.native_depth.get() == 1 && crate::switch::on_root() => {
                    entry(vm, st)
                }
                _ => vm.run(st, 0),
            }
        });
        st.reset();
        self.spare_states.borrow_mut().push(st);
        result
    }

    /// Runs `f` on an execution state as a native re-entry: counted, on a fresh native
    /// stack segment when the current one runs low, with the caller's handled exceptions
    /// visible to `sys.exc_info()`.
    pub fn enter<R>(
        &self,
        st: &mut ExecState,
        f: impl FnOnce(&Vm, &mut ExecState) -> PyResult<R>,
    ) -> PyResult<R> {
        let depth = self.native_depth.get();
        if depth >= MAX_NATIVE_DEPTH {
            return Err(self.new_error(
                &self.types.recursion_error,
                "maximum recursion depth exceeded while calling a Python object",
            ));
        }
        self.native_depth.set(depth + 1);
        let r = crate::stack::grow(|| f(self, st));
        self.native_depth.set(depth);
        r
    }

    /// Pushes a frame for `func` whose arguments are already bound in its register window
    /// at `base`.
    #[inline]
    pub fn push_frame(
        &self,
        st: &mut ExecState,
        func: Rc<Function>,
        base: usize,
        ret: u16,
        kind: FrameKind,
    ) -> PyResult<()> {
        self.count_frame()?;
        store_cells(st, &func, base);
        self.push_frame_at(st, func, base, 0, ret, kind);
        Ok(())
    }

    /// Counts a frame about to be pushed against the recursion limit.
    #[inline(always)]
    pub fn count_frame(&self) -> PyResult<()> {
        let depth = self.depth.get() + 1;
        if depth > self.recursion_limit.get() {
            return Err(self.recursion_error());
        }
        self.depth.set(depth);
        self.frames_run.set(self.frames_run.get() + 1);
        Ok(())
    }

    /// Pushes a counted frame whose registers are in place, resuming at `pc`.
    #[inline(always)]
    pub fn push_frame_at(
        &self,
        st: &mut ExecState,
        func: Rc<Function>,
        base: usize,
        pc: u32,
        ret: u16,
        kind: FrameKind,
    ) {
        let exc_base = self.exc_stack.len() as u32;
        st.push_frame(func, pc, base as u32, exc_base, ret, kind);
    }

    #[cold]
    pub fn recursion_error(&self) -> super::Exc {
        self.new_error(
            &self.types.recursion_error,
            "maximum recursion depth exceeded",
        )
    }

    /// Binds call arguments to a function's parameter registers (`out` is the callee's
    /// register window; registers past the parameters are reset).
    pub fn bind_args(
        &self,
        func: &Function,
        args: &[Value],
        kwargs: Kwargs<'_>,
        out: &mut [Value],
    ) -> PyResult<()> {
        let code = &func.code;
        let argcount = code.argcount as usize;
        let kwonly = code.kwonly as usize;
        let varargs = code.flags.contains(CodeFlags::VARARGS);
        let varkw = code.flags.contains(CodeFlags::VARKW);
        for r in out.iter_mut() {
            *r = Value::Undefined;
        }
        // Fast path: exactly the positional parameters.
        if kwargs.is_empty() && args.len() == argcount && kwonly == 0 && !varargs && !varkw {
            out[..argcount].clone_from_slice(args);
            return Ok(());
        }
        let npos = args.len().min(argcount);
        out[..npos].clone_from_slice(&args[..npos]);
        let mut slot = argcount + kwonly;
        if varargs {
            out[slot] = Value::tuple(args.get(argcount..).unwrap_or(&[]).to_vec());
            slot += 1;
        } else if args.len() > argcount {
            return Err(self.too_many_positional(func, args.len(), kwargs));
        }
        let kwdict = if varkw {
            let d = Rc::new(crate::script::object::Dict::new());
            out[slot] = Value::Dict(d.clone());
            Some(d)
        } else {
            None
        };
        for (name, value) in kwargs {
            let pos = code.varnames[..argcount + kwonly]
                .iter()
                .position(|v| v.as_str() == name.as_str());
            match pos {
                Some(i) if i >= code.posonly as usize => {
                    if !out[i].is_undefined() {
                        return Err(self.type_error(format!(
                            "{}() got multiple values for argument '{}'",
                            func.qualname.borrow().as_str(),
                            name.as_str()
                        )));
                    }
                    out[i] = value.clone();
                }
                _ => match &kwdict {
                    Some(d) => d.insert_str(name.clone(), value.clone()),
                    None => {
                        if pos.is_some() {
                            return Err(self.type_error(format!(
                                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                                func.qualname.borrow().as_str(),
                                name.as_str()
                            )));
                        }
                        return Err(self.type_error(format!(
                            "{}() got an unexpected keyword argument '{}'",
                            func.qualname.borrow().as_str(),
                            name.as_str()
                        )));
                    }
                },
            }
        }
        // Defaults for missing positional parameters.
        let defaults = func.defaults.borrow().clone();
        let ndefaults = defaults.len();
        let mut missing = Vec::new();
        for (i, out) in out.iter_mut().enumerate().take(argcount) {
            if out.is_undefined() {
                if i + ndefaults >= argcount {
                    *out = defaults[i + ndefaults - argcount].clone();
                } else {
                    missing.push(code.varnames[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(func, "positional", &missing));
        }
        for (i, slot) in out
            .iter_mut()
            .enumerate()
            .take(argcount + kwonly)
            .skip(argcount)
        {
            if slot.is_undefined() {
                match func.kwdefaults.get(i - argcount) {
                    Some(v) if !v.is_undefined() => *slot = v.clone(),
                    _ => missing.push(code.varnames[i].clone()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(func, "keyword-only", &missing));
        }
        Ok(())
    }

    #[cold]
    fn too_many_positional(&self, func: &Function, given: usize, kwargs: Kwargs<'_>) -> super::Exc {
        let code = &func.code;
        let argcount = code.argcount as usize;
        let ndefaults = func.defaults.borrow().len();
        let takes = if ndefaults > 0 {
            format!(
                "from {} to {} positional arguments",
                argcount - ndefaults,
                argcount
            )
        } else {
            format!(
                "{} positional argument{}",
                argcount,
                if argcount == 1 { "" } else { "s" }
            )
        };
        let kw_given = kwargs
            .iter()
            .filter(|(n, _)| {
                code.varnames[argcount..argcount + code.kwonly as usize]
                    .iter()
                    .any(|v| v.as_str() == n.as_str())
            })
            .count();
        let given_text = if kw_given > 0 {
            format!(
                "{} positional argument{} (and {} keyword-only argument{}) were given",
                given,
                if given == 1 { "" } else { "s" },
                kw_given,
                if kw_given == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{} {} given",
                given,
                if given == 1 { "was" } else { "were" }
            )
        };
        self.type_error(format!(
            "{}() takes {} but {}",
            func.qualname.borrow().as_str(),
            takes,
            given_text
        ))
    }

    #[cold]
    fn missing_args(&self, func: &Function, kind: &str, names: &[Rc<Str>]) -> super::Exc {
        let quoted: Vec<String> = names.iter().map(|n| format!("'{}'", n.as_str())).collect();
        let list = match quoted.len() {
            1 => quoted[0].clone(),
            2 => format!("{} and {}", quoted[0], quoted[1]),
            _ => format!(
                "{}, and {}",
                quoted[..quoted.len() - 1].join(", "),
                quoted[quoted.len() - 1]
            ),
        };
        self.type_error(format!(
            "{}() missing {} required {} argument{}: {}",
            func.qualname.borrow().as_str(),
            names.len(),
            kind,
            if names.len() == 1 { "" } else { "s" },
            list
        ))
    }

    /// Calls a class: `__new__` then `__init__`.
    pub fn instantiate(&self, t: &Rc<Type>, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
        // `BaseException.__init__` is not called (`__new__` has set the arguments already),
        // so its refusal of keywords is made here.
        if !kwargs.is_empty()
            && t.layout == Layout::Exception
            && matches!(t.lookup(&self.names.init), Some(Value::Builtin(b)) if b.owner == Some("BaseException"))
        {
            self.exception_keywords(t, kwargs)?;
        }
        if !t.heap {
            // The most common conversions, and `range`, skip the `__new__` call (its
            // argument vector with the type prepended cost more than a `float(n)` itself).
            if let ([x], true) = (args, kwargs.is_empty()) {
                if Rc::ptr_eq(t, &self.types.str) {
                    return self.str_value(x);
                }
                if Rc::ptr_eq(t, &self.types.int) {
                    return crate::script::builtins::int_of(self, x);
                }
                if Rc::ptr_eq(t, &self.types.float) {
                    return crate::script::builtins::float_of(self, x);
                }
                if Rc::ptr_eq(t, &self.types.type_) {
                    return Ok(Value::Type(self.types.type_of(x).clone()));
                }
            }
            if Rc::ptr_eq(t, &self.types.range)
                && (1..=3).contains(&args.len())
                && kwargs.is_empty()
            {
                return crate::script::builtins::range_of(self, args);
            }
            // Built-in types construct through their `__new__` builtin.
            if let Some(new) = self.builtin_new(t) {
                let obj = self.call_with_first(&new, Value::Type(t.clone()), args, kwargs)?;
                // Built-in classes whose objects are instances (greenlets) initialise
                // through `__init__` as well; value types are complete after `__new__`.
                if let Value::Instance(_) = &obj {
                    if let Some(init) = t.lookup(&self.names.init) {
                        if !self.is_object_init(&init) {
                            self.call_with_first(&init, obj.clone(), args, kwargs)?;
                        }
                    }
                }
                return Ok(obj);
            }
            if Rc::ptr_eq(t, &self.types.object) {
                if !args.is_empty() || !kwargs.is_empty() {
                    return Err(self.type_error("object() takes no arguments"));
                }
                return Ok(Value::Instance(Rc::new(Instance::new(t.clone()))));
            }
            return Err(self.type_error(format!("cannot create '{}' instances", t.name().as_str())));
        }
        // A class with no `__new__` or `__init__` of its own along the MRO (`class
        // Skip(Exception): pass`): the instance is made here, without looking either up.
        if kwargs.is_empty()
            && (args.is_empty() || t.layout == Layout::Exception)
            && self.bare_class(t)
        {
            return Ok(Value::instance(Instance::with_args(t.clone(), args)));
        }
        let obj = self.new_instance(t, args, kwargs)?;
        if !self.types.type_of(&obj).is_subtype(t) {
            return Ok(obj);
        }
        if let Some(init) = t.lookup(&self.names.init) {
            if !self.is_object_init(&init) {
                let r = self.call_with_first(&init, obj.clone(), args, kwargs)?;
                if !r.is_none() {
                    return Err(self.type_error(format!(
                        "__init__() should return None, not '{}'",
                        self.type_name(&r)
                    )));
                }
            } else if (!args.is_empty() || !kwargs.is_empty())
                && t.lookup(&self.names.new)
                    .is_none_or(|n| self.is_object_new(&n))
                && t.layout != Layout::Exception
            {
                return Err(self.type_error(format!("{}() takes no arguments", t.name().as_str())));
            }
        }
        Ok(obj)
    }

    /// Refuses keyword arguments to a built-in exception constructor for an instance of `t`,
    /// as `BaseException.__init__` and `OSError`'s do, except for the classes that take some:
    /// `ImportError` (`name`, `path`), and `AttributeError` and `NameError` (`name`,
    /// accepted and not kept).
    pub fn exception_keywords(&self, t: &Rc<Type>, kwargs: Kwargs<'_>) -> PyResult<()> {
        let takes_some = [
            &self.types.import_error,
            &self.types.attribute_error,
            &self.types.name_error,
        ]
        .into_iter()
        .any(|k| t.is_subtype(k));
        if kwargs.is_empty() || takes_some {
            return Ok(());
        }
        Err(self.type_error(format!(
            "{}() takes no keyword arguments",
            t.name().as_str()
        )))
    }

    pub fn is_object_new(&self, new: &Value) -> bool {
        matches!(new, Value::Builtin(b) if b.owner == Some("object"))
    }

    pub fn is_object_init(&self, init: &Value) -> bool {
        matches!(init, Value::Builtin(b) if b.owner == Some("object") || b.owner == Some("BaseException"))
    }

    /// `cls.__new__(cls, *args)`: a user `__new__`, or the default layout for the class.
    pub fn new_instance(
        &self,
        t: &Rc<Type>,
        args: &[Value],
        kwargs: Kwargs<'_>,
    ) -> PyResult<Value> {
        if let Some(new) = t.lookup(&self.names.new) {
            let user_new = match &new {
                Value::Decorated(d) => Some(d.func.clone()),
                Value::Function(_) => Some(new.clone()),
                _ => None,
            };
            if let Some(new) = user_new {
                return self.call_with_first(&new, Value::Type(t.clone()), args, kwargs);
            }
            // A built-in base's constructor makes the base value, or (for built-in classes
            // whose objects are instances) the instance itself.
            if let Value::Builtin(b) = &new {
                let native_base = (b.owner != Some("object"))
                    .then(|| t.builtin_base())
                    .flatten();
                if native_base
                    .filter(|nb| nb.layout == Layout::Object && !Rc::ptr_eq(nb, &self.types.object))
                    .is_some()
                {
                    return self.call_with_first(&new, Value::Type(t.clone()), args, kwargs);
                }
                if b.owner != Some("object") {
                    let inst = Instance::with_args(t.clone(), args);
                    if t.layout != Layout::Exception {
                        let base_type = t
                            .builtin_base()
                            .unwrap_or_else(|| self.types.object.clone());
                        let base = if self.lookup_user_init(t) {
                            // `__init__` will see the arguments; build an empty base.
                            self.call(&new, &[Value::Type(base_type)], &[])?
                        } else {
                            self.call_with_first(&new, Value::Type(base_type), args, kwargs)?
                        };
                        *inst.base.borrow_mut() = base;
                    }
                    return Ok(Value::instance(inst));
                }
            }
        }
        Ok(Value::instance(Instance::with_args(t.clone(), args)))
    }

    fn lookup_user_init(&self, t: &Rc<Type>) -> bool {
        t.lookup(&self.names.init)
            .is_some_and(|i| !matches!(i, Value::Builtin(_)))
    }
}

/// Puts a function's closure cells in their registers of the window at `base`.
#[inline]
pub fn store_cells(st: &mut ExecState, func: &Function, base: usize) {
    let free_base = base + func.code.free_base as usize;
    for (i, cell) in func.closure.iter().enumerate() {
        st.regs[free_base + i] = Value::Cell(cell.clone());
    }
}
