//! Storage: the contract every backend keeps, and the only place SQL lives.
//!
//! The module is private to the auth layer, so the compiler, not a
//! review, keeps the front ends from reaching past `auth` into storage.
//!
//! # The unit of work
//!
//! `auth` asks for a [`Writer`], does several operations on it (a change,
//! later its audit event and a throttle update) and commits; dropping a
//! writer without [`Writer::commit`] rolls everything back. A transaction
//! object was chosen over a closure taking the transaction, because it keeps
//! the trait object-safe (one `Box<dyn Store>` whatever the backend) and lets
//! `auth` decide late, as a dry-run import does, not to commit. Callers never
//! hold a writer across bcrypt work: a transaction is short, and bcrypt runs
//! before it begins.
//!
//! # Guarantees
//!
//! Each write operation states what it guarantees in terms that hold on
//! every backend, PostgreSQL's READ COMMITTED included: a conditional
//! statement whose row count says who won (`DELETE ... RETURNING`,
//! `INSERT ... ON CONFLICT DO NOTHING`, `UPDATE ... WHERE <still as read>`),
//! or a row lock held to commit. None relies on SQLite's single writer.
//! No operation fails in a way that poisons the transaction for the next
//! (a PostgreSQL transaction is unusable after any error), so `auth` may
//! act on an outcome such as [`StoreError::EmailTaken`] and carry on.

#[cfg(test)]
mod contract;
mod error;
mod postgres;
mod sqlite;
mod types;

pub(crate) use error::StoreError;
pub(crate) use types::{
    Activity, Counter, EventFilter, LoginRecord, NewDevice, NewEvent, NewSession, NewUser,
    SchemaVersions, Scope, StoredCounter, StoredEvent, UserLookup, UserRecord, UserUpdate,
};

use crate::domain::{
    BlockedWord, Database, Email, Finding, SessionInfo, Timestamp, TokenDigest, User, UserId,
    UserSummary,
};

/// Log directives that cap what the storage drivers may log, whatever
/// `RUST_LOG` asks: their debug lines show statement parameters, which hold
/// password hashes and token digests.
pub(crate) const LOG_CEILINGS: [&str; 1] = [postgres::LOG_CEILING];

/// Opens (creating and migrating if needed) the database `database` names.
pub(crate) fn open(database: &Database) -> Result<Box<dyn Store>, StoreError> {
    match database.location() {
        crate::domain::Location::Sqlite(path) => Ok(Box::new(sqlite::SqliteStore::open(path)?)),
        crate::domain::Location::Postgres(pg) => Ok(Box::new(postgres::PostgresStore::open(pg)?)),
    }
}

/// Opens the database only if it exists, else [`StoreError::NoDatabase`]:
/// a caller acting on existing users must not leave an empty database
/// behind a mistyped locator.
pub(crate) fn open_existing(database: &Database) -> Result<Box<dyn Store>, StoreError> {
    match database.location() {
        crate::domain::Location::Sqlite(path) => {
            Ok(Box::new(sqlite::SqliteStore::open_existing(path)?))
        }
        crate::domain::Location::Postgres(pg) => {
            Ok(Box::new(postgres::PostgresStore::open_existing(pg)?))
        }
    }
}

/// Checks the database `database` names for `authctl doctor`, reading
/// only: it never creates, migrates or marks a database. A check that
/// depends on one that failed is left out (a missing file has no mode).
pub(crate) fn inspect(database: &Database) -> Vec<Finding> {
    match database.location() {
        crate::domain::Location::Sqlite(path) => sqlite::inspect(path),
        crate::domain::Location::Postgres(pg) => postgres::inspect(pg),
    }
}

/// The names of the database checks. Stable: scripts match on them, and
/// README lists them. A backend reports those that apply to it.
pub(crate) mod check {
    /// The database can be found and read.
    pub(crate) const REACHABLE: &str = "database.reachable";
    /// It is authctl's (for SQLite, its `application_id`).
    pub(crate) const OWNER: &str = "database.owner";
    /// The file is private to its owner.
    pub(crate) const FILE_MODE: &str = "database.file_mode";
    /// Nobody else can add or swap files beside it.
    pub(crate) const FOLDER_MODE: &str = "database.folder_mode";
    /// SQLite's write-ahead log, which lets the CLI and a server share it.
    pub(crate) const JOURNAL_MODE: &str = "database.journal_mode";
    /// The engine finds no damage.
    pub(crate) const INTEGRITY: &str = "database.integrity";
    /// Its schema version against the migrations this binary knows.
    pub(crate) const SCHEMA: &str = "database.schema";
}

