//! SQL over the `blocked_passwords` table: the operator's blocklist.

use rusqlite::{Connection, OptionalExtension};

use crate::domain::BlockedWord;

pub(super) fn contains(conn: &Connection, folded: &str) -> rusqlite::Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM blocked_passwords WHERE word = ?1")?
        .query_row([folded], |_| Ok(()))
        .optional()?
        .is_some())
}

pub(super) fn list(conn: &Connection) -> rusqlite::Result<Vec<BlockedWord>> {
    let mut statement = conn.prepare_cached("SELECT word FROM blocked_passwords ORDER BY word")?;
    let rows = statement.query_map([], |row| Ok(BlockedWord::from_stored(row.get(0)?)))?;
    rows.collect()
}

pub(super) fn count(conn: &Connection) -> rusqlite::Result<u64> {
    conn.query_row("SELECT count(*) FROM blocked_passwords", [], |row| {
        row.get::<_, i64>(0)
    })
    .map(|count| u64::try_from(count).unwrap_or(0))
}

/// Returns how many of `words` were not listed before: each insert that
/// finds its word taken does nothing and counts nothing.
pub(super) fn insert(conn: &Connection, words: &[BlockedWord]) -> rusqlite::Result<u64> {
    let mut insert = conn.prepare_cached(
        "INSERT INTO blocked_passwords (word) VALUES (?1) ON CONFLICT (word) DO NOTHING",
    )?;
    let mut added = 0;
    for word in words {
        added += insert.execute([word.as_str()])? as u64;
    }
    Ok(added)
}

/// Returns the words this call deleted: a `DELETE ... RETURNING` hands each
/// row to one statement, so of concurrent removals one reports the word.
pub(super) fn delete(
    conn: &Connection,
    words: &[BlockedWord],
) -> rusqlite::Result<Vec<BlockedWord>> {
    let mut delete =
        conn.prepare_cached("DELETE FROM blocked_passwords WHERE word = ?1 RETURNING word")?;
    let mut removed = Vec::new();
    for word in words {
        if let Some(stored) = delete
            .query_row([word.as_str()], |row| row.get::<_, String>(0))
            .optional()?
        {
            removed.push(BlockedWord::from_stored(stored));
        }
    }
    Ok(removed)
}
