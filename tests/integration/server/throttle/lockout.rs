use std::time::Duration;

use reqwest::StatusCode;

use super::{USER, accounts_only, attempt, lock_out, throttled};
use crate::support::PASSWORD;
use crate::support::cli::Env;
use crate::support::db::email;

#[tokio::test]
async fn a_hundred_failures_lock_the_account_until_an_operator_unlocks_it() {
    let (server, clock) = throttled(accounts_only());
    server.register(USER);

    let failures = lock_out(&server, &clock, USER, None).await;

    assert_eq!(failures, 100, "NIST SP 800-63B: no more than 100");
    clock.advance(Duration::from_secs(3 * 24 * 3600));
    let locked = attempt(&server, USER, PASSWORD, None, None).await;
    assert_eq!(
        locked.status,
        StatusCode::TOO_MANY_REQUESTS,
        "a lock has no end"
    );
    assert_eq!(
        locked.retry_after,
        Some(900),
        "a lock looks like the longest wait"
    );
    let entry = server.auth.login_throttle(&email(USER)).unwrap().unwrap();
    assert!(entry.locked && entry.failures == 100, "{entry:?}");

    // The operator, from another process on the same file.
    let env = Env::new();
    let db = server.db_path().to_str().expect("UTF-8 path");
    let shown = env.json(&["--db", db, "users", "show", USER]);
    assert_eq!(
        (shown["failed_logins"].as_u64(), shown["locked"].as_bool()),
        (Some(100), Some(true))
    );
    let unlocked = env.json(&["--db", db, "users", "unlock", USER]);
    assert_eq!(unlocked["released"], true);
    // The server trusts the refusal it remembers for up to a second.
    clock.advance(Duration::from_secs(1));

    let after = attempt(&server, USER, PASSWORD, None, None).await;
    assert_eq!(after.status, StatusCode::OK);
}

#[tokio::test]
async fn a_completed_reset_releases_the_lock() {
    let (server, clock) = throttled(accounts_only());
    server.register(USER);
    lock_out(&server, &clock, USER, None).await;

    let token = server.issue_reset_token(USER).await;
    let new_password = "a brand new password";
    let status = server.reset_password(USER, &token, new_password).await;
    assert_eq!(status, StatusCode::OK);

    let after = attempt(&server, USER, new_password, None, None).await;
    assert_eq!(after.status, StatusCode::OK);
}

#[tokio::test]
async fn an_unknown_email_locks_the_same_way() {
    let (server, clock) = throttled(accounts_only());
    let failures = lock_out(&server, &clock, "nobody@example.com", None).await;
    assert_eq!(failures, 100);
}

/// A lock set up on an email before anyone registered it is not the new
/// owner's problem, nor is a deleted user's lock the next owner's.
#[tokio::test]
async fn registering_or_deleting_an_account_starts_its_email_afresh() {
    let (server, clock) = throttled(accounts_only());
    lock_out(&server, &clock, USER, None).await;
    server.register(USER);
    let first = attempt(&server, USER, PASSWORD, None, None).await;
    assert_eq!(first.status, StatusCode::OK);

    lock_out(&server, &clock, USER, None).await;
    server
        .auth
        .delete_user(&authctl::auth::Caller::cli(), &email(USER))
        .expect("delete");
    assert_eq!(server.auth.login_throttle(&email(USER)).unwrap(), None);
}
