//! Operator calls: disable, delete, listings, rehash, import and export.

use authctl::auth::{AuthError, Caller, Credential, ImportOptions, ImportRow, Policy};
use authctl::domain::PasswordHash;

use crate::support::db::{TestDb, email, fast_policy, password};

fn a_disabled_user_cannot_log_in_or_reset_and_its_sessions_end(db: &TestDb) {
    let auth = db.auth();
    let bob = email("bob@example.com");
    auth.register_user(&Caller::cli(), &bob, &password("password1"))
        .unwrap();
    let (_, session) = auth
        .login(&Caller::cli(), &bob, &password("password1"))
        .unwrap();
    let token = auth.get_reset_password_token(&Caller::cli(), &bob).unwrap();

    let user = auth.disable_user(&Caller::cli(), &bob).unwrap();
    assert!(user.disabled);
    assert!(auth.get_user_from_session_id(&session).unwrap().is_none());
    assert!(matches!(
        auth.login(&Caller::cli(), &bob, &password("password1")),
        Err(AuthError::AuthenticationFailed(_))
    ));
    assert!(auth.create_session(&Caller::cli(), &bob).unwrap().is_none());
    assert!(matches!(
        auth.get_reset_password_token(&Caller::cli(), &bob),
        Err(AuthError::NotFound(_))
    ));
    assert!(
        auth.update_password(&Caller::cli(), &bob, &token, &password("password2"))
            .is_err()
    );
    assert_eq!(auth.list_sessions(Some(&bob)).unwrap().len(), 0);
}

fn a_disabled_users_login_costs_the_same_work_as_an_unknown_one(db: &TestDb) {
    let auth = db.auth();
    let bob = email("bob@example.com");
    auth.register_user(&Caller::cli(), &bob, &password("password1"))
        .unwrap();
    auth.disable_user(&Caller::cli(), &bob).unwrap();
    let before = auth.bcrypt_runs();
    let error = auth
        .login(&Caller::cli(), &bob, &password("password1"))
        .unwrap_err();
    assert_eq!(auth.bcrypt_runs() - before, 1);
    assert_eq!(error.to_string(), "wrong email or password");
}

fn enabling_restores_login(db: &TestDb) {
    let auth = db.auth();
    let bob = email("bob@example.com");
    auth.register_user(&Caller::cli(), &bob, &password("password1"))
        .unwrap();
    auth.disable_user(&Caller::cli(), &bob).unwrap();
    assert!(!auth.enable_user(&Caller::cli(), &bob).unwrap().disabled);
    auth.login(&Caller::cli(), &bob, &password("password1"))
        .unwrap();
}

fn deleting_a_user_removes_its_sessions_and_frees_the_email(db: &TestDb) {
    let auth = db.auth();
    let bob = email("bob@example.com");
    auth.register_user(&Caller::cli(), &bob, &password("password1"))
        .unwrap();
    let (_, session) = auth
        .login(&Caller::cli(), &bob, &password("password1"))
        .unwrap();
    auth.delete_user(&Caller::cli(), &bob).unwrap();
    assert!(auth.get_user_from_session_id(&session).unwrap().is_none());
    assert!(matches!(auth.find_user(&bob), Err(AuthError::NotFound(_))));
    assert!(matches!(
        auth.delete_user(&Caller::cli(), &bob),
        Err(AuthError::NotFound(_))
    ));
    auth.register_user(&Caller::cli(), &bob, &password("password2"))
        .unwrap();
}

fn admin_calls_on_an_unknown_email_are_not_found(db: &TestDb) {
    let auth = db.auth();
    let nobody = email("nobody@example.com");
    assert!(matches!(
        auth.disable_user(&Caller::cli(), &nobody),
        Err(AuthError::NotFound(_))
    ));
    assert!(matches!(
        auth.enable_user(&Caller::cli(), &nobody),
        Err(AuthError::NotFound(_))
    ));
    assert!(matches!(
        auth.revoke_sessions(&Caller::cli(), &nobody),
        Err(AuthError::NotFound(_))
    ));
    assert!(matches!(
        auth.list_sessions(Some(&nobody)),
        Err(AuthError::NotFound(_))
    ));
}

fn revoke_sessions_counts_and_ends_them(db: &TestDb) {
    let auth = db.auth();
    let bob = email("bob@example.com");
    auth.register_user(&Caller::cli(), &bob, &password("password1"))
        .unwrap();
    let sessions: Vec<_> = (0..3)
        .map(|_| auth.create_session(&Caller::cli(), &bob).unwrap().unwrap())
        .collect();
    assert_eq!(auth.revoke_sessions(&Caller::cli(), &bob).unwrap(), 3);
    for session in &sessions {
        assert!(auth.get_user_from_session_id(session).unwrap().is_none());
    }
}

