//! A PostgreSQL database that goes away under load and comes back: the
//! server answers 503 meanwhile (never another 5xx, never a hang), finds
//! the database again without a restart, and loses no acknowledged write.

use std::collections::HashSet;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::support::PASSWORD;
use crate::support::binary_server::ServerProcess;
use crate::support::cli::Env;
use crate::support::pg::OwnServer;
use crate::support::raw_http::post;
use crate::support::wait::{PATIENCE, eventually};

/// One registration: its email, the status (0 if the connection failed)
/// and how long the answer took.
type Outcome = (String, u16, Duration);

/// Registers new users one after another until `done`, from two threads.
fn register_until(
    addr: SocketAddr,
    done: &Arc<AtomicBool>,
    outcomes: &Arc<Mutex<Vec<Outcome>>>,
) -> Vec<std::thread::JoinHandle<()>> {
    (0..2)
        .map(|thread| {
            let (done, outcomes) = (Arc::clone(done), Arc::clone(outcomes));
            std::thread::spawn(move || {
                let mut n = 0;
                while !done.load(Ordering::Relaxed) {
                    let email = format!("user{thread}-{n}@example.com");
                    let started = Instant::now();
                    let form = [("email", email.as_str()), ("password", PASSWORD)];
                    let status = post(addr, "/users", &form).map_or(0, |reply| reply.status);
                    outcomes
                        .lock()
                        .unwrap()
                        .push((email, status, started.elapsed()));
                    n += 1;
                }
            })
        })
        .collect()
}

fn count(outcomes: &Mutex<Vec<Outcome>>, status: u16) -> usize {
    outcomes
        .lock()
        .unwrap()
        .iter()
        .filter(|(_, s, _)| *s == status)
        .count()
}

#[test]
fn the_database_stopped_under_load_gives_503s_then_recovery_and_loses_nothing() {
    let Some(database) = OwnServer::start() else {
        return;
    };
    let env = Env::new();
    let url = database.url();
    let server = ServerProcess::start_with(&env, &[("AUTHCTL_DB", &url)]);
    let done = Arc::new(AtomicBool::new(false));
    let outcomes = Arc::new(Mutex::new(Vec::new()));
    let threads = register_until(server.addr(), &done, &outcomes);

    let ready = || {
        crate::support::raw_http::get(server.addr(), "/readyz", None)
            .map(|reply| reply.status)
            .unwrap_or(0)
    };
    assert!(eventually(PATIENCE, || count(&outcomes, 200) >= 20));
    assert_eq!(ready(), 200);
    database.stop();
    assert!(
        eventually(PATIENCE, || count(&outcomes, 503) >= 5),
        "no 503 while the database was down"
    );
    assert!(
        eventually(PATIENCE, || ready() == 503),
        "/readyz did not say the database was down"
    );
    let before_restart = count(&outcomes, 200);
    database.start_again();
    assert!(
        eventually(PATIENCE, || count(&outcomes, 200) >= before_restart + 20),
        "no recovery without a restart of the server"
    );
    assert!(
        eventually(PATIENCE, || ready() == 200),
        "/readyz stayed 503"
    );
    done.store(true, Ordering::Relaxed);
    for thread in threads {
        thread.join().unwrap();
    }

    let outcomes = outcomes.lock().unwrap();
    let odd: Vec<&Outcome> = outcomes
        .iter()
        .filter(|(_, status, _)| *status != 200 && *status != 503)
        .collect();
    assert!(odd.is_empty(), "answers other than 200 and 503: {odd:?}");
    let slowest = outcomes.iter().map(|(_, _, took)| *took).max().unwrap();
    assert!(
        slowest < Duration::from_secs(15),
        "a request took {slowest:?}"
    );
    let acknowledged: HashSet<&str> = outcomes
        .iter()
        .filter(|(_, status, _)| *status == 200)
        .map(|(email, _, _)| email.as_str())
        .collect();
    let listed = env
        .run(&["--json", "--db", &url, "users", "list"])
        .success();
    let stored: HashSet<String> = listed
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|user| user["email"].as_str().unwrap().to_owned())
        .collect();
    let lost: Vec<&&str> = acknowledged
        .iter()
        .filter(|email| !stored.contains(**email))
        .collect();
    assert!(lost.is_empty(), "acknowledged but lost: {lost:?}");

    let (status, stderr) = server.stop();
    assert!(status.success(), "{stderr}");
}
