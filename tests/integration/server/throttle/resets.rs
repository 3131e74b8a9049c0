use std::time::Duration;

use authctl::auth::Throttling;
use authctl::server::ServeConfig;
use reqwest::StatusCode;

use super::{USER, throttled_with};

#[tokio::test]
async fn a_sixth_reset_request_within_the_hour_is_refused_and_runs_no_hook() {
    let folder = tempfile::tempdir().expect("temp dir");
    let runs_file = folder.path().join("hook-runs");
    let hook = format!("cat > /dev/null; echo ran >> '{}'", runs_file.display());
    let (server, clock) = throttled_with(
        Throttling::default(),
        ServeConfig {
            reset_hook: Some(hook),
            ..ServeConfig::default()
        },
    );
    server.register(USER);
    server.register("bob@example.com");
    let request = |email: &'static str| {
        server
            .client
            .post(server.url("/reset_password"))
            .form(&[("email", email)])
            .send()
    };
    let hook_runs = || {
        std::fs::read_to_string(&runs_file)
            .unwrap_or_default()
            .lines()
            .count()
    };
    for n in 1..=5 {
        let response = request(USER).await.expect("POST");
        assert_eq!(response.status(), StatusCode::OK, "request {n}");
    }
    let sixth = request(USER).await.expect("POST");
    assert_eq!(sixth.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(sixth.headers()["retry-after"], "3600");
    assert_eq!(hook_runs(), 5, "the refused request ran the hook");

    // Another account has its own count; the limit lifts after the hour.
    assert_eq!(
        request("bob@example.com").await.expect("POST").status(),
        StatusCode::OK
    );
    clock.advance(Duration::from_secs(3600));
    assert_eq!(request(USER).await.expect("POST").status(), StatusCode::OK);
    assert_eq!(hook_runs(), 7);
}
