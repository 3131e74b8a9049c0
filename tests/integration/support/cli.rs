//! The real `authctl` binary: a temporary home for each test, a cleared
//! environment, and typed helpers around its runs.

use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

use assert_cmd::Command;
use authctl::auth::MIN_BCRYPT_COST;
use serde_json::Value;

use super::db::SqliteFile;
use super::pg::PgDatabase;

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_authctl");

/// One test's world: a temporary HOME with XDG folders, and the database
/// file in it, or a database of its own on the PostgreSQL test server.
pub struct Env {
    home: SqliteFile,
    server: Option<PgDatabase>,
}

/// What a finished run printed and how it exited.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    description: String,
}

impl Env {
    pub fn new() -> Self {
        Self {
            home: SqliteFile::new(),
            server: None,
        }
    }

    /// An environment whose `AUTHCTL_DB` is a fresh PostgreSQL database;
    /// `None` (the test skipped) without a test server.
    pub fn on_postgres() -> Option<Self> {
        Some(Self {
            home: SqliteFile::new(),
            server: Some(PgDatabase::create()?),
        })
    }

    /// Whether `AUTHCTL_DB` names a database server rather than a file.
    pub fn on_server(&self) -> bool {
        self.server.is_some()
    }

    /// The PostgreSQL database of an [`Env::on_postgres`].
    pub fn server(&self) -> &PgDatabase {
        self.server.as_ref().expect("an environment on PostgreSQL")
    }

    /// What `AUTHCTL_DB` is: the file's path, or the server database's URL.
    pub fn db_value(&self) -> String {
        match &self.server {
            Some(server) => server.url(),
            None => self.db().display().to_string(),
        }
    }

    pub fn home(&self) -> &Path {
        self.home.folder()
    }

    pub fn db(&self) -> &Path {
        self.home.path()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.home().join(name)
    }

    /// The folder where saved sessions live.
    pub fn sessions_folder(&self) -> PathBuf {
        self.path("state").join("authctl").join("sessions")
    }

    /// The environment every run gets: nothing from the developer's shell,
    /// bcrypt at its cheapest, and this test's database.
    fn variables(&self) -> Vec<(&'static str, PathBuf)> {
        vec![
            ("HOME", self.home().to_owned()),
            ("XDG_STATE_HOME", self.path("state")),
            ("XDG_DATA_HOME", self.path("data")),
            ("AUTHCTL_DB", PathBuf::from(self.db_value())),
            // The suite runs at a test cost on purpose.
            ("AUTHCTL_ALLOW_WEAK_BCRYPT", PathBuf::from("1")),
            (
                "AUTHCTL_BCRYPT_COST",
                PathBuf::from(MIN_BCRYPT_COST.to_string()),
            ),
        ]
    }

    /// The binary with this test's environment and nothing else.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.env_clear().current_dir(self.home());
        for (key, value) in self.variables() {
            cmd.env(key, value);
        }
        cmd
    }

    /// The binary as a std command (to spawn and manage by hand), with
    /// this test's environment and nothing else.
    pub fn std_cmd(&self) -> StdCommand {
        self.std_program(BIN)
    }

    /// `authctl args...` for a pseudo-terminal session, started with echo on
    /// as on a real terminal. ptyprocess turns echo off in the child before
    /// exec, which would make "the prompt turned echo off" true from the
    /// start, and a line typed before the prompt's own TCSAFLUSH is dropped.
    pub fn terminal_cmd(&self, args: &[&str]) -> StdCommand {
        let mut cmd = self.std_program("/bin/sh");
        cmd.env("TERM", "xterm")
            .args([
                "-c",
                "/bin/stty echo cols 80 rows 24 && exec \"$0\" \"$@\"",
                BIN,
            ])
            .args(args);
        cmd
    }

    /// `authctl` under a lowered file limit (`ulimit -n`), as a default
    /// shell would run it; arguments are appended by the caller.
    pub fn limited_cmd(&self, file_limit: u32) -> StdCommand {
        let mut cmd = self.std_program("/bin/sh");
        cmd.args([
            "-c",
            &format!("ulimit -n {file_limit} && exec \"$0\" \"$@\""),
            BIN,
        ]);
        cmd
    }

    /// `program` (a wrapper such as `unshare`) with this test's
    /// environment and nothing else.
    pub fn std_program(&self, program: &str) -> StdCommand {
        let mut cmd = StdCommand::new(program);
        cmd.env_clear()
            .current_dir(self.home())
            .envs(self.variables());
        cmd
    }

    /// Runs with stdin empty and not a terminal.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with(self.cmd().args(args), args, "")
    }

    /// Runs with `stdin` piped in.
    pub fn run_stdin(&self, args: &[&str], stdin: &str) -> Run {
        self.run_with(self.cmd().args(args), args, stdin)
    }

    /// Runs with `stdin` piped in and extra environment variables.
    pub fn run_env(&self, vars: &[(&str, &str)], args: &[&str], stdin: &str) -> Run {
        let mut cmd = self.cmd();
        cmd.envs(vars.iter().copied()).args(args);
        self.run_with(&mut cmd, args, stdin)
    }

    fn run_with(&self, cmd: &mut Command, args: &[&str], stdin: &str) -> Run {
        let output = cmd.write_stdin(stdin).output().expect("the binary runs");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            description: format!("authctl {}", args.join(" ")),
        }
    }

    /// `--json` run that must succeed; its stdout parsed.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        self.run(&all).success().json()
    }

    /// Registers a user through `--password-stdin`.
    pub fn register(&self, email: &str, password: &str) {
        self.run_stdin(
            &["register", email, "--password-stdin"],
            &format!("{password}\n"),
        )
        .success();
    }

    /// Logs in (saving the session) and returns the session id.
    pub fn login(&self, email: &str, password: &str) -> String {
        let run = self
            .run_stdin(
                &["login", email, "--password-stdin"],
                &format!("{password}\n"),
            )
            .success();
        run.stdout.trim_end().to_owned()
    }

    /// Whether `password` logs `email` in (without saving a session).
    pub fn can_log_in(&self, email: &str, password: &str) -> bool {
        let run = self.run_stdin(
            &["login", email, "--password-stdin", "--no-save"],
            &format!("{password}\n"),
        );
        match run.code {
            0 => true,
            4 => false,
            _ => panic!("unexpected outcome of a login\n{run}"),
        }
    }

    /// Writes a file in the temporary folder and returns its path as text.
    pub fn file(&self, name: &str, contents: &str) -> String {
        let path = self.path(name);
        std::fs::write(&path, contents).expect("write a test file");
        path.to_string_lossy().into_owned()
    }
}

impl Run {
    /// Asserts the exit code, showing everything the run printed if not.
    pub fn code(self, expected: i32) -> Self {
        assert_eq!(self.code, expected, "unexpected exit code\n{self}");
        self
    }

    pub fn success(self) -> Self {
        self.code(0)
    }

    /// Asserts that stderr mentions `text`.
    pub fn stderr_has(self, text: &str) -> Self {
        assert!(self.stderr.contains(text), "stderr lacks {text:?}\n{self}");
        self
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not one JSON document: {e}\n{self}"))
    }

    /// The JSON error object on stderr.
    pub fn json_error(&self) -> Value {
        serde_json::from_str(&self.stderr)
            .unwrap_or_else(|e| panic!("stderr is not one JSON object: {e}\n{self}"))
    }
}

impl std::fmt::Display for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "command: {}\nexit code: {}\n--- stdout\n{}--- stderr\n{}---",
            self.description, self.code, self.stdout, self.stderr
        )
    }
}
