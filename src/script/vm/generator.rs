//! Generators are saved frames, not coroutines. A generator frame has a register file of
//! its own, a vector whose register 0 is the frame's first: resuming swaps it with the
//! execution state's register file (three words, whatever the frame's size), and the
//! generator keeps the register file it displaced until it yields or ends, when the two
//! swap back. Frames a generator calls have their windows in its register file.

use super::frame::{ExecState, FrameKind, RegFile};
use super::{Exc, PyResult, Vm};
use crate::script::compile::code::{Instr, Reg, DISCARD, NO_REG};
use crate::script::object::{Function, Str, Value};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// A suspended generator frame.
pub struct Saved {
    pub func: Rc<Function>,
    pub pc: u32,
    /// Suspended: the frame's register file (its window at 0). Running: the register file
    /// of the frames below it, displaced by the resume.
    pub regs: RegFile,
    /// The register that receives the value sent in (`NO_REG` before the first start).
    pub send_reg: Reg,
    /// Suspended in a `yield from`, at that instruction, which a resume runs again to
    /// pass the value on to the delegate.
    pub delegating: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenState {
    /// `frame.regs` is the frame's register file.
    Suspended,
    /// The frame is on an execution state, whose register file it is; `frame.regs` holds
    /// the register file of the frames below.
    Running,
    /// Running, but suspended in a `yield from` with its frame off the stack: the frame of
    /// its delegate, just above it on `ExecState::generators`, stands for both. Only when
    /// that delegate returns or raises does this frame go back on the stack (to receive
    /// the result, or to meet its handlers); a yield suspends the two together. `frame`
    /// is as when suspended.
    Delegating,
    Finished,
}

/// A generator keeps its frame in place across resumes: its register file is swapped in
/// and out whole, so a resume and a yield neither allocate nor move values.
pub struct Generator {
    pub name: Rc<Str>,
    pub qualname: Rc<Str>,
    pub state: Cell<GenState>,
    pub frame: RefCell<Saved>,
}

/// How a resumed generator stopped.
pub enum GenResult {
    Yielded(Value),
    Returned(Value),
}

/// What a throw into a delegating generator came to.
enum Delegated {
    /// The delegate yielded: so does the generator.
    Yielded(Value),
    /// The delegate returned: the generator goes on after its `yield from`.
    Resume,
    /// Raise this in the generator.
    Raise(Exc),
}

/// What to resume a generator with.
pub enum Resume {
    Send(Value),
    Throw(Exc),
}

impl Generator {
    pub fn new(func: Rc<Function>, regs: RegFile) -> Generator {
        let name = func.name.borrow().clone();
        let qualname = func.qualname.borrow().clone();
        Generator {
            name,
            qualname,
            state: Cell::new(GenState::Suspended),
            frame: RefCell::new(Saved {
                func,
                pc: 0,
                regs,
                send_reg: NO_REG,
                delegating: false,
            }),
        }
    }

    pub fn is_running(&self) -> bool {
        matches!(self.state.get(), GenState::Running | GenState::Delegating)
    }

    /// Whether its frame is off the stack while its delegate runs.
    pub fn is_delegating(&self) -> bool {
        self.state.get() == GenState::Delegating
    }

    pub fn is_finished(&self) -> bool {
        self.state.get() == GenState::Finished
    }

    /// Whether it is suspended at a `yield` (started and not finished).
    pub fn is_suspended_in_body(&self) -> bool {
        self.state.get() == GenState::Suspended && self.frame.borrow().send_reg != NO_REG
    }

    /// Ends its frame, just popped from `st`: the register file of the frames below goes
    /// back to `st`, and the generator is finished.
    pub fn end_frame(&self, st: &mut ExecState) {
        std::mem::swap(&mut st.regs, &mut self.frame.borrow_mut().regs);
        self.finish();
    }

