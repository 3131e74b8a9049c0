//! The embedded backend: one SQLite file in WAL mode.
//!
//! SQLite has one writer at a time: a [`Writer`] here is a `BEGIN
//! IMMEDIATE` transaction, which queues on the write lock (up to the busy
//! timeout) from its first statement. A deferred one would take the lock at
//! its first write and fail with "locked" at once if another process held
//! it, whatever the timeout.

mod audit;
mod blocklist;
mod devices;
mod diagnose;
mod file;
mod inspect;
mod migrations;
#[cfg(test)]
pub(crate) use migrations::NAMES as MIGRATION_NAMES;
mod modes;
mod ownership;
mod pool;
mod reset_tokens;
mod sessions;
mod skeletons;
mod throttle;
mod users;

use std::path::Path;

use rusqlite::Connection;

use super::{
    Activity, Counter, EventFilter, LoginRecord, NewDevice, NewEvent, NewSession, NewUser, Reader,
    SchemaVersions, Scope, Store, StoreError, StoredCounter, StoredEvent, UserLookup, UserRecord,
    UserUpdate, Writer,
};
use crate::domain::{
    BlockedWord, Email, SessionInfo, Timestamp, TokenDigest, User, UserId, UserSummary,
};
use diagnose::diagnose;
pub(super) use inspect::inspect;
use pool::{Pool, Pooled};

/// An SQLite database file and its pool of connections.
pub(super) struct SqliteStore {
    pool: Pool,
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and migrates it.
    pub(super) fn open(path: &Path) -> Result<Self, StoreError> {
        Ok(Self {
            pool: file::open_creating(path)?,
        })
    }

    /// Opens the database at `path` only if the file exists.
    pub(super) fn open_existing(path: &Path) -> Result<Self, StoreError> {
        Ok(Self {
            pool: file::open_existing(path)?,
        })
    }

    fn transaction(&self, writing: bool) -> Result<SqliteTx<'_>, StoreError> {
        let mut tx = SqliteTx {
            pooled: self.pool.get()?,
            writing: false,
        };
        if writing {
            tx.run("cannot begin a write", |conn| {
                conn.execute_batch("BEGIN IMMEDIATE")
            })?;
            tx.writing = true;
        }
        Ok(tx)
    }
}

impl Store for SqliteStore {
    fn read(&self) -> Result<Box<dyn Reader + '_>, StoreError> {
        Ok(Box::new(self.transaction(false)?))
    }

    fn write(&self) -> Result<Box<dyn Writer + '_>, StoreError> {
        Ok(Box::new(self.transaction(true)?))
    }

    fn schema_versions(&self) -> Result<SchemaVersions, StoreError> {
        let path = self.pool.path();
        let (found, latest) = pool::probe(path)
            .and_then(|conn| migrations::versions(&conn))
            .map_err(|e| diagnose(path, e))?;
        Ok(SchemaVersions { found, latest })
    }

    fn maintain(&self) -> Result<(), StoreError> {
        if file::space_is_short(self.pool.path()) {
            self.empty_the_log()?;
        }
        Ok(())
    }
}

impl SqliteStore {
    /// Copies the write-ahead log into the file and cuts the log to
    /// nothing; waits (up to the busy timeout) for readers still using it.
    fn empty_the_log(&self) -> Result<(), StoreError> {
        self.transaction(false)?
            .run("cannot checkpoint the database", |conn| {
                conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            })
    }
}

/// A pooled connection, inside `BEGIN IMMEDIATE` when `writing`. Reads run
/// outside a transaction, each statement seeing the latest commit.
struct SqliteTx<'a> {
    pooled: Pooled<'a>,
    /// A write transaction is open and not yet committed.
    writing: bool,
}

