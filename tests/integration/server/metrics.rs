//! `/metrics` (SPEC section 9, SECURITY 30): Prometheus text a real parser
//! reads, counters that follow what the server answered, and label values
//! from closed sets only, whatever clients send.

use authctl::auth::{Policy, Throttling};
use authctl::server::ServeConfig;
use reqwest::{Method, StatusCode};
use serde_json::Value;

use crate::support::PASSWORD;
use crate::support::db::{fast_policy, test_clock};
use crate::support::metrics::{label_values, parse, value};
use crate::support::server::{Options, TestServer, json};

const USER: &str = "metrics-user@example.com";
const NEW_PASSWORD: &str = "another fine password";

fn with_metrics(policy: Policy) -> TestServer {
    TestServer::with(Options {
        policy,
        // Stopped: a throttle's wait lasts until the test ends.
        clock: Some(test_clock()),
        metrics: true,
        ..Options::default()
    })
}

async fn scrape(server: &TestServer) -> (String, prometheus_parse::Scrape) {
    let response = server
        .client
        .get(server.metrics_url())
        .send()
        .await
        .expect("scrape");
    assert_eq!(response.status(), StatusCode::OK);
    let content_type = response.headers()["content-type"]
        .to_str()
        .expect("ASCII")
        .to_owned();
    assert!(
        content_type.starts_with("application/openmetrics-text"),
        "{content_type}"
    );
    let text = response.text().await.expect("body");
    let parsed = parse(&text);
    (text, parsed)
}

async fn status_of(
    server: &TestServer,
    method: Method,
    path: &str,
    fields: &[(&str, &str)],
) -> u16 {
    let response = server
        .send(
            method,
            path,
            crate::support::server::Encoding::UrlEncoded,
            fields,
        )
        .await;
    response.status().as_u16()
}

