use std::io::{self, IsTerminal, Write};

use comfy_table::presets::{NOTHING, UTF8_FULL_CONDENSED};
use comfy_table::{ColumnConstraint, ContentArrangement, Table};
use serde::Serialize;

use super::CliError;
use crate::auth::{AuditEntry, ThrottleEntry};
use crate::domain::{Finding, SessionInfo, Timestamp, User, UserSummary, is_unsafe_to_show};

/// Where a command's words go.
///
/// Results (the data a script captures) go to stdout; confirmations and
/// summaries for a person go to stderr, so `$(authctl ...)` captures only
/// the result. With `--json`, stdout gets one JSON document and the notes
/// are left out.
pub(crate) struct Output {
    json: bool,
}

impl Output {
    pub(crate) fn new(json: bool) -> Self {
        Self { json }
    }

    pub(crate) fn is_json(&self) -> bool {
        self.json
    }

    /// A line of result text on stdout.
    pub(crate) fn line(&self, text: impl std::fmt::Display) -> Result<(), CliError> {
        let mut stdout = io::stdout().lock();
        writeln!(stdout, "{text}")
            .and_then(|()| stdout.flush())
            .map_err(|e| CliError::io("cannot write to stdout", e))
    }

    /// One JSON document on stdout.
    pub(crate) fn document(&self, value: &impl Serialize) -> Result<(), CliError> {
        let mut stdout = io::stdout().lock();
        let mut writer = serde_json::Serializer::with_formatter(&mut stdout, TerminalSafe);
        value
            .serialize(&mut writer)
            .map_err(io::Error::from)
            .and_then(|()| writeln!(stdout))
            .and_then(|()| stdout.flush())
            .map_err(|e| CliError::io("cannot write to stdout", e))
    }

    /// A note for a person on stderr; silent with `--json`.
    pub(crate) fn note(&self, text: impl std::fmt::Display) {
        if !self.json {
            // A closed stderr must not turn a done job into a failure.
            let _ = writeln!(io::stderr().lock(), "{text}");
        }
    }

    /// The JSON document with `--json`, else the human `text` on stdout.
    pub(crate) fn result(
        &self,
        value: &impl Serialize,
        text: impl std::fmt::Display,
    ) -> Result<(), CliError> {
        if self.json {
            self.document(value)
        } else {
            self.line(text)
        }
    }

    /// The JSON document with `--json`, else the human note on stderr.
    pub(crate) fn done(
        &self,
        value: &impl Serialize,
        note: impl std::fmt::Display,
    ) -> Result<(), CliError> {
        if self.json {
            self.document(value)
        } else {
            self.note(note);
            Ok(())
        }
    }
}

/// JSON as serde_json writes it, except that a character that could hide
/// or disguise text on a terminal (a C1 control, a bidi override, a
/// zero-width space) is written as a `\u` escape: the same string to a
/// JSON reader, harmless to a person who `cat`s the output.
struct TerminalSafe;

impl serde_json::ser::Formatter for TerminalSafe {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut plain_from = 0;
        for (at, c) in fragment.char_indices() {
            if is_unsafe_to_show(c) {
                writer.write_all(&fragment.as_bytes()[plain_from..at])?;
                for unit in c.encode_utf16(&mut [0; 2]) {
                    write!(writer, "\\u{unit:04x}")?;
                }
                plain_from = at + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[plain_from..])
    }
}

/// A user as `--json` shows it.
#[derive(Serialize)]
pub(crate) struct UserView {
    pub(crate) id: i64,
    pub(crate) email: String,
    pub(crate) status: &'static str,
    pub(crate) created_at: String,
    pub(crate) updated_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) live_sessions: Option<u64>,
}

impl UserView {
    pub(crate) fn new(user: &User, live_sessions: Option<u64>) -> Self {
        Self {
            id: user.id.0,
            email: user.email.as_str().to_owned(),
            status: status(user),
            created_at: user.created_at.to_string(),
            updated_at: user.updated_at.to_string(),
            live_sessions,
        }
    }
}

pub(crate) fn status(user: &User) -> &'static str {
    if user.disabled { "disabled" } else { "active" }
}

/// A live session as `--json` shows it: never the token.
#[derive(Serialize)]
pub(crate) struct SessionView {
    pub(crate) id: i64,
    pub(crate) email: String,
    pub(crate) digest_prefix: String,
    pub(crate) created_at: String,
    pub(crate) expires_at: String,
}

