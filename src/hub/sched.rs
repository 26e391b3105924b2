//! The scheduler: one hub per OS thread, its ready queue, and the loop that drives it.
//!
//! Every spawned closure runs in a greenlet that is a child of the greenlet driving the hub
//! (the *driver*: whoever called `run`, `join` or `serve` from outside the hub): its own
//! greenlet if it has a name or a stack size, else a pooled worker greenlet that runs one
//! task after another. A greenlet blocks by parking: it records what it waits for and
//! switches to the next ready greenlet, or to the driver. The driver resumes ready
//! greenlets in FIFO order, fires timers, polls sockets, drains the cross-thread inbox,
//! and, when nothing at all can make progress, returns a deadlock report instead of
//! waiting forever.
//!
//! `current` names the task whose code runs now; whoever switches to a task sets it first,
//! so when control comes back to the driver it tells whose greenlet came back (which may be
//! another one than the driver resumed, after direct hand-overs).
//!
//! No `RefCell` borrow is held across a switch: every greenlet, the driver included, may
//! touch the hub while another one is suspended.

use super::error::{Blocked, DeadlockReport, Error, JoinError};
use super::reactor::{Reactor, Registration};
use super::remote::{self, PollNotify, Remote};
use super::slab::Slab;
use super::task::{State, Task, TaskCell, TaskRef};
use super::timer::{Target, TimerId, Timers};
use super::wait::{Wait, Waiter};
use super::JoinHandle;
use crate::sync::Arc;
use crate::Greenlet;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::io;
use std::rc::Rc;
use std::time::{Duration, Instant};

/// Idle worker greenlets kept for later spawns (each holds a stack from the pool).
const MAX_IDLE_WORKERS: usize = 256;

/// Greenlets run between two polls of the sockets while some are ready (as tokio's event
/// interval): a busy hub still notices the network.
const POLL_INTERVAL: u32 = 61;

/// Switches from greenlet to greenlet without passing through the driver, at most, before
/// the driver gets control back (for timers, the inbox and the sockets).
const HOP_BUDGET: u32 = 61;

/// Socket operations a greenlet may complete in a row without parking before it yields:
/// a peer that always has data ready must not starve the hub's other greenlets (tokio's
/// cooperative budget is 128 for the same reason).
const IO_BUDGET: u32 = 128;

pub(crate) struct Hub {
    ready: RefCell<VecDeque<TaskRef>>,
    tasks: RefCell<Slab<TaskRef>>,
    /// The task whose greenlet runs now.
    current: RefCell<Option<TaskRef>>,
    /// The greenlet driving the hub, while one does.
    driver: RefCell<Option<Greenlet>>,
    /// Counts drivers, so that a task started under an earlier driver is re-parented.
    driver_generation: Cell<u64>,
    timers: RefCell<Timers>,
    /// Worker greenlets waiting for a task, with the driver generation of their parent.
    /// Running a new task on one of them skips building a greenlet (most of a spawn's cost).
    idle: RefCell<Vec<(Greenlet, u64)>>,
    pub(crate) reactor: Option<Reactor>,
    pub(crate) remote: Arc<Remote>,
    next_id: Cell<u64>,
    next_scope: Cell<u64>,
    /// Direct switches left before the driver must run again.
    hops: Cell<u32>,
    /// Greenlets resumed since the sockets were last polled.
    runs: Cell<u32>,
    /// Socket operations the running task may still complete without parking before it
    /// yields (see [`Hub::spend_io`]).
    io_budget: Cell<u32>,
    shutdown: Cell<Option<Shutdown>>,
}

/// A shutdown in progress.
#[derive(Clone, Copy)]
struct Shutdown {
    /// When the survivors are killed (`None`: a grace period too long to represent).
    deadline: Option<Instant>,
    /// Greenlets killed when the deadline passed (`None` before).
    killed: Option<usize>,
}

thread_local! {
    static HUB: Rc<Hub> = Rc::new(Hub::new());
}

