//! Prometheus metrics (SPEC section 9), served by `serve --metrics-bind` on
//! a listener of their own ([`exposition`]).
//!
//! Each server owns its [`Registry`]: no process-global one, so two servers
//! in one process (the tests) count apart. Every label value comes from a
//! closed set chosen here (a route template, a method, a status, an
//! outcome), never from the request: a client cannot create series, and no
//! label can hold an email, an address, a token or a path.

pub(crate) mod exposition;

use std::sync::Arc;
use std::time::Duration;

use axum::http::{Method, StatusCode};
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::{Registry, Unit};

use crate::auth::ThrottleScope;

/// The route label of a request that matched no route.
pub(crate) const UNMATCHED: &str = "<unmatched>";

/// Label sets as arrays of static strings: counting a request allocates
/// nothing.
type Label = [(&'static str, &'static str); 1];
type RequestLabels = [(&'static str, &'static str); 3];

/// What the outer layer learns from a response beyond its status: set by
/// [`super::error::ApiError`] as a response extension.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Refused {
    /// A throttle refused the attempt (429).
    Throttled(ThrottleScope),
    /// The database failed under the request (a 500 or 503).
    Store(StoreFailure),
}

/// How the database failed.
#[derive(Debug, Clone, Copy)]
pub(crate) enum StoreFailure {
    /// For now (a full disk, a lock held too long): a 503.
    Unavailable,
    /// Not a passing condition: a 500.
    Failed,
}

/// Every metric of one server.
pub(crate) struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<Label, Histogram>,
    logins: Family<Label, Counter>,
    registrations: Counter,
    resets: Family<Label, Counter>,
    throttled: Family<Label, Counter>,
    store_errors: Family<Label, Counter>,
    pub(crate) bcrypt: BcryptMetrics,
}

/// The bcrypt gate's metrics, handed to the gate itself.
#[derive(Debug, Clone)]
pub(crate) struct BcryptMetrics {
    /// How long the work in a slot took: the hash or check, with the short
    /// transaction that goes with it.
    pub(crate) duration: Histogram,
    /// How long a request waited for a slot.
    pub(crate) wait: Histogram,
    pub(crate) in_use: Gauge,
}

/// Half a millisecond to about 12 seconds, ×2.5 a bucket: from a cached
/// `GET /profile` to a request at the time limit.
fn latency_buckets() -> impl Iterator<Item = f64> {
    exponential_buckets(0.0005, 2.5, 12)
}

