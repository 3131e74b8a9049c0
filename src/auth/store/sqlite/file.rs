//! The database file's life: created private, opened only if it exists
//! when asked, migrated before first use.

use std::fs::{DirBuilder, OpenOptions};
use std::io::{self, ErrorKind};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::StoreError;
use super::diagnose::diagnose;
use super::migrations::migrate;
use super::ownership;
use super::pool::{Pool, connect, connect_existing};
use super::skeletons;

/// Creates the file if needed (0600, its new folders 0700), then opens and
/// migrates it.
pub(super) fn open_creating(path: &Path) -> Result<Pool, StoreError> {
    if path.is_dir() {
        return Err(StoreError::NotAFile);
    }
    create_private_file(path)?;
    ownership::check(path)?;
    migrated(path, connect(path)?)
}

/// Opens and migrates the file only if it exists.
pub(super) fn open_existing(path: &Path) -> Result<Pool, StoreError> {
    if matches!(path.try_exists(), Ok(false)) {
        return Err(StoreError::NoDatabase);
    }
    if path.is_dir() {
        return Err(StoreError::NotAFile);
    }
    ownership::check(path)?;
    match connect_existing(path) {
        Ok(conn) => migrated(path, conn),
        // SQLite says only "unable to open"; the file system says why.
        Err(_) if matches!(path.try_exists(), Ok(false)) => Err(StoreError::NoDatabase),
        Err(other) => Err(other),
    }
}

fn migrated(path: &Path, mut conn: Connection) -> Result<Pool, StoreError> {
    migrate(&mut conn).map_err(|e| diagnose(path, e))?;
    ownership::mark(&conn)
        .map_err(|e| diagnose(path, StoreError::unexpected("cannot mark the database", e)))?;
    skeletons::refresh(&mut conn).map_err(|e| diagnose(path, e))?;
    Ok(Pool::new(path, conn))
}

/// Free space below which the write-ahead log is checkpointed and cut back
/// at each maintenance: a tenth of the file system, and at least 64 MiB.
const SHORT_SPACE_FRACTION: u64 = 10;
const SHORT_SPACE_MIN_BYTES: u64 = 64 * 1024 * 1024;

/// Whether the file system holding `database` is short of space. Unknown
/// counts as not short: maintenance is then only skipped.
pub(super) fn space_is_short(database: &Path) -> bool {
    let folder = database
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Ok(fs) = rustix::fs::statvfs(folder) else {
        return false;
    };
    let free = fs.f_bavail.saturating_mul(fs.f_frsize);
    let total = fs.f_blocks.saturating_mul(fs.f_frsize);
    free < (total / SHORT_SPACE_FRACTION).max(SHORT_SPACE_MIN_BYTES)
}

/// Creates the file with owner-only permissions before SQLite does (SQLite
/// would use the umask), and its folder 0700 if missing. SQLite gives the
/// `-wal` and `-shm` files the database file's permissions.
fn create_private_file(path: &Path) -> Result<(), StoreError> {
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty())
        && !folder.exists()
    {
        DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(folder)
            .map_err(|e| refused(folder, "cannot create the database folder", e))?;
    }
    match OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
    {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(refused(path, "cannot create the database file", e)),
    }
}

/// An I/O failure at `path`: the operator's to fix when the file system
/// refused (no permission, read-only), said in one line naming the path;
/// anything else as it came.
fn refused(path: &Path, context: &'static str, error: io::Error) -> StoreError {
    match error.kind() {
        ErrorKind::PermissionDenied => StoreError::Unusable(format!(
            "{}: {context}: permission denied (check the owner and mode of it and its folder)",
            path.display()
        )),
        ErrorKind::ReadOnlyFilesystem => StoreError::Unusable(format!(
            "{}: {context}: the file system is read-only",
            path.display()
        )),
        _ => StoreError::unexpected(context, at(path, error)),
    }
}

/// An operating-system error with the path it concerns, so the message
/// says which file or folder (the error alone does not).
#[derive(Debug, thiserror::Error)]
#[error("{}: {error}", path.display())]
pub(super) struct AtPath {
    path: PathBuf,
    // Shown in the message, not as a source: a message chain would say it twice.
    error: io::Error,
}

fn at(path: &Path, error: io::Error) -> AtPath {
    AtPath {
        path: path.to_owned(),
        error,
    }
}
