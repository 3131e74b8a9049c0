//! A PostgreSQL server named by a `postgres://` URL, checked once at the
//! edge. The password is a secret: no message, `Display` or `Debug` of
//! anything here shows it, and a refusal names at most a parameter.

use std::fmt;
use std::net::IpAddr;
use std::path::{Path, PathBuf};

use percent_encoding::percent_decode_str;
use secrecy::{ExposeSecret, SecretString};

use super::ValidationError;

/// The port a URL without one means, as libpq.
const DEFAULT_PORT: u16 = 5432;

/// How the connection is encrypted (libpq's `sslmode`, the three modes
/// that say what they do; `prefer` and `allow` would fall back to clear
/// text without a word).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PgTls {
    /// Clear text.
    Disable,
    /// TLS, the server's certificate not checked: safe from a listener, not
    /// from an impostor.
    Require,
    /// TLS with the chain checked (against `root_cert`, else the public
    /// web roots) and the certificate's name matched with the host.
    VerifyFull {
        /// `sslrootcert`: a PEM file of the certificates to trust.
        root_cert: Option<PathBuf>,
    },
}

/// A PostgreSQL server, database and role.
#[derive(Clone)]
pub struct PgLocator {
    host: String,
    port: u16,
    dbname: String,
    user: String,
    password: Option<SecretString>,
    tls: PgTls,
}

fn refuse(reason: impl Into<String>) -> ValidationError {
    ValidationError::new("database", reason)
}

impl PgLocator {
    /// Reads `postgres://USER[:PASSWORD]@HOST[:PORT][/DBNAME][?sslmode=..&sslrootcert=..]`.
    /// The password comes from the URL or from `password_file` (whose
    /// content, less one trailing line break, is the password), not both.
    /// Without `sslmode`, a loopback host is `disable` and any other
    /// `verify-full`: a password never crosses a network in clear text
    /// unless asked.
    pub fn parse(raw: &str, password_file: Option<&Path>) -> Result<Self, ValidationError> {
        // The parser's own messages never quote the input.
        let url = url::Url::parse(raw).map_err(|e| refuse(format!("not a valid URL: {e}")))?;
        if !matches!(url.scheme(), "postgres" | "postgresql") {
            return Err(refuse("a database URL must start with postgres://"));
        }
        if url.fragment().is_some() {
            return Err(refuse("a database URL has no #fragment"));
        }
        let host = match url.host() {
            Some(url::Host::Ipv6(ip)) => ip.to_string(),
            Some(url::Host::Ipv4(ip)) => ip.to_string(),
            Some(url::Host::Domain(name)) => decode(name, "host")?.to_ascii_lowercase(),
            None => {
                return Err(refuse(
                    "the URL names no host (a Unix socket is not supported)",
                ));
            }
        };
        if host.is_empty() || host.contains(',') {
            return Err(refuse("the URL must name exactly one host"));
        }
        let user = decode(url.username(), "user")?;
        if user.is_empty() {
            return Err(refuse(
                "the URL names no user (postgres://USER@HOST/DBNAME)",
            ));
        }
        let path = url.path().strip_prefix('/').unwrap_or(url.path());
        let dbname = match decode(path, "database name")? {
            name if name.is_empty() => user.clone(),
            name if name.contains('/') => {
                return Err(refuse("the database name is one path segment"));
            }
            name => name,
        };
        let password = password_of(url.password(), password_file)?;
        let tls = tls_of(&url, &host)?;
        Ok(Self {
            host,
            port: url.port().unwrap_or(DEFAULT_PORT),
            dbname,
            user,
            password,
            tls,
        })
    }

    /// The server's host name or address.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The server's TCP port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The database on the server.
    pub fn dbname(&self) -> &str {
        &self.dbname
    }

    /// The role to log in as.
    pub fn user(&self) -> &str {
        &self.user
    }

    /// The password, for the driver only.
    pub fn password(&self) -> Option<&str> {
        self.password.as_ref().map(ExposeSecret::expose_secret)
    }

    /// How the connection is encrypted.
    pub fn tls(&self) -> &PgTls {
        &self.tls
    }

    /// The same server and role with another database (a test making a
    /// database of its own, say).
    pub fn with_dbname(&self, dbname: &str) -> Self {
        Self {
            dbname: dbname.to_owned(),
            ..self.clone()
        }
    }

