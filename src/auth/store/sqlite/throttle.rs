//! SQL over the `throttle` table: counters changed only by a swap that
//! names the version it read, so of concurrent claims on one key exactly
//! one writes each version.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::super::{Counter, Scope, StoredCounter};

fn counter_of(row: &Row<'_>, first: usize) -> rusqlite::Result<Counter> {
    Ok(Counter {
        failures: row.get(first)?,
        previous: row.get(first + 1)?,
        window_start_ms: row.get(first + 2)?,
        last_ms: row.get(first + 3)?,
        blocked_until_ms: row.get(first + 4)?,
        expires_ms: row.get(first + 5)?,
    })
}

pub(super) fn get(
    conn: &Connection,
    scope: Scope,
    key: &str,
) -> rusqlite::Result<Option<StoredCounter>> {
    conn.prepare_cached(
        "SELECT version, failures, previous, window_start_ms, last_ms, blocked_until_ms,
                expires_ms
         FROM throttle WHERE scope = ?1 AND key = ?2",
    )?
    .query_row(params![scope.as_str(), key], |row| {
        Ok(StoredCounter {
            version: row.get(0)?,
            counter: counter_of(row, 1)?,
        })
    })
    .optional()
}

/// Counters still meaning something at `now_ms`, by scope and key. A row
/// with a scope this build does not know is skipped, not an error.
pub(super) fn list(
    conn: &Connection,
    now_ms: i64,
) -> rusqlite::Result<Vec<(Scope, String, Counter)>> {
    let mut statement = conn.prepare(
        "SELECT scope, key, failures, previous, window_start_ms, last_ms, blocked_until_ms,
                expires_ms
         FROM throttle WHERE expires_ms > ?1 ORDER BY scope, key",
    )?;
    let rows = statement.query_map([now_ms], |row| {
        let scope: String = row.get(0)?;
        Ok((scope, row.get::<_, String>(1)?, counter_of(row, 2)?))
    })?;
    let mut listed = Vec::new();
    for row in rows {
        let (scope, key, counter) = row?;
        if let Some(scope) = Scope::from_stored(&scope) {
            listed.push((scope, key, counter));
        }
    }
    Ok(listed)
}

/// Writes `next` if the row is still at `expected` (absent when `None`);
/// returns whether it did.
pub(super) fn swap(
    conn: &Connection,
    scope: Scope,
    key: &str,
    expected: Option<i64>,
    next: &Counter,
) -> rusqlite::Result<bool> {
    let changed = match expected {
        None => conn
            .prepare_cached(
                "INSERT INTO throttle (scope, key, version, failures, previous, window_start_ms,
                                       last_ms, blocked_until_ms, expires_ms)
                 VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (scope, key) DO NOTHING",
            )?
            .execute(params![
                scope.as_str(),
                key,
                next.failures,
                next.previous,
                next.window_start_ms,
                next.last_ms,
                next.blocked_until_ms,
                next.expires_ms
            ])?,
        Some(version) => conn
            .prepare_cached(
                "UPDATE throttle
                 SET version = version + 1, failures = ?4, previous = ?5, window_start_ms = ?6,
                     last_ms = ?7, blocked_until_ms = ?8, expires_ms = ?9
                 WHERE scope = ?1 AND key = ?2 AND version = ?3",
            )?
            .execute(params![
                scope.as_str(),
                key,
                version,
                next.failures,
                next.previous,
                next.window_start_ms,
                next.last_ms,
                next.blocked_until_ms,
                next.expires_ms
            ])?,
    };
    Ok(changed == 1)
}

pub(super) fn delete(conn: &Connection, scope: Scope, key: &str) -> rusqlite::Result<bool> {
    Ok(conn
        .prepare_cached("DELETE FROM throttle WHERE scope = ?1 AND key = ?2")?
        .execute(params![scope.as_str(), key])?
        == 1)
}

/// Deletes every counter, or every one of `scope`.
pub(super) fn delete_all(conn: &Connection, scope: Option<Scope>) -> rusqlite::Result<u64> {
    let deleted = match scope {
        Some(scope) => conn.execute("DELETE FROM throttle WHERE scope = ?1", [scope.as_str()])?,
        None => conn.execute("DELETE FROM throttle", [])?,
    };
    Ok(deleted as u64)
}

pub(super) fn prune(conn: &Connection, now_ms: i64) -> rusqlite::Result<u64> {
    Ok(conn.execute("DELETE FROM throttle WHERE expires_ms <= ?1", [now_ms])? as u64)
}
