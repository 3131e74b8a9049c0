//! Limits that protect accounts: a session's idle timeout and per-user cap,
//! look-alike addresses, and no timing difference between an unknown email
//! and an account whose hash is cheaper than the policy's.

use std::sync::Arc;
use std::time::Duration;

use authctl::auth::{AuthError, Caller, Credential, ImportOptions, ImportRow, Policy};

use crate::support::db::{
    TestDb, email, fast_policy, open_auth, password, test_clock, unthrottled_policy,
};

const MINUTE: Duration = Duration::from_secs(60);

fn a_session_unused_for_the_idle_timeout_ends_and_use_keeps_it_alive(db: &TestDb) {
    let clock = test_clock();
    let policy = Policy {
        session_idle_timeout: Some(10 * MINUTE),
        ..fast_policy()
    };
    let auth = open_auth(&db.database(), policy, Some(Arc::clone(&clock)));
    let ann = email("ann@example.com");
    auth.register_user(&Caller::cli(), &ann, &password("password1"))
        .unwrap();
    let (_, kept) = auth
        .login(&Caller::cli(), &ann, &password("password1"))
        .unwrap();
    let (_, left) = auth
        .login(&Caller::cli(), &ann, &password("password1"))
        .unwrap();

    // Used every 5 minutes for an hour: still alive, well past 10 minutes.
    for _ in 0..12 {
        clock.advance(5 * MINUTE);
        assert!(auth.get_user_from_session_id(&kept).unwrap().is_some());
    }
    // The other, unused all that time, has ended; so does the first after
    // 10 minutes without use.
    assert!(auth.get_user_from_session_id(&left).unwrap().is_none());
    clock.advance(10 * MINUTE);
    assert!(auth.get_user_from_session_id(&kept).unwrap().is_none());
}

fn without_an_idle_timeout_a_session_lasts_its_ttl_unused(db: &TestDb) {
    let (auth, clock) = db.auth_with_clock();
    let ann = email("ann@example.com");
    auth.register_user(&Caller::cli(), &ann, &password("password1"))
        .unwrap();
    let (_, session) = auth
        .login(&Caller::cli(), &ann, &password("password1"))
        .unwrap();
    clock.advance(23 * 60 * MINUTE);
    assert!(auth.get_user_from_session_id(&session).unwrap().is_some());
}

fn a_login_beyond_the_cap_ends_the_oldest_session(db: &TestDb) {
    let clock = test_clock();
    let policy = Policy {
        max_sessions_per_user: Some(2),
        ..fast_policy()
    };
    let auth = open_auth(&db.database(), policy, Some(Arc::clone(&clock)));
    let (ann, bob) = (email("ann@example.com"), email("bob@example.com"));
    for who in [&ann, &bob] {
        auth.register_user(&Caller::cli(), who, &password("password1"))
            .unwrap();
    }
    let (_, bobs) = auth
        .login(&Caller::cli(), &bob, &password("password1"))
        .unwrap();
    let mut sessions = Vec::new();
    for _ in 0..4 {
        clock.advance(MINUTE);
        sessions.push(
            auth.login(&Caller::cli(), &ann, &password("password1"))
                .unwrap()
                .1,
        );
    }
    let alive: Vec<bool> = sessions
        .iter()
        .map(|s| auth.get_user_from_session_id(s).unwrap().is_some())
        .collect();
    assert_eq!(alive, [false, false, true, true]);
    assert_eq!(auth.list_sessions(Some(&ann)).unwrap().len(), 2);
    // Another user's sessions do not count against it.
    assert!(auth.get_user_from_session_id(&bobs).unwrap().is_some());
}

