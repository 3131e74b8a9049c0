//! What an internet-facing server must withstand, through the real binary:
//! slow and idle connections under a lowered file limit, a declared
//! oversize body, and the refusal to hand out reset tokens on a public
//! address.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use crate::support::PASSWORD;
use crate::support::binary_server::ServerProcess;
use crate::support::cli::Env;
use crate::support::db::WriteLock;
use crate::support::raw_http::{exchange, get, read_reply, unread_by_server};
use crate::support::wait::{PATIENCE, eventually};

/// Whether the server has closed `stream` (a read sees the end, or a reset).
fn closed_by_server(stream: &TcpStream) -> bool {
    stream.set_nonblocking(true).expect("non-blocking");
    let mut byte = [0_u8; 1];
    match (&*stream).read(&mut byte) {
        Ok(0) => true,
        Ok(_) => false,
        Err(e) => e.kind() != std::io::ErrorKind::WouldBlock,
    }
}

/// `count` connections, each sending `first_bytes`, opened a few
/// milliseconds apart so that their ages differ.
fn hold(addr: SocketAddr, count: usize, first_bytes: &[u8]) -> Vec<TcpStream> {
    (0..count)
        .map(|_| {
            let mut stream = TcpStream::connect(addr).expect("connect");
            stream.write_all(first_bytes).expect("send");
            std::thread::sleep(Duration::from_millis(2));
            stream
        })
        .collect()
}

#[test]
fn idle_and_slow_connections_cannot_starve_a_server_under_a_low_file_limit() {
    // Arrange: 256 descriptors, so the cap becomes 192 (256 less 64 kept
    // for the database and logs); 300 connections would otherwise take all.
    let env = Env::new();
    let server = ServerProcess::start_args(&env, &["--idle-timeout", "2s"], Some(256));

    // Act: 150 connections that send nothing and 150 that send half a head.
    let idle = hold(server.addr(), 150, b"");
    let slow = hold(
        server.addr(),
        150,
        b"GET / HTTP/1.1\r\nHost: x\r\nX-Pad: aaaa",
    );

    // Assert: a normal client is answered meanwhile, at once.
    let started = Instant::now();
    let reply = get(server.addr(), "/", None).expect("an answer");
    assert_eq!(reply.status, 200, "{reply:?}");
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    // And every held connection is closed within the idle timeout (with a
    // margin), the ones evicted for room earlier.
    let all_closed = eventually(Duration::from_secs(6), || {
        idle.iter().chain(&slow).all(closed_by_server)
    });
    assert!(all_closed, "held connections outlived the idle timeout");
    assert!(
        server.stderr().contains("the file limit is low"),
        "{}",
        server.stderr()
    );
}

#[test]
fn at_the_cap_a_new_client_replaces_the_longest_idle_connection() {
    let env = Env::new();
    let server = ServerProcess::start_args(&env, &["--max-connections", "3"], None);
    let held = hold(server.addr(), 3, b"GET / HTTP/1.1\r\nHost: x\r\n");

    let reply = get(server.addr(), "/", None).expect("an answer");
    assert_eq!(reply.status, 200, "{reply:?}");
    let closed = eventually(PATIENCE, || held.iter().any(closed_by_server));
    assert!(closed, "no held connection made room");
    // The first one held is the longest idle, and it went first.
    assert!(closed_by_server(&held[0]));
}

