//! Refusals by the throttle, counted in memory and written now and then as
//! one row per key and lock period: a flood of refused attempts costs no
//! write each, and grows the audit table by a handful of rows.

use std::collections::HashMap;
use std::sync::Mutex;

use super::Event;
use crate::auth::Caller;

/// The most keys counted between two flushes: a bound on memory whatever
/// an attacker sends. Past it, refusals are counted under one row a minute
/// for all further keys.
const MAX_KEYS: usize = 4096;

#[derive(Debug)]
pub(crate) struct Pending {
    pub(crate) caller: Caller,
    pub(crate) event: Event,
    pub(crate) count: u64,
    /// When the first and the latest of these refusals came.
    pub(crate) first_ms: i64,
    pub(crate) last_ms: i64,
    /// The refusals came from more than one caller: the row names none.
    pub(crate) several_callers: bool,
}

#[derive(Debug, Default)]
pub(crate) struct RefusalTally {
    pending: Mutex<HashMap<String, Pending>>,
}

impl RefusalTally {
    /// Counts one refusal under `aggregate` (its key and lock period); the
    /// first one's caller and event stand for the row.
    pub(crate) fn add(&self, aggregate: String, caller: &Caller, event: &Event, now_ms: i64) {
        self.add_many(aggregate, caller, event, 1, (now_ms, now_ms), false);
    }

    fn add_many(
        &self,
        aggregate: String,
        caller: &Caller,
        event: &Event,
        count: u64,
        (first_ms, last_ms): (i64, i64),
        several_callers: bool,
    ) {
        let Ok(mut pending) = self.pending.lock() else {
            return;
        };
        let overflow = pending.len() >= MAX_KEYS && !pending.contains_key(&aggregate);
        let aggregate = if overflow {
            format!("{}|many keys|{}", event.name, last_ms / 60_000)
        } else {
            aggregate
        };
        let entry = pending.entry(aggregate).or_insert_with(|| Pending {
            caller: caller.clone(),
            event: event.clone(),
            count: 0,
            first_ms,
            last_ms,
            several_callers: false,
        });
        // A row that stands for several callers or accounts names none.
        if several_callers || overflow || entry.caller != *caller {
            entry.several_callers = true;
        }
        if overflow || entry.event.email != event.email {
            entry.event.email = None;
            entry.event.user_id = None;
        }
        entry.count += count;
        entry.first_ms = entry.first_ms.min(first_ms);
        entry.last_ms = entry.last_ms.max(last_ms);
    }

    /// Everything counted since the last take, in the order first seen.
    pub(crate) fn take(&self) -> Vec<(String, Pending)> {
        let mut taken: Vec<(String, Pending)> = match self.pending.lock() {
            Ok(mut pending) => pending.drain().collect(),
            Err(_) => Vec::new(),
        };
        taken.sort_by_key(|(_, pending)| pending.first_ms);
        taken
    }

    /// Puts back what a failed flush took, so no refusal goes uncounted.
    pub(crate) fn restore(&self, taken: Vec<(String, Pending)>) {
        for (aggregate, pending) in taken {
            let span = (pending.first_ms, pending.last_ms);
            self.add_many(
                aggregate,
                &pending.caller,
                &pending.event,
                pending.count,
                span,
                pending.several_callers,
            );
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.pending
            .lock()
            .map_or(true, |pending| pending.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_of_one_key_fold_and_a_flood_of_keys_stays_bounded() {
        let tally = RefusalTally::default();
        let caller = Caller::http([192, 0, 2, 1].into(), None);
        let event = Event::failure("login.throttled", "account");
        for _ in 0..100 {
            tally.add("a".into(), &caller, &event, 0);
        }
        for key in 0..(MAX_KEYS * 3) {
            tally.add(format!("k{key}"), &caller, &event, 0);
        }
        let taken = tally.take();
        assert!(taken.len() <= MAX_KEYS + 1, "{}", taken.len());
        let total: u64 = taken.iter().map(|(_, pending)| pending.count).sum();
        assert_eq!(total, 100 + 3 * MAX_KEYS as u64, "none lost");
        assert_eq!(
            taken.iter().find(|(key, _)| key == "a").unwrap().1.count,
            100
        );
        assert!(tally.is_empty());
    }
}
