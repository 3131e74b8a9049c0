//! Every failure row of SPEC.md section 2, in each body encoding.

use reqwest::{Method, StatusCode};
use serde_json::json;

use super::support::{ENCODINGS, Encoding, PASSWORD, TestServer, json};

const USER: &str = "ada@example.com";

async fn expect(
    server: &TestServer,
    encoding: Encoding,
    (method, path): (Method, &str),
    fields: &[(&str, &str)],
    status: StatusCode,
    message: &str,
) {
    let response = server.send(method.clone(), path, encoding, fields).await;
    let (got_status, body) = json(response).await;
    assert_eq!(
        (got_status, body),
        (status, json!({ "message": message })),
        "{method} {path} as {encoding:?} with {fields:?}"
    );
}

fn post(path: &str) -> (Method, &str) {
    (Method::POST, path)
}

fn put(path: &str) -> (Method, &str) {
    (Method::PUT, path)
}

#[tokio::test]
async fn registration_failures_answer_400_with_a_clear_message_in_every_encoding() {
    let server = TestServer::spawn();
    server.register(USER);
    let bad = StatusCode::BAD_REQUEST;
    for encoding in ENCODINGS {
        let users = || post("/users");
        let taken = [("email", USER), ("password", PASSWORD)];
        expect(
            &server,
            encoding,
            users(),
            &taken,
            bad,
            "email already registered",
        )
        .await;
        // Uniqueness ignores case.
        let shouted = [("email", "ADA@Example.COM"), ("password", PASSWORD)];
        expect(
            &server,
            encoding,
            users(),
            &shouted,
            bad,
            "email already registered",
        )
        .await;
        let no_email = [("password", PASSWORD)];
        expect(
            &server,
            encoding,
            users(),
            &no_email,
            bad,
            "email is required",
        )
        .await;
        let empty_email = [("email", ""), ("password", PASSWORD)];
        expect(
            &server,
            encoding,
            users(),
            &empty_email,
            bad,
            "email is required",
        )
        .await;
        let no_password = [("email", "new@example.com")];
        expect(
            &server,
            encoding,
            users(),
            &no_password,
            bad,
            "password is required",
        )
        .await;
        let no_at = [("email", "not-an-email"), ("password", PASSWORD)];
        let message = "invalid email: must contain an @";
        expect(&server, encoding, users(), &no_at, bad, message).await;
        let long_email = format!("{}@example.com", "a".repeat(250));
        let long = [("email", long_email.as_str()), ("password", PASSWORD)];
        let message = "invalid email: must be at most 254 bytes";
        expect(&server, encoding, users(), &long, bad, message).await;
        let short = [("email", "new@example.com"), ("password", "short")];
        let message = "invalid password: must be at least 8 characters";
        expect(&server, encoding, users(), &short, bad, message).await;
        let huge = "p".repeat(73);
        let too_long = [("email", "new@example.com"), ("password", huge.as_str())];
        let message = "invalid password: must be at most 72 bytes (bcrypt's limit)";
        expect(&server, encoding, users(), &too_long, bad, message).await;
    }
}

#[tokio::test]
async fn login_failures_answer_401_alike_for_unknown_email_and_wrong_password() {
    let server = TestServer::spawn();
    server.register(USER);
    let unauthorized = StatusCode::UNAUTHORIZED;
    let message = "wrong email or password";
    for encoding in ENCODINGS {
        let sessions = || post("/sessions");
        let wrong = [("email", USER), ("password", "not the password")];
        expect(&server, encoding, sessions(), &wrong, unauthorized, message).await;
        let unknown = [("email", "nobody@example.com"), ("password", PASSWORD)];
        expect(
            &server,
            encoding,
            sessions(),
            &unknown,
            unauthorized,
            message,
        )
        .await;
        let malformed = [("email", "nobody"), ("password", PASSWORD)];
        expect(
            &server,
            encoding,
            sessions(),
            &malformed,
            unauthorized,
            message,
        )
        .await;
        let bad = StatusCode::BAD_REQUEST;
        let no_email = [("password", PASSWORD)];
        expect(
            &server,
            encoding,
            sessions(),
            &no_email,
            bad,
            "email is required",
        )
        .await;
        let no_password = [("email", USER)];
        expect(
            &server,
            encoding,
            sessions(),
            &no_password,
            bad,
            "password is required",
        )
        .await;
    }
}

