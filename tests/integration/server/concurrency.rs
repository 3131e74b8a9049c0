//! Many clients at once: atomic outcomes, no 5xx, and cheap routes that stay
//! answerable while bcrypt work queues.

use std::time::Duration;

use authctl::server::ServeConfig;
use reqwest::{Method, StatusCode};
use tokio::task::JoinSet;

use crate::support::PASSWORD;
use crate::support::db::{Backend, WriteLock, unthrottled_policy};
use crate::support::server::{Options, TestServer, json};

/// Generous waits: these tests are about outcomes, not overload, and a busy
/// test machine must not turn queueing into 503s.
fn patient() -> Options {
    Options {
        // Many logins from one address at once: the per-client throttle
        // counts attempts in flight, and it is not what these tests test.
        policy: unthrottled_policy(),
        config: ServeConfig {
            queue_wait: Duration::from_secs(120),
            request_timeout: Duration::from_secs(240),
            ..ServeConfig::default()
        },
        ..Options::default()
    }
}

async fn two_hundred_simultaneous_registrations_of_one_email_make_exactly_one_user(
    backend: Backend,
) {
    let server = TestServer::with(Options {
        backend,
        ..patient()
    });
    let mut requests = JoinSet::new();
    for _ in 0..200 {
        let client = server.client.clone();
        let url = server.url("/users");
        requests.spawn(async move {
            let response = client
                .post(url)
                .form(&[("email", "race@example.com"), ("password", PASSWORD)])
                .send()
                .await
                .expect("request");
            json(response).await
        });
    }
    let outcomes = requests.join_all().await;
    let created = outcomes
        .iter()
        .filter(|(status, _)| *status == StatusCode::OK)
        .count();
    assert_eq!(created, 1);
    for (status, body) in &outcomes {
        if *status != StatusCode::OK {
            assert_eq!(*status, StatusCode::BAD_REQUEST);
            assert_eq!(body["message"], "email already registered");
        }
    }
}

async fn two_hundred_simultaneous_logins_of_different_users_all_succeed(backend: Backend) {
    let server = TestServer::with(Options {
        backend,
        ..patient()
    });
    let emails: Vec<String> = (0..200).map(|i| format!("user{i}@example.com")).collect();
    for email in &emails {
        server.register(email);
    }
    let mut requests = JoinSet::new();
    for email in emails {
        let client = server.client.clone();
        let url = server.url("/sessions");
        requests.spawn(async move {
            let response = client
                .post(url)
                .form(&[("email", email.as_str()), ("password", PASSWORD)])
                .send()
                .await
                .expect("request");
            (email, response.status())
        });
    }
    for (email, status) in requests.join_all().await {
        assert_eq!(status, StatusCode::OK, "{email}");
    }
}

async fn twenty_simultaneous_uses_of_one_reset_token_succeed_exactly_once(backend: Backend) {
    let server = TestServer::with(Options {
        backend,
        ..patient()
    });
    server.register("ada@example.com");
    let token = server.issue_reset_token("ada@example.com").await;
    let mut requests = JoinSet::new();
    for i in 0..20 {
        let client = server.client.clone();
        let url = server.url("/reset_password");
        let token = token.clone();
        requests.spawn(async move {
            let password = format!("new password {i}");
            let fields = [
                ("email", "ada@example.com"),
                ("reset_token", token.as_str()),
                ("new_password", password.as_str()),
            ];
            client
                .put(url)
                .form(&fields)
                .send()
                .await
                .expect("request")
                .status()
        });
    }
    let statuses = requests.join_all().await;
    let succeeded = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    assert_eq!(succeeded, 1, "{statuses:?}");
    assert!(
        statuses
            .iter()
            .all(|s| *s == StatusCode::OK || *s == StatusCode::FORBIDDEN),
        "{statuses:?}"
    );
}

