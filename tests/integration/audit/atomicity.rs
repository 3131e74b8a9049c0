//! SECURITY 29: an audited change and its event commit together or not at
//! all. The test makes one half fail with a trigger that raises, installed
//! in the real file as another program could, and checks the other half is
//! rolled back.

use authctl::auth::{AuthError, Caller};
use rusqlite::Connection;

use super::all_events;
use crate::support::PASSWORD;
use crate::support::db::{SqliteFile, email, password};

const ALICE: &str = "alice@example.com";

fn raise_on(file: &SqliteFile, name: &str, when: &str) {
    let conn = Connection::open(file.path()).unwrap();
    conn.execute_batch(&format!(
        "CREATE TRIGGER {name} {when} BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;"
    ))
    .unwrap();
}

fn drop_trigger(file: &SqliteFile, name: &str) {
    let conn = Connection::open(file.path()).unwrap();
    conn.execute_batch(&format!("DROP TRIGGER {name};"))
        .unwrap();
}

#[test]
fn a_change_whose_event_cannot_be_written_is_rolled_back() {
    let file = SqliteFile::new();
    let auth = file.auth();
    auth.register_user(&Caller::cli(), &email(ALICE), &password(PASSWORD))
        .unwrap();
    raise_on(&file, "no_events", "BEFORE INSERT ON audit");

    let refused = auth.register_user(
        &Caller::cli(),
        &email("bob@example.com"),
        &password(PASSWORD),
    );
    assert!(
        matches!(refused, Err(AuthError::Internal { .. })),
        "{refused:?}"
    );
    assert!(
        auth.find_user(&email("bob@example.com")).is_err(),
        "bob was created"
    );

    let refused = auth.disable_user(&Caller::cli(), &email(ALICE));
    assert!(refused.is_err(), "{refused:?}");
    assert!(!auth.find_user(&email(ALICE)).unwrap().disabled);

    // A login attempt counts as a failure only with its event.
    let refused = auth.login(&Caller::cli(), &email(ALICE), &password("wrong"));
    assert!(
        matches!(refused, Err(AuthError::Internal { .. })),
        "{refused:?}"
    );
    assert!(
        auth.throttle_entries().unwrap().is_empty(),
        "counted without an event"
    );

    let refused = auth.delete_user(&Caller::cli(), &email(ALICE));
    assert!(refused.is_err(), "{refused:?}");
    assert!(
        auth.find_user(&email(ALICE)).is_ok(),
        "deleted without an event"
    );

    drop_trigger(&file, "no_events");
    let names: Vec<String> = all_events(&auth).into_iter().map(|e| e.event).collect();
    assert_eq!(names, ["user.registered"]);
}

#[test]
fn an_event_whose_change_cannot_be_made_is_not_written() {
    let file = SqliteFile::new();
    let auth = file.auth();
    raise_on(&file, "no_users", "BEFORE INSERT ON users");
    let refused = auth.register_user(&Caller::cli(), &email(ALICE), &password(PASSWORD));
    assert!(refused.is_err(), "{refused:?}");
    drop_trigger(&file, "no_users");

    auth.register_user(&Caller::cli(), &email(ALICE), &password(PASSWORD))
        .unwrap();
    let (_, session) = auth
        .login(&Caller::cli(), &email(ALICE), &password(PASSWORD))
        .unwrap();
    raise_on(&file, "no_logout", "BEFORE DELETE ON sessions");
    let refused = auth.end_session(&Caller::cli(), &session);
    assert!(refused.is_err(), "{refused:?}");
    raise_on(&file, "no_update", "BEFORE UPDATE ON users");
    let refused = auth.disable_user(&Caller::cli(), &email(ALICE));
    assert!(refused.is_err(), "{refused:?}");
    drop_trigger(&file, "no_logout");
    drop_trigger(&file, "no_update");

    let names: Vec<String> = all_events(&auth).into_iter().map(|e| e.event).collect();
    assert_eq!(names, ["user.registered", "login.success"]);
    assert!(auth.get_user_from_session_id(&session).unwrap().is_some());
}

/// The other half of the pair: the event is written, and the change fails
/// after it, at commit (a deferred foreign key a trigger breaks). Neither
/// may stay.
#[test]
fn an_event_whose_change_fails_at_commit_is_rolled_back_with_it() {
    let file = SqliteFile::new();
    let auth = file.auth();
    auth.register_user(&Caller::cli(), &email(ALICE), &password(PASSWORD))
        .unwrap();
    let conn = Connection::open(file.path()).unwrap();
    conn.execute_batch(
        "CREATE TABLE broken (user_id INTEGER REFERENCES nowhere(id) DEFERRABLE INITIALLY DEFERRED);
         CREATE TRIGGER break_at_commit AFTER INSERT ON users
             BEGIN INSERT INTO broken VALUES (NEW.id); END;",
    )
    .unwrap();
    let refused = auth.register_user(
        &Caller::cli(),
        &email("bob@example.com"),
        &password(PASSWORD),
    );
    assert!(refused.is_err(), "{refused:?}");
    conn.execute_batch("DROP TRIGGER break_at_commit; DROP TABLE broken;")
        .unwrap();
    assert!(auth.find_user(&email("bob@example.com")).is_err());
    let names: Vec<String> = all_events(&auth).into_iter().map(|e| e.event).collect();
    assert_eq!(names, ["user.registered"], "an event without its change");
}

/// A correct login whose audit row cannot be settled opens no session and
/// leaves the failure it counted: the outcome and its event go together.
#[test]
fn a_login_whose_outcome_cannot_be_recorded_opens_no_session() {
    let file = SqliteFile::new();
    let auth = file.auth();
    auth.register_user(&Caller::cli(), &email(ALICE), &password(PASSWORD))
        .unwrap();
    raise_on(&file, "no_settling", "BEFORE UPDATE ON audit");
    let refused = auth.login(&Caller::cli(), &email(ALICE), &password(PASSWORD));
    assert!(
        matches!(refused, Err(AuthError::Internal { .. })),
        "{refused:?}"
    );
    drop_trigger(&file, "no_settling");
    assert!(
        auth.list_sessions(None).unwrap().is_empty(),
        "a session without its event"
    );
    let counted = auth.throttle_entries().unwrap();
    assert_eq!(counted.len(), 1, "the claim's failure stays counted");
    let names: Vec<String> = all_events(&auth).into_iter().map(|e| e.event).collect();
    assert_eq!(names, ["user.registered", "login.attempt"]);
}
