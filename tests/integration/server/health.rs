//! `GET /healthz` and `GET /readyz` (SPEC section 9): liveness without the
//! database, readiness that follows the database file as it goes and comes
//! back, and bodies that say one word (SECURITY 30).

use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::json;

use crate::support::db::latest_schema_version;
use crate::support::server::{TestServer, json};
use crate::support::wait::{PATIENCE, eventually};

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

/// Linux's `O_NONBLOCK`: opening a FIFO's write end fails at once while
/// no reader waits, instead of blocking.
const O_NONBLOCK: i32 = 0o4000;

/// A FIFO in place of the database file: opening it to read blocks until
/// someone opens it to write, as a file on a hung disk would. Dropped, it
/// lets every reader still stuck go and is removed, so that a failing test
/// does not leave the server's blocking threads hung.
struct Fifo<'a>(&'a Path);

impl<'a> Fifo<'a> {
    fn make(path: &'a Path) -> Self {
        let made = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        Self(path)
    }

    /// Opens and closes the write end once a reader waits: the readers
    /// then read an empty file. Whether one waited within [`PATIENCE`].
    fn release(&self) -> bool {
        eventually(PATIENCE, || self.open_to_write())
    }

    fn open_to_write(&self) -> bool {
        std::fs::OpenOptions::new()
            .write(true)
            .custom_flags(O_NONBLOCK)
            .open(self.0)
            .is_ok()
    }
}

impl Drop for Fifo<'_> {
    fn drop(&mut self) {
        self.open_to_write();
        let _ = std::fs::remove_file(self.0);
    }
}

#[tokio::test]
async fn readyz_answers_within_its_limit_while_the_database_hangs_and_checks_once_at_a_time() {
    // Arrange: opening a FIFO to read blocks until someone writes to it, as
    // a file on a hung disk or a dead network mount would.
    let server = TestServer::spawn();
    let path = server.db_path().to_owned();
    let aside = path.with_extension("aside");
    std::fs::rename(&path, &aside).expect("move the database away");
    let fifo = Fifo::make(&path);

    // Act / assert: the check hangs; the server answers at its limit with
    // the probe's own body (the 10 s request limit would answer another).
    let (status, body, _) = readiness(&server).await;
    assert_eq!(
        (status, body),
        (
            StatusCode::SERVICE_UNAVAILABLE,
            json!({"status": "unavailable"})
        )
    );
    // The hung check still holds its thread: the next probe starts none,
    // and is answered without waiting out the limit again.
    let asked = Instant::now();
    let (status, _, _) = readiness(&server).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        asked.elapsed() < Duration::from_secs(1),
        "{:?}",
        asked.elapsed()
    );

    // Once the hung check ends and the file is back, ready again.
    assert!(fifo.release(), "the check never opened the FIFO");
    drop(fifo);
    std::fs::rename(&aside, &path).expect("put the database back");
    let deadline = Instant::now() + PATIENCE;
    while readiness(&server).await.0 != StatusCode::OK {
        assert!(
            Instant::now() < deadline,
            "not ready once the database was back"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
