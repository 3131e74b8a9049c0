//! Every failure row of SPEC.md section 2, in each body encoding.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::support::PASSWORD;
use crate::support::db::Backend;
use crate::support::db::unthrottled_policy;
use crate::support::server::{ENCODINGS, Options, TestServer, json};

const USER: &str = "ada@example.com";
const OTHER: &str = "grace@example.com";
const BAD: StatusCode = StatusCode::BAD_REQUEST;
const UNAUTHORIZED: StatusCode = StatusCode::UNAUTHORIZED;
const FORBIDDEN: StatusCode = StatusCode::FORBIDDEN;
const BAD_TOKEN: &str = "invalid or expired reset token";
/// A well-formed token nobody issued.
const UNISSUED: &str = "7d4d8f1e-4b5c-4a3e-9f1a-2b3c4d5e6f70";

/// Fields sent, and the status and message expected back.
type Row<'a> = (Vec<(&'a str, &'a str)>, StatusCode, &'a str);

/// Sends every row in every encoding and checks the exact answer.
async fn check(server: &TestServer, method: Method, path: &str, rows: &[Row<'_>]) {
    for encoding in ENCODINGS {
        for (fields, status, message) in rows {
            let response = server.send(method.clone(), path, encoding, fields).await;
            assert_eq!(
                json(response).await,
                (*status, json!({ "message": message })),
                "{method} {path} as {encoding:?} with {fields:?}"
            );
        }
    }
}

async fn registration_failures_answer_400_with_a_clear_message_in_every_encoding(backend: Backend) {
    let server = TestServer::with(Options {
        backend,
        ..Options::default()
    });
    server.register(USER);
    let long_email = format!("{}@example.com", "a".repeat(250));
    let long_password = "p".repeat(73);
    let new = "new@example.com";
    let rows: Vec<Row> = vec![
        (
            vec![("email", USER), ("password", PASSWORD)],
            BAD,
            "email already registered",
        ),
        // Uniqueness ignores case.
        (
            vec![("email", "ADA@Example.COM"), ("password", PASSWORD)],
            BAD,
            "email already registered",
        ),
        (vec![("password", PASSWORD)], BAD, "email is required"),
        (
            vec![("email", ""), ("password", PASSWORD)],
            BAD,
            "email is required",
        ),
        (vec![("email", new)], BAD, "password is required"),
        (
            vec![("email", "not-an-email"), ("password", PASSWORD)],
            BAD,
            "invalid email: must contain an @",
        ),
        (
            vec![("email", &long_email), ("password", PASSWORD)],
            BAD,
            "invalid email: must be at most 254 bytes",
        ),
        (
            vec![("email", new), ("password", "short")],
            BAD,
            "invalid password: must be at least 8 characters",
        ),
        (
            vec![("email", new), ("password", &long_password)],
            BAD,
            "invalid password: must be at most 72 bytes (bcrypt's limit)",
        ),
        (
            vec![("email", new), ("password", "nul \0 inside")],
            BAD,
            "invalid password: must not contain a NUL character",
        ),
    ];
    check(&server, Method::POST, "/users", &rows).await;
}

async fn login_failures_answer_401_alike_for_unknown_email_and_wrong_password(backend: Backend) {
    let server = TestServer::with(Options {
        backend,
        ..Options::default()
    });
    server.register(USER);
    let wrong = "wrong email or password";
    let rows: Vec<Row> = vec![
        (
            vec![("email", USER), ("password", "not the password")],
            UNAUTHORIZED,
            wrong,
        ),
        (
            vec![("email", "nobody@example.com"), ("password", PASSWORD)],
            UNAUTHORIZED,
            wrong,
        ),
        (
            vec![("email", "nobody"), ("password", PASSWORD)],
            UNAUTHORIZED,
            wrong,
        ),
        (vec![("password", PASSWORD)], BAD, "email is required"),
        (vec![("email", USER)], BAD, "password is required"),
    ];
    check(&server, Method::POST, "/sessions", &rows).await;
}

async fn session_routes_answer_403_without_a_live_session(backend: Backend) {
    let server = TestServer::with(Options {
        backend,
        ..Options::default()
    });
    let long = "9".repeat(4000);
    for (method, path) in [(Method::GET, "/profile"), (Method::DELETE, "/sessions")] {
        let none = server
            .client
            .request(method.clone(), server.url(path))
            .send()
            .await;
        let (status, body) = json(none.expect("request")).await;
        assert_eq!(status, FORBIDDEN, "{method} {path} without cookie");
        assert_eq!(body, json!({"message": "invalid or expired session"}));
        for cookie in [UNISSUED, "garbage", "", "' OR 1=1 --", "%00", &long] {
            let response = server.with_cookie(method.clone(), path, cookie).await;
            assert_eq!(response.status(), FORBIDDEN, "{method} {path} {cookie:?}");
        }
    }
}

async fn reset_request_failures_answer_403_for_unknown_email_and_400_for_missing_field(
    backend: Backend,
) {
    let server = TestServer::with(Options {
        backend,
        ..Options::default()
    });
    let rows: Vec<Row> = vec![
        (
            vec![("email", "nobody@example.com")],
            FORBIDDEN,
            "email not registered",
        ),
        (vec![("email", "nobody")], FORBIDDEN, "email not registered"),
        (vec![], BAD, "email is required"),
    ];
    check(&server, Method::POST, "/reset_password", &rows).await;
}

async fn password_update_failures_answer_403_for_bad_tokens_and_400_for_bad_fields(
    backend: Backend,
) {
    let server = TestServer::with(Options {
        backend,
        ..Options::default()
    });
    server.register(USER);
    server.register(OTHER);
    let token = server.issue_reset_token(USER).await;
    let theirs = server.issue_reset_token(OTHER).await;
    let new = "a new password";
    let too_long = "p".repeat(73);
    let rows: Vec<Row> = vec![
        (
            vec![
                ("email", USER),
                ("reset_token", UNISSUED),
                ("new_password", new),
            ],
            FORBIDDEN,
            BAD_TOKEN,
        ),
        (
            vec![
                ("email", USER),
                ("reset_token", "garbage"),
                ("new_password", new),
            ],
            FORBIDDEN,
            BAD_TOKEN,
        ),
        (
            vec![
                ("email", USER),
                ("reset_token", &theirs),
                ("new_password", new),
            ],
            FORBIDDEN,
            BAD_TOKEN,
        ),
        (
            vec![
                ("email", USER),
                ("reset_token", &token),
                ("new_password", "short"),
            ],
            BAD,
            "invalid new_password: must be at least 8 characters",
        ),
        (
            vec![
                ("email", USER),
                ("reset_token", &token),
                ("new_password", &too_long),
            ],
            BAD,
            "invalid new_password: must be at most 72 bytes (bcrypt's limit)",
        ),
        (
            vec![
                ("email", USER),
                ("reset_token", &token),
                ("new_password", "nul \0 inside"),
            ],
            BAD,
            "invalid new_password: must not contain a NUL character",
        ),
        (
            vec![("reset_token", &token), ("new_password", new)],
            BAD,
            "email is required",
        ),
        (
            vec![("email", USER), ("new_password", new)],
            BAD,
            "reset_token is required",
        ),
        (
            vec![("email", USER), ("reset_token", &token)],
            BAD,
            "new_password is required",
        ),
    ];
    check(&server, Method::PUT, "/reset_password", &rows).await;
    // None of those refusals used the token up.
    let fields = [
        ("email", USER),
        ("reset_token", &token),
        ("new_password", new),
    ];
    let response = server
        .send(Method::PUT, "/reset_password", ENCODINGS[0], &fields)
        .await;
    assert_eq!(response.status(), StatusCode::OK);
}

async fn a_reset_token_is_single_use_and_superseded_by_a_newer_one_in_every_encoding(
    backend: Backend,
) {
    // Six reset requests for one account: past the hourly limit.
    let server = TestServer::with(Options {
        backend,
        policy: unthrottled_policy(),
        ..Options::default()
    });
    server.register(USER);
    let new = "a new password";
    for encoding in ENCODINGS {
        let first = server.issue_reset_token(USER).await;
        let second = server.issue_reset_token(USER).await;
        for (token, status) in [
            (&first, FORBIDDEN),
            (&second, StatusCode::OK),
            (&second, FORBIDDEN),
        ] {
            let fields = [
                ("email", USER),
                ("reset_token", token.as_str()),
                ("new_password", new),
            ];
            let response = server
                .send(Method::PUT, "/reset_password", encoding, &fields)
                .await;
            assert_eq!(response.status(), status, "{encoding:?}");
        }
    }
}

backend_tests! {
    registration_failures_answer_400_with_a_clear_message_in_every_encoding,
    login_failures_answer_401_alike_for_unknown_email_and_wrong_password,
    session_routes_answer_403_without_a_live_session,
    reset_request_failures_answer_403_for_unknown_email_and_400_for_missing_field,
    password_update_failures_answer_403_for_bad_tokens_and_400_for_bad_fields,
    a_reset_token_is_single_use_and_superseded_by_a_newer_one_in_every_encoding,
}
