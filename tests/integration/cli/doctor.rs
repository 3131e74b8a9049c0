//! `authctl doctor` through the binary: what passes, what fails by name,
//! and that it changes nothing it looks at.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use expectrl::{Eof, Expect};
use rusqlite::Connection;
use serde_json::Value;

use super::prompts::{spawn, without_escapes};

use crate::support::PASSWORD;
use crate::support::cli::{Env, Run};

/// The lowest cost doctor passes; the suite's own (4) fails it.
const SOUND_COST: &str = "10";

/// Every check a sound installation reports, in order.
const ALL_CHECKS: [&str; 9] = [
    "database.reachable",
    "database.owner",
    "database.file_mode",
    "database.folder_mode",
    "database.journal_mode",
    "database.integrity",
    "database.schema",
    "bcrypt.cost",
    "sessions.folder_mode",
];

fn doctor(env: &Env, cost: &str, extra: &[&str]) -> Run {
    let mut args = vec!["doctor"];
    args.extend_from_slice(extra);
    env.run_env(&[("AUTHCTL_BCRYPT_COST", cost)], &args, "")
}

/// `doctor --json` at `cost`: its document, checked against its exit code.
fn json_report(env: &Env, cost: &str) -> Value {
    let run = doctor(env, cost, &["--json"]);
    let report = run.json();
    assert_eq!(report["ok"], Value::Bool(run.code == 0), "{run}");
    report
}

/// The names of the checks with `status`.
fn with_status(report: &Value, status: &str) -> Vec<String> {
    report["checks"]
        .as_array()
        .expect("an array of checks")
        .iter()
        .filter(|check| check["status"] == status)
        .map(|check| check["name"].as_str().expect("a name").to_owned())
        .collect()
}

fn names(report: &Value) -> Vec<String> {
    report["checks"]
        .as_array()
        .expect("an array of checks")
        .iter()
        .map(|check| check["name"].as_str().expect("a name").to_owned())
        .collect()
}

fn chmod(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
}

/// Every byte of the file and whether SQLite's side files exist.
fn snapshot(path: &Path) -> (Vec<u8>, bool, bool) {
    let side = |suffix: &str| Path::new(&format!("{}{suffix}", path.display())).exists();
    (
        fs::read(path).expect("the file"),
        side("-wal"),
        side("-shm"),
    )
}

#[test]
fn a_fresh_database_passes_every_check() {
    let env = Env::new();
    env.register("a@example.com", PASSWORD);
    env.login("a@example.com", PASSWORD);
    let run = doctor(&env, SOUND_COST, &[]).success();
    for check in ALL_CHECKS {
        assert!(run.stdout.contains(check), "{check} missing\n{run}");
    }
    let statuses = run
        .stdout
        .lines()
        .filter_map(|line| line.split_whitespace().nth(1));
    assert!(statuses.into_iter().all(|status| status != "fail"), "{run}");

    let report = json_report(&env, SOUND_COST);
    assert_eq!(report["ok"], Value::Bool(true));
    assert_eq!(names(&report), ALL_CHECKS);
    assert!(with_status(&report, "fail").is_empty(), "{report}");
    for check in report["checks"].as_array().expect("checks") {
        assert!(!check["detail"].as_str().expect("a detail").is_empty());
    }
}

#[test]
fn a_database_file_others_can_read_fails_its_mode_check() {
    let env = Env::new();
    env.register("a@example.com", PASSWORD);
    chmod(env.db(), 0o644);
    let run = doctor(&env, SOUND_COST, &[])
        .code(1)
        .stderr_has("database.file_mode");
    assert!(run.stdout.contains("0644"), "{run}");
    assert_eq!(
        with_status(&json_report(&env, SOUND_COST), "fail"),
        ["database.file_mode"]
    );
}

#[test]
fn a_folder_anyone_can_write_to_fails_its_mode_check() {
    let env = Env::new();
    env.register("a@example.com", PASSWORD);
    chmod(env.home(), 0o777);
    doctor(&env, SOUND_COST, &[])
        .code(1)
        .stderr_has("database.folder_mode");
    assert_eq!(
        with_status(&json_report(&env, SOUND_COST), "fail"),
        ["database.folder_mode"]
    );
}

