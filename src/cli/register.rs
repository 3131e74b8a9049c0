use clap::Args;
use serde::Serialize;

use super::CliError;
use super::context::Context;
use super::output::UserView;
use super::prompt::{Ask, read_password};
use crate::domain::Email;

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
        let policy = ctx.policy();
        let password = read_password(self.password_stdin, Ask::New { policy })?;
        let user = ctx.open()?.register_user(&ctx.caller, &email, &password)?;
        let view = Registered {
            message: "user created",
            user: UserView::new(&user, None),
        };
        ctx.out
            .done(&view, format_args!("user created: {}", user.email))
    }
}