/// This thread's hub ([`Error::NotNow`] while the thread exits).
pub(crate) fn hub() -> Result<Rc<Hub>, Error> {
    HUB.try_with(Rc::clone).map_err(|_| Error::NotNow)
}

/// Queues `task` if it is parked and not queued yet.
pub(crate) fn wake(task: &TaskRef) {
    let _ = HUB.try_with(|hub| hub.wake(task));
}

/// The current greenlet as a task that can park.
pub(crate) struct Parker {
    hub: Rc<Hub>,
    task: TaskRef,
}

impl Parker {
    /// The running task of this thread's hub; [`Error::NoTask`] outside one.
    pub(crate) fn current() -> Result<Parker, Error> {
        let hub = hub()?;
        let task = hub.current_task()?;
        Ok(Parker { hub, task })
    }

    pub(crate) fn hub(&self) -> &Rc<Hub> {
        &self.hub
    }

    pub(crate) fn task(&self) -> &TaskRef {
        &self.task
    }

    /// An entry for the park this task is about to enter.
    pub(crate) fn waiter(&self) -> Waiter {
        Waiter::new(self.task.clone(), self.task.task().next_park())
    }

    /// Fails if the task was killed or a timeout around it elapsed.
    pub(crate) fn check(&self) -> Result<(), Error> {
        self.task.task().interruption()
    }

    /// Suspends the task until something wakes it (possibly spuriously: callers re-check
    /// their condition). Fails without waiting if the task is interrupted.
    #[inline(always)]
    pub(crate) fn park(&self, wait: Wait) -> Result<(), Error> {
        let task = self.task.task();
        task.interruption()?;
        if self.hub.driver.borrow().is_none() {
            return Err(Error::NoTask);
        }
        task.begin_park(wait);
        let resumed = self.hub.switch_away(Some(&self.task));
        task.set_state(State::Running);
        task.wait.set(Wait::Nothing);
        match resumed {
            Ok(()) => task.interruption(),
            Err(crate::Error::NotNow) => Err(Error::NotNow),
            // A greenlet-level kill (the thread exits, or someone used the raw greenlet).
            Err(_) => {
                task.request_kill();
                Err(Error::Killed)
            }
        }
    }

    /// Queues the task again and parks it: the others run first.
    pub(crate) fn yield_now(&self) -> Result<(), Error> {
        self.check()?;
        let task = self.task.task();
        if !task.queued.replace(true) {
            self.hub.ready.borrow_mut().push_back(self.task.clone());
        }
        self.park(Wait::Yield)
    }

    /// Arms a timer that wakes this task at `deadline`.
    pub(crate) fn wake_at(&self, deadline: Instant) -> TimerGuard {
        self.hub
            .add_timer(deadline, Target::Wake(self.task.clone()))
    }

    /// Opens a timeout scope that fires at `deadline`; returns its id and timer.
    pub(crate) fn open_scope(&self, deadline: Instant) -> (u64, TimerGuard) {
        let id = self.hub.next_scope.get() + 1;
        self.hub.next_scope.set(id);
        self.task.task().push_scope(id);
        (
            id,
            self.hub
                .add_timer(deadline, Target::Scope(self.task.clone(), id)),
        )
    }

    pub(crate) fn slot_and_id(&self) -> (usize, u64) {
        let task = self.task.task();
        (task.slot.get(), task.id)
    }
}

/// Cancels its timer when dropped (a sleep or timeout that ends early, or unwinds).
pub(crate) struct TimerGuard {
    hub: Rc<Hub>,
    id: TimerId,
}

impl Drop for TimerGuard {
    fn drop(&mut self) {
        let removed = self.hub.timers.borrow_mut().cancel(self.id);
        // Outside the borrow: the target's task may go with it.
        drop(removed);
    }
}

/// Releases the driver role when the loop ends, however it ends.
struct Driving<'a>(&'a Hub);

impl Drop for Driving<'_> {
    fn drop(&mut self) {
        let driver = self.0.driver.borrow_mut().take();
        drop(driver);
    }
}

