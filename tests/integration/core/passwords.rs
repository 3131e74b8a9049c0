//! Password rules: bcrypt's 72-byte limit, no truncation, no mangling.

use authctl::auth::{AuthError, Caller, Policy};
use authctl::domain::{Password, PasswordHash, ResetToken, SessionToken};

use super::support::{TestDb, email, fast_policy, password};

#[test]
fn exactly_72_bytes_are_accepted_and_all_of_them_count() {
    let db = TestDb::new();
    let auth = db.auth();
    let bob = email("bob@example.com");
    let long = "a".repeat(72);
    auth.register_user(&Caller::cli(), &bob, &password(&long))
        .unwrap();
    assert!(
        auth.valid_login(&Caller::cli(), &bob, &password(&long))
            .unwrap()
    );
    let last_byte_differs = format!("{}b", "a".repeat(71));
    assert!(
        !auth
            .valid_login(&Caller::cli(), &bob, &password(&last_byte_differs))
            .unwrap()
    );
}

#[test]
fn seventy_three_bytes_are_refused_not_truncated() {
    let error = Password::parse("a".repeat(73)).unwrap_err();
    assert_eq!(error.field(), "password");
    assert!(error.reason().contains("72 bytes"), "{error}");
}

#[test]
fn length_is_counted_in_bytes_for_multibyte_characters() {
    // 'é' is two bytes in UTF-8: 36 of them fill bcrypt exactly, 37 overflow.
    assert!(Password::parse("é".repeat(36)).is_ok());
    assert!(Password::parse("é".repeat(37)).is_err());
    // Four-byte emoji: 18 fit, 19 do not.
    assert!(Password::parse("🔑".repeat(18)).is_ok());
    assert!(Password::parse("🔑".repeat(19)).is_err());
}

#[test]
fn a_nul_character_is_refused() {
    let error = Password::parse("pass\0word").unwrap_err();
    assert!(error.reason().contains("NUL"));
}

#[test]
fn an_empty_password_is_refused() {
    assert!(Password::parse("").is_err());
}

#[test]
fn leading_trailing_and_inner_spaces_are_kept() {
    let db = TestDb::new();
    let auth = db.auth();
    let bob = email("bob@example.com");
    auth.register_user(&Caller::cli(), &bob, &password("  two  spaces  "))
        .unwrap();
    assert!(
        auth.valid_login(&Caller::cli(), &bob, &password("  two  spaces  "))
            .unwrap()
    );
    assert!(
        !auth
            .valid_login(&Caller::cli(), &bob, &password("two  spaces"))
            .unwrap()
    );
    assert!(
        !auth
            .valid_login(&Caller::cli(), &bob, &password("  two spaces  "))
            .unwrap()
    );
}

#[test]
fn unicode_passwords_round_trip_without_case_folding() {
    let db = TestDb::new();
    let auth = db.auth();
    let bob = email("bob@example.com");
    auth.register_user(&Caller::cli(), &bob, &password("Ünïcødé 🔐 pässwörd"))
        .unwrap();
    assert!(
        auth.valid_login(&Caller::cli(), &bob, &password("Ünïcødé 🔐 pässwörd"))
            .unwrap()
    );
    assert!(
        !auth
            .valid_login(&Caller::cli(), &bob, &password("ünïcødé 🔐 pässwörd"))
            .unwrap()
    );
}

#[test]
fn the_minimum_length_applies_to_new_passwords_in_characters() {
    let db = TestDb::new();
    let auth = db.auth();
    let short = auth.register_user(
        &Caller::cli(),
        &email("a@example.com"),
        &password("seven77"),
    );
    assert!(matches!(short, Err(AuthError::InvalidInput(_))));
    // Eight characters, sixteen bytes.
    auth.register_user(
        &Caller::cli(),
        &email("b@example.com"),
        &password("éééééééé"),
    )
    .unwrap();
}

#[test]
fn raising_the_minimum_does_not_lock_out_existing_passwords() {
    let db = TestDb::new();
    let bob = email("bob@example.com");
    db.auth()
        .register_user(&Caller::cli(), &bob, &password("password1"))
        .unwrap();
    let strict = db.auth_with(Policy {
        min_password_length: 15,
        ..fast_policy()
    });
    assert!(
        strict
            .valid_login(&Caller::cli(), &bob, &password("password1"))
            .unwrap()
    );
}

#[test]
fn a_minimum_of_one_reproduces_the_original_leniency() {
    let db = TestDb::new();
    let lenient = db.auth_with(Policy {
        min_password_length: 1,
        ..fast_policy()
    });
    lenient
        .register_user(&Caller::cli(), &email("bob@example.com"), &password("x"))
        .unwrap();
}

#[test]
fn password_debug_output_never_shows_the_secret() {
    let secret = password("hunter2 is my password");
    let shown = format!("{secret:?}");
    assert!(!shown.contains("hunter2"), "{shown}");
}

#[test]
fn debug_output_of_tokens_and_hashes_never_shows_them() {
    let session = SessionToken::generate();
    let reset = ResetToken::generate();
    let hash = PasswordHash::parse(&bcrypt::hash("some password", 4).unwrap()).unwrap();
    let shown = [
        (session.expose().to_owned(), format!("{session:?}")),
        (reset.expose().to_owned(), format!("{reset:?}")),
        (hash.expose().to_owned(), format!("{hash:?}")),
    ];
    for (secret, debug) in shown {
        // The hash's salt and digest, the token's random part.
        let tail = &secret[secret.len() - 20..];
        assert!(!debug.contains(tail), "{debug}");
    }
}

#[test]
fn an_out_of_range_bcrypt_cost_is_refused_at_open() {
    let db = TestDb::new();
    for cost in [3, 32] {
        let policy = Policy {
            bcrypt_cost: cost,
            ..fast_policy()
        };
        assert!(matches!(
            authctl::auth::Auth::open(&authctl::domain::Database::sqlite(&db.path), policy),
            Err(AuthError::InvalidInput(_))
        ));
    }
}
