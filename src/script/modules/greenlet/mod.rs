//! The `greenlet` module: python-greenlet for scripts.
//!
//! The tree rules (switch to a dead greenlet, finishing to the parent, the unstarted-parent
//! rule, kill when unreferenced) are in [`tree`]; how control moves between greenlets, in
//! the dispatch loop or across native stacks, is in [`switching`]. This file is the
//! script-facing surface: `run` lookup, argument packing, exception normalisation, tracing
//! and the attributes.

mod switching;
mod tree;

pub use switching::entry_loop;

use crate::script::builtins::{kwarg, method};
use crate::script::object::misc::Opaque;
use crate::script::object::{Instance, Kwargs, Layout, Module, NativeFn, Str, Type, Value};
use crate::script::vm::{Exc, PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;
use tree::{current, Handle, Msg, Record};

/// What a script greenlet object holds (as the `base` of its instance): a counted handle,
/// so that dropping the last object of a suspended greenlet kills it.
pub struct GreenletData {
    handle: Handle,
}

struct Classes {
    greenlet: Rc<Type>,
    error: Rc<Type>,
    exit: Rc<Type>,
}

thread_local! {
    /// The main greenlet's object, kept for the thread's lifetime so it stays the same.
    static MAIN: RefCell<Option<Rc<Instance>>> = const { RefCell::new(None) };
    static CLASSES: RefCell<Option<Rc<Classes>>> = const { RefCell::new(None) };
    /// `settrace` callback.
    static TRACE: RefCell<Value> = const { RefCell::new(Value::None) };
    /// The transfer in flight: event and origin, read by the receiving side for tracing.
    static TRANSFER: RefCell<Option<(&'static str, Value)>> = const { RefCell::new(None) };
}

/// Script greenlets alive on this thread (the main one included) and switches made
/// between them, for `__stacklet__.stats()`.
pub fn stats() -> (usize, u64) {
    (tree::alive(), tree::switches())
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

/// The record of a script greenlet object.
fn record_of(v: &Value) -> Option<Rc<Record>> {
    let Value::Instance(i) = v else { return None };
    match &*i.base.borrow() {
        Value::Opaque(o) => o.downcast::<GreenletData>().map(|d| d.handle.0.clone()),
        _ => None,
    }
}

fn record(vm: &Vm, v: &Value) -> PyResult<Rc<Record>> {
    record_of(v).ok_or_else(|| {
        vm.type_error(format!(
            "GreenletChecker: Expected any type of greenlet, not {}",
            vm.type_name(v)
        ))
    })
}

/// The script object of a greenlet (creating one for the main greenlet, or for a greenlet
/// whose object was collected and is being killed).
fn object_of(vm: &Vm, r: &Rc<Record>) -> Value {
    if let Some(obj) = r.object.borrow().upgrade() {
        return Value::Instance(obj);
    }
    let Some(classes) = classes() else {
        return Value::None;
    };
    let obj = wrap(vm, &classes.greenlet, r.clone());
    if r.is_main {
        if let Value::Instance(i) = &obj {
            MAIN.with(|m| *m.borrow_mut() = Some(i.clone()));
        }
    }
    obj
}

/// A new script object for `r`, of class `class`.
fn wrap(_vm: &Vm, class: &Rc<Type>, r: Rc<Record>) -> Value {
    let inst = Rc::new(Instance::new(class.clone()));
    *r.object.borrow_mut() = Rc::downgrade(&inst);
    *inst.base.borrow_mut() = Value::Opaque(Rc::new(Opaque {
        class: class.clone(),
        data: Box::new(GreenletData {
            handle: Handle::new(r),
        }),
    }));
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

/// Whether `e` is a `GreenletExit`.
fn is_exit(e: &Exc) -> bool {
    classes().is_some_and(|c| e.class().is_subtype(&c.exit))
}

/// The packing rule of a resumed `switch()`.
#[inline]
fn pack(vm: &Vm, args: &[Value], kwargs: &[(Rc<Str>, Value)]) -> Value {
    let kw = || {
        let d = crate::script::object::Dict::new();
        for (k, v) in kwargs {
            d.insert_str(k.clone(), v.clone());
        }
        Value::Dict(Rc::new(d))
    };
    match (args, kwargs.is_empty()) {
        ([one], true) => one.clone(),
        // `switch()`: the shared empty tuple, not an allocation per switch.
        ([], true) => vm.empty_tuple.clone(),
        (_, true) => Value::tuple(args.to_vec()),
        ([], false) => kw(),
        (_, false) => Value::tuple(vec![Value::tuple(args.to_vec()), kw()]),
    }
}

/// Sets the trace callback, returning the old one.
fn set_trace(new: Value) -> Value {
    tree::set_tracing(!new.is_none());
    TRACE.with(|t| std::mem::replace(&mut *t.borrow_mut(), new))
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
    let target = object_of(vm, &current());
    if let Err(e) = vm.call(
        &cb,
        &[Value::str(event), Value::tuple(vec![origin, target])],
        &[],
    ) {
        set_trace(Value::None);
        return Err(e);
    }
    Ok(())
}

/// Notes a transfer leaving the current greenlet, for the receiver's trace callback.
fn trace_departure(vm: &Vm, event: &'static str) {
    if !tree::tracing() {
        return;
    }
    let origin = object_of(vm, &current());
    TRANSFER.with(|t| *t.borrow_mut() = Some((event, origin)));
}

/// The `run` a greenlet would start with: given, or its class's `run` method bound to it.
fn peek_run(r: &Rc<Record>) -> Option<Value> {
    if let Some(run) = r.run.borrow().clone() {
        return Some(run);
    }
    let obj = r.object.borrow().upgrade()?;
    match obj.class.lookup(&Str::new("run")) {
        Some(Value::Function(f)) => {
            Some(Value::Method(Rc::new(crate::script::object::BoundMethod {
                func: Value::Function(f),
                receiver: Value::Instance(obj),
            })))
        }
        Some(Value::Property(_)) | None => None,
        Some(other) => Some(other),
    }
}

/// The `run` of a greenlet being started, removed from it.
fn take_run(vm: &Vm, r: &Rc<Record>) -> PyResult<Value> {
    if r.object.borrow().upgrade().is_none() && r.run.borrow().is_none() {
        return Err(greenlet_error(
            vm,
            "cannot switch to a garbage collected greenlet",
        ));
    }
    let run = peek_run(r).ok_or_else(|| vm.attribute_error("run"));
    drop(r.run.borrow_mut().take());
    run
}

fn switch(vm: &Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let Some(me) = args.first() else {
        return Err(vm.type_error("switch() needs a greenlet"));
    };
    let target = tree::nearest_live(record(vm, me)?);
    let rest = &args[1..];
    let msg = if !target.is_started() {
        if peek_run(&target).is_none() {
            return Err(vm.attribute_error("run"));
        }
        Msg::Args(rest.to_vec(), kwargs.to_vec())
    } else {
        Msg::Value(pack(vm, rest, kwargs))
    };
    trace_departure(vm, "switch");
    switching::hard_transfer(vm, target, msg)
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
    let named = record(vm, me)?;
    let target = tree::nearest_live(named.clone());
    if target.is_current() {
        // Into a dead greenlet whose nearest live ancestor is the caller: a GreenletExit is
        // returned, anything else raised here.
        if named.is_dead() && is_exit(&exc) {
            return Ok(Value::Instance(exc));
        }
        return Err(exc);
    }
    if !target.is_started() {
        let obj = object_of(vm, &target);
        if peek_run(&target).is_none() {
            return Err(vm.attribute_error("run"));
        }
        // An unstarted greenlet dies without running: report both legs of the transfer.
        if tree::tracing() {
            let origin = object_of(vm, &current());
            let cb = TRACE.with(|t| t.borrow().clone());
            vm.call(
                &cb,
                &[Value::str("throw"), Value::tuple(vec![origin, obj.clone()])],
                &[],
            )?;
            TRANSFER.with(|t| *t.borrow_mut() = Some(("throw", obj)));
        }
    } else {
        trace_departure(vm, "throw");
    }
    let (landed, msg) = tree::land(target.clone(), Msg::Raise(exc));
    let result = switching::hard_transfer(vm, landed, msg);
    match result {
        // A GreenletExit that comes back to the thrower from a dead target is returned.
        Err(e) if is_exit(&e) && target.is_dead() => Ok(Value::Instance(e)),
        other => other,
    }
}

fn new_greenlet(vm: &Vm, args: &[Value], _kwargs: Kwargs<'_>) -> PyResult<Value> {
    let Some(Value::Type(class)) = args.first() else {
        return Err(vm.type_error("greenlet.__new__(X): X is not a type object"));
    };
    Ok(wrap(vm, class, Record::new_child()))
}

fn init_greenlet(vm: &Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let Some(me) = args.first() else {
        return Ok(Value::None);
    };
    let run = args.get(1).or_else(|| kwarg(kwargs, "run"));
    let parent = args.get(2).or_else(|| kwarg(kwargs, "parent"));
    if let Some(run) = run {
        *record(vm, me)?.run.borrow_mut() = Some(run.clone());
    }
    if let Some(p) = parent.filter(|p| !p.is_none()) {
        set_parent(vm, &[me.clone(), p.clone()], &[])?;
    }
    Ok(Value::None)
}

fn set_parent(vm: &Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (Some(me), Some(p)) = (args.first(), args.get(1)) else {
        return Err(vm.attribute_error("can't delete attribute"));
    };
    let target = record(vm, me)?;
    let parent = record(vm, p)?;
    match target.set_parent(&parent) {
        Ok(()) => Ok(Value::None),
        Err(true) => Err(vm.value_error("cyclic parent chain")),
        Err(false) => Err(vm.attribute_error("cannot set the parent of a main greenlet")),
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
    crate::script::builtins::hooked_method(&greenlet, "switch", switch, switching::switch_hook);
    method(&greenlet, "throw", throw);
    method(&greenlet, "__bool__", |vm, a, _| {
        let h = record(vm, &a[0])?;
        Ok(Value::bool(h.is_active()))
    });
    method(&greenlet, "__repr__", |vm, a, _| {
        let h = record(vm, &a[0])?;
        let state = if h.is_main {
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
            h.id,
            state
        )))
    });
    getter(
        &greenlet,
        "dead",
        |vm, a, _| Ok(Value::bool(record(vm, &a[0])?.is_dead())),
        None,
    );
    getter(
        &greenlet,
        "parent",
        |vm, a, _| {
            Ok(record(vm, &a[0])?
                .parent()
                .map_or(Value::None, |p| object_of(vm, &p)))
        },
        Some(set_parent),
    );
    getter(
        &greenlet,
        "run",
        |vm, a, _| {
            let h = record(vm, &a[0])?;
            if h.is_main {
                return Err(vm.attribute_error("Main greenlets do not have a run attribute."));
            }
            if h.is_started() {
                return Err(vm.attribute_error("run"));
            }
            let run = h.run.borrow().clone();
            run.ok_or_else(|| vm.attribute_error("run"))
        },
        Some(|vm, a, _| {
            let h = record(vm, &a[0])?;
            if h.is_started() {
                return Err(vm.attribute_error("run cannot be set after the start of the greenlet"));
            }
            *h.run.borrow_mut() = a.get(1).cloned();
            Ok(Value::None)
        }),
    );
    getter(
        &greenlet,
        "gr_frame",
        |vm, a, _| {
            let r = record(vm, &a[0])?;
            match r.at.get() {
                // Parked from script code: its frames are all here.
                tree::At::Soft => match &r.parked.borrow().st {
                    Some(st) => vm.suspended_frames(st),
                    None => Ok(Value::None),
                },
                // Parked inside native code: its frames are on that stack, out of reach.
                tree::At::Hard => Ok(vm.unknown_frame()),
                _ => Ok(Value::None),
            }
        },
        None,
    );
    getter(&greenlet, "gr_context", |_, _, _| Ok(Value::None), None);
    let getcurrent = crate::script::native("getcurrent", |vm, _, _| Ok(object_of(vm, &current())));
    let m = super::native_module(
        "greenlet",
        &[
            ("settrace", |_, a, _| {
                let new = a.first().cloned().unwrap_or(Value::None);
                Ok(set_trace(new))
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
