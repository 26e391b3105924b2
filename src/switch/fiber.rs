//! `Fiber`: one coroutine on a pooled stack, and the thread's list of live fibers.

use super::ReleaseGuard;
use crate::error::Error;
use crate::payload::Payload;
use crate::stack::{self, ContextLabel, PooledStack, StackError};
use corosensei::{Coroutine, CoroutineResult, Yielder};
use std::cell::{Cell, RefCell, UnsafeCell};
use std::rc::{Rc, Weak};

/// What a context receives when it is resumed: a value, or an error to raise.
///
/// An error travels boxed inside the payload, so a message is three words: it is moved
/// several times on every switch, and a `Result<Payload, Error>` was twice the size.
pub(crate) struct Message(Payload);

/// The payload of a message that carries an error. Private: no value sent by a user is one.
struct Thrown(Error);

impl Message {
    #[inline]
    pub(crate) fn value(value: Payload) -> Message {
        Message(value)
    }

    pub(crate) fn error(error: Error) -> Message {
        Message(Payload::new(Thrown(error)))
    }

    /// Whether the message carries an error rather than a value.
    #[inline]
    pub(crate) fn is_error(&self) -> bool {
        self.0.is::<Thrown>()
    }

    pub(crate) fn into_result(self) -> Result<Payload, Error> {
        match self.0.downcast::<Thrown>() {
            Ok(Thrown(error)) => Err(error),
            Err(value) => Ok(value),
        }
    }
}

impl From<Result<Payload, Error>> for Message {
    fn from(result: Result<Payload, Error>) -> Message {
        match result {
            Ok(value) => Message::value(value),
            Err(error) => Message::error(error),
        }
    }
}

/// Unpacks a received message as an `R`; another type comes back in [`Error::Mismatch`].
#[inline]
pub(crate) fn typed<R: 'static>(msg: Message) -> Result<R, Error> {
    match msg.0.downcast::<R>() {
        Ok(value) => Ok(value),
        Err(other) => Err(not_an::<R>(Message(other))),
    }
}

#[cold]
fn not_an<R: 'static>(msg: Message) -> Error {
    match msg.into_result() {
        Ok(value) => Error::Mismatch {
            expected: std::any::type_name::<R>(),
            value,
        },
        Err(error) => error,
    }
}

/// "Resume `to` (`None`: the root) with `msg`": what a finishing fiber asks of the loop.
pub(crate) struct Transfer {
    pub(crate) to: Option<Rc<Fiber>>,
    pub(crate) msg: Message,
}

/// A transfer in flight, kept in the frame of the context that suspends (or in the loop's).
///
/// Only a pointer to it crosses the stack switch, in a register: corosensei copies a value
/// through several wrappers, and a 64-byte message made a raw round trip 45% slower. The
/// sender's frame stays intact while it is suspended, and the loop keeps the sender alive
/// until the receiver, first thing when resumed, has taken the message out.
pub(crate) struct Envelope {
    pub(crate) to: Option<Rc<Fiber>>,
    pub(crate) msg: Option<Message>,
}

/// Where the message for a resumed context waits.
pub(crate) type Mail = *mut Envelope;

/// Takes the message out of an envelope the caller was just resumed with.
///
/// # Safety
/// `mail` must be the pointer this context was resumed with, not yet used.
#[inline]
pub(crate) unsafe fn take(mail: Mail) -> Message {
    // SAFETY: per the contract, `mail` points at a live envelope nobody else reads now.
    unsafe { (*mail).msg.take() }.unwrap_or_else(|| Message::error(Error::NotNow))
}

/// The coroutine returns nothing: a finished body leaves its [`Transfer`] as an envelope in
/// [`Fiber::last`], which the loop delivers as it delivers a suspending fiber's, so what
/// `resume` returns fits in two registers and the message is written once.
type Body = Coroutine<Mail, Mail, (), PooledStack>;

/// A fiber and a stack, ready to start a body.
pub(crate) struct Reserved {
    fiber: Rc<Fiber>,
    stack: PooledStack,
}

impl Reserved {
    /// Starts `body` on the reserved fiber: it runs with the message of its first resume.
    pub(crate) fn start(
        self,
        kind: &'static str,
        id: u64,
        body: impl FnOnce(Message) -> Transfer + 'static,
    ) -> Rc<Fiber> {
        let Reserved { fiber, stack } = self;
        fiber.limit.set(stack.usable_low());
        fiber.label.set(ContextLabel { id, kind });
        let coroutine =
            Coroutine::with_stack(stack, move |yielder: &Yielder<Mail, Mail>, first: Mail| {
                // The loop made this fiber current before resuming it.
                let running = super::STATE.with(|s| s.current.get());
                // SAFETY: the running fiber is this one, alive while the loop resumes it; and
                // `first` is the envelope this fiber was started with.
                let first = unsafe {
                    (*running).yielder.set(yielder);
                    take(first)
                };
                let Transfer { to, msg } = body(first);
                // SAFETY: `running` is this fiber, alive while the loop resumes it, and nothing
                // else touches its last envelope until the loop has seen it return.
                unsafe { *(*running).last.get() = Envelope { to, msg: Some(msg) } };
            });
        // SAFETY: the fiber is new or a spare: no coroutine, nobody resuming or releasing it.
        unsafe { *fiber.coroutine.get() = Some(coroutine) };
        fiber
    }
}