impl Hub {
    fn new() -> Hub {
        let (reactor, waker) = match Reactor::new() {
            Ok((reactor, waker)) => (Some(reactor), Some(waker)),
            // No poller (out of descriptors): timers and channels still work; sockets and
            // cross-thread wake-ups report the failure where they are used.
            Err(_) => (None, None),
        };
        Hub {
            ready: RefCell::default(),
            tasks: RefCell::default(),
            current: RefCell::new(None),
            driver: RefCell::new(None),
            driver_generation: Cell::new(0),
            timers: RefCell::default(),
            idle: RefCell::default(),
            reactor,
            remote: Arc::new(Remote::new(PollNotify(waker))),
            next_id: Cell::new(1),
            next_scope: Cell::new(0),
            hops: Cell::new(0),
            runs: Cell::new(0),
            io_budget: Cell::new(IO_BUDGET),
            shutdown: Cell::new(None),
        }
    }

    pub(crate) fn spawn<T, F>(
        &self,
        name: Option<Box<str>>,
        stack_size: Option<usize>,
        f: F,
    ) -> JoinHandle<T>
    where
        T: 'static,
        F: FnOnce() -> T + 'static,
    {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        let cell = TaskCell::new(Task::new(id, name, stack_size), f);
        let runnable: TaskRef = cell.clone();
        let slot = self.tasks.borrow_mut().insert(runnable.clone());
        let task = runnable.task();
        task.slot.set(slot);
        task.queued.set(true);
        self.ready.borrow_mut().push_back(runnable.clone());
        JoinHandle { cell, runnable }
    }

    pub(crate) fn spawn_detached(&self, name: Option<Box<str>>, f: Box<dyn FnOnce() + Send>) {
        drop(self.spawn(name, None, f));
    }

    /// The running task, if the current greenlet is one.
    fn current_task(&self) -> Result<TaskRef, Error> {
        let current = self.current.borrow();
        match &*current {
            Some(task) if Self::runs(task) => Ok(task.clone()),
            _ => Err(Error::NoTask),
        }
    }

    fn runs(task: &TaskRef) -> bool {
        task.task()
            .greenlet
            .borrow()
            .as_ref()
            .is_some_and(Greenlet::is_current)
    }

    fn wake(&self, task: &TaskRef) {
        let t = task.task();
        if t.state() == State::Parked && !t.queued.replace(true) {
            self.ready.borrow_mut().push_back(task.clone());
        }
    }

    pub(crate) fn wake_slot(&self, slot: usize, id: u64) {
        let task = self.tasks.borrow().get(slot).cloned();
        if let Some(task) = task {
            if task.task().id == id {
                self.wake(&task);
            }
        }
    }

    pub(crate) fn request_kill(&self, task: &TaskRef) {
        task.task().request_kill();
        self.wake(task);
    }

    fn add_timer(self: &Rc<Self>, deadline: Instant, target: Target) -> TimerGuard {
        let id = self.timers.borrow_mut().add(deadline, target);
        TimerGuard {
            hub: self.clone(),
            id,
        }
    }

    pub(crate) fn register(
        &self,
        source: &mut impl mio::event::Source,
    ) -> io::Result<Registration> {
        match &self.reactor {
            Some(reactor) => reactor.register(source),
            None => Err(io::Error::other("the hub has no poller")),
        }
    }

    pub(crate) fn deregister(&self, source: &mut impl mio::event::Source, r: &Registration) {
        if let Some(reactor) = &self.reactor {
            reactor.deregister(source, r);
        }
    }

    /// Counts a socket operation that completed without parking; when the running task has
    /// done `IO_BUDGET` of them in a row, it yields so that the others get their turn.
    pub(crate) fn spend_io(&self) {
        let left = self.io_budget.get().saturating_sub(1);
        self.io_budget.set(left);
        if left == 0 {
            self.io_budget.set(IO_BUDGET);
            if let Ok(parker) = Parker::current() {
                // A kill or timeout that arrives here is seen by the next blocking call.
                let _ = parker.yield_now();
            }
        }
    }

