//! The session cookie: its attributes, its lifetime, and who chooses it.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use authctl::auth::{Caller, Policy};
use authctl::server::ServeConfig;
use reqwest::{Method, StatusCode};

use crate::support::db::{email, fast_policy, test_clock};
use crate::support::server::{Encoding, Options, TestServer, json, session_cookie};
use crate::support::wait::{PATIENCE, eventually_async};
use crate::support::{PASSWORD, cookie_value, uuid_v4_shaped};

const USER: &str = "ada@example.com";

fn attributes(set_cookie: &str) -> Vec<String> {
    let mut parts: Vec<String> = set_cookie
        .split(';')
        .skip(1)
        .map(|part| part.trim().to_owned())
        .collect();
    parts.sort();
    parts
}

async fn login_cookie(server: &TestServer) -> String {
    let response = server
        .post_form("/sessions", &[("email", USER), ("password", PASSWORD)])
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    session_cookie(&response).expect("a session cookie")
}

#[tokio::test]
async fn the_session_cookie_is_httponly_samesite_lax_path_root_with_the_ttl_as_max_age() {
    let server = TestServer::with(Options {
        policy: Policy {
            session_ttl: Duration::from_secs(3600),
            ..fast_policy()
        },
        ..Options::default()
    });
    server.register(USER);
    let cookie = login_cookie(&server).await;
    let token = cookie_value(&cookie).expect("value");
    assert!(uuid_v4_shaped(&token), "{token}");
    assert_eq!(
        attributes(&cookie),
        ["HttpOnly", "Max-Age=3600", "Path=/", "SameSite=Lax"]
    );
}

#[tokio::test]
async fn secure_cookie_adds_secure_to_the_session_and_the_removal_cookie() {
    let server = TestServer::with(Options {
        config: ServeConfig {
            secure_cookie: true,
            ..ServeConfig::default()
        },
        ..Options::default()
    });
    server.register(USER);
    let cookie = login_cookie(&server).await;
    assert!(
        attributes(&cookie).contains(&"Secure".to_owned()),
        "{cookie}"
    );
    let token = cookie_value(&cookie).expect("value");
    let logout = server
        .with_cookie(Method::DELETE, "/sessions", &token)
        .await;
    let removal = session_cookie(&logout).expect("removal cookie");
    let removal_attributes = attributes(&removal);
    for expected in ["Secure", "HttpOnly", "Path=/", "Max-Age=0"] {
        assert!(
            removal_attributes.contains(&expected.to_owned()),
            "{removal}"
        );
    }
}

#[tokio::test]
async fn a_client_chosen_session_id_is_never_adopted() {
    let server = TestServer::spawn();
    server.register(USER);
    let chosen = "0b6c1a52-8f3e-4c2d-9a7b-5e4d3c2b1a09";
    let response = server
        .client
        .post(server.url("/sessions"))
        .header("cookie", format!("session_id={chosen}"))
        .form(&[("email", USER), ("password", PASSWORD)])
        .send()
        .await
        .expect("login");
    let issued = session_cookie(&response)
        .and_then(|c| cookie_value(&c))
        .expect("cookie");
    assert_ne!(issued, chosen);
    let chosen_profile = server.with_cookie(Method::GET, "/profile", chosen).await;
    assert_eq!(chosen_profile.status(), StatusCode::FORBIDDEN);
    let issued_profile = server.with_cookie(Method::GET, "/profile", &issued).await;
    assert_eq!(issued_profile.status(), StatusCode::OK);
}

#[tokio::test]
async fn every_login_opens_its_own_session_and_logout_ends_only_that_one() {
    let server = TestServer::spawn();
    server.register(USER);
    let laptop = server.login(USER, PASSWORD).await;
    let phone = server.login(USER, PASSWORD).await;
    assert_ne!(laptop, phone);
    let logout = server
        .with_cookie(Method::DELETE, "/sessions", &laptop)
        .await;
    assert_eq!(logout.status(), StatusCode::FOUND);
    let replay = server
        .with_cookie(Method::DELETE, "/sessions", &laptop)
        .await;
    assert_eq!(replay.status(), StatusCode::FORBIDDEN);
    let (status, body) = json(server.with_cookie(Method::GET, "/profile", &phone).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["email"], USER);
}

