//! The database file itself: permissions, WAL, concurrent creation, and
//! files that cannot be used.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::sync::{Arc, Barrier};
use std::thread;

use authctl::auth::{Auth, AuthError};
use authctl::domain::Database;

use crate::support::db::{
    SqliteFile, error_chain, fast_policy, integrity_check, latest_schema_version, schema_version,
};

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_new_database_file_is_private_to_its_owner() {
    let db = SqliteFile::new();
    db.auth();
    assert_eq!(mode(db.path()), 0o600);
}

#[test]
fn folders_created_for_the_database_are_private() {
    let db = SqliteFile::new();
    let nested = db.folder().join("state").join("authctl").join("auth.db");
    Auth::open(&Database::sqlite(&nested), fast_policy()).unwrap();
    assert_eq!(mode(nested.parent().unwrap()), 0o700);
    assert_eq!(mode(nested.parent().unwrap().parent().unwrap()), 0o700);
    assert_eq!(mode(&nested), 0o600);
}

#[test]
fn an_existing_folder_keeps_its_permissions() {
    let db = SqliteFile::new();
    fs::set_permissions(db.folder(), fs::Permissions::from_mode(0o750)).unwrap();
    db.auth();
    assert_eq!(mode(db.folder()), 0o750);
}

#[test]
fn threads_opening_a_fresh_file_at_once_all_migrate_it() {
    let db = SqliteFile::new();
    let barrier = Arc::new(Barrier::new(8));
    let handles: Vec<_> = (0..8)
        .map(|_| {
            let (barrier, database) = (barrier.clone(), db.database());
            thread::spawn(move || {
                barrier.wait();
                Auth::open(&database, fast_policy()).map(|_| ())
            })
        })
        .collect();
    for handle in handles {
        handle.join().unwrap().unwrap();
    }
    assert_eq!(schema_version(db.path()), latest_schema_version());
    assert_eq!(integrity_check(db.path()), "ok");
}

#[test]
fn the_database_is_left_in_wal_mode() {
    let db = SqliteFile::new();
    db.auth();
    let mode: String = db
        .connect()
        .query_row("PRAGMA journal_mode", [], |row| row.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn a_file_that_is_not_a_database_gives_a_clear_error() {
    let db = SqliteFile::new();
    let text = b"this is a text file, not SQLite, and it is long enough";
    fs::write(db.path(), text).unwrap();
    let error = Auth::open(&db.database(), fast_policy()).err().unwrap();
    assert!(matches!(error, AuthError::ForeignDatabase(_)), "{error:?}");
    assert!(
        error.to_string().contains("not an SQLite database"),
        "{error}"
    );
    // What the command line prints: the error with its causes.
    let message = error_chain(&error);
    assert!(
        message.contains("is not an authctl database")
            && message.contains(&db.path().display().to_string()),
        "{message}"
    );
    assert_eq!(fs::read(db.path()).unwrap(), text);
}

#[test]
fn a_database_in_a_folder_that_cannot_be_created_gives_a_clear_error() {
    let db = SqliteFile::new();
    let blocker = db.folder().join("file");
    fs::write(&blocker, b"").unwrap();
    // The database's folder is a file; then a folder to be made inside it.
    for (path, attempt, named) in [
        (
            blocker.join("auth.db"),
            "cannot create the database file",
            blocker.join("auth.db"),
        ),
        (
            blocker.join("state").join("auth.db"),
            "cannot create the database folder",
            blocker.join("state"),
        ),
    ] {
        let error = Auth::open(&Database::sqlite(&path), fast_policy())
            .err()
            .unwrap();
        assert!(error.to_string().contains("database"), "{error}");
        let message = error_chain(&error);
        assert!(
            message.contains(attempt)
                && message.contains("Not a directory")
                && message.contains(&named.display().to_string()),
            "{message}"
        );
    }
}

#[test]
fn open_existing_refuses_a_missing_file_and_creates_nothing() {
    let db = SqliteFile::new();
    let nested = db.folder().join("missing").join("auth.db");
    for path in [db.path(), nested.as_path()] {
        match Auth::open_existing(&Database::sqlite(path), fast_policy()) {
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