    pub(crate) fn is_shutting_down(&self) -> bool {
        self.shutdown.get().is_some()
    }

    /// Drives the hub from the current greenlet until `done()` (checked between rounds).
    pub(crate) fn drive(&self, done: &dyn Fn() -> bool) -> Result<(), JoinError> {
        {
            let mut driver = self.driver.borrow_mut();
            if driver.is_some() {
                return Err(JoinError::Wait(Error::Busy));
            }
            *driver = Some(Greenlet::current());
        }
        let _driving = Driving(self);
        self.driver_generation
            .set(self.driver_generation.get().wrapping_add(1));
        loop {
            if done() {
                return Ok(());
            }
            let round = self.ready.borrow().len();
            for _ in 0..round {
                let next = self.ready.borrow_mut().pop_front();
                let Some(task) = next else { break };
                if let Some(greenlet) = self.prepare(&task) {
                    self.hops.set(HOP_BUDGET);
                    let resumed = greenlet.switch::<(), ()>(());
                    drop(greenlet);
                    self.came_back(resumed);
                }
            }
            self.fire_timers();
            self.service_shutdown();
            if self.remote.inbox.maybe_pending() {
                self.drain_inbox();
            }
            if !self.ready.borrow().is_empty() {
                if self.runs.get() >= POLL_INTERVAL {
                    self.runs.set(0);
                    // Without sockets there is nothing for the poller to report (remote
                    // wake-ups arrive through the inbox, checked above): no system call.
                    if self.reactor.as_ref().is_some_and(Reactor::has_sources) {
                        self.poll(Some(Duration::ZERO));
                    }
                }
                continue;
            }
            self.runs.set(0);
            if done() {
                return Ok(());
            }
            if let Some(report) = self.deadlock() {
                return Err(JoinError::Deadlock(report));
            }
            self.poll(self.idle_timeout());
        }
    }

    /// Makes `task` the current one and returns the greenlet to switch to: its own, or a
    /// worker for a new task. `None` if it cannot run (it ended, or was killed before it
    /// started: then it is finished here).
    fn prepare(&self, task: &TaskRef) -> Option<Greenlet> {
        let t = task.task();
        t.queued.set(false);
        match t.state() {
            State::Done | State::Running => return None,
            State::Parked => {}
            State::New => {
                if t.kill_requested() {
                    self.fail(task, JoinError::Killed);
                    return None;
                }
                let (greenlet, generation) = if t.poolable() {
                    let Some(worker) = self.worker() else {
                        // No driver to parent a new worker: leave the task queued.
                        t.queued.set(true);
                        self.ready.borrow_mut().push_back(task.clone());
                        return None;
                    };
                    worker
                } else {
                    (task.clone().start(), self.driver_generation.get())
                };
                t.driver.set(generation);
                *t.greenlet.borrow_mut() = Some(greenlet);
            }
        }
        let greenlet = t.greenlet.borrow().clone();
        let Some(greenlet) = greenlet else {
            self.fail(task, JoinError::Failed(crate::Error::NotNow));
            return None;
        };
        if t.driver.get() != self.driver_generation.get() {
            // Started under an earlier driver: its end must come back to this one.
            let driver = self.driver.borrow().clone();
            if let Some(driver) = driver {
                let _ = greenlet.set_parent(&driver);
            }
            t.driver.set(self.driver_generation.get());
        }
        t.set_state(State::Running);
        self.runs.set(self.runs.get() + 1);
        self.io_budget.set(IO_BUDGET);
        // The previous current task may be a finished one whose last reference this is:
        // drop it (and whatever its value's `Drop` does) outside the borrow.
        let previous = self.current.replace(Some(task.clone()));
        drop(previous);
        Some(greenlet)
    }