fn a_look_alike_address_is_refused_at_registration_and_import(db: &TestDb) {
    let auth = db.auth();
    auth.register_user(
        &Caller::cli(),
        &email("admin@example.com"),
        &password("password1"),
    )
    .unwrap();
    let cyrillic = email("\u{430}dmin@example.com");
    let refused = auth.register_user(&Caller::cli(), &cyrillic, &password("password1"));
    match refused {
        Err(AuthError::LookAlike(message)) => {
            assert!(message.contains("looks like"), "{message}");
            assert!(
                !message.contains("admin@example.com"),
                "names the other: {message}"
            );
        }
        other => panic!("{other:?}"),
    }
    let rows = [
        ImportRow {
            line: 2,
            email: email("new@example.com"),
            credential: Credential::Password(password("password1")),
            created_at: None,
            disabled: false,
        },
        ImportRow {
            line: 3,
            email: email("adm\u{456}n@example.com"),
            credential: Credential::Password(password("password1")),
            created_at: None,
            disabled: false,
        },
    ];
    let options = ImportOptions {
        skip_existing: true,
        ..ImportOptions::default()
    };
    match auth.import_users(&Caller::cli(), &rows, options, &|| {}) {
        Err(AuthError::LookAlike(message)) => assert!(message.starts_with("line 3:"), "{message}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        auth.list_users().unwrap().len(),
        1,
        "the import was all or nothing"
    );
}

/// The CPU time `work` takes on this thread: what an attacker's stopwatch
/// measures on an idle server, without the noise of a busy test machine.
fn timed(work: impl FnOnce()) -> Duration {
    let cpu = || {
        let now = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
        Duration::new(
            u64::try_from(now.tv_sec).unwrap(),
            u32::try_from(now.tv_nsec).unwrap(),
        )
    };
    let started = cpu();
    work();
    cpu() - started
}

fn a_wrong_password_against_a_cheaper_hash_takes_as_long_as_an_unknown_email(db: &TestDb) {
    // Arrange: an account hashed at cost 4 (imported, or an older setting)
    // under a policy of cost 10.
    let cheap = email("cheap@example.com");
    db.auth_with(Policy {
        bcrypt_cost: 4,
        ..fast_policy()
    })
    .register_user(&Caller::cli(), &cheap, &password("password1"))
    .unwrap();
    // Forty-one failures in a row: the throttle would refuse most.
    let auth = db.auth_with(Policy {
        bcrypt_cost: 10,
        ..unthrottled_policy()
    });
    let (unknown, wrong) = (email("nobody@example.com"), password("wrong password"));
    let fail = |who| {
        let outcome = auth.login(&Caller::cli(), who, &wrong);
        assert!(matches!(outcome, Err(AuthError::AuthenticationFailed(_))));
    };
    fail(&unknown); // makes the dummy hash once

    // Act: medians of 20, interleaved so that load on the machine hits both.
    let (mut unknown_times, mut cheap_times) = (Vec::new(), Vec::new());
    for _ in 0..20 {
        unknown_times.push(timed(|| fail(&unknown)));
        cheap_times.push(timed(|| fail(&cheap)));
    }
    unknown_times.sort_unstable();
    cheap_times.sort_unstable();
    let (unknown_median, cheap_median) = (unknown_times[10], cheap_times[10]);

    // Assert: within 20%; before the fix the cheap account failed 64 times
    // faster.
    let ratio = cheap_median.as_secs_f64() / unknown_median.as_secs_f64();
    assert!(
        (0.8..1.25).contains(&ratio),
        "unknown {unknown_median:?}, cost-4 account {cheap_median:?}"
    );
}

/// A login never lowers a stored cost, so after the policy's cost is
/// lowered real accounts keep dearer hashes: an unknown email must then
/// cost as much as they do, or its speed would tell it apart.
fn after_the_cost_is_lowered_an_unknown_email_takes_as_long_as_a_dearer_account(db: &TestDb) {
    let dear = email("dear@example.com");
    db.auth_with(Policy {
        bcrypt_cost: 10,
        ..fast_policy()
    })
    .register_user(&Caller::cli(), &dear, &password("password1"))
    .unwrap();
    let auth = db.auth_with(Policy {
        bcrypt_cost: 4,
        ..unthrottled_policy()
    });
    let (unknown, wrong) = (email("nobody@example.com"), password("wrong password"));
    let fail = |who| {
        let outcome = auth.login(&Caller::cli(), who, &wrong);
        assert!(matches!(outcome, Err(AuthError::AuthenticationFailed(_))));
    };
    fail(&dear); // the server learns the dearer cost
    fail(&unknown); // makes that dummy hash once

    let (mut unknown_times, mut dear_times) = (Vec::new(), Vec::new());
    for _ in 0..20 {
        unknown_times.push(timed(|| fail(&unknown)));
        dear_times.push(timed(|| fail(&dear)));
    }
    unknown_times.sort_unstable();
    dear_times.sort_unstable();
    let (unknown_median, dear_median) = (unknown_times[10], dear_times[10]);

    // Before the fix the unknown email failed 64 times faster.
    let ratio = dear_median.as_secs_f64() / unknown_median.as_secs_f64();
    assert!(
        (0.8..1.25).contains(&ratio),
        "unknown {unknown_median:?}, cost-10 account {dear_median:?}"
    );
}

contract_tests! {
    after_the_cost_is_lowered_an_unknown_email_takes_as_long_as_a_dearer_account,
    a_session_unused_for_the_idle_timeout_ends_and_use_keeps_it_alive,
    without_an_idle_timeout_a_session_lasts_its_ttl_unused,
    a_login_beyond_the_cap_ends_the_oldest_session,
    a_look_alike_address_is_refused_at_registration_and_import,
    a_wrong_password_against_a_cheaper_hash_takes_as_long_as_an_unknown_email,
}
