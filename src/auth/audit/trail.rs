//! One `tracing` line (target `authctl::audit`) per audit event, for log
//! shippers and fail2ban. Never a password, token or hash: the event, its
//! outcome and reason, the caller and the account's email.

use super::Event;
use crate::auth::Caller;

pub(super) fn emit(caller: &Caller, event: &Event, count: Option<u64>) {
    let outcome = if event.success { "success" } else { "failure" };
    let user = event.email.as_ref().map(|email| email.as_str());
    let user_id = event.user_id.map(|id| id.0);
    let details = event.details.as_ref().map(ToString::to_string);
    match caller {
        Caller::Cli { os_user } => tracing::info!(
            target: "authctl::audit",
            event = event.name,
            outcome,
            reason = event.reason,
            source = "cli",
            actor = %os_user,
            user,
            user_id,
            count,
            details,
        ),
        Caller::Http { client, user_agent } => tracing::info!(
            target: "authctl::audit",
            event = event.name,
            outcome,
            reason = event.reason,
            source = "http",
            client = %client,
            user_agent = user_agent.as_deref(),
            user,
            user_id,
            count,
            details,
        ),
    }
}