impl SqliteTx<'_> {
    /// Runs SQL, turning a driver error into a [`StoreError`] that says
    /// what was attempted and, where the file system knows, why it failed.
    fn run<T>(
        &self,
        context: &'static str,
        work: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T, StoreError> {
        let conn = self.pooled.conn()?;
        work(conn)
            .map_err(|e| diagnose(self.pooled.pool_path(), StoreError::unexpected(context, e)))
    }
}

impl Drop for SqliteTx<'_> {
    fn drop(&mut self) {
        if self.writing {
            let rolled_back = self
                .pooled
                .conn()
                .is_ok_and(|conn| conn.execute_batch("ROLLBACK").is_ok());
            if !rolled_back {
                self.pooled.discard();
            }
        }
    }
}

impl Reader for SqliteTx<'_> {
    fn find_user_by(&mut self, lookup: UserLookup<'_>) -> Result<UserRecord, StoreError> {
        self.run("cannot look the user up", |conn| users::find(conn, lookup))?
            .ok_or(StoreError::NotFound)
    }

    fn list_users(&mut self, now: Timestamp) -> Result<Vec<UserSummary>, StoreError> {
        self.run("cannot list users", |conn| users::list(conn, now))
    }

    fn list_sessions(
        &mut self,
        user: Option<UserId>,
        now: Timestamp,
    ) -> Result<Vec<SessionInfo>, StoreError> {
        self.run("cannot list sessions", |conn| {
            sessions::list(conn, user, now)
        })
    }

    fn export_users(&mut self) -> Result<Vec<UserRecord>, StoreError> {
        self.run("cannot export users", users::export)
    }

    fn session_last_used(&mut self, digest: &TokenDigest) -> Result<Option<Timestamp>, StoreError> {
        self.run("cannot look the session up", |conn| {
            sessions::last_used(conn, digest)
        })
    }

    fn email_free(&mut self, email: &Email) -> Result<(), StoreError> {
        match self.run("cannot look the email up", |conn| users::taken(conn, email))? {
            None => Ok(()),
            Some(users::Taken::Key) => Err(StoreError::EmailTaken),
            Some(users::Taken::Skeleton) => Err(StoreError::LookAlike),
        }
    }

    fn activity(&mut self, user: UserId) -> Result<Activity, StoreError> {
        self.run("cannot look the user up", |conn| {
            users::activity(conn, user)
        })?
        .ok_or(StoreError::NotFound)
    }

    fn counter(&mut self, scope: Scope, key: &str) -> Result<Option<StoredCounter>, StoreError> {
        self.run("cannot read the throttle", |conn| {
            throttle::get(conn, scope, key)
        })
    }

    fn counters(&mut self, now_ms: i64) -> Result<Vec<(Scope, String, Counter)>, StoreError> {
        self.run("cannot list the throttle", |conn| {
            throttle::list(conn, now_ms)
        })
    }

    fn device_honoured(
        &mut self,
        digest: &TokenDigest,
        email_key: &str,
        now: Timestamp,
        max_failures: u32,
    ) -> Result<bool, StoreError> {
        self.run("cannot look the device up", |conn| {
            devices::honoured(conn, digest, email_key, now, max_failures)
        })
    }

    fn is_blocked(&mut self, folded: &str) -> Result<bool, StoreError> {
        self.run("cannot read the password blocklist", |conn| {
            blocklist::contains(conn, folded)
        })
    }

    fn blocked_words(&mut self) -> Result<Vec<BlockedWord>, StoreError> {
        self.run("cannot read the password blocklist", blocklist::list)
    }

    fn events(&mut self, filter: &EventFilter) -> Result<Vec<StoredEvent>, StoreError> {
        self.run("cannot read the audit log", |conn| {
            audit::select(conn, filter)
        })
    }

    fn count_events_before(&mut self, before_ms: i64) -> Result<u64, StoreError> {
        self.run("cannot count audit events", |conn| {
            audit::count_before(conn, before_ms)
        })
    }

    fn last_event_seq(&mut self) -> Result<i64, StoreError> {
        self.run("cannot read the audit log", audit::last_seq)
    }

    fn count_blocked(&mut self) -> Result<u64, StoreError> {
        self.run("cannot read the password blocklist", blocklist::count)
    }
}

