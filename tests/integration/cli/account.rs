//! register, login, whoami, logout and reset-password as a script uses them.

use std::os::unix::fs::PermissionsExt;

use crate::support::cli::Env;
use crate::support::{PASSWORD, uuid_v4_shaped};

#[test]
fn a_scripted_session_goes_through_every_account_step() {
    let env = Env::new();
    let email = "alice@example.com";

    // Register, then the same email again in another case.
    env.register(email, PASSWORD);
    env.run_stdin(
        &["register", "ALICE@example.com", "--password-stdin"],
        &format!("{PASSWORD}\n"),
    )
    .code(5)
    .stderr_has("already exists");

    // A wrong password, then the right one.
    env.run_stdin(&["login", email, "--password-stdin"], "wrong password\n")
        .code(4)
        .stderr_has("wrong email or password");
    let session = env.login(email, PASSWORD);
    assert_eq!(session.len(), 36, "a uuid session id, got {session:?}");

    // whoami uses the saved session; logout ends and forgets it.
    assert_eq!(env.run(&["whoami"]).success().stdout, format!("{email}\n"));
    env.run(&["logout"]).success();
    env.run(&["whoami"]).code(4);
    env.run(&["whoami", "--session", &session])
        .code(4)
        .stderr_has("invalid or expired session");

    // Reset: the token changes the password once.
    let token = env.run(&["reset-password", email]).success().stdout;
    let token = token.trim_end();
    let new_password = "a brand new secret";
    env.run_stdin(
        &[
            "reset-password",
            email,
            "--token",
            token,
            "--password-stdin",
        ],
        &format!("{new_password}\n"),
    )
    .success();
    assert!(
        !env.can_log_in(email, PASSWORD),
        "the old password still works"
    );
    assert!(
        env.can_log_in(email, new_password),
        "the new password fails"
    );
    env.run_stdin(
        &[
            "reset-password",
            email,
            "--token",
            token,
            "--password-stdin",
        ],
        "yet another secret\n",
    )
    .code(4)
    .stderr_has("invalid or expired reset token");
}

#[test]
fn login_prints_the_session_id_alone_on_stdout() {
    let env = Env::new();
    env.register("bob@example.com", PASSWORD);
    let run = env
        .run_stdin(
            &["login", "bob@example.com", "--password-stdin"],
            &format!("{PASSWORD}\n"),
        )
        .success();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "stdout: {:?}", run.stdout);
    assert!(uuid_v4_shaped(lines[0]), "not a session id: {:?}", lines[0]);
}

