//! The Flask service's `Auth` behaviour, operation by operation.

use authctl::auth::{AuthError, Caller};
use authctl::domain::{ResetToken, SessionToken};

use crate::support::db::{TestDb, email, password};

fn register_user_returns_the_new_user(db: &TestDb) {
    let user = db
        .auth()
        .register_user(
            &Caller::cli(),
            &email("bob@example.com"),
            &password("correct horse"),
        )
        .unwrap();
    assert_eq!(user.email.as_str(), "bob@example.com");
    assert!(!user.disabled);
}

fn registering_an_existing_email_fails_with_the_original_message(db: &TestDb) {
    let auth = db.auth();
    auth.register_user(
        &Caller::cli(),
        &email("bob@example.com"),
        &password("password1"),
    )
    .unwrap();
    let error = auth
        .register_user(
            &Caller::cli(),
            &email("bob@example.com"),
            &password("password2"),
        )
        .unwrap_err();
    assert!(matches!(error, AuthError::Conflict(_)));
    assert_eq!(error.to_string(), "User bob@example.com already exists");
}

fn valid_login_is_true_only_for_the_right_password(db: &TestDb) {
    let auth = db.auth();
    auth.register_user(
        &Caller::cli(),
        &email("bob@example.com"),
        &password("password1"),
    )
    .unwrap();
    assert!(
        auth.valid_login(
            &Caller::cli(),
            &email("bob@example.com"),
            &password("password1")
        )
        .unwrap()
    );
    assert!(
        !auth
            .valid_login(
                &Caller::cli(),
                &email("bob@example.com"),
                &password("password2")
            )
            .unwrap()
    );
    assert!(
        !auth
            .valid_login(
                &Caller::cli(),
                &email("nobody@example.com"),
                &password("password1")
            )
            .unwrap()
    );
}

fn create_session_for_an_unknown_email_gives_nothing(db: &TestDb) {
    assert!(
        db.auth()
            .create_session(&Caller::cli(), &email("nobody@example.com"))
            .unwrap()
            .is_none()
    );
}

fn a_created_session_finds_its_user_and_each_session_is_new(db: &TestDb) {
    let auth = db.auth();
    let bob = email("bob@example.com");
    auth.register_user(&Caller::cli(), &bob, &password("password1"))
        .unwrap();
    let first = auth.create_session(&Caller::cli(), &bob).unwrap().unwrap();
    let second = auth.create_session(&Caller::cli(), &bob).unwrap().unwrap();
    assert_ne!(first.expose(), second.expose());
    for token in [&first, &second] {
        let user = auth.get_user_from_session_id(token).unwrap().unwrap();
        assert_eq!(user.email, bob);
    }
}

fn an_unknown_session_id_finds_no_user(db: &TestDb) {
    let stranger = SessionToken::generate();
    assert!(
        db.auth()
            .get_user_from_session_id(&stranger)
            .unwrap()
            .is_none()
    );
}

fn login_with_a_wrong_password_or_unknown_email_fails_alike(db: &TestDb) {
    let auth = db.auth();
    auth.register_user(
        &Caller::cli(),
        &email("bob@example.com"),
        &password("password1"),
    )
    .unwrap();
    let wrong = auth
        .login(
            &Caller::cli(),
            &email("bob@example.com"),
            &password("password2"),
        )
        .unwrap_err();
    let unknown = auth
        .login(
            &Caller::cli(),
            &email("eve@example.com"),
            &password("password1"),
        )
        .unwrap_err();
    assert!(matches!(wrong, AuthError::AuthenticationFailed(_)));
    assert_eq!(wrong.to_string(), unknown.to_string());
}

