//! python-greenlet's rules (shared/spec part A) as they apply to the Rust API.

use stacklet::{Error, Greenlet, GreenletExit, Payload};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

type Log = Rc<RefCell<Vec<String>>>;

fn log() -> Log {
    Rc::default()
}

fn push(log: &Log, s: impl Into<String>) {
    log.borrow_mut().push(s.into());
}

#[test]
fn first_program_prints_12_56_34() {
    let log = log();
    let slots: Rc<RefCell<Vec<Greenlet>>> = Rc::default();
    let (l1, s1) = (log.clone(), slots.clone());
    let gr1 = Greenlet::new(move |()| -> Result<(), Error> {
        push(&l1, "12");
        let gr2 = s1.borrow()[1].clone();
        gr2.switch::<(), ()>(())?;
        push(&l1, "34");
        Ok(())
    });
    let (l2, s2) = (log.clone(), slots.clone());
    let gr2 = Greenlet::new(move |()| -> Result<(), Error> {
        push(&l2, "56");
        let gr1 = s2.borrow()[0].clone();
        gr1.switch::<(), ()>(())?;
        push(&l2, "78");
        Ok(())
    });
    slots.borrow_mut().extend([gr1.clone(), gr2.clone()]);
    gr1.switch::<(), ()>(()).unwrap();
    assert_eq!(*log.borrow(), ["12", "56", "34"]);
    assert!(gr1.is_dead());
    assert!(!gr2.is_dead());
    slots.borrow_mut().clear();
}

#[test]
fn values_pass_both_ways_and_the_result_goes_to_the_parent() {
    let g = Greenlet::new(|a: i32| -> Result<String, Error> {
        let main = Greenlet::current().parent().unwrap();
        let b: i32 = main.switch(a * 2)?;
        Ok(format!("done {b}"))
    });
    assert_eq!(g.switch::<i32, i32>(21).unwrap(), 42);
    assert_eq!(g.switch::<i32, String>(7).unwrap(), "done 7");
    assert!(g.is_dead());
}

#[test]
fn states_follow_the_table() {
    let g = Greenlet::new(|()| -> Result<(), Error> {
        let me = Greenlet::current();
        assert!(me.is_current() && me.is_active() && !me.is_dead());
        me.parent().unwrap().switch::<(), ()>(())
    });
    assert!(!g.is_started() && !g.is_active() && !g.is_dead() && g.has_run());
    g.switch::<(), ()>(()).unwrap();
    assert!(g.is_started() && g.is_active() && !g.is_dead() && !g.has_run());
    g.switch::<(), ()>(()).unwrap();
    assert!(!g.is_active() && g.is_dead());
    let main = Greenlet::main();
    assert!(main.is_main() && main.is_active() && !main.is_dead() && main.parent().is_none());
    assert_eq!(Greenlet::current(), main);
}

#[test]
fn an_error_travels_to_the_parent_and_the_greenlet_dies() {
    let g = Greenlet::new(|()| -> Result<(), Error> { Err(Error::raise("boom")) });
    let err = g.switch::<(), ()>(()).unwrap_err();
    assert_eq!(err.raised::<&str>(), Some(&"boom"));
    assert!(g.is_dead());
}

#[test]
fn a_panic_travels_to_the_parent() {
    let g = Greenlet::new(|()| -> Result<(), Error> { panic!("greenlet panic") });
    match g.switch::<(), ()>(()) {
        Err(Error::Panic(p)) => assert_eq!(p.downcast_ref::<&str>(), Some(&"greenlet panic")),
        other => panic!("expected a panic, got {other:?}"),
    }
    assert!(g.is_dead());
}

