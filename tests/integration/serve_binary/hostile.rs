//! Hostile bytes only a raw socket can send, against the real binary: what
//! `server::hostile` (through reqwest, in process) cannot express. Each gets
//! a 4xx or a closed connection, never a 5xx or a panic, and the server
//! keeps serving.

use std::net::SocketAddr;

use crate::support::PASSWORD;
use crate::support::binary_server::ServerProcess;
use crate::support::cli::Env;
use crate::support::raw_http::{Reply, exchange, get, send_then_hang_up};

/// Asserts a reply, if any, is no 5xx, and that `GET /` still answers.
fn assert_survived(addr: SocketAddr, what: &str, reply: Option<&Reply>) {
    if let Some(reply) = reply {
        assert!(reply.status < 500, "{what}: {reply:?}");
    }
    let alive = get(addr, "/", None).unwrap_or_else(|e| panic!("after {what}: {e}"));
    assert_eq!(alive.status, 200, "after {what}");
}

fn post_raw(content_type: &str, content_length: usize, body: &[u8]) -> Vec<u8> {
    let mut request = format!(
        "POST /users HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\
         Content-Type: {content_type}\r\nContent-Length: {content_length}\r\n\r\n"
    )
    .into_bytes();
    request.extend_from_slice(body);
    request
}

