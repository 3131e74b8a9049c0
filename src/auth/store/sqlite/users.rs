//! SQL over the `users` table.

use rusqlite::{Connection, OptionalExtension, Row, ToSql, params};

use super::{Activity, LoginRecord, NewUser, UserLookup, UserRecord, UserUpdate};
use crate::domain::{Email, PasswordHash, Timestamp, User, UserId, UserSummary};

const USER_COLUMNS: &str =
    "u.id, u.email, u.email_key, u.hashed_password, u.disabled, u.created_at, u.updated_at";

/// Why an insert did not happen.
pub(super) enum Taken {
    Key,
    Skeleton,
}

/// The new user's id, or which unique index refused it. The conflict
/// clause, not a caught unique violation, keeps the transaction usable.
pub(super) fn insert(conn: &Connection, user: &NewUser) -> rusqlite::Result<Result<i64, Taken>> {
    let inserted = conn
        .prepare_cached(
            "INSERT INTO users
                (email, email_key, email_skeleton, hashed_password, created_at, updated_at,
                 disabled)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)
             ON CONFLICT DO NOTHING
             RETURNING id",
        )?
        .query_row(
            params![
                user.email.as_str(),
                user.email.key(),
                user.email.skeleton(),
                user.hash.expose(),
                user.created_at.unix(),
                user.disabled
            ],
            |row| row.get(0),
        )
        .optional()?;
    if let Some(id) = inserted {
        return Ok(Ok(id));
    }
    // Refused by one of the two unique indexes: the key's says which.
    let key_taken = conn
        .prepare_cached("SELECT 1 FROM users WHERE email_key = ?1")?
        .exists([user.email.key()])?;
    Ok(Err(if key_taken {
        Taken::Key
    } else {
        Taken::Skeleton
    }))
}

pub(super) fn find(
    conn: &Connection,
    lookup: UserLookup<'_>,
) -> rusqlite::Result<Option<UserRecord>> {
    let query = |sql: &str, params: &[&dyn ToSql]| {
        conn.prepare_cached(&format!("SELECT {USER_COLUMNS} {sql}"))?
            .query_row(params, from_row)
            .optional()
    };
    match lookup {
        UserLookup::Id(id) => query("FROM users u WHERE u.id = ?1", &[&id.0]),
        UserLookup::Email(email) => query("FROM users u WHERE u.email_key = ?1", &[&email.key()]),
        UserLookup::Session {
            digest,
            now,
            idle_cutoff,
        } => query(
            // A session never marked used was last used when it opened.
            "FROM sessions s JOIN users u ON u.id = s.user_id
             WHERE s.digest = ?1 AND s.expires_at > ?2
               AND (?3 IS NULL OR coalesce(s.last_used_at, s.created_at) > ?3)",
            &[
                digest.as_bytes(),
                &now.unix(),
                &idle_cutoff.map(Timestamp::unix),
            ],
        ),
        UserLookup::ResetToken { digest, now } => query(
            "FROM reset_tokens r JOIN users u ON u.id = r.user_id
             WHERE r.digest = ?1 AND r.expires_at > ?2",
            &[digest.as_bytes(), &now.unix()],
        ),
    }
}

/// Returns whether the user exists (and so was updated).
pub(super) fn update(
    conn: &Connection,
    id: UserId,
    update: &UserUpdate,
    now: Timestamp,
) -> rusqlite::Result<bool> {
    let changed = conn.execute(
        "UPDATE users SET
            hashed_password = coalesce(?2, hashed_password),
            password_changed_at = CASE WHEN ?2 IS NULL THEN password_changed_at ELSE ?4 END,
            disabled = coalesce(?3, disabled),
            updated_at = ?4
         WHERE id = ?1",
        params![
            id.0,
            update.hash.as_ref().map(PasswordHash::expose),
            update.disabled,
            now.unix()
        ],
    )?;
    Ok(changed > 0)
}

