//! The `greenlet` module: python-greenlet for scripts, on the runtime's greenlets.
//!
//! Each script greenlet is a runtime [`Greenlet`] whose body runs the dispatch loop on its
//! own coroutine, with its own heap frames; the runtime supplies the tree rules (switch to
//! a dead greenlet, finishing to the parent, throw, kill when unreferenced). This layer adds
//! what is Python-specific: `run` lookup, argument packing, exception normalisation, and the
//! interpreter state (recursion depth, handled exceptions) each greenlet keeps for itself.

use crate::greenlet::Greenlet;
use crate::script::builtins::{kwarg, method};
use crate::script::object::misc::Opaque;
use crate::script::object::{Instance, Kwargs, Layout, Module, NativeFn, Str, Type, Value};
use crate::script::vm::{finalize, Exc, PyResult, Vm};
use crate::{Error, Payload};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

/// What a script greenlet object holds (as the `base` of its instance).
pub struct GreenletData {
    handle: Greenlet,
    /// `run` as given to the constructor or assigned before the start.
    run: RefCell<Option<Value>>,
}

impl Drop for GreenletData {
    fn drop(&mut self) {
        let id = self.handle.id();
        let _ = OBJECTS.try_with(|o| o.borrow_mut().remove(&id));
        // The last script reference to a suspended greenlet: the runtime kills it when its
        // last handle drops, which runs script code, so hand the handle over to a safe point.
        if self.handle.is_active() && !self.handle.is_current() && !self.handle.is_main() {
            let handle = self.handle.clone();
            finalize::defer(move |vm| {
                let saved = vm.take_thread_state();
                drop(handle);
                vm.put_thread_state(saved);
            });
        }
    }
}

/// Arguments of the switch that starts a greenlet: `run(*args, **kwargs)`.
struct StartArgs {
    args: Vec<Value>,
    kwargs: Vec<(Rc<Str>, Value)>,
}

struct Classes {
    greenlet: Rc<Type>,
    error: Rc<Type>,
    exit: Rc<Type>,
}

