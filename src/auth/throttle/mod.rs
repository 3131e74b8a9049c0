//! Brute-force defence (SPEC section 6): the settings, the keys, and the
//! claim that runs each rule against the stored counter atomically.

mod operator;
mod recent;
mod rules;

use std::net::IpAddr;
use std::time::Duration;

pub use operator::{ThrottleEntry, ThrottleScope, ThrottleTarget};
pub(crate) use recent::RecentRefusals;
pub(crate) use rules::{LOCKED, Refusal};

use super::store::{Counter, Reader, Scope, StoreError, Writer};
use crate::domain::ValidationError;

/// The throttle's settings; the defaults are SPEC section 6's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Throttling {
    /// Consecutive failed logins of one account that cost no wait.
    pub free_attempts: u32,
    /// The longest wait between attempts on one account.
    pub max_delay: Duration,
    /// Consecutive failures that lock an account until an operator unlocks
    /// it or a password reset completes (NIST SP 800-63B: at most 100).
    pub lock_after: u32,
    /// An account's count with no failure for this long is forgotten.
    pub forget_after: Duration,
    /// Failures from one client (IPv4 address, IPv6 /64) that block it.
    pub client_max_failures: u32,
    /// The window those failures must fall in.
    pub client_window: Duration,
    /// How long a client stays blocked.
    pub client_block: Duration,
    /// Failures after which a known-device cookie is no longer honoured.
    pub device_max_failures: u32,
    /// How long a known-device cookie lasts.
    pub device_ttl: Duration,
    /// Most known devices kept per user; the oldest go first.
    pub devices_per_user: u32,
    /// Reset requests allowed per account per window.
    pub reset_requests: u32,
    /// The reset-request window.
    pub reset_window: Duration,
}

impl Default for Throttling {
    fn default() -> Self {
        const MINUTE: u64 = 60;
        Self {
            free_attempts: 5,
            max_delay: Duration::from_secs(15 * MINUTE),
            lock_after: 100,
            forget_after: Duration::from_secs(24 * 60 * MINUTE),
            client_max_failures: 20,
            client_window: Duration::from_secs(10 * MINUTE),
            client_block: Duration::from_secs(15 * MINUTE),
            device_max_failures: 5,
            device_ttl: Duration::from_secs(365 * 24 * 60 * MINUTE),
            devices_per_user: 20,
            reset_requests: 5,
            reset_window: Duration::from_secs(60 * MINUTE),
        }
    }
}

impl Throttling {
    /// Checks that every setting is usable.
    pub fn validate(&self) -> Result<(), ValidationError> {
        let counts = [
            ("login lock", self.lock_after),
            ("client failures", self.client_max_failures),
            ("device failures", self.device_max_failures),
            ("devices per user", self.devices_per_user),
            ("reset requests", self.reset_requests),
        ];
        for (name, count) in counts {
            if count == 0 {
                return Err(ValidationError::new(name, "must be at least 1"));
            }
        }
        if self.lock_after > 100 {
            return Err(ValidationError::new(
                "login lock",
                "must be at most 100 (NIST SP 800-63B)",
            ));
        }
        if self.forget_after <= self.max_delay {
            return Err(ValidationError::new(
                "throttle memory",
                "must be longer than the longest wait, or counts would be forgotten \
                 before they lock (--login-forget-after, --login-max-delay)",
            ));
        }
        if self.free_attempts >= self.lock_after {
            return Err(ValidationError::new(
                "free login attempts",
                "must be fewer than the failures that lock an account \
                 (--login-free-attempts, --login-lock-after)",
            ));
        }
        let spans = [
            ("login delay", self.max_delay),
            ("throttle memory", self.forget_after),
            ("client window", self.client_window),
            ("client block", self.client_block),
            ("device lifetime", self.device_ttl),
            ("reset window", self.reset_window),
        ];
        for (name, span) in spans {
            if span.as_secs() == 0 {
                return Err(ValidationError::new(name, "must be at least 1s"));
            }
        }
        Ok(())
    }
}

/// The key a client is counted under: its IPv4 address, or its IPv6 /64
/// (one subscriber's whole allocation, which it can rotate through freely).
pub(crate) fn client_key(address: IpAddr) -> String {
    match address.to_canonical() {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let prefix = u128::from(v6) & !u128::from(u64::MAX);
            format!("{}/64", std::net::Ipv6Addr::from(prefix))
        }
    }
}

/// A refusal, with the period it belongs to: the end of a wait, or when a
/// lock began (every lock ends at the same "never", so its end cannot tell
/// one lock from the next). The audit log folds a period's refusals into
/// one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Refused {
    pub(crate) refusal: Refusal,
    pub(crate) until_ms: i64,
    pub(crate) period_ms: i64,
}

