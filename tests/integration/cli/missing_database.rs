//! Commands on a database that does not exist yet: only `register`,
//! `users import` and `serve` create one; the rest leave no file behind a
//! mistyped path.

use super::support::{Env, PASSWORD};

const SESSION: &str = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

#[test]
fn commands_about_a_user_or_session_exit_3_and_create_nothing() {
    let env = Env::new();
    let targeted: [&[&str]; 10] = [
        &["whoami", "--session", SESSION],
        &["logout", "--session", SESSION],
        &["reset-password", "ann@example.com"],
        &["users", "show", "ann@example.com"],
        &["users", "delete", "ann@example.com", "--yes"],
        &["users", "disable", "ann@example.com"],
        &["users", "enable", "ann@example.com"],
        &["sessions", "list", "ann@example.com"],
        &["sessions", "revoke", "ann@example.com"],
        &["--json", "users", "show", "ann@example.com"],
    ];
    for args in targeted {
        let run = env.run(args).code(3);
        assert!(
            run.stderr.contains("no database at") && run.stderr.contains("authctl register"),
            "{args:?}: {}",
            run.stderr
        );
        assert!(!env.db().exists(), "{args:?} created the database");
    }
    env.run_stdin(
        &["login", "ann@example.com", "--password-stdin"],
        "whatever it is\n",
    )
    .code(3)
    .stderr_has("no database at");
    assert!(!env.db().exists(), "login created the database");
}

#[test]
fn listings_of_a_missing_database_are_empty_and_create_nothing() {
    let env = Env::new();
    assert_eq!(env.json(&["users", "list"]), serde_json::json!([]));
    assert_eq!(env.json(&["sessions", "list"]), serde_json::json!([]));
    env.run(&["users", "list"]).success().stderr_has("no users");
    let export = env.run(&["users", "export"]).success();
    assert_eq!(
        export.stdout.lines().count(),
        1,
        "only the CSV header: {}",
        export.stdout
    );
    assert!(!env.db().exists());
}

#[test]
fn a_mistyped_db_path_creates_neither_file_nor_folder() {
    let env = Env::new();
    let typo = env.path("tpyo").join("auth.db");
    let typo = typo.to_str().expect("a UTF-8 temp path");
    env.run(&["--db", typo, "users", "show", "ann@example.com"])
        .code(3)
        .stderr_has(&format!("no database at {typo}"));
    assert!(!env.path("tpyo").exists());
}

#[test]
fn register_creates_the_database_and_then_the_others_find_it() {
    let env = Env::new();
    env.register("ann@example.com", PASSWORD);
    assert!(env.db().exists());
    env.run(&["users", "show", "ann@example.com"]).success();
}
