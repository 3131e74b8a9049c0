//! Email parsing: what an address may look like.

use authctl::domain::Email;

use crate::support::db::email;

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
