//! Tasks: the hub's record of each spawned greenlet, the typed cell that holds its closure
//! and then its result (one allocation per spawn), and the `JoinHandle` that reads it.

use super::error::{Error, JoinError};
use super::wait::{Wait, WaitQueue};
use crate::Greenlet;
use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;

/// Where a task is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum State {
    /// Spawned; its greenlet is built when the hub first runs it.
    New,
    /// Its greenlet is the current one.
    Running,
    /// Suspended in a hub wait (possibly already queued to run again).
    Parked,
    /// Its body has ended (or it was killed before it started).
    Done,
}

/// One timeout scope of a task: fired once its deadline has passed.
struct Scope {
    id: u64,
    fired: bool,
}

/// The untyped part of a task.
pub(crate) struct Task {
    pub(crate) id: u64,
    pub(crate) name: Option<Box<str>>,
    stack_size: Option<usize>,
    state: Cell<State>,
    /// In the ready queue: a wake-up now would be redundant.
    pub(crate) queued: Cell<bool>,
    /// Counts the task's parks; waiters name the park they were registered for.
    park: Cell<u64>,
    killed: Cell<bool>,
    pub(crate) wait: Cell<Wait>,
    pub(crate) greenlet: RefCell<Option<Greenlet>>,
    /// The driver generation its greenlet's parent belongs to (see `Hub::resume`).
    pub(crate) driver: Cell<u64>,
    scopes: RefCell<Vec<Scope>>,
    /// Index in the hub's registry of live tasks.
    pub(crate) slot: Cell<usize>,
    pub(crate) joiners: WaitQueue,
}

impl Task {
    pub(crate) fn new(id: u64, name: Option<Box<str>>, stack_size: Option<usize>) -> Task {
        Task {
            id,
            name,
            stack_size,
            state: Cell::new(State::New),
            queued: Cell::new(false),
            park: Cell::new(0),
            killed: Cell::new(false),
            wait: Cell::new(Wait::Nothing),
            greenlet: RefCell::new(None),
            driver: Cell::new(0),
            scopes: RefCell::new(Vec::new()),
            slot: Cell::new(usize::MAX),
            joiners: WaitQueue::default(),
        }
    }

    pub(crate) fn state(&self) -> State {
        self.state.get()
    }

    pub(crate) fn set_state(&self, state: State) {
        self.state.set(state);
    }

    pub(crate) fn is_done(&self) -> bool {
        self.state.get() == State::Done
    }

    /// The number the next park will have.
    pub(crate) fn next_park(&self) -> u64 {
        self.park.get() + 1
    }

    /// Enters park number `next_park()`.
    pub(crate) fn begin_park(&self, wait: Wait) {
        self.park.set(self.park.get() + 1);
        self.wait.set(wait);
        self.state.set(State::Parked);
    }

    /// Whether the task is parked in park number `park` and not yet woken.
    pub(crate) fn is_parked_in(&self, park: u64) -> bool {
        self.state.get() == State::Parked && self.park.get() == park && !self.queued.get()
    }

    pub(crate) fn kill_requested(&self) -> bool {
        self.killed.get()
    }

    pub(crate) fn request_kill(&self) {
        self.killed.set(true);
    }

    /// Why a blocking call must not (or no longer) wait: a kill, or a fired timeout.
    pub(crate) fn interruption(&self) -> Result<(), Error> {
        if self.killed.get() {
            return Err(Error::Killed);
        }
        if self.scopes.borrow().iter().any(|s| s.fired) {
            return Err(Error::TimedOut);
        }
        Ok(())
    }

    pub(crate) fn push_scope(&self, id: u64) {
        self.scopes.borrow_mut().push(Scope { id, fired: false });
    }

    /// Removes scope `id`; returns whether it fired.
    pub(crate) fn pop_scope(&self, id: u64) -> bool {
        let mut scopes = self.scopes.borrow_mut();
        match scopes.iter().rposition(|s| s.id == id) {
            Some(i) => scopes.remove(i).fired,
            None => false,
        }
    }

    /// Marks scope `id` fired; returns whether the task still had it.
    pub(crate) fn fire_scope(&self, id: u64) -> bool {
        let mut scopes = self.scopes.borrow_mut();
        match scopes.iter_mut().find(|s| s.id == id) {
            Some(scope) => {
                scope.fired = true;
                true
            }
            None => false,
        }
    }

    /// Whether the task can run on a pooled worker greenlet: it asked for no particular
    /// stack, and has no name that a stack-overflow report should show.
    pub(crate) fn poolable(&self) -> bool {
        self.name.is_none() && self.stack_size.is_none()
    }

    fn builder(&self) -> crate::greenlet::Builder {
        let mut builder = Greenlet::builder();
        if let Some(name) = &self.name {
            builder = builder.name(name.to_string());
        }
        if let Some(size) = self.stack_size {
            builder = builder.stack_size(size);
        }
        builder
    }
}

/// A task as the hub sees it, whatever its closure and result types.
pub(crate) trait Runnable {
    fn task(&self) -> &Task;
    /// Builds the greenlet that runs the closure (as a child of the current greenlet).
    fn start(self: Rc<Self>) -> Greenlet;
    /// Runs the closure on the current greenlet and records its value; the task is then
    /// done (the hub does the rest of the bookkeeping when control comes back to it).
    fn run_inline(&self);
    /// Records why the task ended without a value, unless it has one already.
    fn fail(&self, error: JoinError);
}

