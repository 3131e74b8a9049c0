//! The database file's life: created private, opened only if it exists
//! when asked, migrated before first use.

use std::fs::{DirBuilder, OpenOptions};
use std::io::ErrorKind;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::Path;

use rusqlite::Connection;

use super::StoreError;
use super::diagnose::diagnose;
use super::migrations::migrate;
use super::pool::{Pool, connect, connect_existing};
use super::skeletons;

/// Creates the file if needed (0600, its new folders 0700), then opens and
/// migrates it.
pub(super) fn open_creating(path: &Path) -> Result<Pool, StoreError> {
    create_private_file(path)?;
    migrated(path, connect(path)?)
}

/// Opens and migrates the file only if it exists.
pub(super) fn open_existing(path: &Path) -> Result<Pool, StoreError> {
    match connect_existing(path) {
        Ok(conn) => migrated(path, conn),
        // SQLite says only "unable to open"; the file system says why.
        Err(_) if matches!(path.try_exists(), Ok(false)) => Err(StoreError::NoDatabase),
        Err(other) => Err(other),
    }
}

fn migrated(path: &Path, mut conn: Connection) -> Result<Pool, StoreError> {
    migrate(&mut conn).map_err(|e| diagnose(path, e))?;
    skeletons::refresh(&mut conn).map_err(|e| diagnose(path, e))?;
    Ok(Pool::new(path, conn))
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
            .map_err(|e| StoreError::unexpected("cannot create the database folder", e))?;
    }
    match OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
    {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(StoreError::unexpected("cannot create the database file", e)),
    }
}
