//! The CLI and a running server on one database file, as an operator would
//! use them: each sees the other's writes at once.

use serde_json::{Value, json};

use crate::support::PASSWORD;
use crate::support::binary_server::ServerProcess;
use crate::support::cli::Env;
use crate::support::raw_http::{get, login, post, request};

fn live_sessions(env: &Env, email: &str) -> u64 {
    let users = env.json(&["users", "list"]);
    let user = users
        .as_array()
        .expect("an array")
        .iter()
        .find(|user| user["email"] == email)
        .unwrap_or_else(|| panic!("{email} not in {users}"));
    user["live_sessions"].as_u64().expect("a count")
}

fn profile_status(server: &ServerProcess, cookie: &str) -> u16 {
    get(server.addr(), "/profile", Some(cookie))
        .expect("GET /profile")
        .status
}

#[test]
fn users_made_by_the_cli_log_in_over_http_and_http_sessions_show_in_the_cli() {
    let env = Env::new();
    env.register("early@example.com", PASSWORD);
    let server = ServerProcess::start(&env);
    let addr = server.addr();
    // A user made while the server runs, by another process.
    env.register("late@example.com", PASSWORD);

    let early = login(addr, "early@example.com", PASSWORD);
    let early_again = login(addr, "early@example.com", PASSWORD);
    let late = login(addr, "late@example.com", PASSWORD);
    assert_eq!(profile_status(&server, &early), 200);
    assert_eq!(profile_status(&server, &late), 200);
    assert_eq!(live_sessions(&env, "early@example.com"), 2);
    assert_eq!(live_sessions(&env, "late@example.com"), 1);
    let sessions = env.json(&["sessions", "list", "early@example.com"]);
    assert_eq!(sessions.as_array().map(Vec::len), Some(2), "{sessions}");
    let listed = serde_json::to_string(&sessions).expect("JSON");
    assert!(!listed.contains(&early) && !listed.contains(&early_again));

    // A user made over HTTP logs in with the CLI, and that session is a
    // valid cookie over HTTP; a logout over HTTP ends it for the CLI too.
    let reply = post(
        addr,
        "/users",
        &[("email", "web@example.com"), ("password", PASSWORD)],
    )
    .expect("POST /users");
    assert_eq!(reply.status, 200, "{reply:?}");
    let cli_session = env.login("web@example.com", PASSWORD);
    let reply = get(addr, "/profile", Some(&cli_session)).expect("GET /profile");
    assert_eq!(reply.json(), json!({"email": "web@example.com"}));
    let reply = request(addr, "DELETE", "/sessions", Some(&cli_session), &[]).expect("DELETE");
    assert_eq!(reply.status, 302);
    env.run(&["whoami", "--session", &cli_session]).code(4);

    server.stop();
}

#[test]
fn disabling_or_revoking_with_the_cli_ends_http_sessions_at_once() {
    let env = Env::new();
    env.register("ada@example.com", PASSWORD);
    env.register("bob@example.com", PASSWORD);
    let server = ServerProcess::start(&env);
    let addr = server.addr();
    let ada = login(addr, "ada@example.com", PASSWORD);
    let bob = login(addr, "bob@example.com", PASSWORD);
    let bob_phone = login(addr, "bob@example.com", PASSWORD);

    env.run(&["users", "disable", "ada@example.com"]).success();
    assert_eq!(profile_status(&server, &ada), 403);
    let credentials = [("email", "ada@example.com"), ("password", PASSWORD)];
    let reply = post(addr, "/sessions", &credentials).expect("POST /sessions");
    assert_eq!(reply.status, 401);
    let reply = post(addr, "/reset_password", &[("email", "ada@example.com")]).expect("reset");
    assert_eq!(reply.status, 403);
    env.run(&["users", "enable", "ada@example.com"]).success();
    // Enabling restores login, not the sessions that disabling ended.
    assert_eq!(profile_status(&server, &ada), 403);
    login(addr, "ada@example.com", PASSWORD);

    assert_eq!(profile_status(&server, &bob), 200);
    env.run(&["sessions", "revoke", "bob@example.com"])
        .success();
    assert_eq!(profile_status(&server, &bob), 403);
    assert_eq!(profile_status(&server, &bob_phone), 403);
    assert_eq!(live_sessions(&env, "bob@example.com"), 0);
    let sessions: Value = env.json(&["sessions", "list", "bob@example.com"]);
    assert_eq!(sessions, json!([]));
    // Bob can still log in; only his sessions ended.
    let fresh = login(addr, "bob@example.com", PASSWORD);
    assert_eq!(profile_status(&server, &fresh), 200);

    let (status, stderr) = server.stop();
    assert!(status.success(), "{stderr}");
}
