//! The compiler: scope analysis, then register bytecode for each function, class body and
//! module.

pub mod code;
mod expr;
mod pattern;
pub mod scope;
mod stmt;
mod unit;

use crate::script::object::Module;
use code::{Code, Source};
use rustpython_ast as ast;
use std::rc::Rc;

/// What kind of error the compiler reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompileErrorKind {
    Syntax,
    /// Valid Python that this interpreter does not support yet.
    NotImplemented,
}

/// A compile-time error at a byte offset of the source.
#[derive(Debug, Clone)]
pub struct CompileError {
    pub kind: CompileErrorKind,
    pub offset: u32,
    pub message: String,
}

impl CompileError {
    pub fn syntax(offset: u32, message: impl Into<String>) -> CompileError {
        CompileError {
            kind: CompileErrorKind::Syntax,
            offset,
            message: message.into(),
        }
    }

    pub fn unsupported(offset: u32, message: impl Into<String>) -> CompileError {
        CompileError {
            kind: CompileErrorKind::NotImplemented,
            offset,
            message: message.into(),
        }
    }
}

/// Compiles a parsed module whose globals live in `module`; builtins are resolved against
/// `builtins`.
pub fn compile_module(
    body: &[ast::Stmt],
    source: Rc<Source>,
    module: &Module,
    builtins: &Module,
) -> Result<Rc<Code>, CompileError> {
    compile(body, source, module, builtins, false)
}

/// [`compile_module`] for the interactive prompt: expression statements keep their value
/// in the global [`unit::REPL_RESULT`].
pub fn compile_interactive(
    body: &[ast::Stmt],
    source: Rc<Source>,
    module: &Module,
    builtins: &Module,
) -> Result<Rc<Code>, CompileError> {
    compile(body, source, module, builtins, true)
}

pub use unit::REPL_RESULT;

fn compile(
    body: &[ast::Stmt],
    source: Rc<Source>,
    module: &Module,
    builtins: &Module,
    interactive: bool,
) -> Result<Rc<Code>, CompileError> {
    let scopes = scope::analyze(body)?;
    let mut ctx = unit::Ctx {
        scopes: &scopes,
        source,
        module,
        builtins,
        interactive,
    };
    unit::compile_module(&mut ctx, body)
}
