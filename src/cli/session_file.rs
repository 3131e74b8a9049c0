//! The session id `login` saves for `whoami` and `logout`: one file per
//! database, so logging in to a test database does not replace the session
//! of the real one.

use std::fs::{self, DirBuilder, OpenOptions, Permissions};
use std::io::{ErrorKind, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::CliError;
use crate::auth::INVALID_SESSION;
use crate::domain::{Database, Finding, SessionToken};

/// The saved-session file of one database.
pub(crate) struct SavedSession {
    /// `None` when there is no state folder (no `$HOME`): nothing is saved.
    path: Option<PathBuf>,
}

impl SavedSession {
    /// The file for `db`, named by a digest of its identity so that
    /// `./auth.db` and `/abs/auth.db` share one session.
    pub(crate) fn for_database(db: &Database) -> Self {
        let digest = Sha256::digest(db.identity());
        let name = hex::encode(&digest[..16]);
        Self {
            path: sessions_folder().map(|folder| folder.join(name)),
        }
    }

    /// The saved session id text, if one is saved.
    pub(crate) fn load(&self) -> Result<Option<String>, CliError> {
        let Some(path) = &self.path else {
            return Ok(None);
        };
        match fs::read_to_string(path) {
            Ok(text) => Ok(Some(text.trim().to_owned())),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
            Err(e) => Err(CliError::io(
                format!("cannot read the saved session {}", path.display()),
                e,
            )),
        }
    }

    /// Writes the id with mode 0600 in a 0700 folder. The file is written
    /// whole under a temporary name and renamed, so a reader never sees
    /// half an id and the mode is right before any byte lands.
    pub(crate) fn save(&self, token: &SessionToken) -> Result<&Path, CliError> {
        let Some(path) = &self.path else {
            return Err(CliError::Usage(
                "no state folder to save the session in (set HOME or XDG_STATE_HOME), \
                 or pass --no-save"
                    .to_owned(),
            ));
        };
        let fail = |e| CliError::io(format!("cannot save the session in {}", path.display()), e);
        if let Some(folder) = path.parent() {
            DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(folder)
                .map_err(fail)?;
            // The folder may predate us with a looser mode.
            fs::set_permissions(folder, Permissions::from_mode(0o700)).map_err(fail)?;
        }
        let temporary = path.with_extension(format!("tmp{}", std::process::id()));
        // Left behind only by a crashed run that had our pid; usually absent.
        let _ = fs::remove_file(&temporary);
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&temporary)
            .map_err(fail)?;
        file.write_all(token.expose().as_bytes())
            .and_then(|()| file.write_all(b"\n"))
            .and_then(|()| file.sync_all())
            .map_err(fail)?;
        fs::rename(&temporary, path).map_err(fail)?;
        Ok(path)
    }

    /// Deletes the saved id; nothing saved is fine.
    pub(crate) fn forget(&self) -> Result<(), CliError> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        match fs::remove_file(path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(()),
            Err(e) => Err(CliError::io(
                format!("cannot remove the saved session {}", path.display()),
                e,
            )),
        }
    }
}

/// The folder of the saved sessions, one file per database; `None` when
/// there is no state folder (no `$HOME`).
fn sessions_folder() -> Option<PathBuf> {
    dirs::state_dir()
        .or_else(dirs::data_local_dir)
        .map(|folder| folder.join("authctl").join("sessions"))
}

/// The saved-session check's stable name.
const SESSIONS_FOLDER_CHECK: &str = "sessions.folder_mode";

/// `doctor`'s look at the saved sessions: a saved id is a bearer token, so
/// its file must be its owner's alone (0600), and the folder must let
/// nobody else plant a file there that `whoami` and `logout` would act on.
/// Others being able only to list the folder is a note: the names are
/// digests of database paths, and `login` makes the folder 0700 again.
pub(crate) fn inspect_sessions_folder() -> Finding {
    let check = SESSIONS_FOLDER_CHECK;
    let Some(folder) = sessions_folder() else {
        return Finding::pass(check, "no state folder (no HOME): login saves nothing");
    };
    let mode = match fs::metadata(&folder) {
        Ok(metadata) => metadata.permissions().mode() & 0o7777,
        Err(e) if e.kind() == ErrorKind::NotFound => {
            return Finding::pass(check, "none yet (login creates it, 0700)");
        }
        Err(e) => return Finding::fail(check, format!("{}: {e}", folder.display())),
    };
    if mode & 0o022 != 0 {
        return Finding::fail(
            check,
            format!(
                "{mode:04o}: others can put a session file in {} (expected 0700)",
                folder.display()
            ),
        );
    }
    let entries = match fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(e) => return Finding::fail(check, format!("{}: {e}", folder.display())),
    };
    for entry in entries.flatten() {
        let file_mode = entry
            .metadata()
            .map_or(0, |metadata| metadata.permissions().mode() & 0o7777);
        if file_mode & 0o077 != 0 {
            return Finding::fail(
                check,
                format!(
                    "the saved session {} is {file_mode:04o}, open to others (expected 0600)",
                    entry.path().display()
                ),
            );
        }
    }
    if mode & 0o077 != 0 {
        return Finding::warn(
            check,
            format!("{mode:04o}: others can list it (the next login makes it 0700)"),
        );
    }
    Finding::pass(check, format!("{mode:04o}"))
}

/// `--session ID`, shared by the commands that act on a session.
#[derive(clap::Args)]
pub(crate) struct SessionArg {
    /// Session id to use [default: the one `login` saved]
    #[arg(
        long,
        env = "AUTHCTL_SESSION",
        hide_env_values = true,
        value_name = "ID"
    )]
    session: Option<String>,
}

impl SessionArg {
    /// The session a command acts on: `--session` (or `AUTHCTL_SESSION`,
    /// which clap folds into it), else the saved one.
    pub(crate) fn choose(&self, saved: &SavedSession) -> Result<SessionToken, CliError> {
        choose_session(self.session.as_deref(), saved)
    }
}

fn choose_session(explicit: Option<&str>, saved: &SavedSession) -> Result<SessionToken, CliError> {
    let text = match explicit {
        Some(text) => text.to_owned(),
        None => saved.load()?.ok_or_else(|| {
            CliError::AuthenticationFailed(
                "not logged in: no saved session for this database \
                 (run `authctl login EMAIL` or pass --session)"
                    .to_owned(),
            )
        })?,
    };
    // A malformed id is just another invalid session to the caller.
    SessionToken::parse(&text)
        .map_err(|_| CliError::AuthenticationFailed(INVALID_SESSION.to_owned()))
}
