//! The `stacklet` command: runs a script file, `-c` code, or a script piped on stdin.

use stacklet::script::Interpreter;
use std::io::{IsTerminal, Read};

use std::process::ExitCode;

#[cfg(feature = "jemalloc")]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

const USAGE: &str = "usage: stacklet [option] ... [-c cmd | file | -] [arg] ...
Options:
  -c cmd   program passed in as string (terminates option list)
  --dis f  print the bytecode of file f instead of running it
  -h       print this help message and exit (also --help)
  -V       print the stacklet version and exit (also --version)
file       program read from script file
-          program read from stdin (default; interactive mode if a tty)
arg ...    arguments passed to program in sys.argv[1:]
";

fn main() -> ExitCode {
    // A panic is a bug in stacklet, never the script's fault: say so plainly.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("stacklet: internal error (please report it): {info}");
    }));
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (filename, source, argv) = match args.first().map(String::as_str) {
        Some("-h" | "--help") => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some("-V" | "--version") => {
            println!("stacklet {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Some("--dis") => {
            let Some(path) = args.get(1) else {
                eprintln!("--dis needs a file\n{USAGE}");
                return ExitCode::from(2);
            };
            let text = match std::fs::read_to_string(path) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("stacklet: can't open file '{path}': {e}");
                    return ExitCode::from(2);
                }
            };
            return match stacklet::script::disassemble(path, &text) {
                Ok(listing) => {
                    print!("{listing}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("{e}");
                    ExitCode::from(1)
                }
            };
        }
        Some("-c") => {
            let Some(code) = args.get(1) else {
                eprintln!("Argument expected for the -c option\n{USAGE}");
                return ExitCode::from(2);
            };
            let mut argv = vec!["-c".to_owned()];
            argv.extend(args[2..].iter().cloned());
            ("<string>".to_owned(), code.clone(), argv)
        }
        Some(opt) if opt.starts_with('-') && opt != "-" => {
            eprintln!("Unknown option: {opt}\n{USAGE}");
            return ExitCode::from(2);
        }
        Some(path) if path != "-" => match std::fs::read_to_string(path) {
            Ok(text) => (path.to_owned(), text, args.clone()),
            Err(e) => {
                eprintln!("stacklet: can't open file '{path}': {e}");
                return ExitCode::from(2);
            }
        },
        _ => {
            if std::io::stdin().is_terminal() && args.is_empty() {
                return repl();
            }
            let mut text = String::new();
            if let Err(e) = std::io::stdin().read_to_string(&mut text) {
                eprintln!("stacklet: can't read stdin: {e}");
                return ExitCode::from(2);
            }
            let mut argv = vec!["-".to_owned()];
            argv.extend(args.iter().skip(1).cloned());
            ("<stdin>".to_owned(), text, argv)
        }
    };
    let interp = Interpreter::new();
    interp.set_argv(argv);
    match interp.run_source(&filename, &source) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => match e.exit_code {
            Some(code) => ExitCode::from(code as u8),
            None => {
                interp.vm().write_stderr(&e.traceback);
                ExitCode::from(1)
            }
        },
    }
}

/// The interactive loop: line editing and history (kept in `~/.stacklet_history`); a
/// statement that opens a block continues until an empty line.
fn repl() -> ExitCode {
    let interp = Interpreter::new();
    interp.set_argv(vec![String::new()]);
    println!(
        "stacklet {} (Python-like interpreter). Ctrl-D to exit.",
        env!("CARGO_PKG_VERSION")
    );
    let mut editor = match rustyline::DefaultEditor::new() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("stacklet: no interactive prompt: {e}");
            return ExitCode::from(2);
        }
    };
    let history =
        std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".stacklet_history"));
    if let Some(h) = &history {
        let _ = editor.load_history(h);
    }
    let mut buffer = String::new();
    let code = loop {
        let prompt = if buffer.is_empty() { ">>> " } else { "... " };
        let line = match editor.readline(prompt) {
            Ok(line) => line,
            Err(rustyline::error::ReadlineError::Interrupted) => {
                println!("KeyboardInterrupt");
                buffer.clear();
                continue;
            }
            Err(_) => break ExitCode::SUCCESS,
        };
        if !line.trim().is_empty() {
            let _ = editor.add_history_entry(line.as_str());
        }
        let continues =
            line.trim_end().ends_with(':') || (!buffer.is_empty() && !line.trim().is_empty());
        buffer.push_str(&line);
        buffer.push('\n');
        if continues {
            continue;
        }
        let source = std::mem::take(&mut buffer);
        match interp.run_interactive(&source) {
            Ok(Some(value)) => match interp.vm().repr(&value) {
                Ok(text) => println!("{text}"),
                Err(e) => interp.vm().write_stderr(&interp.script_error(&e).traceback),
            },
            Ok(None) => {}
            Err(e) => {
                if let Some(code) = e.exit_code {
                    break ExitCode::from(code as u8);
                }
                interp.vm().write_stderr(&e.traceback);
            }
        }
    };
    if let Some(h) = &history {
        let _ = editor.save_history(h);
    }
    code
}