pub(crate) type TaskRef = Rc<dyn Runnable>;

/// The typed side, read by [`JoinHandle`].
pub(crate) trait Completion<T> {
    fn task(&self) -> &Task;
    fn take_result(&self) -> Option<Result<T, JoinError>>;
}

/// A task with its closure `F` (until it starts) and its result `T` (once it ends).
pub(crate) struct TaskCell<T, F> {
    task: Task,
    run: Cell<Option<F>>,
    result: RefCell<Option<Result<T, JoinError>>>,
}

impl<T: 'static, F: FnOnce() -> T + 'static> TaskCell<T, F> {
    pub(crate) fn new(task: Task, run: F) -> Rc<Self> {
        Rc::new(TaskCell {
            task,
            run: Cell::new(Some(run)),
            result: RefCell::new(None),
        })
    }

    fn complete(&self, value: T) {
        let result = if self.task.killed.get() {
            Err(JoinError::Killed)
        } else {
            Ok(value)
        };
        *self.result.borrow_mut() = Some(result);
    }
}

impl<T: 'static, F: FnOnce() -> T + 'static> Runnable for TaskCell<T, F> {
    fn task(&self) -> &Task {
        &self.task
    }

    fn start(self: Rc<Self>) -> Greenlet {
        self.task
            .builder()
            .build(move |(): ()| -> Result<(), crate::Error> {
                self.run_inline();
                Ok(())
            })
    }

    fn run_inline(&self) {
        if let Some(run) = self.run.take() {
            let value = run();
            self.complete(value);
        }
        self.task.state.set(State::Done);
    }

    fn fail(&self, error: JoinError) {
        drop(self.run.take());
        let mut result = self.result.borrow_mut();
        if result.is_none() {
            *result = Some(Err(error));
        }
    }
}

impl<T: 'static, F: FnOnce() -> T + 'static> Completion<T> for TaskCell<T, F> {
    fn task(&self) -> &Task {
        &self.task
    }

    fn take_result(&self) -> Option<Result<T, JoinError>> {
        self.result.borrow_mut().take()
    }
}

/// Owns the right to a spawned greenlet's result. Dropping it detaches the greenlet, which
/// runs on.
pub struct JoinHandle<T> {
    pub(crate) cell: Rc<dyn Completion<T>>,
    pub(crate) runnable: TaskRef,
}

impl<T: 'static> JoinHandle<T> {
    /// A handle to a greenlet that could not even be spawned (the thread is exiting).
    pub(crate) fn failed(name: Option<Box<str>>, error: JoinError) -> JoinHandle<T> {
        let cell: Rc<TaskCell<T, fn() -> T>> = Rc::new(TaskCell {
            task: Task::new(0, name, None),
            run: Cell::new(None),
            result: RefCell::new(Some(Err(error))),
        });
        cell.task.set_state(State::Done);
        let runnable: TaskRef = cell.clone();
        JoinHandle { cell, runnable }
    }
}

impl<T> JoinHandle<T> {
    /// Waits for the greenlet to end and returns its value, or why there is none: its panic,
    /// its kill, or why this wait failed.
    ///
    /// From a greenlet of the hub this parks only the caller. From outside (the thread's own
    /// code, not inside a hub greenlet) it drives the hub until the greenlet ends, and
    /// reports a deadlock rather than hang.
    pub fn join(self) -> Result<T, JoinError> {
        super::sched::wait_done(&self.runnable)?;
        self.cell
            .take_result()
            .unwrap_or_else(|| Err(JoinError::Failed(crate::Error::NotNow)))
    }

    /// Waits for the greenlet to end, without taking its result.
    pub fn wait(&self) -> Result<(), JoinError> {
        super::sched::wait_done(&self.runnable)
    }

    /// Kills the greenlet and waits for it to end: every blocking call it makes from now on
    /// fails with [`Error::Killed`] (the one it is parked in first), so it unwinds and its
    /// cleanup runs. A greenlet that never started never runs. Killing the current greenlet
    /// only marks it; it ends when it next blocks and propagates the error.
    pub fn kill(&self) -> Result<(), JoinError> {
        self.abort();
        if self.cell.task().state() == State::Running {
            return Ok(());
        }
        super::sched::wait_done(&self.runnable)
    }

    /// Asks the greenlet to die (as [`JoinHandle::kill`]) without waiting.
    pub fn abort(&self) {
        super::sched::request_kill(&self.runnable);
    }

    /// Whether the greenlet has ended.
    pub fn is_finished(&self) -> bool {
        self.cell.task().is_done()
    }

    /// The greenlet's id within its hub.
    pub fn id(&self) -> u64 {
        self.cell.task().id
    }

    /// The greenlet's name, if given one.
    pub fn name(&self) -> Option<&str> {
        self.cell.task().name.as_deref()
    }
}

impl<T> fmt::Debug for JoinHandle<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let task = self.cell.task();
        f.debug_struct("JoinHandle")
            .field("id", &task.id)
            .field("name", &task.name)
            .field("state", &task.state())
            .finish()
    }
}
