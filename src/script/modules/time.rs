//! The `time` module.

use super::native_module;
use crate::script::builtins::arity;
use crate::script::object::{Module, Value};
use crate::script::vm::Vm;
use std::rc::Rc;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

thread_local! {
    /// The origin of `perf_counter` and `monotonic`.
    static ORIGIN: Instant = Instant::now();
}

fn since_origin() -> std::time::Duration {
    ORIGIN.with(|o| o.elapsed())
}

fn wall() -> std::time::Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

fn cpu() -> std::time::Duration {
    cpu_time::ProcessTime::try_now()
        .map(|t| t.as_duration())
        .unwrap_or_default()
}

pub fn module(_vm: &Vm) -> Rc<Module> {
    let m = native_module(
        "time",
        &[
            ("time", |_, _, _| Ok(Value::float(wall().as_secs_f64()))),
            ("time_ns", |_, _, _| {
                Ok(Value::from(wall().as_nanos() as usize))
            }),
            ("perf_counter", |_, _, _| {
                Ok(Value::float(since_origin().as_secs_f64()))
            }),
            ("perf_counter_ns", |_, _, _| {
                Ok(Value::from(since_origin().as_nanos() as usize))
            }),
            ("monotonic", |_, _, _| {
                Ok(Value::float(since_origin().as_secs_f64()))
            }),
            ("monotonic_ns", |_, _, _| {
                Ok(Value::from(since_origin().as_nanos() as usize))
            }),
            ("process_time", |_, _, _| {
                Ok(Value::float(cpu().as_secs_f64()))
            }),
            ("process_time_ns", |_, _, _| {
                Ok(Value::from(cpu().as_nanos() as usize))
            }),
            ("sleep", |vm, a, _| {
                arity(vm, "sleep", a, 1, 1)?;
                let secs = match &a[0] {
                    Value::Int(i) => *i as f64,
                    Value::Float(f) => f.get(),
                    Value::Bool(b) => b.get() as i64 as f64,
                    other => {
                        return Err(vm.type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            vm.type_name(other)
                        )))
                    }
                };
                if secs < 0.0 {
                    return Err(vm.value_error("sleep length must be non-negative"));
                }
                if !secs.is_finite() {
                    return Err(vm.overflow_error("sleep length is too large"));
                }
                vm.flush_stdout();
                std::thread::sleep(std::time::Duration::from_secs_f64(secs));
                Ok(Value::None)
            }),
        ],
    );
    m
}
