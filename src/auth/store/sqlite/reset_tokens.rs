//! SQL over the `reset_tokens` table: at most one row per user.

use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::{Timestamp, TokenDigest, UserId};

pub(super) fn put(
    conn: &Connection,
    user: UserId,
    digest: &TokenDigest,
    expires_at: Timestamp,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO reset_tokens (user_id, digest, expires_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (user_id) DO UPDATE
         SET digest = excluded.digest, expires_at = excluded.expires_at",
        params![user.0, digest.as_bytes(), expires_at.unix()],
    )?;
    Ok(())
}

/// The claim on a token: the `DELETE ... RETURNING` hands the row to one
/// statement only, so of concurrent uses one gets the user id back.
pub(super) fn take(
    conn: &Connection,
    email_key: &str,
    digest: &TokenDigest,
    now: Timestamp,
) -> rusqlite::Result<Option<UserId>> {
    conn.query_row(
        "DELETE FROM reset_tokens
         WHERE digest = ?1 AND expires_at > ?2
           AND user_id = (SELECT id FROM users WHERE email_key = ?3 AND disabled = 0)
         RETURNING user_id",
        params![digest.as_bytes(), now.unix(), email_key],
        |row| Ok(UserId(row.get(0)?)),
    )
    .optional()
}

pub(super) fn delete_of(conn: &Connection, user: UserId) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM reset_tokens WHERE user_id = ?1", [user.0])?;
    Ok(())
}

pub(super) fn prune(conn: &Connection, now: Timestamp) -> rusqlite::Result<u64> {
    Ok(conn.execute(
        "DELETE FROM reset_tokens WHERE expires_at <= ?1",
        [now.unix()],
    )? as u64)
}
