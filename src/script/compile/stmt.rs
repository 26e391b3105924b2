//! Code generation for statements: assignment, control flow, exception handling, `with`,
//! function and class definitions, imports.

use super::code::*;
use super::scope::{Binding, ScopeKind};
use super::unit::{CResult, Cleanup, Ctx, LoopCtx, Unit};
use super::CompileError;
use crate::script::object::Value;
use rustpython_ast::{self as ast, Ranged};

/// The code generator for one unit (statements here, expressions in `expr.rs`).
pub struct Gen<'c, 'a> {
    pub ctx: &'c Ctx<'a>,
    pub u: &'c mut Unit<'a>,
    /// The return annotation of the `def` being compiled (consumed by `annotations`).
    pub current_returns: Option<&'a ast::Expr>,
}

/// Where a name lives in the unit being generated.
#[derive(Clone, Copy)]
pub enum Place {
    Local(Reg),
    Cell(Reg),
    Global { slot: Idx, builtin: Idx },
    Name(Idx),
}

/// The body of a function being compiled.
pub enum Body<'a> {
    Stmts(&'a [ast::Stmt]),
    Lambda(&'a ast::Expr),
}

impl<'c, 'a> Gen<'c, 'a> {
    pub fn set_line(&mut self, range: ast::text_size::TextRange) {
        self.u.line = self.ctx.source.location(range.start().to_u32()).0;
    }

    pub fn err(&self, range: ast::text_size::TextRange, msg: impl Into<String>) -> CompileError {
        CompileError::syntax(range.start().to_u32(), msg)
    }

    pub fn place(&mut self, name: &str) -> CResult<Place> {
        let scope = &self.ctx.scopes.scopes[self.u.scope];
        Ok(match scope.binding(name) {
            Binding::Local => Place::Local(self.u.vars[name]),
            Binding::Cell | Binding::Free => Place::Cell(self.u.vars[name]),
            Binding::Global => {
                let slot = self.ctx.module.slot(name);
                let slot = Idx::try_from(slot).map_err(|_| {
                    CompileError::unsupported(0, "too many global names in one module")
                })?;
                let builtin = self
                    .ctx
                    .builtins
                    .lookup_slot(name)
                    .and_then(|b| Idx::try_from(b).ok())
                    .unwrap_or(NO_BUILTIN);
                Place::Global { slot, builtin }
            }
            Binding::Name => Place::Name(self.u.name(name)?),
        })
    }

    /// Loads `name`; into `dst` if given, else wherever is cheapest (a local's own register).
    pub fn load_name(&mut self, name: &str, dst: Option<Reg>) -> CResult<Reg> {
        match self.place(name)? {
            Place::Local(r) => {
                if !self.u.is_assigned(r) {
                    self.u.emit(Instr::CheckBound { reg: r });
                    self.u.mark_assigned(r);
                }
                match dst {
                    Some(d) if d != r => {
                        self.u.emit(Instr::Move { dst: d, src: r });
                        Ok(d)
                    }
                    _ => Ok(r),
                }
            }
            Place::Cell(cell) => {
                let d = self.dst(dst)?;
                self.u.emit(Instr::LoadCell { dst: d, cell });
                Ok(d)
            }
            Place::Global { slot, builtin } => {
                let d = self.dst(dst)?;
                self.u.emit(Instr::LoadGlobal {
                    dst: d,
                    slot,
                    builtin,
                });
                Ok(d)
            }
            Place::Name(name) => {
                let d = self.dst(dst)?;
                self.u.emit(Instr::LoadName { dst: d, name });
                Ok(d)
            }
        }
    }

    pub fn store_name(&mut self, name: &str, src: Reg) -> CResult<()> {
        match self.place(name)? {
            Place::Local(r) => {
                if r != src {
                    self.u.emit(Instr::Move { dst: r, src });
                }
                self.u.mark_assigned(r);
            }
            Place::Cell(cell) => {
                self.u.emit(Instr::StoreCell { cell, src });
            }
            Place::Global { slot, .. } => {
                self.u.emit(Instr::StoreGlobal { slot, src });
            }
            Place::Name(name) => {
                self.u.emit(Instr::StoreName { name, src });
            }
        }
        Ok(())
    }

    fn delete_name(&mut self, name: &str) -> CResult<()> {
        match self.place(name)? {
            Place::Local(reg) => {
                self.u.emit(Instr::DeleteLocal { reg });
                self.u.mark_assigned(reg);
                if let Some(a) = self.u.assigned.get_mut(reg as usize) {
                    *a = false;
                }
            }
            Place::Cell(cell) => {
                self.u.emit(Instr::DeleteCell { cell });
            }
            Place::Global { slot, .. } => {
                self.u.emit(Instr::DeleteGlobal { slot });
            }
            Place::Name(name) => {
                self.u.emit(Instr::DeleteName { name });
            }
        }
        Ok(())
    }

    /// `dst` or a fresh temporary.
    pub fn dst(&mut self, dst: Option<Reg>) -> CResult<Reg> {
        match dst {
            Some(d) => Ok(d),
            None => self.u.temp(),
        }
    }

    pub fn body(&mut self, body: &'a [ast::Stmt]) -> CResult<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    pub fn stmt(&mut self, s: &'a ast::Stmt) -> CResult<()> {
        use ast::Stmt::*;
        self.set_line(s.range());
        let mark = self.u.next_temp;
        let outer_high = std::mem::replace(&mut self.u.high, mark);
        match s {
            // A `yield` statement's sent value goes nowhere.
            Expr(e) if matches!(*e.value, ast::Expr::Yield(_)) && !self.ctx.interactive => {
                self.expr(&e.value, Some(DISCARD))?;
                // `yield x * y`: when the value's register is the statement's one
                // temporary, the yield moves the value out and nothing is left to clear.
                if let Some(Instr::Yield { src, take, .. }) = self.u.instrs.last_mut() {
                    if *src == mark && self.u.high == mark + 1 {
                        *take = true;
                        self.u.high = mark;
                    }
                }
            }
            // `xs.append(x)` as a statement: the result goes nowhere (see `CallAppend`).
            Expr(e) if !self.ctx.interactive && self.statement_call(&e.value)? => {}
            Expr(e) => {
                let v = self.expr(&e.value, None)?;
                if self.ctx.interactive && self.u.kind == ScopeKind::Module {
                    self.store_name(super::unit::REPL_RESULT, v)?;
                }
            }
            Assign(a) => match parallel(a) {
                // `a, b = b, a + b`: the values go to registers of their own and from there
                // to the targets, with no tuple built and unpacked in between.
                Some((targets, values)) => {
                    let start = self.u.temps(values.len())?;
                    for (i, v) in values.iter().enumerate() {
                        self.expr(v, Some(start + i as Reg))?;
                    }
                    for (i, t) in targets.iter().enumerate() {
                        self.assign(t, start + i as Reg)?;
                    }
                }
                None => {
                    if !self.split_pair(a)? {
                        self.assign_stmt(a)?;
                    }
                }
            },
            AugAssign(a) => self.aug_assign(a)?,
            AnnAssign(a) => {
                if let Some(v) = &a.value {
                    let value = self.expr(v, None)?;
                    self.assign(&a.target, value)?;
                }
                if let ast::Expr::Name(n) = &*a.target {
                    // Module and class bodies record simple annotations; functions do not
                    // evaluate them.
                    if matches!(self.u.kind, ScopeKind::Module | ScopeKind::Class) && a.simple {
                        let ann = self.expr(&a.annotation, None)?;
                        let anns = self.load_name("__annotations__", None)?;
                        let key = self.u.temp()?;
                        let k = self.u.konst(Value::str(n.id.as_str()))?;
                        self.u.emit(Instr::LoadConst { dst: key, k });
                        self.u.emit(Instr::SetItem {
                            obj: anns,
                            key,
                            src: ann,
                        });
                    }
                } else if a.value.is_none() {
                    // `obj.attr: int` evaluates the object, like CPython.
                    if let ast::Expr::Attribute(at) = &*a.target {
                        self.expr(&at.value, None)?;
                    }
                }
            }
            Pass(_) => {}
            Return(r) => {
                if !matches!(self.u.kind, ScopeKind::Function | ScopeKind::Comprehension) {
                    return Err(self.err(r.range, "'return' outside function"));
                }
                // `return a if c else b` returns from each arm: no register for the result.
                if let (Some(ast::Expr::IfExp(i)), true) =
                    (r.value.as_deref(), self.u.cleanups.is_empty())
                {
                    let skip = self.jump_if_false(&i.test)?;
                    let mark = self.u.next_temp;
                    let a = self.expr(&i.body, None)?;
                    self.u.emit(Instr::Return { src: a });
                    self.u.free_to(mark);
                    for j in skip {
                        self.u.patch_here(j);
                    }
                    let b = self.expr(&i.orelse, None)?;
                    self.u.emit(Instr::Return { src: b });
                    self.u.free_to(mark);
                    self.u.high = self.u.high.max(outer_high);
                    self.u.free_to(mark);
                    return Ok(());
                }
                let value = match &r.value {
                    Some(v) => {
                        let v = self.expr(v, None)?;
                        if self.u.cleanups.is_empty() {
                            Some(v)
                        } else {
                            // Cleanups may overwrite locals: keep the value in a temporary.
                            let t = self.u.temp()?;
                            self.u.emit(Instr::Move { dst: t, src: v });
                            Some(t)
                        }
                    }
                    None => None,
                };
                self.unwind_cleanups(0)?;
                self.u.emit(match value {
                    Some(src) => Instr::Return { src },
                    None => Instr::ReturnNone,
                });
            }
            If(i) => self.if_stmt(i)?,
            While(w) => self.while_stmt(w)?,
            For(f) => self.for_stmt(f)?,
            Break(b) => {
                let Some(depth) = self.u.loops.last().map(|l| l.cleanup_depth) else {
                    return Err(self.err(b.range, "'break' outside loop"));
                };
                self.unwind_cleanups(depth)?;
                let j = self.u.emit(Instr::Jump { target: 0 });
                if let Some(l) = self.u.loops.last_mut() {
                    l.breaks.push(j);
                }
            }
            Continue(c) => {
                let Some((depth, target)) = self
                    .u
                    .loops
                    .last()
                    .map(|l| (l.cleanup_depth, l.continue_target))
                else {
                    return Err(self.err(c.range, "'continue' not properly in loop"));
                };
                self.unwind_cleanups(depth)?;
                self.u.emit(Instr::Jump { target });
            }
            Delete(d) => {
                for t in &d.targets {
                    self.delete(t)?;
                }
            }
            Raise(r) => {
                let exc = match &r.exc {
                    Some(e) => self.expr(e, None)?,
                    None => NO_REG,
                };
                let cause = match &r.cause {
                    Some(c) => self.expr(c, None)?,
                    None => NO_REG,
                };
                self.u.emit(Instr::Raise { exc, cause });
            }
            Assert(a) => {
                let cond = self.expr(&a.test, None)?;
                let j = self.u.emit(Instr::JumpIfTrue { cond, target: 0 });
                let t = self.u.temp()?;
                self.load_name("AssertionError", Some(t))?;
                let exc = match &a.msg {
                    Some(m) => {
                        self.expr(m, Some(t + 1))?;
                        self.u.temp()?;
                        self.u.emit(Instr::Call {
                            func: t,
                            argc: 1,
                            dst: t,
                        });
                        t
                    }
                    None => t,
                };
                self.u.emit(Instr::Raise { exc, cause: NO_REG });
                self.u.patch_here(j);
            }
            Try(t) => self.try_stmt(t)?,
            With(w) => self.with_stmt(w, 0)?,
            FunctionDef(f) => {
                let decorators = self.decorators(&f.decorator_list)?;
                self.current_returns = f.returns.as_deref();
                let func = self.function(f, f.name.as_str(), &f.args, Body::Stmts(&f.body))?;
                let func = self.apply_decorators(decorators, func)?;
                self.store_name(f.name.as_str(), func)?;
            }
            ClassDef(c) => self.class_def(c)?,
            Import(i) => {
                for alias in &i.names {
                    let t = self.u.temp()?;
                    let name = self.u.konst(Value::str(alias.name.as_str()))?;
                    match &alias.asname {
                        Some(asname) => {
                            // `import a.b as c` binds the submodule itself.
                            self.u.emit(Instr::Import {
                                dst: t,
                                name,
                                top: false,
                            });
                            self.store_name(asname.as_str(), t)?;
                        }
                        None => {
                            self.u.emit(Instr::Import {
                                dst: t,
                                name,
                                top: true,
                            });
                            let top = alias.name.as_str().split('.').next().unwrap_or("");
                            self.store_name(top, t)?;
                        }
                    }
                }
            }
            ImportFrom(i) => {
                let level = i.level.as_ref().map_or(0, |l| l.to_u32());
                if level > 0 {
                    return Err(CompileError::unsupported(
                        i.range.start().to_u32(),
                        "relative imports are not supported",
                    ));
                }
                let module_name = i.module.as_ref().map_or("", |m| m.as_str());
                let m = self.u.temp()?;
                let name = self.u.konst(Value::str(module_name))?;
                self.u.emit(Instr::Import {
                    dst: m,
                    name,
                    top: false,
                });
                for alias in &i.names {
                    if alias.name.as_str() == "*" {
                        self.u.emit(Instr::ImportStar { module: m });
                        continue;
                    }
                    let t = self.u.temp()?;
                    let name = self.u.name(alias.name.as_str())?;
                    self.u.emit(Instr::ImportFrom {
                        dst: t,
                        module: m,
                        name,
                    });
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.store_name(bound.as_str(), t)?;
                }
            }
            Global(_) | Nonlocal(_) => {}
            Match(m) => self.match_stmt(m)?,
            other => {
                return Err(CompileError::unsupported(
                    other.range().start().to_u32(),
                    "this statement is not supported",
                ))
            }
        }
        let simple = matches!(
            s,
            Expr(_)
                | Assign(_)
                | AugAssign(_)
                | AnnAssign(_)
                | Delete(_)
                | Assert(_)
                | Import(_)
                | ImportFrom(_)
        );
        if simple {
            self.clear_from(mark);
        }
        self.u.high = self.u.high.max(outer_high);
        self.u.free_to(mark);
        Ok(())
    }

    /// `targets = value`, one target or several.
    fn assign_stmt(&mut self, a: &'a ast::StmtAssign) -> CResult<()> {
        // `x = a + b` into a local computes straight into `x`'s register.
        let direct = match a.targets.as_slice() {
            [target] if writes_result_last(&a.value) => self.local_target(target)?,
            _ => None,
        };
        if let Some(r) = direct {
            self.expr(&a.value, Some(r))?;
            self.u.mark_assigned(r);
        } else {
            let value = self.expr(&a.value, None)?;
            // A local about to be overwritten must not be the value's own register
            // when there are several targets: copy it first.
            let value = if a.targets.len() > 1 && !self.u.is_temp(value) {
                let t = self.u.temp()?;
                self.u.emit(Instr::Move { dst: t, src: value });
                t
            } else {
                value
            };
            for t in &a.targets {
                self.assign(t, value)?;
            }
        }
        Ok(())
    }

    /// The start of a module or class body: `__doc__` from a leading string, and an empty
    /// `__annotations__` when the body annotates names.
    pub fn namespace_prologue(&mut self, body: &'a [ast::Stmt], module: bool) -> CResult<()> {
        let t = self.u.temp()?;
        match docstring(body) {
            Some(doc) => {
                let k = self.u.konst(Value::str(doc))?;
                self.u.emit(Instr::LoadConst { dst: t, k });
                self.store_name("__doc__", t)?;
            }
            None if module => {
                self.u.emit(Instr::LoadNone { dst: t });
                self.store_name("__doc__", t)?;
            }
            None => {}
        }
        if has_annotations(body) {
            self.u.emit(Instr::BuildDict {
                dst: t,
                start: t,
                count: 0,
            });
            self.store_name("__annotations__", t)?;
        }
        self.u.free_to(t);
        Ok(())
    }

    /// Stores the value in `src` into an assignment target.
    pub fn assign(&mut self, target: &'a ast::Expr, src: Reg) -> CResult<()> {
        use ast::Expr::*;
        match target {
            Name(n) => self.store_name(n.id.as_str(), src),
            Attribute(a) => {
                let mark = self.u.next_temp;
                let obj = self.expr(&a.value, None)?;
                let name = self.u.name(a.attr.as_str())?;
                self.u.emit(Instr::StoreAttr { obj, name, src });
                self.u.free_to(mark);
                Ok(())
            }
            Subscript(s) => {
                let mark = self.u.next_temp;
                let obj = self.expr(&s.value, None)?;
                let key = self.item_key(&s.slice)?;
                self.emit_set_item(obj, key, src);
                self.u.free_to(mark);
                Ok(())
            }
            Tuple(ast::ExprTuple { elts, .. }) | List(ast::ExprList { elts, .. }) => {
                let mark = self.u.next_temp;
                let stars: Vec<usize> = elts
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| matches!(e, Starred(_)))
                    .map(|(i, _)| i)
                    .collect();
                if stars.len() > 1 {
                    return Err(
                        self.err(target.range(), "multiple starred expressions in assignment")
                    );
                }
                if let ([a, b], None) = (elts.as_slice(), stars.first()) {
                    if let (Some(a), Some(b)) = (self.local_target(a)?, self.local_target(b)?) {
                        self.unpack_pair(src, a, b);
                        return Ok(());
                    }
                }
                let dst = self.u.temps(elts.len())?;
                match stars.first() {
                    None => {
                        self.u.emit(Instr::Unpack {
                            src,
                            dst,
                            count: elts.len() as u16,
                        });
                    }
                    Some(&star) => {
                        let after = elts.len() - star - 1;
                        if star > 255 || after > 255 {
                            return Err(CompileError::unsupported(
                                target.range().start().to_u32(),
                                "too many expressions in star-unpacking assignment",
                            ));
                        }
                        self.u.emit(Instr::UnpackStar {
                            src,
                            dst,
                            before: star as u8,
                            after: after as u8,
                        });
                    }
                }
                for (i, e) in elts.iter().enumerate() {
                    let e = match e {
                        Starred(s) => &*s.value,
                        e => e,
                    };
                    self.assign(e, dst + i as Reg)?;
                }
                self.u.free_to(mark);
                Ok(())
            }
            Starred(s) => Err(self.err(
                s.range,
                "starred assignment target must be in a list or tuple",
            )),
            other => Err(self.err(other.range(), assign_error(other, "assign to"))),
        }
    }

    fn delete(&mut self, target: &'a ast::Expr) -> CResult<()> {
        use ast::Expr::*;
        match target {
            Name(n) => self.delete_name(n.id.as_str()),
            Attribute(a) => {
                let obj = self.expr(&a.value, None)?;
                let name = self.u.name(a.attr.as_str())?;
                self.u.emit(Instr::DeleteAttr { obj, name });
                Ok(())
            }
            Subscript(s) => {
                let obj = self.expr(&s.value, None)?;
                let key = self.expr(&s.slice, None)?;
                self.u.emit(Instr::DeleteItem { obj, key });
                Ok(())
            }
            Tuple(ast::ExprTuple { elts, .. }) | List(ast::ExprList { elts, .. }) => {
                elts.iter().try_for_each(|e| self.delete(e))
            }
            other => Err(self.err(other.range(), assign_error(other, "delete"))),
        }
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult<()> {
        match &*a.target {
            ast::Expr::Name(n) => {
                let cur = self.load_name(n.id.as_str(), None)?;
                let dst = match self.place(n.id.as_str())? {
                    Place::Local(r) => r,
                    _ => self.u.temp()?,
                };
                self.emit_inplace(a, dst, cur)?;
                self.store_name(n.id.as_str(), dst)
            }
            ast::Expr::Attribute(at) => {
                let obj = self.expr(&at.value, None)?;
                let name = self.u.name(at.attr.as_str())?;
                let cur = self.u.temp()?;
                self.u.emit(Instr::LoadAttr {
                    dst: cur,
                    obj,
                    name,
                });
                self.emit_inplace(a, cur, cur)?;
                self.u.emit(Instr::StoreAttr {
                    obj,
                    name,
                    src: cur,
                });
                Ok(())
            }
            ast::Expr::Subscript(s) => {
                let obj = self.expr(&s.value, None)?;
                let key = self.item_key(&s.slice)?;
                let cur = self.u.temp()?;
                self.emit_get_item(cur, obj, key);
                self.emit_inplace(a, cur, cur)?;
                self.emit_set_item(obj, key, cur);
                Ok(())
            }
            other => Err(self.err(
                other.range(),
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    describe(other)
                ),
            )),
        }
    }

    /// `dst = cur op= value` of the augmented assignment `a`; `x += 1` and `x -= 1` take
    /// their small int as an immediate.
    fn emit_inplace(&mut self, a: &'a ast::StmtAugAssign, dst: Reg, cur: Reg) -> CResult<()> {
        let op = super::expr::binop(a.op);
        let imm = match a.op {
            ast::Operator::Add | ast::Operator::Sub => super::expr::small_int(&a.value),
            _ => None,
        };
        let instr = match (imm, super::expr::literal(&a.value)) {
            (Some(imm), _) => Instr::InplaceImm {
                op,
                dst,
                a: cur,
                imm,
            },
            // `x += 2.0`, `s += "!"`: the literal stays in the constants.
            (None, Some(c)) => Instr::InplaceConst {
                op,
                dst,
                a: cur,
                k: self
                    .u
                    .konst(super::expr::constant(&c.value, c.range.start().to_u32())?)?,
            },
            (None, None) => Instr::Inplace {
                op,
                dst,
                a: cur,
                b: self.expr(&a.value, None)?,
            },
        };
        self.u.emit(instr);
        Ok(())
    }

    fn if_stmt(&mut self, i: &'a ast::StmtIf) -> CResult<()> {
        let before = self.u.snapshot();
        let skip = self.jump_if_false(&i.test)?;
        self.body(&i.body)?;
        let after_body = self.u.snapshot();
        if i.orelse.is_empty() {
            skip.into_iter().for_each(|j| self.u.patch_here(j));
            self.u.assigned = before;
        } else {
            let end = self.u.emit(Instr::Jump { target: 0 });
            skip.into_iter().for_each(|j| self.u.patch_here(j));
            self.u.assigned = before;
            self.body(&i.orelse)?;
            self.u.meet(&after_body);
            self.u.patch_here(end);
        }
        Ok(())
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> CResult<()> {
        let before = self.u.snapshot();
        let line = self.u.line;
        let top = self.u.pc();
        let exit = self.jump_if_false(&w.test)?;
        let body = self.u.pc();
        self.u.loops.push(LoopCtx {
            continue_target: top,
            breaks: Vec::new(),
            cleanup_depth: self.u.cleanups.len(),
        });
        self.body(&w.body)?;
        // The test again at the bottom, on the `while` line, jumping back into the body.
        let body_line = std::mem::replace(&mut self.u.line, line);
        if !self.jump_back_if_true(&w.test, body)? {
            self.u.emit(Instr::Jump { target: top });
        }
        self.u.line = body_line;
        let ctx = self.u.loops.pop().unwrap_or(LoopCtx {
            continue_target: top,
            breaks: Vec::new(),
            cleanup_depth: 0,
        });
        exit.into_iter().for_each(|j| self.u.patch_here(j));
        self.u.assigned = before.clone();
        self.body(&w.orelse)?;
        for b in ctx.breaks {
            self.u.patch_here(b);
        }
        self.u.assigned = before;
        Ok(())
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor) -> CResult<()> {
        let before = self.u.snapshot();
        // The iterable is evaluated into the iterator's own register, so that clearing
        // it at the end of the loop drops the last reference the loop holds.
        let iter = self.u.temp()?;
        let src = self.expr(&f.iter, Some(iter))?;
        self.u.emit(Instr::GetIter { dst: iter, src });
        let top = self.u.pc();
        let exit = self.for_iter(iter, &f.target)?;
        self.u.cleanups.push(Cleanup::Loop);
        self.u.loops.push(LoopCtx {
            continue_target: top,
            breaks: Vec::new(),
            cleanup_depth: self.u.cleanups.len(),
        });
        self.body(&f.body)?;
        self.loop_back(top);
        let ctx = self.u.loops.pop().unwrap_or(LoopCtx {
            continue_target: top,
            breaks: Vec::new(),
            cleanup_depth: 0,
        });
        self.u.cleanups.pop();
        self.u.patch_here(exit);
        self.u.assigned = before.clone();
        if f.orelse.is_empty() {
            for b in ctx.breaks {
                self.u.patch_here(b);
            }
            self.u.emit(Instr::Clear { reg: iter });
        } else {
            self.u.emit(Instr::Clear { reg: iter });
            self.body(&f.orelse)?;
            let end = self.u.emit(Instr::Jump { target: 0 });
            for b in ctx.breaks {
                self.u.patch_here(b);
            }
            self.u.emit(Instr::Clear { reg: iter });
            self.u.patch_here(end);
        }
        self.u.assigned = before;
        Ok(())
    }

    /// `a, b = src` into the locals `a` and `b`, which are bound from then on.
    pub fn unpack_pair(&mut self, src: Reg, a: Reg, b: Reg) {
        self.u.emit(Instr::UnpackPair { src, a, b });
        self.u.mark_assigned(a);
        self.u.mark_assigned(b);
    }

    /// The register of `target` when it is a plain local name.
    pub fn local_target(&mut self, target: &ast::Expr) -> CResult<Option<Reg>> {
        Ok(match target {
            ast::Expr::Name(n) => match self.place(n.id.as_str())? {
                Place::Local(r) => Some(r),
                _ => None,
            },
            _ => None,
        })
    }

    /// The `ForIter` of a loop over `iter` binding `target`; returns it, for the exit jump
    /// to be patched. A local target receives each item straight from the iterator.
    pub fn for_iter(&mut self, iter: Reg, target: &'a ast::Expr) -> CResult<usize> {
        let local = self.local_target(target)?;
        let dst = match local {
            Some(r) => r,
            None => self.u.temp()?,
        };
        let at = self.u.emit(Instr::ForIter { iter, dst, exit: 0 });
        match local {
            Some(r) => self.u.mark_assigned(r),
            None => self.assign(target, dst)?,
        }
        Ok(at)
    }

    /// Closes the loop whose `ForIter` is at `top` with its bottom half, a
    /// [`Instr::ForIterBack`] on the `for` line; the `ForIter`'s exit is patched past it.
    pub fn loop_back(&mut self, top: Target) {
        let Instr::ForIter { iter, dst, .. } = self.u.instrs[top as usize] else {
            unreachable!("a loop closed at a non-ForIter")
        };
        let line = std::mem::replace(&mut self.u.line, self.u.lines[top as usize]);
        self.u.emit(Instr::ForIterBack {
            iter,
            dst,
            body: top + 1,
        });
        self.u.line = line;
    }

    /// Releases the temporaries from `mark` up to the high-water mark.
    pub fn clear_from(&mut self, mark: Reg) {
        if self.u.high > mark {
            self.u.emit(Instr::ClearRange {
                start: mark,
                count: self.u.high - mark,
            });
        }
    }

    /// Emits the cleanups of the blocks an early exit leaves (innermost first), down to
    /// cleanup-stack depth `down_to`.
    fn unwind_cleanups(&mut self, down_to: usize) -> CResult<()> {
        let saved = self.u.cleanups.clone();
        let (handler, depth) = (self.u.handler, self.u.except_depth);
        for i in (down_to..saved.len()).rev() {
            self.u.cleanups.truncate(i);
            match saved[i].clone() {
                Cleanup::Finally {
                    body,
                    outer_handler,
                    outer_depth,
                } => {
                    self.u.handler = outer_handler;
                    self.u.except_depth = outer_depth;
                    let assigned = self.u.snapshot();
                    self.body(body)?;
                    self.u.assigned = assigned;
                }
                Cleanup::With {
                    exit,
                    outer_handler,
                } => {
                    self.u.handler = outer_handler;
                    self.u.emit(Instr::WithExit { exit });
                }
                Cleanup::Except => {
                    self.u.emit(Instr::PopExcept);
                }
                Cleanup::Loop => {}
            }
        }
        self.u.cleanups = saved;
        self.u.handler = handler;
        self.u.except_depth = depth;
        Ok(())
    }

    fn try_stmt(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        if t.finalbody.is_empty() {
            return self.try_except(t);
        }
        let before = self.u.snapshot();
        let outer_handler = self.u.handler;
        let outer_depth = self.u.except_depth;
        let exc = self.u.temp()?;
        let h = self.u.new_handler(exc);
        self.u.handler = h;
        self.u.cleanups.push(Cleanup::Finally {
            body: &t.finalbody,
            outer_handler,
            outer_depth,
        });
        if t.handlers.is_empty() {
            self.body(&t.body)?;
            self.body(&t.orelse)?;
        } else {
            self.try_except(t)?;
        }
        self.u.cleanups.pop();
        self.u.handler = outer_handler;
        // Normal exit: run the finally body inline.
        self.u.assigned = before.clone();
        self.body(&t.finalbody)?;
        let end = self.u.emit(Instr::Jump { target: 0 });
        // Exceptional exit: run it while the exception is being handled, then re-raise.
        self.u.handlers[h as usize].target = self.u.pc();
        self.u.except_depth += 1;
        self.u.cleanups.push(Cleanup::Except);
        self.u.assigned = before.clone();
        self.body(&t.finalbody)?;
        self.u.cleanups.pop();
        self.u.except_depth = outer_depth;
        self.u.emit(Instr::Reraise { exc });
        self.u.patch_here(end);
        self.u.assigned = before;
        Ok(())
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        let before = self.u.snapshot();
        let outer_handler = self.u.handler;
        let outer_depth = self.u.except_depth;
        let exc = self.u.temp()?;
        let h = self.u.new_handler(exc);
        self.u.handler = h;
        self.body(&t.body)?;
        self.u.handler = outer_handler;
        self.body(&t.orelse)?;
        let mut ends = vec![self.u.emit(Instr::Jump { target: 0 })];
        self.u.handlers[h as usize].target = self.u.pc();
        self.u.except_depth += 1;
        self.u.cleanups.push(Cleanup::Except);
        for (i, handler) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(handler) = handler;
            self.set_line(handler.range);
            self.u.assigned = before.clone();
            let next = match &handler.type_ {
                Some(ty) => {
                    let mark = self.u.next_temp;
                    let typ = self.expr(ty, None)?;
                    let m = self.u.temp()?;
                    self.u.emit(Instr::ExcMatch { dst: m, exc, typ });
                    let j = self.u.emit(Instr::JumpIfFalse { cond: m, target: 0 });
                    self.u.free_to(mark);
                    Some(j)
                }
                None => {
                    if i + 1 != t.handlers.len() {
                        return Err(self.err(handler.range, "default 'except:' must be last"));
                    }
                    None
                }
            };
            if let Some(name) = &handler.name {
                self.store_name(name.as_str(), exc)?;
            }
            self.body(&handler.body)?;
            self.u.emit(Instr::PopExcept);
            if let Some(name) = &handler.name {
                // CPython unbinds the name so the traceback does not keep frames alive.
                self.delete_name(name.as_str())?;
            }
            ends.push(self.u.emit(Instr::Jump { target: 0 }));
            if let Some(j) = next {
                self.u.patch_here(j);
            }
        }
        self.u.cleanups.pop();
        self.u.except_depth = outer_depth;
        self.u.emit(Instr::Reraise { exc });
        for e in ends {
            self.u.patch_here(e);
        }
        self.u.assigned = before;
        Ok(())
    }

    fn with_stmt(&mut self, w: &'a ast::StmtWith, item: usize) -> CResult<()> {
        let Some(it) = w.items.get(item) else {
            return self.body(&w.body);
        };
        let before = self.u.snapshot();
        let mgr = self.expr(&it.context_expr, None)?;
        let exit = self.u.temp()?;
        let value = self.u.temp()?;
        self.u.emit(Instr::WithEnter {
            mgr,
            exit,
            dst: value,
        });
        let outer_handler = self.u.handler;
        let outer_depth = self.u.except_depth;
        let exc = self.u.temp()?;
        let h = self.u.new_handler(exc);
        self.u.handler = h;
        if let Some(v) = &it.optional_vars {
            self.assign(v, value)?;
        }
        self.u.cleanups.push(Cleanup::With {
            exit,
            outer_handler,
        });
        self.with_stmt(w, item + 1)?;
        self.u.cleanups.pop();
        self.u.handler = outer_handler;
        self.u.emit(Instr::WithExit { exit });
        let end = self.u.emit(Instr::Jump { target: 0 });
        self.u.handlers[h as usize].target = self.u.pc();
        self.u.except_depth += 1;
        let suppress = self.u.temp()?;
        self.u.emit(Instr::WithExitExc {
            exit,
            exc,
            dst: suppress,
        });
        let j = self.u.emit(Instr::JumpIfTrue {
            cond: suppress,
            target: 0,
        });
        self.u.emit(Instr::Reraise { exc });
        self.u.patch_here(j);
        self.u.emit(Instr::PopExcept);
        self.u.except_depth = outer_depth;
        self.u.patch_here(end);
        self.u.assigned = before;
        Ok(())
    }

    fn decorators(&mut self, list: &'a [ast::Expr]) -> CResult<Vec<Reg>> {
        list.iter()
            .map(|d| {
                let t = self.u.temp()?;
                self.expr(d, Some(t))
            })
            .collect()
    }

    fn apply_decorators(&mut self, decorators: Vec<Reg>, mut value: Reg) -> CResult<Reg> {
        for d in decorators.into_iter().rev() {
            let f = self.u.temps(2)?;
            self.u.emit(Instr::Move { dst: f, src: d });
            self.u.emit(Instr::Move {
                dst: f + 1,
                src: value,
            });
            self.u.emit(Instr::Call {
                func: f,
                argc: 1,
                dst: f,
            });
            value = f;
        }
        Ok(value)
    }

    fn child_qualname(&self, name: &str) -> String {
        match self.u.kind {
            ScopeKind::Module => name.to_owned(),
            ScopeKind::Class => format!("{}.{}", self.u.qualname, name),
            _ => format!("{}.<locals>.{}", self.u.qualname, name),
        }
    }

    /// Builds the closure tuple of a nested scope into `dst`.
    pub(super) fn closure(&mut self, child: usize, dst: Reg) -> CResult<()> {
        let frees = self.ctx.scopes.scopes[child].frees();
        if frees.is_empty() {
            let k = self.u.konst(Value::Undefined)?;
            self.u.emit(Instr::LoadConst { dst, k });
            return Ok(());
        }
        let start = self.u.temps(frees.len())?;
        for (i, name) in frees.iter().enumerate() {
            let Some(&r) = self.u.vars.get(name) else {
                return Err(CompileError::syntax(
                    0,
                    format!("internal: no cell for '{name}'"),
                ));
            };
            self.u.emit(Instr::Move {
                dst: start + i as Reg,
                src: r,
            });
        }
        self.u.emit(Instr::BuildTuple {
            dst,
            start,
            count: frees.len() as u16,
        });
        Ok(())
    }

    /// Compiles a function (or lambda) and leaves the function object in a temporary.
    pub fn function<T>(
        &mut self,
        node: &T,
        name: &str,
        args: &'a ast::Arguments,
        body: Body<'a>,
    ) -> CResult<Reg> {
        // Defaults are evaluated where the function is defined.
        let base = self.u.temps(3)?;
        let defaults: Vec<&ast::Expr> = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .filter_map(|a| a.default.as_deref())
            .collect();
        if defaults.is_empty() {
            let k = self.u.konst(Value::Undefined)?;
            self.u.emit(Instr::LoadConst { dst: base, k });
        } else {
            let start = self.u.temps(defaults.len())?;
            for (i, d) in defaults.iter().enumerate() {
                self.expr(d, Some(start + i as Reg))?;
            }
            self.u.emit(Instr::BuildTuple {
                dst: base,
                start,
                count: defaults.len() as u16,
            });
        }
        let kwdefaults: Vec<(&str, &ast::Expr)> = args
            .kwonlyargs
            .iter()
            .filter_map(|a| a.default.as_deref().map(|d| (a.def.arg.as_str(), d)))
            .collect();
        if kwdefaults.is_empty() {
            let k = self.u.konst(Value::Undefined)?;
            self.u.emit(Instr::LoadConst { dst: base + 1, k });
        } else {
            let start = self.u.temps(kwdefaults.len() * 2)?;
            for (i, (n, d)) in kwdefaults.iter().enumerate() {
                let k = self.u.konst(Value::str(n))?;
                self.u.emit(Instr::LoadConst {
                    dst: start + 2 * i as Reg,
                    k,
                });
                self.expr(d, Some(start + 2 * i as Reg + 1))?;
            }
            self.u.emit(Instr::BuildDict {
                dst: base + 1,
                start,
                count: kwdefaults.len() as u16,
            });
        }
        let child = self.ctx.scopes.of(node);
        self.closure(child, base + 2)?;
        let annotations = self.annotations(args, &body)?;
        let doc = match &body {
            Body::Stmts(stmts) => docstring(stmts),
            Body::Lambda(_) => None,
        };
        let code = self.compile_function(child, name, args, body)?;
        self.u.codes.push(code);
        let code = (self.u.codes.len() - 1) as Idx;
        self.u.emit(Instr::MakeFunction {
            dst: base,
            code,
            args: base,
        });
        // Rarely present, so kept as attributes set once at definition time.
        if let Some(anns) = annotations {
            let name = self.u.name("__annotations__")?;
            self.u.emit(Instr::StoreAttr {
                obj: base,
                name,
                src: anns,
            });
        }
        if let Some(doc) = doc {
            let t = self.u.temp()?;
            let k = self.u.konst(Value::str(doc))?;
            self.u.emit(Instr::LoadConst { dst: t, k });
            let name = self.u.name("__doc__")?;
            self.u.emit(Instr::StoreAttr {
                obj: base,
                name,
                src: t,
            });
        }
        Ok(base)
    }

    /// The `__annotations__` dict of a function being defined, if it annotates anything.
    fn annotations(&mut self, args: &'a ast::Arguments, body: &Body<'a>) -> CResult<Option<Reg>> {
        let returns = match body {
            Body::Stmts(_) => self.current_returns.take(),
            Body::Lambda(_) => None,
        };
        let params = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .map(|a| &a.def)
            .chain(args.vararg.as_deref())
            .chain(args.kwonlyargs.iter().map(|a| &a.def))
            .chain(args.kwarg.as_deref())
            .filter_map(|a| a.annotation.as_deref().map(|ann| (a.arg.as_str(), ann)));
        let pairs: Vec<(&str, &ast::Expr)> = params.chain(returns.map(|r| ("return", r))).collect();
        if pairs.is_empty() {
            return Ok(None);
        }
        let start = self.u.temps(pairs.len() * 2)?;
        for (i, (name, ann)) in pairs.iter().enumerate() {
            let k = self.u.konst(Value::str(name))?;
            self.u.emit(Instr::LoadConst {
                dst: start + 2 * i as Reg,
                k,
            });
            self.expr(ann, Some(start + 2 * i as Reg + 1))?;
        }
        let d = self.u.temp()?;
        self.u.emit(Instr::BuildDict {
            dst: d,
            start,
            count: pairs.len() as u16,
        });
        Ok(Some(d))
    }

    pub fn compile_function(
        &mut self,
        scope: usize,
        name: &str,
        args: &'a ast::Arguments,
        body: Body<'a>,
    ) -> CResult<std::rc::Rc<Code>> {
        let qualname = self.child_qualname(name);
        let mut unit = Unit::new(self.ctx, scope, qualname);
        let line = self.u.line;
        unit.line = line;
        let mut g = Gen {
            ctx: self.ctx,
            u: &mut unit,
            current_returns: None,
        };
        g.make_cells();
        match body {
            Body::Stmts(stmts) => {
                g.body(stmts)?;
                g.u.emit(Instr::ReturnNone);
            }
            Body::Lambda(e) => {
                let r = g.expr(e, None)?;
                g.u.emit(Instr::Return { src: r });
            }
        }
        let scope = &self.ctx.scopes.scopes[scope];
        let mut flags = CodeFlags::default();
        if args.vararg.is_some() {
            flags.insert(CodeFlags::VARARGS);
        }
        if args.kwarg.is_some() {
            flags.insert(CodeFlags::VARKW);
        }
        if scope.is_generator {
            flags.insert(CodeFlags::GENERATOR);
        }
        Ok(unit.finish(self.ctx, name, flags, Some(args)))
    }

    /// At the start of a function: locals captured by inner functions become cells.
    pub fn make_cells(&mut self) {
        let scope = &self.ctx.scopes.scopes[self.u.scope];
        let mut cells: Vec<Reg> = scope
            .bindings
            .iter()
            .filter(|(_, b)| **b == Binding::Cell)
            .filter_map(|(n, _)| self.u.vars.get(n).copied())
            .collect();
        cells.sort_unstable();
        for reg in cells {
            self.u.emit(Instr::MakeCell { reg });
        }
    }

    fn class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult<()> {
        let decorators = self.decorators(&c.decorator_list)?;
        let scope = self.ctx.scopes.of(c);
        let nkw = c.keywords.len();
        let func = self.u.temps(3 + c.bases.len() + nkw)?;
        self.u.emit(Instr::LoadBuildClass { dst: func });
        // The body, compiled as a function taking the namespace.
        let qualname = self.child_qualname(c.name.as_str());
        let mut unit = Unit::new(self.ctx, scope, qualname.clone());
        unit.line = self.u.line;
        {
            let mut g = Gen {
                ctx: self.ctx,
                u: &mut unit,
                current_returns: None,
            };
            g.make_cells();
            let t = g.u.temp()?;
            g.load_name("__name__", Some(t))?;
            let n = g.u.name("__module__")?;
            g.u.emit(Instr::StoreName { name: n, src: t });
            let k = g.u.konst(Value::str(&qualname))?;
            g.u.emit(Instr::LoadConst { dst: t, k });
            let n = g.u.name("__qualname__")?;
            g.u.emit(Instr::StoreName { name: n, src: t });
            g.u.free_to(t);
            g.namespace_prologue(&c.body, false)?;
            g.body(&c.body)?;
            let r = g.u.temp()?;
            if let Some(&cell) = g.u.vars.get("__class__") {
                let n = g.u.name("__classcell__")?;
                g.u.emit(Instr::StoreName { name: n, src: cell });
            }
            g.u.emit(Instr::LoadNone { dst: r });
            g.u.emit(Instr::Return { src: r });
        }
        let mut flags = CodeFlags::default();
        flags.insert(CodeFlags::CLASS_BODY);
        let mut code = unit.finish(self.ctx, c.name.as_str(), flags, None);
        if let Some(code) = std::rc::Rc::get_mut(&mut code) {
            code.argcount = 1;
        }
        self.u.codes.push(code);
        let code = (self.u.codes.len() - 1) as Idx;
        let args = self.u.temps(3)?;
        let k = self.u.konst(Value::Undefined)?;
        self.u.emit(Instr::LoadConst { dst: args, k });
        self.u.emit(Instr::LoadConst { dst: args + 1, k });
        self.closure(scope, args + 2)?;
        self.u.emit(Instr::MakeFunction {
            dst: func + 1,
            code,
            args,
        });
        let k = self.u.konst(Value::str(c.name.as_str()))?;
        self.u.emit(Instr::LoadConst { dst: func + 2, k });
        for (i, b) in c.bases.iter().enumerate() {
            if matches!(b, ast::Expr::Starred(_)) {
                return Err(CompileError::unsupported(
                    b.range().start().to_u32(),
                    "starred base classes are not supported",
                ));
            }
            self.expr(b, Some(func + 3 + i as Reg))?;
        }
        let mut names = Vec::new();
        for (i, k) in c.keywords.iter().enumerate() {
            let Some(arg) = &k.arg else {
                return Err(CompileError::unsupported(
                    k.range.start().to_u32(),
                    "'**' in a class statement is not supported",
                ));
            };
            names.push(Value::str(arg.as_str()));
            self.expr(&k.value, Some(func + 3 + (c.bases.len() + i) as Reg))?;
        }
        let argc = (2 + c.bases.len() + nkw) as u16;
        if names.is_empty() {
            self.u.emit(Instr::Call {
                func,
                argc,
                dst: func,
            });
        } else {
            let names = self.u.konst(Value::tuple(names))?;
            self.u.emit(Instr::CallKw {
                func,
                argc,
                names,
                dst: func,
            });
        }
        let class = self.apply_decorators(decorators, func)?;
        self.store_name(c.name.as_str(), class)
    }
}