    /// Marks it finished and releases its saved registers.
    pub fn finish(&self) {
        self.state.set(GenState::Finished);
        let regs = std::mem::take(&mut self.frame.borrow_mut().regs);
        // Dropped with no borrow held: a value's destructor may look at this generator.
        drop(regs);
    }
}

impl Drop for Generator {
    fn drop(&mut self) {
        if self.state.replace(GenState::Finished) == GenState::Suspended {
            let frame = self.frame.get_mut();
            let saved = Saved {
                func: frame.func.clone(),
                pc: frame.pc,
                regs: std::mem::take(&mut frame.regs),
                send_reg: frame.send_reg,
                delegating: frame.delegating,
            };
            let code = &saved.func.code;
            let pc = saved.pc.saturating_sub(1) as usize;
            // Only a generator suspended inside a `try` or `with` has code to run on close.
            let guarded = saved.send_reg != NO_REG
                && code
                    .handler_of
                    .get(pc)
                    .is_some_and(|&h| h != crate::script::compile::code::NO_HANDLER);
            if guarded {
                super::finalize::defer(move |vm| vm.close_abandoned(saved));
            }
        }
    }
}

impl Vm {
    /// Closes a generator dropped while suspended, so its `finally` blocks run. An error is
    /// reported the way CPython reports one from a finalizer.
    fn close_abandoned(&self, saved: Saved) {
        let name = saved.func.qualname.borrow().clone();
        let short = saved.func.name.borrow().clone();
        let gen = Rc::new(Generator {
            name: short,
            qualname: name.clone(),
            state: Cell::new(GenState::Suspended),
            frame: RefCell::new(saved),
        });
        if let Err(e) = self.generator_close(&gen) {
            self.write_stderr(&format!(
                "Exception ignored in: <generator object {} at {:#x}>\n{}",
                name.as_str(),
                Rc::as_ptr(&gen) as usize,
                self.format_exception(&e)
            ));
        }
    }

    /// Moves a suspended generator's frame onto `st` at the top of its register file,
    /// with `sent` in its receiving register. The frame's result goes to `ret`. Takes the
    /// generator by value: the reference goes to `st.generators` as it is. Inlined into the
    /// loop, a resume costs no call, and the rare cases go out of line. A throw sends
    /// `Undefined`: nothing is received (the receiving register may be a local, which a
    /// throw leaves as it was). A generator suspended in a `yield from` whose delegate is
    /// a suspended generator stays off the stack (see [`GenState::Delegating`]) and the
    /// delegate is resumed in its place, unless it is thrown into: the throw goes to the
    /// delegate its own way.
    #[inline(always)]
    pub fn push_generator(
        &self,
        st: &mut ExecState,
        gen: Rc<Generator>,
        sent: Value,
        ret: u16,
    ) -> PyResult<bool> {
        if gen.state.get() != GenState::Suspended {
            return self.generator_not_suspended(&gen);
        }
        let mut saved = gen.frame.borrow_mut();
        let send_reg = saved.send_reg;
        if send_reg == NO_REG && !sent.is_none() {
            return Err(self.type_error("can't send non-None value to a just-started generator"));
        }
        if saved.delegating && !sent.is_undefined() {
            if let Some(sub) = self.ready_delegate(&saved) {
                drop(saved);
                return self.push_delegating(st, gen, sub, sent, ret);
            }
        }
        self.count_frame()?;
        std::mem::swap(&mut st.regs, &mut saved.regs);
        let (func, pc) = (saved.func.clone(), saved.pc);
        drop(saved);
        gen.state.set(GenState::Running);
        if send_reg == NO_REG {
            // First run: the closure cells go to their registers, which keep them from
            // then on (they are saved and restored with the rest).
            super::call::store_cells(st, &func, 0);
        } else if send_reg == DISCARD || sent.is_undefined() {
            sent.release();
        } else {
            Value::store(&mut st.regs[send_reg as usize], sent);
        }
        self.push_frame_at(st, func, 0, pc, ret, FrameKind::Generator);
        st.generators.push(gen);
        Ok(true)
    }

    /// The delegate of a generator suspended in a `yield from`, if it is a generator that
    /// can be resumed without fail (started, suspended, and with room for its frame):
    /// anything else is left to the instruction, which reports the errors.
    #[inline(never)]
    fn ready_delegate(&self, saved: &Saved) -> Option<Rc<Generator>> {
        let Some(&Instr::YieldFrom { iter, .. }) = saved.func.code.instrs.get(saved.pc as usize)
        else {
            return None;
        };
        let Some(Value::Generator(sub)) = saved.regs.get(iter as usize) else {
            return None;
        };
        let ready = sub.state.get() == GenState::Suspended
            && sub.frame.borrow().send_reg != NO_REG
            && self.depth.get() < self.recursion_limit.get();
        ready.then(|| sub.clone())
    }