fn an_unknown_email_costs_exactly_one_bcrypt_run_like_a_wrong_password(db: &TestDb) {
    db.auth()
        .register_user(
            &Caller::cli(),
            &email("bob@example.com"),
            &password("password1"),
        )
        .unwrap();
    // A fresh instance, as each CLI command is: its first unknown email
    // makes the dummy hash, and that must be the only run.
    let auth = db.auth();
    let runs = |login: &dyn Fn()| {
        let before = auth.bcrypt_runs();
        login();
        auth.bcrypt_runs() - before
    };
    let unknown = || {
        drop(auth.login(
            &Caller::cli(),
            &email("eve@example.com"),
            &password("password2"),
        ))
    };
    let wrong = || {
        drop(auth.login(
            &Caller::cli(),
            &email("bob@example.com"),
            &password("password2"),
        ))
    };
    assert_eq!(runs(&unknown), 1, "the first unknown email");
    assert_eq!(runs(&unknown), 1, "a later unknown email");
    assert_eq!(runs(&wrong), 1, "a wrong password");
}

fn destroy_session_ends_every_session_of_the_user(db: &TestDb) {
    let auth = db.auth();
    let bob = email("bob@example.com");
    let user = auth
        .register_user(&Caller::cli(), &bob, &password("password1"))
        .unwrap();
    let phone = auth.create_session(&Caller::cli(), &bob).unwrap().unwrap();
    let laptop = auth.create_session(&Caller::cli(), &bob).unwrap().unwrap();
    auth.destroy_session(&Caller::cli(), user.id).unwrap();
    assert!(auth.get_user_from_session_id(&phone).unwrap().is_none());
    assert!(auth.get_user_from_session_id(&laptop).unwrap().is_none());
}

fn end_session_ends_only_that_session_and_fails_the_second_time(db: &TestDb) {
    let auth = db.auth();
    let bob = email("bob@example.com");
    auth.register_user(&Caller::cli(), &bob, &password("password1"))
        .unwrap();
    let phone = auth.create_session(&Caller::cli(), &bob).unwrap().unwrap();
    let laptop = auth.create_session(&Caller::cli(), &bob).unwrap().unwrap();
    auth.end_session(&Caller::cli(), &phone).unwrap();
    assert!(auth.get_user_from_session_id(&phone).unwrap().is_none());
    assert!(auth.get_user_from_session_id(&laptop).unwrap().is_some());
    assert!(matches!(
        auth.end_session(&Caller::cli(), &phone),
        Err(AuthError::AuthenticationFailed(_))
    ));
}

fn get_reset_password_token_for_an_unknown_email_is_not_found(db: &TestDb) {
    assert!(matches!(
        db.auth()
            .get_reset_password_token(&Caller::cli(), &email("nobody@example.com")),
        Err(AuthError::NotFound(_))
    ));
}

fn update_password_with_an_unknown_token_fails(db: &TestDb) {
    let auth = db.auth();
    auth.register_user(
        &Caller::cli(),
        &email("bob@example.com"),
        &password("password1"),
    )
    .unwrap();
    let error = auth
        .update_password(
            &Caller::cli(),
            &email("bob@example.com"),
            &ResetToken::generate(),
            &password("password2"),
        )
        .unwrap_err();
    assert!(matches!(error, AuthError::AuthenticationFailed(_)));
}

fn a_reset_token_changes_the_password_once(db: &TestDb) {
    let auth = db.auth();
    let bob = email("bob@example.com");
    auth.register_user(&Caller::cli(), &bob, &password("password1"))
        .unwrap();
    let token = auth.get_reset_password_token(&Caller::cli(), &bob).unwrap();
    auth.update_password(&Caller::cli(), &bob, &token, &password("password2"))
        .unwrap();
    assert!(
        !auth
            .valid_login(&Caller::cli(), &bob, &password("password1"))
            .unwrap()
    );
    assert!(
        auth.valid_login(&Caller::cli(), &bob, &password("password2"))
            .unwrap()
    );
    let again = auth.update_password(&Caller::cli(), &bob, &token, &password("password3"));
    assert!(matches!(again, Err(AuthError::AuthenticationFailed(_))));
    assert!(
        auth.valid_login(&Caller::cli(), &bob, &password("password2"))
            .unwrap()
    );
}

