use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;

use super::EmailMessage;
use crate::auth::{AuthError, INVALID_RESET_TOKEN};
use crate::domain::{Email, Password, ResetToken};
use crate::server::app::AppState;
use crate::server::client::Client;
use crate::server::error::{ApiError, EMAIL_NOT_REGISTERED, Message};
use crate::server::input::{Fields, FromFields, Input};

/// The email whose password is to be reset.
#[derive(Debug, ToSchema)]
pub(crate) struct ResetRequest {
    /// The account's address: at most 254 bytes of UTF-8.
    #[schema(format = IdnEmail, min_length = 3, max_length = 254)]
    pub(crate) email: String,
}

impl FromFields for ResetRequest {
    fn from_fields(mut fields: Fields) -> Result<Self, ApiError> {
        Ok(Self {
            email: fields.take("email")?,
        })
    }
}

/// A new password with the reset token that authorises it.
#[derive(ToSchema)]
pub(crate) struct PasswordUpdate {
    /// The account's address (at most 254 bytes of UTF-8); the token must
    /// be this email's.
    #[schema(format = IdnEmail, min_length = 3, max_length = 254)]
    pub(crate) email: String,
    /// The token from `POST /reset_password` (or the reset hook).
    pub(crate) reset_token: String,
    /// The password to set: 1 to 72 bytes of UTF-8, no NUL, at least the
    /// server's minimum length in characters (8 by default), and not too
    /// common.
    #[schema(format = Password, min_length = 1, max_length = 72)]
    pub(crate) new_password: String,
}

impl FromFields for PasswordUpdate {
    fn from_fields(mut fields: Fields) -> Result<Self, ApiError> {
        Ok(Self {
            email: fields.take("email")?,
            reset_token: fields.take("reset_token")?,
            new_password: fields.take("new_password")?,
        })
    }
}

/// The answer to a reset request.
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
pub(crate) enum ResetIssued {
    /// Without a reset hook, the token itself, as the Flask service does.
    Token(TokenIssued),
    /// With a reset hook: the token went to the hook instead.
    Sent(EmailMessage),
}

/// A reset token returned over HTTP.
#[derive(Serialize, ToSchema)]
pub(crate) struct TokenIssued {
    /// The account's address as sent.
    email: String,
    /// The single-use token for `PUT /reset_password`.
    reset_token: String,
}

/// Issues a reset token, replacing any earlier one.
#[utoipa::path(
    post,
    path = "/reset_password",
    tag = "passwords",
    request_body(content(
        (ResetRequest = "application/x-www-form-urlencoded"),
        (ResetRequest = "multipart/form-data"),
        (ResetRequest = "application/json"),
    )),
    responses(
        (status = 200, description = "The token, or with --reset-hook a note that it was sent", body = ResetIssued),
        (status = 400, description = "The email field missing", body = Message),
        (status = 403, description = "Email not registered (or its user disabled)", body = Message),
        (status = 429, description = "More reset requests for this account this hour than allowed (5 by default); the hook does not run", body = Message,
            headers(("retry-after" = u64, description = "Seconds to wait"))),
        (status = 503, description = "The reset hook failed or is busy", body = Message),
    )
)]
pub(crate) async fn issue_token(
    State(app): State<AppState>,
    Client(caller): Client,
    Input(form): Input<ResetRequest>,
) -> Result<Json<ResetIssued>, ApiError> {
    // An address that cannot parse cannot be registered.
    let email = Email::parse(&form.email)
        .map_err(|_| AuthError::NotFound(EMAIL_NOT_REGISTERED.to_owned()))?;
    let address = email.clone();
    let token = app
        .lookup(move |auth| auth.get_reset_password_token(&caller, &address))
        .await??;
    let issued = match &app.reset_hook {
        Some(hook) => {
            hook.deliver(&email, &token).await?;
            ResetIssued::Sent(EmailMessage::new(&email, "reset token sent"))
        }
        None => ResetIssued::Token(TokenIssued {
            email: email.as_str().to_owned(),
            reset_token: token.expose().to_owned(),
        }),
    };
    Ok(Json(issued))
}

/// Sets a new password with a reset token; the token is used up and every
/// session of the user ends.
#[utoipa::path(
    put,
    path = "/reset_password",
    tag = "passwords",
    request_body(content(
        (PasswordUpdate = "application/x-www-form-urlencoded"),
        (PasswordUpdate = "multipart/form-data"),
        (PasswordUpdate = "application/json"),
    )),
    responses(
        (status = 200, description = "Password updated", body = EmailMessage),
        (status = 400, description = "A field missing, the new password breaking the policy, or \"password is too common\" (on the built-in or the operator's blocklist, or the email or its part before the @, or \"authctl\", compared lowercased and NFC)", body = Message),
        (status = 403, description = "Token unknown, expired, used, or not this email's", body = Message),
        (status = 429, description = "Too many failed logins and token uses from this client", body = Message,
            headers(("retry-after" = u64, description = "Seconds to wait"))),
        (status = 503, description = "Too many password hashes queued; see Retry-After", body = Message),
    )
)]
pub(crate) async fn update_password(
    State(app): State<AppState>,
    Client(caller): Client,
    Input(form): Input<PasswordUpdate>,
) -> Result<Json<EmailMessage>, ApiError> {
    let bad_token = || AuthError::AuthenticationFailed(INVALID_RESET_TOKEN);
    let password = Password::parse(form.new_password).map_err(new_password_refused)?;
    let email = Email::parse(&form.email).map_err(|_| bad_token())?;
    let token = ResetToken::parse(&form.reset_token).map_err(|_| bad_token())?;
    // A blocked client is refused here, before it queues for bcrypt.
    let checked = caller.clone();
    app.checking_login(move |auth| auth.check_token_use(&checked))
        .await??;
    let address = email.clone();
    app.hashing(move |auth| auth.update_password(&caller, &address, &token, &password))
        .await?
        .map_err(|error| match error {
            AuthError::InvalidInput(refusal) => new_password_refused(refusal),
            other => other.into(),
        })?;
    Ok(Json(EmailMessage::new(&email, "Password updated")))
}

/// Names the field as the client sent it, not the domain's "password".
fn new_password_refused(refusal: crate::domain::ValidationError) -> ApiError {
    ApiError::bad_request(format!("invalid new_password: {}", refusal.reason()))
}
