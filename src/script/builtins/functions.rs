//! The built-in functions.

use super::{arity, function, kwarg, no_kwargs, only_kwargs, str_arg};
use crate::script::compile::code::{BinOp, CmpOp};
use crate::script::object::{Kwargs, Value};
use crate::script::vm::frame::{ExecState, LoopFlow};
use crate::script::vm::iter::{Iter, IterState};
use crate::script::vm::{PyResult, Vm};
use std::rc::Rc;

/// Makes a built-in type callable: `make` is its `__new__`, receiving the class first.
fn constructor(t: &Rc<crate::script::object::Type>, make: crate::script::object::NativeFn) {
    super::method(t, "__new__", make);
}

pub fn install(vm: &Vm) {
    function(vm, "print", print);
    let _ = vm
        .len_builtin
        .set(super::hooked_function(vm, "len", len, len_in_loop));
    function(vm, "repr", |vm, a, k| {
        no_kwargs(vm, "repr", k)?;
        arity(vm, "repr", a, 1, 1)?;
        Ok(Value::string(vm.repr(&a[0])?))
    });
    function(vm, "ascii", |vm, a, _| {
        arity(vm, "ascii", a, 1, 1)?;
        Ok(Value::string(crate::script::vm::format::ascii(
            &vm.repr(&a[0])?,
        )))
    });
    function(vm, "abs", abs);
    function(vm, "all", |vm, a, _| {
        arity(vm, "all", a, 1, 1)?;
        let it = vm.iter(&a[0])?;
        while let Some(x) = vm.next(&it)? {
            if !vm.truthy(&x)? {
                return Ok(Value::bool(false));
            }
        }
        Ok(Value::bool(true))
    });
    function(vm, "any", |vm, a, _| {
        arity(vm, "any", a, 1, 1)?;
        let it = vm.iter(&a[0])?;
        while let Some(x) = vm.next(&it)? {
            if vm.truthy(&x)? {
                return Ok(Value::bool(true));
            }
        }
        Ok(Value::bool(false))
    });
    function(vm, "bin", |vm, a, _| radix(vm, a, "bin", 'b'));
    function(vm, "oct", |vm, a, _| radix(vm, a, "oct", 'o'));
    function(vm, "hex", |vm, a, _| radix(vm, a, "hex", 'x'));
    function(vm, "callable", |vm, a, _| {
        arity(vm, "callable", a, 1, 1)?;
        Ok(Value::bool(match &a[0] {
            Value::Function(_) | Value::Builtin(_) | Value::Method(_) | Value::Type(_) => true,
            v @ (Value::Instance(_) | Value::Opaque(_)) => {
                vm.lookup_special(v, &vm.names.call).is_some()
            }
            _ => false,
        }))
    });
    function(vm, "chr", |vm, a, _| {
        arity(vm, "chr", a, 1, 1)?;
        let n = vm.to_index(&a[0])?;
        match u32::try_from(n).ok().and_then(char::from_u32) {
            Some(c) => Ok(Value::char(c)),
            None => Err(vm.value_error("chr() arg not in range(0x110000)")),
        }
    });
    function(vm, "ord", |vm, a, _| {
        arity(vm, "ord", a, 1, 1)?;
        match &a[0] {
            Value::Str(s) if s.char_len() == 1 => Ok(Value::Int(s.char_at(0) as i64)),
            Value::Str(s) => Err(vm.type_error(format!(
                "ord() expected a character, but string of length {} found",
                s.char_len()
            ))),
            Value::Bytes(b) if b.data.borrow().len() == 1 => {
                Ok(Value::Int(b.data.borrow()[0] as i64))
            }
            other => Err(vm.type_error(format!(
                "ord() expected string of length 1, but {} found",
                vm.type_name(other)
            ))),
        }
    });
    function(vm, "divmod", |vm, a, _| {
        arity(vm, "divmod", a, 2, 2)?;
        if crate::script::vm::num::Num::of(&a[0]).is_none()
            || crate::script::vm::num::Num::of(&a[1]).is_none()
        {
            return divmod_dunder(vm, &a[0], &a[1]);
        }
        vm.number_divmod(&a[0], &a[1])
    });
    function(vm, "pow", |vm, a, k| {
        only_kwargs(vm, "pow", k, &["base", "exp", "mod"])?;
        arity(vm, "pow", a, 2, 3)?;
        if a.len() == 3 && !a[2].is_none() {
            return pow_mod(vm, &a[0], &a[1], &a[2]);
        }
        vm.binary(BinOp::Pow, &a[0], &a[1])
    });
    function(vm, "round", round);
    function(vm, "hash", |vm, a, _| {
        arity(vm, "hash", a, 1, 1)?;
        Ok(Value::Int(vm.hash_value(&a[0])?))
    });
    function(vm, "id", |vm, a, _| {
        arity(vm, "id", a, 1, 1)?;
        Ok(Value::from(match &a[0] {
            // Inline values have no address: give each a stable, distinct number (odd, so
            // it never equals a heap object's aligned address).
            Value::Int(i) => (*i as usize).wrapping_mul(32) | 1,
            Value::Float(f) => (f.get().to_bits() as usize).wrapping_mul(32) | 3,
            Value::Bool(b) => 0x45 + 16 * (b.get() as usize),
            Value::None | Value::Undefined => 0x15,
            Value::NotImplemented => 0x25,
            Value::Ellipsis => 0x35,
            v => v.heap_ptr().unwrap_or(0x5),
        }))
    });
    function(vm, "isinstance", |vm, a, _| {
        arity(vm, "isinstance", a, 2, 2)?;
        Ok(Value::bool(isinstance(vm, &a[0], &a[1])?))
    });
    function(vm, "issubclass", |vm, a, _| {
        arity(vm, "issubclass", a, 2, 2)?;
        let Value::Type(t) = &a[0] else {
            return Err(vm.type_error("issubclass() arg 1 must be a class"));
        };
        Ok(Value::bool(class_matches(vm, t, &a[1], "issubclass")?))
    });
    function(vm, "iter", |vm, a, _| {
        arity(vm, "iter", a, 1, 2)?;
        if a.len() == 2 {
            return Ok(Iter::new(IterState::Callable {
                func: a[0].clone(),
                sentinel: a[1].clone(),
            }));
        }
        vm.iter(&a[0])
    });
    function(vm, "next", |vm, a, _| {
        arity(vm, "next", a, 1, 2)?;
        match &a[0] {
            Value::Generator(g) if a.len() == 1 => {
                // Its StopIteration carries the generator's return value.
                return vm
                    .generator_send(g, crate::script::vm::generator::Resume::Send(Value::None));
            }
            Value::Iter(_) | Value::Generator(_) => {}
            v if vm.lookup_special(v, &vm.names.next).is_some() => {
                // A user iterator: its StopIteration (with its value) passes through.
                if a.len() == 1 {
                    let m = vm.lookup_special(v, &vm.names.next).unwrap_or_default();
                    return vm.call_bound(&m, v, &[]);
                }
            }
            v => {
                return Err(
                    vm.type_error(format!("'{}' object is not an iterator", vm.type_name(v)))
                )
            }
        }
        match vm.next(&a[0])? {
            Some(v) => Ok(v),
            None if a.len() == 2 => Ok(a[1].clone()),
            None => {
                if let Value::Generator(g) = &a[0] {
                    let _ = g;
                }
                Err(vm.stop_iteration(Value::None))
            }
        }
    });
    constructor(&vm.types.enumerate, |vm, a, k| {
        // `a[0]` is the class.
        let a = a.get(1..).unwrap_or_default();
        only_kwargs(vm, "enumerate", k, &["start", "iterable"])?;
        let src = a.first().or_else(|| kwarg(k, "iterable")).ok_or_else(|| {
            vm.type_error("enumerate() missing required argument 'iterable' (pos 1)")
        })?;
        let start = match a.get(1).or_else(|| kwarg(k, "start")) {
            Some(v) => vm.to_index(v)?,
            None => 0,
        };
        Ok(Iter::new(IterState::Enumerate {
            inner: vm.iter(src)?,
            count: start,
        }))
    });
    constructor(&vm.types.zip, |vm, a, k| {
        // `a[0]` is the class.
        let a = a.get(1..).unwrap_or_default();
        only_kwargs(vm, "zip", k, &["strict"])?;
        let strict = match kwarg(k, "strict") {
            Some(v) => vm.truthy(v)?,
            None => false,
        };
        let inners = a.iter().map(|x| vm.iter(x)).collect::<PyResult<Vec<_>>>()?;
        Ok(Iter::new(IterState::Zip { inners, strict }))
    });
    constructor(&vm.types.map, |vm, a, _| {
        // `a[0]` is the class.
        let a = a.get(1..).unwrap_or_default();
        if a.len() < 2 {
            return Err(vm.type_error("map() must have at least two arguments."));
        }
        let inners = a[1..]
            .iter()
            .map(|x| vm.iter(x))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(Iter::new(IterState::Map {
            func: a[0].clone(),
            inners,
        }))
    });
    constructor(&vm.types.filter, |vm, a, _| {
        // `a[0]` is the class.
        let a = a.get(1..).unwrap_or_default();
        arity(vm, "filter", a, 2, 2)?;
        Ok(Iter::new(IterState::Filter {
            func: a[0].clone(),
            inner: vm.iter(&a[1])?,
        }))
    });
    constructor(&vm.types.reversed, |vm, a, _| {
        // `a[0]` is the class.
        let a = a.get(1..).unwrap_or_default();
        arity(vm, "reversed", a, 1, 1)?;
        let v = &a[0];
        let n = match v {
            Value::List(l) => l.len(),
            Value::Tuple(t) => t.len(),
            // A byte offset for text, stepped back a character at a time.
            Value::Str(s) => s.as_str().len(),
            Value::Range(r) => r.len() as usize,
            Value::Iter(it) if matches!(&*it.state.borrow(), IterState::View { .. }) => {
                let items = vm.collect(v)?;
                let n = items.len();
                return Ok(Iter::new(IterState::Reversed {
                    seq: Value::list(items),
                    index: n,
                }));
            }
            Value::Dict(d) => {
                let keys = d.keys();
                let n = keys.len();
                return Ok(Iter::new(IterState::Reversed {
                    seq: Value::list(keys),
                    index: n,
                }));
            }
            other => {
                if let Some(m) = vm.lookup_special(other, &vm.intern("__reversed__")) {
                    return vm.call_bound(&m, other, &[]);
                }
                if vm.lookup_special(other, &vm.names.getitem).is_some() {
                    let n = vm.len(other)?;
                    return Ok(Iter::new(IterState::Reversed {
                        seq: other.clone(),
                        index: n,
                    }));
                }
                return Err(vm.type_error(format!(
                    "'{}' object is not reversible",
                    vm.type_name(other)
                )));
            }
        };
        Ok(Iter::new(IterState::Reversed {
            seq: v.clone(),
            index: n,
        }))
    });
    function(vm, "sum", |vm, a, k| {
        only_kwargs(vm, "sum", k, &["start"])?;
        arity(vm, "sum", a, 1, 2)?;
        let mut acc = a
            .get(1)
            .or_else(|| kwarg(k, "start"))
            .cloned()
            .unwrap_or(Value::Int(0));
        if let Value::Str(_) = acc {
            return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
        }
        vm.for_each(&a[0], &mut |x| {
            acc = match (&acc, &x) {
                (Value::Int(p), Value::Int(q)) if p.checked_add(*q).is_some() => Value::Int(p + q),
                (Value::Float(p), Value::Float(q)) => Value::float(p.get() + q.get()),
                _ => vm.binary(BinOp::Add, &acc, &x)?,
            };
            Ok(true)
        })?;
        Ok(acc)
    });
    function(vm, "min", |vm, a, k| min_max(vm, a, k, "min", CmpOp::Lt));
    function(vm, "max", |vm, a, k| min_max(vm, a, k, "max", CmpOp::Gt));
    function(vm, "sorted", |vm, a, k| {
        only_kwargs(vm, "sorted", k, &["key", "reverse"])?;
        arity(vm, "sorted", a, 1, 1)?;
        let mut items = vm.collect(&a[0])?;
        let key = kwarg(k, "key").filter(|v| !v.is_none());
        let reverse = match kwarg(k, "reverse") {
            Some(v) => vm.truthy(v)?,
            None => false,
        };
        vm.sort(&mut items, key, reverse)?;
        Ok(Value::list(items))
    });
    function(vm, "getattr", |vm, a, _| {
        arity(vm, "getattr", a, 2, 3)?;
        let name = attr_name(vm, &a[1], "getattr")?;
        match vm.get_attr(&a[0], &name) {
            Ok(v) => Ok(v),
            Err(e) if a.len() == 3 && e.class().is_subtype(&vm.types.attribute_error) => {
                Ok(a[2].clone())
            }
            Err(e) => Err(e),
        }
    });
    function(vm, "setattr", |vm, a, _| {
        arity(vm, "setattr", a, 3, 3)?;
        let name = attr_name(vm, &a[1], "setattr")?;
        vm.set_attr(&a[0], &name, a[2].clone())?;
        Ok(Value::None)
    });
    function(vm, "delattr", |vm, a, _| {
        arity(vm, "delattr", a, 2, 2)?;
        let name = attr_name(vm, &a[1], "delattr")?;
        vm.del_attr(&a[0], &name)?;
        Ok(Value::None)
    });
    function(vm, "hasattr", |vm, a, _| {
        arity(vm, "hasattr", a, 2, 2)?;
        let name = attr_name(vm, &a[1], "hasattr")?;
        match vm.get_attr(&a[0], &name) {
            Ok(_) => Ok(Value::bool(true)),
            Err(e) if e.class().is_subtype(&vm.types.attribute_error) => Ok(Value::bool(false)),
            Err(e) => Err(e),
        }
    });
    function(vm, "dir", dir);
    function(vm, "vars", |vm, a, _| {
        arity(vm, "vars", a, 1, 1)?;
        match &a[0] {
            Value::Instance(i) => Ok(Value::Dict(i.dict())),
            Value::Module(m) => Ok(Value::Dict(Rc::new(vm.module_dict(m)))),
            v @ Value::Type(_) => vm.get_attr(v, &vm.names.dict),
            _ => Err(vm.type_error("vars() argument must have __dict__ attribute")),
        }
    });
    function(vm, "format", |vm, a, _| {
        arity(vm, "format", a, 1, 2)?;
        let spec = match a.get(1) {
            Some(v) => str_arg(vm, "format", v)?.as_str().to_owned(),
            None => String::new(),
        };
        Ok(Value::string(vm.format(&a[0], &spec)?))
    });
    function(vm, "input", |vm, a, _| {
        arity(vm, "input", a, 0, 1)?;
        if let Some(p) = a.first() {
            vm.write_stdout(&vm.str(p)?);
        }
        vm.flush_stdout();
        let mut line = String::new();
        match std::io::stdin().read_line(&mut line) {
            Ok(0) => Err(vm.new_error(&vm.types.exceptions["EOFError"], "EOF when reading a line")),
            Ok(_) => Ok(Value::string(
                line.trim_end_matches(['\n', '\r']).to_owned(),
            )),
            Err(e) => Err(vm.new_error(&vm.types.os_error, e.to_string())),
        }
    });
    let exit: crate::script::object::NativeFn = |vm, a, _| {
        let code = a.first().cloned().unwrap_or(Value::None);
        Err(vm.new_exception(
            &vm.types.system_exit,
            if code.is_none() { vec![] } else { vec![code] },
        ))
    };
    function(vm, "exit", exit);
    function(vm, "quit", exit);
    function(vm, "__build_class__", build_class);
    function(vm, "__import__", |vm, a, _| {
        arity(vm, "__import__", a, 1, 5)?;
        let name = str_arg(vm, "__import__", &a[0])?;
        vm.import(name.as_str(), true)
    });
    function(vm, "open", crate::script::modules::io::open);
    function(vm, "exec", exec);
    function(vm, "eval", eval);
}

