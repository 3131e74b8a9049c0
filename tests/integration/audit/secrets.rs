//! SECURITY 29: after a full flow, no column of any audit row, and no
//! audit log line, holds a password, session id, reset token, device
//! cookie or bcrypt hash.

use authctl::auth::{Caller, Throttling};
use reqwest::StatusCode;
use rusqlite::Connection;
use rusqlite::types::Value;

use crate::support::db::{email, fast_policy};
use crate::support::server::{LogBuffer, Options, TestServer, device_cookie, session_cookie};
use crate::support::{PASSWORD, cookie_value};

const ALICE: &str = "alice@example.com";
const NEW_PASSWORD: &str = "a brand new passphrase";

#[tokio::test]
async fn the_audit_table_and_its_log_lines_hold_no_secret_after_a_full_flow() {
    let logs = LogBuffer::default();
    let dispatch = logs.dispatch();
    // With a single dispatcher registered, tracing lets the first thread to
    // reach a call site (another test's, with no subscriber) switch it off
    // for the whole process (tokio-rs/tracing#3611); a second one, kept for
    // the whole test, makes each call site ask every dispatcher instead.
    let _second = LogBuffer::default().dispatch();
    let server = TestServer::with(Options {
        logs: Some(dispatch.clone()),
        // The test flushes the refusals itself, on a thread whose lines it
        // captures.
        config: authctl::server::ServeConfig {
            audit_flush_interval: std::time::Duration::from_secs(3600),
            ..authctl::server::ServeConfig::default()
        },
        policy: authctl::auth::Policy {
            throttling: Throttling {
                free_attempts: 1,
                ..Throttling::default()
            },
            ..fast_policy()
        },
        ..Options::default()
    });
    let mut secrets = vec![PASSWORD.to_owned(), NEW_PASSWORD.to_owned()];
    let credentials = [("email", ALICE), ("password", PASSWORD)];
    let created = server.post_form("/users", &credentials).await;
    assert_eq!(created.status(), StatusCode::OK);
    let response = server.post_form("/sessions", &credentials).await;
    secrets.extend(session_cookie(&response).and_then(|c| cookie_value(&c)));
    secrets.extend(device_cookie(&response));
    // A failure, then refusals, folded and flushed.
    let wrong = [("email", ALICE), ("password", "wrong guess 1")];
    secrets.push("wrong guess 1".to_owned());
    for _ in 0..3 {
        server.post_form("/sessions", &wrong).await;
    }
    tracing::dispatcher::with_default(&dispatch, || server.auth.flush_audit().unwrap());
    let token = server.issue_reset_token(ALICE).await;
    secrets.push(token.clone());
    let status = server.reset_password(ALICE, &token, NEW_PASSWORD).await;
    assert_eq!(status, StatusCode::OK);
    let (_, session) = tracing::dispatcher::with_default(&dispatch, || {
        server.auth.login(
            &Caller::cli(),
            &email(ALICE),
            &crate::support::db::password(NEW_PASSWORD),
        )
    })
    .unwrap();
    secrets.push(session.expose().to_owned());
    assert_eq!(secrets.len(), 7, "{secrets:?}");

    let conn = Connection::open(server.db_path()).unwrap();
    let hashes: Vec<String> = conn
        .prepare("SELECT hashed_password FROM users")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    secrets.extend(hashes);
    let mut statement = conn.prepare("SELECT * FROM audit").unwrap();
    let columns = statement.column_count();
    let mut rows = statement.query([]).unwrap();
    let mut scanned = 0;
    while let Some(row) = rows.next().unwrap() {
        scanned += 1;
        for column in 0..columns {
            let text = match row.get::<_, Value>(column).unwrap() {
                Value::Text(text) => text,
                Value::Blob(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
                _ => continue,
            };
            assert!(
                !text.contains("$2"),
                "a bcrypt hash in the audit table: {text}"
            );
            for secret in &secrets {
                assert!(
                    !text.contains(secret.as_str()),
                    "a secret in the audit table: {text}"
                );
            }
        }
    }
    assert!(scanned >= 7, "only {scanned} rows");
    let audit_lines: Vec<String> = logs
        .text()
        .lines()
        .filter(|line| line.contains("authctl::audit"))
        .map(str::to_owned)
        .collect();
    assert!(audit_lines.len() >= 7, "{audit_lines:#?}");
    for line in &audit_lines {
        assert!(!line.contains("$2"), "a bcrypt hash in a log line: {line}");
        for secret in &secrets {
            assert!(
                !line.contains(secret.as_str()),
                "a secret in a log line: {line}"
            );
        }
    }
}
