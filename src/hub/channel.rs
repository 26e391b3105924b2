//! Channels between the greenlets of one hub: unbounded, bounded, and rendezvous
//! (capacity 0, as Stackless's channels). A send or a receive that cannot complete parks
//! only the calling greenlet.
//!
//! Capacity counts greenlets parked in `recv` as room: on a rendezvous channel a send
//! completes as soon as a receiver is waiting (the value is handed to it), and blocks until
//! one comes otherwise. A receiver that gives up after a value was handed to it (killed or
//! timed out before it ran) leaves the value in the channel for the next receiver.
//!
//! Handles are `!Send`: greenlets of other threads are reached through
//! [`crate::hub::HubHandle`].

use super::error::Error;
use super::sched::Parker;
use super::wait::{Wait, WaitQueue, Waiter};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::fmt;
use std::rc::Rc;

thread_local! {
    static NEXT_ID: Cell<u64> = const { Cell::new(1) };
}

struct Shared<T> {
    id: u64,
    buffer: RefCell<VecDeque<T>>,
    /// `usize::MAX` for unbounded.
    capacity: usize,
    senders: Cell<usize>,
    receivers: Cell<usize>,
    /// Greenlets parked in `recv` or in a `select` over this channel.
    parked_receivers: Cell<usize>,
    recv_waiters: WaitQueue,
    send_waiters: WaitQueue,
}

impl<T> Shared<T> {
    fn has_room(&self) -> bool {
        self.buffer.borrow().len() < self.capacity.saturating_add(self.parked_receivers.get())
    }

    fn push(&self, value: T) {
        self.buffer.borrow_mut().push_back(value);
        self.recv_waiters.notify_one();
    }

    fn pop(&self) -> Option<T> {
        let value = self.buffer.borrow_mut().pop_front()?;
        self.send_waiters.notify_one();
        Some(value)
    }

    /// A receiver is about to park: room for one more value on a rendezvous channel.
    fn enter_receiver(&self, waiter: Waiter) {
        self.recv_waiters.push(waiter);
        self.parked_receivers.set(self.parked_receivers.get() + 1);
        self.send_waiters.notify_one();
    }

    /// A receiver woke up; if it gives up, another one gets the wake-up it may have taken.
    fn leave_receiver(&self, stays: bool) {
        self.parked_receivers.set(self.parked_receivers.get() - 1);
        if !stays && !self.buffer.borrow().is_empty() {
            self.recv_waiters.notify_one();
        }
    }

    fn recv_ready(&self) -> bool {
        !self.buffer.borrow().is_empty() || self.senders.get() == 0
    }
}

fn channel<T>(capacity: usize) -> (Sender<T>, Receiver<T>) {
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    });
    let shared = Rc::new(Shared {
        id,
        buffer: RefCell::new(VecDeque::new()),
        capacity,
        senders: Cell::new(1),
        receivers: Cell::new(1),
        parked_receivers: Cell::new(0),
        recv_waiters: WaitQueue::default(),
        send_waiters: WaitQueue::default(),
    });
    (Sender(shared.clone()), Receiver(shared))
}

/// A channel whose sends never block.
pub fn unbounded<T>() -> (Sender<T>, Receiver<T>) {
    channel(usize::MAX)
}

/// A channel holding up to `capacity` values; sends block while it is full. A capacity of
/// 0 is a [`rendezvous`] channel.
pub fn bounded<T>(capacity: usize) -> (Sender<T>, Receiver<T>) {
    channel(capacity)
}

/// A channel without a buffer: a send blocks until a receiver takes the value.
pub fn rendezvous<T>() -> (Sender<T>, Receiver<T>) {
    channel(0)
}

/// A failed send: why, and the value that was not sent.
pub struct SendError<T> {
    /// The value, back to the caller.
    pub value: T,
    /// [`Error::Disconnected`] if every receiver is gone, else why the wait failed.
    pub error: Error,
}

impl<T> fmt::Debug for SendError<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SendError")
            .field("error", &self.error)
            .finish_non_exhaustive()
    }
}

impl<T> fmt::Display for SendError<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "send failed: {}", self.error)
    }
}

impl<T> std::error::Error for SendError<T> {}

impl<T> From<SendError<T>> for Error {
    fn from(e: SendError<T>) -> Error {
        e.error
    }
}

impl<T> From<SendError<T>> for std::io::Error {
    fn from(e: SendError<T>) -> std::io::Error {
        e.error.into()
    }
}

/// Why [`Sender::try_send`] did not send.
pub enum TrySendError<T> {
    /// No room now.
    Full(T),
    /// Every receiver is gone.
    Disconnected(T),
}

impl<T> fmt::Debug for TrySendError<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TrySendError::Full(_) => "Full(..)",
            TrySendError::Disconnected(_) => "Disconnected(..)",
        })
    }
}

/// Why [`Receiver::try_recv`] returned nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TryRecvError {
    /// Nothing to receive now.
    Empty,
    /// Nothing left, and every sender is gone.
    Disconnected,
}

/// The sending side; clone it for more senders.
pub struct Sender<T>(Rc<Shared<T>>);

