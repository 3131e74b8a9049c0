use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::time::Duration;

use super::AuthError;
use crate::domain::{Password, PasswordHash};

/// bcrypt at the policy's cost, with a count of bcrypt runs so tests can
/// prove that an unknown email costs the same work as a wrong password.
pub(super) struct Hasher {
    cost: u32,
    runs: AtomicU64,
    /// The highest cost of a stored hash checked so far (at least the
    /// policy's): what an unknown email's dummy check costs.
    dummy_cost: AtomicU32,
    /// Dummy hashes by cost, each made on first use.
    dummies: Mutex<HashMap<u32, PasswordHash>>,
}

impl Hasher {
    pub(super) fn new(cost: u32) -> Self {
        Self {
            cost,
            runs: AtomicU64::new(0),
            dummy_cost: AtomicU32::new(cost),
            dummies: Mutex::new(HashMap::new()),
        }
    }

    /// Hashes at the policy cost. `Password` guarantees at most 72 bytes and
    /// no NUL, so bcrypt sees every byte and truncates nothing.
    pub(super) fn hash(&self, password: &Password) -> Result<PasswordHash, AuthError> {
        self.hash_at(password, self.cost)
    }

    fn hash_at(&self, password: &Password, cost: u32) -> Result<PasswordHash, AuthError> {
        self.runs.fetch_add(1, Ordering::Relaxed);
        let text = bcrypt::hash(password.expose(), cost)
            .map_err(|e| AuthError::internal("cannot hash the password", e))?;
        PasswordHash::parse(&text).map_err(|e| AuthError::internal("bcrypt wrote a bad hash", e))
    }

    /// Checks `password` against a stored hash. Its cost raises what an
    /// unknown email's dummy check costs: a login never lowers a stored
    /// cost, so after the policy's cost is lowered real accounts keep
    /// dearer hashes, and unknown emails must cost as much as they do.
    pub(super) fn verify(&self, password: &Password, hash: &PasswordHash) -> bool {
        self.dummy_cost.fetch_max(hash.cost(), Ordering::Relaxed);
        self.check(password, hash)
    }

    fn check(&self, password: &Password, hash: &PasswordHash) -> bool {
        self.runs.fetch_add(1, Ordering::Relaxed);
        // A hash that bcrypt cannot read matches nothing.
        bcrypt::verify(password.expose(), hash.expose()).unwrap_or(false)
    }

    /// The cost an unknown email's check spends.
    pub(super) fn dummy_cost(&self) -> u32 {
        self.dummy_cost.load(Ordering::Relaxed)
    }

    /// Spends one bcrypt run at [`Hasher::dummy_cost`], as checking a
    /// password does, for logins whose email is unknown or disabled.
    pub(super) fn verify_dummy(&self, password: &Password) -> Result<(), AuthError> {
        // Making the dummy hash is that run: verifying against it as well
        // would make the first unknown email cost twice as much, in the CLI
        // every time.
        if let (dummy, false) = self.dummy_at(self.dummy_cost())? {
            self.check(password, &dummy);
        }
        Ok(())
    }

    /// A real hash at the policy cost that matches no one's password, for
    /// rows a dry run does not hash.
    pub(super) fn placeholder(&self) -> Result<PasswordHash, AuthError> {
        Ok(self.dummy_at(self.cost)?.0)
    }

    /// The dummy hash at `cost`, and whether this call made it.
    fn dummy_at(&self, cost: u32) -> Result<(PasswordHash, bool), AuthError> {
        let known = self
            .dummies
            .lock()
            .ok()
            .and_then(|dummies| dummies.get(&cost).cloned());
        if let Some(dummy) = known {
            return Ok((dummy, false));
        }
        let made = Password::parse("authctl dummy password")
            .map_err(|e| AuthError::internal("bad dummy password", e))
            .and_then(|p| self.hash_at(&p, cost))?;
        if let Ok(mut dummies) = self.dummies.lock() {
            dummies.entry(cost).or_insert_with(|| made.clone());
        }
        Ok((made, true))
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

/// The least CPU time of `runs` hashes at `cost`: what a hash costs this
/// machine's core when nothing else gets in its way. CPU time rather than
/// the wall clock, so that other work on the machine (a build, another
/// test) does not make the answer swing.
pub(super) fn time_hash(cost: u32, runs: u32) -> Result<Duration, AuthError> {
    let mut fastest = Duration::MAX;
    for _ in 0..runs.max(1) {
        let started = thread_cpu_time();
        // Not a secret: only the time matters.
        bcrypt::hash("authctl doctor timing", cost)
            .map_err(|e| AuthError::internal("cannot time a hash", e))?;
        fastest = fastest.min(thread_cpu_time().saturating_sub(started));
    }
    Ok(fastest)
}

fn thread_cpu_time() -> Duration {
    let now = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    let seconds = u64::try_from(now.tv_sec).unwrap_or(0);
    let nanos = u32::try_from(now.tv_nsec).unwrap_or(0);
    Duration::new(seconds, nanos)
}
