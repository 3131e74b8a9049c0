//! The audit table (SPEC section 8).
//!
//! `seq` is the commit order a follower (`authctl audit --follow`) reads
//! after: a row with a lower `seq` must never commit after one with a
//! higher. SQLite's single writer gives that; here every transaction that
//! writes an event first takes one transaction-scoped advisory lock, held
//! to its commit, and numbers its rows under it. Writers of events queue on
//! that lock only from their event to their commit (auth writes the event
//! last, just before committing).

use tokio_postgres::types::ToSql;
use tokio_postgres::{Client, Error, Row};

use super::super::{EventFilter, NewEvent, StoredEvent};

/// The advisory lock key of the audit log's commit order: "audt".
const AUDIT_LOCK: i64 = 0x6175_6474;

/// The next point in commit order, read under [`AUDIT_LOCK`].
const NEXT_SEQ: &str = "(SELECT coalesce(max(seq), 0) + 1 FROM audit)";

const COLUMNS: &str = "id, seq, at_ms, event, outcome, reason, source, actor, client_ip,
     user_agent, user_id, email, details, count";

fn outcome(success: bool) -> &'static str {
    if success { "success" } else { "failure" }
}

/// Queues for the right to number events; re-taking it in the same
/// transaction returns at once.
async fn take_order(client: &Client) -> Result<(), Error> {
    client
        .execute("SELECT pg_advisory_xact_lock($1)", &[&AUDIT_LOCK])
        .await?;
    Ok(())
}

pub(super) async fn insert(client: &Client, event: &NewEvent) -> Result<i64, Error> {
    take_order(client).await?;
    insert_with(client, event, None, 1).await
}

async fn insert_with(
    client: &Client,
    event: &NewEvent,
    aggregate: Option<&str>,
    count: u64,
) -> Result<i64, Error> {
    let sql = format!(
        "INSERT INTO audit (seq, at_ms, event, outcome, reason, source, actor, client_ip,
             user_agent, user_id, email, email_key, details, count, aggregate)
         VALUES ({NEXT_SEQ}, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         RETURNING id"
    );
    let row = client
        .query_one(&sql, &event_params(event, aggregate, count).as_slice())
        .await?;
    Ok(row.get(0))
}

/// The insert's fourteen parameters, in column order.
fn event_params<'a>(
    event: &'a NewEvent,
    aggregate: Option<&'a str>,
    count: u64,
) -> EventParams<'a> {
    EventParams {
        event,
        aggregate,
        outcome: outcome(event.success),
        user_id: event.user_id.map(|id| id.0),
        email: event.email.as_ref().map(|email| email.as_str()),
        email_key: event.email.as_ref().map(|email| email.key()),
        count: i64::try_from(count).unwrap_or(i64::MAX),
    }
}

/// What [`event_params`] borrows or computes, kept alive for the query.
struct EventParams<'a> {
    event: &'a NewEvent,
    aggregate: Option<&'a str>,
    outcome: &'static str,
    user_id: Option<i64>,
    email: Option<&'a str>,
    email_key: Option<&'a str>,
    count: i64,
}

impl EventParams<'_> {
    fn as_slice(&self) -> [&(dyn ToSql + Sync); 14] {
        [
            &self.event.at_ms,
            &self.event.event,
            &self.outcome,
            &self.event.reason,
            &self.event.source,
            &self.event.actor,
            &self.event.client_ip,
            &self.event.user_agent,
            &self.user_id,
            &self.email,
            &self.email_key,
            &self.event.details,
            &self.count,
            &self.aggregate,
        ]
    }
}

pub(super) async fn settle(
    client: &Client,
    id: i64,
    event: &str,
    success: bool,
    at_ms: i64,
) -> Result<bool, Error> {
    take_order(client).await?;
    let sql = format!(
        "UPDATE audit SET event = $2, outcome = $3, reason = NULL, at_ms = $4, seq = {NEXT_SEQ}
         WHERE id = $1"
    );
    let changed = client
        .execute(&sql, &[&id, &event, &outcome(success), &at_ms])
        .await?;
    Ok(changed > 0)
}

