//! One code object under construction: its registers, instructions, side tables, and the
//! control-flow context (`break`/`continue` targets, cleanups to run on early exits).

use super::code::*;
use super::scope::{Binding, ScopeKind, Scopes};
use super::CompileError;
use crate::script::object::{Module, Str, Value};
use rustpython_ast::{self as ast};
use std::collections::HashMap;
use std::rc::Rc;

pub type CResult<T> = Result<T, CompileError>;

/// What compiling a whole module needs besides the AST.
pub struct Ctx<'a> {
    pub scopes: &'a Scopes,
    pub source: Rc<Source>,
    pub module: &'a Module,
    pub builtins: &'a Module,
    /// Interactive mode: a module-level expression statement keeps its value in the
    /// global [`REPL_RESULT`] for the prompt to print.
    pub interactive: bool,
}

/// Where interactive mode leaves the value of an expression statement.
pub const REPL_RESULT: &str = "__stacklet_repl__";

/// Something an early exit (`return`, `break`, `continue`) must undo on its way out.
#[derive(Clone)]
pub enum Cleanup<'a> {
    /// A `finally` body, with the handler active outside its `try`.
    Finally {
        body: &'a [ast::Stmt],
        outer_handler: u16,
        outer_depth: u16,
    },
    /// A `with` block's exit function.
    With { exit: Reg, outer_handler: u16 },
    /// An `except` block: leaving it ends the handling of its exception.
    Except,
    /// A `for` loop's iterator (nothing to run, but marks the loop for `break`).
    Loop,
}

pub struct LoopCtx {
    pub continue_target: Target,
    pub breaks: Vec<usize>,
    /// Length of the cleanup stack at the loop's start.
    pub cleanup_depth: usize,
}

pub struct Unit<'a> {
    pub scope: usize,
    pub kind: ScopeKind,
    pub instrs: Vec<Instr>,
    pub lines: Vec<u32>,
    pub handler_of: Vec<u16>,
    pub handlers: Vec<Handler>,
    pub consts: Vec<Value>,
    pub names: Vec<Rc<Str>>,
    name_index: HashMap<String, Idx>,
    pub codes: Vec<Rc<Code>>,
    /// Registers of locals, cells and free variables.
    pub vars: HashMap<String, Reg>,
    pub varnames: Vec<Rc<Str>>,
    pub nfixed: Reg,
    pub next_temp: Reg,
    pub max_reg: Reg,
    /// The highest temporary used since the current statement began.
    pub high: Reg,
    pub line: u32,
    pub handler: u16,
    pub except_depth: u16,
    pub loops: Vec<LoopCtx>,
    pub cleanups: Vec<Cleanup<'a>>,
    /// Locals known to be bound at the current point (params always are).
    pub assigned: Vec<bool>,
    /// Locals the code unbinds somewhere (`del`, `except ... as`): never known to be
    /// bound, so every read of one checks. Tracking where they are unbound would need a
    /// flow analysis that joins every path (a `del` in a branch, a loop's bottom test).
    unbinds: Vec<bool>,
    pub qualname: String,
}