#[test]
fn the_error_goes_to_the_parent_not_to_the_last_switcher() {
    let log = log();
    let l = log.clone();
    let child_slot: Rc<RefCell<Option<Greenlet>>> = Rc::default();
    let slot = child_slot.clone();
    let parent = Greenlet::new(move |()| -> Result<&'static str, Error> {
        let child = Greenlet::new(|()| -> Result<(), Error> {
            // Leave for main, which is not this greenlet's parent.
            Greenlet::main().switch::<(), ()>(())?;
            Err(Error::raise(7u8))
        });
        *slot.borrow_mut() = Some(child.clone());
        match child.switch::<(), ()>(()) {
            Err(e) => push(&l, format!("parent caught {:?}", e.raised::<u8>())),
            Ok(()) => push(&l, "parent got a value"),
        }
        Ok("parent done")
    });
    parent.switch::<(), ()>(()).unwrap();
    let child = child_slot.borrow_mut().take().unwrap();
    // Main resumes the child; its error goes to its parent, whose result comes back to main.
    assert_eq!(child.switch::<(), &str>(()).unwrap(), "parent done");
    assert_eq!(*log.borrow(), ["parent caught Some(7)"]);
    assert!(child.is_dead() && parent.is_dead());
}

#[test]
fn switching_to_a_dead_greenlet_goes_to_its_nearest_live_parent() {
    let g = Greenlet::new(|()| -> Result<i32, Error> { Ok(1) });
    assert_eq!(g.switch::<(), i32>(()).unwrap(), 1);
    // The nearest live ancestor is the caller itself: the value comes straight back.
    assert_eq!(g.switch::<&str, &str>("back").unwrap(), "back");
}

#[test]
fn an_unstarted_parent_is_started_with_the_result() {
    let log = log();
    let l = log.clone();
    let parent = Greenlet::new(move |v: i32| -> Result<i32, Error> {
        push(&l, format!("parent started with {v}"));
        Ok(v + 1)
    });
    let child = Greenlet::builder()
        .parent(&parent)
        .build(|()| -> Result<i32, Error> { Ok(10) });
    assert_eq!(child.switch::<(), i32>(()).unwrap(), 11);
    assert!(child.is_dead() && parent.is_dead());
    assert_eq!(*log.borrow(), ["parent started with 10"]);
}

#[test]
fn a_wrongly_typed_first_value_fails_inside_the_new_greenlet() {
    let g = Greenlet::new(|_: u64| -> Result<(), Error> { Ok(()) });
    match g.switch::<&str, ()>("not a number") {
        Err(Error::Mismatch { expected, value }) => {
            assert_eq!(expected, "u64");
            assert_eq!(value.downcast::<&str>().unwrap(), "not a number");
        }
        other => panic!("expected a mismatch, got {other:?}"),
    }
    assert!(g.is_dead());
}

#[test]
fn throw_into_a_suspended_greenlet_raises_where_it_waits() {
    let g = Greenlet::new(|()| -> Result<&'static str, Error> {
        match Greenlet::main().switch::<(), ()>(()) {
            Err(e) if e.raised::<i32>() == Some(&5) => Ok("caught 5"),
            _ => Ok("no"),
        }
    });
    g.switch::<(), ()>(()).unwrap();
    assert_eq!(g.throw::<&str>(Error::raise(5i32)).unwrap(), "caught 5");
}

#[test]
fn an_uncaught_exit_comes_back_as_a_greenlet_exit_value() {
    let g = Greenlet::new(|()| -> Result<(), Error> { Greenlet::main().switch::<(), ()>(()) });
    g.switch::<(), ()>(()).unwrap();
    assert_eq!(g.throw::<GreenletExit>(Error::Exit).unwrap(), GreenletExit);
    assert!(g.is_dead());
}

#[test]
fn throw_into_an_unstarted_greenlet_never_runs_it() {
    let ran = Rc::new(RefCell::new(false));
    let r = ran.clone();
    let g = Greenlet::new(move |()| -> Result<(), Error> {
        *r.borrow_mut() = true;
        Ok(())
    });
    let err = g.throw::<()>(Error::raise("early")).unwrap_err();
    assert_eq!(err.raised::<&str>(), Some(&"early"));
    assert!(g.is_dead() && !g.has_run() && !*ran.borrow());
    let g = Greenlet::new(|()| -> Result<(), Error> { Ok(()) });
    assert_eq!(g.throw::<GreenletExit>(Error::Exit).unwrap(), GreenletExit);
}

