//! The real `authctl serve` as a child process, started as a user would
//! start it, on 127.0.0.1:0, stopped with signals. `raw_http` talks to it.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::cli::Env;
use super::wait::{PATIENCE, eventually};

/// Tells the server's log files apart when one test starts several servers.
static STARTS: AtomicUsize = AtomicUsize::new(0);

/// `authctl --db <env's db> serve --bind 127.0.0.1:0`, with the environment
/// of `env` (so it shares the database and settings with `env`'s CLI runs).
/// Its stdout and stderr go to files, so a chatty log never blocks it on a
/// full pipe and a test can read them after a kill. Killed on drop.
pub struct ServerProcess {
    child: Child,
    addr: SocketAddr,
    stdout: PathBuf,
    stderr: PathBuf,
}

impl ServerProcess {
    pub fn start(env: &Env) -> Self {
        Self::start_with(env, &[])
    }

    /// Starts with extra environment variables (such as `RUST_LOG`).
    pub fn start_with(env: &Env, vars: &[(&str, &str)]) -> Self {
        Self::launch(env, env.std_cmd(), &[], vars)
    }

    /// Starts with extra `serve` options, under a file limit if one is
    /// given.
    pub fn start_args(env: &Env, args: &[&str], file_limit: Option<u32>) -> Self {
        let cmd = match file_limit {
            Some(limit) => env.limited_cmd(limit),
            None => env.std_cmd(),
        };
        Self::launch(env, cmd, args, &[])
    }

    /// Runs `cmd`, which must start `authctl ... serve` with a `--bind` of
    /// its own (inside a namespace, say), and waits for its first address.
    pub fn start_command(env: &Env, cmd: Command) -> Self {
        Self::spawn(env, cmd, &[])
    }

    fn launch(env: &Env, mut cmd: Command, args: &[&str], vars: &[(&str, &str)]) -> Self {
        cmd.args(["serve", "--bind", "127.0.0.1:0"]).args(args);
        Self::spawn(env, cmd, vars)
    }

    fn spawn(env: &Env, mut cmd: Command, vars: &[(&str, &str)]) -> Self {
        let n = STARTS.fetch_add(1, Ordering::Relaxed);
        let stdout = env.path(&format!("serve-{n}.stdout"));
        let stderr = env.path(&format!("serve-{n}.stderr"));
        cmd.envs(vars.iter().copied())
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(&stdout).expect("stdout file"))
            .stderr(std::fs::File::create(&stderr).expect("stderr file"));
        let child = cmd.spawn().expect("authctl serve starts");
        let mut server = Self {
            child,
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            stdout,
            stderr,
        };
        server.addr = server.wait_for_address();
        server
    }

    /// Waits for stdout's first line, `listening on http://ADDR`.
    fn wait_for_address(&mut self) -> SocketAddr {
        let mut line = None;
        let listening = eventually(PATIENCE, || {
            let stdout = self.stdout();
            if let Some((first, _)) = stdout.split_once('\n') {
                line = Some(first.to_owned());
                return true;
            }
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                panic!(
                    "authctl serve exited ({status}) before listening\n{}",
                    self.stderr()
                );
            }
            false
        });
        assert!(
            listening,
            "no listening line within {PATIENCE:?}\n{}",
            self.stderr()
        );
        let line = line.unwrap_or_default();
        line.strip_prefix("listening on http://")
            .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
            .parse()
            .expect("a socket address")
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Every address of a `listening on http://ADDR` line on stdout so far.
    pub fn listening(&self) -> Vec<SocketAddr> {
        self.stdout()
            .lines()
            .filter_map(|line| line.strip_prefix("listening on http://"))
            .map(|addr| addr.parse().expect("a socket address"))
            .collect()
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn stdout(&self) -> String {
        std::fs::read_to_string(&self.stdout).unwrap_or_default()
    }

    pub fn stderr(&self) -> String {
        std::fs::read_to_string(&self.stderr).unwrap_or_default()
    }

    /// Sends `signal` (e.g. `TERM`, `INT`) with kill(1).
    pub fn signal(&self, signal: &str) {
        let status = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(self.pid().to_string())
            .status()
            .expect("kill(1) runs");
        assert!(status.success(), "kill -{signal} {}", self.pid());
    }

    /// Waits for the process to end on its own, within [`PATIENCE`].
    pub fn wait(&mut self) -> ExitStatus {
        let mut status = None;
        let ended = eventually(PATIENCE, || {
            status = self.child.try_wait().expect("try_wait");
            status.is_some()
        });
        assert!(
            ended,
            "authctl serve still running {PATIENCE:?} after being asked to stop\n{}",
            self.stderr()
        );
        status.expect("an exit status")
    }

    /// SIGTERM, then the exit status once it has drained.
    pub fn stop(mut self) -> (ExitStatus, String) {
        self.signal("TERM");
        let status = self.wait();
        (status, self.stderr())
    }

    /// SIGKILL: no drain, no clean-up, as in a crash or an OOM kill.
    pub fn kill(mut self) {
        self.child.kill().expect("SIGKILL");
        self.child.wait().expect("reaped");
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
