//! A line-based chat server on one hub: greenlets that exchange messages over channels.
//!
//! ```text
//! cargo run --release --no-default-features --example chat_server -- [ADDR] [SECONDS]
//! ```
//!
//! Connect with `nc 127.0.0.1 7070`; the first line is your nickname, every later line is
//! sent to everyone else. Each connection has a reader greenlet (this one) and a writer
//! greenlet fed by a bounded outbox; one room greenlet owns the member list. A member
//! whose outbox is full (a client that does not read) is disconnected rather than allowed
//! to stall the room. With `SECONDS`, the server stops after that long.

use stacklet::hub::channel::{self, Receiver, Sender, TrySendError};
use stacklet::hub::net::{TcpListener, TcpStream};
use stacklet::hub::{self, Elapsed};
use std::collections::HashMap;
use std::io::{self, BufRead, BufReader, Write};
use std::net::Shutdown;
use std::rc::Rc;
use std::time::Duration;

/// What members tell the room.
enum Event {
    Join(u64, String, Sender<Rc<str>>),
    Say(u64, String),
    Leave(u64),
}

/// Owns the members and relays every line to everyone but its author.
fn room(events: Receiver<Event>) {
    let mut members: HashMap<u64, (String, Sender<Rc<str>>)> = HashMap::new();
    let broadcast = |members: &mut HashMap<u64, (String, Sender<Rc<str>>)>, from, text: Rc<str>| {
        members.retain(|id, (name, outbox)| {
            if *id == from {
                return true;
            }
            match outbox.try_send(text.clone()) {
                Ok(()) => true,
                Err(TrySendError::Full(_)) => {
                    println!("{name} does not keep up: disconnected");
                    false
                }
                Err(TrySendError::Disconnected(_)) => false,
            }
        });
    };
    for event in events.iter() {
        match event {
            Event::Join(id, name, outbox) => {
                let text: Rc<str> = format!("* {name} joined\n").into();
                broadcast(&mut members, id, text);
                members.insert(id, (name, outbox));
            }
            Event::Say(id, line) => {
                if let Some((name, _)) = members.get(&id) {
                    let text: Rc<str> = format!("{name}: {line}\n").into();
                    broadcast(&mut members, id, text);
                }
            }
            Event::Leave(id) => {
                if let Some((name, _)) = members.remove(&id) {
                    broadcast(&mut members, id, format!("* {name} left\n").into());
                }
            }
        }
    }
}

/// Writes what the room sends until the room drops this member's outbox.
fn writer(stream: Rc<TcpStream>, outbox: Receiver<Rc<str>>) {
    while let Ok(text) = outbox.recv() {
        if (&*stream).write_all(text.as_bytes()).is_err() {
            break;
        }
    }
    // Dropped by the room (or the peer is gone): end the reader's `read` too.
    let _ = stream.shutdown(Shutdown::Both);
}

/// Reads the nickname, then lines, for one connection.
fn member(id: u64, stream: TcpStream, room: Sender<Event>) -> io::Result<()> {
    let stream = Rc::new(stream);
    (&*stream).write_all(b"nickname? ")?;
    let mut lines = BufReader::new(&*stream).lines();
    let Some(name) = lines.next().transpose()? else {
        return Ok(());
    };
    let (outbox_tx, outbox_rx) = channel::bounded(256);
    hub::spawn_named(format!("writer {name}"), {
        let stream = stream.clone();
        move || writer(stream, outbox_rx)
    });
    room.send(Event::Join(id, name.trim().to_string(), outbox_tx))?;
    for line in lines {
        let Ok(line) = line else { break };
        room.send(Event::Say(id, line))?;
    }
    room.send(Event::Leave(id))?;
    Ok(())
}

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let addr = args.first().cloned().unwrap_or("127.0.0.1:7070".into());
    let seconds: Option<u64> = args.get(1).and_then(|s| s.parse().ok());
    let outcome = hub::run(move || -> io::Result<()> {
        let listener = TcpListener::bind(&addr)?;
        println!("chat server on {}", listener.local_addr()?);
        let (events_tx, events_rx) = channel::unbounded();
        hub::spawn_named("room", move || room(events_rx));
        let serve = || -> io::Result<()> {
            for id in 1.. {
                let (stream, peer) = listener.accept()?;
                println!("connection #{id} from {peer}");
                let room = events_tx.clone();
                hub::spawn_named(format!("member #{id}"), move || {
                    let _ = member(id, stream, room);
                });
            }
            Ok(())
        };
        match seconds {
            Some(s) => match hub::timeout(Duration::from_secs(s), serve) {
                Ok(result) => result,
                Err(Elapsed) => {
                    println!("stopping after {s} s");
                    Ok(())
                }
            },
            None => serve(),
        }
    });
    match outcome {
        Ok(result) => result,
        Err(e) => Err(io::Error::other(e.to_string())),
    }
}
