//! `gc` and `__stacklet__`: the collector's interface, and introspection of the
//! interpreter and runtime in the spirit of PyPy's `__pypy__`.

use super::native_module;
use crate::script::builtins::arity;
use crate::script::object::{Bytes, Instance, Module, Str, Value};
use crate::script::vm::collect;
use crate::script::vm::Vm;
use std::rc::Rc;

/// `gc`: memory is reference counted, so objects die when their last reference goes;
/// the cycle collector (`vm::collect`) reclaims reference cycles, automatically as
/// containers are made and on `collect()`, which also runs the finalizers waiting for a
/// safe point (abandoned greenlets and generators).
pub fn gc(_vm: &Vm) -> Rc<Module> {
    native_module(
        "gc",
        &[
            ("collect", |vm, a, _| {
                arity(vm, "collect", a, 0, 1)?;
                vm.run_finalizers();
                Ok(Value::from(vm.collect_cycles(true)))
            }),
            ("enable", |_, _, _| {
                collect::set_enabled(true);
                Ok(Value::None)
            }),
            ("disable", |_, _, _| {
                collect::set_enabled(false);
                Ok(Value::None)
            }),
            ("isenabled", |_, _, _| {
                Ok(Value::bool(collect::is_enabled()))
            }),
            ("get_count", |_, _, _| {
                Ok(Value::tuple(vec![
                    Value::from(collect::young_count()),
                    Value::Int(0),
                    Value::Int(0),
                ]))
            }),
            ("get_threshold", |_, _, _| {
                Ok(Value::tuple(vec![
                    Value::from(collect::YOUNG_THRESHOLD),
                    Value::Int(10),
                    Value::Int(10),
                ]))
            }),
        ],
    )
}

/// `__stacklet__`.
pub fn stacklet(_vm: &Vm) -> Rc<Module> {
    native_module(
        "__stacklet__",
        &[
            ("internal_repr", |vm, a, _| {
                arity(vm, "internal_repr", a, 1, 1)?;
                Ok(Value::string(internal_repr(vm, &a[0])))
            }),
            ("bytebuffer", |vm, a, _| {
                arity(vm, "bytebuffer", a, 1, 1)?;
                let n = vm.to_index(&a[0])?;
                if n < 0 {
                    return Err(vm.value_error("negative buffer size"));
                }
                Ok(Value::Bytes(Rc::new(Bytes::new(vec![0; n as usize], true))))
            }),
            ("stats", |vm, _, _| {
                let rt = crate::stats();
                let snapshot = Rc::new(Instance::new(vm.types.object.clone()));
                let set = |k: &str, v: Value| snapshot.set_attr(Rc::new(Str::new(k)), v);
                let (greenlets, switches) = super::greenlet::stats();
                set("switches", Value::from((rt.switches + switches) as usize));
                set("greenlets_alive", Value::from(greenlets));
                set("continulets_alive", Value::from(rt.continulets));
                set("coroutines_alive", Value::from(rt.fibers));
                set("stacks_in_use", Value::from(rt.stack.in_use));
                set("stack_segments_in_use", Value::from(rt.stack.segments));
                set("pooled_stacks", Value::from(rt.stack.pooled));
                set("stack_regions", Value::from(rt.stack.regions));
                set("frames_executed", Value::from(vm.frames_run.get() as usize));
                set("recursion_depth", Value::from(vm.depth.get()));
                let (collections, collected) = collect::totals();
                set("gc_tracked", Value::from(collect::tracked_count()));
                set("gc_collections", Value::from(collections as usize));
                set("gc_collected", Value::from(collected as usize));
                Ok(Value::Instance(snapshot))
            }),
        ],
    )
}

/// How a value is represented inside the interpreter.
fn internal_repr(vm: &Vm, v: &Value) -> String {
    let addr = v
        .heap_ptr()
        .map(|p| format!(" at {p:#x}"))
        .unwrap_or_default();
    match v {
        Value::Int(i) => format!("Value::Int({i}) inline i64"),
        Value::Float(f) => format!("Value::Float({:?}) inline f64", f.get()),
        Value::Bool(b) => format!("Value::Bool({}) inline", b.get()),
        Value::None => "Value::None inline".to_owned(),
        Value::BigInt(b) => format!("Value::BigInt({} bits){addr}", b.bits()),
        Value::Str(s) => format!(
            "Value::Str(len={}, bytes={}, {}){addr}",
            s.char_len(),
            s.as_str().len(),
            if s.is_ascii() { "ascii" } else { "utf-8" }
        ),
        Value::List(l) => format!("Value::List(len={}){addr}", l.len()),
        Value::Tuple(t) => format!("Value::Tuple(len={}){addr}", t.len()),
        Value::Dict(d) => format!("Value::Dict(len={}, slots={}){addr}", d.len(), d.slots()),
        Value::Function(f) => format!(
            "Value::Function({}, registers={}, instructions={}){addr}",
            f.qualname.borrow().as_str(),
            f.code.nregs,
            f.code.instrs.len()
        ),
        Value::Instance(i) => format!(
            "Value::Instance(class={}, attributes={}{}){addr}",
            i.class.name().as_str(),
            i.attr_count(),
            if i.base.borrow().is_undefined() {
                ""
            } else {
                ", with a built-in base"
            }
        ),
        other => format!("Value({}){addr}", vm.type_name(other)),
    }
}
