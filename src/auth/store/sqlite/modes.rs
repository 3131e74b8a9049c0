//! The permissions of the database file, its side files and its folder,
//! read from the file system (never from a permission error: as root every
//! access succeeds, whatever the mode).

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use super::super::check::{FILE_MODE, FOLDER_MODE};
use crate::domain::Finding;

/// What `register` gives a new file, and all a database file needs.
const PRIVATE_FILE: u32 = 0o600;

/// The database file and any `-wal`/`-shm` beside it: readable and
/// writable by their owner, by nobody else. The side files hold recent
/// writes, so they matter as much as the file.
pub(super) fn file_mode(path: &Path) -> Finding {
    let mode = match fs::metadata(path) {
        Ok(metadata) => metadata.permissions().mode(),
        Err(e) => return Finding::fail(FILE_MODE, format!("cannot read its mode: {e}")),
    };
    if let Some(who) = open_to(mode) {
        return Finding::fail(
            FILE_MODE,
            format!("{}: open to {who} (expected 0600)", octal(mode)),
        );
    }
    if mode & PRIVATE_FILE != PRIVATE_FILE {
        return Finding::fail(
            FILE_MODE,
            format!(
                "{}: its owner cannot read and write it (expected 0600)",
                octal(mode)
            ),
        );
    }
    for suffix in ["-wal", "-shm"] {
        let side = format!("{}{suffix}", path.display());
        if let Ok(metadata) = fs::metadata(&side)
            && let Some(who) = open_to(metadata.permissions().mode())
        {
            let side_mode = octal(metadata.permissions().mode());
            return Finding::fail(
                FILE_MODE,
                format!("its {suffix} file is {side_mode}: open to {who} (expected 0600)"),
            );
        }
    }
    Finding::pass(FILE_MODE, octal(mode))
}

/// The folder holding the database: nobody but its owner may add, remove
/// or rename files in it. Whoever can could put a `-wal` of their making
/// beside the file, which SQLite would read as recent writes, or swap the
/// file itself. A sticky bit (as on /tmp) stops the swap, not the planted
/// side file, so it does not help.
pub(super) fn folder_mode(path: &Path) -> Finding {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mode = match fs::metadata(folder) {
        Ok(metadata) => metadata.permissions().mode(),
        Err(e) => return Finding::fail(FOLDER_MODE, format!("cannot read its mode: {e}")),
    };
    let writers = match (mode & 0o020 != 0, mode & 0o002 != 0) {
        (true, true) => Some("its group and others"),
        (true, false) => Some("its group"),
        (false, true) => Some("others"),
        (false, false) => None,
    };
    match writers {
        Some(who) => Finding::fail(
            FOLDER_MODE,
            format!(
                "{}: {who} can add files beside the database (expected 0700, or at \
                 least not writable by group or others)",
                octal(mode)
            ),
        ),
        None => Finding::pass(FOLDER_MODE, octal(mode)),
    }
}

/// Who besides the owner has any access to a file of mode `mode`.
fn open_to(mode: u32) -> Option<&'static str> {
    match (mode & 0o070 != 0, mode & 0o007 != 0) {
        (true, true) => Some("its group and others"),
        (true, false) => Some("its group"),
        (false, true) => Some("others"),
        (false, false) => None,
    }
}

/// The permission bits as `chmod` takes them, special bits included
/// (`1777` for /tmp).
fn octal(mode: u32) -> String {
    format!("{:04o}", mode & 0o7777)
}
