//! Time on the hub: `sleep`, `yield_now`, and `timeout` around any blocking code.

use super::error::{Elapsed, Error};
use super::sched::Parker;
use super::wait::Wait;
use std::time::{Duration, Instant};

/// Lets every other ready greenlet run once, then continues.
pub fn yield_now() -> Result<(), Error> {
    Parker::current()?.yield_now()
}

/// Parks the current greenlet for `duration`.
///
/// A duration too long to represent sleeps until the greenlet is killed (or its timeout
/// elapses) and counts as blocked for the deadlock check.
pub fn sleep(duration: Duration) -> Result<(), Error> {
    let parker = Parker::current()?;
    let Some(deadline) = Instant::now().checked_add(duration) else {
        loop {
            parker.park(Wait::Sleep)?;
        }
    };
    sleep_until_with(&parker, deadline)
}

/// Parks the current greenlet until `deadline`.
pub fn sleep_until(deadline: Instant) -> Result<(), Error> {
    sleep_until_with(&Parker::current()?, deadline)
}

fn sleep_until_with(parker: &Parker, deadline: Instant) -> Result<(), Error> {
    parker.check()?;
    if Instant::now() >= deadline {
        return Ok(());
    }
    let _timer = parker.wake_at(deadline);
    while Instant::now() < deadline {
        parker.park(Wait::Sleep)?;
    }
    Ok(())
}

/// Runs `f`, interrupting it if it is still blocked after `duration`.
///
/// When the deadline passes, the blocking call `f` is parked in fails with
/// [`Error::TimedOut`], and so does every blocking call `f` makes after it, so `f` unwinds
/// (propagate the error with `?`); then `timeout` returns `Err(Elapsed)` and drops what `f`
/// returned. If `f` finishes first, its value comes back as `Ok`. Timeouts nest: the
/// innermost call whose deadline passed returns `Elapsed`, outer ones see `f`'s value.
///
/// Outside a greenlet of a hub nothing can be interrupted: `f` runs without a deadline
/// (and its own blocking calls report [`Error::NoTask`]).
pub fn timeout<T>(duration: Duration, f: impl FnOnce() -> T) -> Result<T, Elapsed> {
    let Ok(parker) = Parker::current() else {
        return Ok(f());
    };
    let Some(deadline) = Instant::now().checked_add(duration) else {
        return Ok(f());
    };
    let (scope, timer) = parker.open_scope(deadline);
    // Closes the scope even if `f` panics.
    struct Close<'a>(&'a Parker, u64);
    impl Close<'_> {
        fn fired(self) -> bool {
            let fired = self.0.task().task().pop_scope(self.1);
            std::mem::forget(self);
            fired
        }
    }
    impl Drop for Close<'_> {
        fn drop(&mut self) {
            self.0.task().task().pop_scope(self.1);
        }
    }
    let close = Close(&parker, scope);
    let value = f();
    drop(timer);
    if close.fired() {
        Err(Elapsed)
    } else {
        Ok(value)
    }
}
