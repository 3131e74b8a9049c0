//! SQL over the `sessions` and `reset_tokens` tables.

use tokio_postgres::{Error, Row};

use super::conn::Conn;

use super::super::NewSession;
use crate::domain::{Email, SessionInfo, Timestamp, TokenDigest, UserId};

pub(super) async fn insert(client: &Conn, sessions: &[NewSession]) -> Result<(), Error> {
    for session in sessions {
        client
            .execute(
                "INSERT INTO sessions (user_id, digest, created_at, expires_at)
                 VALUES ($1, $2, $3, $4)",
                &[
                    &session.user.0,
                    &session.digest.as_bytes().as_slice(),
                    &session.created_at.unix(),
                    &session.expires_at.unix(),
                ],
            )
            .await?;
    }
    Ok(())
}

/// Returns the session's user if this statement deleted the live session:
/// a concurrent delete of the row waits for the first and then finds
/// nothing.
pub(super) async fn delete_live(
    client: &Conn,
    digest: &TokenDigest,
    now: Timestamp,
) -> Result<Option<UserId>, Error> {
    let row = client
        .query_opt(
            "DELETE FROM sessions WHERE digest = $1 AND expires_at > $2 RETURNING user_id",
            &[&digest.as_bytes().as_slice(), &now.unix()],
        )
        .await?;
    Ok(row.map(|row| UserId(row.get(0))))
}

/// Deletes all of `user`'s sessions, expired ones too; returns how many of
/// them were live.
pub(super) async fn delete_of(client: &Conn, user: UserId, now: Timestamp) -> Result<u64, Error> {
    let row = client
        .query_one(
            "WITH gone AS (DELETE FROM sessions WHERE user_id = $1 RETURNING expires_at)
             SELECT count(*) FROM gone WHERE expires_at > $2",
            &[&user.0, &now.unix()],
        )
        .await?;
    Ok(row.get::<_, i64>(0).unsigned_abs())
}

fn info(id: i64, email: String, key: String, row: &Row, first: usize) -> SessionInfo {
    let digest: Vec<u8> = row.get(first);
    let digest: [u8; 32] = digest.try_into().unwrap_or([0; 32]);
    SessionInfo {
        id,
        email: Email::from_stored(email, key),
        digest_prefix: TokenDigest::from_bytes(digest).hex_prefix(12),
        created_at: Timestamp::from_unix(row.get(first + 1)),
        expires_at: Timestamp::from_unix(row.get(first + 2)),
    }
}

pub(super) async fn list(
    client: &Conn,
    user: Option<UserId>,
    now: Timestamp,
) -> Result<Vec<SessionInfo>, Error> {
    let rows = client
        .query(
            "SELECT s.id, u.email, u.email_key, s.digest, s.created_at, s.expires_at
             FROM sessions s JOIN users u ON u.id = s.user_id
             WHERE s.expires_at > $1 AND ($2::bigint IS NULL OR s.user_id = $2)
             ORDER BY s.created_at, s.id",
            &[&now.unix(), &user.map(|u| u.0)],
        )
        .await?;
    Ok(rows
        .iter()
        .map(|row| info(row.get(0), row.get(1), row.get(2), row, 3))
        .collect())
}

pub(super) async fn last_used(
    client: &Conn,
    digest: &TokenDigest,
) -> Result<Option<Timestamp>, Error> {
    let row = client
        .query_opt(
            "SELECT coalesce(last_used_at, created_at) FROM sessions WHERE digest = $1",
            &[&digest.as_bytes().as_slice()],
        )
        .await?;
    Ok(row.map(|row| Timestamp::from_unix(row.get(0))))
}

pub(super) async fn touch(
    client: &Conn,
    digest: &TokenDigest,
    now: Timestamp,
) -> Result<(), Error> {
    client
        .execute(
            "UPDATE sessions SET last_used_at = $2
             WHERE digest = $1 AND coalesce(last_used_at, created_at) < $2",
            &[&digest.as_bytes().as_slice(), &now.unix()],
        )
        .await?;
    Ok(())
}

/// The newest `keep` stay; ties on the second are broken by id.
pub(super) async fn trim(client: &Conn, user: UserId, keep: u32) -> Result<u64, Error> {
    client
        .execute(
            "DELETE FROM sessions WHERE user_id = $1 AND id NOT IN (
                 SELECT id FROM sessions WHERE user_id = $1
                 ORDER BY created_at DESC, id DESC LIMIT $2)",
            &[&user.0, &i64::from(keep)],
        )
        .await
}

pub(super) async fn delete_live_by_id(
    client: &Conn,
    id: i64,
    now: Timestamp,
) -> Result<Option<SessionInfo>, Error> {
    let row = client
        .query_opt(
            "WITH gone AS (
                 DELETE FROM sessions WHERE id = $1 AND expires_at > $2
                 RETURNING user_id, digest, created_at, expires_at)
             SELECT u.email, u.email_key, g.digest, g.created_at, g.expires_at
             FROM gone g JOIN users u ON u.id = g.user_id",
            &[&id, &now.unix()],
        )
        .await?;
    Ok(row.map(|row| info(id, row.get(0), row.get(1), &row, 2)))
}

pub(super) async fn prune(client: &Conn, now: Timestamp) -> Result<u64, Error> {
    client
        .execute(
            "DELETE FROM sessions WHERE expires_at <= $1",
            &[&now.unix()],
        )
        .await
}

/// A new token replaces the user's earlier one: an upsert on the user, so
/// concurrent requests leave one row.
pub(super) async fn put_reset_token(
    client: &Conn,
    user: UserId,
    digest: &TokenDigest,
    expires_at: Timestamp,
) -> Result<(), Error> {
    client
        .execute(
            "INSERT INTO reset_tokens (user_id, digest, expires_at) VALUES ($1, $2, $3)
             ON CONFLICT (user_id) DO UPDATE
             SET digest = excluded.digest, expires_at = excluded.expires_at",
            &[&user.0, &digest.as_bytes().as_slice(), &expires_at.unix()],
        )
        .await?;
    Ok(())
}

/// The claim on a token: of concurrent `DELETE ... RETURNING`s of the row,
/// the later ones wait for the first, then find it gone.
pub(super) async fn take_reset_token(
    client: &Conn,
    email_key: &str,
    digest: &TokenDigest,
    now: Timestamp,
) -> Result<Option<UserId>, Error> {
    let row = client
        .query_opt(
            "DELETE FROM reset_tokens
             WHERE digest = $1 AND expires_at > $2
               AND user_id = (SELECT id FROM users WHERE email_key = $3 AND NOT disabled)
             RETURNING user_id",
            &[&digest.as_bytes().as_slice(), &now.unix(), &email_key],
        )
        .await?;
    Ok(row.map(|row| UserId(row.get(0))))
}

pub(super) async fn delete_reset_tokens_of(client: &Conn, user: UserId) -> Result<(), Error> {
    client
        .execute("DELETE FROM reset_tokens WHERE user_id = $1", &[&user.0])
        .await?;
    Ok(())
}

pub(super) async fn prune_reset_tokens(client: &Conn, now: Timestamp) -> Result<u64, Error> {
    client
        .execute(
            "DELETE FROM reset_tokens WHERE expires_at <= $1",
            &[&now.unix()],
        )
        .await
}
