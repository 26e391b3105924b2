//! The dispatch loop. Script→script calls, `__init__` and generator resumption by `for`
//! push heap frames and continue in this same loop; only native code calling back into
//! scripts re-enters it (through `Vm::enter`). The file is long because the loop is one
//! function: its instruction arms, and the macros they share, work on the loop's locals
//! (the frame's registers, pc and code), which a split into functions would pass around
//! on every instruction.

use super::frame::{ExecState, FrameKind, LoopFlow};
use super::generator::{GenResult, GenState, Generator, Resume};
use super::item::wrap_index;
use super::iter::IterState;
use super::pattern::NO_STAR;
use super::{Exc, PyResult, Vm};
use crate::script::compile::code::*;
use crate::script::object::func::Function;
use crate::script::object::misc::Slice;
use crate::script::object::{Cell, Dict, Instance, Set, Str, Value};
use std::rc::Rc;

/// A generator run by the loop for a native consumer (see [`Vm::run_draining`]).
struct Drain<'a> {
    gen: &'a Rc<Generator>,
    f: &'a mut dyn FnMut(Value) -> PyResult<bool>,
}

/// What an instruction asks of the loop besides going on.
enum Flow {
    /// Switch to the frame now on top of the stack.
    Enter,
    /// The frame at depth `stop` finished with this value.
    Done(Value),
}

/// What [`Vm::leave_frame`] read of the frame it removed.
struct LeftFrame {
    base: usize,
    nregs: usize,
    exc_base: usize,
    ret: u16,
    kind: FrameKind,
}

impl Vm {
    pub fn run(&self, st: &mut ExecState, stop: usize) -> PyResult<Value> {
        self.run_with(st, stop, None)
    }

    /// Runs until the frame at index `stop` returns (or yields), starting by raising
    /// `pending` in the top frame if given.
    pub fn run_with(
        &self,
        st: &mut ExecState,
        stop: usize,
        pending: Option<Exc>,
    ) -> PyResult<Value> {
        self.drive(st, stop, pending, &mut None)
    }

    /// Runs the generator `gen` on the empty state `st`, handing each value it yields to
    /// `f` until `f` returns false or the generator ends: the whole of a `sum(...)` or
    /// `list(...)` over a generator in one run of the loop, instead of one run (and its
    /// entry and exit) per item. The loop resumes it after each item (see `yield_out!`).
    pub fn run_draining(
        &self,
        st: &mut ExecState,
        gen: &Rc<Generator>,
        f: &mut dyn FnMut(Value) -> PyResult<bool>,
    ) -> PyResult<()> {
        if !self.push_generator(st, gen.clone(), Value::None, 0)? {
            return Ok(());
        }
        self.drive(st, 0, None, &mut Some(Drain { gen, f }))
            .map(drop)
    }

    fn drive(
        &self,
        st: &mut ExecState,
        stop: usize,
        pending: Option<Exc>,
        drain: &mut Option<Drain<'_>>,
    ) -> PyResult<Value> {
        let mut pending = pending;
        loop {
            let result = match pending.take() {
                Some(e) => Err(e),
                None => self.execute(st, stop, drain),
            };
            match result {
                Ok(v) => return Ok(v),
                Err(exc) => self.unwind(st, stop, exc)?,
            }
        }
    }

    /// Finds a handler for `exc`, popping frames down to `stop`; `Err` when it escapes.
    fn unwind(&self, st: &mut ExecState, stop: usize, exc: Exc) -> PyResult<()> {
        let mut exc = exc;
        if let Some(state) = &exc.exc {
            let mut ctx = state.context.borrow_mut();
            if ctx.is_undefined() {
                let top = self.exc_stack.last();
                *ctx = match top.as_ref() {
                    Some(Value::Instance(top)) if !Rc::ptr_eq(top, &exc) => {
                        Value::Instance(top.clone())
                    }
                    _ => Value::None,
                };
            }
        }
        loop {
            let Some(frame) = st.frames.last() else {
                return Err(exc);
            };
            let code = frame.func.code.clone();
            let pc = frame.pc.saturating_sub(1);
            if std::mem::take(&mut st.reraising) {
                // Already recorded for this frame.
            } else {
                self.add_traceback(&exc, &code, pc);
            }
            let h = if self.abandoning.get() {
                NO_HANDLER
            } else {
                code.handler_of
                    .get(pc as usize)
                    .copied()
                    .unwrap_or(NO_HANDLER)
            };
            if h != NO_HANDLER {
                let handler = code.handlers[h as usize];
                let base = frame.base as usize;
                let keep = frame.exc_base as usize + handler.depth as usize;
                self.exc_stack.truncate(keep);
                self.exc_stack.push(Value::Instance(exc.clone()));
                st.regs[base + handler.exc_reg as usize] = Value::Instance(exc);
                if let Some(f) = st.frames.last_mut() {
                    f.pc = handler.target;
                }
                return Ok(());
            }
            let Some(left) = self.pop_frame(st) else {
                return Err(exc);
            };
            match left.kind {
                FrameKind::Generator => {
                    if let Some(gen) = st.generators.pop() {
                        gen.end_frame(st);
                    }
                    if exc.class().is_subtype(&self.types.stop_iteration) {
                        let new = self.runtime_error("generator raised StopIteration");
                        if let Some(s) = &new.exc {
                            *s.cause.borrow_mut() = Value::Instance(exc.clone());
                            *s.context.borrow_mut() = Value::Instance(exc.clone());
                        }
                        exc = new;
                    }
                    // A generator delegating to this one meets the exception in its frame.
                    self.reenter_delegator(st, left.ret);
                }
                FrameKind::Init => {
                    st.inits.pop();
                }
                FrameKind::Call => {}
            }
            if st.frames.len() <= stop {
                return Err(exc);
            }
        }
    }

    /// Removes the top frame and tells what it was; its registers and handled exceptions
    /// are the caller's to release. The frame is read field by field and dropped in place:
    /// popped whole, it was loaded in 16- and 8-byte pieces spanning the narrower stores
    /// that pushed it, often a few instructions before (a generator's yield), which the CPU
    /// cannot forward: a stall on every yield, a third of `suspend_generator`'s time in a
    /// generator pipeline.
    #[inline(always)]
    fn leave_frame(&self, st: &mut ExecState) -> Option<LeftFrame> {
        let depth = st.frames.len();
        let top = st.frames.last()?;
        let left = LeftFrame {
            base: top.base as usize,
            nregs: top.func.code.nregs as usize,
            exc_base: top.exc_base as usize,
            ret: top.ret,
            kind: top.kind,
        };
        st.frames.truncate(depth - 1);
        self.depth.set(self.depth.get() - 1);
        Some(left)
    }

    /// Pops the top frame, releasing its registers and handled exceptions.
    #[inline]
    fn pop_frame(&self, st: &mut ExecState) -> Option<LeftFrame> {
        let left = self.leave_frame(st)?;
        st.clear(left.base, left.base + left.nregs);
        self.exc_stack.truncate(left.exc_base);
        Some(left)
    }

    /// Saves the top (generator) frame into its generator and pops it, returning the
    /// caller's register for the frame's result.
    pub(super) fn suspend_generator(
        &self,
        st: &mut ExecState,
        pc: u32,
        send_reg: Reg,
        delegating: bool,
    ) -> Option<Reg> {
        let left = self.leave_frame(st)?;
        self.exc_stack.truncate(left.exc_base);
        match st.generators.pop() {
            Some(gen) => {
                let mut saved = gen.frame.borrow_mut();
                // The frame's register file goes back into the generator, and the one of
                // the frames below back to the execution state.
                std::mem::swap(&mut st.regs, &mut saved.regs);
                saved.pc = pc;
                saved.send_reg = send_reg;
                saved.delegating = delegating;
                drop(saved);
                gen.state.set(GenState::Suspended);
                self.suspend_delegators(st);
            }
            None => st.clear(left.base, left.base + left.nregs),
        }
        Some(left.ret)
    }

    /// Suspends the generator frames below the one that just yielded (whose result
    /// register was `ret`) that delegate to it with `yield from`, each at its `yield
    /// from` to delegate again: they yield the value too. Returns the result register of
    /// the last one suspended, where the value goes.
    #[inline(always)]
    fn suspend_delegating_frames(
        &self,
        st: &mut ExecState,
        stop: usize,
        mut ret: Option<Reg>,
    ) -> Option<Reg> {
        while st.frames.len() > stop {
            let Some(outer) = st.frames.last() else { break };
            if outer.kind != FrameKind::Generator || outer.pc == 0 {
                break;
            }
            let at = outer.pc - 1;
            let Some(&Instr::YieldFrom { dst: sent_reg, .. }) =
                outer.func.code.instrs.get(at as usize)
            else {
                break;
            };
            ret = self.suspend_generator(st, at, sent_reg, true);
        }
        ret
    }

    /// Prepares the register window at `base` for a call of `func` with `argc` arguments
    /// already in place, binding them generally when the fast path does not apply.
    #[inline]
    fn prepare_window(
        &self,
        st: &mut ExecState,
        func: &Rc<Function>,
        base: usize,
        argc: usize,
        kwargs: &[(Rc<Str>, Value)],
    ) -> PyResult<()> {
        let code = &func.code;
        let n = code.nregs as usize;
        st.reserve(base, n.max(argc));
        if kwargs.is_empty()
            && argc == code.argcount as usize
            && code.kwonly == 0
            && !code.flags.contains(CodeFlags::VARARGS)
            && !code.flags.contains(CodeFlags::VARKW)
        {
            // Registers above the caller's window are always unbound (a frame clears its
            // window when it ends), so only the overlap with the caller's temporaries
            // needs clearing.
            let caller_top = st
                .frames
                .last()
                .map_or(0, |f| f.base as usize + f.func.code.nregs as usize);
            st.clear(base + argc, (base + n).min(caller_top));
            return Ok(());
        }
        let args: Vec<Value> = st.regs[base..base + argc]
            .iter_mut()
            .map(std::mem::take)
            .collect();
        self.bind_args(func, &args, kwargs, &mut st.regs[base..base + n])
    }

