//! The password blocklist: the built-in list, the operator's list that every
//! instance on one database shares, and the account's own email, refused as
//! new passwords; passwords set before stay usable.

use authctl::auth::{
    Auth, AuthError, Caller, Credential, ImportOptions, ImportRow, Policy, TooCommon,
};
use authctl::domain::{BlockedWord, PasswordHash};

use crate::support::db::{TestDb, blocklist_policy, email, fast_policy, password};

fn words(raw: &[&str]) -> Vec<BlockedWord> {
    raw.iter().map(|w| BlockedWord::parse(w).unwrap()).collect()
}

fn refusal(outcome: Result<impl std::fmt::Debug, AuthError>) -> TooCommon {
    match outcome {
        Err(AuthError::TooCommon(reason)) => reason,
        other => panic!("expected a too-common refusal, got {other:?}"),
    }
}

fn block(auth: &Auth, raw: &[&str]) {
    auth.block_passwords(&Caller::cli(), &words(raw)).unwrap();
}

fn a_built_in_password_is_refused_in_any_case_at_registration_and_reset(db: &TestDb) {
    let auth = db.auth_with(blocklist_policy());
    let ann = email("ann@example.com");
    for listed in ["password123", "PassWord123", "ILOVEYOU"] {
        let outcome = auth.register_user(&Caller::cli(), &ann, &password(listed));
        assert_eq!(refusal(outcome), TooCommon::BuiltinList, "{listed}");
    }
    assert!(auth.list_users().unwrap().is_empty());

    auth.register_user(&Caller::cli(), &ann, &password("correct horse battery"))
        .unwrap();
    let token = auth.get_reset_password_token(&Caller::cli(), &ann).unwrap();
    let outcome = auth.update_password(&Caller::cli(), &ann, &token, &password("Sunshine1"));
    assert_eq!(refusal(outcome), TooCommon::BuiltinList);
    // The refusal came before the token was looked at: it still works.
    auth.update_password(
        &Caller::cli(),
        &ann,
        &token,
        &password("a better passphrase"),
    )
    .unwrap();
}

fn turning_the_built_in_list_off_lets_its_words_through(db: &TestDb) {
    let auth = db.auth_with(Policy {
        builtin_blocklist: false,
        ..blocklist_policy()
    });
    auth.register_user(
        &Caller::cli(),
        &email("ann@example.com"),
        &password("password123"),
    )
    .unwrap();
}

fn the_email_its_local_part_and_the_service_name_are_refused_with_or_without_the_list(db: &TestDb) {
    for builtin_blocklist in [true, false] {
        let auth = db.auth_with(Policy {
            min_password_length: 1,
            builtin_blocklist,
            ..fast_policy()
        });
        let zoe = email("Zo\u{eb}.Martin@Example.com");
        let cases = [
            ("zoe\u{308}.martin@example.com", TooCommon::Email),
            ("ZO\u{cb}.MARTIN", TooCommon::EmailLocalPart),
            ("AuthCtl", TooCommon::ServiceName),
        ];
        for (candidate, expected) in cases {
            let outcome = auth.register_user(&Caller::cli(), &zoe, &password(candidate));
            assert_eq!(refusal(outcome), expected, "{candidate}");
        }
        // Someone else's address is no one's local part here.
        auth.register_user(&Caller::cli(), &zoe, &password("zoe.martin@example.org"))
            .unwrap();
        auth.delete_user(&Caller::cli(), &zoe).unwrap();
    }
}

fn a_word_listed_through_one_instance_is_refused_by_another_at_once(db: &TestDb) {
    let operator = db.auth();
    let server = db.auth();
    let ann = email("ann@example.com");
    // The server checks once before the word is listed, as a running
    // process would have.
    server
        .check_new_password(&ann, &password("Acme Rocks 2024"))
        .unwrap();

    block(&operator, &["acme rocks 2024"]);

    let outcome = server.register_user(&Caller::cli(), &ann, &password("ACME ROCKS 2024"));
    assert_eq!(refusal(outcome), TooCommon::OperatorList);
    assert_eq!(server.count_blocked_passwords().unwrap(), 1);
}

fn a_password_set_before_its_word_was_listed_still_logs_in(db: &TestDb) {
    let auth = db.auth();
    let ann = email("ann@example.com");
    auth.register_user(&Caller::cli(), &ann, &password("Acme Rocks 2024"))
        .unwrap();
    block(&auth, &["Acme Rocks 2024"]);

    auth.login(&Caller::cli(), &ann, &password("Acme Rocks 2024"))
        .unwrap();
    let token = auth.get_reset_password_token(&Caller::cli(), &ann).unwrap();
    let outcome = auth.update_password(&Caller::cli(), &ann, &token, &password("acme rocks 2024"));
    assert_eq!(refusal(outcome), TooCommon::OperatorList);
}