/// A coroutine with the bookkeeping the loop needs.
pub(crate) struct Fiber {
    /// Touched only by the loop (resume, finish) and by `release`, never while it runs.
    coroutine: UnsafeCell<Option<Body>>,
    /// A spare fiber's stack.
    idle_stack: Cell<Option<PooledStack>>,
    /// The size class of the fiber's stack, fixed when the fiber is made.
    class: usize,
    /// Set when the coroutine first runs; valid while the coroutine is alive.
    yielder: Cell<*const Yielder<Mail, Mail>>,
    /// What the finished body asks the loop to do: an envelope like a suspending fiber's,
    /// here because the stack it ran on is recycled at once.
    last: UnsafeCell<Envelope>,
    /// The fiber's stack limit, saved while it is suspended (it changes inside segments).
    limit: Cell<usize>,
    /// Read through a pointer by the overflow handler while the fiber runs.
    label: Cell<ContextLabel>,
    /// Index in this thread's live list, for O(1) removal.
    slot: Cell<usize>,
}

thread_local! {
    static LIVE: LiveFibers = const { LiveFibers(RefCell::new(Vec::new())) };
    /// Finished fibers with their stacks, for the next fibers of the same stack size: a
    /// greenlet's life then costs no allocation for its fiber and no trip to the stack pool.
    static SPARE: RefCell<Vec<Spare>> = const { RefCell::new(Vec::new()) };
}

/// Spare fibers kept per thread.
const SPARE_FIBERS: usize = 16;

/// A finished fiber kept with its stack (in `idle_stack`), which counts as pooled meanwhile.
/// Only the pointer moves in and out of the list: moving the stack record each time cost
/// more than the rest of the bookkeeping.
struct Spare(Option<Rc<Fiber>>);

impl Spare {
    /// A fiber whose stack is already in its `idle_stack`.
    fn new(fiber: Rc<Fiber>) -> Spare {
        stack::set_idle(true);
        Spare(Some(fiber))
    }

    fn take(mut self) -> Option<Reserved> {
        let fiber = self.0.take()?;
        let stack = fiber.idle_stack.take()?;
        stack::set_idle(false);
        Some(Reserved { fiber, stack })
    }
}

impl Drop for Spare {
    fn drop(&mut self) {
        if let Some(stack) = self.0.as_ref().and_then(|fiber| fiber.idle_stack.take()) {
            stack::set_idle(false);
            drop(stack);
        }
    }
}

/// A spare fiber whose stack has `usable` bytes.
fn take_spare(usable: usize) -> Option<Reserved> {
    SPARE
        .try_with(|spare| {
            let mut spare = spare.try_borrow_mut().ok()?;
            let index = spare
                .iter()
                .rposition(|s| s.0.as_ref().is_some_and(|f| f.class == usable))?;
            spare.swap_remove(index).take()
        })
        .ok()
        .flatten()
}

/// Every fiber of this thread that has suspended and not finished. When the thread exits,
/// they are released (unwound) before the stacks under them could go away.
struct LiveFibers(RefCell<Vec<Weak<Fiber>>>);

impl Drop for LiveFibers {
    fn drop(&mut self) {
        super::set_exiting();
        loop {
            let next = self.0.borrow_mut().pop();
            let Some(weak) = next else { break };
            if let Some(fiber) = weak.upgrade() {
                fiber.slot.set(usize::MAX);
                fiber.release();
            }
        }
    }
}

/// Number of fibers of this thread started and not finished: the suspended ones (listed)
/// and the running one, which is listed only once it first suspends.
pub(crate) fn live_fibers() -> usize {
    let listed = LIVE.try_with(|l| l.0.borrow().len()).unwrap_or(0);
    let running = super::STATE.with(|s| s.current.get());
    // SAFETY: a non-null running fiber is alive: the loop holds it while it runs.
    let running_unlisted = !running.is_null() && unsafe { (*running).slot.get() } == usize::MAX;
    listed + usize::from(running_unlisted)
}

impl Fiber {
    /// A fiber with a stack of at least `stack_size` bytes, to be started: a spare one of
    /// that size if there is one, else a new one.
    pub(crate) fn reserve(stack_size: usize) -> Result<Reserved, StackError> {
        let usable = stack::size_class(stack_size)?;
        if let Some(spare) = take_spare(usable) {
            return Ok(spare);
        }
        let stack = stack::allocate(usable)?;
        let fiber = Rc::new(Fiber {
            coroutine: UnsafeCell::new(None),
            idle_stack: Cell::new(None),
            class: usable,
            yielder: Cell::new(std::ptr::null()),
            last: UnsafeCell::new(Envelope {
                to: None,
                msg: None,
            }),
            limit: Cell::new(0),
            label: Cell::new(ContextLabel { id: 0, kind: "" }),
            slot: Cell::new(usize::MAX),
        });
        Ok(Reserved { fiber, stack })
    }

