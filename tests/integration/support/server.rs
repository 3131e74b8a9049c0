//! The server in process: `serve_with_listener` on 127.0.0.1:0 over a
//! temporary database, on a thread and runtime of its own, and a reqwest
//! client for it.

use std::cell::RefCell;
use std::io;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use authctl::auth::{Auth, Caller, ManualClock, Policy};
use authctl::server::{
    ServeConfig, ServerError, blocking_threads, serve_with_listener, serve_with_metrics,
};
use reqwest::{Method, Response, StatusCode};
use serde_json::Value;
use tokio::sync::oneshot;

use authctl::domain::Database;

use super::db::{Backend, TestDb, email, fast_policy, open_auth, password};
use super::wait::{PATIENCE, eventually_async};
use super::{PASSWORD, cookie_value, session_cookie_in};

/// How a test starts its server.
pub struct Options {
    pub policy: Policy,
    pub config: ServeConfig,
    pub clock: Option<Arc<ManualClock>>,
    /// Where the server's threads send their tracing events.
    pub logs: Option<tracing::Dispatch>,
    /// Serve metrics on a listener of their own ([`TestServer::metrics_url`]).
    pub metrics: bool,
    /// What it stores its accounts in; a PostgreSQL test checks the server
    /// is there first (see `backend_tests!`).
    pub backend: Backend,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            policy: fast_policy(),
            config: ServeConfig::default(),
            clock: None,
            logs: None,
            metrics: false,
            backend: Backend::Sqlite,
        }
    }
}

/// The body encodings every route accepts.
#[derive(Debug, Clone, Copy)]
pub enum Encoding {
    UrlEncoded,
    Multipart,
    Json,
}

pub const ENCODINGS: [Encoding; 3] = [Encoding::UrlEncoded, Encoding::Multipart, Encoding::Json];

/// The server runs on its own thread and runtime, as in production, so a
/// test's client and the server never share executor threads.
pub struct TestServer {
    addr: SocketAddr,
    metrics_addr: Option<SocketAddr>,
    pub auth: Arc<Auth>,
    /// No cookie store and no redirects: tests see exactly what was sent.
    pub client: reqwest::Client,
    shutdown: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<Result<(), ServerError>>>,
    database: Database,
    _db: TestDb,
}

impl TestServer {
    pub fn spawn() -> Self {
        Self::with(Options::default())
    }

