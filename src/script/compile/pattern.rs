//! `match` statements. Each case's pattern compiles to tests that jump to the next case on
//! failure: value and singleton patterns compare, structural patterns ask the VM to write
//! the subject's parts into registers (`MatchSequence`, `MatchMapping`, `MatchClass`, each
//! followed by the jump taken when the subject does not fit) and match the parts in
//! turn. Names a pattern captures are bound only once the whole pattern has matched, as in
//! CPython.

use super::code::{CmpOp, Instr, Reg};
use super::stmt::Gen;
use super::unit::CResult;
use crate::script::object::Value;
use crate::script::vm::pattern::NO_STAR;
use rustpython_ast as ast;
use rustpython_ast::Ranged;

/// The names a pattern binds, each with the register holding its value.
type Captures<'a> = Vec<(&'a str, Reg)>;

/// Where a failed test jumps: patched to the next case.
type Fails = Vec<usize>;

impl<'c, 'a> Gen<'c, 'a> {
    pub fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> CResult<()> {
        let before = self.u.snapshot();
        let mark = self.u.next_temp;
        let subject = self.u.temp()?;
        self.expr_at(&m.subject, subject)?;
        let mut ends = Vec::new();
        for (i, case) in m.cases.iter().enumerate() {
            if case.guard.is_none() && i + 1 < m.cases.len() {
                if let Some(what) = irrefutable(&case.pattern) {
                    return Err(self.err(
                        case.pattern.range(),
                        format!("{what} makes remaining patterns unreachable"),
                    ));
                }
            }
            self.u.assigned = before.clone();
            let case_mark = self.u.next_temp;
            let mut fails = Fails::new();
            let mut captures = Captures::new();
            self.pattern(&case.pattern, subject, &mut fails, &mut captures)?;
            for (name, reg) in captures {
                self.store_name(name, reg)?;
            }
            if let Some(guard) = &case.guard {
                fails.extend(self.jump_if_false(guard)?);
            }
            // The case matched: the subject and the parts are no longer needed.
            self.clear_from(mark);
            self.body(&case.body)?;
            ends.push(self.u.emit(Instr::Jump { target: 0 }));
            fails.into_iter().for_each(|j| self.u.patch_here(j));
            self.u.free_to(case_mark);
        }
        self.clear_from(mark);
        ends.into_iter().for_each(|j| self.u.patch_here(j));
        // A name bound in some case is not bound on every path.
        self.u.assigned = before;
        self.u.free_to(mark);
        Ok(())
    }

    fn capture(
        &self,
        at: &ast::Pattern,
        caps: &mut Captures<'a>,
        name: &'a str,
        reg: Reg,
    ) -> CResult<()> {
        if caps.iter().any(|(n, _)| *n == name) {
            return Err(self.err(
                at.range(),
                format!("multiple assignments to name '{name}' in pattern"),
            ));
        }
        caps.push((name, reg));
        Ok(())
    }

    /// Emits a structural test writing `count` parts from a fresh register on; the VM
    /// skips the jump that follows when the subject fits. Returns the first part.
    fn structural(
        &mut self,
        count: u16,
        fails: &mut Fails,
        test: impl FnOnce(Reg) -> Instr,
    ) -> CResult<Reg> {
        let first = self.u.temps(count as usize)?;
        self.u.emit(test(first));
        fails.push(self.u.emit(Instr::Jump { target: 0 }));
        Ok(first)
    }