    /// Calls `callee` with the `argc` arguments at `args` (absolute register index); a
    /// script function gets a frame (returns `true`), anything else runs now.
    #[allow(clippy::too_many_arguments)]
    #[inline]
    fn call_at(
        &self,
        st: &mut ExecState,
        callee: Value,
        args: usize,
        argc: usize,
        kwargs: &[(Rc<Str>, Value)],
        dst_abs: usize,
        ret: u16,
    ) -> PyResult<bool> {
        match callee {
            Value::Function(func) => {
                self.prepare_window(st, &func, args, argc, kwargs)?;
                if func.code.is_generator() {
                    let n = func.code.nregs as usize;
                    let regs = st.regs[args..args + n]
                        .iter_mut()
                        .map(std::mem::take)
                        .collect();
                    st.regs[dst_abs] =
                        Value::Generator(Rc::new(super::generator::Generator::new(func, regs)));
                    return Ok(false);
                }
                self.push_frame(st, func, args, ret, FrameKind::Call)?;
                Ok(true)
            }
            Value::Method(m) if matches!(m.func, Value::Function(_)) && args > 0 => {
                // The receiver goes in the register just below the arguments (the callee's
                // own register, no longer needed).
                st.regs[args - 1] = m.receiver.clone();
                let func = m.func.clone();
                self.call_at(st, func, args - 1, argc + 1, kwargs, dst_abs, ret)
            }
            Value::Type(t) if t.heap && kwargs.is_empty() => {
                // A plain class (object's __new__, a script __init__): the instance is made
                // here and __init__ runs as a frame of this loop.
                let init = self.plain_init(&t);
                if let Some(init) = init {
                    if args > 0 {
                        let obj = Value::instance(crate::script::object::Instance::with_args(
                            t.clone(),
                            &st.regs[args..args + argc],
                        ));
                        st.regs[args - 1] = obj.clone();
                        self.prepare_window(st, &init, args - 1, argc + 1, kwargs)?;
                        // Only once the frame is there (the push may raise RecursionError):
                        // a stray instance would be what an outer `__init__` returns.
                        self.push_frame(st, init, args - 1, ret, FrameKind::Init)?;
                        st.inits.push(obj);
                        return Ok(true);
                    }
                }
                let result = self.call(&Value::Type(t), &st.regs[args..args + argc], kwargs);
                st.clear(args, args + argc);
                st.regs[dst_abs] = result?;
                Ok(false)
            }
            other => {
                let result = self.call(&other, &st.regs[args..args + argc], kwargs);
                // The argument registers are temporaries: release what they hold now, as
                // CPython's stack would (an abandoned greenlet or generator must die here).
                st.clear(args, args + argc);
                st.regs[dst_abs] = result?;
                Ok(false)
            }
        }
    }