/// `divmod(x, y)` for non-numbers: `x.__divmod__(y)`, then `y.__rdivmod__(x)`.
fn divmod_dunder(vm: &Vm, x: &Value, y: &Value) -> PyResult<Value> {
    for (recv, arg, name) in [(x, y, "__divmod__"), (y, x, "__rdivmod__")] {
        if let Some(m) = vm.lookup_special(recv, &vm.intern(name)) {
            let r = vm.call_bound(&m, recv, std::slice::from_ref(arg))?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
    }
    Err(vm.type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        vm.type_name(x),
        vm.type_name(y)
    )))
}

/// Three-argument `pow`: the base's `__pow__(exp, mod)` for instances, else modular
/// exponentiation of ints (a negative exponent inverts the base modulo `mod`).
fn pow_mod(vm: &Vm, base: &Value, exp: &Value, modulus: &Value) -> PyResult<Value> {
    use crate::script::vm::num::to_big;
    use num_integer::Integer;
    use num_traits::{One, Signed, Zero};
    if let Value::Instance(_) | Value::Opaque(_) = base {
        if let Some(m) = vm.lookup_special(base, &vm.intern("__pow__")) {
            let r = vm.call_bound(&m, base, &[exp.clone(), modulus.clone()])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
    }
    let (Some(b), Some(e), Some(m)) = (to_big(base), to_big(exp), to_big(modulus)) else {
        return Err(
            vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    };
    if m.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let m_abs = m.abs();
    let mut b = b.mod_floor(&m_abs);
    let mut e = e;
    if e.is_negative() {
        let g = b.extended_gcd(&m_abs);
        if !g.gcd.is_one() {
            return Err(vm.value_error("base is not invertible for the given modulus"));
        }
        b = g.x.mod_floor(&m_abs);
        e = -e;
    }
    let mut r = b.modpow(&e, &m_abs);
    if m.is_negative() && !r.is_zero() {
        r -= &m_abs;
    }
    Ok(Value::from_bigint(r))
}

/// `exec(source, globals=None)`: runs source text in `__main__` or, given a dict, in a
/// fresh module whose globals are copied from (and back into) it.
fn exec(vm: &Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    arity(vm, "exec", args, 1, 3)?;
    let source = str_arg(vm, "exec", &args[0])?.as_str().to_owned();
    in_globals(vm, "exec", args.get(1), |m| {
        vm.run_source(m, "<string>", &source).map(|_| Value::None)
    })
}

/// `eval(expression, globals=None)`: the value of one expression, in the same namespaces
/// as `exec`.
fn eval(vm: &Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    arity(vm, "eval", args, 1, 3)?;
    let source = str_arg(vm, "eval", &args[0])?.as_str().to_owned();
    in_globals(vm, "eval", args.get(1), |m| vm.eval_source(m, &source))
}

/// Runs `run` with the namespace `exec`/`eval` were given: `__main__` by default, or a
/// dict, copied into a module for the run and back out after it.
fn in_globals(
    vm: &Vm,
    name: &str,
    globals: Option<&Value>,
    run: impl FnOnce(&Rc<crate::script::object::Module>) -> PyResult<Value>,
) -> PyResult<Value> {
    match globals {
        Some(Value::Dict(globals)) => {
            let m = Rc::new(crate::script::object::Module::new("__exec__"));
            m.set("__name__", Value::str("__exec__"));
            for (k, v) in globals.entries() {
                if let Value::Str(k) = k {
                    m.set(k.as_str(), v);
                }
            }
            let r = run(&m);
            for (k, v) in m.items() {
                globals.insert_str(k, v);
            }
            r
        }
        None | Some(Value::None) => {
            let main = vm.get_module("__main__");
            let Some(Value::Module(m)) = main else {
                return Err(vm.runtime_error(format!("{name}(): no __main__ module")));
            };
            run(&m)
        }
        Some(other) => Err(vm.type_error(format!(
            "{name}() globals must be a dict, not {}",
            vm.type_name(other)
        ))),
    }
}

fn print(vm: &Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    only_kwargs(vm, "print", kwargs, &["sep", "end", "file", "flush"])?;
    let text_of = |k: &str, default: &str| -> PyResult<String> {
        match kwarg(kwargs, k) {
            None | Some(Value::None) => Ok(default.to_owned()),
            Some(Value::Str(s)) => Ok(s.as_str().to_owned()),
            Some(other) => Err(vm.type_error(format!(
                "{k} must be None or a string, not {}",
                vm.type_name(other)
            ))),
        }
    };
    let sep = text_of("sep", " ")?;
    let end = text_of("end", "\n")?;
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match a {
            Value::Str(s) => out.push_str(s.as_str()),
            Value::Int(n) => {
                use std::fmt::Write;
                let _ = write!(out, "{n}");
            }
            other => out.push_str(&vm.str(other)?),
        }
    }
    out.push_str(&end);
    match kwarg(kwargs, "file") {
        None | Some(Value::None) => vm.write_stdout(&out),
        Some(f) => {
            vm.call_method(f, "write", &[Value::string(out)])?;
        }
    }
    if let Some(f) = kwarg(kwargs, "flush") {
        if vm.truthy(f)? {
            vm.flush_stdout();
        }
    }
    Ok(Value::None)
}

fn len(vm: &Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    arity(vm, "len", args, 1, 1)?;
    Ok(Value::from(vm.len(&args[0])?))
}

/// `len(x)` called by the loop, for the built-in containers: no argument slice, no
/// native call frame. Anything else takes the ordinary call.
fn len_in_loop(
    _vm: &Vm,
    st: &mut ExecState,
    args: usize,
    argc: usize,
    dst: usize,
) -> PyResult<LoopFlow> {
    let n = match (argc, &st.regs[args]) {
        (1, Value::List(l)) => l.len(),
        (1, Value::Tuple(t)) => t.len(),
        (1, Value::Str(s)) => s.char_len(),
        (1, Value::Dict(d)) => d.len(),
        _ => return Ok(LoopFlow::Declined),
    };
    Ok(st.finish_hooked_call(args, argc, dst, Value::from(n)))
}

impl Vm {
    /// `len(v)`.
    pub fn len(&self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::Str(s) => s.char_len(),
            Value::List(l) => l.len(),
            Value::Tuple(t) => t.len(),
            Value::Dict(d) => d.len(),
            Value::Set(s) => s.len(),
            Value::Bytes(b) => b.data.borrow().len(),
            Value::Range(r) => match &r.big {
                Some(b) => {
                    use num_traits::ToPrimitive;
                    b.len().to_i64().ok_or_else(|| {
                        self.new_error(
                            &self.types.overflow_error,
                            "Python int too large to convert to C ssize_t",
                        )
                    })? as usize
                }
                None => r.len() as usize,
            },
            Value::Iter(it) => match &*it.state.borrow() {
                IterState::View { dict, .. } => dict.len(),
                _ => return Err(self.no_len(v)),
            },
            Value::Instance(_) | Value::Opaque(_) => {
                if let Some(m) = self.lookup_special(v, &self.names.len) {
                    let n = self.call_bound(&m, v, &[])?;
                    let n = self.to_index(&n)?;
                    if n < 0 {
                        return Err(self.value_error("__len__() should return >= 0"));
                    }
                    return Ok(n as usize);
                }
                if let Value::Instance(i) = v {
                    let base = i.base.borrow().clone();
                    if !base.is_undefined() {
                        return self.len(&base);
                    }
                }
                return Err(self.no_len(v));
            }
            _ => return Err(self.no_len(v)),
        })
    }

    #[cold]
    fn no_len(&self, v: &Value) -> crate::script::vm::Exc {
        self.type_error(format!(
            "object of type '{}' has no len()",
            self.type_name(v)
        ))
    }

    /// Sorts in place: stable, with keys computed once, and any error from a key or a
    /// comparison propagated (a merge sort: comparisons may run script code and fail).
    pub fn sort(&self, items: &mut Vec<Value>, key: Option<&Value>, reverse: bool) -> PyResult<()> {
        let keys: Vec<Value> = match key {
            Some(k) => items
                .iter()
                .map(|x| self.call(k, std::slice::from_ref(x), &[]))
                .collect::<PyResult<_>>()?,
            None => items.clone(),
        };
        let mut order: Vec<usize> = (0..items.len()).collect();
        if reverse {
            // Reversing before and after keeps equal items in their original order.
            order.reverse();
        }
        let lt = |a: usize, b: usize| -> PyResult<bool> {
            match (&keys[a], &keys[b]) {
                (Value::Int(x), Value::Int(y)) => Ok(x < y),
                (Value::Float(x), Value::Float(y)) => Ok(x.get() < y.get()),
                (Value::Str(x), Value::Str(y)) => Ok(x.as_str() < y.as_str()),
                (x, y) => {
                    let r = self.compare(CmpOp::Lt, x, y)?;
                    self.truthy(&r)
                }
            }
        };
        merge_sort(&mut order, &lt)?;
        if reverse {
            order.reverse();
        }
        let old = std::mem::take(items);
        let mut slots: Vec<Option<Value>> = old.into_iter().map(Some).collect();
        *items = order
            .into_iter()
            .map(|i| slots[i].take().unwrap_or_default())
            .collect();
        Ok(())
    }
}

