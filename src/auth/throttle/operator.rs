//! The operator's view of the throttle: `users unlock`, `users show`,
//! `throttle list` and `throttle clear`.

use std::net::IpAddr;

use super::super::audit::Event;
use super::super::store::{Counter, Scope, StoreError, UserLookup};
use super::super::{Auth, AuthError, Caller, not_found};
use super::client_key;
use super::rules::LOCKED;
use crate::domain::{Email, Timestamp};

/// What a throttle counter counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThrottleScope {
    /// Failed logins of one email (known or not).
    Account,
    /// Failed logins and reset-token uses of one client address.
    Client,
    /// Reset requests of one account.
    ResetRequests,
}

impl ThrottleScope {
    /// The name `throttle list` shows.
    pub fn name(self) -> &'static str {
        match self {
            Self::Account => "account",
            Self::Client => "client",
            Self::ResetRequests => "reset",
        }
    }
}

/// One live throttle counter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThrottleEntry {
    /// What it counts.
    pub scope: ThrottleScope,
    /// The email key, or the client's address (IPv6: its /64).
    pub key: String,
    /// Failures (for reset requests: requests) counted.
    pub failures: u32,
    /// Attempts are refused until then; `None` when not blocked now.
    pub blocked_until: Option<Timestamp>,
    /// Locked until an operator unlocks it or a reset completes.
    pub locked: bool,
}

/// Which counters `throttle clear` forgets.
#[derive(Debug, Clone)]
pub enum ThrottleTarget {
    /// One client address (an IPv6 address stands for its /64).
    Client(IpAddr),
    /// One email's login and reset-request counts.
    Account(Email),
    /// Every counter.
    All,
}

fn entry(scope: Scope, key: String, counter: &Counter, now_ms: i64) -> ThrottleEntry {
    let locked = counter.blocked_until_ms == LOCKED;
    let blocked_until = (!locked && counter.blocked_until_ms > now_ms).then(|| {
        Timestamp::from_unix(
            counter
                .blocked_until_ms
                .saturating_add(999)
                .div_euclid(1000),
        )
    });
    ThrottleEntry {
        scope: match scope {
            Scope::Account => ThrottleScope::Account,
            Scope::Client => ThrottleScope::Client,
            Scope::ResetRequests => ThrottleScope::ResetRequests,
        },
        key,
        // A client's count spans its current and previous windows.
        failures: counter.failures.saturating_add(counter.previous),
        blocked_until,
        locked,
    }
}

impl Auth {
    /// The login throttle of one email, if it has failures counted.
    pub fn login_throttle(&self, email: &Email) -> Result<Option<ThrottleEntry>, AuthError> {
        let now_ms = self.clock.now_ms();
        let stored = self.store.read()?.counter(Scope::Account, email.key())?;
        Ok(stored
            .filter(|stored| stored.counter.expires_ms > now_ms)
            .map(|stored| {
                entry(
                    Scope::Account,
                    email.key().to_owned(),
                    &stored.counter,
                    now_ms,
                )
            }))
    }

    /// Every live throttle counter.
    pub fn throttle_entries(&self) -> Result<Vec<ThrottleEntry>, AuthError> {
        let now_ms = self.clock.now_ms();
        Ok(self
            .store
            .read()?
            .counters(now_ms)?
            .into_iter()
            .map(|(scope, key, counter)| entry(scope, key, &counter, now_ms))
            .collect())
    }

    /// Releases a user's lock and login wait (`users unlock`); returns
    /// whether there was anything to release. The user must exist.
    pub fn unlock_user(&self, caller: &Caller, email: &Email) -> Result<bool, AuthError> {
        let mut tx = self.store.write()?;
        let user = match tx.find_user_by(UserLookup::Email(email)) {
            Ok(record) => record.user,
            Err(StoreError::NotFound) => return Err(not_found(email)),
            Err(other) => return Err(other.into()),
        };
        let released = tx.delete_counter(Scope::Account, email.key())?;
        let event = Event::success("account.unlocked")
            .user(&user)
            .details(serde_json::json!({ "released": released }));
        self.commit_audited(tx, caller, &event)?;
        self.recent_refusals.forget(Scope::Account, email.key());
        Ok(released)
    }

    /// Forgets the counters `target` names; returns how many there were.
    pub fn clear_throttle(
        &self,
        caller: &Caller,
        target: &ThrottleTarget,
    ) -> Result<u64, AuthError> {
        let mut tx = self.store.write()?;
        let cleared = match target {
            ThrottleTarget::Client(address) => {
                u64::from(tx.delete_counter(Scope::Client, &client_key(*address))?)
            }
            ThrottleTarget::Account(email) => {
                u64::from(tx.delete_counter(Scope::Account, email.key())?)
                    + u64::from(tx.delete_counter(Scope::ResetRequests, email.key())?)
            }
            ThrottleTarget::All => tx.delete_counters(None)?,
        };
        let event = match target {
            ThrottleTarget::Client(address) => Event::success("throttle.cleared").details(
                serde_json::json!({ "client": client_key(*address), "counters": cleared }),
            ),
            ThrottleTarget::Account(email) => Event::success("throttle.cleared")
                .email(email)
                .details(serde_json::json!({ "counters": cleared })),
            ThrottleTarget::All => Event::success("throttle.cleared")
                .details(serde_json::json!({ "all": true, "counters": cleared })),
        };
        self.commit_audited(tx, caller, &event)?;
        match target {
            ThrottleTarget::Client(address) => {
                self.recent_refusals
                    .forget(Scope::Client, &client_key(*address));
            }
            ThrottleTarget::Account(email) => {
                self.recent_refusals.forget(Scope::Account, email.key());
            }
            ThrottleTarget::All => self.recent_refusals.forget_all(),
        }
        Ok(cleared)
    }
}
