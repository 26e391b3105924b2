//! Continulets: PyPy's `_continuation.continulet` for Rust.
//!
//! A continulet holds one suspended continuation. [`Continulet::switch`] swaps the running
//! continuation with the held one and resumes what was held; inside the callable that is the
//! "yield", from outside it is the "resume". There is no fixed parent: when the callable
//! ends, its result goes to whatever continuation the continulet holds at that moment.
//! `switch_to` (PyPy's `switch(to=...)`) and [`permute`] are compositions of the same swap.
//!
//! ```
//! use stacklet::{Continulet, Error};
//! let gen = Continulet::new(|c: &Continulet| -> Result<(), Error> {
//!     for i in 0..3 {
//!         c.switch::<i32, ()>(i)?;
//!     }
//!     Ok(())
//! });
//! let items: Vec<i32> = (0..3).map(|_| gen.switch((), ).unwrap()).collect();
//! assert_eq!(items, [0, 1, 2]);
//! ```

use crate::error::Error;
use crate::payload::Payload;
use crate::stack::DEFAULT_STACK_SIZE;
use crate::switch::{self, typed, Fiber, Message, Transfer};
use std::cell::{Cell, RefCell};
use std::fmt;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::rc::Rc;

type Callable = Box<dyn FnOnce(&Continulet) -> Result<Payload, Error>>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Created by [`Continulet::unbound`] and not bound yet.
    Unbound,
    /// Bound and not finished: not started, suspended, or running.
    Pending,
    Finished,
}

/// What a continulet holds.
enum Held {
    Nothing,
    /// The callable of the continulet `owner`, not started yet.
    Fresh {
        owner: Rc<Inner>,
        callable: Callable,
    },
    /// A suspended continuation: a fiber, or the thread's root (`None`).
    Context(Option<Rc<Fiber>>),
}

struct Inner {
    state: Cell<State>,
    held: RefCell<Held>,
    stack_size: usize,
}

thread_local! {
    static ALIVE: Cell<usize> = const { Cell::new(0) };
}

impl Drop for Inner {
    fn drop(&mut self) {
        let _ = ALIVE.try_with(|a| a.set(a.get() - 1));
    }
}

/// Continulets allocated on this thread.
pub fn alive_count() -> usize {
    ALIVE.try_with(Cell::get).unwrap_or(0)
}

/// A handle to a continulet (cloning shares it).
#[derive(Clone)]
pub struct Continulet {
    inner: Rc<Inner>,
}

impl Continulet {
    /// A continulet bound to `callable`, which runs at the first switch and receives the
    /// continulet itself.
    pub fn new<R, F>(callable: F) -> Continulet
    where
        R: 'static,
        F: FnOnce(&Continulet) -> Result<R, Error> + 'static,
    {
        let c = Continulet::unbound();
        c.bind_value(move |c| callable(c).map(Payload::new))
            .expect("a new continulet is unbound");
        c
    }

    /// A continulet not bound to any callable yet (PyPy: `continulet.__new__` without
    /// `__init__`). Switching an unbound continulet returns the value at once.
    pub fn unbound() -> Continulet {
        Continulet::with_stack_size(DEFAULT_STACK_SIZE)
    }

    /// An unbound continulet whose callable will get a stack of `bytes` usable bytes.
    pub fn with_stack_size(bytes: usize) -> Continulet {
        let _ = ALIVE.try_with(|a| a.set(a.get() + 1));
        Continulet {
            inner: Rc::new(Inner {
                state: Cell::new(State::Unbound),
                held: RefCell::new(Held::Nothing),
                stack_size: bytes,
            }),
        }
    }

    /// Binds an unbound continulet to a type-erased callable.
    pub fn bind_value(
        &self,
        callable: impl FnOnce(&Continulet) -> Result<Payload, Error> + 'static,
    ) -> Result<(), Error> {
        if self.inner.state.get() != State::Unbound {
            return Err(Error::AlreadyBound);
        }
        *self.inner.held.borrow_mut() = Held::Fresh {
            owner: self.inner.clone(),
            callable: Box::new(callable),
        };
        self.inner.state.set(State::Pending);
        Ok(())
    }

    /// Bound and not finished, including while its callable runs (PyPy's `is_pending()`).
    pub fn is_pending(&self) -> bool {
        self.inner.state.get() == State::Pending
    }

    /// Whether the callable has ended.
    pub fn is_finished(&self) -> bool {
        self.inner.state.get() == State::Finished
    }

    /// Swaps the running continuation with the held one, resuming it with `value`. The first
    /// switch starts the callable and must send `()`.
    #[inline(always)]
    pub fn switch<T: 'static, R: 'static>(&self, value: T) -> Result<R, Error> {
        typed(self.swap(Message::value(Payload::new(value)), None))
    }

