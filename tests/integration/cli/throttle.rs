//! The brute-force defence from a shell: `login` under the throttle (exit
//! 7), and the operator's `users show`, `users unlock`, `throttle list` and
//! `throttle clear`.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use authctl::auth::{Auth, AuthError, Caller, ManualClock};
use authctl::domain::{Database, Timestamp};

use crate::support::PASSWORD;
use crate::support::cli::Env;
use crate::support::db::{email, fast_policy, open_auth, password};

const USER: &str = "ada@example.com";

/// An auth on the CLI's database whose clock runs `ahead` of the real one,
/// so the failures it records make a wait the real clock is still inside.
fn ahead_of_now(env: &Env, ahead: Duration) -> (Auth, Arc<ManualClock>) {
    let start = Timestamp::from_system(SystemTime::now() + ahead);
    let clock = Arc::new(ManualClock::new(start));
    let auth = open_auth(
        &Database::sqlite(env.db().to_owned()),
        fast_policy(),
        Some(Arc::clone(&clock)),
    );
    (auth, clock)
}

fn fail_login(auth: &Auth) -> AuthError {
    auth.login(&Caller::cli(), &email(USER), &password("wrong password"))
        .expect_err("a wrong password")
}

/// Records failures until the account is locked.
fn lock(auth: &Auth, clock: &ManualClock) {
    for _ in 0..100 {
        clock.advance(Duration::from_secs(15 * 60));
        assert!(matches!(
            fail_login(auth),
            AuthError::AuthenticationFailed(_)
        ));
    }
    assert!(matches!(
        fail_login(auth),
        AuthError::Throttled { locked: true, .. }
    ));
}

#[test]
fn login_inside_a_wait_exits_7_and_says_how_long_even_with_the_right_password() {
    let env = Env::new();
    env.register(USER, PASSWORD);
    // An hour and a half ahead: however slow the machine, the wait the
    // binary sees is between 1h 29m and 1h 30m 1s.
    let (auth, _clock) = ahead_of_now(&env, Duration::from_secs(5400));
    for _ in 0..5 {
        fail_login(&auth);
    }

    let run = env
        .run_stdin(
            &["login", USER, "--password-stdin"],
            &format!("{PASSWORD}\n"),
        )
        .code(7)
        .stderr_has("too many failed attempts, try again in 1h");
    assert!(run.stdout.is_empty(), "{run}");
    let json = env
        .run_stdin(
            &["--json", "login", USER, "--password-stdin"],
            &format!("{PASSWORD}\n"),
        )
        .code(7)
        .json_error();
    assert_eq!(json["code"], 7, "{json}");
}

#[test]
fn cli_logins_count_like_http_ones_and_a_success_clears_them() {
    let env = Env::new();
    env.register(USER, PASSWORD);
    for _ in 0..3 {
        assert!(!env.can_log_in(USER, "wrong password"));
    }
    let shown = env.json(&["users", "show", USER]);
    assert_eq!(shown["failed_logins"], 3, "{shown}");
    assert!(env.can_log_in(USER, PASSWORD));
    let shown = env.json(&["users", "show", USER]);
    assert_eq!(
        (&shown["failed_logins"], &shown["locked"]),
        (&serde_json::json!(0), &serde_json::json!(false))
    );
}

#[test]
fn users_show_tells_of_a_lock_and_users_unlock_lifts_it() {
    let env = Env::new();
    env.register(USER, PASSWORD);
    let (auth, clock) = ahead_of_now(&env, Duration::ZERO);
    lock(&auth, &clock);

    let text = env.run(&["users", "show", USER]).success();
    assert!(text.stdout.contains("failed logins:    100"), "{text}");
    assert!(
        text.stdout.contains("locked (authctl users unlock"),
        "{text}"
    );
    env.run_stdin(
        &["login", USER, "--password-stdin"],
        &format!("{PASSWORD}\n"),
    )
    .code(7)
    .stderr_has("locked until an operator unlocks it");

    env.run(&["users", "unlock", USER])
        .success()
        .stderr_has("unlocked: ada@example.com may log in again");
    assert!(env.can_log_in(USER, PASSWORD));
    let again = env.json(&["users", "unlock", USER]);
    assert_eq!(again["released"], false, "{again}");
    env.run(&["users", "unlock", "nobody@example.com"]).code(3);
}

