//! Sockets for greenlets: `TcpListener`, `TcpStream` and `UdpSocket` over `mio`. Calls
//! look and behave like std's blocking ones, but a call that would block parks only the
//! calling greenlet until the poller reports readiness. `TcpStream` implements
//! `std::io::Read` and `Write` (also through `&TcpStream`, so that a reader and a writer
//! greenlet can share one connection).
//!
//! A socket belongs to the hub of the thread that made it (it is `!Send`); to pass a
//! connection to another hub, send the `std::net::TcpStream` (see
//! [`TcpStream::into_std`] and [`TcpStream::from_std`]).
//!
//! A kill or timeout surfaces as an `io::Error` carrying the hub [`Error`] (see
//! [`Error::from_io`]); a greenlet blocked in `accept` when its hub shuts down gets one
//! carrying [`Error::Shutdown`].

use super::error::Error;
use super::reactor::Registration;
use super::sched::{self, Hub, Parker};
use super::wait::{Wait, WaitQueue};
use mio::event::Source;
use std::fmt;
use std::io::{self, IoSlice, IoSliceMut, Read, Write};
use std::net::{self as std_net, Shutdown, SocketAddr, ToSocketAddrs};
use std::rc::Rc;

/// A mio source registered with this thread's hub.
struct Registered<S: Source> {
    source: S,
    registration: Registration,
    hub: Rc<Hub>,
}

impl<S: Source> Registered<S> {
    fn new(mut source: S) -> io::Result<Registered<S>> {
        let hub = sched::hub()?;
        let registration = hub.register(&mut source)?;
        Ok(Registered {
            source,
            registration,
            hub,
        })
    }

    /// Runs `op` until it does not report `WouldBlock`, parking on `queue` in between.
    fn retry<R>(
        &self,
        what: &'static str,
        queue: impl Fn(&Registration) -> &WaitQueue,
        op: impl FnMut(&S) -> io::Result<R>,
    ) -> io::Result<R> {
        self.retry_from(what, queue, true, op)
    }

    /// [`Registered::retry`], parking before the first attempt unless `try_first`.
    fn retry_from<R>(
        &self,
        what: &'static str,
        queue: impl Fn(&Registration) -> &WaitQueue,
        try_first: bool,
        mut op: impl FnMut(&S) -> io::Result<R>,
    ) -> io::Result<R> {
        let mut parker = None;
        let mut attempt = try_first;
        loop {
            if attempt {
                match op(&self.source) {
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
                    result => {
                        if parker.is_none() {
                            self.hub.spend_io();
                        }
                        return result;
                    }
                }
            }
            attempt = true;
            if parker.is_none() {
                parker = Some(Parker::current()?);
            }
            let Some(p) = &parker else { continue };
            if what == "accept" && self.hub.is_shutting_down() {
                return Err(Error::Shutdown.into());
            }
            queue(&self.registration).push(p.waiter());
            p.park(Wait::Io(what))?;
        }
    }

    /// A read from a stream into buffers of `wanted` bytes in all. A read that returns
    /// less than that drained the socket (edge-triggered readiness on Linux guarantees a new
    /// event for anything that arrives later), so the next read parks at once instead of
    /// making a system call that would only say `WouldBlock`: one system call fewer per
    /// message for a request-response connection.
    fn read_stream(
        &self,
        wanted: usize,
        mut op: impl FnMut(&S) -> io::Result<usize>,
    ) -> io::Result<usize> {
        let waiters = &self.registration.waiters;
        let readable = &waiters.readable;
        let result = self.retry_from(
            "read",
            |r| &r.waiters.readers,
            readable.get() || waiters.read_closed.get() || wanted == 0,
            |s| {
                let r = op(s);
                if matches!(&r, Err(e) if e.kind() == io::ErrorKind::WouldBlock) {
                    readable.set(false);
                }
                r
            },
        );
        if matches!(result, Ok(n) if n > 0 && n < wanted) {
            readable.set(false);
        }
        result
    }

    fn read<R>(&self, op: impl FnMut(&S) -> io::Result<R>) -> io::Result<R> {
        self.retry("read", |r| &r.waiters.readers, op)
    }