#[test]
fn throw_into_a_dead_greenlet_raises_in_the_caller_but_returns_exit() {
    let g = Greenlet::new(|()| -> Result<(), Error> { Ok(()) });
    g.switch::<(), ()>(()).unwrap();
    assert_eq!(
        g.throw::<()>(Error::raise(1u8)).unwrap_err().raised::<u8>(),
        Some(&1)
    );
    assert_eq!(g.throw::<GreenletExit>(Error::Exit).unwrap(), GreenletExit);
}

#[test]
fn throw_at_the_current_greenlet_raises_right_there() {
    let err = Greenlet::current()
        .throw::<()>(Error::raise("here"))
        .unwrap_err();
    assert_eq!(err.raised::<&str>(), Some(&"here"));
}

#[test]
fn a_child_can_throw_into_main() {
    let g = Greenlet::new(|()| -> Result<(), Error> {
        let _ = Greenlet::main().throw::<()>(Error::raise("to main"));
        Ok(())
    });
    let err = g.switch::<(), ()>(()).unwrap_err();
    assert_eq!(err.raised::<&str>(), Some(&"to main"));
    assert!(!g.is_dead(), "the child stays suspended in its throw");
}

#[test]
fn switch_without_run_is_an_error_in_the_caller() {
    let g = Greenlet::builder().build_without_run();
    assert!(matches!(g.switch::<(), ()>(()), Err(Error::NoRun)));
    assert!(!g.is_started());
    g.set_run(|x: i32| -> Result<i32, Error> { Ok(x * 3) })
        .unwrap();
    assert_eq!(g.switch::<i32, i32>(3).unwrap(), 9);
    assert!(matches!(
        g.set_run(|()| -> Result<(), Error> { Ok(()) }),
        Err(Error::RunAfterStart)
    ));
}

#[test]
fn parent_rules() {
    let a = Greenlet::new(|()| -> Result<(), Error> { Ok(()) });
    let b = Greenlet::builder()
        .parent(&a)
        .build(|()| -> Result<(), Error> { Ok(()) });
    assert!(matches!(a.set_parent(&b), Err(Error::CyclicParent)));
    assert!(matches!(a.set_parent(&a), Err(Error::CyclicParent)));
    assert!(matches!(
        Greenlet::main().set_parent(&a),
        Err(Error::MainParent)
    ));
    assert_eq!(b.parent().unwrap(), a);
    b.set_parent(&Greenlet::main()).unwrap();
    assert_eq!(b.parent().unwrap(), Greenlet::main());
}

#[test]
fn set_parent_redirects_the_result() {
    let log = log();
    let l = log.clone();
    let catcher = Greenlet::new(move |v: &'static str| -> Result<(), Error> {
        push(&l, format!("catcher got {v}"));
        Ok(())
    });
    let g = Greenlet::new(|()| -> Result<&'static str, Error> { Ok("result") });
    g.set_parent(&catcher).unwrap();
    g.switch::<(), ()>(()).unwrap();
    assert_eq!(*log.borrow(), ["catcher got result"]);
}

#[test]
fn dropping_the_last_handle_kills_a_suspended_greenlet_and_runs_its_cleanup() {
    let log = log();
    let l = log.clone();
    let g = Greenlet::new(move |()| -> Result<(), Error> {
        struct Cleanup(Log);
        impl Drop for Cleanup {
            fn drop(&mut self) {
                push(&self.0, "cleanup ran");
            }
        }
        let _cleanup = Cleanup(l.clone());
        match Greenlet::main().switch::<(), ()>(()) {
            Err(Error::Exit) => push(&l, "got exit"),
            _ => push(&l, "unexpected"),
        }
        Err(Error::Exit)
    });
    g.switch::<(), ()>(()).unwrap();
    let before = stacklet::stats().fibers;
    drop(g);
    assert_eq!(*log.borrow(), ["got exit", "cleanup ran"]);
    assert_eq!(stacklet::stats().fibers, before - 1);
}

