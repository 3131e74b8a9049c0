use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};

use super::StoreError;
use super::diagnose::diagnose;

/// Long enough for a burst of fsync'd writes from another process to drain,
/// short enough that a stuck writer surfaces as an error, not a hang.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Bytes the write-ahead log's file keeps once checkpointed (16 MiB).
const JOURNAL_SIZE_LIMIT: i64 = 16 * 1024 * 1024;

/// Idle connections kept for reuse; more are opened on demand.
const MAX_IDLE: usize = 16;

/// A minimal pool: connections opened lazily and reused.
///
/// Chosen over r2d2, which starts helper threads and opens its minimum of
/// connections at build time: a one-shot CLI command would pay for that on
/// every run. Concurrency is bounded by the caller (the server's blocking
/// pool), so the pool never needs to make a thread wait.
pub(super) struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
}

impl Pool {
    pub(super) fn new(path: &Path, first: Connection) -> Self {
        Self {
            path: path.to_owned(),
            idle: Mutex::new(vec![first]),
        }
    }

    pub(super) fn path(&self) -> &Path {
        &self.path
    }

    /// A connection, reused or new; it goes back to the pool when dropped.
    pub(super) fn get(&self) -> Result<Pooled<'_>, StoreError> {
        let reused = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        let conn = match reused {
            Some(conn) => conn,
            None => connect(&self.path)?,
        };
        Ok(Pooled {
            pool: self,
            conn: Some(conn),
        })
    }
}

/// A connection lent by the pool.
pub(super) struct Pooled<'a> {
    pool: &'a Pool,
    conn: Option<Connection>,
}

impl Pooled<'_> {
    pub(super) fn conn(&self) -> Result<&Connection, StoreError> {
        self.conn.as_ref().ok_or_else(|| {
            StoreError::unexpected(
                "the database connection was discarded",
                std::io::Error::other("no connection"),
            )
        })
    }

    pub(super) fn pool_path(&self) -> &Path {
        self.pool.path()
    }

    /// Closes the connection instead of returning it: its state is unknown.
    pub(super) fn discard(&mut self) {
        self.conn = None;
    }
}

impl Drop for Pooled<'_> {
    fn drop(&mut self) {
        // A connection still inside a transaction would hand the next user
        // someone else's half-done work.
        let Some(conn) = self.conn.take().filter(Connection::is_autocommit) else {
            return;
        };
        if let Ok(mut idle) = self.pool.idle.lock()
            && idle.len() < MAX_IDLE
        {
            idle.push(conn);
        }
    }
}

/// Opens a connection with the settings every connection must have.
pub(super) fn connect(path: &Path) -> Result<Connection, StoreError> {
    open_configured(path, OpenFlags::SQLITE_OPEN_CREATE).map_err(|e| diagnose(path, e))
}

/// Like [`connect`], but fails rather than create a missing file.
pub(super) fn connect_existing(path: &Path) -> Result<Connection, StoreError> {
    open_configured(path, OpenFlags::empty()).map_err(|e| diagnose(path, e))
}

/// How long a probe waits on a lock: readiness answers within a second.
const PROBE_BUSY_TIMEOUT: Duration = Duration::from_secs(1);

/// Opens the file anew, read-only and without creating it, and reads its
/// table list: what a readiness probe needs to know the file is there, is a
/// database and can be read; the connection is then the probe's to ask. A pooled connection would not do:
/// it keeps reading a file moved or deleted under it, while a connection
/// opened next would not find it. Only reads; closing it is harmless, as
/// the pool keeps the database's WAL open.
pub(super) fn probe(path: &Path) -> Result<Connection, StoreError> {
    let failed = |e| StoreError::unexpected("cannot read the database", e);
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(failed)?;
    conn.busy_timeout(PROBE_BUSY_TIMEOUT).map_err(failed)?;
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))
        .map_err(failed)?;
    Ok(conn)
}

fn open_configured(path: &Path, create: OpenFlags) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | create;
    let mut conn = Connection::open_with_flags(path, flags)
        .map_err(|e| StoreError::unexpected("cannot open the database", e))?;
    // A deferred transaction that later writes fails with "locked" at once,
    // whatever the busy timeout; immediate ones queue on the write lock. This
    // covers the migration library's transactions too.
    conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
    configure(&conn)?;
    Ok(conn)
}

fn configure(conn: &Connection) -> Result<(), StoreError> {
    let started = Instant::now();
    loop {
        match set_pragmas(conn) {
            Ok(()) => break,
            // While another process holds a lock on a file still in rollback
            // mode (one migrating it), switching to WAL is refused at once,
            // busy timeout or not: waiting could deadlock. Our attempt has
            // let go of its own lock by now, so trying again lets the other
            // finish first.
            Err(e) if is_busy(&e) && started.elapsed() < BUSY_TIMEOUT => {
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(e) => return Err(StoreError::unexpected("cannot configure the database", e)),
        }
    }
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |row| row.get(0))
        .map_err(|e| StoreError::unexpected("cannot configure the database", e))?;
    if !mode.eq_ignore_ascii_case("wal") {
        // WAL is what lets the CLI and a server share the file; a file system
        // without shared memory cannot give it.
        return Err(StoreError::unexpected(
            "the database cannot use WAL mode on this file system",
            std::io::Error::other(format!("journal_mode is {mode}")),
        ));
    }
    Ok(())
}

fn is_busy(error: &rusqlite::Error) -> bool {
    error.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
}

fn set_pragmas(conn: &Connection) -> rusqlite::Result<()> {
    // The busy timeout goes first: switching to WAL takes a lock that another
    // process may hold for a moment.
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    // FULL: a power cut must not undo an acknowledged logout or password change.
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // After a checkpoint empties the log, its file is cut back to this
    // rather than kept at its largest: a burst of writes does not hold on
    // to its disk space for good.
    conn.pragma_update(None, "journal_size_limit", JOURNAL_SIZE_LIMIT)?;

    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pooled_connection_has_the_required_settings() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("auth.db");
        let pool = Pool::new(&path, connect(&path).unwrap());
        // Take two at once so the second is a freshly opened connection.
        let (first, second) = (pool.get().unwrap(), pool.get().unwrap());
        for conn in [first.conn().unwrap(), second.conn().unwrap()] {
            let text = |name: &str| -> String {
                conn.pragma_query_value(None, name, |row| row.get(0))
                    .unwrap()
            };
            let number = |name: &str| -> i64 {
                conn.pragma_query_value(None, name, |row| row.get(0))
                    .unwrap()
            };
            assert_eq!(text("journal_mode"), "wal");
            assert_eq!(number("synchronous"), 2, "FULL");
            assert_eq!(number("foreign_keys"), 1);
            assert!(number("busy_timeout") >= 5000);
            assert_eq!(number("journal_size_limit"), JOURNAL_SIZE_LIMIT);
        }
    }
}