    /// Switches away from the current greenlet (a task that parks, or a worker between
    /// tasks): straight to the next ready greenlet that is already running or can run on an
    /// idle worker, or else to the driver. Going straight saves a switch per hand-over.
    /// Returns when something switches back.
    #[inline(always)]
    fn switch_away(&self, from: Option<&TaskRef>) -> Result<(), crate::Error> {
        // While a panic unwinds no switch happens; let the driver's refusal say so.
        while self.hops.get() > 0 && !std::thread::panicking() {
            let next = {
                let mut ready = self.ready.borrow_mut();
                match ready.front() {
                    Some(next)
                        if !from.is_some_and(|f| Rc::ptr_eq(f, next)) && self.can_hop_to(next) =>
                    {
                        ready.pop_front()
                    }
                    _ => None,
                }
            };
            let Some(next) = next else { break };
            self.hops.set(self.hops.get() - 1);
            if let Some(greenlet) = self.prepare(&next) {
                let resumed = greenlet.switch::<(), ()>(());
                if matches!(resumed, Err(crate::Error::NotNow)) {
                    // Refused before anything ran (our own resumes send `Ok`): undo.
                    self.undo_hop(&next, from);
                }
                return resumed;
            }
        }
        let driver = self.driver.borrow().clone().ok_or(crate::Error::NotNow)?;
        driver.switch::<(), ()>(())
    }

    /// Puts `next` back at the head of the queue after a refused switch to it.
    fn undo_hop(&self, next: &TaskRef, from: Option<&TaskRef>) {
        let t = next.task();
        // Its greenlet is started (a parked one, or an idle worker now assigned to it), so
        // resuming it later as a parked task does the right thing.
        t.set_state(State::Parked);
        t.queued.set(true);
        self.ready.borrow_mut().push_front(next.clone());
        let previous = self.current.replace(from.cloned());
        drop(previous);
    }

    /// Whether `task` can be switched to from a greenlet other than the driver: it runs
    /// already (parked), or it is new and an idle worker can take it. Anything that would
    /// build a greenlet (whose parent must be the driver) is left to the driver.
    fn can_hop_to(&self, task: &TaskRef) -> bool {
        let t = task.task();
        match t.state() {
            State::Parked => t.driver.get() == self.driver_generation.get(),
            State::New => t.poolable() && !self.idle.borrow().is_empty(),
            State::Running | State::Done => false,
        }
    }

    /// Bookkeeping after a switch from the driver came back: the greenlet that switched to
    /// the driver was the current task's, and `resumed` is what it sent.
    fn came_back(&self, resumed: Result<(), crate::Error>) {
        let back = self.current.borrow_mut().take();
        let Some(task) = back else { return };
        let t = task.task();
        let greenlet = t.greenlet.borrow().clone();
        // A worker that finished its task did the bookkeeping itself.
        let Some(greenlet) = greenlet else { return };
        if greenlet.is_dead() {
            let error = match resumed {
                Ok(()) => None,
                Err(crate::Error::Panic(payload)) => Some(JoinError::Panicked(payload)),
                Err(crate::Error::Exit) => Some(JoinError::Killed),
                Err(e) => Some(JoinError::Failed(e)),
            };
            drop(greenlet);
            match error {
                Some(error) => self.fail(&task, error),
                None => self.finish(&task),
            }
        } else if !greenlet.is_started() {
            // The switch could not start it (no stack): it never ran.
            let error = resumed.err().unwrap_or(crate::Error::NotNow);
            drop(greenlet);
            self.fail(&task, JoinError::Failed(error));
        } else if t.state() == State::Running {
            // It came back without parking (its body switched to the driver itself): treat
            // that as a yield rather than lose it.
            t.set_state(State::Parked);
            self.wake(&task);
        }
    }

