//! The brute-force defence over HTTP (SPEC section 6, SECURITY.md 22-27):
//! a real server on a clock the test moves, which trusts 127.0.0.1 as a
//! proxy so that each test can speak for clients of its choosing through
//! `X-Forwarded-For`.

mod clients;
mod delays;
mod devices;
mod lockout;
mod parallel;
mod resets;

use std::sync::Arc;
use std::time::Duration;

use authctl::auth::{ManualClock, Policy, Throttling};
use authctl::server::ServeConfig;
use reqwest::StatusCode;

use crate::support::db::{fast_policy, test_clock};
use crate::support::server::{Options, TestServer, device_cookie};

pub(super) const USER: &str = "ada@example.com";
pub(super) const WRONG: &str = "not her password";

/// A server enforcing `throttling`, on a stopped clock.
pub(super) fn throttled(throttling: Throttling) -> (TestServer, Arc<ManualClock>) {
    throttled_with(throttling, ServeConfig::default())
}

pub(super) fn throttled_with(
    throttling: Throttling,
    config: ServeConfig,
) -> (TestServer, Arc<ManualClock>) {
    let clock = test_clock();
    let server = TestServer::with(Options {
        policy: Policy {
            throttling,
            ..fast_policy()
        },
        config: ServeConfig {
            trusted_proxies: vec!["127.0.0.1/32".parse().expect("a network")],
            queue_wait: Duration::from_secs(120),
            request_timeout: Duration::from_secs(240),
            ..config
        },
        clock: Some(Arc::clone(&clock)),
        ..Options::default()
    });
    (server, clock)
}

/// The throttle's defaults, with a per-client limit no test about
/// accounts reaches (they all come from one address).
pub(super) fn accounts_only() -> Throttling {
    Throttling {
        client_max_failures: 1_000_000,
        ..Throttling::default()
    }
}

/// What a login attempt got back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Answer {
    pub(super) status: StatusCode,
    pub(super) retry_after: Option<u64>,
    pub(super) body: String,
    /// Every header but `date`, in order, for comparing two answers.
    pub(super) headers: Vec<(String, String)>,
    /// The value of a `device` cookie set by the answer.
    pub(super) device: Option<String>,
}

/// `POST /sessions` from `client` (an `X-Forwarded-For` value; `None` is
/// 127.0.0.1 itself), with a `device` cookie if given.
pub(super) async fn attempt(
    server: &TestServer,
    email: &str,
    password: &str,
    client: Option<&str>,
    device: Option<&str>,
) -> Answer {
    let mut request = server
        .client
        .post(server.url("/sessions"))
        .form(&[("email", email), ("password", password)]);
    if let Some(client) = client {
        request = request.header("x-forwarded-for", client);
    }
    if let Some(device) = device {
        request = request.header("cookie", format!("device={device}"));
    }
    let response = request.send().await.expect("POST /sessions");
    let status = response.status();
    let retry_after = response
        .headers()
        .get("retry-after")
        .map(|value| value.to_str().expect("ASCII").parse().expect("seconds"));
    let headers: Vec<(String, String)> = response
        .headers()
        .iter()
        .filter(|(name, _)| *name != "date")
        .map(|(name, value)| {
            let value = value.to_str().expect("ASCII");
            // A session or device cookie differs on every login by design.
            let value = value.split_once('=').map_or(value, |(name, _)| name);
            (name.to_string(), value.to_owned())
        })
        .collect();
    let device = device_cookie(&response);
    let body = response.text().await.expect("body");
    Answer {
        status,
        retry_after,
        body,
        headers,
        device,
    }
}

/// Fails logins of `email` from `client` until the account is locked,
/// moving the clock past each wait; returns how many failures that took.
pub(super) async fn lock_out(
    server: &TestServer,
    clock: &ManualClock,
    email: &str,
    client: Option<&str>,
) -> u32 {
    let mut failures = 0;
    for _ in 0..300 {
        let answer = attempt(server, email, WRONG, client, None).await;
        match answer.status {
            StatusCode::UNAUTHORIZED => failures += 1,
            StatusCode::TOO_MANY_REQUESTS if failures >= 100 => return failures,
            StatusCode::TOO_MANY_REQUESTS => {
                let wait = answer.retry_after.expect("a 429 says when");
                clock.advance(Duration::from_secs(wait));
            }
            other => panic!("unexpected {other}: {}", answer.body),
        }
    }
    panic!("no lock after {failures} failures");
}
