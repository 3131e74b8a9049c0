//! The rules of SPEC section 6 as pure functions from a counter's state and
//! the time to its next state or a refusal, so they can be tested without a
//! database and every backend applies the same ones.
//!
//! Every claim counts the attempt as a failure before bcrypt runs; a
//! success undoes it afterwards. So attempts still in flight count, and of
//! N parallel attempts no more get through than the rules allow.

use std::time::Duration;

use super::Throttling;
use crate::auth::store::Counter;

/// `blocked_until_ms` of a lock: no time ends it.
pub(crate) const LOCKED: i64 = i64::MAX;

/// Why an attempt may not run now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// Try again after this long.
    Wait(Duration),
    /// Locked until an operator unlocks or a reset completes.
    Locked,
}

impl Refusal {
    /// The refusal of a key blocked until `until_ms` (`LOCKED`: a lock).
    pub(crate) fn until(until_ms: i64, now_ms: i64) -> Self {
        if until_ms == LOCKED {
            Self::Locked
        } else {
            Self::Wait(millis(until_ms.saturating_sub(now_ms)))
        }
    }

    /// When a key refused this way at `now_ms` may try again.
    pub(crate) fn until_ms(self, now_ms: i64) -> i64 {
        match self {
            Self::Wait(wait) => now_ms.saturating_add(ms(wait)),
            Self::Locked => LOCKED,
        }
    }

    /// The longer of two refusals; a lock outlasts any wait.
    pub(crate) fn max(self, other: Self) -> Self {
        match (self, other) {
            (Self::Wait(a), Self::Wait(b)) => Self::Wait(a.max(b)),
            _ => Self::Locked,
        }
    }
}

/// The counter as it stands at `now_ms`: an expired one counts nothing.
fn live(current: Option<&Counter>, now_ms: i64) -> Option<&Counter> {
    current.filter(|counter| counter.expires_ms > now_ms)
}

/// Refuses while the counter blocks.
fn check(current: Option<&Counter>, now_ms: i64) -> Result<(), Refusal> {
    match live(current, now_ms) {
        Some(counter) if counter.blocked_until_ms == LOCKED => Err(Refusal::Locked),
        Some(counter) if now_ms < counter.blocked_until_ms => Err(Refusal::Wait(millis(
            counter.blocked_until_ms.saturating_sub(now_ms),
        ))),
        _ => Ok(()),
    }
}

fn millis(ms: i64) -> Duration {
    Duration::from_millis(u64::try_from(ms).unwrap_or(0))
}

fn ms(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}

impl Throttling {
    /// The wait after the `failures`-th consecutive failure: none for the
    /// free attempts, then 1 s doubling up to the cap.
    pub(crate) fn account_delay(&self, failures: u32) -> Duration {
        let Some(over) = failures.checked_sub(self.free_attempts) else {
            return Duration::ZERO;
        };
        let doubled = 1u64.checked_shl(over).unwrap_or(u64::MAX);
        Duration::from_secs(doubled).min(self.max_delay)
    }

    /// Claims a login attempt on an account's counter.
    pub(crate) fn claim_account(
        &self,
        current: Option<&Counter>,
        now_ms: i64,
    ) -> Result<Counter, Refusal> {
        check(current, now_ms)?;
        let previous = live(current, now_ms).copied().unwrap_or_default();
        let failures = previous.failures.saturating_add(1);
        let locked = failures >= self.lock_after;
        Ok(Counter {
            failures,
            window_start_ms: if previous.failures == 0 {
                now_ms
            } else {
                previous.window_start_ms
            },
            last_ms: now_ms,
            blocked_until_ms: if locked {
                LOCKED
            } else {
                now_ms.saturating_add(ms(self.account_delay(failures)))
            },
            expires_ms: if locked {
                LOCKED
            } else {
                now_ms.saturating_add(ms(self.forget_after))
            },
        })
    }

    /// Claims an attempt (a login or a reset-token use) on a client's
    /// counter: failures count within a window; reaching the limit blocks.
    pub(crate) fn claim_client(
        &self,
        current: Option<&Counter>,
        now_ms: i64,
    ) -> Result<Counter, Refusal> {
        check(current, now_ms)?;
        let window = ms(self.client_window);
        let (failures, window_start_ms) = match live(current, now_ms) {
            Some(counter) if now_ms.saturating_sub(counter.window_start_ms) < window => {
                (counter.failures.saturating_add(1), counter.window_start_ms)
            }
            _ => (1, now_ms),
        };
        Ok(self.client_counter(failures, window_start_ms, now_ms))
    }

    /// Undoes a client claim whose attempt succeeded: one failure fewer,
    /// and no block if the count is below the limit again.
    pub(crate) fn release_client(&self, current: &Counter) -> Counter {
        let failures = current.failures.saturating_sub(1);
        if failures >= self.client_max_failures {
            return Counter {
                failures,
                ..*current
            };
        }
        Counter {
            failures,
            blocked_until_ms: 0,
            expires_ms: current
                .window_start_ms
                .saturating_add(ms(self.client_window)),
            ..*current
        }
    }

    fn client_counter(&self, failures: u32, window_start_ms: i64, now_ms: i64) -> Counter {
        let blocked_until_ms = if failures >= self.client_max_failures {
            now_ms.saturating_add(ms(self.client_block))
        } else {
            0
        };
        Counter {
            failures,
            window_start_ms,
            last_ms: now_ms,
            blocked_until_ms,
            expires_ms: window_start_ms
                .saturating_add(ms(self.client_window))
                .max(blocked_until_ms),
        }
    }

