//! Start-up, signals and the graceful drain of the real binary.

use std::net::TcpStream;
use std::time::Duration;

use serde_json::json;

use super::cli_support::{Env, PASSWORD};
use super::support::{PATIENCE, ServerProcess, eventually, get, post};

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

#[test]
fn sigterm_lets_an_in_flight_login_finish_and_refuses_new_connections() {
    // Cost 11 makes the login's bcrypt verify take about half a second of
    // CPU in a debug build: a window wide enough to signal inside it.
    let env = Env::new();
    let cost = [("AUTHCTL_BCRYPT_COST", "11")];
    let register = env
        .cmd()
        .envs(cost)
        .args(["register", "slow@example.com", "--password-stdin"])
        .write_stdin(format!("{PASSWORD}\n"))
        .output()
        .expect("register runs");
    assert!(register.status.success(), "{register:?}");
    let mut server = ServerProcess::start_with(&env, &cost);
    let addr = server.addr();
    assert_eq!(get(addr, "/", None).expect("GET /").status, 200);

    let idle = server.cpu_ticks();
    let login = std::thread::spawn(move || {
        post(
            addr,
            "/sessions",
            &[("email", "slow@example.com"), ("password", PASSWORD)],
        )
    });
    // The login is under way once the server has burnt 100 ms of CPU on it:
    // the request was accepted, read and handed to bcrypt.
    assert!(
        eventually(PATIENCE, || server.cpu_ticks() >= idle + 10),
        "the server never started hashing"
    );
    server.signal("TERM");
    assert!(
        eventually(Duration::from_secs(10), || TcpStream::connect(addr)
            .is_err()),
        "new connections are still accepted after SIGTERM"
    );

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
