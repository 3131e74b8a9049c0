//! The server backend: a PostgreSQL database shared by any number of
//! processes.
//!
//! A [`Writer`] here is a `READ COMMITTED` transaction, named explicitly so
//! that a server whose default is another level changes nothing. Every
//! guarantee of the trait holds there (see its docs): a conditional
//! statement's row count names the winner, and rows it changed stay locked
//! to commit. Reads run outside a transaction, each statement seeing the
//! latest commit.

mod audit;
mod blocklist;
mod conn;
mod errors;
mod inspect;
mod migrations;
mod pool;
mod sessions;
#[cfg(test)]
pub(super) mod testing;
mod throttle;
mod tls;
mod users;

use std::future::Future;

use conn::Conn;

use super::{
    Activity, Counter, EventFilter, LoginRecord, NewDevice, NewEvent, NewSession, NewUser, Reader,
    SchemaVersions, Scope, Store, StoreError, StoredCounter, StoredEvent, UserLookup, UserRecord,
    UserUpdate, Writer,
};
use crate::domain::{
    BlockedWord, Email, PgLocator, SessionInfo, Timestamp, TokenDigest, User, UserId, UserSummary,
};
pub(super) use inspect::inspect;
use migrations::Found;
#[cfg(test)]
pub(crate) use migrations::STEPS as MIGRATION_STEPS;
use pool::{Pool, Pooled};

/// The most the driver may log: at debug it logs each statement with its
/// parameters, which hold password hashes and token digests.
pub(super) const LOG_CEILING: &str = "tokio_postgres=info";

/// A database on a PostgreSQL server and a pool of connections to it.
pub(super) struct PostgresStore {
    pool: Pool,
}

impl PostgresStore {
    /// Connects, checks the database is ours or empty, and migrates it.
    /// The database itself must exist: its administrator makes it.
    pub(super) fn open(locator: &PgLocator) -> Result<Self, StoreError> {
        match Self::prepare(locator, true) {
            Err(StoreError::NoDatabase) => Err(StoreError::Unusable(format!(
                "PostgreSQL at {}: there is no database {:?}; create it first \
                 (createdb or CREATE DATABASE)",
                locator.address(),
                locator.dbname()
            ))),
            other => other,
        }
    }

    /// Like [`PostgresStore::open`], but a database that does not exist or
    /// holds no tables is [`StoreError::NoDatabase`], and is left as it is.
    pub(super) fn open_existing(locator: &PgLocator) -> Result<Self, StoreError> {
        Self::prepare(locator, false)
    }

    fn prepare(locator: &PgLocator, create: bool) -> Result<Self, StoreError> {
        let pool = Pool::new(locator)?;
        let found = {
            let pooled = pool.get()?;
            let client = pooled.client()?;
            pool.block_on(migrations::prepare(client, pool.address(), create))?
        };
        match found {
            Found::Ready => Ok(Self { pool }),
            Found::Empty => Err(StoreError::NoDatabase),
        }
    }

    fn transaction(&self, writing: bool) -> Result<PgTx<'_>, StoreError> {
        let mut tx = PgTx {
            pooled: self.pool.get()?,
            writing: false,
        };
        if writing {
            tx.run("cannot begin a write", |client| {
                client.batch_execute("BEGIN ISOLATION LEVEL READ COMMITTED")
            })?;
            tx.writing = true;
        }
        Ok(tx)
    }
}

impl Store for PostgresStore {
    fn read(&self) -> Result<Box<dyn Reader + '_>, StoreError> {
        Ok(Box::new(self.transaction(false)?))
    }

    fn write(&self) -> Result<Box<dyn Writer + '_>, StoreError> {
        Ok(Box::new(self.transaction(true)?))
    }

    /// Through a pooled connection: a PostgreSQL connection, unlike a file
    /// descriptor, notices the server going away. The caller bounds the
    /// wait (readiness answers within a second).
    fn schema_versions(&self) -> Result<SchemaVersions, StoreError> {
        let found: i32 = self.transaction(false)?.run(
            "cannot read the schema version",
            |client| async move {
                let row = client
                    .query_one(
                        "SELECT coalesce(max(version), 0) FROM authctl_migrations",
                        &[],
                    )
                    .await?;
                Ok(row.get(0))
            },
        )?;
        Ok(SchemaVersions {
            found: i64::from(found),
            latest: i64::try_from(migrations::STEPS.len()).unwrap_or(i64::MAX),
        })
    }

    /// The server keeps its own house (autovacuum).
    fn maintain(&self) -> Result<(), StoreError> {
        Ok(())
    }
}

/// A pooled connection, inside a transaction when `writing`.
struct PgTx<'a> {
    pooled: Pooled<'a>,
    /// A write transaction is open and not yet committed.
    writing: bool,
}

impl PgTx<'_> {
    /// Runs the statements `work` makes on this connection to their end.
    fn run<'c, T, F>(
        &'c self,
        context: &'static str,
        work: impl FnOnce(&'c Conn) -> F,
    ) -> Result<T, StoreError>
    where
        F: Future<Output = Result<T, tokio_postgres::Error>> + 'c,
    {
        let client = self.pooled.client()?;
        let pool = self.pooled.pool();
        pool.block_on(work(client))
            .map_err(|e| errors::failed(pool.address(), context, e))
    }
}

