//! A database of its own for each PostgreSQL test, on the server that
//! `AUTHCTL_TEST_PG_URL` names (CI starts one: `.ci/postgres`), dropped
//! when the test is done. Without the variable the PostgreSQL tests say
//! they are skipped; under `AUTHCTL_TESTS_NO_SKIP` they fail instead.

use std::sync::atomic::{AtomicU32, Ordering};

use authctl::domain::{Database, Location, PgLocator};
use tokio_postgres::NoTls;

use super::namespace::skip;

pub const TEST_URL: &str = "AUTHCTL_TEST_PG_URL";

static NEXT: AtomicU32 = AtomicU32::new(0);

/// The test server's URL, or `None` (the calling test skipped).
pub fn server_url() -> Option<String> {
    match std::env::var(TEST_URL) {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            skip(&format!("needs a PostgreSQL server ({TEST_URL})"));
            None
        }
    }
}

/// A fresh, empty database, dropped (with any connection still open to
/// it) when this is.
pub struct PgDatabase {
    server_url: String,
    name: String,
    database: Database,
}

impl PgDatabase {
    /// `None` when there is no test server (the test skips).
    pub fn create() -> Option<Self> {
        let server_url = server_url()?;
        let name = format!(
            "authctl_it_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        admin(&server_url, format!("CREATE DATABASE {name}"));
        let server = PgLocator::parse(&server_url, None).expect("a valid AUTHCTL_TEST_PG_URL");
        let database = Database::postgres(server.with_dbname(&name));
        Some(Self {
            server_url,
            name,
            database,
        })
    }

    pub fn database(&self) -> Database {
        self.database.clone()
    }

    /// The URL to give `--db`.
    pub fn url(&self) -> String {
        self.database.to_string()
    }

    /// [`PgDatabase::url`] with `password` in it (which a test server with
    /// `trust` authentication ignores), to show it appears nowhere.
    pub fn url_with_password(&self, password: &str) -> String {
        let Location::Postgres(pg) = self.database.location() else {
            unreachable!("a PgDatabase is on PostgreSQL")
        };
        format!(
            "postgres://{}:{password}@{}/{}",
            pg.user(),
            pg.address(),
            pg.dbname()
        )
    }

    /// Runs `sql` in this database, as its administrator would.
    pub fn execute(&self, sql: &str) {
        let url = PgLocator::parse(&self.server_url, None)
            .expect("a valid AUTHCTL_TEST_PG_URL")
            .with_dbname(&self.name)
            .to_string();
        admin(&url, sql.to_owned());
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        admin(
            &self.server_url,
            format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
        );
    }
}

/// Runs `sql` on the server's own database, on a thread and runtime of its
/// own, so it can be called from a test's async code as well.
fn admin(url: &str, sql: String) {
    let url = url.to_owned();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        runtime.block_on(async move {
            let (client, connection) = tokio_postgres::connect(&url, NoTls)
                .await
                .expect("connect to the PostgreSQL test server");
            tokio::spawn(connection);
            client.batch_execute(&sql).await.expect("run admin SQL");
        });
    })
    .join()
    .expect("the admin thread");
}

/// A PostgreSQL server of one test's own (with TLS from a certificate the
/// test made, if given): `initdb` in a temporary folder, started on a free
/// port of 127.0.0.1 (as the `postgres` user when the suite runs as root,
/// since PostgreSQL refuses to run as root), stopped on drop. A test may
/// stop and start it again, on the same port.
pub struct OwnServer {
    folder: tempfile::TempDir,
    bin: std::path::PathBuf,
    port: u16,
    options: String,
}

impl OwnServer {
    /// `None` (the test skipped) without a PostgreSQL test setup.
    pub fn start() -> Option<Self> {
        Self::start_with(None, None)
    }

    /// [`OwnServer::start`] with TLS from this certificate and key.
    pub fn start_tls(cert_pem: &str, key_pem: &str) -> Option<Self> {
        Self::start_with(Some((cert_pem, key_pem)), None)
    }

    /// [`OwnServer::start`] where `postgres` must log in with `password`
    /// (SCRAM), rather than being trusted.
    pub fn start_with_password(password: &str) -> Option<Self> {
        Self::start_with(None, Some(password))
    }

