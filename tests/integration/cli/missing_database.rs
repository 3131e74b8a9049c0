//! Commands on a database that does not exist yet: only `register`,
//! `users import` and `serve` create one; the rest leave no file behind a
//! mistyped path.

use crate::support::PASSWORD;
use crate::support::cli::Env;
use crate::support::db::schema_version;

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
    // Said as it is, not as "no users".
    let listed = env
        .run(&["users", "list"])
        .success()
        .stderr_has("no database at");
    assert!(!listed.stderr.contains("no users"), "{listed}");
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

#[test]
fn no_password_is_asked_for_a_database_that_is_not_there() {
    let env = Env::new();
    // Without a terminal a password would be exit 6; the database comes first.
    env.run(&["login", "ann@example.com"])
        .code(3)
        .stderr_has("no database at");
    env.run(&["reset-password", "ann@example.com", "--token", SESSION])
        .code(3)
        .stderr_has("no database at");
}

#[test]
fn logout_forgets_a_saved_session_whose_database_is_gone() {
    let env = Env::new();
    env.register("ann@example.com", PASSWORD);
    env.login("ann@example.com", PASSWORD);
    let saved = || std::fs::read_dir(env.sessions_folder()).map_or(0, |files| files.count());
    assert_eq!(saved(), 1);
    for suffix in ["", "-wal", "-shm"] {
        let file = format!("{}{suffix}", env.db().display());
        let _ = std::fs::remove_file(file);
    }
    env.run(&["logout"]).code(3).stderr_has("no database at");
    assert_eq!(saved(), 0, "the dead session is still saved");
    assert!(!env.db().exists());
}

#[test]
fn a_dry_run_import_checks_the_rows_and_creates_no_database() {
    let env = Env::new();
    let file = env.file(
        "users.csv",
        "email,password\nann@example.com,long enough 1\nbob@example.com,long enough 2\n",
    );
    let summary = env.json(&["users", "import", &file, "--dry-run"]);
    assert_eq!(summary["created"], 2);
    assert_eq!(summary["dry_run"], true);
    assert!(!env.db().exists());

    let duplicated = env.file(
        "twice.csv",
        "email,password\nann@example.com,long enough 1\nANN@example.com,long enough 2\n",
    );
    env.run(&["users", "import", &duplicated, "--dry-run"])
        .code(6)
        .stderr_has("line 3");
    assert!(!env.db().exists());
}

#[test]
fn processes_creating_one_database_at_once_all_succeed() {
    use std::io::Write;
    use std::process::Stdio;

    let env = Env::new();
    let children: Vec<_> = (0..6)
        .map(|n| {
            let mut child = env
                .std_cmd()
                .args([
                    "register",
                    &format!("user{n}@example.com"),
                    "--password-stdin",
                ])
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn authctl");
            let mut stdin = child.stdin.take().expect("stdin");
            writeln!(stdin, "{PASSWORD}").expect("write the password");
            child
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().expect("wait");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let alone = Env::new();
    alone.register("alone@example.com", PASSWORD);
    assert_eq!(schema_version(env.db()), schema_version(alone.db()));
    assert_eq!(
        env.json(&["users", "list"]).as_array().map(Vec::len),
        Some(6)
    );
}
