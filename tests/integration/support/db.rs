//! Databases and fixtures. A contract test gets a [`TestDb`], which hands
//! out only a [`Database`] locator and [`Auth`] instances, so it runs
//! unchanged on every backend. Tests about the SQLite file itself (modes,
//! WAL, migrations, damage) get a [`SqliteFile`] and may open it with
//! rusqlite.

use std::any::Any;
use std::error::Error;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use authctl::auth::{Auth, MIN_BCRYPT_COST, ManualClock, Policy, Storage, Throttling};
use authctl::domain::{Database, Email, Password, Timestamp};
use rusqlite::Connection;

use super::pg::PgDatabase;
use tempfile::TempDir;

/// bcrypt at its cheapest cost (4): about 4 ms a hash in a debug build, so
/// the suite stays fast. The built-in blocklist is off: fixtures register
/// `password1` and the like, which it refuses; the blocklist's own tests
/// use [`blocklist_policy`].
pub fn fast_policy() -> Policy {
    Policy {
        bcrypt_cost: MIN_BCRYPT_COST,
        builtin_blocklist: false,
        ..Policy::default()
    }
}

/// Throttle limits that no test reaches unless it means to: for tests about
/// something else that send many attempts from one address or at one
/// account. The account lock stays at its most (100), as NIST allows.
pub fn roomy_throttling() -> Throttling {
    Throttling {
        free_attempts: 99,
        client_max_failures: 1_000_000,
        reset_requests: 1_000_000,
        ..Throttling::default()
    }
}

/// [`fast_policy`] with [`roomy_throttling`].
pub fn unthrottled_policy() -> Policy {
    Policy {
        throttling: roomy_throttling(),
        ..fast_policy()
    }
}

/// [`fast_policy`] with the built-in blocklist on, as by default.
pub fn blocklist_policy() -> Policy {
    Policy {
        builtin_blocklist: true,
        ..fast_policy()
    }
}

/// A clock that moves only when a test advances it.
pub fn test_clock() -> Arc<ManualClock> {
    Arc::new(ManualClock::new(Timestamp::from_unix(1_800_000_000)))
}

pub fn email(raw: &str) -> Email {
    Email::parse(raw).expect("valid email")
}

pub fn password(raw: &str) -> Password {
    Password::parse(raw).expect("valid password")
}

/// The backends the contract suite (`core::contract`) runs on.
#[derive(Debug, Clone, Copy)]
pub enum Backend {
    /// A file in a temporary folder.
    Sqlite,
    /// A database of its own on the PostgreSQL test server.
    Postgres,
}

impl Backend {
    /// A new, empty database on this backend, gone once the [`TestDb`] is.
    pub fn fresh(self) -> TestDb {
        self.try_fresh()
            .unwrap_or_else(|| panic!("no {self:?} database for this test"))
    }

    /// [`Backend::fresh`], or `None` (said on stderr) when this backend has
    /// no server to run on; fails instead under `AUTHCTL_TESTS_NO_SKIP`.
    pub fn try_fresh(self) -> Option<TestDb> {
        match self {
            Self::Sqlite => {
                let file = SqliteFile::new();
                Some(TestDb {
                    backend: self,
                    database: file.database(),
                    _keeps: Box::new(file),
                })
            }
            Self::Postgres => {
                let server = PgDatabase::create()?;
                Some(TestDb {
                    backend: self,
                    database: server.database(),
                    _keeps: Box::new(server),
                })
            }
        }
    }
}

/// One test's database, reachable only as a [`Database`] or through
/// [`Auth`]: nothing here names a file or a driver.
pub struct TestDb {
    backend: Backend,
    database: Database,
    /// What the database lives in (for SQLite, a temporary folder).
    _keeps: Box<dyn Any + Send + Sync>,
}

impl TestDb {
    pub fn database(&self) -> Database {
        self.database.clone()
    }

    /// Another new, empty database on the same backend.
    pub fn another(&self) -> TestDb {
        self.backend.fresh()
    }

    pub fn auth(&self) -> Auth {
        self.auth_with(fast_policy())
    }

    pub fn auth_with(&self, policy: Policy) -> Auth {
        open_auth(&self.database, policy, None)
    }

    /// An auth instance on a clock that moves only when told.
    pub fn auth_with_clock(&self) -> (Auth, Arc<ManualClock>) {
        let clock = test_clock();
        let auth = open_auth(&self.database, fast_policy(), Some(Arc::clone(&clock)));
        (auth, clock)
    }
}

/// Opens `database` enforcing `policy`, on `clock` when given, else on the
/// system clock.
pub fn open_auth(database: &Database, policy: Policy, clock: Option<Arc<ManualClock>>) -> Auth {
    let opened = match clock {
        Some(clock) => {
            Storage::open(database).and_then(|storage| Auth::new(storage, policy, clock))
        }
        None => Auth::open(database, policy),
    };
    opened.unwrap_or_else(|error| panic!("cannot open {database}: {}", error_chain(&error)))
}

/// A SQLite database file in its own temporary folder, removed on drop.
pub struct SqliteFile {
    folder: TempDir,
    path: PathBuf,
}

impl SqliteFile {
    /// The path of a file not created yet: the first open creates it.
    pub fn new() -> Self {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let path = folder.path().join("auth.db");
        Self { folder, path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn folder(&self) -> &Path {
        self.folder.path()
    }

    pub fn database(&self) -> Database {
        Database::sqlite(&self.path)
    }

    /// Opens (creating and migrating) the file through the library.
    pub fn auth(&self) -> Auth {
        open_auth(&self.database(), fast_policy(), None)
    }

    /// A rusqlite connection of the test's own, to look at or tamper with
    /// what the library wrote.
    pub fn connect(&self) -> Connection {
        Connection::open(&self.path).expect("open the file with rusqlite")
    }
}

/// The file's `PRAGMA user_version`: how far it is migrated.
pub fn schema_version(path: &Path) -> i64 {
    Connection::open(path)
        .and_then(|conn| conn.query_row("PRAGMA user_version", [], |row| row.get(0)))
        .expect("the schema version")
}

/// The version a database opened by one process alone ends at.
pub fn latest_schema_version() -> i64 {
    let fresh = SqliteFile::new();
    fresh.auth();
    schema_version(fresh.path())
}

/// SQLite's verdict on the file: `"ok"` when it is sound.
pub fn integrity_check(path: &Path) -> String {
    Connection::open(path)
        .and_then(|conn| conn.query_row("PRAGMA integrity_check", [], |row| row.get(0)))
        .expect("integrity_check runs")
}

/// The database's write lock, held by a connection of the test's own until
/// dropped, as another process's long write would hold it. Readers go on;
/// every writer waits (up to its busy timeout, 10 s), so work that ends in
/// a write cannot finish before the test lets it.
pub struct WriteLock(Connection);

impl WriteLock {
    pub fn hold(path: &Path) -> Self {
        let conn = Connection::open(path).expect("open the database");
        conn.execute_batch("BEGIN IMMEDIATE")
            .expect("take the write lock");
        Self(conn)
    }
}

impl Drop for WriteLock {
    fn drop(&mut self) {
        // Dropping the connection would roll back too; this says so.
        let _ = self.0.execute_batch("ROLLBACK");
    }
}

/// An error and its sources, joined by ": ", as the command line prints it.
pub fn error_chain(error: &dyn Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
