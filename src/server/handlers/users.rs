use axum::Json;
use axum::extract::State;
use utoipa::ToSchema;

use super::EmailMessage;
use crate::domain::{Email, Password};
use crate::server::app::AppState;
use crate::server::client::Client;
use crate::server::error::{ApiError, Message};
use crate::server::input::{Fields, FromFields, Input};

/// An email and a password, for registering and logging in. (No `Debug`,
/// like every type here that holds a secret.)
#[derive(ToSchema)]
pub(crate) struct Credentials {
    /// The account's address: at most 254 bytes of UTF-8.
    #[schema(format = IdnEmail, min_length = 3, max_length = 254)]
    pub(crate) email: String,
    /// The password, never echoed back or logged: 1 to 72 bytes of UTF-8,
    /// no NUL (registering also needs the server's minimum length, 8
    /// characters by default, and a password not too common).
    #[schema(format = Password, min_length = 1, max_length = 72)]
    pub(crate) password: String,
}

impl FromFields for Credentials {
    fn from_fields(mut fields: Fields) -> Result<Self, ApiError> {
        Ok(Self {
            email: fields.take("email")?,
            password: fields.take("password")?,
        })
    }
}

/// Registers a user.
#[utoipa::path(
    post,
    path = "/users",
    tag = "users",
    request_body(content(
        (Credentials = "application/x-www-form-urlencoded"),
        (Credentials = "multipart/form-data"),
        (Credentials = "application/json"),
    )),
    responses(
        (status = 200, description = "User created", body = EmailMessage),
        (status = 400, description = "Email already registered, a field missing, an invalid email, a password breaking the policy, or \"password is too common\" (on the built-in or the operator's blocklist, or the email or its part before the @, or \"authctl\", compared lowercased and NFC)", body = Message),
        (status = 503, description = "Too many password hashes queued; see Retry-After", body = Message),
    )
)]
pub(crate) async fn register(
    State(app): State<AppState>,
    Client(caller): Client,
    Input(form): Input<Credentials>,
) -> Result<Json<EmailMessage>, ApiError> {
    let email = Email::parse(&form.email)?;
    let password = Password::parse(form.password)?;
    let address = email.clone();
    app.hashing(move |auth| auth.register_user(&caller, &address, &password))
        .await??;
    Ok(Json(EmailMessage::new(&email, "user created")))
}
