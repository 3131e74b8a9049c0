use clap::Args;
use serde::Serialize;

use super::super::CliError;
use super::super::context::Context;
use super::super::output::{UserView, status};
use super::super::prompt::{confirm, interactive};
use crate::domain::Email;

/// A command whose only argument is a user's email.
#[derive(Args)]
pub(crate) struct EmailArg {
    /// The user's email
    email: String,
}

/// `authctl users delete EMAIL [--yes]`
#[derive(Args)]
#[command(after_help = "\
Without a terminal, --yes is required (exit 2 otherwise), so that a script
never deletes by accident.

Examples:
  authctl users delete alice@example.com
  authctl users delete alice@example.com --yes")]
pub(crate) struct DeleteArgs {
    /// The user's email
    email: String,
    /// Delete without asking
    #[arg(long, short = 'y')]
    yes: bool,
}

pub(crate) fn show(args: &EmailArg, ctx: &Context) -> Result<(), CliError> {
    let email = Email::parse(&args.email)?;
    let auth = ctx.open_existing()?;
    let user = auth.find_user(&email)?;
    let live = auth.list_sessions(Some(&email))?.len() as u64;
    let view = UserView::new(&user, Some(live));
    let text = format!(
        "id:             {}\nemail:          {}\nstatus:         {}\ncreated:        {}\nupdated:        {}\nlive sessions:  {live}",
        user.id.0,
        user.email,
        status(&user),
        user.created_at,
        user.updated_at,
    );
    ctx.out.result(&view, text)
}

#[derive(Serialize)]
struct Changed {
    message: &'static str,
    #[serde(flatten)]
    user: UserView,
}

pub(crate) fn set_disabled(args: &EmailArg, ctx: &Context, disable: bool) -> Result<(), CliError> {
    let email = Email::parse(&args.email)?;
    let auth = ctx.open_existing()?;
    let (user, message) = if disable {
        (auth.disable_user(&ctx.caller, &email)?, "user disabled")
    } else {
        (auth.enable_user(&ctx.caller, &email)?, "user enabled")
    };
    let view = Changed {
        message,
        user: UserView::new(&user, None),
    };
    ctx.out
        .done(&view, format_args!("{message}: {}", user.email))
}

#[derive(Serialize)]
struct Declined {
    message: &'static str,
    deleted: bool,
}

impl DeleteArgs {
    pub(crate) fn run(&self, ctx: &Context) -> Result<(), CliError> {
        let email = Email::parse(&self.email)?;
        let auth = ctx.open_existing()?;
        // Looked up first, so that a typo is "not found" before any question.
        let user = auth.find_user(&email)?;
        if !self.yes {
            if !interactive() {
                return Err(CliError::Usage(format!(
                    "refusing to delete {} without confirmation: stdin is not a terminal, pass --yes",
                    user.email
                )));
            }
            if !confirm(&format!("Delete {} and all its sessions?", user.email))? {
                let view = Declined {
                    message: "nothing deleted",
                    deleted: false,
                };
                return ctx.out.done(&view, view.message);
            }
        }
        let user = auth.delete_user(&ctx.caller, &email)?;
        let view = Changed {
            message: "user deleted",
            user: UserView::new(&user, None),
        };
        ctx.out
            .done(&view, format_args!("user deleted: {}", user.email))
    }
}
