//! Reading, following and pruning the audit log; writing folded refusals.

use std::net::IpAddr;

use serde::Serialize;

use super::Event;
use crate::auth::store::{EventFilter, StoredEvent};
use crate::auth::{Auth, AuthError, Caller};
use crate::domain::Email;

/// Every event name the log holds (SPEC section 8, and the few more this
/// version records), for a front end to check a filter against.
pub const AUDIT_EVENTS: &[&str] = &[
    "login.attempt",
    "login.success",
    "login.failure",
    "login.throttled",
    "account.locked",
    "account.unlocked",
    "user.registered",
    "user.imported",
    "user.exported",
    "user.deleted",
    "user.disabled",
    "user.enabled",
    "session.created",
    "session.ended",
    "session.revoked",
    "password.set",
    "password.reset_requested",
    "password.reset_completed",
    "password.reset_failed",
    "password.rehashed",
    "client.throttled",
    "throttle.cleared",
    "blocklist.changed",
    "audit.pruned",
];

/// Events deleted per transaction by a prune: each batch holds the write
/// lock for milliseconds, so requests keep being served during a large one.
const PRUNE_BATCH: u32 = 2000;

/// Which events to read; every field given narrows the result (AND).
#[derive(Debug, Clone, Default)]
pub struct AuditQuery {
    /// At or after this, in milliseconds since the epoch.
    pub since_ms: Option<i64>,
    /// Before this, in milliseconds since the epoch.
    pub until_ms: Option<i64>,
    /// About this account (by email, compared as emails are).
    pub user: Option<Email>,
    /// Any of these events (names from [`AUDIT_EVENTS`]).
    pub events: Vec<String>,
    /// Only successes (`Some(true)`) or failures (`Some(false)`).
    pub success: Option<bool>,
    /// From this client address.
    pub client: Option<IpAddr>,
    /// Only from the command line (`Some(false)`) or HTTP (`Some(true)`).
    pub http: Option<bool>,
    /// At most this many.
    pub limit: u32,
}

/// One event of the log, as the front ends show it.
#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry {
    /// The row's id.
    pub id: i64,
    /// Its place in commit order, for `--follow` to resume after.
    #[serde(skip)]
    pub seq: i64,
    /// Milliseconds since the epoch.
    #[serde(skip)]
    pub time_ms: i64,
    /// Its name, one of [`AUDIT_EVENTS`].
    pub event: String,
    /// `success` or `failure`.
    pub outcome: &'static str,
    /// Why it failed (`bad_credentials`, `unknown_user`, `disabled`, ...).
    pub reason: Option<String>,
    /// `cli` or `http`.
    pub source: String,
    /// The OS user, from the command line.
    pub actor: Option<String>,
    /// The client's address, over HTTP.
    pub client_ip: Option<String>,
    /// The client's `User-Agent`, truncated, over HTTP.
    pub user_agent: Option<String>,
    /// The account's id, kept after it is deleted.
    pub user_id: Option<i64>,
    /// The account's email, kept after it is deleted.
    pub email: Option<String>,
    /// A small JSON object of facts (counts, a scope).
    pub details: Option<serde_json::Value>,
    /// How many occurrences the row stands for (folded refusals), else 1.
    pub count: u64,
}

impl From<StoredEvent> for AuditEntry {
    fn from(stored: StoredEvent) -> Self {
        Self {
            id: stored.id,
            seq: stored.seq,
            time_ms: stored.at_ms,
            event: stored.event,
            outcome: if stored.success { "success" } else { "failure" },
            reason: stored.reason,
            source: stored.source,
            actor: stored.actor,
            client_ip: stored.client_ip,
            user_agent: stored.user_agent,
            user_id: stored.user_id,
            email: stored.email,
            details: stored
                .details
                .and_then(|text| serde_json::from_str(&text).ok()),
            count: stored.count,
        }
    }
}

impl AuditQuery {
    fn filter(&self, after_seq: Option<i64>) -> EventFilter {
        EventFilter {
            since_ms: self.since_ms,
            until_ms: self.until_ms,
            email_key: self.user.as_ref().map(|email| email.key().to_owned()),
            events: self.events.clone(),
            success: self.success,
            client_ip: self.client.map(|ip| ip.to_canonical().to_string()),
            source: self.http.map(|http| if http { "http" } else { "cli" }),
            // A follower waits for an attempt's outcome, which rewrites
            // its row (and so brings it up again), unless asked for them.
            skip_events: match (after_seq, self.events.is_empty()) {
                (Some(_), true) => vec!["login.attempt".to_owned()],
                _ => Vec::new(),
            },
            after_seq,
            limit: self.limit,
        }
    }
}

