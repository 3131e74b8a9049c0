//! The `session_id` cookie: reading the client's, and writing ours.

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::FromRequestParts;
use axum::http::header::COOKIE;
use axum::http::request::Parts;
use axum_extra::extract::cookie::{Cookie, SameSite};

use crate::domain::SessionToken;

/// The Flask service's cookie name, kept so its clients work unchanged
/// (which rules out the `__Host-` prefix).
pub(crate) const SESSION_COOKIE: &str = "session_id";

/// How our session cookies are made.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CookiePolicy {
    /// Add `Secure`, for deployments behind HTTPS.
    pub(crate) secure: bool,
    /// The session TTL, so the browser forgets the cookie when it dies.
    pub(crate) max_age: Duration,
}

impl CookiePolicy {
    /// `session_id=<token>; HttpOnly; SameSite=Lax; Path=/; Max-Age=<ttl>`.
    pub(crate) fn session(&self, token: &SessionToken) -> Cookie<'static> {
        let seconds = i64::try_from(self.max_age.as_secs()).unwrap_or(i64::MAX);
        self.base(token.expose().to_owned())
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
        let mut values = parts
            .headers
            .get_all(COOKIE)
            .iter()
            // A header that is not visible ASCII holds no cookie of ours.
            .filter_map(|header| header.to_str().ok())
            .flat_map(Cookie::split_parse_encoded)
            .filter_map(Result::ok)
            .filter(|cookie| cookie.name() == SESSION_COOKIE);
        let token = match (values.next(), values.next()) {
            (Some(only), None) => SessionToken::parse(only.value()).ok(),
            _ => None,
        };
        Ok(Self(token))
    }
}
