//! The throttle's part of the contract: counters change only by a swap on
//! the version read, and devices are claimed by one conditional update.

use super::super::{Counter, NewDevice, Scope};
use super::*;
use crate::domain::DeviceToken;

const NOW_MS: i64 = NOW.unix() * 1000;

fn counter(failures: u32, expires_ms: i64) -> Counter {
    Counter {
        failures,
        previous: 0,
        window_start_ms: NOW_MS,
        last_ms: NOW_MS,
        blocked_until_ms: 0,
        expires_ms,
    }
}

fn version(store: &dyn Store, scope: Scope, key: &str) -> Option<i64> {
    store
        .read()
        .unwrap()
        .counter(scope, key)
        .unwrap()
        .map(|stored| stored.version)
}

/// All read one version before any writes; exactly one swap from it wins,
/// for the insert of a new key and for an update alike.
#[test]
fn of_concurrent_swaps_from_one_version_exactly_one_wins() {
    for fresh in backends() {
        fresh.open();
        for round in 0..2 {
            let expected = version(fresh.open().as_ref(), Scope::Account, "k@x.io");
            assert_eq!(expected.is_some(), round == 1, "{}", fresh.backend);
            let outcomes = all_at_once(&fresh, 16, move |i, store| {
                let mut tx = store.write().unwrap();
                let next = counter(u32::try_from(i).unwrap() + 1, i64::MAX);
                let won = tx
                    .swap_counter(Scope::Account, "k@x.io", expected, &next)
                    .unwrap();
                tx.commit().unwrap();
                won
            });
            let winners = outcomes.iter().filter(|won| **won).count();
            assert_eq!(winners, 1, "{} round {round}: {outcomes:?}", fresh.backend);
        }
    }
}

/// Read-and-swap inside the writer, retried on a lost swap, as the auth
/// layer claims: no increment is lost.
#[test]
fn concurrent_claims_that_retry_a_lost_swap_lose_no_count() {
    for fresh in backends() {
        fresh.open();
        all_at_once(&fresh, 16, |_, store| {
            let mut tx = store.write().unwrap();
            loop {
                let current = tx.counter(Scope::Client, "192.0.2.1").unwrap();
                let failures = current.map_or(0, |stored| stored.counter.failures);
                let version = current.map(|stored| stored.version);
                let next = counter(failures + 1, i64::MAX);
                if tx
                    .swap_counter(Scope::Client, "192.0.2.1", version, &next)
                    .unwrap()
                {
                    break;
                }
            }
            tx.commit().unwrap();
        });
        let stored = fresh
            .open()
            .read()
            .unwrap()
            .counter(Scope::Client, "192.0.2.1")
            .unwrap()
            .unwrap();
        assert_eq!(stored.counter.failures, 16, "{}", fresh.backend);
    }
}

#[test]
fn counters_list_only_unexpired_rows_and_clear_by_key_scope_or_all() {
    for fresh in backends() {
        let store = fresh.open();
        let mut tx = store.write().unwrap();
        let rows = [
            (Scope::Account, "a@x.io", NOW_MS + 1),
            (Scope::Account, "old@x.io", NOW_MS),
            (Scope::Client, "192.0.2.1", NOW_MS + 1),
            (Scope::ResetRequests, "a@x.io", NOW_MS + 1),
        ];
        for (scope, key, expires_ms) in rows {
            assert!(
                tx.swap_counter(scope, key, None, &counter(3, expires_ms))
                    .unwrap()
            );
        }
        tx.commit().unwrap();
        let keys = |store: &dyn Store| -> Vec<(Scope, String)> {
            let listed = store.read().unwrap().counters(NOW_MS).unwrap();
            listed
                .into_iter()
                .map(|(scope, key, _)| (scope, key))
                .collect()
        };
        assert_eq!(
            keys(store.as_ref()),
            [
                (Scope::Account, "a@x.io".to_owned()),
                (Scope::Client, "192.0.2.1".to_owned()),
                (Scope::ResetRequests, "a@x.io".to_owned()),
            ],
            "{}",
            fresh.backend
        );
        let mut tx = store.write().unwrap();
        assert!(tx.delete_counter(Scope::Account, "a@x.io").unwrap());
        assert!(!tx.delete_counter(Scope::Account, "a@x.io").unwrap());
        assert_eq!(tx.delete_counters(Some(Scope::Client)).unwrap(), 1);
        tx.commit().unwrap();
        assert_eq!(keys(store.as_ref()).len(), 1, "{}", fresh.backend);
        let mut tx = store.write().unwrap();
        assert_eq!(tx.delete_counters(None).unwrap(), 2, "{}", fresh.backend);
        tx.commit().unwrap();
    }
}

fn add_device(store: &dyn Store, user: UserId, keep: u32) -> TokenDigest {
    let digest = DeviceToken::generate().digest();
    let mut tx = store.write().unwrap();
    let device = NewDevice {
        user,
        digest,
        created_at: NOW,
        expires_at: LATER,
    };
    tx.add_device(&device, keep).unwrap();
    tx.commit().unwrap();
    digest
}

