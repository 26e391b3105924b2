//! `Select`: wait until one of several receivers has a value (or is disconnected), or until
//! a deadline.

use super::channel::{Receiver, Selectable};
use super::error::Error;
use super::sched::Parker;
use super::wait::Wait;
use std::time::{Duration, Instant};

/// A set of receivers to wait on, and an optional deadline.
///
/// ```
/// use stacklet::hub::{self, channel, Select};
/// use std::time::Duration;
///
/// hub::run(|| {
///     let (_tx1, rx1) = channel::unbounded::<&str>();
///     let (tx2, rx2) = channel::unbounded::<u32>();
///     tx2.send(7).unwrap();
///     let mut select = Select::new();
///     let first = select.recv(&rx1);
///     let second = select.recv(&rx2);
///     select.timeout(Duration::from_secs(1));
///     match select.wait().unwrap() {
///         Some(i) if i == second => assert_eq!(rx2.try_recv(), Ok(7)),
///         Some(i) if i == first => unreachable!(),
///         _ => unreachable!("timed out"),
///     }
/// })
/// .unwrap();
/// ```
#[derive(Default)]
pub struct Select<'a> {
    sources: Vec<&'a dyn Selectable>,
    deadline: Option<Instant>,
}

impl<'a> Select<'a> {
    /// An empty set, without a deadline.
    pub fn new() -> Select<'a> {
        Select::default()
    }

    /// Adds a receiver; returns the index [`Select::wait`] reports for it.
    pub fn recv<T>(&mut self, receiver: &'a Receiver<T>) -> usize {
        self.sources.push(receiver);
        self.sources.len() - 1
    }

    /// Gives up `duration` from now.
    pub fn timeout(&mut self, duration: Duration) -> &mut Self {
        self.deadline = Instant::now().checked_add(duration);
        self
    }

    /// Gives up at `deadline`.
    pub fn deadline(&mut self, deadline: Instant) -> &mut Self {
        self.deadline = Some(deadline);
        self
    }

    /// The index of a receiver whose `try_recv` will not return `Empty` (the first one in
    /// the order they were added, if several are), or `None` once the deadline passed.
    /// Nothing runs between this return and the caller's `try_recv`, so the value is there.
    pub fn wait(&mut self) -> Result<Option<usize>, Error> {
        if let Some(i) = self.ready() {
            return Ok(Some(i));
        }
        let parker = Parker::current()?;
        let _timer = self.deadline.map(|d| parker.wake_at(d));
        loop {
            if self.deadline.is_some_and(|d| Instant::now() >= d) {
                return Ok(None);
            }
            parker.check()?;
            for source in &self.sources {
                source.enter(parker.waiter());
            }
            let parked = parker.park(Wait::Select(self.sources.len()));
            let chosen = match parked {
                Ok(()) => self.ready(),
                Err(_) => None,
            };
            for (i, source) in self.sources.iter().enumerate() {
                source.leave(chosen == Some(i));
            }
            parked?;
            if chosen.is_some() {
                return Ok(chosen);
            }
        }
    }

    fn ready(&self) -> Option<usize> {
        self.sources.iter().position(|s| s.is_ready())
    }
}
