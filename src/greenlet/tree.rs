//! The rules of the greenlet tree, as plain data: where a switch, a throw or a result really
//! goes (dead greenlets forward to their parents, unstarted ones are started or killed on
//! the way), and what a finishing greenlet hands to the trampoline.

use super::thread::ThreadGreenlets;
use super::{Greenlet, Inner, State};
use crate::error::{Error, GreenletExit};
use crate::payload::Payload;
use crate::switch::{self, Fiber, Message, Transfer};
use std::rc::Rc;

/// A `GreenletExit` that ends a greenlet is delivered to its parent as a value, not raised.
pub(super) fn exit_as_value(msg: Message) -> Message {
    if !msg.is_error() {
        return msg;
    }
    match msg.into_result() {
        Err(Error::Exit) => Message::value(Payload::new(GreenletExit)),
        other => other.into(),
    }
}

/// The first greenlet on the parent chain of `target` (itself included) that is not dead.
/// The chain always ends at a main greenlet, which never dies.
pub(super) fn nearest_live(mut target: Rc<Inner>) -> Rc<Inner> {
    while target.state.get() == State::Dead {
        let parent = target.parent.borrow().as_ref().map(|p| p.inner.clone());
        match parent {
            Some(parent) => target = parent,
            None => break,
        }
    }
    target
}

/// Where `msg`, sent to `target`, lands: the greenlet to resume and what it receives.
///
/// For a switch (`caller` set), a target that cannot be started (no body, no stack) is an
/// error raised in the caller and the target stays unstarted. For a finishing greenlet,
/// such an error travels further up instead, as the failed start's own exception would.
#[inline(always)]
pub(super) fn land(
    mut target: Rc<Inner>,
    mut msg: Message,
    caller: bool,
) -> Result<(Rc<Inner>, Message), Error> {
    loop {
        target = nearest_live(target);
        if target.state.get() != State::Unstarted {
            return Ok((target, msg));
        }
        msg = if msg.is_error() {
            // An exception thrown into an unstarted greenlet kills it before `run` is called
            // and goes to its parent, as if `run` had raised it on its first line.
            exit_as_value(msg)
        } else {
            match target.start() {
                Ok(()) => return Ok((target, msg)),
                Err(e) if caller => return Err(e),
                Err(e) => Message::error(e),
            }
        };
        target.die();
        target = target.parent_inner();
    }
}

/// The bookkeeping of a switch to `target`: it becomes current, and the current greenlet
/// records where it will be suspended. Returns the context to resume and the origin's record
/// (which the caller keeps alive while it is suspended), or `None` if `target` is current.
pub(super) fn hand_over(
    thread: &ThreadGreenlets,
    target: Rc<Inner>,
) -> Option<(Option<Rc<Fiber>>, Rc<Inner>)> {
    if super::thread::is_current(&target) {
        return None;
    }
    let origin = thread.set_current(target.clone());
    Some((leave(&origin, &target), origin))
}

/// The running greenlet `origin` hands over to `target`: `origin` will be found suspended in
/// the running context, and the context `target` waits in is the one to resume.
#[inline(always)]
pub(super) fn leave(origin: &Inner, target: &Inner) -> Option<Rc<Fiber>> {
    origin.resume.set(switch::current());
    target.resume.take()
}

/// Switches from the current greenlet to `target` (after [`land`]), and returns what the
/// current greenlet receives when control comes back.
pub(super) fn switch_to(thread: &ThreadGreenlets, target: Rc<Inner>, msg: Message) -> Message {
    match hand_over(thread, target) {
        None => msg,
        Some((to, origin)) => {
            let received = switch::transfer(to, msg);
            drop(origin);
            received
        }
    }
}

/// What the fiber of `me` returns when its body has ended with `result`: the greenlet is
/// dead, and the result goes to its nearest live parent.
pub(super) fn finish(me: Rc<Inner>, result: Message) -> Transfer {
    me.die();
    let parent = me.parent_inner();
    drop(me);
    let landed = land(parent, exit_as_value(result), false);
    let (target, msg) = match landed {
        Ok(landed) => landed,
        // `land` reports errors to callers only; a finishing greenlet has none.
        Err(e) => unreachable_landing(e),
    };
    let to = target.resume.take();
    drop(super::thread::set_current(target));
    Transfer { to, msg }
}

#[cold]
fn unreachable_landing(e: Error) -> (Rc<Inner>, Message) {
    // Keeps the program going rather than aborting: deliver to this thread's main greenlet.
    let main = super::thread::with(|t| t.main.clone()).expect("finishing greenlet's thread");
    (main, Message::error(e))
}

/// Kills a suspended greenlet whose last handle went away: `GreenletExit` is thrown into it
/// with the current greenlet as its temporary parent, and whatever it returns is dropped.
pub(super) fn kill_unreferenced(thread: &ThreadGreenlets, inner: Rc<Inner>) {
    if !switch::can_switch() {
        thread.defer_kill(inner);
        return;
    }
    let killer = Greenlet::from_inner(thread.current());
    let original = inner.parent.replace(Some(killer));
    let result = match land(inner.clone(), Message::error(Error::Exit), true) {
        Ok((target, msg)) => switch_to(thread, target, msg).into_result(),
        Err(e) => Err(e),
    };
    // The original parent matters only if the greenlet is ever resumed again.
    drop(inner.parent.replace(original));
    match result {
        Ok(_) => {}
        Err(e) => eprintln!("Exception ignored in: {}: {e}", inner.describe()),
    }
    if inner.state.get() == State::Active {
        eprintln!("GreenletExit did not kill {}", inner.describe());
        // It refused to die: leak it rather than unwind a stack that is still in use.
        inner.handles.set(inner.handles.get() + 1);
        std::mem::forget(inner);
    }
}

/// Kills the greenlets queued by [`kill_unreferenced`] while no switch was possible.
pub(super) fn run_pending_kills(thread: &ThreadGreenlets) {
    loop {
        let Some(inner) = thread.next_kill() else {
            break;
        };
        if inner.handles.get() == 0 && super::thread::is_suspended(&inner) {
            kill_unreferenced(thread, inner);
        }
    }
}