    /// Matches the value in `subject` against `p`.
    fn pattern(
        &mut self,
        p: &'a ast::Pattern,
        subject: Reg,
        fails: &mut Fails,
        caps: &mut Captures<'a>,
    ) -> CResult<()> {
        use ast::Pattern::*;
        self.set_line(p.range());
        match p {
            MatchValue(v) => {
                let value = self.expr(&v.value, None)?;
                fails.push(self.u.emit(Instr::JumpIfNotCompare {
                    op: CmpOp::Eq,
                    a: subject,
                    b: value,
                    target: 0,
                }));
            }
            MatchSingleton(s) => {
                let c = self.u.temp()?;
                match &s.value {
                    ast::Constant::Bool(b) => {
                        let k = self.u.konst(Value::bool(*b))?;
                        self.u.emit(Instr::LoadConst { dst: c, k });
                    }
                    _ => {
                        self.u.emit(Instr::LoadNone { dst: c });
                    }
                }
                fails.push(self.u.emit(Instr::JumpIfNotCompare {
                    op: CmpOp::Is,
                    a: subject,
                    b: c,
                    target: 0,
                }));
            }
            MatchAs(a) => {
                if let Some(inner) = &a.pattern {
                    self.pattern(inner, subject, fails, caps)?;
                }
                if let Some(name) = &a.name {
                    self.capture(p, caps, name.as_str(), subject)?;
                }
            }
            MatchStar(_) => {
                return Err(self.err(p.range(), "can't use starred name here"));
            }
            MatchSequence(s) => {
                let stars: Vec<usize> = (0..s.patterns.len())
                    .filter(|&i| matches!(s.patterns[i], MatchStar(_)))
                    .collect();
                if stars.len() > 1 {
                    return Err(self.err(p.range(), "multiple starred names in sequence pattern"));
                }
                let count = self.count(p, s.patterns.len())?;
                let star = stars.first().map_or(NO_STAR, |&i| i as u16);
                let first = self.structural(count, fails, |dst| Instr::MatchSequence {
                    dst,
                    src: subject,
                    count,
                    star,
                })?;
                for (i, sub) in s.patterns.iter().enumerate() {
                    let reg = first + i as Reg;
                    match sub {
                        MatchStar(st) => {
                            if let Some(name) = &st.name {
                                self.capture(sub, caps, name.as_str(), reg)?;
                            }
                        }
                        _ => self.pattern(sub, reg, fails, caps)?,
                    }
                }
            }
            MatchMapping(m) => {
                let count = self.count(p, m.keys.len())?;
                let Ok(n) = u8::try_from(count) else {
                    return Err(super::CompileError::unsupported(
                        p.range().start().to_u32(),
                        "more than 255 keys in one mapping pattern",
                    ));
                };
                check_literal_keys(self, &m.keys)?;
                let keys = self.u.temps(count as usize)?;
                for (i, key) in m.keys.iter().enumerate() {
                    self.expr_at(key, keys + i as Reg)?;
                }
                let parts = count + u16::from(m.rest.is_some());
                let first = self.structural(parts, fails, |dst| Instr::MatchMapping {
                    dst,
                    src: subject,
                    keys,
                    count: n,
                    rest: m.rest.is_some(),
                })?;
                for (i, sub) in m.patterns.iter().enumerate() {
                    self.pattern(sub, first + i as Reg, fails, caps)?;
                }
                if let Some(rest) = &m.rest {
                    self.capture(p, caps, rest.as_str(), first + count)?;
                }
            }
            MatchClass(c) => {
                let npos = self.count(p, c.patterns.len())?;
                let nkw = self.count(p, c.kwd_attrs.len())?;
                let cls = self.u.temps(2)?;
                self.expr_at(&c.cls, cls)?;
                let names = c
                    .kwd_attrs
                    .iter()
                    .map(|a| Value::Str(crate::script::object::str::intern(a.as_str())))
                    .collect();
                let k = self.u.konst(Value::tuple(names))?;
                self.u.emit(Instr::LoadConst { dst: cls + 1, k });
                let first = self.structural(npos + nkw, fails, |dst| Instr::MatchClass {
                    dst,
                    src: subject,
                    cls,
                    npos,
                })?;
                for (i, sub) in c.patterns.iter().chain(&c.kwd_patterns).enumerate() {
                    self.pattern(sub, first + i as Reg, fails, caps)?;
                }
            }
            MatchOr(o) => self.or_pattern(p, o, subject, fails, caps)?,
        }
        Ok(())
    }

