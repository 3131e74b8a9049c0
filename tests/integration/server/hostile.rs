//! Inputs no client should send: each gets a JSON 4xx, never a 5xx.

use std::time::Duration;

use authctl::server::ServeConfig;
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::support::PASSWORD;
use crate::support::server::{ENCODINGS, Options, TestServer, json};

async fn raw(
    server: &TestServer,
    method: Method,
    path: &str,
    content_type: Option<&str>,
    body: Vec<u8>,
) -> (StatusCode, serde_json::Value) {
    let mut request = server.client.request(method, server.url(path)).body(body);
    if let Some(content_type) = content_type {
        request = request.header("content-type", content_type);
    }
    json(request.send().await.expect("request")).await
}

const FORM: Option<&str> = Some("application/x-www-form-urlencoded");

#[tokio::test]
async fn unknown_routes_answer_404_and_wrong_methods_405_as_json() {
    let server = TestServer::spawn();
    for path in ["/nope", "/users/1", "/profile/extra", "/%ff", "/users//"] {
        let (status, body) = json(server.get(path).await).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(body, json!({"message": "not found"}));
    }
    for (method, path, allow) in [
        (Method::GET, "/users", "POST"),
        (Method::DELETE, "/", "GET,HEAD"),
        (Method::PUT, "/sessions", "POST,DELETE"),
        (Method::POST, "/profile", "GET,HEAD"),
        (Method::GET, "/reset_password", "POST,PUT"),
        (Method::PATCH, "/reset_password", "POST,PUT"),
    ] {
        let response = server
            .client
            .request(method.clone(), server.url(path))
            .send()
            .await;
        let response = response.expect("request");
        assert_eq!(response.headers()["allow"], allow, "{method} {path}");
        let (status, body) = json(response).await;
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
        assert_eq!(body, json!({"message": "method not allowed"}));
    }
}

