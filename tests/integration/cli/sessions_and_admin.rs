//! The operator's commands: users list/show/disable/enable/delete and
//! sessions list/revoke.

use crate::support::PASSWORD;
use crate::support::cli::Env;

#[test]
fn users_list_as_json_describes_every_user() {
    let env = Env::new();
    env.register("ada@example.com", PASSWORD);
    env.register("bea@example.com", PASSWORD);
    env.login("bea@example.com", PASSWORD);

    let users = env.json(&["users", "list"]);
    let users = users.as_array().expect("an array");
    assert_eq!(users.len(), 2);
    assert_eq!(users[0]["email"], "ada@example.com");
    assert_eq!(users[0]["live_sessions"], 0);
    assert_eq!(users[1]["live_sessions"], 1);
    assert_eq!(users[1]["status"], "active");
    assert!(users[1]["id"].is_i64());
    assert!(
        users[1]["created_at"]
            .as_str()
            .is_some_and(|t| t.ends_with('Z'))
    );
}

#[test]
fn users_list_renders_plain_columns_when_piped() {
    let env = Env::new();
    env.register("ada@example.com", PASSWORD);
    let table = env.run(&["users", "list"]).success().stdout;
    let mut lines = table.lines();
    let header: Vec<&str> = lines.next().expect("a header").split_whitespace().collect();
    assert_eq!(
        header,
        ["id", "email", "sessions", "created", "status"],
        "{table}"
    );
    let row: Vec<&str> = lines.next().expect("a row").split_whitespace().collect();
    assert_eq!(row.len(), 5, "one word a column: {table}");
    assert_eq!((row[1], row[2], row[4]), ("ada@example.com", "0", "active"));
    assert!(
        !table.contains(['│', '┌', '─', '╞']),
        "box drawing in piped output:\n{table}"
    );
}

#[test]
fn users_list_filters_by_status_and_text_and_stops_at_the_limit() {
    let env = Env::new();
    for email in [
        "ann@acme.test",
        "bob@acme.test",
        "cat@other.test",
        "dan@acme.test",
    ] {
        env.register(email, PASSWORD);
    }
    env.run(&["users", "disable", "bob@acme.test"]).success();
    let emails = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["users", "list"];
        all.extend_from_slice(args);
        env.json(&all)
            .as_array()
            .expect("an array")
            .iter()
            .map(|user| user["email"].as_str().expect("email").to_owned())
            .collect()
    };
    assert_eq!(emails(&["--status", "disabled"]), ["bob@acme.test"]);
    assert_eq!(
        emails(&["--status", "active", "--filter", "ACME"]),
        ["ann@acme.test", "dan@acme.test"]
    );
    assert_eq!(
        emails(&["--filter", "acme", "--limit", "2"]),
        ["ann@acme.test", "bob@acme.test"]
    );
    let none = env.run(&["users", "list", "--filter", "nobody"]).success();
    assert!(none.stderr.contains("no users match"), "{none}");
    env.run(&["users", "list", "--limit", "0"]).code(2);
    env.run(&["users", "list", "--status", "asleep"]).code(2);
}

#[test]
fn users_show_gives_one_user() {
    let env = Env::new();
    env.register("cal@example.com", PASSWORD);
    let user = env.json(&["users", "show", "CAL@example.com"]);
    assert_eq!(user["email"], "cal@example.com");
    assert_eq!(user["live_sessions"], 0);
}

#[test]
fn a_disabled_user_cannot_log_in_and_loses_its_sessions() {
    let env = Env::new();
    env.register("dee@example.com", PASSWORD);
    let session = env.login("dee@example.com", PASSWORD);

    let changed = env.json(&["users", "disable", "dee@example.com"]);
    assert_eq!(changed["status"], "disabled");
    env.run(&["whoami", "--session", &session]).code(4);
    assert!(!env.can_log_in("dee@example.com", PASSWORD));
    env.run(&["reset-password", "dee@example.com"]).code(3);

    env.run(&["users", "enable", "dee@example.com"]).success();
    assert!(env.can_log_in("dee@example.com", PASSWORD));
}