impl Drop for PgTx<'_> {
    fn drop(&mut self) {
        if self.writing {
            let rolled_back = self.run("cannot roll back", |client| {
                client.batch_execute("ROLLBACK")
            });
            if rolled_back.is_err() {
                self.pooled.discard();
            }
        }
    }
}

impl Reader for PgTx<'_> {
    fn find_user_by(&mut self, lookup: UserLookup<'_>) -> Result<UserRecord, StoreError> {
        self.run("cannot look the user up", |c| users::find(c, lookup))?
            .ok_or(StoreError::NotFound)
    }

    fn list_users(&mut self, now: Timestamp) -> Result<Vec<UserSummary>, StoreError> {
        self.run("cannot list users", |c| users::list(c, now))
    }

    fn list_sessions(
        &mut self,
        user: Option<UserId>,
        now: Timestamp,
    ) -> Result<Vec<SessionInfo>, StoreError> {
        self.run("cannot list sessions", |c| sessions::list(c, user, now))
    }

    fn export_users(&mut self) -> Result<Vec<UserRecord>, StoreError> {
        self.run("cannot export users", users::export)
    }

    fn session_last_used(&mut self, digest: &TokenDigest) -> Result<Option<Timestamp>, StoreError> {
        self.run("cannot look the session up", |c| {
            sessions::last_used(c, digest)
        })
    }

    fn email_free(&mut self, email: &Email) -> Result<(), StoreError> {
        match self.run("cannot look the email up", |c| users::taken(c, email))? {
            None => Ok(()),
            Some(users::Taken::Key) => Err(StoreError::EmailTaken),
            Some(users::Taken::Skeleton) => Err(StoreError::LookAlike),
        }
    }

    fn activity(&mut self, user: UserId) -> Result<Activity, StoreError> {
        self.run("cannot look the user up", |c| users::activity(c, user))?
            .ok_or(StoreError::NotFound)
    }

    fn counter(&mut self, scope: Scope, key: &str) -> Result<Option<StoredCounter>, StoreError> {
        self.run("cannot read the throttle", |c| throttle::get(c, scope, key))
    }

    fn counters(&mut self, now_ms: i64) -> Result<Vec<(Scope, String, Counter)>, StoreError> {
        self.run("cannot list the throttle", |c| throttle::list(c, now_ms))
    }

    fn device_honoured(
        &mut self,
        digest: &TokenDigest,
        email_key: &str,
        now: Timestamp,
        max_failures: u32,
    ) -> Result<bool, StoreError> {
        self.run("cannot look the device up", |c| {
            throttle::device_honoured(c, digest, email_key, now, max_failures)
        })
    }

    fn is_blocked(&mut self, folded: &str) -> Result<bool, StoreError> {
        self.run("cannot read the password blocklist", |c| {
            blocklist::contains(c, folded)
        })
    }

    fn blocked_words(&mut self) -> Result<Vec<BlockedWord>, StoreError> {
        self.run("cannot read the password blocklist", blocklist::list)
    }

    fn count_blocked(&mut self) -> Result<u64, StoreError> {
        self.run("cannot read the password blocklist", blocklist::count)
    }

    fn events(&mut self, filter: &EventFilter) -> Result<Vec<StoredEvent>, StoreError> {
        self.run("cannot read the audit log", |c| audit::select(c, filter))
    }

    fn count_events_before(&mut self, before_ms: i64) -> Result<u64, StoreError> {
        self.run("cannot read the audit log", |c| {
            audit::count_before(c, before_ms)
        })
    }

    fn last_event_seq(&mut self) -> Result<i64, StoreError> {
        self.run("cannot read the audit log", audit::last_seq)
    }
}

