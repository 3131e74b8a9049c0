use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::LOCATION;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;

use super::EmailMessage;
use super::users::Credentials;
use crate::auth::{AuthError, INVALID_SESSION, WRONG_CREDENTIALS};
use crate::domain::{Email, Password};
use crate::server::app::AppState;
use crate::server::client::Client;
use crate::server::error::{ApiError, Message};
use crate::server::input::Input;
use crate::server::session_cookie::{ClientDevice, ClientSession};

/// Logs in: checks the password and sets a fresh `session_id` cookie.
///
/// A cookie the client already holds is ignored; every login issues a new
/// token, so a session id chosen by someone else is never adopted. The
/// throttle answers a refused attempt before it waits for (or takes) a
/// bcrypt slot.
#[utoipa::path(
    post,
    path = "/sessions",
    tag = "sessions",
    request_body(content(
        (Credentials = "application/x-www-form-urlencoded"),
        (Credentials = "multipart/form-data"),
        (Credentials = "application/json"),
    )),
    responses(
        (status = 200, description = "Logged in; sets the session_id cookie, and a device cookie when the client presented no valid one", body = EmailMessage,
            headers(("set-cookie" = String, description = "session_id=<token>; HttpOnly; SameSite=Lax; Path=/; Max-Age=<session ttl>, and device=<token>; HttpOnly; SameSite=Lax; Path=/sessions; Max-Age=<device ttl>"))),
        (status = 400, description = "A field missing", body = Message),
        (status = 401, description = "Wrong email or password (one answer for both)", body = Message),
        (status = 403, description = "A browser's cross-site request (Sec-Fetch-Site or Origin)", body = Message),
        (status = 429, description = "Too many failed attempts on this account or from this client; the same for known and unknown emails, and for a correct password", body = Message,
            headers(("retry-after" = u64, description = "Seconds to wait"))),
        (status = 503, description = "Too many password checks queued; see Retry-After", body = Message),
    )
)]
pub(crate) async fn login(
    State(app): State<AppState>,
    Client(caller): Client,
    ClientDevice(device): ClientDevice,
    Input(form): Input<Credentials>,
) -> Result<(CookieJar, Json<EmailMessage>), ApiError> {
    // A malformed email or password cannot be anyone's: the same 401 as a
    // wrong one. Rejecting it needs no bcrypt work and reveals no account.
    let wrong = || ApiError::login_refused(AuthError::AuthenticationFailed(WRONG_CREDENTIALS));
    let email = Email::parse(&form.email).map_err(|_| wrong())?;
    let password = Password::parse(form.password).map_err(|_| wrong())?;
    // Three steps, each in the cheapest place that can answer: a refusal
    // this process just gave (memory, on this thread); the stored counters
    // (a read, in the login-check lane); then, inside a bcrypt slot, the
    // claim and the password check. So a flood at a throttled account
    // neither queues for bcrypt nor takes the threads other routes use,
    // and an attempt that never gets a bcrypt slot is not counted.
    if let Some(refused) = app.auth().recent_refusal(&caller, &email, device.as_ref()) {
        return Err(ApiError::login_refused(refused));
    }
    let (checked, address, presented) = (caller.clone(), email.clone(), device.clone());
    app.checking_login(move |auth| auth.check_login(&checked, &address, presented.as_ref()))
        .await?
        .map_err(ApiError::login_refused)?;
    let address = email.clone();
    let logged_in = app
        .hashing(move |auth| {
            let attempt = auth.begin_login(&caller, &address, device.as_ref())?;
            auth.finish_login(&caller, attempt, &password)
        })
        .await?
        .map_err(ApiError::login_refused)?;
    let mut jar = CookieJar::new().add(app.cookie.session(&logged_in.session));
    if let Some(device) = &logged_in.device {
        jar = jar.add(app.cookie.device(device));
    }
    Ok((jar, Json(EmailMessage::new(&email, "logged in"))))
}

/// Logs out: ends the cookie's session, clears the cookie, redirects to `/`.
#[utoipa::path(
    delete,
    path = "/sessions",
    tag = "sessions",
    security(("session_id" = [])),
    responses(
        (status = 302, description = "Session ended; the cookie is cleared and the client sent to /",
            headers(("location" = String, description = "/"))),
        (status = 403, description = "No, unknown, expired or ambiguous session; or a browser's cross-site request", body = Message),
    )
)]
pub(crate) async fn logout(
    State(app): State<AppState>,
    Client(caller): Client,
    ClientSession(token): ClientSession,
) -> Result<Response, ApiError> {
    let token = token.ok_or(AuthError::AuthenticationFailed(INVALID_SESSION))?;
    app.lookup(move |auth| auth.end_session(&caller, &token))
        .await??;
    let jar = CookieJar::new().add(app.cookie.removal());
    // 302 as Flask's `redirect`; axum's `Redirect::to` would say 303.
    Ok((StatusCode::FOUND, [(LOCATION, "/")], jar).into_response())
}