#[test]
fn at_the_cap_with_every_connection_busy_a_new_client_gets_503_at_once() {
    // Arrange: a cap of 2, and two registrations held inside their write
    // (the database's write lock is taken), so both connections are busy.
    let env = Env::new();
    env.register("ann@example.com", PASSWORD);
    let server = ServerProcess::start_args(&env, &["--max-connections", "2"], None);
    let lock = WriteLock::hold(env.db());
    let mut busy: Vec<TcpStream> = ["b%40example.com", "c%40example.com"]
        .into_iter()
        .map(|email| {
            let body = format!("email={email}&password={}", PASSWORD.replace(' ', "+"));
            let request = format!(
                "POST /users HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\
                 Content-Type: application/x-www-form-urlencoded\r\n\
                 Content-Length: {}\r\n\r\n{body}",
                body.len()
            );
            let mut stream = TcpStream::connect(server.addr()).expect("connect");
            stream.write_all(request.as_bytes()).expect("send");
            stream
        })
        .collect();
    // Both requests are in the server's hands, not waiting in a socket.
    let read = eventually(PATIENCE, || {
        busy.iter().all(|stream| {
            let client = stream.local_addr().expect("local addr");
            unread_by_server(server.addr(), client) == Some(0)
        })
    });
    assert!(read, "the server did not read both requests");
    std::thread::sleep(Duration::from_millis(50));

    // Act
    let started = Instant::now();
    let reply = get(server.addr(), "/", None).expect("an answer");

    // Assert
    assert_eq!(reply.status, 503, "{reply:?}");
    assert_eq!(reply.header("retry-after"), Some("1"));
    assert_eq!(reply.json()["message"], "server busy, try again later");
    assert!(started.elapsed() < Duration::from_secs(1));
    drop(lock);
    for stream in &mut busy {
        stream
            .set_read_timeout(Some(PATIENCE))
            .expect("read timeout");
        let reply = read_reply(stream).expect("an answer");
        assert_eq!(reply.status, 200, "{reply:?}");
    }
}

#[test]
fn a_declared_oversize_body_is_refused_before_it_is_sent() {
    let env = Env::new();
    let server = ServerProcess::start(&env);
    let mut stream = TcpStream::connect(server.addr()).expect("connect");
    let head = "POST /users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
                Content-Length: 10485760\r\n\r\n";
    stream
        .write_all(head.as_bytes())
        .expect("send the head alone");
    stream
        .set_read_timeout(Some(Duration::from_secs(2)))
        .expect("read timeout");
    let started = Instant::now();
    let reply = read_reply(&mut stream).expect("an answer without the body");
    assert_eq!(reply.status, 413, "{reply:?}");
    assert_eq!(reply.header("connection"), Some("close"));
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_public_address_without_a_reset_hook_needs_the_risk_accepted() {
    let env = Env::new();
    let refused = env.run(&["serve", "--bind", "0.0.0.0:0"]).code(2);
    assert!(refused.stderr.contains("--reset-hook"), "{refused}");
    assert!(
        refused.stderr.contains("--insecure-reset-tokens-over-http"),
        "{refused}"
    );
    assert!(!env.db().exists(), "a refused start created the database");

    // Loopback needs nothing; a public address with a hook or the flag starts.
    for args in [
        &["--bind", "127.0.0.2:0"][..],
        &["--bind", "0.0.0.0:0", "--reset-hook", "cat >/dev/null"][..],
        &["--bind", "0.0.0.0:0", "--insecure-reset-tokens-over-http"][..],
    ] {
        let mut cmd = env.std_cmd();
        cmd.arg("serve").args(args);
        let mut child = cmd
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        let mut line = [0_u8; 24];
        let listening = child
            .stdout
            .as_mut()
            .expect("stdout")
            .read_exact(&mut line)
            .map(|()| line.starts_with(b"listening on http://"));
        child.kill().expect("kill");
        child.wait().expect("reaped");
        assert!(matches!(listening, Ok(true)), "{args:?}: {listening:?}");
    }
    let both = env
        .run(&[
            "serve",
            "--reset-hook",
            "true",
            "--insecure-reset-tokens-over-http",
        ])
        .code(2);
    assert!(both.stderr.contains("cannot be used with"), "{both}");
}

#[test]
fn every_answer_carries_no_store_and_nosniff() {
    let env = Env::new();
    let server = ServerProcess::start(&env);
    let requests: [&[u8]; 4] = [
        b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        b"GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        b"PATCH /users HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        b"POST /users HTTP/1.1\r\nHost: x\r\nContent-Length: 9999999\r\n\r\n",
    ];
    for request in requests {
        let reply = exchange(server.addr(), request).expect("an answer");
        assert_eq!(reply.header("cache-control"), Some("no-store"), "{reply:?}");
        assert_eq!(
            reply.header("x-content-type-options"),
            Some("nosniff"),
            "{reply:?}"
        );
    }
}
