//! Driver failures turned into reasons an operator can act on.
//!
//! SQLite reports a full disk during start-up as "disk I/O error" (it
//! cannot grow the shared-memory file) and a read-only mount as "unable to
//! open database file"; the file system itself says which it is.

use std::path::Path;

use rusqlite::ErrorCode;
use rustix::fs::{StatVfsMountFlags, statvfs};

use super::StoreError;

/// A plain-words reason naming the database, with the driver's error as
/// its source.
#[derive(Debug, thiserror::Error)]
#[error("{reason} ({})", database.display())]
struct Diagnosed {
    reason: &'static str,
    database: std::path::PathBuf,
    #[source]
    source: rusqlite::Error,
}

/// Puts a plain reason in front of a storage failure where one is known,
/// and tells a passing condition (a full disk, a lock held too long), worth
/// retrying later, from a broken or unusable database.
pub(super) fn diagnose(database: &Path, error: StoreError) -> StoreError {
    let StoreError::Unexpected { context, source } = error else {
        return error;
    };
    let reason = source
        .downcast_ref::<rusqlite::Error>()
        .and_then(|e| e.sqlite_error_code())
        .and_then(|code| reason_for(database, code));
    match (reason, source.downcast::<rusqlite::Error>()) {
        (Some(reason), Ok(driver)) if is_passing(reason) => {
            let source = Box::new(Diagnosed {
                reason,
                database: database.to_owned(),
                source: *driver,
            });
            StoreError::Unavailable { context, source }
        }
        // The operator's to fix, and the reason says it all: the driver's
        // own words ("file is not a database: Error code 26") would say
        // it again, less clearly.
        (Some(reason), Ok(_driver)) => {
            StoreError::Unusable(format!("{}: {reason}", database.display()))
        }
        (_, Ok(driver)) => StoreError::Unexpected {
            context,
            source: driver,
        },
        (_, Err(other)) => StoreError::Unexpected {
            context,
            source: other,
        },
    }
}

const DISK_FULL: &str = "the disk holding the database is full";
const LOCK_HELD: &str = "another process held the database lock for too long";

/// Whether the condition can clear by itself: space is freed, a lock let go.
fn is_passing(reason: &str) -> bool {
    reason == DISK_FULL || reason == LOCK_HELD
}

fn reason_for(database: &Path, code: ErrorCode) -> Option<&'static str> {
    match code {
        ErrorCode::DiskFull => return Some(DISK_FULL),
        ErrorCode::NotADatabase => return Some("the file is not an authctl database"),
        ErrorCode::DatabaseCorrupt => return Some("the database file is corrupt"),
        ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => return Some(LOCK_HELD),
        ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::SystemIoFailure => {}
        _ => return None,
    }
    let folder = database
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match statvfs(folder) {
        Ok(fs) if fs.f_flag.contains(StatVfsMountFlags::RDONLY) => {
            Some("the file system holding the database is read-only")
        }
        Ok(fs) if fs.f_bavail == 0 => Some(DISK_FULL),
        _ if code == ErrorCode::ReadOnly => Some("the database file is read-only"),
        _ if code == ErrorCode::CannotOpen => {
            Some("cannot open the database file; check that it and its folder are writable")
        }
        _ => None,
    }
}
