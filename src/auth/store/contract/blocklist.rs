//! The operator's password blocklist, on every backend.

use super::{StoreError, all_at_once, backends};
use crate::domain::BlockedWord;

fn words(raw: &[&str]) -> Vec<BlockedWord> {
    raw.iter().map(|w| BlockedWord::parse(w).unwrap()).collect()
}

#[test]
fn blocking_counts_only_new_words_and_lists_each_once_in_order() {
    for fresh in backends() {
        let store = fresh.open();
        let mut tx = store.write().unwrap();
        let added = tx
            .block_words(&words(&["zebra", "apple", "apple"]))
            .unwrap();
        assert_eq!(added, 2, "{}", fresh.backend);
        tx.commit().unwrap();
        let mut tx = store.write().unwrap();
        assert_eq!(tx.block_words(&words(&["apple", "mango"])).unwrap(), 1);
        tx.commit().unwrap();

        // Another process's view: its own connections.
        let other = fresh.open();
        let mut reader = other.read().unwrap();
        assert_eq!(
            reader.blocked_words().unwrap(),
            words(&["apple", "mango", "zebra"]),
            "{}",
            fresh.backend
        );
        assert_eq!(reader.count_blocked().unwrap(), 3);
        assert!(reader.is_blocked("mango").unwrap());
        // The store compares as stored; folding the password is auth's.
        assert!(!reader.is_blocked("Mango").unwrap());
        assert!(!reader.is_blocked("mang").unwrap());
    }
}

#[test]
fn unblocking_returns_only_the_listed_words_and_rolls_back_when_dropped() {
    for fresh in backends() {
        let store = fresh.open();
        let mut tx = store.write().unwrap();
        tx.block_words(&words(&["alpha", "beta"])).unwrap();
        tx.commit().unwrap();

        let mut tx = store.write().unwrap();
        let removed = tx
            .unblock_words(&words(&["beta", "gamma", "beta"]))
            .unwrap();
        assert_eq!(removed, words(&["beta"]), "{}", fresh.backend);
        drop(tx);
        assert_eq!(store.read().unwrap().count_blocked().unwrap(), 2);

        let mut tx = store.write().unwrap();
        let removed = tx.unblock_words(&words(&["alpha", "beta"])).unwrap();
        assert_eq!(removed, words(&["alpha", "beta"]), "{}", fresh.backend);
        tx.commit().unwrap();
        assert_eq!(store.read().unwrap().count_blocked().unwrap(), 0);
    }
}

#[test]
fn concurrent_adds_and_removals_of_one_word_each_count_it_once() {
    for fresh in backends() {
        fresh.open();
        let added = all_at_once(&fresh, 8, |_, store| {
            let mut tx = store.write()?;
            let added = tx.block_words(&words(&["shared"]))?;
            tx.commit()?;
            Ok::<_, StoreError>(added)
        });
        let added: u64 = added.into_iter().map(Result::unwrap).sum();
        assert_eq!(added, 1, "{}", fresh.backend);

        let removed = all_at_once(&fresh, 8, |_, store| {
            let mut tx = store.write()?;
            let removed = tx.unblock_words(&words(&["shared"]))?;
            tx.commit()?;
            Ok::<_, StoreError>(removed.len())
        });
        let removed: usize = removed.into_iter().map(Result::unwrap).sum();
        assert_eq!(removed, 1, "{}", fresh.backend);
    }
}
