use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};

use super::CliError;
use super::args::GlobalArgs;
use super::output::Output;
use crate::auth::{Auth, AuthError, Caller, Policy, Throttling, WEAK_BCRYPT_COST};
use crate::domain::{Database, Location};
use crate::logging::LogFormat;

/// Set (non-empty) by test suites that run at a test cost on purpose.
const ALLOW_WEAK_BCRYPT: &str = "AUTHCTL_ALLOW_WEAK_BCRYPT";

/// The weak-cost warning is said once a process, however often it opens.
static WEAK_COST_WARNED: AtomicBool = AtomicBool::new(false);

/// A file holding the password of a `postgres://` database, so that it is
/// in neither the URL nor the environment another process can read.
const DB_PASSWORD_FILE: &str = "AUTHCTL_DB_PASSWORD_FILE";

/// What every command gets: the global options, who runs it, and where
/// output goes.
pub(crate) struct Context {
    global: GlobalArgs,
    /// The operating-system user running the command.
    pub(crate) caller: Caller,
    pub(crate) out: Output,
    /// A listing found no database (and said so).
    database_missing: Cell<bool>,
}

impl Context {
    pub(crate) fn new(global: GlobalArgs) -> Self {
        let out = Output::new(global.json, global.log_format == Some(LogFormat::Json));
        Self {
            global,
            caller: Caller::cli(),
            out,
            database_missing: Cell::new(false),
        }
    }

    /// `--log-format`, if given (or `AUTHCTL_LOG_FORMAT`).
    pub(crate) fn log_format(&self) -> Option<LogFormat> {
        self.global.log_format
    }

    /// `--db`, else `AUTHCTL_DB` (both through clap), else the XDG default.
    /// Parsed here rather than by clap, whose error would repeat the value,
    /// and a database URL may hold a password.
    pub(crate) fn database(&self) -> Result<Database, CliError> {
        match &self.global.db {
            Some(raw) => {
                let password_file = std::env::var_os(DB_PASSWORD_FILE).filter(|f| !f.is_empty());
                Database::parse_with(raw, password_file.as_deref().map(std::path::Path::new))
                    .map_err(|refusal| CliError::Usage(format!("--db: {}", refusal.reason())))
            }
            None => default_database().ok_or_else(|| {
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
            session_idle_timeout: self.global.session_idle_timeout.map(Into::into),
            max_sessions_per_user: self.global.max_sessions_per_user,
            throttling: Throttling {
                free_attempts: self.global.login_free_attempts,
                max_delay: self.global.login_max_delay.into(),
                lock_after: self.global.login_lock_after,
                forget_after: self.global.login_forget_after.into(),
                ..Throttling::default()
            },
            builtin_blocklist: !self.global.no_builtin_blocklist,
            audit_retention: Some(self.global.audit_retention.into())
                .filter(|retention: &std::time::Duration| !retention.is_zero()),
        }
    }

    /// Opens (creating if needed) the database, for the commands that add
    /// users or serve them. Only commands that need a database call this
    /// or [`Context::open_existing`], so `completions`, `man` and `--help`
    /// never touch a file.
    pub(crate) fn open(&self) -> Result<Auth, CliError> {
        self.open_with(self.policy())
    }

    /// `policy` if its settings work together; else a usage error, as for
    /// any other bad option value (clap checks each one alone).
    fn checked(&self, policy: Policy) -> Result<Policy, CliError> {
        policy
            .validate()
            .map_err(|refusal| CliError::Usage(refusal.to_string()))?;
        // A test setting left in an environment is said out loud, once a
        // process, to a person and a script alike; a test suite says it
        // knows with AUTHCTL_ALLOW_WEAK_BCRYPT.
        let allowed = std::env::var_os(ALLOW_WEAK_BCRYPT).is_some_and(|value| !value.is_empty());
        if policy.bcrypt_cost < WEAK_BCRYPT_COST
            && !allowed
            && !WEAK_COST_WARNED.swap(true, Ordering::Relaxed)
        {
            self.out.note(format_args!(
                "warning: bcrypt cost {} is below {WEAK_BCRYPT_COST}: new hashes are cheap to \
                 crack offline (a setting for tests; check --bcrypt-cost and AUTHCTL_BCRYPT_COST, \
                 or set {ALLOW_WEAK_BCRYPT}=1 in a test suite)",
                policy.bcrypt_cost
            ));
        }
        Ok(policy)
    }

    /// [`Context::open`] with a policy the command adjusted (`serve` adds
    /// its throttle options).
    pub(crate) fn open_with(&self, policy: Policy) -> Result<Auth, CliError> {
        let database = self.database()?;
        let policy = self.checked(policy)?;
        let is_new = match database.location() {
            Location::Sqlite(path) => !path.exists(),
            // A server database is made by its administrator, not by us.
            _ => false,
        };
        let auth = Auth::open(&database, policy)?;
        // Say where the data went: a mistyped --db, or a default path the
        // user did not expect, shows here rather than as a missing user later.
        if is_new {
            self.out
                .note(format_args!("created a new database at {database}"));
        }
        Ok(auth)
    }

    /// Opens the database if it exists, for commands that act on existing
    /// users: a mistyped `--db` is an error (exit 3) rather than a new,
    /// empty database left behind.
    pub(crate) fn open_existing(&self) -> Result<Auth, CliError> {
        Ok(Auth::open_existing(
            &self.database()?,
            self.checked(self.policy())?,
        )?)
    }

    /// For listings and dry runs, where no database just means nothing is
    /// there yet: `None` then, and no file is created.
    pub(crate) fn open_if_exists(&self) -> Result<Option<Auth>, CliError> {
        match Auth::open_existing(&self.database()?, self.checked(self.policy())?) {
            Ok(auth) => Ok(Some(auth)),
            Err(AuthError::NoDatabase(_)) => Ok(None),
            Err(other) => Err(other.into()),
        }
    }

    /// Says that a listing is empty, unless the reason is that there is no
    /// database, which has been said already.
    pub(crate) fn note_empty(&self, text: &str) {
        if !self.database_missing.get() {
            self.out.note(text);
        }
    }

    /// `list` over the database, or nothing when there is no database.
    pub(crate) fn list_if_exists<T>(
        &self,
        list: impl FnOnce(&Auth) -> Result<Vec<T>, AuthError>,
    ) -> Result<Vec<T>, CliError> {
        match self.open_if_exists()? {
            Some(auth) => Ok(list(&auth)?),
            None => {
                // "Nothing listed" and "no such database" must not look alike.
                self.database_missing.set(true);
                self.out.note(format_args!(
                    "no database at {} yet (register or users import creates it)",
                    self.database()?
                ));
                Ok(Vec::new())
            }
        }
    }
}

/// `$XDG_DATA_HOME/authctl/auth.db`, else `~/.local/share/authctl/auth.db`;
/// `None` when neither the variable nor a home folder is known.
fn default_database() -> Option<Database> {
    dirs::data_dir().map(|dir| Database::sqlite(dir.join("authctl").join("auth.db")))
}
