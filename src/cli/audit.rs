//! `authctl audit ...`: who did what, when, from where (SPEC section 8).

use std::io::{self, IsTerminal};
use std::net::IpAddr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use clap::builder::PossibleValuesParser;
use clap::{Args, Subcommand, ValueEnum};
use serde::Serialize;

use super::CliError;
use super::context::Context;
use super::output::{audit_line, audit_table, audit_time};
use crate::auth::{AUDIT_EVENTS, AuditEntry, AuditQuery, Auth};
use crate::domain::Email;

/// How often `--follow` asks the database for new events. A read of an
/// indexed range: it takes no lock a writer waits on, so a server never
/// notices it.
const FOLLOW_EVERY: Duration = Duration::from_millis(200);

/// `authctl audit [filters] [--follow]` or `authctl audit prune`.
#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
pub(crate) struct AuditArgs {
    #[command(subcommand)]
    command: Option<AuditCommand>,
    #[command(flatten)]
    filters: Filters,
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Delete events older than the retention (--audit-retention, 90d by
    /// default) or --before, in short batches
    #[command(after_help = "\
The server prunes the same way on its own, every --prune-interval.

Examples:
  authctl audit prune --dry-run
  authctl audit prune --before 30d
  authctl audit prune --before 2026-01-01")]
    Prune(PruneArgs),
}

/// The filters; every one given narrows the result (AND).
#[derive(Args)]
struct Filters {
    /// Events at or after this: a time (2026-12-01, 2026-12-01T09:30:00Z)
    /// or a duration ago (30m, 24h, 7d)
    #[arg(long, value_name = "D|TIME", value_parser = parse_point)]
    since: Option<i64>,
    /// Events before this (a time, or a duration ago)
    #[arg(long, value_name = "TIME", value_parser = parse_point)]
    until: Option<i64>,
    /// Events about this account (kept after it is deleted)
    #[arg(long, value_name = "EMAIL")]
    user: Option<String>,
    /// Only these events, comma-separated
    #[arg(
        long,
        value_name = "NAME,...",
        value_delimiter = ',',
        value_parser = PossibleValuesParser::new(AUDIT_EVENTS),
        hide_possible_values = true,
    )]
    event: Vec<String>,
    /// Only successes or only failures
    #[arg(long, value_enum)]
    outcome: Option<OutcomeArg>,
    /// Events from this client address (HTTP)
    #[arg(long, value_name = "ADDR")]
    ip: Option<IpAddr>,
    /// Only from the command line or only over HTTP
    #[arg(long, value_enum)]
    source: Option<SourceArg>,
    /// At most N events, newest first [default: 100; with --follow, 10
    /// shown before the new ones]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    limit: Option<u32>,
    /// Keep printing events as they commit, from any process, until
    /// Ctrl-C or a closed pipe (with --json: one object a line)
    #[arg(long, short = 'f')]
    follow: bool,
}

#[derive(Args)]
struct PruneArgs {
    /// Delete events before this: a time or a duration ago [default: the
    /// retention]
    #[arg(long, value_name = "D|TIME", value_parser = parse_point)]
    before: Option<i64>,
    /// Only count what would go
    #[arg(long)]
    dry_run: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutcomeArg {
    Success,
    Failure,
}

#[derive(Clone, Copy, ValueEnum)]
enum SourceArg {
    Cli,
    Http,
}

/// An event as `--json` shows it.
#[derive(Serialize)]
struct EntryView<'a> {
    time: String,
    #[serde(flatten)]
    entry: &'a AuditEntry,
}

impl<'a> EntryView<'a> {
    /// The time to the millisecond, for a machine to order and join on.
    fn new(entry: &'a AuditEntry) -> Self {
        let since_epoch = Duration::from_millis(u64::try_from(entry.time_ms).unwrap_or_default());
        Self {
            time: humantime::format_rfc3339_millis(UNIX_EPOCH + since_epoch).to_string(),
            entry,
        }
    }
}

#[derive(Serialize)]
struct Pruned {
    pruned: u64,
    before: String,
    dry_run: bool,
}

impl AuditArgs {
    pub(crate) fn run(&self, ctx: &Context) -> Result<(), CliError> {
        match &self.command {
            Some(AuditCommand::Prune(args)) => prune(args, ctx),
            None if self.filters.follow => follow(&self.filters, ctx),
            None => list(&self.filters, ctx),
        }
    }
}

impl Filters {
    fn query(&self, default_limit: u32) -> Result<AuditQuery, CliError> {
        Ok(AuditQuery {
            since_ms: self.since,
            until_ms: self.until,
            user: self.user.as_deref().map(Email::parse).transpose()?,
            events: self.event.clone(),
            success: self
                .outcome
                .map(|outcome| matches!(outcome, OutcomeArg::Success)),
            client: self.ip,
            http: self.source.map(|source| matches!(source, SourceArg::Http)),
            limit: self.limit.unwrap_or(default_limit),
        })
    }
}

