//! Heap frames: a register file and a frame stack per execution state.
//!
//! A Python→Python call pushes a [`Frame`] and a register window and the dispatch loop goes
//! on in place: no Rust recursion, so script recursion is bounded by memory alone. The
//! callee's window starts at the caller's argument registers, so arguments are never
//! copied.

use crate::script::object::{Function, Value};
use std::alloc::System;
use std::rc::Rc;

/// A vector on the system allocator, whatever the program's global allocator is. Register
/// files and frame stacks live in these: at 10,000,000 frames deep they are hundreds of
/// megabytes, and glibc grows a block that large by remapping its pages (`mremap`), where
/// jemalloc copies it at every doubling and briefly holds both copies (the deep recursion
/// took 1.4 s and 747 MB that way instead of 0.9 s and 555 MB).
pub struct SysVec<T>(allocator_api2::vec::Vec<T, System>);

/// A frame's registers, from register 0 of the bottom frame up.
pub type RegFile = SysVec<Value>;

impl<T> Default for SysVec<T> {
    fn default() -> Self {
        SysVec(allocator_api2::vec::Vec::new_in(System))
    }
}

impl<T> std::ops::Deref for SysVec<T> {
    type Target = allocator_api2::vec::Vec<T, System>;
    #[inline(always)]
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl<T> std::ops::DerefMut for SysVec<T> {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

impl<T> FromIterator<T> for SysVec<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut v = SysVec::default();
        v.extend(iter);
        v
    }
}

/// What returning from a frame means.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum FrameKind {
    /// An ordinary call: the result goes to the caller's `ret` register.
    Call,
    /// `__init__` run by instantiation: the caller receives the instance (kept in the
    /// caller's `ret` register), and `__init__` must return None.
    Init,
    /// A generator's frame: yielding or returning hands the frame back to the generator
    /// (at the top of `ExecState::generators`).
    Generator,
}

/// One activation: 24 bytes, so that 10,000,000 of them fit comfortably in memory.
pub struct Frame {
    pub func: Rc<Function>,
    pub pc: u32,
    /// Index of register 0 of this frame in the register file.
    pub base: u32,
    /// Length of the VM's handled-exception stack when the frame was entered.
    pub exc_base: u32,
    /// Register of the caller that receives the result.
    pub ret: u16,
    pub kind: FrameKind,
}

/// What the dispatch loop does after a [`crate::script::object::func::LoopHook`] ran.
pub enum LoopFlow {
    /// The hook did nothing: call the built-in as usual.
    Declined,
    /// The hook did the call and left its result in place: go on with the next
    /// instruction of the same frame.
    Next,
    /// Go on with the frame now on top of the (possibly swapped) execution state.
    Continue,
    /// The execution state was handed away and is empty: leave the loop.
    Leave,
}

/// The execution state of one greenlet (or one native re-entry): registers and frames.
#[derive(Default)]
pub struct ExecState {
    pub regs: RegFile,
    pub frames: SysVec<Frame>,
    /// Generators whose frames are on the frame stack, innermost last.
    pub generators: Vec<Rc<super::generator::Generator>>,
    /// Instances being initialised by `__init__` frames on the stack, innermost last.
    pub inits: Vec<Value>,
    /// Set by a re-raise: the current frame is already in the traceback.
    pub reraising: bool,
}

impl ExecState {
    /// Makes sure registers `base..base + n` exist.
    #[inline(always)]
    pub fn reserve(&mut self, base: usize, n: usize) {
        let need = base + n;
        if self.regs.len() < need {
            self.extend_regs(need);
        }
    }

    /// Only the needed registers are written: the vector's spare capacity stays untouched
    /// memory, so RSS follows the live depth, not the doubling.
    #[cold]
    #[inline(never)]
    fn extend_regs(&mut self, need: usize) {
        self.regs.resize(need, Value::Undefined);
    }

    /// Pushes a frame. Kept out of line and given the fields as scalars on purpose: a
    /// `Frame` built by the dispatch loop and handed to `Vec::push` (which the loop does
    /// not inline) went through the stack, written field by field and read back in 8- and
    /// 16-byte pieces, which the CPU cannot forward from the narrower stores; that stall
    /// was a tenth of the time of a call-heavy script. Here the fields are written straight
    /// into the vector. (Inlined into the loop, `push` and `extend` both became out-of-line
    /// calls taking the frame through the stack again.) Growing is a separate cold call,
    /// so the common path saves no registers and builds no iterator: 17 instructions
    /// where it took 40.
    #[inline(never)]
    pub fn push_frame(
        &mut self,
        func: Rc<Function>,
        pc: u32,
        base: u32,
        exc_base: u32,
        ret: u16,
        kind: FrameKind,
    ) {
        if self.frames.len() < self.frames.capacity() {
            // With room known to be there, `push` inlines to the stores of the fields
            // (its growth call, which would hold the whole frame across it, is dead code).
            self.frames.push(Frame {
                func,
                pc,
                base,
                exc_base,
                ret,
                kind,
            });
        } else {
            self.push_frame_growing(func, pc, base, exc_base, ret, kind);
        }
    }

    /// Grows the frame vector and pushes. It takes the frame's fields again rather than
    /// only reserving and letting `push_frame` go on: with a `reserve` call on its path,
    /// `push_frame` saved registers on every call and fib(25) took 5% more instructions.
    #[cold]
    #[inline(never)]
    fn push_frame_growing(
        &mut self,
        func: Rc<Function>,
        pc: u32,
        base: u32,
        exc_base: u32,
        ret: u16,
        kind: FrameKind,
    ) {
        self.frames.reserve(1);
        self.push_frame(func, pc, base, exc_base, ret, kind);
    }

    /// Ends a built-in call a loop hook did (see [`LoopFlow::Next`]): the argument
    /// registers, temporaries the call consumes, are released and `result` goes to `dst`.
    #[inline]
    pub fn finish_hooked_call(
        &mut self,
        args: usize,
        argc: usize,
        dst: usize,
        result: Value,
    ) -> LoopFlow {
        self.clear(args, args + argc);
        Value::store(&mut self.regs[dst], result);
        LoopFlow::Next
    }

    /// Clears registers `from..to` (dropping what they referenced). Inlined everywhere:
    /// every call and return clears a window, and the loop over a few registers costs less
    /// than the call to it did.
    #[inline(always)]
    pub fn clear(&mut self, from: usize, to: usize) {
        let to = to.min(self.regs.len());
        if from < to {
            for r in &mut self.regs[from..to] {
                Value::clear_slot(r);
            }
        }
    }

    /// Exchanges two execution states. A greenlet switch does this on every switch: the
    /// generator and `__init__` stacks are mostly empty on both sides and then stay put,
    /// which moves half the words a whole-struct swap would.
    #[inline]
    pub fn exchange(&mut self, other: &mut ExecState) {
        std::mem::swap(&mut self.regs, &mut other.regs);
        std::mem::swap(&mut self.frames, &mut other.frames);
        if !(self.generators.is_empty() && other.generators.is_empty()) {
            std::mem::swap(&mut self.generators, &mut other.generators);
        }
        if !(self.inits.is_empty() && other.inits.is_empty()) {
            std::mem::swap(&mut self.inits, &mut other.inits);
        }
        std::mem::swap(&mut self.reraising, &mut other.reraising);
    }

    pub fn reset(&mut self) {
        self.regs.clear();
        self.frames.clear();
        self.generators.clear();
        self.inits.clear();
        self.reraising = false;
    }
}
