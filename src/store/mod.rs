//! Storage: the only layer that speaks SQL.
//!
//! [`Store`] is backend-neutral (a PostgreSQL backend is planned so that
//! several servers can share one database); [`SqliteStore`] is the embedded
//! backend. Nothing above this module names a driver type: driver errors are
//! folded into [`StoreError`] here.

mod diagnose;
mod error;
mod migrations;
mod pool;
mod sqlite;
mod types;

pub use error::StoreError;
pub use migrations::migrations;
pub use sqlite::SqliteStore;
pub use types::{
    ImportOutcome, LoginRecord, NewSession, NewUser, UserLookup, UserRecord, UserUpdate,
};

use crate::domain::{PasswordHash, SessionInfo, Timestamp, TokenDigest, User, UserId, UserSummary};

/// The operations of the Flask service's `DB` class, typed, plus what the
/// auth layer needs for sessions, reset tokens and administration.
///
/// Every method is one transaction: it either happens whole or not at all.
pub trait Store: Send + Sync {
    /// Inserts a user; [`StoreError::EmailTaken`] if the email key exists.
    fn add_user(&self, user: &NewUser) -> Result<User, StoreError>;

    /// The user matching `lookup`, with its hash; [`StoreError::NotFound`]
    /// when none (or when the session or reset token has expired).
    fn find_user_by(&self, lookup: UserLookup<'_>) -> Result<UserRecord, StoreError>;

    /// Applies `update` to user `id`; [`StoreError::NotFound`] if no such user.
    fn update_user(
        &self,
        id: UserId,
        update: &UserUpdate,
        now: Timestamp,
    ) -> Result<(), StoreError>;

    /// Records sessions, all in one transaction (many when provisioning).
    fn add_sessions(&self, sessions: &[NewSession]) -> Result<(), StoreError>;

    /// Writes `login` (a new hash, a session) in one transaction if its user
    /// is still enabled and still has the verified hash; otherwise writes
    /// nothing and fails with [`StoreError::NotFound`], so that a password
    /// change or a disable committed during the bcrypt check wins.
    fn record_login(&self, login: &LoginRecord<'_>, now: Timestamp) -> Result<(), StoreError>;

    /// Deletes the session stored under `digest` if it is still live;
    /// returns whether one was deleted.
    fn delete_session(&self, digest: &TokenDigest, now: Timestamp) -> Result<bool, StoreError>;

    /// Deletes every session of `user`; returns how many were live.
    fn delete_sessions_of(&self, user: UserId, now: Timestamp) -> Result<u64, StoreError>;

    /// Live sessions, of one user or of all, oldest first.
    fn list_sessions(
        &self,
        user: Option<UserId>,
        now: Timestamp,
    ) -> Result<Vec<SessionInfo>, StoreError>;

    /// Stores `digest` as `user`'s reset token, replacing any earlier one.
    fn put_reset_token(
        &self,
        user: UserId,
        digest: &TokenDigest,
        expires_at: Timestamp,
    ) -> Result<(), StoreError>;

    /// In one transaction: consumes the live reset token `digest` of the user
    /// whose email key is `email_key`, sets `new_hash`, and ends all of that
    /// user's sessions. [`StoreError::NotFound`] if no such live token, so of
    /// many concurrent uses of one token exactly one succeeds.
    fn consume_reset_token(
        &self,
        email_key: &str,
        digest: &TokenDigest,
        new_hash: &PasswordHash,
        now: Timestamp,
    ) -> Result<UserId, StoreError>;

    /// Every user with its live-session count, by id.
    fn list_users(&self, now: Timestamp) -> Result<Vec<UserSummary>, StoreError>;

    /// Deletes a user with its sessions and reset token.
    fn delete_user(&self, id: UserId) -> Result<(), StoreError>;

    /// Every user with its hash, by id, for export.
    fn export_users(&self) -> Result<Vec<UserRecord>, StoreError>;

    /// Inserts `users` in one transaction. A row whose email exists (in the
    /// store or earlier in `users`) is skipped when `skip_existing`, else the
    /// whole import fails with [`StoreError::DuplicateRow`]. With `dry_run`
    /// the transaction is rolled back after every check has run.
    fn import_users(
        &self,
        users: &[NewUser],
        skip_existing: bool,
        dry_run: bool,
    ) -> Result<ImportOutcome, StoreError>;

    /// Deletes expired sessions and reset tokens; returns how many.
    fn prune_expired(&self, now: Timestamp) -> Result<u64, StoreError>;
}
