//! Text streams: `sys.stdout`/`stderr`/`stdin` and the files `open()` returns.

use crate::script::builtins::{arity, kwarg, method};
use crate::script::object::misc::Opaque;
use crate::script::object::{Bytes, Kwargs, Layout, Str, Type, Value};
use crate::script::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::io::{BufRead, Read, Write};
use std::rc::Rc;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum StreamKind {
    Stdout,
    Stderr,
    Stdin,
}

enum Backing {
    Std(StreamKind),
    /// A file opened for reading: its whole text, and the read position (bytes).
    Reader {
        text: String,
        pos: usize,
    },
    /// A file opened for reading in binary mode.
    BinReader {
        data: Vec<u8>,
        pos: usize,
    },
    Writer(std::io::BufWriter<std::fs::File>),
    Closed,
}

struct TextFile {
    name: String,
    mode: String,
    /// Opened with `b` in the mode: reads and writes `bytes`.
    binary: bool,
    backing: RefCell<Backing>,
}

thread_local! {
    static FILE_TYPE: RefCell<Option<Rc<Type>>> = const { RefCell::new(None) };
}

fn file_type(vm: &Vm) -> Rc<Type> {
    FILE_TYPE.with(|t| {
        if let Some(t) = &*t.borrow() {
            return t.clone();
        }
        let ty = Rc::new(Type::new_builtin(
            "TextIOWrapper",
            Layout::Builtin,
            vec![vm.types.object.clone()],
        ));
        *ty.module.borrow_mut() = Rc::new(Str::new("_io"));
        install_methods(&ty);
        *t.borrow_mut() = Some(ty.clone());
        ty
    })
}

fn file_value(vm: &Vm, name: String, mode: String, backing: Backing) -> Value {
    Value::Opaque(Rc::new(Opaque {
        class: file_type(vm),
        data: Box::new(TextFile {
            binary: mode.contains('b'),
            name,
            mode,
            backing: RefCell::new(backing),
        }),
    }))
}

/// A standard stream object.
pub fn stream(vm: &Vm, kind: StreamKind) -> Value {
    let (name, mode) = match kind {
        StreamKind::Stdout => ("<stdout>", "w"),
        StreamKind::Stderr => ("<stderr>", "w"),
        StreamKind::Stdin => ("<stdin>", "r"),
    };
    file_value(vm, name.to_owned(), mode.to_owned(), Backing::Std(kind))
}

fn this<'a>(vm: &Vm, a: &'a [Value]) -> PyResult<&'a TextFile> {
    match a.first() {
        Some(Value::Opaque(o)) => o
            .downcast::<TextFile>()
            .ok_or_else(|| vm.type_error("expected a file object")),
        _ => Err(vm.type_error("expected a file object")),
    }
}

fn closed_error(vm: &Vm) -> crate::script::vm::Exc {
    vm.value_error("I/O operation on closed file.")
}

/// Reads one line (with its newline) as `str` or `bytes`; `None` at end of input.
fn next_line(vm: &Vm, backing: &mut Backing) -> PyResult<Option<Value>> {
    if let Backing::BinReader { data, pos } = backing {
        let rest = &data[*pos..];
        if rest.is_empty() {
            return Ok(None);
        }
        let end = rest
            .iter()
            .position(|&b| b == b'\n')
            .map_or(rest.len(), |i| i + 1);
        let line = rest[..end].to_vec();
        *pos += end;
        return Ok(Some(Value::Bytes(Rc::new(Bytes::new(line, false)))));
    }
    let line = read_line(vm, backing)?;
    Ok((!line.is_empty()).then(|| Value::string(line)))
}

