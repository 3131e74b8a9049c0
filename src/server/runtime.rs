//! The blocking entry point: logging, the runtime, the socket, the signals.

use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::time::Duration;

use tracing_appender::non_blocking::{NonBlockingBuilder, WorkerGuard};
use tracing_subscriber::EnvFilter;

use super::{ServeConfig, ServerError, listen, serve_with_listeners};
use crate::auth::Auth;

/// How long blocking work still running after the drain (a bcrypt hash, a
/// commit) gets before the process leaves without it.
const BLOCKING_GRACE: Duration = Duration::from_secs(5);

/// Serves until SIGINT or SIGTERM, then drains and returns `Ok`.
///
/// Logs to stderr (`RUST_LOG`, default `info`) and prints
/// `listening on http://ADDR` on stdout for each address once the sockets
/// are bound, so that `--bind 127.0.0.1:0` shows the port it got.
pub fn serve(auth: Auth, config: ServeConfig) -> Result<(), ServerError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("authctl-server")
        .max_blocking_threads(super::blocking_threads(&config))
        .build()
        .map_err(ServerError::Runtime)?;
    let auth = Arc::new(auth);
    let server_auth = Arc::clone(&auth);
    let outcome = runtime.block_on(async move {
        let bound = listen::bind_all(&config.bind).await?;
        // Logging starts once there is something to serve; a failure before
        // this is returned to the caller, which reports it.
        let log_writer = init_logging();
        for (addr, _) in &bound.listeners {
            announce(&format!("listening on http://{addr}"));
        }
        for (addr, error) in &bound.skipped {
            tracing::warn!(
                address = %addr,
                error = %error,
                "not listening on {addr}: this host does not have that address"
            );
        }
        let listeners = bound.listeners.into_iter().map(|(_, listener)| listener);
        if config.reset_hook.is_none() {
            tracing::warn!(
                "no --reset-hook: POST /reset_password returns reset tokens in its \
                 HTTP response, as the Flask service does"
            );
        }
        let served =
            serve_with_listeners(listeners.collect(), server_auth, config, shutdown_signal()).await;
        Ok::<_, ServerError>((served, log_writer))
    });
    runtime.shutdown_timeout(BLOCKING_GRACE);
    // Requests that outlived the drain may have been refused after the
    // server's last flush: their counts go to the audit log too.
    if let Err(error) = auth.flush_audit() {
        tracing::warn!(error = %error, "cannot write refusals to the audit log");
    }
    // Dropping the writer's guard, last, flushes the lines still queued.
    outcome.and_then(|(served, _log_writer)| served)
}

/// Installs the stderr logger unless one is installed already (a test, or an
/// embedding program). Lines are written by a thread of their own, so a
/// request never waits on a write to stderr; when that thread falls behind,
/// loggers wait rather than drop lines. The guard flushes on drop.
fn init_logging() -> WorkerGuard {
    let mut filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    // Added last, so that they win over the user's directives for the same
    // targets: RUST_LOG=trace must not log what the database is sent.
    for ceiling in crate::auth::LOG_CEILINGS {
        if let Ok(directive) = ceiling.parse() {
            filter = filter.add_directive(directive);
        }
    }
    let (writer, guard) = NonBlockingBuilder::default()
        .lossy(false)
        .thread_name("authctl-log")
        .finish(std::io::stderr());
    let _already_set = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        // Colour codes only for a person at a terminal, not in a log file.
        .with_ansi(std::io::stderr().is_terminal())
        .try_init();
    guard
}

/// Prints a line on stdout and flushes it for scripts waiting on it. A closed
/// stdout is no reason to refuse to serve, so errors are ignored.
fn announce(line: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{line}");
    let _ = stdout.flush();
}

/// Completes on the first SIGINT or SIGTERM.
async fn shutdown_signal() {
    let interrupt = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::warn!(error = %error, "cannot listen for SIGINT");
            std::future::pending::<()>().await;
        }
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signals) => {
                signals.recv().await;
            }
            Err(error) => {
                tracing::warn!(error = %error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    tokio::select! {
        () = interrupt => tracing::info!("SIGINT received"),
        () = terminate => tracing::info!("SIGTERM received"),
    }
}