#[tokio::test]
async fn session_routes_answer_403_without_a_live_session() {
    let server = TestServer::spawn();
    for (method, path) in [(Method::GET, "/profile"), (Method::DELETE, "/sessions")] {
        let none = server
            .client
            .request(method.clone(), server.url(path))
            .send()
            .await;
        let (status, body) = json(none.expect("request")).await;
        assert_eq!(
            status,
            StatusCode::FORBIDDEN,
            "{method} {path} without cookie"
        );
        assert_eq!(body, json!({"message": "invalid or expired session"}));
        let unknown = uuid_like();
        let response = server.with_cookie(method.clone(), path, &unknown).await;
        assert_eq!(
            response.status(),
            StatusCode::FORBIDDEN,
            "{method} {path} unknown"
        );
        for garbage in ["garbage", "", "' OR 1=1 --", "%00", &"9".repeat(4000)] {
            let response = server.with_cookie(method.clone(), path, garbage).await;
            assert_eq!(
                response.status(),
                StatusCode::FORBIDDEN,
                "{method} {garbage:?}"
            );
        }
    }
}

#[tokio::test]
async fn reset_request_failures_answer_403_for_unknown_email_and_400_for_missing_field() {
    let server = TestServer::spawn();
    for encoding in ENCODINGS {
        let reset = || post("/reset_password");
        let forbidden = StatusCode::FORBIDDEN;
        let unknown = [("email", "nobody@example.com")];
        expect(
            &server,
            encoding,
            reset(),
            &unknown,
            forbidden,
            "email not registered",
        )
        .await;
        let malformed = [("email", "nobody")];
        expect(
            &server,
            encoding,
            reset(),
            &malformed,
            forbidden,
            "email not registered",
        )
        .await;
        let bad = StatusCode::BAD_REQUEST;
        expect(&server, encoding, reset(), &[], bad, "email is required").await;
    }
}

#[tokio::test]
async fn password_update_failures_answer_403_for_bad_tokens_and_400_for_bad_fields() {
    let server = TestServer::spawn();
    server.register(USER);
    server.register("grace@example.com");
    let forbidden = StatusCode::FORBIDDEN;
    let bad = StatusCode::BAD_REQUEST;
    let token_message = "invalid or expired reset token";
    for encoding in ENCODINGS {
        let update = || put("/reset_password");
        let token = issue_token(&server, USER).await;
        let theirs = issue_token(&server, "grace@example.com").await;
        let new = "a new password";

        let unknown = uuid_like();
        let fields = [
            ("email", USER),
            ("reset_token", &unknown),
            ("new_password", new),
        ];
        expect(
            &server,
            encoding,
            update(),
            &fields,
            forbidden,
            token_message,
        )
        .await;
        let fields = [
            ("email", USER),
            ("reset_token", "garbage"),
            ("new_password", new),
        ];
        expect(
            &server,
            encoding,
            update(),
            &fields,
            forbidden,
            token_message,
        )
        .await;
        let fields = [
            ("email", USER),
            ("reset_token", &theirs),
            ("new_password", new),
        ];
        expect(
            &server,
            encoding,
            update(),
            &fields,
            forbidden,
            token_message,
        )
        .await;

        let fields = [
            ("email", USER),
            ("reset_token", &token),
            ("new_password", "short"),
        ];
        let message = "invalid new_password: must be at least 8 characters";
        expect(&server, encoding, update(), &fields, bad, message).await;
        for missing in ["email", "reset_token", "new_password"] {
            let all = [
                ("email", USER),
                ("reset_token", &token),
                ("new_password", new),
            ];
            let fields: Vec<_> = all
                .into_iter()
                .filter(|(name, _)| *name != missing)
                .collect();
            let message = format!("{missing} is required");
            expect(&server, encoding, update(), &fields, bad, &message).await;
        }

        // The policy refusals above did not use the token up; now it works once.
        let fields = [
            ("email", USER),
            ("reset_token", &token),
            ("new_password", new),
        ];
        let response = server
            .send(Method::PUT, "/reset_password", encoding, &fields)
            .await;
        assert_eq!(response.status(), StatusCode::OK, "{encoding:?}");
        expect(
            &server,
            encoding,
            update(),
            &fields,
            forbidden,
            token_message,
        )
        .await;
        // A newer request replaced the other user's older token.
        let _newer = issue_token(&server, "grace@example.com").await;
        let fields = [
            ("email", "grace@example.com"),
            ("reset_token", &theirs),
            ("new_password", new),
        ];
        expect(
            &server,
            encoding,
            update(),
            &fields,
            forbidden,
            token_message,
        )
        .await;
    }
}

async fn issue_token(server: &TestServer, email: &str) -> String {
    let (status, body) = json(
        server
            .post_form("/reset_password", &[("email", email)])
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    body["reset_token"].as_str().expect("token").to_owned()
}

/// A well-formed token nobody issued.
fn uuid_like() -> String {
    "7d4d8f1e-4b5c-4a3e-9f1a-2b3c4d5e6f70".to_owned()
}