#[tokio::test]
async fn the_counters_follow_logins_refusals_resets_and_database_errors() {
    // Arrange: one free failed login per account, one reset request an hour.
    let server = with_metrics(Policy {
        throttling: Throttling {
            free_attempts: 1,
            reset_requests: 1,
            ..Throttling::default()
        },
        ..fast_policy()
    });
    let (_, before) = scrape(&server).await;
    assert_eq!(value(&before, "authctl_logins_total", &[]), 0.0);
    assert_eq!(
        value(
            &before,
            "authctl_build_info",
            &[("version", env!("CARGO_PKG_VERSION"))]
        ),
        1.0
    );

    // Act: a registration, a login, failures until the throttle refuses.
    let credentials = [("email", USER), ("password", PASSWORD)];
    assert_eq!(
        status_of(&server, Method::POST, "/users", &credentials).await,
        200
    );
    assert_eq!(
        status_of(&server, Method::POST, "/sessions", &credentials).await,
        200
    );
    let wrong = [("email", USER), ("password", "not the password")];
    let (mut failures, mut refusals) = (0.0, 0.0);
    while refusals < 2.0 {
        match status_of(&server, Method::POST, "/sessions/", &wrong).await {
            401 => failures += 1.0,
            429 => refusals += 1.0,
            other => panic!("a login answered {other}"),
        }
        assert!(failures < 10.0, "the throttle never refused");
    }
    // A reset, then a second request within the hour.
    let token = server.issue_reset_token(USER).await;
    assert_eq!(server.reset_password(USER, &token, NEW_PASSWORD).await, 200);
    let again = [("email", USER)];
    assert_eq!(
        status_of(&server, Method::POST, "/reset_password", &again).await,
        429
    );
    // The database fails under a login: its sessions table is gone.
    rusqlite::Connection::open(server.db_path())
        .and_then(|conn| conn.execute_batch("DROP TABLE sessions"))
        .expect("drop a table under the server");
    let renewed = [("email", USER), ("password", NEW_PASSWORD)];
    assert_eq!(
        status_of(&server, Method::POST, "/sessions", &renewed).await,
        500
    );

    // Assert
    let (_, after) = scrape(&server).await;
    let count = |metric: &str, labels: &[(&str, &str)]| value(&after, metric, labels);
    let requests = "authctl_http_requests_total";
    let sessions = [("route", "/sessions"), ("method", "POST")];
    assert_eq!(
        count(requests, &[sessions[0], sessions[1], ("status", "200")]),
        1.0
    );
    assert_eq!(
        count(requests, &[sessions[0], sessions[1], ("status", "401")]),
        failures
    );
    assert_eq!(
        count(requests, &[sessions[0], sessions[1], ("status", "429")]),
        refusals
    );
    assert_eq!(
        count(requests, &[sessions[0], sessions[1], ("status", "500")]),
        1.0
    );
    assert_eq!(
        count("authctl_logins_total", &[("outcome", "success")]),
        1.0
    );
    assert_eq!(
        count("authctl_logins_total", &[("outcome", "failure")]),
        failures
    );
    assert_eq!(
        count("authctl_logins_total", &[("outcome", "throttled")]),
        refusals
    );
    assert_eq!(count("authctl_registrations_total", &[]), 1.0);
    assert_eq!(
        count("authctl_password_resets_total", &[("step", "requested")]),
        1.0
    );
    assert_eq!(
        count("authctl_password_resets_total", &[("step", "completed")]),
        1.0
    );
    assert_eq!(
        count("authctl_throttle_refusals_total", &[("scope", "account")]),
        refusals
    );
    assert_eq!(
        count("authctl_throttle_refusals_total", &[("scope", "reset")]),
        1.0
    );
    assert_eq!(
        count("authctl_store_errors_total", &[("kind", "failed")]),
        1.0
    );
    let latency = "authctl_http_request_duration_seconds_count";
    assert_eq!(
        count(latency, &[("route", "/sessions")]),
        1.0 + failures + refusals + 1.0
    );
    // Register, the good login, each failure, the reset, the failed login.
    let hashed = 1.0 + 1.0 + failures + 1.0 + 1.0;
    assert_eq!(count("authctl_bcrypt_duration_seconds_count", &[]), hashed);
    assert_eq!(count("authctl_bcrypt_wait_seconds_count", &[]), hashed);
    assert_eq!(count("authctl_bcrypt_slots_in_use", &[]), 0.0);
    assert!(count("authctl_bcrypt_slots", &[]) >= 1.0);
}

