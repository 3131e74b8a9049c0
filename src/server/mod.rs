//! `authctl serve`: the Flask service's HTTP routes over [`crate::auth`].
//!
//! [`serve`] is what the CLI runs; [`serve_with_listener`] is the same server
//! on a listener the caller bound, stopped by a future the caller controls,
//! which is how the tests run it.

mod app;
mod client;
mod connections;
mod csrf;
mod error;
mod gate;
mod handlers;
mod input;
mod listen;
mod metrics;
mod middleware;
mod openapi;
mod prune;
mod reset_hook;
mod runtime;
mod session_cookie;
mod unread_body;

use std::future::Future;
use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use thiserror::Error;
use tokio::net::TcpListener;

pub use runtime::serve;

use crate::auth::Auth;
use crate::logging::LogFormat;

/// The default [`ServeConfig::idle_timeout`].
pub const DEFAULT_IDLE_TIMEOUT: Duration = Duration::from_secs(15);
/// The default [`ServeConfig::max_connections`].
pub const DEFAULT_MAX_CONNECTIONS: u32 = 512;

/// How `serve` listens and answers.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// Addresses to listen on, all of them (the addresses a host name
    /// resolves to). Port 0 picks a free port, the same on every address.
    /// An address this host does not have is skipped while another is
    /// bound; an empty list is [`ServerError::NoAddress`].
    pub bind: Vec<SocketAddr>,
    /// A command that receives reset tokens on stdin instead of the HTTP
    /// response carrying them.
    pub reset_hook: Option<String>,
    /// Add `Secure` to the session cookie.
    pub secure_cookie: bool,
    /// Origins (`scheme://host[:port]`) besides the server's own whose pages
    /// may log users in and out; browsers' cross-site requests to the
    /// session routes are refused otherwise.
    pub trusted_origins: Vec<String>,
    /// Reverse proxies whose `X-Forwarded-For` names the client; from
    /// anyone else the header is ignored.
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// How many bcrypt hashes may run at once; default one per core.
    pub bcrypt_slots: usize,
    /// How long a request waits for a bcrypt slot (or a reset hook slot)
    /// before it is answered 503 with `Retry-After`.
    pub queue_wait: Duration,
    /// Longest a whole request may take before a 503.
    pub request_timeout: Duration,
    /// Longest a client may take to send its body before a 408.
    pub body_timeout: Duration,
    /// Longest a reset hook may run before it is killed.
    pub hook_timeout: Duration,
    /// After a shutdown signal, how long in-flight requests get to finish.
    pub drain_timeout: Duration,
    /// How often expired sessions and reset tokens are deleted.
    pub prune_interval: Duration,
    /// How often refusals counted in memory are written to the audit log
    /// (and once more at shutdown): at most one write each time, however
    /// many requests were refused.
    pub audit_flush_interval: Duration,
    /// How long a connection may go without sending a complete request
    /// head, after connecting or after its last response: the header-read
    /// and the keep-alive idle timeout at once.
    pub idle_timeout: Duration,
    /// Most connections open at once; lowered at start to leave room under
    /// the process's file limit.
    pub max_connections: usize,
    /// Largest request head (request line and headers) read.
    pub max_header_bytes: usize,
    /// Where to serve `GET /metrics`, on a listener of its own; `None`
    /// (the default) counts nothing and opens nothing.
    pub metrics_bind: Option<SocketAddr>,
    /// How [`serve`] writes its log.
    pub log_format: LogFormat,
    /// Blocking threads for the cheap database calls (`GET /profile`,
    /// logout, pruning) beside the bcrypt and login-check slots. A local
    /// SQLite file answers in microseconds, so a few do
    /// ([`SQLITE_DATABASE_LANES`]); each call to a database server holds
    /// its thread for a network round trip, so many are needed to keep
    /// queries in flight ([`SERVER_DATABASE_LANES`]), however few bcrypt
    /// slots there are.
    pub database_lanes: usize,
}

/// [`ServeConfig::database_lanes`] for a SQLite file. Each blocking thread
/// holds its own SQLite connection; an uncapped pool grew to ~50 under 16
/// connections on 2 cores, costing throughput and 100+ MB (issue 4's
/// measurements).
pub const SQLITE_DATABASE_LANES: usize = 2;

/// [`ServeConfig::database_lanes`] for a database server: enough round
/// trips in flight to keep a remote PostgreSQL busy, few enough that
/// several servers stay under its default 100 connections.
pub const SERVER_DATABASE_LANES: usize = 24;

impl Default for ServeConfig {
    fn default() -> Self {
        Self {
            bind: vec![SocketAddr::from((Ipv4Addr::LOCALHOST, 5000))],
            reset_hook: None,
            secure_cookie: false,
            trusted_origins: Vec::new(),
            trusted_proxies: Vec::new(),
            bcrypt_slots: std::thread::available_parallelism().map_or(2, |n| n.get()),
            queue_wait: Duration::from_secs(5),
            request_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(5),
            hook_timeout: Duration::from_secs(5),
            drain_timeout: Duration::from_secs(30),
            prune_interval: Duration::from_secs(10 * 60),
            audit_flush_interval: Duration::from_secs(1),
            idle_timeout: DEFAULT_IDLE_TIMEOUT,
            max_connections: DEFAULT_MAX_CONNECTIONS as usize,
            max_header_bytes: 16 * 1024,
            metrics_bind: None,
            log_format: LogFormat::Text,
            database_lanes: SQLITE_DATABASE_LANES,
        }
    }
}

