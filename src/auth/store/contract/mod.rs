//! The storage contract as tests: each runs against every backend, on a
//! fresh database, through the `Store` trait alone. A new backend adds one
//! line to [`backends`]; the tests themselves do not change.

mod audit;
mod blocklist;

use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Duration;

use tempfile::TempDir;

mod throttle;

use super::postgres::testing::TempDatabase;
use super::{
    LoginRecord, NewSession, NewUser, Store, StoreError, UserLookup, UserRecord, UserUpdate,
};
use crate::domain::{Database, Email, PasswordHash, SessionToken, Timestamp, TokenDigest, UserId};

const NOW: Timestamp = Timestamp::from_unix(1_800_000_000);
const LATER: Timestamp = Timestamp::from_unix(1_800_003_600);

/// A fresh database of one backend, and a way to open it again (as another
/// process would: its own connections).
struct Fresh {
    backend: &'static str,
    database: Database,
    /// What holds it, removed when the test is done.
    _folder: Option<TempDir>,
    _server: Option<TempDatabase>,
}

impl Fresh {
    fn open(&self) -> Box<dyn Store> {
        super::open(&self.database).unwrap()
    }
}

/// SQLite always; PostgreSQL when `AUTHCTL_TEST_PG_URL` names a server,
/// each test on a database of its own.
fn backends() -> Vec<Fresh> {
    let dir = tempfile::tempdir().unwrap();
    let sqlite = Fresh {
        backend: "sqlite",
        database: Database::sqlite(dir.path().join("auth.db")),
        _folder: Some(dir),
        _server: None,
    };
    let mut all = vec![sqlite];
    if let Some(server) = TempDatabase::create() {
        all.push(Fresh {
            backend: "postgres",
            database: Database::postgres(server.locator().clone()),
            _folder: None,
            _server: Some(server),
        });
    }
    all
}

fn hash(password: &str) -> PasswordHash {
    PasswordHash::parse(&bcrypt::hash(password, 4).unwrap()).unwrap()
}

fn new_user(email: &str) -> NewUser {
    NewUser {
        email: Email::parse(email).unwrap(),
        hash: hash("password1"),
        created_at: NOW,
        disabled: false,
    }
}

fn add(store: &dyn Store, email: &str) -> UserId {
    let mut tx = store.write().unwrap();
    let user = tx.add_user(&new_user(email)).unwrap();
    tx.commit().unwrap();
    user.id
}

fn session_of(user: UserId) -> (TokenDigest, NewSession) {
    let digest = SessionToken::generate().digest();
    let session = NewSession {
        user,
        digest,
        created_at: NOW,
        expires_at: LATER,
    };
    (digest, session)
}

/// The user whose session, live at `NOW`, is stored under `digest`.
fn find_by_session(store: &dyn Store, digest: &TokenDigest) -> Result<UserRecord, StoreError> {
    store.read().unwrap().find_user_by(UserLookup::Session {
        digest,
        now: NOW,
        idle_cutoff: None,
    })
}

/// Stores one live session of `user` and one that expires at `NOW`;
/// returns the live one's digest.
fn add_live_and_expired_sessions(store: &dyn Store, user: UserId) -> TokenDigest {
    let (live, session) = session_of(user);
    let (_, mut expired) = session_of(user);
    expired.expires_at = NOW;
    let mut tx = store.write().unwrap();
    tx.add_sessions(&[session, expired]).unwrap();
    tx.commit().unwrap();
    live
}

fn live_sessions(store: &dyn Store, user: UserId) -> usize {
    store
        .read()
        .unwrap()
        .list_sessions(Some(user), NOW)
        .unwrap()
        .len()
}

/// `n` threads, each with its own connections, released at once; each is
/// given its index.
fn all_at_once<T: Send + 'static>(
    fresh: &Fresh,
    n: usize,
    work: impl Fn(usize, &dyn Store) -> T + Send + Sync + 'static,
) -> Vec<T> {
    let barrier = Arc::new(Barrier::new(n));
    let work = Arc::new(work);
    let handles: Vec<_> = (0..n)
        .map(|i| {
            let (barrier, work, store) = (barrier.clone(), work.clone(), fresh.open());
            thread::spawn(move || {
                barrier.wait();
                work(i, store.as_ref())
            })
        })
        .collect();
    handles.into_iter().map(|h| h.join().unwrap()).collect()
}

