use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use super::AuthError;
use crate::domain::{Password, PasswordHash};

/// bcrypt at the policy's cost, with a count of verifications so tests can
/// prove that an unknown email costs the same work as a wrong password.
pub(super) struct Hasher {
    cost: u32,
    verifications: AtomicU64,
    dummy: OnceLock<PasswordHash>,
}

impl Hasher {
    pub(super) fn new(cost: u32) -> Self {
        Self {
            cost,
            verifications: AtomicU64::new(0),
            dummy: OnceLock::new(),
        }
    }

    /// Hashes at the policy cost. `Password` guarantees at most 72 bytes and
    /// no NUL, so bcrypt sees every byte and truncates nothing.
    pub(super) fn hash(&self, password: &Password) -> Result<PasswordHash, AuthError> {
        let text = bcrypt::hash(password.expose(), self.cost)
            .map_err(|e| AuthError::internal("cannot hash the password", e))?;
        PasswordHash::parse(&text).map_err(|e| AuthError::internal("bcrypt wrote a bad hash", e))
    }

    pub(super) fn verify(&self, password: &Password, hash: &PasswordHash) -> bool {
        self.verifications.fetch_add(1, Ordering::Relaxed);
        // A hash that bcrypt cannot read matches nothing.
        bcrypt::verify(password.expose(), hash.expose()).unwrap_or(false)
    }

    /// Spends one verification's work on a fixed hash, for logins whose
    /// email is unknown or disabled.
    pub(super) fn verify_dummy(&self, password: &Password) -> Result<(), AuthError> {
        let dummy = self.dummy()?;
        self.verify(password, dummy);
        Ok(())
    }

    /// A real hash at the policy cost, made on first use so that commands
    /// that never need it do not pay for it.
    pub(super) fn dummy(&self) -> Result<&PasswordHash, AuthError> {
        if let Some(dummy) = self.dummy.get() {
            return Ok(dummy);
        }
        let made = Password::parse("authctl dummy password")
            .map_err(|e| AuthError::internal("bad dummy password", e))
            .and_then(|p| self.hash(&p))?;
        Ok(self.dummy.get_or_init(|| made))
    }

    /// Whether a stored hash should be replaced by one at the policy cost.
    pub(super) fn needs_rehash(&self, hash: &PasswordHash) -> bool {
        hash.cost() != self.cost
    }

    pub(super) fn verifications(&self) -> u64 {
        self.verifications.load(Ordering::Relaxed)
    }
}