    /// `host:port`, an IPv6 address in brackets.
    pub fn address(&self) -> String {
        if self.host.contains(':') {
            format!("[{}]:{}", self.host, self.port)
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }
}

fn decode(raw: &str, what: &str) -> Result<String, ValidationError> {
    percent_decode_str(raw)
        .decode_utf8()
        .map(|text| text.into_owned())
        .map_err(|_| refuse(format!("the {what} in the URL is not UTF-8")))
}

fn password_of(
    in_url: Option<&str>,
    password_file: Option<&Path>,
) -> Result<Option<SecretString>, ValidationError> {
    match (in_url, password_file) {
        (Some(_), Some(_)) => Err(refuse(
            "a password in the URL and AUTHCTL_DB_PASSWORD_FILE both; give one",
        )),
        (Some(raw), None) => {
            let decoded = percent_decode_str(raw)
                .decode_utf8()
                .map_err(|_| refuse("the password in the URL is not UTF-8"))?;
            Ok(Some(SecretString::from(decoded.into_owned())))
        }
        (None, Some(file)) => {
            let content = std::fs::read_to_string(file).map_err(|e| {
                refuse(format!(
                    "cannot read the password file {}: {}",
                    file.display(),
                    e.kind()
                ))
            })?;
            let password = content
                .strip_suffix('\n')
                .map(|line| line.strip_suffix('\r').unwrap_or(line))
                .unwrap_or(&content);
            if password.is_empty() {
                return Err(refuse(format!(
                    "the password file {} is empty",
                    file.display()
                )));
            }
            Ok(Some(SecretString::from(password.to_owned())))
        }
        (None, None) => Ok(None),
    }
}

fn tls_of(url: &url::Url, host: &str) -> Result<PgTls, ValidationError> {
    let mut mode = None;
    let mut root_cert = None;
    for (name, value) in url.query_pairs() {
        match name.as_ref() {
            "sslmode" if mode.is_none() => mode = Some(value.into_owned()),
            "sslrootcert" if root_cert.is_none() => root_cert = Some(PathBuf::from(&*value)),
            "sslmode" | "sslrootcert" => {
                return Err(refuse(format!("URL parameter {name} given twice")));
            }
            // Only the name: a value might be a password put in the wrong place.
            other => {
                return Err(refuse(format!(
                    "unknown URL parameter {other:?} (known: sslmode, sslrootcert)"
                )));
            }
        }
    }
    let mode = mode.unwrap_or_else(|| {
        if is_loopback(host) {
            "disable".to_owned()
        } else {
            "verify-full".to_owned()
        }
    });
    match (mode.as_str(), root_cert) {
        ("disable", None) => Ok(PgTls::Disable),
        ("require", None) => Ok(PgTls::Require),
        ("verify-full", root_cert) => Ok(PgTls::VerifyFull { root_cert }),
        ("disable" | "require", Some(_)) => {
            Err(refuse("sslrootcert is used only with sslmode=verify-full"))
        }
        (other, _) => Err(refuse(format!(
            "sslmode {other:?} is not supported (disable, require or verify-full)"
        ))),
    }
}

fn is_loopback(host: &str) -> bool {
    host == "localhost" || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

impl PartialEq for PgLocator {
    fn eq(&self, other: &Self) -> bool {
        self.host == other.host
            && self.port == other.port
            && self.dbname == other.dbname
            && self.user == other.user
            && self.password() == other.password()
            && self.tls == other.tls
    }
}

impl Eq for PgLocator {}

/// The URL without its password; the TLS mode only when it is not the
/// default one, so a plain URL shows as typed.
impl fmt::Display for PgLocator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let user = percent_encoding::utf8_percent_encode(&self.user, COMPONENT);
        let dbname = percent_encoding::utf8_percent_encode(&self.dbname, COMPONENT);
        write!(f, "postgres://{user}@{}/{dbname}", self.address())?;
        match &self.tls {
            PgTls::Disable if is_loopback(&self.host) => Ok(()),
            PgTls::Disable => write!(f, "?sslmode=disable"),
            PgTls::Require => write!(f, "?sslmode=require"),
            PgTls::VerifyFull { root_cert: None } if !is_loopback(&self.host) => Ok(()),
            PgTls::VerifyFull { root_cert: None } => write!(f, "?sslmode=verify-full"),
            PgTls::VerifyFull {
                root_cert: Some(file),
            } => write!(
                f,
                "?sslmode=verify-full&sslrootcert={}",
                percent_encoding::utf8_percent_encode(&file.to_string_lossy(), COMPONENT)
            ),
        }
    }
}

