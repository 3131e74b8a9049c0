//! Case- and accent-insensitive uniqueness of emails.

use authctl::auth::{AuthError, Caller};

use crate::support::db::{TestDb, email, password};

fn emails_are_unique_regardless_of_ascii_case(db: &TestDb) {
    let auth = db.auth();
    auth.register_user(&Caller::cli(), &email("Bob@X.com"), &password("password1"))
        .unwrap();
    let again = auth.register_user(&Caller::cli(), &email("bob@x.com"), &password("password1"));
    assert!(matches!(again, Err(AuthError::Conflict(_))));
}

fn emails_are_unique_regardless_of_unicode_case(db: &TestDb) {
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

fn an_accent_typed_as_one_code_point_or_two_is_one_account(db: &TestDb) {
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

fn an_email_is_shown_as_first_registered_and_found_in_any_case(db: &TestDb) {
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

contract_tests! {
    emails_are_unique_regardless_of_ascii_case,
    emails_are_unique_regardless_of_unicode_case,
    an_accent_typed_as_one_code_point_or_two_is_one_account,
    an_email_is_shown_as_first_registered_and_found_in_any_case,
}
