//! SQL over the `users` table.

use tokio_postgres::types::ToSql;
use tokio_postgres::{Error, Row};

use super::conn::Conn;

use super::super::{Activity, LoginRecord, NewUser, UserLookup, UserRecord, UserUpdate};
use crate::domain::{Email, PasswordHash, Timestamp, User, UserId, UserSummary};

const USER_COLUMNS: &str =
    "u.id, u.email, u.email_key, u.hashed_password, u.disabled, u.created_at, u.updated_at";

/// Why an insert did not happen.
pub(super) enum Taken {
    Key,
    Skeleton,
}

/// The new user's id, or which unique index refused it. `ON CONFLICT DO
/// NOTHING` waits for a concurrent insert of the same key to end and then
/// does nothing, without an error that would end the transaction.
pub(super) async fn insert(client: &Conn, user: &NewUser) -> Result<Result<i64, Taken>, Error> {
    let inserted = client
        .query_opt(
            "INSERT INTO users
                (email, email_key, email_skeleton, hashed_password, created_at, updated_at,
                 disabled)
             VALUES ($1, $2, $3, $4, $5, $5, $6)
             ON CONFLICT DO NOTHING
             RETURNING id",
            &[
                &user.email.as_str(),
                &user.email.key(),
                &user.email.skeleton(),
                &user.hash.expose(),
                &user.created_at.unix(),
                &user.disabled,
            ],
        )
        .await?;
    if let Some(row) = inserted {
        return Ok(Ok(row.get(0)));
    }
    Ok(Err(taken(client, &user.email)
        .await?
        .unwrap_or(Taken::Skeleton)))
}

pub(super) async fn find(
    client: &Conn,
    lookup: UserLookup<'_>,
) -> Result<Option<UserRecord>, Error> {
    let (id_value, email_key, bytes, now, cutoff);
    let (sql, params): (&str, Vec<&(dyn ToSql + Sync)>) = match lookup {
        UserLookup::Id(id) => {
            id_value = id.0;
            ("FROM users u WHERE u.id = $1", vec![&id_value])
        }
        UserLookup::Email(email) => {
            email_key = email.key();
            ("FROM users u WHERE u.email_key = $1", vec![&email_key])
        }
        UserLookup::Session {
            digest,
            now: at,
            idle_cutoff,
        } => {
            (bytes, now, cutoff) = (
                digest.as_bytes().as_slice(),
                at.unix(),
                idle_cutoff.map(Timestamp::unix),
            );
            (
                // A session never marked used was last used when it opened.
                "FROM sessions s JOIN users u ON u.id = s.user_id
                 WHERE s.digest = $1 AND s.expires_at > $2
                   AND ($3::bigint IS NULL OR coalesce(s.last_used_at, s.created_at) > $3)",
                vec![&bytes, &now, &cutoff],
            )
        }
        UserLookup::ResetToken { digest, now: at } => {
            (bytes, now) = (digest.as_bytes().as_slice(), at.unix());
            (
                "FROM reset_tokens r JOIN users u ON u.id = r.user_id
                 WHERE r.digest = $1 AND r.expires_at > $2",
                vec![&bytes, &now],
            )
        }
    };
    let row = client
        .query_opt(&format!("SELECT {USER_COLUMNS} {sql}"), &params)
        .await?;
    Ok(row.as_ref().map(from_row))
}

/// Returns whether the user exists (and so was updated); the update locks
/// its row to commit.
pub(super) async fn update(
    client: &Conn,
    id: UserId,
    update: &UserUpdate,
    now: Timestamp,
) -> Result<bool, Error> {
    let changed = client
        .execute(
            "UPDATE users SET
                hashed_password = coalesce($2, hashed_password),
                password_changed_at = CASE WHEN $2::text IS NULL
                                      THEN password_changed_at ELSE $4 END,
                disabled = coalesce($3, disabled),
                updated_at = $4
             WHERE id = $1",
            &[
                &id.0,
                &update.hash.as_ref().map(PasswordHash::expose),
                &update.disabled,
                &now.unix(),
            ],
        )
        .await?;
    Ok(changed > 0)
}

