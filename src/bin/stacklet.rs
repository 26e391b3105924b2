//! The `stacklet` command: runs a script file, `-c` code, or a script piped on stdin.

use stacklet::script::Interpreter;
use std::io::{IsTerminal, Read};
use std::process::ExitCode;

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

/// The interactive loop: each complete statement runs as it is entered.
fn repl() -> ExitCode {
    use std::io::{BufRead, Write};
    let interp = Interpreter::new();
    interp.set_argv(vec![String::new()]);
    println!(
        "stacklet {} (Python-like interpreter)",
        env!("CARGO_PKG_VERSION")
    );
    let stdin = std::io::stdin();
    let mut buffer = String::new();
    loop {
        print!("{}", if buffer.is_empty() { ">>> " } else { "... " });
        let _ = std::io::stdout().flush();
        let mut line = String::new();
        match stdin.lock().read_line(&mut line) {
            Ok(0) | Err(_) => {
                println!();
                return ExitCode::SUCCESS;
            }
            Ok(_) => {}
        }
        let continues =
            line.trim_end().ends_with(':') || (!buffer.is_empty() && !line.trim().is_empty());
        buffer.push_str(&line);
        if continues {
            continue;
        }
        let source = std::mem::take(&mut buffer);
        if let Err(e) = interp.run_source("<stdin>", &source) {
            if let Some(code) = e.exit_code {
                return ExitCode::from(code as u8);
            }
            interp.vm().write_stderr(&e.traceback);
        }
    }
}
