//! `authctl audit`: filters, `--follow`, retention and `audit prune`.

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use authctl::auth::{AuditQuery, Caller, Policy};
use rusqlite::{Connection, params};
use serde_json::Value;

use super::all_events;
use crate::support::PASSWORD;
use crate::support::cli::Env;
use crate::support::db::{SqliteFile, email, fast_policy, open_auth, password, test_clock};

const ALICE: &str = "alice@example.com";
const BOB: &str = "bob@example.com";

fn events_of(env: &Env, args: &[&str]) -> Vec<(String, String)> {
    let mut all = vec!["audit"];
    all.extend_from_slice(args);
    env.json(&all)
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let name = e["event"].as_str().unwrap().to_owned();
            (name, e["email"].as_str().unwrap_or("-").to_owned())
        })
        .collect()
}

#[test]
fn filters_narrow_together_and_the_newest_come_first() {
    let env = Env::new();
    env.register(ALICE, "alice password 1");
    env.register(BOB, "bob password 1");
    env.run_stdin(&["login", ALICE, "--password-stdin"], "wrong\n")
        .code(4);
    env.run_stdin(&["login", BOB, "--password-stdin"], "wrong\n")
        .code(4);
    env.login(BOB, "bob password 1");

    let pair = |name: &str, who: &str| (name.to_owned(), who.to_owned());
    assert_eq!(
        events_of(&env, &["--user", "ALICE@example.com"]),
        [pair("login.failure", ALICE), pair("user.registered", ALICE)]
    );
    assert_eq!(
        events_of(&env, &["--user", BOB, "--outcome", "failure"]),
        [pair("login.failure", BOB)]
    );
    assert_eq!(
        events_of(
            &env,
            &["--event", "login.failure,login.success", "--user", BOB]
        ),
        [pair("login.success", BOB), pair("login.failure", BOB)]
    );
    assert_eq!(
        events_of(&env, &["--event", "login.success", "--outcome", "failure"]),
        []
    );
    assert!(events_of(&env, &["--source", "http"]).is_empty());
    assert!(events_of(&env, &["--ip", "192.0.2.1"]).is_empty());
    assert_eq!(
        events_of(&env, &["--source", "cli", "--limit", "2"]).len(),
        2
    );
    assert_eq!(events_of(&env, &["--since", "1h"]).len(), 5);
    assert!(events_of(&env, &["--until", "1h"]).is_empty());
    assert!(events_of(&env, &["--since", "2999-01-01"]).is_empty());

    let table = env.run(&["audit", "--user", BOB]).success();
    let lines: Vec<&str> = table.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{table}");
    assert!(
        lines[0]
            .split_whitespace()
            .eq(["time", "event", "user", "result", "by", "count", "details"]),
        "{table}"
    );
    assert!(
        lines[1].contains("login.success") && lines[3].contains("user.registered"),
        "{table}"
    );

    env.run(&["audit", "--event", "login.nonsense"])
        .code(2)
        .stderr_has("login.nonsense");
    env.run(&["audit", "--since", "last tuesday"])
        .code(2)
        .stderr_has("not a time or a duration");
    env.run(&["audit", "--user", "not-an-email"]).code(6);
}

fn follow_prints_an_event_another_process_commits_within_a_second(env: Env) {
    env.register(ALICE, "alice password 1");
    let mut follower = env
        .std_cmd()
        .args(["--json", "audit", "--follow"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let (lines, arrived) = mpsc::channel::<(Instant, Value)>();
    let stdout = follower.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { return };
            let value = serde_json::from_str(&line).expect("one JSON object a line");
            if lines.send((Instant::now(), value)).is_err() {
                return;
            }
        }
    });
    let (_, backlog) = arrived.recv_timeout(Duration::from_secs(20)).unwrap();
    assert_eq!(backlog["event"], "user.registered");

    env.register(BOB, "bob password 1");
    let committed = Instant::now();
    let (seen, event) = arrived.recv_timeout(Duration::from_secs(20)).unwrap();
    assert_eq!(
        (event["event"].as_str(), event["email"].as_str()),
        (Some("user.registered"), Some(BOB))
    );
    let after = seen.duration_since(committed);
    assert!(
        after < Duration::from_secs(1),
        "seen {after:?} after the commit"
    );

    follower.kill().unwrap();
    follower.wait().unwrap();
}

