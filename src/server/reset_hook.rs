//! `--reset-hook CMD`: hands reset tokens to an operator's command instead
//! of returning them over HTTP.
//!
//! The command runs as `sh -c CMD` with two lines on stdin, the email and
//! then the token, each ending in `\n`; its stdout is discarded, its stderr
//! goes to ours. Exit status 0 means delivered. Stdin, rather than argv or
//! the environment, keeps the token out of `ps` and `/proc`.
//!
//! The hook runs in a process group of its own. A hook that runs past its
//! time limit, or whose request is abandoned, is killed with the whole
//! group: killing only `sh` would leave whatever it started (a stuck
//! mailer) running, one more per reset request.

use std::process::{ExitStatus, Stdio};
use std::sync::Arc;
use std::time::Duration;

use rustix::process::{Pid, Signal, kill_process_group};
use tokio::io::AsyncWriteExt;
use tokio::process::{Child, Command};

use super::error::ApiError;
use super::gate::Gate;
use crate::domain::{Email, ResetToken};

/// How many hooks may run at once: each is a process, and a flood of reset
/// requests must not become a flood of processes.
const CONCURRENT_HOOKS: usize = 4;

/// The operator's delivery command.
#[derive(Debug, Clone)]
pub(crate) struct ResetHook {
    command: Arc<str>,
    slots: Gate,
    timeout: Duration,
}

impl ResetHook {
    pub(crate) fn new(command: &str, timeout: Duration, queue_wait: Duration) -> Self {
        Self {
            command: Arc::from(command),
            slots: Gate::new(CONCURRENT_HOOKS, queue_wait),
            timeout,
        }
    }

    /// Runs the hook for one token. A failure is ours, not the client's: it
    /// is logged (without the token or the email) and answered with 503.
    pub(crate) async fn deliver(&self, email: &Email, token: &ResetToken) -> Result<(), ApiError> {
        let _slot = self.slots.enter().await?;
        let failure = match tokio::time::timeout(self.timeout, self.run(email, token)).await {
            Ok(Ok(status)) if status.success() => return Ok(()),
            Ok(Ok(status)) => format!("exited with {status}"),
            Ok(Err(error)) => format!("could not run: {error}"),
            // Dropping the run future killed the hook's process group.
            Err(_elapsed) => format!("timed out after {:?}", self.timeout),
        };
        tracing::error!(failure = %failure, "reset hook failed; no token was delivered");
        Err(ApiError::HookFailed)
    }

    async fn run(&self, email: &Email, token: &ResetToken) -> std::io::Result<ExitStatus> {
        let mut hook = HookProcess::spawn(&self.command)?;
        if let Some(mut stdin) = hook.child.stdin.take() {
            let message = format!("{email}\n{}\n", token.expose());
            // A hook may exit without reading; its status decides, not ours.
            match stdin.write_all(message.as_bytes()).await {
                Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => return Err(error),
                _ => {}
            }
            // Dropping stdin closes it, so the hook sees end of input.
        }
        hook.wait().await
    }
}

/// A running hook, leading a process group of its own, which is killed if
/// this is dropped before the hook has ended: on timeout, or when the
/// request is abandoned.
struct HookProcess {
    child: Child,
    /// The group to kill; `None` once the hook has been reaped.
    group: Option<Pid>,
}

impl HookProcess {
    fn spawn(command: &str) -> std::io::Result<Self> {
        let child = Command::new("sh")
            .arg("-c")
            .arg(command)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .process_group(0)
            // A fallback only: dropping `HookProcess` kills the whole group.
            .kill_on_drop(true)
            .spawn()?;
        // The hook leads its group, so the group id is its pid.
        let group = child
            .id()
            .and_then(|id| i32::try_from(id).ok())
            .and_then(Pid::from_raw);
        Ok(Self { child, group })
    }

    async fn wait(&mut self) -> std::io::Result<ExitStatus> {
        let status = self.child.wait().await?;
        // The hook ended on its own: what it left in the background is the
        // operator's to keep, and with the leader reaped its group id may
        // soon belong to someone else.
        self.group = None;
        Ok(status)
    }
}

impl Drop for HookProcess {
    fn drop(&mut self) {
        // This runs before `child` is dropped (and reaped by tokio), so the
        // leader still holds the group id: the kill cannot reach a group
        // that reused it.
        if let Some(group) = self.group {
            // Already gone (ESRCH) is fine: there is nothing else to do.
            let _ = kill_process_group(group, Signal::KILL);
        }
    }
}