    /// A worker's task ended: finish it, and keep the worker for another task if there is
    /// room. Returns whether the worker was kept.
    fn retire(&self, task: &TaskRef) -> bool {
        // No task runs on this worker any more (the caller still holds this one).
        let previous = self.current.take();
        drop(previous);
        let worker = task.task().greenlet.borrow_mut().take();
        let generation = task.task().driver.get();
        self.finish(task);
        let Some(worker) = worker else { return false };
        let mut idle = self.idle.borrow_mut();
        if idle.len() < MAX_IDLE_WORKERS && generation == self.driver_generation.get() {
            idle.push((worker, generation));
            return true;
        }
        false
    }

    /// An idle worker greenlet, or a new one (a child of the driver).
    fn worker(&self) -> Option<(Greenlet, u64)> {
        let idle = self.idle.borrow_mut().pop();
        if idle.is_some() {
            return idle;
        }
        let driver = self.driver.borrow().clone()?;
        let worker = Greenlet::builder().parent(&driver).build(worker_loop);
        Some((worker, self.driver_generation.get()))
    }

    /// The task ended without a value: record why, then finish it.
    fn fail(&self, task: &TaskRef, error: JoinError) {
        task.fail(error);
        self.finish(task);
    }

    /// The task ended: wake its joiners and forget it.
    fn finish(&self, task: &TaskRef) {
        let t = task.task();
        t.set_state(State::Done);
        let greenlet = t.greenlet.borrow_mut().take();
        drop(greenlet);
        let removed = self.tasks.borrow_mut().remove(t.slot.get());
        drop(removed);
        t.joiners.notify_all();
    }

    fn fire_timers(&self) {
        if self.timers.borrow().is_empty() {
            return;
        }
        let now = Instant::now();
        loop {
            let due = self.timers.borrow_mut().pop_due(now);
            match due {
                Some(Target::Wake(task)) => self.wake_any(&task),
                Some(Target::Scope(task, id)) => {
                    if task.task().fire_scope(id) {
                        self.wake_any(&task);
                    }
                }
                None => break,
            }
        }
    }

    /// Wakes a task whatever it waits for (timers, kills): its wait loop re-checks.
    fn wake_any(&self, task: &TaskRef) {
        self.wake(task);
    }

    fn drain_inbox(&self) {
        self.remote.inbox.drain(|msg| remote::apply(self, msg));
    }

