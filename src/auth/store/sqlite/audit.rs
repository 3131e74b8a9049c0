//! The audit table (SPEC section 8).

use rusqlite::types::Value;
use rusqlite::{Connection, Row, params, params_from_iter};

use super::super::{EventFilter, NewEvent, StoredEvent};

const COLUMNS: &str = "id, seq, at_ms, event, outcome, reason, source, actor, client_ip,
     user_agent, user_id, email, details, count";

/// The event a claim writes before the password check; settled later.
const ATTEMPT: &str = "login.attempt";

fn outcome(success: bool) -> &'static str {
    if success { "success" } else { "failure" }
}

/// The next point in commit order. The counter row stays locked by this
/// transaction until it ends, so no later transaction can take a higher
/// number and commit first.
fn next_seq(conn: &Connection) -> rusqlite::Result<i64> {
    conn.prepare_cached("UPDATE audit_seq SET seq = seq + 1 RETURNING seq")?
        .query_row([], |row| row.get(0))
}

pub(super) fn insert(conn: &Connection, event: &NewEvent) -> rusqlite::Result<i64> {
    let seq = next_seq(conn)?;
    conn.prepare_cached(
        "INSERT INTO audit (at_ms, event, outcome, reason, source, actor, client_ip,
             user_agent, user_id, email, email_key, details, count, aggregate, seq)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(event_params(event, None, 1, seq))?;
    Ok(conn.last_insert_rowid())
}

/// The insert's fifteen parameters, in column order.
fn event_params<'a>(
    event: &'a NewEvent,
    aggregate: Option<&'a str>,
    count: u64,
    seq: i64,
) -> impl rusqlite::Params + 'a {
    (
        event.at_ms,
        event.event,
        outcome(event.success),
        event.reason,
        event.source,
        event.actor.as_deref(),
        event.client_ip.as_deref(),
        event.user_agent.as_deref(),
        event.user_id.map(|id| id.0),
        event.email.as_ref().map(|email| email.as_str()),
        event.email.as_ref().map(|email| email.key()),
        event.details.as_deref(),
        i64::try_from(count).unwrap_or(i64::MAX),
        aggregate,
        seq,
    )
}

/// Rewrites attempt `id` as `settled`: its event, outcome, reason, time
/// and details, and its account when `settled` names one.
pub(super) fn settle(conn: &Connection, id: i64, settled: &NewEvent) -> rusqlite::Result<bool> {
    let seq = next_seq(conn)?;
    let changed = conn
        .prepare_cached(
            "UPDATE audit SET event = ?2, outcome = ?3, reason = ?4, at_ms = ?5, seq = ?6,
                 details = ?7, user_id = coalesce(?8, user_id), email = coalesce(?9, email),
                 email_key = coalesce(?10, email_key)
             WHERE id = ?1 AND event = ?11",
        )?
        .execute(params![
            id,
            settled.event,
            outcome(settled.success),
            settled.reason,
            settled.at_ms,
            seq,
            settled.details,
            settled.user_id.map(|id| id.0),
            settled.email.as_ref().map(|email| email.as_str()),
            settled.email.as_ref().map(|email| email.key()),
            ATTEMPT,
        ])?;
    Ok(changed > 0)
}

/// The row under `aggregate` gains `count`, its latest time, and the end of
/// the commit order; a first refusal inserts it. One upsert, so that on a
/// backend with concurrent writers two first refusals cannot both insert.
/// A caller field that differs from the row's becomes NULL: the row then
/// stands for several clients and names none.
pub(super) fn add_to(
    conn: &Connection,
    aggregate: &str,
    event: &NewEvent,
    count: u64,
) -> rusqlite::Result<()> {
    let seq = next_seq(conn)?;
    conn.prepare_cached(
        "INSERT INTO audit (at_ms, event, outcome, reason, source, actor, client_ip,
             user_agent, user_id, email, email_key, details, count, aggregate, seq)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
         ON CONFLICT (aggregate) DO UPDATE SET
             count = count + excluded.count,
             at_ms = max(at_ms, excluded.at_ms),
             seq = excluded.seq,
             actor = CASE WHEN actor IS excluded.actor THEN actor END,
             client_ip = CASE WHEN client_ip IS excluded.client_ip THEN client_ip END,
             user_agent = CASE WHEN user_agent IS excluded.user_agent THEN user_agent END",
    )?
    .execute(event_params(event, Some(aggregate), count, seq))?;
    Ok(())
}

