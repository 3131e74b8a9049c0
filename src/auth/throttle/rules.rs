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
            previous: 0,
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
    /// counter. Failures are counted over a window that slides: the
    /// current window's count plus the previous window's, weighted by how
    /// much of it still lies within one window of now. So 19 failures at
    /// the end of one window and 19 at the start of the next are 38 within
    /// the limit's span, and block at the twentieth.
    pub(crate) fn claim_client(
        &self,
        current: Option<&Counter>,
        now_ms: i64,
    ) -> Result<Counter, Refusal> {
        check(current, now_ms)?;
        let mut next = self.rolled(current, now_ms);
        next.failures = next.failures.saturating_add(1);
        next.last_ms = now_ms;
        Ok(self.with_block(next, now_ms))
    }

    /// The client counter as of `now_ms`: windows that have ended move the
    /// current count to `previous`, or drop it.
    fn rolled(&self, current: Option<&Counter>, now_ms: i64) -> Counter {
        let window = ms(self.client_window);
        let fresh = Counter {
            window_start_ms: now_ms,
            ..Counter::default()
        };
        let Some(counter) = live(current, now_ms) else {
            return fresh;
        };
        let elapsed = now_ms.saturating_sub(counter.window_start_ms);
        if elapsed < window {
            *counter
        } else if elapsed < window.saturating_mul(2) {
            Counter {
                failures: 0,
                previous: counter.failures,
                window_start_ms: counter.window_start_ms.saturating_add(window),
                ..*counter
            }
        } else {
            fresh
        }
    }

    /// The failures within one window of `now_ms`, as `counter` estimates
    /// them (the previous window's count taken pro rata, rounded up).
    fn client_failures(&self, counter: &Counter, now_ms: i64) -> u64 {
        let window = ms(self.client_window).max(1);
        let into = now_ms
            .saturating_sub(counter.window_start_ms)
            .clamp(0, window);
        let overlap = u64::try_from(window - into).unwrap_or(0);
        let window = u64::try_from(window).unwrap_or(1);
        let carried = (u64::from(counter.previous) * overlap).div_ceil(window);
        u64::from(counter.failures) + carried
    }

    /// `counter` blocked if its failures reached the limit at `now_ms`,
    /// with the time it may be forgotten.
    fn with_block(&self, mut counter: Counter, now_ms: i64) -> Counter {
        counter.blocked_until_ms =
            if self.client_failures(&counter, now_ms) >= u64::from(self.client_max_failures) {
                now_ms.saturating_add(ms(self.client_block))
            } else {
                0
            };
        self.with_expiry(counter)
    }

    /// A client counter means something until its previous window has
    /// left the sliding window and any block has ended.
    fn with_expiry(&self, mut counter: Counter) -> Counter {
        counter.expires_ms = counter
            .window_start_ms
            .saturating_add(ms(self.client_window).saturating_mul(2))
            .max(counter.blocked_until_ms);
        counter
    }

    /// Undoes a client claim made at `claimed_ms` whose attempt succeeded:
    /// one failure fewer in the window the claim fell in (none if that
    /// window has gone by), and no block if the count is below the limit
    /// again. A block others' failures earned stays as it is.
    pub(crate) fn release_client(
        &self,
        current: &Counter,
        claimed_ms: i64,
        now_ms: i64,
    ) -> Counter {
        let mut next = self.rolled(Some(current), now_ms);
        let window = ms(self.client_window);
        if claimed_ms >= next.window_start_ms {
            next.failures = next.failures.saturating_sub(1);
        } else if claimed_ms >= next.window_start_ms.saturating_sub(window) {
            next.previous = next.previous.saturating_sub(1);
        }
        if self.client_failures(&next, now_ms) < u64::from(self.client_max_failures) {
            next.blocked_until_ms = 0;
        }
        self.with_expiry(next)
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
            previous: 0,
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

    /// Under a fixed window, 19 failures at the end of one and 19 at the
    /// start of the next would all get through within a second.
    #[test]
    fn the_client_window_slides_over_the_boundary() {
        let rules = throttling();
        let window = 10 * 60_000;
        let mut counter = Some(rules.claim_client(None, T0).unwrap());
        for n in 0..18 {
            counter = Some(
                rules
                    .claim_client(counter.as_ref(), T0 + window - 100 + n)
                    .unwrap(),
            );
        }
        let next = rules.claim_client(counter.as_ref(), T0 + window).unwrap();
        assert_eq!((next.failures, next.previous), (1, 19));
        assert!(next.blocked_until_ms > T0 + window, "the twentieth blocks");
        // Two windows on, nothing is left.
        let fresh = rules
            .claim_client(counter.as_ref(), T0 + 2 * window)
            .unwrap();
        assert_eq!(
            (fresh.failures, fresh.previous, fresh.blocked_until_ms),
            (1, 0, 0)
        );
    }

    #[test]
    fn the_previous_window_counts_only_for_the_part_still_in_reach() {
        let rules = throttling();
        let window = 10 * 60_000;
        let mut counter = None;
        for n in 0..19 {
            counter = Some(rules.claim_client(counter.as_ref(), T0 + n).unwrap());
        }
        // Half a window into the next one, about half of them still count.
        let next = rules
            .claim_client(counter.as_ref(), T0 + window + window / 2)
            .unwrap();
        assert_eq!(
            rules.client_failures(&next, T0 + window + window / 2),
            1 + 10
        );
        assert_eq!(next.blocked_until_ms, 0);
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