fn session_listings_show_a_digest_prefix_never_the_token(db: &TestDb) {
    let auth = db.auth();
    let bob = email("bob@example.com");
    auth.register_user(&Caller::cli(), &bob, &password("password1"))
        .unwrap();
    let token = auth.create_session(&Caller::cli(), &bob).unwrap().unwrap();
    let sessions = auth.list_sessions(None).unwrap();
    assert_eq!(sessions.len(), 1);
    let shown = format!("{sessions:?}");
    assert!(!shown.contains(token.expose()));
    assert!(!shown.contains(&token.expose()[..8]));
    assert_eq!(sessions[0].digest_prefix, token.digest().hex_prefix(12));
}

fn list_users_reports_live_session_counts(db: &TestDb) {
    let auth = db.auth();
    for (name, sessions) in [("a@x.io", 2), ("b@x.io", 0)] {
        let user = email(name);
        auth.register_user(&Caller::cli(), &user, &password("password1"))
            .unwrap();
        for _ in 0..sessions {
            auth.create_session(&Caller::cli(), &user).unwrap();
        }
    }
    let users = auth.list_users().unwrap();
    let counts: Vec<_> = users
        .iter()
        .map(|s| (s.user.email.as_str().to_owned(), s.live_sessions))
        .collect();
    assert_eq!(counts, [("a@x.io".to_owned(), 2), ("b@x.io".to_owned(), 0)]);
}

fn a_login_moves_a_hash_of_another_cost_to_the_policy_cost(db: &TestDb) {
    let bob = email("bob@example.com");
    db.auth()
        .register_user(&Caller::cli(), &bob, &password("password1"))
        .unwrap();
    let stronger = db.auth_with(Policy {
        bcrypt_cost: 5,
        ..fast_policy()
    });
    let cost = || {
        stronger.export_users(&Caller::cli()).unwrap()[0]
            .hash
            .cost()
    };
    assert_eq!(cost(), 4);
    assert!(
        !stronger
            .valid_login(&Caller::cli(), &bob, &password("wrong one"))
            .unwrap()
    );
    assert_eq!(cost(), 4, "a failed login must not rehash");
    assert!(
        stronger
            .valid_login(&Caller::cli(), &bob, &password("password1"))
            .unwrap()
    );
    assert_eq!(cost(), 5);
    assert!(
        stronger
            .valid_login(&Caller::cli(), &bob, &password("password1"))
            .unwrap()
    );
}

fn row(line: usize, address: &str, secret: &str) -> ImportRow {
    ImportRow {
        line,
        email: email(address),
        credential: Credential::Password(password(secret)),
        created_at: None,
        disabled: false,
    }
}

fn an_import_hashes_plain_passwords_and_keeps_existing_hashes(db: &TestDb) {
    let auth = db.auth();
    // A hash as the Flask service wrote it, with the $2b$ prefix at cost 4.
    let flask_hash = bcrypt::hash("flask password", 4).unwrap();
    let rows = vec![
        row(2, "plain@example.com", "password1"),
        ImportRow {
            line: 3,
            email: email("flask@example.com"),
            credential: Credential::Hash(PasswordHash::parse(&flask_hash).unwrap()),
            created_at: None,
            disabled: false,
        },
    ];
    let calls = std::sync::atomic::AtomicUsize::new(0);
    let report = auth
        .import_users(&Caller::cli(), &rows, ImportOptions::default(), &|| {
            calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        })
        .unwrap();
    assert_eq!(report.created, 2);
    assert_eq!(calls.into_inner(), 2);
    assert!(
        auth.valid_login(
            &Caller::cli(),
            &email("plain@example.com"),
            &password("password1")
        )
        .unwrap()
    );
    assert!(
        auth.valid_login(
            &Caller::cli(),
            &email("flask@example.com"),
            &password("flask password")
        )
        .unwrap()
    );
}

fn an_import_with_a_duplicate_writes_nothing_and_names_the_line(db: &TestDb) {
    let auth = db.auth();
    auth.register_user(
        &Caller::cli(),
        &email("taken@example.com"),
        &password("password1"),
    )
    .unwrap();
    let rows = vec![
        row(2, "new@example.com", "password1"),
        row(3, "TAKEN@example.com", "password1"),
    ];
    let error = auth
        .import_users(&Caller::cli(), &rows, ImportOptions::default(), &|| {})
        .unwrap_err();
    assert!(matches!(error, AuthError::Conflict(_)));
    assert!(error.to_string().contains("line 3"), "{error}");
    assert!(matches!(
        auth.find_user(&email("new@example.com")),
        Err(AuthError::NotFound(_))
    ));
}

fn an_import_with_a_short_password_names_the_line_and_writes_nothing(db: &TestDb) {
    let auth = db.auth();
    let rows = vec![
        row(2, "a@example.com", "password1"),
        row(3, "b@example.com", "short"),
    ];
    let error = auth
        .import_users(&Caller::cli(), &rows, ImportOptions::default(), &|| {})
        .unwrap_err();
    assert!(
        matches!(&error, AuthError::InvalidRows(rows) if rows.len() == 1 && rows[0].line == 3),
        "{error}"
    );
    assert!(auth.list_users().unwrap().is_empty());
}

