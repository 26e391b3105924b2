//! Code generation for expressions. `expr(e, dst)` leaves the value in `dst` when given,
//! else in whatever register is cheapest — a local's own register needs no move.

use super::code::{self, *};
use super::scope::{Binding, ScopeKind};
use super::stmt::{Body, Gen, Place};
use super::unit::{CResult, Unit};
use super::CompileError;
use crate::script::object::Value;
use rustpython_ast as ast;

/// A subscript's key: a small int literal goes in the instruction itself.
#[derive(Clone, Copy)]
pub enum ItemKey {
    Imm(i16),
    Reg(Reg),
}

/// `e` when it is a literal number, text or bytes: an operand that can ride in an
/// instruction as a constant.
pub(super) fn literal(e: &ast::Expr) -> Option<&ast::ExprConstant> {
    match e {
        ast::Expr::Constant(c)
            if matches!(
                c.value,
                ast::Constant::Int(_)
                    | ast::Constant::Float(_)
                    | ast::Constant::Str(_)
                    | ast::Constant::Bytes(_)
            ) =>
        {
            Some(c)
        }
        _ => None,
    }
}

/// The operand of `b` that is not a literal number, text or bytes when the other one is,
/// with that literal and whether it is the left one (`rev`).
fn constant_side(b: &ast::ExprBinOp) -> Option<(&ast::Expr, &ast::ExprConstant, bool)> {
    match (literal(&b.right), literal(&b.left)) {
        (Some(c), _) => Some((&*b.left, c, false)),
        (None, Some(c)) => Some((&*b.right, c, true)),
        (None, None) => None,
    }
}

/// An int literal that fits an immediate operand.
pub(super) fn small_int(e: &ast::Expr) -> Option<i16> {
    match e {
        ast::Expr::Constant(c) => match &c.value {
            ast::Constant::Int(i) => i16::try_from(i).ok(),
            _ => None,
        },
        _ => None,
    }
}

pub fn binop(op: ast::Operator) -> BinOp {
    use ast::Operator::*;
    match op {
        Add => BinOp::Add,
        Sub => BinOp::Sub,
        Mult => BinOp::Mul,
        MatMult => BinOp::MatMul,
        Div => BinOp::TrueDiv,
        Mod => BinOp::Mod,
        Pow => BinOp::Pow,
        LShift => BinOp::LShift,
        RShift => BinOp::RShift,
        BitOr => BinOp::Or,
        BitXor => BinOp::Xor,
        BitAnd => BinOp::And,
        FloorDiv => BinOp::FloorDiv,
    }
}

fn cmpop(op: ast::CmpOp) -> CmpOp {
    use ast::CmpOp::*;
    match op {
        Eq => CmpOp::Eq,
        NotEq => CmpOp::Ne,
        Lt => CmpOp::Lt,
        LtE => CmpOp::Le,
        Gt => CmpOp::Gt,
        GtE => CmpOp::Ge,
        Is => CmpOp::Is,
        IsNot => CmpOp::IsNot,
        In => CmpOp::In,
        NotIn => CmpOp::NotIn,
    }
}

pub(super) fn constant(c: &ast::Constant, at: u32) -> CResult<Value> {
    use ast::Constant::*;
    Ok(match c {
        None => Value::None,
        Bool(b) => Value::bool(*b),
        Str(s) => Value::str(s),
        Bytes(b) => Value::Bytes(std::rc::Rc::new(crate::script::object::Bytes::new(
            b.clone(),
            false,
        ))),
        Int(i) => Value::from_bigint(i.clone()),
        Float(f) => Value::float(*f),
        Tuple(items) => Value::tuple(
            items
                .iter()
                .map(|c| constant(c, at))
                .collect::<CResult<Vec<_>>>()?,
        ),
        Ellipsis => Value::Ellipsis,
        Complex { .. } => {
            return Err(CompileError::unsupported(
                at,
                "complex numbers are not supported",
            ))
        }
    })
}

