//! Liveness and readiness probes for an orchestrator (SPEC section 9).
//!
//! How they sit with the rest of the server, probed every few seconds:
//! - no throttle: the throttle counts failed credentials, and a probe
//!   carries none; `/healthz` costs nothing and `/readyz` runs at most one
//!   database check at a time, so a flood of probes cannot queue work;
//! - no cross-site check: they change nothing and reveal nothing;
//! - their request log line is at debug level, not info, so that probes do
//!   not bury the log; a change of readiness is logged instead, once.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::http::header::RETRY_AFTER;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use crate::server::app::AppState;
use crate::server::error::ErrorChain;

/// Longest `/readyz` waits for the database before answering 503.
pub(crate) const READINESS_LIMIT: Duration = Duration::from_secs(1);

/// What an unready server tells a client to wait before asking again.
const RETRY_AFTER_SECONDS: u32 = 5;

/// A probe's answer: only a word, never a path, an address or an error.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Health {
    /// `ok`, `ready` or `unavailable`.
    #[schema(example = "ok")]
    status: &'static str,
}

/// Whether the process answers at all: no database access.
#[utoipa::path(
    get,
    path = "/healthz",
    tag = "service",
    responses((status = 200, description = "The process is serving", body = Health,
        example = json!({"status": "ok"})))
)]
pub(crate) async fn live() -> Json<Health> {
    Json(Health { status: "ok" })
}

/// Whether the server can serve requests now: the database answers a
/// trivial query within a second and has the schema this build expects.
#[utoipa::path(
    get,
    path = "/readyz",
    tag = "service",
    responses(
        (status = 200, description = "Ready: the database answers and its schema is current", body = Health,
            example = json!({"status": "ready"})),
        (status = 503, description = "Not ready: the database cannot be read, did not answer within 1 s, or has another schema version", body = Health,
            headers(("retry-after" = u32, description = "Seconds to wait")),
            example = json!({"status": "unavailable"})),
    )
)]
pub(crate) async fn ready(State(app): State<AppState>) -> Response {
    let probe = Arc::clone(&app.readiness);
    let outcome = match probe.start() {
        None => Err("the previous readiness check is still waiting for the database".to_owned()),
        Some(flight) => {
            let check = app.lookup(move |auth| {
                let outcome = auth.readiness();
                drop(flight);
                outcome
            });
            match tokio::time::timeout(READINESS_LIMIT, check).await {
                Ok(Ok(Ok(()))) => Ok(()),
                Ok(Ok(Err(error))) => Err(ErrorChain(&error).to_string()),
                Ok(Err(_)) => Err("the readiness check failed to run".to_owned()),
                Err(_elapsed) => Err(format!(
                    "the database did not answer within {READINESS_LIMIT:?}"
                )),
            }
        }
    };
    probe.report(&outcome);
    match outcome {
        Ok(()) => Json(Health { status: "ready" }).into_response(),
        Err(_) => {
            let mut response = (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(Health {
                    status: "unavailable",
                }),
            )
                .into_response();
            response
                .headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECONDS));
            response
        }
    }
}

const READY: u8 = 1;
const UNAVAILABLE: u8 = 2;

/// One check at a time, and what the last one found.
#[derive(Debug, Default)]
pub(crate) struct Readiness {
    /// A check runs on the blocking pool. A hung disk would keep it there
    /// past the 1 s answer; a probe arriving meanwhile answers 503 at once
    /// instead of taking another blocking thread.
    running: Arc<AtomicBool>,
    /// [`READY`], [`UNAVAILABLE`], or 0 before the first check.
    last: AtomicU8,
}

/// Marks the check running until dropped, by the blocking work itself.
pub(crate) struct InFlight(Arc<AtomicBool>);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.store(false, Ordering::Release);
    }
}

impl Readiness {
    fn start(&self) -> Option<InFlight> {
        self.running
            .compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed)
            .ok()
            .map(|_| InFlight(Arc::clone(&self.running)))
    }

    /// Logs a change of state, once per change, with the reason.
    fn report(&self, outcome: &Result<(), String>) {
        let now = if outcome.is_ok() { READY } else { UNAVAILABLE };
        let before = self.last.swap(now, Ordering::AcqRel);
        match outcome {
            Ok(()) if before != READY => tracing::info!(target: "authctl::health", "ready"),
            Err(reason) if before != UNAVAILABLE => {
                tracing::warn!(target: "authctl::health", reason = %reason, "not ready");
            }
            _ => {}
        }
    }
}