    /// Resumes `gen`, suspended in a `yield from`, by resuming its delegate `sub` in its
    /// place with what was sent: `gen`'s frame stays off the stack while `sub` runs. A
    /// chain of delegations resumes in one step, and an item passing through it moves
    /// one frame instead of one per generator of the chain.
    #[inline(never)]
    fn push_delegating(
        &self,
        st: &mut ExecState,
        gen: Rc<Generator>,
        sub: Rc<Generator>,
        sent: Value,
        ret: u16,
    ) -> PyResult<bool> {
        gen.state.set(GenState::Delegating);
        st.generators.push(gen);
        // Cannot fail (`ready_delegate`), so `gen` is never left delegating to nothing.
        self.push_generator(st, sub, sent, ret)
    }

    /// Puts the frame of the delegating generator below the frame just popped from `st`
    /// (if there is one: see [`GenState::Delegating`]) back on the stack, after its
    /// `yield from`, with its results going to `ret`. Returns the register that receives
    /// the delegate's return value.
    pub(super) fn reenter_delegator(&self, st: &mut ExecState, ret: Reg) -> Option<Reg> {
        let gen = st.generators.last().filter(|g| g.is_delegating())?.clone();
        let mut saved = gen.frame.borrow_mut();
        let Some(&Instr::YieldFrom { dst, .. }) = saved.func.code.instrs.get(saved.pc as usize)
        else {
            return None;
        };
        // The frame takes the place of the one just popped: the depth stays within bounds.
        self.depth.set(self.depth.get() + 1);
        std::mem::swap(&mut st.regs, &mut saved.regs);
        let (func, pc) = (saved.func.clone(), saved.pc + 1);
        drop(saved);
        gen.state.set(GenState::Running);
        self.push_frame_at(st, func, 0, pc, ret, FrameKind::Generator);
        Some(dst)
    }

    /// Marks the delegating generators the frame just suspended stood for as suspended
    /// too, taking them off `st.generators`.
    #[inline]
    pub(super) fn suspend_delegators(&self, st: &mut ExecState) {
        while st.generators.last().is_some_and(|g| g.is_delegating()) {
            if let Some(gen) = st.generators.pop() {
                gen.state.set(GenState::Suspended);
            }
        }
    }

    /// [`Vm::push_generator`] of a generator that is running (an error) or finished
    /// (nothing to resume).
    #[cold]
    fn generator_not_suspended(&self, gen: &Generator) -> PyResult<bool> {
        if gen.is_running() {
            return Err(self.value_error("generator already executing"));
        }
        Ok(false)
    }

    /// Resumes a generator from native code.
    pub fn resume_generator(&self, gen: &Rc<Generator>, how: Resume) -> PyResult<GenResult> {
        let mut st = self.spare_states.borrow_mut().pop().unwrap_or_default();
        let result = self.enter(&mut st, |vm, st| {
            let (sent, exc) = match how {
                Resume::Send(v) => (v, None),
                // What a throw sends (see `push_generator`).
                Resume::Throw(e) => (Value::Undefined, Some(e)),
            };
            let unstarted =
                gen.state.get() == GenState::Suspended && gen.frame.borrow().send_reg == NO_REG;
            if let (Some(e), true) = (&exc, unstarted) {
                // Throwing into a generator that never started finishes it.
                gen.finish();
                return Err(e.clone());
            }
            if !vm.push_generator(st, gen.clone(), sent, 0)? {
                return match exc {
                    Some(e) => Err(e),
                    None => Ok(GenResult::Returned(Value::None)),
                };
            }
            let exc = match exc {
                Some(e) => match vm.throw_into_delegate(st, e)? {
                    Delegated::Yielded(v) => return Ok(GenResult::Yielded(v)),
                    Delegated::Raise(e) => Some(e),
                    Delegated::Resume => None,
                },
                None => None,
            };
            let value = vm.run_with(st, 0, exc)?;
            Ok(if gen.is_finished() {
                GenResult::Returned(value)
            } else {
                GenResult::Yielded(value)
            })
        });
        st.reset();
        self.spare_states.borrow_mut().push(st);
        result
    }

