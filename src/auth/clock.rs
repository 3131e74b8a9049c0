use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::domain::Timestamp;

/// Where the auth layer reads the time, so tests can move it.
pub trait Clock: Send + Sync {
    /// Milliseconds since the Unix epoch. The throttle counts in these: a
    /// wait of one second measured in whole seconds could end at once.
    fn now_ms(&self) -> i64;

    /// The current time, in the whole seconds stored timestamps use.
    fn now(&self) -> Timestamp {
        Timestamp::from_unix(self.now_ms().div_euclid(1000))
    }
}

/// The real wall clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_ms(&self) -> i64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |since| {
                i64::try_from(since.as_millis()).unwrap_or(i64::MAX)
            })
    }
}

/// A clock that moves only when told, for expiry tests without sleeping.
#[derive(Debug)]
pub struct ManualClock(AtomicI64);

impl ManualClock {
    /// A clock stopped at `start`.
    pub fn new(start: Timestamp) -> Self {
        Self(AtomicI64::new(start.unix().saturating_mul(1000)))
    }

    /// Moves the clock forward by `by` (to the millisecond).
    pub fn advance(&self, by: Duration) {
        let millis = i64::try_from(by.as_millis()).unwrap_or(i64::MAX);
        self.0.fetch_add(millis, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now_ms(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}
