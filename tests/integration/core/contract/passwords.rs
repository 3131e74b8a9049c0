//! Passwords through the auth layer: bcrypt's 72 bytes all count, nothing
//! is trimmed or case-folded, and the minimum length applies to new ones.

use authctl::auth::{AuthError, Caller, Policy};

use crate::support::db::{TestDb, email, fast_policy, password};

fn exactly_72_bytes_are_accepted_and_all_of_them_count(db: &TestDb) {
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

fn leading_trailing_and_inner_spaces_are_kept(db: &TestDb) {
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

fn unicode_passwords_round_trip_without_case_folding(db: &TestDb) {
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

fn the_minimum_length_applies_to_new_passwords_in_characters(db: &TestDb) {
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

fn raising_the_minimum_does_not_lock_out_existing_passwords(db: &TestDb) {
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

fn a_minimum_of_one_reproduces_the_original_leniency(db: &TestDb) {
    let lenient = db.auth_with(Policy {
        min_password_length: 1,
        ..fast_policy()
    });
    lenient
        .register_user(&Caller::cli(), &email("bob@example.com"), &password("x"))
        .unwrap();
}

contract_tests! {
    exactly_72_bytes_are_accepted_and_all_of_them_count,
    leading_trailing_and_inner_spaces_are_kept,
    unicode_passwords_round_trip_without_case_folding,
    the_minimum_length_applies_to_new_passwords_in_characters,
    raising_the_minimum_does_not_lock_out_existing_passwords,
    a_minimum_of_one_reproduces_the_original_leniency,
}
