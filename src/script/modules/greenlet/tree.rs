//! The greenlet tree of one thread's scripts, as plain data: records, their parents, and
//! where a switch, a throw or a result really goes.
//!
//! A script greenlet is not tied to a native stack. While it is suspended it is one of:
//! *soft*, everything it was doing kept in heap frames (it switched from its loop's base,
//! so any driver's loop can take its execution state over), or *hard*, parked inside a
//! native call on some runtime greenlet's stack (it switched from native code).

use crate::greenlet::Greenlet;
use crate::script::object::{Instance, Str, Value};
use crate::script::vm::frame::ExecState;
use crate::script::vm::{finalize, Exc};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

/// What a greenlet suspended softly keeps in its record: its boxed execution state, which
/// a switch exchanges with the loop's by pointer, so it moves no frames and allocates
/// nothing, and the per-greenlet interpreter state beside it.
#[derive(Default)]
pub struct Parked {
    /// Its execution state while parked softly: boxed, so a switch exchanges pointers.
    pub st: Option<Box<ExecState>>,
    /// Its Python frame count (for `RecursionError`).
    pub depth: usize,
    /// Its `sys.exc_info()` stack.
    pub exc_stack: Vec<Value>,
    /// The absolute register that receives what resumes it (its `switch()` call's result).
    pub dst: usize,
}

/// Where a greenlet is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum At {
    Unstarted,
    Running,
    /// Suspended with its execution state in `Record::parked`.
    Soft,
    /// Parked in a native `switch` on the runtime greenlet in `Record::hard`.
    Hard,
    Dead,
}

/// What travels to a greenlet.
pub enum Msg {
    /// `switch(*args, **kwargs)`: the arguments of `run` for a greenlet that starts, packed
    /// into the result of `switch()` for one that resumes.
    Args(Vec<Value>, Vec<(Rc<Str>, Value)>),
    /// One value (a finishing child's result, or arguments already packed).
    Value(Value),
    Raise(Exc),
}

impl Msg {
    /// What a greenlet's end hands its parent: a `GreenletExit` that ended it arrives as a
    /// value, any other exception is raised there.
    pub fn of_result(result: Result<Value, Exc>) -> Msg {
        match result {
            Ok(v) => Msg::Value(v),
            Err(e) if super::is_exit(&e) => Msg::Value(Value::Instance(e)),
            Err(e) => Msg::Raise(e),
        }
    }
}

/// One script greenlet.
pub struct Record {
    pub id: u64,
    pub is_main: bool,
    pub at: Cell<At>,
    pub parked: RefCell<Parked>,
    /// Where a hard-parked greenlet waits.
    pub hard: RefCell<Option<Greenlet>>,
    parent: RefCell<Option<Handle>>,
    /// `run` as given to the constructor or assigned before the start (a subclass's `run`
    /// method is looked up at the start).
    pub run: RefCell<Option<Value>>,
    /// The script object, if it is alive (it owns the record, not the other way round).
    pub object: RefCell<Weak<Instance>>,
    /// Counted handles: the script object and the children's parent links. A suspended
    /// greenlet left with none is killed.
    handles: Cell<usize>,
}

thread_local! {
    static NEXT_ID: Cell<u64> = const { Cell::new(1) };
    static MAIN: Rc<Record> = Record::new(true);
    static RUNNING: Running = const {
        Running {
            current: Cell::new(None),
            switches: Cell::new(0),
            tracing: Cell::new(false),
        }
    };
    static ALIVE: Cell<usize> = const { Cell::new(0) };
}

/// What a switch reads and writes, in one thread-local.
struct Running {
    /// The greenlet running now; `None` until one other than the main greenlet runs.
    current: Cell<Option<Rc<Record>>>,
    /// Switches between script greenlets made on this thread.
    switches: Cell<u64>,
    /// Whether a trace callback is set (its switches take the general path).
    tracing: Cell<bool>,
}

/// Whether a trace callback is set.
#[inline]
pub fn tracing() -> bool {
    RUNNING.with(|r| r.tracing.get())
}

pub fn set_tracing(on: bool) {
    RUNNING.with(|r| r.tracing.set(on));
}

impl Record {
    fn new(is_main: bool) -> Rc<Record> {
        let id = NEXT_ID.with(|n| n.replace(n.get() + 1));
        let _ = ALIVE.try_with(|a| a.set(a.get() + 1));
        Rc::new(Record {
            id,
            is_main,
            at: Cell::new(if is_main { At::Running } else { At::Unstarted }),
            parked: RefCell::new(Parked::default()),
            hard: RefCell::new(None),
            parent: RefCell::new(None),
            run: RefCell::new(None),
            object: RefCell::new(Weak::new()),
            handles: Cell::new(0),
        })
    }

    /// A new greenlet, child of the current one.
    pub fn new_child() -> Rc<Record> {
        let r = Record::new(false);
        *r.parent.borrow_mut() = Some(Handle::new(current()));
        r
    }

    pub fn is_dead(&self) -> bool {
        self.at.get() == At::Dead
    }

    pub fn is_started(&self) -> bool {
        self.at.get() != At::Unstarted
    }

    /// Started and not dead.
    pub fn is_active(&self) -> bool {
        matches!(self.at.get(), At::Running | At::Soft | At::Hard)
    }

    pub fn is_suspended(&self) -> bool {
        matches!(self.at.get(), At::Soft | At::Hard)
    }

    pub fn is_current(self: &Rc<Self>) -> bool {
        is_current(self)
    }

    /// The parent (`None` for the main greenlet).
    pub fn parent(&self) -> Option<Rc<Record>> {
        self.parent.borrow().as_ref().map(|h| h.0.clone())
    }

