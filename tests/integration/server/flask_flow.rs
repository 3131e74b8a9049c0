//! The Flask service's own client flow, with its exact statuses and bodies.

use authctl::auth::Policy;
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::support::cookie_value;
use crate::support::db::Backend;
use crate::support::db::fast_policy;
use crate::support::server::{Encoding, Options, TestServer, json, session_cookie};

const EMAIL: &str = "guillaume@holberton.io";
const PASSWORD: &str = "b4l0u";
const NEW_PASSWORD: &str = "t4rt1fl3tt3";

async fn the_flask_client_flow_passes_with_exact_statuses_and_bodies(backend: Backend) {
    let server = TestServer::with(Options {
        backend,
        policy: Policy {
            // The Flask original accepts any password length.
            min_password_length: 1,
            ..fast_policy()
        },
        ..Options::default()
    });
    let credentials = [("email", EMAIL), ("password", PASSWORD)];

    let (status, body) = json(server.get("/").await).await;
    assert_eq!(
        (status, body),
        (StatusCode::OK, json!({"message": "Bienvenue"}))
    );

    let (status, body) = json(server.post_form("/users", &credentials).await).await;
    assert_eq!(
        (status, body),
        (
            StatusCode::OK,
            json!({"email": EMAIL, "message": "user created"})
        )
    );

    let (status, body) = json(server.post_form("/users", &credentials).await).await;
    assert_eq!(
        (status, body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "email already registered"})
        )
    );

    let wrong = server
        .post_form("/sessions", &[("email", EMAIL), ("password", NEW_PASSWORD)])
        .await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(session_cookie(&wrong), None);

    assert_eq!(server.get("/profile").await.status(), StatusCode::FORBIDDEN);

    let login = server.post_form("/sessions", &credentials).await;
    let cookie = session_cookie(&login).expect("login sets a cookie");
    let session_id = cookie_value(&cookie).expect("cookie value");
    let (status, body) = json(login).await;
    assert_eq!(
        (status, body),
        (
            StatusCode::OK,
            json!({"email": EMAIL, "message": "logged in"})
        )
    );

    let (status, body) = json(
        server
            .with_cookie(Method::GET, "/profile", &session_id)
            .await,
    )
    .await;
    assert_eq!((status, body), (StatusCode::OK, json!({"email": EMAIL})));

    let logout = server
        .with_cookie(Method::DELETE, "/sessions", &session_id)
        .await;
    assert_eq!(logout.status(), StatusCode::FOUND);
    assert_eq!(logout.headers()["location"], "/");
    let cleared = session_cookie(&logout).expect("logout clears the cookie");
    assert_eq!(cookie_value(&cleared).as_deref(), Some(""));
    assert!(cleared.contains("Max-Age=0"), "{cleared}");

    let after = server
        .with_cookie(Method::GET, "/profile", &session_id)
        .await;
    assert_eq!(after.status(), StatusCode::FORBIDDEN);

    let (status, body) = json(
        server
            .post_form("/reset_password", &[("email", EMAIL)])
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["email"], EMAIL);
    let reset_token = body["reset_token"].as_str().expect("a token").to_owned();

    let update = [
        ("email", EMAIL),
        ("reset_token", reset_token.as_str()),
        ("new_password", NEW_PASSWORD),
    ];
    let (status, body) = json(
        server
            .send(
                Method::PUT,
                "/reset_password",
                Encoding::UrlEncoded,
                &update,
            )
            .await,
    )
    .await;
    assert_eq!(
        (status, body),
        (
            StatusCode::OK,
            json!({"email": EMAIL, "message": "Password updated"})
        )
    );

    let old = server.post_form("/sessions", &credentials).await;
    assert_eq!(old.status(), StatusCode::UNAUTHORIZED);
    let new = server
        .post_form("/sessions", &[("email", EMAIL), ("password", NEW_PASSWORD)])
        .await;
    assert_eq!(new.status(), StatusCode::OK);
}

backend_tests! {
    the_flask_client_flow_passes_with_exact_statuses_and_bodies,
}
