use std::time::Duration;

use authctl::auth::{AuditQuery, Throttling};
use authctl::server::ServeConfig;
use reqwest::StatusCode;

use super::{Answer, USER, WRONG, accounts_only, attempt, throttled, throttled_with};
use crate::support::PASSWORD;

const REFUSAL: &str = r#"{"message":"too many failed attempts, try again later"}"#;

#[tokio::test]
async fn five_failures_are_free_then_each_wait_doubles_and_a_success_clears_the_count() {
    let (server, clock) = throttled(accounts_only());
    server.register(USER);
    for n in 1..=5 {
        let answer = attempt(&server, USER, WRONG, None, None).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "failure {n}");
    }

    // Inside the wait, a wrong and a right password are refused alike, and
    // neither costs a bcrypt run.
    let runs = server.auth.bcrypt_runs();
    let wrong = attempt(&server, USER, WRONG, None, None).await;
    assert_eq!(
        (wrong.status, wrong.retry_after, wrong.body.as_str()),
        (StatusCode::TOO_MANY_REQUESTS, Some(1), REFUSAL)
    );
    let right = attempt(&server, USER, PASSWORD, None, None).await;
    assert_eq!(right.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(server.auth.bcrypt_runs(), runs, "a refusal ran bcrypt");

    // After the wait one attempt gets through; the next wait is twice as long.
    clock.advance(Duration::from_secs(1));
    let sixth = attempt(&server, USER, WRONG, None, None).await;
    assert_eq!(sixth.status, StatusCode::UNAUTHORIZED);
    let again = attempt(&server, USER, WRONG, None, None).await;
    assert_eq!(again.retry_after, Some(2));
    clock.advance(Duration::from_millis(1999));
    let early = attempt(&server, USER, PASSWORD, None, None).await;
    assert_eq!(early.status, StatusCode::TOO_MANY_REQUESTS);
    clock.advance(Duration::from_millis(1));
    let success = attempt(&server, USER, PASSWORD, None, None).await;
    assert_eq!(success.status, StatusCode::OK);

    // The success forgot the count: five free failures again.
    assert_eq!(
        server
            .auth
            .login_throttle(&crate::support::db::email(USER))
            .unwrap(),
        None
    );
    for n in 1..=5 {
        let answer = attempt(&server, USER, WRONG, None, None).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "failure {n} after");
    }
}

/// Each email runs the same script: the answers, header for header, and the
/// bcrypt runs each attempt cost must be the same, or a 429 (or its
/// absence) would tell whether an account exists.
#[tokio::test]
async fn a_known_and_an_unknown_email_are_throttled_alike() {
    let (server, clock) = throttled(accounts_only());
    server.register(USER);
    let mut scripts = Vec::new();
    for email in [USER, "nobody@example.com"] {
        let mut script: Vec<(Answer, u64)> = Vec::new();
        for step in 0..9 {
            if step == 7 {
                clock.advance(Duration::from_secs(1));
            }
            let runs = server.auth.bcrypt_runs();
            let answer = attempt(&server, email, WRONG, None, None).await;
            script.push((answer, server.auth.bcrypt_runs() - runs));
        }
        scripts.push(script);
        // The next email starts on a fresh clock second, as this one did.
        clock.advance(Duration::from_secs(3600));
    }
    let statuses: Vec<u16> = scripts[0].iter().map(|(a, _)| a.status.as_u16()).collect();
    assert_eq!(statuses, [401, 401, 401, 401, 401, 429, 429, 401, 429]);
    assert_eq!(scripts[0], scripts[1]);
}

/// A refusal is answered from a read: the database file and its log are
/// not written, so a flood of refusals costs no disk sync. Their audit row
/// is written later, once for all of them (here only when the test asks).
#[tokio::test]
async fn refused_attempts_write_nothing_to_the_database() {
    let config = ServeConfig {
        audit_flush_interval: Duration::from_secs(3600),
        ..ServeConfig::default()
    };
    let (server, _clock) = throttled_with(Throttling::default(), config);
    server.register(USER);
    for _ in 0..5 {
        attempt(&server, USER, WRONG, None, None).await;
    }
    let files = || {
        ["", "-wal"].map(|suffix| {
            let mut path = server.db_path().as_os_str().to_owned();
            path.push(suffix);
            let meta = std::fs::metadata(path).expect("the file exists");
            (meta.len(), meta.modified().expect("mtime"))
        })
    };
    let before = files();
    for _ in 0..50 {
        let answer = attempt(&server, USER, PASSWORD, None, None).await;
        assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS);
    }
    assert_eq!(files(), before, "a refused attempt wrote to the database");
    assert_eq!(server.auth.flush_audit().unwrap(), 50);
    let query = AuditQuery {
        events: vec!["login.throttled".to_owned()],
        limit: 10,
        ..AuditQuery::default()
    };
    let rows = server.auth.audit_log(&query).unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].count, 50);
    assert_eq!(rows[0].reason.as_deref(), Some("wait"));
}

#[tokio::test]
async fn a_count_with_no_failure_for_a_day_is_forgotten() {
    let (server, clock) = throttled(accounts_only());
    server.register(USER);
    for _ in 0..5 {
        attempt(&server, USER, WRONG, None, None).await;
    }
    clock.advance(Duration::from_secs(24 * 3600));
    for n in 1..=5 {
        let answer = attempt(&server, USER, WRONG, None, None).await;
        assert_eq!(
            answer.status,
            StatusCode::UNAUTHORIZED,
            "free failure {n} again"
        );
    }
    let sixth = attempt(&server, USER, WRONG, None, None).await;
    assert_eq!(sixth.status, StatusCode::TOO_MANY_REQUESTS);
}