    fn write<R>(&self, op: impl FnMut(&S) -> io::Result<R>) -> io::Result<R> {
        self.retry("write", |r| &r.waiters.writers, op)
    }
}

impl<S: Source> Drop for Registered<S> {
    fn drop(&mut self) {
        self.hub.deregister(&mut self.source, &self.registration);
    }
}

/// Tries each address in turn, as std does, and returns the last error if none works.
fn each_addr<T>(
    addrs: impl ToSocketAddrs,
    mut f: impl FnMut(SocketAddr) -> io::Result<T>,
) -> io::Result<T> {
    let mut last = None;
    for addr in addrs.to_socket_addrs()? {
        match f(addr) {
            Ok(value) => return Ok(value),
            Err(e) => last = Some(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no address to use")))
}

/// A TCP listening socket whose `accept` parks the greenlet.
pub struct TcpListener {
    inner: Registered<mio::net::TcpListener>,
}

impl TcpListener {
    /// Binds to `addr` (std's `bind`: `SO_REUSEADDR`, a backlog of 1024).
    pub fn bind(addr: impl ToSocketAddrs) -> io::Result<TcpListener> {
        each_addr(addr, |a| Self::from_mio(mio::net::TcpListener::bind(a)?))
    }

    /// Binds with `SO_REUSEPORT` as well, so that every hub of a [`crate::hub::Runtime`]
    /// can listen on the same port and the kernel spreads connections among them.
    pub fn bind_reuseport(addr: impl ToSocketAddrs) -> io::Result<TcpListener> {
        use socket2::{Domain, Socket, Type};
        each_addr(addr, |a| {
            let socket = Socket::new(Domain::for_address(a), Type::STREAM, None)?;
            socket.set_reuse_address(true)?;
            socket.set_reuse_port(true)?;
            socket.set_nonblocking(true)?;
            socket.bind(&a.into())?;
            socket.listen(1024)?;
            let std: std_net::TcpListener = socket.into();
            Self::from_mio(mio::net::TcpListener::from_std(std))
        })
    }

    /// Adopts a std listener (made non-blocking here).
    pub fn from_std(listener: std_net::TcpListener) -> io::Result<TcpListener> {
        listener.set_nonblocking(true)?;
        Self::from_mio(mio::net::TcpListener::from_std(listener))
    }

    fn from_mio(listener: mio::net::TcpListener) -> io::Result<TcpListener> {
        Ok(TcpListener {
            inner: Registered::new(listener)?,
        })
    }

    /// Waits for a connection. Fails with [`Error::Shutdown`] once the hub shuts down.
    pub fn accept(&self) -> io::Result<(TcpStream, SocketAddr)> {
        let (stream, addr) = self
            .inner
            .retry("accept", |r| &r.waiters.readers, |l| l.accept())?;
        Ok((TcpStream::from_mio(stream)?, addr))
    }

    /// The address it listens on.
    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.inner.source.local_addr()
    }
}

impl fmt::Debug for TcpListener {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TcpListener")
            .field("addr", &self.local_addr().ok())
            .finish()
    }
}

/// A TCP connection whose reads and writes park the greenlet.
pub struct TcpStream {
    inner: Registered<mio::net::TcpStream>,
}

impl TcpStream {
    /// Connects to `addr`, parking until the connection is established or fails.
    pub fn connect(addr: impl ToSocketAddrs) -> io::Result<TcpStream> {
        each_addr(addr, |a| {
            let stream = TcpStream::from_mio(mio::net::TcpStream::connect(a)?)?;
            stream.inner.write(|s| match s.take_error()? {
                Some(e) => Err(e),
                // Connected once the peer is known; `NotConnected` means still in progress.
                None => match s.peer_addr() {
                    Ok(_) => Ok(()),
                    Err(e) if e.kind() == io::ErrorKind::NotConnected => {
                        Err(io::ErrorKind::WouldBlock.into())
                    }
                    Err(e) => Err(e),
                },
            })?;
            Ok(stream)
        })
    }

    /// Adopts a std connection (made non-blocking here), for example one handed over from
    /// another thread.
    pub fn from_std(stream: std_net::TcpStream) -> io::Result<TcpStream> {
        stream.set_nonblocking(true)?;
        Self::from_mio(mio::net::TcpStream::from_std(stream))
    }

    fn from_mio(stream: mio::net::TcpStream) -> io::Result<TcpStream> {
        Ok(TcpStream {
            inner: Registered::new(stream)?,
        })
    }

    /// The std connection (still non-blocking), to hand to another thread's hub.
    pub fn into_std(self) -> io::Result<std_net::TcpStream> {
        // Duplicate rather than unwrap: this value's drop deregisters its own descriptor.
        let std = std_net::TcpStream::from(socket2::SockRef::from(&self.inner.source).try_clone()?);
        Ok(std)
    }

    /// The remote address.
    pub fn peer_addr(&self) -> io::Result<SocketAddr> {
        self.inner.source.peer_addr()
    }

    /// The local address.
    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.inner.source.local_addr()
    }

    /// Shuts down one or both directions.
    pub fn shutdown(&self, how: Shutdown) -> io::Result<()> {
        self.inner.source.shutdown(how)
    }

    /// Sets `TCP_NODELAY`.
    pub fn set_nodelay(&self, nodelay: bool) -> io::Result<()> {
        self.inner.source.set_nodelay(nodelay)
    }

    /// Reads without removing the data from the socket.
    pub fn peek(&self, buf: &mut [u8]) -> io::Result<usize> {
        self.inner.read(|s| s.peek(buf))
    }
}

