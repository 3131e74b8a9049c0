//! Layers around every route: the request log line, the time limit and the
//! headers every response carries.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{MatchedPath, Request, State};
use axum::http::HeaderValue;
use axum::http::header::{CACHE_CONTROL, X_CONTENT_TYPE_OPTIONS};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::client::{ClientAddress, TrustedProxies, peer_address};
use super::error::ApiError;
use super::metrics::{Metrics, Refused, route_label};

/// The outermost layer's state.
#[derive(Clone)]
pub(crate) struct Outer {
    pub(crate) proxies: TrustedProxies,
    /// Off unless `--metrics-bind` is given: then nothing is counted.
    pub(crate) metrics: Option<Arc<Metrics>>,
}

/// Routes an orchestrator polls every few seconds: their request lines go
/// to debug level, where they do not bury the others.
const PROBES: [&str; 2] = ["/healthz", "/readyz"];

/// The outermost layer, one for all these jobs so a request pays for one
/// layer:
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
///   as `<unmatched>`. Headers (cookies) are never logged;
/// - with metrics on, the request is counted under the same route.
pub(crate) async fn headers_and_log(
    State(Outer { proxies, metrics }): State<Outer>,
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
    let elapsed = started.elapsed();
    let route = route_label(route.as_ref().map(MatchedPath::as_str));
    let status = response.status();
    if let Some(metrics) = &metrics {
        let refused = response.extensions().get::<Refused>().copied();
        metrics.record(route, &method, status, refused, elapsed);
    }
    if PROBES.contains(&route) {
        tracing::debug!(
            target: "authctl::http",
            client = %client,
            method = %method,
            path = %route,
            status = status.as_u16(),
            latency = ?elapsed,
            "request"
        );
    } else {
        tracing::info!(
            target: "authctl::http",
            client = %client,
            method = %method,
            path = %route,
            status = status.as_u16(),
            latency = ?elapsed,
            "request"
        );
    }
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