#[test]
fn sessions_list_never_prints_a_token() {
    let env = Env::new();
    env.register("eve@example.com", PASSWORD);
    let session = env.login("eve@example.com", PASSWORD);

    let table = env.run(&["sessions", "list"]).success();
    assert!(table.stdout.contains("eve@example.com"), "{table}");
    let json = env
        .run(&["--json", "sessions", "list", "eve@example.com"])
        .success();
    let listed = json.json();
    assert_eq!(listed.as_array().map(Vec::len), Some(1));
    assert!(listed[0]["digest_prefix"].is_string());
    for run in [&table, &json] {
        let output = format!("{}{}", run.stdout, run.stderr);
        assert!(!output.contains(&session), "the token leaked\n{run}");
        assert!(
            !output.contains(&session[..8]),
            "part of the token leaked\n{run}"
        );
    }
}

#[test]
fn sessions_list_of_an_unknown_user_exits_3() {
    let env = Env::new();
    env.run(&["sessions", "list", "ghost@example.com"]).code(3);
}

#[test]
fn sessions_revoke_ends_every_session_of_a_user() {
    let env = Env::new();
    env.register("fay@example.com", PASSWORD);
    env.register("gus@example.com", PASSWORD);
    let first = env.login("fay@example.com", PASSWORD);
    let second = env.login("fay@example.com", PASSWORD);
    let other = env.login("gus@example.com", PASSWORD);

    let revoked = env.json(&["sessions", "revoke", "fay@example.com"]);
    assert_eq!(revoked["revoked"], 2);
    env.run(&["whoami", "--session", &first]).code(4);
    env.run(&["whoami", "--session", &second]).code(4);
    env.run(&["whoami", "--session", &other]).success();
    let left = env.json(&["sessions", "list"]);
    assert_eq!(left.as_array().map(Vec::len), Some(1));
}

#[test]
fn sessions_revoke_with_an_id_ends_that_session_only() {
    // Arrange: two sessions of one user; the list gives their ids, oldest
    // first.
    let env = Env::new();
    env.register("fay@example.com", PASSWORD);
    let first = env.login("fay@example.com", PASSWORD);
    let second = env.login("fay@example.com", PASSWORD);
    let listed = env.json(&["sessions", "list"]);
    let id = listed[0]["id"].as_i64().expect("an id");

    // Act
    let revoked = env.json(&["sessions", "revoke", "--id", &id.to_string()]);

    // Assert: that one ended, the other did not; the id is gone.
    assert_eq!(revoked["revoked"], 1);
    assert_eq!(revoked["id"], id);
    assert_eq!(revoked["email"], "fay@example.com");
    env.run(&["whoami", "--session", &first]).code(4);
    env.run(&["whoami", "--session", &second]).success();
    let again = env
        .run(&["sessions", "revoke", "--id", &id.to_string()])
        .code(3);
    assert!(
        again
            .stderr
            .contains(&format!("no live session with id {id}")),
        "{again}"
    );
    // An email and an id together, or neither, is a usage error.
    env.run(&["sessions", "revoke", "fay@example.com", "--id", "1"])
        .code(2);
    env.run(&["sessions", "revoke"]).code(2);
}

#[test]
fn deleting_a_user_with_yes_removes_it_and_its_sessions() {
    let env = Env::new();
    env.register("hal@example.com", PASSWORD);
    let session = env.login("hal@example.com", PASSWORD);
    let deleted = env.json(&["users", "delete", "hal@example.com", "--yes"]);
    assert_eq!(deleted["message"], "user deleted");
    env.run(&["whoami", "--session", &session]).code(4);
    env.run(&["users", "delete", "hal@example.com", "--yes"])
        .code(3);
}

#[test]
fn every_command_has_a_json_form() {
    let env = Env::new();
    let email = "ida@example.com";
    let register = env
        .run_stdin(
            &["--json", "register", email, "--password-stdin"],
            &format!("{PASSWORD}\n"),
        )
        .success()
        .json();
    assert_eq!(register["message"], "user created");
    let login = env
        .run_stdin(
            &["--json", "login", email, "--password-stdin"],
            &format!("{PASSWORD}\n"),
        )
        .success()
        .json();
    assert_eq!(login["saved"], true);
    assert_eq!(env.json(&["whoami"])["email"], email);
    assert_eq!(env.json(&["logout"])["ended"], 1);
    let token = env.json(&["reset-password", email]);
    assert_eq!(token["email"], email);
    assert_eq!(env.json(&["users", "enable", email])["status"], "active");
}
