use crate::domain::{Email, PasswordHash, Timestamp, TokenDigest, User, UserId};

/// A user to insert.
#[derive(Debug, Clone)]
pub struct NewUser {
    /// The address, shown as given; unique by its key.
    pub email: Email,
    /// Its bcrypt hash.
    pub hash: PasswordHash,
    /// Creation time.
    pub created_at: Timestamp,
}

/// A session to record: only the digest of its token is kept.
#[derive(Debug, Clone, Copy)]
pub struct NewSession {
    /// Its owner.
    pub user: UserId,
    /// SHA-256 of the session id.
    pub digest: TokenDigest,
    /// When it was opened.
    pub created_at: Timestamp,
    /// When it stops being accepted.
    pub expires_at: Timestamp,
}

/// A stored user together with its password hash.
#[derive(Debug, Clone)]
pub struct UserRecord {
    /// The account.
    pub user: User,
    /// Its bcrypt hash.
    pub hash: PasswordHash,
}

/// The ways to find a user, as the Flask `find_user_by(**kwargs)` did with
/// column names, but typed: a lookup by anything else cannot be written.
#[derive(Debug, Clone, Copy)]
pub enum UserLookup<'a> {
    /// By database id.
    Id(UserId),
    /// By email, compared case-insensitively.
    Email(&'a Email),
    /// By the digest of a session id that is live at `now`.
    Session {
        /// Digest of the session id.
        digest: &'a TokenDigest,
        /// Sessions expiring at or before this are ignored.
        now: Timestamp,
    },
    /// By the digest of a reset token that is live at `now`.
    ResetToken {
        /// Digest of the reset token.
        digest: &'a TokenDigest,
        /// Tokens expiring at or before this are ignored.
        now: Timestamp,
    },
}

/// The fields `update_user` may change; `None` leaves a field as it is.
///
/// Flask's `update_user(**kwargs)` raised `ValueError` on an unknown field;
/// here an unknown field does not compile.
#[derive(Debug, Clone, Default)]
pub struct UserUpdate {
    /// A new password hash.
    pub hash: Option<PasswordHash>,
    /// Disable or re-enable the account.
    pub disabled: Option<bool>,
    /// Also delete every session and reset token of the user, in the same
    /// transaction (after a password change or when disabling).
    pub end_sessions: bool,
}

/// What a login writes once the password has been checked.
///
/// The check reads the user and bcrypt takes a while; a password change or
/// a disable may commit in between. The write therefore carries what was
/// checked, and happens only if the user is still as it was.
#[derive(Debug, Clone, Copy)]
pub struct LoginRecord<'a> {
    /// Who logs in.
    pub user: UserId,
    /// The hash the password was verified against; `None` when no password
    /// was checked (the original's `create_session`).
    pub verified: Option<&'a PasswordHash>,
    /// A hash at the policy's cost, to replace the verified one.
    pub rehash: Option<&'a PasswordHash>,
    /// The session to open.
    pub session: Option<&'a NewSession>,
}

/// What an import did (or, in a dry run, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    /// Rows inserted.
    pub created: usize,
    /// Indexes (0-based) of rows skipped because their email exists.
    pub skipped: Vec<usize>,
}
