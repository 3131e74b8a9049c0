use thiserror::Error;

use crate::domain::ValidationError;
use crate::store::StoreError;

/// Why an auth operation did not succeed.
///
/// Each variant is one outcome the front ends treat differently (an exit
/// code, an HTTP status). No message holds a password or a token.
#[derive(Debug, Error)]
pub enum AuthError {
    /// A value broke a rule (email shape, password policy); exit code 6.
    #[error("{0}")]
    InvalidInput(#[from] ValidationError),
    /// One row of an import file is unusable; exit code 6.
    #[error("line {line}: {reason}")]
    InvalidRow {
        /// 1-based line of the input file.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// The thing to create exists already; exit code 5.
    #[error("{0}")]
    Conflict(String),
    /// The user (or session) named does not exist; exit code 3.
    #[error("{0}")]
    NotFound(String),
    /// [`crate::auth::Auth::open_existing`] found no database file at this
    /// path; exit code 3.
    #[error("no database at {}", .0.display())]
    NoDatabase(std::path::PathBuf),
    /// Wrong credentials, or an unknown, expired or used token; exit code 4.
    #[error("{0}")]
    AuthenticationFailed(&'static str),
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

impl From<StoreError> for AuthError {
    /// The variants the auth layer acts on are matched before this runs;
    /// whatever reaches here is unexpected.
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Unexpected { context, source } => Self::Internal { context, source },
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
