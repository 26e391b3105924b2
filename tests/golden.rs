//! Golden scripts: every `tests/scripts/**/X.py` runs and its stdout, stderr and exit status
//! must equal the committed `X.out`, `X.err` and `X.status`, which `tests/scripts/regen.py`
//! generates from CPython 3.11 (see tests/scripts/README.md).

use std::collections::HashMap;
use std::fs;
use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

/// A script that runs longer than this is killed and reported; the slowest golden script
/// takes well under a second under CPython, so this only catches hangs.
const TIMEOUT: Duration = Duration::from_secs(60);

/// The machine has two cores; more workers would only make timing-sensitive scripts flaky.
const WORKERS: usize = 2;

fn scripts_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("scripts")
}

/// What a script printed and how it ended, after stderr normalisation.
#[derive(Debug, PartialEq)]
struct Outcome {
    stdout: String,
    stderr: String,
    status: i32,
}

/// Test scripts under `dir`, sorted. Files starting with `_` and folders named `lib` hold
/// helper modules that scripts import; the root's `regen.py` is the generator itself.
fn collect_scripts(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            if name != "lib" && !name.starts_with('.') && !name.starts_with('_') {
                collect_scripts(&path, out);
            }
        } else if name.ends_with(".py")
            && !name.starts_with('_')
            && !(dir == scripts_root() && name == "regen.py")
        {
            out.push(path);
        }
    }
}

fn all_scripts() -> Vec<PathBuf> {
    let mut scripts = Vec::new();
    collect_scripts(&scripts_root(), &mut scripts);
    assert!(!scripts.is_empty(), "no scripts found under tests/scripts");
    scripts
}

fn relative(script: &Path) -> String {
    script
        .strip_prefix(scripts_root())
        .unwrap_or(script)
        .to_string_lossy()
        .replace('\\', "/")
}

/// A line made only of whitespace and `^`/`~` is a PEP 657 position marker; stacklet prints
/// CPython's traceback format without them, so both sides drop them.
fn is_marker_line(line: &str) -> bool {
    let trimmed = line.trim();
    !trimmed.is_empty() && trimmed.chars().all(|c| c == '^' || c == '~')
}

/// Same normalisation as regen.py: CPython names the main script by its absolute path,
/// which differs between checkouts, so the script folder's path is removed.
fn normalise_stderr(text: &str, folder: &Path) -> String {
    let mut text = text.to_string();
    // The child sees its cwd with symlinks resolved, so strip both spellings.
    let real = fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    for spelling in [real.as_path(), folder] {
        text = text.replace(&format!("{}/", spelling.display()), "");
    }
    text.split_inclusive('\n')
        .filter(|line| !is_marker_line(line))
        .collect()
}

fn expected_outcome(script: &Path) -> Result<Outcome, String> {
    let read_optional = |ext: &str| -> Result<Option<String>, String> {
        let path = script.with_extension(ext);
        match fs::read_to_string(&path) {
            Ok(text) => Ok(Some(text)),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("cannot read {}: {e}", path.display())),
        }
    };
    let stdout = read_optional("out")?.ok_or_else(|| {
        "no .out file: run `python3 tests/scripts/regen.py <script>` to generate it".to_string()
    })?;
    let stderr = read_optional("err")?.unwrap_or_default();
    let status = match read_optional("status")? {
        Some(text) => text
            .trim()
            .parse()
            .map_err(|e| format!("bad .status file {text:?}: {e}"))?,
        None => 0,
    };
    Ok(Outcome {
        stdout,
        stderr,
        status,
    })
}

fn exit_code(status: ExitStatus) -> i32 {
    if let Some(code) = status.code() {
        return code;
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            // Shown as a negative status so a crash never looks like a clean exit.
            return -signal;
        }
    }
    -1
}

/// Drains a child's pipe on its own thread: reading stdout and stderr one after the other
/// could deadlock once the other pipe's buffer fills.
fn drain<R: Read + Send + 'static>(mut pipe: R) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = pipe.read_to_end(&mut buf);
        buf
    })
}

fn wait_with_timeout(child: &mut Child) -> Result<ExitStatus, String> {
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Ok(status),
            Ok(None) if start.elapsed() >= TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "timed out after {} s and was killed",
                    TIMEOUT.as_secs()
                ));
            }
            Ok(None) => thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(format!("waiting for the child failed: {e}")),
        }
    }
}