#[test]
fn throttle_list_shows_every_counter_and_clear_forgets_what_it_names() {
    let env = Env::new();
    env.register(USER, PASSWORD);
    let (auth, clock) = ahead_of_now(&env, Duration::ZERO);
    lock(&auth, &clock);
    let sprayer = Caller::http("2001:db8:1:2::9".parse().expect("an address"), None);
    auth.login(
        &sprayer,
        &email("bob@example.com"),
        &password("wrong password"),
    )
    .expect_err("no such user");

    let listed = env.json(&["throttle", "list"]);
    let rows: Vec<(String, String, u64, bool)> = listed
        .as_array()
        .expect("an array")
        .iter()
        .map(|row| {
            (
                row["scope"].as_str().expect("scope").to_owned(),
                row["key"].as_str().expect("key").to_owned(),
                row["failures"].as_u64().expect("failures"),
                row["locked"].as_bool().expect("locked"),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("account".to_owned(), USER.to_owned(), 100, true),
            ("account".to_owned(), "bob@example.com".to_owned(), 1, false),
            (
                "client".to_owned(),
                "2001:db8:1:2::/64".to_owned(),
                1,
                false
            ),
        ]
    );
    let table = env.run(&["throttle", "list"]).success();
    assert!(table.stdout.contains("2001:db8:1:2::/64"), "{table}");

    // The key as the list shows it, or any address inside the /64.
    let cleared = env.json(&["throttle", "clear", "--ip", "2001:db8:1:2::/64"]);
    assert_eq!(cleared["cleared"], 1);
    let cleared = env.json(&["throttle", "clear", "--account", "ADA@example.com"]);
    assert_eq!(cleared["cleared"], 1);
    assert!(env.can_log_in(USER, PASSWORD));
    let cleared = env.json(&["throttle", "clear", "--all"]);
    assert_eq!(cleared["cleared"], 1);
    let empty = env.run(&["throttle", "list"]).success();
    assert!(
        empty.stderr.contains("no failed attempts counted"),
        "{empty}"
    );
}

#[test]
fn throttle_clear_needs_exactly_one_valid_target() {
    let env = Env::new();
    env.register(USER, PASSWORD);
    env.run(&["throttle", "clear"]).code(2);
    env.run(&["throttle", "clear", "--all", "--ip", "192.0.2.1"])
        .code(2);
    env.run(&["throttle", "clear", "--ip", "not-an-address"])
        .code(2)
        .stderr_has("not an IP address");
    env.run(&["throttle", "clear", "--ip", "192.0.2.0/24"])
        .code(2)
        .stderr_has("only an IPv6 /64");
    env.run(&["throttle", "clear", "--account", "not an email"])
        .code(6);
}

#[test]
fn throttle_options_that_contradict_each_other_are_a_usage_error() {
    let env = Env::new();
    env.register(USER, PASSWORD);
    env.run(&[
        "--login-free-attempts",
        "20",
        "--login-lock-after",
        "10",
        "users",
        "list",
    ])
    .code(2)
    .stderr_has("--login-lock-after");
    env.run(&["--login-lock-after", "101", "users", "list"])
        .code(2);
}

#[test]
fn listing_the_throttle_of_a_missing_database_creates_nothing() {
    let env = Env::new();
    let run = env.run(&["throttle", "list"]).success();
    assert!(run.stderr.contains("no database at"), "{run}");
    assert!(!run.stderr.contains("no failed attempts"), "{run}");
    assert!(!env.db().exists());
}

/// A login with a lower cost setting than the stored hash's (a test
/// setting, a mistyped variable) must not weaken the hash; a higher one
/// upgrades it.
#[test]
fn a_login_raises_the_bcrypt_cost_of_a_hash_but_never_lowers_it() {
    let env = Env::new();
    env.run_stdin(
        &["--bcrypt-cost", "6", "register", USER, "--password-stdin"],
        &format!("{PASSWORD}\n"),
    )
    .success();
    let cost = || {
        let export = env.run(&["users", "export", "--format", "jsonl"]).success();
        let row: serde_json::Value =
            serde_json::from_str(export.stdout.lines().next().expect("a row")).expect("JSON");
        row["hashed_password"].as_str().expect("a hash")[4..6].to_owned()
    };
    let login = |cost: &str| {
        env.run_stdin(
            &[
                "--bcrypt-cost",
                cost,
                "login",
                USER,
                "--password-stdin",
                "--no-save",
            ],
            &format!("{PASSWORD}\n"),
        )
        .success();
    };
    login("4");
    assert_eq!(cost(), "06");
    login("7");
    assert_eq!(cost(), "07");
}
