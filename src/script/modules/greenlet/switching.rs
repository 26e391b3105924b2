//! Moving between script greenlets.
//!
//! *Soft*: a `switch()` called from the base loop of a *driver* swaps execution states
//! inside that loop; nothing native is suspended, and a greenlet parked this way is heap
//! frames only. Drivers are the entry loop (script code entered from Rust on the thread's
//! own stack, where the main greenlet's frames run) and runtime greenlets that run soft
//! greenlets' base loops one after another. *Hard*: a switch from native code (a builtin
//! calling back into script code, a finalizer) parks the caller inside the call, on the
//! runtime greenlet whose stack it is on, and the target runs elsewhere: where it is
//! parked if it is hard, else on a driver. A driver whose greenlet moves on to a
//! hard-parked one becomes idle and is reused, so stacks are held only by greenlets
//! parked under native code.

use super::tree::{self, current, land, set_current, tracing, At, Handle, Msg, Record};
use super::{exit_exception, is_exit, pack, trace_arrival, trace_departure};
use crate::greenlet::Greenlet;
use crate::script::object::{Function, Value};
use crate::script::vm::frame::{ExecState, FrameKind, LoopFlow};
use crate::script::vm::{PyResult, ThreadState, Vm};
use crate::{Error, Payload};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

/// What one runtime greenlet hands another when script greenlets move between stacks.
enum Delivery {
    /// For an idle driver: run this soft or unstarted greenlet.
    Job(Rc<Record>, Msg),
    /// For a greenlet parked hard: what its `switch()` receives.
    Resume(Msg),
    /// For the thread's own stack: the main greenlet's frames ended (on a driver) with this.
    MainDone(PyResult<Value>),
}

/// What a driver does next.
enum Step {
    /// Run the loop on the current greenlet's execution state, first raising this if given.
    Run(Option<crate::script::vm::Exc>),
    /// The current greenlet's `run` ended with this.
    Finished(PyResult<Value>),
    /// Hand over to another stack: this driver has nothing left to run.
    Away(Greenlet, Delivery),
}

/// Idle drivers kept for reuse; more than this many at once end instead.
const MAX_IDLE: usize = 8;

thread_local! {
    /// Drivers waiting for work.
    static IDLE: RefCell<Vec<Greenlet>> = const { RefCell::new(Vec::new()) };
    /// Set by the loop hook when it left the loop: what the driver does next.
    static LEAVING: RefCell<Option<Step>> = const { RefCell::new(None) };
    /// Whether the thread's own stack waits in its entry loop for the main greenlet (so
    /// nothing is parked on it, and the main greenlet's frames resume there).
    static ROOT_WAITING: Cell<bool> = const { Cell::new(false) };
    /// The result of the main greenlet's frames, ended on a driver while a greenlet was
    /// parked on the thread's stack (which is then unwound without running handlers).
    static MAIN_RESULT: RefCell<Option<PyResult<Value>>> = const { RefCell::new(None) };
}

/// Whether the main greenlet's parked frames must go back to the thread's own stack: it
/// waits for them, and they are not there now.
fn main_goes_home(target: &Record) -> bool {
    target.is_main && !crate::switch::on_root() && ROOT_WAITING.with(Cell::get)
}

