//! Every exit code of the contract, and how errors are reported.

use crate::support::PASSWORD;
use crate::support::cli::{BIN, Env};
use std::os::unix::fs::PermissionsExt;

#[test]
fn registering_without_a_terminal_or_password_stdin_exits_6() {
    let env = Env::new();
    env.run(&["register", "ann@example.com"])
        .code(6)
        .stderr_has("--password-stdin");
    assert_eq!(env.json(&["users", "list"]), serde_json::json!([]));
}

#[test]
fn login_without_a_terminal_or_password_stdin_exits_6() {
    let env = Env::new();
    env.register("ann@example.com", PASSWORD);
    env.run(&["login", "ann@example.com"]).code(6);
}

#[test]
fn a_malformed_email_exits_6_and_names_the_rule() {
    let env = Env::new();
    env.run_stdin(
        &["register", "not-an-email", "--password-stdin"],
        "long enough pw\n",
    )
    .code(6)
    .stderr_has("error: invalid email: must contain an @");
}

#[test]
fn a_password_below_the_minimum_length_exits_6() {
    let env = Env::new();
    let run = env
        .run_stdin(
            &["register", "ann@example.com", "--password-stdin"],
            "short\n",
        )
        .code(6)
        .stderr_has("at least 8 characters");
    assert!(
        !run.stderr.contains("short\n"),
        "the password leaked\n{run}"
    );
}

#[test]
fn the_minimum_password_length_is_configurable() {
    let env = Env::new();
    env.run_stdin(
        &[
            "--min-password-length",
            "1",
            "register",
            "ann@example.com",
            "--password-stdin",
        ],
        // One character, and not one the built-in list refuses.
        "\u{e9}\n",
    )
    .success();
    env.run_stdin(
        &[
            "--min-password-length",
            "30",
            "register",
            "bo@example.com",
            "--password-stdin",
        ],
        &format!("{PASSWORD}\n"),
    )
    .code(6);
}

#[test]
fn showing_an_unknown_user_exits_3() {
    let env = Env::new();
    env.register("someone@example.com", PASSWORD);
    env.run(&["users", "show", "ghost@example.com"])
        .code(3)
        .stderr_has("no user with email ghost@example.com");
}

#[test]
fn login_with_wrong_password_exits_4() {
    let env = Env::new();
    env.register("ann@example.com", PASSWORD);
    env.run_stdin(
        &["login", "ann@example.com", "--password-stdin"],
        "not the password\n",
    )
    .code(4);
}

#[test]
fn login_of_an_unknown_email_fails_like_a_wrong_password() {
    let env = Env::new();
    env.register("someone@example.com", PASSWORD);
    let run = env
        .run_stdin(
            &["login", "ghost@example.com", "--password-stdin"],
            "whatever it is\n",
        )
        .code(4);
    assert_eq!(run.stderr, "error: wrong email or password\n");
}

#[test]
fn registering_an_existing_email_exits_5() {
    let env = Env::new();
    env.register("ann@example.com", PASSWORD);
    env.run_stdin(
        &["register", "ann@example.com", "--password-stdin"],
        &format!("{PASSWORD}\n"),
    )
    .code(5);
}

#[test]
fn a_bcrypt_cost_out_of_range_is_a_usage_error() {
    let env = Env::new();
    env.run(&["--bcrypt-cost", "3", "users", "list"])
        .code(2)
        .stderr_has("--bcrypt-cost");
    env.run(&["--bcrypt-cost", "32", "users", "list"]).code(2);
    let bad_env = env
        .cmd()
        .args(["users", "list"])
        .env("AUTHCTL_BCRYPT_COST", "x")
        .output();
    assert_eq!(bad_env.expect("the binary runs").status.code(), Some(2));
}

#[test]
fn a_malformed_duration_is_a_usage_error() {
    let env = Env::new();
    env.run(&["--session-ttl", "forever", "users", "list"])
        .code(2)
        .stderr_has("30m, 24h or 7d");
    env.run(&["--reset-ttl", "0s", "users", "list"]).code(2);
}

#[test]
fn durations_in_days_and_minutes_are_accepted() {
    let env = Env::new();
    env.run(&["--session-ttl", "7d", "--reset-ttl", "30m", "users", "list"])
        .success();
}

#[test]
fn an_unknown_command_is_a_usage_error() {
    let env = Env::new();
    env.run(&["frobnicate"]).code(2);
}

#[test]
fn deleting_without_a_terminal_needs_yes() {
    let env = Env::new();
    env.register("ann@example.com", PASSWORD);
    env.run(&["users", "delete", "ann@example.com"])
        .code(2)
        .stderr_has("--yes");
    env.run(&["users", "show", "ann@example.com"]).success();
    env.run(&["users", "delete", "ann@example.com", "--yes"])
        .success();
    env.run(&["users", "show", "ann@example.com"]).code(3);
}

#[test]
fn a_folder_given_as_the_database_is_a_usage_error_naming_it() {
    let env = Env::new();
    let folder = env.path("a-folder");
    std::fs::create_dir(&folder).expect("create a folder");
    let db = folder.to_str().expect("UTF-8");
    for args in [&["users", "list"][..], &["users", "import", "-"][..]] {
        let mut all = vec!["--db", db];
        all.extend_from_slice(args);
        let run = env
            .run(&all)
            .code(2)
            .stderr_has(&format!("{db} is a folder, not a database file"));
        assert!(!run.stderr.contains("internal error"), "{run}");
    }
}

