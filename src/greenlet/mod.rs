//! Greenlets: python-greenlet's semantics for Rust.
//!
//! A greenlet runs a body on its own stack and switches explicitly. Values travel both ways
//! through [`Greenlet::switch`]; a body that ends hands its result (or its error, or its
//! panic) to its parent; switching to a dead greenlet goes to its nearest live parent; an
//! unstarted parent is started with the result; [`Greenlet::throw`] raises in the target;
//! and when the last handle to a suspended greenlet drops, it is killed with
//! [`Error::Exit`] so that its cleanup runs. Every OS thread has a main greenlet, and handles
//! are `!Send`: a greenlet never leaves its thread.
//!
//! ```compile_fail
//! fn send<T: Send>(_: T) {}
//! send(stacklet::Greenlet::current()); // greenlets cannot cross threads
//! ```
//!
//! ```
//! use stacklet::{Error, Greenlet};
//! let child = Greenlet::new(|x: i32| -> Result<i32, Error> {
//!     let y: i32 = Greenlet::current().parent().unwrap().switch(x + 1)?;
//!     Ok(y * 10)
//! });
//! assert_eq!(child.switch::<i32, i32>(1).unwrap(), 2);
//! assert_eq!(child.switch::<i32, i32>(5).unwrap(), 50);
//! assert!(child.is_dead());
//! ```

mod thread;
mod tree;

use crate::error::Error;
use crate::payload::Payload;
use crate::stack::DEFAULT_STACK_SIZE;
use crate::switch::{self, typed, Fiber, Message, Transfer};
use std::cell::{Cell, RefCell};
use std::fmt;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

type Run = Box<dyn FnOnce(Payload) -> Result<Payload, Error>>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Unstarted,
    /// Started and not finished: running if it is the current greenlet, else suspended.
    Active,
    Dead,
}

/// The shared record of one greenlet.
struct Inner {
    id: u64,
    is_main: bool,
    state: Cell<State>,
    parent: RefCell<Option<Greenlet>>,
    run: RefCell<Option<Run>>,
    /// Where the greenlet is suspended: its own fiber, or another context it switched from
    /// (a continulet's); `None` means the thread's root (the main greenlet's home). Empty
    /// while it runs.
    resume: Cell<Option<Rc<Fiber>>>,
    /// Counted handles: `Greenlet` values, parent links included. At zero a suspended
    /// greenlet is killed.
    handles: Cell<usize>,
    stack_size: usize,
    name: Option<Box<str>>,
}

/// Greenlet ids are unique in the process. Each thread takes them in blocks, so creating a
/// greenlet costs no atomic read-modify-write (a locked instruction on every creation).
static NEXT_ID_BLOCK: AtomicU64 = AtomicU64::new(1);
const ID_BLOCK: u64 = 1024;

thread_local! {
    /// The next id this thread hands out, and the end of its block.
    static IDS: Cell<(u64, u64)> = const { Cell::new((0, 0)) };
}

fn next_id() -> u64 {
    IDS.with(|ids| {
        let (mut next, mut end) = ids.get();
        if next == end {
            next = NEXT_ID_BLOCK.fetch_add(ID_BLOCK, Ordering::Relaxed);
            end = next + ID_BLOCK;
        }
        ids.set((next + 1, end));
        next
    })
}

impl Inner {
    fn new(
        parent: Option<Greenlet>,
        run: Option<Run>,
        stack_size: usize,
        name: Option<Box<str>>,
        is_main: bool,
    ) -> Rc<Inner> {
        thread::count(1);
        let state = if is_main {
            State::Active
        } else {
            State::Unstarted
        };
        // A dead greenlet's record, when one is spare, saves the allocation. What a dead
        // record still holds (its name) is replaced; the rest was emptied when it died.
        if let Some(mut spare) = thread::spare_record() {
            if let Some(record) = Rc::get_mut(&mut spare) {
                let Inner {
                    id: old_id,
                    is_main: old_is_main,
                    state: old_state,
                    parent: old_parent,
                    run: old_run,
                    resume: old_resume,
                    handles: old_handles,
                    stack_size: old_stack_size,
                    name: old_name,
                } = record;
                *old_id = next_id();
                *old_is_main = is_main;
                old_state.set(state);
                *old_parent.get_mut() = parent;
                *old_run.get_mut() = run;
                *old_resume.get_mut() = None;
                old_handles.set(0);
                *old_stack_size = stack_size;
                *old_name = name;
                return spare;
            }
            // Not reachable (a spare record is referenced from nowhere else): let it go,
            // counted out by its own drop after being counted in here.
            thread::count(1);
        }
        Rc::new(Inner {
            id: next_id(),
            is_main,
            state: Cell::new(state),
            parent: RefCell::new(parent),
            run: RefCell::new(run),
            resume: Cell::new(None),
            handles: Cell::new(0),
            stack_size,
            name,
        })
    }