fn skip_existing_skips_users_already_stored(db: &TestDb) {
    let auth = db.auth();
    auth.register_user(
        &Caller::cli(),
        &email("taken@example.com"),
        &password("password1"),
    )
    .unwrap();
    let rows = vec![
        row(2, "taken@example.com", "password1"),
        row(3, "new@example.com", "password1"),
        row(4, "other@example.com", "password1"),
    ];
    let options = ImportOptions {
        skip_existing: true,
        ..ImportOptions::default()
    };
    let report = auth
        .import_users(&Caller::cli(), &rows, options, &|| {})
        .unwrap();
    assert_eq!(report.created, 2);
    assert_eq!(report.skipped_lines, [2]);
}

fn two_rows_for_one_email_are_refused_even_with_skip_existing(db: &TestDb) {
    let auth = db.auth();
    let rows = vec![
        row(2, "new@example.com", "password1"),
        row(3, "ann@example.com", "password1"),
        row(4, "NEW@example.com", "password1"),
    ];
    let options = ImportOptions {
        skip_existing: true,
        ..ImportOptions::default()
    };
    let error = auth
        .import_users(&Caller::cli(), &rows, options, &|| {})
        .unwrap_err();
    match error {
        AuthError::InvalidRows(rows) => {
            assert_eq!(rows.len(), 1, "{rows:?}");
            assert_eq!(rows[0].line, 4);
            assert!(rows[0].reason.contains("already on line 2"), "{rows:?}");
        }
        other => panic!("{other}"),
    }
    assert!(auth.list_users().unwrap().is_empty());
}

fn a_dry_run_reports_what_would_happen_and_writes_nothing(db: &TestDb) {
    let auth = db.auth();
    let rows = vec![
        row(2, "a@example.com", "password1"),
        row(3, "b@example.com", "password1"),
    ];
    let options = ImportOptions {
        dry_run: true,
        ..ImportOptions::default()
    };
    let report = auth
        .import_users(&Caller::cli(), &rows, options, &|| {})
        .unwrap();
    assert_eq!(report.created, 2);
    assert!(report.dry_run);
    assert!(auth.list_users().unwrap().is_empty());
}

fn export_returns_what_import_reads(source: &TestDb) {
    let auth = source.auth();
    for name in ["a@x.io", "b@x.io"] {
        auth.register_user(&Caller::cli(), &email(name), &password("password1"))
            .unwrap();
    }
    let rows: Vec<ImportRow> = auth
        .export_users(&Caller::cli())
        .unwrap()
        .into_iter()
        .enumerate()
        .map(|(i, user)| ImportRow {
            line: i + 1,
            email: user.email,
            credential: Credential::Hash(user.hash),
            created_at: Some(user.created_at),
            disabled: false,
        })
        .collect();
    let target = source.another();
    let copy = target.auth();
    copy.import_users(&Caller::cli(), &rows, ImportOptions::default(), &|| {})
        .unwrap();
    assert!(
        copy.valid_login(&Caller::cli(), &email("b@x.io"), &password("password1"))
            .unwrap()
    );
}

fn create_sessions_opens_one_live_session_per_known_user(db: &TestDb) {
    let auth = db.auth();
    let users = [email("a@x.io"), email("b@x.io"), email("c@x.io")];
    for user in &users[..2] {
        auth.register_user(&Caller::cli(), user, &password("password1"))
            .unwrap();
    }
    let tokens = auth.create_sessions(&Caller::cli(), &users).unwrap();
    assert!(tokens[2].is_none(), "unknown user");
    for (user, token) in users.iter().zip(&tokens).take(2) {
        let token = token.as_ref().unwrap();
        let found = auth.get_user_from_session_id(token).unwrap().unwrap();
        assert_eq!(&found.email, user);
    }
}

contract_tests! {
    a_disabled_user_cannot_log_in_or_reset_and_its_sessions_end,
    a_disabled_users_login_costs_the_same_work_as_an_unknown_one,
    enabling_restores_login,
    deleting_a_user_removes_its_sessions_and_frees_the_email,
    admin_calls_on_an_unknown_email_are_not_found,
    revoke_sessions_counts_and_ends_them,
    session_listings_show_a_digest_prefix_never_the_token,
    list_users_reports_live_session_counts,
    a_login_moves_a_hash_of_another_cost_to_the_policy_cost,
    an_import_hashes_plain_passwords_and_keeps_existing_hashes,
    an_import_with_a_duplicate_writes_nothing_and_names_the_line,
    an_import_with_a_short_password_names_the_line_and_writes_nothing,
    skip_existing_skips_users_already_stored,
    two_rows_for_one_email_are_refused_even_with_skip_existing,
    a_dry_run_reports_what_would_happen_and_writes_nothing,
    export_returns_what_import_reads,
    create_sessions_opens_one_live_session_per_known_user,
}