impl Writer for SqliteTx<'_> {
    fn add_user(&mut self, user: &NewUser) -> Result<User, StoreError> {
        let id = self
            .run("cannot add the user", |conn| users::insert(conn, user))?
            .map_err(|taken| match taken {
                users::Taken::Key => StoreError::EmailTaken,
                users::Taken::Skeleton => StoreError::LookAlike,
            })?;
        Ok(User {
            id: UserId(id),
            email: user.email.clone(),
            created_at: user.created_at,
            updated_at: user.created_at,
            disabled: user.disabled,
        })
    }

    fn update_user(
        &mut self,
        id: UserId,
        update: &UserUpdate,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.run("cannot update the user", |conn| {
            if !users::update(conn, id, update, now)? {
                return Ok(false);
            }
            if update.end_sessions {
                sessions::delete_of(conn, id, now)?;
                reset_tokens::delete_of(conn, id)?;
                devices::delete_of(conn, id)?;
            }
            Ok(true)
        })?
        .then_some(())
        .ok_or(StoreError::NotFound)
    }

    fn record_login(&mut self, login: &LoginRecord<'_>, now: Timestamp) -> Result<(), StoreError> {
        self.run("cannot record the login", |conn| {
            if !users::claim_for_login(conn, login, now)? {
                return Ok(false);
            }
            sessions::insert(conn, login.session.map_or(&[], std::slice::from_ref))?;
            Ok(true)
        })?
        .then_some(())
        .ok_or(StoreError::NotFound)
    }

    fn add_sessions(&mut self, new: &[NewSession]) -> Result<(), StoreError> {
        self.run("cannot record the session", |conn| {
            sessions::insert(conn, new)
        })
    }

    fn delete_session(
        &mut self,
        digest: &TokenDigest,
        now: Timestamp,
    ) -> Result<Option<UserId>, StoreError> {
        self.run("cannot end the session", |conn| {
            sessions::delete_live(conn, digest, now)
        })
    }

    fn touch_session(&mut self, digest: &TokenDigest, now: Timestamp) -> Result<(), StoreError> {
        self.run("cannot mark the session used", |conn| {
            sessions::touch(conn, digest, now)
        })
    }

    fn trim_sessions(&mut self, user: UserId, keep: u32) -> Result<u64, StoreError> {
        self.run("cannot end the oldest sessions", |conn| {
            sessions::trim(conn, user, keep)
        })
    }

    fn delete_session_by_id(
        &mut self,
        id: i64,
        now: Timestamp,
    ) -> Result<Option<SessionInfo>, StoreError> {
        self.run("cannot end the session", |conn| {
            sessions::delete_live_by_id(conn, id, now)
        })
    }

    fn delete_sessions_of(&mut self, user: UserId, now: Timestamp) -> Result<u64, StoreError> {
        self.run("cannot end the sessions", |conn| {
            sessions::delete_of(conn, user, now)
        })
    }

    fn put_reset_token(
        &mut self,
        user: UserId,
        digest: &TokenDigest,
        expires_at: Timestamp,
    ) -> Result<(), StoreError> {
        self.run("cannot store the reset token", |conn| {
            reset_tokens::put(conn, user, digest, expires_at)
        })
    }

    fn take_reset_token(
        &mut self,
        email_key: &str,
        digest: &TokenDigest,
        now: Timestamp,
    ) -> Result<UserId, StoreError> {
        self.run("cannot use the reset token", |conn| {
            reset_tokens::take(conn, email_key, digest, now)
        })?
        .ok_or(StoreError::NotFound)
    }

    fn block_words(&mut self, words: &[BlockedWord]) -> Result<u64, StoreError> {
        self.run("cannot add to the password blocklist", |conn| {
            blocklist::insert(conn, words)
        })
    }

    fn unblock_words(&mut self, words: &[BlockedWord]) -> Result<Vec<BlockedWord>, StoreError> {
        self.run("cannot remove from the password blocklist", |conn| {
            blocklist::delete(conn, words)
        })
    }

    fn delete_user(&mut self, id: UserId) -> Result<(), StoreError> {
        self.run("cannot delete the user", |conn| users::delete(conn, id))?
            .then_some(())
            .ok_or(StoreError::NotFound)
    }

    fn swap_counter(
        &mut self,
        scope: Scope,
        key: &str,
        expected: Option<i64>,
        next: &Counter,
    ) -> Result<bool, StoreError> {
        self.run("cannot update the throttle", |conn| {
            throttle::swap(conn, scope, key, expected, next)
        })
    }

    fn delete_counter(&mut self, scope: Scope, key: &str) -> Result<bool, StoreError> {
        self.run("cannot clear the throttle", |conn| {
            throttle::delete(conn, scope, key)
        })
    }

    fn delete_counters(&mut self, scope: Option<Scope>) -> Result<u64, StoreError> {
        self.run("cannot clear the throttle", |conn| {
            throttle::delete_all(conn, scope)
        })
    }

    fn claim_device(
        &mut self,
        digest: &TokenDigest,
        email_key: &str,
        now: Timestamp,
        max_failures: u32,
    ) -> Result<Option<i64>, StoreError> {
        self.run("cannot claim the device", |conn| {
            devices::claim(conn, digest, email_key, now, max_failures)
        })
    }

    fn clear_device_failures(&mut self, id: i64) -> Result<(), StoreError> {
        self.run("cannot update the device", |conn| {
            devices::clear_failures(conn, id)
        })
    }

    fn add_device(&mut self, device: &NewDevice, keep: u32) -> Result<(), StoreError> {
        self.run("cannot record the device", |conn| {
            devices::insert(conn, device, keep)
        })
    }

    fn prune_expired(&mut self, now: Timestamp) -> Result<u64, StoreError> {
        self.run("cannot prune expired rows", |conn| {
            Ok(sessions::prune(conn, now)?
                + reset_tokens::prune(conn, now)?
                + devices::prune(conn, now)?
                + throttle::prune(conn, now.unix().saturating_mul(1000))?)
        })
    }

    fn add_event(&mut self, event: &NewEvent) -> Result<i64, StoreError> {
        self.run("cannot write the audit event", |conn| {
            audit::insert(conn, event)
        })
    }

    fn settle_event(&mut self, id: i64, settled: &NewEvent) -> Result<bool, StoreError> {
        self.run("cannot write the audit event", |conn| {
            audit::settle(conn, id, settled)
        })
    }

    fn add_to_event(
        &mut self,
        aggregate: &str,
        event: &NewEvent,
        count: u64,
    ) -> Result<(), StoreError> {
        self.run("cannot write the audit event", |conn| {
            audit::add_to(conn, aggregate, event, count)
        })
    }

    fn prune_events(&mut self, before_ms: i64, limit: u32) -> Result<u64, StoreError> {
        self.run("cannot prune the audit log", |conn| {
            audit::prune(conn, before_ms, limit)
        })
    }

    fn commit(mut self: Box<Self>) -> Result<(), StoreError> {
        self.run("cannot commit", |conn| conn.execute_batch("COMMIT"))?;
        self.writing = false;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use rusqlite::ErrorCode;

    use super::*;

    /// If a writer's transaction were deferred, it would take the write lock
    /// only at its first write, and a read-then-write could fail with
    /// "locked" whatever the busy timeout.
    #[test]
    fn a_writer_holds_the_write_lock_from_the_start_and_lets_go_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("auth.db");
        let store = SqliteStore::open(&path).unwrap();
        let other = Connection::open(&path).unwrap();
        other.busy_timeout(std::time::Duration::ZERO).unwrap();
        let writer = store.write().unwrap();
        let taken = other.execute_batch("BEGIN IMMEDIATE");
        assert!(
            matches!(&taken, Err(e) if e.sqlite_error_code() == Some(ErrorCode::DatabaseBusy)),
            "another writer got in: {taken:?}"
        );
        drop(writer);
        other.execute_batch("BEGIN IMMEDIATE; COMMIT").unwrap();
    }

    /// A row written under older rules (or by hand) that today's parsers
    /// refuse must not make a listing or an export fail for every account.
    #[test]
    fn a_row_that_no_longer_validates_still_lists_and_exports() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("auth.db");
        let store = SqliteStore::open(&path).unwrap();
        Connection::open(&path)
            .unwrap()
            .execute(
                "INSERT INTO users (email, email_key, hashed_password, created_at, updated_at)
                 VALUES ('old\u{7}style@x.io', 'old\u{7}style@x.io', 'md5:0123', 1, 1)",
                [],
            )
            .unwrap();
        let listed = store
            .read()
            .unwrap()
            .list_users(Timestamp::from_unix(2))
            .unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].user.email.as_str(), "old\u{7}style@x.io");
        let exported = store.read().unwrap().export_users().unwrap();
        assert_eq!(exported[0].hash.expose(), "md5:0123");
    }

    /// Accounts that looked alike before the check existed both stay: the
    /// first gets the skeleton, the later one none, and a new look-alike of
    /// either is refused.
    #[test]
    fn look_alike_accounts_made_before_the_check_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("auth.db");
        drop(SqliteStore::open(&path).unwrap());
        let raw = Connection::open(&path).unwrap();
        for email in ["admin@example.com", "\u{430}dmin@example.com"] {
            raw.execute(
                "INSERT INTO users (email, email_key, hashed_password, created_at, updated_at)
                 VALUES (?1, ?1, 'x', 1, 1)",
                [email],
            )
            .unwrap();
        }
        // As a database from before skeletons: none stored, no version.
        raw.execute("DELETE FROM settings", []).unwrap();
        drop(raw);

        let store = SqliteStore::open(&path).unwrap();
        let raw = Connection::open(&path).unwrap();
        let skeletons: Vec<Option<String>> = raw
            .prepare("SELECT email_skeleton FROM users ORDER BY id")
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(
            skeletons[0].is_some() && skeletons[1].is_none(),
            "{skeletons:?}"
        );
        assert_eq!(store.read().unwrap().export_users().unwrap().len(), 2);
        let mut tx = store.write().unwrap();
        let third = NewUser {
            email: crate::domain::Email::parse("adm\u{456}n@example.com").unwrap(),
            hash: crate::domain::PasswordHash::parse(&bcrypt::hash("x", 4).unwrap()).unwrap(),
            created_at: Timestamp::from_unix(1),
            disabled: false,
        };
        assert!(matches!(tx.add_user(&third), Err(StoreError::LookAlike)));
    }

    #[test]
    fn emptying_the_log_leaves_a_zero_length_wal_and_loses_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("auth.db");
        let store = SqliteStore::open(&path).unwrap();
        let mut tx = store.write().unwrap();
        for n in 0..200 {
            let user = NewUser {
                email: crate::domain::Email::parse(&format!("u{n}@example.com")).unwrap(),
                hash: crate::domain::PasswordHash::parse(&bcrypt::hash("x", 4).unwrap()).unwrap(),
                created_at: Timestamp::from_unix(1),
                disabled: false,
            };
            tx.add_user(&user).unwrap();
        }
        tx.commit().unwrap();
        let wal = dir.path().join("auth.db-wal");
        assert!(std::fs::metadata(&wal).unwrap().len() > 0);

        store.empty_the_log().unwrap();

        assert_eq!(std::fs::metadata(&wal).unwrap().len(), 0);
        assert_eq!(store.read().unwrap().export_users().unwrap().len(), 200);
    }
}
