//! Scope analysis: which names of each function are locals, cells, free variables, globals,
//! or (in class bodies) namespace lookups — decided before any code is generated.

use super::CompileError;
use rustpython_ast::{self as ast, Ranged};
use std::collections::HashMap;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    /// A comprehension or generator expression: a function whose walrus targets bind in
    /// the enclosing scope.
    Comprehension,
}

/// Where a name lives, once resolved.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Binding {
    Local,
    /// A local captured by an inner function: its register holds a cell.
    Cell,
    /// A variable of an enclosing function: its register holds the closure's cell.
    Free,
    Global,
    /// Class body (or module-level code): looked up by name at run time.
    Name,
}

const ASSIGNED: u8 = 1;
const PARAM: u8 = 2;
const GLOBAL: u8 = 4;
const NONLOCAL: u8 = 8;
const USED: u8 = 16;
/// The name is unbound again somewhere in the scope (`del x`, or the end of an
/// `except ... as x` block): no read of it can be known to find it bound.
const UNBINDS: u8 = 32;

pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    /// Names in order of first appearance, with their flags.
    order: Vec<String>,
    flags: HashMap<String, u8>,
    pub bindings: HashMap<String, Binding>,
    /// Parameters in declaration order.
    pub params: Vec<String>,
    pub children: Vec<usize>,
    pub parent: Option<usize>,
    pub is_generator: bool,
    /// Inside a class: the function uses `super` or `__class__` and needs the class cell.
    pub needs_class_cell: bool,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, parent: Option<usize>) -> Scope {
        Scope {
            kind,
            name: name.to_owned(),
            order: Vec::new(),
            flags: HashMap::new(),
            bindings: HashMap::new(),
            params: Vec::new(),
            children: Vec::new(),
            parent,
            is_generator: false,
            needs_class_cell: false,
        }
    }

    fn add(&mut self, name: &str, flag: u8) {
        match self.flags.get_mut(name) {
            Some(f) => *f |= flag,
            None => {
                self.order.push(name.to_owned());
                self.flags.insert(name.to_owned(), flag);
            }
        }
    }

    pub fn binding(&self, name: &str) -> Binding {
        self.bindings.get(name).copied().unwrap_or(match self.kind {
            ScopeKind::Class => Binding::Name,
            _ => Binding::Global,
        })
    }

    /// Whether the scope assigns `name` (or declares it a parameter).
    pub fn assigns(&self, name: &str) -> bool {
        self.flags
            .get(name)
            .is_some_and(|f| f & (ASSIGNED | PARAM) != 0)
    }

    /// Whether the scope unbinds `name` somewhere after binding it (`del`, `except ... as`).
    pub fn unbinds(&self, name: &str) -> bool {
        self.flags.get(name).is_some_and(|f| f & UNBINDS != 0)
    }

    /// Local variables (cells included) in order: parameters first.
    pub fn locals(&self) -> Vec<String> {
        let mut out: Vec<String> = self.params.clone();
        for name in &self.order {
            if !out.contains(name)
                && matches!(
                    self.bindings.get(name),
                    Some(Binding::Local | Binding::Cell)
                )
            {
                out.push(name.clone());
            }
        }
        out
    }

    /// Free variables, in a stable order.
    pub fn frees(&self) -> Vec<String> {
        self.order
            .iter()
            .filter(|n| self.bindings.get(*n) == Some(&Binding::Free))
            .cloned()
            .collect()
    }
}

/// All scopes of a module, keyed by the address of the AST node that opens each.
pub struct Scopes {
    pub scopes: Vec<Scope>,
    pub by_node: HashMap<usize, usize>,
}

impl Scopes {
    pub fn of<T>(&self, node: &T) -> usize {
        self.by_node[&(node as *const T as usize)]
    }
}

pub fn analyze(module: &[ast::Stmt]) -> Result<Scopes, CompileError> {
    let mut b = Builder {
        scopes: vec![Scope::new(ScopeKind::Module, "<module>", None)],
        by_node: HashMap::new(),
        current: 0,
    };
    b.stmts(module)?;
    b.resolve(0, &[])?;
    Ok(Scopes {
        scopes: b.scopes,
        by_node: b.by_node,
    })
}

struct Builder {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
    current: usize,
}

fn err(range: ast::text_size::TextRange, msg: impl Into<String>) -> CompileError {
    CompileError::syntax(range.start().to_u32(), msg)
}

impl Builder {
    fn cur(&mut self) -> &mut Scope {
        &mut self.scopes[self.current]
    }

