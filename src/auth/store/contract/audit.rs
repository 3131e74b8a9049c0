//! The audit table's contract: events commit or roll back with their
//! transaction, folded refusals add up across connections, a settled row
//! moves to the end of the commit order, and pruning is bounded.

use super::super::{EventFilter, NewEvent, Store, StoredEvent};
use super::{add, all_at_once, backends, new_user};
use crate::domain::Email;

fn event(name: &'static str, at_ms: i64) -> NewEvent {
    NewEvent {
        at_ms,
        event: name,
        success: false,
        reason: Some("wait"),
        source: "http",
        actor: None,
        client_ip: Some("192.0.2.1".to_owned()),
        user_agent: Some("probe/1.0".to_owned()),
        user_id: None,
        email: Some(Email::parse("Ann@Example.com").unwrap()),
        details: Some(r#"{"scope":"account"}"#.to_owned()),
    }
}

fn everything() -> EventFilter {
    EventFilter {
        limit: 10_000,
        ..EventFilter::default()
    }
}

fn events(store: &dyn Store, filter: &EventFilter) -> Vec<StoredEvent> {
    store.read().unwrap().events(filter).unwrap()
}

#[test]
fn an_event_commits_with_its_transaction_or_not_at_all() {
    for fresh in backends() {
        let store = fresh.open();
        let mut tx = store.write().unwrap();
        tx.add_user(&new_user("ann@example.com")).unwrap();
        tx.add_event(&event("user.registered", 1)).unwrap();
        drop(tx);
        assert!(
            events(store.as_ref(), &everything()).is_empty(),
            "{}",
            fresh.backend
        );

        let mut tx = store.write().unwrap();
        let id = tx.add_event(&event("user.registered", 1)).unwrap();
        tx.commit().unwrap();
        let stored = events(store.as_ref(), &everything());
        assert_eq!(stored.len(), 1, "{}", fresh.backend);
        let row = &stored[0];
        assert_eq!(row.id, id);
        assert_eq!(row.email.as_deref(), Some("Ann@Example.com"));
        assert_eq!(row.details.as_deref(), Some(r#"{"scope":"account"}"#));
        assert_eq!((row.count, row.success), (1, false));
    }
}

#[test]
fn concurrent_refusals_of_one_key_add_up_in_one_row() {
    for fresh in backends() {
        let outcomes = all_at_once(&fresh, 16, |i, store| {
            let mut tx = store.write()?;
            tx.add_to_event(
                "login|account|ann|99",
                &event("login.throttled", 10),
                i as u64 + 1,
            )?;
            tx.commit()
        });
        assert!(
            outcomes.iter().all(Result::is_ok),
            "{}: {outcomes:?}",
            fresh.backend
        );
        let stored = events(fresh.open().as_ref(), &everything());
        assert_eq!(stored.len(), 1, "{}: {stored:?}", fresh.backend);
        assert_eq!(stored[0].count, (1..=16).sum::<u64>(), "{}", fresh.backend);
    }
}

#[test]
fn a_settled_or_recounted_row_moves_to_the_end_of_the_commit_order() {
    for fresh in backends() {
        let store = fresh.open();
        let mut tx = store.write().unwrap();
        let attempt = tx.add_event(&event("login.attempt", 1)).unwrap();
        let not_an_attempt = tx.add_event(&event("login.failure", 1)).unwrap();
        tx.add_to_event("key", &event("login.throttled", 2), 1)
            .unwrap();
        tx.add_event(&event("user.registered", 3)).unwrap();
        tx.commit().unwrap();
        let start = store.read().unwrap().last_event_seq().unwrap();

        let mut tx = store.write().unwrap();
        let mut success = event("login.success", 4);
        (success.success, success.reason) = (true, None);
        success.user_id = Some(crate::domain::UserId(7));
        assert!(tx.settle_event(attempt, &success).unwrap());
        assert!(!tx.settle_event(attempt + 1000, &success).unwrap());
        let other = tx.settle_event(not_an_attempt, &success).unwrap();
        assert!(!other, "only an attempt settles");
        tx.add_to_event("key", &event("login.throttled", 5), 2)
            .unwrap();
        tx.commit().unwrap();

        let after = EventFilter {
            after_seq: Some(start),
            ..everything()
        };
        let moved: Vec<(String, bool, u64, i64)> = events(store.as_ref(), &after)
            .into_iter()
            .map(|e| (e.event, e.success, e.count, e.at_ms))
            .collect();
        assert_eq!(
            moved,
            [
                ("login.success".to_owned(), true, 1, 4),
                ("login.throttled".to_owned(), false, 3, 5),
            ],
            "{}",
            fresh.backend
        );
        let settled = events(store.as_ref(), &everything());
        let row = settled.iter().find(|e| e.id == attempt).unwrap();
        let settled_as = (row.reason.as_deref(), row.user_id);
        assert_eq!(settled_as, (None, Some(7)), "{}", fresh.backend);
        assert!(
            settled.iter().all(|e| e.reason.is_none() || !e.success),
            "{}",
            fresh.backend
        );
    }
}

#[test]
fn filters_narrow_together() {
    for fresh in backends() {
        let store = fresh.open();
        let mut tx = store.write().unwrap();
        for (name, at_ms, ip) in [
            ("login.failure", 10, "192.0.2.1"),
            ("login.failure", 20, "192.0.2.2"),
            ("login.success", 30, "192.0.2.1"),
        ] {
            let mut new = event(name, at_ms);
            new.client_ip = Some(ip.to_owned());
            new.success = name == "login.success";
            tx.add_event(&new).unwrap();
        }
        let mut cli = event("user.deleted", 40);
        cli.source = "cli";
        cli.email = None;
        cli.client_ip = None;
        tx.add_event(&cli).unwrap();
        tx.commit().unwrap();
        let times = |filter: EventFilter| -> Vec<i64> {
            events(store.as_ref(), &filter)
                .iter()
                .map(|e| e.at_ms)
                .collect()
        };
        let key = Some("ann@example.com".to_owned());
        assert_eq!(times(everything()), [40, 30, 20, 10], "{}", fresh.backend);
        assert_eq!(
            times(EventFilter {
                client_ip: Some("192.0.2.1".to_owned()),
                success: Some(false),
                ..everything()
            }),
            [10]
        );
        assert_eq!(
            times(EventFilter {
                since_ms: Some(20),
                until_ms: Some(40),
                email_key: key.clone(),
                ..everything()
            }),
            [30, 20]
        );
        assert_eq!(
            times(EventFilter {
                events: vec!["user.deleted".to_owned(), "login.success".to_owned()],
                source: Some("http"),
                ..everything()
            }),
            [30]
        );
        assert_eq!(
            times(EventFilter {
                limit: 2,
                ..everything()
            }),
            [40, 30]
        );
    }
}

#[test]
fn pruning_deletes_the_oldest_in_bounded_batches() {
    for fresh in backends() {
        let store = fresh.open();
        add(store.as_ref(), "ann@example.com");
        let mut tx = store.write().unwrap();
        for at_ms in 0..25 {
            tx.add_event(&event("login.failure", at_ms)).unwrap();
        }
        tx.commit().unwrap();
        assert_eq!(store.read().unwrap().count_events_before(20).unwrap(), 20);
        let mut batches = Vec::new();
        loop {
            let mut tx = store.write().unwrap();
            let deleted = tx.prune_events(20, 8).unwrap();
            tx.commit().unwrap();
            batches.push(deleted);
            if deleted < 8 {
                break;
            }
        }
        assert_eq!(batches, [8, 8, 4], "{}", fresh.backend);
        let left: Vec<i64> = events(store.as_ref(), &everything())
            .iter()
            .map(|e| e.at_ms)
            .collect();
        assert_eq!(left, [24, 23, 22, 21, 20], "{}", fresh.backend);
    }
}

/// A follower that has seen point N must find every row committed later
/// after N, even when the transaction that wrote a row began first and
/// committed last (on a backend with concurrent writers, a plain sequence
/// would hand that row a point the follower has already passed).
#[test]
fn a_row_committed_later_always_comes_after_what_a_follower_has_seen() {
    for fresh in backends() {
        let first = fresh.open();
        let mut slow = first.write().unwrap();
        slow.add_event(&event("user.registered", 1)).unwrap();
        let second = fresh.open();
        let quick = std::thread::spawn(move || {
            let mut tx = second.write().unwrap();
            tx.add_event(&event("user.deleted", 2)).unwrap();
            tx.commit().unwrap();
        });
        // Let the quick one commit if its backend lets it.
        std::thread::sleep(std::time::Duration::from_millis(300));
        let follower = fresh.open();
        let mut seen = 0;
        let mut shown = Vec::new();
        let follow = |seen: &mut i64, shown: &mut Vec<String>| {
            let filter = EventFilter {
                after_seq: Some(*seen),
                ..everything()
            };
            for row in events(follower.as_ref(), &filter) {
                *seen = (*seen).max(row.seq);
                shown.push(row.event);
            }
        };
        follow(&mut seen, &mut shown);
        slow.commit().unwrap();
        quick.join().unwrap();
        follow(&mut seen, &mut shown);
        shown.sort();
        assert_eq!(
            shown,
            ["user.deleted", "user.registered"],
            "{}",
            fresh.backend
        );
    }
}

/// Events written by concurrent transactions (other processes, on a
/// server database) each get their own place in the commit order, and a
/// follower reading after a point sees exactly the later ones, oldest
/// first.
#[test]
fn concurrent_events_get_distinct_places_in_commit_order() {
    for fresh in backends() {
        fresh.open();
        let outcomes = all_at_once(&fresh, 16, |i, store| {
            let mut tx = store.write()?;
            tx.add_event(&event("user.registered", i as i64))?;
            tx.commit()
        });
        assert!(
            outcomes.iter().all(Result::is_ok),
            "{}: {outcomes:?}",
            fresh.backend
        );
        let store = fresh.open();
        let mut seqs: Vec<i64> = events(store.as_ref(), &everything())
            .iter()
            .map(|e| e.seq)
            .collect();
        seqs.sort_unstable();
        seqs.dedup();
        assert_eq!(seqs.len(), 16, "{}", fresh.backend);
        let last = store.read().unwrap().last_event_seq().unwrap();
        assert_eq!(last, seqs[15], "{}", fresh.backend);
        let after = EventFilter {
            after_seq: Some(seqs[9]),
            ..everything()
        };
        let later: Vec<i64> = events(store.as_ref(), &after)
            .iter()
            .map(|e| e.seq)
            .collect();
        assert_eq!(later, seqs[10..], "{}", fresh.backend);
    }
}