impl Metrics {
    /// A fresh registry with every metric at zero, `bcrypt_slots` being
    /// the size of the bcrypt gate.
    pub(crate) fn new(bcrypt_slots: usize) -> Arc<Self> {
        let mut registry = Registry::with_prefix("authctl");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "http_requests",
            "HTTP requests answered, by route template, method and status",
            requests.clone(),
        );
        let latency =
            Family::<Label, Histogram>::new_with_constructor(|| Histogram::new(latency_buckets()));
        registry.register_with_unit(
            "http_request_duration",
            "Time to answer an HTTP request, by route template",
            Unit::Seconds,
            latency.clone(),
        );
        let logins = Family::<Label, Counter>::default();
        registry.register(
            "logins",
            "Logins (POST /sessions) by outcome: success, failure (wrong email or \
             password) or throttled",
            logins.clone(),
        );
        let registrations = Counter::default();
        registry.register(
            "registrations",
            "Users registered (POST /users)",
            registrations.clone(),
        );
        let resets = Family::<Label, Counter>::default();
        registry.register(
            "password_resets",
            "Password resets by step: requested (a token issued) or completed",
            resets.clone(),
        );
        let throttled = Family::<Label, Counter>::default();
        registry.register(
            "throttle_refusals",
            "Attempts refused by the throttle (429), by the counter that refused: \
             account, client or reset",
            throttled.clone(),
        );
        let store_errors = Family::<Label, Counter>::default();
        registry.register(
            "store_errors",
            "Requests failed by the database, by kind: unavailable (503) or failed (500)",
            store_errors.clone(),
        );
        let bcrypt = BcryptMetrics {
            duration: Histogram::new(exponential_buckets(0.001, 2.0, 14)),
            wait: Histogram::new(exponential_buckets(0.0005, 2.5, 12)),
            in_use: Gauge::default(),
        };
        registry.register_with_unit(
            "bcrypt_duration",
            "Time a request held a bcrypt slot: the hash or password check and its transaction",
            Unit::Seconds,
            bcrypt.duration.clone(),
        );
        registry.register_with_unit(
            "bcrypt_wait",
            "Time a request waited for a bcrypt slot",
            Unit::Seconds,
            bcrypt.wait.clone(),
        );
        registry.register(
            "bcrypt_slots_in_use",
            "bcrypt slots taken now",
            bcrypt.in_use.clone(),
        );
        let slots = Gauge::<i64>::default();
        slots.set(i64::try_from(bcrypt_slots).unwrap_or(i64::MAX));
        registry.register("bcrypt_slots", "bcrypt slots in all", slots);
        // A gauge at 1 carrying the version, the usual Prometheus idiom: an
        // OpenMetrics `info` type would be refused by the classic parser.
        let build = Family::<Label, Gauge>::default();
        build
            .get_or_create(&[("version", env!("CARGO_PKG_VERSION"))])
            .set(1);
        registry.register("build_info", "The authctl version serving", build);
        // Every series of a closed set exists from the start, at 0: a
        // dashboard's rate() sees the first event rather than a new series.
        at_zero(&logins, "outcome", &["success", "failure", "throttled"]);
        at_zero(&resets, "step", &["requested", "completed"]);
        let scopes = [
            ThrottleScope::Account,
            ThrottleScope::Client,
            ThrottleScope::ResetRequests,
        ];
        at_zero(&throttled, "scope", &scopes.map(ThrottleScope::name));
        at_zero(&store_errors, "kind", &["unavailable", "failed"]);
        Arc::new(Self {
            registry,
            requests,
            latency,
            logins,
            registrations,
            resets,
            throttled,
            store_errors,
            bcrypt,
        })
    }

    /// Counts one answered request. `route` is the matched route's
    /// template or [`UNMATCHED`].
    pub(crate) fn record(
        &self,
        route: &'static str,
        method: &Method,
        status: StatusCode,
        refused: Option<Refused>,
        elapsed: Duration,
    ) {
        let method = method_label(method);
        self.requests
            .get_or_create(&[
                ("route", route),
                ("method", method),
                ("status", status_label(status)),
            ])
            .inc();
        self.latency
            .get_or_create(&[("route", route)])
            .observe(elapsed.as_secs_f64());
        match refused {
            Some(Refused::Throttled(scope)) => {
                self.throttled
                    .get_or_create(&[("scope", scope.name())])
                    .inc();
            }
            Some(Refused::Store(failure)) => {
                let kind = match failure {
                    StoreFailure::Unavailable => "unavailable",
                    StoreFailure::Failed => "failed",
                };
                self.store_errors.get_or_create(&[("kind", kind)]).inc();
            }
            None => {}
        }
        self.record_outcome(route, method, status);
    }

    /// The account counters, read from what the route answered: the
    /// handlers need not know metrics exist.
    fn record_outcome(&self, route: &str, method: &str, status: StatusCode) {
        match (route, method, status.as_u16()) {
            ("/sessions", "POST", 200) => self.login("success"),
            ("/sessions", "POST", 401) => self.login("failure"),
            ("/sessions", "POST", 429) => self.login("throttled"),
            ("/users", "POST", 200) => {
                self.registrations.inc();
            }
            ("/reset_password", "POST", 200) => self.reset("requested"),
            ("/reset_password", "PUT", 200) => self.reset("completed"),
            _ => {}
        }
    }

    fn login(&self, outcome: &'static str) {
        self.logins.get_or_create(&[("outcome", outcome)]).inc();
    }

    fn reset(&self, step: &'static str) {
        self.resets.get_or_create(&[("step", step)]).inc();
    }

    /// The text exposition of every metric.
    pub(crate) fn encode(&self) -> Result<String, std::fmt::Error> {
        let mut text = String::new();
        prometheus_client::encoding::text::encode(&mut text, &self.registry)?;
        Ok(text)
    }
}

/// Every route template the router has, without trailing slashes.
const ROUTES: [&str; 8] = [
    "/",
    "/users",
    "/sessions",
    "/profile",
    "/reset_password",
    "/openapi.json",
    "/healthz",
    "/readyz",
];

/// Creates the series `label`=each of `values`, at 0.
fn at_zero(family: &Family<Label, Counter>, label: &'static str, values: &[&'static str]) {
    for value in values {
        drop(family.get_or_create(&[(label, *value)]));
    }
}

/// The route label (for logs too): the matched template without its
/// trailing slash, so `/users/` (Flask's `strict_slashes=False`) counts as
/// `/users`; [`UNMATCHED`] when no route matched.
pub(crate) fn route_label(template: Option<&str>) -> &'static str {
    let Some(template) = template else {
        return UNMATCHED;
    };
    let trimmed = match template.strip_suffix('/') {
        Some("") | None => template,
        Some(trimmed) => trimmed,
    };
    ROUTES
        .into_iter()
        .find(|route| *route == trimmed)
        .unwrap_or(UNMATCHED)
}

/// A method from the closed set; anything else (a client may send any
/// token) is `other`.
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::PATCH => "PATCH",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// A status as its three digits, from the statuses this server answers
/// (a client cannot choose one outside them).
fn status_label(status: StatusCode) -> &'static str {
    match status.as_u16() {
        200 => "200",
        302 => "302",
        400 => "400",
        401 => "401",
        403 => "403",
        404 => "404",
        405 => "405",
        408 => "408",
        413 => "413",
        415 => "415",
        429 => "429",
        500 => "500",
        503 => "503",
        code if code < 300 => "2xx",
        code if code < 400 => "3xx",
        code if code < 500 => "4xx",
        _ => "5xx",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn route_labels_drop_the_trailing_slash_and_name_no_path() {
        assert_eq!(route_label(Some("/users/")), "/users");
        assert_eq!(route_label(Some("/")), "/");
        assert_eq!(route_label(None), UNMATCHED);
    }

    #[test]
    fn an_unknown_method_is_other() {
        let odd = Method::from_bytes(b"ALICE-EXAMPLE-COM").unwrap();
        assert_eq!(method_label(&odd), "other");
    }
}
