use std::ffi::OsStr;
use std::fmt;
use std::path::{Path, PathBuf};

use super::ValidationError;
use super::postgres_url::PgLocator;

/// Where the accounts live: the `--db` value, parsed once at the edge.
///
/// A SQLite file, or a PostgreSQL server for a `postgres://` URL (matched
/// before anything else, so a URL is never mistaken for a file path and
/// created as one).
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
    /// A database on a PostgreSQL server.
    Postgres(PgLocator),
}

/// The URL schemes of a PostgreSQL server.
const SERVER_SCHEMES: [&str; 2] = ["postgres://", "postgresql://"];

impl Database {
    /// Reads a `--db` value: a `postgres://` URL, else a file path. The
    /// password of a URL without one is read from `password_file` (the
    /// CLI's `AUTHCTL_DB_PASSWORD_FILE`). A refusal never repeats the value
    /// (it may hold a password).
    pub fn parse_with(raw: &OsStr, password_file: Option<&Path>) -> Result<Self, ValidationError> {
        if raw.is_empty() {
            return Err(ValidationError::new("database", "must not be empty"));
        }
        let is_url = |text: &str| {
            SERVER_SCHEMES.iter().any(|scheme| {
                text.get(..scheme.len())
                    .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
            })
        };
        match raw.to_str() {
            Some(text) if is_url(text) => Ok(Self {
                location: Location::Postgres(PgLocator::parse(text, password_file)?),
            }),
            _ => Ok(Self::sqlite(raw)),
        }
    }

    /// [`Database::parse_with`] without a password file.
    pub fn parse(raw: &OsStr) -> Result<Self, ValidationError> {
        Self::parse_with(raw, None)
    }

    /// The database `locator` names on a PostgreSQL server.
    pub fn postgres(locator: PgLocator) -> Self {
        Self {
            location: Location::Postgres(locator),
        }
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
    /// is absolute, so a `postgres://` identity cannot collide with it. A
    /// server database is its user, address and name, not its password or
    /// TLS settings: the same accounts however they are reached.
    pub fn identity(&self) -> Vec<u8> {
        match &self.location {
            Location::Sqlite(path) => {
                let canonical = path.canonicalize().unwrap_or_else(|_| path.clone());
                canonical.into_os_string().into_encoded_bytes()
            }
            Location::Postgres(pg) => {
                format!("postgres://{}@{}/{}", pg.user(), pg.address(), pg.dbname()).into_bytes()
            }
        }
    }

    /// Whether the database is on a server (reached over the network),
    /// rather than a local file.
    pub fn is_server(&self) -> bool {
        matches!(self.location, Location::Postgres(_))
    }

    /// The file, for a SQLite database.
    pub fn sqlite_path(&self) -> Option<&Path> {
        match &self.location {
            Location::Sqlite(path) => Some(path),
            Location::Postgres(_) => None,
        }
    }
}

impl fmt::Display for Database {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            Location::Sqlite(path) => write!(f, "{}", path.display()),
            Location::Postgres(pg) => write!(f, "{pg}"),
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
    fn a_server_url_is_a_postgres_database_never_shown_with_its_password() {
        for url in [
            "postgres://app:s3cret@db.internal/auth",
            "PostgreSQL://app:s3cret@db.internal/auth",
        ] {
            let db = Database::parse(OsStr::new(url)).unwrap();
            assert!(matches!(db.location(), Location::Postgres(_)), "{url}");
            assert_eq!(db.sqlite_path(), None);
            assert_eq!(db.to_string(), "postgres://app@db.internal:5432/auth");
            assert!(!format!("{db:?}").contains("s3cret"));
            let identity = String::from_utf8(db.identity()).unwrap();
            assert_eq!(identity, "postgres://app@db.internal:5432/auth");
        }
        let refusal = Database::parse(OsStr::new("postgres://app:s3cret@db/auth?x=s3cret"));
        assert!(!refusal.unwrap_err().to_string().contains("s3cret"));
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
