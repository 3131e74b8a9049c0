//! What `authctl doctor` asks of the auth layer: the storage checks, and
//! whether the bcrypt cost suits this machine.

use std::time::Duration;

use super::hashing::time_hash;
use super::policy::{MAX_BCRYPT_COST, WEAK_BCRYPT_COST};
use super::{Policy, store};
use crate::domain::{Database, Finding};

/// The bcrypt check's stable name.
pub const BCRYPT_COST: &str = "bcrypt.cost";

/// What one hash should cost: slow for an attacker with a stolen file,
/// quick enough for a person logging in.
const TARGET: Duration = Duration::from_millis(250);

/// Beyond this a login waits long enough to annoy, and a burst of logins
/// ties up every core.
const TOO_SLOW: Duration = Duration::from_secs(1);

/// The cost the machine is timed at: about 15 ms a hash on a current core,
/// long enough to time well, short enough to run a few times. Each step of
/// cost doubles the work, so other costs follow from it.
const TIMED_COST: u32 = 8;
const TIMED_RUNS: u32 = 3;

/// Checks `database` and `policy` on this machine without changing
/// anything: no database is created, migrated or marked. The findings come
/// in a stable order, the database's first; a check that depends on one
/// that failed is left out.
pub fn inspect(database: &Database, policy: &Policy) -> Vec<Finding> {
    let mut findings = store::inspect(database);
    findings.push(match time_hash(TIMED_COST, TIMED_RUNS) {
        Ok(timed) => bcrypt_cost(policy.bcrypt_cost, timed),
        Err(e) => Finding::fail(BCRYPT_COST, e.to_string()),
    });
    findings
}

/// The verdict on `cost` given that a hash at [`TIMED_COST`] took `timed`:
/// below [`WEAK_BCRYPT_COST`] fails whatever the machine (a stolen file is
/// cracked elsewhere); slower than [`TOO_SLOW`] warns. Each names the cost
/// that gives about [`TARGET`] here.
fn bcrypt_cost(cost: u32, timed: Duration) -> Finding {
    let at = |c: u32| estimate(timed, c);
    let best = suggested(timed);
    let advice = if best == cost {
        "close to the 250 ms aimed at".to_owned()
    } else {
        format!("cost {best} takes about {} here", shown(at(best)))
    };
    let measured = format!(
        "cost {cost}: about {} a hash here; {advice}",
        shown(at(cost))
    );
    if cost < WEAK_BCRYPT_COST {
        Finding::fail(
            BCRYPT_COST,
            format!(
                "cost {cost} is below {WEAK_BCRYPT_COST}: hashes are cheap to crack offline \
                 (a setting for tests); {advice}"
            ),
        )
    } else if at(cost) > TOO_SLOW {
        Finding::warn(
            BCRYPT_COST,
            format!("{measured}; every login waits that long"),
        )
    } else {
        Finding::pass(BCRYPT_COST, measured)
    }
}

/// The time of one hash at `cost`, from the timed one.
fn estimate(timed: Duration, cost: u32) -> Duration {
    let steps = i32::try_from(cost).unwrap_or(i32::MAX) - TIMED_COST as i32;
    Duration::from_secs_f64((timed.as_secs_f64() * 2f64.powi(steps)).min(1e12))
}

/// The cost nearest [`TARGET`] on this machine, never below the weak
/// threshold.
fn suggested(timed: Duration) -> u32 {
    let ratio = TARGET.as_secs_f64() / timed.as_secs_f64().max(1e-9);
    let steps = ratio.log2().round();
    let cost = f64::from(TIMED_COST) + steps;
    if cost <= f64::from(WEAK_BCRYPT_COST) {
        WEAK_BCRYPT_COST
    } else if cost >= f64::from(MAX_BCRYPT_COST) {
        MAX_BCRYPT_COST
    } else {
        // Between the bounds just checked, so the cast is exact.
        cost as u32
    }
}

/// A duration as a person reads it: `240 ms`, `1.9 s`, `35 min`, `70 h`.
fn shown(duration: Duration) -> String {
    let seconds = duration.as_secs_f64();
    if seconds < 1.0 {
        format!("{} ms", duration.as_millis().max(1))
    } else if seconds < 120.0 {
        format!("{seconds:.1} s")
    } else if seconds < 7200.0 {
        format!("{:.0} min", seconds / 60.0)
    } else {
        format!("{:.0} h", seconds / 3600.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Status;

    /// A machine where a cost-8 hash takes 15.6 ms: cost 12 takes 250 ms.
    const TIMED: Duration = Duration::from_micros(15_625);

    #[test]
    fn each_step_of_cost_doubles_the_estimate() {
        assert_eq!(estimate(TIMED, 12), Duration::from_millis(250));
        assert_eq!(estimate(TIMED, 7), Duration::from_nanos(7_812_500));
    }

    #[test]
    fn the_suggestion_is_the_cost_nearest_250_ms_and_never_weak() {
        assert_eq!(suggested(TIMED), 12);
        assert_eq!(suggested(TIMED * 2), 11);
        assert_eq!(suggested(TIMED / 4), 14);
        assert_eq!(suggested(Duration::from_secs(1)), WEAK_BCRYPT_COST);
        assert_eq!(suggested(Duration::ZERO), MAX_BCRYPT_COST);
    }

    #[test]
    fn a_cost_below_10_fails_however_fast_or_slow_the_machine() {
        for timed in [TIMED, Duration::from_secs(2)] {
            let finding = bcrypt_cost(9, timed);
            assert_eq!(finding.status, Status::Fail, "{finding:?}");
            assert!(finding.detail.contains("below 10"), "{finding:?}");
        }
        assert!(
            bcrypt_cost(4, TIMED)
                .detail
                .contains("cost 12 takes about 250 ms")
        );
    }

    #[test]
    fn a_cost_slower_than_a_second_warns_and_names_the_one_to_use() {
        let finding = bcrypt_cost(15, TIMED);
        assert_eq!(finding.status, Status::Warn, "{finding:?}");
        assert!(finding.detail.contains("2.0 s"), "{finding:?}");
        assert!(finding.detail.contains("cost 12"), "{finding:?}");
    }

    #[test]
    fn a_cost_near_the_target_passes() {
        let finding = bcrypt_cost(12, TIMED);
        assert_eq!(finding.status, Status::Pass, "{finding:?}");
        assert!(finding.detail.contains("250 ms aimed at"), "{finding:?}");
        assert_eq!(bcrypt_cost(10, TIMED).status, Status::Pass);
    }

    #[test]
    fn durations_read_at_a_glance() {
        assert_eq!(shown(Duration::from_micros(300)), "1 ms");
        assert_eq!(shown(Duration::from_millis(1900)), "1.9 s");
        assert_eq!(shown(Duration::from_secs(35 * 60)), "35 min");
        assert_eq!(shown(Duration::from_secs(70 * 3600)), "70 h");
    }
}
