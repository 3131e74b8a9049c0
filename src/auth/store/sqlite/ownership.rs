//! authctl changes only databases it made. Its files carry SQLite's
//! `application_id`; an empty file is a new one; a file an earlier version
//! made (before the mark existed) is recognised by its schema and marked.
//! Anything else is refused after reading it only: no table added, no WAL
//! switch, no `user_version`, not a byte written.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::StoreError;
use super::diagnose::diagnose;

/// "auth" in ASCII: how `PRAGMA application_id` tells our files apart.
pub(super) const APPLICATION_ID: i32 = 0x6175_7468;

/// The tables every authctl schema has had since the first.
const OUR_FIRST_TABLES: [&str; 3] = ["users", "sessions", "reset_tokens"];

/// Whose a file is, for a file authctl may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Owner {
    /// Marked with our `application_id`.
    Us,
    /// No tables and no schema version: a new database.
    Nobody,
    /// Made by an authctl from before the mark; marked when next opened.
    EarlierUs,
}

/// Reads the file at `path`, without writing to it, and refuses it unless it
/// is ours, empty, or an earlier authctl's.
pub(super) fn check(path: &Path) -> Result<(), StoreError> {
    owner(path).map(|_| ())
}

/// Whose the file at `path` is, read without writing to it;
/// [`StoreError::NotOurs`] for another application's file.
pub(super) fn owner(path: &Path) -> Result<Owner, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let look = || -> rusqlite::Result<Result<Owner, String>> {
        let conn = Connection::open_with_flags(path, flags)?;
        conn.busy_timeout(Duration::from_secs(10))?;
        // One read transaction, one snapshot: read statement by statement,
        // another process migrating the file meanwhile could show no tables
        // yet and its new user_version, which looks like no one's file.
        let snapshot = conn.unchecked_transaction()?;
        let id: i32 = snapshot.pragma_query_value(None, "application_id", |row| row.get(0))?;
        if id == APPLICATION_ID {
            return Ok(Ok(Owner::Us));
        }
        if id != 0 {
            return Ok(Err(format!(
                "it belongs to another application (SQLite application_id {id:#010x})"
            )));
        }
        let mut statement = snapshot.prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )?;
        let tables = statement
            .query_map([], |row| row.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let version: i64 = snapshot.pragma_query_value(None, "user_version", |row| row.get(0))?;
        let earlier_authctl = version > 0
            && OUR_FIRST_TABLES
                .iter()
                .all(|ours| tables.iter().any(|t| t == ours));
        if tables.is_empty() && version == 0 {
            return Ok(Ok(Owner::Nobody));
        }
        if earlier_authctl {
            return Ok(Ok(Owner::EarlierUs));
        }
        let mut shown: Vec<&str> = tables.iter().map(String::as_str).take(5).collect();
        if tables.len() > shown.len() {
            shown.push("...");
        }
        Ok(Err(format!(
            "it holds another application's tables ({})",
            shown.join(", ")
        )))
    };
    match look() {
        Ok(Ok(owner)) => Ok(owner),
        Ok(Err(reason)) => Err(StoreError::NotOurs(reason)),
        // Not SQLite at all: as much the wrong --db as another's database.
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => Err(
            StoreError::NotOurs("it is not an SQLite database".to_owned()),
        ),
        Err(e) => Err(diagnose(
            path,
            StoreError::unexpected("cannot read the database", e),
        )),
    }
}

/// Marks a database as ours once it is migrated (new files, and files of
/// versions from before the mark).
pub(super) fn mark(conn: &Connection) -> rusqlite::Result<()> {
    let id: i32 = conn.pragma_query_value(None, "application_id", |row| row.get(0))?;
    if id != APPLICATION_ID {
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    }
    Ok(())
}
