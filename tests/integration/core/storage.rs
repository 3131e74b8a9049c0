//! The database file itself: permissions, concurrent creation, bad files.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::sync::{Arc, Barrier};
use std::thread;

use authctl::auth::{Auth, AuthError, Caller};
use authctl::domain::Database;
use rusqlite::Connection;

use super::support::{TestDb, email, fast_policy, password};

fn mode(path: &std::path::Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_new_database_file_is_private_to_its_owner() {
    let db = TestDb::new();
    db.auth();
    assert_eq!(mode(&db.path), 0o600);
}

#[test]
fn folders_created_for_the_database_are_private() {
    let db = TestDb::new();
    let nested = db.folder().join("state").join("authctl").join("auth.db");
    Auth::open(&authctl::domain::Database::sqlite(&nested), fast_policy()).unwrap();
    assert_eq!(mode(nested.parent().unwrap()), 0o700);
    assert_eq!(mode(nested.parent().unwrap().parent().unwrap()), 0o700);
    assert_eq!(mode(&nested), 0o600);
}

#[test]
fn an_existing_folder_keeps_its_permissions() {
    let db = TestDb::new();
    fs::set_permissions(db.folder(), fs::Permissions::from_mode(0o750)).unwrap();
    db.auth();
    assert_eq!(mode(&db.folder()), 0o750);
}

#[test]
fn threads_opening_a_fresh_file_at_once_all_migrate_it() {
    let db = TestDb::new();
    let barrier = Arc::new(Barrier::new(8));
    let handles: Vec<_> = (0..8)
        .map(|_| {
            let (barrier, path) = (barrier.clone(), db.path.clone());
            thread::spawn(move || {
                barrier.wait();
                Auth::open(&authctl::domain::Database::sqlite(&path), fast_policy()).map(|_| ())
            })
        })
        .collect();
    for handle in handles {
        handle.join().unwrap().unwrap();
    }
    let conn = Connection::open(&db.path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .unwrap();
    assert_eq!(version, latest_schema_version());
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

#[test]
fn the_database_is_left_in_wal_mode() {
    let db = TestDb::new();
    db.auth();
    let conn = Connection::open(&db.path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |row| row.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn a_file_that_is_not_a_database_gives_a_clear_error() {
    let db = TestDb::new();
    fs::write(
        &db.path,
        b"this is a text file, not SQLite, and it is long enough",
    )
    .unwrap();
    let error = Auth::open(&authctl::domain::Database::sqlite(&db.path), fast_policy())
        .err()
        .unwrap();
    assert!(matches!(error, AuthError::Internal { .. }));
    assert!(error.to_string().contains("database"), "{error}");
    assert_eq!(
        fs::read(&db.path).unwrap(),
        b"this is a text file, not SQLite, and it is long enough"
    );
}

#[test]
fn a_database_in_a_folder_that_cannot_be_created_gives_a_clear_error() {
    let db = TestDb::new();
    let blocker = db.folder().join("file");
    fs::write(&blocker, b"").unwrap();
    let error = Auth::open(&Database::sqlite(blocker.join("auth.db")), fast_policy())
        .err()
        .unwrap();
    assert!(error.to_string().contains("database"), "{error}");
}

#[test]
fn open_existing_refuses_a_missing_file_and_creates_nothing() {
    let db = TestDb::new();
    let nested = db.folder().join("missing").join("auth.db");
    for path in [&db.path, &nested] {
        match Auth::open_existing(&authctl::domain::Database::sqlite(path), fast_policy()) {
            Err(missing @ AuthError::NoDatabase(_)) => {
                assert_eq!(
                    missing.to_string(),
                    format!("no database at {}", path.display())
                );
            }
            Err(other) => panic!("{other}"),
            Ok(_) => panic!("opened a database that does not exist"),
        }
        assert!(!path.exists());
    }
    assert!(!db.folder().join("missing").exists());
}

#[test]
fn open_existing_sees_what_open_wrote() {
    let db = TestDb::new();
    db.auth()
        .register_user(
            &Caller::cli(),
            &email("ann@example.com"),
            &password("long enough"),
        )
        .expect("register");
    let again = Auth::open_existing(&authctl::domain::Database::sqlite(&db.path), fast_policy())
        .expect("open the existing file");
    assert_eq!(again.list_users().expect("list").len(), 1);
}

/// The version a database opened by one process alone ends at.
fn latest_schema_version() -> i64 {
    let fresh = TestDb::new();
    fresh.auth();
    schema_version(&fresh.path)
}

fn schema_version(path: &std::path::Path) -> i64 {
    Connection::open(path)
        .and_then(|conn| conn.query_row("PRAGMA user_version", [], |row| row.get(0)))
        .unwrap()
}

/// Stands for a database written before email keys were NFC: the given
/// rows get their old (lowercase only) keys, and the schema version goes
/// back to before the re-keying migration.
fn with_keys_as_before_nfc(db: &TestDb, keys: &[(&str, &str)]) {
    let conn = Connection::open(&db.path).unwrap();
    for (email, old_key) in keys {
        conn.execute(
            "UPDATE users SET email_key = ?2 WHERE email = ?1",
            [email, old_key],
        )
        .unwrap();
    }
    conn.pragma_update(None, "user_version", 1).unwrap();
}

#[test]
fn an_older_database_gets_nfc_email_keys_on_open() {
    let db = TestDb::new();
    let decomposed = "E\u{301}lodie@x.io";
    db.auth()
        .register_user(&Caller::cli(), &email(decomposed), &password("password1"))
        .unwrap();
    with_keys_as_before_nfc(&db, &[(decomposed, "e\u{301}lodie@x.io")]);

    let auth = db.auth();
    assert_eq!(schema_version(&db.path), latest_schema_version());
    let precomposed = email("\u{e9}lodie@x.io");
    assert!(
        auth.valid_login(&Caller::cli(), &precomposed, &password("password1"))
            .unwrap()
    );
    let again = auth.register_user(&Caller::cli(), &precomposed, &password("password1"));
    assert!(matches!(again, Err(AuthError::Conflict(_))));
}

#[test]
fn re_keying_keeps_two_accounts_whose_new_keys_would_collide() {
    let db = TestDb::new();
    let auth = db.auth();
    let precomposed = "\u{e9}lodie@x.io";
    let decomposed = "e\u{301}lodie@x.io";
    auth.register_user(&Caller::cli(), &email(precomposed), &password("password1"))
        .unwrap();
    // Today the second is refused; an older version let it in under its own key.
    let conn = Connection::open(&db.path).unwrap();
    conn.execute(
        "INSERT INTO users (email, email_key, hashed_password, created_at, updated_at)
         SELECT ?1, ?1, hashed_password, created_at, updated_at FROM users",
        [decomposed],
    )
    .unwrap();
    drop(auth);
    with_keys_as_before_nfc(&db, &[]);

    let auth = db.auth();
    let emails: Vec<String> = auth
        .list_users()
        .unwrap()
        .iter()
        .map(|summary| summary.user.email.to_string())
        .collect();
    assert_eq!(emails, [precomposed, decomposed]);
    // Either spelling now reaches the first account.
    let found = auth.find_user(&email(decomposed)).unwrap();
    assert_eq!(found.email.as_str(), precomposed);
}
