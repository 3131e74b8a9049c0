//! SQL over the `throttle` and `devices` tables: counters changed only by
//! a swap that names the version it read, and device claims counted in
//! the statement that checks them.

use tokio_postgres::{Error, Row};

use super::conn::Conn;

use super::super::{Counter, NewDevice, Scope, StoredCounter};
use crate::domain::{Timestamp, TokenDigest, UserId};

/// A count as stored (never negative: the table checks it).
fn count(row: &Row, index: usize) -> u32 {
    u32::try_from(row.get::<_, i64>(index)).unwrap_or(u32::MAX)
}

fn counter_of(row: &Row, first: usize) -> Counter {
    Counter {
        failures: count(row, first),
        previous: count(row, first + 1),
        window_start_ms: row.get(first + 2),
        last_ms: row.get(first + 3),
        blocked_until_ms: row.get(first + 4),
        expires_ms: row.get(first + 5),
    }
}

pub(super) async fn get(
    client: &Conn,
    scope: Scope,
    key: &str,
) -> Result<Option<StoredCounter>, Error> {
    let row = client
        .query_opt(
            "SELECT version, failures, previous, window_start_ms, last_ms, blocked_until_ms,
                    expires_ms
             FROM throttle WHERE scope = $1 AND key = $2",
            &[&scope.as_str(), &key],
        )
        .await?;
    Ok(row.map(|row| StoredCounter {
        version: row.get(0),
        counter: counter_of(&row, 1),
    }))
}

/// Counters still meaning something at `now_ms`, by scope and key; a row
/// with a scope this build does not know is skipped.
pub(super) async fn list(
    client: &Conn,
    now_ms: i64,
) -> Result<Vec<(Scope, String, Counter)>, Error> {
    let rows = client
        .query(
            "SELECT scope, key, failures, previous, window_start_ms, last_ms, blocked_until_ms,
                    expires_ms
             FROM throttle WHERE expires_ms > $1 ORDER BY scope, key",
            &[&now_ms],
        )
        .await?;
    Ok(rows
        .iter()
        .filter_map(|row| {
            let scope = Scope::from_stored(row.get(0))?;
            Some((scope, row.get(1), counter_of(row, 2)))
        })
        .collect())
}

/// Writes `next` if the row is still at `expected` (absent when `None`);
/// returns whether it did. A racing update of the same version waits for
/// the first, then finds the version changed and matches nothing.
pub(super) async fn swap(
    client: &Conn,
    scope: Scope,
    key: &str,
    expected: Option<i64>,
    next: &Counter,
) -> Result<bool, Error> {
    let (failures, previous) = (i64::from(next.failures), i64::from(next.previous));
    let changed = match expected {
        None => {
            client
                .execute(
                    "INSERT INTO throttle (scope, key, version, failures, previous,
                         window_start_ms, last_ms, blocked_until_ms, expires_ms)
                     VALUES ($1, $2, 1, $3, $4, $5, $6, $7, $8)
                     ON CONFLICT (scope, key) DO NOTHING",
                    &[
                        &scope.as_str(),
                        &key,
                        &failures,
                        &previous,
                        &next.window_start_ms,
                        &next.last_ms,
                        &next.blocked_until_ms,
                        &next.expires_ms,
                    ],
                )
                .await?
        }
        Some(version) => {
            client
                .execute(
                    "UPDATE throttle
                     SET version = version + 1, failures = $4, previous = $5,
                         window_start_ms = $6, last_ms = $7, blocked_until_ms = $8,
                         expires_ms = $9
                     WHERE scope = $1 AND key = $2 AND version = $3",
                    &[
                        &scope.as_str(),
                        &key,
                        &version,
                        &failures,
                        &previous,
                        &next.window_start_ms,
                        &next.last_ms,
                        &next.blocked_until_ms,
                        &next.expires_ms,
                    ],
                )
                .await?
        }
    };
    Ok(changed == 1)
}