    fn execute(
        &self,
        st: &mut ExecState,
        stop: usize,
        drain: &mut Option<Drain<'_>>,
    ) -> PyResult<Value> {
        'frames: loop {
            let (func, base, mut pc) = {
                let Some(f) = st.frames.last() else {
                    return Ok(Value::None);
                };
                (f.func.clone(), f.base as usize, f.pc as usize)
            };
            let code = &func.code;
            let module = &func.module;
            let instrs = &code.instrs[..];
            macro_rules! reg {
                ($r:expr) => {
                    st.regs[base + $r as usize]
                };
            }
            // Register stores go through `Value::store`, which skips the drop glue for
            // old values that own nothing.
            macro_rules! set {
                ($r:expr, $v:expr) => {{
                    let v = $v;
                    Value::store(&mut st.regs[base + $r as usize], v);
                }};
            }
            // A `match` test that fitted writes its parts and skips the jump to the next
            // case that follows it.
            macro_rules! store_parts {
                ($dst:expr, $parts:expr) => {
                    if let Some(parts) = $parts {
                        for (i, part) in parts.into_iter().enumerate() {
                            set!($dst as usize + i, part);
                        }
                        pc += 1;
                    }
                };
            }
            macro_rules! save_pc {
                () => {
                    if let Some(f) = st.frames.last_mut() {
                        f.pc = pc as u32;
                    }
                };
            }
            // `LoadMethod`'s work: `obj.name` looked up through the code's method cache, the
            // callable to `$dst` and the receiver (or `Undefined`) to `$dst + 1`; whether
            // there is a receiver.
            macro_rules! load_method {
                ($dst:expr, $obj:expr, $name:expr) => {{
                    let (f, receiver) = tri!(self.load_method_cached(
                        &reg!($obj),
                        &code.names[$name as usize],
                        &code.cache,
                        $name as usize
                    ));
                    let bound = receiver.is_some();
                    set!($dst, f);
                    set!($dst + 1, receiver.unwrap_or(Value::Undefined));
                    bound
                }};
            }
            // The general call of `callee` with `$n` positional arguments from the absolute
            // register `$args`, the result to `$dst`: a script function continues as a frame.
            macro_rules! call_positional {
                ($callee:expr, $args:expr, $n:expr, $dst:expr) => {
                    save_pc!();
                    if tri!(self.call_at(st, $callee, $args, $n, &[], base + $dst as usize, $dst)) {
                        continue 'frames;
                    }
                };
            }
            // `obj.name(arg)` as `LoadMethod` and `CallMethod` make it: the method into `$func`
            // and `$func + 1`, the one argument already in `$func + 2`, the result to `$dst`.
            macro_rules! call_method_1 {
                ($func:expr, $obj:expr, $name:expr, $dst:expr) => {{
                    let bound = load_method!($func, $obj, $name);
                    let callee = reg!($func).clone();
                    let args = base + $func as usize + 2 - usize::from(bound);
                    call_positional!(callee, args, 1 + usize::from(bound), $dst);
                }};
            }
            // The next item of the iterator in `$iter`, or `None` when it is exhausted. A
            // generator is resumed as a frame whose yields go to `$dst`, and execution goes
            // on in it, to come back at the saved pc.
            macro_rules! next_item {
                ($iter:expr, $dst:expr) => {
                    match &reg!($iter) {
                        Value::Iter(it) => {
                            let fast = match &mut *it.state.borrow_mut() {
                                IterState::Range { next, stop, step } => {
                                    let n = *next;
                                    if (*step > 0 && n < *stop) || (*step < 0 && n > *stop) {
                                        *next = n.saturating_add(*step);
                                        Some(Some(Value::Int(n)))
                                    } else {
                                        Some(None)
                                    }
                                }
                                IterState::Seq {
                                    seq: Value::List(l),
                                    index,
                                } => {
                                    let item = l.get(*index);
                                    *index += 1;
                                    Some(item)
                                }
                                _ => None,
                            };
                            match fast {
                                Some(v) => v,
                                None => tri!(self.iter_next(it)),
                            }
                        }
                        Value::Generator(g) => {
                            let g = g.clone();
                            save_pc!();
                            if tri!(self.push_generator(st, g, Value::None, $dst)) {
                                continue 'frames;
                            }
                            None
                        }
                        other => tri!(self.next(other)),
                    }
                };
            }
            // Whether `a op b` holds, for a compare-and-branch.
            macro_rules! compare_truth {
                ($op:expr, $a:expr, $b:expr) => {
                    match (&reg!($a), &reg!($b)) {
                        (Value::Int(x), Value::Int(y)) if ($op as u8) < (CmpOp::In as u8) => {
                            int_cmp($op, *x, *y)
                        }
                        (Value::Float(x), Value::Float(y)) if ($op as u8) < (CmpOp::Is as u8) => {
                            float_cmp($op, x.get(), y.get())
                        }
                        (x, y) => match tri!(self.compare($op, x, y)) {
                            Value::Bool(b) => b.get(),
                            other => tri!(self.truthy(&other)),
                        },
                    }
                };
            }
            // Whether `a op imm` holds, for a compare-and-branch against a small int.
            macro_rules! compare_imm_truth {
                ($op:expr, $a:expr, $imm:expr) => {
                    match &reg!($a) {
                        Value::Int(x) => int_cmp($op, *x, $imm as i64),
                        Value::Float(x) => float_cmp($op, x.get(), $imm as f64),
                        v => {
                            if v.is_undefined() {
                                save_pc!();
                                return Err(self.unbound_local(code, $a));
                            }
                            match tri!(self.compare($op, v, &Value::Int($imm as i64))) {
                                Value::Bool(b) => b.get(),
                                other => tri!(self.truthy(&other)),
                            }
                        }
                    }
                };
            }
            // Jumps back to `$target`, a loop's top. A loop's back edge is a safe point, so
            // that a loop that only calls built-ins still lets queued finalizers and
            // collections run.
            macro_rules! back_edge {
                ($target:expr) => {
                    if super::finalize::pending() {
                        save_pc!();
                        self.run_finalizers();
                    }
                    pc = $target as usize;
                };
            }
            // Jumps to `$target`, through `back_edge!` when it is backward (the bottom of
            // a loop: `while` ends in a conditional jump back into its body).
            macro_rules! jump {
                ($target:expr) => {
                    if ($target as usize) < pc {
                        back_edge!($target);
                    } else {
                        pc = $target as usize;
                    }
                };
            }
            // The truth of register `$r`: bools, ints and None decided inline.
            macro_rules! truth {
                ($r:expr) => {
                    match &reg!($r) {
                        Value::Bool(b) => b.get(),
                        Value::Int(i) => *i != 0,
                        Value::None => false,
                        v => tri!(self.truthy(v)),
                    }
                };
            }
            macro_rules! tri {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(e) => {
                            save_pc!();
                            return Err(e);
                        }
                    }
                };
            }
            macro_rules! flow {
                ($e:expr) => {
                    match $e {
                        Flow::Enter => continue 'frames,
                        Flow::Done(v) => return Ok(v),
                    }
                };
            }
            // Hands a value yielded by the frame just suspended to its consumer. When that
            // is the native consumer of a drained generator, the item goes to it here and
            // the generator is resumed without leaving the loop.
            macro_rules! yield_out {
                ($ret:expr, $value:expr) => {
                    match self.deliver_yield(st, stop, $ret, $value) {
                        Flow::Enter => continue 'frames,
                        Flow::Done(v) => match drain {
                            Some(d) => {
                                if (d.f)(v)?
                                    && self.push_generator(st, d.gen.clone(), Value::None, 0)?
                                {
                                    continue 'frames;
                                }
                                return Ok(Value::None);
                            }
                            None => return Ok(v),
                        },
                    }
                };
            }
            // Calls a built-in's loop hook on the arguments at absolute register `$args`;
            // falls through when the hook declines.
            macro_rules! run_hook {
                ($hook:expr, $args:expr, $argc:expr, $dst:expr) => {{
                    save_pc!();
                    match tri!($hook(self, st, $args, $argc, base + $dst as usize)) {
                        LoopFlow::Next => continue,
                        LoopFlow::Continue => continue 'frames,
                        LoopFlow::Leave => return Ok(Value::None),
                        LoopFlow::Declined => {}
                    }
                }};
            }
            // Pushes a frame for the plain script function `$f` (simple_call, called with
            // exactly its positional arguments, which are in place at `$new_base`) and goes
            // on in it. `$entered` runs once the frame is sure to be pushed.
            macro_rules! enter_frame {
                ($f:expr, $new_base:expr, $argc:expr, $dst:expr, $kind:expr, $entered:block) => {{
                    let f = $f;
                    let new_base = $new_base;
                    let n = f.code.nregs as usize;
                    st.reserve(new_base, n);
                    st.clear(
                        new_base + $argc as usize,
                        (new_base + n).min(base + code.nregs as usize),
                    );
                    let depth = self.depth.get() + 1;
                    if depth > self.recursion_limit.get() {
                        save_pc!();
                        return Err(self.recursion_error());
                    }
                    self.depth.set(depth);
                    self.frames_run.set(self.frames_run.get() + 1);
                    save_pc!();
                    $entered
                    let exc_base = self.exc_stack.len() as u32;
                    st.push_frame(f, 0, new_base as u32, exc_base, $dst, $kind);
                    continue 'frames;
                }};
            }
            // Enters the plain script function in register `$func` whose window starts at
            // the arguments, so entering it is a frame push. The function moves out of its
            // register, a temporary the call's result overwrites, into the frame.
            macro_rules! enter_simple {
                ($func:expr, $new_base:expr, $argc:expr, $dst:expr) => {{
                    if let Value::Function(f) = std::mem::take(&mut reg!($func)) {
                        enter_frame!(f, $new_base, $argc, $dst, FrameKind::Call, {});
                    }
                }};
            }
            // Calls a built-in (or makes a built-in type's value) right in the loop, with
            // the arguments at absolute register `$args`: through `call_at` and `call` it
            // cost about 100 instructions more. The arguments are temporaries, released
            // as `call_at` releases them.
            macro_rules! call_native {
                ($call:expr, $args:expr, $argc:expr, $dst:expr) => {{
                    save_pc!();
                    let result = $call;
                    st.clear($args, $args + $argc);
                    set!($dst, tri!(result));
                    continue;
                }};
            }
            // Whether the built-in call with arguments at absolute register `$args` can
            // skip `call`: a first argument that is an instance may be of a subclass of a
            // built-in type (`class U(str)`), whose built-in value `call` unwraps.
            macro_rules! plain_native_args {
                ($args:expr, $argc:expr) => {
                    $argc == 0 || !matches!(st.regs[$args], Value::Instance(_))
                };
            }
            loop {
                // Matched through a reference: each arm loads only its own operands
                // instead of every field being decoded up front.
                let instr = &instrs[pc];
                pc += 1;
                match *instr {
                    Instr::Nop => {}
                    Instr::CheckBound { reg } => {
                        if reg!(reg).is_undefined() {
                            save_pc!();
                            return Err(self.unbound_local(code, reg));
                        }
                    }
                    Instr::Move { dst, src } => {
                        let v = reg!(src).clone();
                        if v.is_undefined() {
                            save_pc!();
                            return Err(self.unbound_local(code, src));
                        }
                        set!(dst, v);
                    }
                    Instr::LoadConst { dst, k } => set!(dst, code.consts[k as usize].clone()),
                    Instr::LoadNone { dst } => set!(dst, Value::None),
                    Instr::LoadInt { dst, value } => set!(dst, Value::Int(value as i64)),
                    Instr::LoadGlobal { dst, slot, builtin } => {
                        set!(dst, tri!(self.load_global(module, slot, builtin)));
                    }
                    Instr::StoreGlobal { slot, src } => {
                        let v = reg!(src).clone();
                        if module.in_dict_mode() {
                            module.store_slot(slot as u32, v);
                        } else {
                            let old = Value::put(&mut module.slots.borrow_mut()[slot as usize], v);
                            drop(old);
                        }
                        if super::finalize::pending() {
                            save_pc!();
                            self.run_finalizers();
                        }
                    }
                    Instr::DeleteGlobal { slot } => {
                        let old = module.delete_slot(slot as u32);
                        if old.is_undefined() {
                            save_pc!();
                            return Err(self.name_error(module.name_of(slot as u32).as_str()));
                        }
                        drop(old);
                        if super::finalize::pending() {
                            save_pc!();
                            self.run_finalizers();
                        }
                    }
                    Instr::LoadName { dst, name } => {
                        let n = &code.names[name as usize];
                        let ns = reg!(0).clone();
                        let v = match &ns {
                            Value::Dict(d) => d.get_str(n),
                            _ => None,
                        };
                        set!(
                            dst,
                            match v {
                                Some(v) => v,
                                None => match module
                                    .get(n.as_str())
                                    .or_else(|| self.builtins.get(n.as_str()))
                                {
                                    Some(v) => v,
                                    None => {
                                        save_pc!();
                                        return Err(self.name_error(n.as_str()));
                                    }
                                },
                            }
                        );
                    }
                    Instr::StoreName { name, src } => {
                        let v = reg!(src).clone();
                        if let Value::Dict(d) = &reg!(0) {
                            d.insert_str(code.names[name as usize].clone(), v);
                        }
                    }
                    Instr::DeleteName { name } => {
                        let n = &code.names[name as usize];
                        let removed = match &reg!(0) {
                            Value::Dict(d) => d.remove_str(n).is_some(),
                            _ => false,
                        };
                        if !removed {
                            save_pc!();
                            return Err(self.name_error(n.as_str()));
                        }
                    }
                    Instr::MakeCell { reg } => {
                        let v = std::mem::take(&mut reg!(reg));
                        set!(reg, Value::cell(Cell::new(v)));
                    }
                    Instr::LoadCell { dst, cell } => {
                        let v = match &reg!(cell) {
                            Value::Cell(c) => c.get(),
                            _ => Value::Undefined,
                        };
                        if v.is_undefined() {
                            save_pc!();
                            return Err(self.unbound_cell(code, cell));
                        }
                        set!(dst, v);
                    }
                    Instr::StoreCell { cell, src } => {
                        let v = reg!(src).clone();
                        if let Value::Cell(c) = &reg!(cell) {
                            c.set(v);
                        }
                    }
                    Instr::DeleteCell { cell } => {
                        let old = match &reg!(cell) {
                            Value::Cell(c) => c.value.replace(Value::Undefined),
                            _ => Value::Undefined,
                        };
                        if old.is_undefined() {
                            save_pc!();
                            return Err(self.unbound_cell(code, cell));
                        }
                    }
                    Instr::DeleteLocal { reg } => {
                        if std::mem::take(&mut reg!(reg)).is_undefined() {
                            save_pc!();
                            return Err(self.unbound_local(code, reg));
                        }
                        if super::finalize::pending() {
                            save_pc!();
                            self.run_finalizers();
                        }
                    }
                    Instr::Clear { reg } => {
                        let old = std::mem::take(&mut reg!(reg));
                        drop(old);
                        if super::finalize::pending() {
                            save_pc!();
                            self.run_finalizers();
                        }
                    }
                    Instr::ClearRange { start, count } => {
                        st.clear(
                            base + start as usize,
                            base + start as usize + count as usize,
                        );
                        if super::finalize::pending() {
                            save_pc!();
                            self.run_finalizers();
                        }
                    }
                    Instr::LoadNamespace { dst, kind } => {
                        let ns = self.namespace(&st.regs, code, base, module, kind);
                        set!(dst, tri!(ns));
                    }
                    Instr::LoadAttr { dst, obj, name } => {
                        let hint = code.cache.slot_hint(name as usize);
                        let name = &code.names[name as usize];
                        // An instance attribute found where the hint says, on a class
                        // without data descriptors to take precedence: read here, without
                        // the general lookup's call.
                        let fast = match &reg!(obj) {
                            Value::Instance(inst) => inst
                                .get_attr_at_hint(name, hint)
                                .filter(|_| self.attr_flags(&inst.class).0),
                            _ => None,
                        };
                        let v = match fast {
                            Some(v) => v,
                            None => tri!(self.get_attr_hinted(&reg!(obj), name, hint)),
                        };
                        set!(dst, v);
                    }
                    Instr::StoreAttr { obj, name, src } => {
                        let v = reg!(src).clone();
                        let hint = code.cache.slot_hint(name as usize);
                        let name = &code.names[name as usize];
                        // A plain instance (no data descriptors, no `__setattr__`) whose
                        // store the hint decides is done here.
                        let v = match &reg!(obj) {
                            Value::Instance(inst) if self.plain_store(inst, name) => {
                                match inst.set_attr_at_hint(name, v, hint) {
                                    Ok(()) => continue,
                                    Err(v) => v,
                                }
                            }
                            _ => v,
                        };
                        tri!(self.set_attr_hinted(&reg!(obj), name, v, hint));
                    }
                    Instr::DeleteAttr { obj, name } => {
                        tri!(self.del_attr(&reg!(obj), &code.names[name as usize]));
                    }
                    Instr::LoadMethod { dst, obj, name } => {
                        load_method!(dst, obj, name);
                    }
                    Instr::GetItem { dst, obj, key } => {
                        let v = match (&reg!(obj), &reg!(key)) {
                            (Value::List(l), Value::Int(i)) => self.list_item(l, *i),
                            (o, k) => self.get_item(o, k),
                        };
                        set!(dst, tri!(v));
                    }
                    Instr::GetItemImm { dst, obj, index } => {
                        let v = match &reg!(obj) {
                            Value::List(l) => self.list_item(l, index as i64),
                            Value::Tuple(t) => match wrap_index(index as i64, t.items.len()) {
                                Some(i) => Ok(t.items[i].clone()),
                                None => Err(self.index_error("tuple index out of range")),
                            },
                            o => self.get_item(o, &Value::Int(index as i64)),
                        };
                        set!(dst, tri!(v));
                    }
                    Instr::SetItem { obj, key, src } => {
                        let v = reg!(src).clone();
                        let v = match (&reg!(obj), &reg!(key)) {
                            (Value::List(l), Value::Int(i)) => match list_store(l, *i, v) {
                                Ok(()) => continue,
                                Err(v) => v,
                            },
                            _ => v,
                        };
                        tri!(self.set_item(&reg!(obj), &reg!(key), v));
                    }
                    Instr::SetItemImm { obj, index, src } => {
                        let v = reg!(src).clone();
                        let v = match &reg!(obj) {
                            Value::List(l) => match list_store(l, index as i64, v) {
                                Ok(()) => continue,
                                Err(v) => v,
                            },
                            _ => v,
                        };
                        tri!(self.set_item(&reg!(obj), &Value::Int(index as i64), v));
                    }
                    Instr::DeleteItem { obj, key } => {
                        tri!(self.del_item(&reg!(obj), &reg!(key)));
                    }
                    Instr::Add { dst, a, b } => {
                        set!(
                            dst,
                            match (&reg!(a), &reg!(b)) {
                                (Value::Int(x), Value::Int(y)) => match x.checked_add(*y) {
                                    Some(r) => Value::Int(r),
                                    None => tri!(self.binary(BinOp::Add, &reg!(a), &reg!(b))),
                                },
                                (Value::Float(x), Value::Float(y)) =>
                                    Value::float(x.get() + y.get()),
                                (Value::Float(x), Value::Int(y)) =>
                                    Value::float(x.get() + *y as f64),
                                (Value::Int(x), Value::Float(y)) =>
                                    Value::float(*x as f64 + y.get()),
                                _ => tri!(self.binary_checked(code, base, st, BinOp::Add, a, b)),
                            }
                        );
                    }
                    Instr::AddImm { dst, a, imm, rev } => {
                        set!(
                            dst,
                            match &reg!(a) {
                                Value::Int(x) => match x.checked_add(imm as i64) {
                                    Some(r) => Value::Int(r),
                                    None => tri!(self.binary(
                                        BinOp::Add,
                                        &Value::Int(*x),
                                        &Value::Int(imm as i64)
                                    )),
                                },
                                Value::Float(x) => Value::float(x.get() + imm as f64),
                                v => {
                                    if rev && !v.is_undefined() {
                                        tri!(self.binary(BinOp::Add, &Value::Int(imm as i64), v))
                                    } else {
                                        tri!(self.imm_slow(
                                            code,
                                            base,
                                            st,
                                            BinOp::Add,
                                            a,
                                            imm,
                                            false
                                        ))
                                    }
                                }
                            }
                        );
                    }
                    Instr::SubImm { dst, a, imm } => {
                        set!(
                            dst,
                            match &reg!(a) {
                                Value::Int(x) => match x.checked_sub(imm as i64) {
                                    Some(r) => Value::Int(r),
                                    None => tri!(self.binary(
                                        BinOp::Sub,
                                        &Value::Int(*x),
                                        &Value::Int(imm as i64)
                                    )),
                                },
                                Value::Float(x) => Value::float(x.get() - imm as f64),
                                _ => tri!(self.imm_slow(code, base, st, BinOp::Sub, a, imm, false)),
                            }
                        );
                    }
                    Instr::JumpIfNotCompareImm { op, a, imm, target } => {
                        if !compare_imm_truth!(op, a, imm) {
                            pc = target as usize;
                        }
                    }
                    Instr::JumpIfCompareImm { op, a, imm, target } => {
                        if compare_imm_truth!(op, a, imm) {
                            back_edge!(target);
                        }
                    }
                    Instr::Sub { dst, a, b } => {
                        set!(
                            dst,
                            match (&reg!(a), &reg!(b)) {
                                (Value::Int(x), Value::Int(y)) => match x.checked_sub(*y) {
                                    Some(r) => Value::Int(r),
                                    None => tri!(self.binary(BinOp::Sub, &reg!(a), &reg!(b))),
                                },
                                (Value::Float(x), Value::Float(y)) =>
                                    Value::float(x.get() - y.get()),
                                (Value::Float(x), Value::Int(y)) =>
                                    Value::float(x.get() - *y as f64),
                                (Value::Int(x), Value::Float(y)) =>
                                    Value::float(*x as f64 - y.get()),
                                _ => tri!(self.binary_checked(code, base, st, BinOp::Sub, a, b)),
                            }
                        );
                    }
                    Instr::Mul { dst, a, b } => {
                        set!(
                            dst,
                            match (&reg!(a), &reg!(b)) {
                                (Value::Int(x), Value::Int(y)) => match x.checked_mul(*y) {
                                    Some(r) => Value::Int(r),
                                    None => tri!(self.binary(BinOp::Mul, &reg!(a), &reg!(b))),
                                },
                                (Value::Float(x), Value::Float(y)) =>
                                    Value::float(x.get() * y.get()),
                                (Value::Float(x), Value::Int(y)) =>
                                    Value::float(x.get() * *y as f64),
                                (Value::Int(x), Value::Float(y)) =>
                                    Value::float(*x as f64 * y.get()),
                                _ => tri!(self.binary_checked(code, base, st, BinOp::Mul, a, b)),
                            }
                        );
                    }
                    Instr::BinaryConst { op, dst, a, k, rev } => {
                        let (x, c) = (&reg!(a), &code.consts[k as usize]);
                        let (l, r) = if rev { (c, x) } else { (x, c) };
                        let v = match fast_arith(op, l, r) {
                            Some(v) => v,
                            None if x.is_undefined() => {
                                save_pc!();
                                return Err(self.unbound_local(code, a));
                            }
                            None => tri!(self.binary(op, l, r)),
                        };
                        set!(dst, v);
                    }
                    Instr::Binary { op, dst, a, b } => {
                        let r = match fast_arith(op, &reg!(a), &reg!(b)) {
                            Some(v) => v,
                            None => tri!(self.binary_checked(code, base, st, op, a, b)),
                        };
                        set!(dst, r);
                    }
                    Instr::InplaceConst { op, dst, a, k } => {
                        // Numbers and strings have no in-place dunders: `x += 2.0` is
                        // `x + 2.0`; a string appends in place when nothing else holds it.
                        let c = &code.consts[k as usize];
                        if let Some(v) = fast_arith(op, &reg!(a), c) {
                            set!(dst, v);
                            continue;
                        }
                        if reg!(a).is_undefined() {
                            save_pc!();
                            return Err(self.unbound_local(code, a));
                        }
                        let r = tri!(self.inplace_general(op, &mut reg!(a), c));
                        set!(dst, r);
                    }
                    Instr::InplaceImm { op, dst, a, imm } => {
                        // Numbers have no in-place dunders: `x += 1` is `x + 1`. Matched
                        // here rather than through `fast_arith`, whose switch over every
                        // operator cost a counting loop ~20 instructions per step.
                        let fast = match (op, &reg!(a)) {
                            (BinOp::Add, Value::Int(x)) => {
                                x.checked_add(imm as i64).map(Value::Int)
                            }
                            (BinOp::Sub, Value::Int(x)) => {
                                x.checked_sub(imm as i64).map(Value::Int)
                            }
                            (BinOp::Add, Value::Float(x)) => {
                                Some(Value::float(x.get() + imm as f64))
                            }
                            (BinOp::Sub, Value::Float(x)) => {
                                Some(Value::float(x.get() - imm as f64))
                            }
                            _ => None,
                        };
                        let v = match fast {
                            Some(v) => v,
                            None => tri!(self.imm_slow(code, base, st, op, a, imm, true)),
                        };
                        set!(dst, v);
                    }
                    Instr::Inplace { op, dst, a, b } => {
                        // Numbers have no in-place dunders: `x op= y` is `x op y`.
                        if let Some(v) = fast_arith(op, &reg!(a), &reg!(b)) {
                            set!(dst, v);
                            continue;
                        }
                        let r = if reg!(a).is_undefined() || reg!(b).is_undefined() {
                            tri!(self.binary_checked(code, base, st, op, a, b))
                        } else {
                            let rhs = reg!(b).clone();
                            tri!(self.inplace_general(op, &mut reg!(a), &rhs))
                        };
                        set!(dst, r);
                    }
                    Instr::Unary { op, dst, src } => {
                        let r = match (op, &reg!(src)) {
                            (UnaryOp::Neg, Value::Int(i)) if *i != i64::MIN => Value::Int(-i),
                            (UnaryOp::Neg, Value::Float(f)) => Value::float(-f.get()),
                            (UnaryOp::Not, Value::Bool(b)) => Value::bool(!b.get()),
                            (_, v) => {
                                if v.is_undefined() {
                                    save_pc!();
                                    return Err(self.unbound_local(code, src));
                                }
                                tri!(self.unary(op, v))
                            }
                        };
                        set!(dst, r);
                    }
                    Instr::Compare { op, dst, a, b } => {
                        let r = match (&reg!(a), &reg!(b)) {
                            (Value::Int(x), Value::Int(y)) if (op as u8) < (CmpOp::In as u8) => {
                                Value::bool(int_cmp(op, *x, *y))
                            }
                            (Value::Float(x), Value::Float(y))
                                if (op as u8) < (CmpOp::Is as u8) =>
                            {
                                Value::bool(float_cmp(op, x.get(), y.get()))
                            }
                            (x, y) => tri!(self.compare(op, x, y)),
                        };
                        set!(dst, r);
                    }
                    Instr::JumpIfNotCompare { op, a, b, target } => {
                        if !compare_truth!(op, a, b) {
                            pc = target as usize;
                        }
                    }
                    Instr::JumpIfCompare { op, a, b, target } => {
                        if compare_truth!(op, a, b) {
                            back_edge!(target);
                        }
                    }
                    Instr::Jump { target } => jump!(target),
                    Instr::JumpIfTrue { cond, target } => {
                        if truth!(cond) {
                            jump!(target);
                        }
                    }
                    Instr::JumpIfFalse { cond, target } => {
                        if !truth!(cond) {
                            jump!(target);
                        }
                    }
                    Instr::GetIter { dst, src } => {
                        let it = tri!(self.iter(&reg!(src)));
                        set!(dst, it);
                    }
                    Instr::ForIter { iter, dst, exit } => match next_item!(iter, dst) {
                        Some(v) => set!(dst, v),
                        None => pc = exit as usize,
                    },
                    Instr::ForIterBack { iter, dst, body } => {
                        // A generator resumed here comes back to the body when it yields;
                        // exhausted, it leaves through the `ForIter` before the body.
                        let after = pc;
                        back_edge!(body);
                        match next_item!(iter, dst) {
                            Some(v) => set!(dst, v),
                            None => pc = after,
                        }
                    }
                    Instr::Call { func, argc, dst } => {
                        // The common call: a plain script function with exactly its
                        // positional arguments.
                        match &reg!(func) {
                            Value::Function(f) if f.code.simple_call && f.code.argcount == argc => {
                                enter_simple!(func, base + func as usize + 1, argc, dst);
                            }
                            // A plain class whose `__init__` is a plain script function: the
                            // instance takes the class's register, as `self` of an `__init__`
                            // frame whose window starts there.
                            Value::Type(t) if t.heap => {
                                let init = self.plain_init(t).filter(|init| {
                                    init.code.simple_call && init.code.argcount == argc + 1
                                });
                                if let Some(init) = init {
                                    let args = base + func as usize + 1;
                                    let obj = Value::instance(Instance::with_args(
                                        t.clone(),
                                        &st.regs[args..args + argc as usize],
                                    ));
                                    set!(func, obj.clone());
                                    enter_frame!(init, args - 1, argc + 1, dst, FrameKind::Init, {
                                        st.inits.push(obj);
                                    });
                                }
                            }
                            // A built-in that works on registers directly (`len`).
                            Value::Builtin(b) if argc > 0 => {
                                if let Some(hook) = b.hook {
                                    run_hook!(hook, base + func as usize + 1, argc as usize, dst);
                                }
                            }
                            _ => {}
                        }
                        // Built-ins and built-in types, in a match of their own after the
                        // one above: folded into it, the arms changed the loop's register
                        // allocation and script calls (fib) took 2% more instructions.
                        let args = base + func as usize + 1;
                        match &reg!(func) {
                            Value::Builtin(b) if plain_native_args!(args, argc) => {
                                let native = b.func;
                                call_native!(
                                    native(self, &st.regs[args..args + argc as usize], &[]),
                                    args,
                                    argc as usize,
                                    dst
                                );
                            }
                            // A built-in type's value (`int(s)`, `str(x)`).
                            Value::Type(t) if !t.heap => {
                                call_native!(
                                    self.instantiate(t, &st.regs[args..args + argc as usize], &[]),
                                    args,
                                    argc as usize,
                                    dst
                                );
                            }
                            _ => {}
                        }
                        let callee = reg!(func).clone();
                        call_positional!(callee, args, argc as usize, dst);
                    }
                    Instr::CallMethod { func, argc, dst } => {
                        // The receiver, when `LoadMethod` found one, is the first argument.
                        let bound = !reg!(func + 1).is_undefined();
                        let args = base + func as usize + 2 - usize::from(bound);
                        let nargs = argc as usize + usize::from(bound);
                        match &reg!(func) {
                            Value::Builtin(b) => {
                                let (hook, native) = (b.hook, b.func);
                                // `gen.send(v)` resumes the generator inline, as a `for`
                                // loop does, instead of re-entering the loop from native
                                // code. Kept here rather than as a hook: inlined, it costs
                                // ~100 instructions less per send.
                                if let (Value::Generator(g), 1) = (&reg!(func + 1), argc) {
                                    if b.name == "send" && b.owner == Some("generator") {
                                        let g = g.clone();
                                        let sent = std::mem::take(&mut reg!(func + 2));
                                        save_pc!();
                                        if tri!(self.push_generator(st, g, sent, dst)) {
                                            continue 'frames;
                                        }
                                        tri!(Err(self.stop_iteration(Value::None)));
                                    }
                                }
                                // A method that works on the loop itself (a greenlet switch
                                // swaps execution states) gets the execution state.
                                if let (Some(hook), true) = (hook, bound) {
                                    run_hook!(hook, args, nargs, dst);
                                }
                                // Any other built-in method (`s.split(",")`, `d.get(k)`).
                                if plain_native_args!(args, nargs) {
                                    call_native!(
                                        native(self, &st.regs[args..args + nargs], &[]),
                                        args,
                                        nargs,
                                        dst
                                    );
                                }
                            }
                            // A script method (or function attribute) with exactly its
                            // positional arguments.
                            Value::Function(f)
                                if f.code.simple_call && usize::from(f.code.argcount) == nargs =>
                            {
                                enter_simple!(func, args, nargs, dst);
                            }
                            _ => {}
                        }
                        let callee = reg!(func).clone();
                        call_positional!(callee, args, nargs, dst);
                    }
                    Instr::CallLen {
                        func,
                        src,
                        dst,
                        slot,
                        builtin,
                    } => {
                        if self.global_is_len(module, slot, builtin) {
                            let n = match &reg!(src) {
                                Value::List(l) => Some(l.len()),
                                Value::Tuple(t) => Some(t.len()),
                                Value::Str(s) => Some(s.char_len()),
                                Value::Dict(d) => Some(d.len()),
                                _ => None,
                            };
                            if let Some(n) = n {
                                set!(dst, Value::from(n));
                                continue;
                            }
                        }
                        let callee = tri!(self.load_global(module, slot, builtin));
                        set!(func, callee.clone());
                        set!(func + 1, reg!(src).clone());
                        call_positional!(callee, base + func as usize + 1, 1, dst);
                    }
                    Instr::CallAppend {
                        func,
                        obj,
                        src,
                        dst,
                        name,
                    } => {
                        if let Value::List(l) = &reg!(obj) {
                            l.push(reg!(src).clone());
                            if dst == DISCARD {
                                // A statement: its temporaries are untouched, so the
                                // `ClearRange` that ends it has nothing to do.
                                if matches!(instrs.get(pc), Some(Instr::ClearRange { .. })) {
                                    pc += 1;
                                }
                            } else {
                                set!(dst, Value::None);
                            }
                            continue;
                        }
                        let dst = if dst == DISCARD { func } else { dst };
                        set!(func + 2, reg!(src).clone());
                        call_method_1!(func, obj, name, dst);
                    }
                    Instr::CallKw {
                        func,
                        argc,
                        names,
                        dst,
                    }
                    | Instr::CallMethodKw {
                        func,
                        argc,
                        names,
                        dst,
                    } => {
                        let callee = reg!(func).clone();
                        let (mut args, mut argc) = (base + func as usize + 1, argc as usize);
                        if matches!(instr, Instr::CallMethodKw { .. }) {
                            if reg!(func + 1).is_undefined() {
                                args += 1;
                            } else {
                                argc += 1;
                            }
                        }
                        let Value::Tuple(names) = &code.consts[names as usize] else {
                            continue;
                        };
                        let nkw = names.len();
                        let npos = argc - nkw;
                        let kwargs: Vec<(Rc<Str>, Value)> = names
                            .items
                            .iter()
                            .enumerate()
                            .map(|(i, n)| {
                                let n = match n {
                                    Value::Str(s) => s.clone(),
                                    _ => Rc::new(Str::new("")),
                                };
                                (n, std::mem::take(&mut st.regs[args + npos + i]))
                            })
                            .collect();
                        save_pc!();
                        if tri!(self.call_at(
                            st,
                            callee,
                            args,
                            npos,
                            &kwargs,
                            base + dst as usize,
                            dst
                        )) {
                            continue 'frames;
                        }
                    }
                    Instr::CallEx {
                        func,
                        args,
                        kwargs,
                        dst,
                    } => {
                        let callee = reg!(func).clone();
                        let pos = match &reg!(args) {
                            Value::Tuple(t) => t.items.to_vec(),
                            other => tri!(self.collect(other)),
                        };
                        let kw: Vec<(Rc<Str>, Value)> = match &reg!(kwargs) {
                            Value::Dict(d) => {
                                let mut out = Vec::with_capacity(d.len());
                                for (k, v) in d.entries() {
                                    match k {
                                        Value::Str(s) => out.push((s, v)),
                                        _ => {
                                            save_pc!();
                                            return Err(self.type_error("keywords must be strings"));
                                        }
                                    }
                                }
                                out
                            }
                            _ => Vec::new(),
                        };
                        save_pc!();
                        // Lay the positional arguments out after the callee, then call.
                        let start = base + func as usize + 1;
                        st.reserve(start, pos.len() + 1);
                        let n = pos.len();
                        for (i, v) in pos.into_iter().enumerate() {
                            st.regs[start + i] = v;
                        }
                        if tri!(self.call_at(st, callee, start, n, &kw, base + dst as usize, dst)) {
                            continue 'frames;
                        }
                    }
                    Instr::Return { .. } | Instr::ReturnNone => {
                        let value = match *instr {
                            Instr::Return { src } => Value::take_fresh(&mut reg!(src)),
                            _ => Value::None,
                        };
                        // Ends the top frame and hands `$value` to the caller below it. The
                        // frame is read and dropped in place: popping it as a value copied
                        // it through the stack twice.
                        macro_rules! return_to_caller {
                            ($depth:expr, $value:expr) => {{
                                let depth = $depth;
                                let frame = &st.frames[depth - 1];
                                let (exc_base, ret) = (frame.exc_base as usize, frame.ret as usize);
                                let caller = st.frames[depth - 2].base as usize;
                                st.frames.truncate(depth - 1);
                                self.depth.set(self.depth.get() - 1);
                                st.clear(base, base + code.nregs as usize);
                                self.exc_stack.truncate(exc_base);
                                Value::store(&mut st.regs[caller + ret], $value);
                                continue 'frames;
                            }};
                        }
                        // The common return: from an ordinary call to a script caller.
                        let depth = st.frames.len();
                        let to_script = depth > stop + 1 && !super::finalize::pending();
                        if to_script && st.frames[depth - 1].kind == FrameKind::Call {
                            return_to_caller!(depth, value);
                        }
                        // `__init__` returning None: the caller receives the instance.
                        if to_script
                            && st.frames[depth - 1].kind == FrameKind::Init
                            && value.is_none()
                        {
                            let instance = st.inits.pop().unwrap_or_default();
                            return_to_caller!(depth, instance);
                        }
                        // An error here (`__init__` returning a value, `send()` finding the
                        // generator done) belongs to the caller, whose pc already points at
                        // its call: the returning frame is gone, so its pc must not be saved.
                        match self.do_return(st, stop, value) {
                            Ok(f) => flow!(f),
                            Err(e) => return Err(e),
                        }
                    }
                    Instr::BuildTuple { dst, start, count } => {
                        let items = reg_slice(st, base, start, count).to_vec();
                        set!(dst, Value::tuple(items));
                    }
                    Instr::BuildList { dst, start, count } => {
                        let items = reg_slice(st, base, start, count).to_vec();
                        set!(dst, Value::list(items));
                    }
                    Instr::BuildSet { dst, start, count } => {
                        let set = Set::new(false);
                        for i in 0..count {
                            let v = reg!(start + i).clone();
                            tri!(set.insert(self, v, Value::None));
                        }
                        set!(dst, Value::Set(Rc::new(set)));
                    }
                    Instr::BuildDict { dst, start, count } => {
                        let d = Dict::new();
                        for i in 0..count {
                            let k = reg!(start + 2 * i).clone();
                            let v = reg!(start + 2 * i + 1).clone();
                            tri!(d.insert(self, k, v));
                        }
                        set!(dst, Value::dict(d));
                    }
                    Instr::BuildString { dst, start, count } => {
                        let text = build_string(reg_slice(st, base, start, count));
                        set!(dst, Value::Str(Rc::new(text)));
                    }
                    Instr::BuildSlice { dst, start } => {
                        set!(
                            dst,
                            Value::Slice(Rc::new(Slice {
                                start: reg!(start).clone(),
                                stop: reg!(start + 1).clone(),
                                step: reg!(start + 2).clone(),
                            }))
                        );
                    }
                    Instr::ListAppend { list, item } => {
                        let v = reg!(item).clone();
                        if let Value::List(l) = &reg!(list) {
                            l.push(v);
                        }
                    }
                    Instr::ListExtend { list, src } => {
                        let items = tri!(self.collect(&reg!(src)));
                        if let Value::List(l) = &reg!(list) {
                            l.extend(items);
                        }
                    }
                    Instr::SetAdd { set, item } => {
                        let v = reg!(item).clone();
                        if let Value::Set(s) = &reg!(set) {
                            let s = s.clone();
                            tri!(s.insert(self, v, Value::None));
                        }
                    }
                    Instr::SetUpdate { set, src } => {
                        let items = tri!(self.collect(&reg!(src)));
                        if let Value::Set(s) = &reg!(set) {
                            let s = s.clone();
                            for v in items {
                                tri!(s.insert(self, v, Value::None));
                            }
                        }
                    }
                    Instr::DictInsert { dict, key, value } => {
                        let (k, v) = (reg!(key).clone(), reg!(value).clone());
                        if let Value::Dict(d) = &reg!(dict) {
                            let d = d.clone();
                            tri!(d.insert(self, k, v));
                        }
                    }
                    Instr::DictUpdate { dict, src, func } => {
                        let s = reg!(src).clone();
                        let callee = (func != NO_REG).then(|| reg!(func).clone());
                        if let Value::Dict(d) = &reg!(dict) {
                            let d = d.clone();
                            tri!(self.dict_merge(&d, &s, callee.as_ref()));
                        }
                    }
                    Instr::ListToTuple { dst, src } => {
                        let items = match &reg!(src) {
                            Value::List(l) => l.snapshot(),
                            _ => Vec::new(),
                        };
                        set!(dst, Value::tuple(items));
                    }
                    Instr::FormatValue {
                        dst,
                        src,
                        conv,
                        spec,
                    } => {
                        let v = reg!(src).clone();
                        // `f"{n}"` of an int is its decimal digits: `BuildString` writes
                        // them into the text, with no string made for them first.
                        if let (Value::Int(_), 0, NO_REG) = (&v, conv, spec) {
                            set!(dst, v);
                            continue;
                        }
                        let spec = if spec == NO_REG {
                            None
                        } else {
                            Some(reg!(spec).clone())
                        };
                        let s = tri!(self.format_value(&v, conv, spec.as_ref()));
                        set!(dst, s);
                    }
                    Instr::MatchSequence {
                        dst,
                        src,
                        count,
                        star,
                    } => {
                        let subject = reg!(src).clone();
                        // An exact-length tuple fills the registers with no vector.
                        if let (Value::Tuple(t), NO_STAR) = (&subject, star) {
                            if t.len() == count as usize {
                                for (i, item) in t.items.iter().enumerate() {
                                    set!(dst as usize + i, item.clone());
                                }
                                pc += 1;
                            }
                        } else {
                            let parts = tri!(self.match_sequence(&subject, count, star));
                            store_parts!(dst, parts);
                        }
                    }
                    Instr::MatchMapping {
                        dst,
                        src,
                        keys,
                        count,
                        rest,
                    } => {
                        let subject = reg!(src).clone();
                        let keys = reg_slice(st, base, keys, count as u16).to_vec();
                        let parts = tri!(self.match_mapping(&subject, &keys, rest));
                        store_parts!(dst, parts);
                    }
                    Instr::MatchClass {
                        dst,
                        src,
                        cls,
                        npos,
                    } => {
                        let (subject, class, keywords) =
                            (reg!(src).clone(), reg!(cls).clone(), reg!(cls + 1).clone());
                        let parts = tri!(self.match_class(&subject, &class, &keywords, npos));
                        store_parts!(dst, parts);
                    }
                    Instr::Unpack { src, dst, count } => {
                        let v = reg!(src).clone();
                        // A tuple or list of the right length unpacks straight into the
                        // registers, with no intermediate vector.
                        let direct = match &v {
                            Value::Tuple(t) if t.len() == count as usize => {
                                for (i, item) in t.items.iter().enumerate() {
                                    set!(dst as usize + i, item.clone());
                                }
                                true
                            }
                            Value::List(l) if l.len() == count as usize => {
                                // The borrow ends before each store: dropping a register's
                                // old value may run script code that touches this list.
                                let mut complete = true;
                                for i in 0..count as usize {
                                    let Some(item) = l.borrow().get(i).cloned() else {
                                        complete = false;
                                        break;
                                    };
                                    set!(dst as usize + i, item);
                                }
                                complete
                            }
                            _ => false,
                        };
                        if !direct {
                            let items = tri!(self.unpack(&v, count as usize));
                            for (i, item) in items.into_iter().enumerate() {
                                set!(dst as usize + i, item);
                            }
                        }
                    }
                    Instr::CallSplitPair { func, obj, name } => {
                        // The pair's registers are in the `UnpackPair` that follows.
                        // Any other count of parts takes the call too, for the `UnpackPair`
                        // to raise its error on its own line.
                        let split = match (&reg!(obj), &reg!(func + 2), instrs.get(pc)) {
                            (
                                Value::Str(s),
                                Value::Str(sep),
                                Some(&Instr::UnpackPair { a, b, .. }),
                            ) if !sep.as_str().is_empty() => {
                                crate::script::builtins::split_in_two(s, sep).map(|p| (p, a, b))
                            }
                            _ => None,
                        };
                        if let Some(((x, y), a, b)) = split {
                            set!(a, x);
                            set!(b, y);
                            pc += 1;
                            continue;
                        }
                        call_method_1!(func, obj, name, func);
                    }
                    Instr::UnpackPair { src, a, b } => {
                        let (x, y) = match pair_of(&reg!(src)) {
                            Some(pair) => pair,
                            None => {
                                let v = reg!(src).clone();
                                let mut items = tri!(self.unpack(&v, 2)).into_iter();
                                (
                                    items.next().unwrap_or_default(),
                                    items.next().unwrap_or_default(),
                                )
                            }
                        };
                        set!(a, x);
                        set!(b, y);
                    }
                    Instr::UnpackStar {
                        src,
                        dst,
                        before,
                        after,
                    } => {
                        let v = reg!(src).clone();
                        let mut items = tri!(self.collect(&v));
                        let (b, a) = (before as usize, after as usize);
                        if items.len() < b + a {
                            save_pc!();
                            return Err(self.value_error(format!(
                                "not enough values to unpack (expected at least {}, got {})",
                                b + a,
                                items.len()
                            )));
                        }
                        let tail = items.split_off(items.len() - a);
                        let middle = items.split_off(b);
                        for (i, item) in items.into_iter().enumerate() {
                            set!(dst as usize + i, item);
                        }
                        set!(dst as usize + b, Value::list(middle));
                        for (i, item) in tail.into_iter().enumerate() {
                            set!(dst as usize + b + 1 + i, item);
                        }
                    }
                    Instr::MakeFunction { dst, code: c, args } => {
                        let f = self.make_function(
                            code,
                            c,
                            module,
                            &reg!(args),
                            &reg!(args + 1),
                            &reg!(args + 2),
                        );
                        set!(dst, tri!(f));
                    }
                    Instr::LoadBuildClass { dst } => {
                        set!(
                            dst,
                            self.builtins.get("__build_class__").unwrap_or(Value::None)
                        );
                    }
                    Instr::Raise { exc, cause } => {
                        let e = if exc == NO_REG {
                            let top = self.exc_stack.last();
                            match top.as_ref() {
                                Some(Value::Instance(e)) => {
                                    save_pc!();
                                    st.reraising = true;
                                    return Err(e.clone());
                                }
                                _ => {
                                    save_pc!();
                                    return Err(
                                        self.runtime_error("No active exception to reraise")
                                    );
                                }
                            }
                        } else {
                            tri!(self.make_raisable(reg!(exc).clone()))
                        };
                        if cause != NO_REG {
                            let c = reg!(cause).clone();
                            let c = match c {
                                Value::None => Value::None,
                                other => match self.make_raisable(other) {
                                    Ok(c) => Value::Instance(c),
                                    Err(_) => {
                                        save_pc!();
                                        return Err(self.type_error(
                                            "exception causes must derive from BaseException",
                                        ));
                                    }
                                },
                            };
                            if let Some(s) = &e.exc {
                                *s.cause.borrow_mut() = c;
                                s.suppress_context.set(true);
                            }
                        }
                        save_pc!();
                        return Err(e);
                    }
                    Instr::Reraise { exc } => {
                        save_pc!();
                        match &reg!(exc) {
                            Value::Instance(e) => {
                                st.reraising = true;
                                return Err(e.clone());
                            }
                            _ => return Err(self.runtime_error("No active exception to reraise")),
                        }
                    }
                    Instr::ExcMatch { dst, exc, typ } => {
                        let m = tri!(self.exc_matches(&reg!(exc), &reg!(typ)));
                        set!(dst, Value::bool(m));
                    }
                    Instr::PopExcept => {
                        self.exc_stack.pop();
                    }
                    Instr::WithEnter { mgr, exit, dst } => {
                        let m = reg!(mgr).clone();
                        let (exit_fn, value) = tri!(self.with_enter(&m));
                        set!(exit, exit_fn);
                        set!(dst, value);
                    }
                    Instr::WithExit { exit } => {
                        let f = reg!(exit).clone();
                        tri!(self.call(&f, &[Value::None, Value::None, Value::None], &[]));
                    }
                    Instr::WithExitExc { exit, exc, dst } => {
                        let f = reg!(exit).clone();
                        let e = reg!(exc).clone();
                        let t = Value::Type(self.types.type_of(&e).clone());
                        let tb = match &e {
                            Value::Instance(i) => self.traceback_of(i),
                            _ => Value::None,
                        };
                        let r = tri!(self.call(&f, &[t, e, tb], &[]));
                        set!(dst, Value::bool(tri!(self.truthy(&r))));
                    }
                    Instr::Yield { dst, src, take } => {
                        // Cloned unless taken: `src` may be a local the generator uses again.
                        let value = if take {
                            std::mem::take(&mut reg!(src))
                        } else {
                            reg!(src).clone()
                        };
                        let ret = self.suspend_generator(st, pc as u32, dst, false);
                        let ret = self.suspend_delegating_frames(st, stop, ret);
                        yield_out!(ret, value);
                    }
                    Instr::YieldFrom { dst, iter } => {
                        let sub = reg!(iter).clone();
                        let sent = std::mem::take(&mut reg!(dst));
                        // A generator delegate runs inline: its frame goes on top of this one
                        // and its return value lands in `dst` (its yields pass through, see
                        // `Yield`).
                        if let Value::Generator(g) = &sub {
                            save_pc!();
                            if tri!(self.push_generator(st, g.clone(), sent, dst)) {
                                continue 'frames;
                            }
                            set!(dst, Value::None);
                            continue;
                        }
                        let r = match &sub {
                            Value::Generator(g) => {
                                tri!(self.resume_generator(g, Resume::Send(sent)))
                            }
                            other => {
                                if sent.is_none() {
                                    match tri!(self.next(other)) {
                                        Some(v) => GenResult::Yielded(v),
                                        None => GenResult::Returned(Value::None),
                                    }
                                } else {
                                    match self.call_method(other, "send", &[sent]) {
                                        Ok(v) => GenResult::Yielded(v),
                                        Err(e)
                                            if e.class().is_subtype(&self.types.stop_iteration) =>
                                        {
                                            let args = self.exc_args(&e);
                                            GenResult::Returned(
                                                args.items.first().cloned().unwrap_or(Value::None),
                                            )
                                        }
                                        Err(e) => {
                                            save_pc!();
                                            return Err(e);
                                        }
                                    }
                                }
                            }
                        };
                        match r {
                            GenResult::Returned(v) => set!(dst, v),
                            GenResult::Yielded(value) => {
                                // Suspend at this same instruction, to delegate again on resume.
                                let ret = self.suspend_generator(st, (pc - 1) as u32, dst, true);
                                let ret = self.suspend_delegating_frames(st, stop, ret);
                                yield_out!(ret, value);
                            }
                        }
                    }
                    Instr::Import { dst, name, top } => {
                        let Value::Str(n) = &code.consts[name as usize] else {
                            continue;
                        };
                        save_pc!();
                        let m = tri!(self.import(n.as_str(), top));
                        set!(dst, m);
                    }
                    Instr::ImportFrom {
                        dst,
                        module: m,
                        name,
                    } => {
                        let v = tri!(self.import_from(&reg!(m), &code.names[name as usize]));
                        set!(dst, v);
                    }
                    Instr::ImportStar { module: m } => {
                        let src = reg!(m).clone();
                        tri!(self.import_star(&src, module));
                    }
                }
            }
        }
    }

    /// Hands a yielded value to the consumer of the generator frame just suspended: the
    /// native caller when the run ends here, else the frame below. Inlined into the two
    /// yields: out of line, its call cost a pipeline of three generators 4% of its
    /// instructions.
    #[inline]
    fn deliver_yield(
        &self,
        st: &mut ExecState,
        stop: usize,
        ret: Option<Reg>,
        value: Value,
    ) -> Flow {
        if st.frames.len() <= stop {
            return Flow::Done(value);
        }
        if let Some(ret) = ret {
            let caller = st.frames.last().map_or(0, |f| f.base as usize);
            Value::store(&mut st.regs[caller + ret as usize], value);
        }
        Flow::Enter
    }

    /// Returns from the top frame with `value`.
    #[inline]
    fn do_return(&self, st: &mut ExecState, stop: usize, value: Value) -> PyResult<Flow> {
        let Some(frame) = self.pop_frame(st) else {
            return Ok(Flow::Done(value));
        };
        if super::finalize::pending() {
            self.run_finalizers();
        }
        let value = match frame.kind {
            FrameKind::Call => value,
            FrameKind::Init => {
                let obj = st.inits.pop().unwrap_or_default();
                if !value.is_none() {
                    return Err(self.type_error(format!(
                        "__init__() should return None, not '{}'",
                        self.type_name(&value)
                    )));
                }
                obj
            }
            FrameKind::Generator => {
                if let Some(gen) = st.generators.pop() {
                    gen.end_frame(st);
                }
                // The return value of a delegate whose delegating generator was off the
                // stack goes to that generator's `yield from`, and it runs on.
                if let Some(dst) = self.reenter_delegator(st, frame.ret) {
                    st.regs[dst as usize] = value;
                    return Ok(Flow::Enter);
                }
                if st.frames.len() > stop {
                    if let Some(caller) = st.frames.last_mut() {
                        let code = &caller.func.code;
                        match code.instrs.get(caller.pc as usize - 1) {
                            // Resumed inline by a `for` loop: leave the loop.
                            Some(Instr::ForIter { exit, .. }) => {
                                caller.pc = *exit;
                                return Ok(Flow::Enter);
                            }
                            // Resumed inline by `send()`: its caller sees StopIteration.
                            Some(Instr::CallMethod { .. }) => {
                                return Err(self.stop_iteration(value));
                            }
                            _ => {}
                        }
                    }
                }
                value
            }
        };
        if st.frames.len() <= stop {
            return Ok(Flow::Done(value));
        }
        if let Some(caller) = st.frames.last() {
            let at = caller.base as usize + frame.ret as usize;
            st.regs[at] = value;
        }
        Ok(Flow::Enter)
    }

    /// `globals()`, `locals()` and `dir()` of the frame running `code`.
    pub(super) fn namespace(
        &self,
        regs: &[Value],
        code: &Code,
        base: usize,
        module: &Rc<crate::script::object::Module>,
        kind: u8,
    ) -> PyResult<Value> {
        let dict = if code.flags.contains(CodeFlags::CLASS_BODY) && kind != 0 {
            match &regs[base] {
                Value::Dict(d) => d.clone(),
                _ => Rc::new(Dict::new()),
            }
        } else if kind == 0 || code.flags.contains(CodeFlags::MODULE) {
            module.globals_dict()
        } else {
            let d = Dict::new();
            for (i, name) in code.varnames.iter().enumerate() {
                let v = match &regs[base + i] {
                    Value::Cell(c) => c.get(),
                    v => v.clone(),
                };
                if !v.is_undefined() {
                    d.insert_str(name.clone(), v);
                }
            }
            Rc::new(d)
        };
        if kind != 2 {
            return Ok(Value::Dict(dict));
        }
        let mut names: Vec<Value> = dict.keys();
        self.sort(&mut names, None, false)?;
        Ok(Value::list(names))
    }

    /// `a op imm` (`a op= imm` when `inplace`) off the fast path: big ints, dunders, an
    /// unbound local.
    #[cold]
    #[allow(clippy::too_many_arguments)]
    fn imm_slow(
        &self,
        code: &Code,
        base: usize,
        st: &ExecState,
        op: BinOp,
        a: Reg,
        imm: i16,
        inplace: bool,
    ) -> PyResult<Value> {
        let x = &st.regs[base + a as usize];
        if x.is_undefined() {
            return Err(self.unbound_local(code, a));
        }
        let imm = Value::Int(imm as i64);
        if inplace {
            self.inplace(op, x, &imm)
        } else {
            self.binary(op, x, &imm)
        }
    }

    /// A binary operator's slow path, reporting an unbound local operand properly.
    #[cold]
    fn binary_checked(
        &self,
        code: &Code,
        base: usize,
        st: &ExecState,
        op: BinOp,
        a: Reg,
        b: Reg,
    ) -> PyResult<Value> {
        let (x, y) = (&st.regs[base + a as usize], &st.regs[base + b as usize]);
        if x.is_undefined() {
            return Err(self.unbound_local(code, a));
        }
        if y.is_undefined() {
            return Err(self.unbound_local(code, b));
        }
        self.binary(op, x, y)
    }

    /// The global `slot` of `module`, else the builtin `builtin`, else `NameError`.
    ///
    /// Marked cold although `LoadGlobal` runs it often: inlined, its code is then placed
    /// and register-allocated as the loop's cold path, and the hot arms keep their
    /// registers. Without the mark a three-generator pipeline ran 474M instead of 444M
    /// instructions (callgrind), and even module-level code, which loads globals all the
    /// time, ran more (exceptions' main loop, 100,000 rounds: 315M instead of 313M).
    #[cold]
    #[inline(always)]
    fn load_global(
        &self,
        module: &crate::script::object::Module,
        slot: Idx,
        builtin: Idx,
    ) -> PyResult<Value> {
        let v = if module.in_dict_mode() {
            module.load_slot(slot as u32)
        } else {
            module.slots.borrow()[slot as usize].clone()
        };
        if !v.is_undefined() {
            return Ok(v);
        }
        // A builtin no global shadows (`len`, `int`, `range` in a loop) is read here; only
        // a name missing from both goes out of line.
        let b = self.builtins.slots.borrow().get(builtin as usize).cloned();
        match b {
            Some(b) if !b.is_undefined() => Ok(b),
            _ => self.load_global_slow(module, slot),
        }
    }

    /// Whether the global `slot` of `module` is the built-in `len`: no global of that
    /// name, and the builtins' own `len` in place.
    #[inline(always)]
    fn global_is_len(
        &self,
        module: &crate::script::object::Module,
        slot: Idx,
        builtin: Idx,
    ) -> bool {
        !module.in_dict_mode()
            && module
                .slots
                .borrow()
                .get(slot as usize)
                .is_some_and(Value::is_undefined)
            && match (
                self.builtins.slots.borrow().get(builtin as usize),
                self.len_builtin.get(),
            ) {
                (Some(Value::Builtin(b)), Some(len)) => Rc::ptr_eq(b, len),
                _ => false,
            }
    }

    /// A global bound neither in the module nor at the builtin's slot: the builtins by
    /// name (one added after compiling), else `NameError`.
    #[cold]
    fn load_global_slow(
        &self,
        module: &crate::script::object::Module,
        slot: Idx,
    ) -> PyResult<Value> {
        let name = module.name_of(slot as u32);
        match self.builtins.get(name.as_str()) {
            Some(v) => Ok(v),
            None => Err(self.name_error(name.as_str())),
        }
    }

    /// `l[i]` for an int index, negative ones counting from the end.
    #[inline]
    fn list_item(&self, l: &crate::script::object::seq::List, i: i64) -> PyResult<Value> {
        let items = l.borrow();
        match wrap_index(i, items.len()) {
            Some(i) => Ok(items[i].clone()),
            None => Err(self.index_error("list index out of range")),
        }
    }

    #[cold]
    pub fn name_error(&self, name: &str) -> Exc {
        self.new_error(
            &self.types.name_error,
            format!("name '{name}' is not defined"),
        )
    }

    #[cold]
    fn unbound_local(&self, code: &Code, reg: Reg) -> Exc {
        match code.varnames.get(reg as usize) {
            Some(name) => self.new_error(
                &self.types.unbound_local_error,
                format!(
                    "cannot access local variable '{}' where it is not associated with a value",
                    name.as_str()
                ),
            ),
            None => self.runtime_error("internal error: unbound temporary"),
        }
    }

    #[cold]
    fn unbound_cell(&self, code: &Code, reg: Reg) -> Exc {
        let name = code
            .varnames
            .get(reg as usize)
            .map(|n| n.as_str().to_owned())
            .unwrap_or_default();
        if (reg as usize) >= code.free_base as usize {
            self.new_error(
                &self.types.name_error,
                format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
            )
        } else {
            self.new_error(
                &self.types.unbound_local_error,
                format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            )
        }
    }

    /// `MakeFunction`.
    fn make_function(
        &self,
        code: &Code,
        c: Idx,
        module: &Rc<crate::script::object::Module>,
        defaults: &Value,
        kwdefaults: &Value,
        closure: &Value,
    ) -> PyResult<Value> {
        let child = code.codes[c as usize].clone();
        let defaults = match defaults {
            Value::Tuple(t) => t.items.clone(),
            _ => Box::new([]),
        };
        let argc = child.argcount as usize;
        let kwdefaults: Box<[Value]> = match kwdefaults {
            Value::Dict(d) => (0..child.kwonly as usize)
                .map(|i| {
                    d.get_str(&child.varnames[argc + i])
                        .unwrap_or(Value::Undefined)
                })
                .collect(),
            _ => Box::new([]),
        };
        let closure: Box<[Rc<Cell>]> = match closure {
            Value::Tuple(t) => t
                .items
                .iter()
                .map(|v| match v {
                    Value::Cell(c) => c.clone(),
                    _ => Rc::new(Cell::default()),
                })
                .collect(),
            _ => Box::new([]),
        };
        Ok(Value::function(Function {
            name: std::cell::RefCell::new(child.name.clone()),
            qualname: std::cell::RefCell::new(child.qualname.clone()),
            code: child,
            module: module.clone(),
            defaults: std::cell::RefCell::new(Rc::from(defaults)),
            kwdefaults,
            closure,
            dict: std::cell::RefCell::new(None),
        }))
    }

    /// `with mgr:` entry: returns the bound `__exit__` and the value of `__enter__()`.
    fn with_enter(&self, mgr: &Value) -> PyResult<(Value, Value)> {
        let enter = self.lookup_special(mgr, &self.names.enter);
        let exit = self.lookup_special(mgr, &self.names.exit);
        let (Some(enter), Some(exit)) = (enter, exit) else {
            let missing = if self.lookup_special(mgr, &self.names.enter).is_none() {
                ""
            } else {
                " (missed __exit__ method)"
            };
            return Err(self.type_error(format!(
                "'{}' object does not support the context manager protocol{missing}",
                self.type_name(mgr)
            )));
        };
        let value = self.call_bound(&enter, mgr, &[])?;
        let exit = Value::Method(Rc::new(crate::script::object::BoundMethod {
            func: exit,
            receiver: mgr.clone(),
        }));
        Ok((exit, value))
    }

    /// `**src` into a dict being built (`merge`: duplicates are an error, as in calls).
    fn dict_merge(&self, d: &Dict, src: &Value, callee: Option<&Value>) -> PyResult<()> {
        let Some(callee) = callee else {
            return self.dict_update(d, src);
        };
        let entries = match src {
            Value::Dict(s) => s.entries(),
            other => {
                if !self.has_attr(other, "keys")? {
                    return Err(self.type_error(format!(
                        "{} argument after ** must be a mapping, not {}",
                        self.function_str(callee),
                        self.type_name(other)
                    )));
                }
                let keys = self.call_method(other, "keys", &[])?;
                let mut out = Vec::new();
                for k in self.collect(&keys)? {
                    let v = self.get_item(other, &k)?;
                    out.push((k, v));
                }
                out
            }
        };
        for (k, v) in entries {
            if d.contains(self, &k)? {
                return Err(self.type_error(format!(
                    "{} got multiple values for keyword argument '{}'",
                    self.function_str(callee),
                    self.str(&k)?
                )));
            }
            d.insert(self, k, v)?;
        }
        Ok(())
    }

    /// How CPython names a callable in call errors: `module.qualname()`.
    pub fn function_str(&self, f: &Value) -> String {
        match f {
            Value::Function(func) => {
                let module = func.module.name.as_str();
                let qualname = func.qualname.borrow();
                if module == "builtins" {
                    format!("{}()", qualname.as_str())
                } else {
                    format!("{}.{}()", module, qualname.as_str())
                }
            }
            Value::Builtin(b) => format!("{}()", b.name),
            Value::Method(m) => self.function_str(&m.func),
            Value::Type(t) => format!("{}()", t.qualname.borrow().as_str()),
            other => format!("{} object", self.type_name(other)),
        }
    }

    /// Unpacks exactly `count` items.
    fn unpack(&self, v: &Value, count: usize) -> PyResult<Vec<Value>> {
        let items = match v {
            Value::Tuple(t) => {
                if t.len() == count {
                    return Ok(t.items.to_vec());
                }
                t.items.to_vec()
            }
            Value::List(l) => l.snapshot(),
            other => {
                let it = self.iter(other).map_err(|_| {
                    self.type_error(format!(
                        "cannot unpack non-iterable {} object",
                        self.type_name(other)
                    ))
                })?;
                let mut out = Vec::with_capacity(count);
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                    if out.len() > count {
                        return Err(self.unpack_count_error(count, out.len()));
                    }
                }
                out
            }
        };
        if items.len() != count {
            return Err(self.unpack_count_error(count, items.len()));
        }
        Ok(items)
    }

    /// The error of unpacking `got` values (more than `expected`: at least that many)
    /// into `expected` targets.
    #[cold]
    fn unpack_count_error(&self, expected: usize, got: usize) -> Exc {
        self.value_error(if got < expected {
            format!("not enough values to unpack (expected {expected}, got {got})")
        } else {
            format!("too many values to unpack (expected {expected})")
        })
    }

    /// `x op= y` once the number fast path has declined, for `Inplace` and
    /// `InplaceConst`: a string appends in place when nothing else holds it (it is taken
    /// out of `x`'s register for that), anything else goes through [`Vm::inplace`].
    fn inplace_general(&self, op: BinOp, x: &mut Value, y: &Value) -> PyResult<Value> {
        if let (BinOp::Add, Value::Str(_), Value::Str(_)) = (op, &*x, y) {
            return self.str_append(std::mem::take(x), y);
        }
        self.inplace(op, x, y)
    }

    /// `s += t` on strings, reusing `s`'s buffer when this is its only reference.
    fn str_append(&self, lhs: Value, rhs: &Value) -> PyResult<Value> {
        match (lhs, rhs) {
            (Value::Str(a), Value::Str(b)) => {
                let mut s = match Rc::try_unwrap(a) {
                    Ok(owned) => owned.as_str().to_owned(),
                    Err(shared) => shared.as_str().to_owned(),
                };
                s.push_str(b.as_str());
                Ok(Value::string(s))
            }
            (a, b) => self.binary(BinOp::Add, &a, b),
        }
    }
}