/// Runs `command` (program and leading arguments) on `script` the way regen.py does:
/// cwd is the script's folder, the only further argument is the file name, stdin is empty.
fn run_script(command: &[String], script: &Path) -> Result<Outcome, String> {
    let folder = script.parent().expect("script has a folder");
    let name = script.file_name().expect("script has a name");
    let mut child = Command::new(&command[0])
        .args(&command[1..])
        .arg(name)
        .current_dir(folder)
        // CPython would otherwise leave __pycache__ folders next to the helper modules.
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", command[0]))?;
    let stdout = drain(child.stdout.take().expect("piped stdout"));
    let stderr = drain(child.stderr.take().expect("piped stderr"));
    let status = wait_with_timeout(&mut child);
    // After a kill the pipes close too (unless the child left a grandchild holding them).
    let stdout = stdout.join().unwrap_or_default();
    let stderr = stderr.join().unwrap_or_default();
    let status = status?;
    Ok(Outcome {
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: normalise_stderr(&String::from_utf8_lossy(&stderr), folder),
        status: exit_code(status),
    })
}

/// The first line where `expected` and `actual` differ, described for the summary.
fn first_difference(what: &str, expected: &str, actual: &str) -> Option<String> {
    if expected == actual {
        return None;
    }
    let mut exp = expected.split_inclusive('\n');
    let mut act = actual.split_inclusive('\n');
    let mut line = 1;
    loop {
        match (exp.next(), act.next()) {
            (Some(e), Some(a)) if e == a => line += 1,
            (e, a) => {
                let show =
                    |s: Option<&str>| s.map_or("<end of output>".to_string(), |s| format!("{s:?}"));
                return Some(format!(
                    "{what} differs at line {line}\n      expected: {}\n      actual:   {}",
                    show(e),
                    show(a)
                ));
            }
        }
    }
}

/// Runs `script` and compares; `Err` holds a readable description of every difference.
fn check_script(command: &[String], script: &Path) -> Result<(), String> {
    let expected = expected_outcome(script)?;
    let actual = run_script(command, script)?;
    let mut problems = Vec::new();
    if let Some(d) = first_difference("stdout", &expected.stdout, &actual.stdout) {
        problems.push(d);
    }
    if let Some(d) = first_difference("stderr", &expected.stderr, &actual.stderr) {
        problems.push(d);
    }
    if expected.status != actual.status {
        problems.push(format!(
            "exit status: expected {}, actual {}",
            expected.status, actual.status
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n    "))
    }
}

/// Checks every script on `WORKERS` threads; results come back in the scripts' order.
fn check_all(
    scripts: &[PathBuf],
    command_for: &(dyn Fn(&Path) -> Vec<String> + Sync),
) -> Vec<Result<(), String>> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Result<(), String>>>> = Mutex::new(vec![None; scripts.len()]);
    thread::scope(|scope| {
        for _ in 0..WORKERS {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(script) = scripts.get(i) else { break };
                let result = check_script(&command_for(script), script);
                results.lock().unwrap()[i] = Some(result);
            });
        }
    });
    results
        .into_inner()
        .unwrap()
        .into_iter()
        .map(|r| r.expect("every script was checked"))
        .collect()
}

fn fail_with(header: &str, failures: &[String]) -> ! {
    panic!(
        "{header}: {} failure(s)\n\n{}\n",
        failures.len(),
        failures.join("\n\n")
    );
}

