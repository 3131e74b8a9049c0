//! authctl changes only databases it created (issue 15, bug 1): another
//! application's SQLite file is refused, read and not written, whatever the
//! command; files made by earlier versions are recognised and marked.

use std::fs;
use std::path::Path;

use rusqlite::Connection;

use crate::support::PASSWORD;
use crate::support::cli::Env;

/// SQLite's `application_id` of authctl's files ("auth").
const OURS: i32 = 0x6175_7468;

/// Every byte of the file and whether SQLite's side files exist.
fn snapshot(path: &Path) -> (Vec<u8>, bool, bool) {
    let side = |suffix: &str| Path::new(&format!("{}{suffix}", path.display())).exists();
    (
        fs::read(path).expect("the file"),
        side("-wal"),
        side("-shm"),
    )
}

fn application_id(path: &Path) -> i32 {
    Connection::open(path)
        .expect("open")
        .pragma_query_value(None, "application_id", |row| row.get(0))
        .expect("read the id")
}

#[test]
fn another_applications_database_is_refused_by_every_command_without_a_write() {
    let env = Env::new();
    for schema in [
        "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL);",
        // Its own `users` table, which authctl's migration would trip on.
        "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); CREATE TABLE orders (id INTEGER);",
    ] {
        let path = env.path("app.db");
        let _ = fs::remove_file(&path);
        Connection::open(&path)
            .expect("create")
            .execute_batch(schema)
            .expect("their schema");
        let before = snapshot(&path);
        let db = path.to_str().expect("UTF-8");
        for args in [
            vec!["users", "list"],
            vec!["users", "show", "a@example.com"],
            vec!["throttle", "list"],
            vec!["sessions", "list"],
        ] {
            let mut all = vec!["--db", db];
            all.extend(args.iter().copied());
            let run = env
                .run(&all)
                .code(2)
                .stderr_has("is not an authctl database");
            assert!(run.stderr.lines().count() <= 2, "one short message:\n{run}");
            assert!(
                !run.stderr.contains("CREATE"),
                "no SQL in the message:\n{run}"
            );
        }
        env.run_stdin(
            &["--db", db, "register", "a@example.com", "--password-stdin"],
            &format!("{PASSWORD}\n"),
        )
        .code(2);
        assert!(
            snapshot(&path) == before,
            "the file or its side files changed"
        );
    }
}

#[test]
fn a_database_of_another_application_id_is_refused() {
    let env = Env::new();
    let path = env.path("tagged.db");
    Connection::open(&path)
        .expect("create")
        .execute_batch("PRAGMA application_id = 1234;")
        .expect("tag it");
    let db = path.to_str().expect("UTF-8");
    env.run(&["--db", db, "users", "list"])
        .code(2)
        .stderr_has("another application");
}

#[test]
fn new_databases_are_marked_and_earlier_authctl_files_are_recognised_and_marked() {
    let env = Env::new();
    env.register("a@example.com", PASSWORD);
    assert_eq!(application_id(env.db()), OURS);

    // As a file made before the mark existed.
    Connection::open(env.db())
        .expect("open")
        .execute_batch("PRAGMA application_id = 0;")
        .expect("unmark");
    let listed = env.json(&["users", "list"]);
    assert_eq!(listed.as_array().expect("an array").len(), 1);
    assert_eq!(application_id(env.db()), OURS);
}

#[test]
fn an_empty_file_is_a_new_database() {
    let env = Env::new();
    fs::write(env.db(), b"").expect("an empty file");
    env.register("a@example.com", PASSWORD);
    assert_eq!(application_id(env.db()), OURS);
}
