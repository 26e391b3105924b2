//! Parsing with rustpython-parser, and turning parse and compile errors into `SyntaxError`
//! exceptions that print like CPython's.

use crate::script::compile::code::Source;
use crate::script::compile::{CompileError, CompileErrorKind};
use crate::script::object::{Str, Value};
use crate::script::vm::{Exc, Vm};
use rustpython_ast as ast;
use rustpython_parser::{Mode, ParseErrorType};
use std::rc::Rc;

/// Parses a module.
pub fn parse_module(source: &Source) -> Result<Vec<ast::Stmt>, CompileError> {
    match rustpython_parser::parse(&source.text, Mode::Module, &source.filename) {
        Ok(ast::Mod::Module(m)) => Ok(m.body),
        Ok(_) => Err(CompileError::syntax(0, "invalid syntax")),
        Err(e) => Err(CompileError::syntax(
            e.offset.to_u32(),
            parse_message(&e.error),
        )),
    }
}

/// CPython's wording, where the parser's differs.
fn parse_message(e: &ParseErrorType) -> String {
    match e {
        ParseErrorType::Eof => "unexpected EOF while parsing".to_owned(),
        ParseErrorType::Lexical(l) => {
            let text = l.to_string();
            if text.contains("indent") {
                "unindent does not match any outer indentation level".to_owned()
            } else {
                text
            }
        }
        _ => "invalid syntax".to_owned(),
    }
}

impl Vm {
    /// A `SyntaxError` (or `NotImplementedError` for unsupported constructs) for a compile
    /// error in `source`, carrying CPython's attributes.
    pub fn syntax_error(&self, source: &Source, err: &CompileError) -> Exc {
        let (line, col) = source.location(err.offset);
        let text = source.line(line).unwrap_or("").to_owned();
        if err.kind == CompileErrorKind::NotImplemented {
            return self.not_implemented(format!(
                "{} ({}:{}:{})",
                err.message,
                source.filename,
                line,
                col + 1
            ));
        }
        let details = Value::tuple(vec![
            Value::str(&source.filename),
            Value::Int(line as i64),
            Value::Int(col as i64 + 1),
            Value::string(format!("{text}\n")),
        ]);
        let exc = self.new_exception(
            &self.types.syntax_error,
            vec![Value::str(&err.message), details],
        );
        let set = |k: &str, v: Value| exc.set_attr(Rc::new(Str::new(k)), v);
        set("filename", Value::str(&source.filename));
        set("lineno", Value::Int(line as i64));
        set("offset", Value::Int(col as i64 + 1));
        set("text", Value::string(format!("{text}\n")));
        set("msg", Value::str(&err.message));
        exc
    }

    /// The `File "x", line N` / source / caret block CPython prints before a SyntaxError.
    pub fn syntax_error_location(&self, exc: &Exc) -> Option<String> {
        if !exc.class().is_subtype(&self.types.syntax_error) {
            return None;
        }
        let get = |k: &str| exc.get_attr(&Str::new(k));
        let filename = get("filename")?;
        let line = get("lineno")?;
        let mut out = format!(
            "  File \"{}\", line {}\n",
            filename
                .as_str()
                .map(|s| s.as_str().to_owned())
                .unwrap_or_default(),
            self.str(&line).unwrap_or_default()
        );
        if let Some(Value::Str(text)) = get("text") {
            let raw = text.as_str().trim_end_matches('\n');
            let trimmed = raw.trim_start();
            let indent = raw.chars().count() - trimmed.chars().count();
            out.push_str(&format!("    {}\n", trimmed.trim_end()));
            if let Some(Value::Int(offset)) = get("offset") {
                let col = (offset as usize).saturating_sub(1 + indent);
                out.push_str(&format!("    {}^\n", " ".repeat(col)));
            }
        }
        Some(out)
    }
}