fn list(filters: &Filters, ctx: &Context) -> Result<(), CliError> {
    let query = filters.query(100)?;
    let entries = ctx.list_if_exists(|auth| auth.audit_log(&query))?;
    if ctx.out.is_json() {
        let views: Vec<EntryView<'_>> = entries.iter().map(EntryView::new).collect();
        return ctx.out.document(&views);
    }
    if entries.is_empty() {
        ctx.note_empty("no audit events match");
        return Ok(());
    }
    ctx.out.line(audit_table(&entries))
}

/// The last few matching events, then each new one as it commits. A row
/// settled or counted again since it was shown (a login in progress that
/// succeeded, a refusal counted again) is shown again, as it now is.
fn follow(filters: &Filters, ctx: &Context) -> Result<(), CliError> {
    let auth = ctx.open_existing()?;
    let mut query = filters.query(10)?;
    let end = auth.audit_end()?;
    let mut backlog = auth.audit_log(&query)?;
    backlog.retain(|entry| entry.seq <= end);
    backlog.reverse();
    for entry in &backlog {
        show(ctx, entry)?;
    }
    query.limit = 1000;
    let mut seen = end;
    loop {
        let arrived = next_events(&auth, seen, &query)?;
        for entry in &arrived {
            show(ctx, entry)?;
            seen = seen.max(entry.seq);
        }
        if arrived.len() < query.limit as usize {
            if reader_gone() {
                return Ok(());
            }
            std::thread::sleep(FOLLOW_EVERY);
        }
    }
}

fn next_events(auth: &Auth, seen: i64, query: &AuditQuery) -> Result<Vec<AuditEntry>, CliError> {
    Ok(auth.audit_after(seen, query)?)
}

fn show(ctx: &Context, entry: &AuditEntry) -> Result<(), CliError> {
    if ctx.out.is_json() {
        ctx.out.document(&EntryView::new(entry))
    } else {
        ctx.out.line(audit_line(entry))
    }
}

/// Whether stdout is a pipe whose reader has gone: noticed between events,
/// so that `authctl audit -f | head -1` ends without waiting for another.
fn reader_gone() -> bool {
    use rustix::event::{PollFd, PollFlags, poll};
    let stdout = io::stdout();
    if stdout.is_terminal() {
        return false;
    }
    let mut watched = [PollFd::new(&stdout, PollFlags::empty())];
    let zero = rustix::time::Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    poll(&mut watched, Some(&zero)).is_ok_and(|ready| {
        ready > 0
            && watched[0]
                .revents()
                .intersects(PollFlags::ERR | PollFlags::HUP)
    })
}

fn prune(args: &PruneArgs, ctx: &Context) -> Result<(), CliError> {
    let before = match (args.before, ctx.policy().audit_retention) {
        (Some(before), _) => before,
        (None, Some(retention)) => ago(retention),
        (None, None) => {
            return Err(CliError::Usage(
                "--audit-retention is 0 (keep every event): give --before".to_owned(),
            ));
        }
    };
    let auth = ctx.open_existing()?;
    let pruned = auth.prune_audit(&ctx.caller, before, args.dry_run)?;
    let shown_before = audit_time(before);
    let plural = if pruned == 1 { "" } else { "s" };
    let verb = if args.dry_run {
        "would delete"
    } else {
        "deleted"
    };
    ctx.out.done(
        &Pruned {
            pruned,
            before: shown_before.clone(),
            dry_run: args.dry_run,
        },
        format_args!("{verb} {pruned} audit event{plural} from before {shown_before}"),
    )
}

/// Milliseconds since the epoch, `span` ago.
fn ago(span: Duration) -> i64 {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let then = now.saturating_sub(span);
    i64::try_from(then.as_millis()).unwrap_or(i64::MAX)
}

/// A point in time: RFC 3339 (a bare date is its midnight UTC), or a
/// duration ago.
fn parse_point(raw: &str) -> Result<i64, String> {
    let raw = raw.trim();
    if let Ok(span) = humantime::parse_duration(raw) {
        return Ok(ago(span));
    }
    let full = if raw.len() == 10 {
        format!("{raw}T00:00:00Z")
    } else {
        raw.to_owned()
    };
    let time = humantime::parse_rfc3339_weak(&full).map_err(|_| {
        "not a time or a duration: write 2026-12-01, 2026-12-01T09:30:00Z, 30m or 7d".to_owned()
    })?;
    let since_epoch = time.duration_since(UNIX_EPOCH).unwrap_or_default();
    Ok(i64::try_from(since_epoch.as_millis()).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_are_dates_times_or_durations_ago() {
        assert_eq!(parse_point("1970-01-02").unwrap(), 86_400_000);
        assert_eq!(parse_point("1970-01-01T00:00:01Z").unwrap(), 1000);
        let hour_ago = parse_point("1h").unwrap();
        let expected = ago(Duration::from_secs(3600));
        assert!((expected - hour_ago).abs() < 5_000, "{hour_ago} {expected}");
        assert!(parse_point("yesterday").is_err());
    }
}