/// Entries of tests/scripts/PENDING: scripts the interpreter does not run correctly yet.
fn pending_list() -> Vec<String> {
    let path = scripts_root().join("PENDING");
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == ErrorKind::NotFound => return Vec::new(),
        Err(e) => panic!("cannot read {}: {e}", path.display()),
    };
    text.lines()
        .map(|line| line.split('#').next().unwrap().trim())
        .filter(|line| !line.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn golden_scripts_match_stacklet() {
    // option_env!: the binary needs the `script` feature; without it there is nothing to test.
    let Some(stacklet) = option_env!("CARGO_BIN_EXE_stacklet") else {
        println!("golden_scripts_match_stacklet skipped: the stacklet binary is not built (feature `script` is off)");
        return;
    };
    let scripts = all_scripts();
    let pending = pending_list();
    let known: Vec<String> = scripts.iter().map(|s| relative(s)).collect();
    let missing: Vec<String> = pending
        .iter()
        .filter(|p| !known.contains(p))
        .map(|p| format!("PENDING names {p}, which is not a golden script"))
        .collect();
    if !missing.is_empty() {
        fail_with("tests/scripts/PENDING is out of date", &missing);
    }

    let command = vec![stacklet.to_string()];
    let results = check_all(&scripts, &|_| command.clone());
    let mut failures = Vec::new();
    let mut now_passing = Vec::new();
    let mut still_pending = 0;
    for (name, result) in known.iter().zip(results) {
        match (pending.contains(name), result) {
            (false, Ok(())) => {}
            (false, Err(e)) => failures.push(format!("{name}:\n    {e}")),
            (true, Ok(())) => now_passing.push(name.clone()),
            (true, Err(_)) => still_pending += 1,
        }
    }
    println!(
        "golden scripts: {} checked, {} pending and still failing",
        known.len() - pending.len(),
        still_pending
    );
    if !now_passing.is_empty() {
        println!("pending scripts that now pass (remove them from tests/scripts/PENDING):");
        for name in &now_passing {
            println!("    {name}");
        }
    }
    if !failures.is_empty() {
        fail_with("golden scripts differ under stacklet", &failures);
    }
}

/// The command regen.py uses for `script`: the nearest INTERPRETER file in the script's
/// folder or a folder above it inside tests/scripts, else python3.
fn generator_for(script: &Path) -> Vec<String> {
    let root = scripts_root();
    let mut folder = script.parent();
    while let Some(dir) = folder {
        if let Ok(text) = fs::read_to_string(dir.join("INTERPRETER")) {
            let words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
            if !words.is_empty() {
                return words;
            }
        }
        if dir == root {
            break;
        }
        folder = dir.parent();
    }
    vec!["python3".to_string()]
}

/// The Python modules a script's generating interpreter must have (the nearest REQUIRES
/// file: one module name per line), e.g. `greenlet` for tests/scripts/greenlet.
fn requirements_for(script: &Path) -> Vec<String> {
    let root = scripts_root();
    let mut folder = script.parent();
    while let Some(dir) = folder {
        if let Ok(text) = fs::read_to_string(dir.join("REQUIRES")) {
            return text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_string)
                .collect();
        }
        if dir == root {
            break;
        }
        folder = dir.parent();
    }
    Vec::new()
}

fn has_module(program: &str, module: &str) -> bool {
    Command::new(program)
        .args(["-c", &format!("import {module}")])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn is_installed(program: &str) -> bool {
    match Command::new(program)
        .arg("--version")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
    {
        Ok(status) => status.success(),
        Err(_) => false,
    }
}

#[test]
fn golden_expectations_are_cpythons() {
    let scripts = all_scripts();
    let mut installed: HashMap<String, bool> = HashMap::new();
    let mut runnable = Vec::new();
    let mut skipped: HashMap<String, usize> = HashMap::new();
    for script in scripts {
        let program = generator_for(&script)[0].clone();
        let mut present = *installed
            .entry(program.clone())
            .or_insert_with(|| is_installed(&program));
        let mut label = program.clone();
        for module in requirements_for(&script) {
            let key = format!("{program} with {module}");
            let ok = *installed
                .entry(key.clone())
                .or_insert_with(|| has_module(&program, &module));
            if present && !ok {
                present = false;
                label = key;
            }
        }
        if present {
            runnable.push(script);
        } else {
            *skipped.entry(label).or_default() += 1;
        }
    }
    let mut skipped: Vec<_> = skipped.into_iter().collect();
    skipped.sort();
    for (program, count) in &skipped {
        println!(
            "golden_expectations_are_cpythons: skipped {count} script(s) because `{program}` is not available (install it to check them)"
        );
    }

    let results = check_all(&runnable, &generator_for);
    let failures: Vec<String> = runnable
        .iter()
        .zip(results)
        .filter_map(|(script, r)| r.err().map(|e| format!("{}:\n    {e}", relative(script))))
        .collect();
    println!(
        "golden expectations: {} script(s) checked against their generating interpreter",
        runnable.len()
    );
    if !failures.is_empty() {
        fail_with(
            "expectations differ from the generating interpreter (run tests/scripts/regen.py?)",
            &failures,
        );
    }
}
