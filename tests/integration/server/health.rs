//! `GET /healthz` and `GET /readyz` (SPEC section 9): liveness without the
//! database, readiness that follows the database file as it goes and comes
//! back, and bodies that say one word (SECURITY 30).

use reqwest::StatusCode;
use serde_json::json;

use crate::support::db::latest_schema_version;
use crate::support::server::{TestServer, json};

/// `/readyz`'s status, body and `Retry-After`.
async fn readiness(server: &TestServer) -> (StatusCode, serde_json::Value, Option<String>) {
    let response = server.get("/readyz").await;
    let retry_after = response
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().expect("ASCII").to_owned());
    let (status, body) = json(response).await;
    (status, body, retry_after)
}

#[tokio::test]
async fn healthz_and_readyz_answer_ok_and_ready() {
    let server = TestServer::spawn();

    let (status, body) = json(server.get("/healthz").await).await;
    assert_eq!((status, body), (StatusCode::OK, json!({"status": "ok"})));
    let (status, body, retry_after) = readiness(&server).await;
    assert_eq!((status, body), (StatusCode::OK, json!({"status": "ready"})));
    assert_eq!(retry_after, None);
}

#[tokio::test]
async fn readyz_is_503_while_the_database_file_is_gone_and_200_once_it_is_back() {
    // Arrange: a ready server. Root reads any file whatever its mode, so
    // the file is taken away and replaced instead.
    let server = TestServer::spawn();
    assert_eq!(readiness(&server).await.0, StatusCode::OK);
    let path = server.db_path().to_owned();
    let aside = path.with_extension("aside");

    // Act / assert: moved away.
    std::fs::rename(&path, &aside).expect("move the database away");
    let (status, body, retry_after) = readiness(&server).await;
    assert_eq!(
        (status, body),
        (
            StatusCode::SERVICE_UNAVAILABLE,
            json!({"status": "unavailable"})
        )
    );
    assert_eq!(retry_after.as_deref(), Some("5"));
    let (status, _) = json(server.get("/healthz").await).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "liveness does not read the database"
    );

    // Put back.
    std::fs::rename(&aside, &path).expect("put the database back");
    let (status, body, _) = readiness(&server).await;
    assert_eq!((status, body), (StatusCode::OK, json!({"status": "ready"})));
}

#[tokio::test]
async fn readyz_is_503_while_the_schema_is_not_this_builds() {
    let server = TestServer::spawn();
    let latest = latest_schema_version();
    let set_version = |version: i64| {
        rusqlite::Connection::open(server.db_path())
            .and_then(|conn| conn.pragma_update(None, "user_version", version))
            .expect("set user_version");
    };

    // A newer authctl migrated the file under this server.
    set_version(latest + 1);
    assert_eq!(readiness(&server).await.0, StatusCode::SERVICE_UNAVAILABLE);
    set_version(latest);
    assert_eq!(readiness(&server).await.0, StatusCode::OK);
}
