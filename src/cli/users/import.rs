use std::io::{self, IsTerminal};
use std::path::PathBuf;

use clap::{Args, ValueHint};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

use super::super::CliError;
use super::super::context::Context;
use super::super::input::read_file_or_stdin;
use super::file_format::{Format, Parsed, parse_rows};
use crate::auth::{Auth, ImportOptions, ImportReport, ImportRow, check_import_rows};

/// `authctl users import FILE|-`
#[derive(Args)]
#[command(after_help = "\
Input:
  CSV with a header: email,password (plaintext, hashed here at --bcrypt-cost)
  or email,hashed_password (an existing bcrypt hash: $2a$, $2b$ or $2y$, kept
  as is so users keep their passwords). Both columns may appear; each row
  fills one. A created_at column (RFC 3339, as export writes) keeps each
  account's creation time; without it users are created now.
  JSONL: one object per line, {\"email\": ..., \"password\": ...} or
  {\"email\": ..., \"hashed_password\": ...}, created_at optional.

Every row is checked first and every bad row is reported by line; then all
rows are written in one transaction, or none.

Examples:
  authctl users import users.csv
  authctl users import --dry-run users.csv
  authctl users import --skip-existing users.csv
  sqlite3 -csv -header flask.db 'SELECT email, hashed_password FROM users' \\
    | authctl users import -")]
pub(crate) struct ImportArgs {
    /// The file to read, or - for stdin
    #[arg(value_name = "FILE|-", value_hint = ValueHint::FilePath)]
    file: PathBuf,
    /// Input format [default: jsonl for .jsonl/.ndjson files, else csv]
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Skip rows whose email already exists instead of importing nothing
    #[arg(long)]
    skip_existing: bool,
    /// Check everything and report, but write nothing
    #[arg(long)]
    dry_run: bool,
}

/// What the import did. No count of failed rows: any failed row stops the
/// import before anything is written.
#[derive(Serialize)]
struct Summary {
    created: usize,
    skipped: usize,
    skipped_lines: Vec<usize>,
    dry_run: bool,
}

impl ImportArgs {
    pub(crate) fn run(&self, ctx: &Context) -> Result<(), CliError> {
        let input = read_file_or_stdin(&self.file)?;
        let Parsed { rows, mut errors } = parse_rows(&input, self.format());
        // Every bad row in one run, shape and rules alike, the database's
        // blocklist included when there is a database; a bad file creates
        // none.
        let existing = ctx.open_if_exists()?;
        errors.extend(match &existing {
            Some(auth) => auth.check_import_rows(&rows)?,
            None => check_import_rows(&ctx.policy(), &rows),
        });
        if !errors.is_empty() {
            errors.sort_by_key(|e| e.line);
            return Err(CliError::InvalidRows(errors));
        }
        let auth = match existing {
            Some(auth) => Some(auth),
            None if self.dry_run => None,
            None => Some(ctx.open()?),
        };
        let report = match auth {
            Some(auth) => self.import(ctx, &auth, &rows)?,
            // A dry run writes nothing, not even a new database. Without one
            // every row would be new: duplicates within the file were
            // refused above.
            None => ImportReport {
                created: rows.len(),
                skipped_lines: Vec::new(),
                dry_run: true,
            },
        };
        let summary = summarise(report);
        let note = format!(
            "{}{} created, {} skipped{}",
            if summary.dry_run { "dry run: " } else { "" },
            summary.created,
            summary.skipped,
            if summary.dry_run {
                "; nothing written"
            } else {
                ""
            },
        );
        ctx.out.done(&summary, note)
    }

    fn import(
        &self,
        ctx: &Context,
        auth: &Auth,
        rows: &[ImportRow],
    ) -> Result<ImportReport, CliError> {
        let bar = progress_bar(rows.len());
        let options = ImportOptions {
            skip_existing: self.skip_existing,
            dry_run: self.dry_run,
        };
        let outcome = auth.import_users(&ctx.caller, rows, options, &|| bar.inc(1));
        bar.finish_and_clear();
        Ok(outcome?)
    }

    fn format(&self) -> Format {
        self.format.unwrap_or_else(|| Format::of(&self.file))
    }
}

/// A bar on stderr when a person watches it; hidden when piped or captured.
fn progress_bar(rows: usize) -> ProgressBar {
    if !io::stderr().is_terminal() || rows == 0 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(rows as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} rows ({eta} left)") {
        bar.set_style(style);
    }
    bar
}

fn summarise(report: ImportReport) -> Summary {
    Summary {
        created: report.created,
        skipped: report.skipped_lines.len(),
        skipped_lines: report.skipped_lines,
        dry_run: report.dry_run,
    }
}
