//! Tests that need a private user and mount namespace (`unshare -rm`), to
//! mount a tmpfs they can fill or make read-only, or a hosts file of their
//! own, without touching the machine's mounts. Root has one wherever the
//! kernel allows namespaces; another user only where unprivileged user
//! namespaces are on (not on Ubuntu 24.04's default AppArmor policy, nor in
//! many containers). Where there is none, such a test says why on stderr
//! and returns; nothing else is skipped.

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use super::cli::{BIN, Env};

/// Set to anything, it turns a skip into a failure: CI sets it, so that a
/// runner that has lost its namespaces cannot pass by skipping.
pub const NO_SKIP: &str = "AUTHCTL_TESTS_NO_SKIP";

/// What the tests do in a namespace, tried on a scratch folder: a tmpfs,
/// then a read-only remount of it.
const PROBE: &str = r#"mount -t tmpfs -o size=64k tmpfs "$1" && mount -o remount,bind,ro "$1""#;

/// Why this machine cannot give a test its own namespace, or `None` when
/// it can. Tried once per run.
pub fn namespaces_unavailable() -> Option<&'static str> {
    static REASON: OnceLock<Option<String>> = OnceLock::new();
    REASON.get_or_init(probe).as_deref()
}

fn probe() -> Option<String> {
    let scratch = tempfile::tempdir().expect("a scratch folder");
    let output = Command::new("unshare")
        .args(["-rm", "sh", "-c", PROBE, "sh"])
        .arg(scratch.path())
        .output();
    match output {
        Err(error) => Some(format!("unshare -rm cannot run: {error}")),
        Ok(output) if output.status.success() => None,
        Ok(output) => {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let said: Vec<&str> = stderr.lines().map(str::trim).collect();
            Some(format!(
                "unshare -rm failed ({}): {}",
                output.status,
                said.join(" ")
            ))
        }
    }
}

/// Whether the calling test can have its own namespace. If not, says so
/// on stderr (`skipped: TEST: needs user namespaces (...)`) and returns
/// false; with [`NO_SKIP`] set, fails instead.
pub fn have_namespaces() -> bool {
    match namespaces_unavailable() {
        None => true,
        Some(reason) => {
            skip(&format!("needs user namespaces ({reason})"));
            false
        }
    }
}

/// Reports a skipped test. Written to the stderr handle, not with
/// `eprintln!`, which the test harness captures and shows only for a
/// failure: a skip must be seen in a passing run.
pub fn skip(reason: &str) {
    let test = std::thread::current().name().unwrap_or("a test").to_owned();
    assert!(
        std::env::var_os(NO_SKIP).is_none(),
        "{test} cannot run and {NO_SKIP} is set: {reason}"
    );
    let _ = writeln!(std::io::stderr(), "skipped: {test}: {reason}");
}

/// `authctl args...` with `env`'s environment in a private namespace
/// where `/etc/hosts` is `hosts`, so a host name resolves as the test
/// says. Call only after [`have_namespaces`].
pub fn with_hosts_file(env: &Env, hosts: &Path, args: &[&str]) -> Command {
    let mut cmd = env.std_program("unshare");
    cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .args([
            "-rm",
            "sh",
            "-c",
            r#"mount --bind "$0" /etc/hosts && exec "$@""#,
        ])
        .arg(hosts)
        .arg(BIN)
        .args(args);
    cmd
}