/// The conditional write behind a login: touches (and so locks) the user
/// row only if it is enabled and still holds the verified hash, replacing
/// the hash when a rehash came with the login. Returns whether it matched.
pub(super) fn claim_for_login(
    conn: &Connection,
    login: &LoginRecord<'_>,
    now: Timestamp,
) -> rusqlite::Result<bool> {
    let changed = conn
        .prepare_cached(
            "UPDATE users SET
                hashed_password = coalesce(?3, hashed_password),
                updated_at = CASE WHEN ?3 IS NULL THEN updated_at ELSE ?4 END,
                last_login_at = ?4
             WHERE id = ?1 AND disabled = 0 AND (?2 IS NULL OR hashed_password = ?2)",
        )?
        .execute(params![
            login.user.0,
            login.verified.map(PasswordHash::expose),
            login.rehash.map(PasswordHash::expose),
            now.unix()
        ])?;
    Ok(changed > 0)
}

pub(super) fn list(conn: &Connection, now: Timestamp) -> rusqlite::Result<Vec<UserSummary>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {USER_COLUMNS},
            (SELECT count(*) FROM sessions s WHERE s.user_id = u.id AND s.expires_at > ?1)
         FROM users u ORDER BY u.id"
    ))?;
    let rows = statement.query_map([now.unix()], |row| {
        Ok(UserSummary {
            user: from_row(row)?.user,
            live_sessions: row.get::<_, i64>(7)?.unsigned_abs(),
        })
    })?;
    rows.collect()
}

pub(super) fn export(conn: &Connection) -> rusqlite::Result<Vec<UserRecord>> {
    let mut statement =
        conn.prepare_cached(&format!("SELECT {USER_COLUMNS} FROM users u ORDER BY u.id"))?;
    let rows = statement.query_map([], from_row)?;
    rows.collect()
}

/// Returns whether a user was deleted; foreign keys cascade to its
/// sessions and reset token.
pub(super) fn delete(conn: &Connection, id: UserId) -> rusqlite::Result<bool> {
    Ok(conn.execute("DELETE FROM users WHERE id = ?1", [id.0])? > 0)
}

/// Stored values are taken as stored, not parsed again: a row that today's
/// rules would refuse must not make a listing fail for every account.
fn from_row(row: &Row<'_>) -> rusqlite::Result<UserRecord> {
    Ok(UserRecord {
        user: User {
            id: UserId(row.get(0)?),
            email: Email::from_stored(row.get(1)?, row.get(2)?),
            created_at: Timestamp::from_unix(row.get(5)?),
            updated_at: Timestamp::from_unix(row.get(6)?),
            disabled: row.get(4)?,
        },
        hash: PasswordHash::from_stored(row.get(3)?),
    })
}

/// When `user` last logged in and last had its password changed; `None`
/// for what has not happened since these were recorded.
pub(super) fn activity(conn: &Connection, user: UserId) -> rusqlite::Result<Option<Activity>> {
    conn.prepare_cached("SELECT last_login_at, password_changed_at FROM users WHERE id = ?1")?
        .query_row([user.0], |row| {
            let at = |value: Option<i64>| value.map(Timestamp::from_unix);
            Ok(Activity {
                last_login: at(row.get(0)?),
                password_changed: at(row.get(1)?),
            })
        })
        .optional()
}

/// Which of a new user's unique keys another user holds, if any.
pub(super) fn taken(conn: &Connection, email: &Email) -> rusqlite::Result<Option<Taken>> {
    let key_taken = conn
        .prepare_cached("SELECT 1 FROM users WHERE email_key = ?1")?
        .exists([email.key()])?;
    if key_taken {
        return Ok(Some(Taken::Key));
    }
    let look_alike = conn
        .prepare_cached("SELECT 1 FROM users WHERE email_skeleton = ?1")?
        .exists([email.skeleton()])?;
    Ok(look_alike.then_some(Taken::Skeleton))
}
