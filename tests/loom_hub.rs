//! Loom models of a hub's cross-thread inbox: the handshake by which other threads hand it
//! messages and wake it, and its close at shutdown.
//!
//! The hub's poller is modelled by a parker (a flag under a mutex with a condition
//! variable): `notify` sets the flag, and the hub blocks until it is set. Loom reports a
//! deadlock if the hub could block forever with a message waiting, i.e. a lost wake-up.
#![cfg(loom)]

use loom::sync::{Arc, Condvar, Mutex};
use loom::thread;
use stacklet::hub::inbox::{Inbox, Notify};

/// The poller: a wake-up sets `woken`; `wait` blocks until it is set, then clears it.
#[derive(Default)]
struct Parker {
    woken: Mutex<bool>,
    cond: Condvar,
}

impl Parker {
    fn wait(&self) {
        let mut woken = self.woken.lock().unwrap();
        while !*woken {
            woken = self.cond.wait(woken).unwrap();
        }
        *woken = false;
    }
}

#[derive(Clone, Default)]
struct Poller(Arc<Parker>);

impl Notify for Poller {
    fn notify(&self) {
        *self.0.woken.lock().unwrap() = true;
        self.0.cond.notify_one();
    }
}

/// Up to four preemptions: every model here runs in about a second with this bound (all
/// four take ~2 s together), and each known bug of the handshake (lowering the flag after
/// the look, closing without waiting for senders) is caught with a bound of three.
fn model(f: impl Fn() + Sync + Send + 'static) {
    let mut builder = loom::model::Builder::new();
    builder.preemption_bound = Some(4);
    builder.check(f);
}

/// The hub's loop reduced to its handshake: take what is there, else sleep in the poller.
fn hub_receives(inbox: &Inbox<u32, Poller>, poller: &Poller, expected: usize) -> Vec<u32> {
    let mut got = Vec::new();
    loop {
        if inbox.maybe_pending() {
            inbox.drain(|m| got.push(m));
        }
        if got.len() == expected {
            return got;
        }
        poller.0.wait();
    }
}

#[test]
fn no_wake_up_is_lost() {
    model(|| {
        let poller = Poller::default();
        let inbox = Arc::new(Inbox::new(poller.clone()));
        let senders: Vec<_> = [1, 2]
            .into_iter()
            .map(|m| {
                let inbox = inbox.clone();
                thread::spawn(move || inbox.send(m).expect("open"))
            })
            .collect();
        let mut got = hub_receives(&inbox, &poller, 2);
        for s in senders {
            s.join().unwrap();
        }
        got.sort();
        assert_eq!(got, [1, 2]);
    });
}

#[test]
fn a_send_racing_the_close_is_delivered_or_refused() {
    model(|| {
        let poller = Poller::default();
        let inbox = Arc::new(Inbox::new(poller.clone()));
        let sender = {
            let inbox = inbox.clone();
            thread::spawn(move || inbox.send(7).is_ok())
        };
        inbox.close();
        // The hub's last look: whatever it misses here is lost.
        let mut got = Vec::new();
        inbox.drain(|m| got.push(m));
        let accepted = sender.join().unwrap();
        let mut late = Vec::new();
        inbox.drain(|m| late.push(m));
        assert!(
            late.is_empty(),
            "a message was accepted after the hub's last look"
        );
        assert_eq!(accepted, got == [7], "accepted={accepted} got={got:?}");
        assert!(inbox.send(8).is_err(), "a send after close must fail");
    });
}

#[test]
fn a_nudge_wakes_a_sleeping_hub() {
    model(|| {
        let poller = Poller::default();
        let inbox = Arc::new(Inbox::<u32, Poller>::new(poller.clone()));
        let released = Arc::new(loom::sync::atomic::AtomicBool::new(false));
        let other = {
            let (inbox, released) = (inbox.clone(), released.clone());
            thread::spawn(move || {
                // A handle goes away: the hub must look at its state again.
                released.store(true, loom::sync::atomic::Ordering::SeqCst);
                inbox.nudge();
            })
        };
        loop {
            if inbox.maybe_pending() {
                inbox.drain(|_| {});
            }
            if released.load(loom::sync::atomic::Ordering::SeqCst) {
                break;
            }
            poller.0.wait();
        }
        other.join().unwrap();
    });
}

#[test]
fn two_senders_racing_the_close_lose_nothing() {
    model(|| {
        let poller = Poller::default();
        let inbox = Arc::new(Inbox::new(poller.clone()));
        let senders: Vec<_> = [1, 2]
            .into_iter()
            .map(|m| {
                let inbox = inbox.clone();
                thread::spawn(move || inbox.send(m).is_ok().then_some(m))
            })
            .collect();
        inbox.close();
        let mut got = Vec::new();
        inbox.drain(|m| got.push(m));
        let mut accepted: Vec<u32> = senders
            .into_iter()
            .filter_map(|s| s.join().unwrap())
            .collect();
        let mut late = Vec::new();
        inbox.drain(|m| late.push(m));
        assert!(
            late.is_empty(),
            "accepted after the hub's last look: {late:?}"
        );
        got.sort();
        accepted.sort();
        assert_eq!(got, accepted);
    });
}