#[tokio::test]
async fn no_label_value_holds_an_email_address_token_or_path_whatever_clients_send() {
    // Arrange
    let server = with_metrics(fast_policy());
    let email = "mallory.secret@example.com";
    let address = "203.0.113.77";
    let token = "0b9d4c1e-7f3a-4d2b-9c8e-5a6f7e8d9c0b";
    let db_path = server.db_path().to_string_lossy().into_owned();
    let mut secrets = vec![
        email.to_owned(),
        address.to_owned(),
        token.to_owned(),
        "/etc/passwd".to_owned(),
        db_path.clone(),
    ];
    let mut paths = vec![
        format!("/{email}"),
        format!("/users/{token}"),
        format!("/profile/{address}"),
        format!("/reset_password?email={email}&token={token}"),
        "/../../etc/passwd".to_owned(),
        format!("/{}", db_path.trim_start_matches('/')),
    ];
    for n in 0..20 {
        let random = uuid::Uuid::new_v4().to_string();
        paths.push(format!("/scan-{n}/{random}"));
        secrets.push(random);
    }

    // Act: what a scanner and a hostile client send.
    for path in &paths {
        let response = server
            .client
            .get(server.url(path))
            .header("x-forwarded-for", address)
            .header("cookie", format!("session_id={token}"))
            .header("user-agent", email)
            .send()
            .await
            .expect("request");
        assert!(response.status().is_client_error(), "{path}");
    }
    let odd_method = Method::from_bytes(b"MALLORYSECRET").expect("a method token");
    let response = server
        .client
        .request(odd_method, server.url("/users"))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    let login = [("email", email), ("password", token)];
    assert_eq!(
        status_of(&server, Method::POST, "/sessions", &login).await,
        401
    );
    let (status, _): (StatusCode, Value) = json(
        server
            .client
            .get(server.url("/profile"))
            .header("cookie", format!("session_id={token}"))
            .send()
            .await
            .expect("request"),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Assert: nothing the clients chose shows, anywhere in the scrape.
    let (text, scrape) = scrape(&server).await;
    for secret in secrets.iter().chain([&"MALLORYSECRET".to_owned()]) {
        assert!(
            !text.contains(secret.as_str()),
            "{secret} in the metrics:\n{text}"
        );
    }
    let routes = label_values(&scrape, "route");
    let known = [
        "/",
        "/profile",
        "/reset_password",
        "/sessions",
        "/users",
        "<unmatched>",
    ];
    assert!(
        routes.iter().all(|r| known.contains(&r.as_str())),
        "{routes:?}"
    );
    assert!(routes.contains(&"<unmatched>".to_owned()), "{routes:?}");
    let methods = label_values(&scrape, "method");
    assert_eq!(methods, ["GET", "POST", "other"]);
    // Twenty-five unknown paths are one series.
    assert_eq!(
        value(
            &scrape,
            "authctl_http_requests_total",
            &[("route", "<unmatched>")]
        ),
        25.0
    );
}

#[tokio::test]
async fn a_blocked_client_counts_under_the_client_scope_and_its_address_shows_nowhere() {
    // Arrange: a proxy the server trusts speaks for one sprayer.
    let server = TestServer::with(Options {
        policy: Policy {
            throttling: Throttling {
                client_max_failures: 2,
                ..Throttling::default()
            },
            ..fast_policy()
        },
        config: ServeConfig {
            trusted_proxies: vec!["127.0.0.1/32".parse().expect("a network")],
            ..ServeConfig::default()
        },
        clock: Some(test_clock()),
        metrics: true,
        ..Options::default()
    });
    let address = "198.51.100.9";

    // Act: one wrong password at each of four accounts.
    let mut statuses = Vec::new();
    for n in 0..4 {
        let email = format!("sprayed-{n}@example.com");
        let fields = [("email", email.as_str()), ("password", "not a password")];
        let response = server
            .client
            .post(server.url("/sessions"))
            .header("x-forwarded-for", address)
            .form(&fields)
            .send()
            .await
            .expect("a login");
        statuses.push(response.status().as_u16());
    }

    // Assert
    assert_eq!(statuses, [401, 401, 429, 429]);
    let (text, scrape) = scrape(&server).await;
    let refusals = |scope| {
        value(
            &scrape,
            "authctl_throttle_refusals_total",
            &[("scope", scope)],
        )
    };
    assert_eq!((refusals("client"), refusals("account")), (2.0, 0.0));
    assert!(!text.contains(address), "{text}");
    assert!(!text.contains("sprayed"), "{text}");
}

#[tokio::test]
async fn a_database_locked_past_its_busy_timeout_counts_as_unavailable() {
    // Arrange: a session to end, and a request limit past SQLite's busy
    // timeout (10 s), so that the database, not the limit, answers.
    let server = TestServer::with(Options {
        config: ServeConfig {
            request_timeout: std::time::Duration::from_secs(60),
            ..ServeConfig::default()
        },
        metrics: true,
        ..Options::default()
    });
    server.register(USER);
    let token = server.login(USER, PASSWORD).await;
    let lock = crate::support::db::WriteLock::hold(server.db_path());

    // Act: a logout must write, and waits out the busy timeout.
    let response = server
        .with_cookie(Method::DELETE, "/sessions", &token)
        .await;
    drop(lock);

    // Assert
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    let (_, scrape) = scrape(&server).await;
    let errors = |kind| value(&scrape, "authctl_store_errors_total", &[("kind", kind)]);
    assert_eq!((errors("unavailable"), errors("failed")), (1.0, 0.0));
}