impl<'a> Unit<'a> {
    pub fn new(ctx: &Ctx<'a>, scope: usize, qualname: String) -> Unit<'a> {
        let s = &ctx.scopes.scopes[scope];
        let mut vars = HashMap::new();
        let mut varnames = Vec::new();
        let mut next: Reg = 0;
        if s.kind == ScopeKind::Class {
            // Register 0 of a class body holds its namespace dict.
            varnames.push(Rc::new(Str::new(".namespace")));
            next = 1;
        }
        let mut assigned = Vec::new();
        let mut unbinds = Vec::new();
        let locals = if matches!(s.kind, ScopeKind::Function | ScopeKind::Comprehension) {
            s.locals()
        } else {
            // Class bodies keep only their cells (`__class__`) in registers.
            s.locals()
                .into_iter()
                .filter(|n| s.bindings.get(n) == Some(&Binding::Cell))
                .collect()
        };
        for name in locals {
            vars.insert(name.clone(), next);
            varnames.push(crate::script::object::str::intern(&name));
            let unbound_somewhere = s.unbinds(&name);
            unbinds.push(unbound_somewhere);
            assigned.push(s.params.contains(&name) && !unbound_somewhere);
            next += 1;
        }
        if s.kind == ScopeKind::Class {
            assigned.insert(0, true);
            unbinds.insert(0, false);
        }
        for name in s.frees() {
            vars.insert(name.clone(), next);
            varnames.push(crate::script::object::str::intern(&name));
            assigned.push(true);
            next += 1;
        }
        Unit {
            scope,
            kind: s.kind,
            instrs: Vec::new(),
            lines: Vec::new(),
            handler_of: Vec::new(),
            handlers: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            codes: Vec::new(),
            vars,
            varnames,
            nfixed: next,
            next_temp: next,
            max_reg: next,
            high: next,
            line: 1,
            handler: NO_HANDLER,
            except_depth: 0,
            loops: Vec::new(),
            cleanups: Vec::new(),
            assigned,
            unbinds,
            qualname,
        }
    }

    pub fn pc(&self) -> Target {
        self.instrs.len() as Target
    }

    pub fn emit(&mut self, instr: Instr) -> usize {
        self.instrs.push(instr);
        self.lines.push(self.line);
        self.handler_of.push(self.handler);
        self.instrs.len() - 1
    }

    /// Points the jump at `at` to the current position.
    pub fn patch_here(&mut self, at: usize) {
        let here = self.pc();
        self.patch(at, here);
    }

    pub fn patch(&mut self, at: usize, to: Target) {
        match &mut self.instrs[at] {
            Instr::Jump { target }
            | Instr::JumpIfTrue { target, .. }
            | Instr::JumpIfFalse { target, .. }
            | Instr::JumpIfNotCompare { target, .. }
            | Instr::JumpIfNotCompareImm { target, .. }
            | Instr::JumpIfCompare { target, .. }
            | Instr::JumpIfCompareImm { target, .. } => *target = to,
            Instr::ForIter { exit, .. } => *exit = to,
            other => unreachable!("patching a non-jump {other:?}"),
        }
    }

    pub fn temp(&mut self) -> CResult<Reg> {
        let r = self.next_temp;
        if r >= NO_REG - 1 {
            return Err(CompileError::unsupported(
                0,
                "too many registers in one function",
            ));
        }
        self.next_temp += 1;
        self.max_reg = self.max_reg.max(self.next_temp);
        self.high = self.high.max(self.next_temp);
        Ok(r)
    }

    /// `n` consecutive fresh registers.
    pub fn temps(&mut self, n: usize) -> CResult<Reg> {
        let first = self.next_temp;
        for _ in 0..n {
            self.temp()?;
        }
        Ok(first)
    }

    pub fn free_to(&mut self, mark: Reg) {
        self.next_temp = mark;
    }

    pub fn is_temp(&self, r: Reg) -> bool {
        r >= self.nfixed
    }

    pub fn konst(&mut self, v: Value) -> CResult<Idx> {
        if let Value::Str(s) = &v {
            let key = format!("s:{}", s.as_str());
            if let Some(&i) = self.name_index.get(&key) {
                return Ok(i);
            }
            let i = self.push_const(v)?;
            self.name_index.insert(key, i);
            return Ok(i);
        }
        self.push_const(v)
    }

    fn push_const(&mut self, v: Value) -> CResult<Idx> {
        if self.consts.len() >= Idx::MAX as usize - 1 {
            return Err(CompileError::unsupported(
                0,
                "too many constants in one function",
            ));
        }
        self.consts.push(v);
        Ok((self.consts.len() - 1) as Idx)
    }

    pub fn name(&mut self, name: &str) -> CResult<Idx> {
        let key = format!("n:{name}");
        if let Some(&i) = self.name_index.get(&key) {
            return Ok(i);
        }
        if self.names.len() >= Idx::MAX as usize - 1 {
            return Err(CompileError::unsupported(
                0,
                "too many names in one function",
            ));
        }
        self.names.push(crate::script::object::str::intern(name));
        let i = (self.names.len() - 1) as Idx;
        self.name_index.insert(key, i);
        Ok(i)
    }

    pub fn is_assigned(&self, r: Reg) -> bool {
        self.assigned.get(r as usize).copied().unwrap_or(true)
    }

    pub fn mark_assigned(&mut self, r: Reg) {
        if self.unbinds.get(r as usize).copied().unwrap_or(false) {
            return;
        }
        if let Some(a) = self.assigned.get_mut(r as usize) {
            *a = true;
        }
    }

    pub fn snapshot(&self) -> Vec<bool> {
        self.assigned.clone()
    }

    /// After two branches: only what both assigned stays known.
    pub fn meet(&mut self, other: &[bool]) {
        for (a, b) in self.assigned.iter_mut().zip(other) {
            *a = *a && *b;
        }
    }

    /// Opens an exception handler whose code will start at a later-patched target.
    pub fn new_handler(&mut self, exc_reg: Reg) -> u16 {
        self.handlers.push(Handler {
            target: 0,
            exc_reg,
            depth: self.except_depth,
        });
        (self.handlers.len() - 1) as u16
    }

    pub fn finish(
        self,
        ctx: &Ctx,
        name: &str,
        flags: CodeFlags,
        args: Option<&ast::Arguments>,
    ) -> Rc<Code> {
        let (argcount, posonly, kwonly) = args.map_or((0, 0, 0), |a| {
            (
                (a.posonlyargs.len() + a.args.len()) as u16,
                a.posonlyargs.len() as u16,
                a.kwonlyargs.len() as u16,
            )
        });
        let s = &ctx.scopes.scopes[self.scope];
        let nfree = s.frees().len() as u16;
        Rc::new(Code {
            name: crate::script::object::str::intern(name),
            qualname: Rc::new(Str::new(&self.qualname)),
            source: ctx.source.clone(),
            first_line: self.lines.first().copied().unwrap_or(1),
            instrs: self.instrs.into_boxed_slice(),
            lines: self.lines.into_boxed_slice(),
            handler_of: self.handler_of.into_boxed_slice(),
            handlers: self.handlers.into_boxed_slice(),
            consts: self.consts.into_boxed_slice(),
            cache: crate::script::vm::inline_cache::InlineCache::new(self.names.len()),
            names: self.names.into_boxed_slice(),
            codes: self.codes.into_boxed_slice(),
            nregs: self.max_reg.max(1),
            argcount,
            posonly,
            kwonly,
            flags,
            varnames: self.varnames.into_boxed_slice(),
            free_base: self.nfixed - nfree,
            nfree,
            simple_call: kwonly == 0
                && nfree == 0
                && !flags.contains(CodeFlags::VARARGS)
                && !flags.contains(CodeFlags::VARKW)
                && !flags.contains(CodeFlags::GENERATOR),
        })
    }
}

pub fn compile_module(ctx: &mut Ctx, body: &[ast::Stmt]) -> CResult<Rc<Code>> {
    let mut u = Unit::new(ctx, 0, "<module>".to_owned());
    let mut g = super::stmt::Gen {
        ctx,
        u: &mut u,
        current_returns: None,
    };
    g.namespace_prologue(body, true)?;
    g.body(body)?;
    g.u.line = g.u.lines.last().copied().unwrap_or(1);
    let r = g.u.temp()?;
    g.u.emit(Instr::LoadNone { dst: r });
    g.u.emit(Instr::Return { src: r });
    let mut flags = CodeFlags::default();
    flags.insert(CodeFlags::MODULE);
    Ok(u.finish(ctx, "<module>", flags, None))
}
