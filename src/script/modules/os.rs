//! `os`: the process's environment and the file system basics; `os.path` is written in the
//! script language (`posixpath.py`) on top of the `stat`-like natives here.

use super::native_module;
use crate::script::builtins::{arity, str_arg};
use crate::script::object::{Dict, Module, Str, Value};
use crate::script::vm::{Exc, PyResult, Vm};
use std::rc::Rc;

/// An OSError for a failed call on `path`, with CPython's errno, message and subclass.
fn os_error(vm: &Vm, e: std::io::Error, path: &str) -> Exc {
    let errno = e.raw_os_error().unwrap_or(0);
    let class = match e.kind() {
        std::io::ErrorKind::NotFound => vm.types.file_not_found_error.clone(),
        std::io::ErrorKind::PermissionDenied => vm.types.exceptions["PermissionError"].clone(),
        std::io::ErrorKind::AlreadyExists => vm.types.exceptions["FileExistsError"].clone(),
        _ => vm.types.os_error.clone(),
    };
    let text = e.to_string();
    let text = text.split(" (os error").next().unwrap_or(&text).to_owned();
    let exc = vm.new_exception(
        &class,
        vec![Value::Int(errno as i64), Value::string(text.clone())],
    );
    let set = |k: &str, v: Value| exc.set_attr(Rc::new(Str::new(k)), v);
    set("errno", Value::Int(errno as i64));
    set("strerror", Value::string(text));
    set("filename", Value::str(path));
    exc
}

fn path_arg(vm: &Vm, a: &[Value], i: usize, func: &str) -> PyResult<String> {
    match a.get(i) {
        Some(v) => Ok(str_arg(vm, func, v)?.as_str().to_owned()),
        None => Err(vm.type_error(format!("{func}() missing required argument 'path'"))),
    }
}

pub fn module(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = native_module(
        "os",
        &[
            ("getcwd", |vm, _, _| {
                std::env::current_dir()
                    .map(|p| Value::string(p.display().to_string()))
                    .map_err(|e| os_error(vm, e, "."))
            }),
            ("chdir", |vm, a, _| {
                let p = path_arg(vm, a, 0, "chdir")?;
                std::env::set_current_dir(&p).map_err(|e| os_error(vm, e, &p))?;
                Ok(Value::None)
            }),
            ("listdir", |vm, a, _| {
                let p = if a.is_empty() {
                    ".".to_owned()
                } else {
                    path_arg(vm, a, 0, "listdir")?
                };
                let entries = std::fs::read_dir(&p).map_err(|e| os_error(vm, e, &p))?;
                let mut names = Vec::new();
                for entry in entries {
                    let entry = entry.map_err(|e| os_error(vm, e, &p))?;
                    names.push(Value::string(
                        entry.file_name().to_string_lossy().into_owned(),
                    ));
                }
                Ok(Value::list(names))
            }),
            ("mkdir", |vm, a, _| {
                let p = path_arg(vm, a, 0, "mkdir")?;
                std::fs::create_dir(&p).map_err(|e| os_error(vm, e, &p))?;
                Ok(Value::None)
            }),
            ("makedirs", |vm, a, k| {
                let p = path_arg(vm, a, 0, "makedirs")?;
                let exist_ok = match crate::script::builtins::kwarg(k, "exist_ok").or(a.get(2)) {
                    Some(v) => vm.truthy(v)?,
                    None => false,
                };
                if !exist_ok && std::path::Path::new(&p).exists() {
                    return Err(os_error(
                        vm,
                        std::io::Error::from_raw_os_error(libc_eexist()),
                        &p,
                    ));
                }
                std::fs::create_dir_all(&p).map_err(|e| os_error(vm, e, &p))?;
                Ok(Value::None)
            }),
            ("remove", |vm, a, _| {
                let p = path_arg(vm, a, 0, "remove")?;
                std::fs::remove_file(&p).map_err(|e| os_error(vm, e, &p))?;
                Ok(Value::None)
            }),
            ("unlink", |vm, a, _| {
                let p = path_arg(vm, a, 0, "unlink")?;
                std::fs::remove_file(&p).map_err(|e| os_error(vm, e, &p))?;
                Ok(Value::None)
            }),
            ("rmdir", |vm, a, _| {
                let p = path_arg(vm, a, 0, "rmdir")?;
                std::fs::remove_dir(&p).map_err(|e| os_error(vm, e, &p))?;
                Ok(Value::None)
            }),
            ("rename", |vm, a, _| {
                let from = path_arg(vm, a, 0, "rename")?;
                let to = path_arg(vm, a, 1, "rename")?;
                std::fs::rename(&from, &to).map_err(|e| os_error(vm, e, &from))?;
                Ok(Value::None)
            }),
            ("getenv", |vm, a, _| {
                arity(vm, "getenv", a, 1, 2)?;
                let key = str_arg(vm, "getenv", &a[0])?;
                Ok(match std::env::var(key.as_str()) {
                    Ok(v) => Value::string(v),
                    Err(_) => a.get(1).cloned().unwrap_or(Value::None),
                })
            }),
            ("getpid", |_, _, _| {
                Ok(Value::Int(std::process::id() as i64))
            }),
            ("cpu_count", |_, _, _| {
                Ok(std::thread::available_parallelism()
                    .map_or(Value::None, |n| Value::from(n.get())))
            }),
            ("urandom", |vm, a, _| {
                arity(vm, "urandom", a, 1, 1)?;
                let n = vm.to_index(&a[0])?.max(0) as usize;
                let mut data = vec![0u8; n];
                use std::io::Read;
                std::fs::File::open("/dev/urandom")
                    .and_then(|mut f| f.read_exact(&mut data))
                    .map_err(|e| os_error(vm, e, "/dev/urandom"))?;
                Ok(Value::Bytes(Rc::new(crate::script::object::Bytes::new(
                    data, false,
                ))))
            }),
            // What os.path builds on: (exists, is_file, is_dir, size, mtime) or None.
            ("_stat", |vm, a, _| {
                let p = path_arg(vm, a, 0, "stat")?;
                Ok(match std::fs::metadata(&p) {
                    Ok(md) => Value::tuple(vec![
                        Value::bool(md.is_file()),
                        Value::bool(md.is_dir()),
                        Value::from(md.len() as usize),
                        Value::float(
                            md.modified()
                                .ok()
                                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                                .map_or(0.0, |d| d.as_secs_f64()),
                        ),
                    ]),
                    Err(_) => Value::None,
                })
            }),
            ("_home", |_, _, _| {
                Ok(std::env::var("HOME").map_or(Value::None, Value::string))
            }),
        ],
    );
    let environ = Dict::new();
    for (k, v) in std::env::vars() {
        environ.insert_str(Rc::new(Str::new(&k)), Value::string(v));
    }
    m.set("environ", Value::Dict(Rc::new(environ)));
    m.set("name", Value::str("posix"));
    m.set("sep", Value::str("/"));
    m.set("altsep", Value::None);
    m.set("extsep", Value::str("."));
    m.set("pathsep", Value::str(":"));
    m.set("linesep", Value::str("\n"));
    m.set("curdir", Value::str("."));
    m.set("pardir", Value::str(".."));
    m.set("devnull", Value::str("/dev/null"));
    m.set("error", Value::Type(vm.types.os_error.clone()));
    vm.set_module("os", Value::Module(m.clone()));
    let path = vm.import("posixpath", false)?;
    m.set("path", path.clone());
    vm.set_module("os.path", path);
    Ok(m)
}

/// `EEXIST` on Linux.
fn libc_eexist() -> i32 {
    17
}