/// The loop hook of `greenlet.switch`: a soft switch when the loop is a driver's base loop
/// and the target can run here; `Declined` sends everything else down the hard path.
pub fn switch_hook(
    vm: &Vm,
    st: &mut ExecState,
    args: usize,
    argc: usize,
    dst: usize,
) -> PyResult<LoopFlow> {
    if vm.native_depth.get() != vm.soft_depth.get() {
        return Ok(LoopFlow::Declined);
    }
    let Some(named) = super::record_of(&st.regs[args]) else {
        return Ok(LoopFlow::Declined);
    };
    let mut target = named;
    if target.at.get() == At::Soft && !main_goes_home(&target) {
        // The common case: both sides are heap frames, and the target is alive (a soft
        // greenlet is never current).
        return Ok(match tree::make_current(&target) {
            Some(me) => {
                soft_switch(vm, st, args, argc, dst, me, target);
                LoopFlow::Continue
            }
            None => LoopFlow::Declined,
        });
    }
    if tracing() {
        return Ok(LoopFlow::Declined);
    }
    target = tree::nearest_live(target);
    let me = current();
    if Rc::ptr_eq(&target, &me) {
        return Ok(LoopFlow::Declined);
    }
    let msg = if target.is_started() {
        Msg::Value(pack(vm, &st.regs[args + 1..args + argc], &[]))
    } else {
        // Only a script function can start in this loop; anything else is called natively.
        if super::peek_run(&target)
            .as_ref()
            .and_then(script_function)
            .is_none()
        {
            return Ok(LoopFlow::Declined);
        }
        Msg::Args(st.regs[args + 1..args + argc].to_vec(), Vec::new())
    };
    // The argument registers are temporaries: released now, as a finished call would.
    st.clear(args, args + argc);
    park_soft(vm, st, &me, dst);
    match enter(vm, st, target, msg) {
        Step::Run(None) => Ok(LoopFlow::Continue),
        step => {
            LEAVING.with(|l| *l.borrow_mut() = Some(step));
            Ok(LoopFlow::Leave)
        }
    }
}

/// The soft switch from `me` to `target` (already current), kept lean.
#[inline(always)]
fn soft_switch(
    vm: &Vm,
    st: &mut ExecState,
    args: usize,
    argc: usize,
    dst: usize,
    me: Rc<Record>,
    target: Rc<Record>,
) {
    // The packing rule of a resumed `switch()`, its two common cases first.
    let v = match (argc, &vm.empty_tuple) {
        (1, Value::Tuple(empty)) => Value::Tuple(empty.clone()),
        (2, _) => std::mem::take(&mut st.regs[args + 1]),
        _ => pack(vm, &st.regs[args + 1..args + argc], &[]),
    };
    // The argument registers are temporaries: released now, as a finished call would,
    // not kept alive while the caller is parked.
    st.clear(args, args + argc);
    // The target's box takes the running state, and the loop the target's: one exchange.
    let mut state = take_state(&target);
    st.exchange(&mut state);
    park_state(vm, state, &me, dst);
    let resume_at = restore(vm, &target);
    Value::store(&mut st.regs[resume_at], v);
}

/// Parks the running greenlet with its execution state, which leaves `st` empty.
fn park_soft(vm: &Vm, st: &mut ExecState, me: &Rc<Record>, dst: usize) {
    let mut state = vm.spare_states.borrow_mut().pop().unwrap_or_default();
    st.exchange(&mut state);
    park_state(vm, state, me, dst);
}

/// Keeps `state`, the running greenlet's execution state, in its record; `dst` is the
/// register that will receive what resumes it.
#[inline(always)]
fn park_state(vm: &Vm, state: Box<ExecState>, me: &Rc<Record>, dst: usize) {
    let mut p = me.parked.borrow_mut();
    p.st = Some(state);
    p.depth = vm.depth.replace(0);
    vm.exc_stack.swap(&mut p.exc_stack);
    p.dst = dst;
    drop(p);
    me.at.set(At::Soft);
    me.kill_when_unreferenced();
}

/// Takes a softly parked greenlet's execution state into `st` (which is empty, and goes
/// back to the pool); returns the register that receives what resumes it.
fn resume_soft(vm: &Vm, st: &mut ExecState, target: &Rc<Record>) -> usize {
    let mut state = take_state(target);
    st.exchange(&mut state);
    vm.spare_states.borrow_mut().push(state);
    restore(vm, target)
}

/// Takes a softly parked greenlet's execution state out of its record.
#[inline(always)]
fn take_state(target: &Record) -> Box<ExecState> {
    // A soft greenlet always has its state; an empty one would just end its `run`.
    target.parked.borrow_mut().st.take().unwrap_or_default()
}

/// Gives the interpreter the recursion depth and handled exceptions of a greenlet being
/// resumed (after the one that ran has parked its own); returns the register that
/// receives what resumes it.
#[inline(always)]
fn restore(vm: &Vm, target: &Record) -> usize {
    let mut p = target.parked.borrow_mut();
    vm.depth.set(p.depth);
    vm.exc_stack.swap(&mut p.exc_stack);
    p.dst
}