#[test]
fn the_saved_session_file_is_private_to_its_owner() {
    let env = Env::new();
    env.register("carol@example.com", PASSWORD);
    let session = env.login("carol@example.com", PASSWORD);

    let folder = env.sessions_folder();
    let files: Vec<_> = std::fs::read_dir(&folder)
        .expect("the sessions folder exists")
        .map(|entry| entry.expect("a folder entry").path())
        .collect();
    assert_eq!(files.len(), 1, "one file per database: {files:?}");
    let mode = |path: &std::path::Path| {
        std::fs::metadata(path)
            .expect("metadata")
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(mode(&files[0]), 0o600);
    assert_eq!(mode(&folder), 0o700);
    let saved = std::fs::read_to_string(&files[0]).expect("read the session file");
    assert_eq!(saved.trim(), session);
}

#[test]
fn login_with_no_save_leaves_no_session_behind() {
    let env = Env::new();
    env.register("dan@example.com", PASSWORD);
    let run = env
        .run_stdin(
            &["login", "dan@example.com", "--password-stdin", "--no-save"],
            &format!("{PASSWORD}\n"),
        )
        .success();
    assert!(uuid_v4_shaped(run.stdout.trim_end()));
    assert!(!env.sessions_folder().exists());
    env.run(&["whoami"]).code(4).stderr_has("not logged in");
}

#[test]
fn each_database_keeps_its_own_saved_session() {
    let env = Env::new();
    let other_db = env.path("other.db");
    let other_db = other_db.to_str().expect("a UTF-8 path");
    env.register("erin@example.com", PASSWORD);
    env.run_stdin(
        &[
            "--db",
            other_db,
            "register",
            "frank@example.com",
            "--password-stdin",
        ],
        &format!("{PASSWORD}\n"),
    )
    .success();
    env.login("erin@example.com", PASSWORD);
    env.run_stdin(
        &[
            "--db",
            other_db,
            "login",
            "frank@example.com",
            "--password-stdin",
        ],
        &format!("{PASSWORD}\n"),
    )
    .success();

    assert_eq!(env.run(&["whoami"]).success().stdout, "erin@example.com\n");
    let other = env.run(&["whoami", "--db", other_db]).success();
    assert_eq!(other.stdout, "frank@example.com\n");
}

#[test]
fn whoami_prefers_the_session_option_then_the_environment_then_the_saved_one() {
    let env = Env::new();
    env.register("gina@example.com", PASSWORD);
    env.register("hugo@example.com", PASSWORD);
    env.login("gina@example.com", PASSWORD);
    let hugo = env
        .run_stdin(
            &["login", "hugo@example.com", "--password-stdin", "--no-save"],
            &format!("{PASSWORD}\n"),
        )
        .success()
        .stdout;
    let hugo = hugo.trim_end();

    assert_eq!(env.run(&["whoami"]).success().stdout, "gina@example.com\n");
    let by_env = env
        .cmd()
        .arg("whoami")
        .env("AUTHCTL_SESSION", hugo)
        .output();
    let by_env = by_env.expect("the binary runs");
    assert_eq!(
        String::from_utf8_lossy(&by_env.stdout),
        "hugo@example.com\n"
    );
    let by_option = env.run(&["whoami", "--session", hugo]).success();
    assert_eq!(by_option.stdout, "hugo@example.com\n");
}

#[test]
fn logout_all_ends_every_session_of_the_user() {
    let env = Env::new();
    env.register("ivy@example.com", PASSWORD);
    let first = env.login("ivy@example.com", PASSWORD);
    let second = env.login("ivy@example.com", PASSWORD);

    let run = env.json(&["logout", "--all", "--session", &second]);
    assert_eq!(run["ended"], 2);
    env.run(&["whoami", "--session", &first]).code(4);
    env.run(&["whoami", "--session", &second]).code(4);
    // The saved one (the second login's) is dead, so it is forgotten too.
    env.run(&["whoami"]).code(4).stderr_has("not logged in");
}

#[test]
fn logout_of_another_session_keeps_the_saved_one() {
    let env = Env::new();
    env.register("jay@example.com", PASSWORD);
    let other = env
        .run_stdin(
            &["login", "jay@example.com", "--password-stdin", "--no-save"],
            &format!("{PASSWORD}\n"),
        )
        .success()
        .stdout;
    env.login("jay@example.com", PASSWORD);

    env.run(&["logout", "--session", other.trim_end()])
        .success();
    env.run(&["whoami"]).success();
}

#[test]
fn reset_password_for_an_unknown_email_exits_3() {
    let env = Env::new();
    env.register("someone@example.com", PASSWORD);
    env.run(&["reset-password", "nobody@example.com"])
        .code(3)
        .stderr_has("no user with email nobody@example.com");
}

#[test]
fn a_malformed_reset_token_exits_4_before_asking_for_a_password() {
    let env = Env::new();
    env.register("kim@example.com", PASSWORD);
    env.run(&[
        "reset-password",
        "kim@example.com",
        "--token",
        "not-a-token",
    ])
    .code(4)
    .stderr_has("invalid or expired reset token");
}

#[test]
fn a_new_reset_token_replaces_the_earlier_one() {
    let env = Env::new();
    env.register("lea@example.com", PASSWORD);
    let first = env
        .run(&["reset-password", "lea@example.com"])
        .success()
        .stdout;
    env.run(&["reset-password", "lea@example.com"]).success();
    env.run_stdin(
        &[
            "reset-password",
            "lea@example.com",
            "--token",
            first.trim_end(),
            "--password-stdin",
        ],
        "another fine password\n",
    )
    .code(4);
}

#[test]
fn changing_the_password_ends_the_users_sessions() {
    let env = Env::new();
    env.register("max@example.com", PASSWORD);
    let session = env.login("max@example.com", PASSWORD);
    let token = env.json(&["reset-password", "max@example.com"]);
    let token = token["reset_token"].as_str().expect("a token string");
    env.run_stdin(
        &[
            "reset-password",
            "max@example.com",
            "--token",
            token,
            "--password-stdin",
        ],
        "another fine password\n",
    )
    .success();
    env.run(&["whoami", "--session", &session]).code(4);
}

#[test]
fn without_a_cost_setting_passwords_are_hashed_at_cost_12() {
    let env = Env::new();
    env.cmd()
        .env_remove("AUTHCTL_BCRYPT_COST")
        .args(["register", "kim@example.com", "--password-stdin"])
        .write_stdin(format!("{PASSWORD}\n"))
        .assert()
        .success();
    let export = env.run(&["users", "export", "--format", "jsonl"]).success();
    let row: serde_json::Value = serde_json::from_str(export.stdout.trim()).expect("one JSON row");
    let hash = row["hashed_password"].as_str().expect("a hash");
    assert!(hash.starts_with("$2b$12$"), "{hash}");
}
