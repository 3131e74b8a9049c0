//! What a server facing browsers owes them, and who each request is
//! recorded as: login CSRF, ambiguous cookies, look-alike addresses, the
//! headers on every answer.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::support::PASSWORD;
use crate::support::server::{Options, TestServer, json};

const CROSS_SITE: &str = "cross-site request refused";

async fn login_with(
    server: &TestServer,
    headers: &[(&str, &str)],
) -> (StatusCode, serde_json::Value) {
    let mut request = server
        .client
        .post(server.url("/sessions"))
        .form(&[("email", "ann@example.com"), ("password", PASSWORD)]);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    json(request.send().await.expect("request")).await
}

#[tokio::test]
async fn a_cross_site_login_is_refused_and_a_same_site_or_scripted_one_is_not() {
    let server = TestServer::spawn();
    server.register("ann@example.com");
    let own = format!("http://{}", server.addr());
    let refused = (StatusCode::FORBIDDEN, json!({"message": CROSS_SITE}));

    for headers in [
        &[("sec-fetch-site", "cross-site")][..],
        &[("origin", "https://evil.example")][..],
        &[("origin", "null")][..],
        // The right host under another port is another origin.
        &[("origin", "http://127.0.0.1:1")][..],
    ] {
        assert_eq!(login_with(&server, headers).await, refused, "{headers:?}");
    }
    for headers in [
        &[][..],
        &[("sec-fetch-site", "same-origin"), ("origin", own.as_str())][..],
        &[("sec-fetch-site", "none")][..],
    ] {
        let (status, _) = login_with(&server, headers).await;
        assert_eq!(status, StatusCode::OK, "{headers:?}");
    }
}

#[tokio::test]
async fn a_trusted_origin_may_log_in_and_a_cross_site_logout_is_refused() {
    let mut options = Options::default();
    options.config.trusted_origins = vec!["https://app.example".to_owned()];
    let server = TestServer::with(options);
    server.register("ann@example.com");
    let (status, _) = login_with(&server, &[("origin", "https://app.example")]).await;
    assert_eq!(status, StatusCode::OK);

    let cookie = server.login("ann@example.com", PASSWORD).await;
    let logout = server
        .client
        .delete(server.url("/sessions"))
        .header("cookie", format!("session_id={cookie}"))
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .expect("request");
    assert_eq!(
        json(logout).await,
        (StatusCode::FORBIDDEN, json!({"message": CROSS_SITE}))
    );
    // The session survived the refused logout.
    let profile = server.with_cookie(Method::GET, "/profile", &cookie).await;
    assert_eq!(profile.status(), StatusCode::OK);
}

#[tokio::test]
async fn registration_is_not_a_cookie_route_and_is_not_refused_cross_site() {
    let server = TestServer::spawn();
    let reply = server
        .client
        .post(server.url("/users"))
        .header("sec-fetch-site", "cross-site")
        .form(&[("email", "bob@example.com"), ("password", PASSWORD)])
        .send()
        .await
        .expect("request");
    assert_eq!(reply.status(), StatusCode::OK);
}

#[tokio::test]
async fn two_session_cookies_are_no_session_whichever_is_valid() {
    let server = TestServer::spawn();
    server.register("ann@example.com");
    let cookie = server.login("ann@example.com", PASSWORD).await;
    let other = "00000000-0000-4000-8000-000000000000";
    for header in [
        format!("session_id={cookie}; session_id={other}"),
        format!("session_id={other}; session_id={cookie}"),
        format!("session_id={cookie}; session_id={cookie}"),
    ] {
        let reply = server
            .client
            .get(server.url("/profile"))
            .header("cookie", header.as_str())
            .send()
            .await
            .expect("request");
        assert_eq!(reply.status(), StatusCode::FORBIDDEN, "{header}");
    }
    // One cookie, among others of other names, still works.
    let reply = server
        .client
        .get(server.url("/profile"))
        .header(
            "cookie",
            format!("theme=dark; session_id={cookie}; lang=fr"),
        )
        .send()
        .await
        .expect("request");
    assert_eq!(reply.status(), StatusCode::OK);
}

#[tokio::test]
async fn look_alikes_of_a_registered_address_are_refused() {
    let server = TestServer::spawn();
    server.register("admin@example.com");
    let look_alikes = [
        "admin\u{202e}@example.com", // right-to-left override
        "ad\u{200b}min@example.com", // zero-width space
        "ad\u{200d}min@example.com", // zero-width joiner
        "\u{feff}admin@example.com", // byte-order mark
        "ad\u{ad}min@example.com",   // soft hyphen
        "admin\u{fe0f}@example.com", // variation selector
        "admin@example.com.",        // trailing dot
        "\u{430}dmin@example.com",   // Cyrillic a
        "adm\u{456}n@example.com",   // Cyrillic i
        "\u{430}dm\u{456}n@example.com",
        "admin@ex\u{430}mple.com",
        "admin@\u{435}xample.com", // Cyrillic e
        "admin@exam\u{440}le.com", // Cyrillic er for p
        "admin@e\u{445}ample.com", // Cyrillic ha for x
        "admin@example.\u{441}om", // Cyrillic es for c
    ];
    for address in look_alikes {
        let reply = server
            .post_form("/users", &[("email", address), ("password", PASSWORD)])
            .await;
        let (status, body) = json(reply).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{address:?}: {body}");
    }
    let users = server.auth.list_users().unwrap();
    assert_eq!(users.len(), 1, "{users:?}");
}

#[tokio::test]
async fn every_route_answers_with_no_store_and_nosniff() {
    let server = TestServer::spawn();
    server.register("ann@example.com");
    let cookie = server.login("ann@example.com", PASSWORD).await;
    let token = server.issue_reset_token("ann@example.com").await;
    let credentials = [("email", "ann@example.com"), ("password", PASSWORD)];
    let reset = [
        ("email", "ann@example.com"),
        ("reset_token", token.as_str()),
        ("new_password", "a new password"),
    ];
    let replies = [
        server.get("/").await,
        server.get("/openapi.json").await,
        server.post_form("/users", &credentials).await,
        server.post_form("/sessions", &credentials).await,
        server.with_cookie(Method::GET, "/profile", &cookie).await,
        server
            .with_cookie(Method::DELETE, "/sessions", &cookie)
            .await,
        server
            .post_form("/reset_password", &[("email", "ann@example.com")])
            .await,
        server
            .client
            .put(server.url("/reset_password"))
            .form(&reset)
            .send()
            .await
            .expect("request"),
    ];
    for reply in replies {
        let headers = reply.headers();
        assert_eq!(headers["cache-control"], "no-store", "{}", reply.url());
        assert_eq!(
            headers["x-content-type-options"],
            "nosniff",
            "{}",
            reply.url()
        );
    }
}
