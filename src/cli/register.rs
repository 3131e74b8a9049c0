use clap::Args;
use serde::Serialize;

use super::CliError;
use super::context::Context;
use super::output::UserView;
use super::prompt::{Ask, PasswordSource};
use crate::domain::{Email, Password};

/// `authctl register EMAIL`
#[derive(Args)]
#[command(after_help = "\
Examples:
  authctl register alice@example.com
  printf '%s\\n' \"$PW\" | authctl register alice@example.com --password-stdin")]
pub(crate) struct RegisterArgs {
    /// The new user's email (unique, case-insensitively)
    email: String,
    /// Read the password from the first line of stdin instead of prompting
    #[arg(long)]
    password_stdin: bool,
}

#[derive(Serialize)]
struct Registered {
    message: &'static str,
    #[serde(flatten)]
    user: UserView,
}

impl RegisterArgs {
    pub(crate) fn run(&self, ctx: &Context) -> Result<(), CliError> {
        let email = Email::parse(&self.email)?;
        let source = PasswordSource::choose(self.password_stdin)?;
        // Opened before the prompt, which checks against its blocklist, and
        // so that a taken email fails before anyone types a password.
        let auth = ctx.open()?;
        auth.check_email_free(&email)?;
        let check = |password: &Password| auth.check_new_password(&email, password);
        let password = source.read(Ask::New { check: &check })?;
        let user = auth.register_user(&ctx.caller, &email, &password)?;
        let view = Registered {
            message: "user created",
            user: UserView::new(&user, None),
        };
        ctx.out
            .done(&view, format_args!("user created: {}", user.email))
    }
}
