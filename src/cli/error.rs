use std::io::{self, Write};
use std::process::ExitCode;

use serde::Serialize;

use crate::auth::{AuthError, RowError};
use crate::domain::ValidationError;
use crate::server::ServerError;

/// Success.
pub(crate) const EXIT_OK: u8 = 0;
/// The store, the file system or the server failed.
pub(crate) const EXIT_INTERNAL: u8 = 1;
/// The command line itself is wrong.
pub(crate) const EXIT_USAGE: u8 = 2;
/// The user (or session) named does not exist.
pub(crate) const EXIT_NOT_FOUND: u8 = 3;
/// Wrong password; unknown, expired or missing session or token.
pub(crate) const EXIT_AUTH_FAILED: u8 = 4;
/// The thing to create exists already.
pub(crate) const EXIT_CONFLICT: u8 = 5;
/// An email, a password or an import file breaks a rule.
pub(crate) const EXIT_INVALID_INPUT: u8 = 6;
/// Temporarily refused: too many failed attempts; the message says when.
pub(crate) const EXIT_THROTTLED: u8 = 7;

/// Why a command failed; [`CliError::exit_code`] is the exit-code table.
///
/// No variant carries a password or a token, so messages and `Debug` are
/// safe to print.
#[derive(Debug)]
pub enum CliError {
    /// The auth layer refused or failed.
    Auth(AuthError),
    /// Arguments that parse but cannot be acted on (exit 2).
    Usage(String),
    /// A value or file from the user breaks a rule (exit 6).
    InvalidInput(String),
    /// Rows of an import file break rules; nothing was imported (exit 6).
    InvalidRows(Vec<RowError>),
    /// No usable session, or a malformed token (exit 4).
    AuthenticationFailed(String),
    /// The HTTP server could not start or stopped abnormally (exit 1).
    Server(ServerError),
    /// `doctor` found these checks failing (exit 1).
    ChecksFailed(Vec<&'static str>),
    /// Reading or writing a local file or stream failed (exit 1).
    Io {
        /// What was being attempted.
        context: String,
        /// The operating system's reason.
        source: io::Error,
    },
}

impl CliError {
    /// The process exit code: the table of SPEC.md section 5.
    pub fn exit_code(&self) -> u8 {
        match self {
            // Whoever reads our output stopped reading; like ripgrep, that
            // ends the command without being its failure.
            Self::Io { source, .. } if source.kind() == io::ErrorKind::BrokenPipe => EXIT_OK,
            Self::Auth(error) => exit_code_of(error),
            Self::Usage(_) => EXIT_USAGE,
            Self::InvalidInput(_) | Self::InvalidRows(_) => EXIT_INVALID_INPUT,
            Self::AuthenticationFailed(_) => EXIT_AUTH_FAILED,
            Self::Server(_) | Self::ChecksFailed(_) | Self::Io { .. } => EXIT_INTERNAL,
        }
    }

    /// Wraps an I/O failure with what was being attempted.
    pub(crate) fn io(context: impl Into<String>, source: io::Error) -> Self {
        Self::Io {
            context: context.into(),
            source,
        }
    }

    /// One line of human words.
    pub fn message(&self) -> String {
        match self {
            Self::Auth(AuthError::Internal { context, source }) => {
                format!("internal error: {context}: {}", chain(source.as_ref()))
            }
            Self::Auth(AuthError::Unavailable { context, source }) => {
                format!("{context}: {}; try again later", chain(source.as_ref()))
            }
            Self::Auth(missing @ AuthError::NoDatabase(_)) => {
                format!("{missing}; `authctl register` or `authctl users import` creates it")
            }
            Self::Auth(common @ AuthError::TooCommon(_)) => format!("{common}; choose another"),
            Self::Auth(other) => other.to_string(),
            Self::Usage(text) | Self::InvalidInput(text) | Self::AuthenticationFailed(text) => {
                text.clone()
            }
            Self::InvalidRows(rows) => match rows.as_slice() {
                [only] => format!("line {}: {}; nothing imported", only.line, only.reason),
                [first, rest @ ..] => format!(
                    "{} invalid rows, the first on line {}: {}; nothing imported",
                    rest.len() + 1,
                    first.line,
                    first.reason
                ),
                [] => "the input has invalid rows; nothing imported".to_owned(),
            },
            Self::ChecksFailed(checks) => {
                let plural = if checks.len() == 1 { "" } else { "s" };
                format!("failed check{plural}: {}", checks.join(", "))
            }
            // Each variant already says what could not be done.
            Self::Server(error) => chain(error),
            Self::Io { context, source } => format!("{context}: {source}"),
        }
    }

