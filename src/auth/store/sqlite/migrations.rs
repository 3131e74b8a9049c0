//! The schema history. Append only: a released migration is never edited,
//! since databases in the field already ran it, and it calls no live
//! domain code, whose behaviour may change after it shipped.

use rusqlite::{Connection, Transaction, params};
use rusqlite_migration::{HookResult, M, Migrations};
use unicode_normalization::UnicodeNormalization;

use super::StoreError;

/// The first schema.
const TABLES: &str = "CREATE TABLE users (
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

    -- One live token per user: a new request replaces the row.
    CREATE TABLE reset_tokens (
        user_id    INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        digest     BLOB    NOT NULL UNIQUE CHECK (length(digest) = 32),
        expires_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX reset_tokens_by_expiry ON reset_tokens(expires_at);";

/// The brute-force defence (SPEC section 6). A counter row is changed only
/// by a swap on its version, so concurrent claims on one key serialise on
/// any backend; `expires_ms` lets pruning forget it without knowing the
/// rules. Devices go with their user.
const THROTTLE: &str = "CREATE TABLE throttle (
        scope            TEXT    NOT NULL CHECK (scope IN ('account', 'client', 'reset')),
        key              TEXT    NOT NULL,
        version          INTEGER NOT NULL,
        failures         INTEGER NOT NULL CHECK (failures >= 0),
        previous         INTEGER NOT NULL CHECK (previous >= 0),
        window_start_ms  INTEGER NOT NULL,
        last_ms          INTEGER NOT NULL,
        blocked_until_ms INTEGER NOT NULL,
        expires_ms       INTEGER NOT NULL,
        PRIMARY KEY (scope, key)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX throttle_by_expiry ON throttle(expires_ms);

    CREATE TABLE devices (
        id         INTEGER PRIMARY KEY,
        user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        digest     BLOB    NOT NULL UNIQUE CHECK (length(digest) = 32),
        failures   INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX devices_by_user ON devices(user_id);
    CREATE INDEX devices_by_expiry ON devices(expires_at);";

/// Each step's name, in order. The PostgreSQL backend's history has the
/// same steps under the same names; tests hold both lists to this one.
#[cfg(test)]
pub(crate) const NAMES: [&str; 8] = [
    "tables",
    "nfc_email_keys",
    "session_last_used",
    "email_skeletons",
    "throttle",
    "blocklist",
    "user_activity",
    "audit",
];

/// The audit log (SPEC section 8). No foreign key to `users`: a user's
/// events outlive it, so its id and email are copied into the row. Ids are
/// never reused (AUTOINCREMENT), so a pruned row's id cannot name another.
/// `seq` is the commit order a follower reads, raised when a row is
/// settled or counted again; it comes from the one-row `audit_seq`, which
/// only grows (pruning cannot lower it) and whose row every audited
/// transaction updates, so on any backend a later seq commits later.
/// `aggregate` folds the refusals of one key and period into one row, so
/// an attacker cannot grow the table at request rate.
const AUDIT: &str = "CREATE TABLE audit (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        seq        INTEGER NOT NULL UNIQUE,
        at_ms      INTEGER NOT NULL,
        event      TEXT    NOT NULL,
        outcome    TEXT    NOT NULL CHECK (outcome IN ('success', 'failure')),
        reason     TEXT,
        source     TEXT    NOT NULL CHECK (source IN ('cli', 'http')),
        actor      TEXT,
        client_ip  TEXT,
        user_agent TEXT,
        user_id    INTEGER,
        email      TEXT,
        email_key  TEXT,
        details    TEXT,
        count      INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1),
        aggregate  TEXT UNIQUE
    ) STRICT;
    CREATE INDEX audit_by_time ON audit(at_ms);
    CREATE INDEX audit_by_email ON audit(email_key, at_ms);
    CREATE TABLE audit_seq (
        only INTEGER PRIMARY KEY CHECK (only = 1),
        seq  INTEGER NOT NULL
    ) STRICT;
    INSERT INTO audit_seq VALUES (1, 0);";

/// The schema history, for `to_latest` on open and `validate` in tests.
fn migrations() -> Migrations<'static> {
    Migrations::new(steps())
}