/// Claims the device once for `email_key`; its id if it was honoured.
fn claim_id(
    store: &dyn Store,
    digest: &TokenDigest,
    email_key: &str,
    now: Timestamp,
) -> Option<i64> {
    let mut tx = store.write().unwrap();
    let claimed = tx.claim_device(digest, email_key, now, 5).unwrap();
    tx.commit().unwrap();
    claimed
}

fn claim(store: &dyn Store, digest: &TokenDigest, email_key: &str, now: Timestamp) -> bool {
    claim_id(store, digest, email_key, now).is_some()
}

#[test]
fn a_device_is_honoured_for_its_own_enabled_user_while_live_and_under_its_failures() {
    for fresh in backends() {
        let store = fresh.open();
        let ann = add(store.as_ref(), "ann@example.com");
        add(store.as_ref(), "bob@example.com");
        let device = add_device(store.as_ref(), ann, 20);
        let honoured = |key: &str, now| {
            store
                .read()
                .unwrap()
                .device_honoured(&device, key, now, 5)
                .unwrap()
        };
        assert!(honoured("ann@example.com", NOW), "{}", fresh.backend);
        assert!(!honoured("bob@example.com", NOW), "{}", fresh.backend);
        assert!(!honoured("ann@example.com", LATER), "{}", fresh.backend);
        assert!(!claim(store.as_ref(), &device, "bob@example.com", NOW));

        let mut id = None;
        for n in 0..5 {
            id = claim_id(store.as_ref(), &device, "ann@example.com", NOW);
            assert!(id.is_some(), "claim {n}");
        }
        assert!(
            !claim(store.as_ref(), &device, "ann@example.com", NOW),
            "a sixth"
        );
        assert!(!honoured("ann@example.com", NOW), "{}", fresh.backend);
        // A success forgives the failures.
        let mut tx = store.write().unwrap();
        tx.clear_device_failures(id.unwrap()).unwrap();
        tx.commit().unwrap();
        assert!(claim(store.as_ref(), &device, "ann@example.com", NOW));

        let mut tx = store.write().unwrap();
        tx.update_user(
            ann,
            &UserUpdate {
                disabled: Some(true),
                ..UserUpdate::default()
            },
            NOW,
        )
        .unwrap();
        tx.commit().unwrap();
        assert!(
            !claim(store.as_ref(), &device, "ann@example.com", NOW),
            "disabled"
        );
    }
}

#[test]
fn concurrent_claims_of_one_device_get_through_no_more_than_its_limit() {
    for fresh in backends() {
        let store = fresh.open();
        let ann = add(store.as_ref(), "ann@example.com");
        let device = add_device(store.as_ref(), ann, 20);
        let outcomes = all_at_once(&fresh, 16, move |_, store| {
            claim(store, &device, "ann@example.com", NOW)
        });
        let honoured = outcomes.iter().filter(|claimed| **claimed).count();
        assert_eq!(honoured, 5, "{}: {outcomes:?}", fresh.backend);
    }
}

#[test]
fn a_user_keeps_only_its_newest_devices_and_loses_them_with_the_account() {
    for fresh in backends() {
        let store = fresh.open();
        let ann = add(store.as_ref(), "ann@example.com");
        let devices: Vec<_> = (0..4).map(|_| add_device(store.as_ref(), ann, 3)).collect();
        let honoured: Vec<bool> = devices
            .iter()
            .map(|device| {
                store
                    .read()
                    .unwrap()
                    .device_honoured(device, "ann@example.com", NOW, 5)
                    .unwrap()
            })
            .collect();
        assert_eq!(honoured, [false, true, true, true], "{}", fresh.backend);

        let mut tx = store.write().unwrap();
        tx.delete_user(ann).unwrap();
        tx.commit().unwrap();
        // A new account of that email (SQLite may even give it the old id)
        // does not inherit the old one's devices.
        add(store.as_ref(), "ann@example.com");
        assert!(!claim(store.as_ref(), &devices[3], "ann@example.com", NOW));
    }
}

#[test]
fn pruning_forgets_expired_counters_and_devices_only() {
    for fresh in backends() {
        let store = fresh.open();
        let ann = add(store.as_ref(), "ann@example.com");
        add_device(store.as_ref(), ann, 20);
        let mut tx = store.write().unwrap();
        let (live, gone) = (
            counter(1, LATER.unix() * 1000 + 1),
            counter(1, LATER.unix() * 1000),
        );
        assert!(
            tx.swap_counter(Scope::Account, "live", None, &live)
                .unwrap()
        );
        assert!(
            tx.swap_counter(Scope::Account, "gone", None, &gone)
                .unwrap()
        );
        let lock = Counter {
            blocked_until_ms: i64::MAX,
            ..counter(100, i64::MAX)
        };
        assert!(
            tx.swap_counter(Scope::Account, "locked", None, &lock)
                .unwrap()
        );
        tx.commit().unwrap();

        let mut tx = store.write().unwrap();
        let pruned = tx.prune_expired(LATER).unwrap();
        tx.commit().unwrap();

        assert_eq!(pruned, 2, "{}: the counter and the device", fresh.backend);
        assert!(version(store.as_ref(), Scope::Account, "live").is_some());
        assert!(version(store.as_ref(), Scope::Account, "gone").is_none());
        assert!(version(store.as_ref(), Scope::Account, "locked").is_some());
    }
}