impl fmt::Debug for PgLocator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PgLocator({self})")
    }
}

/// What a URL component must escape to read back as the same value.
const COMPONENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(raw: &str) -> Result<PgLocator, ValidationError> {
        PgLocator::parse(raw, None)
    }

    #[test]
    fn a_full_url_gives_each_part_decoded() {
        let pg = parse("postgresql://app%40x:p%40ss@DB.Internal:6543/auth%20db?sslmode=require")
            .unwrap();
        assert_eq!(pg.host(), "db.internal");
        assert_eq!(pg.port(), 6543);
        assert_eq!(pg.user(), "app@x");
        assert_eq!(pg.password(), Some("p@ss"));
        assert_eq!(pg.dbname(), "auth db");
        assert_eq!(pg.tls(), &PgTls::Require);
    }

    #[test]
    fn defaults_are_libpqs_port_and_the_users_database_and_tls_off_the_machine() {
        let local = parse("postgres://postgres@127.0.0.1").unwrap();
        assert_eq!((local.port(), local.dbname()), (5432, "postgres"));
        assert_eq!(local.tls(), &PgTls::Disable);
        assert_eq!(local.password(), None);
        let remote = parse("postgres://app@db.example.com/auth").unwrap();
        assert_eq!(remote.tls(), &PgTls::VerifyFull { root_cert: None });
        let v6 = parse("postgres://app@[::1]:5433/auth").unwrap();
        assert_eq!((v6.host(), v6.address()), ("::1", "[::1]:5433".to_owned()));
        assert_eq!(v6.tls(), &PgTls::Disable);
    }

    #[test]
    fn verify_full_takes_a_root_certificate_file() {
        let pg =
            parse("postgres://app@db/auth?sslmode=verify-full&sslrootcert=/etc/ca.pem").unwrap();
        assert_eq!(
            pg.tls(),
            &PgTls::VerifyFull {
                root_cert: Some(PathBuf::from("/etc/ca.pem"))
            }
        );
    }

    #[test]
    fn refusals_are_clear_and_never_repeat_the_password() {
        for (url, says) in [
            ("postgres://app:s3cret@db/auth?sslmode=prefer", "sslmode"),
            ("postgres://app:s3cret@db/auth?password=s3cret", "password"),
            (
                "postgres://app:s3cret@db/auth?sslmode=require&sslrootcert=x",
                "verify-full",
            ),
            ("postgres://:s3cret@db/auth", "no user"),
            ("postgres://app:s3cret@/auth", "host"),
            ("postgres://app:s3cret@a,b/auth", "host"),
            ("postgres://app:s3cret@db:99999/auth", "valid URL"),
            ("postgres://app:s3cret@db/a/b", "one path segment"),
        ] {
            let refusal = parse(url).unwrap_err().to_string();
            assert!(refusal.contains(says), "{url}: {refusal}");
            assert!(!refusal.contains("s3cret"), "{url}: {refusal}");
        }
    }

    #[test]
    fn display_and_debug_never_show_the_password() {
        let pg = parse("postgres://app:s3cret@db.internal/auth?sslmode=require").unwrap();
        assert_eq!(
            pg.to_string(),
            "postgres://app@db.internal:5432/auth?sslmode=require"
        );
        assert!(!format!("{pg:?}").contains("s3cret"));
        assert!(!format!("{:?}", pg.tls()).contains("s3cret"));
    }

    #[test]
    fn the_password_file_gives_the_password_less_its_line_break() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("pw");
        std::fs::write(&file, "fr0m-file\r\n").unwrap();
        let pg = PgLocator::parse("postgres://app@db/auth", Some(&file)).unwrap();
        assert_eq!(pg.password(), Some("fr0m-file"));
        let both = PgLocator::parse("postgres://app:x@db/auth", Some(&file)).unwrap_err();
        assert!(both.to_string().contains("both"), "{both}");
        std::fs::write(&file, "\n").unwrap();
        assert!(PgLocator::parse("postgres://app@db/auth", Some(&file)).is_err());
        let missing = PgLocator::parse("postgres://app@db/auth", Some(&dir.path().join("no")));
        assert!(missing.unwrap_err().to_string().contains("password file"));
    }
}
