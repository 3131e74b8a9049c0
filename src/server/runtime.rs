//! The blocking entry point: logging, the runtime, the socket, the signals.

use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;

use super::{ServeConfig, ServerError, listen, serve_with_listeners};
use crate::auth::Auth;
use crate::logging;

/// How long blocking work still running after the drain (a bcrypt hash, a
/// commit) gets before the process leaves without it.
const BLOCKING_GRACE: Duration = Duration::from_secs(5);

/// Serves until SIGINT or SIGTERM, then drains and returns `Ok`.
///
/// Logs to stderr (`RUST_LOG`, default `info`, in `config.log_format`) and
/// prints `listening on http://ADDR` on stdout for each address once the
/// sockets are bound, so that `--bind 127.0.0.1:0` shows the port it got,
/// then `metrics on http://ADDR/metrics` with `config.metrics_bind`.
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
        let metrics = match config.metrics_bind {
            Some(addr) => Some(bind_metrics(addr).await?),
            None => None,
        };
        // Logging starts once there is something to serve; a failure before
        // this is returned to the caller, which reports it.
        let log_writer = logging::init_for_server(config.log_format);
        for (addr, _) in &bound.listeners {
            announce(&format!("listening on http://{addr}"));
        }
        if let Some((addr, _)) = &metrics {
            announce(&format!("metrics on http://{addr}/metrics"));
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
        let served = serve_with_listeners(
            listeners.collect(),
            metrics.map(|(_, listener)| listener),
            server_auth,
            config,
            shutdown_signal(),
        )
        .await;
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

/// The metrics listener, with the address it got (port 0 picks one).
async fn bind_metrics(
    addr: std::net::SocketAddr,
) -> Result<(std::net::SocketAddr, TcpListener), ServerError> {
    let bind_error = |source| ServerError::Bind { addr, source };
    let listener = TcpListener::bind(addr).await.map_err(bind_error)?;
    let local = listener.local_addr().map_err(bind_error)?;
    Ok((local, listener))
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