#[tokio::test]
async fn bodies_over_64_kib_answer_413_in_every_encoding() {
    let server = TestServer::spawn();
    let big = "x".repeat(64 * 1024);
    for encoding in ENCODINGS {
        let fields = [("email", "big@example.com"), ("password", big.as_str())];
        let response = server.send(Method::POST, "/users", encoding, &fields).await;
        let (status, body) = json(response).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{encoding:?}");
        assert_eq!(
            body,
            json!({"message": "request body is larger than 64 KiB"})
        );
    }
    // Just under the limit is read, and refused for what it says.
    let under = format!("email=a%40b.io&password={}", "x".repeat(60 * 1024));
    let (status, _) = raw(&server, Method::POST, "/users", FORM, under.into_bytes()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn bodies_in_other_formats_answer_415_and_broken_ones_400() {
    let server = TestServer::spawn();
    let unsupported = [
        (Some("text/plain"), b"email=a@b.io".to_vec()),
        (Some("application/xml"), b"<email/>".to_vec()),
        (None, b"email=a@b.io&password=whatever1".to_vec()),
    ];
    for (content_type, body) in unsupported {
        let (status, _) = raw(&server, Method::POST, "/users", content_type, body).await;
        assert_eq!(
            status,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "{content_type:?}"
        );
    }
    let malformed: [(&str, &[u8], &str); 6] = [
        (
            "application/json",
            b"{\"email\": ",
            "malformed JSON body at line 1 column 10",
        ),
        (
            "application/json",
            b"[\"a@b.io\"]",
            "JSON body must be an object",
        ),
        (
            "application/json",
            b"{\"email\": 5, \"password\": \"x\"}",
            "email must be a string",
        ),
        (
            "multipart/form-data",
            b"--x\r\n",
            "malformed multipart body",
        ),
        (
            "multipart/form-data; boundary=x",
            b"--x\r\nnot a header\r\n",
            "malformed multipart body",
        ),
        (
            "application/x-www-form-urlencoded",
            b"email=%FF%FE@b.io&password=whatever1",
            "malformed body: fields must be UTF-8",
        ),
    ];
    for (content_type, body, message) in malformed {
        let response = raw(
            &server,
            Method::POST,
            "/users",
            Some(content_type),
            body.to_vec(),
        )
        .await;
        assert_eq!(
            response,
            (StatusCode::BAD_REQUEST, json!({ "message": message })),
            "{content_type}"
        );
    }
}

#[tokio::test]
async fn a_json_body_without_a_content_type_is_told_to_send_one() {
    // Arrange
    let server = TestServer::spawn();
    let told = json!({
        "message": "the body looks like JSON but has no Content-Type: \
                    send `Content-Type: application/json`"
    });
    let credentials = format!(r#"{{"email": "typed@example.com", "password": "{PASSWORD}"}}"#);
    let with_token = r#"{"email": "typed@example.com", "reset_token": "t", "new_password": "x"}"#;
    let bodies: [(Method, &str, String); 5] = [
        (Method::POST, "/users", credentials.clone()),
        (Method::POST, "/users", format!(" \r\n\t{credentials}")),
        (Method::POST, "/users", "[]".to_owned()),
        (Method::POST, "/sessions", credentials.clone()),
        (Method::PUT, "/reset_password", with_token.to_owned()),
    ];

    for (method, path, body) in bodies {
        // Act
        let reply = raw(
            &server,
            method.clone(),
            path,
            None,
            body.clone().into_bytes(),
        )
        .await;

        // Assert
        assert_eq!(
            reply,
            (StatusCode::BAD_REQUEST, told.clone()),
            "{method} {path} {body:?}"
        );
    }
    // The header the message names is the whole remedy.
    let json_type = Some("application/json");
    let (status, body) = raw(
        &server,
        Method::POST,
        "/users",
        json_type,
        credentials.into_bytes(),
    )
    .await;
    assert_eq!(
        (status, &body["message"]),
        (StatusCode::OK, &json!("user created"))
    );
}

#[tokio::test]
async fn invalid_utf8_is_refused_in_forms_raw_and_multipart() {
    let server = TestServer::spawn();
    let raw_bytes = b"email=a@b.io&password=\xff\xfe\xfd".to_vec();
    let (status, _) = raw(&server, Method::POST, "/users", FORM, raw_bytes).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let multipart =
        b"--b\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\n\xff@b.io\r\n--b--\r\n";
    let content_type = Some("multipart/form-data; boundary=b");
    let (status, body) = raw(
        &server,
        Method::POST,
        "/users",
        content_type,
        multipart.to_vec(),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        body,
        json!({"message": "malformed body: fields must be UTF-8"})
    );
}

#[tokio::test]
async fn a_trailing_slash_reaches_the_same_route_as_in_flask() {
    let server = TestServer::spawn();
    let body = format!("email=slash@example.com&password={PASSWORD}");
    let (status, _) = raw(&server, Method::POST, "/users/", FORM, body.into_bytes()).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = json(server.get("/profile/").await).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_field_named_twice_is_refused_in_every_encoding() {
    let server = TestServer::spawn();
    let refused = json!({"message": "field `email` appears more than once"});
    let form = format!("email=first@example.com&email=second@example.com&password={PASSWORD}");
    let json_body = format!(
        r#"{{"email": "first@example.com", "password": "{PASSWORD}", "email": "second@example.com"}}"#
    );
    // A null counts as naming the field: it must not hide a second value.
    let json_null =
        format!(r#"{{"email": null, "password": "{PASSWORD}", "email": "a@example.com"}}"#);
    let multipart = format!(
        "--b\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nfirst@example.com\r\n\
         --b\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\n{PASSWORD}\r\n\
         --b\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nsecond@example.com\r\n--b--\r\n"
    );
    for (content_type, body) in [
        ("application/x-www-form-urlencoded", form),
        ("application/json", json_body),
        ("application/json", json_null),
        ("multipart/form-data; boundary=b", multipart),
    ] {
        let reply = raw(
            &server,
            Method::POST,
            "/users",
            Some(content_type),
            body.into_bytes(),
        )
        .await;
        assert_eq!(
            reply,
            (StatusCode::BAD_REQUEST, refused.clone()),
            "{content_type}"
        );
    }
    assert!(server.auth.list_users().unwrap().is_empty());
}

#[tokio::test]
async fn multipart_file_parts_are_not_form_fields() {
    let server = TestServer::spawn();
    let form = reqwest::multipart::Form::new()
        .part(
            "email",
            reqwest::multipart::Part::text("file@example.com").file_name("email.txt"),
        )
        .text("password", PASSWORD);
    let response = server
        .client
        .post(server.url("/users"))
        .multipart(form)
        .send()
        .await
        .expect("request");
    let (status, body) = json(response).await;
    assert_eq!(
        (status, body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "email is required"})
        )
    );
}

#[tokio::test]
async fn form_decoding_keeps_plus_percent_and_unicode_exact() {
    let server = TestServer::spawn();
    // `+` is a space, `%2B` a plus: the password must log in as typed.
    let body = "email=%C3%A9lodie%2Btag%40example.io&password=p%C3%A4ss+w%2Brd+%F0%9F%94%91";
    let (status, reply) = raw(
        &server,
        Method::POST,
        "/users",
        FORM,
        body.as_bytes().to_vec(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(reply["email"], "élodie+tag@example.io");
    let fields = [
        ("email", "ÉLODIE+tag@example.io"),
        ("password", "päss w+rd 🔑"),
    ];
    let login = server
        .send(Method::POST, "/sessions", ENCODINGS[2], &fields)
        .await;
    assert_eq!(login.status(), StatusCode::OK);
}

#[tokio::test]
async fn sql_looking_and_odd_values_never_produce_a_5xx() {
    let server = TestServer::spawn();
    let long = "z".repeat(50_000);
    let values = [
        "' OR 1=1 --@example.com",
        "x@example.com'; DROP TABLE users; --",
        "\"@\"",
        "a@b\u{0}c",
        "%00@x.io",
        "@",
        "a@@b",
        "\u{202e}@x.io",
        long.as_str(),
    ];
    for encoding in ENCODINGS {
        for value in values {
            for path in ["/users", "/sessions", "/reset_password"] {
                let fields = [
                    ("email", value),
                    ("password", value),
                    ("new_password", value),
                ];
                let response = server.send(Method::POST, path, encoding, &fields).await;
                let status = response.status();
                assert!(
                    status.is_client_error() || status.is_success(),
                    "{path} {value:?}: {status}"
                );
                json(response).await;
            }
            let fields = [
                ("email", value),
                ("reset_token", value),
                ("new_password", value),
            ];
            let response = server
                .send(Method::PUT, "/reset_password", encoding, &fields)
                .await;
            assert!(
                response.status().is_client_error(),
                "{value:?}: {}",
                response.status()
            );
        }
    }
    // The tables survived: a normal registration still works.
    let fields = [("email", "after@example.com"), ("password", PASSWORD)];
    let response = server
        .send(Method::POST, "/users", ENCODINGS[0], &fields)
        .await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn odd_cookie_bytes_read_as_no_session() {
    let server = TestServer::spawn();
    let odd: [&[u8]; 5] = [
        b"session_id=\xff\xfe",
        b"session_id",
        b"session_id=;session_id=;;;",
        b"=; ; session_id=\"7d4d8f1e-4b5c-4a3e-9f1a-2b3c4d5e6f70\"",
        b"session_id=7d4d8f1e-4b5c-4a3e-9f1a-2b3c4d5e6f70\x80",
    ];
    for cookie in odd {
        let value = reqwest::header::HeaderValue::from_bytes(cookie).expect("header bytes");
        let response = server
            .client
            .get(server.url("/profile"))
            .header("cookie", value)
            .send()
            .await
            .expect("request");
        let (status, _) = json(response).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{cookie:?}");
    }
}

/// A body the server refuses unread leaves the connection unusable, so the
/// answer must say `Connection: close`; a keep-alive client (reqwest's pool
/// here) would otherwise send its next request down a closing socket.
#[tokio::test]
async fn a_body_left_unread_closes_its_connection_and_the_next_request_succeeds() {
    let server = TestServer::spawn();
    let big = vec![b'x'; 200 * 1024];
    let refusals = [
        (Method::POST, "/users", StatusCode::PAYLOAD_TOO_LARGE),
        (Method::POST, "/profile", StatusCode::METHOD_NOT_ALLOWED),
        (Method::POST, "/nope", StatusCode::NOT_FOUND),
    ];
    for round in 0..60 {
        let (method, path, expected) = &refusals[round % refusals.len()];
        let response = server
            .client
            .request(method.clone(), server.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(big.clone())
            .send()
            .await
            .unwrap_or_else(|error| panic!("round {round}, {method} {path}: {error:?}"));
        assert_eq!(response.status(), *expected, "{method} {path}");
        assert_eq!(response.headers()["connection"], "close", "{method} {path}");
        let next = server
            .client
            .get(server.url("/"))
            .send()
            .await
            .unwrap_or_else(|error| panic!("round {round}, GET / after {path}: {error:?}"));
        assert_eq!(next.status(), StatusCode::OK);
    }
}

/// A body read to its end keeps the connection alive: refusing what it says
/// is no reason to make the client reconnect.
#[tokio::test]
async fn a_body_read_to_its_end_keeps_the_connection_alive() {
    let server = TestServer::spawn();
    let fields = [("email", "not-an-email"), ("password", PASSWORD)];
    for encoding in ENCODINGS {
        let response = server.send(Method::POST, "/users", encoding, &fields).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{encoding:?}");
        let connection = response.headers().get("connection");
        assert!(connection.is_none_or(|v| v != "close"), "{encoding:?}");
    }
}

/// Sends `request` on a fresh connection and returns the response head,
/// lowercased (header names vary in case).
async fn response_head(server: &TestServer, request: &[u8]) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let exchange = async {
        let mut stream = tokio::net::TcpStream::connect(server.addr())
            .await
            .expect("connect");
        stream.write_all(request).await.expect("send");
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") {
            let read = stream.read(&mut byte).await.expect("read");
            assert_ne!(read, 0, "closed before a response head");
            head.push(byte[0]);
        }
        String::from_utf8_lossy(&head).to_lowercase()
    };
    tokio::time::timeout(Duration::from_secs(20), exchange)
        .await
        .expect("a response within 20 s")
}

#[tokio::test]
async fn chunked_bodies_close_the_connection_only_when_left_unread() {
    let server = TestServer::spawn();
    let form = "email=not-an-email&password=whatever1";
    let read_to_end = format!(
        "POST /users HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\
         content-type: application/x-www-form-urlencoded\r\n\r\n\
         {:x}\r\n{form}\r\n0\r\n\r\n",
        form.len()
    );
    let head = response_head(&server, read_to_end.as_bytes()).await;
    assert!(head.starts_with("http/1.1 400"), "{head}");
    assert!(!head.contains("connection: close"), "{head}");

    // The last chunk never comes: the 405 is sent with the body unread.
    let unread = "POST /profile HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\
                  content-type: application/x-www-form-urlencoded\r\n\r\n5\r\nabcde\r\n";
    let head = response_head(&server, unread.as_bytes()).await;
    assert!(head.starts_with("http/1.1 405"), "{head}");
    assert!(head.contains("connection: close"), "{head}");
}

#[tokio::test]
async fn a_body_that_stops_arriving_gets_408_and_the_connection_closes() {
    let server = TestServer::with(Options {
        config: ServeConfig {
            body_timeout: Duration::from_millis(300),
            ..ServeConfig::default()
        },
        ..Options::default()
    });
    let stalled = "POST /users HTTP/1.1\r\nhost: x\r\ncontent-length: 100\r\n\
                   content-type: application/x-www-form-urlencoded\r\n\r\nemail=a%40b";
    let head = response_head(&server, stalled.as_bytes()).await;
    assert!(head.starts_with("http/1.1 408"), "{head}");
    assert!(head.contains("connection: close"), "{head}");
}
