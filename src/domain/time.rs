use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A point in time, in whole seconds since the Unix epoch (UTC).
///
/// Seconds are fine enough for TTLs of minutes to days, and an integer
/// compares and indexes cheaply in SQL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

impl Timestamp {
    /// The timestamp `seconds` after the epoch.
    pub const fn from_unix(seconds: i64) -> Self {
        Self(seconds)
    }

    /// Seconds since the epoch.
    pub const fn unix(self) -> i64 {
        self.0
    }

    /// Converts a system time, clamping times before the epoch to it.
    pub fn from_system(time: SystemTime) -> Self {
        let seconds = time
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Self(i64::try_from(seconds).unwrap_or(i64::MAX))
    }

    /// Reads an RFC 3339 time such as `2026-11-28T03:46:10Z`, the form
    /// `Display` writes.
    pub fn parse_rfc3339(raw: &str) -> Result<Self, super::ValidationError> {
        humantime::parse_rfc3339_weak(raw.trim())
            .map(Self::from_system)
            .map_err(|_| {
                super::ValidationError::new("time", "must be RFC 3339, e.g. 2026-11-28T03:46:10Z")
            })
    }

    /// This time minus `span`, saturating rather than overflowing.
    pub fn before(self, span: Duration) -> Self {
        let seconds = i64::try_from(span.as_secs()).unwrap_or(i64::MAX);
        Self(self.0.saturating_sub(seconds))
    }

    /// This time plus `ttl`, saturating rather than overflowing.
    pub fn after(self, ttl: Duration) -> Self {
        let seconds = i64::try_from(ttl.as_secs()).unwrap_or(i64::MAX);
        Self(self.0.saturating_add(seconds))
    }
}

impl fmt::Display for Timestamp {
    /// RFC 3339 in UTC, e.g. `2026-11-28T03:46:10Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seconds = u64::try_from(self.0).unwrap_or(0);
        let time = UNIX_EPOCH + Duration::from_secs(seconds);
        write!(f, "{}", humantime::format_rfc3339_seconds(time))
    }
}
