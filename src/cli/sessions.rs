//! `authctl sessions ...`: live sessions, shown without their tokens.

use clap::{Args, Subcommand};
use serde::Serialize;

use super::CliError;
use super::context::Context;
use super::output::{SessionView, sessions_table};
use crate::domain::Email;

/// The `sessions` subcommands.
#[derive(Subcommand)]
pub(crate) enum SessionsCommand {
    /// Show live sessions (row id and digest prefix, never the token)
    #[command(after_help = "\
Examples:
  authctl sessions list
  authctl sessions list alice@example.com
  authctl --json sessions list | jq length")]
    List(ListArgs),
    /// End every session of a user, or one session by its id
    #[command(after_help = "\
Examples:
  authctl sessions revoke alice@example.com     # all of alice's sessions
  authctl sessions revoke --id 42               # one, by the id sessions list shows")]
    Revoke(RevokeArgs),
}

/// `authctl sessions list [EMAIL]`
#[derive(Args)]
pub(crate) struct ListArgs {
    /// Only this user's sessions
    email: Option<String>,
}

/// `authctl sessions revoke (EMAIL | --id N)`
#[derive(Args)]
pub(crate) struct RevokeArgs {
    /// The user whose sessions all end
    #[arg(required_unless_present = "id")]
    email: Option<String>,
    /// End only the session with this id (from `sessions list`)
    #[arg(long, value_name = "N", conflicts_with = "email")]
    id: Option<i64>,
}

#[derive(Serialize)]
struct Revoked {
    email: String,
    revoked: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<i64>,
}

impl SessionsCommand {
    pub(crate) fn run(&self, ctx: &Context) -> Result<(), CliError> {
        match self {
            Self::List(args) => list(args, ctx),
            Self::Revoke(args) => revoke(args, ctx),
        }
    }
}

fn list(args: &ListArgs, ctx: &Context) -> Result<(), CliError> {
    let email = args.email.as_deref().map(Email::parse).transpose()?;
    let sessions = match &email {
        // Naming a user asks about that user, who cannot exist without a
        // database.
        Some(email) => ctx.open_existing()?.list_sessions(Some(email))?,
        None => ctx.list_if_exists(|auth| auth.list_sessions(None))?,
    };
    if ctx.out.is_json() {
        let views: Vec<SessionView> = sessions.iter().map(SessionView::from).collect();
        return ctx.out.document(&views);
    }
    if sessions.is_empty() {
        ctx.note_empty("no live sessions");
        return Ok(());
    }
    ctx.out.line(sessions_table(&sessions))
}

fn revoke(args: &RevokeArgs, ctx: &Context) -> Result<(), CliError> {
    if let Some(id) = args.id {
        let session = ctx.open_existing()?.revoke_session(&ctx.caller, id)?;
        let view = Revoked {
            email: session.email.as_str().to_owned(),
            revoked: 1,
            id: Some(id),
        };
        return ctx.out.done(
            &view,
            format_args!("session {id} of {} ended", session.email),
        );
    }
    // clap requires one of the two.
    let email = Email::parse(args.email.as_deref().unwrap_or_default())?;
    let revoked = ctx.open_existing()?.revoke_sessions(&ctx.caller, &email)?;
    let view = Revoked {
        email: email.as_str().to_owned(),
        revoked,
        id: None,
    };
    ctx.out
        .done(&view, format_args!("{revoked} sessions of {email} ended"))
}
