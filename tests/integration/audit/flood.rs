//! SECURITY 29: a flood of refused attempts adds a bounded number of rows,
//! however fast it comes.

use std::sync::Arc;
use std::time::Duration;

use authctl::auth::{AuditQuery, Policy, Throttling};
use reqwest::StatusCode;
use tokio::task::JoinSet;

use crate::support::db::{Backend, fast_policy, test_clock};
use crate::support::server::{Options, TestServer};

const ALICE: &str = "alice@example.com";

fn rows(server: &TestServer) -> usize {
    let query = AuditQuery {
        limit: 1_000_000,
        ..AuditQuery::default()
    };
    server.auth.audit_log(&query).unwrap().len()
}

async fn ten_thousand_refused_attempts_add_a_handful_of_rows(backend: Backend) {
    let clock = test_clock();
    let server = Arc::new(TestServer::with(Options {
        clock: Some(Arc::clone(&clock)),
        backend,
        policy: Policy {
            throttling: Throttling {
                free_attempts: 1,
                lock_after: 2,
                ..Throttling::default()
            },
            ..fast_policy()
        },
        ..Options::default()
    }));
    server.register(ALICE);
    let wrong = [("email", ALICE), ("password", "wrong")];
    // A failure, its wait over, and the failure that locks.
    for _ in 0..2 {
        let answer = server.post_form("/sessions", &wrong).await;
        assert_eq!(answer.status(), StatusCode::UNAUTHORIZED);
        clock.advance(Duration::from_secs(3600));
    }
    let before = rows(&server);

    let mut flood = JoinSet::new();
    for _ in 0..32 {
        let server = Arc::clone(&server);
        flood.spawn(async move {
            let mut refused = 0;
            for _ in 0..(10_000 / 32 + 1) {
                let answer = server.post_form("/sessions", &wrong).await;
                assert_eq!(answer.status(), StatusCode::TOO_MANY_REQUESTS);
                refused += 1;
            }
            refused
        });
    }
    let mut refused = 0;
    while let Some(done) = flood.join_next().await {
        refused += done.unwrap();
    }
    assert!(refused >= 10_000);
    // What the server's flusher has not written yet.
    let auth = Arc::clone(&server.auth);
    auth.flush_audit().unwrap();

    let query = AuditQuery {
        events: vec!["login.throttled".to_owned()],
        limit: 100,
        ..AuditQuery::default()
    };
    let throttled = auth.audit_log(&query).unwrap();
    assert_eq!(
        throttled.len(),
        1,
        "one row for the key and its lock: {throttled:#?}"
    );
    assert_eq!(throttled[0].count, refused, "every refusal counted");
    let added = rows(&server) - before;
    assert!(added <= 3, "{added} rows for {refused} refusals");
}

backend_tests! {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    ten_thousand_refused_attempts_add_a_handful_of_rows,
}
