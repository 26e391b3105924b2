//! The `_continuation` module: PyPy's continulets for scripts, on the runtime's
//! [`Continulet`]. `generator`/`genlet` are written in the script language on top.

use crate::continulet::{permute, Continulet};
use crate::script::builtins::{kwarg, method};
use crate::script::object::misc::Opaque;
use crate::script::object::{Instance, Kwargs, Layout, Module, Str, Type, Value};
use crate::script::vm::{Exc, PyResult, Vm};
use crate::{Error, Payload};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

/// What a script continulet object holds (as the `base` of its instance).
struct ContData {
    cont: Continulet,
    bound: Cell<bool>,
    /// Whether its callable has begun (a fresh one takes only `None`).
    started: Rc<Cell<bool>>,
}

thread_local! {
    static ERROR: RefCell<Option<Rc<Type>>> = const { RefCell::new(None) };
}

fn error(vm: &Vm, msg: &str) -> Exc {
    match ERROR.with(|e| e.borrow().clone()) {
        Some(t) => vm.new_error(&t, msg),
        None => vm.runtime_error(msg),
    }
}

fn data(vm: &Vm, v: &Value) -> PyResult<Rc<Opaque>> {
    if let Value::Instance(i) = v {
        if let Value::Opaque(o) = &*i.base.borrow() {
            if o.downcast::<ContData>().is_some() {
                return Ok(o.clone());
            }
        }
    }
    Err(vm.type_error(format!("expected a continulet, got {}", vm.type_name(v))))
}

fn with_data<R>(vm: &Vm, v: &Value, f: impl FnOnce(&ContData) -> R) -> PyResult<R> {
    let o = data(vm, v)?;
    match o.downcast::<ContData>() {
        Some(d) => Ok(f(d)),
        None => Err(vm.type_error("expected a continulet")),
    }
}

fn received(vm: &Vm, result: Result<Payload, Error>) -> PyResult<Value> {
    match result {
        Ok(p) => Ok(p.downcast::<Value>().unwrap_or(Value::None)),
        Err(Error::Raised(p)) => match p.downcast::<Exc>() {
            Ok(e) => Err(e),
            Err(_) => Err(vm.runtime_error("a foreign error was raised into a continulet")),
        },
        Err(Error::Finished) => Err(error(vm, "continulet already finished")),
        Err(Error::PermuteFinished) => Err(error(vm, "got an already-finished continulet")),
        Err(Error::AlreadyBound) => Err(error(vm, "continulet already __init__ialized")),
        Err(Error::Exit) => Err(vm.runtime_error("continulet killed")),
        Err(Error::Stack(e)) => Err(vm.new_error(&vm.types.memory_error, e.to_string())),
        Err(other) => Err(error(vm, &other.to_string())),
    }
}

/// The continulet `to=` names, if any (an uninitialized one counts as none).
fn target(vm: &Vm, to: Option<&Value>) -> PyResult<Option<(Continulet, Rc<Cell<bool>>)>> {
    match to {
        None | Some(Value::None) => Ok(None),
        Some(v) => with_data(vm, v, |d| {
            d.bound.get().then(|| (d.cont.clone(), d.started.clone()))
        }),
    }
}

/// The common transfer of `switch` and `throw`, with the interpreter state saved around it.
fn transfer(vm: &Vm, me: &Value, msg: Result<Value, Exc>, to: Option<&Value>) -> PyResult<Value> {
    let (cont, bound, started) = with_data(vm, me, |d| {
        (d.cont.clone(), d.bound.get(), d.started.clone())
    })?;
    let to = target(vm, to)?;
    if let Some((t, _)) = &to {
        if t.is_finished() {
            return Err(error(vm, "continulet already finished"));
        }
    }
    if bound && cont.is_finished() {
        return Err(error(vm, "continulet already finished"));
    }
    // The continuation that will be resumed: `to`'s when given, else our own.
    let resumed_fresh = match &to {
        Some((t, s)) if !t.is_finished() => !s.get(),
        _ => bound && !started.get(),
    };
    let msg = match msg {
        Ok(v) if resumed_fresh && !v.is_none() => {
            Err(vm.type_error("can't send non-None value to a just-started continulet"))
        }
        other => other,
    };
    let saved = vm.take_thread_state();
    let to_ref = to.as_ref().map(|(t, _)| t);
    let result = match msg {
        Ok(v) => {
            let payload = if resumed_fresh {
                Payload::new(())
            } else {
                Payload::new(v)
            };
            cont.switch_value(payload, to_ref)
        }
        Err(e) => cont.throw_value(Error::raise(e), to_ref),
    };
    vm.put_thread_state(saved);
    received(vm, result)
}