pub(super) fn prune(conn: &Connection, before_ms: i64, limit: u32) -> rusqlite::Result<u64> {
    let deleted = conn
        .prepare_cached(
            "DELETE FROM audit WHERE id IN
                 (SELECT id FROM audit WHERE at_ms < ?1 ORDER BY at_ms LIMIT ?2)",
        )?
        .execute(params![before_ms, limit])?;
    Ok(deleted as u64)
}

pub(super) fn count_before(conn: &Connection, before_ms: i64) -> rusqlite::Result<u64> {
    conn.prepare_cached("SELECT count(*) FROM audit WHERE at_ms < ?1")?
        .query_row(params![before_ms], |row| row.get::<_, i64>(0))
        .map(|count| u64::try_from(count).unwrap_or_default())
}

pub(super) fn last_seq(conn: &Connection) -> rusqlite::Result<i64> {
    conn.prepare_cached("SELECT seq FROM audit_seq")?
        .query_row([], |row| row.get(0))
}

pub(super) fn select(
    conn: &Connection,
    filter: &EventFilter,
) -> rusqlite::Result<Vec<StoredEvent>> {
    let mut conditions = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    let mut narrow = |condition: &str, value: Value| {
        values.push(value);
        conditions.push(condition.replace('?', &format!("?{}", values.len())));
    };
    if let Some(since) = filter.since_ms {
        narrow("at_ms >= ?", since.into());
    }
    if let Some(until) = filter.until_ms {
        narrow("at_ms < ?", until.into());
    }
    if let Some(key) = &filter.email_key {
        narrow("email_key = ?", key.clone().into());
    }
    if let Some(success) = filter.success {
        narrow("outcome = ?", outcome(success).to_owned().into());
    }
    if let Some(ip) = &filter.client_ip {
        narrow("client_ip = ?", ip.clone().into());
    }
    if let Some(source) = filter.source {
        narrow("source = ?", source.to_owned().into());
    }
    if let Some(after) = filter.after_seq {
        narrow("seq > ?", after.into());
    }
    for (names, test) in [(&filter.events, "IN"), (&filter.skip_events, "NOT IN")] {
        if names.is_empty() {
            continue;
        }
        let mut marks = Vec::new();
        for name in names {
            values.push(name.clone().into());
            marks.push(format!("?{}", values.len()));
        }
        conditions.push(format!("event {test} ({})", marks.join(", ")));
    }
    let clause = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    let order = filter.order_by();
    values.push(i64::from(filter.limit).into());
    let sql = format!(
        "SELECT {COLUMNS} FROM audit {clause} ORDER BY {order} LIMIT ?{}",
        values.len()
    );
    let mut statement = conn.prepare(&sql)?;
    let rows = statement.query_map(params_from_iter(values), stored)?;
    rows.collect()
}

fn stored(row: &Row<'_>) -> rusqlite::Result<StoredEvent> {
    let outcome: String = row.get(4)?;
    let count: i64 = row.get(13)?;
    Ok(StoredEvent {
        id: row.get(0)?,
        seq: row.get(1)?,
        at_ms: row.get(2)?,
        event: row.get(3)?,
        success: outcome == "success",
        reason: row.get(5)?,
        source: row.get(6)?,
        actor: row.get(7)?,
        client_ip: row.get(8)?,
        user_agent: row.get(9)?,
        user_id: row.get(10)?,
        email: row.get(11)?,
        details: row.get(12)?,
        count: u64::try_from(count).unwrap_or_default(),
    })
}
