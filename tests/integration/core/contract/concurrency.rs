//! Many threads on one database: no races, no "database is locked".

use std::sync::{Arc, Barrier};
use std::thread;

use authctl::auth::{Auth, AuthError, Caller, Policy};
use authctl::domain::{SessionToken, User};

use crate::support::db::{TestDb, email, fast_policy, password};
use crate::support::wait::{PATIENCE, eventually};

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

fn thirty_two_threads_registering_one_email_make_exactly_one_user(db: &TestDb) {
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

fn separate_connections_racing_on_one_email_make_exactly_one_user(db: &TestDb) {
    // One Auth per thread behaves like one process per thread: each has its
    // own connections and meets the others only in the database's locks.
    db.auth();
    let database = db.database();
    let results = all_at_once(16, move |_| {
        let auth = Auth::open(&database, fast_policy()).unwrap();
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

fn thirty_two_threads_registering_and_logging_in_all_succeed(db: &TestDb) {
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

fn twenty_concurrent_uses_of_one_reset_token_give_exactly_one_success(db: &TestDb) {
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

const RACER: &str = "race@example.com";

/// Commits `change` through an `Auth` of its own (as another process would)
/// while a login of [`RACER`] is inside its password check, and returns how
/// the login ended.
///
/// The stored hash has cost 10 and the logging-in `Auth` runs at cost 4, so
/// the check is a cost-10 verify: 64 times the work of the cost-4 hash a
/// reset makes. `change` starts once that verify has (the login's bcrypt
/// count went up), and the test fails, rather than pass without a race, if
/// the login had finished by the time `change` committed.
fn login_racing(
    db: &TestDb,
    change: impl FnOnce(&Auth),
) -> Result<(User, SessionToken), AuthError> {
    let slow = Policy {
        bcrypt_cost: 10,
        ..fast_policy()
    };
    db.auth_with(slow)
        .register_user(&Caller::cli(), &email(RACER), &password("the old password"))
        .expect("register");
    let logging_in = db.auth();
    let other = db.auth();
    thread::scope(|scope| {
        let login = scope.spawn(|| {
            logging_in.login(&Caller::cli(), &email(RACER), &password("the old password"))
        });
        assert!(
            eventually(PATIENCE, || logging_in.bcrypt_runs() > 0),
            "the login never started its password check"
        );
        change(&other);
        assert!(
            !login.is_finished(),
            "the login had finished before the change was committed: the race did not happen"
        );
        login.join().expect("the login thread")
    })
}

fn a_password_reset_during_a_login_is_not_undone_by_it(db: &TestDb) {
    let login = login_racing(db, |auth| {
        let token = auth
            .get_reset_password_token(&Caller::cli(), &email(RACER))
            .expect("token");
        auth.update_password(
            &Caller::cli(),
            &email(RACER),
            &token,
            &password("the new password"),
        )
        .expect("reset");
    });
    assert!(
        matches!(login, Err(AuthError::AuthenticationFailed(_))),
        "{login:?}"
    );
    let auth = db.auth();
    let who = email(RACER);
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

fn a_user_disabled_during_a_login_keeps_no_session(db: &TestDb) {
    let login = login_racing(db, |auth| {
        auth.disable_user(&Caller::cli(), &email(RACER))
            .expect("disable");
    });
    assert!(
        matches!(login, Err(AuthError::AuthenticationFailed(_))),
        "{login:?}"
    );
    let auth = db.auth();
    let who = email(RACER);
    // Enabling restores login, not a session opened while disabling.
    auth.enable_user(&Caller::cli(), &who).expect("enable");
    assert_eq!(auth.list_sessions(Some(&who)).unwrap().len(), 0);
}

contract_tests! {
    thirty_two_threads_registering_one_email_make_exactly_one_user,
    separate_connections_racing_on_one_email_make_exactly_one_user,
    thirty_two_threads_registering_and_logging_in_all_succeed,
    twenty_concurrent_uses_of_one_reset_token_give_exactly_one_success,
    a_password_reset_during_a_login_is_not_undone_by_it,
    a_user_disabled_during_a_login_keeps_no_session,
}