    /// Claims a reset request on an account's counter: a fixed number per
    /// window, the window starting at the first request.
    pub(crate) fn claim_reset_request(
        &self,
        current: Option<&Counter>,
        now_ms: i64,
    ) -> Result<Counter, Refusal> {
        check(current, now_ms)?;
        let window = ms(self.reset_window);
        let (requests, window_start_ms) = match live(current, now_ms) {
            Some(counter) if now_ms.saturating_sub(counter.window_start_ms) < window => {
                (counter.failures.saturating_add(1), counter.window_start_ms)
            }
            _ => (1, now_ms),
        };
        let window_end = window_start_ms.saturating_add(window);
        Ok(Counter {
            failures: requests,
            window_start_ms,
            last_ms: now_ms,
            blocked_until_ms: if requests >= self.reset_requests {
                window_end
            } else {
                0
            },
            expires_ms: window_end,
        })
    }

    /// Refuses what a claim would refuse, without computing a next state:
    /// the read-only check that answers a throttled attempt without a write.
    pub(crate) fn refusal(current: Option<&Counter>, now_ms: i64) -> Option<Refusal> {
        check(current, now_ms).err()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: i64 = 1_800_000_000_000;

    fn throttling() -> Throttling {
        Throttling::default()
    }

    /// Claims one attempt at `now`, as the store would apply it.
    fn attempt(counter: &mut Option<Counter>, now: i64) -> Result<(), Refusal> {
        *counter = Some(throttling().claim_account(counter.as_ref(), now)?);
        Ok(())
    }

    #[test]
    fn five_attempts_are_free_then_the_wait_doubles_from_one_second() {
        let mut counter = None;
        for _ in 0..5 {
            attempt(&mut counter, T0).unwrap();
        }
        assert_eq!(
            attempt(&mut counter, T0),
            Err(Refusal::Wait(Duration::from_secs(1)))
        );
        attempt(&mut counter, T0 + 1000).unwrap();
        assert_eq!(
            attempt(&mut counter, T0 + 1000),
            Err(Refusal::Wait(Duration::from_secs(2)))
        );
        assert_eq!(
            attempt(&mut counter, T0 + 2999),
            Err(Refusal::Wait(Duration::from_millis(1)))
        );
        attempt(&mut counter, T0 + 3000).unwrap();
        assert_eq!(
            attempt(&mut counter, T0 + 3000),
            Err(Refusal::Wait(Duration::from_secs(4)))
        );
    }

    #[test]
    fn the_wait_is_capped_and_the_hundredth_failure_locks() {
        let rules = throttling();
        assert_eq!(rules.account_delay(4), Duration::ZERO);
        assert_eq!(rules.account_delay(5), Duration::from_secs(1));
        assert_eq!(rules.account_delay(14), Duration::from_secs(512));
        assert_eq!(rules.account_delay(15), Duration::from_secs(900));
        assert_eq!(rules.account_delay(99), Duration::from_secs(900));
        let mut counter = None;
        let mut now = T0;
        for _ in 0..100 {
            attempt(&mut counter, now).unwrap();
            now += 900_000;
        }
        assert_eq!(attempt(&mut counter, now), Err(Refusal::Locked));
        // A lock does not expire with time.
        assert_eq!(
            attempt(&mut counter, now + 365 * 86_400_000),
            Err(Refusal::Locked)
        );
    }

    #[test]
    fn a_count_without_failure_for_a_day_is_forgotten() {
        let mut counter = None;
        for _ in 0..7 {
            attempt(&mut counter, T0).ok();
        }
        let day = 24 * 3_600_000;
        attempt(&mut counter, T0 + day).unwrap();
        assert_eq!(counter.unwrap().failures, 1);
    }

    #[test]
    fn a_client_is_blocked_at_the_twentieth_failure_within_the_window() {
        let rules = throttling();
        let mut counter: Option<Counter> = None;
        for n in 0..20 {
            counter = Some(rules.claim_client(counter.as_ref(), T0 + n).unwrap());
        }
        assert_eq!(
            rules.claim_client(counter.as_ref(), T0 + 20),
            Err(Refusal::Wait(Duration::from_millis(15 * 60_000 - 1)))
        );
        // After the block the count starts again.
        let later = T0 + 19 + 15 * 60_000;
        let next = rules.claim_client(counter.as_ref(), later).unwrap();
        assert_eq!(next.failures, 1);
    }

    #[test]
    fn client_failures_outside_the_window_start_a_new_one() {
        let rules = throttling();
        let mut counter: Option<Counter> = None;
        for n in 0..19 {
            counter = Some(rules.claim_client(counter.as_ref(), T0 + n).unwrap());
        }
        let next = rules
            .claim_client(counter.as_ref(), T0 + 10 * 60_000)
            .unwrap();
        assert_eq!((next.failures, next.blocked_until_ms), (1, 0));
    }

    #[test]
    fn a_success_gives_back_its_claim_and_lifts_a_block_it_caused() {
        let rules = throttling();
        let mut counter: Option<Counter> = None;
        for n in 0..20 {
            counter = Some(rules.claim_client(counter.as_ref(), T0 + n).unwrap());
        }
        let released = rules.release_client(&counter.unwrap());
        assert_eq!(released.failures, 19);
        assert_eq!(Throttling::refusal(Some(&released), T0 + 31), None);
    }

    #[test]
    fn five_reset_requests_an_hour() {
        let rules = throttling();
        let mut counter: Option<Counter> = None;
        for n in 0..5 {
            counter = Some(rules.claim_reset_request(counter.as_ref(), T0 + n).unwrap());
        }
        assert_eq!(
            rules.claim_reset_request(counter.as_ref(), T0 + 600_000),
            Err(Refusal::Wait(Duration::from_millis(3_000_000)))
        );
        let hour_later = rules.claim_reset_request(counter.as_ref(), T0 + 3_600_000);
        assert_eq!(hour_later.map(|c| c.failures), Ok(1));
    }
}
