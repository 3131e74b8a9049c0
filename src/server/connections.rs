//! Accepting connections, with the limits `axum::serve` does not set.
//!
//! - A connection must send a complete request head within the idle timeout
//!   of connecting or of its last response: a client that sends nothing,
//!   half a head, or a byte a second is closed, and so is a keep-alive
//!   connection left idle. Each connection checks this a few times per
//!   timeout rather than arming a timer per request: hyper's header-read
//!   timer does the latter, which cost a third more CPU per `GET /`.
//! - A request head may hold at most `max_header_bytes` (hyper's read
//!   buffer), so a held connection costs kilobytes, not hundreds of them.
//! - At most `max_connections` are open at once, below the file limit so
//!   that the database, logs and hooks always get a descriptor. A new client
//!   at the cap takes the place of the connection that has waited longest
//!   without a request in flight (an idle or slow one: the attacker's), and
//!   is refused with a 503 only when every connection has a request running.

use std::collections::HashMap;
use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::Poll;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::Service;
use hyper_util::rt::TokioIo;
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, Semaphore, watch};
use tokio::task::AbortHandle;

/// The limits of [`serve`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    pub(crate) idle_timeout: Duration,
    pub(crate) max_connections: usize,
    pub(crate) max_header_bytes: usize,
}

/// Most refusals (503 and close) under way at once: each holds a descriptor
/// for up to a second, so a flood of newcomers while every connection is
/// busy must not turn into a flood of descriptors. Beyond it a newcomer is
/// closed without an answer.
const MAX_REFUSALS: usize = 64;

/// hyper refuses a read buffer smaller than this.
const MIN_HEADER_BUFFER: usize = 8 * 1024;

/// Serves `router` on `listeners` until `shutdown` completes; then stops
/// accepting, lets each connection finish the request it is on, and returns
/// once all are closed (the caller bounds that wait). The connection cap is
/// one for all the listeners.
pub(crate) async fn serve(
    listeners: Vec<TcpListener>,
    router: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) {
    let registry = Arc::new(Registry::default());
    let refusals = Arc::new(Semaphore::new(MAX_REFUSALS));
    let (stop, stopped) = watch::channel(false);
    let mut http = http1::Builder::new();
    http.header_read_timeout(None)
        .max_buf_size(limits.max_header_bytes.max(MIN_HEADER_BUFFER));
    tokio::pin!(shutdown);
    let mut next_id: u64 = 0;
    let mut first_asked = 0;
    loop {
        let (stream, peer) = tokio::select! {
            () = &mut shutdown => break,
            accepted = accept_any(&listeners, &mut first_asked) => match accepted {
                Ok(pair) => pair,
                Err(error) => {
                    wait_after_accept_error(&error).await;
                    continue;
                }
            },
        };
        let mut connections = registry.lock();
        if !make_room(&mut connections, limits.max_connections) {
            drop(connections);
            if let Ok(turn) = Arc::clone(&refusals).try_acquire_owned() {
                tokio::spawn(async move {
                    refuse(stream).await;
                    drop(turn);
                });
            }
            continue;
        }
        next_id += 1;
        let id = next_id;
        let activity = Arc::new(Activity::new(registry.epoch));
        let task = connection(
            Registered {
                registry: Arc::clone(&registry),
                id,
            },
            http.clone(),
            stream,
            service(router.clone(), peer, Arc::clone(&activity)),
            Watch {
                activity: Arc::clone(&activity),
                idle_timeout: limits.idle_timeout,
                stopped: stopped.clone(),
            },
        );
        // Registered under the lock the task takes to deregister, so it
        // cannot finish before it is registered.
        let abort = tokio::spawn(task).abort_handle();
        connections.insert(id, Connection { activity, abort });
    }
    drop(listeners);
    // Receivers live in the connection tasks; none left means none to tell.
    let _ = stop.send(true);
    registry.all_closed().await;
}

