//! What must never leak: secrets in logs, tokens in responses under a reset
//! hook, and which emails exist through the cost of a failed login.

use std::time::Duration;

use authctl::server::ServeConfig;
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::support::PASSWORD;
use crate::support::server::{Encoding, LogBuffer, Options, TestServer, device_cookie, json};
use crate::support::wait::{pid_written_to, runs, wait_until_gone};

const USER: &str = "ada@example.com";

#[tokio::test]
async fn unknown_email_and_wrong_password_answer_alike_at_one_bcrypt_run_each() {
    let server = TestServer::spawn();
    server.register(USER);
    let before = server.auth.bcrypt_runs();
    let wrong = server
        .post_form(
            "/sessions",
            &[("email", USER), ("password", "not the password")],
        )
        .await;
    let wrong = json(wrong).await;
    let after_wrong = server.auth.bcrypt_runs();
    let unknown = server
        .post_form(
            "/sessions",
            &[("email", "nobody@example.com"), ("password", PASSWORD)],
        )
        .await;
    let unknown = json(unknown).await;
    let after_unknown = server.auth.bcrypt_runs();

    assert_eq!(wrong, unknown);
    assert_eq!(wrong.0, StatusCode::UNAUTHORIZED);
    assert_eq!(after_wrong - before, 1);
    assert_eq!(after_unknown - after_wrong, 1);
}