impl Auth {
    /// The events `query` selects, newest first.
    pub fn audit_log(&self, query: &AuditQuery) -> Result<Vec<AuditEntry>, AuthError> {
        let found = self.store.read()?.events(&query.filter(None))?;
        Ok(found.into_iter().map(AuditEntry::from).collect())
    }

    /// Where the log ends now: [`Auth::audit_after`] from here returns only
    /// what commits later.
    pub fn audit_end(&self) -> Result<i64, AuthError> {
        Ok(self.store.read()?.last_event_seq()?)
    }

    /// The events `query` selects that committed after `seq` (an entry's
    /// `seq`, or [`Auth::audit_end`]), oldest first. A row that was settled
    /// or counted again since is returned again, as it now is.
    pub fn audit_after(&self, seq: i64, query: &AuditQuery) -> Result<Vec<AuditEntry>, AuthError> {
        let found = self.store.read()?.events(&query.filter(Some(seq)))?;
        Ok(found.into_iter().map(AuditEntry::from).collect())
    }

    /// Deletes the events older than `before_ms` (or only counts them, for
    /// a dry run), a batch per transaction, each batch adding its count to
    /// this run's `audit.pruned` row in its own transaction: whatever is
    /// deleted is on record, even if a later batch fails. A time to come is
    /// taken as now, so the run's own row is never among what it deletes.
    /// Returns how many.
    pub fn prune_audit(
        &self,
        caller: &Caller,
        before_ms: i64,
        dry_run: bool,
    ) -> Result<u64, AuthError> {
        let before_ms = before_ms.min(self.clock.now_ms());
        if dry_run {
            return Ok(self.store.read()?.count_events_before(before_ms)?);
        }
        let before = humantime::format_rfc3339_millis(system_time(before_ms)).to_string();
        let event = Event::success("audit.pruned").details(serde_json::json!({ "before": before }));
        let run = format!(
            "audit.pruned|{}|{}|{before_ms}",
            self.clock.now_ms(),
            std::process::id()
        );
        let mut pruned = 0;
        loop {
            let mut tx = self.store.write()?;
            let deleted = tx.prune_events(before_ms, PRUNE_BATCH)?;
            if deleted > 0 {
                tx.add_to_event(&run, &event.stored(caller, self.clock.now_ms()), deleted)?;
            }
            tx.commit()?;
            pruned += deleted;
            if deleted < u64::from(PRUNE_BATCH) {
                break;
            }
        }
        if pruned > 0 {
            event.emit(caller, Some(pruned));
        }
        Ok(pruned)
    }

    /// Counts a refusal into its row: over HTTP in memory, written by
    /// [`Auth::flush_audit`]; from the command line at once (one process,
    /// one refusal).
    pub(in crate::auth) fn tally_refusal(&self, caller: &Caller, aggregate: String, event: Event) {
        let now_ms = self.clock.now_ms();
        if caller.client_address().is_some() {
            self.refusals.add(aggregate, caller, &event, now_ms);
            return;
        }
        let written = self.store.write().and_then(|mut tx| {
            tx.add_to_event(&aggregate, &event.stored(caller, now_ms), 1)?;
            tx.commit()
        });
        match written {
            Ok(()) => event.emit(caller, Some(1)),
            Err(error) => {
                tracing::warn!(error = %error, "cannot record a refusal in the audit log")
            }
        }
    }

    /// Writes the refusals counted in memory since the last flush, one row
    /// per key and lock period, in one transaction; returns how many
    /// refusals. A server calls it every second or so and at shutdown; if
    /// the write fails, the counts are kept for the next flush.
    pub fn flush_audit(&self) -> Result<u64, AuthError> {
        if self.refusals.is_empty() {
            return Ok(0);
        }
        let taken = self.refusals.take();
        let written = self.store.write().and_then(|mut tx| {
            for (aggregate, pending) in &taken {
                // The row's time is its latest refusal's.
                let mut stored = pending.event.stored(&pending.caller, pending.last_ms);
                if pending.several_callers {
                    (stored.client_ip, stored.user_agent, stored.actor) = (None, None, None);
                }
                tx.add_to_event(aggregate, &stored, pending.count)?;
            }
            tx.commit()
        });
        if let Err(error) = written {
            self.refusals.restore(taken);
            return Err(error.into());
        }
        let mut total = 0;
        for (_, pending) in &taken {
            let caller = (!pending.several_callers).then_some(&pending.caller);
            pending.event.emit_folded(caller, pending.count);
            total += pending.count;
        }
        Ok(total)
    }
}

fn system_time(ms: i64) -> std::time::SystemTime {
    let ms = u64::try_from(ms).unwrap_or_default();
    std::time::UNIX_EPOCH + std::time::Duration::from_millis(ms)
}
