//! Two `serve` processes and the CLI on one file count failed logins
//! together: an attacker cannot multiply their guesses by spreading them
//! over servers, and the operator sees and lifts the lock from a shell.

use std::time::{Duration, Instant};

use crate::support::PASSWORD;
use crate::support::binary_server::ServerProcess;
use crate::support::cli::Env;
use crate::support::raw_http::post;

const USER: &str = "ada@example.com";
/// Two free failures, and the third locks: short enough to reach at once.
const SETTINGS: [&str; 4] = ["--login-free-attempts", "2", "--login-lock-after", "3"];

fn login_status(server: &ServerProcess, password: &str) -> (u16, Option<u64>) {
    let reply = post(
        server.addr(),
        "/sessions",
        &[("email", USER), ("password", password)],
    )
    .expect("the login is answered");
    let wait = reply
        .header("retry-after")
        .map(|seconds| seconds.parse().expect("seconds"));
    (reply.status, wait)
}

#[test]
fn two_servers_and_the_cli_share_one_count_and_one_lock() {
    let env = Env::new();
    env.register(USER, PASSWORD);
    let first = ServerProcess::start_args(&env, &SETTINGS, None);
    let second = ServerProcess::start_args(&env, &SETTINGS, None);

    assert_eq!(login_status(&first, "wrong one").0, 401);
    assert_eq!(login_status(&second, "wrong two").0, 401);
    // The second server's failure made the first one wait.
    let deadline = Instant::now() + Duration::from_secs(30);
    let third = loop {
        match login_status(&first, "wrong three") {
            (429, Some(wait)) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_secs(wait));
            }
            other => break other,
        }
    };
    assert_eq!(third.0, 401, "the third failure");

    // Locked for both servers and for the CLI, right password or not.
    assert_eq!(login_status(&second, PASSWORD).0, 429);
    env.run_stdin(
        &["login", USER, "--password-stdin"],
        &format!("{PASSWORD}\n"),
    )
    .code(7)
    .stderr_has("locked");
    let listed = env.json(&["throttle", "list"]);
    let entry = &listed.as_array().expect("an array")[0];
    assert_eq!(
        (
            entry["scope"].as_str(),
            entry["key"].as_str(),
            entry["failures"].as_u64(),
            entry["locked"].as_bool()
        ),
        (Some("account"), Some(USER), Some(3), Some(true)),
        "{listed}"
    );

    env.run(&["users", "unlock", USER])
        .success()
        .stderr_has("unlocked");
    // Each server trusts a refusal it remembers for up to a second.
    for server in [&first, &second] {
        let deadline = Instant::now() + Duration::from_secs(5);
        let status = loop {
            let status = login_status(server, PASSWORD).0;
            if status != 429 || Instant::now() > deadline {
                break status;
            }
            std::thread::sleep(Duration::from_millis(100));
        };
        assert_eq!(status, 200);
    }
}
