//! The tokio echo server that examples/echo_server.rs is measured against: the same
//! protocol on tokio's multi-thread runtime, one task per connection.
//!
//! ```text
//! cargo run --release --no-default-features --example tokio_echo -- [ADDR] [THREADS]
//! ```

use std::io;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

async fn echo(mut stream: TcpStream) -> io::Result<()> {
    stream.set_nodelay(true)?;
    let mut buf = [0u8; 1024];
    loop {
        let n = stream.read(&mut buf).await?;
        if n == 0 {
            return Ok(());
        }
        stream.write_all(&buf[..n]).await?;
    }
}

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let addr = args.first().cloned().unwrap_or("127.0.0.1:7008".into());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(cores);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        .enable_io()
        .build()?;
    runtime.block_on(async {
        let listener = TcpListener::bind(&addr).await?;
        println!("tokio echo server on {addr}: {threads} worker thread(s)");
        loop {
            let (stream, _) = listener.accept().await?;
            tokio::spawn(async move {
                let _ = echo(stream).await;
            });
        }
    })
}