    fn new_main() -> Rc<Inner> {
        Inner::new(None, None, 0, Some("main".into()), true)
    }

    /// Gives the greenlet a fiber running its body; it becomes active (about to run).
    fn start(self: &Rc<Self>) -> Result<(), Error> {
        let Some(run) = self.run.borrow_mut().take() else {
            return Err(Error::NoRun);
        };
        let reserved = match Fiber::reserve(self.stack_size) {
            Ok(reserved) => reserved,
            Err(e) => {
                *self.run.borrow_mut() = Some(run);
                return Err(Error::Stack(e));
            }
        };
        let fiber = reserved.start("greenlet", self.id, move |first: Message| -> Transfer {
            let result = match first.into_result() {
                Ok(value) => match catch_unwind(AssertUnwindSafe(move || run(value))) {
                    Ok(result) => result,
                    // While a suspended fiber is released its stack is unwound with a
                    // panic that must reach the coroutine's root.
                    Err(panic) if switch::releasing() => resume_unwind(panic),
                    Err(panic) => Err(Error::Panic(panic)),
                },
                Err(e) => Err(e),
            };
            match thread::current() {
                Some(me) => tree::finish(me, result.into()),
                None => Transfer {
                    to: None,
                    msg: result.into(),
                },
            }
        });
        self.resume.set(Some(fiber));
        self.state.set(State::Active);
        Ok(())
    }

    fn die(&self) {
        self.state.set(State::Dead);
        drop(self.run.borrow_mut().take());
        drop(self.resume.take());
    }

    fn parent_inner(&self) -> Rc<Inner> {
        match self.parent.borrow().as_ref() {
            Some(parent) => parent.inner.clone(),
            None => thread::with(|t| t.main.clone()).unwrap_or_else(Inner::new_main),
        }
    }

    fn describe(&self) -> String {
        let state = match self.state.get() {
            State::Unstarted => "unstarted",
            State::Active => "active",
            State::Dead => "dead",
        };
        match &self.name {
            Some(name) => format!("<greenlet #{} {name:?} ({state})>", self.id),
            None => format!("<greenlet #{} ({state})>", self.id),
        }
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        thread::count(-1);
    }
}

/// A handle to a greenlet. Cloning makes another handle to the same greenlet.
pub struct Greenlet {
    inner: Rc<Inner>,
}

impl Greenlet {
    fn from_inner(inner: Rc<Inner>) -> Greenlet {
        inner.handles.set(inner.handles.get() + 1);
        Greenlet { inner }
    }

    /// A greenlet that will run `body` with the value of the first switch into it, as a child
    /// of the current greenlet.
    pub fn new<A, R, F>(body: F) -> Greenlet
    where
        A: 'static,
        R: 'static,
        F: FnOnce(A) -> Result<R, Error> + 'static,
    {
        Builder::new().build(body)
    }

    /// Options for a new greenlet: name, stack size, parent.
    pub fn builder() -> Builder {
        Builder::new()
    }

    /// The greenlet running now (this thread's main greenlet outside any other).
    pub fn current() -> Greenlet {
        Greenlet::from_inner(thread::current().unwrap_or_else(Self::orphan_main))
    }

    /// This thread's main greenlet: the thread's own stack.
    pub fn main() -> Greenlet {
        Greenlet::from_inner(thread::with(|t| t.main.clone()).unwrap_or_else(Self::orphan_main))
    }

    /// While the thread exits its greenlet state is gone; hand out a detached main greenlet
    /// whose switches report [`Error::NotNow`] rather than failing to hand out anything.
    #[cold]
    fn orphan_main() -> Rc<Inner> {
        Inner::new_main()
    }

    /// Switches to this greenlet, sending `value`; returns what is sent back when control
    /// returns here. The value arrives as-is (python-greenlet's single-argument switch).
    ///
    /// An `R` other than what arrives gives [`Error::Mismatch`] holding the value. A body's
    /// end delivers its result here if this greenlet is its parent; a killed child's result
    /// is a [`crate::GreenletExit`] value.
    #[inline(always)]
    pub fn switch<T: 'static, R: 'static>(&self, value: T) -> Result<R, Error> {
        typed(self.send(Message::value(Payload::new(value))))
    }

