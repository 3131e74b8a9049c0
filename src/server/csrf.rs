//! Login CSRF: a page on another site must not make a visitor's browser log
//! in (to an account the attacker controls) or log out.
//!
//! Browsers say where a request comes from (`Sec-Fetch-Site`, `Origin`);
//! scripts, curl and the Flask service's clients send neither, and keep
//! working. `Sec-Fetch-Site: cross-site` is refused; so is an `Origin` that
//! is neither this server's (the `Host` the request was sent to) nor one
//! the operator trusts (`--trusted-origin`).

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::HeaderMap;
use axum::http::header::{HOST, ORIGIN};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::error::ApiError;

/// The message of a refused cross-site request.
const CROSS_SITE: &str = "cross-site request refused";

/// Origins besides the server's own whose pages may log users in and out,
/// each as `scheme://host[:port]`, compared without case.
#[derive(Debug, Clone, Default)]
pub(crate) struct TrustedOrigins(Arc<[String]>);

impl TrustedOrigins {
    pub(crate) fn new(origins: &[String]) -> Self {
        Self(
            origins
                .iter()
                .map(|origin| origin.trim_end_matches('/').to_ascii_lowercase())
                .collect(),
        )
    }
}

pub(crate) async fn refuse_cross_site(
    State(trusted): State<TrustedOrigins>,
    req: Request,
    next: Next,
) -> Response {
    if is_cross_site(req.headers(), &trusted) {
        return ApiError::Forbidden(CROSS_SITE).into_response();
    }
    next.run(req).await
}

fn is_cross_site(headers: &HeaderMap, trusted: &TrustedOrigins) -> bool {
    let fetch_site = headers.get("sec-fetch-site").map(|v| v.as_bytes());
    if fetch_site.is_some_and(|site| site.eq_ignore_ascii_case(b"cross-site")) {
        return true;
    }
    let Some(origin) = headers.get(ORIGIN) else {
        return false;
    };
    let Ok(origin) = origin.to_str() else {
        return true;
    };
    // `Origin: null` (a sandboxed frame, a redirect) matches nothing below.
    let origin = origin.trim().to_ascii_lowercase();
    if trusted.0.contains(&origin) {
        return false;
    }
    let host = headers.get(HOST).and_then(|h| h.to_str().ok());
    let own = host.is_some_and(|host| {
        let host = host.trim().to_ascii_lowercase();
        origin
            .strip_prefix("http://")
            .or_else(|| origin.strip_prefix("https://"))
            .is_some_and(|rest| rest == host)
    });
    !own
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn requests_without_browser_headers_pass() {
        assert!(!is_cross_site(
            &headers(&[("host", "auth.example")]),
            &TrustedOrigins::default()
        ));
    }

    #[test]
    fn the_servers_own_origin_passes_and_another_does_not() {
        let none = TrustedOrigins::default();
        let own = headers(&[
            ("host", "auth.example:5000"),
            ("origin", "https://auth.example:5000"),
        ]);
        let other = headers(&[
            ("host", "auth.example:5000"),
            ("origin", "https://evil.example"),
        ]);
        let null = headers(&[("host", "auth.example:5000"), ("origin", "null")]);
        assert!(!is_cross_site(&own, &none));
        assert!(is_cross_site(&other, &none));
        assert!(is_cross_site(&null, &none));
    }

    #[test]
    fn a_trusted_origin_passes() {
        let trusted = TrustedOrigins::new(&["https://App.Example/".to_owned()]);
        let from_app = headers(&[("host", "auth.example"), ("origin", "https://app.example")]);
        assert!(!is_cross_site(&from_app, &trusted));
    }

    #[test]
    fn sec_fetch_site_cross_site_is_refused_whatever_the_origin() {
        let none = TrustedOrigins::default();
        let cross = headers(&[("host", "a.example"), ("sec-fetch-site", "cross-site")]);
        let same = headers(&[("host", "a.example"), ("sec-fetch-site", "same-origin")]);
        assert!(is_cross_site(&cross, &none));
        assert!(!is_cross_site(&same, &none));
    }
}
