#!/usr/bin/env python3
"""Regenerate the expected output of the golden scripts.

Usage: python3 tests/scripts/regen.py [paths...]

Each path is a script or a folder (searched recursively); with no path, the whole
tests/scripts tree. For every X.py (files starting with "_" and folders named "lib"
are helpers, not tests) this runs `<interpreter> X.py` with the script's folder as the
working directory and writes:

  X.out     stdout, exactly
  X.err     normalised stderr, only when it is non-empty
  X.status  the exit status and a newline, only when it is nonzero

The interpreter is python3 unless the script's folder, or a folder above it inside
tests/scripts, holds a file INTERPRETER naming another command (e.g. pypy3).

stderr is normalised the same way tests/golden.rs normalises it:
  * lines made only of whitespace and "^"/"~" (PEP 657 position markers) are dropped,
    because stacklet prints CPython's traceback format without them;
  * the script folder's absolute path followed by "/" is removed, because CPython
    names the main script by its absolute path, which differs between checkouts.
"""

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
TIMEOUT = 600


def is_marker_line(line):
    stripped = line.strip()
    return stripped != "" and all(c in "^~" for c in stripped)


def normalise_stderr(text, folder):
    # The child sees its cwd with symlinks resolved, so strip both spellings.
    for spelling in {os.path.realpath(folder), folder}:
        text = text.replace(spelling + os.sep, "")
    lines = text.splitlines(keepends=True)
    return "".join(line for line in lines if not is_marker_line(line))


def interpreter_for(script):
    folder = os.path.dirname(script)
    while True:
        candidate = os.path.join(folder, "INTERPRETER")
        if os.path.isfile(candidate):
            with open(candidate) as f:
                words = f.read().split()
            if words:
                return words
        if os.path.abspath(folder) == ROOT or os.path.dirname(folder) == folder:
            return ["python3"]
        folder = os.path.dirname(folder)


def is_test_script(path):
    name = os.path.basename(path)
    return name.endswith(".py") and not name.startswith("_") and path != os.path.abspath(__file__)


def collect(paths):
    found = []
    for path in paths:
        path = os.path.abspath(path)
        if os.path.isfile(path):
            if is_test_script(path):
                found.append(path)
            continue
        for folder, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if d != "lib" and not d.startswith((".", "_")))
            for name in sorted(files):
                full = os.path.join(folder, name)
                if is_test_script(full):
                    found.append(full)
    return found


def write_or_remove(path, content):
    if content:
        with open(path, "w", newline="") as f:
            f.write(content)
    elif os.path.exists(path):
        os.remove(path)


def regen(script):
    folder = os.path.dirname(script)
    base = script[: -len(".py")]
    command = interpreter_for(script) + [os.path.basename(script)]
    # No .pyc files in the tree: imports of helper modules would otherwise leave __pycache__.
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    proc = subprocess.run(
        command,
        cwd=folder,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=TIMEOUT,
    )
    stdout = proc.stdout.decode("utf-8", "replace")
    stderr = normalise_stderr(proc.stderr.decode("utf-8", "replace"), folder)
    # .out is always written (even empty) so every script has an expectation file.
    with open(base + ".out", "w", newline="") as f:
        f.write(stdout)
    write_or_remove(base + ".err", stderr)
    write_or_remove(base + ".status", f"{proc.returncode}\n" if proc.returncode else "")
    return proc.returncode


def main():
    paths = sys.argv[1:] or [ROOT]
    scripts = collect(paths)
    for script in scripts:
        rel = os.path.relpath(script, ROOT)
        try:
            status = regen(script)
        except FileNotFoundError:
            # The folder's INTERPRETER is not installed here: keep the committed files.
            print(f"{rel}: skipped, {interpreter_for(script)[0]} is not installed")
            continue
        print(f"{rel}: status {status}")


if __name__ == "__main__":
    main()
