//! The audit table (SPEC section 8).

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params, params_from_iter};

use super::super::{EventFilter, NewEvent, StoredEvent};

/// The next point in commit order. Under SQLite's single writer no two
/// transactions read the same maximum.
const NEXT_SEQ: &str = "(SELECT coalesce(max(seq), 0) + 1 FROM audit)";

const COLUMNS: &str = "id, seq, at_ms, event, outcome, reason, source, actor, client_ip,
     user_agent, user_id, email, details, count";

fn outcome(success: bool) -> &'static str {
    if success { "success" } else { "failure" }
}

pub(super) fn insert(conn: &Connection, event: &NewEvent) -> rusqlite::Result<i64> {
    insert_with(conn, event, None, 1)
}

fn insert_with(
    conn: &Connection,
    event: &NewEvent,
    aggregate: Option<&str>,
    count: u64,
) -> rusqlite::Result<i64> {
    let sql = format!(
        "INSERT INTO audit (seq, at_ms, event, outcome, reason, source, actor, client_ip,
             user_agent, user_id, email, email_key, details, count, aggregate)
         VALUES ({NEXT_SEQ}, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
    );
    conn.prepare_cached(&sql)?
        .execute(event_params(event, aggregate, count))?;
    Ok(conn.last_insert_rowid())
}

/// The insert's fourteen parameters, in column order.
fn event_params<'a>(
    event: &'a NewEvent,
    aggregate: Option<&'a str>,
    count: u64,
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
    )
}

pub(super) fn settle(
    conn: &Connection,
    id: i64,
    event: &str,
    success: bool,
    at_ms: i64,
) -> rusqlite::Result<bool> {
    let sql = format!(
        "UPDATE audit SET event = ?2, outcome = ?3, reason = NULL, at_ms = ?4, seq = {NEXT_SEQ}
         WHERE id = ?1"
    );
    let changed =
        conn.prepare_cached(&sql)?
            .execute(params![id, event, outcome(success), at_ms])?;
    Ok(changed > 0)
}

/// The row under `aggregate` gains `count` and moves to the end of the
/// commit order; a first refusal inserts it. One upsert, so that on a
/// backend with concurrent writers two first refusals cannot both insert.
pub(super) fn add_to(
    conn: &Connection,
    aggregate: &str,
    event: &NewEvent,
    count: u64,
) -> rusqlite::Result<()> {
    let sql = format!(
        "INSERT INTO audit (seq, at_ms, event, outcome, reason, source, actor, client_ip,
             user_agent, user_id, email, email_key, details, count, aggregate)
         VALUES ({NEXT_SEQ}, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
         ON CONFLICT (aggregate) DO UPDATE SET
             count = count + excluded.count,
             at_ms = max(at_ms, excluded.at_ms),
             seq = {NEXT_SEQ}"
    );
    conn.prepare_cached(&sql)?
        .execute(event_params(event, Some(aggregate), count))?;
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
    conn.prepare_cached("SELECT coalesce(max(seq), 0) FROM audit")?
        .query_row([], |row| row.get(0))
        .optional()
        .map(Option::unwrap_or_default)
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
    if !filter.events.is_empty() {
        let mut marks = Vec::new();
        for name in &filter.events {
            values.push(name.clone().into());
            marks.push(format!("?{}", values.len()));
        }
        conditions.push(format!("event IN ({})", marks.join(", ")));
    }
    let clause = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    let order = if filter.after_seq.is_some() {
        "seq ASC"
    } else {
        "at_ms DESC, id DESC"
    };
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