    /// [`Greenlet::switch`] with type-erased values.
    pub fn switch_value(&self, value: Payload) -> Result<Payload, Error> {
        self.send(Message::value(value)).into_result()
    }

    /// Raises `error` in this greenlet: where it is suspended, or at the start of its body
    /// (which then never runs), or, if it is dead, in its nearest live parent.
    pub fn throw<R: 'static>(&self, error: Error) -> Result<R, Error> {
        typed(self.send(Message::error(error)))
    }

    /// [`Greenlet::throw`] with a type-erased result.
    pub fn throw_value(&self, error: Error) -> Result<Payload, Error> {
        self.send(Message::error(error)).into_result()
    }

    /// Throws [`Error::Exit`] into this greenlet and waits for it to finish. `Ok` once it is
    /// dead (or was never started); its own error if it failed otherwise.
    pub fn kill(&self) -> Result<(), Error> {
        if self.inner.state.get() != State::Active || self.inner.is_main {
            if self.inner.state.get() == State::Unstarted {
                self.inner.die();
            }
            return Ok(());
        }
        let result = self.send(Message::error(Error::Exit));
        match result.into_result() {
            Ok(_) | Err(Error::Exit) => Ok(()),
            Err(e) => Err(e),
        }
    }

    #[inline(always)]
    fn send(&self, msg: Message) -> Message {
        // The common case: a live target, nothing queued. Only the bookkeeping happens inside
        // the thread-local access; the message moves once, straight into the switch.
        if self.inner.state.get() == State::Active && switch::can_switch() {
            if let Some(origin) = thread::take_over(&self.inner) {
                let to = tree::leave(&origin, &self.inner);
                let received = switch::transfer(to, msg);
                drop(origin);
                return received;
            }
        }
        self.send_slow(msg)
    }

    #[inline(never)]
    fn send_slow(&self, msg: Message) -> Message {
        let sent = thread::with(|t| {
            if !switch::can_switch() {
                return Message::error(Error::NotNow);
            }
            if thread::kills_pending() {
                tree::run_pending_kills(t);
            }
            if self.inner.state.get() == State::Active {
                return tree::switch_to(t, self.inner.clone(), msg);
            }
            // An exception meant for a dead greenlet goes to its live parent; a GreenletExit
            // comes back as a value, as it would from the dead greenlet's own end.
            let msg = if self.inner.state.get() == State::Dead {
                tree::exit_as_value(msg)
            } else {
                msg
            };
            match tree::land(self.inner.clone(), msg, true) {
                Ok((target, msg)) => tree::switch_to(t, target, msg),
                Err(e) => Message::error(e),
            }
        });
        sent.unwrap_or_else(|| Message::error(Error::NotNow))
    }

    /// Whether the body has ended (returned, failed or was killed).
    pub fn is_dead(&self) -> bool {
        self.inner.state.get() == State::Dead
    }

    /// Whether the greenlet was ever switched into (main greenlets always were).
    pub fn is_started(&self) -> bool {
        self.inner.state.get() != State::Unstarted
    }

    /// Started and not dead: python-greenlet's `bool(g)`.
    pub fn is_active(&self) -> bool {
        self.inner.state.get() == State::Active
    }

    /// Whether this is a thread's main greenlet.
    pub fn is_main(&self) -> bool {
        self.inner.is_main
    }

    /// Whether this greenlet is the one running now.
    pub fn is_current(&self) -> bool {
        thread::is_current(&self.inner)
    }

    /// The parent (`None` for a main greenlet).
    pub fn parent(&self) -> Option<Greenlet> {
        self.inner.parent.borrow().as_ref().map(Greenlet::clone)
    }

    /// Re-parents the greenlet: from now on its result and its forwarded switches go there.
    pub fn set_parent(&self, parent: &Greenlet) -> Result<(), Error> {
        if self.inner.is_main {
            return Err(Error::MainParent);
        }
        let mut ancestor = Some(parent.clone());
        while let Some(g) = ancestor {
            if Rc::ptr_eq(&g.inner, &self.inner) {
                return Err(Error::CyclicParent);
            }
            ancestor = g.parent();
        }
        drop(self.inner.parent.replace(Some(parent.clone())));
        Ok(())
    }

    /// Sets the body of a greenlet that has not started yet.
    pub fn set_run<A, R, F>(&self, body: F) -> Result<(), Error>
    where
        A: 'static,
        R: 'static,
        F: FnOnce(A) -> Result<R, Error> + 'static,
    {
        if self.inner.state.get() != State::Unstarted {
            return Err(Error::RunAfterStart);
        }
        *self.inner.run.borrow_mut() = Some(erase(body));
        Ok(())
    }

    /// Whether the greenlet still has a body to start.
    pub fn has_run(&self) -> bool {
        self.inner.run.borrow().is_some()
    }

    /// A number identifying the greenlet within the process (unique, but not in creation
    /// order across threads: each thread takes ids in blocks).
    pub fn id(&self) -> u64 {
        self.inner.id
    }

    /// The name given by [`Builder::name`].
    pub fn name(&self) -> Option<&str> {
        self.inner.name.as_deref()
    }

    /// Whether two handles are of the same greenlet.
    pub fn ptr_eq(a: &Greenlet, b: &Greenlet) -> bool {
        Rc::ptr_eq(&a.inner, &b.inner)
    }

    /// Greenlet records (main included) allocated on this thread.
    pub fn alive_count() -> usize {
        thread::alive()
    }
}

