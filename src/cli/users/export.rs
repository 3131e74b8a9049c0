use std::fs::{self, OpenOptions, Permissions};
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::super::CliError;
use super::super::context::Context;
use super::import::format_of;
use super::import_rows::{CREATED_AT, EMAIL, Format, HASHED_PASSWORD};
use crate::auth::{Auth, ExportedUser};

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
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Serialize)]
struct Line<'a> {
    email: &'a str,
    hashed_password: &'a str,
    created_at: String,
}

impl<'a> From<&'a ExportedUser> for Line<'a> {
    fn from(user: &'a ExportedUser) -> Self {
        Self {
            email: user.email.as_str(),
            hashed_password: user.hash.expose(),
            created_at: user.created_at.to_string(),
        }
    }
}

impl ExportArgs {
    pub(crate) fn run(&self, ctx: &Context) -> Result<(), CliError> {
        let users = ctx.list_if_exists(Auth::export_users)?;
        let format = match (self.format, &self.output) {
            (Some(format), _) => format,
            (None, _) if ctx.out.is_json() => Format::Jsonl,
            (None, Some(path)) => format_of(path),
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

fn write_users(out: impl Write, users: &[ExportedUser], format: Format) -> io::Result<()> {
    match format {
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(out);
            writer
                .write_record([EMAIL, HASHED_PASSWORD, CREATED_AT])
                .map_err(csv_io)?;
            for user in users {
                let line = Line::from(user);
                writer
                    .write_record([line.email, line.hashed_password, &line.created_at])
                    .map_err(csv_io)?;
            }
            writer.flush()
        }
        Format::Jsonl => {
            let mut out = BufWriter::new(out);
            for user in users {
                serde_json::to_writer(&mut out, &Line::from(user))?;
                out.write_all(b"\n")?;
            }
            out.flush()
        }
    }
}

/// The I/O error inside a csv error, so that a closed pipe is still seen as
/// one; plain string records cannot fail any other way.
fn csv_io(error: csv::Error) -> io::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(error) => error,
        _ => io::Error::other("cannot write CSV"),
    }
}
