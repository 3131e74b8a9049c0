//! Session and reset-token lifetimes, on a clock the test moves.

use std::time::Duration;

use authctl::auth::{AuthError, Caller};

use crate::support::db::{TestDb, email, password};

const DAY: Duration = Duration::from_secs(24 * 60 * 60);
const HOUR: Duration = Duration::from_secs(60 * 60);
const SECOND: Duration = Duration::from_secs(1);

fn a_session_works_just_inside_its_ttl_and_not_at_it(db: &TestDb) {
    let (auth, clock) = db.auth_with_clock();
    let bob = email("bob@example.com");
    auth.register_user(&Caller::cli(), &bob, &password("password1"))
        .unwrap();
    let (_, session) = auth
        .login(&Caller::cli(), &bob, &password("password1"))
        .unwrap();
    clock.advance(DAY - SECOND);
    assert!(auth.get_user_from_session_id(&session).unwrap().is_some());
    clock.advance(SECOND);
    assert!(auth.get_user_from_session_id(&session).unwrap().is_none());
    assert!(matches!(
        auth.end_session(&Caller::cli(), &session),
        Err(AuthError::AuthenticationFailed(_))
    ));
}

fn a_reset_token_works_just_inside_its_ttl(db: &TestDb) {
    let (auth, clock) = db.auth_with_clock();
    let bob = email("bob@example.com");
    auth.register_user(&Caller::cli(), &bob, &password("password1"))
        .unwrap();
    let token = auth.get_reset_password_token(&Caller::cli(), &bob).unwrap();
    clock.advance(HOUR - SECOND);
    auth.update_password(&Caller::cli(), &bob, &token, &password("password2"))
        .unwrap();
}

fn a_reset_token_fails_once_its_ttl_has_passed(db: &TestDb) {
    let (auth, clock) = db.auth_with_clock();
    let bob = email("bob@example.com");
    auth.register_user(&Caller::cli(), &bob, &password("password1"))
        .unwrap();
    let token = auth.get_reset_password_token(&Caller::cli(), &bob).unwrap();
    clock.advance(HOUR);
    let error = auth
        .update_password(&Caller::cli(), &bob, &token, &password("password2"))
        .unwrap_err();
    assert!(matches!(error, AuthError::AuthenticationFailed(_)));
    assert!(
        auth.valid_login(&Caller::cli(), &bob, &password("password1"))
            .unwrap()
    );
}

fn expired_sessions_and_tokens_are_pruned_and_live_ones_kept(db: &TestDb) {
    let (auth, clock) = db.auth_with_clock();
    let bob = email("bob@example.com");
    auth.register_user(&Caller::cli(), &bob, &password("password1"))
        .unwrap();
    auth.create_session(&Caller::cli(), &bob).unwrap();
    auth.get_reset_password_token(&Caller::cli(), &bob).unwrap();
    clock.advance(2 * HOUR);
    let fresh = auth.create_session(&Caller::cli(), &bob).unwrap().unwrap();
    assert_eq!(auth.prune_expired().unwrap(), 1, "the reset token");
    clock.advance(DAY - HOUR);
    assert_eq!(auth.prune_expired().unwrap(), 1, "the first session");
    assert!(auth.get_user_from_session_id(&fresh).unwrap().is_some());
    assert_eq!(auth.list_sessions(Some(&bob)).unwrap().len(), 1);
}

fn listings_count_only_live_sessions(db: &TestDb) {
    let (auth, clock) = db.auth_with_clock();
    let bob = email("bob@example.com");
    auth.register_user(&Caller::cli(), &bob, &password("password1"))
        .unwrap();
    auth.create_session(&Caller::cli(), &bob).unwrap();
    clock.advance(HOUR);
    auth.create_session(&Caller::cli(), &bob).unwrap();
    clock.advance(DAY - HOUR);
    let users = auth.list_users().unwrap();
    assert_eq!(users[0].live_sessions, 1);
    assert_eq!(auth.list_sessions(None).unwrap().len(), 1);
}

contract_tests! {
    a_session_works_just_inside_its_ttl_and_not_at_it,
    a_reset_token_works_just_inside_its_ttl,
    a_reset_token_fails_once_its_ttl_has_passed,
    expired_sessions_and_tokens_are_pruned_and_live_ones_kept,
    listings_count_only_live_sessions,
}