    pub fn with(options: Options) -> Self {
        let db = options.backend.fresh();
        let database = db.database();
        let auth = Arc::new(open_auth(&database, options.policy, options.clock));
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.set_nonblocking(true).expect("non-blocking");
        let addr = listener.local_addr().expect("local addr");
        let metrics_listener = options.metrics.then(|| {
            let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind metrics");
            listener.set_nonblocking(true).expect("non-blocking");
            listener
        });
        let metrics_addr = metrics_listener
            .as_ref()
            .map(|listener| listener.local_addr().expect("metrics addr"));
        let (shutdown, stopped) = oneshot::channel::<()>();
        let server_auth = Arc::clone(&auth);
        let config = options.config;
        let logs = options.logs;
        let thread = std::thread::spawn(move || {
            let runtime =
                runtime(blocking_threads(&config), logs.clone()).map_err(ServerError::Runtime)?;
            let run = || {
                runtime.block_on(async move {
                    let listener = tokio::net::TcpListener::from_std(listener)
                        .map_err(ServerError::Runtime)?;
                    let stop = async move {
                        let _ = stopped.await;
                    };
                    match metrics_listener {
                        Some(metrics) => {
                            let metrics = tokio::net::TcpListener::from_std(metrics)
                                .map_err(ServerError::Runtime)?;
                            serve_with_metrics(listener, metrics, server_auth, config, stop).await
                        }
                        None => serve_with_listener(listener, server_auth, config, stop).await,
                    }
                })
            };
            match logs {
                Some(dispatch) => tracing::dispatcher::with_default(&dispatch, run),
                None => run(),
            }
        });
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        Self {
            addr,
            metrics_addr,
            auth,
            client,
            shutdown: Some(shutdown),
            thread: Some(thread),
            database,
            _db: db,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://ADDR/metrics` on the metrics listener; the server must have
    /// been started with [`Options::metrics`].
    pub fn metrics_url(&self) -> String {
        let addr = self.metrics_addr.expect("a server started with metrics");
        format!("http://{addr}/metrics")
    }

    /// The database file the server runs on (a SQLite server's only).
    pub fn db_path(&self) -> &Path {
        self.database
            .sqlite_path()
            .expect("a test server on a SQLite file")
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        self.send(Method::POST, path, Encoding::UrlEncoded, fields)
            .await
    }

    /// Sends `fields` as a body in `encoding`.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        encoding: Encoding,
        fields: &[(&str, &str)],
    ) -> Response {
        let request = self.client.request(method, self.url(path));
        let request = match encoding {
            Encoding::UrlEncoded => request.form(fields),
            Encoding::Multipart => {
                let form = fields
                    .iter()
                    .fold(reqwest::multipart::Form::new(), |form, (name, value)| {
                        form.text(name.to_string(), value.to_string())
                    });
                request.multipart(form)
            }
            Encoding::Json => {
                let object: serde_json::Map<String, Value> = fields
                    .iter()
                    .map(|(name, value)| (name.to_string(), Value::from(*value)))
                    .collect();
                request.json(&object)
            }
        };
        request.send().await.expect("request")
    }

    /// Sends a request with `session_id=<value>` as its cookie.
    pub async fn with_cookie(&self, method: Method, path: &str, value: &str) -> Response {
        self.client
            .request(method, self.url(path))
            .header("cookie", format!("session_id={value}"))
            .send()
            .await
            .expect("request")
    }

    /// Registers through the library, bypassing HTTP.
    pub fn register(&self, address: &str) {
        self.auth
            .register_user(&Caller::cli(), &email(address), &password(PASSWORD))
            .expect("register");
    }

    /// Registers a user whose hash has `cost`, whatever the server's: a
    /// login of it keeps a bcrypt slot busy for as long as that cost takes.
    pub fn register_at_cost(&self, address: &str, cost: u32) {
        let policy = Policy {
            bcrypt_cost: cost,
            ..*self.auth.policy()
        };
        open_auth(&self.database, policy, None)
            .register_user(&Caller::cli(), &email(address), &password(PASSWORD))
            .expect("register");
    }

    /// Logs in over HTTP and returns the session token from the cookie.
    pub async fn login(&self, email: &str, password: &str) -> String {
        let response = self
            .post_form("/sessions", &[("email", email), ("password", password)])
            .await;
        assert_eq!(response.status(), StatusCode::OK, "login of {email}");
        session_cookie(&response)
            .and_then(|cookie| cookie_value(&cookie))
            .expect("a session cookie")
    }

    /// Waits until the server has started `count` bcrypt runs in all: a
    /// request that got that far holds a bcrypt slot.
    pub async fn wait_for_bcrypt_runs(&self, count: u64) {
        let auth = Arc::clone(&self.auth);
        assert!(
            eventually_async(PATIENCE, move || auth.bcrypt_runs() >= count).await,
            "{count} bcrypt runs never started"
        );
    }

    /// Asks for a reset token over HTTP (the server has no reset hook, so
    /// the answer carries it) and returns it.
    pub async fn issue_reset_token(&self, email: &str) -> String {
        let response = self.post_form("/reset_password", &[("email", email)]).await;
        let (status, body) = json(response).await;
        assert_eq!(status, StatusCode::OK, "reset token for {email}: {body}");
        body["reset_token"].as_str().expect("token").to_owned()
    }

    /// `PUT /reset_password` as a form; the status it got.
    pub async fn reset_password(&self, email: &str, token: &str, new_password: &str) -> StatusCode {
        let fields = [
            ("email", email),
            ("reset_token", token),
            ("new_password", new_password),
        ];
        let response = self
            .client
            .put(self.url("/reset_password"))
            .form(&fields)
            .send();
        response.await.expect("PUT /reset_password").status()
    }

    /// Stops the server as a signal would, and waits for it to finish.
    pub fn stop(mut self) -> Result<(), ServerError> {
        self.shutdown_and_join().expect("server thread ran")
    }

    fn shutdown_and_join(&mut self) -> Option<Result<(), ServerError>> {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        let thread = self.thread.take()?;
        Some(thread.join().expect("server thread did not panic"))
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(Err(error)) = self.shutdown_and_join()
            && !std::thread::panicking()
        {
            panic!("server failed: {error}");
        }
    }
}

thread_local! {
    static THREAD_LOGS: RefCell<Option<tracing::dispatcher::DefaultGuard>> =
        const { RefCell::new(None) };
}

/// A runtime shaped like `serve`'s, whose every thread (workers and
/// blocking pool) logs to `logs` when given.
fn runtime(
    blocking: usize,
    logs: Option<tracing::Dispatch>,
) -> io::Result<tokio::runtime::Runtime> {
    let mut builder = tokio::runtime::Builder::new_multi_thread();
    builder
        .worker_threads(2)
        .max_blocking_threads(blocking)
        .enable_all();
    if let Some(dispatch) = logs {
        builder
            .on_thread_start(move || {
                let guard = tracing::dispatcher::set_default(&dispatch);
                THREAD_LOGS.with(|slot| *slot.borrow_mut() = Some(guard));
            })
            .on_thread_stop(|| {
                THREAD_LOGS
                    .with(|slot| slot.borrow_mut().take())
                    .map_or((), drop)
            });
    }
    builder.build()
}

/// The `Set-Cookie` header for `session_id`, if any.
pub fn session_cookie(response: &Response) -> Option<String> {
    let headers = response.headers().get_all("set-cookie");
    session_cookie_in(headers.iter().filter_map(|value| value.to_str().ok())).map(str::to_owned)
}

/// The value of the `device` cookie a response sets, if any.
pub fn device_cookie(response: &Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find_map(|value| value.strip_prefix("device="))
        .and_then(|rest| rest.split(';').next())
        .map(str::to_owned)
}

/// The status and the JSON body, asserting the body is JSON.
pub async fn json(response: Response) -> (StatusCode, Value) {
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let text = response.text().await.expect("body");
    assert!(
        content_type.starts_with("application/json"),
        "{status}: expected JSON, got {content_type:?}: {text}"
    );
    let body = serde_json::from_str(&text).expect("a JSON body");
    (status, body)
}

/// A tracing sink whose output tests can search.
#[derive(Clone, Default)]
pub struct LogBuffer(Arc<Mutex<Vec<u8>>>);

impl LogBuffer {
    pub fn dispatch(&self) -> tracing::Dispatch {
        let subscriber = tracing_subscriber::fmt()
            .with_writer(self.clone())
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .finish();
        tracing::Dispatch::new(subscriber)
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().expect("log lock")).into_owned()
    }
}

impl io::Write for LogBuffer {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.lock().expect("log lock").extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for LogBuffer {
    type Writer = LogBuffer;

    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}