impl<T> Sender<T> {
    /// Sends `value`, parking while the channel is full (on a rendezvous channel: until a
    /// receiver takes it).
    pub fn send(&self, value: T) -> Result<(), SendError<T>> {
        let shared = &*self.0;
        let mut parker = None;
        loop {
            if shared.receivers.get() == 0 {
                return Err(SendError {
                    value,
                    error: Error::Disconnected,
                });
            }
            if shared.has_room() {
                shared.push(value);
                return Ok(());
            }
            if parker.is_none() {
                match Parker::current() {
                    Ok(p) => parker = Some(p),
                    Err(error) => return Err(SendError { value, error }),
                }
            }
            let Some(p) = &parker else { continue };
            shared.send_waiters.push(p.waiter());
            if let Err(error) = p.park(Wait::Send(shared.id)) {
                // Pass on a wake-up this sender may have taken.
                if shared.has_room() {
                    shared.send_waiters.notify_one();
                }
                return Err(SendError { value, error });
            }
        }
    }

    /// Sends `value` if that needs no wait.
    pub fn try_send(&self, value: T) -> Result<(), TrySendError<T>> {
        let shared = &*self.0;
        if shared.receivers.get() == 0 {
            Err(TrySendError::Disconnected(value))
        } else if shared.has_room() {
            shared.push(value);
            Ok(())
        } else {
            Err(TrySendError::Full(value))
        }
    }

    /// Whether every receiver is gone.
    pub fn is_disconnected(&self) -> bool {
        self.0.receivers.get() == 0
    }

    /// Values in the channel.
    pub fn len(&self) -> usize {
        self.0.buffer.borrow().len()
    }

    /// Whether the channel holds no value.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<T> Clone for Sender<T> {
    fn clone(&self) -> Self {
        self.0.senders.set(self.0.senders.get() + 1);
        Sender(self.0.clone())
    }
}

impl<T> Drop for Sender<T> {
    fn drop(&mut self) {
        let senders = self.0.senders.get() - 1;
        self.0.senders.set(senders);
        if senders == 0 {
            self.0.recv_waiters.notify_all();
        }
    }
}

impl<T> fmt::Debug for Sender<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Sender(channel #{})", self.0.id)
    }
}

/// The receiving side; clone it for more receivers (each value goes to one of them).
pub struct Receiver<T>(Rc<Shared<T>>);

impl<T> Receiver<T> {
    /// Receives the next value, parking while there is none. [`Error::Disconnected`] once
    /// the channel is empty and every sender is gone.
    pub fn recv(&self) -> Result<T, Error> {
        let shared = &*self.0;
        let mut parker = None;
        loop {
            if let Some(value) = shared.pop() {
                return Ok(value);
            }
            if shared.senders.get() == 0 {
                return Err(Error::Disconnected);
            }
            if parker.is_none() {
                parker = Some(Parker::current()?);
            }
            let Some(p) = &parker else { continue };
            p.check()?;
            shared.enter_receiver(p.waiter());
            let parked = p.park(Wait::Recv(shared.id));
            // On success the loop takes the value that woke it (nothing ran in between).
            shared.leave_receiver(parked.is_ok());
            parked?;
        }
    }

    /// Receives a value if one is there.
    pub fn try_recv(&self) -> Result<T, TryRecvError> {
        match self.0.pop() {
            Some(value) => Ok(value),
            None if self.0.senders.get() == 0 => Err(TryRecvError::Disconnected),
            None => Err(TryRecvError::Empty),
        }
    }

    /// An iterator that receives until the channel is disconnected (or a wait fails).
    pub fn iter(&self) -> impl Iterator<Item = T> + '_ {
        std::iter::from_fn(move || self.recv().ok())
    }

    /// Values in the channel.
    pub fn len(&self) -> usize {
        self.0.buffer.borrow().len()
    }

    /// Whether the channel holds no value.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether every sender is gone.
    pub fn is_disconnected(&self) -> bool {
        self.0.senders.get() == 0
    }
}

impl<T> Clone for Receiver<T> {
    fn clone(&self) -> Self {
        self.0.receivers.set(self.0.receivers.get() + 1);
        Receiver(self.0.clone())
    }
}

impl<T> Drop for Receiver<T> {
    fn drop(&mut self) {
        let receivers = self.0.receivers.get() - 1;
        self.0.receivers.set(receivers);
        if receivers == 0 {
            self.0.send_waiters.notify_all();
        }
    }
}

impl<T> fmt::Debug for Receiver<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Receiver(channel #{})", self.0.id)
    }
}

/// What [`crate::hub::Select`] needs of a receiver, whatever its value type.
pub(crate) trait Selectable {
    /// A `try_recv` would not return `Empty`.
    fn is_ready(&self) -> bool;
    /// Registers a select that is about to park.
    fn enter(&self, waiter: Waiter);
    /// The select woke up; `chosen` if it picked this receiver.
    fn leave(&self, chosen: bool);
}

impl<T> Selectable for Receiver<T> {
    fn is_ready(&self) -> bool {
        self.0.recv_ready()
    }

    fn enter(&self, waiter: Waiter) {
        self.0.enter_receiver(waiter);
    }

    fn leave(&self, chosen: bool) {
        self.0.leave_receiver(chosen);
    }
}