    fn start_with(tls: Option<(&str, &str)>, password: Option<&str>) -> Option<Self> {
        server_url()?;
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .expect("PostgreSQL is installed under /usr/lib/postgresql")
            .filter_map(|entry| Some(entry.ok()?.path().join("bin")))
            .filter(|bin| bin.join("initdb").exists())
            .max()
            .expect("an initdb under /usr/lib/postgresql/*/bin");
        let folder = tempfile::tempdir().expect("a folder");
        let owner = server_owner();
        let give = |path: &std::path::Path| {
            if let Some(uid) = owner {
                std::os::unix::fs::chown(path, Some(uid), None).expect("chown");
            }
        };
        give(folder.path());
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let dir = folder.path().display().to_string();
        let mut options = format!(
            "-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={dir} \
             -c fsync=off"
        );
        if let Some((cert_pem, key_pem)) = tls {
            for (name, contents) in [("server.crt", cert_pem), ("server.key", key_pem)] {
                let path = folder.path().join(name);
                std::fs::write(&path, contents).expect("write");
                let private = std::os::unix::fs::PermissionsExt::from_mode(0o600);
                std::fs::set_permissions(&path, private).expect("chmod");
                give(&path);
            }
            options.push_str(&format!(
                " -c ssl=on -c ssl_cert_file={dir}/server.crt -c ssl_key_file={dir}/server.key"
            ));
        }
        let server = Self {
            folder,
            bin,
            port,
            options,
        };
        let data = server.data();
        let mut initdb = vec!["initdb", "-D", &data, "-U", "postgres", "-E", "UTF8"];
        let pwfile = server.folder.path().join("pwfile").display().to_string();
        match password {
            Some(password) => {
                std::fs::write(&pwfile, password).expect("write the password file");
                give(std::path::Path::new(&pwfile));
                initdb.extend(["--auth=scram-sha-256", "--pwfile", &pwfile]);
            }
            None => initdb.push("--auth=trust"),
        }
        server.run(&initdb);
        server.start_again();
        Some(server)
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Its own `postgres` database, as `--db` takes it.
    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// Stops the server as an administrator would (`pg_ctl stop -m fast`:
    /// open connections are ended, nothing committed is lost).
    pub fn stop(&self) {
        let data = self.data();
        self.run(&["pg_ctl", "-D", &data, "-m", "fast", "-w", "stop"]);
    }

    /// Starts it again after [`OwnServer::stop`], on the same port.
    pub fn start_again(&self) {
        let (data, log) = (self.data(), self.log());
        let options = self.options.clone();
        self.run(&[
            "pg_ctl", "-D", &data, "-l", &log, "-w", "start", "-o", &options,
        ]);
    }

    fn data(&self) -> String {
        self.folder.path().join("data").display().to_string()
    }

    fn log(&self) -> String {
        self.folder.path().join("server.log").display().to_string()
    }

    fn run(&self, args: &[&str]) {
        let output = self.command(args).output().expect("run a PostgreSQL tool");
        let log = std::fs::read_to_string(self.log()).unwrap_or_default();
        assert!(
            output.status.success(),
            "{args:?}: {}\n{}\n{log}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }

    fn command(&self, args: &[&str]) -> std::process::Command {
        let program = self.bin.join(args[0]);
        match server_owner() {
            Some(_) => {
                let mut cmd = std::process::Command::new("runuser");
                cmd.args(["-u", "postgres", "--"])
                    .arg(program)
                    .args(&args[1..]);
                cmd
            }
            None => {
                let mut cmd = std::process::Command::new(program);
                cmd.args(&args[1..]);
                cmd
            }
        }
    }
}

impl Drop for OwnServer {
    fn drop(&mut self) {
        let data = self.data();
        let _ = self
            .command(&["pg_ctl", "-D", &data, "-m", "immediate", "stop"])
            .output();
    }
}

/// The uid the server runs as when the suite runs as root: `postgres`'s.
fn server_owner() -> Option<u32> {
    if !rustix::process::getuid().is_root() {
        return None;
    }
    let output = std::process::Command::new("id")
        .args(["-u", "postgres"])
        .output()
        .expect("id runs");
    let uid = String::from_utf8_lossy(&output.stdout).trim().parse().ok();
    Some(uid.expect("a postgres user to run the server as (apt-get install postgresql makes one)"))
}