/// Makes `target` the running greenlet on this driver (whose execution state `st` is empty)
/// and delivers `msg` to it.
fn enter(vm: &Vm, st: &mut ExecState, target: Rc<Record>, msg: Msg) -> Step {
    match target.at.get() {
        At::Hard => {
            let Some(runtime) = target.hard.borrow_mut().take() else {
                return Step::Finished(Err(vm.runtime_error("a parked greenlet lost its stack")));
            };
            set_current(target);
            Step::Away(runtime, Delivery::Resume(msg))
        }
        At::Soft if main_goes_home(&target) => {
            Step::Away(Greenlet::main(), Delivery::Job(target, msg))
        }
        At::Soft => {
            let dst = resume_soft(vm, st, &target);
            set_current(target);
            match trace_arrival(vm).and_then(|()| delivered(vm, msg)) {
                Ok(v) => {
                    Value::store(&mut st.regs[dst], v);
                    Step::Run(None)
                }
                Err(e) => Step::Run(Some(e)),
            }
        }
        At::Unstarted => {
            vm.depth.set(0);
            vm.exc_stack.truncate(0);
            set_current(target.clone());
            start(vm, st, &target, msg)
        }
        // Not reachable through `land`; an error rather than a panic.
        At::Running | At::Dead => {
            Step::Finished(Err(vm.runtime_error("cannot switch to this greenlet now")))
        }
    }
}

/// The script function (and its receiver) a `run` calls, when it can run as a frame of
/// a driver's loop (a generator function makes a generator instead).
fn script_function(run: &Value) -> Option<(Rc<Function>, Option<Value>)> {
    let (func, receiver) = match run {
        Value::Function(f) => (f.clone(), None),
        Value::Method(m) => match &m.func {
            Value::Function(f) => (f.clone(), Some(m.receiver.clone())),
            _ => return None,
        },
        _ => return None,
    };
    (!func.code.is_generator()).then_some((func, receiver))
}

/// Starts `target` (now current) with `msg` as `run`'s arguments: a script function gets
/// its frame in `st`, anything else is called natively here.
fn start(vm: &Vm, st: &mut ExecState, target: &Rc<Record>, msg: Msg) -> Step {
    if let Err(e) = trace_arrival(vm) {
        return Step::Finished(Err(e));
    }
    let (mut args, kwargs) = match msg {
        Msg::Args(a, kw) => (a, kw),
        Msg::Value(v) => (vec![v], Vec::new()),
        Msg::Raise(e) => return Step::Finished(Err(e)),
    };
    let run = match super::take_run(vm, target) {
        Ok(run) => run,
        Err(e) => return Step::Finished(Err(e)),
    };
    let Some((func, receiver)) = script_function(&run) else {
        return Step::Finished(vm.call(&run, &args, &kwargs));
    };
    drop(run);
    if let Some(r) = receiver {
        args.insert(0, r);
    }
    let n = func.code.nregs as usize;
    st.reserve(0, n);
    if func.code.simple_call && kwargs.is_empty() && args.len() == func.code.argcount as usize {
        // Exactly the positional parameters: they go straight into their registers, and
        // the frame's other registers start unbound.
        let given = args.len();
        for (slot, a) in st.regs.iter_mut().zip(args) {
            *slot = a;
        }
        st.clear(given, n);
    } else if let Err(e) = vm.bind_args(&func, &args, &kwargs, &mut st.regs[..n]) {
        st.reset();
        return Step::Finished(Err(e));
    }
    if let Err(e) = vm.push_frame(st, func, 0, 0, FrameKind::Call) {
        st.reset();
        return Step::Finished(Err(e));
    }
    Step::Run(None)
}

/// The running greenlet's `run` ended: it dies and the result goes to its nearest live
/// parent, started if need be.
fn finish(vm: &Vm, st: &mut ExecState, result: PyResult<Value>) -> Step {
    st.reset();
    let me = current();
    let msg = Msg::of_result(result);
    trace_departure(
        vm,
        if matches!(msg, Msg::Raise(_)) {
            "throw"
        } else {
            "switch"
        },
    );
    vm.depth.set(0);
    vm.exc_stack.truncate(0);
    me.die();
    let parent = me.parent_or_main();
    drop(me);
    let (target, msg) = land(parent, msg);
    enter(vm, st, target, msg)
}

