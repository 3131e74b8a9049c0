//! Many threads on one file: no races, no "database is locked".

use std::sync::{Arc, Barrier};
use std::thread;

use authctl::auth::{Auth, AuthError};

use super::support::{TestDb, email, fast_policy, password};

/// Runs `work(i)` on `n` threads released at the same instant.
fn all_at_once<T: Send + 'static>(
    n: usize,
    work: impl Fn(usize) -> T + Send + Sync + 'static,
) -> Vec<T> {
    let barrier = Arc::new(Barrier::new(n));
    let work = Arc::new(work);
    let handles: Vec<_> = (0..n)
        .map(|i| {
            let barrier = barrier.clone();
            let work = work.clone();
            thread::spawn(move || {
                barrier.wait();
                work(i)
            })
        })
        .collect();
    handles.into_iter().map(|h| h.join().unwrap()).collect()
}

#[test]
fn thirty_two_threads_registering_one_email_make_exactly_one_user() {
    let db = TestDb::new();
    let auth = Arc::new(db.auth());
    let results = all_at_once(32, {
        let auth = auth.clone();
        move |_| auth.register_user(&email("same@example.com"), &password("password1"))
    });
    let created = results.iter().filter(|r| r.is_ok()).count();
    let conflicts = results
        .iter()
        .filter(|r| matches!(r, Err(AuthError::Conflict(_))))
        .count();
    assert_eq!((created, conflicts), (1, 31));
    assert_eq!(auth.list_users().unwrap().len(), 1);
}

#[test]
fn separate_connections_racing_on_one_email_make_exactly_one_user() {
    // One Auth per thread behaves like one process per thread: each has its
    // own connections and meets the others only in SQLite's file locks.
    let db = TestDb::new();
    db.auth();
    let path = db.path.clone();
    let results = all_at_once(16, move |_| {
        let auth = Auth::open(&path, fast_policy()).unwrap();
        auth.register_user(&email("Same@Example.com"), &password("password1"))
    });
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1);
    assert!(
        results
            .iter()
            .all(|r| r.is_ok() || matches!(r, Err(AuthError::Conflict(_))))
    );
}

#[test]
fn thirty_two_threads_registering_and_logging_in_all_succeed() {
    let db = TestDb::new();
    let auth = Arc::new(db.auth());
    let results = all_at_once(32, {
        let auth = auth.clone();
        move |i| -> Result<(), AuthError> {
            let user = email(&format!("user{i}@example.com"));
            auth.register_user(&user, &password("password1"))?;
            let (_, session) = auth.login(&user, &password("password1"))?;
            assert!(auth.get_user_from_session_id(&session)?.is_some());
            auth.end_session(&session)
        }
    });
    for result in results {
        result.unwrap();
    }
    assert_eq!(auth.list_users().unwrap().len(), 32);
}

#[test]
fn twenty_concurrent_uses_of_one_reset_token_give_exactly_one_success() {
    let db = TestDb::new();
    let auth = Arc::new(db.auth());
    let bob = email("bob@example.com");
    auth.register_user(&bob, &password("password0")).unwrap();
    let token = auth.get_reset_password_token(&bob).unwrap();
    let results = all_at_once(20, {
        let auth = auth.clone();
        move |i| auth.update_password(&bob, &token, &password(&format!("password{}", i + 1)))
    });
    let successes = results.iter().filter(|r| r.is_ok()).count();
    let refused = results
        .iter()
        .filter(|r| matches!(r, Err(AuthError::AuthenticationFailed(_))))
        .count();
    assert_eq!((successes, refused), (1, 19));
}