#[test]
fn follow_ends_when_its_reader_goes() {
    let env = Env::new();
    env.register(ALICE, "alice password 1");
    let mut follower = env
        .std_cmd()
        .args(["audit", "--follow"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(follower.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(first.contains("user.registered"), "{first}");
    drop(stdout);
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = follower.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "still following with no reader");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(0));
}

#[test]
fn the_server_prunes_events_past_the_retention_and_records_that_it_did() {
    let file = SqliteFile::new();
    let clock = test_clock();
    let policy = Policy {
        audit_retention: Some(Duration::from_secs(90 * 24 * 3600)),
        ..fast_policy()
    };
    let auth = open_auth(&file.database(), policy, Some(clock.clone()));
    auth.register_user(&Caller::cli(), &email(ALICE), &password(PASSWORD))
        .unwrap();
    clock.advance(Duration::from_secs(60 * 24 * 3600));
    auth.register_user(&Caller::cli(), &email(BOB), &password(PASSWORD))
        .unwrap();
    clock.advance(Duration::from_secs(31 * 24 * 3600));
    auth.prune_expired().unwrap();
    let events = all_events(&auth);
    let names: Vec<(&str, Option<&str>)> = events
        .iter()
        .map(|e| (e.event.as_str(), e.email.as_deref()))
        .collect();
    assert_eq!(
        names,
        [("user.registered", Some(BOB)), ("audit.pruned", None)]
    );
    assert_eq!(events[1].count, 1, "how many went");
    assert!(
        events[1]
            .actor
            .as_deref()
            .unwrap()
            .starts_with("authctl serve, run by")
    );

    let keep_all = Policy {
        audit_retention: None,
        ..fast_policy()
    };
    clock.advance(Duration::from_secs(365 * 24 * 3600));
    let auth = open_auth(&file.database(), keep_all, Some(clock));
    auth.prune_expired().unwrap();
    assert_eq!(all_events(&auth).len(), 2);
}

/// Adds `count` old events straight into the file, as years of use would.
fn old_events(env: &Env, count: i64) {
    let conn = Connection::open(env.db()).unwrap();
    conn.execute_batch("BEGIN").unwrap();
    let mut insert = conn
        .prepare(
            "INSERT INTO audit (seq, at_ms, event, outcome, source, actor)
             VALUES (?1 + 1000000, ?1, 'login.success', 'success', 'cli', 'old')",
        )
        .unwrap();
    for n in 0..count {
        insert.execute(params![n]).unwrap();
    }
    drop(insert);
    conn.execute_batch("COMMIT").unwrap();
}

#[test]
fn prune_deletes_before_a_date_and_a_dry_run_only_counts() {
    let env = Env::new();
    env.register(ALICE, "alice password 1");
    old_events(&env, 10);
    let dry = env.json(&["audit", "prune", "--before", "2000-01-01", "--dry-run"]);
    assert_eq!(
        (dry["pruned"].as_u64(), dry["dry_run"].as_bool()),
        (Some(10), Some(true))
    );
    assert_eq!(
        env.json(&["audit", "--limit", "100"])
            .as_array()
            .unwrap()
            .len(),
        11
    );
    let run = env
        .run(&["audit", "prune", "--before", "2000-01-01"])
        .success();
    assert!(
        run.stderr
            .contains("deleted 10 audit events from before 2000-01-01T00:00:00Z"),
        "{run}"
    );
    let left = events_of(&env, &[]);
    assert_eq!(
        left,
        [
            ("audit.pruned".to_owned(), "-".to_owned()),
            ("user.registered".to_owned(), ALICE.to_owned())
        ]
    );
    // The default is the retention, and 0 keeps all.
    let run = env
        .run(&["audit", "prune", "--audit-retention", "0"])
        .code(2);
    assert!(run.stderr.contains("give --before"), "{run}");
    env.run(&["audit", "prune"]).success();
    assert_eq!(events_of(&env, &[]).len(), 2);
}

#[test]
fn a_large_prune_commits_in_batches_that_readers_see_between() {
    let env = Env::new();
    env.register(ALICE, "alice password 1");
    old_events(&env, 60_000);
    let path = env.db().to_owned();
    let (done, finished) = mpsc::channel();
    let watcher = std::thread::spawn(move || {
        let conn = Connection::open(path).unwrap();
        let mut counts = std::collections::BTreeSet::new();
        while finished.try_recv().is_err() {
            let old: i64 = conn
                .query_row(
                    "SELECT count(*) FROM audit WHERE actor = 'old'",
                    [],
                    |row| row.get(0),
                )
                .unwrap();
            counts.insert(old);
        }
        counts
    });
    let pruned = env.json(&["audit", "prune", "--before", "2000-01-01"]);
    done.send(()).unwrap();
    let counts = watcher.join().unwrap();
    assert_eq!(pruned["pruned"], 60_000);
    let between: Vec<&i64> = counts.iter().filter(|&&n| n > 0 && n < 60_000).collect();
    assert!(
        !between.is_empty(),
        "no reader saw a batch commit: {counts:?}"
    );
    let auth = open_auth(
        &authctl::domain::Database::sqlite(env.db()),
        fast_policy(),
        None,
    );
    let left = auth
        .audit_log(&AuditQuery {
            limit: 10,
            ..AuditQuery::default()
        })
        .unwrap();
    assert_eq!(left.len(), 2);
}

env_tests! {
    follow_prints_an_event_another_process_commits_within_a_second,
}
