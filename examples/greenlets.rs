//! Greenlets from Rust: the classic ping-pong, then a generator built from a greenlet.
//!
//! Run with `cargo run --release --example greenlets`.

use stacklet::{Error, Greenlet};
use std::cell::RefCell;
use std::rc::Rc;

/// python-greenlet's first example: two greenlets hand control back and forth.
fn ping_pong() -> Result<(), Error> {
    let gr1: Rc<RefCell<Option<Greenlet>>> = Rc::default();
    let gr2: Rc<RefCell<Option<Greenlet>>> = Rc::default();
    let (g1, g2) = (gr1.clone(), gr2.clone());
    let test1 = Greenlet::new(move |()| -> Result<(), Error> {
        println!("12");
        let other = g2.borrow().clone().expect("gr2 exists");
        other.switch::<(), ()>(())?;
        println!("34");
        Ok(())
    });
    let (g1b, g2b) = (gr1.clone(), gr2.clone());
    let test2 = Greenlet::new(move |()| -> Result<(), Error> {
        println!("56");
        let other = g1b.borrow().clone().expect("gr1 exists");
        other.switch::<(), ()>(())?;
        println!("78");
        Ok(())
    });
    *gr1.borrow_mut() = Some(test1.clone());
    *gr2.borrow_mut() = Some(test2.clone());
    test1.switch::<(), ()>(())?;
    println!(
        "gr1 dead: {}, gr2 dead: {}",
        test1.is_dead(),
        test2.is_dead()
    );
    // gr2 is still suspended after printing 56; dropping the last handles kills it, which
    // runs nothing visible here because its body propagates the GreenletExit with `?`.
    drop((g1, g2b, gr1, gr2));
    Ok(())
}

/// A generator: a greenlet that switches each item to its parent (the consumer).
struct Generator {
    greenlet: Greenlet,
}

impl Generator {
    fn new(
        produce: impl FnOnce(&dyn Fn(u64) -> Result<(), Error>) -> Result<(), Error> + 'static,
    ) -> Generator {
        let greenlet = Greenlet::new(move |()| -> Result<(), Error> {
            let consumer = Greenlet::current()
                .parent()
                .expect("a child greenlet has a parent");
            produce(&|item| consumer.switch::<Option<u64>, ()>(Some(item)))?;
            // Finishing sends `None` to the parent: the end of the sequence.
            Ok(())
        });
        Generator { greenlet }
    }
}

impl Iterator for Generator {
    type Item = u64;

    fn next(&mut self) -> Option<u64> {
        if self.greenlet.is_dead() {
            return None;
        }
        // The body's final `Ok(())` arrives as `()`, items as `Some(n)`.
        let received = self.greenlet.switch_value(stacklet::Payload::unit()).ok()?;
        received.downcast::<Option<u64>>().ok().flatten()
    }
}

fn main() -> Result<(), Error> {
    ping_pong()?;
    let fibonacci = Generator::new(|emit| {
        let (mut a, mut b) = (0u64, 1u64);
        loop {
            emit(a)?;
            (a, b) = (b, a + b);
        }
    });
    let first: Vec<u64> = fibonacci.take(10).collect();
    println!("fibonacci: {first:?}");
    let squares: Vec<u64> = Generator::new(|emit| (1..=5).try_for_each(|i| emit(i * i))).collect();
    println!("squares: {squares:?}");
    Ok(())
}