    fn enter<T>(&mut self, node: &T, kind: ScopeKind, name: &str) -> usize {
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, name, Some(self.current)));
        self.scopes[self.current].children.push(id);
        self.by_node.insert(node as *const T as usize, id);
        let saved = self.current;
        self.current = id;
        saved
    }

    fn declare(
        &mut self,
        name: &str,
        flag: u8,
        range: ast::text_size::TextRange,
    ) -> Result<(), CompileError> {
        let scope = &self.scopes[self.current];
        if flag == ASSIGNED || flag == USED {
            if let Some(&f) = scope.flags.get(name) {
                let _ = f;
            }
        }
        if flag & (GLOBAL | NONLOCAL) != 0 {
            if let Some(&f) = scope.flags.get(name) {
                let what = if flag & GLOBAL != 0 {
                    "global"
                } else {
                    "nonlocal"
                };
                if f & PARAM != 0 {
                    return Err(err(range, format!("name '{name}' is parameter and {what}")));
                }
                if f & USED != 0 {
                    return Err(err(
                        range,
                        format!("name '{name}' is used prior to {what} declaration"),
                    ));
                }
                if f & ASSIGNED != 0 {
                    return Err(err(
                        range,
                        format!("name '{name}' is assigned to before {what} declaration"),
                    ));
                }
            }
        }
        self.cur().add(name, flag);
        Ok(())
    }

    fn stmts(&mut self, body: &[ast::Stmt]) -> Result<(), CompileError> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn args(&mut self, args: &ast::Arguments) -> Result<(), CompileError> {
        for a in args.posonlyargs.iter().chain(&args.args) {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        for a in &args.kwonlyargs {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        Ok(())
    }

    fn annotations(&mut self, args: &ast::Arguments) -> Result<(), CompileError> {
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
            .map(|a| &a.def)
            .chain(args.vararg.as_deref())
            .chain(args.kwarg.as_deref());
        for a in all {
            if let Some(ann) = &a.annotation {
                self.expr(ann)?;
            }
        }
        Ok(())
    }

    fn params(&mut self, args: &ast::Arguments) -> Result<(), CompileError> {
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
            .map(|a| &a.def)
            .collect::<Vec<_>>();
        let mut names: Vec<&ast::Arg> = all;
        // CPython's order: positional, keyword-only, then *args, then **kwargs.
        let npos = args.posonlyargs.len() + args.args.len();
        let (pos, kwonly) = names.split_at(npos);
        let mut ordered: Vec<&ast::Arg> = pos.to_vec();
        let kwonly = kwonly.to_vec();
        ordered.extend(kwonly);
        if let Some(v) = &args.vararg {
            ordered.push(v);
        }
        if let Some(k) = &args.kwarg {
            ordered.push(k);
        }
        names = ordered;
        for a in names {
            let name = a.arg.as_str();
            if self.scopes[self.current].params.iter().any(|p| p == name) {
                return Err(err(
                    a.range,
                    format!("duplicate argument '{name}' in function definition"),
                ));
            }
            self.cur().params.push(name.to_owned());
            self.cur().add(name, PARAM | ASSIGNED);
        }
        Ok(())
    }

    fn stmt(&mut self, s: &ast::Stmt) -> Result<(), CompileError> {
        use ast::Stmt::*;
        match s {
            FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(d)?;
                }
                self.args(&f.args)?;
                self.annotations(&f.args)?;
                if let Some(r) = &f.returns {
                    self.expr(r)?;
                }
                self.declare(f.name.as_str(), ASSIGNED, f.range)?;
                let saved = self.enter(f, ScopeKind::Function, f.name.as_str());
                self.params(&f.args)?;
                self.stmts(&f.body)?;
                self.current = saved;
            }
            AsyncFunctionDef(f) => return Err(err(f.range, "'async def' is not supported")),
            ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(d)?;
                }
                for b in &c.bases {
                    self.expr(b)?;
                }
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                self.declare(c.name.as_str(), ASSIGNED, c.range)?;
                let saved = self.enter(c, ScopeKind::Class, c.name.as_str());
                self.stmts(&c.body)?;
                self.current = saved;
            }
            Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v)?;
                }
            }
            Delete(d) => {
                for t in &d.targets {
                    self.target(t)?;
                    self.unbinds(t);
                }
            }
            Assign(a) => {
                self.expr(&a.value)?;
                for t in &a.targets {
                    self.target(t)?;
                }
            }
            AugAssign(a) => {
                self.expr(&a.value)?;
                if let ast::Expr::Name(n) = &*a.target {
                    self.declare(n.id.as_str(), USED, n.range)?;
                }
                self.target(&a.target)?;
            }
            AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                }
                if self.scopes[self.current].kind != ScopeKind::Function {
                    self.expr(&a.annotation)?;
                }
                self.target(&a.target)?;
            }
            For(f) => {
                self.expr(&f.iter)?;
                self.target(&f.target)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
                self.stmts(&w.orelse)?;
            }
            If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                self.stmts(&i.orelse)?;
            }
            With(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.target(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.expr(c)?;
                }
            }
            Try(t) => {
                self.stmts(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.declare(n.as_str(), ASSIGNED, h.range)?;
                        self.cur().add(n.as_str(), UNBINDS);
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.orelse)?;
                self.stmts(&t.finalbody)?;
            }
            Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            Import(i) => {
                for a in &i.names {
                    let bound = match &a.asname {
                        Some(n) => n.as_str(),
                        None => a.name.as_str().split('.').next().unwrap_or(""),
                    };
                    self.declare(bound, ASSIGNED, a.range)?;
                }
            }
            ImportFrom(i) => {
                for a in &i.names {
                    if a.name.as_str() == "*" {
                        if self.scopes[self.current].kind != ScopeKind::Module {
                            return Err(err(i.range, "import * only allowed at module level"));
                        }
                        continue;
                    }
                    let bound = a.asname.as_ref().unwrap_or(&a.name);
                    self.declare(bound.as_str(), ASSIGNED, a.range)?;
                }
            }
            Global(g) => {
                for n in &g.names {
                    self.declare(n.as_str(), GLOBAL, g.range)?;
                }
            }
            Nonlocal(n) => {
                if self.scopes[self.current].kind == ScopeKind::Module {
                    return Err(err(
                        n.range,
                        "nonlocal declaration not allowed at module level",
                    ));
                }
                for name in &n.names {
                    self.declare(name.as_str(), NONLOCAL, n.range)?;
                }
            }
            Expr(e) => self.expr(&e.value)?,
            Pass(_) | Break(_) | Continue(_) => {}
            Match(m) => {
                self.expr(&m.subject)?;
                for case in &m.cases {
                    self.pattern(&case.pattern)?;
                    if let Some(g) = &case.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&case.body)?;
                }
            }
            TryStar(t) => return Err(err(t.range, "'except*' is not supported")),
            AsyncFor(f) => return Err(err(f.range, "'async for' is not supported")),
            AsyncWith(w) => return Err(err(w.range, "'async with' is not supported")),
            TypeAlias(t) => return Err(err(t.range, "'type' statements are not supported")),
        }
        Ok(())
    }

    /// A `case` pattern: its capture names are assignments, its values and classes loads.
    fn pattern(&mut self, p: &ast::Pattern) -> Result<(), CompileError> {
        use ast::Pattern::*;
        match p {
            MatchValue(v) => self.expr(&v.value)?,
            MatchSingleton(_) => {}
            MatchSequence(s) => {
                for p in &s.patterns {
                    self.pattern(p)?;
                }
            }
            MatchMapping(m) => {
                for k in &m.keys {
                    self.expr(k)?;
                }
                for p in &m.patterns {
                    self.pattern(p)?;
                }
                if let Some(rest) = &m.rest {
                    self.declare(rest.as_str(), ASSIGNED, m.range)?;
                }
            }
            MatchClass(c) => {
                self.expr(&c.cls)?;
                for p in c.patterns.iter().chain(&c.kwd_patterns) {
                    self.pattern(p)?;
                }
            }
            MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.declare(n.as_str(), ASSIGNED, s.range)?;
                }
            }
            MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(p)?;
                }
                if let Some(n) = &a.name {
                    self.declare(n.as_str(), ASSIGNED, a.range)?;
                }
            }
            MatchOr(o) => {
                for p in &o.patterns {
                    self.pattern(p)?;
                }
            }
        }
        Ok(())
    }

    /// Flags the names a `del` target unbinds.
    fn unbinds(&mut self, t: &ast::Expr) {
        match t {
            ast::Expr::Name(n) => self.cur().add(n.id.as_str(), UNBINDS),
            ast::Expr::Tuple(t) => t.elts.iter().for_each(|e| self.unbinds(e)),
            ast::Expr::List(l) => l.elts.iter().for_each(|e| self.unbinds(e)),
            _ => {}
        }
    }

    fn target(&mut self, t: &ast::Expr) -> Result<(), CompileError> {
        use ast::Expr::*;
        match t {
            Name(n) => self.declare(n.id.as_str(), ASSIGNED, n.range),
            Tuple(t) => t.elts.iter().try_for_each(|e| self.target(e)),
            List(l) => l.elts.iter().try_for_each(|e| self.target(e)),
            Starred(s) => self.target(&s.value),
            Attribute(a) => self.expr(&a.value),
            Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)
            }
            _ => self.expr(t),
        }
    }

    fn comprehension<T>(
        &mut self,
        node: &T,
        generators: &[ast::Comprehension],
        name: &str,
        body: impl FnOnce(&mut Builder) -> Result<(), CompileError>,
        is_generator: bool,
    ) -> Result<(), CompileError> {
        // The first iterable is evaluated in the enclosing scope.
        self.expr(&generators[0].iter)?;
        let saved = self.enter(node, ScopeKind::Comprehension, name);
        self.cur().params.push(".0".to_owned());
        self.cur().add(".0", PARAM | ASSIGNED);
        self.cur().is_generator = is_generator;
        for (i, g) in generators.iter().enumerate() {
            if g.is_async {
                return Err(err(
                    g.target.range(),
                    "asynchronous comprehensions are not supported",
                ));
            }
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            for cond in &g.ifs {
                self.expr(cond)?;
            }
        }
        body(self)?;
        self.current = saved;
        Ok(())
    }

    fn expr(&mut self, e: &ast::Expr) -> Result<(), CompileError> {
        use ast::Expr::*;
        match e {
            Name(n) => {
                let name = n.id.as_str();
                self.declare(name, USED, n.range)?;
                if (name == "super" || name == "__class__") && self.in_method() {
                    self.cur().needs_class_cell = true;
                }
            }
            BoolOp(b) => b.values.iter().try_for_each(|v| self.expr(v))?,
            NamedExpr(n) => {
                self.expr(&n.value)?;
                let ast::Expr::Name(target) = &*n.target else {
                    return Err(err(
                        n.range,
                        "cannot use assignment expressions with this target",
                    ));
                };
                // A walrus inside a comprehension binds in the nearest enclosing
                // non-comprehension scope.
                let mut id = self.current;
                while self.scopes[id].kind == ScopeKind::Comprehension {
                    let name = target.id.as_str();
                    let parent = self.scopes[id].parent.unwrap_or(0);
                    let flag = if self.scopes[parent].kind == ScopeKind::Module {
                        GLOBAL
                    } else {
                        NONLOCAL
                    };
                    self.scopes[id].add(name, flag);
                    id = parent;
                }
                if self.scopes[id].kind == ScopeKind::Class && id != self.current {
                    return Err(err(n.range, "assignment expression within a comprehension cannot be used in a class body"));
                }
                self.scopes[id].add(target.id.as_str(), ASSIGNED);
            }
            BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
            }
            UnaryOp(u) => self.expr(&u.operand)?,
            Lambda(l) => {
                self.args(&l.args)?;
                let saved = self.enter(l, ScopeKind::Function, "<lambda>");
                self.params(&l.args)?;
                self.expr(&l.body)?;
                self.current = saved;
            }
            IfExp(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)?;
            }
            Dict(d) => {
                for k in d.keys.iter().flatten() {
                    self.expr(k)?;
                }
                d.values.iter().try_for_each(|v| self.expr(v))?;
            }
            Set(s) => s.elts.iter().try_for_each(|v| self.expr(v))?,
            ListComp(c) => {
                self.comprehension(c, &c.generators, "<listcomp>", |b| b.expr(&c.elt), false)?
            }
            SetComp(c) => {
                self.comprehension(c, &c.generators, "<setcomp>", |b| b.expr(&c.elt), false)?
            }
            DictComp(c) => self.comprehension(
                c,
                &c.generators,
                "<dictcomp>",
                |b| {
                    b.expr(&c.key)?;
                    b.expr(&c.value)
                },
                false,
            )?,
            GeneratorExp(c) => {
                self.comprehension(c, &c.generators, "<genexpr>", |b| b.expr(&c.elt), true)?
            }
            Await(a) => return Err(err(a.range, "'await' is not supported")),
            Yield(y) => {
                self.mark_generator(y.range)?;
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
            }
            YieldFrom(y) => {
                self.mark_generator(y.range)?;
                self.expr(&y.value)?;
            }
            Compare(c) => {
                self.expr(&c.left)?;
                c.comparators.iter().try_for_each(|v| self.expr(v))?;
            }
            Call(c) => {
                self.expr(&c.func)?;
                c.args.iter().try_for_each(|v| self.expr(v))?;
                c.keywords.iter().try_for_each(|k| self.expr(&k.value))?;
            }
            FormattedValue(f) => {
                self.expr(&f.value)?;
                if let Some(s) = &f.format_spec {
                    self.expr(s)?;
                }
            }
            JoinedStr(j) => j.values.iter().try_for_each(|v| self.expr(v))?,
            Constant(_) => {}
            Attribute(a) => self.expr(&a.value)?,
            Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
            }
            Starred(s) => self.expr(&s.value)?,
            List(l) => l.elts.iter().try_for_each(|v| self.expr(v))?,
            Tuple(t) => t.elts.iter().try_for_each(|v| self.expr(v))?,
            Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(part)?;
                }
            }
        }
        Ok(())
    }

    fn mark_generator(&mut self, range: ast::text_size::TextRange) -> Result<(), CompileError> {
        match self.scopes[self.current].kind {
            ScopeKind::Function | ScopeKind::Comprehension => {
                self.cur().is_generator = true;
                Ok(())
            }
            _ => Err(err(range, "'yield' outside function")),
        }
    }

    /// Whether the current scope is a function nested (directly or through functions) in
    /// a class.
    fn in_method(&self) -> bool {
        let mut id = self.current;
        while let Some(parent) = self.scopes[id].parent {
            if self.scopes[id].kind == ScopeKind::Module || self.scopes[id].kind == ScopeKind::Class
            {
                return false;
            }
            if self.scopes[parent].kind == ScopeKind::Class {
                return true;
            }
            id = parent;
        }
        false
    }

    /// Resolves the names of scope `id`, given the names bound by enclosing functions, and
    /// records which of its locals inner scopes capture.
    fn resolve(&mut self, id: usize, enclosing: &[String]) -> Result<(), CompileError> {
        let kind = self.scopes[id].kind;
        let names: Vec<(String, u8)> = self.scopes[id]
            .order
            .iter()
            .map(|n| (n.clone(), self.scopes[id].flags[n]))
            .collect();
        for (name, f) in &names {
            let binding = if f & GLOBAL != 0 {
                Binding::Global
            } else if f & NONLOCAL != 0 {
                if !enclosing.contains(name) {
                    return Err(CompileError::syntax(
                        0,
                        format!("no binding for nonlocal '{name}' found"),
                    ));
                }
                Binding::Free
            } else if f & (ASSIGNED | PARAM) != 0 {
                match kind {
                    ScopeKind::Module | ScopeKind::Class => Binding::Name,
                    _ => Binding::Local,
                }
            } else if enclosing.contains(name) {
                Binding::Free
            } else {
                match kind {
                    ScopeKind::Class | ScopeKind::Module => Binding::Name,
                    _ => Binding::Global,
                }
            };
            self.scopes[id].bindings.insert(name.clone(), binding);
        }
        if kind == ScopeKind::Module {
            // Module-level names are globals, looked up by slot.
            for b in self.scopes[id].bindings.values_mut() {
                if *b == Binding::Name {
                    *b = Binding::Global;
                }
            }
        }
        if self.scopes[id].needs_class_cell {
            self.scopes[id].add("__class__", USED);
            self.scopes[id]
                .bindings
                .insert("__class__".to_owned(), Binding::Free);
        }
        // Names visible to inner functions: enclosing ones plus this function's locals.
        let mut inner_env = enclosing.to_vec();
        match kind {
            ScopeKind::Function | ScopeKind::Comprehension => {
                for (name, b) in &self.scopes[id].bindings {
                    if matches!(b, Binding::Local | Binding::Free) && !inner_env.contains(name) {
                        inner_env.push(name.clone());
                    }
                }
            }
            ScopeKind::Class => inner_env.push("__class__".to_owned()),
            ScopeKind::Module => {}
        }
        let children = self.scopes[id].children.clone();
        for child in children {
            self.resolve(child, &inner_env)?;
            // Whatever the child takes from outside and this scope binds becomes a cell here
            // (or passes through as a free variable).
            let frees = self.scopes[child].frees();
            for name in frees {
                let own = self.scopes[id].bindings.get(&name).copied();
                match (kind, own) {
                    (ScopeKind::Function | ScopeKind::Comprehension, Some(Binding::Local)) => {
                        self.scopes[id].bindings.insert(name, Binding::Cell);
                    }
                    (_, Some(Binding::Cell | Binding::Free)) => {}
                    (ScopeKind::Class, _) if name == "__class__" => {
                        self.scopes[id].add("__class__", ASSIGNED);
                        self.scopes[id].bindings.insert(name, Binding::Cell);
                    }
                    _ => {
                        self.scopes[id].add(&name, USED);
                        self.scopes[id].bindings.insert(name, Binding::Free);
                    }
                }
            }
        }
        Ok(())
    }
}