#[inline]
fn reg_slice(st: &ExecState, base: usize, start: Reg, count: u16) -> &[Value] {
    &st.regs[base + start as usize..base + start as usize + count as usize]
}

/// `l[i] = v` when `i` is in range; otherwise `v` back, for the general path to report.
#[inline]
fn list_store(l: &Rc<crate::script::object::seq::List>, i: i64, v: Value) -> Result<(), Value> {
    // One borrow for the bounds check and the store: this is every `v[0] = x` of a loop.
    let mut items = l.adding(std::slice::from_ref(&v));
    let Some(i) = wrap_index(i, items.len()) else {
        return Err(v);
    };
    let old = Value::put(&mut items[i], v);
    // The old value is dropped after the borrow ends: its finalizer may use the list.
    drop(items);
    drop(old);
    Ok(())
}

/// Arithmetic on two inline numbers that cannot fail or overflow; `None` sends the
/// operation down the general path (bigints, errors, other types).
#[inline(always)]
fn fast_arith(op: BinOp, a: &Value, b: &Value) -> Option<Value> {
    let (x, y) = match (a, b) {
        (Value::Int(x), Value::Int(y)) => {
            let (x, y) = (*x, *y);
            return Some(Value::Int(match op {
                BinOp::Add => x.checked_add(y)?,
                BinOp::Sub => x.checked_sub(y)?,
                BinOp::Mul => x.checked_mul(y)?,
                // By a power of two (`i % 2`, `n // 4`), Python's flooring division is a
                // mask or an arithmetic shift, whatever the sign of `x`: no divide, which
                // costs as much as the rest of the instruction.
                BinOp::Mod if y > 0 && y & (y - 1) == 0 => x & (y - 1),
                BinOp::FloorDiv if y > 0 && y & (y - 1) == 0 => x >> y.trailing_zeros(),
                BinOp::Mod if y > 0 && x >= 0 => x % y,
                BinOp::FloorDiv if y > 0 && x >= 0 => x / y,
                BinOp::And => x & y,
                BinOp::Or => x | y,
                BinOp::Xor => x ^ y,
                BinOp::TrueDiv
                    if y != 0 && x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) =>
                {
                    return Some(Value::float(x as f64 / y as f64))
                }
                _ => return None,
            }));
        }
        (Value::Float(x), Value::Float(y)) => (x.get(), y.get()),
        (Value::Float(x), Value::Int(y)) => (x.get(), *y as f64),
        (Value::Int(x), Value::Float(y)) => (*x as f64, y.get()),
        _ => return None,
    };
    Some(Value::float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv if y != 0.0 => x / y,
        BinOp::Pow if x > 0.0 && x.is_finite() && y.is_finite() => {
            let r = x.powf(y);
            if !r.is_finite() {
                return None;
            }
            r
        }
        _ => return None,
    }))
}

