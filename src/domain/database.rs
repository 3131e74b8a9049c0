use std::ffi::OsStr;
use std::fmt;
use std::path::{Path, PathBuf};

use super::ValidationError;

/// Where the accounts live: the `--db` value, parsed once at the edge.
///
/// Today a SQLite file; the URL schemes of a server database are refused
/// by name, so a URL is never mistaken for a file path and created as one.
#[derive(Clone, PartialEq, Eq)]
pub struct Database {
    location: Location,
}

/// The backend a [`Database`] names, with what that backend needs.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Location {
    /// An SQLite file.
    Sqlite(PathBuf),
}

/// Schemes of database servers this build has no backend for.
const SERVER_SCHEMES: [&str; 2] = ["postgres://", "postgresql://"];

impl Database {
    /// Reads a `--db` value: a file path. A `postgres://` URL is refused
    /// with a message that does not repeat it (it may hold a password).
    pub fn parse(raw: &OsStr) -> Result<Self, ValidationError> {
        if raw.is_empty() {
            return Err(ValidationError::new("database", "must not be empty"));
        }
        if let Some(text) = raw.to_str()
            && SERVER_SCHEMES.iter().any(|scheme| {
                text.get(..scheme.len())
                    .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
            })
        {
            return Err(ValidationError::new(
                "database",
                "PostgreSQL URLs are not supported by this version of authctl; give a file path",
            ));
        }
        Ok(Self::sqlite(raw))
    }

    /// The SQLite file at `path`.
    pub fn sqlite(path: impl Into<PathBuf>) -> Self {
        Self {
            location: Location::Sqlite(path.into()),
        }
    }

    /// The backend and its address.
    pub fn location(&self) -> &Location {
        &self.location
    }

    /// A stable name for the database, the same however it was spelled
    /// (`./auth.db` and `/abs/auth.db` are one file), for keying per-database
    /// state such as the CLI's saved session. Never holds a secret. For a
    /// file it is the bare canonical path, as the saved-session files
    /// written before locators existed are named by it; a path that exists
    /// is absolute, so a later `scheme:` identity cannot collide with it.
    pub fn identity(&self) -> Vec<u8> {
        match &self.location {
            Location::Sqlite(path) => {
                let canonical = path.canonicalize().unwrap_or_else(|_| path.clone());
                canonical.into_os_string().into_encoded_bytes()
            }
        }
    }

    /// The file, for a SQLite database.
    pub fn sqlite_path(&self) -> Option<&Path> {
        match &self.location {
            Location::Sqlite(path) => Some(path),
        }
    }
}

impl fmt::Display for Database {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            Location::Sqlite(path) => write!(f, "{}", path.display()),
        }
    }
}

impl fmt::Debug for Database {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Database({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_a_sqlite_file_shown_as_given() {
        let db = Database::parse(OsStr::new("./data/auth.db")).unwrap();
        assert_eq!(db.sqlite_path(), Some(Path::new("./data/auth.db")));
        assert_eq!(db.to_string(), "./data/auth.db");
    }

    #[test]
    fn a_server_url_is_refused_without_repeating_it() {
        for url in [
            "postgres://app:s3cret@db.internal/auth",
            "PostgreSQL://app:s3cret@db.internal/auth",
        ] {
            let refusal = Database::parse(OsStr::new(url)).unwrap_err();
            assert!(refusal.to_string().contains("PostgreSQL"), "{refusal}");
            assert!(!refusal.to_string().contains("s3cret"), "{refusal}");
        }
    }

    #[test]
    fn an_empty_value_is_refused() {
        assert!(Database::parse(OsStr::new("")).is_err());
    }

    #[test]
    fn two_spellings_of_one_file_have_one_identity() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("auth.db");
        std::fs::write(&file, b"").unwrap();
        let dotted = dir.path().join(".").join("auth.db");
        assert_eq!(
            Database::sqlite(&file).identity(),
            Database::sqlite(dotted).identity()
        );
    }
}
