#!/usr/bin/env bash
# Times the benchmark scripts under stacklet, python3 and (when installed) pypy3, checks that
# each interpreter prints what CPython prints, and reports python3/stacklet ratios with their
# geometric mean, plus the startup time of an empty script.
#
# Usage: bench/compare.sh [script names...]     e.g. bench/compare.sh fib nbody
# Environment:
#   RUNS=3            best of RUNS wall-clock runs per script and interpreter
#   STARTUP_RUNS=20   best of STARTUP_RUNS runs of the empty script
#   TIMEOUT=300       seconds before a single run is killed and reported as TIMEOUT
#   SKIP_BUILD=1      use the existing binary instead of running `cargo build --release`
#   STACKLET=path     the stacklet binary (default: $CARGO_TARGET_DIR or target, release/stacklet)
#   PYTHON=python3    the reference interpreter; PYPY=pypy3 the optional third column
#   PAIRED=1          run stacklet and python3 at the same time, each pinned to a core of
#                     its own (alternating), and time them by CPU time (user + system): both
#                     then see the same machine phase, which on a shared machine moves
#                     single runs by 30% or more. Needs two cores; pypy3 still runs alone.
set -u

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
target_dir="${CARGO_TARGET_DIR:-$repo/target}"
stacklet="${STACKLET:-$target_dir/release/stacklet}"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    echo "building: cargo build --release" >&2
    if ! (cd "$repo" && cargo build --release --quiet); then
        # Keep going: an older binary (or none) still gives a useful python3/pypy3 table.
        echo "!!! cargo build --release FAILED; timing the existing binary if there is one" >&2
    fi
fi

exec python3 - "$here/scripts" "$stacklet" "$@" <<'PY'
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time

scripts_dir, stacklet = sys.argv[1], sys.argv[2]
wanted = sys.argv[3:]
runs = int(os.environ.get("RUNS", "3"))
startup_runs = int(os.environ.get("STARTUP_RUNS", "20"))
timeout = float(os.environ.get("TIMEOUT", "300"))
python = os.environ.get("PYTHON", "python3")
pypy = os.environ.get("PYPY", "pypy3")

interpreters = []
if os.path.isfile(stacklet) and os.access(stacklet, os.X_OK):
    interpreters.append(("stacklet", [stacklet]))
else:
    print(f"!!! no stacklet binary at {stacklet}: its column is FAIL")
    interpreters.append(("stacklet", None))
interpreters.append(("python3", [python]))
if shutil.which(pypy):
    interpreters.append(("pypy3", [pypy]))
else:
    print(f"({pypy} not installed: the pypy3 column is empty)")
    interpreters.append(("pypy3", None))

# Non-test environment noise: no .pyc files written next to the scripts.
env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")


