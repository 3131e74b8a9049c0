use std::path::PathBuf;

use super::CliError;
use super::args::GlobalArgs;
use super::output::Output;
use crate::auth::{Auth, AuthError, Policy, default_db_path};

/// What every command gets: the global options and where output goes.
pub(crate) struct Context {
    global: GlobalArgs,
    pub(crate) out: Output,
}

impl Context {
    pub(crate) fn new(global: GlobalArgs) -> Self {
        let out = Output::new(global.json);
        Self { global, out }
    }

    /// `--db`, else `AUTHCTL_DB` (both through clap), else the XDG default.
    pub(crate) fn db_path(&self) -> Result<PathBuf, CliError> {
        match &self.global.db {
            Some(path) => Ok(path.clone()),
            None => default_db_path().ok_or_else(|| {
                CliError::Usage(
                    "no home folder to put the database in; pass --db PATH or set AUTHCTL_DB"
                        .to_owned(),
                )
            }),
        }
    }

    pub(crate) fn policy(&self) -> Policy {
        Policy {
            bcrypt_cost: self.global.bcrypt_cost,
            // clap bounds it to 1..=72, so the conversion cannot fail.
            min_password_length: usize::try_from(self.global.min_password_length)
                .unwrap_or(usize::MAX),
            session_ttl: self.global.session_ttl.into(),
            reset_ttl: self.global.reset_ttl.into(),
        }
    }

    /// Opens (creating if needed) the database, for the commands that add
    /// users or serve them. Only commands that need a database call this
    /// or [`Context::open_existing`], so `completions`, `man` and `--help`
    /// never touch a file.
    pub(crate) fn open(&self) -> Result<Auth, CliError> {
        Ok(Auth::open(&self.db_path()?, self.policy())?)
    }

    /// Opens the database if it exists, for commands that act on existing
    /// users: a mistyped `--db` is an error (exit 3) rather than a new,
    /// empty database left behind.
    pub(crate) fn open_existing(&self) -> Result<Auth, CliError> {
        Ok(Auth::open_existing(&self.db_path()?, self.policy())?)
    }

    /// For listings and dry runs, where no database just means nothing is
    /// there yet: `None` then, and no file is created.
    pub(crate) fn open_if_exists(&self) -> Result<Option<Auth>, CliError> {
        match Auth::open_existing(&self.db_path()?, self.policy()) {
            Ok(auth) => Ok(Some(auth)),
            Err(AuthError::NoDatabase(_)) => Ok(None),
            Err(other) => Err(other.into()),
        }
    }

    /// `list` over the database, or nothing when there is no database.
    pub(crate) fn list_if_exists<T>(
        &self,
        list: impl FnOnce(&Auth) -> Result<Vec<T>, AuthError>,
    ) -> Result<Vec<T>, CliError> {
        match self.open_if_exists()? {
            Some(auth) => Ok(list(&auth)?),
            None => Ok(Vec::new()),
        }
    }
}
