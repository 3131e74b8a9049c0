//! `authctl doctor`: whether this installation is sound, check by check.

use clap::Args;
use serde::Serialize;

use super::CliError;
use super::context::Context;
use super::output::findings_table;
use super::session_file::inspect_sessions_folder;
use crate::auth;
use crate::domain::{Finding, Status};

/// `authctl doctor`
#[derive(Args)]
#[command(after_help = "\
Reads only: a missing database is reported, not created, and another
application's file is left as it is. Each check passes, warns (it works,
with a note) or fails; a check that needs one that failed is left out.

Checks:
  database.reachable     the file exists and can be read
  database.owner         it is authctl's (SQLite application_id)
  database.file_mode     the file and its -wal/-shm are 0600
  database.folder_mode   its folder is writable by its owner alone
  database.journal_mode  WAL, so the CLI and a server can share it
  database.integrity     SQLite's quick_check finds no damage
  database.schema        its version is this authctl's
  bcrypt.cost            at least 10, and under 1 s a hash here; names
                         the cost that takes about 250 ms here
  sessions.folder_mode   saved sessions are their owner's alone

Examples:
  authctl doctor
  AUTHCTL_BCRYPT_COST=13 authctl doctor       # check another cost
  authctl --json doctor | jq -r '.checks[] | select(.status == \"fail\") | .name'

Exit codes:
  0  every check passes (warnings included)
  1  a check failed; stderr names each failed check
  2  usage error")]
pub(crate) struct DoctorArgs {}

/// The `--json` document: `ok` is what the exit code says.
#[derive(Serialize)]
struct Report<'a> {
    ok: bool,
    checks: Vec<CheckView<'a>>,
}

#[derive(Serialize)]
struct CheckView<'a> {
    name: &'static str,
    status: &'static str,
    detail: &'a str,
}

impl DoctorArgs {
    pub(crate) fn run(&self, ctx: &Context) -> Result<(), CliError> {
        let database = ctx.database()?;
        let mut findings = auth::inspect(&database, &ctx.policy());
        findings.push(inspect_sessions_folder());
        let failed: Vec<&'static str> = findings
            .iter()
            .filter(|finding| finding.status == Status::Fail)
            .map(|finding| finding.check)
            .collect();
        let shown = if ctx.out.is_json() {
            ctx.out.document(&report(&findings, failed.is_empty()))
        } else {
            ctx.out.line(findings_table(&findings))
        };
        // A failed check outranks the output: `authctl doctor | grep -q ...`
        // closes the pipe early, and a broken pipe alone would exit 0.
        if failed.is_empty() {
            shown
        } else {
            Err(CliError::ChecksFailed(failed))
        }
    }
}

fn report(findings: &[Finding], ok: bool) -> Report<'_> {
    Report {
        ok,
        checks: findings
            .iter()
            .map(|finding| CheckView {
                name: finding.check,
                status: finding.status.name(),
                detail: &finding.detail,
            })
            .collect(),
    }
}
