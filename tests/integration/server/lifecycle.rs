//! Time limits and shutdown.

use std::io::{Read, Write};
use std::time::Duration;

use authctl::server::{ServeConfig, ServerError};
use reqwest::StatusCode;

use crate::support::PASSWORD;
use crate::support::db::{SqliteFile, WriteLock};
use crate::support::server::{Options, TestServer, json};
use crate::support::wait::{pid_written_to, refuses_connections, wait_until_gone};

/// The login's password check is slow (cost 14, about a second), and once
/// it has started the test takes the write lock, so the login then waits to
/// write its session: it is still in flight when the shutdown starts,
/// whatever the machine's speed, and the test lets it finish once the
/// server has stopped accepting.
#[tokio::test]
async fn a_login_in_flight_when_shutdown_starts_completes() {
    let server = TestServer::spawn();
    server.register_at_cost("ada@example.com", 14);
    let before = server.auth.bcrypt_runs();
    let login = tokio::spawn(
        server
            .client
            .post(server.url("/sessions"))
            .form(&[("email", "ada@example.com"), ("password", PASSWORD)])
            .send(),
    );
    // The throttle's claim has committed before bcrypt starts.
    server.wait_for_bcrypt_runs(before + 1).await;
    let lock = WriteLock::hold(server.db_path());
    let addr = server.addr();
    let stopped = tokio::task::spawn_blocking(move || server.stop());
    let refusing = tokio::task::spawn_blocking(move || refuses_connections(addr));
    assert!(
        refusing.await.expect("the wait ran"),
        "still accepting after the shutdown began"
    );
    assert!(
        !login.is_finished(),
        "the login was answered before the shutdown began: no race"
    );
    drop(lock);
    let response = login.await.expect("task").expect("the login was answered");
    assert_eq!(response.status(), StatusCode::OK);
    stopped.await.expect("task").expect("a clean stop");
    assert!(
        std::net::TcpStream::connect(addr).is_err(),
        "still accepting"
    );
}

#[test]
fn serve_reports_an_address_in_use_as_a_bind_error() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = taken.local_addr().expect("addr");
    let db = SqliteFile::new();
    let auth = db.auth();
    let config = ServeConfig {
        bind: vec![addr],
        ..ServeConfig::default()
    };
    match authctl::server::serve(auth, config) {
        Err(error @ ServerError::Bind { .. }) => {
            // The cause is the source, not repeated in the message.
            assert_eq!(error.to_string(), format!("cannot listen on {addr}"));
            let source = std::error::Error::source(&error)
                .and_then(|source| source.downcast_ref::<std::io::Error>())
                .map(std::io::Error::kind);
            assert_eq!(source, Some(std::io::ErrorKind::AddrInUse));
        }
        other => panic!("expected a bind error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_client_that_trickles_its_body_gets_408() {
    let server = TestServer::with(Options {
        config: ServeConfig {
            body_timeout: Duration::from_millis(200),
            ..ServeConfig::default()
        },
        ..Options::default()
    });
    let addr = server.addr();
    let reply = tokio::task::spawn_blocking(move || {
        let mut stream = std::net::TcpStream::connect(addr).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout");
        let head = "POST /users HTTP/1.1\r\nHost: test\r\n\
                    Content-Type: application/x-www-form-urlencoded\r\n\
                    Content-Length: 100\r\nConnection: close\r\n\r\nemail=";
        stream.write_all(head.as_bytes()).expect("write");
        let mut reply = String::new();
        let _ = stream.read_to_string(&mut reply);
        reply
    })
    .await
    .expect("task");
    assert!(reply.starts_with("HTTP/1.1 408"), "{reply}");
    assert!(
        reply.ends_with(r#"{"message":"the request body did not arrive in time"}"#),
        "{reply}"
    );
}

#[tokio::test]
async fn a_request_past_the_time_limit_answers_503_with_retry_after() {
    let server = TestServer::with(Options {
        config: ServeConfig {
            reset_hook: Some("sleep 5".to_owned()),
            hook_timeout: Duration::from_secs(30),
            request_timeout: Duration::from_millis(300),
            ..ServeConfig::default()
        },
        ..Options::default()
    });
    server.register("ada@example.com");
    let response = server
        .post_form("/reset_password", &[("email", "ada@example.com")])
        .await;
    assert_eq!(response.headers()["retry-after"], "1");
    let (status, body) = json(response).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(body["message"], "request timed out, try again later");
}

/// A request that outlasts the drain does not hold the shutdown hostage:
/// the server stops at the drain limit, and the reset hook that request was
/// waiting on is killed with it.
#[tokio::test]
async fn shutdown_stops_at_the_drain_limit_and_kills_a_hook_still_running() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pid_file = dir.path().join("pid");
    let server = TestServer::with(Options {
        config: ServeConfig {
            reset_hook: Some(format!("echo $$ > '{}'; exec sleep 60", pid_file.display())),
            hook_timeout: Duration::from_secs(60),
            request_timeout: Duration::from_secs(60),
            drain_timeout: Duration::from_millis(300),
            ..ServeConfig::default()
        },
        ..Options::default()
    });
    server.register("ada@example.com");
    let reset = tokio::spawn(
        server
            .client
            .post(server.url("/reset_password"))
            .form(&[("email", "ada@example.com")])
            .send(),
    );
    let hook = pid_written_to(&pid_file).await;

    let stopped = tokio::task::spawn_blocking(move || server.stop());
    // Well before the hook's or the request's 60 s.
    tokio::time::timeout(Duration::from_secs(20), stopped)
        .await
        .expect("the server stopped within 20 s")
        .expect("task")
        .expect("a clean stop");
    wait_until_gone(hook, "the hook outlived the server").await;
    reset.abort();
}