    /// The parent, the main greenlet standing in for none.
    pub fn parent_or_main(&self) -> Rc<Record> {
        self.parent().unwrap_or_else(main)
    }

    /// Re-parents the greenlet; `Err(true)` for a cycle, `Err(false)` for a main greenlet.
    pub fn set_parent(self: &Rc<Self>, parent: &Rc<Record>) -> Result<(), bool> {
        if self.is_main {
            return Err(false);
        }
        let mut ancestor = Some(parent.clone());
        while let Some(g) = ancestor {
            if Rc::ptr_eq(&g, self) {
                return Err(true);
            }
            ancestor = g.parent();
        }
        self.replace_parent(Some(Handle::new(parent.clone())));
        Ok(())
    }

    /// Swaps the parent link (for a kill's temporary parent), returning the old one.
    pub fn replace_parent(&self, parent: Option<Handle>) -> Option<Handle> {
        self.parent.replace(parent)
    }

    /// Whether no handle is left (a suspended greenlet is then due to be killed).
    pub fn is_unreferenced(&self) -> bool {
        self.handles.get() == 0
    }

    /// Queues the kill of a suspended greenlet that no handle reaches any more: killing
    /// runs script code, which the places that notice (a `Drop`, a switch) must not.
    #[inline]
    pub fn kill_when_unreferenced(self: &Rc<Self>) {
        if self.is_unreferenced() && self.is_suspended() && !self.is_main {
            self.queue_kill();
        }
    }

    #[cold]
    fn queue_kill(self: &Rc<Self>) {
        let r = self.clone();
        finalize::defer(move |vm| super::switching::kill_unreferenced(vm, r));
    }

    /// The greenlet ends: what it held is released (its frames, if it was parked softly).
    pub fn die(&self) {
        self.at.set(At::Dead);
        drop(self.run.borrow_mut().take());
        drop(std::mem::take(&mut *self.parked.borrow_mut()));
        drop(self.hard.borrow_mut().take());
    }
}

impl Drop for Record {
    fn drop(&mut self) {
        let _ = ALIVE.try_with(|a| a.set(a.get() - 1));
    }
}

/// Script greenlet records alive on this thread (the main one included).
pub fn alive() -> usize {
    ALIVE.try_with(Cell::get).unwrap_or(0)
}

/// A counted reference to a record: the last one to go kills a suspended greenlet.
pub struct Handle(pub Rc<Record>);

impl Handle {
    pub fn new(record: Rc<Record>) -> Handle {
        record.handles.set(record.handles.get() + 1);
        Handle(record)
    }
}

impl Clone for Handle {
    fn clone(&self) -> Handle {
        Handle::new(self.0.clone())
    }
}

impl Drop for Handle {
    fn drop(&mut self) {
        let r = &self.0;
        r.handles.set(r.handles.get() - 1);
        r.kill_when_unreferenced();
    }
}

/// This thread's main greenlet.
pub fn main() -> Rc<Record> {
    MAIN.with(Rc::clone)
}

/// The greenlet running now.
#[inline]
pub fn current() -> Rc<Record> {
    RUNNING
        .with(|r| {
            let c = r.current.take();
            let me = c.clone();
            r.current.set(c);
            me
        })
        .unwrap_or_else(main)
}

/// Whether `r` is the greenlet running now.
#[inline]
pub fn is_current(r: &Rc<Record>) -> bool {
    RUNNING.with(|c| {
        let cur = c.current.take();
        let is = match &cur {
            Some(cur) => Rc::ptr_eq(cur, r),
            None => r.is_main,
        };
        c.current.set(cur);
        is
    })
}

/// Unless a trace callback is set (then `None`, nothing done), makes `next` the running
/// greenlet and returns the one that ran: the bookkeeping of a soft switch in one
/// thread-local access.
#[inline]
pub fn make_current(next: &Rc<Record>) -> Option<Rc<Record>> {
    let me = RUNNING.with(|r| {
        if r.tracing.get() {
            return None;
        }
        r.switches.set(r.switches.get() + 1);
        Some(r.current.replace(Some(next.clone())))
    })?;
    next.at.set(At::Running);
    Some(me.unwrap_or_else(main))
}

/// Switches between script greenlets made on this thread.
pub fn switches() -> u64 {
    RUNNING.try_with(|r| r.switches.get()).unwrap_or(0)
}

/// Makes `r` the running greenlet.
#[inline]
pub fn set_current(r: Rc<Record>) {
    r.at.set(At::Running);
    let old = RUNNING.with(|c| {
        c.switches.set(c.switches.get() + 1);
        c.current.replace(Some(r))
    });
    drop(old);
}

/// The first greenlet on the parent chain of `target` (itself included) that is not dead.
pub fn nearest_live(mut target: Rc<Record>) -> Rc<Record> {
    while target.is_dead() {
        match target.parent() {
            Some(p) => target = p,
            None => break,
        }
    }
    target
}

/// Where `msg`, sent to `target`, lands: dead greenlets forward to their parents, and an
/// exception thrown into an unstarted greenlet kills it before `run` is called and goes on
/// to its parent (as if `run` had raised it on its first line). The greenlet returned is
/// started, or unstarted with a message that starts it.
pub fn land(mut target: Rc<Record>, mut msg: Msg) -> (Rc<Record>, Msg) {
    loop {
        target = nearest_live(target);
        if target.is_started() {
            return (target, msg);
        }
        match msg {
            Msg::Raise(e) => {
                msg = Msg::of_result(Err(e));
                target.die();
                target = target.parent_or_main();
            }
            other => return (target, other),
        }
    }
}
