use rusqlite_migration::{M, Migrations};

/// The schema history. Append only: a released migration is never edited,
/// since databases in the field already ran it.
const MIGRATIONS: &[M<'static>] = &[M::up(
    "CREATE TABLE users (
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
    CREATE INDEX reset_tokens_by_expiry ON reset_tokens(expires_at);",
)];

/// The migration set, for `to_latest` on open and `validate` in tests.
pub fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATIONS)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_migrations_are_valid() {
        super::migrations().validate().unwrap();
    }
}
