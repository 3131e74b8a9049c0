use super::super::{EventFilter, NewEvent};
use super::{all_at_once, backends};

fn refusal(at_ms: i64) -> NewEvent {
    NewEvent {
        at_ms,
        event: "login.throttled",
        success: false,
        reason: Some("wait"),
        source: "http",
        actor: None,
        client_ip: Some("192.0.2.1".to_owned()),
        user_agent: None,
        user_id: None,
        email: None,
        details: None,
    }
}

fn everything() -> EventFilter {
    EventFilter {
        limit: 1000,
        ..EventFilter::default()
    }
}

/// Of concurrent tallies of one key, none is lost and none makes a second
/// row (an insert raced by another would otherwise fail or duplicate).
#[test]
fn concurrent_tallies_of_one_aggregate_add_up_in_one_row() {
    for fresh in backends() {
        fresh.open();
        let outcomes = all_at_once(&fresh, 16, |i, store| {
            let mut tx = store.write()?;
            tx.add_to_event("login.throttled:k:1", &refusal(i as i64), 2)?;
            tx.commit()
        });
        assert!(
            outcomes.iter().all(Result::is_ok),
            "{}: {outcomes:?}",
            fresh.backend
        );
        let events = fresh.open().read().unwrap().events(&everything()).unwrap();
        assert_eq!(events.len(), 1, "{}", fresh.backend);
        assert_eq!(events[0].count, 32, "{}", fresh.backend);
        assert_eq!(events[0].at_ms, 15, "{}: the latest time", fresh.backend);
    }
}

/// Events written by concurrent transactions each get their own place in
/// the commit order, and a follower reading after a point sees exactly the
/// later ones, oldest first.
#[test]
fn concurrent_events_get_distinct_places_in_commit_order() {
    for fresh in backends() {
        fresh.open();
        let outcomes = all_at_once(&fresh, 16, |i, store| {
            let mut tx = store.write()?;
            let id = tx.add_event(&refusal(i as i64))?;
            tx.commit()?;
            Ok::<_, super::StoreError>(id)
        });
        assert!(
            outcomes.iter().all(Result::is_ok),
            "{}: {outcomes:?}",
            fresh.backend
        );
        let store = fresh.open();
        let mut reader = store.read().unwrap();
        let mut seqs: Vec<i64> = reader
            .events(&everything())
            .unwrap()
            .iter()
            .map(|e| e.seq)
            .collect();
        seqs.sort_unstable();
        seqs.dedup();
        assert_eq!(seqs.len(), 16, "{}", fresh.backend);
        assert_eq!(
            reader.last_event_seq().unwrap(),
            seqs[15],
            "{}",
            fresh.backend
        );
        let after = EventFilter {
            after_seq: Some(seqs[9]),
            ..everything()
        };
        let later: Vec<i64> = reader
            .events(&after)
            .unwrap()
            .iter()
            .map(|e| e.seq)
            .collect();
        assert_eq!(later, seqs[10..], "{}", fresh.backend);
    }
}
