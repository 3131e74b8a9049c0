//! Refusals remembered for a moment in this process, so that a flood of
//! attempts at a throttled key is answered from memory: no database read,
//! no blocking thread. The database stays the truth: an entry lasts at most
//! a second, so an unlock by another process takes effect within one.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::auth::store::Scope;

/// How long a remembered refusal is trusted without asking the database.
const TRUST_MS: i64 = 1000;

/// The most keys remembered: a bound on memory whatever an attacker sends.
/// Past it, new refusals are simply not remembered.
const MAX_ENTRIES: usize = 65_536;

/// A remembered refusal: refused until `until_ms` (`i64::MAX`: locked),
/// trusted until `trusted_until_ms`.
#[derive(Debug, Clone, Copy)]
struct Remembered {
    until_ms: i64,
    period_ms: i64,
    trusted_until_ms: i64,
}

#[derive(Debug, Default)]
pub(crate) struct RecentRefusals {
    entries: Mutex<HashMap<(Scope, String), Remembered>>,
}

impl RecentRefusals {
    /// Remembers that `key` is refused until `until_ms`, in the refusal
    /// period `period_ms`.
    pub(crate) fn remember(
        &self,
        scope: Scope,
        key: &str,
        until_ms: i64,
        period_ms: i64,
        now_ms: i64,
    ) {
        let Ok(mut entries) = self.entries.lock() else {
            return;
        };
        if entries.len() >= MAX_ENTRIES {
            entries.retain(|_, entry| entry.trusted_until_ms > now_ms);
            if entries.len() >= MAX_ENTRIES {
                return;
            }
        }
        let trusted_until_ms = now_ms.saturating_add(TRUST_MS).min(until_ms);
        entries.insert(
            (scope, key.to_owned()),
            Remembered {
                until_ms,
                period_ms,
                trusted_until_ms,
            },
        );
    }

    /// Forgets `key`, after this process lifted its refusal (a completed
    /// reset, an unlock).
    pub(crate) fn forget(&self, scope: Scope, key: &str) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.remove(&(scope, key.to_owned()));
        }
    }

    pub(crate) fn forget_all(&self) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.clear();
        }
    }

    /// When `key` is refused until, and the period, if a trusted entry
    /// says so.
    pub(crate) fn refused_until(&self, scope: Scope, key: &str, now_ms: i64) -> Option<(i64, i64)> {
        let entries = self.entries.lock().ok()?;
        // A borrowed tuple key cannot be looked up without an owned one.
        let entry = entries.get(&(scope, key.to_owned()))?;
        (entry.trusted_until_ms > now_ms).then_some((entry.until_ms, entry.period_ms))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_is_trusted_for_a_second_and_never_past_its_end() {
        let recent = RecentRefusals::default();
        recent.remember(Scope::Account, "a@x.io", i64::MAX, 7, 0);
        recent.remember(Scope::Client, "192.0.2.1", 300, 300, 0);
        assert_eq!(
            recent.refused_until(Scope::Account, "a@x.io", 999),
            Some((i64::MAX, 7))
        );
        assert_eq!(recent.refused_until(Scope::Account, "a@x.io", 1000), None);
        assert_eq!(
            recent.refused_until(Scope::Client, "192.0.2.1", 299),
            Some((300, 300))
        );
        assert_eq!(recent.refused_until(Scope::Client, "192.0.2.1", 300), None);
        assert_eq!(recent.refused_until(Scope::Account, "192.0.2.1", 0), None);
    }

    #[test]
    fn memory_stays_bounded() {
        let recent = RecentRefusals::default();
        for n in 0..MAX_ENTRIES + 10 {
            recent.remember(Scope::Account, &n.to_string(), i64::MAX, 0, 0);
        }
        assert_eq!(recent.entries.lock().unwrap().len(), MAX_ENTRIES);
        // Once the old entries are stale they make room.
        recent.remember(Scope::Account, "new", i64::MAX, 0, 5000);
        assert_eq!(
            recent.refused_until(Scope::Account, "new", 5000),
            Some((i64::MAX, 0))
        );
    }
}