fn new_cont(vm: &Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let Some(Value::Type(class)) = args.first() else {
        return Err(vm.type_error("continulet.__new__(X): X is not a type object"));
    };
    let inst = Rc::new(Instance::new(class.clone()));
    *inst.base.borrow_mut() = Value::Opaque(Rc::new(Opaque {
        class: class.clone(),
        data: Box::new(ContData {
            cont: Continulet::unbound(),
            bound: Cell::new(false),
            started: Rc::new(Cell::new(false)),
        }),
    }));
    Ok(Value::Instance(inst))
}

fn init_cont(vm: &Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let Some(me @ Value::Instance(inst)) = args.first() else {
        return Err(vm.type_error("continulet.__init__ needs a continulet"));
    };
    let Some(callable) = args
        .get(1)
        .cloned()
        .or_else(|| kwarg(kwargs, "callable").cloned())
    else {
        return Err(vm.type_error("__init__() missing 1 required positional argument: 'callable'"));
    };
    let (cont, started) = with_data(vm, me, |d| {
        let was = d.bound.replace(true);
        (d.cont.clone(), (!was).then(|| d.started.clone()))
    })?;
    let Some(started) = started else {
        return Err(error(vm, "continulet already __init__ialized"));
    };
    let Some(weak_vm) = vm.self_weak() else {
        return Err(vm.runtime_error("the interpreter is shutting down"));
    };
    let extra: Vec<Value> = args.get(2..).unwrap_or(&[]).to_vec();
    let kw: Vec<(Rc<Str>, Value)> = kwargs
        .iter()
        .filter(|(k, _)| k.as_str() != "callable")
        .cloned()
        .collect();
    let obj: Weak<Instance> = Rc::downgrade(inst);
    cont.bind_value(move |_c| {
        started.set(true);
        let Some(vm) = weak_vm.upgrade() else {
            return Ok(Payload::new(Value::None));
        };
        vm.put_thread_state(Default::default());
        let Some(obj) = obj.upgrade() else {
            return Ok(Payload::new(Value::None));
        };
        let mut all = Vec::with_capacity(extra.len() + 1);
        all.push(Value::Instance(obj));
        all.extend(extra);
        match vm.call(&callable, &all, &kw) {
            Ok(v) => Ok(Payload::new(v)),
            Err(e) => Err(Error::raise(e)),
        }
    })
    .map_err(|_| error(vm, "continulet already __init__ialized"))?;
    Ok(Value::None)
}

/// Normalises `throw(type, value, tb)` as `raise` does.
fn normalize(vm: &Vm, typ: &Value, val: Option<&Value>, tb: Option<&Value>) -> PyResult<Exc> {
    if let Some(tb) = tb.filter(|t| !t.is_none()) {
        if !matches!(tb, Value::Opaque(o) if o.class.name().as_str() == "traceback") {
            return Err(vm.type_error("throw() third argument must be a traceback object"));
        }
    }
    let val = val.filter(|v| !v.is_none());
    match typ {
        Value::Type(t) if t.layout == Layout::Exception => match val {
            None => vm.make_raisable(typ.clone()),
            Some(Value::Instance(i)) if i.class.is_subtype(t) => Ok(i.clone()),
            Some(Value::Tuple(items)) => vm.make_raisable(vm.call(typ, &items.items, &[])?),
            Some(v) => vm.make_raisable(vm.call(typ, std::slice::from_ref(v), &[])?),
        },
        Value::Instance(i) if i.exc.is_some() => {
            if val.is_some() {
                return Err(vm.type_error("instance exception may not have a separate value"));
            }
            Ok(i.clone())
        }
        other => Err(vm.type_error(format!(
            "exceptions must derive from BaseException, not {}",
            vm.type_name(other)
        ))),
    }
}

