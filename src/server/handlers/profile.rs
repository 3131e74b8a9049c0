use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::{AuthError, INVALID_SESSION};
use crate::server::app::AppState;
use crate::server::error::{ApiError, Message};
use crate::server::session_cookie::ClientSession;

/// Who the session belongs to.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Profile {
    /// The address as registered.
    email: String,
}

/// The user behind the `session_id` cookie.
#[utoipa::path(
    get,
    path = "/profile",
    tag = "sessions",
    security(("session_id" = [])),
    responses(
        (status = 200, description = "The session's user", body = Profile),
        (status = 403, description = "No, unknown, expired or ambiguous (two session_id cookies) session", body = Message),
    )
)]
pub(crate) async fn show(
    State(app): State<AppState>,
    ClientSession(token): ClientSession,
) -> Result<Json<Profile>, ApiError> {
    let no_session = || AuthError::AuthenticationFailed(INVALID_SESSION);
    let token = token.ok_or_else(no_session)?;
    let user = app
        .lookup(move |auth| auth.get_user_from_session_id(&token))
        .await??
        .ok_or_else(no_session)?;
    Ok(Json(Profile {
        email: user.email.as_str().to_owned(),
    }))
}
