//! Each HTTP action leaves its event, naming the client and its agent.

use std::sync::Arc;
use std::time::Duration;

use authctl::auth::{Caller, ManualClock, Policy, Throttling};
use authctl::server::ServeConfig;
use reqwest::{Method, StatusCode};

use super::{all_events, only};
use crate::support::db::{Backend, email, fast_policy, test_clock};
use crate::support::server::{Options, TestServer, session_cookie};
use crate::support::{PASSWORD, cookie_value};

const AGENT: &str = "audit-test/1.0 (+https://example.com)";
const ALICE: &str = "alice@example.com";

fn server(throttling: Throttling, backend: Backend) -> (TestServer, Arc<ManualClock>) {
    let clock = test_clock();
    let server = TestServer::with(Options {
        policy: Policy {
            throttling,
            ..fast_policy()
        },
        config: ServeConfig {
            audit_flush_interval: Duration::from_secs(3600),
            ..ServeConfig::default()
        },
        clock: Some(Arc::clone(&clock)),
        backend,
        ..Options::default()
    });
    (server, clock)
}

async fn call(
    server: &TestServer,
    method: Method,
    path: &str,
    fields: &[(&str, &str)],
    session: Option<&str>,
) -> reqwest::Response {
    let mut request = server
        .client
        .request(method, server.url(path))
        .header("user-agent", AGENT)
        .form(fields);
    if let Some(session) = session {
        request = request.header("cookie", format!("session_id={session}"));
    }
    request.send().await.unwrap()
}

async fn the_flask_routes_leave_their_events_with_the_client_and_its_agent(backend: Backend) {
    let (server, _clock) = server(Throttling::default(), backend);
    let credentials = [("email", ALICE), ("password", PASSWORD)];
    let response = call(&server, Method::POST, "/users", &credentials, None).await;
    assert_eq!(response.status(), StatusCode::OK);
    let wrong = [("email", ALICE), ("password", "not-the-password")];
    call(&server, Method::POST, "/sessions", &wrong, None).await;
    let nobody = [("email", "nobody@example.com"), ("password", PASSWORD)];
    call(&server, Method::POST, "/sessions", &nobody, None).await;
    let response = call(&server, Method::POST, "/sessions", &credentials, None).await;
    let session = session_cookie(&response)
        .and_then(|cookie| cookie_value(&cookie))
        .unwrap();
    call(&server, Method::DELETE, "/sessions", &[], Some(&session)).await;
    let response = call(
        &server,
        Method::POST,
        "/reset_password",
        &[("email", ALICE)],
        None,
    )
    .await;
    let token = response.json::<serde_json::Value>().await.unwrap()["reset_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let bad_token = [
        ("email", ALICE),
        ("reset_token", "00000000-0000-4000-8000-000000000000"),
        ("new_password", "another-password-1"),
    ];
    call(&server, Method::PUT, "/reset_password", &bad_token, None).await;
    let good_token = [
        ("email", ALICE),
        ("reset_token", token.as_str()),
        ("new_password", "another-password-1"),
    ];
    let response = call(&server, Method::PUT, "/reset_password", &good_token, None).await;
    assert_eq!(response.status(), StatusCode::OK);
    server
        .auth
        .disable_user(&Caller::cli(), &email(ALICE))
        .unwrap();
    let disabled = [("email", ALICE), ("password", "another-password-1")];
    call(&server, Method::POST, "/sessions", &disabled, None).await;

    let events = all_events(&server.auth);
    let names: Vec<(&str, &str, Option<&str>)> = events
        .iter()
        .map(|e| (e.event.as_str(), e.outcome, e.reason.as_deref()))
        .collect();
    assert_eq!(
        names,
        [
            ("user.registered", "success", None),
            ("login.failure", "failure", Some("bad_credentials")),
            ("login.failure", "failure", Some("unknown_user")),
            ("login.success", "success", None),
            ("session.ended", "success", None),
            ("password.reset_requested", "success", None),
            ("password.reset_failed", "failure", Some("invalid_token")),
            ("password.reset_completed", "success", None),
            ("user.disabled", "success", None),
            ("login.failure", "failure", Some("disabled")),
        ]
    );
    for event in events.iter().filter(|e| e.event != "user.disabled") {
        assert_eq!(event.source, "http", "{event:?}");
        assert_eq!(event.client_ip.as_deref(), Some("127.0.0.1"), "{event:?}");
        assert_eq!(event.user_agent.as_deref(), Some(AGENT), "{event:?}");
        assert_eq!(event.actor, None, "{event:?}");
    }
    let registered = only(&events, "user.registered");
    assert_eq!(registered.email.as_deref(), Some(ALICE));
    assert_eq!(registered.user_id, Some(1));
    let nobody = &events[2];
    assert_eq!(nobody.email.as_deref(), Some("nobody@example.com"));
    assert_eq!(nobody.user_id, None);
    assert_eq!(only(&events, "session.ended").user_id, Some(1));
    let disabled = only(&events, "user.disabled");
    assert_eq!(disabled.source, "cli");
    assert!(disabled.actor.as_deref().unwrap().contains("uid"));
}