const GENERATOR_SOURCE: &str = r#"
class genlet(continulet):
    """A continulet that iterates over the values its callable switches out."""

    def __iter__(self):
        return self

    def __next__(self):
        if not self.is_pending():
            raise StopIteration
        value = self.switch()
        if not self.is_pending():
            if value is not None:
                raise TypeError("_continuation.generator must return None")
            raise StopIteration
        return value


class generator:
    """Makes a function taking `cont` first into a factory of genlets."""

    def __init__(self, callable):
        self.callable = callable

    def __get__(self, obj, type=None):
        if obj is None:
            return self
        callable = self.callable
        return generator(lambda cont, *args, **kwds: callable(obj, cont, *args, **kwds))

    def __call__(self, *args, **kwds):
        return genlet(self.callable, *args, **kwds)
"#;

pub fn module(vm: &Vm) -> PyResult<Rc<Module>> {
    let class = Rc::new(Type::new_builtin(
        "continulet",
        Layout::Object,
        vec![vm.types.object.clone()],
    ));
    *class.module.borrow_mut() = Rc::new(Str::new("_continuation"));
    let err = Rc::new(Type::new_builtin(
        "error",
        Layout::Exception,
        vec![vm.types.exception.clone()],
    ));
    *err.module.borrow_mut() = Rc::new(Str::new("_continuation"));
    ERROR.with(|e| *e.borrow_mut() = Some(err.clone()));
    method(&class, "__new__", new_cont);
    method(&class, "__init__", init_cont);
    method(&class, "switch", |vm, a, k| {
        let value = a
            .get(1)
            .or_else(|| kwarg(k, "value"))
            .cloned()
            .unwrap_or(Value::None);
        let to = a.get(2).or_else(|| kwarg(k, "to"));
        let me = a.first().cloned().unwrap_or_default();
        // An uninitialized continulet: `switch` is `to.switch(value)` or returns the value.
        if !with_data(vm, &me, |d| d.bound.get())? {
            return match to.filter(|t| !t.is_none()) {
                Some(t) => transfer(vm, t, Ok(value), None),
                None => Ok(value),
            };
        }
        if let Some(t) = to {
            if t.is(&me) {
                return Ok(value);
            }
        }
        transfer(vm, &me, Ok(value), to)
    });
    method(&class, "throw", |vm, a, k| {
        let me = a.first().cloned().unwrap_or_default();
        let Some(typ) = a.get(1).or_else(|| kwarg(k, "type")) else {
            return Err(vm.type_error("throw() missing required argument 'type' (pos 1)"));
        };
        let exc = normalize(
            vm,
            typ,
            a.get(2).or_else(|| kwarg(k, "value")),
            a.get(3).or_else(|| kwarg(k, "tb")),
        )?;
        let to = a.get(4).or_else(|| kwarg(k, "to"));
        if !with_data(vm, &me, |d| d.bound.get())? {
            return match to.filter(|t| !t.is_none()) {
                Some(t) => transfer(vm, t, Err(exc), None),
                None => Err(exc),
            };
        }
        transfer(vm, &me, Err(exc), to)
    });
    method(&class, "is_pending", |vm, a, _| {
        let me = a.first().cloned().unwrap_or_default();
        with_data(vm, &me, |d| {
            Value::bool(d.bound.get() && d.cont.is_pending())
        })
    });
    method(&class, "__reduce__", |vm, _, _| {
        Err(vm.not_implemented("continulet's pickle support is currently disabled"))
    });
    let m = super::native_module(
        "_continuation",
        &[("permute", |vm, a, _| {
            let mut conts = Vec::with_capacity(a.len());
            for v in a {
                let Ok(o) = data(vm, v) else {
                    return Err(
                        vm.type_error(format!("expected a continulet, got {}", vm.type_name(v)))
                    );
                };
                if let Some(d) = o.downcast::<ContData>() {
                    if d.bound.get() {
                        conts.push(d.cont.clone());
                    }
                }
            }
            let refs: Vec<&Continulet> = conts.iter().collect();
            permute(&refs).map_err(|e| match e {
                Error::PermuteFinished => error(vm, "got an already-finished continulet"),
                other => error(vm, &other.to_string()),
            })?;
            Ok(Value::None)
        })],
    );
    m.set("continulet", Value::Type(class));
    m.set("error", Value::Type(err));
    vm.run_source(&m, "<frozen _continuation>", GENERATOR_SOURCE)?;
    Ok(m)
}