/// A stable merge sort whose comparison may fail.
fn merge_sort(v: &mut [usize], lt: &dyn Fn(usize, usize) -> PyResult<bool>) -> PyResult<()> {
    let n = v.len();
    if n <= 1 {
        return Ok(());
    }
    if n <= 16 {
        // Insertion sort for short runs.
        for i in 1..n {
            let mut j = i;
            while j > 0 && lt(v[j], v[j - 1])? {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        return Ok(());
    }
    let mid = n / 2;
    merge_sort(&mut v[..mid], lt)?;
    merge_sort(&mut v[mid..], lt)?;
    if !lt(v[mid], v[mid - 1])? {
        return Ok(());
    }
    let left = v[..mid].to_vec();
    let right = v[mid..].to_vec();
    let (mut i, mut j, mut k) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        if lt(right[j], left[i])? {
            v[k] = right[j];
            j += 1;
        } else {
            v[k] = left[i];
            i += 1;
        }
        k += 1;
    }
    while i < left.len() {
        v[k] = left[i];
        i += 1;
        k += 1;
    }
    while j < right.len() {
        v[k] = right[j];
        j += 1;
        k += 1;
    }
    Ok(())
}

fn abs(vm: &Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    arity(vm, "abs", args, 1, 1)?;
    Ok(match &args[0] {
        Value::Int(i) => match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => Value::from_bigint(num_bigint::BigInt::from(*i).magnitude().clone().into()),
        },
        Value::Bool(b) => Value::Int(b.get() as i64),
        Value::BigInt(b) => {
            use num_traits::Signed;
            Value::from_bigint(b.abs())
        }
        Value::Float(f) => Value::float(f.get().abs()),
        v => match vm.lookup_special(v, &vm.intern("__abs__")) {
            Some(m) => vm.call_bound(&m, v, &[])?,
            None => {
                return Err(
                    vm.type_error(format!("bad operand type for abs(): '{}'", vm.type_name(v)))
                )
            }
        },
    })
}

