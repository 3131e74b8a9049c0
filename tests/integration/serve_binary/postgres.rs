//! Three `authctl serve` processes on one PostgreSQL database behave as one
//! service: a session from one is good on the others, a logout or a
//! password change on one takes effect on all at once, and the races that
//! one server settles (one email, one reset token) are settled across them,
//! and the throttle counts failures on all of them against one account.

use std::net::SocketAddr;
use std::sync::{Arc, Barrier};

use crate::support::PASSWORD;
use crate::support::binary_server::ServerProcess;
use crate::support::cli::Env;
use crate::support::raw_http::{get, login, post, request};

const NEW_PASSWORD: &str = "another long passphrase";

/// Failed reset-token uses count against the client, all from 127.0.0.1
/// here: the limit is raised so the race, not the throttle, decides.
const ROOMY: [&str; 2] = ["--client-max-failures", "1000000"];

fn servers(env: &Env, n: usize) -> Vec<ServerProcess> {
    (0..n)
        .map(|_| ServerProcess::start_args(env, &ROOMY, None))
        .collect()
}

fn profile(addr: SocketAddr, cookie: &str) -> u16 {
    get(addr, "/profile", Some(cookie))
        .expect("GET /profile")
        .status
}

/// Runs `work(i, server address)` on `n` threads released at once, the
/// i-th on server `i % servers`.
fn spread<T: Send + 'static>(
    addrs: &[SocketAddr],
    n: usize,
    work: impl Fn(usize, SocketAddr) -> T + Send + Sync + 'static,
) -> Vec<T> {
    let barrier = Arc::new(Barrier::new(n));
    let work = Arc::new(work);
    let threads: Vec<_> = (0..n)
        .map(|i| {
            let (barrier, work, addr) = (barrier.clone(), work.clone(), addrs[i % addrs.len()]);
            std::thread::spawn(move || {
                barrier.wait();
                work(i, addr)
            })
        })
        .collect();
    threads
        .into_iter()
        .map(|t| t.join().expect("a request thread"))
        .collect()
}

#[test]
fn sessions_logouts_and_password_changes_hold_across_three_servers() {
    let Some(env) = Env::on_postgres() else {
        return;
    };
    env.register("ann@example.com", PASSWORD);
    let running = servers(&env, 3);
    let [a, b, c] = [running[0].addr(), running[1].addr(), running[2].addr()];

    let first = login(a, "ann@example.com", PASSWORD);
    assert_eq!(
        [profile(a, &first), profile(b, &first), profile(c, &first)],
        [200; 3]
    );
    let reply = request(b, "DELETE", "/sessions", Some(&first), &[]).expect("logout");
    assert_eq!(reply.status, 302, "{reply:?}");
    assert_eq!(
        [profile(a, &first), profile(b, &first), profile(c, &first)],
        [403; 3]
    );

    let second = login(c, "ann@example.com", PASSWORD);
    let reset = post(a, "/reset_password", &[("email", "ann@example.com")]).expect("reset");
    assert_eq!(reset.status, 200, "{reset:?}");
    let token = reset.json()["reset_token"]
        .as_str()
        .expect("a token")
        .to_owned();
    let update = [
        ("email", "ann@example.com"),
        ("reset_token", token.as_str()),
        ("new_password", NEW_PASSWORD),
    ];
    let changed = request(b, "PUT", "/reset_password", None, &update).expect("update");
    assert_eq!(changed.status, 200, "{changed:?}");
    // The change ended every session, whichever server opened it.
    assert_eq!([profile(a, &second), profile(c, &second)], [403; 2]);
    let old = [("email", "ann@example.com"), ("password", PASSWORD)];
    for addr in [a, b, c] {
        assert_eq!(post(addr, "/sessions", &old).expect("login").status, 401);
    }
    let third = login(a, "ann@example.com", NEW_PASSWORD);
    assert_eq!(profile(c, &third), 200);

    for server in running {
        let (status, stderr) = server.stop();
        assert!(status.success(), "{stderr}");
    }
}

#[test]
fn failed_logins_on_different_servers_count_against_one_account() {
    let Some(env) = Env::on_postgres() else {
        return;
    };
    env.register("ann@example.com", PASSWORD);
    let two_free = ["--login-free-attempts", "2"];
    let running: Vec<ServerProcess> = (0..3)
        .map(|_| ServerProcess::start_args(&env, &[&ROOMY[..], &two_free[..]].concat(), None))
        .collect();
    let wrong = [
        ("email", "ann@example.com"),
        ("password", "not the password"),
    ];
    for server in &running[..2] {
        let reply = post(server.addr(), "/sessions", &wrong).expect("login");
        assert_eq!(reply.status, 401, "{reply:?}");
    }
    // The two free failures were spent on the other servers: the third
    // makes this one wait, the right password included.
    let right = [("email", "ann@example.com"), ("password", PASSWORD)];
    let reply = post(running[2].addr(), "/sessions", &right).expect("login");
    assert_eq!(reply.status, 429, "{reply:?}");
    assert!(reply.header("retry-after").is_some(), "{reply:?}");
    let listed = env.json(&["throttle", "list"]).to_string();
    assert!(listed.contains("ann@example.com"), "{listed}");
    for server in running {
        let (status, stderr) = server.stop();
        assert!(status.success(), "{stderr}");
    }
}

#[test]
fn races_spread_over_three_servers_have_one_winner() {
    let Some(env) = Env::on_postgres() else {
        return;
    };
    env.register("ada@example.com", PASSWORD);
    let running = servers(&env, 3);
    let addrs: Vec<SocketAddr> = running.iter().map(ServerProcess::addr).collect();

    let statuses = spread(&addrs, 200, |_, addr| {
        let form = [("email", "same@example.com"), ("password", PASSWORD)];
        post(addr, "/users", &form).expect("POST /users").status
    });
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 400).count(),
        199,
        "{statuses:?}"
    );
    let users = env.json(&["users", "list"]).to_string();
    assert_eq!(users.matches("same@example.com").count(), 1, "{users}");

    let reset = post(addrs[0], "/reset_password", &[("email", "ada@example.com")]).expect("reset");
    let token = reset.json()["reset_token"]
        .as_str()
        .expect("a token")
        .to_owned();
    let statuses = spread(&addrs, 20, move |i, addr| {
        let password = format!("{NEW_PASSWORD} {i}");
        let update = [
            ("email", "ada@example.com"),
            ("reset_token", token.as_str()),
            ("new_password", password.as_str()),
        ];
        request(addr, "PUT", "/reset_password", None, &update)
            .expect("PUT /reset_password")
            .status
    });
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 403).count(),
        19,
        "{statuses:?}"
    );

    for server in running {
        let (status, stderr) = server.stop();
        assert!(status.success(), "{stderr}");
    }
}
