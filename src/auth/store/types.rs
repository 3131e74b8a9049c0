use crate::domain::{Email, PasswordHash, Timestamp, TokenDigest, User, UserId};

/// A user to insert.
#[derive(Debug, Clone)]
pub(crate) struct NewUser {
    pub(crate) email: Email,
    pub(crate) hash: PasswordHash,
    pub(crate) created_at: Timestamp,
}

/// A session to record: only the digest of its token is ever stored.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NewSession {
    pub(crate) user: UserId,
    pub(crate) digest: TokenDigest,
    pub(crate) created_at: Timestamp,
    pub(crate) expires_at: Timestamp,
}

/// A stored user together with its password hash.
#[derive(Debug, Clone)]
pub(crate) struct UserRecord {
    pub(crate) user: User,
    pub(crate) hash: PasswordHash,
}

/// The ways to find a user, as the Flask `find_user_by(**kwargs)` did with
/// column names, but typed: a lookup by anything else cannot be written.
#[derive(Debug, Clone, Copy)]
pub(crate) enum UserLookup<'a> {
    Id(UserId),
    /// By email, compared case-insensitively.
    Email(&'a Email),
    /// By the digest of a session id that is live at `now`.
    Session {
        digest: &'a TokenDigest,
        /// Sessions expiring at or before this are ignored.
        now: Timestamp,
        /// Sessions last used at or before this are ignored (idle).
        idle_cutoff: Option<Timestamp>,
    },
    /// By the digest of a reset token that is live at `now`.
    ResetToken {
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
pub(crate) struct UserUpdate {
    pub(crate) hash: Option<PasswordHash>,
    pub(crate) disabled: Option<bool>,
    /// Also delete every session and reset token of the user, in the same
    /// transaction (after a password change or when disabling).
    pub(crate) end_sessions: bool,
}

/// What a login writes once the password has been checked.
///
/// The check reads the user and bcrypt takes a while; a password change or
/// a disable may commit in between. The write therefore carries what was
/// checked, and happens only if the user is still as it was.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LoginRecord<'a> {
    pub(crate) user: UserId,
    /// The hash the password was verified against; `None` when no password
    /// was checked (the original's `create_session`).
    pub(crate) verified: Option<&'a PasswordHash>,
    /// A hash at the policy's cost, to replace the verified one.
    pub(crate) rehash: Option<&'a PasswordHash>,
    pub(crate) session: Option<&'a NewSession>,
}