    /// How long an idle hub may wait: until the next timer or the shutdown deadline.
    fn idle_timeout(&self) -> Option<Duration> {
        let next = self.timers.borrow_mut().next_deadline();
        let shutdown = self
            .shutdown
            .get()
            .filter(|s| s.killed.is_none())
            .and_then(|s| s.deadline);
        let deadline = match (next, shutdown) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }?;
        Some(deadline.saturating_duration_since(Instant::now()))
    }

    fn poll(&self, timeout: Option<Duration>) {
        match &self.reactor {
            Some(reactor) => {
                if let Err(e) = reactor.poll(timeout) {
                    // Not expected from epoll; avoid a busy loop if it keeps failing.
                    eprintln!("stacklet hub: poll failed: {e}");
                    std::thread::sleep(Duration::from_millis(1));
                }
            }
            None => std::thread::sleep(timeout.unwrap_or(Duration::from_millis(1))),
        }
    }

    /// `None` unless nothing can ever wake any greenlet again.
    fn deadlock(&self) -> Option<DeadlockReport> {
        // A kill deadline still to come will wake everyone.
        let pending_shutdown = self
            .shutdown
            .get()
            .is_some_and(|s| s.killed.is_none() && s.deadline.is_some());
        if !self.ready.borrow().is_empty()
            || !self.timers.borrow().is_empty()
            || pending_shutdown
            || self.remote.reachable()
            || self.remote.inbox.maybe_pending()
        {
            return None;
        }
        let tasks = self.tasks.borrow();
        if tasks.iter().any(|t| t.task().wait.get().is_external()) {
            return None;
        }
        let name_of = |id: u64| {
            tasks
                .iter()
                .find(|t| t.task().id == id)
                .and_then(|t| t.task().name.as_deref().map(String::from))
        };
        let mut blocked: Vec<Blocked> = tasks
            .iter()
            .map(|t| {
                let task = t.task();
                Blocked {
                    id: task.id,
                    name: task.name.as_deref().map(String::from),
                    waits_for: task.wait.get().describe(name_of),
                }
            })
            .collect();
        blocked.sort_by_key(|b| b.id);
        Some(DeadlockReport { blocked })
    }

    pub(crate) fn begin_shutdown(&self, grace: Duration) {
        if self.shutdown.get().is_some() {
            return;
        }
        self.shutdown.set(Some(Shutdown {
            deadline: Instant::now().checked_add(grace),
            killed: None,
        }));
        // Messages accepted before the close still run; later ones are refused.
        self.remote.inbox.close();
        self.drain_inbox();
        // Listeners stop accepting; their loops see the shutdown and end.
        let waiting: Vec<TaskRef> = self
            .tasks
            .borrow()
            .iter()
            .filter(|t| t.task().wait.get() == Wait::Io("accept"))
            .cloned()
            .collect();
        for task in &waiting {
            self.wake_any(task);
        }
    }

    /// Kills every greenlet once the shutdown deadline has passed.
    fn service_shutdown(&self) {
        let Some(shutdown) = self.shutdown.get() else {
            return;
        };
        let due = shutdown.deadline.is_some_and(|d| Instant::now() >= d);
        if shutdown.killed.is_some() || !due {
            return;
        }
        let all: Vec<TaskRef> = self.tasks.borrow().iter().cloned().collect();
        for task in &all {
            self.request_kill(task);
        }
        self.shutdown.set(Some(Shutdown {
            killed: Some(all.len()),
            ..shutdown
        }));
    }

    /// Live greenlets of this hub.
    pub(crate) fn task_count(&self) -> usize {
        self.tasks.borrow().len()
    }

    /// Greenlets killed by the shutdown deadline, once a shutdown has completed.
    pub(crate) fn killed_at_shutdown(&self) -> usize {
        self.shutdown.get().and_then(|s| s.killed).unwrap_or(0)
    }
}

/// The body of a worker greenlet: runs the task it was switched to for, finishes it, goes
/// idle and switches away until it is switched to for the next one. A panic ends the
/// worker (the greenlet layer hands it to the driver, which gives it to the task's joiner);
/// so does a kill (the thread exiting) or a full idle list.
fn worker_loop((): ()) -> Result<(), crate::Error> {
    loop {
        // An `Rc` rather than a thread-local borrow: this stack may be suspended when the
        // thread-local is destroyed.
        let Ok(hub) = hub() else { return Ok(()) };
        let job = hub.current.borrow().clone();
        let Some(job) = job else { return Ok(()) };
        job.run_inline();
        let kept = hub.retire(&job);
        drop(job);
        if !kept {
            return Ok(());
        }
        hub.switch_away(None)?;
    }
}

/// Waits until `task` has ended: parks the current greenlet, or drives the hub when called
/// from outside it.
#[inline(always)]
pub(crate) fn wait_done(task: &TaskRef) -> Result<(), JoinError> {
    let t = task.task();
    if t.is_done() {
        return Ok(());
    }
    let hub = hub()?;
    match hub.current_task() {
        Ok(me) => {
            if Rc::ptr_eq(&me, task) {
                return Err(JoinError::Wait(Error::SelfJoin));
            }
            let parker = Parker { hub, task: me };
            while !t.is_done() {
                t.joiners.push(parker.waiter());
                parker.park(Wait::Join(t.id))?;
            }
            Ok(())
        }
        Err(_) if hub.driver.borrow().is_none() => hub.drive(&|| t.is_done()),
        Err(_) => Err(JoinError::Wait(Error::Busy)),
    }
}

/// Asks `task` to die (see `JoinHandle::kill`).
pub(crate) fn request_kill(task: &TaskRef) {
    match hub() {
        Ok(hub) => hub.request_kill(task),
        Err(_) => task.task().request_kill(),
    }
}
