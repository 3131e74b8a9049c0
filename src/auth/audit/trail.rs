//! One `tracing` line (target `authctl::audit`) per audit event, for log
//! shippers and fail2ban. Never a password, token or hash: the event, its
//! outcome and reason, the caller and the account's email.

use tracing::field::display;

use super::Event;
use crate::auth::Caller;

/// `caller` is `None` for a row of several HTTP clients' refusals.
pub(super) fn emit(caller: Option<&Caller>, event: &Event, count: Option<u64>) {
    let outcome = if event.success { "success" } else { "failure" };
    // A field that is `None` is left out of the line.
    let (source, actor, client, user_agent) = match caller {
        Some(Caller::Cli { os_user }) => ("cli", Some(os_user.as_str()), None, None),
        Some(Caller::Http { client, user_agent }) => {
            ("http", None, Some(display(client)), user_agent.as_deref())
        }
        None => ("http", None, None, None),
    };
    tracing::info!(
        target: "authctl::audit",
        event = event.name,
        outcome,
        reason = event.reason,
        source,
        actor,
        client,
        user_agent,
        user = event.email.as_ref().map(|email| email.as_str()),
        user_id = event.user_id.map(|id| id.0),
        count,
        details = event.details.as_ref().map(ToString::to_string),
    );
}
