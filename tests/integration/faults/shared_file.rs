//! Shared file (SECURITY 18): the server and many short CLI processes
//! writing one database at once. Neither side may ever surface "database is
//! locked" or "busy": writers queue on the write lock within the busy
//! timeout.

use std::net::SocketAddr;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::support::PASSWORD;
use crate::support::binary_server::ServerProcess;
use crate::support::cli::Env;
use crate::support::db::integrity_check;
use crate::support::raw_http::{get, post};

/// CLI loops, each a sequence of short processes.
const CLI_LOOPS: usize = 3;
/// Six writes per cycle: 3 × 12 × 6 = 216 CLI writes.
const CLI_CYCLES: usize = 12;
/// HTTP clients, each registering and logging in its own users:
/// 4 × 25 × 2 = 200 HTTP writes (plus a read of each new session), then
/// reset-token requests until the CLI loops are done.
const HTTP_CLIENTS: usize = 4;
const HTTP_USERS_EACH: usize = 25;
/// A bound on each client's reset requests, should the CLI loops hang.
const HTTP_RESETS_MAX: usize = 5_000;

/// One CLI loop: each of its users is registered, logged in, disabled,
/// enabled, given a reset token, and has its sessions revoked, so every user
/// ends enabled with no session. Returns what went wrong.
fn cli_loop(env: &Env, id: usize) -> Vec<String> {
    let mut problems = Vec::new();
    let stdin = format!("{PASSWORD}\n");
    for n in 0..CLI_CYCLES {
        let email = format!("cli{id}-{n}@shared.test");
        let steps: [(&[&str], &str); 6] = [
            (&["register", &email, "--password-stdin"], &stdin),
            (&["login", &email, "--password-stdin", "--no-save"], &stdin),
            (&["users", "disable", &email], ""),
            (&["users", "enable", &email], ""),
            (&["reset-password", &email], ""),
            (&["sessions", "revoke", &email], ""),
        ];
        for (args, input) in steps {
            let run = env.run_stdin(args, input);
            let lower = run.stderr.to_lowercase();
            if run.code != 0 || lower.contains("locked") || lower.contains("busy") {
                problems.push(run.to_string());
            }
        }
    }
    problems
}

/// One HTTP client: registers its users, logs each in and reads the
/// profile; then asks for reset tokens, the cheapest write there is (no
/// bcrypt), as fast as it can until `cli_done`, so the server holds the
/// write lock as often as possible while the CLI processes need it.
fn http_client(addr: SocketAddr, id: usize, cli_done: &AtomicBool) -> Vec<String> {
    let mut problems = Vec::new();
    for n in 0..HTTP_USERS_EACH {
        let email = format!("web{id}-{n}@shared.test");
        let credentials = [("email", email.as_str()), ("password", PASSWORD)];
        let registered = post(addr, "/users", &credentials);
        let logged_in = post(addr, "/sessions", &credentials);
        let cookie = logged_in
            .as_ref()
            .ok()
            .and_then(|reply| reply.session_cookie());
        let profile = cookie.map(|cookie| get(addr, "/profile", Some(&cookie)));
        for (what, reply) in [
            ("register", Some(registered)),
            ("login", Some(logged_in)),
            ("profile", profile),
        ] {
            match reply {
                Some(Ok(reply)) if reply.status == 200 => {}
                other => problems.push(format!("{what} {email}: {other:?}")),
            }
        }
    }
    for n in 0..HTTP_RESETS_MAX {
        if cli_done.load(Ordering::Relaxed) {
            break;
        }
        let email = format!("web{id}-{}@shared.test", n % HTTP_USERS_EACH);
        match post(addr, "/reset_password", &[("email", &email)]) {
            Ok(reply) if reply.status == 200 => {}
            other => problems.push(format!("reset {email}: {other:?}")),
        }
    }
    problems
}

#[test]
fn the_server_and_many_cli_processes_write_one_file_without_a_busy_error() {
    let env = Env::new();
    // Each HTTP client asks for reset tokens for one account over and
    // over: far past the hourly limit, which is not what is tested here.
    let server = ServerProcess::start_args(&env, &["--reset-requests-per-hour", "1000000"], None);
    let addr = server.addr();
    let problems = Mutex::new(Vec::new());
    let cli_done = AtomicBool::new(false);

    std::thread::scope(|scope| {
        let http: Vec<_> = (0..HTTP_CLIENTS)
            .map(|id| {
                let (problems, cli_done) = (&problems, &cli_done);
                scope.spawn(move || {
                    let found = http_client(addr, id, cli_done);
                    problems.lock().expect("lock").extend(found);
                })
            })
            .collect();
        let cli: Vec<_> = (0..CLI_LOOPS)
            .map(|id| {
                let (env, problems) = (&env, &problems);
                scope.spawn(move || problems.lock().expect("lock").extend(cli_loop(env, id)))
            })
            .collect();
        for handle in cli {
            handle.join().expect("CLI loop");
        }
        cli_done.store(true, Ordering::Relaxed);
        for handle in http {
            handle.join().expect("HTTP client");
        }
    });
    let problems = problems.into_inner().expect("lock");
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    let (status, stderr) = server.stop();
    assert!(status.success(), "{stderr}");
    let lower = stderr.to_lowercase();
    assert!(
        !lower.contains("locked") && !lower.contains("busy") && !lower.contains("error"),
        "{stderr}"
    );

    // The counts: every user of both sides, CLI users enabled without a
    // session, each web user with the one session it opened.
    let users = env.json(&["users", "list"]);
    let users = users.as_array().expect("an array");
    assert_eq!(
        users.len(),
        CLI_LOOPS * CLI_CYCLES + HTTP_CLIENTS * HTTP_USERS_EACH
    );
    for user in users {
        let email = user["email"].as_str().expect("email");
        let expected = u64::from(email.starts_with("web"));
        assert_eq!(user["live_sessions"], expected, "{user}");
        assert_eq!(user["status"], "active", "{user}");
    }
    assert_eq!(integrity_check(env.db()), "ok");
}
