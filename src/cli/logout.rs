use clap::Args;
use serde::Serialize;

use super::CliError;
use super::context::Context;
use super::session_file::{SavedSession, SessionArg};
use crate::auth::{Auth, AuthError, INVALID_SESSION};
use crate::domain::SessionToken;

/// `authctl logout`
#[derive(Args)]
#[command(after_help = "\
Examples:
  authctl logout
  authctl logout --all                  # every device of this user
  authctl logout --session \"$SID\"")]
pub(crate) struct LogoutArgs {
    #[command(flatten)]
    session: SessionArg,
    /// End every session of the session's user, not just this one
    #[arg(long)]
    all: bool,
}

#[derive(Serialize)]
struct LoggedOut {
    email: String,
    ended: u64,
}

impl LogoutArgs {
    pub(crate) fn run(&self, ctx: &Context) -> Result<(), CliError> {
        let saved = SavedSession::for_database(&ctx.database()?);
        let token = self.session.choose(&saved)?;
        let auth = match ctx.open_existing() {
            Ok(auth) => auth,
            Err(no_database @ CliError::Auth(AuthError::NoDatabase(_))) => {
                // No session outlives its database.
                saved.forget()?;
                return Err(no_database);
            }
            Err(other) => return Err(other),
        };
        let outcome = self.end(ctx, &auth, &token);
        forget_if_dead(&auth, &saved)?;
        let view = outcome?;
        let note = match view.ended {
            1 => format!("logged out {}", view.email),
            n => format!("logged out {} ({n} sessions ended)", view.email),
        };
        ctx.out.done(&view, note)
    }

    fn end(&self, ctx: &Context, auth: &Auth, token: &SessionToken) -> Result<LoggedOut, CliError> {
        let user = auth
            .get_user_from_session_id(token)?
            .ok_or_else(|| CliError::AuthenticationFailed(INVALID_SESSION.to_owned()))?;
        let ended = if self.all {
            auth.revoke_sessions(&ctx.caller, &user.email)?
        } else {
            auth.end_session(&ctx.caller, token)?;
            1
        };
        Ok(LoggedOut {
            email: user.email.as_str().to_owned(),
            ended,
        })
    }
}

/// Drops the saved id once it is no longer live: the one just ended, one
/// ended by `--all`, or a stale one that made this logout fail.
fn forget_if_dead(auth: &Auth, saved: &SavedSession) -> Result<(), CliError> {
    let Some(text) = saved.load()? else {
        return Ok(());
    };
    let live = match SessionToken::parse(&text) {
        Ok(token) => auth.get_user_from_session_id(&token)?.is_some(),
        Err(_) => false,
    };
    if live { Ok(()) } else { saved.forget() }
}
