//! Connections to the server, opened lazily and reused, driven by a
//! runtime of the store's own.
//!
//! The store's trait is synchronous and is called from the CLI's main
//! thread and from the server's blocking threads. Each call polls its
//! query's future on the calling thread, parked between polls, so as many
//! queries are in flight as there are callers; the one worker thread of the
//! store's runtime drives the sockets. The client side of tokio-postgres
//! only talks to its connection task over channels, so polling it needs no
//! runtime on the calling thread, and no call can hit tokio's "runtime
//! within a runtime" panic, whichever thread makes it. Dropping the store
//! shuts its runtime down in the background, which is allowed anywhere.

use std::future::Future;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::time::Duration;

use tokio::runtime::Runtime;
use tokio_postgres::error::SqlState;
use tokio_postgres::{Client, Config, NoTls};
use tokio_postgres_rustls::MakeRustlsConnect;

use super::super::StoreError;
use super::conn::Conn;
use super::errors::{self, Reach, unreachable};
use crate::domain::PgLocator;

/// Idle connections kept for reuse; more are opened on demand.
const MAX_IDLE: usize = 32;

/// How long opening a connection may take before the server counts as
/// unreachable.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Set on every session: a row lock held too long is an error to retry,
/// not a hang, as SQLite's busy timeout; a transaction left open by a
/// stuck client does not hold its locks for ever.
const SESSION_OPTIONS: &str = "-c lock_timeout=10s -c statement_timeout=30s \
     -c idle_in_transaction_session_timeout=60s";

pub(super) struct Pool {
    /// Dropped before the runtime that drives them.
    idle: Mutex<Vec<Conn>>,
    config: Config,
    tls: Option<MakeRustlsConnect>,
    address: String,
    handle: tokio::runtime::Handle,
    _runtime: Background,
}

impl Pool {
    /// A pool for `locator`; connects nothing yet.
    pub(super) fn new(locator: &PgLocator) -> Result<Self, StoreError> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("authctl-postgres")
            .enable_all()
            .build()
            .map_err(|e| StoreError::unexpected("cannot start the database driver", e))?;
        let mut config = Config::new();
        config
            .host(locator.host())
            .port(locator.port())
            .user(locator.user())
            .dbname(locator.dbname())
            .application_name("authctl")
            .options(SESSION_OPTIONS)
            .connect_timeout(CONNECT_TIMEOUT)
            .keepalives(true)
            .keepalives_idle(Duration::from_secs(30));
        if let Some(password) = locator.password() {
            config.password(password);
        }
        let tls = super::tls::connector(locator.tls())?;
        config.ssl_mode(if tls.is_some() {
            tokio_postgres::config::SslMode::Require
        } else {
            tokio_postgres::config::SslMode::Disable
        });
        Ok(Self {
            idle: Mutex::new(Vec::new()),
            config,
            tls,
            address: locator.address(),
            handle: runtime.handle().clone(),
            _runtime: Background(Some(runtime)),
        })
    }

    /// Where the server is, for messages.
    pub(super) fn address(&self) -> &str {
        &self.address
    }

    /// Runs `work` (statements on a client of this pool) to its end on the
    /// calling thread.
    pub(super) fn block_on<F: Future>(&self, work: F) -> F::Output {
        park_on(work)
    }

    /// A connection, reused or new; it goes back to the pool when dropped.
    pub(super) fn get(&self) -> Result<Pooled<'_>, StoreError> {
        loop {
            let reused = self.idle.lock().ok().and_then(|mut idle| idle.pop());
            match reused {
                // A connection the server closed meanwhile is let go.
                Some(client) if client.is_closed() => {}
                Some(conn) => {
                    return Ok(Pooled {
                        pool: self,
                        client: Some(conn),
                    });
                }
                None => break,
            }
        }
        Ok(Pooled {
            pool: self,
            client: Some(Conn::new(self.connect()?)),
        })
    }

    /// Connects on the store's runtime, where the socket and its timers
    /// live, and leaves the connection's task there.
    fn connect(&self) -> Result<Client, StoreError> {
        let (config, tls) = (self.config.clone(), self.tls.clone());
        let connecting = self.handle.spawn(async move {
            let (client, driving) = match tls {
                None => {
                    let (client, conn) = config.connect(NoTls).await?;
                    (client, tokio::spawn(conn))
                }
                Some(tls) => {
                    let (client, conn) = config.connect(tls).await?;
                    (client, tokio::spawn(conn))
                }
            };
            // Ends when the client is dropped or the server goes.
            drop(driving);
            Ok::<_, tokio_postgres::Error>(client)
        });
        let connected = park_on(connecting)
            .map_err(|e| StoreError::unexpected("cannot start a database connection", e))?;
        connected.map_err(|e| match e.code() {
            Some(code) if *code == SqlState::INVALID_CATALOG_NAME => StoreError::NoDatabase,
            // The operator's to fix, not to wait out: a login refused, or a
            // certificate or TLS setting that does not match the server's.
            Some(code)
                if *code == SqlState::INVALID_PASSWORD
                    || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION =>
            {
                self.refused(&e)
            }
            _ if errors::is_tls_failure(&e) => self.refused(&e),
            _ => unreachable(&self.address, e),
        })
    }

    fn refused(&self, error: &tokio_postgres::Error) -> StoreError {
        StoreError::Unusable(format!(
            "PostgreSQL at {}: {}",
            self.address,
            Reach::reason(error)
        ))
    }
}

/// Polls `work` on this thread until it is done, parking in between; its
/// waker unparks the thread.
fn park_on<F: Future>(work: F) -> F::Output {
    let mut work = std::pin::pin!(work);
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut context = Context::from_waker(&waker);
    loop {
        if let Poll::Ready(done) = work.as_mut().poll(&mut context) {
            return done;
        }
        // A wake that came before this park makes it return at once.
        std::thread::park();
    }
}

struct Unpark(std::thread::Thread);

impl Wake for Unpark {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.0.unpark();
    }
}

/// A connection lent by the pool.
pub(super) struct Pooled<'a> {
    pool: &'a Pool,
    client: Option<Conn>,
}

impl Pooled<'_> {
    pub(super) fn client(&self) -> Result<&Conn, StoreError> {
        self.client.as_ref().ok_or_else(|| {
            StoreError::unexpected(
                "the database connection was discarded",
                std::io::Error::other("no connection"),
            )
        })
    }

    pub(super) fn pool(&self) -> &Pool {
        self.pool
    }

    /// Closes the connection instead of returning it: its state is unknown.
    pub(super) fn discard(&mut self) {
        self.client = None;
    }
}

impl Drop for Pooled<'_> {
    fn drop(&mut self) {
        let Some(client) = self.client.take().filter(|c| !c.is_closed()) else {
            return;
        };
        if let Ok(mut idle) = self.pool.idle.lock()
            && idle.len() < MAX_IDLE
        {
            idle.push(client);
        }
    }
}

/// The store's runtime, shut down without waiting when dropped: a plain
/// drop blocks, and panics on a thread that drives async tasks, where the
/// server may drop the last handle to the store.
struct Background(Option<Runtime>);

impl Drop for Background {
    fn drop(&mut self) {
        if let Some(runtime) = self.0.take() {
            runtime.shutdown_background();
        }
    }
}
