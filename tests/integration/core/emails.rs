//! Email parsing and case-insensitive uniqueness.

use authctl::auth::{AuthError, Caller};
use authctl::domain::Email;

use super::support::{TestDb, email, password};

#[test]
fn well_formed_addresses_are_accepted() {
    for raw in [
        "bob@example.com",
        "Bob.Smith+tag@sub.example.co.uk",
        "élodie@exemple.fr",
        "用户@例子.广告",
        "a@b",
        "o'hara@example.com",
    ] {
        assert!(Email::parse(raw).is_ok(), "{raw} should be accepted");
    }
}

#[test]
fn malformed_addresses_are_refused_with_a_reason() {
    let too_long = format!("{}@example.com", "a".repeat(243));
    for raw in [
        "",
        "   ",
        "bob",
        "@example.com",
        "bob@",
        "bob@@example.com",
        "bob@exa@mple.com",
        "bob smith@example.com",
        "bob@exam\tple.com",
        "bob\u{0}@example.com",
        "bob\u{7f}@example.com",
        too_long.as_str(),
    ] {
        let error = Email::parse(raw).unwrap_err();
        assert_eq!(error.field(), "email", "{raw:?}");
        assert!(!error.reason().is_empty());
    }
}

#[test]
fn the_254_byte_limit_is_inclusive() {
    let exactly = format!("{}@example.com", "a".repeat(242));
    assert_eq!(exactly.len(), 254);
    assert!(Email::parse(&exactly).is_ok());
}

#[test]
fn surrounding_whitespace_is_trimmed() {
    let parsed = email("  bob@example.com\n");
    assert_eq!(parsed.as_str(), "bob@example.com");
}

#[test]
fn emails_are_unique_regardless_of_ascii_case() {
    let db = TestDb::new();
    let auth = db.auth();
    auth.register_user(&Caller::cli(), &email("Bob@X.com"), &password("password1"))
        .unwrap();
    let again = auth.register_user(&Caller::cli(), &email("bob@x.com"), &password("password1"));
    assert!(matches!(again, Err(AuthError::Conflict(_))));
}

#[test]
fn emails_are_unique_regardless_of_unicode_case() {
    let db = TestDb::new();
    let auth = db.auth();
    auth.register_user(
        &Caller::cli(),
        &email("ÉLODIE@x.io"),
        &password("password1"),
    )
    .unwrap();
    let again = auth.register_user(
        &Caller::cli(),
        &email("élodie@x.io"),
        &password("password1"),
    );
    assert!(matches!(again, Err(AuthError::Conflict(_))));
}

#[test]
fn an_accent_typed_as_one_code_point_or_two_is_one_account() {
    let db = TestDb::new();
    let auth = db.auth();
    let precomposed = "\u{e9}lodie@x.io";
    let decomposed = "e\u{301}lodie@x.io";
    let shouted = "E\u{301}LODIE@x.io";
    auth.register_user(&Caller::cli(), &email(precomposed), &password("password1"))
        .unwrap();
    for other in [decomposed, shouted] {
        let again = auth.register_user(&Caller::cli(), &email(other), &password("password1"));
        assert!(matches!(again, Err(AuthError::Conflict(_))), "{other:?}");
        assert!(
            auth.valid_login(&Caller::cli(), &email(other), &password("password1"))
                .unwrap()
        );
    }
    // Shown as typed, not normalised.
    let user = auth.find_user(&email(decomposed)).unwrap();
    assert_eq!(user.email.as_str(), precomposed);
}

#[test]
fn an_email_is_shown_as_first_registered_and_found_in_any_case() {
    let db = TestDb::new();
    let auth = db.auth();
    auth.register_user(
        &Caller::cli(),
        &email("ÉLODIE@X.io"),
        &password("password1"),
    )
    .unwrap();
    let user = auth.find_user(&email("élodie@x.IO")).unwrap();
    assert_eq!(user.email.as_str(), "ÉLODIE@X.io");
    assert!(
        auth.valid_login(
            &Caller::cli(),
            &email("élodie@x.io"),
            &password("password1")
        )
        .unwrap()
    );
}