fn removing_a_word_lets_it_through_again(db: &TestDb) {
    let auth = db.auth();
    block(&auth, &["acme2024", "acme2025"]);
    let unblocked = auth
        .unblock_passwords(&Caller::cli(), &words(&["ACME2024"]), false)
        .unwrap();
    assert_eq!(unblocked.removed, words(&["acme2024"]));
    assert!(unblocked.not_listed.is_empty());
    auth.register_user(
        &Caller::cli(),
        &email("ann@example.com"),
        &password("Acme2024"),
    )
    .unwrap();
    assert_eq!(auth.blocked_passwords().unwrap(), words(&["acme2025"]));
}

fn removing_an_unlisted_word_removes_nothing_unless_told_to_ignore_it(db: &TestDb) {
    let auth = db.auth();
    block(&auth, &["acme2024"]);
    let named = words(&["acme2024", "acme2O24"]);
    let error = auth
        .unblock_passwords(&Caller::cli(), &named, false)
        .unwrap_err();
    assert!(
        matches!(&error, AuthError::NotFound(text) if text.contains("acme2o24")),
        "{error}"
    );
    assert_eq!(auth.count_blocked_passwords().unwrap(), 1);

    let unblocked = auth
        .unblock_passwords(&Caller::cli(), &named, true)
        .unwrap();
    assert_eq!(unblocked.removed, words(&["acme2024"]));
    assert_eq!(unblocked.not_listed, words(&["acme2o24"]));
    assert_eq!(auth.count_blocked_passwords().unwrap(), 0);
}

fn adding_words_reports_the_new_ones_once_each(db: &TestDb) {
    let auth = db.auth();
    let first = auth
        .block_passwords(&Caller::cli(), &words(&["One", "one", "two"]))
        .unwrap();
    assert_eq!((first.added, first.already_listed), (2, 0));
    let second = auth
        .block_passwords(&Caller::cli(), &words(&["TWO", "three"]))
        .unwrap();
    assert_eq!((second.added, second.already_listed), (1, 1));
    assert_eq!(
        auth.blocked_passwords().unwrap(),
        words(&["one", "three", "two"])
    );
}

fn import_names_every_too_common_row_and_imports_nothing(db: &TestDb) {
    let auth = db.auth_with(blocklist_policy());
    block(&auth, &["acme rocks 2024"]);
    let row = |line: usize, address: &str, secret: &str| ImportRow {
        line,
        email: email(address),
        credential: Credential::Password(password(secret)),
        created_at: None,
        disabled: false,
    };
    let listed_hash = PasswordHash::parse(&bcrypt::hash("password123", 4).unwrap()).unwrap();
    let rows = vec![
        row(2, "fine@example.com", "correct horse battery"),
        row(3, "built@example.com", "Password123"),
        row(4, "jean.dupont@example.com", "Jean.Dupont"),
        row(5, "acme@example.com", "ACME ROCKS 2024"),
        // A hash carries an existing password: never checked.
        ImportRow {
            line: 6,
            email: email("hashed@example.com"),
            credential: Credential::Hash(listed_hash),
            created_at: None,
            disabled: false,
        },
    ];
    for dry_run in [true, false] {
        let options = ImportOptions {
            dry_run,
            ..ImportOptions::default()
        };
        let error = auth
            .import_users(&Caller::cli(), &rows, options, &|| {})
            .unwrap_err();
        let AuthError::InvalidRows(refused) = error else {
            panic!("expected bad rows, got {error:?}");
        };
        let named: Vec<(usize, &str)> = refused
            .iter()
            .map(|row| (row.line, row.reason.as_str()))
            .collect();
        assert_eq!(
            named,
            [
                (
                    3,
                    "password is too common: it is on the built-in list of common passwords"
                ),
                (
                    4,
                    "password is too common: it is the account's email address up to the @"
                ),
                (
                    5,
                    "password is too common: it is on this database's password blocklist"
                ),
            ],
            "dry run: {dry_run}"
        );
    }
    assert!(auth.list_users().unwrap().is_empty());
}

contract_tests! {
    a_built_in_password_is_refused_in_any_case_at_registration_and_reset,
    turning_the_built_in_list_off_lets_its_words_through,
    the_email_its_local_part_and_the_service_name_are_refused_with_or_without_the_list,
    a_word_listed_through_one_instance_is_refused_by_another_at_once,
    a_password_set_before_its_word_was_listed_still_logs_in,
    removing_a_word_lets_it_through_again,
    removing_an_unlisted_word_removes_nothing_unless_told_to_ignore_it,
    adding_words_reports_the_new_ones_once_each,
    import_names_every_too_common_row_and_imports_nothing,
}