#[inline]
fn int_cmp(op: CmpOp, x: i64, y: i64) -> bool {
    match op {
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Eq | CmpOp::Is => x == y,
        CmpOp::Ne | CmpOp::IsNot => x != y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
        CmpOp::In | CmpOp::NotIn => false,
    }
}

#[inline]
fn float_cmp(op: CmpOp, x: f64, y: f64) -> bool {
    match op {
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Eq => x == y,
        CmpOp::Ne => x != y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
        _ => false,
    }
}

/// The text of an f-string from its pieces: strings, and the ints `FormatValue` left as
/// they are. A result that fits inline is assembled in a buffer on the stack and made a
/// string in one step: compact_str's `push_str` cost about 85 instructions a piece.
#[inline(never)]
fn build_string(pieces: &[Value]) -> Str {
    const INLINE: usize = 24;
    let len = |v: &Value| match v {
        Value::Str(x) => x.as_str().len(),
        Value::Int(i) => decimal_len(*i),
        _ => 0,
    };
    let total = pieces.iter().map(len).sum();
    let ascii = pieces.iter().all(|v| match v {
        Value::Str(x) => x.is_ascii(),
        _ => true,
    });
    let text = if total <= INLINE {
        // Copied into a buffer and made a string once.
        let (mut buf, mut at) = ([0u8; INLINE], 0);
        for v in pieces {
            let mut digits = itoa::Buffer::new();
            let piece = piece_text(v, &mut digits).as_bytes();
            buf[at..at + piece.len()].copy_from_slice(piece);
            at += piece.len();
        }
        // Whole strings joined: valid UTF-8, so this never falls back.
        compact_str::CompactString::from_utf8(&buf[..at]).unwrap_or_default()
    } else {
        let mut s = compact_str::CompactString::with_capacity(total);
        for v in pieces {
            s.push_str(piece_text(v, &mut itoa::Buffer::new()));
        }
        s
    };
    // The character count is known when every piece is ASCII.
    if ascii {
        Str::ascii_text(text)
    } else {
        Str::with_text(text)
    }
}

/// The text of an f-string piece: a string, or an int's digits written into `digits`.
#[inline(always)]
fn piece_text<'a>(v: &'a Value, digits: &'a mut itoa::Buffer) -> &'a str {
    match v {
        Value::Str(x) => x.as_str(),
        Value::Int(i) => digits.format(*i),
        _ => "",
    }
}

/// The number of characters of `i` in decimal, sign included.
fn decimal_len(i: i64) -> usize {
    let digits = i
        .unsigned_abs()
        .checked_ilog10()
        .map_or(1, |d| d as usize + 1);
    digits + usize::from(i < 0)
}

/// The two items of a tuple or list of two, cloned: the common `k, v = pair`.
fn pair_of(v: &Value) -> Option<(Value, Value)> {
    match v {
        Value::Tuple(t) => match &t.items[..] {
            [x, y] => Some((x.clone(), y.clone())),
            _ => None,
        },
        Value::List(l) => match &l.borrow()[..] {
            [x, y] => Some((x.clone(), y.clone())),
            _ => None,
        },
        _ => None,
    }
}
