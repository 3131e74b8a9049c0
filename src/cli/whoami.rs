use clap::Args;
use serde::Serialize;

use super::CliError;
use super::context::Context;
use super::session_file::{SavedSession, SessionArg};
use crate::auth::INVALID_SESSION;

/// `authctl whoami`
#[derive(Args)]
#[command(after_help = "\
Examples:
  authctl whoami
  AUTHCTL_SESSION=$SID authctl whoami")]
pub(crate) struct WhoamiArgs {
    #[command(flatten)]
    session: SessionArg,
}

#[derive(Serialize)]
struct Identity {
    email: String,
    id: i64,
}

impl WhoamiArgs {
    pub(crate) fn run(&self, ctx: &Context) -> Result<(), CliError> {
        let saved = SavedSession::for_database(&ctx.database()?);
        let token = self.session.choose(&saved)?;
        let user = ctx
            .open_existing()?
            .get_user_from_session_id(&token)?
            .ok_or_else(|| CliError::AuthenticationFailed(INVALID_SESSION.to_owned()))?;
        let view = Identity {
            email: user.email.as_str().to_owned(),
            id: user.id.0,
        };
        ctx.out.result(&view, &user.email)
    }
}