#[test]
fn the_killed_greenlet_returns_to_the_releasing_greenlet() {
    let log = log();
    let l = log.clone();
    let outer = Greenlet::new(move |()| -> Result<(), Error> {
        let l2 = l.clone();
        let victim = Greenlet::new(move |()| -> Result<(), Error> {
            // A separate statement: a temporary `Greenlet::current()` alive across the
            // switch would be a handle to itself, and a referenced greenlet is not killed.
            let parent = Greenlet::current().parent().unwrap();
            let r = parent.switch::<(), ()>(());
            push(
                &l2,
                format!("victim woke: exit={}", matches!(r, Err(Error::Exit))),
            );
            r
        });
        victim.switch::<(), ()>(())?;
        push(&l, "dropping");
        drop(victim);
        push(&l, "after drop, still in outer");
        Ok(())
    });
    outer.switch::<(), ()>(()).unwrap();
    assert_eq!(
        *log.borrow(),
        [
            "dropping",
            "victim woke: exit=true",
            "after drop, still in outer"
        ]
    );
    assert!(outer.is_dead());
}

#[test]
fn a_greenlet_that_refuses_to_die_is_leaked_not_unwound() {
    let g = Greenlet::new(|()| -> Result<(), Error> {
        loop {
            // Swallows every kill and goes back to whoever resumed it.
            let _ = Greenlet::main().switch::<(), ()>(());
        }
    });
    g.switch::<(), ()>(()).unwrap();
    let fibers = stacklet::stats().fibers;
    drop(g);
    // Still suspended, its stack still on loan: leaked on purpose.
    assert_eq!(stacklet::stats().fibers, fibers);
}

#[test]
fn kill_runs_cleanup_and_reports_death() {
    let g = Greenlet::new(|()| -> Result<(), Error> { Greenlet::main().switch::<(), ()>(()) });
    g.switch::<(), ()>(()).unwrap();
    g.kill().unwrap();
    assert!(g.is_dead());
    let unstarted = Greenlet::new(|()| -> Result<(), Error> { Ok(()) });
    unstarted.kill().unwrap();
    assert!(unstarted.is_dead());
}

#[test]
fn unstarted_and_dead_greenlets_are_simply_freed() {
    let _main = Greenlet::main();
    let before = Greenlet::alive_count();
    {
        let _unstarted = Greenlet::new(|()| -> Result<(), Error> { Ok(()) });
        let dead = Greenlet::new(|()| -> Result<(), Error> { Ok(()) });
        dead.switch::<(), ()>(()).unwrap();
        assert_eq!(Greenlet::alive_count(), before + 2);
    }
    assert_eq!(Greenlet::alive_count(), before);
}

#[test]
fn a_dead_greenlets_record_is_reused_as_new() {
    // Records of dead greenlets are recycled: a new greenlet must start from scratch, with
    // its own id and parent, and a dead child must not keep its parent alive.
    let _main = Greenlet::main();
    let before = Greenlet::alive_count();
    let mut ids = std::collections::HashSet::new();
    for round in 0..50u32 {
        let parent = Greenlet::new(|x: u32| -> Result<u32, Error> { Ok(x) });
        let child = Greenlet::builder()
            .parent(&parent)
            .build(move |x: u32| -> Result<u32, Error> { Ok(x + round) });
        assert!(!child.is_started() && !child.is_dead());
        assert!(ids.insert(child.id()), "ids are never reused");
        assert_eq!(child.parent().as_ref(), Some(&parent));
        // The child's result starts its unstarted parent, whose result comes back here.
        assert_eq!(child.switch::<u32, u32>(1).unwrap(), 1 + round);
        assert!(child.is_dead() && parent.is_dead());
    }
    assert_eq!(Greenlet::alive_count(), before);
}

#[test]
fn a_dead_child_kept_for_reuse_does_not_keep_its_parent_alive() {
    struct Flag(Rc<Cell<bool>>);
    impl Drop for Flag {
        fn drop(&mut self) {
            self.0.set(true);
        }
    }
    let killed = Rc::new(Cell::new(false));
    let flag = Flag(killed.clone());
    let parent = Greenlet::new(move |()| -> Result<(), Error> {
        let _flag = flag;
        loop {
            Greenlet::main().switch::<(), ()>(())?;
        }
    });
    parent.switch::<(), ()>(()).unwrap();
    let child = Greenlet::builder()
        .parent(&parent)
        .build(|()| -> Result<(), Error> { Ok(()) });
    // The child's end resumes the parent, which switches back here.
    child.switch::<(), ()>(()).unwrap();
    assert!(child.is_dead() && !parent.is_dead());
    drop(child);
    drop(parent);
    assert!(
        killed.get(),
        "the suspended parent was killed when its last handle went"
    );
}

