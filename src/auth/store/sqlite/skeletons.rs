//! Stored confusable skeletons, kept in step with the table the code uses.
//!
//! Not a migration: a migration runs once and is frozen, while a skeleton
//! depends on Unicode's confusables table, which a dependency update can
//! change. So the version that made the stored skeletons is kept in
//! `settings`, and a database whose version differs (one made before
//! skeletons, or under another table) is brought up to date when opened.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::StoreError;
use crate::domain::{Email, skeleton_version};

const VERSION_SETTING: &str = "email_skeleton_version";

/// Rows handled per read: bounds memory on a large table.
const BATCH: i64 = 10_000;

pub(super) fn refresh(conn: &mut Connection) -> Result<(), StoreError> {
    let err = |e| StoreError::unexpected("cannot index emails for look-alikes", e);
    let current = skeleton_version();
    // Nearly every open finds them current and writes nothing.
    if stored_version(conn).map_err(err)?.as_deref() == Some(current.as_str()) {
        return Ok(());
    }
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(err)?;
    // Another process may have done it while this one waited to write.
    if stored_version(&tx).map_err(err)?.as_deref() == Some(current.as_str()) {
        return Ok(());
    }
    recompute(&tx).map_err(err)?;
    tx.execute(
        "INSERT INTO settings (name, value) VALUES (?1, ?2)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        params![VERSION_SETTING, current],
    )
    .map_err(err)?;
    tx.commit().map_err(err)
}

fn stored_version(conn: &Connection) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "SELECT value FROM settings WHERE name = ?1",
        [VERSION_SETTING],
        |row| row.get(0),
    )
    .optional()
}

/// Every row gets its skeleton, in id order. Two accounts that already
/// look alike (made before this check existed) both stay: the later one
/// keeps no skeleton (`UPDATE OR IGNORE` skips the row the unique index
/// refuses), so neither is merged, lost or locked out.
fn recompute(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE users SET email_skeleton = NULL WHERE email_skeleton IS NOT NULL",
        [],
    )?;
    let mut read =
        conn.prepare("SELECT id, email, email_key FROM users WHERE id > ?1 ORDER BY id LIMIT ?2")?;
    let mut write = conn.prepare("UPDATE OR IGNORE users SET email_skeleton = ?2 WHERE id = ?1")?;
    let mut after = 0_i64;
    loop {
        let rows: Vec<(i64, String, String)> = read
            .query_map(params![after, BATCH], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let Some(&(last, _, _)) = rows.last() else {
            return Ok(());
        };
        for (id, email, key) in rows {
            write.execute(params![id, Email::from_stored(email, key).skeleton()])?;
        }
        after = last;
    }
}