/// Each login checks a cost-12 hash (about a quarter of a second here), so
/// 64 of them keep both bcrypt slots busy for seconds, with most of the
/// flood queued, while the profile request is answered.
#[tokio::test]
async fn profile_still_answers_while_sixty_four_expensive_logins_are_in_flight() {
    let server = TestServer::with(Options {
        config: ServeConfig {
            bcrypt_slots: 2,
            queue_wait: Duration::from_secs(600),
            request_timeout: Duration::from_secs(600),
            drain_timeout: Duration::from_millis(100),
            ..ServeConfig::default()
        },
        // One client, one account, 64 attempts at once: the throttle
        // would refuse most before bcrypt, and this test is about bcrypt.
        policy: unthrottled_policy(),
        ..Options::default()
    });
    server.register("bob@example.com");
    let token = server.login("bob@example.com", PASSWORD).await;
    // A quarter of a second a check: the flood lasts seconds at 2 slots.
    server.register_at_cost("ada@example.com", 12);
    let runs_before = server.auth.bcrypt_runs();

    let mut logins = JoinSet::new();
    for _ in 0..64 {
        let client = server.client.clone();
        let url = server.url("/sessions");
        logins.spawn(async move {
            client
                .post(url)
                .form(&[("email", "ada@example.com"), ("password", PASSWORD)])
                .send()
                .await
                .map(|response| response.status())
        });
    }
    // Wait until the bcrypt slots are busy with the flood.
    server.wait_for_bcrypt_runs(runs_before + 2).await;
    let profile = server.with_cookie(Method::GET, "/profile", &token).await;
    assert_eq!(profile.status(), StatusCode::OK);
    // At 2 slots, most of the 64 are still queued: the flood was real.
    let started = server.auth.bcrypt_runs() - runs_before;
    assert!(
        started < 64,
        "all {started} logins ran before the profile answered"
    );
    logins.abort_all();
}

/// The one bcrypt slot is held by a registration that has hashed its
/// password and waits on the write lock the test holds: every other
/// registration waits its 50 ms for the slot in vain, whatever bcrypt's
/// speed.
#[tokio::test]
async fn a_full_bcrypt_queue_answers_503_with_retry_after() {
    let server = TestServer::with(Options {
        config: ServeConfig {
            bcrypt_slots: 1,
            queue_wait: Duration::from_millis(50),
            drain_timeout: Duration::from_millis(100),
            ..ServeConfig::default()
        },
        ..Options::default()
    });
    let register = |i: usize| {
        let client = server.client.clone();
        let url = server.url("/users");
        async move {
            let email = format!("user{i}@example.com");
            let response = client
                .post(url)
                .form(&[("email", email.as_str()), ("password", PASSWORD)])
                .send()
                .await
                .expect("request");
            let retry_after = response.headers().get("retry-after").cloned();
            let (status, body) = json(response).await;
            (status, body, retry_after)
        }
    };
    let lock = WriteLock::hold(server.db_path());
    let before = server.auth.bcrypt_runs();
    let first = tokio::spawn(register(0));
    server.wait_for_bcrypt_runs(before + 1).await;
    let mut queued = JoinSet::new();
    for i in 1..8 {
        queued.spawn(register(i));
    }
    let mut outcomes = queued.join_all().await;
    drop(lock);
    outcomes.push(first.await.expect("the first registration"));
    let busy: Vec<_> = outcomes
        .iter()
        .filter(|(status, _, _)| *status == StatusCode::SERVICE_UNAVAILABLE)
        .collect();
    assert!(
        !busy.is_empty(),
        "one slot, held, and 50 ms of patience for 7 more registrations"
    );
    assert_eq!(busy.len(), 7, "{outcomes:?}");
    for (_, body, retry_after) in busy {
        assert_eq!(body["message"], "server busy, try again later");
        assert_eq!(retry_after.as_ref().map(|v| v.as_bytes()), Some(&b"1"[..]));
    }
    assert!(
        outcomes
            .iter()
            .all(|(s, _, _)| *s == StatusCode::OK || *s == StatusCode::SERVICE_UNAVAILABLE)
    );
}

backend_tests! {
    two_hundred_simultaneous_registrations_of_one_email_make_exactly_one_user,
    two_hundred_simultaneous_logins_of_different_users_all_succeed,
    twenty_simultaneous_uses_of_one_reset_token_succeed_exactly_once,
}
