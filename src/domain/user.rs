use super::{Email, Timestamp};

/// The database id of a user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UserId(pub i64);

/// A user account, without its password hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// Database id.
    pub id: UserId,
    /// The address as first registered.
    pub email: Email,
    /// When the account was created.
    pub created_at: Timestamp,
    /// When the password or status last changed.
    pub updated_at: Timestamp,
    /// A disabled user cannot log in or reset its password.
    pub disabled: bool,
}

/// A user with its count of live sessions, for listings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserSummary {
    /// The account.
    pub user: User,
    /// Sessions that have not expired.
    pub live_sessions: u64,
}

/// A live session as an operator may see it: never the token itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionInfo {
    /// Row id, stable for the session's life.
    pub id: i64,
    /// The owner's address.
    pub email: Email,
    /// The first hex characters of the token's SHA-256 digest.
    pub digest_prefix: String,
    /// When the session was opened.
    pub created_at: Timestamp,
    /// When it stops being accepted.
    pub expires_at: Timestamp,
}