/// Runs greenlets on this driver's stack until the work moves to another stack.
fn drive(vm: &Vm, target: Rc<Record>, msg: Msg) -> (Greenlet, Delivery) {
    let mut st = vm.spare_states.borrow_mut().pop().unwrap_or_default();
    let mut step = enter(vm, &mut st, target, msg);
    loop {
        step = match step {
            Step::Away(to, delivery) => {
                st.reset();
                vm.spare_states.borrow_mut().push(st);
                return (to, delivery);
            }
            Step::Run(pending) => run(vm, &mut st, pending),
            Step::Finished(result) if current().is_main => {
                Step::Away(Greenlet::main(), Delivery::MainDone(result))
            }
            Step::Finished(result) => finish(vm, &mut st, result),
        };
    }
}

/// Runs the loop on the current greenlet's execution state; what comes next is what the
/// loop hook left behind if it left the loop, else the end of the greenlet's `run`.
fn run(vm: &Vm, st: &mut ExecState, pending: Option<crate::script::vm::Exc>) -> Step {
    let result = vm.run_with(st, 0, pending);
    match LEAVING.with(|l| l.borrow_mut().take()) {
        Some(next) => next,
        None => Step::Finished(result),
    }
}

/// What a runtime switch brought back to a stack waiting in a switch.
fn received(vm: &Vm, back: Result<Payload, Error>) -> PyResult<Delivery> {
    match back {
        Ok(p) => p.downcast::<Delivery>().map_err(|_| foreign(vm)),
        Err(Error::Exit) => Err(exit_exception(vm)),
        Err(e) => Err(vm.runtime_error(format!("greenlet switch failed: {e}"))),
    }
}

#[cold]
fn foreign(vm: &Vm) -> crate::script::vm::Exc {
    vm.runtime_error("a greenlet received a foreign message")
}

/// The loop of script code entered from outside the interpreter on the thread's own stack
/// ([`Vm::entry_loop`]): the main greenlet's frames, and any greenlet switched to softly
/// from them, run here. Returns when the main greenlet's frames end, here or on a driver.
pub fn entry_loop(vm: &Vm, st: &mut ExecState) -> PyResult<Value> {
    let outer = vm.soft_depth.replace(vm.native_depth.get());
    let result = drive_root(vm, st);
    vm.soft_depth.set(outer);
    result
}

fn drive_root(vm: &Vm, st: &mut ExecState) -> PyResult<Value> {
    let mut step = Step::Run(None);
    loop {
        step = match step {
            Step::Run(pending) => match run(vm, st, pending) {
                Step::Finished(result) if vm.abandoning.replace(false) => {
                    // A greenlet stranded here was unwound; the main greenlet ended elsewhere.
                    st.reset();
                    let done = MAIN_RESULT.with(|r| r.borrow_mut().take());
                    return done.unwrap_or(result);
                }
                next => next,
            },
            Step::Finished(result) if current().is_main => return result,
            Step::Finished(result) => finish(vm, st, result),
            Step::Away(to, delivery) => {
                // Nothing left to run here: wait for the main greenlet's frames.
                st.reset();
                let saved = vm.take_thread_state();
                ROOT_WAITING.with(|w| w.set(true));
                let back = to.switch_value(Payload::new(delivery));
                ROOT_WAITING.with(|w| w.set(false));
                vm.put_thread_state(saved);
                match received(vm, back)? {
                    Delivery::Job(main, msg) => enter(vm, st, main, msg),
                    Delivery::MainDone(result) => return result,
                    Delivery::Resume(_) => return Err(foreign(vm)),
                }
            }
        };
    }
}

/// The body of a driver: jobs, one after another, idle in between.
fn driver_body(vm: Weak<Vm>) -> impl FnOnce(Payload) -> Result<Payload, Error> {
    move |first: Payload| {
        let mut next = Ok(first);
        loop {
            let (Ok(p), Some(vm)) = (next, vm.upgrade()) else {
                return Ok(Payload::new(()));
            };
            let Ok(Delivery::Job(target, msg)) = p.downcast::<Delivery>() else {
                return Ok(Payload::new(()));
            };
            vm.put_thread_state(ThreadState {
                soft_depth: 0,
                ..ThreadState::default()
            });
            let (to, delivery) = drive(&vm, target, msg);
            drop(vm);
            let me = Greenlet::current();
            let kept = IDLE.with(|i| {
                let mut idle = i.borrow_mut();
                let room = idle.len() < MAX_IDLE;
                if room {
                    idle.push(me.clone());
                }
                room
            });
            if !kept {
                // Enough drivers wait already: this one ends, its stack goes back to the
                // pool, and its last delivery travels as its result to `to`, made its parent.
                if me.set_parent(&to).is_ok() {
                    return Ok(Payload::new(delivery));
                }
                IDLE.with(|i| i.borrow_mut().push(me.clone()));
            }
            drop(me);
            next = to.switch_value(Payload::new(delivery));
        }
    }
}

