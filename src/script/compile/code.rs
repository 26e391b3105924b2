//! The compiler's output: register bytecode and the code objects that hold it.
//!
//! Every function has a fixed register file: its parameters first, then its other locals,
//! then its free variables' cells, then temporaries. Instructions name registers directly,
//! so `x = y + 1` is one instruction. Line numbers and exception handlers live in side
//! tables indexed by instruction, consulted only when something is raised: a `try` costs
//! nothing until it catches.

use crate::script::object::{Str, Value};
use std::rc::Rc;

/// A tiny stand-in for the `bitflags` crate: a `Copy` set of named bits.
macro_rules! bitflags_lite {
    (pub struct $name:ident: $t:ty { $(const $flag:ident = $v:expr;)* }) => {
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub struct $name($t);
        impl $name {
            $(pub const $flag: $name = $name($v);)*
            #[inline]
            pub fn contains(self, other: $name) -> bool {
                self.0 & other.0 == other.0
            }
            #[inline]
            pub fn insert(&mut self, other: $name) {
                self.0 |= other.0;
            }
        }
    };
}

/// A register of the current frame.
pub type Reg = u16;
/// An index into a code object's constants, names or nested code objects.
pub type Idx = u16;
/// An instruction index.
pub type Target = u32;

/// "No register" where one is optional.
pub const NO_REG: Reg = Reg::MAX;
/// The receiving register of a `yield` statement, whose sent value nobody reads: the
/// resume drops it instead of storing it for a later instruction to clear.
pub const DISCARD: Reg = Reg::MAX - 1;
/// "No builtin" in [`Instr::LoadGlobal`].
pub const NO_BUILTIN: Idx = Idx::MAX;
/// "No handler" in the per-instruction handler table.
pub const NO_HANDLER: u16 = u16::MAX;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
    MatMul,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        use BinOp::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            TrueDiv => "/",
            FloorDiv => "//",
            Mod => "%",
            Pow => "** or pow()",
            LShift => "<<",
            RShift => ">>",
            And => "&",
            Or => "|",
            Xor => "^",
            MatMul => "@",
        }
    }

    /// The dunder names: forward, reflected, in-place.
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        use BinOp::*;
        match self {
            Add => ("__add__", "__radd__", "__iadd__"),
            Sub => ("__sub__", "__rsub__", "__isub__"),
            Mul => ("__mul__", "__rmul__", "__imul__"),
            TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            Mod => ("__mod__", "__rmod__", "__imod__"),
            Pow => ("__pow__", "__rpow__", "__ipow__"),
            LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            And => ("__and__", "__rand__", "__iand__"),
            Or => ("__or__", "__ror__", "__ior__"),
            Xor => ("__xor__", "__rxor__", "__ixor__"),
            MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
    Is,
    IsNot,
    In,
    NotIn,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        use CmpOp::*;
        match self {
            Lt => "<",
            Le => "<=",
            Eq => "==",
            Ne => "!=",
            Gt => ">",
            Ge => ">=",
            Is => "is",
            IsNot => "is not",
            In => "in",
            NotIn => "not in",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum UnaryOp {
    Neg,
    Pos,
    Invert,
    Not,
}

/// One instruction. Operands are registers unless named otherwise.
#[derive(Clone, Copy, Debug)]
pub enum Instr {
    Nop,
    /// Raises `UnboundLocalError` if `reg` is unbound; emitted only where the compiler cannot
    /// prove the local assigned.
    CheckBound {
        reg: Reg,
    },
    Move {
        dst: Reg,
        src: Reg,
    },
    LoadConst {
        dst: Reg,
        k: Idx,
    },
    LoadNone {
        dst: Reg,
    },
    LoadInt {
        dst: Reg,
        value: i32,
    },
    /// `dst = globals[slot]`, falling back to the builtin `builtin`, else `NameError`.
    LoadGlobal {
        dst: Reg,
        slot: Idx,
        builtin: Idx,
    },
    StoreGlobal {
        slot: Idx,
        src: Reg,
    },
    DeleteGlobal {
        slot: Idx,
    },
    /// Name lookups in a class body: its namespace (register 0), then globals, then
    /// builtins.
    LoadName {
        dst: Reg,
        name: Idx,
    },
    StoreName {
        name: Idx,
        src: Reg,
    },
    DeleteName {
        name: Idx,
    },
    /// Replaces the value in `reg` by a new cell holding it (`Undefined` for an empty cell).
    MakeCell {
        reg: Reg,
    },
    LoadCell {
        dst: Reg,
        cell: Reg,
    },
    StoreCell {
        cell: Reg,
        src: Reg,
    },
    DeleteCell {
        cell: Reg,
    },
    DeleteLocal {
        reg: Reg,
    },
    /// Releases what `reg` holds (a loop's iterator when the loop ends), so that a
    /// generator left suspended by `break` is finalized at once, as in CPython.
    Clear {
        reg: Reg,
    },
    /// Releases the temporaries a simple statement used, so objects die when the statement
    /// that last referenced them ends (as with CPython's reference counting).
    ClearRange {
        start: Reg,
        count: u16,
    },
    /// `globals()` (kind 0), `locals()`/`vars()` (1) or `dir()` (2) of the running code.
    LoadNamespace {
        dst: Reg,
        kind: u8,
    },

    LoadAttr {
        dst: Reg,
        obj: Reg,
        name: Idx,
    },
    StoreAttr {
        obj: Reg,
        name: Idx,
        src: Reg,
    },
    DeleteAttr {
        obj: Reg,
        name: Idx,
    },
    /// `dst = method, dst+1 = receiver` (or `dst+1 = Undefined` for a plain attribute), for
    /// [`Instr::CallMethod`]: no bound-method object is allocated.
    LoadMethod {
        dst: Reg,
        obj: Reg,
        name: Idx,
    },
    GetItem {
        dst: Reg,
        obj: Reg,
        key: Reg,
    },
    SetItem {
        obj: Reg,
        key: Reg,
        src: Reg,
    },
    /// [`Instr::GetItem`] with a small int literal key (`p[0]`).
    GetItemImm {
        dst: Reg,
        obj: Reg,
        index: i16,
    },
    /// [`Instr::SetItem`] with a small int literal key (`p[0] = v`).
    SetItemImm {
        obj: Reg,
        index: i16,
        src: Reg,
    },
    DeleteItem {
        obj: Reg,
        key: Reg,
    },

    Add {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    /// `a + imm` / `a - imm` with a small int constant: no register for the constant.
    AddImm {
        dst: Reg,
        a: Reg,
        imm: i16,
        /// The literal was the left operand (`1 + x`): the slow path keeps that order.
        rev: bool,
    },
    SubImm {
        dst: Reg,
        a: Reg,
        imm: i16,
    },
    /// A binary operator with a literal operand (`x % 2`, `x * 4.0`, or with `rev` `1.0 / x`).
    BinaryConst {
        op: BinOp,
        dst: Reg,
        a: Reg,
        k: Idx,
        rev: bool,
    },
    Sub {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    Mul {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    Binary {
        op: BinOp,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    /// `a op= b`: tries the in-place dunder first.
    Inplace {
        op: BinOp,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    /// `a op= k` with a literal number, text or bytes from the constants (`x += 2.0`,
    /// `s += "!"`): as [`Instr::InplaceImm`], no register for the constant.
    InplaceConst {
        op: BinOp,
        dst: Reg,
        a: Reg,
        k: Idx,
    },
    /// `a += imm` / `a -= imm` (`op` is `Add` or `Sub`) with a small int constant: no
    /// register for the constant, no instruction to load it or to clear it after.
    InplaceImm {
        op: BinOp,
        dst: Reg,
        a: Reg,
        imm: i16,
    },
    Unary {
        op: UnaryOp,
        dst: Reg,
        src: Reg,
    },
    Compare {
        op: CmpOp,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    /// Fused compare-and-branch: jumps to `target` when `a op b` is false.
    JumpIfNotCompare {
        op: CmpOp,
        a: Reg,
        b: Reg,
        target: Target,
    },
    /// [`Instr::JumpIfNotCompare`] against a small int constant.
    JumpIfNotCompareImm {
        op: CmpOp,
        a: Reg,
        imm: i16,
        target: Target,
    },
    /// Jumps to `target` when `a op b` is true: a `while` loop's test repeated at its
    /// bottom, jumping back into the body.
    JumpIfCompare {
        op: CmpOp,
        a: Reg,
        b: Reg,
        target: Target,
    },
    /// [`Instr::JumpIfCompare`] against a small int constant.
    JumpIfCompareImm {
        op: CmpOp,
        a: Reg,
        imm: i16,
        target: Target,
    },

    Jump {
        target: Target,
    },
    JumpIfTrue {
        cond: Reg,
        target: Target,
    },
    JumpIfFalse {
        cond: Reg,
        target: Target,
    },

    GetIter {
        dst: Reg,
        src: Reg,
    },
    /// `dst = next(iter)`, or jump to `exit` when exhausted.
    ForIter {
        iter: Reg,
        dst: Reg,
        exit: Target,
    },
    /// The bottom of a `for` loop: `dst = next(iter)` and jump back to `body`, the
    /// instruction after the loop's [`Instr::ForIter`]; exhausted, go on to the next
    /// instruction (the `ForIter`'s exit). It stands for the jump back to the `ForIter`,
    /// so each round runs one dispatch fewer.
    ForIterBack {
        iter: Reg,
        dst: Reg,
        body: Target,
    },

    /// Calls `func` with `argc` positional arguments in the registers after it.
    Call {
        func: Reg,
        argc: u16,
        dst: Reg,
    },
    /// After [`Instr::LoadMethod`]: the callable in `func`, the receiver (or `Undefined`)
    /// in `func + 1`, `argc` arguments after that.
    CallMethod {
        func: Reg,
        argc: u16,
        dst: Reg,
    },
    /// `len(src)` of a local `src`. While the global `len` is the built-in one (no global
    /// of the name, the builtins' own), the length of a list, tuple, str or dict is read
    /// here, without a call. Otherwise the global is loaded into `func`, `src` copied to
    /// `func + 1`, and the call made as [`Instr::Call`] would.
    CallLen {
        func: Reg,
        src: Reg,
        dst: Reg,
        slot: Idx,
        builtin: Idx,
    },
    /// `obj.append(src)` of locals `obj` and `src`. A list takes the item here, without a
    /// method lookup or a call. Anything else has the method looked up into `func` and
    /// `func + 1` as by [`Instr::LoadMethod`], `src` copied to `func + 2`, and the call
    /// made as [`Instr::CallMethod`] would.
    CallAppend {
        func: Reg,
        obj: Reg,
        src: Reg,
        dst: Reg,
        name: Idx,
    },
    /// `a, b = obj.split(sep)`, always followed by the [`Instr::UnpackPair`] of `func`
    /// into `a` and `b`; `sep` is in `func + 2`. A `str` split by a non-empty `str` is
    /// split here into the pair's registers, with no list, and the `UnpackPair` is
    /// skipped (a count other than two raises its error). Anything else has the method
    /// looked up into `func` and `func + 1` and called as by [`Instr::CallMethod`], its
    /// result to `func` for the `UnpackPair`.
    CallSplitPair {
        func: Reg,
        obj: Reg,
        name: Idx,
    },
    /// Like `Call`/`CallMethod`, the last `len(names)` of the `argc` arguments being keyword
    /// arguments named by the constant tuple `names`.
    CallKw {
        func: Reg,
        argc: u16,
        names: Idx,
        dst: Reg,
    },
    CallMethodKw {
        func: Reg,
        argc: u16,
        names: Idx,
        dst: Reg,
    },
    /// `func(*args, **kwargs)`: `args` holds a tuple, `kwargs` a dict or `Undefined`.
    CallEx {
        func: Reg,
        args: Reg,
        kwargs: Reg,
        dst: Reg,
    },
    Return {
        src: Reg,
    },
    /// `return` with no value, and the end of a function body: no register for the
    /// `None`, no instruction to load it.
    ReturnNone,

    BuildTuple {
        dst: Reg,
        start: Reg,
        count: u16,
    },
    BuildList {
        dst: Reg,
        start: Reg,
        count: u16,
    },
    BuildSet {
        dst: Reg,
        start: Reg,
        count: u16,
    },
    /// `count` key/value pairs in consecutive registers.
    BuildDict {
        dst: Reg,
        start: Reg,
        count: u16,
    },
    /// Concatenates `count` strings (f-strings).
    BuildString {
        dst: Reg,
        start: Reg,
        count: u16,
    },
    /// `slice(start, start+1, start+2)`.
    BuildSlice {
        dst: Reg,
        start: Reg,
    },
    ListAppend {
        list: Reg,
        item: Reg,
    },
    ListExtend {
        list: Reg,
        src: Reg,
    },
    SetAdd {
        set: Reg,
        item: Reg,
    },
    SetUpdate {
        set: Reg,
        src: Reg,
    },
    DictInsert {
        dict: Reg,
        key: Reg,
        value: Reg,
    },
    /// `**src` in a dict display (`func` is `NO_REG`), or in a call of `func` (duplicate
    /// keys are an error naming it).
    DictUpdate {
        dict: Reg,
        src: Reg,
        func: Reg,
    },
    ListToTuple {
        dst: Reg,
        src: Reg,
    },
    /// `format(src, spec)` after the `!s`/`!r`/`!a` conversion; `spec` may be `NO_REG`.
    FormatValue {
        dst: Reg,
        src: Reg,
        conv: u8,
        spec: Reg,
    },
    /// Unpacks exactly `count` items into `dst..dst+count`.
    Unpack {
        src: Reg,
        dst: Reg,
        count: u16,
    },
    /// Unpacks exactly two items into the locals `a` and `b` (`k, v = pair`), assigned
    /// in that order once both are in hand.
    UnpackPair {
        src: Reg,
        a: Reg,
        b: Reg,
    },
    /// `match` sequence pattern: the `count` parts of `src` (the starred one, at `star`
    /// unless it is `NO_STAR`, as a list) into `dst..`. The three `Match*` tests skip the
    /// instruction after them when `src` fits; that instruction jumps to the next case.
    MatchSequence {
        dst: Reg,
        src: Reg,
        count: u16,
        star: u16,
    },
    /// `match` mapping pattern: the values of the `count` keys in `keys..`, then (with
    /// `rest`) a dict of the other items, into `dst..`.
    MatchMapping {
        dst: Reg,
        src: Reg,
        keys: Reg,
        count: u8,
        rest: bool,
    },
    /// `match` class pattern against the class in `cls`, with the tuple of keyword
    /// attribute names in `cls + 1`: the `npos` positional and then the keyword
    /// attributes into `dst..`; no fit when `src` is not an instance or lacks one.
    MatchClass {
        dst: Reg,
        src: Reg,
        cls: Reg,
        npos: u16,
    },
    /// Unpacks with a starred target: `before` items, a list, `after` items.
    UnpackStar {
        src: Reg,
        dst: Reg,
        before: u8,
        after: u8,
    },

    /// Creates a function from nested code `code`; registers `args`, `args+1`, `args+2`
    /// hold the defaults tuple, the keyword-only defaults tuple and the closure tuple
    /// (each `Undefined` when absent).
    MakeFunction {
        dst: Reg,
        code: Idx,
        args: Reg,
    },
    LoadBuildClass {
        dst: Reg,
    },

    Raise {
        exc: Reg,
        cause: Reg,
    },
    /// Raises again the exception in `exc` (a bare `raise`, or the end of a `finally`).
    Reraise {
        exc: Reg,
    },
    /// `dst = isinstance(exc, typ)` for an `except` clause (tuples of classes allowed).
    ExcMatch {
        dst: Reg,
        exc: Reg,
        typ: Reg,
    },
    /// Leaves an exception handler: the exception it was handling stops being current.
    PopExcept,
    /// `with`: calls `mgr.__enter__()` into `dst` and keeps the bound `__exit__` in `exit`.
    WithEnter {
        mgr: Reg,
        exit: Reg,
        dst: Reg,
    },
    /// Calls `exit(None, None, None)`.
    WithExit {
        exit: Reg,
    },
    /// Calls `exit(type, exc, tb)`; `dst` = whether it asks to suppress the exception.
    WithExitExc {
        exit: Reg,
        exc: Reg,
        dst: Reg,
    },

    /// Suspends the generator with the value in `src`; the value sent in on resuming goes
    /// to `dst` (or nowhere, for `DISCARD`). With `take`, `src` is a temporary nothing
    /// reads again: the value is moved out of it, leaving it clear.
    Yield {
        dst: Reg,
        src: Reg,
        take: bool,
    },
    /// Delegates to the iterator in `iter` until it is exhausted; `dst` holds the value to
    /// send in (None at first) and receives the delegate's return value.
    YieldFrom {
        dst: Reg,
        iter: Reg,
    },

    /// `import name` (absolute; `level` dots for relative): the module named by constant
    /// `name` (the top package when `top` is set, as `import a.b` binds `a`).
    Import {
        dst: Reg,
        name: Idx,
        top: bool,
    },
    ImportFrom {
        dst: Reg,
        module: Reg,
        name: Idx,
    },
    ImportStar {
        module: Reg,
    },
}

/// An exception handler: where to go when an instruction it covers raises.
#[derive(Clone, Copy, Debug)]
pub struct Handler {
    pub target: Target,
    /// The register that receives the exception.
    pub exc_reg: Reg,
    /// How many `except` blocks of the same frame enclose the `try`, so the VM can drop
    /// the handled-exception entries of blocks the exception leaves.
    pub depth: u16,
}

/// A source file: its name and its lines, for tracebacks.
pub struct Source {
    pub filename: Rc<str>,
    pub text: Rc<str>,
    line_starts: Vec<u32>,
}

impl Source {
    pub fn new(filename: &str, text: &str) -> Source {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i as u32 + 1),
        );
        Source {
            filename: Rc::from(filename),
            text: Rc::from(text),
            line_starts,
        }
    }

    /// 1-based line and 0-based column (in characters) of a byte offset.
    pub fn location(&self, offset: u32) -> (u32, u32) {
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line] as usize;
        let end = (offset as usize).min(self.text.len());
        let col = self.text.get(start..end).map_or(0, |s| s.chars().count());
        (line as u32 + 1, col as u32)
    }

    /// The text of 1-based line `line`, without its newline.
    pub fn line(&self, line: u32) -> Option<&str> {
        let i = (line as usize).checked_sub(1)?;
        let start = *self.line_starts.get(i)? as usize;
        let end = self
            .line_starts
            .get(i + 1)
            .map_or(self.text.len(), |&e| e as usize);
        Some(self.text[start..end].trim_end_matches(['\n', '\r']))
    }
}

bitflags_lite! {
    pub struct CodeFlags: u8 {
        const VARARGS = 1;
        const VARKW = 2;
        const GENERATOR = 4;
        const CLASS_BODY = 8;
        const MODULE = 16;
    }
}

/// A compiled function body (or module, or class body).
pub struct Code {
    pub name: Rc<Str>,
    pub qualname: Rc<Str>,
    pub source: Rc<Source>,
    pub first_line: u32,
    pub instrs: Box<[Instr]>,
    /// Per instruction: its source line.
    pub lines: Box<[u32]>,
    /// Per instruction: the handler covering it, or `NO_HANDLER`.
    pub handler_of: Box<[u16]>,
    pub handlers: Box<[Handler]>,
    pub consts: Box<[Value]>,
    pub names: Box<[Rc<Str>]>,
    /// Per name: what `obj.name(...)` last resolved to, and where `obj.name` was found.
    pub cache: crate::script::vm::inline_cache::InlineCache,
    pub codes: Box<[Rc<Code>]>,
    /// Registers in all.
    pub nregs: u16,
    /// Positional parameters (positional-only included), positional-only ones, keyword-only.
    pub argcount: u16,
    pub posonly: u16,
    pub kwonly: u16,
    pub flags: CodeFlags,
    /// Names of the local registers: parameters (positional, keyword-only, `*args`,
    /// `**kwargs`) then other locals.
    pub varnames: Box<[Rc<Str>]>,
    /// The closure's cells are copied into registers `free_base..free_base + nfree` on entry.
    pub free_base: u16,
    pub nfree: u16,
    /// Positional parameters only, no closure, not a generator: a call with exactly
    /// `argcount` positional arguments needs no binding step (the loop's fast path).
    pub simple_call: bool,
}

impl Code {
    #[inline]
    pub fn is_generator(&self) -> bool {
        self.flags.contains(CodeFlags::GENERATOR)
    }

    /// The number of parameter registers (including `*args` and `**kwargs`).
    pub fn nparams(&self) -> usize {
        self.argcount as usize
            + self.kwonly as usize
            + self.flags.contains(CodeFlags::VARARGS) as usize
            + self.flags.contains(CodeFlags::VARKW) as usize
    }

    /// A listing of this code and the code nested in it (`stacklet --dis`).
    pub fn disassemble(&self) -> String {
        let mut out = format!(
            "code {} (registers {}, args {}, free {}):\n",
            self.qualname.as_str(),
            self.nregs,
            self.argcount,
            self.nfree
        );
        for (pc, instr) in self.instrs.iter().enumerate() {
            let handler = match self.handler_of[pc] {
                NO_HANDLER => String::new(),
                h => format!("  [handler {h}]"),
            };
            out.push_str(&format!(
                "{:5} {:4}  {:?}{}\n",
                self.lines[pc], pc, instr, handler
            ));
        }
        for code in self.codes.iter() {
            out.push('\n');
            out.push_str(&code.disassemble());
        }
        out
    }

    pub fn line_of(&self, pc: u32) -> u32 {
        self.lines
            .get(pc as usize)
            .copied()
            .unwrap_or(self.first_line)
    }
}

const _: () = assert!(std::mem::size_of::<Instr>() <= 12);