    /// The double switch (PyPy's `switch(value, to=other)`): the running continuation goes
    /// into `self`, what `self` held goes into `to`, and what `to` held is resumed.
    pub fn switch_to<T: 'static, R: 'static>(&self, value: T, to: &Continulet) -> Result<R, Error> {
        typed(self.swap(Message::value(Payload::new(value)), Some(to)))
    }

    /// [`Continulet::switch`] / [`Continulet::switch_to`] with type-erased values.
    pub fn switch_value(&self, value: Payload, to: Option<&Continulet>) -> Result<Payload, Error> {
        self.swap(Message::value(value), to).into_result()
    }

    /// The same transfer as `switch`, then `error` is raised where the resumed continuation
    /// was suspended (at the very start of a callable that had not started: it never runs).
    pub fn throw<R: 'static>(&self, error: Error, to: Option<&Continulet>) -> Result<R, Error> {
        typed(self.swap(Message::error(error), to))
    }

    /// [`Continulet::throw`] with a type-erased result.
    pub fn throw_value(&self, error: Error, to: Option<&Continulet>) -> Result<Payload, Error> {
        self.swap(Message::error(error), to).into_result()
    }

    #[inline(always)]
    fn swap(&self, msg: Message, to: Option<&Continulet>) -> Message {
        match self.inner.state.get() {
            State::Finished => return Message::error(Error::Finished),
            State::Unbound => {
                return match to {
                    Some(to) => to.swap(msg, None),
                    None => msg,
                }
            }
            State::Pending => {}
        }
        // An unbound `to` counts as no `to`.
        let to = to.filter(|t| t.inner.state.get() != State::Unbound);
        if let Some(to) = to {
            if to.inner.state.get() == State::Finished {
                return Message::error(Error::Finished);
            }
            if Rc::ptr_eq(&to.inner, &self.inner) {
                return msg;
            }
        }
        if !switch::can_switch() {
            return Message::error(Error::NotNow);
        }
        let here = Held::Context(switch::current());
        let taken = match to {
            None => self.inner.held.replace(here),
            Some(to) => {
                let from_self = self.inner.held.replace(here);
                to.inner.held.replace(from_self)
            }
        };
        let to = match taken {
            Held::Context(context) => context,
            Held::Fresh { owner, callable } => match start(owner, callable) {
                Ok(fiber) => Some(fiber),
                Err(e) => return Message::error(e),
            },
            // Only reachable through `permute` of an inconsistent set: resume the root.
            Held::Nothing => None,
        };
        switch::transfer(to, msg)
    }
}

/// A fiber that runs the callable of `owner` and, when it ends, delivers its result to the
/// continuation `owner` holds at that moment.
fn start(owner: Rc<Inner>, callable: Callable) -> Result<Rc<Fiber>, Error> {
    Ok(Fiber::reserve(owner.stack_size)?.start(
        "continulet",
        0,
        move |first: Message| -> Transfer {
            let me = Continulet { inner: owner };
            let result = match first.into_result() {
                Err(e) => Err(e),
                Ok(value) if !value.is::<()>() => Err(Error::NonUnitToFresh),
                Ok(_) => match catch_unwind(AssertUnwindSafe(|| callable(&me))) {
                    Ok(result) => result,
                    Err(panic) if switch::releasing() => resume_unwind(panic),
                    Err(panic) => Err(Error::Panic(panic)),
                },
            };
            me.inner.state.set(State::Finished);
            let to = match me.inner.held.replace(Held::Nothing) {
                Held::Context(context) => context,
                Held::Fresh { .. } | Held::Nothing => None,
            };
            Transfer {
                to,
                msg: result.into(),
            }
        },
    ))
}

/// Rotates what the continulets hold without switching: after `permute(&[c1, c2, .., cn])`,
/// `c1` holds what `cn` held and each other `ci` what `c(i-1)` held. Unbound ones are skipped.
pub fn permute(continulets: &[&Continulet]) -> Result<(), Error> {
    let bound: Vec<&Continulet> = continulets
        .iter()
        .copied()
        .filter(|c| c.inner.state.get() != State::Unbound)
        .collect();
    if bound.iter().any(|c| c.inner.state.get() == State::Finished) {
        return Err(Error::PermuteFinished);
    }
    if bound.len() < 2 {
        return Ok(());
    }
    let mut carried = bound[bound.len() - 1].inner.held.replace(Held::Nothing);
    for c in &bound {
        carried = c.inner.held.replace(carried);
    }
    Ok(())
}

impl fmt::Debug for Continulet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<continulet {:?}>", self.inner.state.get())
    }
}