fn radix(vm: &Vm, args: &[Value], name: &str, kind: char) -> PyResult<Value> {
    arity(vm, name, args, 1, 1)?;
    let v = match &args[0] {
        v @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) => v.clone(),
        v => Value::Int(vm.to_index(v)?),
    };
    Ok(Value::string(vm.format(&v, &format!("#{kind}"))?))
}

fn round(vm: &Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    only_kwargs(vm, "round", kwargs, &["number", "ndigits"])?;
    arity(vm, "round", args, 1, 2)?;
    let ndigits = args
        .get(1)
        .or_else(|| kwarg(kwargs, "ndigits"))
        .filter(|v| !v.is_none());
    match &args[0] {
        Value::Float(f) => {
            let f = *f;
            match ndigits {
                None => {
                    if !f.get().is_finite() {
                        return Err(if f.get().is_nan() {
                            vm.value_error("cannot convert float NaN to integer")
                        } else {
                            vm.overflow_error("cannot convert float infinity to integer")
                        });
                    }
                    let r = f.get().round_ties_even();
                    Ok(Value::from_bigint(crate::script::vm::num::float_to_big(r)))
                }
                Some(n) => {
                    let n = vm.to_index(n)?;
                    if !f.get().is_finite() || f.get() == 0.0 {
                        return Ok(Value::float(f.get()));
                    }
                    if n > 300 {
                        return Ok(Value::float(f.get()));
                    }
                    if n >= 0 {
                        // Correctly rounded decimal formatting, then back.
                        let s = format!("{:.*}", n as usize, f.get());
                        Ok(Value::float(s.parse().unwrap_or(f.get())))
                    } else {
                        let p = 10f64.powi((-n) as i32);
                        let r = (f.get() / p).round_ties_even() * p;
                        Ok(Value::float(if r.is_finite() { r } else { 0.0 }))
                    }
                }
            }
        }
        v @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) => {
            let Some(n) = ndigits else {
                return Ok(match v {
                    Value::Bool(b) => Value::Int(b.get() as i64),
                    v => v.clone(),
                });
            };
            let n = vm.to_index(n)?;
            if n >= 0 {
                // A bool rounds to an int, as `int.__round__` gives.
                return Ok(match v {
                    Value::Bool(b) => Value::Int(b.get() as i64),
                    v => v.clone(),
                });
            }
            let b = crate::script::vm::num::to_big(v).unwrap_or_default();
            let p = num_traits::pow(num_bigint::BigInt::from(10), (-n) as usize);
            use num_integer::Integer;
            let (q, r) = b.div_mod_floor(&p);
            let twice: num_bigint::BigInt = &r * 2;
            let q = match twice.cmp(&p) {
                std::cmp::Ordering::Greater => q + 1,
                std::cmp::Ordering::Equal if q.is_odd() => q + 1,
                _ => q,
            };
            Ok(Value::from_bigint(q * p))
        }
        v => match vm.lookup_special(v, &vm.intern("__round__")) {
            Some(m) => vm.call_bound(&m, v, &args[1..]),
            None => Err(vm.type_error(format!(
                "type {} doesn't define __round__ method",
                vm.type_name(v)
            ))),
        },
    }
}