fn a_new_reset_request_invalidates_the_previous_token(db: &TestDb) {
    let auth = db.auth();
    let bob = email("bob@example.com");
    auth.register_user(&Caller::cli(), &bob, &password("password1"))
        .unwrap();
    let old = auth.get_reset_password_token(&Caller::cli(), &bob).unwrap();
    let new = auth.get_reset_password_token(&Caller::cli(), &bob).unwrap();
    assert!(
        auth.update_password(&Caller::cli(), &bob, &old, &password("password2"))
            .is_err()
    );
    auth.update_password(&Caller::cli(), &bob, &new, &password("password2"))
        .unwrap();
}

fn a_reset_token_is_bound_to_its_users_email(db: &TestDb) {
    let auth = db.auth();
    let bob = email("bob@example.com");
    let eve = email("eve@example.com");
    auth.register_user(&Caller::cli(), &bob, &password("password1"))
        .unwrap();
    auth.register_user(&Caller::cli(), &eve, &password("password1"))
        .unwrap();
    let bobs = auth.get_reset_password_token(&Caller::cli(), &bob).unwrap();
    let error = auth
        .update_password(&Caller::cli(), &eve, &bobs, &password("hijacked!"))
        .unwrap_err();
    assert!(matches!(error, AuthError::AuthenticationFailed(_)));
    assert!(
        auth.valid_login(&Caller::cli(), &eve, &password("password1"))
            .unwrap()
    );
    auth.update_password(&Caller::cli(), &bob, &bobs, &password("password2"))
        .unwrap();
}

fn changing_the_password_ends_every_session(db: &TestDb) {
    let auth = db.auth();
    let bob = email("bob@example.com");
    auth.register_user(&Caller::cli(), &bob, &password("password1"))
        .unwrap();
    let (_, session) = auth
        .login(&Caller::cli(), &bob, &password("password1"))
        .unwrap();
    let token = auth.get_reset_password_token(&Caller::cli(), &bob).unwrap();
    auth.update_password(&Caller::cli(), &bob, &token, &password("password2"))
        .unwrap();
    assert!(auth.get_user_from_session_id(&session).unwrap().is_none());
}

fn update_password_enforces_the_length_policy_and_keeps_the_token(db: &TestDb) {
    let auth = db.auth();
    let bob = email("bob@example.com");
    auth.register_user(&Caller::cli(), &bob, &password("password1"))
        .unwrap();
    let token = auth.get_reset_password_token(&Caller::cli(), &bob).unwrap();
    let error = auth
        .update_password(&Caller::cli(), &bob, &token, &password("short"))
        .unwrap_err();
    assert!(matches!(error, AuthError::InvalidInput(_)));
    auth.update_password(&Caller::cli(), &bob, &token, &password("long enough"))
        .unwrap();
}

contract_tests! {
    register_user_returns_the_new_user,
    registering_an_existing_email_fails_with_the_original_message,
    valid_login_is_true_only_for_the_right_password,
    create_session_for_an_unknown_email_gives_nothing,
    a_created_session_finds_its_user_and_each_session_is_new,
    an_unknown_session_id_finds_no_user,
    login_with_a_wrong_password_or_unknown_email_fails_alike,
    an_unknown_email_costs_exactly_one_bcrypt_run_like_a_wrong_password,
    destroy_session_ends_every_session_of_the_user,
    end_session_ends_only_that_session_and_fails_the_second_time,
    get_reset_password_token_for_an_unknown_email_is_not_found,
    update_password_with_an_unknown_token_fails,
    a_reset_token_changes_the_password_once,
    a_new_reset_request_invalidates_the_previous_token,
    a_reset_token_is_bound_to_its_users_email,
    changing_the_password_ends_every_session,
    update_password_enforces_the_length_policy_and_keeps_the_token,
}
