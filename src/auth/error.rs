use thiserror::Error;

use super::blocklist::TooCommon;
use super::import::RowError;
use super::store::StoreError;
use crate::domain::ValidationError;

/// Why an auth operation did not succeed.
///
/// Each variant is one outcome the front ends treat differently (an exit
/// code, an HTTP status). No message holds a password or a token.
#[derive(Debug, Error)]
pub enum AuthError {
    /// A value broke a rule (email shape, password policy); exit code 6.
    #[error("{0}")]
    InvalidInput(#[from] ValidationError),
    /// A new password is too common (SPEC section 7); exit code 6, HTTP 400
    /// [`TOO_COMMON`] whatever the reason, which only the CLI shows.
    #[error("{0}")]
    TooCommon(TooCommon),
    /// Rows of an import file break rules; nothing was imported. Exit
    /// code 6.
    #[error("{} invalid rows, the first on line {}", .0.len(), .0.first().map_or(0, |row| row.line))]
    InvalidRows(Vec<RowError>),
    /// The thing to create exists already; exit code 5.
    #[error("{0}")]
    Conflict(String),
    /// The email looks like another account's (one confusable skeleton):
    /// a second account that people would take for the first. Exit code 5.
    #[error("{0}")]
    LookAlike(String),
    /// The user (or session) named does not exist; exit code 3.
    #[error("{0}")]
    NotFound(String),
    /// [`crate::auth::Storage::open_existing`] found no database at this
    /// locator (shown as its `Display`, which holds no secret); exit code 3.
    #[error("no database at {0}")]
    NoDatabase(String),
    /// The database cannot be used for a reason its operator can fix (not
    /// a database, read-only, no permission, corrupt); the message names
    /// the file and says why, once. Exit code 1, HTTP 500.
    #[error("{0}")]
    Unusable(String),
    /// The locator names another application's database, which authctl
    /// refuses to change (it read it, wrote nothing); exit code 2.
    #[error("{0}")]
    ForeignDatabase(String),
    /// Wrong credentials, or an unknown, expired or used token; exit code 4.
    #[error("{0}")]
    AuthenticationFailed(&'static str),
    /// Too many failed attempts: refused before any password check, the
    /// same for a known and an unknown email. Exit code 7, HTTP 429.
    #[error("{}", throttled_message(*.locked, *.retry_after))]
    Throttled {
        /// When to try again; for a lock, the longest wait, so that a
        /// client cannot tell a lock from a wait.
        retry_after: std::time::Duration,
        /// Only an operator's unlock or a completed reset releases it.
        locked: bool,
        /// The counter that refused (the one with the longest wait when
        /// several did): for metrics, never for the client, whose answer
        /// must not say whether an account or its address was blocked.
        scope: super::ThrottleScope,
    },
    /// The database cannot be used for now (a full disk, a lock held too
    /// long by another process): worth retrying later. Exit code 1, HTTP 503
    /// with `Retry-After`.
    #[error("database unavailable: {context}")]
    Unavailable {
        /// What was being attempted.
        context: &'static str,
        /// The reason, for the message and the logs.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The store or the hasher failed; exit code 1, HTTP 500.
    #[error("internal error: {context}")]
    Internal {
        /// What was being attempted.
        context: &'static str,
        /// The underlying failure, for logs only.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

impl AuthError {
    pub(crate) fn internal(
        context: &'static str,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        Self::Internal {
            context,
            source: Box::new(source),
        }
    }
}

fn throttled_message(locked: bool, retry_after: std::time::Duration) -> String {
    if locked {
        "too many failed attempts: the account is locked until an operator unlocks it \
         (authctl users unlock) or a password reset completes"
            .to_owned()
    } else {
        let seconds = retry_after.as_secs().max(1);
        format!(
            "too many failed attempts, try again in {}",
            humantime::format_duration(std::time::Duration::from_secs(seconds))
        )
    }
}

impl From<StoreError> for AuthError {
    /// The variants the auth layer acts on are matched before this runs;
    /// whatever reaches here is unexpected.
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Unexpected { context, source } => Self::Internal { context, source },
            StoreError::Unavailable { context, source } => Self::Unavailable { context, source },
            StoreError::Unusable(reason) => Self::Unusable(reason),
            other => Self::internal("unexpected storage outcome", other),
        }
    }
}

/// The message for a failed login, the same whether the email is unknown or
/// the password is wrong, so that it reveals neither.
pub const WRONG_CREDENTIALS: &str = "wrong email or password";
/// The message for a session id that is unknown, expired or ended.
pub const INVALID_SESSION: &str = "invalid or expired session";
/// The message for a reset token that is unknown, expired, used or another
/// email's.
pub const INVALID_RESET_TOKEN: &str = "invalid or expired reset token";
/// The refusal of a password on a blocklist, or equal to the account's
/// email or to the service's name: all an HTTP client is told.
pub const TOO_COMMON: &str = "password is too common";