fn min_max(vm: &Vm, args: &[Value], kwargs: Kwargs<'_>, name: &str, op: CmpOp) -> PyResult<Value> {
    only_kwargs(vm, name, kwargs, &["key", "default"])?;
    let key = kwarg(kwargs, "key").filter(|v| !v.is_none());
    let default = kwarg(kwargs, "default");
    let items: Vec<Value> = match args.len() {
        0 => return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => vm.collect(&args[0])?,
        _ => {
            if default.is_some() {
                return Err(vm.type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            args.to_vec()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match key {
            Some(f) => vm.call(f, std::slice::from_ref(&item), &[])?,
            None => item.clone(),
        };
        best = Some(match best {
            None => (k, item),
            Some((bk, bv)) => {
                let better = vm.compare(op, &k, &bk)?;
                if vm.truthy(&better)? {
                    (k, item)
                } else {
                    (bk, bv)
                }
            }
        });
    }
    match (best, default) {
        (Some((_, v)), _) => Ok(v),
        (None, Some(d)) => Ok(d.clone()),
        (None, None) => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
    }
}

fn attr_name(vm: &Vm, v: &Value, _func: &str) -> PyResult<Rc<crate::script::object::Str>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(other)
        ))),
    }
}

/// `isinstance(obj, cls)`.
pub fn isinstance(vm: &Vm, obj: &Value, cls: &Value) -> PyResult<bool> {
    let t = vm.types.type_of(obj).clone();
    class_matches(vm, &t, cls, "isinstance")
}