#[test]
fn another_applications_database_fails_by_name_and_is_left_as_it_was() {
    let env = Env::new();
    let path = env.path("app.db");
    Connection::open(&path)
        .expect("create")
        .execute_batch("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL);")
        .expect("their schema");
    chmod(&path, 0o600);
    let before = snapshot(&path);
    let db = path.to_str().expect("UTF-8");

    let run = doctor(&env, SOUND_COST, &["--db", db])
        .code(1)
        .stderr_has("database.owner");
    assert!(run.stdout.contains("invoices"), "says why:\n{run}");
    assert!(
        snapshot(&path) == before,
        "the file or its side files changed"
    );

    let run = env.run_env(
        &[("AUTHCTL_BCRYPT_COST", SOUND_COST)],
        &["--json", "--db", db, "doctor"],
        "",
    );
    assert_eq!(with_status(&run.json(), "fail"), ["database.owner"]);
    assert!(
        snapshot(&path) == before,
        "the file or its side files changed"
    );
}

#[test]
fn a_missing_database_fails_and_nothing_is_created() {
    let env = Env::new();
    let folder = env.path("nowhere");
    let db = folder.join("auth.db");
    let db = db.to_str().expect("UTF-8");
    let run = doctor(&env, SOUND_COST, &["--db", db])
        .code(1)
        .stderr_has("database.reachable");
    assert!(run.stdout.contains("no database at"), "{run}");
    assert!(!folder.exists(), "doctor created the database's folder");
    doctor(&env, SOUND_COST, &[]).code(1);
    assert!(!env.db().exists(), "doctor created the database");
}

/// An empty file is one authctl would make its own at the next write;
/// doctor only says so, and leaves it empty.
#[test]
fn an_empty_file_passes_with_a_note_and_stays_empty() {
    let env = Env::new();
    fs::write(env.db(), b"").expect("an empty file");
    chmod(env.db(), 0o600);
    let report = json_report(&env, SOUND_COST);
    assert_eq!(report["ok"], Value::Bool(true), "{report}");
    assert_eq!(with_status(&report, "warn"), ["database.schema"]);
    assert!(
        snapshot(env.db()) == (Vec::new(), false, false),
        "the file changed"
    );
}

#[test]
fn a_bcrypt_cost_below_10_fails_and_names_the_cost_to_use() {
    let env = Env::new();
    env.register("a@example.com", PASSWORD);
    // The suite's own cost, which AUTHCTL_ALLOW_WEAK_BCRYPT lets the other
    // commands use quietly: doctor still says it.
    let run = env.run(&["doctor"]).code(1).stderr_has("bcrypt.cost");
    assert!(run.stdout.contains("below 10"), "{run}");
    let report = json_report(&env, "9");
    assert_eq!(with_status(&report, "fail"), ["bcrypt.cost"]);
    let detail = report["checks"][7]["detail"].as_str().expect("a detail");
    assert!(detail.contains("takes about"), "names a cost: {detail}");
}

#[test]
fn json_names_every_failing_check_and_so_does_the_error() {
    let env = Env::new();
    env.register("a@example.com", PASSWORD);
    chmod(env.db(), 0o640);
    let sessions = env.sessions_folder();
    fs::create_dir_all(&sessions).expect("the sessions folder");
    chmod(&sessions, 0o777);

    let run = doctor(&env, "4", &["--json"]).code(1);
    let report = run.json();
    assert_eq!(report["ok"], Value::Bool(false));
    let failed = with_status(&report, "fail");
    assert_eq!(
        failed,
        ["database.file_mode", "bcrypt.cost", "sessions.folder_mode"]
    );
    let error = run.json_error();
    assert_eq!(error["code"], 1);
    for name in &failed {
        assert!(
            error["error"]
                .as_str()
                .expect("a message")
                .contains(name.as_str()),
            "{name} not named: {error}"
        );
    }
}

#[test]
fn a_saved_session_others_can_read_fails_the_sessions_check() {
    let env = Env::new();
    env.register("a@example.com", PASSWORD);
    env.login("a@example.com", PASSWORD);
    let saved = fs::read_dir(env.sessions_folder())
        .expect("the sessions folder")
        .next()
        .expect("a saved session")
        .expect("an entry")
        .path();
    chmod(&saved, 0o644);
    doctor(&env, SOUND_COST, &[])
        .code(1)
        .stderr_has("sessions.folder_mode");
}