fn steps() -> Vec<M<'static>> {
    vec![
        M::up(TABLES),
        M::up_with_hook("", rekey_emails),
        // For --session-idle-timeout; NULL means never marked, i.e. last
        // used when opened, so existing rows need no rewrite.
        M::up("ALTER TABLE sessions ADD COLUMN last_used_at INTEGER"),
        // Look-alike emails. Filled by `skeletons::refresh`, not here: the
        // skeleton depends on a Unicode table that may change after this
        // migration ships. NULLs do not collide in a unique index.
        M::up(
            "ALTER TABLE users ADD COLUMN email_skeleton TEXT;
             CREATE UNIQUE INDEX users_by_skeleton ON users(email_skeleton);
             CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;",
        ),
        M::up(THROTTLE),
        // The operator's password blocklist: words as new passwords are
        // compared (lowercase, NFC), so a check is one primary-key lookup.
        M::up("CREATE TABLE blocked_passwords (word TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;"),
        // For `users show`: NULL is "not since this was recorded".
        M::up(
            "ALTER TABLE users ADD COLUMN last_login_at INTEGER;
             ALTER TABLE users ADD COLUMN password_changed_at INTEGER;",
        ),
        M::up(AUDIT),
    ]
}

/// Brings the schema up to date. Two processes opening a fresh file at once
/// both read version 0; the loser's migration then fails on the tables the
/// winner made, so a failure is retried, and it is only an error if the
/// schema is still not current.
pub(super) fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let migrations = migrations();
    let mut last_error = None;
    for _ in 0..3 {
        match migrations.to_latest(conn) {
            Ok(()) => return Ok(()),
            Err(e) => last_error = Some(e),
        }
    }
    match last_error {
        Some(e) => Err(StoreError::unexpected("cannot migrate the database", e)),
        None => Ok(()),
    }
}

/// A file's schema version and the latest this binary knows, read without
/// migrating anything.
pub(super) fn versions(conn: &Connection) -> Result<(i64, i64), StoreError> {
    let unreadable = |e| StoreError::unexpected("cannot read the schema version", e);
    let at: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(unreadable)?;
    let pending = migrations()
        .pending_migrations(conn)
        .map_err(|e| StoreError::unexpected("cannot read the schema version", e))?;
    Ok((at, at + i64::from(pending)))
}

/// Email keys became NFC as well as lowercase; rows written before get the
/// new key, so their owners are found by what they type. A row whose new
/// key another row already holds keeps its old one: two accounts stay two,
/// neither merged nor lost (both still show in `users list` and export).
fn rekey_emails(tx: &Transaction<'_>) -> HookResult {
    // Only the rows whose key changes are kept and written: nearly every key
    // is already NFC, and rewriting a million unchanged rows would cost a
    // million-row WAL and their memory on the first open after an upgrade.
    let mut changed = Vec::new();
    let mut users = tx.prepare("SELECT id, email, email_key FROM users ORDER BY id")?;
    let mut rows = users.query([])?;
    while let Some(row) = rows.next()? {
        let (id, stored, key): (i64, String, String) = (row.get(0)?, row.get(1)?, row.get(2)?);
        let new_key = nfc_lowercase_key(&stored);
        if new_key != key {
            changed.push((id, new_key));
        }
    }
    let mut rekey = tx.prepare(
        "UPDATE users SET email_key = ?2
         WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM users WHERE email_key = ?2 AND id <> ?1)",
    )?;
    for (id, key) in changed {
        rekey.execute(params![id, key])?;
    }
    Ok(())
}

/// The email key as migration 2 defined it (stored emails are trimmed):
/// frozen here, so that a later change to `Email`'s key cannot change what
/// this migration does to a database that runs it later.
fn nfc_lowercase_key(stored: &str) -> String {
    stored
        .nfc()
        .collect::<String>()
        .to_lowercase()
        .nfc()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_migrations_are_valid() {
        migrations().validate().unwrap();
    }

    /// A new step needs its name in [`NAMES`], and so a PostgreSQL step.
    #[test]
    fn every_step_is_named() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrations().to_latest(&mut conn).unwrap();
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .unwrap();
        assert_eq!(usize::try_from(version).unwrap(), NAMES.len());
    }

    #[test]
    fn a_migrated_database_is_at_the_latest_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        let latest = i64::try_from(steps().len()).unwrap();
        assert_eq!(versions(&conn).unwrap(), (latest, latest));
    }

    #[test]
    fn the_frozen_key_is_the_email_key_of_today() {
        for raw in [
            "Bob@X.com",
            "E\u{301}LODIE@x.io",
            "\u{e9}lodie@x.io",
            "ß@straße.de",
        ] {
            let email = crate::domain::Email::parse(raw).unwrap();
            assert_eq!(nfc_lowercase_key(email.as_str()), email.key(), "{raw}");
        }
    }
}
