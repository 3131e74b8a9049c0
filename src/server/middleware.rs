//! Layers around every route: the request log line, the time limit and the
//! headers every response carries.

use std::time::{Duration, Instant};

use axum::extract::{MatchedPath, Request, State};
use axum::http::HeaderValue;
use axum::http::header::{CACHE_CONTROL, X_CONTENT_TYPE_OPTIONS};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::client::{ClientAddress, TrustedProxies, peer_address};
use super::error::ApiError;

/// The outermost layer, one for two jobs so a request pays for one layer:
///
/// - every answer gets `Cache-Control: no-store` (answers carry session
///   cookies, reset tokens and account details, which no shared or browser
///   cache should keep) and `X-Content-Type-Options: nosniff` (a JSON
///   answer is never to be run as a script or shown as a page);
/// - the client's address is resolved once (through `--trusted-proxy`) and
///   kept in the request for the handlers;
/// - one log line per request: client address, method, route, status and
///   latency. The route is the matched pattern (`/profile`), not the
///   request's path or query: a client can put anything there, a token
///   included, and the log must never hold one. Unmatched paths are logged
///   as `<unmatched>`. Headers (cookies) are never logged.
pub(crate) async fn headers_and_log(
    State(proxies): State<TrustedProxies>,
    mut req: Request,
    next: Next,
) -> Response {
    let client = proxies.client_of(peer_address(req.extensions()), req.headers());
    req.extensions_mut().insert(ClientAddress(client));
    let method = req.method().clone();
    // A clone of the pattern's shared string, not a copy of it.
    let route = req.extensions().get::<MatchedPath>().cloned();
    let started = Instant::now();
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    tracing::info!(
        target: "authctl::http",
        client = %client,
        method = %method,
        path = %route.as_ref().map_or("<unmatched>", MatchedPath::as_str),
        status = response.status().as_u16(),
        latency = ?started.elapsed(),
        "request"
    );
    response
}

/// Answers 503 when a request runs past `limit`. Work already on the
/// blocking pool finishes on its own; only its answer is dropped.
pub(crate) async fn time_limit(
    State(limit): State<Duration>,
    req: Request,
    next: Next,
) -> Response {
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(response) => response,
        Err(_elapsed) => ApiError::TimedOut {
            retry_after: Duration::from_secs(1),
        }
        .into_response(),
    }
}