/// Both backends have one schema history: the same steps, by name.
#[test]
fn the_postgres_migrations_are_sqlites_in_number_and_name() {
    let names: Vec<&str> = super::postgres::MIGRATION_STEPS
        .iter()
        .map(|(name, _)| *name)
        .collect();
    assert_eq!(names, super::sqlite::MIGRATION_NAMES);
}

#[test]
fn concurrent_inserts_of_one_email_key_leave_exactly_one_user() {
    for fresh in backends() {
        fresh.open();
        let outcomes = all_at_once(&fresh, 16, |_, store| {
            let mut tx = store.write()?;
            tx.add_user(&new_user("same@example.com"))?;
            tx.commit()
        });
        let created = outcomes.iter().filter(|o| o.is_ok()).count();
        let taken = outcomes
            .iter()
            .filter(|o| matches!(o, Err(StoreError::EmailTaken)))
            .count();
        assert_eq!((created, taken), (1, 15), "{}: {outcomes:?}", fresh.backend);
    }
}

#[test]
fn a_writer_dropped_without_commit_writes_nothing() {
    for fresh in backends() {
        let store = fresh.open();
        let ann = add(store.as_ref(), "ann@example.com");
        let mut tx = store.write().unwrap();
        tx.add_user(&new_user("bob@example.com")).unwrap();
        tx.delete_user(ann).unwrap();
        drop(tx);
        let users = store.read().unwrap().export_users().unwrap();
        let emails: Vec<_> = users.iter().map(|u| u.user.email.as_str()).collect();
        assert_eq!(emails, ["ann@example.com"], "{}", fresh.backend);
    }
}

#[test]
fn another_connection_does_not_see_a_write_before_its_commit() {
    for fresh in backends() {
        let (writer_side, reader_side) = (fresh.open(), fresh.open());
        let mut tx = writer_side.write().unwrap();
        tx.add_user(&new_user("ann@example.com")).unwrap();
        let before = reader_side.read().unwrap().export_users().unwrap();
        assert!(before.is_empty(), "{}", fresh.backend);
        tx.commit().unwrap();
        let after = reader_side.read().unwrap().export_users().unwrap();
        assert_eq!(after.len(), 1, "{}", fresh.backend);
    }
}

#[test]
fn a_login_records_nothing_once_the_password_it_checked_has_changed() {
    for fresh in backends() {
        let store = fresh.open();
        let ann = add(store.as_ref(), "ann@example.com");
        let checked = store
            .read()
            .unwrap()
            .find_user_by(UserLookup::Id(ann))
            .unwrap()
            .hash;
        let mut tx = store.write().unwrap();
        let change = UserUpdate {
            hash: Some(hash("the new password")),
            end_sessions: true,
            ..UserUpdate::default()
        };
        tx.update_user(ann, &change, NOW).unwrap();
        tx.commit().unwrap();

        let rehash = hash("password1");
        let (_, session) = session_of(ann);
        let login = LoginRecord {
            user: ann,
            verified: Some(&checked),
            rehash: Some(&rehash),
            session: Some(&session),
        };
        let mut tx = store.write().unwrap();
        let recorded = tx.record_login(&login, NOW);
        assert!(
            matches!(recorded, Err(StoreError::NotFound)),
            "{}: {recorded:?}",
            fresh.backend
        );
        tx.commit().unwrap();
        assert_eq!(live_sessions(store.as_ref(), ann), 0, "{}", fresh.backend);
        let stored = store
            .read()
            .unwrap()
            .find_user_by(UserLookup::Id(ann))
            .unwrap()
            .hash;
        assert_ne!(
            stored.expose(),
            rehash.expose(),
            "{}: the rehash landed",
            fresh.backend
        );
    }
}

