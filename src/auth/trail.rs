//! One `tracing` line (target `authctl::audit`) per outcome an operator or
//! a log shipper cares about, naming who asked. Never a password, token or
//! hash: only the event, its outcome, the caller and the account's email.

use super::Caller;
use crate::domain::Email;

/// Whether the attempt did what it asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Outcome {
    Success,
    Failure,
}

impl Outcome {
    fn as_str(self) -> &'static str {
        match self {
            Self::Success => "success",
            Self::Failure => "failure",
        }
    }
}

pub(super) fn note(
    caller: &Caller,
    event: &'static str,
    outcome: Outcome,
    subject: Option<&Email>,
) {
    let subject = subject.map(Email::as_str);
    match caller {
        Caller::Cli { os_user } => tracing::info!(
            target: "authctl::audit",
            event,
            outcome = outcome.as_str(),
            source = "cli",
            actor = %os_user,
            user = subject,
        ),
        Caller::Http { client, user_agent } => tracing::info!(
            target: "authctl::audit",
            event,
            outcome = outcome.as_str(),
            source = "http",
            client = %client,
            user_agent = user_agent.as_deref(),
            user = subject,
        ),
    }
}
