use std::fs::{DirBuilder, OpenOptions};
use std::io::ErrorKind;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::Path;

use rusqlite::{Connection, ErrorCode, OptionalExtension, Row, ToSql, Transaction, params};

use super::diagnose::diagnose;
use super::pool::{Pool, connect, connect_existing};
use super::{
    ImportOutcome, LoginRecord, NewSession, NewUser, Store, StoreError, UserLookup, UserRecord,
    UserUpdate,
};
use crate::domain::{
    Email, PasswordHash, SessionInfo, Timestamp, TokenDigest, User, UserId, UserSummary,
};

/// The embedded backend: one SQLite file in WAL mode.
pub struct SqliteStore {
    pool: Pool,
}

const USER_COLUMNS: &str =
    "u.id, u.email, u.hashed_password, u.disabled, u.created_at, u.updated_at";

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and migrates it to
    /// the latest schema. A new file is made 0600 and a new folder 0700.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        create_private_file(path)?;
        Self::migrated(path, connect(path)?)
    }

    /// Opens the database at `path` only if the file exists, else
    /// [`StoreError::NoDatabase`]: a caller acting on existing users must not
    /// leave an empty database behind a mistyped path.
    pub fn open_existing(path: &Path) -> Result<Self, StoreError> {
        match connect_existing(path) {
            Ok(conn) => Self::migrated(path, conn),
            // SQLite says only "unable to open"; the file system says why.
            Err(_) if matches!(path.try_exists(), Ok(false)) => Err(StoreError::NoDatabase),
            Err(other) => Err(other),
        }
    }

    fn migrated(path: &Path, mut conn: Connection) -> Result<Self, StoreError> {
        migrate(&mut conn).map_err(|e| diagnose(path, e))?;
        Ok(Self {
            pool: Pool::new(path, conn),
        })
    }

    fn read<T>(
        &self,
        context: &'static str,
        work: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T, StoreError> {
        self.pool
            .with(|conn| work(conn).map_err(|e| StoreError::unexpected(context, e)))
    }

    /// Runs `work` in a `BEGIN IMMEDIATE` transaction and commits it if
    /// `work` succeeds and `commit` holds.
    fn write<T>(
        &self,
        context: &'static str,
        commit: bool,
        work: impl FnOnce(&Transaction<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.pool.with(|conn| {
            let tx = conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .map_err(|e| StoreError::unexpected(context, e))?;
            let value = work(&tx)?;
            if commit {
                tx.commit()
                    .map_err(|e| StoreError::unexpected(context, e))?;
            }
            Ok(value)
        })
    }
}

fn set_hash(
    tx: &Transaction<'_>,
    user: UserId,
    hash: &PasswordHash,
    now: Timestamp,
) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE users SET hashed_password = ?2, updated_at = ?3 WHERE id = ?1",
        params![user.0, hash.expose(), now.unix()],
    )?;
    Ok(())
}

fn insert_sessions(tx: &Transaction<'_>, sessions: &[NewSession]) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO sessions (user_id, digest, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for session in sessions {
        insert.execute(params![
            session.user.0,
            session.digest.as_bytes(),
            session.created_at.unix(),
            session.expires_at.unix()
        ])?;
    }
    Ok(())
}

/// Creates the file with owner-only permissions before SQLite does (SQLite
/// would use the umask), and its folder 0700 if missing. SQLite gives the
/// `-wal` and `-shm` files the database file's permissions.
fn create_private_file(path: &Path) -> Result<(), StoreError> {
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty())
        && !folder.exists()
    {
        DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(folder)
            .map_err(|e| StoreError::unexpected("cannot create the database folder", e))?;
    }
    match OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
    {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(StoreError::unexpected("cannot create the database file", e)),
    }
}

/// Brings the schema up to date. Two processes opening a fresh file at once
/// both read version 0; the loser's migration then fails on the tables the
/// winner made, so a failure is retried, and it is only an error if the
/// schema is still not current.
fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let migrations = super::migrations();
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

fn user_from_row(row: &Row<'_>) -> rusqlite::Result<UserRecord> {
    let email: String = row.get(1)?;
    let hash: String = row.get(2)?;
    Ok(UserRecord {
        user: User {
            id: UserId(row.get(0)?),
            email: stored_value(Email::parse(&email), 1)?,
            created_at: Timestamp::from_unix(row.get(4)?),
            updated_at: Timestamp::from_unix(row.get(5)?),
            disabled: row.get(3)?,
        },
        hash: stored_value(PasswordHash::parse(&hash), 2)?,
    })
}