#[test]
fn a_login_records_nothing_for_a_disabled_user_and_its_rehash_lands_otherwise() {
    for fresh in backends() {
        let store = fresh.open();
        let ann = add(store.as_ref(), "ann@example.com");
        let checked = store
            .read()
            .unwrap()
            .find_user_by(UserLookup::Id(ann))
            .unwrap()
            .hash;
        let rehash = hash("password1");
        let (digest, session) = session_of(ann);
        let login = LoginRecord {
            user: ann,
            verified: Some(&checked),
            rehash: Some(&rehash),
            session: Some(&session),
        };

        let disable = UserUpdate {
            disabled: Some(true),
            end_sessions: true,
            ..UserUpdate::default()
        };
        let mut tx = store.write().unwrap();
        tx.update_user(ann, &disable, NOW).unwrap();
        let refused = tx.record_login(&login, NOW);
        assert!(
            matches!(refused, Err(StoreError::NotFound)),
            "{}: {refused:?}",
            fresh.backend
        );
        // Still one transaction: re-enable and the same login now lands.
        let enable = UserUpdate {
            disabled: Some(false),
            ..UserUpdate::default()
        };
        tx.update_user(ann, &enable, NOW).unwrap();
        tx.record_login(&login, NOW).unwrap();
        tx.commit().unwrap();

        let found = find_by_session(store.as_ref(), &digest).unwrap();
        assert_eq!(found.user.id, ann, "{}", fresh.backend);
        assert_eq!(found.hash.expose(), rehash.expose(), "{}", fresh.backend);
    }
}

#[test]
fn concurrent_uses_of_one_reset_token_have_exactly_one_winner() {
    for fresh in backends() {
        let store = fresh.open();
        let ann = add(store.as_ref(), "ann@example.com");
        let digest = SessionToken::generate().digest();
        let mut tx = store.write().unwrap();
        tx.put_reset_token(ann, &digest, LATER).unwrap();
        tx.commit().unwrap();
        let outcomes = all_at_once(&fresh, 20, move |_, store| {
            let mut tx = store.write()?;
            let user = tx.take_reset_token("ann@example.com", &digest, NOW)?;
            tx.commit()?;
            Ok::<_, StoreError>(user)
        });
        let winners: Vec<_> = outcomes.iter().filter_map(|o| o.as_ref().ok()).collect();
        assert_eq!(winners, [&ann], "{}: {outcomes:?}", fresh.backend);
        assert!(
            outcomes
                .iter()
                .all(|o| o.is_ok() || matches!(o, Err(StoreError::NotFound))),
            "{}: {outcomes:?}",
            fresh.backend
        );
    }
}

#[test]
fn a_reset_token_is_taken_only_by_its_own_enabled_user_while_live() {
    for fresh in backends() {
        let store = fresh.open();
        let ann = add(store.as_ref(), "ann@example.com");
        add(store.as_ref(), "bob@example.com");
        let digest = SessionToken::generate().digest();
        let mut tx = store.write().unwrap();
        tx.put_reset_token(ann, &digest, LATER).unwrap();
        let wrong_user = tx.take_reset_token("bob@example.com", &digest, NOW);
        let expired = tx.take_reset_token("ann@example.com", &digest, LATER);
        assert!(
            matches!(wrong_user, Err(StoreError::NotFound)),
            "{}",
            fresh.backend
        );
        assert!(
            matches!(expired, Err(StoreError::NotFound)),
            "{}",
            fresh.backend
        );
        assert_eq!(
            tx.take_reset_token("ann@example.com", &digest, NOW)
                .unwrap(),
            ann
        );
        tx.commit().unwrap();
    }
}

#[test]
fn concurrent_ends_of_one_session_report_one_deletion() {
    for fresh in backends() {
        let store = fresh.open();
        let ann = add(store.as_ref(), "ann@example.com");
        let (digest, session) = session_of(ann);
        let mut tx = store.write().unwrap();
        tx.add_sessions(&[session]).unwrap();
        tx.commit().unwrap();
        let outcomes = all_at_once(&fresh, 8, move |_, store| {
            let mut tx = store.write()?;
            let deleted = tx.delete_session(&digest, NOW)?;
            tx.commit()?;
            Ok::<_, StoreError>(deleted)
        });
        let deleted: Vec<_> = outcomes
            .iter()
            .filter_map(|o| o.as_ref().ok()?.as_ref())
            .collect();
        assert_eq!(deleted, [&ann], "{}: {outcomes:?}", fresh.backend);
    }
}

