use std::ffi::OsString;

use clap::{Args, Parser, Subcommand, ValueHint};

use super::{
    audit::AuditArgs, blocklist::BlocklistCommand, completions::CompletionsArgs,
    doctor::DoctorArgs, login::LoginArgs, logout::LogoutArgs, man::ManArgs, register::RegisterArgs,
    reset_password::ResetPasswordArgs, serve::ServeArgs, sessions::SessionsCommand,
    throttle::ThrottleCommand, users::UsersCommand, whoami::WhoamiArgs,
};
use crate::auth::{MAX_BCRYPT_COST, MIN_BCRYPT_COST, Policy, Throttling};
use crate::domain::MAX_PASSWORD_BYTES;
use crate::logging::LogFormat;

const AFTER_HELP: &str = "\
Examples:
  authctl register alice@example.com            # prompts twice for the password
  printf '%s\\n' \"$PW\" | authctl register alice@example.com --password-stdin
  SID=$(authctl login alice@example.com)        # prints the session id alone
  authctl whoami
  authctl users import users.csv
  authctl --json users list | jq -r '.[].email'
  authctl blocklist import company-words.txt    # refused as new passwords
  authctl doctor                                # is this installation sound?

Output:
  Results go to stdout; confirmations, prompts, progress bars and errors go
  to stderr. With --json, stdout holds exactly one JSON document and an error
  is one JSON object {\"error\": ..., \"code\": N} on stderr.

Exit codes:
  0  success
  1  the database, the file system or the server failed (the message names
     the file, or the database server's host and port, and says why); `doctor`
     found a check failing
  2  usage error (bad arguments or option values; `users delete` without
     --yes when stdin is not a terminal)
  3  not found (user, or no database yet; a word to take off the blocklist)
  4  authentication failed (wrong email or password; no, invalid or expired
     session; invalid, expired or used reset token)
  5  conflict (the user already exists)
  6  invalid input (email, password policy, a password too common, import
     file; a password needed without a terminal and without
     --password-stdin)
  7  temporarily refused: too many failed attempts (the message says when
     to retry, or that the account is locked)

Files:
  database       --db, else $AUTHCTL_DB, else $XDG_DATA_HOME/authctl/auth.db;
                 a postgres:// URL names a PostgreSQL database instead
  db password    $AUTHCTL_DB_PASSWORD_FILE, for a URL without one
  saved session  $XDG_STATE_HOME/authctl/sessions/<id of the database>, 0600";

/// Manage users, sessions and password resets of the authctl
/// authentication service, and run it.
///
/// Passwords never come from the command line: on a terminal they are
/// prompted for, and a script passes them with --password-stdin.
#[derive(Parser)]
#[command(name = "authctl", version, after_help = AFTER_HELP, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub(crate) global: GlobalArgs,
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// Options every command accepts, before or after the command name.
#[derive(Args)]
pub(crate) struct GlobalArgs {
    /// Database file (register, users import, blocklist import and serve create it, 0600), or postgres://USER@HOST[:PORT]/DBNAME[?sslmode=disable|require|verify-full&sslrootcert=FILE] (password from $AUTHCTL_DB_PASSWORD_FILE) [default: $XDG_DATA_HOME/authctl/auth.db]
    #[arg(long, global = true, env = "AUTHCTL_DB", value_name = "PATH|URL", value_hint = ValueHint::AnyPath)]
    pub(crate) db: Option<OsString>,

    /// Machine output: one JSON document on stdout; errors as JSON on stderr
    #[arg(long, global = true)]
    pub(crate) json: bool,

    /// bcrypt cost for new password hashes (4 is for tests only)
    #[arg(
        long,
        global = true,
        env = "AUTHCTL_BCRYPT_COST",
        value_name = "N",
        default_value_t = Policy::default().bcrypt_cost,
        value_parser = clap::value_parser!(u32).range(i64::from(MIN_BCRYPT_COST)..=i64::from(MAX_BCRYPT_COST)),
    )]
    pub(crate) bcrypt_cost: u32,

    /// Fewest characters a new password may have (NIST SP 800-63B asks 15)
    #[arg(
        long,
        global = true,
        env = "AUTHCTL_MIN_PASSWORD_LENGTH",
        value_name = "N",
        default_value_t = Policy::default().min_password_length as u64,
        value_parser = clap::value_parser!(u64).range(1..=MAX_PASSWORD_BYTES as u64),
    )]
    pub(crate) min_password_length: u64,

    /// How long a session stays valid, e.g. 30m, 24h, 7d
    #[arg(
        long,
        global = true,
        env = "AUTHCTL_SESSION_TTL",
        value_name = "DURATION",
        default_value_t = Policy::default().session_ttl.into(),
        value_parser = parse_ttl,
    )]
    pub(crate) session_ttl: humantime::Duration,

    /// How long a reset token stays valid, e.g. 15m, 1h
    #[arg(
        long,
        global = true,
        env = "AUTHCTL_RESET_TTL",
        value_name = "DURATION",
        default_value_t = Policy::default().reset_ttl.into(),
        value_parser = parse_ttl,
    )]
    pub(crate) reset_ttl: humantime::Duration,

    /// End a session unused this long, e.g. 30m [default: none, as in the
    /// Flask service: a session lasts its TTL]
    #[arg(
        long,
        global = true,
        env = "AUTHCTL_SESSION_IDLE_TIMEOUT",
        value_name = "DURATION",
        value_parser = parse_ttl,
    )]
    pub(crate) session_idle_timeout: Option<humantime::Duration>,

    /// Most live sessions per user; a new login ends the oldest beyond it
    /// [default: no cap]
    #[arg(
        long,
        global = true,
        env = "AUTHCTL_MAX_SESSIONS_PER_USER",
        value_name = "N",
        value_parser = clap::value_parser!(u32).range(1..),
    )]
    pub(crate) max_sessions_per_user: Option<u32>,

    /// How long audit events are kept: the server's pruning and `audit
    /// prune` delete older ones; 0 keeps them all
    #[arg(
        long,
        global = true,
        env = "AUTHCTL_AUDIT_RETENTION",
        value_name = "DURATION",
        default_value = "90d",
        value_parser = parse_retention,
    )]
    pub(crate) audit_retention: humantime::Duration,

    /// Failed logins of one account that cost no wait; after that each
    /// failure doubles the wait, from 1s
    #[arg(
        long,
        global = true,
        env = "AUTHCTL_LOGIN_FREE_ATTEMPTS",
        value_name = "N",
        default_value_t = Throttling::default().free_attempts,
        value_parser = clap::value_parser!(u32).range(0..100),
        help_heading = "Login throttle",
    )]
    pub(crate) login_free_attempts: u32,

    /// Longest wait between attempts on one account
    #[arg(
        long,
        global = true,
        env = "AUTHCTL_LOGIN_MAX_DELAY",
        value_name = "DURATION",
        default_value = "15m",
        value_parser = parse_ttl,
        help_heading = "Login throttle",
    )]
    pub(crate) login_max_delay: humantime::Duration,

    /// Consecutive failures that lock an account until `users unlock` or a
    /// completed reset (at most 100, NIST SP 800-63B)
    #[arg(
        long,
        global = true,
        env = "AUTHCTL_LOGIN_LOCK_AFTER",
        value_name = "N",
        default_value_t = Throttling::default().lock_after,
        value_parser = clap::value_parser!(u32).range(1..=100),
        help_heading = "Login throttle",
    )]
    pub(crate) login_lock_after: u32,

    /// An account's failure count is forgotten after this long without a
    /// failure (a lock is not)
    #[arg(
        long,
        global = true,
        env = "AUTHCTL_LOGIN_FORGET_AFTER",
        value_name = "DURATION",
        default_value = "24h",
        value_parser = parse_ttl,
        help_heading = "Login throttle",
    )]
    pub(crate) login_forget_after: humantime::Duration,

    /// Accept new passwords that are on the built-in list of common
    /// passwords (the database's blocklist and the email rule still apply)
    #[arg(
        long,
        global = true,
        env = "AUTHCTL_NO_BUILTIN_BLOCKLIST",
        value_parser = clap::builder::BoolishValueParser::new(),
    )]
    pub(crate) no_builtin_blocklist: bool,

    /// Log lines on stderr as text or one JSON object a line. serve logs
    /// either way; other commands log only with this option or RUST_LOG
    /// set [default: text]
    #[arg(
        long,
        global = true,
        env = "AUTHCTL_LOG_FORMAT",
        value_name = "FORMAT",
        value_enum
    )]
    pub(crate) log_format: Option<LogFormat>,
}

