use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use super::AuthError;
use crate::domain::{Password, PasswordHash};

/// bcrypt at the policy's cost, with a count of bcrypt runs so tests can
/// prove that an unknown email costs the same work as a wrong password.
pub(super) struct Hasher {
    cost: u32,
    runs: AtomicU64,
    dummy: OnceLock<PasswordHash>,
}

impl Hasher {
    pub(super) fn new(cost: u32) -> Self {
        Self {
            cost,
            runs: AtomicU64::new(0),
            dummy: OnceLock::new(),
        }
    }

    /// Hashes at the policy cost. `Password` guarantees at most 72 bytes and
    /// no NUL, so bcrypt sees every byte and truncates nothing.
    pub(super) fn hash(&self, password: &Password) -> Result<PasswordHash, AuthError> {
        self.runs.fetch_add(1, Ordering::Relaxed);
        let text = bcrypt::hash(password.expose(), self.cost)
            .map_err(|e| AuthError::internal("cannot hash the password", e))?;
        PasswordHash::parse(&text).map_err(|e| AuthError::internal("bcrypt wrote a bad hash", e))
    }

    pub(super) fn verify(&self, password: &Password, hash: &PasswordHash) -> bool {
        self.runs.fetch_add(1, Ordering::Relaxed);
        // A hash that bcrypt cannot read matches nothing.
        bcrypt::verify(password.expose(), hash.expose()).unwrap_or(false)
    }

    /// Spends one bcrypt run at the policy cost, as checking a password
    /// does, for logins whose email is unknown or disabled.
    pub(super) fn verify_dummy(&self, password: &Password) -> Result<(), AuthError> {
        match self.dummy.get() {
            Some(dummy) => {
                self.verify(password, dummy);
            }
            // Making the dummy hash is that run: verifying against it as
            // well would make the first unknown email cost twice as much,
            // in the CLI every time.
            None => {
                self.dummy()?;
            }
        }
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
        // Never lower: a run at a test cost must not weaken a real hash.
        hash.cost() < self.cost
    }

    pub(super) fn runs(&self) -> u64 {
        self.runs.load(Ordering::Relaxed)
    }
}
