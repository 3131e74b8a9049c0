//! Many threads on one file: no races, no "database is locked".

use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Duration;

use authctl::auth::{Auth, AuthError, Caller, Policy};

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
        move |_| {
            auth.register_user(
                &Caller::cli(),
                &email("same@example.com"),
                &password("password1"),
            )
        }
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
        let auth = Auth::open(&authctl::domain::Database::sqlite(&path), fast_policy()).unwrap();
        auth.register_user(
            &Caller::cli(),
            &email("Same@Example.com"),
            &password("password1"),
        )
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
            auth.register_user(&Caller::cli(), &user, &password("password1"))?;
            let (_, session) = auth.login(&Caller::cli(), &user, &password("password1"))?;
            assert!(auth.get_user_from_session_id(&session)?.is_some());
            auth.end_session(&Caller::cli(), &session)
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
    auth.register_user(&Caller::cli(), &bob, &password("password0"))
        .unwrap();
    let token = auth.get_reset_password_token(&Caller::cli(), &bob).unwrap();
    let results = all_at_once(20, {
        let auth = auth.clone();
        move |i| {
            auth.update_password(
                &Caller::cli(),
                &bob,
                &token,
                &password(&format!("password{}", i + 1)),
            )
        }
    });
    let successes = results.iter().filter(|r| r.is_ok()).count();
    let refused = results
        .iter()
        .filter(|r| matches!(r, Err(AuthError::AuthenticationFailed(_))))
        .count();
    assert_eq!((successes, refused), (1, 19));
}

/// Starts a login whose bcrypt check is slow (a cost-11 hash, rehashed to
/// the policy's cost 4 on success), and runs `meanwhile` while that check
/// is under way. Whether the login then succeeds depends on the timing;
/// what it leaves behind must not.
fn login_racing(db: &TestDb, meanwhile: impl FnOnce(&Auth) + Send) {
    let slow = Policy {
        bcrypt_cost: 11,
        ..fast_policy()
    };
    db.auth_with(slow)
        .register_user(
            &Caller::cli(),
            &email("race@example.com"),
            &password("the old password"),
        )
        .expect("register");
    let auth = db.auth();
    thread::scope(|scope| {
        let login = scope.spawn(|| {
            let _ = auth.login(
                &Caller::cli(),
                &email("race@example.com"),
                &password("the old password"),
            );
        });
        // Well inside the check, which takes a cost-11 verify (about 100 ms
        // here); if it lands after the check instead, the outcome must be
        // the same.
        thread::sleep(Duration::from_millis(20));
        meanwhile(&auth);
        login.join().expect("the login thread");
    });
}

#[test]
fn a_password_reset_during_a_login_is_not_undone_by_it() {
    let db = TestDb::new();
    login_racing(&db, |auth| {
        let token = auth
            .get_reset_password_token(&Caller::cli(), &email("race@example.com"))
            .expect("token");
        auth.update_password(
            &Caller::cli(),
            &email("race@example.com"),
            &token,
            &password("the new password"),
        )
        .expect("reset");
    });
    let auth = db.auth();
    let who = email("race@example.com");
    // The login's rehash of the old password must not replace the new one,
    // and no session may outlive the password change.
    assert!(
        auth.valid_login(&Caller::cli(), &who, &password("the new password"))
            .unwrap()
    );
    assert!(
        !auth
            .valid_login(&Caller::cli(), &who, &password("the old password"))
            .unwrap()
    );
    assert_eq!(auth.list_sessions(Some(&who)).unwrap().len(), 0);
}

#[test]
fn a_user_disabled_during_a_login_keeps_no_session() {
    let db = TestDb::new();
    login_racing(&db, |auth| {
        auth.disable_user(&Caller::cli(), &email("race@example.com"))
            .expect("disable");
    });
    let auth = db.auth();
    let who = email("race@example.com");
    // Enabling restores login, not a session opened while disabling.
    auth.enable_user(&Caller::cli(), &who).expect("enable");
    assert_eq!(auth.list_sessions(Some(&who)).unwrap().len(), 0);
}
