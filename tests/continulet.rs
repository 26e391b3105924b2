//! PyPy `_continuation` rules (shared/spec part B) for the Rust API.

use stacklet::{permute, Continulet, Error};
use std::cell::RefCell;
use std::rc::Rc;

#[test]
fn the_callable_starts_lazily_with_the_continulet() {
    let started = Rc::new(RefCell::new(false));
    let s = started.clone();
    let c = Continulet::new(move |c: &Continulet| -> Result<i32, Error> {
        *s.borrow_mut() = true;
        assert!(c.is_pending());
        Ok(5)
    });
    assert!(!*started.borrow() && c.is_pending());
    assert_eq!(c.switch::<(), i32>(()).unwrap(), 5);
    assert!(*started.borrow() && !c.is_pending() && c.is_finished());
}

#[test]
fn switch_inside_is_yield_and_outside_is_resume() {
    let c = Continulet::new(|c: &Continulet| -> Result<&'static str, Error> {
        let got: i32 = c.switch(1)?;
        let got2: i32 = c.switch(got + 1)?;
        assert_eq!(got2, 100);
        Ok("end")
    });
    assert_eq!(c.switch::<(), i32>(()).unwrap(), 1);
    assert_eq!(c.switch::<i32, i32>(10).unwrap(), 11);
    assert_eq!(c.switch::<i32, &str>(100).unwrap(), "end");
}

#[test]
fn generator_from_the_docs_prints_30_then_31() {
    let make = |a: i32, b: i32| {
        Continulet::new(move |c: &Continulet| -> Result<(), Error> {
            c.switch::<i32, ()>(a + b)?;
            c.switch::<i32, ()>(a + b + 1)?;
            Ok(())
        })
    };
    let g = make(10, 20);
    let mut items = Vec::new();
    while g.is_pending() {
        match g
            .switch_value(stacklet::Payload::unit(), None)
            .unwrap()
            .downcast::<i32>()
        {
            Ok(i) => items.push(i),
            Err(_) => break,
        }
    }
    assert_eq!(items, [30, 31]);
}

#[test]
fn errors_of_the_spec() {
    let c = Continulet::new(|_: &Continulet| -> Result<(), Error> { Ok(()) });
    c.switch::<(), ()>(()).unwrap();
    assert!(matches!(c.switch::<(), ()>(()), Err(Error::Finished)));
    assert_eq!(
        c.switch::<(), ()>(()).unwrap_err().to_string(),
        "continulet already finished"
    );
    assert!(matches!(
        c.bind_value(|_| Ok(stacklet::Payload::unit())),
        Err(Error::AlreadyBound)
    ));
    let fresh = Continulet::new(|_: &Continulet| -> Result<(), Error> { Ok(()) });
    let err = fresh.switch::<i32, ()>(1).unwrap_err();
    assert_eq!(
        err.to_string(),
        "can't send non-None value to a just-started continulet"
    );
    assert!(fresh.is_finished());
}

#[test]
fn an_unbound_continulet_returns_the_value_or_forwards_to() {
    let u = Continulet::unbound();
    assert!(!u.is_pending());
    assert_eq!(u.switch::<i32, i32>(4).unwrap(), 4);
    let target = Continulet::new(|_: &Continulet| -> Result<i32, Error> { Ok(9) });
    assert_eq!(u.switch_to::<(), i32>((), &target).unwrap(), 9);
}

#[test]
fn throw_into_a_suspended_callable_and_into_a_fresh_one() {
    let c = Continulet::new(|c: &Continulet| -> Result<&'static str, Error> {
        match c.switch::<(), ()>(()) {
            Err(e) if e.raised::<&str>() == Some(&"boom") => Ok("caught"),
            _ => Ok("missed"),
        }
    });
    c.switch::<(), ()>(()).unwrap();
    assert_eq!(
        c.throw::<&str>(Error::raise("boom"), None).unwrap(),
        "caught"
    );

    let ran = Rc::new(RefCell::new(false));
    let r = ran.clone();
    let fresh = Continulet::new(move |_: &Continulet| -> Result<(), Error> {
        *r.borrow_mut() = true;
        Ok(())
    });
    let err = fresh.throw::<()>(Error::raise(3u8), None).unwrap_err();
    assert_eq!(err.raised::<u8>(), Some(&3));
    assert!(fresh.is_finished() && !*ran.borrow());
}

#[test]
fn the_result_goes_to_the_continuation_held_at_the_end() {
    // c1 starts c2; c2 leaves through c1 to main; main resumes c2 by c1.switch();
    // c2's result then goes to what c2 holds: c1's callable, suspended in c2.switch().
    let log: Rc<RefCell<Vec<String>>> = Rc::default();
    let c2: Rc<RefCell<Option<Continulet>>> = Rc::default();
    let (l1, c2a) = (log.clone(), c2.clone());
    let c1 = Continulet::new(move |c1: &Continulet| -> Result<&'static str, Error> {
        let l2 = l1.clone();
        let c1_for_f2 = c1.clone();
        let inner = Continulet::new(move |_: &Continulet| -> Result<&'static str, Error> {
            l2.borrow_mut().push("f2 leaves through c1".into());
            c1_for_f2.switch::<&str, ()>("from f2")?;
            Ok("f2 result")
        });
        *c2a.borrow_mut() = Some(inner.clone());
        let got: &str = inner.switch(())?;
        l1.borrow_mut().push(format!("f1 got {got}"));
        Ok("f1 result")
    });
    assert_eq!(c1.switch::<(), &str>(()).unwrap(), "from f2");
    assert_eq!(c1.switch::<(), &str>(()).unwrap(), "f1 result");
    assert_eq!(*log.borrow(), ["f2 leaves through c1", "f1 got f2 result"]);
    c2.borrow_mut().take();
}

