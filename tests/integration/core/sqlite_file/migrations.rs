//! Files written by older versions, opened by this one. The older file is
//! built here as that version wrote it, with rusqlite.

use authctl::auth::{AuthError, Caller};

use crate::support::db::{SqliteFile, email, latest_schema_version, password, schema_version};

/// The schema as its first version created it. Migrations are append-only,
/// so a file written then looks like this whatever came after.
const SCHEMA_1: &str = "
    CREATE TABLE users (
        id              INTEGER PRIMARY KEY,
        email           TEXT    NOT NULL,
        email_key       TEXT    NOT NULL UNIQUE,
        hashed_password TEXT    NOT NULL,
        disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at      INTEGER NOT NULL,
        updated_at      INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE sessions (
        id         INTEGER PRIMARY KEY,
        user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        digest     BLOB    NOT NULL UNIQUE CHECK (length(digest) = 32),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX sessions_by_user ON sessions(user_id);
    CREATE INDEX sessions_by_expiry ON sessions(expires_at);
    CREATE TABLE reset_tokens (
        user_id    INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        digest     BLOB    NOT NULL UNIQUE CHECK (length(digest) = 32),
        expires_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX reset_tokens_by_expiry ON reset_tokens(expires_at);
    PRAGMA user_version = 1;";

/// A file as the first schema left it, before email keys were NFC (they
/// were lowercase only): one user for each `(email, key)`, in that order,
/// each with the password `password1`.
fn written_by_schema_1(db: &SqliteFile, users: &[(&str, &str)]) {
    let conn = db.connect();
    conn.execute_batch(SCHEMA_1).unwrap();
    let hash = bcrypt::hash("password1", 4).unwrap();
    for (email, key) in users {
        conn.execute(
            "INSERT INTO users (email, email_key, hashed_password, created_at, updated_at)
             VALUES (?1, ?2, ?3, 1700000000, 1700000000)",
            (email, key, &hash),
        )
        .unwrap();
    }
}

#[test]
fn an_older_database_gets_nfc_email_keys_on_open() {
    let db = SqliteFile::new();
    let decomposed = "E\u{301}lodie@x.io";
    written_by_schema_1(&db, &[(decomposed, "e\u{301}lodie@x.io")]);

    let auth = db.auth();
    assert_eq!(schema_version(db.path()), latest_schema_version());
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
    let db = SqliteFile::new();
    let precomposed = "\u{e9}lodie@x.io";
    let decomposed = "e\u{301}lodie@x.io";
    // Today the second is refused; the first version let it in under its
    // own key.
    written_by_schema_1(&db, &[(precomposed, precomposed), (decomposed, decomposed)]);

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
