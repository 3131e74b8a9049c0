//! The file format `users import` reads and `users export` writes, in one
//! place so the two cannot drift apart.
//!
//! A `password` column is always a plaintext password and a
//! `hashed_password` column always a bcrypt hash: the column decides, never
//! the look of the value, so a password that happens to start with `$2b$`
//! is not mistaken for a hash. A row fills exactly one of the two, so one
//! file may mix them. An optional `created_at` (RFC 3339, as export writes
//! it) keeps the account's creation time; without it the user is created now.
//! An optional `status` (`active` or `disabled`) keeps a disabled account
//! disabled, so export then import changes nothing that defines an account.

mod read;
mod write;

use std::path::Path;

use clap::ValueEnum;

pub(crate) use read::{Parsed, parse_rows};
pub(crate) use write::write_users;

/// The file formats `users import` reads and `users export` writes.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Comma-separated values with a header line
    Csv,
    /// One JSON object per line
    Jsonl,
}

impl Format {
    /// The format a file name suggests; stdin and unknown names are CSV.
    pub(crate) fn of(path: &Path) -> Self {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext)
                if ext.eq_ignore_ascii_case("jsonl") || ext.eq_ignore_ascii_case("ndjson") =>
            {
                Self::Jsonl
            }
            _ => Self::Csv,
        }
    }
}

const EMAIL: &str = "email";
const PASSWORD: &str = "password";
const HASHED_PASSWORD: &str = "hashed_password";
const CREATED_AT: &str = "created_at";
const STATUS: &str = "status";
const COLUMNS: [&str; 5] = [EMAIL, PASSWORD, HASHED_PASSWORD, CREATED_AT, STATUS];
/// The values of `status`; a missing status is `active`.
const ACTIVE: &str = "active";
const DISABLED: &str = "disabled";
