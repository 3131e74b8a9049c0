//! Driver failures turned into the store's errors: a server that cannot be
//! reached or is busy is a passing condition (retry later), named by its
//! host and port; the driver never puts the password in a message.

use tokio_postgres::error::SqlState;

use super::super::StoreError;

/// The server at an address could not be reached or did not answer.
#[derive(Debug, thiserror::Error)]
#[error("PostgreSQL at {address}: {reason}")]
pub(super) struct Reach {
    address: String,
    reason: String,
}

impl Reach {
    /// The driver's words with their cause ("error connecting to server:
    /// Connection refused"), on one line.
    pub(super) fn reason(error: &tokio_postgres::Error) -> String {
        let mut reason = error.to_string();
        let mut source = std::error::Error::source(error);
        while let Some(cause) = source {
            let cause_text = cause.to_string();
            if !reason.contains(&cause_text) {
                reason = format!("{reason}: {cause_text}");
            }
            source = cause.source();
        }
        reason
    }
}

/// A failure to connect to the server at `address`.
pub(super) fn unreachable(address: &str, error: tokio_postgres::Error) -> StoreError {
    StoreError::Unavailable {
        context: "cannot reach the database",
        source: Box::new(Reach {
            address: address.to_owned(),
            reason: Reach::reason(&error),
        }),
    }
}

/// A failed statement: passing (connection lost, lock or statement
/// timeout, serialisation failure, server short of resources or shutting
/// down) or not.
pub(super) fn failed(
    address: &str,
    context: &'static str,
    error: tokio_postgres::Error,
) -> StoreError {
    let passing = match error.code() {
        None => true,
        Some(code) => {
            let class = code.code().get(..2).unwrap_or_default();
            *code == SqlState::LOCK_NOT_AVAILABLE
                || *code == SqlState::QUERY_CANCELED
                || *code == SqlState::T_R_SERIALIZATION_FAILURE
                || *code == SqlState::T_R_DEADLOCK_DETECTED
                || matches!(class, "08" | "53" | "57")
        }
    };
    if passing {
        StoreError::Unavailable {
            context,
            source: Box::new(Reach {
                address: address.to_owned(),
                reason: Reach::reason(&error),
            }),
        }
    } else {
        StoreError::unexpected(context, error)
    }
}

/// Whether connecting failed in the TLS handshake: a certificate rustls
/// refused, or a server without TLS where TLS was required.
pub(super) fn is_tls_failure(error: &tokio_postgres::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(cause) = source {
        let rustls_inside = cause
            .downcast_ref::<std::io::Error>()
            .and_then(std::io::Error::get_ref)
            .is_some_and(|inner| inner.is::<rustls::Error>());
        if rustls_inside || cause.is::<rustls::Error>() {
            return true;
        }
        source = cause.source();
    }
    // tokio-postgres's own words when the server offers no TLS at all.
    error
        .to_string()
        .starts_with("error performing TLS handshake")
}
