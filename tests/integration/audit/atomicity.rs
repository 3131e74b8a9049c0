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
