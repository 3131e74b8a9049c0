//! `authctl doctor`'s look at an SQLite file. Read only: a missing file is
//! reported, not created; another application's file is read by the
//! ownership check alone, which writes nothing and leaves no side files;
//! only a file that is authctl's is then opened (read-only) for the checks
//! that need SQLite, which may create the usual `-wal`/`-shm` beside it as
//! any reader of a WAL database does.

use std::fs;
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::super::check::{INTEGRITY, JOURNAL_MODE, OWNER, REACHABLE, SCHEMA};
use super::StoreError;
use super::migrations::versions;
use super::modes::{file_mode, folder_mode};
use super::ownership::{self, APPLICATION_ID, Owner};
use crate::domain::{Finding, Status};

/// How long a check waits for a lock another process holds (a checkpoint,
/// a recovery) before it says so.
const BUSY_TIMEOUT: Duration = Duration::from_secs(2);

/// Problems `quick_check` reports beyond which the list is noise.
const MAX_PROBLEMS_SHOWN: usize = 3;

/// The database checks of the file at `path`, in the order they depend on
/// each other; see [`super::super::inspect`].
pub(in super::super) fn inspect(path: &Path) -> Vec<Finding> {
    let mut findings = vec![reachable(path)];
    if findings[0].status == Status::Fail {
        return findings;
    }
    let owner = match ownership::owner(path) {
        Ok(owner) => owner,
        Err(StoreError::NotOurs(reason)) => {
            findings.push(Finding::fail(
                OWNER,
                format!("not an authctl database: {reason}; authctl will not change it"),
            ));
            return findings;
        }
        Err(other) => {
            findings.push(Finding::fail(OWNER, chain(&other)));
            return findings;
        }
    };
    findings.push(owner_finding(owner));
    findings.push(file_mode(path));
    findings.push(folder_mode(path));
    if owner == Owner::Nobody {
        findings.push(Finding::warn(
            SCHEMA,
            "none yet (register, users import or serve sets it up)",
        ));
        return findings;
    }
    match open_read_only(path) {
        Ok(conn) => {
            findings.push(journal_mode(&conn));
            findings.push(integrity(&conn));
            findings.push(schema(&conn));
        }
        Err(e) => findings.push(Finding::fail(
            INTEGRITY,
            format!("cannot open it read-only: {e}"),
        )),
    }
    findings
}

fn reachable(path: &Path) -> Finding {
    match fs::metadata(path) {
        Ok(metadata) if metadata.is_dir() => Finding::fail(
            REACHABLE,
            format!("{} is a folder, not a database file", path.display()),
        ),
        // Opened for reading, as SQLite will: the mode alone would not
        // tell (root reads anything).
        Ok(metadata) => match fs::File::open(path) {
            Ok(_) => Finding::pass(
                REACHABLE,
                format!("{} ({})", path.display(), size(metadata.len())),
            ),
            Err(e) => Finding::fail(REACHABLE, format!("cannot read {}: {e}", path.display())),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Finding::fail(
            REACHABLE,
            format!(
                "no database at {} (register, users import or serve creates it)",
                path.display()
            ),
        ),
        Err(e) => Finding::fail(REACHABLE, format!("cannot reach {}: {e}", path.display())),
    }
}

fn owner_finding(owner: Owner) -> Finding {
    match owner {
        Owner::Us => Finding::pass(
            OWNER,
            format!("authctl's (application_id {APPLICATION_ID:#010x})"),
        ),
        Owner::Nobody => Finding::pass(OWNER, "nobody's yet: a new, empty database"),
        Owner::EarlierUs => Finding::warn(
            OWNER,
            "an earlier authctl's, not yet marked as such; the next command that opens it \
             marks it",
        ),
    }
}

fn open_read_only(path: &Path) -> rusqlite::Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(conn)
}

/// WAL is what lets the CLI and a running server use the file at once.
/// authctl sets it on every open, so another mode means something else
/// changed it since; the next authctl command switches it back.
fn journal_mode(conn: &Connection) -> Finding {
    match conn.pragma_query_value(None, "journal_mode", |row| row.get::<_, String>(0)) {
        Ok(mode) if mode.eq_ignore_ascii_case("wal") => Finding::pass(JOURNAL_MODE, "wal"),
        Ok(mode) => Finding::warn(
            JOURNAL_MODE,
            format!(
                "{mode}, expected wal; the next authctl command that opens it switches it \
                 back, or says why it cannot"
            ),
        ),
        Err(e) => Finding::fail(JOURNAL_MODE, format!("cannot read it: {e}")),
    }
}

/// `quick_check`: every page and record readable and well-formed, in time
/// linear in the file's size. (`integrity_check` also compares each index
/// with its table, at a cost that grows faster than the file.)
fn integrity(conn: &Connection) -> Finding {
    // One more than shown, to know whether there are more. SQLite may put
    // several problems in one row, a line each, under a heading line.
    let pragma = format!("PRAGMA quick_check({})", MAX_PROBLEMS_SHOWN + 1);
    let rows = conn.prepare(&pragma).and_then(|mut statement| {
        statement
            .query_map([], |row| row.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()
    });
    let rows = match rows {
        Ok(rows) if rows.iter().all(|row| row == "ok") => return Finding::pass(INTEGRITY, "ok"),
        Ok(rows) => rows,
        Err(e) => return Finding::fail(INTEGRITY, format!("cannot be checked: {e}")),
    };
    let problems: Vec<&str> = rows
        .iter()
        .flat_map(|row| row.lines())
        .filter(|line| !line.starts_with("***"))
        .collect();
    let mut shown: Vec<&str> = problems.iter().copied().take(MAX_PROBLEMS_SHOWN).collect();
    if problems.len() > MAX_PROBLEMS_SHOWN {
        shown.push("...");
    }
    Finding::fail(
        INTEGRITY,
        format!("damaged: {}; restore a backup", shown.join("; ")),
    )
}

fn schema(conn: &Connection) -> Finding {
    match versions(conn) {
        Ok((at, latest)) if at == latest => Finding::pass(SCHEMA, format!("version {at}, current")),
        Ok((at, latest)) if at < latest => Finding::warn(
            SCHEMA,
            format!("version {at} of {latest}; the next authctl command that opens it migrates it"),
        ),
        Ok((at, latest)) => Finding::fail(
            SCHEMA,
            format!(
                "version {at}, newer than this authctl knows ({latest}); it was written by a \
                 newer authctl, which is the one to use"
            ),
        ),
        Err(e) => Finding::fail(SCHEMA, chain(&e)),
    }
}

/// A file size a person reads at a glance.
fn size(bytes: u64) -> String {
    const KIB: u64 = 1024;
    match bytes {
        0 => "empty file".to_owned(),
        b if b < KIB => format!("{b} bytes"),
        b if b < KIB * KIB => format!("{} KiB", b / KIB),
        b => format!("{} MiB", b / (KIB * KIB)),
    }
}

/// An error and its sources on one line.
fn chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(inner) = source {
        text.push_str(": ");
        text.push_str(&inner.to_string());
        source = inner.source();
    }
    text
}