#[tokio::test]
async fn logs_of_a_full_flow_hold_no_password_token_or_cookie_value() {
    let logs = LogBuffer::default();
    let server = TestServer::with(Options {
        logs: Some(logs.dispatch()),
        ..Options::default()
    });
    let new_password = "brand new secret";
    let credentials = [("email", USER), ("password", PASSWORD)];
    let mut secrets = vec![PASSWORD.to_owned(), new_password.to_owned()];

    assert_eq!(
        server.post_form("/users", &credentials).await.status(),
        StatusCode::OK
    );
    let bad = [("email", USER), ("password", "wrong but secret")];
    secrets.push("wrong but secret".to_owned());
    assert_eq!(
        server.post_form("/sessions", &bad).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let session = server.login(USER, PASSWORD).await;
    secrets.push(session.clone());
    // A login hands out a device cookie too; presenting it logs nothing.
    let response = server.post_form("/sessions", &credentials).await;
    let device = device_cookie(&response).expect("a device cookie");
    secrets.push(device.clone());
    let with_device = server
        .client
        .post(server.url("/sessions"))
        .header("cookie", format!("device={device}"))
        .form(&credentials)
        .send()
        .await
        .expect("POST");
    assert_eq!(with_device.status(), StatusCode::OK);
    assert_eq!(
        server
            .with_cookie(Method::GET, "/profile", &session)
            .await
            .status(),
        StatusCode::OK
    );
    // A client that puts its token in the path or the query string.
    let leaky = format!("/profile/{session}?session_id={session}");
    assert_eq!(server.get(&leaky).await.status(), StatusCode::NOT_FOUND);
    let leaky = format!("/profile?session_id={session}");
    assert_eq!(server.get(&leaky).await.status(), StatusCode::FORBIDDEN);
    let logout = server
        .with_cookie(Method::DELETE, "/sessions", &session)
        .await;
    assert_eq!(logout.status(), StatusCode::FOUND);

    let reset_token = server.issue_reset_token(USER).await;
    secrets.push(reset_token.clone());
    let update = [
        ("email", USER),
        ("reset_token", reset_token.as_str()),
        ("new_password", new_password),
    ];
    let response = server
        .send(Method::PUT, "/reset_password", Encoding::Json, &update)
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    server.login(USER, new_password).await;
    drop(server);

    let text = logs.text();
    // The capture works: it holds the request lines.
    assert!(text.contains("path=/profile status=200"), "{text}");
    assert!(text.contains("path=<unmatched> status=404"), "{text}");
    assert!(
        text.contains("method=PUT path=/reset_password status=200"),
        "{text}"
    );
    for secret in &secrets {
        assert!(
            !text.contains(secret.as_str()),
            "the log holds {secret:?}:\n{text}"
        );
    }
}

fn with_hook(command: String) -> Options {
    Options {
        config: ServeConfig {
            reset_hook: Some(command),
            // Short, since the hanging hook's test waits it out; long enough
            // for a loaded machine to start a shell and what it runs.
            hook_timeout: Duration::from_secs(2),
            ..ServeConfig::default()
        },
        ..Options::default()
    }
}

#[tokio::test]
async fn a_reset_hook_receives_the_email_and_token_and_the_response_omits_the_token() {
    let dir = tempfile::tempdir().expect("temp dir");
    let delivered = dir.path().join("delivered");
    let server = TestServer::with(with_hook(format!("cat > '{}'", delivered.display())));
    server.register(USER);

    let response = server
        .post_form("/reset_password", &[("email", USER)])
        .await;
    let (status, body) = json(response).await;
    assert_eq!(
        (status, body),
        (
            StatusCode::OK,
            json!({"email": USER, "message": "reset token sent"})
        )
    );
    let stdin = std::fs::read_to_string(&delivered).expect("the hook wrote its stdin");
    let lines: Vec<&str> = stdin.lines().collect();
    assert_eq!(lines.len(), 2, "{stdin:?}");
    assert_eq!(lines[0], USER);
    let update = [
        ("email", USER),
        ("reset_token", lines[1]),
        ("new_password", "via the hook"),
    ];
    let response = server
        .send(
            Method::PUT,
            "/reset_password",
            Encoding::UrlEncoded,
            &update,
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_failing_or_hanging_reset_hook_answers_503_and_logs_no_token() {
    let dir = tempfile::tempdir().expect("temp dir");
    let delivered = dir.path().join("delivered");
    let logs = LogBuffer::default();
    let server = TestServer::with(Options {
        logs: Some(logs.dispatch()),
        ..with_hook(format!("cat > '{}'; exit 3", delivered.display()))
    });
    server.register(USER);
    let (status, body) = json(
        server
            .post_form("/reset_password", &[("email", USER)])
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        body,
        json!({"message": "could not deliver the reset token, try again later"})
    );
    drop(server);
    let token = std::fs::read_to_string(&delivered).expect("the hook ran");
    let token = token.lines().nth(1).expect("a token line");
    let text = logs.text();
    assert!(text.contains("reset hook failed"), "{text}");
    assert!(!text.contains(token), "{text}");

    let hanging = TestServer::with(with_hook("sleep 30".to_owned()));
    hanging.register(USER);
    let (status, _) = json(
        hanging
            .post_form("/reset_password", &[("email", USER)])
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
}

#[tokio::test]
async fn a_hook_that_ignores_its_stdin_but_succeeds_counts_as_delivered() {
    let server = TestServer::with(with_hook("true".to_owned()));
    server.register(USER);
    let response = server
        .post_form("/reset_password", &[("email", USER)])
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let unknown = server
        .post_form("/reset_password", &[("email", "nobody@example.com")])
        .await;
    assert_eq!(unknown.status(), StatusCode::FORBIDDEN);
}

/// Asks for a reset through a hook that starts `sleep 60` in the background
/// and then runs `rest`; returns the answer's status and the sleep's pid.
async fn reset_with_a_background_child(rest: &str) -> (StatusCode, u32) {
    let dir = tempfile::tempdir().expect("temp dir");
    let pid_file = dir.path().join("pid");
    let hook = format!("sleep 60 & echo $! > '{}'{rest}", pid_file.display());
    let server = TestServer::with(with_hook(hook));
    server.register(USER);
    let response = server
        .post_form("/reset_password", &[("email", USER)])
        .await;
    drop(server);
    (response.status(), pid_written_to(&pid_file).await)
}

/// A hook past its time limit is killed with everything it started: a
/// mailer stuck in the background must not pile up, one per reset request.
#[tokio::test]
async fn a_timed_out_hook_is_killed_with_the_processes_it_started() {
    let (status, child) = reset_with_a_background_child("; wait").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    wait_until_gone(child, "the hook's child outlived the hook").await;
}

/// A hook that succeeds may leave work running (a mail queued in the
/// background): only a hook that has to be stopped is killed.
#[tokio::test]
async fn what_a_successful_hook_leaves_in_the_background_keeps_running() {
    let (status, child) = reset_with_a_background_child("").await;
    assert_eq!(status, StatusCode::OK);
    let still_running = runs(child);
    // Clean up before asserting, so a failure leaves nothing behind.
    let _ = std::process::Command::new("kill")
        .arg(child.to_string())
        .status();
    assert!(
        still_running,
        "the background child of a successful hook was killed"
    );
}