async fn waits_and_the_lock_leave_one_folded_row_each_and_an_account_locked_event(
    backend: Backend,
) {
    let throttling = Throttling {
        free_attempts: 1,
        lock_after: 3,
        ..Throttling::default()
    };
    let (server, clock) = server(throttling, backend);
    server.register(ALICE);
    let wrong = [("email", ALICE), ("password", "not-the-password")];
    let mut statuses = Vec::new();
    for _ in 0..3 {
        for _ in 0..4 {
            let response = call(&server, Method::POST, "/sessions", &wrong, None).await;
            statuses.push(response.status().as_u16());
        }
        clock.advance(Duration::from_secs(3600));
    }
    // A wait after each failure; the third locks.
    assert_eq!(
        statuses,
        [401, 429, 429, 429, 401, 429, 429, 429, 401, 429, 429, 429]
    );
    assert_eq!(server.auth.flush_audit().unwrap(), 9);
    let events = all_events(&server.auth);
    let locked = only(&events, "account.locked");
    assert_eq!(locked.email.as_deref(), Some(ALICE));
    assert_eq!(locked.details.as_ref().unwrap()["failures"], 3);
    let throttled: Vec<(Option<&str>, u64)> = events
        .iter()
        .filter(|e| e.event == "login.throttled")
        .map(|e| (e.reason.as_deref(), e.count))
        .collect();
    // One row for each wait and one for the lock.
    assert_eq!(
        throttled,
        [(Some("wait"), 3), (Some("wait"), 3), (Some("locked"), 3)]
    );
    assert!(
        events
            .iter()
            .filter(|e| e.event == "login.throttled")
            .all(|e| {
                e.client_ip.as_deref() == Some("127.0.0.1") && e.email.as_deref() == Some(ALICE)
            })
    );

    server
        .auth
        .unlock_user(&Caller::cli(), &email(ALICE))
        .unwrap();
    let events = all_events(&server.auth);
    assert_eq!(only(&events, "account.unlocked").source, "cli");
}