    /// Prints the error on stderr: `error: ...` lines, or with `json` one
    /// JSON object `{"error": ..., "code": N}` (plus `rows` for an import).
    pub fn report(&self, json: bool) {
        if self.exit_code() == EXIT_OK {
            return;
        }
        let mut stderr = io::stderr().lock();
        // If stderr itself is gone there is nowhere left to complain.
        let _ = if json {
            let rows = match self {
                Self::InvalidRows(rows) => Some(rows.as_slice()),
                _ => None,
            };
            let body = ErrorBody {
                error: self.message(),
                code: self.exit_code(),
                rows,
            };
            serde_json::to_writer(&mut stderr, &body)
                .map_err(io::Error::from)
                .and_then(|()| writeln!(stderr))
        } else {
            self.write_human(&mut stderr)
        };
    }

    fn write_human(&self, out: &mut impl Write) -> io::Result<()> {
        if let Self::InvalidRows(rows) = self
            && rows.len() > 1
        {
            for row in rows.iter().take(MAX_ROWS_SHOWN) {
                writeln!(out, "line {}: {}", row.line, row.reason)?;
            }
            if rows.len() > MAX_ROWS_SHOWN {
                writeln!(out, "... and {} more", rows.len() - MAX_ROWS_SHOWN)?;
            }
        }
        writeln!(out, "error: {}", self.message())
    }
}

/// The exit code of each auth outcome. No wildcard arm: a new outcome
/// does not compile until it is given its code here.
fn exit_code_of(error: &AuthError) -> u8 {
    match error {
        AuthError::InvalidInput(_) | AuthError::InvalidRows(_) | AuthError::TooCommon(_) => {
            EXIT_INVALID_INPUT
        }
        AuthError::Conflict(_) | AuthError::LookAlike(_) => EXIT_CONFLICT,
        AuthError::NotFound(_) | AuthError::NoDatabase(_) => EXIT_NOT_FOUND,
        AuthError::AuthenticationFailed(_) => EXIT_AUTH_FAILED,
        AuthError::Throttled { .. } => EXIT_THROTTLED,
        AuthError::ForeignDatabase(_) => EXIT_USAGE,
        AuthError::Internal { .. } | AuthError::Unavailable { .. } | AuthError::Unusable(_) => {
            EXIT_INTERNAL
        }
    }
}

/// Enough rows to see the pattern of a bad file without flooding a terminal.
const MAX_ROWS_SHOWN: usize = 20;

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: String,
    code: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    rows: Option<&'a [RowError]>,
}

/// An error and its sources on one line, `outer: inner: innermost`.
fn chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(inner) = source {
        text.push_str(": ");
        text.push_str(&inner.to_string());
        source = inner.source();
    }
    text
}

impl From<AuthError> for CliError {
    /// Bad import rows are reported alike whether the file's shape or the
    /// auth layer's rules refused them.
    fn from(error: AuthError) -> Self {
        match error {
            AuthError::InvalidRows(rows) => Self::InvalidRows(rows),
            other => Self::Auth(other),
        }
    }
}

impl From<ValidationError> for CliError {
    fn from(error: ValidationError) -> Self {
        Self::InvalidInput(error.to_string())
    }
}

impl From<ServerError> for CliError {
    fn from(error: ServerError) -> Self {
        Self::Server(error)
    }
}

/// Prints a command-line parse error (or `--help`/`--version`) and returns
/// its exit code: 2 for a usage error, 0 for help and version. When the raw
/// arguments ask for `--json`, a usage error is a JSON object too.
pub fn report_usage_error(error: &clap::Error) -> ExitCode {
    let code = u8::try_from(error.exit_code()).unwrap_or(EXIT_USAGE);
    let wants_json = std::env::args_os().any(|arg| arg == "--json");
    if error.use_stderr() && wants_json {
        let rendered = error.render().to_string();
        let first = rendered.lines().next().unwrap_or("invalid arguments");
        let body = ErrorBody {
            error: first.trim_start_matches("error: ").to_owned(),
            code,
            rows: None,
        };
        if let Ok(text) = serde_json::to_string(&body) {
            eprintln!("{text}");
        }
    } else {
        // Nothing useful can be done if the terminal is gone.
        let _ = error.print();
    }
    ExitCode::from(code)
}