pub(super) async fn delete(client: &Conn, scope: Scope, key: &str) -> Result<bool, Error> {
    Ok(client
        .execute(
            "DELETE FROM throttle WHERE scope = $1 AND key = $2",
            &[&scope.as_str(), &key],
        )
        .await?
        == 1)
}

pub(super) async fn delete_all(client: &Conn, scope: Option<Scope>) -> Result<u64, Error> {
    client
        .execute(
            "DELETE FROM throttle WHERE $1::text IS NULL OR scope = $1",
            &[&scope.map(Scope::as_str)],
        )
        .await
}

pub(super) async fn prune(client: &Conn, now_ms: i64) -> Result<u64, Error> {
    client
        .execute("DELETE FROM throttle WHERE expires_ms <= $1", &[&now_ms])
        .await
}

/// Whether the device would be honoured for `email_key`: a read, so a
/// flood of attempts with a bogus cookie takes no row lock.
pub(super) async fn device_honoured(
    client: &Conn,
    digest: &TokenDigest,
    email_key: &str,
    now: Timestamp,
    max_failures: u32,
) -> Result<bool, Error> {
    Ok(client
        .query_opt(
            "SELECT 1 FROM devices
             WHERE digest = $1 AND expires_at > $2 AND failures < $3
               AND user_id = (SELECT id FROM users WHERE email_key = $4 AND NOT disabled)",
            &[
                &digest.as_bytes().as_slice(),
                &now.unix(),
                &i64::from(max_failures),
                &email_key,
            ],
        )
        .await?
        .is_some())
}

/// Counts the attempt in the statement that checks the device may still
/// be used: racing claims queue on the row, and each checks the count the
/// one before it left.
pub(super) async fn claim_device(
    client: &Conn,
    digest: &TokenDigest,
    email_key: &str,
    now: Timestamp,
    max_failures: u32,
) -> Result<Option<i64>, Error> {
    let row = client
        .query_opt(
            "UPDATE devices SET failures = failures + 1
             WHERE digest = $1 AND expires_at > $2 AND failures < $3
               AND user_id = (SELECT id FROM users WHERE email_key = $4 AND NOT disabled)
             RETURNING id",
            &[
                &digest.as_bytes().as_slice(),
                &now.unix(),
                &i64::from(max_failures),
                &email_key,
            ],
        )
        .await?;
    Ok(row.map(|row| row.get(0)))
}

pub(super) async fn clear_device_failures(client: &Conn, id: i64) -> Result<(), Error> {
    client
        .execute("UPDATE devices SET failures = 0 WHERE id = $1", &[&id])
        .await?;
    Ok(())
}

/// Records a device and forgets the user's oldest beyond the newest `keep`.
pub(super) async fn add_device(client: &Conn, device: &NewDevice, keep: u32) -> Result<(), Error> {
    client
        .execute(
            "INSERT INTO devices (user_id, digest, created_at, expires_at)
             VALUES ($1, $2, $3, $4)",
            &[
                &device.user.0,
                &device.digest.as_bytes().as_slice(),
                &device.created_at.unix(),
                &device.expires_at.unix(),
            ],
        )
        .await?;
    client
        .execute(
            "DELETE FROM devices WHERE user_id = $1 AND id NOT IN
               (SELECT id FROM devices WHERE user_id = $1 ORDER BY id DESC LIMIT $2)",
            &[&device.user.0, &i64::from(keep)],
        )
        .await?;
    Ok(())
}

pub(super) async fn delete_devices_of(client: &Conn, user: UserId) -> Result<(), Error> {
    client
        .execute("DELETE FROM devices WHERE user_id = $1", &[&user.0])
        .await?;
    Ok(())
}

pub(super) async fn prune_devices(client: &Conn, now: Timestamp) -> Result<u64, Error> {
    client
        .execute("DELETE FROM devices WHERE expires_at <= $1", &[&now.unix()])
        .await
}