impl From<&SessionInfo> for SessionView {
    fn from(session: &SessionInfo) -> Self {
        Self {
            id: session.id,
            email: session.email.as_str().to_owned(),
            digest_prefix: session.digest_prefix.clone(),
            created_at: session.created_at.to_string(),
            expires_at: session.expires_at.to_string(),
        }
    }
}

/// A table for a person at a terminal, plain aligned columns for anything
/// else (a pipe, a file): no box drawing for `grep` and `awk` to trip on.
/// Cells are never wrapped, since a wrapped email or time breaks mid-word.
/// At a terminal too narrow for every column, the optional ones go, the
/// rightmost first, until the table fits.
fn fitted(columns: &[(&str, Need)], rows: &[Vec<String>]) -> Table {
    let terminal = io::stdout().is_terminal();
    let width = terminal_width().map(usize::from);
    let mut keep = vec![true; columns.len()];
    loop {
        let table = build(columns, rows, &keep, terminal);
        let widest = table
            .lines()
            .map(|line| line.chars().count())
            .max()
            .unwrap_or(0);
        if width.is_none_or(|width| widest <= width) {
            return table;
        }
        let droppable = (0..columns.len())
            .rev()
            .find(|&i| keep[i] && columns[i].1 == Need::Optional);
        match droppable {
            Some(i) => keep[i] = false,
            None => return table,
        }
    }
}

/// The terminal's width when stdout is one whose size is known.
fn terminal_width() -> Option<u16> {
    io::stdout()
        .is_terminal()
        .then(|| dialoguer::console::Term::stdout().size_checked())
        .flatten()
        .map(|(_rows, cols)| cols)
}

/// `doctor`'s findings: check, status, detail. Unlike the listings, every
/// column matters, and a detail is a sentence, so at a terminal the detail
/// wraps (between words) to fit the width and the other two never do;
/// anywhere else each finding is one line, for `grep`.
pub(crate) fn findings_table(findings: &[Finding]) -> Table {
    let rows: Vec<Vec<String>> = findings
        .iter()
        .map(|finding| {
            vec![
                finding.check.to_owned(),
                finding.status.name().to_owned(),
                shown(&finding.detail),
            ]
        })
        .collect();
    let columns = [
        ("check", Need::Always),
        ("status", Need::Always),
        ("detail", Need::Always),
    ];
    let keep = [true; 3];
    let Some(width) = terminal_width() else {
        return build(&columns, &rows, &keep, io::stdout().is_terminal());
    };
    let mut table = build(&columns, &rows, &keep, true);
    table
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width);
    for short in [0, 1] {
        if let Some(column) = table.column_mut(short) {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    table
}

/// Whether a column may be left out to fit a narrow terminal.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Need {
    Always,
    Optional,
}

fn build(columns: &[(&str, Need)], rows: &[Vec<String>], keep: &[bool], boxed: bool) -> Table {
    let mut table = Table::new();
    table.load_preset(if boxed { UTF8_FULL_CONDENSED } else { NOTHING });
    table
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(kept(
            columns.iter().map(|(header, _)| (*header).to_owned()),
            keep,
        ));
    for row in rows {
        table.add_row(kept(row.iter().cloned(), keep));
    }
    table
}

fn kept(cells: impl Iterator<Item = String>, keep: &[bool]) -> Vec<String> {
    cells
        .zip(keep)
        .filter_map(|(cell, keep)| keep.then_some(cell))
        .collect()
}

/// A time to the minute in UTC, `2026-12-03T12:04Z`: narrower than the full
/// form and still one word for `awk`. JSON keeps the full RFC 3339 form.
fn short_time(time: Timestamp) -> String {
    let full = time.to_string();
    match full.get(..16) {
        Some(minutes) => format!("{minutes}Z"),
        None => full,
    }
}

pub(crate) fn users_table(users: &[UserSummary]) -> Table {
    use Need::{Always, Optional};
    let columns = [
        ("id", Always),
        ("email", Always),
        ("sessions", Optional),
        ("created", Optional),
        ("status", Always),
    ];
    let rows: Vec<Vec<String>> = users
        .iter()
        .map(|summary| {
            let user = &summary.user;
            vec![
                user.id.0.to_string(),
                user.email.to_string(),
                summary.live_sessions.to_string(),
                short_time(user.created_at),
                status(user).to_owned(),
            ]
        })
        .collect();
    fitted(&columns, &rows)
}

