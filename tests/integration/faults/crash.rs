//! Crash: the real server killed with SIGKILL at random moments while
//! clients register and log in, on a SQLite file and on PostgreSQL.
//! Nothing it acknowledged may be lost, and a file must stay sound.

use std::collections::HashSet;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use authctl::auth::{Auth, Caller};
use authctl::domain::Database;

use crate::support::PASSWORD;
use crate::support::binary_server::ServerProcess;
use crate::support::cli::Env;
use crate::support::db::{email, fast_policy, integrity_check, password};
use crate::support::raw_http::{get, login, post};

const ROUNDS: usize = 25;
const CLIENTS: usize = 4;

/// xorshift64*: enough randomness for kill times, reproducible from a seed.
pub struct Rng(u64);

impl Rng {
    /// Seeded from `AUTHCTL_TEST_SEED` when set, else from the clock; the
    /// seed is printed, and the test harness shows it when the test fails.
    pub fn from_env_or_clock() -> Self {
        let seed = std::env::var("AUTHCTL_TEST_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .map_or(1, |d| d.as_nanos() as u64)
            });
        println!("seed {seed} (rerun with AUTHCTL_TEST_SEED={seed})");
        Self(seed.max(1))
    }

    pub fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % bound
    }
}

/// What the server said yes to, and anything it should never have said.
#[derive(Default)]
struct Ledger {
    users: Vec<String>,
    /// (email, session cookie) of acknowledged logins.
    sessions: Vec<(String, String)>,
    unexpected: Vec<String>,
}

/// Registers fresh users, and logs in every third one, until `stop` is set.
/// Every 200 is written down; a connection error is a request lost to the
/// kill, and anything else is a bug.
fn client(addr: SocketAddr, round: usize, id: usize, stop: &AtomicBool, ledger: &Mutex<Ledger>) {
    for n in 0.. {
        if stop.load(Ordering::Relaxed) {
            return;
        }
        let email = format!("r{round}-c{id}-{n}@crash.test");
        match post(addr, "/users", &[("email", &email), ("password", PASSWORD)]) {
            Ok(reply) if reply.status == 200 => {
                ledger.lock().expect("ledger").users.push(email.clone());
            }
            Ok(reply) => {
                let note = format!("register {email}: {reply:?}");
                ledger.lock().expect("ledger").unexpected.push(note);
                return;
            }
            Err(_killed) => return,
        }
        if n % 3 == 0 {
            match post(
                addr,
                "/sessions",
                &[("email", &email), ("password", PASSWORD)],
            ) {
                Ok(reply) if reply.status == 200 => {
                    let cookie = reply.session_cookie().unwrap_or_default();
                    ledger
                        .lock()
                        .expect("ledger")
                        .sessions
                        .push((email, cookie));
                }
                Ok(reply) => {
                    let note = format!("login {email}: {reply:?}");
                    ledger.lock().expect("ledger").unexpected.push(note);
                    return;
                }
                Err(_killed) => return,
            }
        }
    }
}

fn sigkill_at_random_moments_loses_no_acknowledged_registration_or_login(env: Env) {
    let mut rng = Rng::from_env_or_clock();
    let ledger = Arc::new(Mutex::new(Ledger::default()));

    for round in 0..ROUNDS {
        // A login killed between its throttle claim and its success stays
        // counted as a failure of 127.0.0.1, by design (the safe side);
        // dozens of kills would add up to a block, which is not this test.
        let server = ServerProcess::start_args(&env, &["--client-max-failures", "1000000"], None);
        let addr = server.addr();
        let stop = Arc::new(AtomicBool::new(false));
        let clients: Vec<_> = (0..CLIENTS)
            .map(|id| {
                let (stop, ledger) = (Arc::clone(&stop), Arc::clone(&ledger));
                std::thread::spawn(move || client(addr, round, id, &stop, &ledger))
            })
            .collect();
        // Anywhere from before the first request lands to well into the load.
        std::thread::sleep(Duration::from_millis(rng.below(250)));
        server.kill();
        stop.store(true, Ordering::Relaxed);
        for client in clients {
            client.join().expect("client thread");
        }
    }

    let ledger = ledger.lock().expect("ledger");
    assert!(ledger.unexpected.is_empty(), "{:#?}", ledger.unexpected);
    assert!(
        ledger.users.len() >= ROUNDS,
        "too few acknowledged registrations ({}) to test anything",
        ledger.users.len()
    );
    println!(
        "{} registrations and {} logins acknowledged",
        ledger.users.len(),
        ledger.sessions.len()
    );

    // The database is sound (a SQLite file's own check), and every
    // acknowledged user is in it.
    if !env.on_server() {
        assert_eq!(integrity_check(env.db()), "ok");
    }
    let database = Database::parse(std::ffi::OsStr::new(&env.db_value())).expect("the locator");
    let auth = Auth::open(&database, fast_policy()).expect("open through the library");
    let stored: HashSet<String> = auth
        .list_users()
        .expect("list")
        .into_iter()
        .map(|summary| summary.user.email.to_string())
        .collect();
    let lost: Vec<&String> = ledger
        .users
        .iter()
        .filter(|email| !stored.contains(*email))
        .collect();
    assert!(lost.is_empty(), "acknowledged but lost: {lost:?}");

    // Every acknowledged user logs in with its password (through the same
    // library calls the server makes), a sample of them over HTTP, and every
    // acknowledged session is still valid.
    for address in &ledger.users {
        assert!(
            auth.valid_login(&Caller::cli(), &email(address), &password(PASSWORD))
                .expect("valid_login"),
            "{address} cannot log in"
        );
    }
    let server = ServerProcess::start(&env);
    let addr = server.addr();
    for _ in 0..10 {
        let email = &ledger.users[rng.below(ledger.users.len() as u64) as usize];
        login(addr, email, PASSWORD);
    }
    for (email, cookie) in &ledger.sessions {
        let reply = get(addr, "/profile", Some(cookie)).expect("GET /profile");
        assert_eq!(reply.status, 200, "session of {email} lost: {reply:?}");
        assert_eq!(reply.json()["email"], email.as_str());
    }
    let (status, stderr) = server.stop();
    assert!(status.success(), "{stderr}");
}

env_tests! {
    sigkill_at_random_moments_loses_no_acknowledged_registration_or_login,
}
