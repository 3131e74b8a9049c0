//! Each command that changes, authenticates or discloses something leaves
//! its event, naming the operating-system user who ran it.

use serde_json::Value;

use crate::support::cli::Env;

const ALICE: &str = "alice@example.com";
const BOB: &str = "bob@example.com";

/// The log as `audit --json` prints it, oldest first.
fn events(env: &Env) -> Vec<Value> {
    let mut events = env.json(&["audit", "--limit", "1000"]);
    let list = events.as_array_mut().unwrap();
    list.reverse();
    list.clone()
}

fn names(events: &[Value]) -> Vec<&str> {
    events
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect()
}

fn every_operator_command_leaves_its_event_with_the_os_user(env: Env) {
    let run = |args: &[&str], stdin: &str| {
        env.run_env(&[("USER", "carol")], args, stdin).success();
    };
    run(
        &["register", ALICE, "--password-stdin"],
        "first password 1\n",
    );
    run(&["register", BOB, "--password-stdin"], "first password 2\n");
    let wrong = env.run_env(
        &[("USER", "carol")],
        &["login", ALICE, "--password-stdin"],
        "wrong\n",
    );
    assert_eq!(wrong.code, 4, "{wrong}");
    run(&["login", ALICE, "--password-stdin"], "first password 1\n");
    run(&["users", "disable", BOB], "");
    run(&["users", "enable", BOB], "");
    run(
        &["users", "set-password", BOB, "--password-stdin"],
        "second password 2\n",
    );
    run(&["users", "unlock", ALICE], "");
    run(&["throttle", "clear", "--all"], "");
    run(&["blocklist", "import", "-"], "acme rocks\n");
    run(&["blocklist", "remove", "acme rocks"], "");
    run(&["sessions", "revoke", ALICE], "");
    run(&["reset-password", ALICE], "");
    run(&["users", "export"], "");
    let file = env.file(
        "more.csv",
        "email,password\ndee@example.com,dee password 1\n",
    );
    run(&["users", "import", &file], "");
    run(&["users", "delete", BOB, "--yes"], "");

    let events = events(&env);
    assert_eq!(
        names(&events),
        [
            "user.registered",
            "user.registered",
            "login.failure",
            "login.success",
            "user.disabled",
            "user.enabled",
            "password.set",
            "account.unlocked",
            "throttle.cleared",
            "blocklist.changed",
            "blocklist.changed",
            "session.revoked",
            "password.reset_requested",
            "user.exported",
            "user.imported",
            "user.deleted",
        ]
    );
    for event in &events {
        assert_eq!(event["source"], "cli", "{event}");
        let actor = event["actor"].as_str().unwrap();
        assert!(actor.starts_with("carol (uid "), "{event}");
        assert_eq!(event["client_ip"], Value::Null, "{event}");
        assert!(event["time"].as_str().unwrap().ends_with('Z'), "{event}");
    }
    assert_eq!(events[2]["reason"], "bad_credentials");
    assert_eq!(events[2]["email"], ALICE);
    assert_eq!(events[9]["details"]["added"], 1);
    assert_eq!(events[10]["details"]["removed"], 1);
    assert_eq!(events[11]["details"]["sessions"], 1);
    assert_eq!(events[13]["details"]["users"], 2);
    assert_eq!(events[14]["details"]["created"], 1);
    // A deleted user's events keep its id and email.
    let deleted = &events[15];
    assert_eq!(
        (deleted["email"].as_str(), deleted["user_id"].as_i64()),
        (Some(BOB), Some(2))
    );
    let bob_before: Vec<&Value> = events.iter().filter(|e| e["email"] == BOB).collect();
    assert_eq!(bob_before.len(), 5, "{bob_before:#?}");
}

fn a_refused_login_from_the_command_line_is_counted_into_one_row(env: Env) {
    env.register(ALICE, "first password 1");
    for _ in 0..5 {
        env.run_stdin(&["login", ALICE, "--password-stdin"], "wrong\n")
            .code(4);
    }
    for _ in 0..3 {
        env.run_stdin(&["login", ALICE, "--password-stdin"], "first password 1\n")
            .code(7);
    }
    let events = events(&env);
    let throttled: Vec<&Value> = events
        .iter()
        .filter(|e| e["event"] == "login.throttled")
        .collect();
    assert_eq!(throttled.len(), 1, "{throttled:#?}");
    assert_eq!(throttled[0]["count"], 3);
    assert_eq!(throttled[0]["reason"], "wait");
    assert_eq!(throttled[0]["email"], ALICE);
}

env_tests! {
    every_operator_command_leaves_its_event_with_the_os_user,
    a_refused_login_from_the_command_line_is_counted_into_one_row,
}
