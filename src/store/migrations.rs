use rusqlite::{Transaction, params};
use rusqlite_migration::{HookResult, M, Migrations};

use crate::domain::Email;

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

/// The schema history, for `to_latest` on open and `validate` in tests.
/// Append only: a released migration is never edited, since databases in
/// the field already ran it.
pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![M::up(TABLES), M::up_with_hook("", rekey_emails)])
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
        // Every stored email was parsed on the way in; one that no longer
        // parses keeps its key rather than failing the upgrade.
        if let Ok(email) = Email::parse(&stored)
            && email.key() != key
        {
            changed.push((id, email.key().to_owned()));
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

#[cfg(test)]
mod tests {
    #[test]
    fn the_migrations_are_valid() {
        super::migrations().validate().unwrap();
    }
}
