//! `GET /metrics` on the metrics listener, apart from the public one: a
//! scrape needs no route of the service, and the service's clients need
//! no view of its counters. It is accepted by the public listener's loop,
//! with its defences against slow and idle clients, on a few connections:
//! a scraper needs one.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::net::TcpListener;

use super::Metrics;
use crate::server::connections::{self, Limits};

/// Enough for a Prometheus pair and a person with curl.
const LIMITS: Limits = Limits {
    idle_timeout: Duration::from_secs(15),
    max_connections: 8,
    max_header_bytes: 16 * 1024,
};

/// What prometheus-client writes: the OpenMetrics text format, which
/// Prometheus asks for and reads.
const OPENMETRICS: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

/// Serves `metrics` on `listener` until the task is aborted.
pub(crate) async fn serve(listener: TcpListener, metrics: Arc<Metrics>) {
    let router = Router::new()
        .route("/metrics", get(scrape))
        .with_state(metrics);
    connections::serve(vec![listener], router, LIMITS, std::future::pending()).await;
}

async fn scrape(State(metrics): State<Arc<Metrics>>) -> Response {
    match metrics.encode() {
        Ok(text) => ([(CONTENT_TYPE, OPENMETRICS)], text).into_response(),
        Err(error) => {
            tracing::error!(error = %error, "cannot encode the metrics");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