impl Read for &TcpStream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.inner.read_stream(buf.len(), |mut s| s.read(buf))
    }

    fn read_vectored(&mut self, bufs: &mut [IoSliceMut<'_>]) -> io::Result<usize> {
        let wanted = bufs.iter().map(|b| b.len()).sum();
        self.inner
            .read_stream(wanted, |mut s| s.read_vectored(bufs))
    }
}

impl Write for &TcpStream {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(|mut s| s.write(buf))
    }

    fn write_vectored(&mut self, bufs: &[IoSlice<'_>]) -> io::Result<usize> {
        self.inner.write(|mut s| s.write_vectored(bufs))
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Read for TcpStream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        (&*self).read(buf)
    }

    fn read_vectored(&mut self, bufs: &mut [IoSliceMut<'_>]) -> io::Result<usize> {
        (&*self).read_vectored(bufs)
    }
}

impl Write for TcpStream {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        (&*self).write(buf)
    }

    fn write_vectored(&mut self, bufs: &[IoSlice<'_>]) -> io::Result<usize> {
        (&*self).write_vectored(bufs)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl fmt::Debug for TcpStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TcpStream")
            .field("local", &self.local_addr().ok())
            .field("peer", &self.peer_addr().ok())
            .finish()
    }
}

/// A UDP socket whose receives (and full-buffer sends) park the greenlet.
pub struct UdpSocket {
    inner: Registered<mio::net::UdpSocket>,
}

impl UdpSocket {
    /// Binds to `addr`.
    pub fn bind(addr: impl ToSocketAddrs) -> io::Result<UdpSocket> {
        each_addr(addr, |a| {
            Ok(UdpSocket {
                inner: Registered::new(mio::net::UdpSocket::bind(a)?)?,
            })
        })
    }

    /// Sets the default destination of `send` and the only source `recv` accepts.
    pub fn connect(&self, addr: impl ToSocketAddrs) -> io::Result<()> {
        each_addr(addr, |a| self.inner.source.connect(a))
    }

    /// Sends one datagram to `target`.
    pub fn send_to(&self, buf: &[u8], target: SocketAddr) -> io::Result<usize> {
        self.inner.write(|s| s.send_to(buf, target))
    }

    /// Receives one datagram and its source.
    pub fn recv_from(&self, buf: &mut [u8]) -> io::Result<(usize, SocketAddr)> {
        self.inner.read(|s| s.recv_from(buf))
    }

    /// Sends one datagram to the connected address.
    pub fn send(&self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(|s| s.send(buf))
    }

    /// Receives one datagram from the connected address.
    pub fn recv(&self, buf: &mut [u8]) -> io::Result<usize> {
        self.inner.read(|s| s.recv(buf))
    }

    /// The local address.
    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.inner.source.local_addr()
    }
}

impl fmt::Debug for UdpSocket {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UdpSocket")
            .field("local", &self.local_addr().ok())
            .finish()
    }
}
