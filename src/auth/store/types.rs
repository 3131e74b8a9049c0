use crate::domain::{Email, PasswordHash, Timestamp, TokenDigest, User, UserId};

/// A user to insert.
#[derive(Debug, Clone)]
pub(crate) struct NewUser {
    pub(crate) email: Email,
    pub(crate) hash: PasswordHash,
    pub(crate) created_at: Timestamp,
    /// Created disabled (an import of an exported disabled account).
    pub(crate) disabled: bool,
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
    /// Also delete every session, reset token and known device of the
    /// user, in the same transaction (after a password change or when
    /// disabling): a stolen device cookie dies with the old password.
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

/// What a throttle counter counts (SPEC section 6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Scope {
    /// Consecutive failed logins of one email key, known or not.
    Account,
    /// Failed logins and reset-token uses from one client address.
    Client,
    /// Reset requests for one account.
    ResetRequests,
}

impl Scope {
    /// The name stored in the database.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Account => "account",
            Self::Client => "client",
            Self::ResetRequests => "reset",
        }
    }

    pub(crate) fn from_stored(name: &str) -> Option<Self> {
        [Self::Account, Self::Client, Self::ResetRequests]
            .into_iter()
            .find(|scope| scope.as_str() == name)
    }
}

/// The state of one throttle key; times in milliseconds since the epoch.
/// The auth layer's rules give each field its meaning per scope; the
/// store only keeps it and swaps it atomically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Counter {
    pub(crate) failures: u32,
    /// Failures in the window before the current one, for a count over a
    /// window that slides.
    pub(crate) previous: u32,
    /// When the current counting window began.
    pub(crate) window_start_ms: i64,
    /// When the last attempt was claimed.
    pub(crate) last_ms: i64,
    /// Attempts before this are refused; `i64::MAX` is a lock.
    pub(crate) blocked_until_ms: i64,
    /// From this time on the row means nothing and may be pruned.
    pub(crate) expires_ms: i64,
}

/// A counter as stored, with the version a swap must name.
#[derive(Debug, Clone, Copy)]
pub(crate) struct StoredCounter {
    pub(crate) version: i64,
    pub(crate) counter: Counter,
}

/// A known device (an OWASP device cookie), stored as its digest.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NewDevice {
    pub(crate) user: UserId,
    pub(crate) digest: TokenDigest,
    pub(crate) created_at: Timestamp,
    pub(crate) expires_at: Timestamp,
}

/// What `users show` tells of an account's use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Activity {
    pub(crate) last_login: Option<Timestamp>,
    pub(crate) password_changed: Option<Timestamp>,
}

/// A database's schema version against the one this build migrates to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SchemaVersions {
    /// What the database says it has.
    pub(crate) found: i64,
    /// What this build's migrations end at.
    pub(crate) latest: i64,
}

/// An audit event to append (SPEC section 8). Built by `auth` from the
/// caller and the outcome; never holds a password, token, cookie or hash.
#[derive(Debug, Clone)]
pub(crate) struct NewEvent {
    pub(crate) at_ms: i64,
    pub(crate) event: &'static str,
    pub(crate) success: bool,
    pub(crate) reason: Option<&'static str>,
    /// `cli` or `http`.
    pub(crate) source: &'static str,
    /// The OS user, for the CLI.
    pub(crate) actor: Option<String>,
    pub(crate) client_ip: Option<String>,
    pub(crate) user_agent: Option<String>,
    pub(crate) user_id: Option<UserId>,
    pub(crate) email: Option<Email>,
    /// A small JSON object.
    pub(crate) details: Option<String>,
}

/// A stored audit event.
#[derive(Debug, Clone)]
pub(crate) struct StoredEvent {
    pub(crate) id: i64,
    /// Where the event stands in commit order: raised when a row is
    /// settled or counted again, so that a follower sees it anew.
    pub(crate) seq: i64,
    pub(crate) at_ms: i64,
    pub(crate) event: String,
    pub(crate) success: bool,
    pub(crate) reason: Option<String>,
    pub(crate) source: String,
    pub(crate) actor: Option<String>,
    pub(crate) client_ip: Option<String>,
    pub(crate) user_agent: Option<String>,
    pub(crate) user_id: Option<i64>,
    pub(crate) email: Option<String>,
    pub(crate) details: Option<String>,
    /// How many occurrences the row stands for (refusals are folded).
    pub(crate) count: u64,
}

/// Which audit events to read. Every given field narrows (AND).
#[derive(Debug, Clone, Default)]
pub(crate) struct EventFilter {
    pub(crate) since_ms: Option<i64>,
    pub(crate) until_ms: Option<i64>,
    /// An email key.
    pub(crate) email_key: Option<String>,
    pub(crate) events: Vec<String>,
    /// None of these events.
    pub(crate) skip_events: Vec<String>,
    pub(crate) success: Option<bool>,
    pub(crate) client_ip: Option<String>,
    pub(crate) source: Option<&'static str>,
    /// Only rows committed after this point, oldest first (a follower);
    /// otherwise newest first.
    pub(crate) after_seq: Option<i64>,
    pub(crate) limit: u32,
}

impl EventFilter {
    /// The order the contract gives the rows: those committed after
    /// `after_seq` in commit order (a follower), else newest first. The
    /// column names are the same on every backend.
    pub(crate) fn order_by(&self) -> &'static str {
        if self.after_seq.is_some() {
            "seq ASC"
        } else {
            "at_ms DESC, id DESC"
        }
    }
}