/// Reads one line (with its newline) from a text backing; empty at end of input.
fn read_line(vm: &Vm, backing: &mut Backing) -> PyResult<String> {
    match backing {
        Backing::Std(StreamKind::Stdin) => {
            vm.flush_stdout();
            let mut line = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut line)
                .map_err(|e| vm.new_error(&vm.types.os_error, e.to_string()))?;
            Ok(line)
        }
        Backing::Reader { text, pos } => {
            let rest = &text[*pos..];
            let end = rest.find('\n').map_or(rest.len(), |i| i + 1);
            let line = rest[..end].to_owned();
            *pos += end;
            Ok(line)
        }
        Backing::Closed => Err(closed_error(vm)),
        _ => Err(vm.new_error(&vm.types.exceptions["OSError"], "not readable")),
    }
}

/// What reading at end of input gives.
fn empty(binary: bool) -> Value {
    if binary {
        Value::Bytes(Rc::new(Bytes::new(Vec::new(), false)))
    } else {
        Value::str("")
    }
}

fn install_methods(t: &Rc<Type>) {
    method(t, "write", |vm, a, _| {
        let f = this(vm, a)?;
        arity(vm, "write", a, 2, 2)?;
        if f.binary {
            let Value::Bytes(b) = &a[1] else {
                return Err(vm.type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    vm.type_name(&a[1])
                )));
            };
            let data = b.data.borrow().clone();
            match &mut *f.backing.borrow_mut() {
                Backing::Writer(w) => w
                    .write_all(&data)
                    .map_err(|e| vm.new_error(&vm.types.os_error, e.to_string()))?,
                Backing::Closed => return Err(closed_error(vm)),
                _ => return Err(vm.new_error(&vm.types.exceptions["OSError"], "not writable")),
            }
            return Ok(Value::from(data.len()));
        }
        let Value::Str(s) = &a[1] else {
            return Err(vm.type_error(format!(
                "write() argument must be str, not {}",
                vm.type_name(&a[1])
            )));
        };
        match &mut *f.backing.borrow_mut() {
            Backing::Std(StreamKind::Stdout) => vm.write_stdout(s.as_str()),
            Backing::Std(StreamKind::Stderr) => vm.write_stderr(s.as_str()),
            Backing::Writer(w) => w
                .write_all(s.as_str().as_bytes())
                .map_err(|e| vm.new_error(&vm.types.os_error, e.to_string()))?,
            Backing::Closed => return Err(closed_error(vm)),
            _ => return Err(vm.new_error(&vm.types.exceptions["OSError"], "not writable")),
        }
        Ok(Value::from(s.char_len()))
    });
    method(t, "flush", |vm, a, _| {
        let f = this(vm, a)?;
        match &mut *f.backing.borrow_mut() {
            Backing::Std(StreamKind::Stdout) => vm.flush_stdout(),
            Backing::Writer(w) => w
                .flush()
                .map_err(|e| vm.new_error(&vm.types.os_error, e.to_string()))?,
            _ => {}
        }
        Ok(Value::None)
    });
    method(t, "read", |vm, a, _| {
        let f = this(vm, a)?;
        let limit = match a.get(1) {
            Some(Value::None) | None => -1,
            Some(v) => vm.to_index(v)?,
        };
        let mut b = f.backing.borrow_mut();
        match &mut *b {
            Backing::Std(StreamKind::Stdin) => {
                let mut s = String::new();
                std::io::stdin()
                    .read_to_string(&mut s)
                    .map_err(|e| vm.new_error(&vm.types.os_error, e.to_string()))?;
                Ok(Value::string(s))
            }
            Backing::BinReader { data, pos } => {
                let rest = &data[*pos..];
                let take = if limit < 0 {
                    rest.len()
                } else {
                    rest.len().min(limit as usize)
                };
                let out = rest[..take].to_vec();
                *pos += take;
                Ok(Value::Bytes(Rc::new(Bytes::new(out, false))))
            }
            Backing::Reader { text, pos } => {
                let rest = &text[*pos..];
                let take = if limit < 0 {
                    rest.len()
                } else {
                    rest.char_indices()
                        .nth(limit as usize)
                        .map_or(rest.len(), |(i, _)| i)
                };
                let out = rest[..take].to_owned();
                *pos += take;
                Ok(Value::string(out))
            }
            Backing::Closed => Err(closed_error(vm)),
            _ => Err(vm.new_error(&vm.types.exceptions["OSError"], "not readable")),
        }
    });
    method(t, "readline", |vm, a, _| {
        let f = this(vm, a)?;
        let line = next_line(vm, &mut f.backing.borrow_mut())?;
        Ok(line.unwrap_or_else(|| empty(f.binary)))
    });
    method(t, "readlines", |vm, a, _| {
        let f = this(vm, a)?;
        let mut out = Vec::new();
        while let Some(line) = next_line(vm, &mut f.backing.borrow_mut())? {
            out.push(line);
        }
        Ok(Value::list(out))
    });
    method(t, "__iter__", |_, a, _| Ok(a[0].clone()));
    method(t, "__next__", |vm, a, _| {
        let f = this(vm, a)?;
        let line = next_line(vm, &mut f.backing.borrow_mut())?;
        line.ok_or_else(|| vm.stop_iteration(Value::None))
    });
    method(t, "close", |vm, a, _| {
        let f = this(vm, a)?;
        let mut b = f.backing.borrow_mut();
        if let Backing::Writer(w) = &mut *b {
            w.flush()
                .map_err(|e| vm.new_error(&vm.types.os_error, e.to_string()))?;
        }
        if !matches!(&*b, Backing::Std(_)) {
            *b = Backing::Closed;
        }
        Ok(Value::None)
    });
    method(t, "__enter__", |_, a, _| Ok(a[0].clone()));
    method(t, "__exit__", |vm, a, _| {
        let close = vm.get_attr(&a[0], &Rc::new(Str::new("close")))?;
        vm.call(&close, &[], &[])?;
        Ok(Value::bool(false))
    });
    method(t, "fileno", |vm, a, _| {
        let f = this(vm, a)?;
        Ok(Value::Int(match &*f.backing.borrow() {
            Backing::Std(StreamKind::Stdin) => 0,
            Backing::Std(StreamKind::Stdout) => 1,
            Backing::Std(StreamKind::Stderr) => 2,
            _ => 3,
        }))
    });
    method(t, "isatty", |_, _, _| Ok(Value::bool(false)));
    let getter = |name: &'static str, f: crate::script::object::NativeFn| {
        crate::script::builtins::property(t, name, f, None, None)
    };
    getter("name", |vm, a, _| Ok(Value::str(&this(vm, a)?.name)));
    getter("mode", |vm, a, _| Ok(Value::str(&this(vm, a)?.mode)));
    getter("closed", |vm, a, _| {
        Ok(Value::bool(matches!(
            &*this(vm, a)?.backing.borrow(),
            Backing::Closed
        )))
    });
}