#[test]
fn a_damaged_database_fails_the_integrity_check_in_a_few_words() {
    let env = Env::new();
    env.register("a@example.com", PASSWORD);
    let conn = Connection::open(env.db()).expect("open");
    let words = (0..5000)
        .map(|n| format!("('word{n:05}')"))
        .collect::<Vec<_>>();
    conn.execute_batch(&format!(
        "INSERT INTO blocked_passwords (word) VALUES {}; PRAGMA wal_checkpoint(TRUNCATE);",
        words.join(", ")
    ))
    .expect("fill some pages");
    let page_size: u32 = conn
        .pragma_query_value(None, "page_size", |row| row.get(0))
        .expect("the page size");
    drop(conn);
    // Garbage over the cell pointers of a page of the blocklist's tree,
    // near the end of the file, away from the schema on page 1.
    let page_size = usize::try_from(page_size).expect("a size");
    let mut bytes = fs::read(env.db()).expect("the file");
    let start = (bytes.len() / page_size - 3) * page_size + 200;
    bytes[start..start + 300].fill(0xff);
    fs::write(env.db(), bytes).expect("damage it");

    let report = json_report(&env, SOUND_COST);
    assert_eq!(with_status(&report, "fail"), ["database.integrity"]);
    let detail = report["checks"][5]["detail"].as_str().expect("a detail");
    assert!(detail.starts_with("damaged: "), "{detail}");
    assert!(
        !detail.contains('\n') && detail.len() < 300,
        "a few words: {detail}"
    );
}

#[test]
fn a_journal_other_than_wal_warns_and_a_schema_newer_than_this_binary_fails() {
    let env = Env::new();
    env.register("a@example.com", PASSWORD);
    let conn = Connection::open(env.db()).expect("open");
    conn.execute_batch("PRAGMA journal_mode = DELETE;")
        .expect("leave WAL");
    drop(conn);
    let report = json_report(&env, SOUND_COST);
    assert_eq!(with_status(&report, "warn"), ["database.journal_mode"]);
    assert_eq!(report["ok"], Value::Bool(true), "a warning passes");

    let conn = Connection::open(env.db()).expect("open");
    conn.execute_batch("PRAGMA user_version = 999;")
        .expect("a future version");
    drop(conn);
    let report = json_report(&env, SOUND_COST);
    assert_eq!(with_status(&report, "fail"), ["database.schema"]);
}

/// At an 80-column terminal (every pty test runs at one) the details wrap
/// between words to fit; the check names stay whole.
#[test]
fn the_table_fits_an_80_column_terminal() {
    let env = Env::new();
    // A long path makes the longest details.
    let folder = env.path("a-folder-with-a-rather-long-name-to-make-the-details-long");
    let db = folder.join("auth.db");
    let db = db.to_str().expect("UTF-8");
    let mut session = spawn(&env, &["--db", db, "doctor"]);
    let table = session.expect(Eof).expect("the table");
    let mut shown = String::from_utf8_lossy(table.before()).into_owned();
    for matched in table.matches() {
        shown.push_str(&String::from_utf8_lossy(matched));
    }
    let shown = without_escapes(&shown);
    assert!(
        shown.contains('│'),
        "no box drawing at a terminal:\n{shown}"
    );
    for check in ["database.reachable", "bcrypt.cost", "sessions.folder_mode"] {
        assert!(shown.contains(check), "{check} was broken up:\n{shown}");
    }
    for line in shown.lines() {
        assert!(
            line.chars().count() <= 80,
            "wider than 80 columns: {line:?}"
        );
    }
}

/// A reader that stops early (`| grep -q`, `| head -1`) closes the pipe,
/// which other commands take as a quiet end (exit 0); a failed check
/// must still exit 1.
#[test]
fn a_failed_check_exits_1_even_when_the_reader_stops_early() {
    let env = Env::new();
    let mut child = env
        .std_cmd()
        .arg("doctor")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let status = child.wait().expect("wait");
    assert_eq!(status.code(), Some(1));
}
