//! Password rules: bcrypt's 72-byte limit, no NUL, stored hashes of any
//! bcrypt library, and secrets that never show in `Debug`.

use authctl::domain::{Password, PasswordHash, ResetToken, SessionToken};

use crate::support::db::password;

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
fn hashes_from_2a_and_2y_libraries_are_accepted() {
    let hash = bcrypt::hash("password", 4).unwrap();
    for prefix in ["$2a$", "$2y$"] {
        let other = format!("{prefix}{}", &hash[4..]);
        let parsed = PasswordHash::parse(&other).unwrap();
        assert!(bcrypt::verify("password", parsed.expose()).unwrap());
    }
    assert!(PasswordHash::parse("$1$notbcrypt").is_err());
    let body = &hash[7..];
    for malformed in [
        format!("$2b$1x${body}"),
        format!("$2b$04_{body}"),
        format!("$2b$04${}!", &body[1..]),
        format!("$2b$04${body}x"),
        format!("$2b$32${body}"),
    ] {
        assert!(PasswordHash::parse(&malformed).is_err(), "{malformed}");
    }
    assert_eq!(PasswordHash::parse(&hash).unwrap().cost(), 4);
    assert!(PasswordHash::parse(&format!("$2b$03${}", &hash[7..])).is_err());
}