    /// `p1 | p2 | ...`: each alternative binds the same names, into shared registers.
    fn or_pattern(
        &mut self,
        p: &'a ast::Pattern,
        o: &'a ast::PatternMatchOr,
        subject: Reg,
        fails: &mut Fails,
        caps: &mut Captures<'a>,
    ) -> CResult<()> {
        let mut matched = Vec::new();
        let mut shared: Option<Captures<'a>> = None;
        let last = o.patterns.len().saturating_sub(1);
        for (i, alt) in o.patterns.iter().enumerate() {
            if let (true, Some(what)) = (i < last, irrefutable(alt)) {
                let msg = format!("{what} makes remaining patterns unreachable");
                return Err(self.err(alt.range(), msg));
            }
            let mut alt_fails = Fails::new();
            let mut alt_caps = Captures::new();
            self.pattern(alt, subject, &mut alt_fails, &mut alt_caps)?;
            match &shared {
                None => {
                    let mut regs = Captures::new();
                    for (name, reg) in alt_caps {
                        let r = self.u.temp()?;
                        self.u.emit(Instr::Move { dst: r, src: reg });
                        regs.push((name, r));
                    }
                    shared = Some(regs);
                }
                Some(regs) => {
                    let same = regs.len() == alt_caps.len()
                        && regs
                            .iter()
                            .all(|(n, _)| alt_caps.iter().any(|(m, _)| m == n));
                    if !same {
                        return Err(
                            self.err(p.range(), "alternative patterns bind different names")
                        );
                    }
                    for (name, r) in regs.clone() {
                        if let Some(&(_, src)) = alt_caps.iter().find(|(m, _)| *m == name) {
                            self.u.emit(Instr::Move { dst: r, src });
                        }
                    }
                }
            }
            if i < last {
                matched.push(self.u.emit(Instr::Jump { target: 0 }));
                alt_fails.into_iter().for_each(|j| self.u.patch_here(j));
            } else {
                fails.extend(alt_fails);
            }
        }
        matched.into_iter().for_each(|j| self.u.patch_here(j));
        for (name, reg) in shared.unwrap_or_default() {
            self.capture(p, caps, name, reg)?;
        }
        Ok(())
    }

    fn count(&self, p: &ast::Pattern, n: usize) -> CResult<u16> {
        u16::try_from(n).map_err(|_| {
            super::CompileError::unsupported(p.range().start().to_u32(), "pattern too large")
        })
    }
}

/// What makes `p` match anything ("name capture 'x'" or "wildcard"), if it does.
fn irrefutable(p: &ast::Pattern) -> Option<String> {
    match p {
        ast::Pattern::MatchAs(a) if a.pattern.is_none() => Some(match &a.name {
            Some(n) => format!("name capture '{}'", n.as_str()),
            None => "wildcard".to_owned(),
        }),
        ast::Pattern::MatchOr(o) => o.patterns.iter().find_map(irrefutable),
        _ => None,
    }
}

/// CPython rejects a mapping pattern naming the same literal key twice at compile time;
/// keys from value patterns (`Color.RED`) are only known at run time and checked there.
fn check_literal_keys(g: &Gen<'_, '_>, keys: &[ast::Expr]) -> CResult<()> {
    fn literal(k: &ast::Expr) -> Option<&ast::Constant> {
        match k {
            ast::Expr::Constant(c) => Some(&c.value),
            _ => None,
        }
    }
    for (i, key) in keys.iter().enumerate() {
        let Some(value) = literal(key) else { continue };
        if keys[..i]
            .iter()
            .any(|earlier| literal(earlier) == Some(value))
        {
            let shown = match value {
                ast::Constant::Str(s) => crate::script::vm::repr::str_repr(s),
                ast::Constant::Bytes(b) => crate::script::vm::repr::bytes_repr(b, false),
                ast::Constant::Float(f) => crate::script::vm::repr::float_repr(*f),
                ast::Constant::Int(n) => n.to_string(),
                ast::Constant::Bool(b) => if *b { "True" } else { "False" }.to_owned(),
                _ => "None".to_owned(),
            };
            let msg = format!("mapping pattern checks duplicate key ({shown})");
            return Err(g.err(key.range(), msg));
        }
    }
    Ok(())
}