#[test]
fn double_switch_ping_pong_without_main() {
    let count = Rc::new(RefCell::new(Vec::new()));
    let peers: Rc<RefCell<Vec<Continulet>>> = Rc::default();
    let (p1, k1) = (peers.clone(), count.clone());
    let a = Continulet::new(move |me: &Continulet| -> Result<&'static str, Error> {
        let mut n: u32 = 0;
        while n < 6 {
            k1.borrow_mut().push(format!("a{n}"));
            let other = p1.borrow()[1].clone();
            n = me.switch_to(n + 1, &other)?;
        }
        Ok("a done")
    });
    let (p2, k2) = (peers.clone(), count.clone());
    let b = Continulet::new(move |me: &Continulet| -> Result<(), Error> {
        let mut n: u32 = me.switch(())?;
        loop {
            k2.borrow_mut().push(format!("b{n}"));
            let other = p2.borrow()[0].clone();
            n = me.switch_to(n + 1, &other)?;
        }
    });
    peers.borrow_mut().extend([a.clone(), b.clone()]);
    // Start b up to its first switch, which comes back here.
    b.switch::<(), ()>(()).unwrap();
    assert_eq!(a.switch::<(), &str>(()).unwrap(), "a done");
    assert_eq!(*count.borrow(), ["a0", "b1", "a2", "b3", "a4", "b5"]);
    peers.borrow_mut().clear();
}

#[test]
fn permute_rotates_and_checks() {
    let a = Continulet::new(|c: &Continulet| -> Result<&'static str, Error> {
        c.switch::<&str, ()>("a yielded")?;
        Ok("a ends")
    });
    let b = Continulet::new(|_: &Continulet| -> Result<&'static str, Error> { Ok("b") });
    assert_eq!(a.switch::<(), &str>(()).unwrap(), "a yielded");
    // Swap what they hold: now b holds a's suspended callable and a holds b's fresh one.
    permute(&[&a, &b]).unwrap();
    assert_eq!(b.switch::<(), &str>(()).unwrap(), "a ends");
    // The callable that ended is a's: a is finished; b stays pending.
    assert!(a.is_finished() && b.is_pending());
    let finished = Continulet::new(|_: &Continulet| -> Result<(), Error> { Ok(()) });
    finished.switch::<(), ()>(()).unwrap();
    let pending = Continulet::new(|_: &Continulet| -> Result<(), Error> { Ok(()) });
    assert!(matches!(
        permute(&[&pending, &finished]),
        Err(Error::PermuteFinished)
    ));
    permute(&[&pending]).unwrap();
    permute(&[&pending, &Continulet::unbound()]).unwrap();
}

/// PyPy's "unlimited recursion" example: a bootstrap continulet runs each chunk of a deep
/// recursion on a fresh continulet entered by a double switch.
#[test]
fn recursion_in_chunks_through_a_bootstrap_continulet() {
    const DEPTH: u32 = 30_007;
    const CHUNK: u32 = 100;

    fn recurse(n: u32, boot: &Continulet) -> Result<(&'static str, u32), Error> {
        if n == 0 {
            return Ok(("ok", 0));
        }
        let (tag, depth) = if n.is_multiple_of(CHUNK) {
            // Run the rest on a new, shallow continulet; the bootstrap carries it.
            let b = boot.clone();
            let fresh = Continulet::new(move |_: &Continulet| recurse(n - 1, &b));
            boot.switch_to::<(), (&str, u32)>((), &fresh)?
        } else {
            recurse(n - 1, boot)?
        };
        Ok((tag, depth + 1))
    }

    let boot = Continulet::unbound();
    let result = recurse(DEPTH, &boot).unwrap();
    assert_eq!(result, ("ok", DEPTH));
}

#[test]
fn a_panic_in_the_callable_reaches_the_switcher() {
    let c = Continulet::new(|_: &Continulet| -> Result<(), Error> { panic!("inside") });
    assert!(matches!(c.switch::<(), ()>(()), Err(Error::Panic(_))));
    assert!(c.is_finished());
}

#[test]
fn dropping_a_suspended_continulet_releases_its_stack() {
    let before = stacklet::stats().fibers;
    {
        let c = Continulet::new(|c: &Continulet| -> Result<(), Error> {
            c.switch::<(), ()>(())?;
            Ok(())
        });
        c.switch::<(), ()>(()).unwrap();
        assert_eq!(stacklet::stats().fibers, before + 1);
    }
    // The callable holds its continulet, a cycle through a suspended stack: like CPython,
    // it is not collected while the thread lives. Here we only check nothing crashes.
    assert!(stacklet::stats().fibers >= before);
}

#[test]
fn greenlets_and_continulets_compose() {
    // A greenlet drives a continulet generator; inside the generator's callable, the code
    // switches to main (a greenlet switch from a continulet's stack) and is resumed later.
    let gen = Continulet::new(|c: &Continulet| -> Result<(), Error> {
        c.switch::<u32, ()>(1)?;
        let main = stacklet::Greenlet::main();
        let from_main: u32 = main.switch("paused inside the generator")?;
        c.switch::<u32, ()>(from_main)?;
        Ok(())
    });
    let g2 = gen.clone();
    let worker = stacklet::Greenlet::new(move |()| -> Result<u32, Error> {
        let a: u32 = g2.switch(())?;
        let b: u32 = g2.switch(())?;
        Ok(a + b)
    });
    assert_eq!(
        worker.switch::<(), &str>(()).unwrap(),
        "paused inside the generator"
    );
    // Resuming the worker resumes the context it switched from: the generator's stack.
    assert_eq!(worker.switch::<u32, u32>(41).unwrap(), 42);
    assert!(worker.is_dead());
}