/// The commands, in the order `--help` lists them.
#[derive(Subcommand)]
pub(crate) enum Command {
    /// Create a user
    Register(RegisterArgs),
    /// Check a password, open a session and print its id
    Login(LoginArgs),
    /// Print the email of the session's user
    Whoami(WhoamiArgs),
    /// End the session (or all of its user's) and forget the saved one
    Logout(LogoutArgs),
    /// Issue a reset token, or set a new password with one
    ResetPassword(ResetPasswordArgs),
    /// List, show, delete, disable, enable, import and export users
    #[command(subcommand)]
    Users(UsersCommand),
    /// List or revoke live sessions
    #[command(subcommand)]
    Sessions(SessionsCommand),
    /// List or clear the brute-force defence's counters
    #[command(subcommand)]
    Throttle(ThrottleCommand),
    /// Manage the database's list of passwords nobody may choose
    #[command(subcommand)]
    Blocklist(BlocklistCommand),
    /// Who did what: the audit log, filtered, followed or pruned
    #[command(after_help = "\
Examples:
  authctl audit --user alice@example.com --since 1d
  authctl audit --event login.failure,login.throttled --ip 203.0.113.9
  authctl --json audit --outcome failure --limit 1000 | jq -r '.[].client_ip'
  authctl audit --follow
  authctl audit prune --dry-run")]
    Audit(AuditArgs),
    /// Check the installation: database, file modes, bcrypt cost, saved sessions
    Doctor(DoctorArgs),
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// Print a man page, or write them all
    Man(ManArgs),
    /// Run the HTTP service
    Serve(ServeArgs),
}

