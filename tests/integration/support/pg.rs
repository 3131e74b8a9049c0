//! A database of its own for each PostgreSQL test, on the server that
//! `AUTHCTL_TEST_PG_URL` names (CI starts one: `.ci/postgres`), dropped
//! when the test is done. Without the variable the PostgreSQL tests say
//! they are skipped; under `AUTHCTL_TESTS_NO_SKIP` they fail instead.

use std::sync::atomic::{AtomicU32, Ordering};

use authctl::domain::{Database, PgLocator};
use tokio_postgres::NoTls;

use super::namespace::skip;

pub const TEST_URL: &str = "AUTHCTL_TEST_PG_URL";

static NEXT: AtomicU32 = AtomicU32::new(0);

/// The test server's URL, or `None` (the calling test skipped).
pub fn server_url() -> Option<String> {
    match std::env::var(TEST_URL) {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            skip(&format!("needs a PostgreSQL server ({TEST_URL})"));
            None
        }
    }
}

/// A fresh, empty database, dropped (with any connection still open to
/// it) when this is.
pub struct PgDatabase {
    server_url: String,
    name: String,
    database: Database,
}

impl PgDatabase {
    /// `None` when there is no test server (the test skips).
    pub fn create() -> Option<Self> {
        let server_url = server_url()?;
        let name = format!(
            "authctl_it_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        admin(&server_url, format!("CREATE DATABASE {name}"));
        let server = PgLocator::parse(&server_url, None).expect("a valid AUTHCTL_TEST_PG_URL");
        let database = Database::postgres(server.with_dbname(&name));
        Some(Self {
            server_url,
            name,
            database,
        })
    }

    pub fn database(&self) -> Database {
        self.database.clone()
    }

    /// The URL to give `--db`.
    pub fn url(&self) -> String {
        self.database.to_string()
    }

    /// Runs `sql` in this database, as its administrator would.
    pub fn execute(&self, sql: &str) {
        let url = PgLocator::parse(&self.server_url, None)
            .expect("a valid AUTHCTL_TEST_PG_URL")
            .with_dbname(&self.name)
            .to_string();
        admin(&url, sql.to_owned());
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        admin(
            &self.server_url,
            format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
        );
    }
}

/// Runs `sql` on the server's own database, on a thread and runtime of its
/// own, so it can be called from a test's async code as well.
fn admin(url: &str, sql: String) {
    let url = url.to_owned();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        runtime.block_on(async move {
            let (client, connection) = tokio_postgres::connect(&url, NoTls)
                .await
                .expect("connect to the PostgreSQL test server");
            tokio::spawn(connection);
            client.batch_execute(&sql).await.expect("run admin SQL");
        });
    })
    .join()
    .expect("the admin thread");
}
