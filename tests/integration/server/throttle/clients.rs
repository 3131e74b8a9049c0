use std::time::Duration;

use authctl::auth::Throttling;
use reqwest::StatusCode;

use super::{USER, WRONG, attempt, throttled};
use crate::support::PASSWORD;

/// A sprayer tries one password on many accounts: each account sees one
/// failure, the client twenty.
#[tokio::test]
async fn twenty_failures_from_one_address_block_it_for_every_account() {
    let (server, clock) = throttled(Throttling::default());
    server.register(USER);
    let sprayer = Some("198.51.100.7");
    for n in 0..20 {
        let answer = attempt(
            &server,
            &format!("user{n}@example.com"),
            WRONG,
            sprayer,
            None,
        )
        .await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "failure {n}");
    }
    let blocked = attempt(&server, USER, PASSWORD, sprayer, None).await;
    assert_eq!(
        (blocked.status, blocked.retry_after),
        (StatusCode::TOO_MANY_REQUESTS, Some(900))
    );
    // Reset-token guesses are refused as well while it is blocked.
    let guess = server
        .client
        .put(server.url("/reset_password"))
        .header("x-forwarded-for", "198.51.100.7")
        .form(&[
            ("email", USER),
            ("reset_token", "7c9e6679-7425-40de-944b-e07fc1f90ae7"),
            ("new_password", "whatever it is"),
        ])
        .send()
        .await
        .expect("PUT");
    assert_eq!(guess.status(), StatusCode::TOO_MANY_REQUESTS);

    // Others are not affected; the block ends after 15 minutes.
    let neighbour = attempt(&server, USER, PASSWORD, Some("198.51.100.8"), None).await;
    assert_eq!(neighbour.status, StatusCode::OK);
    clock.advance(Duration::from_secs(15 * 60));
    let later = attempt(&server, USER, PASSWORD, sprayer, None).await;
    assert_eq!(later.status, StatusCode::OK);
}

#[tokio::test]
async fn failed_reset_token_uses_count_against_the_client() {
    let (server, _clock) = throttled(Throttling::default());
    server.register(USER);
    let guesser = "198.51.100.9";
    for n in 0..20 {
        let response = server
            .client
            .put(server.url("/reset_password"))
            .header("x-forwarded-for", guesser)
            .form(&[
                ("email", USER),
                (
                    "reset_token",
                    &format!("7c9e6679-7425-40de-944b-e07fc1f9{n:04}"),
                ),
                ("new_password", "whatever it is"),
            ])
            .send()
            .await
            .expect("PUT");
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "guess {n}");
    }
    let login = attempt(&server, USER, PASSWORD, Some(guesser), None).await;
    assert_eq!(login.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn an_ipv6_client_is_counted_by_its_slash_64() {
    let (server, _clock) = throttled(Throttling::default());
    server.register(USER);
    for n in 1..=20 {
        let client = format!("2001:db8:1:2::{n:x}");
        let answer = attempt(
            &server,
            &format!("user{n}@example.com"),
            WRONG,
            Some(&client),
            None,
        )
        .await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "failure {n}");
    }
    let same_64 = attempt(&server, USER, PASSWORD, Some("2001:db8:1:2:ffff::1"), None).await;
    assert_eq!(same_64.status, StatusCode::TOO_MANY_REQUESTS);
    let next_64 = attempt(&server, USER, PASSWORD, Some("2001:db8:1:3::1"), None).await;
    assert_eq!(next_64.status, StatusCode::OK);
}

/// Without --trusted-proxy the header is the client's to forge: a sprayer
/// that rotates it is still one address.
#[tokio::test]
async fn x_forwarded_for_is_believed_only_from_a_trusted_proxy() {
    // Not `throttled`, which trusts 127.0.0.1 as a proxy.
    let clock = crate::support::db::test_clock();
    let server = crate::support::server::TestServer::with(crate::support::server::Options {
        policy: authctl::auth::Policy {
            throttling: Throttling::default(),
            ..crate::support::db::fast_policy()
        },
        clock: Some(clock),
        ..crate::support::server::Options::default()
    });
    server.register(USER);
    for n in 0..20 {
        let forged = format!("192.0.2.{n}");
        let answer = attempt(
            &server,
            &format!("user{n}@example.com"),
            WRONG,
            Some(&forged),
            None,
        )
        .await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "failure {n}");
    }
    let fresh_forgery = attempt(&server, USER, PASSWORD, Some("192.0.2.200"), None).await;
    assert_eq!(fresh_forgery.status, StatusCode::TOO_MANY_REQUESTS);
}

/// Failures are counted over a sliding window: 19 at the end of one window
/// and the next right after it are 20 within ten minutes, so the client is
/// blocked; a fixed window would have let 19 more through.
#[tokio::test]
async fn the_client_window_slides_over_its_boundary() {
    let (server, clock) = throttled(Throttling::default());
    server.register(USER);
    let sprayer = Some("198.51.100.23");
    let fail = |n: u32| {
        let email = format!("user{n}@example.com");
        let server = &server;
        async move { attempt(server, &email, WRONG, sprayer, None).await.status }
    };
    assert_eq!(fail(0).await, StatusCode::UNAUTHORIZED);
    clock.advance(Duration::from_secs(599));
    for n in 1..19 {
        assert_eq!(fail(n).await, StatusCode::UNAUTHORIZED, "failure {n}");
    }
    clock.advance(Duration::from_secs(1));
    assert_eq!(
        fail(19).await,
        StatusCode::UNAUTHORIZED,
        "the twentieth runs"
    );
    let blocked = attempt(&server, USER, PASSWORD, sprayer, None).await;
    assert_eq!(blocked.status, StatusCode::TOO_MANY_REQUESTS);
}
