//! The interpreter's Rust API and command: embedding, the shipped example scripts, deep
//! recursion on heap frames, and the runtime counters scripts can read.
#![cfg(feature = "script")]

use stacklet::script::object::Value;
use stacklet::script::Interpreter;
use std::process::Command;

/// A script global that must be an int.
fn global_int(interp: &Interpreter, name: &str) -> i64 {
    match interp.global(name) {
        Some(Value::Int(i)) => i,
        other => panic!("{name} is not an int: {other:?}"),
    }
}

fn run_example(name: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_stacklet"))
        .arg(format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR")))
        .output()
        .expect("run stacklet");
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

#[test]
fn first_greenlet_program_prints_what_cpython_prints() {
    assert_eq!(run_example("greenlets.py"), "12\n56\n34\nTrue False\n");
}

#[test]
fn example_scripts_run() {
    let out = run_example("producer_consumer.py");
    assert!(
        out.ends_with(
            "all stored: ['APPLES', 'PEARS', 'PLUMS'] producer dead: False consumer dead: True\n"
        ),
        "{out}"
    );
    let out = run_example("continulets.py");
    assert!(
        out.starts_with("countdown 3\ncountdown 2\ncountdown 1\nsquares [0, 1, 4, 9, 16]\n"),
        "{out}"
    );
}

#[test]
fn embedding_calls_script_functions_and_natives() {
    let interp = Interpreter::new();
    interp.register_function("triple", |vm, args, _| match args {
        [Value::Int(i)] => Ok(Value::Int(i * 3)),
        _ => Err(vm.type_error("triple() takes one int")),
    });
    interp
        .run_source("t.py", "def f(x):\n    return triple(x) + 1\n")
        .expect("defines f");
    let f = interp.global("f").expect("f");
    let r = interp.call(&f, &[Value::Int(4)]).expect("f(4)");
    assert!(matches!(r, Value::Int(13)));
    let err = interp
        .call(&f, &[Value::str("x")])
        .expect_err("triple('x') fails");
    assert_eq!(err.kind, "TypeError");
    assert!(err.traceback.contains("line 2, in f"), "{}", err.traceback);
}

#[test]
fn recursion_a_million_deep_runs_on_heap_frames() {
    let interp = Interpreter::new();
    interp
        .run_source(
            "deep.py",
            "import sys\nsys.setrecursionlimit(10**7)\n\
             def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\n\
             result = f(1_000_000)\n",
        )
        .expect("deep recursion runs");
    assert!(matches!(
        interp.global("result"),
        Some(Value::Int(1_000_000))
    ));
}

#[test]
fn recursion_past_the_limit_is_a_recursion_error() {
    let interp = Interpreter::new();
    let err = interp
        .run_source(
            "limit.py",
            "import sys\nsys.setrecursionlimit(500)\ndef f(n):\n    return f(n + 1)\nf(0)\n",
        )
        .expect_err("RecursionError");
    assert_eq!(err.kind, "RecursionError");
}

#[test]
fn greenlet_switches_are_counted_by_stacklet_stats() {
    let interp = Interpreter::new();
    interp
        .run_source(
            "stats.py",
            "import __stacklet__\nfrom greenlet import greenlet\n\
             before = __stacklet__.stats().switches\n\
             g = greenlet(lambda: greenlet.getcurrent().parent.switch(1))\n\
             g.switch()\n\
             after = __stacklet__.stats().switches\n",
        )
        .expect("runs");
    let (Some(Value::Int(before)), Some(Value::Int(after))) =
        (interp.global("before"), interp.global("after"))
    else {
        panic!("counters are ints");
    };
    assert!(after >= before + 2, "{before} -> {after}");
}

#[test]
fn greenlets_parked_from_script_code_hold_no_native_stack() {
    // A greenlet that switched from its loop's base is heap frames only: ten thousand of
    // them parked at once, and ping-pong between two of them, need no coroutine each.
    let interp = Interpreter::new();
    interp
        .run_source(
            "parked.py",
            "import __stacklet__\nfrom greenlet import greenlet, getcurrent\n\
             main = getcurrent()\n\
             def park(i):\n    return main.switch(i) + 1\n\
             parked = [greenlet(park) for _ in range(10_000)]\n\
             firsts = sum(g.switch(i) for i, g in enumerate(parked))\n\
             def a():\n    for _ in range(1000):\n        gb.switch()\n\
             def b():\n    while True:\n        ga.switch()\n\
             ga, gb = greenlet(a), greenlet(b)\n\
             ga.switch()\n\
             stats = __stacklet__.stats()\n\
             coroutines = stats.coroutines_alive\n\
             alive = stats.greenlets_alive\n\
             rest = sum(g.switch(0) for g in parked)\n",
        )
        .expect("runs");
    let int = |name: &str| global_int(&interp, name);
    assert_eq!(int("firsts"), 49_995_000);
    assert_eq!(int("rest"), 10_000);
    assert!(int("alive") >= 10_000, "{} greenlets alive", int("alive"));
    assert!(
        int("coroutines") <= 2,
        "{} coroutines alive",
        int("coroutines")
    );
}

#[test]
fn drivers_left_idle_by_hard_parked_greenlets_are_released() {
    // Each greenlet parked inside native code (here a map callback) pins a driver's stack
    // while it waits; once they have all finished, only a few idle drivers stay.
    let interp = Interpreter::new();
    interp
        .run_source(
            "drivers.py",
            "import __stacklet__\nfrom greenlet import greenlet, getcurrent\n\
             main = getcurrent()\n\
             def park():\n    return sum(map(lambda x: main.switch(x), [1, 2]))\n\
             gs = [greenlet(park) for _ in range(200)]\n\
             for g in gs:\n    g.switch()\n\
             pinned = __stacklet__.stats().coroutines_alive\n\
             for g in gs:\n    g.switch(10)\n\
             total = sum(g.switch(20) for g in gs)\n\
             left = __stacklet__.stats().coroutines_alive\n",
        )
        .expect("runs");
    let int = |name: &str| global_int(&interp, name);
    assert_eq!(int("total"), 200 * 30);
    assert!(
        int("pinned") >= 200,
        "{} coroutines while parked",
        int("pinned")
    );
    assert!(int("left") <= 10, "{} coroutines left", int("left"));
}

#[test]
fn a_thread_exits_cleanly_with_greenlets_parked_softly_and_hard() {
    // At exit, parked greenlets run no script code (their `finally` blocks would print) and
    // the thread ends without a panic, whether they hold a driver's stack or not.
    let out = std::thread::spawn(|| {
        let interp = Interpreter::new();
        interp
            .run_source(
                "exit.py",
                "from greenlet import greenlet, getcurrent\n\
                 main = getcurrent()\n\
                 ran = []\n\
                 def soft():\n    try:\n        main.switch()\n    finally:\n        ran.append('soft')\n\
                 def hard():\n    try:\n        list(map(lambda x: main.switch(), [1]))\n    finally:\n        ran.append('hard')\n\
                 keep = [greenlet(soft), greenlet(hard)]\n\
                 for g in keep:\n    g.switch()\n",
            )
            .expect("runs");
        // The list outlives the interpreter: whatever runs while it is torn down shows.
        let Some(Value::List(ran)) = interp.global("ran") else {
            panic!("ran is a list");
        };
        drop(interp);
        ran.len()
    })
    .join()
    .expect("the thread ends without a panic");
    assert_eq!(out, 0, "finally blocks ran at exit");
}

#[test]
fn decimal_state_outlives_its_interpreter_and_thread_cleanly() {
    // The decimal module keeps its types and contexts per thread; interpreters made one
    // after another on a thread each get working decimals, and the thread ends without a
    // panic while that state is torn down.
    let digits = std::thread::spawn(|| {
        let mut digits = Vec::new();
        for round in 0..2 {
            let interp = Interpreter::new();
            interp
                .run_source(
                    "dec.py",
                    &format!(
                        "from decimal import Decimal, localcontext\n\
                         with localcontext(prec={}) as c:\n    x = Decimal(1) / 7\n\
                         t = x.as_tuple()\n\
                         n = len(t.digits)\n",
                        20 + round
                    ),
                )
                .expect("runs");
            digits.push(global_int(&interp, "n"));
        }
        digits
    })
    .join()
    .expect("the thread ends without a panic");
    assert_eq!(digits, vec![20, 21]);
}

#[test]
fn greenlets_parked_by_one_call_from_rust_resume_in_the_next() {
    let interp = Interpreter::new();
    interp
        .run_source(
            "first.py",
            "from greenlet import greenlet, getcurrent\n\
             main = getcurrent()\n\
             def counter():\n    n = 0\n    while True:\n        n += main.switch(n)\n\
             g = greenlet(counter)\n\
             first = g.switch()\n",
        )
        .expect("first call runs");
    interp
        .run_source("second.py", "second = g.switch(5)\nthird = g.switch(7)\n")
        .expect("second call runs");
    let int = |name: &str| global_int(&interp, name);
    assert_eq!((int("first"), int("second"), int("third")), (0, 5, 12));
}

#[test]
fn unsupported_syntax_is_a_clear_error_not_a_panic() {
    let interp = Interpreter::new();
    let err = interp
        .run_source("a.py", "async def f():\n    pass\n")
        .expect_err("async is not supported");
    assert!(err.message.contains("async"), "{}", err.message);
}

#[test]
fn acyclic_garbage_leaves_the_collector_idle() {
    // Containers freed by reference counting are swept from the young generation, so
    // a loop making only acyclic garbage never fills it and never triggers a collection.
    let interp = Interpreter::new();
    interp
        .run_source(
            "acyclic.py",
            "import __stacklet__\n\
             class Point:\n\
             \x20   def __init__(self, x):\n\
             \x20       self.x = x\n\
             before = __stacklet__.stats().gc_collections\n\
             for i in range(200_000):\n\
             \x20   p = Point([i])\n\
             s = __stacklet__.stats()\n\
             runs, tracked = s.gc_collections - before, s.gc_tracked\n",
        )
        .expect("runs");
    let (Some(Value::Int(runs)), Some(Value::Int(tracked))) =
        (interp.global("runs"), interp.global("tracked"))
    else {
        panic!("counters are ints");
    };
    assert_eq!(runs, 0, "collections run for acyclic garbage");
    assert!(tracked < 10_000, "still tracked {tracked}");
}

#[test]
fn cyclic_garbage_is_collected_automatically_in_bounded_memory() {
    let interp = Interpreter::new();
    interp
        .run_source(
            "cycles.py",
            "import __stacklet__\n\
             class Node:\n\
             \x20   def __init__(self):\n\
             \x20       self.me = self\n\
             \x20       self.items = [self]\n\
             for i in range(200_000):\n\
             \x20   Node()\n\
             \x20   l = []\n\
             \x20   l.append(l)\n\
             s = __stacklet__.stats()\n\
             tracked, collected = s.gc_tracked, s.gc_collected\n",
        )
        .expect("runs");
    let (Some(Value::Int(tracked)), Some(Value::Int(collected))) =
        (interp.global("tracked"), interp.global("collected"))
    else {
        panic!("counters are ints");
    };
    // 600,000 containers were made, all of them garbage in cycles: without a collection
    // no one of them would have been freed.
    assert!(collected >= 500_000, "collected {collected}");
    assert!(tracked < 100_000, "still tracked {tracked}");
}