fn class_matches(
    vm: &Vm,
    t: &Rc<crate::script::object::Type>,
    cls: &Value,
    func: &str,
) -> PyResult<bool> {
    match cls {
        Value::Type(c) => Ok(t.is_subtype(c)),
        Value::Tuple(items) => {
            for c in items.items.iter() {
                if class_matches(vm, t, c, func)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(vm.type_error(format!(
            "{func}() arg 2 must be a type, a tuple of types, or a union"
        ))),
    }
}

fn dir(vm: &Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    arity(vm, "dir", args, 1, 1)?;
    let mut names: Vec<String> = Vec::new();
    let v = &args[0];
    match v {
        Value::Module(m) => names.extend(m.items().into_iter().map(|(k, _)| k.as_str().to_owned())),
        Value::Type(t) => {
            for c in t.mro() {
                names.extend(
                    c.dict
                        .keys()
                        .iter()
                        .filter_map(|k| k.as_str().map(|s| s.as_str().to_owned())),
                );
            }
        }
        _ => {
            if let Value::Instance(i) = v {
                names.extend(
                    i.attr_names()
                        .iter()
                        .filter_map(|k| k.as_str().map(|s| s.as_str().to_owned())),
                );
            }
            for c in vm.types.type_of(v).mro() {
                names.extend(
                    c.dict
                        .keys()
                        .iter()
                        .filter_map(|k| k.as_str().map(|s| s.as_str().to_owned())),
                );
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(Value::list(names.into_iter().map(Value::string).collect()))
}

/// `__build_class__(body, name, *bases, **kwds)`: runs the class body into a namespace
/// and creates the class.
fn build_class(vm: &Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let body = &args[0];
    let name = args[1].clone();
    let bases = Value::tuple(args[2..].to_vec());
    let mut meta = Value::Type(vm.types.type_.clone());
    let mut extra: Vec<(Rc<crate::script::object::Str>, Value)> = Vec::new();
    for (k, v) in kwargs {
        if k.as_str() == "metaclass" {
            meta = v.clone();
        } else {
            extra.push((k.clone(), v.clone()));
        }
    }
    let ns = Rc::new(crate::script::object::Dict::new());
    vm.call(body, &[Value::Dict(ns.clone())], &[])?;
    let cell = ns.remove_str(&vm.names.classcell);
    let class = vm.call(&meta, &[name, bases, Value::Dict(ns)], &extra)?;
    if let Some(Value::Cell(c)) = cell {
        c.set(class.clone());
    }
    Ok(class)
}
