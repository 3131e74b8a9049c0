use std::time::Duration;

use super::Throttling;
use crate::domain::{MAX_PASSWORD_BYTES, Password, ValidationError};

/// The lowest cost bcrypt accepts: about 1 ms a hash, for tests only.
pub const MIN_BCRYPT_COST: u32 = 4;
/// Below this cost a hash is cheap to crack offline: for tests only, so
/// the CLI and the server say so when it is used.
pub const WEAK_BCRYPT_COST: u32 = 10;
/// The highest cost bcrypt accepts.
pub const MAX_BCRYPT_COST: u32 = 31;

/// The tunable security settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// bcrypt cost for new hashes; stored hashes of another cost are
    /// upgraded at their next successful login.
    pub bcrypt_cost: u32,
    /// Fewest characters a new password may have (1 reproduces the Flask
    /// original; NIST SP 800-63B asks 15 for single-factor passwords).
    pub min_password_length: usize,
    /// How long a session id stays valid.
    pub session_ttl: Duration,
    /// How long a reset token stays valid.
    pub reset_ttl: Duration,
    /// How long a session may go unused before it ends, within its TTL;
    /// `None`, as in the Flask service, keeps it to its TTL.
    pub session_idle_timeout: Option<Duration>,
    /// Most live sessions one user may hold; a new login ends the oldest
    /// beyond it. `None`: no cap.
    pub max_sessions_per_user: Option<u32>,
    /// The brute-force defence.
    pub throttling: Throttling,
    /// Whether new passwords are refused when they are on the built-in list
    /// of common passwords. The operator's list and the account's own
    /// email apply either way.
    pub builtin_blocklist: bool,
    /// How long audit events are kept by the server's pruning; `None`
    /// keeps them all.
    pub audit_retention: Option<Duration>,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            bcrypt_cost: 12,
            min_password_length: 8,
            session_ttl: Duration::from_secs(24 * 60 * 60),
            reset_ttl: Duration::from_secs(60 * 60),
            session_idle_timeout: None,
            max_sessions_per_user: None,
            throttling: Throttling::default(),
            builtin_blocklist: true,
            audit_retention: Some(Duration::from_secs(90 * 24 * 60 * 60)),
        }
    }
}

impl Policy {
    /// Whether `password` is long enough to be set as a new password: at
    /// least the minimum number of characters. Existing passwords are never
    /// checked against it, so raising the minimum locks nobody out. (The
    /// blocklist needs the account and the database:
    /// [`crate::auth::Auth::check_new_password`] applies both.)
    pub fn check_new_password(&self, password: &Password) -> Result<(), ValidationError> {
        let minimum = self.min_password_length;
        if password.char_count() < minimum {
            return Err(ValidationError::new(
                "password",
                format!("must be at least {minimum} characters"),
            ));
        }
        Ok(())
    }

    /// Checks that every setting is usable.
    pub fn validate(&self) -> Result<(), ValidationError> {
        if !(MIN_BCRYPT_COST..=MAX_BCRYPT_COST).contains(&self.bcrypt_cost) {
            return Err(ValidationError::new(
                "bcrypt cost",
                "must be between 4 and 31",
            ));
        }
        if !(1..=MAX_PASSWORD_BYTES).contains(&self.min_password_length) {
            return Err(ValidationError::new(
                "minimum password length",
                "must be between 1 and 72",
            ));
        }
        if self.session_ttl.as_secs() == 0 {
            return Err(ValidationError::new("session TTL", "must be at least 1s"));
        }
        if self.reset_ttl.as_secs() == 0 {
            return Err(ValidationError::new("reset TTL", "must be at least 1s"));
        }
        if self
            .session_idle_timeout
            .is_some_and(|idle| idle.as_secs() == 0)
        {
            return Err(ValidationError::new(
                "session idle timeout",
                "must be at least 1s",
            ));
        }
        if self.max_sessions_per_user == Some(0) {
            return Err(ValidationError::new(
                "sessions per user",
                "must be at least 1",
            ));
        }
        self.throttling.validate()
    }
}
