//! The audit table (SPEC section 8).
//!
//! `seq` is the commit order a follower (`authctl audit --follow`) reads
//! after: a row with a lower `seq` must never commit after one with a
//! higher. Each number comes from the one-row `audit_seq`, whose row the
//! taking transaction then holds locked to its end, as SQLite's does: a
//! later transaction waits for it and so takes a higher number and commits
//! later. Audited transactions queue on that row only from their event
//! (auth writes it last) to their commit.

use tokio_postgres::types::ToSql;
use tokio_postgres::{Error, Row};

use super::conn::Conn;

use super::super::{EventFilter, NewEvent, StoredEvent};

const COLUMNS: &str = "id, seq, at_ms, event, outcome, reason, source, actor, client_ip,
     user_agent, user_id, email, details, count";

fn outcome(success: bool) -> &'static str {
    if success { "success" } else { "failure" }
}

/// The event a claim writes before the password check; settled later.
const ATTEMPT: &str = "login.attempt";

/// The next point in commit order; the counter's row stays locked by this
/// transaction until it ends.
async fn next_seq(client: &Conn) -> Result<i64, Error> {
    let row = client
        .query_one("UPDATE audit_seq SET seq = seq + 1 RETURNING seq", &[])
        .await?;
    Ok(row.get(0))
}

pub(super) async fn insert(client: &Conn, event: &NewEvent) -> Result<i64, Error> {
    let seq = next_seq(client).await?;
    let row = client
        .query_one(
            "INSERT INTO audit (at_ms, event, outcome, reason, source, actor, client_ip,
                 user_agent, user_id, email, email_key, details, count, aggregate, seq)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
             RETURNING id",
            &event_params(event, None, 1, seq).as_slice(),
        )
        .await?;
    Ok(row.get(0))
}

/// The insert's fifteen parameters, in column order.
fn event_params<'a>(
    event: &'a NewEvent,
    aggregate: Option<&'a str>,
    count: u64,
    seq: i64,
) -> EventParams<'a> {
    EventParams {
        event,
        aggregate,
        seq,
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
    seq: i64,
    outcome: &'static str,
    user_id: Option<i64>,
    email: Option<&'a str>,
    email_key: Option<&'a str>,
    count: i64,
}

impl EventParams<'_> {
    fn as_slice(&self) -> [&(dyn ToSql + Sync); 15] {
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
            &self.seq,
        ]
    }
}

/// Rewrites attempt `id` as `settled`: its event, outcome, reason, time
/// and details, and its account when `settled` names one.
pub(super) async fn settle(client: &Conn, id: i64, settled: &NewEvent) -> Result<bool, Error> {
    let seq = next_seq(client).await?;
    let changed = client
        .execute(
            "UPDATE audit SET event = $2, outcome = $3, reason = $4, at_ms = $5, seq = $6,
                 details = $7, user_id = coalesce($8, user_id), email = coalesce($9, email),
                 email_key = coalesce($10, email_key)
             WHERE id = $1 AND event = $11",
            &[
                &id,
                &settled.event,
                &outcome(settled.success),
                &settled.reason,
                &settled.at_ms,
                &seq,
                &settled.details,
                &settled.user_id.map(|id| id.0),
                &settled.email.as_ref().map(|email| email.as_str()),
                &settled.email.as_ref().map(|email| email.key()),
                &ATTEMPT,
            ],
        )
        .await?;
    Ok(changed > 0)
}

/// The row under `aggregate` gains `count`, its latest time, and the end of
/// the commit order; a first refusal inserts it. One upsert, so that two
/// first refusals from two servers cannot both insert. A caller field that
/// differs from the row's becomes NULL: the row then stands for several
/// clients and names none.
pub(super) async fn add_to(
    client: &Conn,
    aggregate: &str,
    event: &NewEvent,
    count: u64,
) -> Result<(), Error> {
    let seq = next_seq(client).await?;
    client
        .execute(
            "INSERT INTO audit (at_ms, event, outcome, reason, source, actor, client_ip,
                 user_agent, user_id, email, email_key, details, count, aggregate, seq)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
             ON CONFLICT (aggregate) DO UPDATE SET
                 count = audit.count + excluded.count,
                 at_ms = greatest(audit.at_ms, excluded.at_ms),
                 seq = excluded.seq,
                 actor = CASE WHEN audit.actor IS NOT DISTINCT FROM excluded.actor
                              THEN audit.actor END,
                 client_ip = CASE WHEN audit.client_ip IS NOT DISTINCT FROM excluded.client_ip
                                  THEN audit.client_ip END,
                 user_agent = CASE WHEN audit.user_agent IS NOT DISTINCT FROM excluded.user_agent
                                   THEN audit.user_agent END",
            &event_params(event, Some(aggregate), count, seq).as_slice(),
        )
        .await?;
    Ok(())
}

pub(super) async fn prune(client: &Conn, before_ms: i64, limit: u32) -> Result<u64, Error> {
    client
        .execute(
            "DELETE FROM audit WHERE id IN
             (SELECT id FROM audit WHERE at_ms < $1 ORDER BY at_ms LIMIT $2)",
            &[&before_ms, &i64::from(limit)],
        )
        .await
}

pub(super) async fn count_before(client: &Conn, before_ms: i64) -> Result<u64, Error> {
    let row = client
        .query_one("SELECT count(*) FROM audit WHERE at_ms < $1", &[&before_ms])
        .await?;
    Ok(row.get::<_, i64>(0).unsigned_abs())
}

pub(super) async fn last_seq(client: &Conn) -> Result<i64, Error> {
    let row = client.query_one("SELECT seq FROM audit_seq", &[]).await?;
    Ok(row.get(0))
}

pub(super) async fn select(client: &Conn, filter: &EventFilter) -> Result<Vec<StoredEvent>, Error> {
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
    if !filter.skip_events.is_empty() {
        narrow("NOT (event = ANY(?))", Box::new(filter.skip_events.clone()));
    }
    let clause = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    let order = filter.order_by();
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