/// `open(file, mode='r', encoding=None)`.
pub fn open(vm: &Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    let path = match args.first().or_else(|| kwarg(kwargs, "file")) {
        Some(Value::Str(s)) => s.as_str().to_owned(),
        Some(other) => {
            return Err(vm.type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                vm.type_name(other)
            )))
        }
        None => return Err(vm.type_error("open() missing required argument 'file' (pos 1)")),
    };
    let mode = match args.get(1).or_else(|| kwarg(kwargs, "mode")) {
        Some(Value::Str(s)) => s.as_str().to_owned(),
        _ => "r".to_owned(),
    };
    let os_error = |e: std::io::Error| crate::script::builtins::os_error_from_io(vm, &e, &path);
    let backing = if mode.contains('w') || mode.contains('a') || mode.contains('x') {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .append(mode.contains('a'))
            .truncate(mode.contains('w'))
            .open(&path)
            .map_err(os_error)?;
        Backing::Writer(std::io::BufWriter::new(file))
    } else if mode.contains('b') {
        let data = std::fs::read(&path).map_err(os_error)?;
        Backing::BinReader { data, pos: 0 }
    } else {
        let text = std::fs::read_to_string(&path).map_err(os_error)?;
        Backing::Reader { text, pos: 0 }
    };
    Ok(file_value(vm, path, mode, backing))
}