/// A database: hands out readers and writers.
pub(crate) trait Store: Send + Sync {
    /// A reader: each call sees every transaction committed before it
    /// started (no snapshot is promised across calls).
    fn read(&self) -> Result<Box<dyn Reader + '_>, StoreError>;

    /// A write transaction, begun; it waits (up to the backend's timeout)
    /// for the right to write rather than failing at its first write.
    fn write(&self) -> Result<Box<dyn Writer + '_>, StoreError>;

    /// The schema version the database has now and the one this build
    /// migrates to, read afresh (for SQLite, through a connection opened for
    /// the purpose, so a file moved, replaced or made unreadable under the
    /// running server shows). It writes nothing and waits on no lock longer
    /// than a second: it answers readiness probes.
    fn schema_versions(&self) -> Result<SchemaVersions, StoreError>;

    /// Housekeeping the backend needs now and then, outside any request
    /// (for SQLite: giving back the write-ahead log's space when the disk
    /// runs short).
    fn maintain(&self) -> Result<(), StoreError>;
}

/// The queries. None of them writes.
pub(crate) trait Reader {
    /// The user matching `lookup`, with its hash, as the Flask `DB` class's
    /// `find_user_by`; [`StoreError::NotFound`] when none, or when the
    /// session or reset token has expired.
    fn find_user_by(&mut self, lookup: UserLookup<'_>) -> Result<UserRecord, StoreError>;

    /// Every user with its live-session count, by id.
    fn list_users(&mut self, now: Timestamp) -> Result<Vec<UserSummary>, StoreError>;

    /// Live sessions, of one user or of all, oldest first.
    fn list_sessions(
        &mut self,
        user: Option<UserId>,
        now: Timestamp,
    ) -> Result<Vec<SessionInfo>, StoreError>;

    /// Every user with its hash, by id.
    fn export_users(&mut self) -> Result<Vec<UserRecord>, StoreError>;

    /// When the session stored under `digest` was last used (opened, or
    /// marked by [`Writer::touch_session`]); `None` if there is no such
    /// session.
    fn session_last_used(&mut self, digest: &TokenDigest) -> Result<Option<Timestamp>, StoreError>;

    /// Whether a new user with `email` would be refused:
    /// [`StoreError::EmailTaken`] for its key, [`StoreError::LookAlike`]
    /// for its confusable skeleton, `Ok` if neither is taken (as of now: the
    /// insert itself stays the one that decides).
    fn email_free(&mut self, email: &Email) -> Result<(), StoreError>;

    /// When `user` last logged in and last had its password changed;
    /// [`StoreError::NotFound`] if there is no such user.
    fn activity(&mut self, user: UserId) -> Result<Activity, StoreError>;

    /// The throttle counter of `key` in `scope`, expired or not.
    fn counter(&mut self, scope: Scope, key: &str) -> Result<Option<StoredCounter>, StoreError>;

    /// Every counter not yet expired at `now_ms`, by scope and key.
    fn counters(&mut self, now_ms: i64) -> Result<Vec<(Scope, String, Counter)>, StoreError>;

    /// Whether the device stored under `digest` is live, has fewer than
    /// `max_failures` failures, and belongs to the enabled user whose email
    /// key is `email_key`.
    fn device_honoured(
        &mut self,
        digest: &TokenDigest,
        email_key: &str,
        now: Timestamp,
        max_failures: u32,
    ) -> Result<bool, StoreError>;

    /// Whether `folded` (a password lowercased and in NFC, as
    /// [`BlockedWord`]s are stored) is on the operator's blocklist. The
    /// argument is a secret: it goes to the query and nowhere else.
    fn is_blocked(&mut self, folded: &str) -> Result<bool, StoreError>;

    /// Every word on the operator's blocklist, in byte order.
    fn blocked_words(&mut self) -> Result<Vec<BlockedWord>, StoreError>;

    /// How many words the operator's blocklist holds.
    fn count_blocked(&mut self) -> Result<u64, StoreError>;

    /// The audit events `filter` selects: newest first, or, with
    /// `after_seq`, those committed after it, oldest first.
    fn events(&mut self, filter: &EventFilter) -> Result<Vec<StoredEvent>, StoreError>;

    /// How many audit events are older than `before_ms`.
    fn count_events_before(&mut self, before_ms: i64) -> Result<u64, StoreError>;

    /// The latest point in the audit log's commit order (0 before the
    /// first event; it never goes down, pruning or not): a follower starts
    /// after it. Points come from one counter every audited transaction
    /// takes and holds to its end, so a row committed later always has a
    /// later point: a follower that has seen point N misses nothing by
    /// asking for what is after N.
    fn last_event_seq(&mut self) -> Result<i64, StoreError>;
}

/// A write transaction. Reads through it see its own writes.
pub(crate) trait Writer: Reader {
    /// Inserts a user unless its email key or its confusable skeleton is
    /// taken, as a conditional insert (`ON CONFLICT DO NOTHING`) on unique
    /// indexes: [`StoreError::EmailTaken`] or [`StoreError::LookAlike`] then,
    /// and of concurrent inserts of one key or of look-alikes exactly one
    /// succeeds. The transaction stays usable after either.
    fn add_user(&mut self, user: &NewUser) -> Result<User, StoreError>;