impl<'c, 'a> Gen<'c, 'a> {
    pub fn expr(&mut self, e: &'a ast::Expr, dst: Option<Reg>) -> CResult<Reg> {
        use ast::Expr::*;
        match e {
            Name(n) => self.load_name(n.id.as_str(), dst),
            Constant(c) => {
                let d = self.dst(dst)?;
                match &c.value {
                    ast::Constant::None => {
                        self.u.emit(Instr::LoadNone { dst: d });
                    }
                    ast::Constant::Int(i) if i32::try_from(i).is_ok() => {
                        let value = i32::try_from(i).unwrap_or_default();
                        self.u.emit(Instr::LoadInt { dst: d, value });
                    }
                    other => {
                        let v = constant(other, c.range.start().to_u32())?;
                        let k = self.u.konst(v)?;
                        self.u.emit(Instr::LoadConst { dst: d, k });
                    }
                }
                Ok(d)
            }
            BinOp(b)
                if b.op == ast::Operator::Sub && small_int(&b.right).is_some()
                    || b.op == ast::Operator::Add
                        && (small_int(&b.right).is_some() || small_int(&b.left).is_some()) =>
            {
                // One operand is a small int literal: it becomes an immediate. Int and float
                // addition commute, so `1 + x` is `x + 1` unless `x` is neither (`rev`).
                let (operand, imm, rev) = match small_int(&b.right) {
                    Some(imm) => (&*b.left, imm, false),
                    None => (&*b.right, small_int(&b.left).unwrap_or(0), true),
                };
                let mark = self.u.next_temp;
                let a = self.expr(operand, None)?;
                let d = self.result_reg(dst, a, mark)?;
                self.u.emit(match b.op {
                    ast::Operator::Add => Instr::AddImm {
                        dst: d,
                        a,
                        imm,
                        rev,
                    },
                    _ => Instr::SubImm { dst: d, a, imm },
                });
                Ok(d)
            }
            BinOp(b) => {
                if let Some((operand, c, rev)) = constant_side(b) {
                    // One operand is a literal: it stays in the constants, not a register.
                    let value = constant(&c.value, c.range.start().to_u32())?;
                    let mark = self.u.next_temp;
                    let a = self.expr(operand, None)?;
                    let k = self.u.konst(value)?;
                    let d = self.result_reg(dst, a, mark)?;
                    let op = binop(b.op);
                    self.u.emit(Instr::BinaryConst {
                        op,
                        dst: d,
                        a,
                        k,
                        rev,
                    });
                    return Ok(d);
                }
                let mark = self.u.next_temp;
                let a = self.expr(&b.left, None)?;
                let r = self.expr(&b.right, None)?;
                let d = self.result_reg(dst, a, mark)?;
                let instr = match binop(b.op) {
                    code::BinOp::Add => Instr::Add { dst: d, a, b: r },
                    code::BinOp::Sub => Instr::Sub { dst: d, a, b: r },
                    code::BinOp::Mul => Instr::Mul { dst: d, a, b: r },
                    op => Instr::Binary {
                        op,
                        dst: d,
                        a,
                        b: r,
                    },
                };
                self.u.emit(instr);
                Ok(d)
            }
            UnaryOp(u) => {
                if let (ast::UnaryOp::USub, Constant(c)) = (u.op, &*u.operand) {
                    let negated = match &c.value {
                        ast::Constant::Int(i) => Some(Value::from_bigint(-i.clone())),
                        ast::Constant::Float(f) => Some(Value::float(-f)),
                        _ => None,
                    };
                    if let Some(v) = negated {
                        let d = self.dst(dst)?;
                        match v {
                            Value::Int(i) if i32::try_from(i).is_ok() => {
                                self.u.emit(Instr::LoadInt {
                                    dst: d,
                                    value: i as i32,
                                });
                            }
                            v => {
                                let k = self.u.konst(v)?;
                                self.u.emit(Instr::LoadConst { dst: d, k });
                            }
                        }
                        return Ok(d);
                    }
                }
                let d = self.dst(dst)?;
                let src = self.expr(&u.operand, None)?;
                let op = match u.op {
                    ast::UnaryOp::Not => code::UnaryOp::Not,
                    ast::UnaryOp::USub => code::UnaryOp::Neg,
                    ast::UnaryOp::UAdd => code::UnaryOp::Pos,
                    ast::UnaryOp::Invert => code::UnaryOp::Invert,
                };
                self.u.emit(Instr::Unary { op, dst: d, src });
                Ok(d)
            }
            BoolOp(b) => {
                let d = self.dst(dst)?;
                let mut jumps = Vec::new();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v, Some(d))?;
                    if i + 1 < b.values.len() {
                        let j = match b.op {
                            ast::BoolOp::And => Instr::JumpIfFalse { cond: d, target: 0 },
                            ast::BoolOp::Or => Instr::JumpIfTrue { cond: d, target: 0 },
                        };
                        jumps.push(self.u.emit(j));
                    }
                }
                for j in jumps {
                    self.u.patch_here(j);
                }
                Ok(d)
            }
            Compare(c) => self.compare(c, dst),
            IfExp(i) => {
                let d = self.dst(dst)?;
                let skip = self.jump_if_false(&i.test)?;
                self.expr(&i.body, Some(d))?;
                let end = self.u.emit(Instr::Jump { target: 0 });
                for j in skip {
                    self.u.patch_here(j);
                }
                self.expr(&i.orelse, Some(d))?;
                self.u.patch_here(end);
                Ok(d)
            }
            Call(c) => self.call(c, dst),
            Attribute(a) => {
                // A computed object is built in the result register and replaced by the
                // attribute: `getcurrent().parent` must not keep the greenlet alive in a
                // register. A local is read in place.
                let local = match &*a.value {
                    ast::Expr::Name(n) => match self.place(n.id.as_str())? {
                        super::stmt::Place::Local(r) if self.u.is_assigned(r) => Some(r),
                        _ => None,
                    },
                    _ => None,
                };
                let d = self.dst(dst)?;
                let obj = match local {
                    Some(r) => r,
                    None => self.expr(&a.value, Some(d))?,
                };
                let name = self.u.name(a.attr.as_str())?;
                self.u.emit(Instr::LoadAttr { dst: d, obj, name });
                Ok(d)
            }
            Subscript(s) => {
                let d = self.dst(dst)?;
                let mark = self.u.next_temp;
                let obj = self.expr(&s.value, None)?;
                let key = self.item_key(&s.slice)?;
                self.u.free_to(mark.max(d + 1));
                self.emit_get_item(d, obj, key);
                Ok(d)
            }
            Slice(s) => {
                let d = self.dst(dst)?;
                let start = self.u.temps(3)?;
                for (i, part) in [&s.lower, &s.upper, &s.step].into_iter().enumerate() {
                    match part {
                        Some(p) => self.expr(p, Some(start + i as Reg))?,
                        None => self.u.emit(Instr::LoadNone {
                            dst: start + i as Reg,
                        }) as Reg,
                    };
                }
                self.u.emit(Instr::BuildSlice { dst: d, start });
                Ok(d)
            }
            Tuple(t) => self.sequence(&t.elts, dst, Seq::Tuple),
            List(l) => self.sequence(&l.elts, dst, Seq::List),
            Set(s) => self.sequence(&s.elts, dst, Seq::Set),
            Dict(d) => self.dict(d, dst),
            JoinedStr(j) => {
                let d = self.dst(dst)?;
                if j.values.is_empty() {
                    let k = self.u.konst(Value::str(""))?;
                    self.u.emit(Instr::LoadConst { dst: d, k });
                    return Ok(d);
                }
                let start = self.u.temps(j.values.len())?;
                for (i, v) in j.values.iter().enumerate() {
                    self.expr(v, Some(start + i as Reg))?;
                }
                self.u.emit(Instr::BuildString {
                    dst: d,
                    start,
                    count: j.values.len() as u16,
                });
                Ok(d)
            }
            FormattedValue(f) => {
                let d = self.dst(dst)?;
                let src = self.expr(&f.value, None)?;
                let spec = match &f.format_spec {
                    Some(s) => self.expr(s, None)?,
                    None => NO_REG,
                };
                let conv = f.conversion.to_byte().unwrap_or(0);
                self.u.emit(Instr::FormatValue {
                    dst: d,
                    src,
                    conv,
                    spec,
                });
                Ok(d)
            }
            Lambda(l) => {
                let f = self.function(l, "<lambda>", &l.args, Body::Lambda(&l.body))?;
                self.move_to(f, dst)
            }
            NamedExpr(n) => {
                let d = self.dst(dst)?;
                self.expr(&n.value, Some(d))?;
                let ast::Expr::Name(target) = &*n.target else {
                    return Err(self.err(
                        n.range,
                        "cannot use assignment expressions with this target",
                    ));
                };
                self.store_name(target.id.as_str(), d)?;
                Ok(d)
            }
            ListComp(c) => {
                self.comprehension(c, &c.generators, "<listcomp>", Comp::List(&c.elt), dst)
            }
            SetComp(c) => self.comprehension(c, &c.generators, "<setcomp>", Comp::Set(&c.elt), dst),
            DictComp(c) => self.comprehension(
                c,
                &c.generators,
                "<dictcomp>",
                Comp::Dict(&c.key, &c.value),
                dst,
            ),
            GeneratorExp(c) => {
                self.comprehension(c, &c.generators, "<genexpr>", Comp::Gen(&c.elt), dst)
            }
            Yield(y) => {
                self.check_yield(y.range)?;
                // A `yield` statement receives into DISCARD, which no instruction reads.
                let d = match dst {
                    Some(DISCARD) => DISCARD,
                    _ => self.dst(dst)?,
                };
                let src = match &y.value {
                    Some(v) => self.expr(v, None)?,
                    None => {
                        // Never into a local receiving the value: a throw at the yield
                        // must leave it as it was.
                        let none = if d == DISCARD || !self.u.is_temp(d) {
                            self.u.temp()?
                        } else {
                            d
                        };
                        self.u.emit(Instr::LoadNone { dst: none });
                        none
                    }
                };
                self.u.emit(Instr::Yield {
                    dst: d,
                    src,
                    take: false,
                });
                Ok(d)
            }
            YieldFrom(y) => {
                self.check_yield(y.range)?;
                let d = self.dst(dst)?;
                let src = self.expr(&y.value, None)?;
                let iter = self.u.temp()?;
                self.u.emit(Instr::GetIter { dst: iter, src });
                self.u.emit(Instr::LoadNone { dst: d });
                self.u.emit(Instr::YieldFrom { dst: d, iter });
                Ok(d)
            }
            Starred(s) => Err(self.err(s.range, "can't use starred expression here")),
            Await(a) => Err(CompileError::unsupported(
                a.range.start().to_u32(),
                "'await' is not supported",
            )),
        }
    }

    fn check_yield(&self, range: ast::text_size::TextRange) -> CResult<()> {
        match self.u.kind {
            ScopeKind::Function | ScopeKind::Comprehension => Ok(()),
            _ => Err(self.err(range, "'yield' outside function")),
        }
    }

    fn move_to(&mut self, src: Reg, dst: Option<Reg>) -> CResult<Reg> {
        match dst {
            Some(d) if d != src => {
                self.u.emit(Instr::Move { dst: d, src });
                Ok(d)
            }
            _ => Ok(src),
        }
    }

    /// Evaluates `e` into exactly register `dst` (a local is copied there).
    pub fn expr_at(&mut self, e: &'a ast::Expr, dst: Reg) -> CResult<()> {
        let r = self.expr(e, Some(dst))?;
        if r != dst {
            self.u.emit(Instr::Move { dst, src: r });
        }
        Ok(())
    }

    /// Compiles a subscript's key, as an immediate when it is a small int literal.
    pub fn item_key(&mut self, slice: &'a ast::Expr) -> CResult<ItemKey> {
        Ok(match small_int(slice) {
            Some(i) => ItemKey::Imm(i),
            None => ItemKey::Reg(self.expr(slice, None)?),
        })
    }

    /// `dst = obj[key]`.
    pub fn emit_get_item(&mut self, dst: Reg, obj: Reg, key: ItemKey) {
        self.u.emit(match key {
            ItemKey::Imm(index) => Instr::GetItemImm { dst, obj, index },
            ItemKey::Reg(key) => Instr::GetItem { dst, obj, key },
        });
    }

    /// `obj[key] = src`.
    pub fn emit_set_item(&mut self, obj: Reg, key: ItemKey, src: Reg) {
        self.u.emit(match key {
            ItemKey::Imm(index) => Instr::SetItemImm { obj, index, src },
            ItemKey::Reg(key) => Instr::SetItem { obj, key, src },
        });
    }

    /// Where an operation's result goes: `dst` when requested, else the first operand's
    /// temporary (so a nested expression needs one register per level, which is what a
    /// deep recursion pays for each frame), else a new temporary. Frees what is above it.
    fn result_reg(&mut self, dst: Option<Reg>, first: Reg, mark: Reg) -> CResult<Reg> {
        let d = match dst {
            Some(d) => d,
            None if first >= mark && self.u.is_temp(first) => first,
            None => {
                self.u.free_to(mark);
                self.u.temp()?
            }
        };
        if d >= mark {
            self.u.free_to(d + 1);
        } else {
            self.u.free_to(mark);
        }
        Ok(d)
    }

    /// Jumps (to be patched to the false branch) taken when `e` is false.
    pub fn jump_if_false(&mut self, e: &'a ast::Expr) -> CResult<Vec<usize>> {
        let mark = self.u.next_temp;
        let jumps = match e {
            // `while True:` and `while 1:` test nothing; a false constant always jumps.
            ast::Expr::Constant(c) if constant_truth(&c.value).is_some() => {
                if constant_truth(&c.value) == Some(true) {
                    Vec::new()
                } else {
                    vec![self.u.emit(Instr::Jump { target: 0 })]
                }
            }
            ast::Expr::Compare(c) if c.ops.len() == 1 => vec![self.compare_jump(c, false, 0)?],
            ast::Expr::BoolOp(b) if b.op == ast::BoolOp::And => {
                let mut all = Vec::new();
                for v in &b.values {
                    all.extend(self.jump_if_false(v)?);
                }
                all
            }
            ast::Expr::BoolOp(b) if b.op == ast::BoolOp::Or && b.values.len() > 1 => {
                // Each operand but the last: false goes on to the next one, true jumps
                // over the rest to the code that follows (the body of an `if`).
                let mut to_body = Vec::new();
                let (last, init) = (
                    &b.values[b.values.len() - 1],
                    &b.values[..b.values.len() - 1],
                );
                for v in init {
                    let next = self.jump_if_false(v)?;
                    to_body.push(self.u.emit(Instr::Jump { target: 0 }));
                    next.into_iter().for_each(|j| self.u.patch_here(j));
                }
                let jumps = self.jump_if_false(last)?;
                to_body.into_iter().for_each(|j| self.u.patch_here(j));
                jumps
            }
            ast::Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => {
                let cond = self.expr(&u.operand, None)?;
                vec![self.u.emit(Instr::JumpIfTrue { cond, target: 0 })]
            }
            _ => {
                let cond = self.expr(e, None)?;
                vec![self.u.emit(Instr::JumpIfFalse { cond, target: 0 })]
            }
        };
        self.u.free_to(mark);
        Ok(jumps)
    }

    /// A loop's test repeated at its bottom as one conditional jump back to `body`, the
    /// body's first instruction, so that a round runs the test and no jump to it. False
    /// (nothing emitted) when the test has no one-jump form or holds code of its own (a
    /// lambda, a comprehension) that compiling twice would duplicate.
    pub fn jump_back_if_true(&mut self, e: &'a ast::Expr, body: Target) -> CResult<bool> {
        if !repeatable(e) {
            return Ok(false);
        }
        let mark = self.u.next_temp;
        match e {
            ast::Expr::Constant(_) | ast::Expr::BoolOp(_) => return Ok(false),
            ast::Expr::Compare(c) if c.ops.len() == 1 => {
                self.compare_jump(c, true, body)?;
            }
            ast::Expr::Compare(_) => return Ok(false),
            ast::Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => {
                let cond = self.expr(&u.operand, None)?;
                self.u.emit(Instr::JumpIfFalse { cond, target: body });
            }
            _ => {
                let cond = self.expr(e, None)?;
                self.u.emit(Instr::JumpIfTrue { cond, target: body });
            }
        }
        self.u.free_to(mark);
        Ok(true)
    }

    /// The one-operator comparison `c` fused with a jump to `target` taken when its truth
    /// is `when`; a small int on the right rides in the instruction. Returns the jump.
    fn compare_jump(
        &mut self,
        c: &'a ast::ExprCompare,
        when: bool,
        target: Target,
    ) -> CResult<usize> {
        let op = cmpop(c.ops[0]);
        let a = self.expr(&c.left, None)?;
        let imm = small_int(&c.comparators[0]).filter(|_| {
            !matches!(
                c.ops[0],
                ast::CmpOp::In | ast::CmpOp::NotIn | ast::CmpOp::Is | ast::CmpOp::IsNot
            )
        });
        let instr = match (imm, when) {
            (Some(imm), false) => Instr::JumpIfNotCompareImm { op, a, imm, target },
            (Some(imm), true) => Instr::JumpIfCompareImm { op, a, imm, target },
            (None, when) => {
                let b = self.expr(&c.comparators[0], None)?;
                match when {
                    false => Instr::JumpIfNotCompare { op, a, b, target },
                    true => Instr::JumpIfCompare { op, a, b, target },
                }
            }
        };
        Ok(self.u.emit(instr))
    }

    fn compare(&mut self, c: &'a ast::ExprCompare, dst: Option<Reg>) -> CResult<Reg> {
        let d = self.dst(dst)?;
        let mark = self.u.next_temp;
        let mut left = self.expr(&c.left, None)?;
        let mut exits = Vec::new();
        for (i, (op, right)) in c.ops.iter().zip(&c.comparators).enumerate() {
            let last = i + 1 == c.ops.len();
            let r = if last {
                self.expr(right, None)?
            } else {
                // The middle operand is evaluated once and used twice.
                let t = self.u.temp()?;
                self.expr(right, Some(t))?
            };
            self.u.emit(Instr::Compare {
                op: cmpop(*op),
                dst: d,
                a: left,
                b: r,
            });
            if !last {
                exits.push(self.u.emit(Instr::JumpIfFalse { cond: d, target: 0 }));
            }
            left = r;
        }
        for j in exits {
            self.u.patch_here(j);
        }
        self.u.free_to(mark.max(d + 1));
        Ok(d)
    }

    fn sequence(&mut self, elts: &'a [ast::Expr], dst: Option<Reg>, kind: Seq) -> CResult<Reg> {
        let d = self.dst(dst)?;
        let mark = self.u.next_temp;
        let starred = elts.iter().any(|e| matches!(e, ast::Expr::Starred(_)));
        if !starred {
            let start = self.u.temps(elts.len())?;
            for (i, e) in elts.iter().enumerate() {
                self.expr(e, Some(start + i as Reg))?;
            }
            let count = elts.len() as u16;
            self.u.emit(match kind {
                Seq::Tuple => Instr::BuildTuple {
                    dst: d,
                    start,
                    count,
                },
                Seq::List => Instr::BuildList {
                    dst: d,
                    start,
                    count,
                },
                Seq::Set => Instr::BuildSet {
                    dst: d,
                    start,
                    count,
                },
            });
            self.u.free_to(mark.max(d + 1));
            return Ok(d);
        }
        // With `*x` items: build a list (or set) incrementally.
        let acc = self.u.temp()?;
        let item = self.u.temp()?;
        match kind {
            Seq::Set => self.u.emit(Instr::BuildSet {
                dst: acc,
                start: item,
                count: 0,
            }),
            _ => self.u.emit(Instr::BuildList {
                dst: acc,
                start: item,
                count: 0,
            }),
        };
        for e in elts {
            match e {
                ast::Expr::Starred(s) => {
                    let v = self.expr(&s.value, Some(item))?;
                    self.u.emit(match kind {
                        Seq::Set => Instr::SetUpdate { set: acc, src: v },
                        _ => Instr::ListExtend { list: acc, src: v },
                    });
                }
                e => {
                    let v = self.expr(e, Some(item))?;
                    self.u.emit(match kind {
                        Seq::Set => Instr::SetAdd { set: acc, item: v },
                        _ => Instr::ListAppend { list: acc, item: v },
                    });
                }
            }
        }
        match kind {
            Seq::Tuple => self.u.emit(Instr::ListToTuple { dst: d, src: acc }),
            _ => self.u.emit(Instr::Move { dst: d, src: acc }),
        };
        self.u.free_to(mark.max(d + 1));
        Ok(d)
    }

    fn dict(&mut self, d: &'a ast::ExprDict, dst: Option<Reg>) -> CResult<Reg> {
        let out = self.dst(dst)?;
        let mark = self.u.next_temp;
        if d.keys.iter().all(Option::is_some) {
            let start = self.u.temps(d.keys.len() * 2)?;
            for (i, (k, v)) in d.keys.iter().zip(&d.values).enumerate() {
                if let Some(k) = k {
                    self.expr(k, Some(start + 2 * i as Reg))?;
                }
                self.expr(v, Some(start + 2 * i as Reg + 1))?;
            }
            self.u.emit(Instr::BuildDict {
                dst: out,
                start,
                count: d.keys.len() as u16,
            });
        } else {
            let acc = self.u.temp()?;
            let kv = self.u.temps(2)?;
            self.u.emit(Instr::BuildDict {
                dst: acc,
                start: kv,
                count: 0,
            });
            for (k, v) in d.keys.iter().zip(&d.values) {
                match k {
                    Some(k) => {
                        self.expr(k, Some(kv))?;
                        self.expr(v, Some(kv + 1))?;
                        self.u.emit(Instr::DictInsert {
                            dict: acc,
                            key: kv,
                            value: kv + 1,
                        });
                    }
                    None => {
                        let src = self.expr(v, Some(kv))?;
                        self.u.emit(Instr::DictUpdate {
                            dict: acc,
                            src,
                            func: NO_REG,
                        });
                    }
                }
            }
            self.u.emit(Instr::Move { dst: out, src: acc });
        }
        self.u.free_to(mark.max(out + 1));
        Ok(out)
    }

    fn call(&mut self, c: &'a ast::ExprCall, dst: Option<Reg>) -> CResult<Reg> {
        let saved_line = self.u.line;
        let mark = self.u.next_temp;
        let starred = c.args.iter().any(|a| matches!(a, ast::Expr::Starred(_)))
            || c.keywords.iter().any(|k| k.arg.is_none());
        if starred {
            let func = self.u.temp()?;
            let d = dst.unwrap_or(func);
            self.expr(&c.func, Some(func))?;
            let result = self.call_ex(func, &c.args, &c.keywords)?;
            self.u.line = self.ctx.source.location(c.range.start().to_u32()).0;
            self.u.emit(Instr::CallEx {
                func,
                args: result.0,
                kwargs: result.1,
                dst: d,
            });
            self.u.line = saved_line;
            self.u.free_to(mark.max(d + 1));
            return Ok(d);
        }
        if let Some(d) = self.fused_call(c, dst)? {
            self.u.line = saved_line;
            return Ok(d);
        }
        let nargs = c.args.len() + c.keywords.len();
        let (func, method, extra) = match &*c.func {
            ast::Expr::Attribute(a) => {
                let f = self.u.temps(2 + nargs)?;
                // A temporary object is built in the receiver slot, which the method
                // lookup overwrites: no register keeps it beyond the call.
                let obj = match &*a.value {
                    ast::Expr::Name(n)
                        if matches!(self.place(n.id.as_str())?, super::stmt::Place::Local(_)) =>
                    {
                        self.expr(&a.value, None)?
                    }
                    _ => self.expr(&a.value, Some(f + 1))?,
                };
                let name = self.u.name(a.attr.as_str())?;
                self.u.emit(Instr::LoadMethod { dst: f, obj, name });
                (f, true, Vec::new())
            }
            ast::Expr::Name(n)
                if c.args.is_empty()
                    && c.keywords.is_empty()
                    && self.namespace_call(n.id.as_str()).is_some() =>
            {
                let kind = self.namespace_call(n.id.as_str()).unwrap_or(0);
                let d = dst.unwrap_or(mark);
                if dst.is_none() {
                    self.u.temp()?;
                }
                self.u.emit(Instr::LoadNamespace { dst: d, kind });
                self.u.line = saved_line;
                return Ok(d);
            }
            ast::Expr::Name(n)
                if n.id.as_str() == "super" && c.args.is_empty() && self.zero_arg_super() =>
            {
                let f = self.u.temps(3)?;
                self.load_name("super", Some(f))?;
                self.load_name("__class__", Some(f + 1))?;
                let first = self.ctx.scopes.scopes[self.u.scope].params[0].clone();
                self.load_name(&first, Some(f + 2))?;
                (f, false, vec![f + 1, f + 2])
            }
            other => {
                let f = self.u.temps(1 + nargs)?;
                self.expr(other, Some(f))?;
                (f, false, Vec::new())
            }
        };
        // Without a requested destination the result lands in the callee's register.
        let d = dst.unwrap_or(func);
        let first_arg = func + if method { 2 } else { 1 } + extra.len() as Reg;
        if !extra.is_empty() {
            self.u.temps(extra.len())?;
        }
        for (i, a) in c.args.iter().enumerate() {
            self.expr(a, Some(first_arg + i as Reg))?;
        }
        let mut names = Vec::new();
        for (i, k) in c.keywords.iter().enumerate() {
            let name = k.arg.as_ref().map(|a| a.as_str()).unwrap_or_default();
            if names
                .iter()
                .any(|n: &Value| n.as_str().is_some_and(|s| s.as_str() == name))
            {
                return Err(self.err(k.range, format!("keyword argument repeated: {name}")));
            }
            names.push(Value::str(name));
            self.expr(&k.value, Some(first_arg + (c.args.len() + i) as Reg))?;
        }
        let argc = (nargs + extra.len()) as u16;
        self.u.line = self.ctx.source.location(c.range.start().to_u32()).0;
        let instr = match (method, names.is_empty()) {
            (false, true) => Instr::Call { func, argc, dst: d },
            (true, true) => Instr::CallMethod { func, argc, dst: d },
            (m, false) => {
                let names = self.u.konst(Value::tuple(names))?;
                if m {
                    Instr::CallMethodKw {
                        func,
                        argc,
                        names,
                        dst: d,
                    }
                } else {
                    Instr::CallKw {
                        func,
                        argc,
                        names,
                        dst: d,
                    }
                }
            }
        };
        self.u.emit(instr);
        self.u.line = saved_line;
        self.u.free_to(mark.max(d + 1));
        Ok(d)
    }

    /// `len(x)` and `obj.append(x)` as one instruction each ([`Instr::CallLen`],
    /// [`Instr::CallAppend`]), which handles the common case (the built-in `len`, a list)
    /// without a call and otherwise makes the call the general sequence would. Only with
    /// locals as operands: reading a local has no effects, so reading it before `len` or
    /// `.append` is looked up, where the general sequence looks them up first, cannot be
    /// told apart.
    fn fused_call(&mut self, c: &'a ast::ExprCall, dst: Option<Reg>) -> CResult<Option<Reg>> {
        let ([arg], true) = (c.args.as_slice(), c.keywords.is_empty()) else {
            return Ok(None);
        };
        let Some(arg) = self.local_name(arg)? else {
            return Ok(None);
        };
        let mark = self.u.next_temp;
        let d = match &*c.func {
            // A module that binds `len` itself would take the call every time.
            ast::Expr::Name(n)
                if n.id.as_str() == "len" && !self.ctx.scopes.scopes[0].assigns("len") =>
            {
                let Place::Global { slot, builtin } = self.place("len")? else {
                    return Ok(None);
                };
                if builtin == NO_BUILTIN {
                    return Ok(None);
                }
                let func = self.u.temps(2)?;
                let src = self.load_name(arg, None)?;
                let dst = dst.unwrap_or(func);
                self.u.line = self.ctx.source.location(c.range.start().to_u32()).0;
                self.u.emit(Instr::CallLen {
                    func,
                    src,
                    dst,
                    slot,
                    builtin,
                });
                dst
            }
            // The argument must be known to be bound: a check that could raise would come
            // before the method's lookup (which raises first in the general sequence).
            ast::Expr::Attribute(a) if a.attr.as_str() == "append" => {
                let Some(obj) = self.local_name(&a.value)? else {
                    return Ok(None);
                };
                if !self.bound_local(&c.args[0])? {
                    return Ok(None);
                }
                let func = self.u.temps(3)?;
                let obj = self.load_name(obj, None)?;
                let src = self.load_name(arg, None)?;
                let name = self.u.name("append")?;
                let dst = dst.unwrap_or(func);
                self.u.line = self.ctx.source.location(c.range.start().to_u32()).0;
                self.u.emit(Instr::CallAppend {
                    func,
                    obj,
                    src,
                    dst,
                    name,
                });
                dst
            }
            _ => return Ok(None),
        };
        self.u
            .free_to(if d == DISCARD { mark } else { mark.max(d + 1) });
        Ok(Some(d))
    }

    /// Compiles the expression statement `e` when it is a fused `xs.append(x)`, whose
    /// result is then discarded: a `CallAppend` to `DISCARD` skips the `ClearRange` that
    /// ends the statement when its fast path leaves the temporaries untouched.
    pub fn statement_call(&mut self, e: &'a ast::Expr) -> CResult<bool> {
        match e {
            ast::Expr::Call(c) if matches!(&*c.func, ast::Expr::Attribute(a) if a.attr.as_str() == "append") => {
                Ok(self.fused_call(c, Some(DISCARD))?.is_some())
            }
            _ => Ok(false),
        }
    }

    /// `a, b = obj.split(sep)` with locals `a`, `b` and `obj`, and `sep` a literal string
    /// or a local: a `CallSplitPair` and the `UnpackPair` it skips when it splits a `str`
    /// itself. `obj.split` is looked up after `sep` is read rather than before, which, as
    /// for the fused calls, cannot be told apart. False when the statement has another
    /// shape (nothing emitted).
    pub fn split_pair(&mut self, s: &'a ast::StmtAssign) -> CResult<bool> {
        let ([target], ast::Expr::Call(c)) = (s.targets.as_slice(), &*s.value) else {
            return Ok(false);
        };
        let Some(elts) = super::stmt::sequence_elts(target) else {
            return Ok(false);
        };
        let ([ta, tb], [sep], true, ast::Expr::Attribute(method)) =
            (elts, c.args.as_slice(), c.keywords.is_empty(), &*c.func)
        else {
            return Ok(false);
        };
        // A separator that reading can neither change nor fail on: a literal, or a local
        // known to be bound (no check that could raise before the method's lookup).
        let literal_sep =
            matches!(sep, ast::Expr::Constant(k) if matches!(k.value, ast::Constant::Str(_)));
        if method.attr.as_str() != "split" || !(literal_sep || self.bound_local(sep)?) {
            return Ok(false);
        }
        let Some(obj) = self.local_name(&method.value)? else {
            return Ok(false);
        };
        let (Some(a), Some(b)) = (self.local_target(ta)?, self.local_target(tb)?) else {
            return Ok(false);
        };
        let func = self.u.temps(3)?;
        let obj = self.load_name(obj, None)?;
        self.expr(sep, Some(func + 2))?;
        let name = self.u.name("split")?;
        // The call's errors on its own line, the unpacking's on the statement's.
        let line = self.u.line;
        self.u.line = self.ctx.source.location(c.range.start().to_u32()).0;
        self.u.emit(Instr::CallSplitPair { func, obj, name });
        self.u.line = line;
        self.unpack_pair(func, a, b);
        Ok(true)
    }

    /// Whether `e` is a local known to be bound here: reading it has no effect and cannot
    /// fail.
    fn bound_local(&mut self, e: &'a ast::Expr) -> CResult<bool> {
        Ok(match e {
            ast::Expr::Name(n) => match self.place(n.id.as_str())? {
                Place::Local(r) => self.u.is_assigned(r),
                _ => false,
            },
            _ => false,
        })
    }

    /// The name `e` is, when it is a local variable of the code being compiled.
    fn local_name(&mut self, e: &'a ast::Expr) -> CResult<Option<&'a str>> {
        Ok(match e {
            ast::Expr::Name(n) if matches!(self.place(n.id.as_str())?, Place::Local(_)) => {
                Some(n.id.as_str())
            }
            _ => None,
        })
    }

    /// `globals()`, `locals()`, `vars()` and `dir()` without arguments read the running
    /// code's namespace, which only the compiler knows: the kind of namespace, when the
    /// name is the builtin (not rebound by the module).
    fn namespace_call(&self, name: &str) -> Option<u8> {
        let kind = match name {
            "globals" => 0,
            "locals" | "vars" => 1,
            "dir" => 2,
            _ => return None,
        };
        let scope = &self.ctx.scopes.scopes[self.u.scope];
        let module = &self.ctx.scopes.scopes[0];
        let builtin =
            matches!(scope.binding(name), Binding::Global | Binding::Name) && !module.assigns(name);
        builtin.then_some(kind)
    }

    /// Whether `super()` here means the zero-argument form (inside a method, `super` not
    /// rebound locally).
    fn zero_arg_super(&self) -> bool {
        let scope = &self.ctx.scopes.scopes[self.u.scope];
        scope.bindings.get("__class__") == Some(&Binding::Free)
            && !scope.params.is_empty()
            && matches!(scope.binding("super"), Binding::Global)
    }

    /// Builds the positional tuple and keyword dict of a call with `*`/`**`.
    fn call_ex(
        &mut self,
        func: Reg,
        args: &'a [ast::Expr],
        keywords: &'a [ast::Keyword],
    ) -> CResult<(Reg, Reg)> {
        let list = self.u.temp()?;
        let item = self.u.temp()?;
        self.u.emit(Instr::BuildList {
            dst: list,
            start: item,
            count: 0,
        });
        for a in args {
            match a {
                ast::Expr::Starred(s) => {
                    let v = self.expr(&s.value, Some(item))?;
                    self.u.emit(Instr::ListExtend { list, src: v });
                }
                a => {
                    let v = self.expr(a, Some(item))?;
                    self.u.emit(Instr::ListAppend { list, item: v });
                }
            }
        }
        self.u.emit(Instr::ListToTuple {
            dst: list,
            src: list,
        });
        if keywords.is_empty() {
            let k = self.u.konst(Value::Undefined)?;
            self.u.emit(Instr::LoadConst { dst: item, k });
            return Ok((list, item));
        }
        let dict = item;
        let kv = self.u.temps(2)?;
        self.u.emit(Instr::BuildDict {
            dst: dict,
            start: kv,
            count: 0,
        });
        for k in keywords {
            match &k.arg {
                Some(name) => {
                    let c = self.u.konst(Value::str(name.as_str()))?;
                    self.u.emit(Instr::LoadConst { dst: kv, k: c });
                    self.expr(&k.value, Some(kv + 1))?;
                    let tmp = self.u.temp()?;
                    self.u.emit(Instr::BuildDict {
                        dst: tmp,
                        start: kv,
                        count: 1,
                    });
                    self.u.emit(Instr::DictUpdate {
                        dict,
                        src: tmp,
                        func,
                    });
                }
                None => {
                    let v = self.expr(&k.value, Some(kv))?;
                    self.u.emit(Instr::DictUpdate { dict, src: v, func });
                }
            }
        }
        Ok((list, dict))
    }

    fn comprehension<T>(
        &mut self,
        node: &T,
        generators: &'a [ast::Comprehension],
        name: &str,
        kind: Comp<'a>,
        dst: Option<Reg>,
    ) -> CResult<Reg> {
        let scope = self.ctx.scopes.of(node);
        let f = self.u.temps(4)?;
        // `f`: the function; `f+1`: the first iterable's iterator, its only argument.
        let src = self.expr(&generators[0].iter, None)?;
        let k = self.u.konst(Value::Undefined)?;
        self.u.emit(Instr::LoadConst { dst: f + 1, k });
        self.u.emit(Instr::LoadConst { dst: f + 2, k });
        self.closure(scope, f + 3)?;
        let qualname = match self.u.kind {
            ScopeKind::Module => name.to_owned(),
            ScopeKind::Class => format!("{}.{}", self.u.qualname, name),
            _ => format!("{}.<locals>.{}", self.u.qualname, name),
        };
        let mut unit = Unit::new(self.ctx, scope, qualname);
        unit.line = self.u.line;
        {
            let mut g = Gen {
                ctx: self.ctx,
                u: &mut unit,
                current_returns: None,
            };
            g.make_cells();
            g.comprehension_body(generators, 0, &kind)?;
        }
        let mut flags = CodeFlags::default();
        if matches!(kind, Comp::Gen(_)) {
            flags.insert(CodeFlags::GENERATOR);
        }
        let mut code = unit.finish(self.ctx, name, flags, None);
        if let Some(code) = std::rc::Rc::get_mut(&mut code) {
            code.argcount = 1;
        }
        self.u.codes.push(code);
        let code = (self.u.codes.len() - 1) as Idx;
        self.u.emit(Instr::MakeFunction {
            dst: f,
            code,
            args: f + 1,
        });
        self.u.emit(Instr::GetIter { dst: f + 1, src });
        let d = self.dst(dst)?;
        self.u.emit(Instr::Call {
            func: f,
            argc: 1,
            dst: d,
        });
        Ok(d)
    }

    /// The body of a comprehension function: register 0 is the iterator argument.
    fn comprehension_body(
        &mut self,
        generators: &'a [ast::Comprehension],
        level: usize,
        kind: &Comp<'a>,
    ) -> CResult<()> {
        let acc = if level == 0 {
            let acc = self.u.temp()?;
            let empty = self.u.next_temp;
            match kind {
                Comp::List(_) => {
                    self.u.emit(Instr::BuildList {
                        dst: acc,
                        start: empty,
                        count: 0,
                    });
                }
                Comp::Set(_) => {
                    self.u.emit(Instr::BuildSet {
                        dst: acc,
                        start: empty,
                        count: 0,
                    });
                }
                Comp::Dict(..) => {
                    self.u.emit(Instr::BuildDict {
                        dst: acc,
                        start: empty,
                        count: 0,
                    });
                }
                Comp::Gen(_) => {
                    self.u.emit(Instr::LoadNone { dst: acc });
                }
            }
            acc
        } else {
            // The accumulator is always the first temporary.
            self.u.nfixed
        };
        let g = &generators[level];
        let iter = if level == 0 {
            0
        } else {
            let src = self.expr(&g.iter, None)?;
            let it = self.u.temp()?;
            self.u.emit(Instr::GetIter { dst: it, src });
            it
        };
        let top = self.u.pc();
        let exit = self.for_iter(iter, &g.target)?;
        let mut skips = Vec::new();
        for cond in &g.ifs {
            skips.extend(self.jump_if_false(cond)?);
        }
        if level + 1 < generators.len() {
            let mark = self.u.next_temp;
            self.comprehension_body(generators, level + 1, kind)?;
            self.u.free_to(mark);
        } else {
            let mark = self.u.next_temp;
            match kind {
                Comp::List(e) => {
                    let v = self.expr(e, None)?;
                    self.u.emit(Instr::ListAppend { list: acc, item: v });
                }
                Comp::Set(e) => {
                    let v = self.expr(e, None)?;
                    self.u.emit(Instr::SetAdd { set: acc, item: v });
                }
                Comp::Dict(k, v) => {
                    let key = self.expr(k, None)?;
                    let value = self.expr(v, None)?;
                    self.u.emit(Instr::DictInsert {
                        dict: acc,
                        key,
                        value,
                    });
                }
                Comp::Gen(e) => {
                    let v = self.expr(e, None)?;
                    self.u.emit(Instr::Yield {
                        dst: DISCARD,
                        src: v,
                        take: self.u.is_temp(v),
                    });
                }
            }
            self.u.free_to(mark);
        }
        for j in skips {
            self.u.patch(j, top);
        }
        self.loop_back(top);
        self.u.patch_here(exit);
        if level == 0 {
            self.u.emit(Instr::Return { src: acc });
        }
        Ok(())
    }
}