fn erase<A, R, F>(body: F) -> Run
where
    A: 'static,
    R: 'static,
    F: FnOnce(A) -> Result<R, Error> + 'static,
{
    Box::new(move |first: Payload| body(typed(Message::value(first))?).map(Payload::new))
}

impl Clone for Greenlet {
    fn clone(&self) -> Greenlet {
        Greenlet::from_inner(self.inner.clone())
    }
}

impl Drop for Greenlet {
    fn drop(&mut self) {
        let handles = self.inner.handles.get() - 1;
        self.inner.handles.set(handles);
        if handles != 0 || self.inner.is_main {
            return;
        }
        match self.inner.state.get() {
            State::Active if !thread::is_current(&self.inner) => {
                thread::with(|t| tree::kill_unreferenced(t, self.inner.clone()));
            }
            State::Dead => thread::recycle(&self.inner),
            _ => {}
        }
    }
}

impl PartialEq for Greenlet {
    fn eq(&self, other: &Greenlet) -> bool {
        Greenlet::ptr_eq(self, other)
    }
}

impl Eq for Greenlet {}

impl fmt::Debug for Greenlet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.inner.describe())
    }
}

/// Options for a new greenlet.
#[derive(Default)]
pub struct Builder {
    name: Option<Box<str>>,
    stack_size: Option<usize>,
    parent: Option<Greenlet>,
}

impl Builder {
    /// Default options: no name, [`DEFAULT_STACK_SIZE`], the current greenlet as parent.
    pub fn new() -> Builder {
        Builder::default()
    }

    /// A name, shown in `Debug` output and overflow reports.
    pub fn name(mut self, name: impl Into<String>) -> Builder {
        self.name = Some(name.into().into_boxed_str());
        self
    }

    /// Usable stack bytes (rounded up to a power of two, at least 16 KiB).
    pub fn stack_size(mut self, bytes: usize) -> Builder {
        self.stack_size = Some(bytes);
        self
    }

    /// The parent (default: the greenlet current at `build`).
    pub fn parent(mut self, parent: &Greenlet) -> Builder {
        self.parent = Some(parent.clone());
        self
    }

    /// The greenlet, unstarted, with `body` as its run.
    pub fn build<A, R, F>(self, body: F) -> Greenlet
    where
        A: 'static,
        R: 'static,
        F: FnOnce(A) -> Result<R, Error> + 'static,
    {
        self.make(Some(erase(body)))
    }

    /// The greenlet with a type-erased body.
    pub fn build_value(
        self,
        body: impl FnOnce(Payload) -> Result<Payload, Error> + 'static,
    ) -> Greenlet {
        self.make(Some(Box::new(body)))
    }

    /// The greenlet without a body yet (see [`Greenlet::set_run`]).
    pub fn build_without_run(self) -> Greenlet {
        self.make(None)
    }

    fn make(self, run: Option<Run>) -> Greenlet {
        let parent = self.parent.unwrap_or_else(Greenlet::current);
        let stack_size = self.stack_size.unwrap_or(DEFAULT_STACK_SIZE);
        Greenlet::from_inner(Inner::new(Some(parent), run, stack_size, self.name, false))
    }
}