/// The conditional write behind a login. Under READ COMMITTED an `UPDATE`
/// that meets a row changed by a transaction committed meanwhile checks
/// its `WHERE` again on the new row, so a password change or disable that
/// won the race makes this match nothing; one that comes later waits for
/// this row lock.
pub(super) async fn claim_for_login(
    client: &Conn,
    login: &LoginRecord<'_>,
    now: Timestamp,
) -> Result<bool, Error> {
    let changed = client
        .execute(
            "UPDATE users SET
                hashed_password = coalesce($3, hashed_password),
                updated_at = CASE WHEN $3::text IS NULL THEN updated_at ELSE $4 END,
                last_login_at = $4
             WHERE id = $1 AND NOT disabled AND ($2::text IS NULL OR hashed_password = $2)",
            &[
                &login.user.0,
                &login.verified.map(PasswordHash::expose),
                &login.rehash.map(PasswordHash::expose),
                &now.unix(),
            ],
        )
        .await?;
    Ok(changed > 0)
}

pub(super) async fn list(client: &Conn, now: Timestamp) -> Result<Vec<UserSummary>, Error> {
    let rows = client
        .query(
            &format!(
                "SELECT {USER_COLUMNS},
                    (SELECT count(*) FROM sessions s
                     WHERE s.user_id = u.id AND s.expires_at > $1)
                 FROM users u ORDER BY u.id"
            ),
            &[&now.unix()],
        )
        .await?;
    Ok(rows
        .iter()
        .map(|row| UserSummary {
            user: from_row(row).user,
            live_sessions: row.get::<_, i64>(7).unsigned_abs(),
        })
        .collect())
}

pub(super) async fn export(client: &Conn) -> Result<Vec<UserRecord>, Error> {
    let rows = client
        .query(
            &format!("SELECT {USER_COLUMNS} FROM users u ORDER BY u.id"),
            &[],
        )
        .await?;
    Ok(rows.iter().map(from_row).collect())
}

/// Returns whether a user was deleted; foreign keys cascade to its
/// sessions, reset token and devices.
pub(super) async fn delete(client: &Conn, id: UserId) -> Result<bool, Error> {
    Ok(client
        .execute("DELETE FROM users WHERE id = $1", &[&id.0])
        .await?
        > 0)
}

/// Stored values are taken as stored, not parsed again (see SQLite's).
fn from_row(row: &Row) -> UserRecord {
    UserRecord {
        user: User {
            id: UserId(row.get(0)),
            email: Email::from_stored(row.get(1), row.get(2)),
            created_at: Timestamp::from_unix(row.get(5)),
            updated_at: Timestamp::from_unix(row.get(6)),
            disabled: row.get(4),
        },
        hash: PasswordHash::from_stored(row.get(3)),
    }
}

pub(super) async fn activity(client: &Conn, user: UserId) -> Result<Option<Activity>, Error> {
    let row = client
        .query_opt(
            "SELECT last_login_at, password_changed_at FROM users WHERE id = $1",
            &[&user.0],
        )
        .await?;
    Ok(row.map(|row| {
        let at = |value: Option<i64>| value.map(Timestamp::from_unix);
        Activity {
            last_login: at(row.get(0)),
            password_changed: at(row.get(1)),
        }
    }))
}

/// Which of a new user's unique keys another user holds, if any.
pub(super) async fn taken(client: &Conn, email: &Email) -> Result<Option<Taken>, Error> {
    let row = client
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM users WHERE email_key = $1),
                    EXISTS (SELECT 1 FROM users WHERE email_skeleton = $2)",
            &[&email.key(), &email.skeleton()],
        )
        .await?;
    Ok(if row.get::<_, bool>(0) {
        Some(Taken::Key)
    } else if row.get::<_, bool>(1) {
        Some(Taken::Skeleton)
    } else {
        None
    })
}
