//! SQL over the `devices` table: known-device cookies, by digest.

use rusqlite::{Connection, OptionalExtension, params};

use super::super::NewDevice;
use crate::domain::{Timestamp, TokenDigest, UserId};

/// Whether the device would be honoured for `email_key`: a read, so that a
/// flood of attempts with a bogus cookie never queues on the write lock.
pub(super) fn honoured(
    conn: &Connection,
    digest: &TokenDigest,
    email_key: &str,
    now: Timestamp,
    max_failures: u32,
) -> rusqlite::Result<bool> {
    conn.prepare_cached(
        "SELECT 1 FROM devices
         WHERE digest = ?1 AND expires_at > ?2 AND failures < ?3
           AND user_id = (SELECT id FROM users WHERE email_key = ?4 AND disabled = 0)",
    )?
    .query_row(
        params![digest.as_bytes(), now.unix(), max_failures, email_key],
        |_| Ok(()),
    )
    .optional()
    .map(|found| found.is_some())
}

/// The claim on a device: counts the attempt as a failure in the same
/// statement that checks the device may still be used, so of concurrent
/// attempts no more than `max_failures` get through.
pub(super) fn claim(
    conn: &Connection,
    digest: &TokenDigest,
    email_key: &str,
    now: Timestamp,
    max_failures: u32,
) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached(
        "UPDATE devices SET failures = failures + 1
         WHERE digest = ?1 AND expires_at > ?2 AND failures < ?3
           AND user_id = (SELECT id FROM users WHERE email_key = ?4 AND disabled = 0)
         RETURNING id",
    )?
    .query_row(
        params![digest.as_bytes(), now.unix(), max_failures, email_key],
        |row| row.get(0),
    )
    .optional()
}

pub(super) fn clear_failures(conn: &Connection, id: i64) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE devices SET failures = 0 WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

/// Records a device and forgets the user's oldest beyond the newest `keep`,
/// so clients that never keep the cookie cannot grow the table.
pub(super) fn insert(conn: &Connection, device: &NewDevice, keep: u32) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO devices (user_id, digest, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        device.user.0,
        device.digest.as_bytes(),
        device.created_at.unix(),
        device.expires_at.unix()
    ])?;
    conn.prepare_cached(
        "DELETE FROM devices WHERE user_id = ?1 AND id NOT IN
           (SELECT id FROM devices WHERE user_id = ?1 ORDER BY id DESC LIMIT ?2)",
    )?
    .execute(params![device.user.0, keep])?;
    Ok(())
}

pub(super) fn delete_of(conn: &Connection, user: UserId) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM devices WHERE user_id = ?1", [user.0])?;
    Ok(())
}

pub(super) fn prune(conn: &Connection, now: Timestamp) -> rusqlite::Result<u64> {
    Ok(conn.execute("DELETE FROM devices WHERE expires_at <= ?1", [now.unix()])? as u64)
}
