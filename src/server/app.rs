//! The router and the state every handler shares.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::{get, post};

use super::ServeConfig;
use super::client::TrustedProxies;
use super::csrf::{TrustedOrigins, refuse_cross_site};
use super::error::ApiError;
use super::gate::{Gate, LOGIN_CHECK_SLOTS, blocking};
use super::handlers::health::{self, Readiness};
use super::handlers::{fallback, index, profile, reset, sessions, users};
use super::input::MAX_BODY_BYTES;
use super::metrics::Metrics;
use super::middleware::{Outer, headers_and_log, time_limit};
use super::openapi;
use super::reset_hook::ResetHook;
use super::session_cookie::CookiePolicy;
use super::unread_body::close_if_body_unread;
use crate::auth::Auth;

/// What handlers need: cheap to clone (all shared behind `Arc`s).
#[derive(Clone)]
pub(crate) struct AppState {
    auth: Arc<Auth>,
    /// Slots for bcrypt work, about one per core.
    bcrypt: Gate,
    /// The lane for the throttle's checks before a login queues for bcrypt.
    login_checks: Gate,
    pub(crate) reset_hook: Option<ResetHook>,
    pub(crate) cookie: CookiePolicy,
    /// How long a client may take to send its body.
    pub(crate) body_timeout: Duration,
    /// `GET /readyz`'s one-at-a-time check and last state.
    pub(crate) readiness: Arc<Readiness>,
}

impl AppState {
    pub(crate) fn new(auth: Arc<Auth>, config: &ServeConfig, metrics: Option<&Metrics>) -> Self {
        let cookie = CookiePolicy {
            secure: config.secure_cookie,
            max_age: auth.policy().session_ttl,
            device_max_age: auth.policy().throttling.device_ttl,
        };
        Self {
            bcrypt: Gate::new(config.bcrypt_slots, config.queue_wait)
                .measured(metrics.map(|metrics| metrics.bcrypt.clone())),
            login_checks: Gate::new(LOGIN_CHECK_SLOTS, config.queue_wait),
            reset_hook: config
                .reset_hook
                .as_deref()
                .map(|command| ResetHook::new(command, config.hook_timeout, config.queue_wait)),
            cookie,
            body_timeout: config.body_timeout,
            readiness: Arc::default(),
            auth,
        }
    }

    /// Runs bcrypt-heavy `work` (register, login, password change) behind
    /// the bcrypt gate, on the blocking pool.
    pub(crate) async fn hashing<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        F: FnOnce(&Auth) -> T + Send + 'static,
        T: Send + 'static,
    {
        let auth = Arc::clone(&self.auth);
        self.bcrypt.run(move || work(&auth)).await
    }

    /// Runs a throttle check (a read) in its own lane of the blocking pool.
    pub(crate) async fn checking_login<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        F: FnOnce(&Auth) -> T + Send + 'static,
        T: Send + 'static,
    {
        let auth = Arc::clone(&self.auth);
        self.login_checks.run(move || work(&auth)).await
    }

    /// The auth layer, for its calls that do no I/O (safe on async threads).
    pub(crate) fn auth(&self) -> &Auth {
        &self.auth
    }

    /// Runs cheap `work` (an indexed query) on the blocking pool.
    pub(crate) async fn lookup<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        F: FnOnce(&Auth) -> T + Send + 'static,
        T: Send + 'static,
    {
        let auth = Arc::clone(&self.auth);
        blocking(move || work(&auth)).await
    }
}

/// Every route of SPEC.md section 2, plus `/openapi.json` and the probes
/// of section 9; counted into `metrics` when given.
pub(crate) fn router(
    state: AppState,
    config: &ServeConfig,
    metrics: Option<Arc<Metrics>>,
) -> Router {
    let routes = [
        ("/users", post(users::register)),
        (
            "/sessions",
            post(sessions::login)
                .delete(sessions::logout)
                // The routes that set and use the session cookie.
                .route_layer(from_fn_with_state(
                    TrustedOrigins::new(&config.trusted_origins),
                    refuse_cross_site,
                )),
        ),
        ("/profile", get(profile::show)),
        (
            "/reset_password",
            post(reset::issue_token).put(reset::update_password),
        ),
    ];
    let mut router = Router::new()
        .route("/", get(index::welcome))
        .route("/openapi.json", get(openapi::document))
        .route("/healthz", get(health::live))
        .route("/readyz", get(health::ready));
    for (path, methods) in routes {
        // Flask's `strict_slashes=False`: `/users/` is `/users`.
        router = router
            .route(&format!("{path}/"), methods.clone())
            .route(path, methods);
    }
    router
        .fallback(fallback::not_found)
        .method_not_allowed_fallback(fallback::method_not_allowed)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(from_fn_with_state(config.request_timeout, time_limit))
        .layer(from_fn(close_if_body_unread))
        // Outermost, so that it logs what the client finally got.
        .layer(from_fn_with_state(
            Outer {
                proxies: TrustedProxies::new(&config.trusted_proxies),
                metrics,
            },
            headers_and_log,
        ))
        .with_state(state)
}