#[derive(Clone, Copy)]
enum Seq {
    Tuple,
    List,
    Set,
}

enum Comp<'a> {
    List(&'a ast::Expr),
    Set(&'a ast::Expr),
    Dict(&'a ast::Expr, &'a ast::Expr),
    Gen(&'a ast::Expr),
}

/// Whether `e` may be compiled a second time: it holds no code of its own (a lambda, a
/// comprehension), no yield, and no assignment.
fn repeatable(e: &ast::Expr) -> bool {
    use ast::Expr::*;
    match e {
        Name(_) | Constant(_) => true,
        Attribute(a) => repeatable(&a.value),
        Subscript(s) => repeatable(&s.value) && repeatable(&s.slice),
        Slice(s) => [&s.lower, &s.upper, &s.step]
            .into_iter()
            .all(|p| p.as_deref().is_none_or(repeatable)),
        BinOp(b) => repeatable(&b.left) && repeatable(&b.right),
        UnaryOp(u) => repeatable(&u.operand),
        BoolOp(b) => b.values.iter().all(repeatable),
        Compare(c) => repeatable(&c.left) && c.comparators.iter().all(repeatable),
        Call(c) => {
            repeatable(&c.func)
                && c.args.iter().all(repeatable)
                && c.keywords.iter().all(|k| repeatable(&k.value))
        }
        Tuple(t) => t.elts.iter().all(repeatable),
        IfExp(i) => repeatable(&i.test) && repeatable(&i.body) && repeatable(&i.orelse),
        _ => false,
    }
}

/// The truth of a constant whose truth is plain (booleans, None, ints).
fn constant_truth(c: &ast::Constant) -> Option<bool> {
    match c {
        ast::Constant::Bool(b) => Some(*b),
        ast::Constant::None => Some(false),
        ast::Constant::Int(i) => Some(i.sign() != num_bigint::Sign::NoSign),
        _ => None,
    }
}