/// Issue 15: a wrong --db is named with its cause once, without the
/// driver's own words, as the usage error it is.
#[test]
fn a_file_that_is_not_a_database_is_named_with_its_cause_once() {
    let env = Env::new();
    let path = env.file("notes.db", "shopping: milk, eggs, a long enough line");
    let run = env.run(&["--db", &path, "users", "list"]).code(2);
    assert_eq!(run.stderr.lines().count(), 1, "{run}");
    assert!(
        run.stderr.starts_with(&format!(
            "error: {path} is not an authctl database: it is not an SQLite database"
        )),
        "{run}"
    );
}

/// A folder the user may not write to is a permission problem, said in one
/// line with the path, not an "internal error". Root ignores file modes, so
/// as root the command runs as `nobody` (setpriv).
#[test]
fn a_folder_without_write_permission_is_named_with_the_cause() {
    let env = Env::new();
    let folder = env.path("locked");
    std::fs::create_dir(&folder).expect("a folder");
    let open = std::fs::Permissions::from_mode(0o755);
    std::fs::set_permissions(env.home(), open.clone()).expect("let others in");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).expect("lock it");
    let db = folder.join("auth.db");
    let db = db.to_str().expect("UTF-8");
    let args = ["--db", db, "register", "a@example.com", "--password-stdin"];
    let mut cmd = if rustix::process::getuid().is_root() {
        let mut cmd = std::process::Command::new("setpriv");
        cmd.args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "--",
            BIN,
        ]);
        cmd
    } else {
        std::process::Command::new(BIN)
    };
    let output = cmd
        .args(args)
        .env_clear()
        .env("AUTHCTL_BCRYPT_COST", "4")
        .env("AUTHCTL_ALLOW_WEAK_BCRYPT", "1")
        .stdin(std::process::Stdio::piped())
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{db}: cannot create the database file: permission denied"
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("internal error"), "{stderr}");
}

#[test]
fn with_json_an_error_is_one_json_object_on_stderr() {
    let env = Env::new();
    env.register("someone@example.com", PASSWORD);
    let run = env
        .run(&["--json", "users", "show", "ghost@example.com"])
        .code(3);
    assert_eq!(run.stdout, "");
    let error = run.json_error();
    assert_eq!(error["code"], 3);
    assert_eq!(error["error"], "no user with email ghost@example.com");
}

#[test]
fn with_json_a_usage_error_is_json_too() {
    let env = Env::new();
    let run = env
        .run(&["--json", "--bcrypt-cost", "99", "users", "list"])
        .code(2);
    let error = run.json_error();
    assert_eq!(error["code"], 2);
    assert!(
        error["error"]
            .as_str()
            .is_some_and(|e| e.contains("--bcrypt-cost"))
    );
}

#[test]
fn without_json_an_error_is_one_line() {
    let env = Env::new();
    let run = env.run(&["users", "disable", "ghost@example.com"]).code(3);
    assert_eq!(run.stderr.lines().count(), 1, "{run}");
    assert!(run.stderr.starts_with("error: "), "{run}");
}

#[test]
fn an_unknown_session_id_is_not_echoed_in_the_error() {
    let env = Env::new();
    env.register("someone@example.com", PASSWORD);
    let session = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    let run = env.run(&["whoami", "--session", session]).code(4);
    assert_eq!(run.stderr, "error: invalid or expired session\n");
}

#[test]
fn a_malformed_database_url_is_a_usage_error_without_repeating_its_password() {
    let env = Env::new();
    let url = "postgres://app:s3cret-pw@db.internal/auth?sslmode=prefer";
    let flag = env.run(&["--db", url, "users", "list"]).code(2);
    let mut cmd = env.cmd();
    cmd.env("AUTHCTL_DB", url).args(["--json", "users", "list"]);
    let variable = cmd.assert().code(2);
    let variable = String::from_utf8_lossy(&variable.get_output().stderr).into_owned();
    for stderr in [&flag.stderr, &variable] {
        assert!(stderr.contains("sslmode"), "{stderr}");
        assert!(!stderr.contains("s3cret-pw"), "{stderr}");
    }
    assert!(
        !env.path("postgres:").exists(),
        "a URL was taken for a path"
    );
}

#[test]
fn an_unreachable_database_server_exits_1_naming_its_host_and_port_not_its_password() {
    let env = Env::new();
    // Port 1 on the loopback: nothing listens, the refusal is immediate.
    let url = "postgres://app:s3cret-pw@127.0.0.1:1/auth";
    let out = env.run(&["--db", url, "users", "list"]).code(1);
    assert!(out.stderr.contains("127.0.0.1:1"), "{}", out.stderr);
    assert!(!out.stderr.contains("s3cret-pw"), "{}", out.stderr);
    assert!(!env.path("postgres:").exists());
}

#[test]
fn a_stored_address_with_hidden_characters_is_listed_escaped() {
    // An account stored before such characters were refused.
    let env = Env::new();
    env.register("ann@example.com", PASSWORD);
    let sneaky = "moc.elpmaxe@\u{202e}nimda";
    rusqlite::Connection::open(env.db())
        .unwrap()
        .execute(
            "INSERT INTO users (email, email_key, hashed_password, created_at, updated_at)
             SELECT ?1, ?1, hashed_password, created_at, updated_at FROM users",
            [sneaky],
        )
        .unwrap();

    let table = env.run(&["users", "list"]).success();
    assert!(!table.stdout.contains('\u{202e}'), "{table}");
    assert!(table.stdout.contains("\\u{202e}"), "{table}");
    let json = env.run(&["--json", "users", "list"]).success();
    assert!(!json.stdout.contains('\u{202e}'), "{json}");
    assert!(json.stdout.contains("\\u202e"), "{json}");
    // The JSON value itself is the stored address, unchanged.
    let listed = json.json();
    assert_eq!(listed[1]["email"], sneaky);
    // And export, a data path, keeps it exactly.
    let export = env.run(&["users", "export", "--format", "jsonl"]).success();
    assert!(export.stdout.contains(sneaky), "{export}");
}