    pub(crate) fn yielder(&self) -> *const Yielder<Mail, Mail> {
        self.yielder.get()
    }

    /// Resumes the coroutine with `mail` (root only), setting the running context's stack
    /// limit, overflow label and identity for the time it runs. `None` if it cannot run any
    /// more; `Some(None)` once it has finished (see [`Fiber::last_mail`]).
    #[inline(always)]
    pub(crate) fn resume(self: &Rc<Self>, mail: Mail, root_limit: usize) -> Option<Option<Mail>> {
        // SAFETY: only the root's loop and `release` touch the coroutine, the loop is running
        // (so `release` is not), and the fiber is not running (only one context runs). The
        // `&mut` lives for this resume only, during which nothing else reaches the coroutine
        // (code inside it never touches its own `Fiber::coroutine`).
        let coroutine = unsafe { (*self.coroutine.get()).as_mut()? };
        stack::set_limit(self.limit.get());
        stack::set_label(self.label.as_ptr());
        super::STATE.with(|s| s.current.set(Rc::as_ptr(self)));
        let result = coroutine.resume(mail);
        super::STATE.with(|s| s.current.set(std::ptr::null()));
        stack::set_label(std::ptr::null());
        self.limit.set(stack::set_limit(root_limit));
        Some(match result {
            CoroutineResult::Yield(sent) => Some(sent),
            CoroutineResult::Return(()) => None,
        })
    }

    /// The envelope a finished body left: the loop delivers it, keeping the fiber alive until
    /// the receiver has taken the message.
    pub(crate) fn last_mail(&self) -> Mail {
        self.last.get()
    }

    /// Called by the loop when the coroutine returned: the fiber is spare from now on, and is
    /// kept for reuse with its stack if nothing else refers to it.
    pub(crate) fn finished(self: &Rc<Self>) {
        // SAFETY: the loop calls this right after the coroutine returned; nothing else holds
        // a reference into the cell.
        let coroutine = unsafe { (*self.coroutine.get()).take() };
        self.unlist();
        let Some(coroutine) = coroutine else { return };
        // Straight into the fiber: moving the stack record through locals and closures cost
        // store-forwarding stalls.
        self.idle_stack.set(Some(coroutine.into_stack()));
        let spare = Rc::strong_count(self) == 1 && Rc::weak_count(self) == 0;
        let kept = spare
            && SPARE
                .try_with(|list| match list.try_borrow_mut() {
                    Ok(mut list) if list.len() < SPARE_FIBERS => {
                        list.push(Spare::new(self.clone()));
                        true
                    }
                    _ => false,
                })
                .unwrap_or(false);
        if !kept {
            drop(self.idle_stack.take());
        }
    }

    /// Unwinds a suspended coroutine without resuming its body: the destructors of the values
    /// on its stack run, nothing else. Used when the last reference to a suspended context
    /// goes away and when its thread exits.
    pub(crate) fn release(&self) {
        // SAFETY: a fiber being released is not running and is not being resumed: `release`
        // is reached from `Drop` (no `Rc` left, so the loop holds none) or from the thread's
        // teardown (the loop has returned).
        let coroutine = unsafe { (*self.coroutine.get()).take() };
        if let Some(coroutine) = coroutine {
            let _releasing = ReleaseGuard::enter();
            drop(coroutine);
        }
        self.unlist();
    }

    /// Enters the fiber in this thread's live list, once: the loop calls this when the fiber
    /// suspends. Only a suspended fiber has frames that thread exit must unwind, so one that
    /// runs to its end without suspending never costs a list entry.
    #[inline]
    pub(crate) fn list(self: &Rc<Self>) {
        if self.slot.get() != usize::MAX {
            return;
        }
        let _ = LIVE.try_with(|live| {
            let mut live = live.0.borrow_mut();
            self.slot.set(live.len());
            live.push(Rc::downgrade(self));
        });
    }

    fn unlist(&self) {
        let slot = self.slot.replace(usize::MAX);
        if slot == usize::MAX {
            return;
        }
        let _ = LIVE.try_with(|live| {
            let mut live = live.0.borrow_mut();
            let me: *const Fiber = self;
            // The recorded slot is stale if a neighbour moved while this fiber was being
            // dropped (it could not be upgraded to be told); then search.
            let slot = if live.get(slot).is_some_and(|w| w.as_ptr() == me) {
                slot
            } else {
                match live.iter().position(|w| w.as_ptr() == me) {
                    Some(slot) => slot,
                    None => return,
                }
            };
            live.swap_remove(slot);
            if let Some(moved) = live.get(slot).and_then(Weak::upgrade) {
                moved.slot.set(slot);
            }
        });
    }
}

impl Drop for Fiber {
    fn drop(&mut self) {
        self.release();
    }
}
