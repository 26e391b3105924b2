//! The hub's poller: a `mio::Poll` whose readiness events wake the greenlets parked on a
//! socket, plus the waker through which other threads interrupt a sleeping hub.
//!
//! Sources are registered edge-triggered. A greenlet tries its operation first and parks
//! only on `WouldBlock`; as the hub polls only while that greenlet is parked, any readiness
//! that arrives after the failed attempt is a new edge that the next poll reports. A stream
//! read that came back short drained the socket just as surely, so the next read parks
//! without trying, until the poller reports the socket readable (or closed) again.

use super::slab::Slab;
use super::wait::WaitQueue;
use mio::event::Source;
use mio::{Events, Interest, Poll, Registry, Token, Waker};
use std::cell::{Cell, RefCell};
use std::io;
use std::rc::Rc;
use std::time::Duration;

/// The token of the cross-thread waker (sockets get slab indices, far below it).
const WAKER: Token = Token(usize::MAX);

/// The greenlets waiting for one socket, by direction, and what is known of its input.
pub(crate) struct IoWaiters {
    pub(crate) readers: WaitQueue,
    pub(crate) writers: WaitQueue,
    /// False once a read found the socket drained (a short read or `WouldBlock`), true
    /// again when the poller reports it readable. While false, a read parks without the
    /// system call that would only say `WouldBlock`: the edge-triggered poller reports any
    /// data that arrives after the drain.
    pub(crate) readable: Cell<bool>,
    /// The peer closed its side or the socket failed: final, so reads always try (a short
    /// read of the last data does not mean the end of stream has been read too).
    pub(crate) read_closed: Cell<bool>,
}

impl Default for IoWaiters {
    fn default() -> IoWaiters {
        IoWaiters {
            readers: WaitQueue::default(),
            writers: WaitQueue::default(),
            readable: Cell::new(true),
            read_closed: Cell::new(false),
        }
    }
}

/// A socket's registration: its token and its waiters.
pub(crate) struct Registration {
    token: Token,
    pub(crate) waiters: Rc<IoWaiters>,
}

pub(crate) struct Reactor {
    poll: RefCell<Poll>,
    events: RefCell<Events>,
    registry: Registry,
    sources: RefCell<Slab<Rc<IoWaiters>>>,
}

impl Reactor {
    /// A poller and the waker that other threads use to interrupt its wait.
    pub(crate) fn new() -> io::Result<(Reactor, Waker)> {
        let poll = Poll::new()?;
        let registry = poll.registry().try_clone()?;
        let waker = Waker::new(&registry, WAKER)?;
        let reactor = Reactor {
            poll: RefCell::new(poll),
            events: RefCell::new(Events::with_capacity(1024)),
            registry,
            sources: RefCell::default(),
        };
        Ok((reactor, waker))
    }

    pub(crate) fn register(&self, source: &mut impl Source) -> io::Result<Registration> {
        let waiters = Rc::new(IoWaiters::default());
        let index = self.sources.borrow_mut().insert(waiters.clone());
        let token = Token(index);
        if let Err(e) =
            self.registry
                .register(source, token, Interest::READABLE | Interest::WRITABLE)
        {
            self.sources.borrow_mut().remove(index);
            return Err(e);
        }
        Ok(Registration { token, waiters })
    }

    pub(crate) fn deregister(&self, source: &mut impl Source, registration: &Registration) {
        // Closing the descriptor would remove it too, unless it was duplicated.
        let _ = self.registry.deregister(source);
        let removed = self.sources.borrow_mut().remove(registration.token.0);
        drop(removed);
    }

    /// Whether any socket is registered.
    pub(crate) fn has_sources(&self) -> bool {
        self.sources.borrow().len() > 0
    }

    /// Waits up to `timeout` (forever with `None`) for readiness or a wake-up, and wakes the
    /// greenlets parked on every socket that became ready.
    pub(crate) fn poll(&self, timeout: Option<Duration>) -> io::Result<()> {
        let mut events = self.events.borrow_mut();
        match self.poll.borrow_mut().poll(&mut events, timeout) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::Interrupted => return Ok(()),
            Err(e) => return Err(e),
        }
        for event in events.iter() {
            if event.token() == WAKER {
                continue;
            }
            let waiters = self.sources.borrow().get(event.token().0).cloned();
            let Some(waiters) = waiters else { continue };
            let failed = event.is_error();
            if failed || event.is_read_closed() {
                waiters.read_closed.set(true);
            }
            if failed || event.is_readable() || event.is_read_closed() {
                waiters.readable.set(true);
                waiters.readers.notify_all();
            }
            if failed || event.is_writable() || event.is_write_closed() {
                waiters.writers.notify_all();
            }
        }
        Ok(())
    }
}
