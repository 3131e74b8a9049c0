//! A too-common new password over HTTP: 400 `{"message": "password is too
//! common"}` at registration and at reset, in every encoding, whatever the
//! reason; passwords set before keep logging in.

use authctl::auth::{Caller, Policy};
use authctl::domain::BlockedWord;
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::support::PASSWORD;
use crate::support::db::blocklist_policy;
use crate::support::server::{ENCODINGS, Options, TestServer, json};

fn too_common() -> (StatusCode, serde_json::Value) {
    (
        StatusCode::BAD_REQUEST,
        json!({"message": "password is too common"}),
    )
}

fn server_with(policy: Policy) -> TestServer {
    TestServer::with(Options {
        policy,
        ..Options::default()
    })
}

#[tokio::test]
async fn a_built_in_password_is_refused_at_registration_in_any_case_and_encoding() {
    let server = server_with(blocklist_policy());
    for encoding in ENCODINGS {
        for listed in ["password123", "PassWord123", "QWERTY123"] {
            let fields = [("email", "ann@example.com"), ("password", listed)];
            let response = server.send(Method::POST, "/users", encoding, &fields).await;
            assert_eq!(
                json(response).await,
                too_common(),
                "{listed} as {encoding:?}"
            );
        }
    }
    assert!(server.auth.list_users().unwrap().is_empty());
}

#[tokio::test]
async fn a_built_in_new_password_is_refused_at_reset_and_the_token_still_works() {
    let server = server_with(blocklist_policy());
    server.register("ann@example.com");
    let token = server.issue_reset_token("ann@example.com").await;
    let fields = |new_password| {
        [
            ("email", "ann@example.com"),
            ("reset_token", token.as_str()),
            ("new_password", new_password),
        ]
    };

    for encoding in ENCODINGS {
        let response = server
            .send(
                Method::PUT,
                "/reset_password",
                encoding,
                &fields("Sunshine1"),
            )
            .await;
        assert_eq!(json(response).await, too_common(), "{encoding:?}");
    }
    let response = server
        .send(
            Method::PUT,
            "/reset_password",
            ENCODINGS[0],
            &fields("a better passphrase"),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    server.login("ann@example.com", "a better passphrase").await;
}

#[tokio::test]
async fn the_email_its_local_part_and_the_service_name_get_the_same_answer() {
    let server = server_with(Policy {
        min_password_length: 1,
        ..blocklist_policy()
    });
    for password in ["zoe.martin@EXAMPLE.com", "Zoe.Martin", "AUTHCTL"] {
        let fields = [("email", "Zoe.Martin@example.com"), ("password", password)];
        let response = server.post_form("/users", &fields).await;
        assert_eq!(json(response).await, too_common(), "{password}");
    }
}

#[tokio::test]
async fn a_word_listed_while_the_server_runs_is_refused_and_set_passwords_still_log_in() {
    let server = server_with(blocklist_policy());
    server.register("early@example.com");
    let word = BlockedWord::parse(PASSWORD).unwrap();
    server
        .auth
        .block_passwords(&Caller::cli(), std::slice::from_ref(&word))
        .unwrap();

    let fields = [("email", "late@example.com"), ("password", PASSWORD)];
    assert_eq!(
        json(server.post_form("/users", &fields).await).await,
        too_common()
    );
    server.login("early@example.com", PASSWORD).await;

    server
        .auth
        .unblock_passwords(&Caller::cli(), &[word], false)
        .unwrap();
    let (status, _) = json(server.post_form("/users", &fields).await).await;
    assert_eq!(status, StatusCode::OK);
}