    /// Runs a generator to exhaustion (or until `f` returns false), passing each yielded
    /// value to `f`: one execution state and one native re-entry for the whole run, rather
    /// than one per item as `next()` needs.
    pub fn drain_generator(
        &self,
        gen: &Rc<Generator>,
        f: &mut dyn FnMut(Value) -> PyResult<bool>,
    ) -> PyResult<()> {
        let mut st = self.spare_states.borrow_mut().pop().unwrap_or_default();
        let result = self.enter(&mut st, |vm, st| vm.run_draining(st, gen, f));
        st.reset();
        self.spare_states.borrow_mut().push(st);
        result
    }

    /// A throw into a generator suspended in `yield from` goes to the delegate first
    /// (a `GeneratorExit` closes it), as PEP 380 specifies.
    fn throw_into_delegate(&self, st: &mut ExecState, exc: Exc) -> PyResult<Delegated> {
        let Some(frame) = st.frames.last() else {
            return Ok(Delegated::Raise(exc));
        };
        let pc = frame.pc as usize;
        let base = frame.base as usize;
        let Some(&Instr::YieldFrom { dst, iter }) = frame.func.code.instrs.get(pc) else {
            return Ok(Delegated::Raise(exc));
        };
        let sub = st.regs[base + iter as usize].clone();
        let is_exit = exc.class().is_subtype(&self.types.generator_exit);
        let outcome = if is_exit {
            let closed = match &sub {
                Value::Generator(g) => self.generator_close(g),
                other => {
                    match self.lookup_special(other, &crate::script::object::Str::new("close")) {
                        Some(m) => self.call_bound(&m, other, &[]).map(drop),
                        None => Ok(()),
                    }
                }
            };
            match closed {
                Ok(()) => Err(exc),
                Err(e) => Err(e),
            }
        } else {
            match &sub {
                Value::Generator(g) => self.resume_generator(g, Resume::Throw(exc)),
                other => {
                    match self.lookup_special(other, &crate::script::object::Str::new("throw")) {
                        Some(m) => match self.call_bound(&m, other, &[Value::Instance(exc)]) {
                            Ok(v) => Ok(GenResult::Yielded(v)),
                            Err(e) if e.class().is_subtype(&self.types.stop_iteration) => {
                                let args = self.exc_args(&e);
                                Ok(GenResult::Returned(
                                    args.items.first().cloned().unwrap_or(Value::None),
                                ))
                            }
                            Err(e) => Err(e),
                        },
                        None => Err(exc),
                    }
                }
            }
        };
        // Past the `yield from` unless the delegate yields again.
        if let Some(f) = st.frames.last_mut() {
            f.pc = pc as u32 + 1;
        }
        Ok(match outcome {
            Ok(GenResult::Yielded(v)) => {
                self.suspend_generator(st, pc as u32, dst, true);
                Delegated::Yielded(v)
            }
            Ok(GenResult::Returned(v)) => {
                st.regs[base + dst as usize] = v;
                Delegated::Resume
            }
            Err(e) => Delegated::Raise(e),
        })
    }

    /// `next(gen)`: `None` when it returns.
    pub fn generator_next(&self, gen: &Rc<Generator>) -> PyResult<Option<Value>> {
        match self.resume_generator(gen, Resume::Send(Value::None))? {
            GenResult::Yielded(v) => Ok(Some(v)),
            GenResult::Returned(_) => Ok(None),
        }
    }

    /// `gen.send(v)`: StopIteration carries the return value.
    pub fn generator_send(&self, gen: &Rc<Generator>, how: Resume) -> PyResult<Value> {
        match self.resume_generator(gen, how)? {
            GenResult::Yielded(v) => Ok(v),
            GenResult::Returned(v) => Err(self.stop_iteration(v)),
        }
    }

    /// `gen.close()`.
    pub fn generator_close(&self, gen: &Rc<Generator>) -> PyResult<()> {
        if gen.is_running() {
            return Err(self.value_error("generator already executing"));
        }
        if !gen.is_suspended_in_body() {
            gen.finish();
            return Ok(());
        }
        let exit = self.new_exception(&self.types.generator_exit, vec![]);
        match self.resume_generator(gen, Resume::Throw(exit)) {
            Ok(GenResult::Yielded(_)) => Err(self.runtime_error("generator ignored GeneratorExit")),
            Ok(GenResult::Returned(_)) => Ok(()),
            Err(e)
                if e.class().is_subtype(&self.types.generator_exit)
                    || e.class().is_subtype(&self.types.stop_iteration) =>
            {
                Ok(())
            }
            Err(e) => Err(e),
        }
    }
}
