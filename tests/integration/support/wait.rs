//! Waiting for something to happen, always with a bound: a test that waits
//! polls for the event itself (a counter, a file, a port, a process), never
//! sleeps for however long the thing usually takes.

use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a debug build under a loaded test run may take to start, answer
/// or drain before a test gives up on it.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// How often a wait looks again.
const POLL: Duration = Duration::from_millis(5);

/// Polls `condition` until it holds or `limit` has passed; whether it held.
pub fn eventually(limit: Duration, mut condition: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + limit;
    loop {
        if condition() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(POLL);
    }
}

/// [`eventually`] for async tests: it polls on a blocking thread, so the
/// test's own runtime (often a single thread) keeps running the tasks that
/// make the condition come true.
pub async fn eventually_async(
    limit: Duration,
    condition: impl FnMut() -> bool + Send + 'static,
) -> bool {
    tokio::task::spawn_blocking(move || eventually(limit, condition))
        .await
        .expect("the wait ran")
}

/// Whether `pid` runs: neither gone nor a zombie waiting for its adopter.
pub fn runs(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| !stat.contains(") Z "))
}

/// Waits for `pid` to stop running; fails with `complaint`.
pub async fn wait_until_gone(pid: u32, complaint: &str) {
    assert!(
        eventually_async(PATIENCE, move || !runs(pid)).await,
        "{complaint}"
    );
}

/// Reads the pid a hook wrote, waiting for the hook to have written it.
pub async fn pid_written_to(file: &Path) -> u32 {
    let path: PathBuf = file.to_owned();
    let written = move || std::fs::read_to_string(&path).is_ok_and(|text| text.ends_with('\n'));
    assert!(
        eventually_async(PATIENCE, written).await,
        "the hook never wrote {file:?}"
    );
    let text = std::fs::read_to_string(file).expect("the pid file");
    text.trim().parse().expect("a pid")
}

/// Whether nothing accepts connections on `addr` any more, waiting for it.
pub fn refuses_connections(addr: SocketAddr) -> bool {
    eventually(PATIENCE, || TcpStream::connect(addr).is_err())
}
