//! Every way a request can fail, and the one place that turns it into a
//! status code and a JSON `{"message": ...}` body.

use std::time::Duration;

use axum::Json;
use axum::http::header::RETRY_AFTER;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use super::metrics::{Refused, StoreFailure};
use crate::auth::{AuthError, TOO_COMMON, ThrottleScope};

/// A JSON body holding only a message: every error and `GET /`.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Message {
    /// What happened, for people.
    pub(crate) message: String,
}

impl Message {
    pub(crate) fn new(text: impl Into<String>) -> Self {
        Self {
            message: text.into(),
        }
    }
}

/// A failed request. Client errors carry a message safe to send back;
/// server errors are logged here and answered with a generic one.
#[derive(Debug)]
pub(crate) enum ApiError {
    /// The body or a field broke a rule: 400 with the reason.
    BadRequest(String),
    /// `POST /users` with a taken email (the Flask service's message).
    AlreadyRegistered,
    /// Wrong email or password: 401, the same for both.
    WrongCredentials(&'static str),
    /// No valid session, or a reset refused: 403.
    Forbidden(&'static str),
    /// No such route: 404.
    NotFound,
    /// The route exists, the method does not: 405.
    MethodNotAllowed,
    /// The client took too long to send its body: 408.
    BodyTimeout,
    /// The body is over the size limit: 413.
    TooLarge { limit_bytes: usize },
    /// A body in a format we do not read: 415.
    UnsupportedMediaType,
    /// Too many failed attempts (SPEC section 6): 429 with `Retry-After`,
    /// one body for a wait and a lock, a known and an unknown email, and
    /// whatever counter refused (the scope goes to the metrics only).
    Throttled {
        retry_after: Duration,
        scope: ThrottleScope,
    },
    /// Too much bcrypt work queued, or too many hooks running: 503 with a
    /// `Retry-After` so well-behaved clients back off.
    Overloaded { retry_after: Duration },
    /// The request ran past the server's time limit: 503.
    TimedOut { retry_after: Duration },
    /// The reset hook failed; the token was not delivered: 503.
    HookFailed,
    /// The database cannot be used for now (a full disk, a lock held too
    /// long): 503 with `Retry-After`, details in the log only.
    StoreUnavailable(Box<dyn std::error::Error + Send + Sync>),
    /// The database failed in a way that is not passing: 500, details in
    /// the log only.
    StoreFailed(Box<dyn std::error::Error + Send + Sync>),
    /// A bug: 500, details in the log only.
    Internal(Box<dyn std::error::Error + Send + Sync>),
}

impl ApiError {
    pub(crate) fn bad_request(text: impl Into<String>) -> Self {
        Self::BadRequest(text.into())
    }

    pub(crate) fn internal(error: impl std::error::Error + Send + Sync + 'static) -> Self {
        Self::Internal(Box::new(error))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        // For the metrics: which counter refused, or that the database failed.
        let refused = match &self {
            Self::Throttled { scope, .. } => Some(Refused::Throttled(*scope)),
            Self::StoreUnavailable(_) => Some(Refused::Store(StoreFailure::Unavailable)),
            Self::StoreFailed(_) => Some(Refused::Store(StoreFailure::Failed)),
            _ => None,
        };
        let (status, message, retry_after) = match self {
            Self::BadRequest(text) => (StatusCode::BAD_REQUEST, text, None),
            Self::AlreadyRegistered => (
                StatusCode::BAD_REQUEST,
                "email already registered".to_owned(),
                None,
            ),
            Self::WrongCredentials(text) => (StatusCode::UNAUTHORIZED, text.to_owned(), None),
            Self::Forbidden(text) => (StatusCode::FORBIDDEN, text.to_owned(), None),
            Self::NotFound => (StatusCode::NOT_FOUND, "not found".to_owned(), None),
            Self::MethodNotAllowed => (
                StatusCode::METHOD_NOT_ALLOWED,
                "method not allowed".to_owned(),
                None,
            ),
            Self::BodyTimeout => (
                StatusCode::REQUEST_TIMEOUT,
                "the request body did not arrive in time".to_owned(),
                None,
            ),
            Self::TooLarge { limit_bytes } => (
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("request body is larger than {} KiB", limit_bytes / 1024),
                None,
            ),
            Self::UnsupportedMediaType => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported content type: send application/x-www-form-urlencoded, \
                 multipart/form-data or application/json"
                    .to_owned(),
                None,
            ),
            Self::Throttled { retry_after, .. } => (
                StatusCode::TOO_MANY_REQUESTS,
                "too many failed attempts, try again later".to_owned(),
                Some(retry_after),
            ),
            Self::Overloaded { retry_after } => (
                StatusCode::SERVICE_UNAVAILABLE,
                "server busy, try again later".to_owned(),
                Some(retry_after),
            ),
            Self::TimedOut { retry_after } => (
                StatusCode::SERVICE_UNAVAILABLE,
                "request timed out, try again later".to_owned(),
                Some(retry_after),
            ),
            Self::StoreUnavailable(error) => {
                tracing::warn!(error = %ErrorChain(error.as_ref()), "database unavailable");
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    "the database is unavailable, try again later".to_owned(),
                    Some(Duration::from_secs(5)),
                )
            }
            Self::HookFailed => (
                StatusCode::SERVICE_UNAVAILABLE,
                "could not deliver the reset token, try again later".to_owned(),
                None,
            ),
            Self::Internal(error) | Self::StoreFailed(error) => {
                tracing::error!(error = %ErrorChain(error.as_ref()), "internal error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal error".to_owned(),
                    None,
                )
            }
        };
        let mut response = (status, Json(Message::new(message))).into_response();
        if let Some(refused) = refused {
            response.extensions_mut().insert(refused);
        }
        if let Some(delay) = retry_after {
            // Whole seconds, at least one: `Retry-After: 0` invites a storm.
            let seconds = delay.as_secs().max(1);
            response
                .headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

/// Displays an error with all its sources, for the log line of a 500.
pub(crate) struct ErrorChain<'a>(pub(crate) &'a (dyn std::error::Error + 'static));

impl std::fmt::Display for ErrorChain<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)?;
        let mut source = self.0.source();
        while let Some(cause) = source {
            write!(f, ": {cause}")?;
            source = cause.source();
        }
        Ok(())
    }
}

/// The 403 of `POST /reset_password` for an email no active user has, as
/// the Flask service answers it.
pub(crate) const EMAIL_NOT_REGISTERED: &str = "email not registered";

impl From<AuthError> for ApiError {
    /// The answer to each auth outcome: the Flask contract's, which answers
    /// refused input and a taken email 400 and every failed authentication
    /// 403. `POST /sessions` alone differs ([`ApiError::login_refused`]).
    /// No wildcard arm: a new outcome does not compile until it is given an
    /// answer here, so none becomes a 500 by omission.
    fn from(error: AuthError) -> Self {
        match error {
            AuthError::InvalidInput(refusal) => Self::BadRequest(refusal.to_string()),
            // One answer for every reason: which list, or whether the
            // email matched, is for the person at the CLI.
            AuthError::TooCommon(_) => Self::BadRequest(TOO_COMMON.to_owned()),
            AuthError::InvalidRows(rows) => Self::BadRequest(format!(
                "{} invalid rows, the first on line {}",
                rows.len(),
                rows.first().map_or(0, |row| row.line)
            )),
            AuthError::Conflict(_) => Self::AlreadyRegistered,
            AuthError::LookAlike(_) => Self::BadRequest(
                "email looks like an address already registered (look-alike letters from \
                 another script)"
                    .to_owned(),
            ),
            AuthError::NotFound(_) => Self::Forbidden(EMAIL_NOT_REGISTERED),
            AuthError::AuthenticationFailed(reason) => Self::Forbidden(reason),
            AuthError::Throttled {
                retry_after, scope, ..
            } => Self::Throttled { retry_after, scope },
            passing @ AuthError::Unavailable { .. } => Self::StoreUnavailable(Box::new(passing)),
            // The server opened its database at start; losing it is ours.
            failure @ (AuthError::NoDatabase(_)
            | AuthError::ForeignDatabase(_)
            | AuthError::Unusable(_)
            | AuthError::Internal { .. }) => Self::StoreFailed(Box::new(failure)),
        }
    }
}

impl ApiError {
    /// `POST /sessions` answers a failed login 401, as Flask's does; every
    /// other outcome as everywhere else.
    pub(crate) fn login_refused(error: AuthError) -> Self {
        match error {
            AuthError::AuthenticationFailed(reason) => Self::WrongCredentials(reason),
            other => other.into(),
        }
    }
}

impl From<crate::domain::ValidationError> for ApiError {
    fn from(refusal: crate::domain::ValidationError) -> Self {
        Self::BadRequest(refusal.to_string())
    }
}