def run_once(command, script):
    """(seconds, stdout) or (None, reason) for a failed run."""
    start = time.perf_counter()
    try:
        proc = subprocess.run(command + [script], cwd=scripts_dir, env=env, stdin=subprocess.DEVNULL,
                              capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "TIMEOUT"
    except OSError as e:
        return None, f"cannot start: {e}"
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        return None, f"exit {proc.returncode}: {tail[0][:120]}"
    return elapsed, proc.stdout


def run_pinned(command, script, core, out_file):
    """Starts `command script` pinned to `core`, its stdout going to `out_file`."""
    return subprocess.Popen(command + [script], cwd=scripts_dir, env=env, stdin=subprocess.DEVNULL,
                            stdout=out_file, stderr=subprocess.DEVNULL,
                            preexec_fn=lambda: os.sched_setaffinity(0, {core}))


def finish(proc, out_file, started):
    """(CPU seconds, stdout) or (None, reason) of a process started by run_pinned; killed
    once `timeout` seconds have passed since `started`."""
    while True:
        try:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        except ChildProcessError:
            return None, "lost"
        if pid:
            break
        if time.perf_counter() - started > timeout:
            proc.kill()
            os.wait4(proc.pid, 0)
            return None, "TIMEOUT"
        time.sleep(0.005)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        return None, f"exit {proc.returncode}"
    out_file.seek(0)
    return usage.ru_utime + usage.ru_stime, out_file.read()


def best_of_paired(command_a, command_b, script, n):
    """Best CPU times of `n` rounds running both commands at once on cores 0 and 1 (swapped
    every round): ((seconds, stdout) or (None, reason)) for each."""
    best = [None, None]
    outs = [None, None]
    for i in range(n):
        cores = (0, 1) if i % 2 == 0 else (1, 0)
        with tempfile.TemporaryFile() as fa, tempfile.TemporaryFile() as fb:
            started = time.perf_counter()
            pa = run_pinned(command_a, script, cores[0], fa)
            pb = run_pinned(command_b, script, cores[1], fb)
            results = [finish(pa, fa, started), finish(pb, fb, started)]
        for k, (t, out) in enumerate(results):
            if best[k] is False:
                continue
            if t is None:
                best[k], outs[k] = False, out
                continue
            outs[k] = out
            best[k] = t if best[k] is None else min(best[k], t)
    return [(None, outs[k]) if best[k] is False else (best[k], outs[k]) for k in range(2)]


paired = os.environ.get("PAIRED") == "1"
if paired and (len(os.sched_getaffinity(0)) < 2 or interpreters[0][1] is None):
    print("(PAIRED=1 needs two cores and a stacklet binary: timing one at a time)")
    paired = False


def best_of(command, script, n):
    """(best seconds, stdout) or (None, reason); stops at the first failure."""
    best, out = None, None
    for _ in range(n):
        t, result = run_once(command, script)
        if t is None:
            return None, result
        out = result
        best = t if best is None else min(best, t)
    return best, out


names = sorted(f[:-3] for f in os.listdir(scripts_dir) if f.endswith(".py") and f != "empty.py")
if wanted:
    unknown = [w for w in wanted if w not in names]
    if unknown:
        sys.exit(f"unknown benchmark(s): {', '.join(unknown)}; have: {', '.join(names)}")
    names = [n for n in names if n in wanted]

if paired:
    print(f"best of {runs} paired runs (stacklet and python3 at once, one core each), CPU seconds;"
          f" pypy3 alone, wall-clock; ratio = python3 / stacklet (higher is faster)")
else:
    print(f"best of {runs} runs, wall-clock seconds; ratio = python3 / stacklet (higher is faster)")
print()
header = f"{'script':<18}{'stacklet s':>12}{'python3 s':>12}{'pypy3 s':>12}{'ratio':>10}"
print(header)
print("-" * len(header))
ratios = []
problems = []
for name in names:
    script = name + ".py"
    if paired:
        (own_time, own_out), (ref_time, ref_out) = best_of_paired(interpreters[0][1], [python],
                                                                  script, runs)
    else:
        ref_time, ref_out = best_of([python], script, runs)
    cells = {}
    if ref_time is None:
        problems.append(f"{name}: python3 failed ({ref_out})")
        cells["python3"] = "FAIL"
    else:
        cells["python3"] = f"{ref_time:.3f}"
    times = {"python3": ref_time}
    for label, command in interpreters:
        if label == "python3":
            continue
        if command is None:
            cells[label] = "FAIL" if label == "stacklet" else "-"
            times[label] = None
            continue
        if paired and label == "stacklet":
            t, out = own_time, own_out
        else:
            t, out = best_of(command, script, runs)
        if t is None:
            cells[label] = "FAIL"
            problems.append(f"{name}: {label} failed ({out})")
        elif ref_time is not None and out != ref_out:
            t = None
            cells[label] = "MISMATCH"
            problems.append(f"{name}: {label} OUTPUT MISMATCH with python3")
        else:
            cells[label] = f"{t:.3f}"
        times[label] = t
    ratio = ""
    if times.get("stacklet") and ref_time:
        r = ref_time / times["stacklet"]
        ratios.append(r)
        ratio = f"{r:.2f}x"
    elif ref_time:
        ratio = "FAIL"
    print(f"{name:<18}{cells['stacklet']:>12}{cells['python3']:>12}{cells['pypy3']:>12}{ratio:>10}", flush=True)

print("-" * len(header))
if ratios:
    geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    print(f"geometric mean of python3/stacklet over {len(ratios)} of {len(names)} scripts: {geo:.2f}x"
          f"  (slowest {min(ratios):.2f}x, fastest {max(ratios):.2f}x)")
else:
    print("geometric mean: n/a (no script ran correctly under stacklet)")

startup = []
for label, command in interpreters:
    if command is None:
        startup.append(f"{label} -")
        continue
    t, out = best_of(command, "empty.py", startup_runs)
    startup.append(f"{label} {t * 1000:.1f} ms" if t is not None else f"{label} FAIL")
print(f"startup (empty script, best of {startup_runs}): " + ", ".join(startup))

if problems:
    print()
    print("!!! PROBLEMS (excluded from the mean):")
    for p in problems:
        print("!!!   " + p)
PY