#[test]
fn mismatched_values_are_returned_not_lost() {
    let g = Greenlet::new(|()| -> Result<String, Error> { Ok("text".to_string()) });
    match g.switch::<(), u32>(()) {
        Err(Error::Mismatch { value, .. }) => {
            assert_eq!(value.downcast::<String>().unwrap(), "text")
        }
        other => panic!("expected a mismatch, got {other:?}"),
    }
}

#[test]
fn a_generator_from_greenlets() {
    let g = Greenlet::new(|()| -> Result<(), Error> {
        let consumer = Greenlet::current().parent().unwrap();
        for i in 0..5u32 {
            consumer.switch::<Option<u32>, ()>(Some(i))?;
        }
        Ok(())
    });
    let mut items = Vec::new();
    loop {
        let got = g.switch_value(Payload::unit()).unwrap();
        match got.downcast::<Option<u32>>() {
            Ok(Some(i)) => items.push(i),
            _ => break,
        }
    }
    assert_eq!(items, [0, 1, 2, 3, 4]);
}

#[test]
fn each_thread_has_its_own_main_greenlet() {
    let here = Greenlet::main().id();
    let there = std::thread::spawn(|| {
        let main = Greenlet::main();
        assert!(main.is_current());
        let g = Greenlet::new(|x: u8| -> Result<u8, Error> { Ok(x + 1) });
        (main.id(), g.switch::<u8, u8>(1).unwrap())
    })
    .join()
    .unwrap();
    assert_ne!(here, there.0);
    assert_eq!(there.1, 2);
}

#[test]
fn many_greenlets_ping_pong_in_a_ring() {
    const N: usize = 100;
    let ring: Rc<RefCell<Vec<Greenlet>>> = Rc::default();
    for i in 0..N {
        let r = ring.clone();
        ring.borrow_mut().push(Greenlet::new(
            move |mut token: usize| -> Result<usize, Error> {
                for _ in 0..10 {
                    let next = r.borrow()[(i + 1) % N].clone();
                    token = if i == N - 1 && token >= 10 * N - 1 {
                        return Ok(token);
                    } else {
                        next.switch(token + 1)?
                    };
                }
                Ok(token)
            },
        ));
    }
    let first = ring.borrow()[0].clone();
    let total: usize = first.switch(0usize).unwrap();
    assert_eq!(total, 10 * N - 1);
    ring.borrow_mut().clear();
}

#[test]
fn threads_run_their_own_greenlets_concurrently() {
    let handles: Vec<_> = (0..4)
        .map(|t| {
            std::thread::spawn(move || {
                let mut total = 0u64;
                for round in 0..200u64 {
                    let g = Greenlet::new(move |x: u64| -> Result<u64, Error> {
                        let main = Greenlet::main();
                        let y: u64 = main.switch(x + 1)?;
                        Ok(y * 2)
                    });
                    let first: u64 = g.switch(round).unwrap();
                    total += g.switch::<u64, u64>(first + t).unwrap();
                    if round % 3 == 0 {
                        // Leave some suspended for the thread's exit to release.
                        let parked = Greenlet::new(|()| -> Result<(), Error> {
                            let main = Greenlet::main();
                            main.switch::<(), ()>(())
                        });
                        parked.switch::<(), ()>(()).unwrap();
                        std::mem::forget(parked);
                    }
                }
                total
            })
        })
        .collect();
    for (t, h) in handles.into_iter().enumerate() {
        let expected: u64 = (0..200u64).map(|r| (r + 1 + t as u64) * 2).sum();
        assert_eq!(h.join().unwrap(), expected);
    }
}