#[test]
fn ending_sessions_with_an_update_also_ends_the_reset_token() {
    for fresh in backends() {
        let store = fresh.open();
        let ann = add(store.as_ref(), "ann@example.com");
        let reset = SessionToken::generate().digest();
        let (_, session) = session_of(ann);
        let mut tx = store.write().unwrap();
        tx.add_sessions(&[session]).unwrap();
        tx.put_reset_token(ann, &reset, LATER).unwrap();
        let update = UserUpdate {
            end_sessions: true,
            ..UserUpdate::default()
        };
        tx.update_user(ann, &update, NOW).unwrap();
        tx.commit().unwrap();
        assert_eq!(live_sessions(store.as_ref(), ann), 0, "{}", fresh.backend);
        let token = store.read().unwrap().find_user_by(UserLookup::ResetToken {
            digest: &reset,
            now: NOW,
        });
        assert!(
            matches!(token, Err(StoreError::NotFound)),
            "{}",
            fresh.backend
        );
    }
}

#[test]
fn pruning_removes_exactly_the_expired_rows() {
    for fresh in backends() {
        let store = fresh.open();
        let ann = add(store.as_ref(), "ann@example.com");
        let live = add_live_and_expired_sessions(store.as_ref(), ann);
        let mut tx = store.write().unwrap();
        tx.put_reset_token(ann, &SessionToken::generate().digest(), NOW)
            .unwrap();
        assert_eq!(tx.prune_expired(NOW).unwrap(), 2, "{}", fresh.backend);
        tx.commit().unwrap();
        assert!(
            find_by_session(store.as_ref(), &live).is_ok(),
            "{}",
            fresh.backend
        );
    }
}

#[test]
fn an_idle_cutoff_hides_a_session_until_it_is_marked_used() {
    for fresh in backends() {
        let store = fresh.open();
        let ann = add(store.as_ref(), "ann@example.com");
        let (digest, session) = session_of(ann);
        let mut tx = store.write().unwrap();
        tx.add_sessions(&[session]).unwrap();
        tx.commit().unwrap();
        let lookup = |idle_cutoff| UserLookup::Session {
            digest: &digest,
            now: NOW,
            idle_cutoff: Some(idle_cutoff),
        };
        // Opened at NOW: used at NOW, so a cutoff at NOW hides it.
        let idle = store.read().unwrap().find_user_by(lookup(NOW));
        assert!(
            matches!(idle, Err(StoreError::NotFound)),
            "{}",
            fresh.backend
        );
        let seen = store
            .read()
            .unwrap()
            .find_user_by(lookup(NOW.before(Duration::from_secs(1))));
        assert!(seen.is_ok(), "{}", fresh.backend);

        let used = NOW.after(Duration::from_secs(60));
        let mut tx = store.write().unwrap();
        tx.touch_session(&digest, used).unwrap();
        // An older mark does not move it back.
        tx.touch_session(&digest, NOW).unwrap();
        tx.commit().unwrap();
        let last = store.read().unwrap().session_last_used(&digest).unwrap();
        assert_eq!(last, Some(used), "{}", fresh.backend);
        assert!(
            store.read().unwrap().find_user_by(lookup(NOW)).is_ok(),
            "{}",
            fresh.backend
        );
    }
}

#[test]
fn trimming_keeps_the_newest_sessions_of_that_user_only() {
    for fresh in backends() {
        let store = fresh.open();
        let (ann, bob) = (
            add(store.as_ref(), "ann@example.com"),
            add(store.as_ref(), "bob@example.com"),
        );
        let mut digests = Vec::new();
        let mut tx = store.write().unwrap();
        for age in (0..4).rev() {
            let (digest, mut session) = session_of(ann);
            session.created_at = NOW.before(Duration::from_secs(age));
            tx.add_sessions(&[session]).unwrap();
            digests.push(digest);
        }
        tx.add_sessions(&[session_of(bob).1]).unwrap();
        assert_eq!(tx.trim_sessions(ann, 2).unwrap(), 2, "{}", fresh.backend);
        tx.commit().unwrap();
        for (index, digest) in digests.iter().enumerate() {
            let found = find_by_session(store.as_ref(), digest);
            assert_eq!(
                found.is_ok(),
                index >= 2,
                "{}: session {index}",
                fresh.backend
            );
        }
        assert_eq!(live_sessions(store.as_ref(), bob), 1, "{}", fresh.backend);
    }
}