#[tokio::test]
async fn a_session_works_just_inside_its_ttl_and_fails_just_past_it() {
    let clock = test_clock();
    let server = TestServer::with(Options {
        policy: Policy {
            session_ttl: Duration::from_secs(600),
            ..fast_policy()
        },
        clock: Some(Arc::clone(&clock)),
        ..Options::default()
    });
    server.register(USER);
    let token = server.login(USER, PASSWORD).await;
    clock.advance(Duration::from_secs(599));
    let inside = server.with_cookie(Method::GET, "/profile", &token).await;
    assert_eq!(inside.status(), StatusCode::OK);
    clock.advance(Duration::from_secs(1));
    let past = server.with_cookie(Method::GET, "/profile", &token).await;
    assert_eq!(past.status(), StatusCode::FORBIDDEN);
    let logout = server
        .with_cookie(Method::DELETE, "/sessions", &token)
        .await;
    assert_eq!(logout.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_reset_token_works_just_inside_its_ttl_and_fails_just_past_it() {
    let clock = test_clock();
    let server = TestServer::with(Options {
        policy: Policy {
            reset_ttl: Duration::from_secs(300),
            ..fast_policy()
        },
        clock: Some(Arc::clone(&clock)),
        ..Options::default()
    });
    server.register(USER);
    server.register("grace@example.com");
    let ada = server.issue_reset_token(USER).await;
    let grace = server.issue_reset_token("grace@example.com").await;
    clock.advance(Duration::from_secs(299));
    let update = |email: &'static str, token: String| {
        let server = &server;
        async move {
            let fields = [
                ("email", email),
                ("reset_token", &token),
                ("new_password", "fresh password"),
            ];
            server
                .send(
                    Method::PUT,
                    "/reset_password",
                    Encoding::UrlEncoded,
                    &fields,
                )
                .await
                .status()
        }
    };
    assert_eq!(update(USER, ada).await, StatusCode::OK);
    clock.advance(Duration::from_secs(1));
    assert_eq!(
        update("grace@example.com", grace).await,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn a_disabled_user_is_answered_as_an_unknown_one() {
    let server = TestServer::spawn();
    server.register(USER);
    let token = server.login(USER, PASSWORD).await;
    server
        .auth
        .disable_user(&Caller::cli(), &email(USER))
        .expect("disable");

    let login = server
        .post_form("/sessions", &[("email", USER), ("password", PASSWORD)])
        .await;
    let unknown = server
        .post_form(
            "/sessions",
            &[("email", "nobody@example.com"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(json(login).await, json(unknown).await);
    let reset = server
        .post_form("/reset_password", &[("email", USER)])
        .await;
    assert_eq!(reset.status(), StatusCode::FORBIDDEN);
    let profile = server.with_cookie(Method::GET, "/profile", &token).await;
    assert_eq!(profile.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_server_prunes_expired_sessions_and_reset_tokens_while_it_runs() {
    let clock = test_clock();
    let server = TestServer::with(Options {
        clock: Some(Arc::clone(&clock)),
        config: ServeConfig {
            prune_interval: Duration::from_secs(1),
            ..ServeConfig::default()
        },
        ..Options::default()
    });
    server.register(USER);
    server.login(USER, PASSWORD).await;
    let issued = server
        .post_form("/reset_password", &[("email", USER)])
        .await;
    assert_eq!(issued.status(), StatusCode::OK);
    assert_eq!(stored_sessions_and_tokens(server.db_path()), (1, 1));

    // Past both TTLs (a day and an hour by default): the next round removes both.
    clock.advance(Duration::from_secs(24 * 3600 + 1));
    let path = server.db_path().to_owned();
    assert!(
        eventually_async(PATIENCE, move || stored_sessions_and_tokens(&path)
            == (0, 0))
        .await,
        "still stored after {PATIENCE:?}: {:?}",
        stored_sessions_and_tokens(server.db_path())
    );
}

/// Rows in the sessions and reset-token tables, expired ones included.
fn stored_sessions_and_tokens(path: &Path) -> (i64, i64) {
    let conn = rusqlite::Connection::open(path).expect("open");
    let count = |table: &str| -> i64 {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
            row.get(0)
        })
        .expect("count")
    };
    (count("sessions"), count("reset_tokens"))
}