thread_local! {
    /// Script objects of this thread's greenlets, by runtime id (weak: the object owns the
    /// greenlet, not the other way round).
    static OBJECTS: RefCell<HashMap<u64, Weak<Instance>>> = RefCell::new(HashMap::new());
    /// The main greenlet's object, kept for the thread's lifetime so it stays the same.
    static MAIN: RefCell<Option<Rc<Instance>>> = const { RefCell::new(None) };
    static CLASSES: RefCell<Option<Rc<Classes>>> = const { RefCell::new(None) };
    /// `settrace` callback.
    static TRACE: RefCell<Value> = const { RefCell::new(Value::None) };
    static EMPTY: Value = Value::tuple(Vec::new());
    /// The transfer in flight: event and origin, read by the receiving side for tracing.
    static TRANSFER: RefCell<Option<(&'static str, Value)>> = const { RefCell::new(None) };
}

fn classes() -> Option<Rc<Classes>> {
    CLASSES.with(|c| c.borrow().clone())
}

fn getter(t: &Rc<Type>, name: &'static str, get: NativeFn, set: Option<NativeFn>) {
    crate::script::builtins::property(
        t,
        name,
        get,
        set,
        Some(|vm, _, _| Err(vm.attribute_error("can't delete attribute"))),
    );
}

/// The greenlet data of a script greenlet object.
fn data(vm: &Vm, v: &Value) -> PyResult<Rc<Opaque>> {
    if let Value::Instance(i) = v {
        if let Value::Opaque(o) = &*i.base.borrow() {
            if o.downcast::<GreenletData>().is_some() {
                return Ok(o.clone());
            }
        }
    }
    Err(vm.type_error(format!(
        "GreenletChecker: Expected any type of greenlet, not {}",
        vm.type_name(v)
    )))
}

fn handle_of(vm: &Vm, v: &Value) -> PyResult<Greenlet> {
    let o = data(vm, v)?;
    Ok(o.downcast::<GreenletData>()
        .map(|d| d.handle.clone())
        .unwrap_or_else(Greenlet::current))
}

/// The script object of a runtime greenlet (creating one for the main greenlet, or for a
/// greenlet whose object was collected and is being killed).
fn object_of(vm: &Vm, handle: &Greenlet) -> Value {
    if let Some(obj) = OBJECTS.with(|o| o.borrow().get(&handle.id()).and_then(Weak::upgrade)) {
        return Value::Instance(obj);
    }
    let Some(classes) = classes() else {
        return Value::None;
    };
    let obj = wrap(vm, &classes.greenlet, handle.clone());
    if handle.is_main() {
        if let Value::Instance(i) = &obj {
            MAIN.with(|m| *m.borrow_mut() = Some(i.clone()));
        }
    }
    obj
}

/// A new script object for `handle`, of class `class`.
fn wrap(_vm: &Vm, class: &Rc<Type>, handle: Greenlet) -> Value {
    let inst = Rc::new(Instance::new(class.clone()));
    let id = handle.id();
    *inst.base.borrow_mut() = Value::Opaque(Rc::new(Opaque {
        class: class.clone(),
        data: Box::new(GreenletData {
            handle,
            run: RefCell::new(None),
        }),
    }));
    OBJECTS.with(|o| o.borrow_mut().insert(id, Rc::downgrade(&inst)));
    Value::Instance(inst)
}

fn greenlet_error(vm: &Vm, msg: &str) -> Exc {
    match classes() {
        Some(c) => vm.new_error(&c.error, msg),
        None => vm.runtime_error(msg),
    }
}

fn exit_exception(vm: &Vm) -> Exc {
    match classes() {
        Some(c) => vm.new_exception(&c.exit, vec![]),
        None => vm.runtime_error("GreenletExit"),
    }
}

/// Turns what a runtime switch delivered into the script-level result.
fn received(vm: &Vm, result: Result<Payload, Error>) -> PyResult<Value> {
    match result {
        Ok(p) => {
            if let Some(v) = p.downcast_ref::<Value>() {
                return Ok(v.clone());
            }
            if let Some(start) = p.downcast_ref::<StartArgs>() {
                return Ok(pack(&start.args, &start.kwargs));
            }
            if p.is::<crate::GreenletExit>() {
                return Ok(Value::Instance(exit_exception(vm)));
            }
            Ok(Value::None)
        }
        Err(Error::Raised(p)) => match p.downcast::<Exc>() {
            Ok(e) => Err(e),
            Err(_) => Err(vm.runtime_error("a foreign error was raised into a script greenlet")),
        },
        Err(Error::Exit) => Err(exit_exception(vm)),
        Err(Error::NoRun) => Err(vm.attribute_error("run")),
        Err(Error::Panic(_)) => Err(vm.runtime_error("a greenlet panicked")),
        Err(Error::Stack(e)) => Err(vm.new_error(&vm.types.memory_error, e.to_string())),
        Err(Error::NotNow) => Err(greenlet_error(vm, "cannot switch greenlets now")),
        Err(other) => Err(greenlet_error(vm, &other.to_string())),
    }
}

/// The packing rule of a resumed `switch()`.
fn pack(args: &[Value], kwargs: &[(Rc<Str>, Value)]) -> Value {
    let kw = || {
        let d = crate::script::object::Dict::new();
        for (k, v) in kwargs {
            d.insert_str(k.clone(), v.clone());
        }
        Value::Dict(Rc::new(d))
    };
    match (args.len(), kwargs.is_empty()) {
        (1, true) => args[0].clone(),
        // `switch()`: one shared empty tuple, not an allocation per switch.
        (0, true) => EMPTY.with(Value::clone),
        (_, true) => Value::tuple(args.to_vec()),
        (0, false) => kw(),
        (_, false) => Value::tuple(vec![Value::tuple(args.to_vec()), kw()]),
    }
}

/// Runs the trace callback for a transfer that landed here.
fn trace_arrival(vm: &Vm) -> PyResult<()> {
    let Some((event, origin)) = TRANSFER.with(|t| t.borrow_mut().take()) else {
        return Ok(());
    };
    let cb = TRACE.with(|t| t.borrow().clone());
    if cb.is_none() {
        return Ok(());
    }
    let target = object_of(vm, &Greenlet::current());
    if let Err(e) = vm.call(
        &cb,
        &[Value::str(event), Value::tuple(vec![origin, target])],
        &[],
    ) {
        TRACE.with(|t| *t.borrow_mut() = Value::None);
        return Err(e);
    }
    Ok(())
}

/// Notes a transfer leaving the current greenlet, for the receiver's trace callback.
fn trace_departure(vm: &Vm, event: &'static str) {
    if TRACE.with(|t| t.borrow().is_none()) {
        return;
    }
    let origin = object_of(vm, &Greenlet::current());
    TRANSFER.with(|t| *t.borrow_mut() = Some((event, origin)));
}

/// The body every script greenlet runs on its coroutine.
fn body(vm: Weak<Vm>, obj: Weak<Instance>) -> impl FnOnce(Payload) -> Result<Payload, Error> {
    move |first: Payload| {
        let Some(vm) = vm.upgrade() else {
            return Ok(Payload::new(Value::None));
        };
        vm.put_thread_state(Default::default());
        let result = match start(&vm, &obj, first) {
            // GreenletExit escaping `run` is delivered as a value.
            Err(e) if classes().is_some_and(|c| e.class().is_subtype(&c.exit)) => {
                Ok(Value::Instance(e))
            }
            other => other,
        };
        // Whatever the greenlet leaves behind is not its parent's: the parent restores its
        // own state when its switch returns.
        trace_departure(&vm, if result.is_ok() { "switch" } else { "throw" });
        match result {
            Ok(v) => Ok(Payload::new(v)),
            Err(e) => Err(Error::raise(e)),
        }
    }
}

fn start(vm: &Vm, obj: &Weak<Instance>, first: Payload) -> PyResult<Value> {
    trace_arrival(vm)?;
    let Some(obj) = obj.upgrade() else {
        return Err(greenlet_error(
            vm,
            "cannot switch to a garbage collected greenlet",
        ));
    };
    let run = take_run(vm, &Value::Instance(obj))?;
    // No strong reference to the greenlet's own object may stay on its stack while it
    // runs: dropping the last outside reference must be able to kill it.
    match first.downcast::<StartArgs>() {
        Ok(start) => vm.call(&run, &start.args, &start.kwargs),
        Err(other) => {
            // Started by a finishing child (the unstarted-parent rule): run(result).
            let arg = other.downcast::<Value>().unwrap_or(Value::None);
            vm.call(&run, &[arg], &[])
        }
    }
}

/// The `run` of a greenlet being started, removed from it.
fn take_run(vm: &Vm, obj: &Value) -> PyResult<Value> {
    let o = data(vm, obj)?;
    let given = o
        .downcast::<GreenletData>()
        .and_then(|d| d.run.borrow_mut().take());
    match given {
        Some(run) => Ok(run),
        None => {
            let Value::Instance(i) = obj else {
                return Err(vm.attribute_error("run"));
            };
            match i.class.lookup(&Str::new("run")) {
                Some(Value::Function(f)) => {
                    Ok(Value::Method(Rc::new(crate::script::object::BoundMethod {
                        func: Value::Function(f),
                        receiver: obj.clone(),
                    })))
                }
                Some(Value::Property(_)) | None => Err(vm.attribute_error("run")),
                Some(other) => Ok(other),
            }
        }
    }
}

fn has_run(vm: &Vm, obj: &Value) -> bool {
    let given = data(vm, obj)
        .ok()
        .and_then(|o| {
            o.downcast::<GreenletData>()
                .map(|d| d.run.borrow().is_some())
        })
        .unwrap_or(false);
    given
        || matches!(obj, Value::Instance(i) if matches!(i.class.lookup(&Str::new("run")), Some(v) if !matches!(v, Value::Property(_))))
}

/// The greenlet a switch to `target` lands on: dead ones are skipped to their parents.
fn resolve(target: Greenlet) -> Greenlet {
    let mut t = target;
    while t.is_dead() {
        match t.parent() {
            Some(p) => t = p,
            None => break,
        }
    }
    t
}

/// A transfer to `target` with the current greenlet's interpreter state saved around it.
fn transfer(
    vm: &Vm,
    target: &Greenlet,
    msg: Result<Payload, Error>,
    event: &'static str,
) -> PyResult<Value> {
    let saved = vm.take_thread_state();
    trace_departure(vm, event);
    let result = match msg {
        Ok(p) => target.switch_value(p),
        Err(e) => target.throw_value(e),
    };
    vm.put_thread_state(saved);
    trace_arrival(vm)?;
    received(vm, result)
}

fn switch(vm: &Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let Some(me) = args.first() else {
        return Err(vm.type_error("switch() needs a greenlet"));
    };
    let target = resolve(handle_of(vm, me)?);
    let rest = &args[1..];
    let msg = if !target.is_started() && !target.is_main() {
        let obj = object_of(vm, &target);
        if !has_run(vm, &obj) {
            return Err(vm.attribute_error("run"));
        }
        Payload::new(StartArgs {
            args: rest.to_vec(),
            kwargs: kwargs.to_vec(),
        })
    } else {
        Payload::new(pack(rest, kwargs))
    };
    transfer(vm, &target, Ok(msg), "switch")
}

/// Normalises `throw(typ, val, tb)` as `raise` would.
fn normalize(
    vm: &Vm,
    typ: Option<&Value>,
    val: Option<&Value>,
    tb: Option<&Value>,
) -> PyResult<Exc> {
    if let Some(tb) = tb {
        if !tb.is_none()
            && !matches!(tb, Value::Opaque(o) if o.class.name().as_str() == "traceback")
        {
            return Err(vm.type_error("throw() third argument must be a traceback object"));
        }
    }
    let val = val.filter(|v| !v.is_none());
    match typ {
        None => Ok(exit_exception(vm)),
        Some(Value::Type(t)) if t.layout == Layout::Exception => match val {
            None => vm.make_raisable(Value::Type(t.clone())),
            Some(Value::Instance(i)) if i.class.is_subtype(t) => Ok(i.clone()),
            Some(Value::Tuple(items)) => {
                vm.make_raisable(vm.call(&Value::Type(t.clone()), &items.items, &[])?)
            }
            Some(v) => {
                vm.make_raisable(vm.call(&Value::Type(t.clone()), std::slice::from_ref(v), &[])?)
            }
        },
        Some(Value::Instance(i)) if i.exc.is_some() => {
            if val.is_some() {
                return Err(vm.type_error("instance exception may not have a separate value"));
            }
            Ok(i.clone())
        }
        Some(other) => Err(vm.type_error(format!(
            "exceptions must be classes, or instances, not {}",
            vm.type_name(other)
        ))),
    }
}

fn throw(vm: &Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let Some(me) = args.first() else {
        return Err(vm.type_error("throw() needs a greenlet"));
    };
    let get = |i: usize, name: &str| args.get(i).or_else(|| kwarg(kwargs, name));
    let exc = normalize(vm, get(1, "typ"), get(2, "val"), get(3, "tb"))?;
    let named = handle_of(vm, me)?;
    let target = resolve(named.clone());
    if target.is_current() {
        // Into a dead greenlet whose nearest live ancestor is the caller: a GreenletExit is
        // returned, anything else raised here.
        if named.is_dead() && classes().is_some_and(|c| exc.class().is_subtype(&c.exit)) {
            return Ok(Value::Instance(exc));
        }
        return Err(exc);
    }
    if !target.is_started() && !target.is_main() {
        let obj = object_of(vm, &target);
        if !has_run(vm, &obj) {
            return Err(vm.attribute_error("run"));
        }
        // An unstarted greenlet dies without running: report both legs of the transfer.
        if TRACE.with(|t| !t.borrow().is_none()) {
            let origin = object_of(vm, &Greenlet::current());
            TRANSFER.with(|t| *t.borrow_mut() = Some(("throw", origin)));
            let cb = TRACE.with(|t| t.borrow().clone());
            if let Some((event, origin)) = TRANSFER.with(|t| t.borrow_mut().take()) {
                vm.call(
                    &cb,
                    &[Value::str(event), Value::tuple(vec![origin, obj.clone()])],
                    &[],
                )?;
            }
            TRANSFER.with(|t| *t.borrow_mut() = Some(("throw", obj.clone())));
            let saved = vm.take_thread_state();
            let result = target.throw_value(Error::raise(exc));
            vm.put_thread_state(saved);
            trace_arrival(vm)?;
            return finish_throw(vm, &target, received(vm, result));
        }
    }
    let result = transfer(vm, &target, Err(Error::raise(exc)), "throw");
    finish_throw(vm, &target, result)
}

/// A GreenletExit that comes back to the thrower from a dead target is returned.
fn finish_throw(_vm: &Vm, target: &Greenlet, result: PyResult<Value>) -> PyResult<Value> {
    match result {
        // A GreenletExit that comes back to the thrower is returned, not raised.
        Err(e) if classes().is_some_and(|c| e.class().is_subtype(&c.exit)) && target.is_dead() => {
            Ok(Value::Instance(e))
        }
        other => other,
    }
}

fn new_greenlet(vm: &Vm, args: &[Value], _kwargs: Kwargs<'_>) -> PyResult<Value> {
    let Some(Value::Type(class)) = args.first() else {
        return Err(vm.type_error("greenlet.__new__(X): X is not a type object"));
    };
    let Some(weak_vm) = vm.self_weak() else {
        return Err(vm.runtime_error("the interpreter is shutting down"));
    };
    // The body finds its object through this cell, filled once the object exists.
    let cell: Rc<RefCell<Weak<Instance>>> = Rc::new(RefCell::new(Weak::new()));
    let for_body = cell.clone();
    let handle = Greenlet::builder().build_value(move |first| {
        let obj = for_body.borrow().clone();
        body(weak_vm, obj)(first)
    });
    let obj = wrap(vm, class, handle);
    if let Value::Instance(i) = &obj {
        *cell.borrow_mut() = Rc::downgrade(i);
    }
    Ok(obj)
}

fn init_greenlet(vm: &Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let Some(me) = args.first() else {
        return Ok(Value::None);
    };
    let run = args.get(1).or_else(|| kwarg(kwargs, "run"));
    let parent = args.get(2).or_else(|| kwarg(kwargs, "parent"));
    if let Some(run) = run {
        let o = data(vm, me)?;
        if let Some(d) = o.downcast::<GreenletData>() {
            *d.run.borrow_mut() = Some(run.clone());
        }
    }
    if let Some(p) = parent.filter(|p| !p.is_none()) {
        set_parent(vm, &[me.clone(), p.clone()], &[])?;
    }
    Ok(Value::None)
}

/// The class of the frame objects `gr_frame` returns.
fn frame_class(vm: &Vm) -> Rc<Type> {
    thread_local! {
        static FRAME: RefCell<Option<Rc<Type>>> = const { RefCell::new(None) };
    }
    FRAME.with(|f| {
        f.borrow_mut()
            .get_or_insert_with(|| {
                let t = Rc::new(Type::new_builtin(
                    "frame",
                    Layout::Builtin,
                    vec![vm.types.object.clone()],
                ));
                t.dict
                    .insert_str(crate::script::object::str::intern("f_back"), Value::None);
                t
            })
            .clone()
    })
}

fn set_parent(vm: &Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (Some(me), Some(p)) = (args.first(), args.get(1)) else {
        return Err(vm.attribute_error("can't delete attribute"));
    };
    let target = handle_of(vm, me)?;
    let parent = handle_of(vm, p)?;
    match target.set_parent(&parent) {
        Ok(()) => Ok(Value::None),
        Err(Error::CyclicParent) => Err(vm.value_error("cyclic parent chain")),
        Err(Error::MainParent) => {
            Err(vm.attribute_error("cannot set the parent of a main greenlet"))
        }
        Err(e) => Err(greenlet_error(vm, &e.to_string())),
    }
}

/// Creates the module (once per interpreter).
pub fn module(vm: &Vm) -> Rc<Module> {
    let greenlet = Rc::new(Type::new_builtin(
        "greenlet",
        Layout::Object,
        vec![vm.types.object.clone()],
    ));
    *greenlet.module.borrow_mut() = Rc::new(Str::new("greenlet"));
    let error = Rc::new(Type::new_builtin(
        "error",
        Layout::Exception,
        vec![vm.types.exception.clone()],
    ));
    *error.module.borrow_mut() = Rc::new(Str::new("greenlet"));
    let exit = Rc::new(Type::new_builtin(
        "GreenletExit",
        Layout::Exception,
        vec![vm.types.base_exception.clone()],
    ));
    *exit.module.borrow_mut() = Rc::new(Str::new("greenlet"));
    CLASSES.with(|c| {
        *c.borrow_mut() = Some(Rc::new(Classes {
            greenlet: greenlet.clone(),
            error: error.clone(),
            exit: exit.clone(),
        }))
    });
    method(&greenlet, "__new__", new_greenlet);
    method(&greenlet, "__init__", init_greenlet);
    method(&greenlet, "switch", switch);
    method(&greenlet, "throw", throw);
    method(&greenlet, "__bool__", |vm, a, _| {
        let h = handle_of(vm, &a[0])?;
        Ok(Value::Bool(h.is_main() || (h.is_started() && !h.is_dead())))
    });
    method(&greenlet, "__repr__", |vm, a, _| {
        let h = handle_of(vm, &a[0])?;
        let state = if h.is_main() {
            " current active main"
        } else if h.is_dead() {
            " dead"
        } else if h.is_current() {
            " current active started"
        } else if h.is_started() {
            " suspended active started"
        } else {
            " pending"
        };
        let name = vm.types.type_of(&a[0]).qualname.borrow().clone();
        let module = vm.types.type_of(&a[0]).module.borrow().clone();
        Ok(Value::string(format!(
            "<{}.{} object at {:#x} (otid=0x{:x}){}>",
            module.as_str(),
            name.as_str(),
            a[0].heap_ptr().unwrap_or(0),
            h.id(),
            state
        )))
    });
    getter(
        &greenlet,
        "dead",
        |vm, a, _| Ok(Value::Bool(handle_of(vm, &a[0])?.is_dead())),
        None,
    );
    getter(
        &greenlet,
        "parent",
        |vm, a, _| {
            Ok(handle_of(vm, &a[0])?
                .parent()
                .map_or(Value::None, |p| object_of(vm, &p)))
        },
        Some(set_parent),
    );
    getter(
        &greenlet,
        "run",
        |vm, a, _| {
            let h = handle_of(vm, &a[0])?;
            if h.is_main() {
                return Err(vm.attribute_error("Main greenlets do not have a run attribute."));
            }
            if h.is_started() || h.is_dead() {
                return Err(vm.attribute_error("run"));
            }
            let o = data(vm, &a[0])?;
            o.downcast::<GreenletData>()
                .and_then(|d| d.run.borrow().clone())
                .ok_or_else(|| vm.attribute_error("run"))
        },
        Some(|vm, a, _| {
            let h = handle_of(vm, &a[0])?;
            if h.is_started() || h.is_dead() {
                return Err(vm.attribute_error("run cannot be set after the start of the greenlet"));
            }
            let o = data(vm, &a[0])?;
            if let Some(d) = o.downcast::<GreenletData>() {
                *d.run.borrow_mut() = a.get(1).cloned();
            }
            Ok(Value::None)
        }),
    );
    getter(
        &greenlet,
        "gr_frame",
        |vm, a, _| {
            // Suspended greenlets have a resume frame; its contents are not modelled yet.
            let h = handle_of(vm, &a[0])?;
            Ok(if h.is_started() && !h.is_dead() && !h.is_current() {
                Value::Opaque(Rc::new(Opaque {
                    class: frame_class(vm),
                    data: Box::new(()),
                }))
            } else {
                Value::None
            })
        },
        None,
    );
    getter(&greenlet, "gr_context", |_, _, _| Ok(Value::None), None);
    let getcurrent = crate::script::native("getcurrent", |vm, _, _| {
        Ok(object_of(vm, &Greenlet::current()))
    });
    let m = super::native_module(
        "greenlet",
        &[
            ("settrace", |_, a, _| {
                let new = a.first().cloned().unwrap_or(Value::None);
                Ok(TRACE.with(|t| std::mem::replace(&mut *t.borrow_mut(), new)))
            }),
            ("gettrace", |_, _, _| Ok(TRACE.with(|t| t.borrow().clone()))),
        ],
    );
    m.set("getcurrent", getcurrent.clone());
    m.set("greenlet", Value::Type(greenlet.clone()));
    m.set("error", Value::Type(error.clone()));
    m.set("GreenletExit", Value::Type(exit.clone()));
    m.set("__version__", Value::str("3.5.6"));
    for (name, v) in [
        (
            "getcurrent",
            Value::Decorated(Rc::new(crate::script::object::misc::StaticOrClassMethod {
                func: getcurrent,
                is_class: false,
            })),
        ),
        ("error", Value::Type(error)),
        ("GreenletExit", Value::Type(exit)),
    ] {
        greenlet
            .dict
            .insert_str(crate::script::object::str::intern(name), v);
    }
    m
}
