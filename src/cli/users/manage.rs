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

/// `users show` in JSON: the user, and its login throttle.
#[derive(Serialize)]
struct Shown {
    #[serde(flatten)]
    user: UserView,
    last_login: Option<String>,
    password_changed: Option<String>,
    failed_logins: u32,
    login_blocked_until: Option<String>,
    locked: bool,
}

pub(crate) fn show(args: &EmailArg, ctx: &Context) -> Result<(), CliError> {
    let email = Email::parse(&args.email)?;
    let auth = ctx.open_existing()?;
    let user = auth.find_user(&email)?;
    let live = auth.list_sessions(Some(&email))?.len() as u64;
    let throttle = auth.login_throttle(&email)?;
    let activity = auth.account_activity(&email)?;
    let view = Shown {
        user: UserView::new(&user, Some(live)),
        last_login: activity.last_login.map(|time| time.to_string()),
        password_changed: activity.password_changed.map(|time| time.to_string()),
        failed_logins: throttle.as_ref().map_or(0, |entry| entry.failures),
        login_blocked_until: throttle
            .as_ref()
            .and_then(|entry| entry.blocked_until)
            .map(|time| time.to_string()),
        locked: throttle.as_ref().is_some_and(|entry| entry.locked),
    };
    let login = match (&view.login_blocked_until, view.locked) {
        (_, true) => "locked (authctl users unlock releases it)".to_owned(),
        (Some(until), false) => format!("waiting until {until}"),
        (None, false) => "allowed".to_owned(),
    };
    let or_never = |time: &Option<String>, never: &str| time.clone().unwrap_or(never.to_owned());
    let text = format!(
        "id:               {}\nemail:            {}\nstatus:           {}\ncreated:          {}\nupdated:          {}\nlast login:       {}\npassword changed: {}\nlive sessions:    {live}\nfailed logins:    {}\nlogin:            {login}",
        user.id.0,
        user.email,
        status(&user),
        user.created_at,
        user.updated_at,
        or_never(&view.last_login, "never"),
        or_never(&view.password_changed, "never since created"),
        view.failed_logins,
    );
    ctx.out.result(&view, text)
}

#[derive(Serialize)]
struct Unlocked {
    email: String,
    released: bool,
}

pub(crate) fn unlock(args: &EmailArg, ctx: &Context) -> Result<(), CliError> {
    let email = Email::parse(&args.email)?;
    let released = ctx.open_existing()?.unlock_user(&ctx.caller, &email)?;
    let view = Unlocked {
        email: email.as_str().to_owned(),
        released,
    };
    if released {
        ctx.out
            .done(&view, format_args!("unlocked: {email} may log in again"))
    } else {
        ctx.out.done(
            &view,
            format_args!("{email} had no failed logins counted; nothing to unlock"),
        )
    }
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
            let what = format!("This deletes {} with all its sessions.", user.email);
            if !confirm(&what, "Delete it? (y, then Enter)")? {
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