pub(crate) fn sessions_table(sessions: &[SessionInfo]) -> Table {
    use Need::{Always, Optional};
    let columns = [
        ("id", Always),
        ("email", Always),
        ("digest", Optional),
        ("created", Optional),
        ("expires", Always),
    ];
    let rows: Vec<Vec<String>> = sessions
        .iter()
        .map(|session| {
            vec![
                session.id.to_string(),
                session.email.to_string(),
                session.digest_prefix.chars().take(8).collect(),
                short_time(session.created_at),
                short_time(session.expires_at),
            ]
        })
        .collect();
    fitted(&columns, &rows)
}

pub(crate) fn throttle_table(entries: &[ThrottleEntry]) -> Table {
    use Need::{Always, Optional};
    let columns = [
        ("scope", Always),
        ("key", Always),
        ("fails", Always),
        ("blocked until", Optional),
        ("locked", Always),
    ];
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|entry| {
            vec![
                entry.scope.name().to_owned(),
                shown(&entry.key),
                entry.failures.to_string(),
                entry
                    .blocked_until
                    .map_or_else(|| "-".to_owned(), short_time),
                if entry.locked { "yes" } else { "no" }.to_owned(),
            ]
        })
        .collect();
    fitted(&columns, &rows)
}

/// The audit log for a person: when, what, whose; then how it ended (`ok`
/// or the reason), from where, how many times and the details, which give
/// way in that order, from the right, at a narrow terminal. The time is to
/// the minute, as in the other tables; `--json` and `--follow` give seconds.
pub(crate) fn audit_table(entries: &[AuditEntry]) -> Table {
    use Need::{Always, Optional};
    let columns = [
        ("time", Always),
        ("event", Always),
        ("user", Always),
        ("result", Optional),
        ("by", Optional),
        ("count", Optional),
        ("details", Optional),
    ];
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|entry| {
            let mut cells = audit_cells(entry);
            cells[0] = short_time(Timestamp::from_unix(entry.time_ms.div_euclid(1000)));
            cells
        })
        .collect();
    fitted(&columns, &rows)
}

/// One event as a line of plain columns, for `audit --follow`.
pub(crate) fn audit_line(entry: &AuditEntry) -> String {
    audit_cells(entry).join("  ")
}

fn audit_cells(entry: &AuditEntry) -> Vec<String> {
    let dash = || "-".to_owned();
    let by = match (&entry.client_ip, &entry.actor) {
        (Some(ip), _) => ip.clone(),
        // "alice (uid 1000)" is alice; a nameless "uid 1000" stays whole.
        (None, Some(actor)) => format!("cli:{}", actor.split(" (uid").next().unwrap_or(actor)),
        (None, None) => entry.source.clone(),
    };
    let result = match (entry.outcome, &entry.reason) {
        ("success", _) => "ok".to_owned(),
        (_, Some(reason)) => shown(reason),
        (outcome, None) => outcome.to_owned(),
    };
    vec![
        audit_time(entry.time_ms),
        entry.event.clone(),
        entry.email.as_deref().map_or_else(dash, shown),
        result,
        shown(&by),
        entry.count.to_string(),
        entry
            .details
            .as_ref()
            .map_or_else(dash, |details| shown(&details.to_string())),
    ]
}

/// An audit event's time, to the second in UTC: `2026-12-03T12:04:05Z`.
pub(crate) fn audit_time(ms: i64) -> String {
    let seconds = ms.div_euclid(1000);
    Timestamp::from_unix(seconds).to_string()
}

/// Text from the database made safe for a terminal: a character that could
/// hide or disguise text is shown as its `\u{...}` escape.
pub(crate) fn shown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_unsafe_to_show(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_what_would_disguise_text_and_keeps_the_value() {
        let value = serde_json::json!({"email": "a\u{202e}b\u{85}c\u{e9}\u{E0041}@x.io"});
        let mut out = Vec::new();
        value
            .serialize(&mut serde_json::Serializer::with_formatter(
                &mut out,
                TerminalSafe,
            ))
            .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "{\"email\":\"a\\u202eb\\u0085c\u{e9}\\udb40\\udc41@x.io\"}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }
}
