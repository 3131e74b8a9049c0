//! SQL over the `sessions` table.

use rusqlite::{Connection, OptionalExtension, params};

use super::NewSession;
use crate::domain::{Email, SessionInfo, Timestamp, TokenDigest, UserId};

pub(super) fn insert(conn: &Connection, sessions: &[NewSession]) -> rusqlite::Result<()> {
    let mut insert = conn.prepare_cached(
        "INSERT INTO sessions (user_id, digest, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for session in sessions {
        insert.execute(params![
            session.user.0,
            session.digest.as_bytes(),
            session.created_at.unix(),
            session.expires_at.unix()
        ])?;
    }
    Ok(())
}

/// Returns whether this statement deleted the live session.
pub(super) fn delete_live(
    conn: &Connection,
    digest: &TokenDigest,
    now: Timestamp,
) -> rusqlite::Result<Option<UserId>> {
    conn.prepare_cached(
        "DELETE FROM sessions WHERE digest = ?1 AND expires_at > ?2 RETURNING user_id",
    )?
    .query_row(params![digest.as_bytes(), now.unix()], |row| {
        row.get(0).map(UserId)
    })
    .optional()
}

/// Deletes all of `user`'s sessions, expired ones too; returns how many of
/// them were live.
pub(super) fn delete_of(conn: &Connection, user: UserId, now: Timestamp) -> rusqlite::Result<u64> {
    let live = conn.execute(
        "DELETE FROM sessions WHERE user_id = ?1 AND expires_at > ?2",
        params![user.0, now.unix()],
    )?;
    conn.execute("DELETE FROM sessions WHERE user_id = ?1", [user.0])?;
    Ok(live as u64)
}

pub(super) fn list(
    conn: &Connection,
    user: Option<UserId>,
    now: Timestamp,
) -> rusqlite::Result<Vec<SessionInfo>> {
    let mut statement = conn.prepare_cached(
        "SELECT s.id, u.email, u.email_key, s.digest, s.created_at, s.expires_at
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.expires_at > ?1 AND (?2 IS NULL OR s.user_id = ?2)
         ORDER BY s.created_at, s.id",
    )?;
    let rows = statement.query_map(params![now.unix(), user.map(|u| u.0)], |row| {
        let digest: [u8; 32] = row.get(3)?;
        Ok(SessionInfo {
            id: row.get(0)?,
            email: Email::from_stored(row.get(1)?, row.get(2)?),
            digest_prefix: TokenDigest::from_bytes(digest).hex_prefix(12),
            created_at: Timestamp::from_unix(row.get(4)?),
            expires_at: Timestamp::from_unix(row.get(5)?),
        })
    })?;
    rows.collect()
}

pub(super) fn last_used(
    conn: &Connection,
    digest: &TokenDigest,
) -> rusqlite::Result<Option<Timestamp>> {
    conn.prepare_cached(
        "SELECT coalesce(last_used_at, created_at) FROM sessions WHERE digest = ?1",
    )?
    .query_row([digest.as_bytes()], |row| {
        Ok(Timestamp::from_unix(row.get(0)?))
    })
    .optional()
}

pub(super) fn touch(
    conn: &Connection,
    digest: &TokenDigest,
    now: Timestamp,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE sessions SET last_used_at = ?2
         WHERE digest = ?1 AND coalesce(last_used_at, created_at) < ?2",
    )?
    .execute(params![digest.as_bytes(), now.unix()])?;
    Ok(())
}

/// The newest `keep` stay; ties on the second are broken by id, the order
/// of insertion.
pub(super) fn trim(conn: &Connection, user: UserId, keep: u32) -> rusqlite::Result<u64> {
    let deleted = conn.execute(
        "DELETE FROM sessions WHERE user_id = ?1 AND id NOT IN (
             SELECT id FROM sessions WHERE user_id = ?1
             ORDER BY created_at DESC, id DESC LIMIT ?2)",
        params![user.0, keep],
    )?;
    Ok(deleted as u64)
}

pub(super) fn delete_live_by_id(
    conn: &Connection,
    id: i64,
    now: Timestamp,
) -> rusqlite::Result<Option<SessionInfo>> {
    let deleted: Option<(i64, [u8; 32], i64, i64)> = conn
        .prepare_cached(
            "DELETE FROM sessions WHERE id = ?1 AND expires_at > ?2
             RETURNING user_id, digest, created_at, expires_at",
        )?
        .query_row(params![id, now.unix()], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
        })
        .optional()?;
    let Some((user, digest, created_at, expires_at)) = deleted else {
        return Ok(None);
    };
    let (email, key): (String, String) = conn
        .prepare_cached("SELECT email, email_key FROM users WHERE id = ?1")?
        .query_row([user], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(Some(SessionInfo {
        id,
        email: Email::from_stored(email, key),
        digest_prefix: TokenDigest::from_bytes(digest).hex_prefix(12),
        created_at: Timestamp::from_unix(created_at),
        expires_at: Timestamp::from_unix(expires_at),
    }))
}

pub(super) fn prune(conn: &Connection, now: Timestamp) -> rusqlite::Result<u64> {
    Ok(conn.execute("DELETE FROM sessions WHERE expires_at <= ?1", [now.unix()])? as u64)
}
