//! The real `authctl serve` as a child process, and a small HTTP/1.1 client
//! over a raw socket, so tests see exactly what was sent and answered, and a
//! killed server shows as a connection error rather than a client retry.

use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::Value;

use super::cli_support::Env;

/// How long a debug build under a loaded test run may take to start, answer
/// or drain before a test gives up on it.
pub const PATIENCE: Duration = Duration::from_secs(20);

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

    /// Starts with extra environment variables (`RUST_LOG`, a bcrypt cost).
    pub fn start_with(env: &Env, vars: &[(&str, &str)]) -> Self {
        let n = STARTS.fetch_add(1, Ordering::Relaxed);
        let stdout = env.path(&format!("serve-{n}.stdout"));
        let stderr = env.path(&format!("serve-{n}.stderr"));
        let mut cmd: Command = env.std_cmd();
        cmd.args(["serve", "--bind", "127.0.0.1:0"])
            .envs(vars.iter().copied())
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

    /// Polls stdout for `listening on http://ADDR`.
    fn wait_for_address(&mut self) -> SocketAddr {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let stdout = self.stdout();
            if let Some(line) = stdout.lines().next()
                && stdout.contains('\n')
            {
                let addr = line
                    .strip_prefix("listening on http://")
                    .unwrap_or_else(|| panic!("unexpected first line: {line:?}"));
                return addr.parse().expect("a socket address");
            }
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                panic!(
                    "authctl serve exited ({status}) before listening\n{}",
                    self.stderr()
                );
            }
            assert!(
                Instant::now() < deadline,
                "no listening line within {PATIENCE:?}\n{}",
                self.stderr()
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
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
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "authctl serve still running {PATIENCE:?} after being asked to stop\n{}",
                self.stderr()
            );
            std::thread::sleep(Duration::from_millis(5));
        }
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

    /// CPU time (user + system) the process has used so far, in clock ticks
    /// (1/100 s on Linux), from /proc.
    pub fn cpu_ticks(&self) -> u64 {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).expect("stat");
        // The command name may hold spaces; the fields after it do not.
        let after_name = &stat[stat.rfind(')').expect("a stat line") + 2..];
        let fields: Vec<&str> = after_name.split(' ').collect();
        // Fields 14 and 15 of stat(5), counted from the state (field 3).
        let number = |i: usize| fields[i - 3].parse::<u64>().expect("a tick count");
        number(14) + number(15)
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

/// Polls `condition` every few milliseconds until it holds or `limit` has
/// passed; returns whether it held.
pub fn eventually(limit: Duration, mut condition: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + limit;
    loop {
        if condition() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// A response as read off the socket.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// The body as JSON, asserting the content type says so.
    pub fn json(&self) -> Value {
        let content_type = self.header("content-type").unwrap_or_default();
        assert!(
            content_type.starts_with("application/json"),
            "expected JSON: {self:?}"
        );
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {self:?}"))
    }

    /// The value of the `session_id` cookie this response sets, if any.
    pub fn session_cookie(&self) -> Option<String> {
        self.headers
            .iter()
            .filter(|(key, _)| key.eq_ignore_ascii_case("set-cookie"))
            .find_map(|(_, value)| value.strip_prefix("session_id="))
            .map(|rest| rest.split(';').next().unwrap_or_default().to_owned())
    }
}

/// Sends `request` (a whole HTTP/1.1 request, which should say
/// `Connection: close`) and reads the reply until the server closes.
pub fn exchange(addr: SocketAddr, request: &[u8]) -> io::Result<Reply> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(PATIENCE))?;
    stream.set_write_timeout(Some(PATIENCE))?;
    stream.write_all(request)?;
    read_reply(&mut stream)
}

/// Reads a whole reply from a connection the server will close.
pub fn read_reply(stream: &mut TcpStream) -> io::Result<Reply> {
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    parse_reply(&raw)
}

fn parse_reply(raw: &[u8]) -> io::Result<Reply> {
    let text = String::from_utf8_lossy(raw);
    let broken = || io::Error::new(io::ErrorKind::UnexpectedEof, format!("reply: {text:?}"));
    let (head, body) = text.split_once("\r\n\r\n").ok_or_else(broken)?;
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|line| line.strip_prefix("HTTP/1.1 "))
        .and_then(|rest| rest.get(..3))
        .and_then(|code| code.parse().ok())
        .ok_or_else(broken)?;
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(key, value)| (key.trim().to_owned(), value.trim().to_owned()))
        .collect();
    Ok(Reply {
        status,
        headers,
        body: body.to_owned(),
    })
}

/// A request with an optional session cookie and an urlencoded form body.
pub fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    cookie: Option<&str>,
    form: &[(&str, &str)],
) -> io::Result<Reply> {
    let body = form
        .iter()
        .map(|(key, value)| format!("{key}={}", utf8_percent_encode(value, NON_ALPHANUMERIC)))
        .collect::<Vec<_>>()
        .join("&");
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    if let Some(cookie) = cookie {
        head.push_str(&format!("Cookie: session_id={cookie}\r\n"));
    }
    if !form.is_empty() {
        head.push_str("Content-Type: application/x-www-form-urlencoded\r\n");
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    exchange(addr, head.as_bytes())
}

pub fn get(addr: SocketAddr, path: &str, cookie: Option<&str>) -> io::Result<Reply> {
    request(addr, "GET", path, cookie, &[])
}

pub fn post(addr: SocketAddr, path: &str, form: &[(&str, &str)]) -> io::Result<Reply> {
    request(addr, "POST", path, None, form)
}

/// Logs in over HTTP, asserting success; returns the session cookie value.
pub fn login(addr: SocketAddr, email: &str, password: &str) -> String {
    let reply = post(
        addr,
        "/sessions",
        &[("email", email), ("password", password)],
    )
    .expect("the login is answered");
    assert_eq!(reply.status, 200, "login of {email}: {reply:?}");
    reply.session_cookie().expect("a session cookie")
}

/// Half-closes a connection after writing, for requests cut short.
pub fn send_then_hang_up(addr: SocketAddr, bytes: &[u8]) -> io::Result<Option<Reply>> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(PATIENCE))?;
    stream.write_all(bytes)?;
    stream.shutdown(Shutdown::Write)?;
    let mut raw = Vec::new();
    // A reset instead of a reply is an acceptable way to end such a request.
    if stream.read_to_end(&mut raw).is_err() || raw.is_empty() {
        return Ok(None);
    }
    parse_reply(&raw).map(Some)
}