/// The docstring of a body: its first statement, when that is a string literal.
pub fn docstring(body: &[ast::Stmt]) -> Option<&str> {
    match body.first()? {
        ast::Stmt::Expr(e) => match &*e.value {
            ast::Expr::Constant(c) => match &c.value {
                ast::Constant::Str(s) => Some(s),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// Whether a body (not counting nested functions and classes) annotates a name.
fn has_annotations(body: &[ast::Stmt]) -> bool {
    body.iter().any(|s| match s {
        ast::Stmt::AnnAssign(_) => true,
        ast::Stmt::If(i) => has_annotations(&i.body) || has_annotations(&i.orelse),
        ast::Stmt::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        ast::Stmt::While(w) => has_annotations(&w.body) || has_annotations(&w.orelse),
        ast::Stmt::With(w) => has_annotations(&w.body),
        ast::Stmt::Try(t) => {
            has_annotations(&t.body)
                || has_annotations(&t.orelse)
                || has_annotations(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    has_annotations(&h.body)
                })
        }
        _ => false,
    })
}

/// CPython's words for an expression that cannot be a target.
pub fn describe(e: &ast::Expr) -> &'static str {
    use ast::Expr::*;
    match e {
        Constant(c) => match c.value {
            ast::Constant::None => "None",
            ast::Constant::Bool(true) => "True",
            ast::Constant::Bool(false) => "False",
            ast::Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        Call(_) => "function call",
        BinOp(_) | UnaryOp(_) => "expression",
        BoolOp(_) => "expression",
        Compare(_) => "comparison",
        Lambda(_) => "lambda",
        IfExp(_) => "conditional expression",
        NamedExpr(_) => "named expression",
        Dict(_) => "dict literal",
        Set(_) => "set display",
        ListComp(_) => "list comprehension",
        SetComp(_) => "set comprehension",
        DictComp(_) => "dict comprehension",
        GeneratorExp(_) => "generator expression",
        Yield(_) | YieldFrom(_) => "yield expression",
        Await(_) => "await expression",
        JoinedStr(_) | FormattedValue(_) => "f-string expression",
        _ => "expression",
    }
}

fn assign_error(e: &ast::Expr, verb: &str) -> String {
    let what = describe(e);
    if matches!(e, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::None | ast::Constant::Bool(_) | ast::Constant::Ellipsis))
    {
        format!("cannot {verb} {what}")
    } else if verb == "assign to" {
        format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?")
    } else {
        format!("cannot {verb} {what}")
    }
}

/// The items of a tuple or list display (or target).
pub(super) fn sequence_elts(e: &ast::Expr) -> Option<&[ast::Expr]> {
    match e {
        ast::Expr::Tuple(t) => Some(&t.elts),
        ast::Expr::List(l) => Some(&l.elts),
        _ => None,
    }
}

/// The targets and values of `a, b = x, y`: one target, a tuple or list of names,
/// attributes or items, and a tuple or list of as many values, neither with a `*` part.
fn parallel(a: &ast::StmtAssign) -> Option<(&[ast::Expr], &[ast::Expr])> {
    let [target] = a.targets.as_slice() else {
        return None;
    };
    let (targets, values) = (sequence_elts(target)?, sequence_elts(&a.value)?);
    let starred = |e: &ast::Expr| matches!(e, ast::Expr::Starred(_));
    let plain = targets.len() == values.len()
        && !targets.iter().any(starred)
        && !values.iter().any(starred);
    plain.then_some((targets, values))
}

/// Whether `e`, given a local as its result register, writes that register only with its
/// last instruction (its operands go to temporaries). Then `x = e` can compute straight
/// into `x`: the operands still see the old `x`, and an exception part-way leaves it as
/// it was. `a and b`, `a if c else b` and chained comparisons write the result early.
/// Displays build their items in temporaries (or an accumulator moved out at the end),
/// so `chunk = []` is one instruction. A `yield` writes the value sent in when it is
/// resumed, and a throw or close leaves the target as it was: `x = yield total` receives
/// straight into `x`.
fn writes_result_last(e: &ast::Expr) -> bool {
    match e {
        ast::Expr::BinOp(_) | ast::Expr::Subscript(_) | ast::Expr::Call(_) => true,
        ast::Expr::Yield(_) => true,
        ast::Expr::UnaryOp(_) | ast::Expr::Constant(_) | ast::Expr::Name(_) => true,
        ast::Expr::List(_) | ast::Expr::Tuple(_) | ast::Expr::Set(_) | ast::Expr::Dict(_) => true,
        ast::Expr::Compare(c) => c.ops.len() == 1,
        _ => false,
    }
}
