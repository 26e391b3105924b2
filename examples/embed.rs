//! Embedding the interpreter: run a script, call one of its functions, register a native
//! function and a native module, and read an error with its traceback.
//!
//! `cargo run --release --example embed`

use stacklet::script::object::Value;
use stacklet::script::Interpreter;

fn main() {
    let interp = Interpreter::new();

    // A native function scripts can call: `double(x)`.
    interp.register_function("double", |vm, args, _kwargs| match args {
        [Value::Int(i)] => Ok(Value::Int(i * 2)),
        _ => Err(vm.type_error("double() takes one int")),
    });
    // A native module scripts can import.
    interp.register_module(
        "host",
        &[("version", |_, _, _| {
            Ok(Value::str(env!("CARGO_PKG_VERSION")))
        })],
    );

    let script = r#"
import host

def greet(name):
    return f"hello {name}, double(21) = {double(21)}, host {host.version()}"

def fails():
    return {}["missing"]
"#;
    if let Err(e) = interp.run_source("embedded.py", script) {
        eprint!("{}", e.traceback);
        return;
    }

    // Look a script function up and call it with a value converted from Rust.
    let greet = interp.global("greet").expect("greet is defined");
    match interp.call(&greet, &[Value::from("embedder")]) {
        Ok(v) => println!("{}", v.as_str().map(|s| s.as_str()).unwrap_or("?")),
        Err(e) => eprint!("{}", e.traceback),
    }

    // Errors come back as values with CPython's traceback text.
    let fails = interp.global("fails").expect("fails is defined");
    if let Err(e) = interp.call(&fails, &[]) {
        println!("fails() raised {}: {}", e.kind, e.message);
        print!("{}", e.traceback);
    }
}