impl Writer for PgTx<'_> {
    fn add_user(&mut self, user: &NewUser) -> Result<User, StoreError> {
        let id = self
            .run("cannot add the user", |c| users::insert(c, user))?
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
        self.run("cannot update the user", |c| async move {
            if !users::update(c, id, update, now).await? {
                return Ok(false);
            }
            if update.end_sessions {
                sessions::delete_of(c, id, now).await?;
                sessions::delete_reset_tokens_of(c, id).await?;
                throttle::delete_devices_of(c, id).await?;
            }
            Ok(true)
        })?
        .then_some(())
        .ok_or(StoreError::NotFound)
    }

    fn record_login(&mut self, login: &LoginRecord<'_>, now: Timestamp) -> Result<(), StoreError> {
        self.run("cannot record the login", |c| async move {
            if !users::claim_for_login(c, login, now).await? {
                return Ok(false);
            }
            sessions::insert(c, login.session.map_or(&[], std::slice::from_ref)).await?;
            Ok(true)
        })?
        .then_some(())
        .ok_or(StoreError::NotFound)
    }

    fn add_sessions(&mut self, new: &[NewSession]) -> Result<(), StoreError> {
        self.run("cannot record the session", |c| sessions::insert(c, new))
    }

    fn delete_session(
        &mut self,
        digest: &TokenDigest,
        now: Timestamp,
    ) -> Result<Option<UserId>, StoreError> {
        self.run("cannot end the session", |c| {
            sessions::delete_live(c, digest, now)
        })
    }

    fn touch_session(&mut self, digest: &TokenDigest, now: Timestamp) -> Result<(), StoreError> {
        self.run("cannot mark the session used", |c| {
            sessions::touch(c, digest, now)
        })
    }

    fn trim_sessions(&mut self, user: UserId, keep: u32) -> Result<u64, StoreError> {
        self.run("cannot end the oldest sessions", |c| {
            sessions::trim(c, user, keep)
        })
    }

    fn delete_session_by_id(
        &mut self,
        id: i64,
        now: Timestamp,
    ) -> Result<Option<SessionInfo>, StoreError> {
        self.run("cannot end the session", |c| {
            sessions::delete_live_by_id(c, id, now)
        })
    }

    fn delete_sessions_of(&mut self, user: UserId, now: Timestamp) -> Result<u64, StoreError> {
        self.run("cannot end the sessions", |c| {
            sessions::delete_of(c, user, now)
        })
    }

    fn put_reset_token(
        &mut self,
        user: UserId,
        digest: &TokenDigest,
        expires_at: Timestamp,
    ) -> Result<(), StoreError> {
        self.run("cannot store the reset token", |c| {
            sessions::put_reset_token(c, user, digest, expires_at)
        })
    }

    fn take_reset_token(
        &mut self,
        email_key: &str,
        digest: &TokenDigest,
        now: Timestamp,
    ) -> Result<UserId, StoreError> {
        self.run("cannot use the reset token", |c| {
            sessions::take_reset_token(c, email_key, digest, now)
        })?
        .ok_or(StoreError::NotFound)
    }

    fn block_words(&mut self, words: &[BlockedWord]) -> Result<u64, StoreError> {
        self.run("cannot add to the password blocklist", |c| {
            blocklist::insert(c, words)
        })
    }

    fn unblock_words(&mut self, words: &[BlockedWord]) -> Result<Vec<BlockedWord>, StoreError> {
        self.run("cannot remove from the password blocklist", |c| {
            blocklist::delete(c, words)
        })
    }

    fn delete_user(&mut self, id: UserId) -> Result<(), StoreError> {
        self.run("cannot delete the user", |c| users::delete(c, id))?
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
        self.run("cannot update the throttle", |c| {
            throttle::swap(c, scope, key, expected, next)
        })
    }

    fn delete_counter(&mut self, scope: Scope, key: &str) -> Result<bool, StoreError> {
        self.run("cannot clear the throttle", |c| {
            throttle::delete(c, scope, key)
        })
    }

    fn delete_counters(&mut self, scope: Option<Scope>) -> Result<u64, StoreError> {
        self.run("cannot clear the throttle", |c| {
            throttle::delete_all(c, scope)
        })
    }

    fn claim_device(
        &mut self,
        digest: &TokenDigest,
        email_key: &str,
        now: Timestamp,
        max_failures: u32,
    ) -> Result<Option<i64>, StoreError> {
        self.run("cannot claim the device", |c| {
            throttle::claim_device(c, digest, email_key, now, max_failures)
        })
    }

    fn clear_device_failures(&mut self, id: i64) -> Result<(), StoreError> {
        self.run("cannot update the device", |c| {
            throttle::clear_device_failures(c, id)
        })
    }

    fn add_device(&mut self, device: &NewDevice, keep: u32) -> Result<(), StoreError> {
        self.run("cannot record the device", |c| {
            throttle::add_device(c, device, keep)
        })
    }

    fn prune_expired(&mut self, now: Timestamp) -> Result<u64, StoreError> {
        self.run("cannot prune expired rows", |c| async move {
            Ok(sessions::prune(c, now).await?
                + sessions::prune_reset_tokens(c, now).await?
                + throttle::prune_devices(c, now).await?
                + throttle::prune(c, now.unix().saturating_mul(1000)).await?)
        })
    }

    fn add_event(&mut self, event: &NewEvent) -> Result<i64, StoreError> {
        self.run("cannot record the audit event", |c| audit::insert(c, event))
    }

    fn settle_event(&mut self, id: i64, settled: &NewEvent) -> Result<bool, StoreError> {
        self.run("cannot record the audit event", |c| {
            audit::settle(c, id, settled)
        })
    }

    fn add_to_event(
        &mut self,
        aggregate: &str,
        event: &NewEvent,
        count: u64,
    ) -> Result<(), StoreError> {
        self.run("cannot record the audit event", |c| {
            audit::add_to(c, aggregate, event, count)
        })
    }

    fn prune_events(&mut self, before_ms: i64, limit: u32) -> Result<u64, StoreError> {
        self.run("cannot prune the audit log", |c| {
            audit::prune(c, before_ms, limit)
        })
    }

    fn commit(mut self: Box<Self>) -> Result<(), StoreError> {
        self.run("cannot commit", |c| c.batch_execute("COMMIT"))?;
        self.writing = false;
        Ok(())
    }
}