/// Why the server could not start or stopped abnormally.
///
/// The messages leave the cause to [`std::error::Error::source`], as a
/// reporter walking the chain expects: said in both, it was printed twice.
#[derive(Debug, Error)]
pub enum ServerError {
    /// The listening socket could not be opened.
    #[error("cannot listen on {addr}")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// Why it failed (in use, permission denied, ...).
        #[source]
        source: io::Error,
    },
    /// [`ServeConfig::bind`] was empty.
    #[error("no address to listen on")]
    NoAddress,
    /// The async runtime could not start.
    #[error("cannot start the async runtime")]
    Runtime(#[source] io::Error),
}

/// The blocking threads a runtime serving with `config` needs: one per
/// bcrypt slot, one per login-check slot, and the database lanes. Each lane is
/// bounded on its own, so a flood of one kind of request (logins refused
/// by the throttle, say) cannot take the threads `GET /profile` needs.
pub fn blocking_threads(config: &ServeConfig) -> usize {
    config.bcrypt_slots.max(1) + gate::LOGIN_CHECK_SLOTS + config.database_lanes.max(1)
}

/// Descriptors kept free of connections: the database and its WAL, the
/// log, a reset hook's pipes, the listener, with room to spare.
const RESERVED_DESCRIPTORS: u64 = 64;

/// `wanted`, or fewer if the process's file limit would not leave
/// [`RESERVED_DESCRIPTORS`] free beside that many connections.
fn within_file_limit(wanted: usize) -> usize {
    let limit = rustix::process::getrlimit(rustix::process::Resource::Nofile).current;
    let Some(limit) = limit else {
        return wanted;
    };
    let room = usize::try_from(limit.saturating_sub(RESERVED_DESCRIPTORS)).unwrap_or(usize::MAX);
    if room < wanted {
        tracing::warn!(
            file_limit = limit,
            max_connections = room.max(1),
            "the file limit is low: fewer connections than asked for"
        );
    }
    wanted.min(room).max(1)
}

/// Serves on `listener` until `shutdown` completes, then stops accepting and
/// gives in-flight requests up to `config.drain_timeout` to finish.
///
/// Must run inside a tokio runtime. Every `auth` call runs on that runtime's
/// blocking pool, so cap it as [`serve`] does (`max_blocking_threads` of
/// [`blocking_threads`]). `config.bind` is not used: the listener is.
pub async fn serve_with_listener(
    listener: TcpListener,
    auth: Arc<Auth>,
    config: ServeConfig,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    serve_with_listeners(vec![listener], None, auth, config, shutdown).await
}

/// [`serve_with_listener`] with metrics: counted from the start and served
/// as `GET /metrics` on `metrics`, a listener of their own.
/// `config.metrics_bind` is not used: the listener is.
pub async fn serve_with_metrics(
    listener: TcpListener,
    metrics: TcpListener,
    auth: Arc<Auth>,
    config: ServeConfig,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    serve_with_listeners(vec![listener], Some(metrics), auth, config, shutdown).await
}

/// [`serve_with_listener`] on several listeners at once: one server, one
/// connection cap, one drain; with metrics served on `metrics_listener`
/// when there is one.
async fn serve_with_listeners(
    listeners: Vec<TcpListener>,
    metrics_listener: Option<TcpListener>,
    auth: Arc<Auth>,
    config: ServeConfig,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    let metrics = metrics_listener
        .as_ref()
        .map(|_| metrics::Metrics::new(config.bcrypt_slots.max(1)));
    let state = app::AppState::new(Arc::clone(&auth), &config, metrics.as_deref());
    let router = app::router(state, &config, metrics.clone());
    let pruner = tokio::spawn(prune::periodically(
        Arc::clone(&auth),
        config.prune_interval,
    ));
    let flusher = tokio::spawn(prune::flush_audit_periodically(
        Arc::clone(&auth),
        config.audit_flush_interval,
    ));
    // Scrapes are answered until the end, the drain included; the task
    // holds no request worth finishing, so it is simply stopped.
    let exposition = metrics_listener
        .zip(metrics)
        .map(|(listener, metrics)| tokio::spawn(metrics::exposition::serve(listener, metrics)));

    let (draining, drain_started) = tokio::sync::oneshot::channel::<()>();
    let signal = async move {
        shutdown.await;
        tracing::info!("shutting down: no new connections, finishing requests in flight");
        // The receiver lives until the select below ends; a send error is moot.
        let _ = draining.send(());
    };
    let limits = connections::Limits {
        idle_timeout: config.idle_timeout,
        max_connections: within_file_limit(config.max_connections),
        max_header_bytes: config.max_header_bytes,
    };
    let server = connections::serve(listeners, router, limits, signal);
    let deadline = async move {
        match drain_started.await {
            Ok(()) => tokio::time::sleep(config.drain_timeout).await,
            Err(_never_sent) => std::future::pending().await,
        }
    };
    tokio::select! {
        () = server => {}
        () = deadline => {
            tracing::warn!(
                drain_timeout = ?config.drain_timeout,
                "requests still in flight after the drain timeout; stopping anyway"
            );
        }
    }
    pruner.abort();
    if let Some(exposition) = exposition {
        exposition.abort();
    }
    flusher.abort();
    prune::flush_audit(auth).await;
    Ok(())
}
