//! A database of its own for each test, on the server named by
//! `AUTHCTL_TEST_PG_URL`, dropped when the test is done.

use std::sync::atomic::{AtomicU32, Ordering};

use super::pool::Pool;
use crate::domain::PgLocator;

/// Names the server the PostgreSQL tests run on; unset, they are skipped
/// (except where `AUTHCTL_TESTS_NO_SKIP` says they must not be).
pub(crate) const TEST_URL: &str = "AUTHCTL_TEST_PG_URL";

static NEXT: AtomicU32 = AtomicU32::new(0);

/// A fresh, empty database; dropped (with any connections still open to
/// it) when this is.
pub(crate) struct TempDatabase {
    admin: Pool,
    locator: PgLocator,
}

impl TempDatabase {
    /// `None` when no test server is configured; panics when one is
    /// required (`AUTHCTL_TESTS_NO_SKIP`) but missing or unusable.
    pub(crate) fn create() -> Option<Self> {
        let Some(url) = std::env::var(TEST_URL).ok().filter(|u| !u.is_empty()) else {
            assert!(
                std::env::var_os("AUTHCTL_TESTS_NO_SKIP").is_none_or(|v| v.is_empty()),
                "{TEST_URL} is not set, and AUTHCTL_TESTS_NO_SKIP forbids skipping the \
                 PostgreSQL tests"
            );
            return None;
        };
        let server = PgLocator::parse(&url, None).unwrap();
        let name = format!(
            "authctl_test_{}_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed),
            uuid::Uuid::new_v4().simple()
        );
        let admin = Pool::new(&server).unwrap();
        {
            let pooled = admin.get().unwrap();
            let client = pooled.client().unwrap();
            admin
                .block_on(client.batch_execute(&format!("CREATE DATABASE {name}")))
                .unwrap();
        }
        Some(Self {
            admin,
            locator: server.with_dbname(&name),
        })
    }

    pub(crate) fn locator(&self) -> &PgLocator {
        &self.locator
    }
}

impl Drop for TempDatabase {
    fn drop(&mut self) {
        let Ok(pooled) = self.admin.get() else {
            return;
        };
        if let Ok(client) = pooled.client() {
            let drop = format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.locator.dbname()
            );
            let _ = self.admin.block_on(client.batch_execute(&drop));
        }
    }
}