/// A stored value that no longer parses means the file was edited by hand
/// or is corrupt: report it as a conversion error, never panic.
fn stored_value<T>(
    parsed: Result<T, crate::domain::ValidationError>,
    column: usize,
) -> rusqlite::Result<T> {
    parsed.map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn is_unique_violation(error: &rusqlite::Error) -> bool {
    matches!(error, rusqlite::Error::SqliteFailure(e, _)
        if e.code == ErrorCode::ConstraintViolation
        && e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE)
}

fn insert_user(tx: &Transaction<'_>, user: &NewUser) -> rusqlite::Result<i64> {
    tx.prepare_cached(
        "INSERT INTO users (email, email_key, hashed_password, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?4)",
    )?
    .execute(params![
        user.email.as_str(),
        user.email.key(),
        user.hash.expose(),
        user.created_at.unix()
    ])?;
    Ok(tx.last_insert_rowid())
}

/// Deletes all of `user`'s sessions; returns how many of them were live.
fn delete_sessions(tx: &Transaction<'_>, user: UserId, now: Timestamp) -> rusqlite::Result<u64> {
    let live = tx.execute(
        "DELETE FROM sessions WHERE user_id = ?1 AND expires_at > ?2",
        params![user.0, now.unix()],
    )?;
    tx.execute("DELETE FROM sessions WHERE user_id = ?1", [user.0])?;
    Ok(live as u64)
}

/// After a password change or a disable: no session or reset token survives.
fn end_sessions_and_tokens(
    tx: &Transaction<'_>,
    user: UserId,
    now: Timestamp,
) -> rusqlite::Result<()> {
    delete_sessions(tx, user, now)?;
    tx.execute("DELETE FROM reset_tokens WHERE user_id = ?1", [user.0])?;
    Ok(())
}

impl Store for SqliteStore {
    fn add_user(&self, user: &NewUser) -> Result<User, StoreError> {
        self.write("cannot add the user", true, |tx| {
            let id = insert_user(tx, user).map_err(|e| {
                if is_unique_violation(&e) {
                    StoreError::EmailTaken
                } else {
                    StoreError::unexpected("cannot add the user", e)
                }
            })?;
            Ok(User {
                id: UserId(id),
                email: user.email.clone(),
                created_at: user.created_at,
                updated_at: user.created_at,
                disabled: false,
            })
        })
    }

    fn find_user_by(&self, lookup: UserLookup<'_>) -> Result<UserRecord, StoreError> {
        let found = self.read("cannot look the user up", |conn| {
            let query = |sql: &str, params: &[&dyn ToSql]| {
                conn.prepare_cached(&format!("SELECT {USER_COLUMNS} {sql}"))?
                    .query_row(params, user_from_row)
                    .optional()
            };
            match lookup {
                UserLookup::Id(id) => query("FROM users u WHERE u.id = ?1", &[&id.0]),
                UserLookup::Email(email) => {
                    query("FROM users u WHERE u.email_key = ?1", &[&email.key()])
                }
                UserLookup::Session { digest, now } => query(
                    "FROM sessions s JOIN users u ON u.id = s.user_id
                     WHERE s.digest = ?1 AND s.expires_at > ?2",
                    &[digest.as_bytes(), &now.unix()],
                ),
                UserLookup::ResetToken { digest, now } => query(
                    "FROM reset_tokens r JOIN users u ON u.id = r.user_id
                     WHERE r.digest = ?1 AND r.expires_at > ?2",
                    &[digest.as_bytes(), &now.unix()],
                ),
            }
        })?;
        found.ok_or(StoreError::NotFound)
    }

    fn update_user(
        &self,
        id: UserId,
        update: &UserUpdate,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.write("cannot update the user", true, |tx| {
            let err = |e| StoreError::unexpected("cannot update the user", e);
            let changed = tx
                .execute(
                    "UPDATE users SET
                        hashed_password = coalesce(?2, hashed_password),
                        disabled = coalesce(?3, disabled),
                        updated_at = ?4
                     WHERE id = ?1",
                    params![
                        id.0,
                        update.hash.as_ref().map(PasswordHash::expose),
                        update.disabled,
                        now.unix()
                    ],
                )
                .map_err(err)?;
            if changed == 0 {
                return Err(StoreError::NotFound);
            }
            if update.end_sessions {
                end_sessions_and_tokens(tx, id, now).map_err(err)?;
            }
            Ok(())
        })
    }

    fn add_sessions(&self, sessions: &[NewSession]) -> Result<(), StoreError> {
        self.write("cannot record the session", true, |tx| {
            insert_sessions(tx, sessions)
                .map_err(|e| StoreError::unexpected("cannot record the session", e))
        })
    }

    fn record_login(&self, login: &LoginRecord<'_>, now: Timestamp) -> Result<(), StoreError> {
        self.write("cannot record the login", true, |tx| {
            let err = |e| StoreError::unexpected("cannot record the login", e);
            let unchanged = tx
                .query_row(
                    "SELECT 1 FROM users
                     WHERE id = ?1 AND disabled = 0 AND (?2 IS NULL OR hashed_password = ?2)",
                    params![login.user.0, login.verified.map(PasswordHash::expose)],
                    |_| Ok(()),
                )
                .optional()
                .map_err(err)?;
            if unchanged.is_none() {
                return Err(StoreError::NotFound);
            }
            if let Some(hash) = login.rehash {
                set_hash(tx, login.user, hash, now).map_err(err)?;
            }
            let session: &[NewSession] = login.session.map_or(&[], std::slice::from_ref);
            insert_sessions(tx, session).map_err(err)
        })
    }

    fn delete_session(&self, digest: &TokenDigest, now: Timestamp) -> Result<bool, StoreError> {
        self.write("cannot end the session", true, |tx| {
            let deleted = tx
                .execute(
                    "DELETE FROM sessions WHERE digest = ?1 AND expires_at > ?2",
                    params![digest.as_bytes(), now.unix()],
                )
                .map_err(|e| StoreError::unexpected("cannot end the session", e))?;
            Ok(deleted > 0)
        })
    }

    fn delete_sessions_of(&self, user: UserId, now: Timestamp) -> Result<u64, StoreError> {
        self.write("cannot end the sessions", true, |tx| {
            delete_sessions(tx, user, now)
                .map_err(|e| StoreError::unexpected("cannot end the sessions", e))
        })
    }

    fn list_sessions(
        &self,
        user: Option<UserId>,
        now: Timestamp,
    ) -> Result<Vec<SessionInfo>, StoreError> {
        let rows = self.read("cannot list sessions", |conn| {
            let mut statement = conn.prepare_cached(
                "SELECT s.id, u.email, s.digest, s.created_at, s.expires_at
                 FROM sessions s JOIN users u ON u.id = s.user_id
                 WHERE s.expires_at > ?1 AND (?2 IS NULL OR s.user_id = ?2)
                 ORDER BY s.created_at, s.id",
            )?;
            let rows = statement.query_map(params![now.unix(), user.map(|u| u.0)], |row| {
                let email: String = row.get(1)?;
                let digest: [u8; 32] = row.get(2)?;
                Ok(SessionInfo {
                    id: row.get(0)?,
                    email: stored_value(Email::parse(&email), 1)?,
                    digest_prefix: TokenDigest::from_bytes(digest).hex_prefix(12),
                    created_at: Timestamp::from_unix(row.get(3)?),
                    expires_at: Timestamp::from_unix(row.get(4)?),
                })
            })?;
            rows.collect()
        })?;
        Ok(rows)
    }

    fn put_reset_token(
        &self,
        user: UserId,
        digest: &TokenDigest,
        expires_at: Timestamp,
    ) -> Result<(), StoreError> {
        self.write("cannot store the reset token", true, |tx| {
            tx.execute(
                "INSERT INTO reset_tokens (user_id, digest, expires_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (user_id) DO UPDATE
                 SET digest = excluded.digest, expires_at = excluded.expires_at",
                params![user.0, digest.as_bytes(), expires_at.unix()],
            )
            .map_err(|e| StoreError::unexpected("cannot store the reset token", e))?;
            Ok(())
        })
    }

    fn consume_reset_token(
        &self,
        email_key: &str,
        digest: &TokenDigest,
        new_hash: &PasswordHash,
        now: Timestamp,
    ) -> Result<UserId, StoreError> {
        self.write("cannot update the password", true, |tx| {
            let err = |e| StoreError::unexpected("cannot update the password", e);
            // The DELETE is the claim: inside BEGIN IMMEDIATE only one
            // transaction can see the row, and only it gets a user id back.
            let claimed: Option<i64> = tx
                .query_row(
                    "DELETE FROM reset_tokens
                     WHERE digest = ?1 AND expires_at > ?2
                       AND user_id = (SELECT id FROM users WHERE email_key = ?3 AND disabled = 0)
                     RETURNING user_id",
                    params![digest.as_bytes(), now.unix(), email_key],
                    |row| row.get(0),
                )
                .optional()
                .map_err(err)?;
            let user = UserId(claimed.ok_or(StoreError::NotFound)?);
            set_hash(tx, user, new_hash, now).map_err(err)?;
            end_sessions_and_tokens(tx, user, now).map_err(err)?;
            Ok(user)
        })
    }

    fn list_users(&self, now: Timestamp) -> Result<Vec<UserSummary>, StoreError> {
        self.read("cannot list users", |conn| {
            let mut statement = conn.prepare_cached(&format!(
                "SELECT {USER_COLUMNS},
                    (SELECT count(*) FROM sessions s WHERE s.user_id = u.id AND s.expires_at > ?1)
                 FROM users u ORDER BY u.id"
            ))?;
            let rows = statement.query_map([now.unix()], |row| {
                Ok(UserSummary {
                    user: user_from_row(row)?.user,
                    live_sessions: row.get::<_, i64>(6)?.unsigned_abs(),
                })
            })?;
            rows.collect()
        })
    }

    fn delete_user(&self, id: UserId) -> Result<(), StoreError> {
        self.write("cannot delete the user", true, |tx| {
            // Foreign keys cascade to sessions and reset tokens.
            let deleted = tx
                .execute("DELETE FROM users WHERE id = ?1", [id.0])
                .map_err(|e| StoreError::unexpected("cannot delete the user", e))?;
            if deleted == 0 {
                return Err(StoreError::NotFound);
            }
            Ok(())
        })
    }

    fn export_users(&self) -> Result<Vec<UserRecord>, StoreError> {
        self.read("cannot export users", |conn| {
            let mut statement =
                conn.prepare_cached(&format!("SELECT {USER_COLUMNS} FROM users u ORDER BY u.id"))?;
            let rows = statement.query_map([], user_from_row)?;
            rows.collect()
        })
    }

    fn import_users(
        &self,
        users: &[NewUser],
        skip_existing: bool,
        dry_run: bool,
    ) -> Result<ImportOutcome, StoreError> {
        self.write("cannot import users", !dry_run, |tx| {
            let mut outcome = ImportOutcome::default();
            for (index, user) in users.iter().enumerate() {
                match insert_user(tx, user) {
                    Ok(_) => outcome.created += 1,
                    Err(e) if is_unique_violation(&e) && skip_existing => {
                        outcome.skipped.push(index)
                    }
                    Err(e) if is_unique_violation(&e) => {
                        return Err(StoreError::DuplicateRow(index));
                    }
                    Err(e) => return Err(StoreError::unexpected("cannot import users", e)),
                }
            }
            Ok(outcome)
        })
    }

    fn prune_expired(&self, now: Timestamp) -> Result<u64, StoreError> {
        self.write("cannot prune expired rows", true, |tx| {
            let err = |e| StoreError::unexpected("cannot prune expired rows", e);
            let sessions = tx
                .execute("DELETE FROM sessions WHERE expires_at <= ?1", [now.unix()])
                .map_err(err)?;
            let tokens = tx
                .execute(
                    "DELETE FROM reset_tokens WHERE expires_at <= ?1",
                    [now.unix()],
                )
                .map_err(err)?;
            Ok((sessions + tokens) as u64)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every write goes through `write`; if its transaction were deferred,
    /// it would take the write lock only at its first write, and a
    /// read-then-write could fail with "locked" whatever the busy timeout.
    #[test]
    fn write_transactions_hold_the_write_lock_from_their_first_statement() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("auth.db");
        let store = SqliteStore::open(&path).unwrap();
        let other = Connection::open(&path).unwrap();
        other.busy_timeout(std::time::Duration::ZERO).unwrap();
        store
            .write("probe", false, |_tx| {
                let taken = other.execute_batch("BEGIN IMMEDIATE");
                assert!(
                    matches!(&taken, Err(e) if e.sqlite_error_code() == Some(ErrorCode::DatabaseBusy)),
                    "another writer got in: {taken:?}"
                );
                Ok(())
            })
            .unwrap();
        other.execute_batch("BEGIN IMMEDIATE; COMMIT").unwrap();
    }
}