    /// Applies `update` to user `id` (Flask's `update_user`), locking its
    /// row to commit; [`StoreError::NotFound`] if no such user.
    fn update_user(
        &mut self,
        id: UserId,
        update: &UserUpdate,
        now: Timestamp,
    ) -> Result<(), StoreError>;

    /// Writes what a checked login leads to (a new hash, a session) only if
    /// its user is still enabled and still has the verified hash. The check
    /// is the `WHERE` of an `UPDATE` of the user row, which locks the row to
    /// commit: a password change or disable either committed first (then
    /// this writes nothing and fails with [`StoreError::NotFound`]) or waits
    /// for this transaction and then ends the session it opened.
    fn record_login(&mut self, login: &LoginRecord<'_>, now: Timestamp) -> Result<(), StoreError>;

    /// Records sessions of existing users.
    fn add_sessions(&mut self, sessions: &[NewSession]) -> Result<(), StoreError>;

    /// Deletes the session stored under `digest` if it is live; returns
    /// its user if this call deleted it (of concurrent calls, one does).
    fn delete_session(
        &mut self,
        digest: &TokenDigest,
        now: Timestamp,
    ) -> Result<Option<UserId>, StoreError>;

    /// Marks the session stored under `digest` used at `now`. A later time
    /// only: of racing marks the latest stays.
    fn touch_session(&mut self, digest: &TokenDigest, now: Timestamp) -> Result<(), StoreError>;

    /// Deletes `user`'s oldest sessions beyond the newest `keep`; returns
    /// how many it deleted.
    fn trim_sessions(&mut self, user: UserId, keep: u32) -> Result<u64, StoreError>;

    /// Deletes the live session with row id `id` and returns it as it was;
    /// `None` if there is no such live session. A conditional delete: of
    /// concurrent calls, one gets it.
    fn delete_session_by_id(
        &mut self,
        id: i64,
        now: Timestamp,
    ) -> Result<Option<SessionInfo>, StoreError>;

    /// Deletes every session of `user`; returns how many were live.
    fn delete_sessions_of(&mut self, user: UserId, now: Timestamp) -> Result<u64, StoreError>;

    /// Stores `digest` as `user`'s one reset token, replacing any earlier
    /// one (an upsert on the user: concurrent requests leave one token).
    fn put_reset_token(
        &mut self,
        user: UserId,
        digest: &TokenDigest,
        expires_at: Timestamp,
    ) -> Result<(), StoreError>;

    /// Deletes the live reset token `digest` if it belongs to the enabled
    /// user whose email key is `email_key`, and returns that user. The
    /// `DELETE ... RETURNING` is the claim: of concurrent uses of one token
    /// exactly one gets the user back, the others [`StoreError::NotFound`].
    fn take_reset_token(
        &mut self,
        email_key: &str,
        digest: &TokenDigest,
        now: Timestamp,
    ) -> Result<UserId, StoreError>;

    /// Adds `words` to the operator's blocklist; returns how many were not
    /// on it. Each is a conditional insert (`ON CONFLICT DO NOTHING`) on
    /// the word's primary key: of concurrent adds of one word, one counts
    /// it. A word given twice counts once.
    fn block_words(&mut self, words: &[BlockedWord]) -> Result<u64, StoreError>;

    /// Takes `words` off the operator's blocklist; returns those that were
    /// on it (`DELETE ... RETURNING`: of concurrent removals of one word,
    /// one returns it).
    fn unblock_words(&mut self, words: &[BlockedWord]) -> Result<Vec<BlockedWord>, StoreError>;

    /// Deletes a user with its sessions and reset token;
    /// [`StoreError::NotFound`] if no such user.
    fn delete_user(&mut self, id: UserId) -> Result<(), StoreError>;

    /// Writes `next` as the counter of `key` in `scope` if it is still at
    /// version `expected` (absent when `None`); returns whether it did. A
    /// conditional statement: of concurrent swaps from one version exactly
    /// one succeeds, and a loser re-reads and decides again.
    fn swap_counter(
        &mut self,
        scope: Scope,
        key: &str,
        expected: Option<i64>,
        next: &Counter,
    ) -> Result<bool, StoreError>;

    /// Deletes the counter of `key` in `scope`; returns whether there was one.
    fn delete_counter(&mut self, scope: Scope, key: &str) -> Result<bool, StoreError>;

    /// Deletes every counter (of `scope`, when given); returns how many.
    fn delete_counters(&mut self, scope: Option<Scope>) -> Result<u64, StoreError>;

    /// Counts an attempt against the device, if [`Reader::device_honoured`]
    /// holds, in one conditional update; returns the device's id if so.
    fn claim_device(
        &mut self,
        digest: &TokenDigest,
        email_key: &str,
        now: Timestamp,
        max_failures: u32,
    ) -> Result<Option<i64>, StoreError>;

    /// Forgets the failures of device `id` (after a success with it).
    fn clear_device_failures(&mut self, id: i64) -> Result<(), StoreError>;

    /// Records a device, keeping only its user's newest `keep`.
    fn add_device(&mut self, device: &NewDevice, keep: u32) -> Result<(), StoreError>;

    /// Deletes expired sessions, reset tokens, devices and throttle
    /// counters; returns how many.
    fn prune_expired(&mut self, now: Timestamp) -> Result<u64, StoreError>;

    /// Appends an audit event; returns its id. In the transaction of the
    /// change it records, so that both commit or neither does.
    fn add_event(&mut self, event: &NewEvent) -> Result<i64, StoreError>;

    /// Rewrites the `login.attempt` row `id` (written with the claim that
    /// let a login through to its password check) as `settled`: its event,
    /// outcome, reason, details, time and, when it names one, account;
    /// moving it to the end of the commit order. Returns whether there was
    /// such a row (pruning may have taken it).
    fn settle_event(&mut self, id: i64, settled: &NewEvent) -> Result<bool, StoreError>;

    /// Adds `count` occurrences to the one event kept under `aggregate`
    /// (a refusal's key and lock period), inserting `event` if there is
    /// none yet: an upsert, so concurrent tallies from several processes
    /// add up in one row.
    fn add_to_event(
        &mut self,
        aggregate: &str,
        event: &NewEvent,
        count: u64,
    ) -> Result<(), StoreError>;

    /// Deletes at most `limit` of the oldest audit events older than
    /// `before_ms`; returns how many. Bounded, so a large prune is many
    /// short transactions rather than one long hold on the write lock.
    fn prune_events(&mut self, before_ms: i64, limit: u32) -> Result<u64, StoreError>;

    /// Makes every write of this transaction durable, or none of them.
    fn commit(self: Box<Self>) -> Result<(), StoreError>;
}
