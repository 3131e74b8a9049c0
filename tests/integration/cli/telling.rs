//! Issue 15's frictions: the CLI says where the data is, checks what it can
//! before asking for a password, and keeps secrets off a terminal.

use crate::support::PASSWORD;
use crate::support::cli::Env;

#[test]
fn creating_a_database_is_said_and_listing_a_missing_one_says_so() {
    let env = Env::new();
    let listed = env.run(&["users", "list"]).success();
    assert!(listed.stderr.contains("no database at"), "{listed}");
    assert!(!listed.stderr.contains("no users"), "{listed}");
    assert!(!env.db().exists());

    let first = env
        .run_stdin(
            &["register", "a@example.com", "--password-stdin"],
            &format!("{PASSWORD}\n"),
        )
        .success();
    assert!(
        first.stderr.contains("created a new database at"),
        "{first}"
    );
    let second = env
        .run_stdin(
            &["register", "b@example.com", "--password-stdin"],
            &format!("{PASSWORD}\n"),
        )
        .success();
    assert!(
        !second.stderr.contains("created a new database"),
        "{second}"
    );
}

/// With stdin empty, reading a password would fail (exit 6): these fail
/// for their real reason first.
#[test]
fn a_taken_email_and_a_bad_reset_token_fail_before_any_password_is_read() {
    let env = Env::new();
    env.register("a@example.com", PASSWORD);
    env.run(&["register", "A@example.com", "--password-stdin"])
        .code(5)
        .stderr_has("already exists");
    let unknown = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    env.run(&[
        "reset-password",
        "a@example.com",
        "--token",
        unknown,
        "--password-stdin",
    ])
    .code(4);
}

#[test]
fn reset_password_says_when_the_token_expires_and_what_to_run_next() {
    let env = Env::new();
    env.register("a@example.com", PASSWORD);
    let issued = env.run(&["reset-password", "a@example.com"]).success();
    assert!(issued.stderr.contains("the token expires at"), "{issued}");
    assert!(
        issued
            .stderr
            .contains("authctl reset-password a@example.com --token \"$TOKEN\""),
        "{issued}"
    );
    // The token itself goes to stdout only.
    let token = issued.stdout.trim();
    assert!(!issued.stderr.contains(token), "{issued}");
}

#[test]
fn a_login_that_replaces_another_users_saved_session_says_so() {
    let env = Env::new();
    env.register("a@example.com", PASSWORD);
    env.register("b@example.com", PASSWORD);
    env.login("a@example.com", PASSWORD);
    let again = env
        .run_stdin(
            &["login", "a@example.com", "--password-stdin"],
            &format!("{PASSWORD}\n"),
        )
        .success();
    assert!(!again.stderr.contains("replaced"), "same user:\n{again}");
    let other = env
        .run_stdin(
            &["login", "b@example.com", "--password-stdin"],
            &format!("{PASSWORD}\n"),
        )
        .success();
    assert!(
        other
            .stderr
            .contains("this replaced the saved session of a@example.com"),
        "{other}"
    );
}

#[test]
fn an_operator_sets_a_password_without_a_token_and_the_users_sessions_end() {
    let env = Env::new();
    env.register("a@example.com", PASSWORD);
    env.login("a@example.com", PASSWORD);
    let new = "a brand new passphrase";
    let set = env
        .run_stdin(
            &[
                "--json",
                "users",
                "set-password",
                "a@example.com",
                "--password-stdin",
            ],
            &format!("{new}\n"),
        )
        .success()
        .json();
    assert_eq!(set["message"], "password set", "{set}");
    env.run(&["whoami"]).code(4);
    assert!(!env.can_log_in("a@example.com", PASSWORD));
    assert!(env.can_log_in("a@example.com", new));

    // An unknown user fails before the password is read; the rules apply.
    env.run(&["users", "set-password", "b@example.com", "--password-stdin"])
        .code(3);
    env.run_stdin(
        &["users", "set-password", "a@example.com", "--password-stdin"],
        "a@example.com\n",
    )
    .code(6)
    .stderr_has("too common");
}

#[test]
fn users_create_is_register() {
    let env = Env::new();
    env.run_stdin(
        &["users", "create", "a@example.com", "--password-stdin"],
        &format!("{PASSWORD}\n"),
    )
    .success()
    .stderr_has("user created: a@example.com");
    assert!(env.can_log_in("a@example.com", PASSWORD));
}

#[test]
fn users_show_tells_the_last_login_and_the_last_password_change() {
    let env = Env::new();
    env.register("a@example.com", PASSWORD);
    let fresh = env.json(&["users", "show", "a@example.com"]);
    assert_eq!(
        (&fresh["last_login"], &fresh["password_changed"]),
        (&serde_json::Value::Null, &serde_json::Value::Null),
        "{fresh}"
    );
    let text = env.run(&["users", "show", "a@example.com"]).success();
    assert!(text.stdout.contains("last login:       never"), "{text}");

    env.login("a@example.com", PASSWORD);
    let new = "a brand new passphrase";
    env.run_stdin(
        &["users", "set-password", "a@example.com", "--password-stdin"],
        &format!("{new}\n"),
    )
    .success();
    let used = env.json(&["users", "show", "a@example.com"]);
    assert!(used["last_login"].is_string(), "{used}");
    assert!(used["password_changed"].is_string(), "{used}");
}

#[test]
fn users_import_says_when_it_creates_the_database_and_blocklist_count_when_there_is_none() {
    let env = Env::new();
    let counted = env.run(&["blocklist", "count"]).success();
    assert_eq!(counted.stdout.trim(), "0", "{counted}");
    assert!(counted.stderr.contains("no database at"), "{counted}");
    let imported = env
        .run_stdin(
            &["users", "import", "-"],
            "email,password\na@example.com,a long enough password\n",
        )
        .success();
    assert!(
        imported.stderr.contains("created a new database at"),
        "{imported}"
    );
    assert!(env.db().exists());
}

/// A look-alike of a registered address (a Cyrillic "а") is refused before
/// anyone types a password, as a taken one is.
#[test]
fn a_look_alike_email_fails_before_any_password_is_read() {
    let env = Env::new();
    env.register("admin@example.com", PASSWORD);
    env.run(&["register", "\u{430}dmin@example.com", "--password-stdin"])
        .code(5)
        .stderr_has("looks like an address already registered");
}