/// An idle driver, or a new one.
fn driver(vm: &Vm) -> Option<Greenlet> {
    if let Some(d) = IDLE.with(|i| i.borrow_mut().pop()) {
        return Some(d);
    }
    let weak = vm.self_weak()?;
    Some(
        Greenlet::builder()
            .parent(&Greenlet::main())
            .build_value(driver_body(weak)),
    )
}

/// Sends `msg` to `target` (where it landed) from native code: the running greenlet parks
/// here until something is sent back to it.
pub fn hard_transfer(vm: &Vm, target: Rc<Record>, msg: Msg) -> PyResult<Value> {
    let me = current();
    if Rc::ptr_eq(&me, &target) {
        trace_arrival(vm)?;
        return delivered(vm, msg);
    }
    let (to, delivery) = match target.at.get() {
        At::Hard => {
            let Some(runtime) = target.hard.borrow_mut().take() else {
                return Err(vm.runtime_error("a parked greenlet lost its stack"));
            };
            set_current(target);
            (runtime, Delivery::Resume(msg))
        }
        At::Soft if main_goes_home(&target) => (Greenlet::main(), Delivery::Job(target, msg)),
        At::Soft | At::Unstarted => match driver(vm) {
            Some(d) => (d, Delivery::Job(target, msg)),
            None => return Err(vm.runtime_error("the interpreter is shutting down")),
        },
        At::Running | At::Dead => {
            return Err(vm.runtime_error("cannot switch to this greenlet now"));
        }
    };
    let saved = vm.take_thread_state();
    me.at.set(At::Hard);
    *me.hard.borrow_mut() = Some(Greenlet::current());
    me.kill_when_unreferenced();
    let back = to.switch_value(Payload::new(delivery));
    drop(to);
    vm.put_thread_state(saved);
    trace_arrival(vm)?;
    match received(vm, back)? {
        Delivery::Resume(msg) => delivered(vm, msg),
        Delivery::MainDone(result) => {
            // The main greenlet ended on a driver while this greenlet was parked on the
            // thread's stack: its frames are unwound without running any handler (as a
            // greenlet parked at exit runs no code), and it counts as dead.
            if !me.is_main {
                me.die();
            }
            MAIN_RESULT.with(|r| *r.borrow_mut() = Some(result));
            vm.abandoning.set(true);
            Err(vm.runtime_error("the main greenlet ended elsewhere"))
        }
        Delivery::Job(..) => Err(foreign(vm)),
    }
}

/// What a `switch()` returns (or raises) for a message.
fn delivered(vm: &Vm, msg: Msg) -> PyResult<Value> {
    match msg {
        Msg::Value(v) => Ok(v),
        Msg::Args(a, kw) => Ok(pack(vm, &a, &kw)),
        Msg::Raise(e) => Err(e),
    }
}

/// Kills a suspended greenlet whose last handle went away: `GreenletExit` is thrown into it
/// with the running greenlet as its temporary parent, and what it returns is dropped.
pub fn kill_unreferenced(vm: &Vm, r: Rc<Record>) {
    if !r.is_suspended() || !r.is_unreferenced() || r.is_current() {
        return;
    }
    let original = r.replace_parent(Some(Handle::new(current())));
    let result = hard_transfer(vm, r.clone(), Msg::Raise(exit_exception(vm)));
    drop(r.replace_parent(original));
    if let Err(e) = result {
        if !is_exit(&e) {
            vm.write_stderr(&format!(
                "Exception ignored in: <greenlet>\n{}",
                vm.format_exception(&e)
            ));
        }
    }
}