/// Durations as people write them; zero is refused here because a session
/// that expires at once is never what was meant.
/// A duration where 0 means "forever".
pub(crate) fn parse_retention(text: &str) -> Result<humantime::Duration, String> {
    if text.trim() == "0" {
        return Ok(std::time::Duration::ZERO.into());
    }
    parse_ttl(text)
}

pub(crate) fn parse_ttl(text: &str) -> Result<humantime::Duration, String> {
    let duration = humantime::parse_duration(text)
        .map_err(|e| format!("{e} (write durations like 30m, 24h or 7d)"))?;
    if duration.as_secs() == 0 {
        return Err("must be at least 1s".to_owned());
    }
    Ok(duration.into())
}

#[cfg(test)]
mod tests {
    use clap::{CommandFactory, Parser};

    use super::*;

    #[test]
    fn the_clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    /// The defaults clap shows are written as text; they must be the
    /// library's.
    #[test]
    fn the_throttle_defaults_are_the_librarys() {
        let cli = Cli::parse_from(["authctl", "whoami"]);
        let context = crate::cli::context::Context::new(cli.global);
        assert_eq!(context.policy().throttling, Throttling::default());
    }

    #[test]
    fn ttl_accepts_days_and_refuses_zero() {
        assert_eq!(parse_ttl("7d").map(|d| d.as_secs()), Ok(7 * 24 * 3600));
        assert!(parse_ttl("0s").is_err());
        assert!(parse_ttl("soon").is_err());
    }
}
