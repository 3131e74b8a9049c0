use authctl::server::ServeConfig;
use reqwest::StatusCode;

use super::{USER, WRONG, accounts_only, attempt, lock_out, throttled, throttled_with};
use crate::support::PASSWORD;

const ATTACKER: Option<&str> = Some("203.0.113.66");

#[tokio::test]
async fn the_real_user_keeps_logging_in_from_a_known_device_while_an_attacker_holds_the_lock() {
    let (server, clock) = throttled(accounts_only());
    server.register(USER);
    let first = attempt(&server, USER, PASSWORD, None, None).await;
    assert_eq!(first.status, StatusCode::OK);
    let device = first.device.expect("a login sets a device cookie");

    lock_out(&server, &clock, USER, ATTACKER).await;
    let attacker = attempt(&server, USER, PASSWORD, ATTACKER, None).await;
    assert_eq!(attacker.status, StatusCode::TOO_MANY_REQUESTS);

    // A typo from the known device is a plain failure, and is forgiven by
    // the next success.
    for _ in 0..4 {
        let typo = attempt(&server, USER, WRONG, None, Some(&device)).await;
        assert_eq!(typo.status, StatusCode::UNAUTHORIZED);
    }
    let user = attempt(&server, USER, PASSWORD, None, Some(&device)).await;
    assert_eq!(user.status, StatusCode::OK);
    assert_eq!(user.device, None, "a honoured device keeps its cookie");
    for _ in 0..4 {
        let typo = attempt(&server, USER, WRONG, None, Some(&device)).await;
        assert_eq!(typo.status, StatusCode::UNAUTHORIZED);
    }
    let again = attempt(&server, USER, PASSWORD, None, Some(&device)).await;
    assert_eq!(again.status, StatusCode::OK);
}

/// A password change ends the user's known devices with its sessions: a
/// stolen device cookie does not outlive the password it was stolen with.
#[tokio::test]
async fn a_password_reset_revokes_known_devices() {
    let (server, clock) = throttled(accounts_only());
    server.register(USER);
    let device = attempt(&server, USER, PASSWORD, None, None)
        .await
        .device
        .expect("a device cookie");
    let token = server.issue_reset_token(USER).await;
    let new_password = "a brand new password";
    let status = server.reset_password(USER, &token, new_password).await;
    assert_eq!(status, StatusCode::OK);
    lock_out(&server, &clock, USER, ATTACKER).await;
    let old_device = attempt(&server, USER, new_password, None, Some(&device)).await;
    assert_eq!(old_device.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn a_stolen_device_cookie_stops_being_honoured_after_five_failures() {
    let (server, clock) = throttled(accounts_only());
    server.register(USER);
    server.register("bob@example.com");
    let device = attempt(&server, USER, PASSWORD, None, None)
        .await
        .device
        .expect("a device cookie");
    lock_out(&server, &clock, USER, ATTACKER).await;

    // It is bound to its user: no help for another account.
    lock_out(&server, &clock, "bob@example.com", ATTACKER).await;
    let other = attempt(
        &server,
        "bob@example.com",
        PASSWORD,
        ATTACKER,
        Some(&device),
    )
    .await;
    assert_eq!(other.status, StatusCode::TOO_MANY_REQUESTS);

    let runs = server.auth.bcrypt_runs();
    for n in 1..=5 {
        let guess = attempt(&server, USER, WRONG, ATTACKER, Some(&device)).await;
        assert_eq!(guess.status, StatusCode::UNAUTHORIZED, "guess {n}");
    }
    let sixth = attempt(&server, USER, PASSWORD, ATTACKER, Some(&device)).await;
    assert_eq!(
        sixth.status,
        StatusCode::TOO_MANY_REQUESTS,
        "the cookie is spent"
    );
    assert_eq!(server.auth.bcrypt_runs() - runs, 5);
}

#[tokio::test]
async fn the_device_cookie_is_http_only_lax_scoped_to_logins_and_secure_on_request() {
    for secure in [false, true] {
        let (server, _clock) = throttled_with(
            accounts_only(),
            ServeConfig {
                secure_cookie: secure,
                ..ServeConfig::default()
            },
        );
        server.register(USER);
        let answer = attempt(&server, USER, PASSWORD, None, None).await;
        let response = server
            .client
            .post(server.url("/sessions"))
            .form(&[("email", USER), ("password", PASSWORD)])
            .send()
            .await
            .expect("POST");
        let cookie = response
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .find(|value| value.starts_with("device="))
            .expect("a device cookie")
            .to_owned();
        assert_eq!(answer.status, StatusCode::OK);
        for part in [
            "HttpOnly",
            "SameSite=Lax",
            "Path=/sessions",
            "Max-Age=31536000",
        ] {
            assert!(cookie.contains(part), "{part} missing: {cookie}");
        }
        assert_eq!(cookie.contains("Secure"), secure, "{cookie}");
    }
}
