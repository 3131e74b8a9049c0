//! One file per resource. Each handler parses its input at the edge into
//! domain types, runs the `auth` call off the async workers, and maps the
//! outcome; status codes live in [`super::error::ApiError`].

pub(crate) mod fallback;
pub(crate) mod health;
pub(crate) mod index;
pub(crate) mod profile;
pub(crate) mod reset;
pub(crate) mod sessions;
pub(crate) mod users;

use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::Email;

/// An email with what happened to it, as most Flask routes answer.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct EmailMessage {
    /// The address as the client sent it (trimmed).
    email: String,
    /// What was done.
    message: String,
}

impl EmailMessage {
    pub(crate) fn new(email: &Email, message: &str) -> Self {
        Self {
            email: email.as_str().to_owned(),
            message: message.to_owned(),
        }
    }
}