/// The next connection from any of `listeners`. Each call starts with the
/// listener after the one that gave the last connection, so that a flood on
/// one address cannot keep the others' clients waiting. No listener: never.
async fn accept_any(
    listeners: &[TcpListener],
    first_asked: &mut usize,
) -> io::Result<(TcpStream, SocketAddr)> {
    std::future::poll_fn(|cx| {
        let count = listeners.len();
        for offset in 0..count {
            let index = (*first_asked + offset) % count;
            if let Poll::Ready(accepted) = listeners[index].poll_accept(cx) {
                *first_asked = (index + 1) % count;
                return Poll::Ready(accepted);
            }
        }
        // Every listener polled has registered the waker.
        Poll::Pending
    })
    .await
}

/// What a connection watches besides its socket.
struct Watch {
    activity: Arc<Activity>,
    idle_timeout: Duration,
    stopped: watch::Receiver<bool>,
}

/// How many times per idle timeout a connection checks it: a connection is
/// closed between one and one and a quarter timeouts after its last answer.
const IDLE_CHECKS_PER_TIMEOUT: u32 = 4;

/// One connection's life: served until it closes, sits idle too long, or
/// the server stops; then taken off the registry (on drop of `_registered`).
async fn connection<S>(
    _registered: Registered,
    http: http1::Builder,
    stream: TcpStream,
    service: S,
    mut watch: Watch,
) where
    S: Service<hyper::Request<Incoming>, Response = axum::response::Response, Error = Infallible>,
    S::Future: Send + 'static,
{
    let served = http.serve_connection(TokioIo::new(stream), service);
    tokio::pin!(served);
    let period = (watch.idle_timeout / IDLE_CHECKS_PER_TIMEOUT).max(Duration::from_millis(50));
    let mut checks = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
    checks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let outcome = loop {
        tokio::select! {
            outcome = served.as_mut() => break outcome,
            () = until_stopped(&mut watch.stopped) => {
                // Finishes the request in flight, if any, then closes.
                served.as_mut().graceful_shutdown();
                break served.await;
            }
            _ = checks.tick() => {
                if watch.activity.idle_for() >= watch.idle_timeout {
                    // No request in flight: dropping the connection owes no
                    // one an answer.
                    tracing::debug!(target: "authctl::http", "closed an idle or slow connection");
                    return;
                }
            }
        }
    };
    if let Err(error) = outcome {
        // A client that sent garbage or hung up: its own doing.
        tracing::debug!(target: "authctl::http", error = %error, "connection closed");
    }
}

/// Completes once the server stops (or is gone).
async fn until_stopped(stopped: &mut watch::Receiver<bool>) {
    // The borrow `wait_for` returns must not live across the caller's await.
    let _ = stopped.wait_for(|stop| *stop).await.map(|_| ());
}

/// The router for one connection's requests, with the peer address (the
/// `Caller` of each request) and the connection's activity kept current.
fn service(
    router: Router,
    peer: SocketAddr,
    activity: Arc<Activity>,
) -> impl Service<
    hyper::Request<Incoming>,
    Response = axum::response::Response,
    Error = Infallible,
    Future = impl Future<Output = Result<axum::response::Response, Infallible>> + Send + 'static,
> + Clone {
    let router = TowerToHyperService::new(router);
    hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
        request.extensions_mut().insert(ConnectInfo(peer));
        let busy = Busy::start(Arc::clone(&activity));
        let response = router.call(request);
        async move {
            let response = response.await;
            drop(busy);
            response
        }
    })
}

/// Frees a slot at the cap by closing the connection that has gone longest
/// without a request in flight; `false` when every one is busy.
fn make_room(connections: &mut HashMap<u64, Connection>, max: usize) -> bool {
    if connections.len() < max {
        return true;
    }
    let longest_idle = connections
        .iter()
        .filter(|(_, connection)| connection.activity.in_flight.load(Ordering::Acquire) == 0)
        // Ties (the same millisecond) go to the one accepted first.
        .min_by_key(|&(&id, connection)| {
            (connection.activity.idle_since.load(Ordering::Acquire), id)
        })
        .map(|(&id, _)| id);
    match longest_idle.and_then(|id| connections.remove(&id)) {
        Some(evicted) => {
            // No request is running on it, so no answer is lost.
            evicted.abort.abort();
            true
        }
        None => false,
    }
}