#[tokio::test]
async fn a_login_whose_hash_is_upgraded_records_the_rehash() {
    let (server, _clock) = server(Throttling::default(), Backend::Sqlite);
    server.register_at_cost(ALICE, 4);
    let stronger = Policy {
        bcrypt_cost: 5,
        ..*server.auth.policy()
    };
    let auth = crate::support::db::open_auth(
        &authctl::domain::Database::sqlite(server.db_path()),
        stronger,
        None,
    );
    auth.login(
        &Caller::cli(),
        &email(ALICE),
        &crate::support::db::password(PASSWORD),
    )
    .unwrap();
    let events = all_events(&auth);
    let rehashed = only(&events, "password.rehashed");
    assert_eq!(rehashed.details.as_ref().unwrap()["from_cost"], 4);
    assert_eq!(rehashed.details.as_ref().unwrap()["to_cost"], 5);
    assert_eq!(only(&events, "login.success").user_id, Some(1));
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_event_names_the_forwarded_client() {
    let server = TestServer::with(Options {
        config: ServeConfig {
            trusted_proxies: vec!["127.0.0.1/32".parse().unwrap()],
            ..ServeConfig::default()
        },
        ..Options::default()
    });
    let response = server
        .client
        .post(server.url("/users"))
        .header("x-forwarded-for", "198.51.100.7")
        .form(&[("email", ALICE), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let events = all_events(&server.auth);
    let registered = only(&events, "user.registered");
    assert_eq!(registered.client_ip.as_deref(), Some("198.51.100.7"));
}

fn locking_after_two() -> Throttling {
    Throttling {
        free_attempts: 1,
        lock_after: 2,
        ..Throttling::default()
    }
}

fn throttled_rows(server: &TestServer) -> Vec<(Option<String>, Option<String>, u64)> {
    server.auth.flush_audit().unwrap();
    all_events(&server.auth)
        .into_iter()
        .filter(|e| e.event == "login.throttled")
        .map(|e| (e.reason, e.client_ip, e.count))
        .collect()
}

async fn each_lock_has_a_row_of_its_own(backend: Backend) {
    let (server, clock) = server(locking_after_two(), backend);
    server.register(ALICE);
    let wrong = [("email", ALICE), ("password", "not-the-password")];
    for refusals in [2, 3] {
        for _ in 0..2 {
            call(&server, Method::POST, "/sessions", &wrong, None).await;
            clock.advance(Duration::from_secs(3600));
        }
        for _ in 0..refusals {
            let response = call(&server, Method::POST, "/sessions", &wrong, None).await;
            assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        }
        server
            .auth
            .unlock_user(&Caller::cli(), &email(ALICE))
            .unwrap();
        clock.advance(Duration::from_secs(60));
    }
    let local = Some("127.0.0.1".to_owned());
    let locked = Some("locked".to_owned());
    assert_eq!(
        throttled_rows(&server),
        [(locked.clone(), local.clone(), 2), (locked, local, 3)]
    );
}

#[tokio::test]
async fn a_row_of_refusals_from_several_clients_names_none_of_them() {
    let clock = test_clock();
    let server = TestServer::with(Options {
        policy: Policy {
            throttling: locking_after_two(),
            ..fast_policy()
        },
        config: ServeConfig {
            trusted_proxies: vec!["127.0.0.1/32".parse().unwrap()],
            audit_flush_interval: Duration::from_secs(3600),
            ..ServeConfig::default()
        },
        clock: Some(Arc::clone(&clock)),
        ..Options::default()
    });
    server.register(ALICE);
    let attempt = |client: &'static str| {
        server
            .client
            .post(server.url("/sessions"))
            .header("x-forwarded-for", client)
            .form(&[("email", ALICE), ("password", "not-the-password")])
            .send()
    };
    attempt("198.51.100.1").await.unwrap();
    clock.advance(Duration::from_secs(3600));
    attempt("198.51.100.1").await.unwrap();
    for client in ["198.51.100.1", "198.51.100.2", "198.51.100.1"] {
        let response = attempt(client).await.unwrap();
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    }
    let events = all_events(&server.auth);
    let locked = only(&events, "account.locked");
    assert_eq!(locked.client_ip.as_deref(), Some("198.51.100.1"));
    assert_eq!(
        throttled_rows(&server),
        [(Some("locked".to_owned()), None, 3)]
    );
    let row = all_events(&server.auth)
        .into_iter()
        .find(|e| e.event == "login.throttled")
        .unwrap();
    assert_eq!(row.email.as_deref(), Some(ALICE), "still one account's row");
    assert_eq!(row.user_agent, None);
}

async fn the_right_password_on_the_attempt_that_would_lock_unlocks_at_once(backend: Backend) {
    let (server, clock) = server(locking_after_two(), backend);
    server.register(ALICE);
    let wrong = [("email", ALICE), ("password", "not-the-password")];
    call(&server, Method::POST, "/sessions", &wrong, None).await;
    clock.advance(Duration::from_secs(3600));
    let right = [("email", ALICE), ("password", PASSWORD)];
    let response = call(&server, Method::POST, "/sessions", &right, None).await;
    assert_eq!(response.status(), StatusCode::OK);
    let entries = server.auth.throttle_entries().unwrap();
    assert!(
        entries.iter().all(|entry| entry.scope.name() != "account"),
        "{entries:?}"
    );
    let names: Vec<String> = all_events(&server.auth)
        .into_iter()
        .map(|e| e.event)
        .collect();
    assert_eq!(
        names,
        [
            "user.registered",
            "login.failure",
            "account.locked",
            "login.success",
            "account.unlocked"
        ]
    );
    let unlocked = only(&all_events(&server.auth), "account.unlocked").clone();
    assert_eq!(unlocked.details.unwrap()["by"], "login");
}

async fn a_follower_sees_a_login_once_it_has_an_outcome(backend: Backend) {
    let (server, _clock) = server(Throttling::default(), backend);
    server.register(ALICE);
    let end = server.auth.audit_end().unwrap();
    let query = authctl::auth::AuditQuery {
        limit: 100,
        ..authctl::auth::AuditQuery::default()
    };
    let attempt = server
        .auth
        .begin_login(&Caller::cli(), &email(ALICE), None)
        .unwrap();
    let listed = all_events(&server.auth);
    assert_eq!(
        listed.last().unwrap().event,
        "login.attempt",
        "a listing shows it"
    );
    assert!(
        server.auth.audit_after(end, &query).unwrap().is_empty(),
        "not yet"
    );
    server
        .auth
        .finish_login(
            &Caller::cli(),
            attempt,
            &crate::support::db::password(PASSWORD),
        )
        .unwrap();
    let followed: Vec<String> = server
        .auth
        .audit_after(end, &query)
        .unwrap()
        .into_iter()
        .map(|e| e.event)
        .collect();
    assert_eq!(followed, ["login.success"]);
}

backend_tests! {
    the_flask_routes_leave_their_events_with_the_client_and_its_agent,
    waits_and_the_lock_leave_one_folded_row_each_and_an_account_locked_event,
    each_lock_has_a_row_of_its_own,
    the_right_password_on_the_attempt_that_would_lock_unlocks_at_once,
    a_follower_sees_a_login_once_it_has_an_outcome,
}
