//! Start-up, signals and the graceful drain of the real binary.

use std::io::Write;
use std::net::TcpStream;

use serde_json::json;

use crate::support::PASSWORD;
use crate::support::binary_server::ServerProcess;
use crate::support::cli::Env;
use crate::support::db::WriteLock;
use crate::support::raw_http::{connect, form_request, get, read_reply, unread_by_server};
use crate::support::wait::{PATIENCE, eventually, refuses_connections};

#[test]
fn serve_prints_its_real_port_answers_and_exits_0_on_sigterm() {
    let env = Env::new();
    let server = ServerProcess::start(&env);
    let addr = server.addr();
    assert_ne!(addr.port(), 0);
    assert_eq!(server.stdout(), format!("listening on http://{addr}\n"));

    let reply = get(addr, "/", None).expect("GET /");
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json(), json!({"message": "Bienvenue"}));

    let (status, stderr) = server.stop();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("SIGTERM received"), "{stderr}");
    // Where the data is (issue 15): the file it made, and which it serves.
    let db = env.db().display().to_string();
    assert!(
        stderr.contains(&format!("created a new database at {db}"))
            && stderr.contains(&format!("serving the database at {db}")),
        "{stderr}"
    );
    assert!(
        TcpStream::connect(addr).is_err(),
        "still accepting on {addr}"
    );
}

#[test]
fn serve_exits_0_on_sigint_too() {
    let env = Env::new();
    let server = ServerProcess::start(&env);
    assert_eq!(get(server.addr(), "/", None).expect("GET /").status, 200);
    server.signal("INT");
    let mut server = server;
    let status = server.wait();
    assert_eq!(status.code(), Some(0), "{}", server.stderr());
    assert!(server.stderr().contains("SIGINT received"));
}

/// The login is in the server's hands (it has read every byte of the
/// request) and cannot finish: after its password check it waits to write
/// its session on the write lock the test holds. So SIGTERM lands while
/// it is in flight, whatever bcrypt's speed; the test lets it finish once
/// the server refuses new connections.
#[test]
fn sigterm_lets_an_in_flight_login_finish_and_refuses_new_connections() {
    let env = Env::new();
    env.register("slow@example.com", PASSWORD);
    let mut server = ServerProcess::start(&env);
    let addr = server.addr();
    assert_eq!(get(addr, "/", None).expect("GET /").status, 200);

    let lock = WriteLock::hold(env.db());
    let credentials = [("email", "slow@example.com"), ("password", PASSWORD)];
    let mut stream = connect(addr).expect("connect");
    let client = stream.local_addr().expect("the client's address");
    stream
        .write_all(&form_request(addr, "POST", "/sessions", None, &credentials))
        .expect("send the login");
    let login = std::thread::spawn(move || read_reply(&mut stream));
    assert!(
        eventually(PATIENCE, || unread_by_server(addr, client) == Some(0)),
        "the server never read the login request"
    );
    server.signal("TERM");
    assert!(
        refuses_connections(addr),
        "new connections are still accepted after SIGTERM"
    );
    assert!(
        !login.is_finished(),
        "the login was answered before SIGTERM: no race"
    );
    drop(lock);

    let reply = login
        .join()
        .expect("client thread")
        .expect("the in-flight login was answered");
    assert_eq!(reply.status, 200, "{reply:?}");
    assert_eq!(
        reply.json(),
        json!({"email": "slow@example.com", "message": "logged in"})
    );
    assert!(reply.session_cookie().is_some(), "{reply:?}");
    let status = server.wait();
    let stderr = server.stderr();
    assert_eq!(status.code(), Some(0), "{stderr}");
    // The server's own account agrees: the signal came before the answer.
    let signalled = stderr.find("SIGTERM received").expect("signal logged");
    let answered = stderr
        .find("method=POST path=/sessions status=200")
        .expect("login logged");
    assert!(signalled < answered, "{stderr}");
    assert!(TcpStream::connect(addr).is_err());
}

#[test]
fn a_busy_port_is_reported_once_on_one_line_and_exits_1() {
    // Arrange: another socket holds the port.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = taken.local_addr().expect("addr").to_string();
    let env = Env::new();

    // Act
    let run = env.run(&["serve", "--bind", &addr]).code(1);

    // Assert: one error line names the address and the cause, each once
    // (the notes before it say which database was opened).
    let lines: Vec<&str> = run
        .stderr
        .lines()
        .filter(|line| line.starts_with("error:"))
        .collect();
    assert_eq!(lines.len(), 1, "{run}");
    assert!(
        lines[0].starts_with(&format!("error: cannot listen on {addr}: ")),
        "{run}"
    );
    assert_eq!(lines[0].matches(addr.as_str()).count(), 1, "{run}");
    let cause = lines[0].to_ascii_lowercase();
    assert_eq!(cause.matches("in use").count(), 1, "{run}");
    assert!(run.stdout.is_empty(), "{run}");
}