#[test]
fn a_taken_email_key_or_a_look_alike_is_refused_and_leaves_the_transaction_usable() {
    for fresh in backends() {
        let store = fresh.open();
        add(store.as_ref(), "admin@example.com");
        let mut tx = store.write().unwrap();
        // A Cyrillic "а" (U+0430) in place of the Latin one.
        let refused = tx.add_user(&new_user("\u{430}dmin@example.com"));
        assert!(
            matches!(refused, Err(StoreError::LookAlike)),
            "{}: {refused:?}",
            fresh.backend
        );
        let same = tx.add_user(&new_user("ADMIN@example.com"));
        assert!(
            matches!(same, Err(StoreError::EmailTaken)),
            "{}: {same:?}",
            fresh.backend
        );
        tx.add_user(&new_user("admin2@example.com")).unwrap();
        tx.commit().unwrap();
        assert_eq!(
            store.read().unwrap().export_users().unwrap().len(),
            2,
            "{}",
            fresh.backend
        );
    }
}

#[test]
fn concurrent_inserts_of_look_alikes_leave_exactly_one_user() {
    for fresh in backends() {
        fresh.open();
        let spellings = [
            "admin@example.com",
            "\u{430}dmin@example.com",
            "adm\u{456}n@example.com",
        ];
        let outcomes = all_at_once(&fresh, 12, move |i, store| {
            let mut tx = store.write()?;
            tx.add_user(&new_user(spellings[i % spellings.len()]))?;
            tx.commit()
        });
        let created = outcomes.iter().filter(|o| o.is_ok()).count();
        assert_eq!(created, 1, "{}: {outcomes:?}", fresh.backend);
        assert!(
            outcomes.iter().all(|o| matches!(
                o,
                Ok(()) | Err(StoreError::LookAlike | StoreError::EmailTaken)
            )),
            "{}: {outcomes:?}",
            fresh.backend
        );
    }
}

#[test]
fn ending_a_session_by_id_returns_it_once_and_only_while_live() {
    for fresh in backends() {
        let store = fresh.open();
        let ann = add(store.as_ref(), "ann@example.com");
        let digest = add_live_and_expired_sessions(store.as_ref(), ann);
        let listed = store
            .read()
            .unwrap()
            .list_sessions(Some(ann), NOW.before(Duration::from_secs(1)))
            .unwrap();
        let (live_id, expired_id) = (listed[0].id, listed[1].id);

        let mut tx = store.write().unwrap();
        let ended = tx.delete_session_by_id(live_id, NOW).unwrap().unwrap();
        assert_eq!(ended.email.as_str(), "ann@example.com", "{}", fresh.backend);
        assert_eq!(
            ended.digest_prefix,
            digest.hex_prefix(12),
            "{}",
            fresh.backend
        );
        assert!(tx.delete_session_by_id(live_id, NOW).unwrap().is_none());
        assert!(tx.delete_session_by_id(expired_id, NOW).unwrap().is_none());
        assert!(tx.delete_session_by_id(9_999, NOW).unwrap().is_none());
        tx.commit().unwrap();
    }
}

#[test]
fn an_email_is_free_unless_its_key_or_a_look_alike_is_taken() {
    for fresh in backends() {
        let store = fresh.open();
        add(store.as_ref(), "admin@example.com");
        let free = |raw: &str| {
            store
                .read()
                .unwrap()
                .email_free(&Email::parse(raw).unwrap())
        };
        assert!(
            matches!(free("ADMIN@example.com"), Err(StoreError::EmailTaken)),
            "{}",
            fresh.backend
        );
        assert!(
            matches!(free("\u{430}dmin@example.com"), Err(StoreError::LookAlike)),
            "{}",
            fresh.backend
        );
        assert!(free("other@example.com").is_ok(), "{}", fresh.backend);
    }
}

#[test]
fn an_opened_database_reports_the_schema_its_build_migrates_to_while_in_use() {
    for fresh in backends() {
        let store = fresh.open();
        // A write transaction open elsewhere does not hold the probe up.
        let writer = store.write().unwrap();
        let versions = store.schema_versions().unwrap();
        drop(writer);
        assert!(versions.latest > 0, "{}", fresh.backend);
        assert_eq!(versions.found, versions.latest, "{}", fresh.backend);
    }
}
