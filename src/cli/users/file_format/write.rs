//! Writing users in the import format.

use std::io::{self, BufWriter, Write};

use serde::Serialize;

use super::{ACTIVE, CREATED_AT, DISABLED, EMAIL, Format, HASHED_PASSWORD, STATUS};
use crate::auth::ExportedUser;

#[derive(Serialize)]
struct Line<'a> {
    email: &'a str,
    hashed_password: &'a str,
    created_at: String,
    status: &'static str,
}

impl<'a> From<&'a ExportedUser> for Line<'a> {
    fn from(user: &'a ExportedUser) -> Self {
        Self {
            email: user.email.as_str(),
            hashed_password: user.hash.expose(),
            created_at: user.created_at.to_string(),
            status: if user.disabled { DISABLED } else { ACTIVE },
        }
    }
}

pub(crate) fn write_users(
    out: impl Write,
    users: &[ExportedUser],
    format: Format,
) -> io::Result<()> {
    match format {
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(out);
            writer
                .write_record([EMAIL, HASHED_PASSWORD, CREATED_AT, STATUS])
                .map_err(csv_io)?;
            for user in users {
                let line = Line::from(user);
                writer
                    .write_record([
                        line.email,
                        line.hashed_password,
                        &line.created_at,
                        line.status,
                    ])
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
