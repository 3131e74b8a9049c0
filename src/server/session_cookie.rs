//! The `session_id` and `device` cookies: reading the client's, and
//! writing ours.

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::FromRequestParts;
use axum::http::header::COOKIE;
use axum::http::request::Parts;
use axum_extra::extract::cookie::{Cookie, SameSite};

use crate::domain::{DeviceToken, SessionToken};

/// The Flask service's cookie name, kept so its clients work unchanged
/// (which rules out the `__Host-` prefix).
pub(crate) const SESSION_COOKIE: &str = "session_id";

/// The known-device cookie (SPEC section 6).
pub(crate) const DEVICE_COOKIE: &str = "device";

/// How our session cookies are made.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CookiePolicy {
    /// Add `Secure`, for deployments behind HTTPS.
    pub(crate) secure: bool,
    /// The session TTL, so the browser forgets the cookie when it dies.
    pub(crate) max_age: Duration,
    /// How long a known-device cookie lasts.
    pub(crate) device_max_age: Duration,
}

impl CookiePolicy {
    /// `session_id=<token>; HttpOnly; SameSite=Lax; Path=/; Max-Age=<ttl>`.
    pub(crate) fn session(&self, token: &SessionToken) -> Cookie<'static> {
        let seconds = i64::try_from(self.max_age.as_secs()).unwrap_or(i64::MAX);
        self.base(token.expose().to_owned())
            .max_age(cookie::time::Duration::seconds(seconds))
            .build()
    }

    /// `device=<token>; HttpOnly; SameSite=Lax; Path=/sessions;
    /// Max-Age=<device ttl>`: sent back only to the login route, so no
    /// other request carries it.
    pub(crate) fn device(&self, token: &DeviceToken) -> Cookie<'static> {
        let seconds = i64::try_from(self.device_max_age.as_secs()).unwrap_or(i64::MAX);
        Cookie::build((DEVICE_COOKIE, token.expose().to_owned()))
            .http_only(true)
            .same_site(SameSite::Lax)
            .path("/sessions")
            .secure(self.secure)
            .max_age(cookie::time::Duration::seconds(seconds))
            .build()
    }

    /// The same cookie emptied and expired, which makes the browser drop it.
    pub(crate) fn removal(&self) -> Cookie<'static> {
        self.base(String::new())
            .max_age(cookie::time::Duration::ZERO)
            .expires(cookie::time::OffsetDateTime::UNIX_EPOCH)
            .build()
    }

    fn base(&self, value: String) -> cookie::CookieBuilder<'static> {
        Cookie::build((SESSION_COOKIE, value))
            .http_only(true)
            .same_site(SameSite::Lax)
            .path("/")
            .secure(self.secure)
    }
}

/// The session the client presented, if its cookie holds a well-formed
/// token. Garbage, odd bytes, no cookie, or more than one `session_id`
/// cookie all read as no session, which the handlers answer with 403. Two
/// are refused rather than one picked: a sibling subdomain can plant a
/// second cookie (cookie tossing), and which one a browser sends first is
/// not the server's to guess.
#[derive(Debug)]
pub(crate) struct ClientSession(pub(crate) Option<SessionToken>);

impl<S: Send + Sync> FromRequestParts<S> for ClientSession {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Infallible> {
        Ok(Self(
            only_cookie(parts, SESSION_COOKIE).and_then(|value| SessionToken::parse(&value).ok()),
        ))
    }
}

/// The known-device cookie the client presented, read like the session
/// cookie: garbage or two of them read as none.
#[derive(Debug)]
pub(crate) struct ClientDevice(pub(crate) Option<DeviceToken>);

impl<S: Send + Sync> FromRequestParts<S> for ClientDevice {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Infallible> {
        Ok(Self(
            only_cookie(parts, DEVICE_COOKIE).and_then(|value| DeviceToken::parse(&value).ok()),
        ))
    }
}

/// The value of the one cookie named `name`; `None` if there is none or
/// more than one.
fn only_cookie(parts: &Parts, name: &str) -> Option<String> {
    let mut values = parts
        .headers
        .get_all(COOKIE)
        .iter()
        // A header that is not visible ASCII holds no cookie of ours.
        .filter_map(|header| header.to_str().ok())
        .flat_map(Cookie::split_parse_encoded)
        .filter_map(Result::ok)
        .filter(|cookie| cookie.name() == name);
    match (values.next(), values.next()) {
        (Some(only), None) => Some(only.value().to_owned()),
        _ => None,
    }
}
