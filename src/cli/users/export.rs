use std::fs::{self, OpenOptions, Permissions};
use std::io::{self, BufWriter};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::PathBuf;

use clap::{Args, ValueHint};

use super::super::CliError;
use super::super::context::Context;
use super::file_format::{Format, write_users};

/// `authctl users export`
#[derive(Args)]
#[command(after_help = "\
Writes email, hashed_password and created_at for every user: exactly what
`users import` reads. The hashes can be attacked offline, so keep the output
private; --output creates the file with mode 0600. With --json and no
--format, the output is JSONL.

Examples:
  authctl users export --output users.csv
  authctl users export --format jsonl > users.jsonl
  authctl --db old.db users export | authctl --db new.db users import -")]
pub(crate) struct ExportArgs {
    /// Output format [default: from the --output name, else csv]
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Write to this file (mode 0600) instead of stdout
    #[arg(long, short = 'o', value_name = "FILE", value_hint = ValueHint::FilePath)]
    output: Option<PathBuf>,
}

impl ExportArgs {
    pub(crate) fn run(&self, ctx: &Context) -> Result<(), CliError> {
        let users = ctx.list_if_exists(|auth| auth.export_users(&ctx.caller))?;
        let format = match (self.format, &self.output) {
            (Some(format), _) => format,
            (None, _) if ctx.out.is_json() => Format::Jsonl,
            (None, Some(path)) => Format::of(path),
            (None, None) => Format::Csv,
        };
        match &self.output {
            Some(path) => {
                let fail = |e| CliError::io(format!("cannot write {}", path.display()), e);
                let file = OpenOptions::new()
                    .write(true)
                    .create(true)
                    .truncate(true)
                    .mode(0o600)
                    .open(path)
                    .map_err(fail)?;
                // `mode` applies only to a new file; an old one may be looser.
                fs::set_permissions(path, Permissions::from_mode(0o600)).map_err(fail)?;
                write_users(BufWriter::new(file), &users, format).map_err(fail)?;
            }
            None => write_users(io::stdout().lock(), &users, format)
                .map_err(|e| CliError::io("cannot write to stdout", e))?,
        }
        ctx.out.note(format_args!("exported {} users", users.len()));
        Ok(())
    }
}