/// Reads the counter and says whether the rule would refuse now: a
/// throttled attempt is answered by this read alone, with no write.
pub(crate) fn precheck(
    reader: &mut dyn Reader,
    scope: Scope,
    key: &str,
    now_ms: i64,
) -> Result<Option<Refused>, StoreError> {
    let current = reader.counter(scope, key)?;
    let counter = current.as_ref().map(|stored| &stored.counter);
    Ok(Throttling::refusal(counter, now_ms).map(|refusal| {
        let until_ms = refusal.until_ms(now_ms);
        let period_ms = match (refusal, counter) {
            (Refusal::Locked, Some(counter)) => counter.last_ms,
            _ => until_ms,
        };
        Refused {
            refusal,
            until_ms,
            period_ms,
        }
    }))
}

/// How often a claim re-reads after losing a swap before giving up. Each
/// loss means another attempt on the key committed in between (under
/// SQLite's single writer it never happens; under row locks a loser waits
/// for the winner, re-reads and usually wins the next round).
const SWAP_TRIES: usize = 64;

/// What to do with a counter as read.
enum Step {
    Write(Counter),
    Refuse(Refusal),
    Nothing,
}

/// Reads the counter of `key` in `tx`, decides with `decide`, and swaps in
/// the result on the version read, again from the new state whenever
/// another transaction got there first.
fn swap_loop(
    tx: &mut dyn Writer,
    scope: Scope,
    key: &str,
    decide: impl Fn(Option<&Counter>) -> Step,
) -> Result<Result<Option<Counter>, Refusal>, StoreError> {
    for _ in 0..SWAP_TRIES {
        let current = tx.counter(scope, key)?;
        let next = match decide(current.as_ref().map(|stored| &stored.counter)) {
            Step::Write(next) => next,
            Step::Refuse(refusal) => return Ok(Err(refusal)),
            Step::Nothing => return Ok(Ok(None)),
        };
        if tx.swap_counter(scope, key, current.map(|stored| stored.version), &next)? {
            return Ok(Ok(Some(next)));
        }
    }
    Err(StoreError::Unavailable {
        context: "too many attempts on one throttle key at once",
        source: "the counter kept changing under the claim".into(),
    })
}

/// Applies `rule` to the stored counter and swaps in its result, in `tx`:
/// the claim; returns the counter written. `Ok(Err(_))` is a refusal,
/// with nothing written.
pub(crate) fn claim(
    tx: &mut dyn Writer,
    scope: Scope,
    key: &str,
    rule: impl Fn(Option<&Counter>) -> Result<Counter, Refusal>,
) -> Result<Result<Counter, Refusal>, StoreError> {
    let claimed = swap_loop(tx, scope, key, |current| match rule(current) {
        Ok(next) => Step::Write(next),
        Err(refusal) => Step::Refuse(refusal),
    })?;
    // A rule always writes or refuses, so a claim that went through wrote.
    Ok(claimed.map(Option::unwrap_or_default))
}

/// Gives back a client claim made at `claimed_ms` whose attempt
/// succeeded. A counter pruned in the meantime has nothing to give back.
pub(crate) fn release_client(
    tx: &mut dyn Writer,
    rules: &Throttling,
    key: &str,
    claimed_ms: i64,
    now_ms: i64,
) -> Result<(), StoreError> {
    swap_loop(tx, Scope::Client, key, |current| {
        current.map_or(Step::Nothing, |counter| {
            Step::Write(rules.release_client(counter, claimed_ms, now_ms))
        })
    })
    .map(|_released| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ipv6_client_is_its_slash_64_and_a_mapped_ipv4_is_the_ipv4() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:ffff:ffff:ffff:ffff".parse().unwrap();
        let other: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(client_key(a), "2001:db8:1:2::/64");
        assert_eq!(client_key(a), client_key(b));
        assert_ne!(client_key(a), client_key(other));
        let mapped: IpAddr = "::ffff:192.0.2.7".parse().unwrap();
        assert_eq!(client_key(mapped), "192.0.2.7");
    }

    #[test]
    fn the_defaults_are_valid_and_a_lock_beyond_nist_is_not() {
        Throttling::default().validate().unwrap();
        let lax = Throttling {
            lock_after: 101,
            ..Throttling::default()
        };
        assert!(lax.validate().is_err());
        let forgetful = Throttling {
            forget_after: Duration::from_secs(600),
            ..Throttling::default()
        };
        assert!(forgetful.validate().is_err());
    }
}