/// The row under `aggregate` gains `count` and moves to the end of the
/// commit order; a first refusal inserts it. One upsert, as SQLite's (the
/// lock alone would also keep two first refusals from both inserting).
pub(super) async fn add_to(
    client: &Client,
    aggregate: &str,
    event: &NewEvent,
    count: u64,
) -> Result<(), Error> {
    take_order(client).await?;
    upsert_with(client, event, aggregate, count).await
}

async fn upsert_with(
    client: &Client,
    event: &NewEvent,
    aggregate: &str,
    count: u64,
) -> Result<(), Error> {
    let sql = format!(
        "INSERT INTO audit (seq, at_ms, event, outcome, reason, source, actor, client_ip,
             user_agent, user_id, email, email_key, details, count, aggregate)
         VALUES ({NEXT_SEQ}, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         ON CONFLICT (aggregate) DO UPDATE SET
             count = audit.count + excluded.count,
             at_ms = greatest(audit.at_ms, excluded.at_ms),
             seq = {NEXT_SEQ}"
    );
    client
        .execute(
            &sql,
            &event_params(event, Some(aggregate), count).as_slice(),
        )
        .await?;
    Ok(())
}

pub(super) async fn prune(client: &Client, before_ms: i64, limit: u32) -> Result<u64, Error> {
    client
        .execute(
            "DELETE FROM audit WHERE id IN
             (SELECT id FROM audit WHERE at_ms < $1 ORDER BY at_ms LIMIT $2)",
            &[&before_ms, &i64::from(limit)],
        )
        .await
}

pub(super) async fn count_before(client: &Client, before_ms: i64) -> Result<u64, Error> {
    let row = client
        .query_one("SELECT count(*) FROM audit WHERE at_ms < $1", &[&before_ms])
        .await?;
    Ok(row.get::<_, i64>(0).unsigned_abs())
}

pub(super) async fn last_seq(client: &Client) -> Result<i64, Error> {
    let row = client
        .query_one("SELECT coalesce(max(seq), 0)::bigint FROM audit", &[])
        .await?;
    Ok(row.get(0))
}

pub(super) async fn select(
    client: &Client,
    filter: &EventFilter,
) -> Result<Vec<StoredEvent>, Error> {
    let mut conditions = Vec::new();
    let mut values: Vec<Box<dyn ToSql + Sync + Send>> = Vec::new();
    let mut narrow = |condition: &str, value: Box<dyn ToSql + Sync + Send>| {
        values.push(value);
        conditions.push(condition.replace('?', &format!("${}", values.len())));
    };
    if let Some(since) = filter.since_ms {
        narrow("at_ms >= ?", Box::new(since));
    }
    if let Some(until) = filter.until_ms {
        narrow("at_ms < ?", Box::new(until));
    }
    if let Some(key) = &filter.email_key {
        narrow("email_key = ?", Box::new(key.clone()));
    }
    if let Some(success) = filter.success {
        narrow("outcome = ?", Box::new(outcome(success)));
    }
    if let Some(ip) = &filter.client_ip {
        narrow("client_ip = ?", Box::new(ip.clone()));
    }
    if let Some(source) = filter.source {
        narrow("source = ?", Box::new(source));
    }
    if let Some(after) = filter.after_seq {
        narrow("seq > ?", Box::new(after));
    }
    if !filter.events.is_empty() {
        narrow("event = ANY(?)", Box::new(filter.events.clone()));
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
    values.push(Box::new(i64::from(filter.limit)));
    let sql = format!(
        "SELECT {COLUMNS} FROM audit {clause} ORDER BY {order} LIMIT ${}",
        values.len()
    );
    let params: Vec<&(dyn ToSql + Sync)> = values
        .iter()
        .map(|value| value.as_ref() as &(dyn ToSql + Sync))
        .collect();
    let rows = client.query(&sql, &params).await?;
    Ok(rows.iter().map(stored).collect())
}

fn stored(row: &Row) -> StoredEvent {
    let outcome: String = row.get(4);
    StoredEvent {
        id: row.get(0),
        seq: row.get(1),
        at_ms: row.get(2),
        event: row.get(3),
        success: outcome == "success",
        reason: row.get(5),
        source: row.get(6),
        actor: row.get(7),
        client_ip: row.get(8),
        user_agent: row.get(9),
        user_id: row.get(10),
        email: row.get(11),
        details: row.get(12),
        count: row.get::<_, i64>(13).unsigned_abs(),
    }
}