fn stop_cleanly(server: ServerProcess) {
    let (status, stderr) = server.stop();
    assert!(status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn truncated_multipart_bodies_answer_4xx_and_the_server_keeps_serving() {
    let env = Env::new();
    let server = ServerProcess::start(&env);
    let addr = server.addr();
    let multipart = "multipart/form-data; boundary=b";
    let whole = format!(
        "--b\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\ncut@example.com\r\n\
         --b\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\n{PASSWORD}\r\n--b--\r\n"
    );
    // Cut at every interesting place: inside a part's headers, inside a
    // value, before the closing boundary, inside the closing boundary.
    for cut in [10, 40, 60, whole.len() - 12, whole.len() - 4] {
        let body = &whole.as_bytes()[..cut];
        let reply = exchange(addr, &post_raw(multipart, cut, body)).expect("an answer");
        assert_eq!(reply.status, 400, "cut at {cut}: {reply:?}");
        assert_eq!(reply.json()["message"], "malformed multipart body");
        assert_survived(addr, "a truncated multipart body", Some(&reply));
    }
    // The client promises more than it sends and hangs up.
    let reply = send_then_hang_up(
        addr,
        &post_raw(multipart, whole.len(), &whole.as_bytes()[..60]),
    )
    .expect("connect");
    assert_survived(addr, "a multipart body cut by a hang-up", reply.as_ref());
    let form = "application/x-www-form-urlencoded";
    let reply =
        send_then_hang_up(addr, &post_raw(form, 500, b"email=a%40b.io&pass")).expect("connect");
    assert_survived(addr, "a form body cut by a hang-up", reply.as_ref());
    // Nothing half-read was stored.
    let users = env.json(&["users", "list"]);
    assert_eq!(users, serde_json::json!([]));
    stop_cleanly(server);
}

#[test]
fn cookie_and_path_bytes_no_client_library_would_send_never_give_a_5xx() {
    let env = Env::new();
    let server = ServerProcess::start(&env);
    let addr = server.addr();
    // Control bytes are not header bytes: hyper refuses the request itself
    // (400, before any handler). Other odd bytes reach us and read as no
    // session.
    let cookies: [(&[u8], u16); 6] = [
        (b"session_id=\x01\x02\x03", 400),
        (b"session_id=abc\x7f", 400),
        (b"session_id=\x00", 400),
        (b"session_id=\xc3\x28\xa0\xa1", 403),
        (b"\xff\xfe=\xfd", 403),
        (b"session_id=\t \t", 403),
    ];
    for (cookie, expected) in cookies {
        let mut raw =
            b"GET /profile HTTP/1.1\r\nHost: test\r\nConnection: close\r\nCookie: ".to_vec();
        raw.extend_from_slice(cookie);
        raw.extend_from_slice(b"\r\n\r\n");
        let reply = exchange(addr, &raw).expect("an answer");
        assert_eq!(reply.status, expected, "{cookie:?}: {reply:?}");
        assert_survived(addr, &format!("cookie {cookie:?}"), Some(&reply));
    }
    let paths: [(&[u8], u16); 4] = [
        (b"/\xff\xfe", 400),
        (b"/profile\x00", 400),
        (b"/users?%zz=\xff", 400),
        (b"/%", 404),
    ];
    for (path, expected) in paths {
        let mut raw = b"GET ".to_vec();
        raw.extend_from_slice(path);
        raw.extend_from_slice(b" HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
        let reply = exchange(addr, &raw).expect("an answer");
        assert_eq!(reply.status, expected, "{path:?}: {reply:?}");
        assert_survived(addr, &format!("path {path:?}"), Some(&reply));
    }
    stop_cleanly(server);
}

#[test]
fn thousands_of_repeated_fields_or_headers_never_give_a_5xx() {
    let env = Env::new();
    let server = ServerProcess::start(&env);
    let addr = server.addr();
    let form = "application/x-www-form-urlencoded";

    // 4,000 emails under 64 KiB: a field named twice is refused.
    let mut body = format!(
        "email=first@example.com&password={}",
        PASSWORD.replace(' ', "+")
    );
    body.push_str(&"&email=x%40y.z".repeat(4000));
    let reply = exchange(addr, &post_raw(form, body.len(), body.as_bytes())).expect("answer");
    assert_eq!(reply.status, 400, "{reply:?}");
    assert_eq!(
        reply.json()["message"],
        "field `email` appears more than once"
    );

    // 30,000 empty pairs and bare keys.
    let body = "&=&a".repeat(15_000);
    let reply = exchange(addr, &post_raw(form, body.len(), body.as_bytes())).expect("answer");
    assert_eq!(reply.status, 400, "{reply:?}");

    // 1,000 multipart parts.
    let part = "--b\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nm@x.io\r\n";
    let body = format!("{}--b--\r\n", part.repeat(1000));
    let multipart = "multipart/form-data; boundary=b";
    let reply = exchange(addr, &post_raw(multipart, body.len(), body.as_bytes())).expect("answer");
    assert_eq!(reply.status, 400, "{reply:?}");
    assert_eq!(
        reply.json()["message"],
        "field `email` appears more than once"
    );

    // 3,000 repeated JSON keys.
    let body = format!(
        "{{{}\"password\": \"x\"}}",
        "\"email\": \"j@x.io\", ".repeat(3000)
    );
    let reply = exchange(
        addr,
        &post_raw("application/json", body.len(), body.as_bytes()),
    );
    let reply = reply.expect("answer");
    assert_eq!(reply.status, 400, "{reply:?}");

    // 1,000 cookie headers, and one cookie header with 5,000 pairs.
    let mut many = b"GET /profile HTTP/1.1\r\nHost: test\r\nConnection: close\r\n".to_vec();
    many.extend_from_slice(&b"Cookie: session_id=x\r\n".repeat(1000));
    many.extend_from_slice(b"\r\n");
    let reply = exchange(addr, &many).expect("an answer");
    assert_eq!(reply.status, 431, "{reply:?}");
    assert_survived(addr, "1,000 cookie headers", Some(&reply));
    // 1,000 pairs fit in a head (16 KiB) and are ambiguous; 5,000 do not fit.
    for (pairs, status) in [(1000, 403), (5000, 431)] {
        let pairs = "session_id=x; ".repeat(pairs);
        let raw = format!(
            "GET /profile HTTP/1.1\r\nHost: test\r\nConnection: close\r\nCookie: {pairs}\r\n\r\n"
        );
        let reply = exchange(addr, raw.as_bytes()).expect("an answer");
        assert_eq!(reply.status, status, "{reply:?}");
        assert_survived(addr, "many cookie pairs", Some(&reply));
    }

    stop_cleanly(server);
}

/// Issue 15: JSON sent without a Content-Type is answered 400 with the fix
/// in the message, by the real binary.
#[test]
fn a_json_body_without_a_content_type_is_told_what_to_send() {
    let env = Env::new();
    let server = ServerProcess::start(&env);
    let body = br#"{"email": "a@example.com", "password": "a long enough password"}"#;
    let request = format!(
        "POST /users HTTP/1.1\r\nHost: test\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let mut bytes = request.into_bytes();
    bytes.extend_from_slice(body);
    let reply = exchange(server.addr(), &bytes).expect("answered");
    assert_eq!(reply.status, 400, "{reply:?}");
    assert!(
        reply.body.contains("Content-Type: application/json"),
        "{reply:?}"
    );
    stop_cleanly(server);
}