/// Every connection has a request running: answer at once and close,
/// rather than leave the client waiting in the accept queue.
async fn refuse(mut stream: TcpStream) {
    const BODY: &str = r#"{"message":"server busy, try again later"}"#;
    let response = format!(
        "HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\n\
         content-length: {}\r\nretry-after: 1\r\ncache-control: no-store\r\n\
         x-content-type-options: nosniff\r\nconnection: close\r\n\r\n{BODY}",
        BODY.len()
    );
    // Bounded: a client that does not take its answer within a second is
    // dropped. After the answer, what the client sent is read and thrown
    // away until it hangs up: closing a socket with unread bytes resets it,
    // and the reset can destroy the answer before the client reads it.
    let _ = tokio::time::timeout(Duration::from_secs(1), async {
        stream.write_all(response.as_bytes()).await?;
        stream.shutdown().await?;
        let mut sink = [0_u8; 4096];
        while stream.read(&mut sink).await? > 0 {}
        Ok::<(), io::Error>(())
    })
    .await;
}

/// An accept that failed for the connection's own reasons (reset before
/// accept) is skipped; one that failed for ours (out of descriptors) waits a
/// moment, as retrying at once would spin.
async fn wait_after_accept_error(error: &io::Error) {
    let theirs = matches!(
        error.kind(),
        io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionReset
    );
    if !theirs {
        tracing::error!(target: "authctl::http", error = %error, "cannot accept a connection");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The open connections.
struct Registry {
    connections: Mutex<HashMap<u64, Connection>>,
    emptied: Notify,
    epoch: Instant,
}

impl Default for Registry {
    fn default() -> Self {
        Self {
            connections: Mutex::new(HashMap::new()),
            emptied: Notify::new(),
            epoch: Instant::now(),
        }
    }
}

impl Registry {
    fn lock(&self) -> MutexGuard<'_, HashMap<u64, Connection>> {
        // A panic while holding the lock leaves a map that is still whole.
        self.connections
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    async fn all_closed(&self) {
        loop {
            let emptied = self.emptied.notified();
            tokio::pin!(emptied);
            // Registered before the check, so a close in between is seen.
            emptied.as_mut().enable();
            if self.lock().is_empty() {
                return;
            }
            emptied.await;
        }
    }
}

struct Connection {
    activity: Arc<Activity>,
    abort: AbortHandle,
}

/// A connection on the registry; taken off it when dropped.
struct Registered {
    registry: Arc<Registry>,
    id: u64,
}

impl Drop for Registered {
    fn drop(&mut self) {
        let mut connections = self.registry.lock();
        connections.remove(&self.id);
        if connections.is_empty() {
            self.registry.emptied.notify_waiters();
        }
    }
}

/// Whether a connection has requests running, and since when it has had
/// none (milliseconds since the registry's epoch).
struct Activity {
    epoch: Instant,
    in_flight: AtomicUsize,
    idle_since: AtomicU64,
}

impl Activity {
    fn new(epoch: Instant) -> Self {
        let activity = Self {
            epoch,
            in_flight: AtomicUsize::new(0),
            idle_since: AtomicU64::new(0),
        };
        activity.mark_idle();
        activity
    }

    fn now(&self) -> u64 {
        u64::try_from(self.epoch.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    fn mark_idle(&self) {
        self.idle_since.store(self.now(), Ordering::Release);
    }

    /// How long the connection has gone without a request in flight; zero
    /// while one is.
    fn idle_for(&self) -> Duration {
        if self.in_flight.load(Ordering::Acquire) > 0 {
            return Duration::ZERO;
        }
        let since = self.idle_since.load(Ordering::Acquire);
        Duration::from_millis(self.now().saturating_sub(since))
    }
}

/// A request running on a connection, from its head to its response.
struct Busy(Arc<Activity>);

impl Busy {
    fn start(activity: Arc<Activity>) -> Self {
        activity.in_flight.fetch_add(1, Ordering::AcqRel);
        Self(activity)
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        self.0.mark_idle();
        self.0.in_flight.fetch_sub(1, Ordering::AcqRel);
    }
}
