//! `authctl users set-password EMAIL`: an operator sets a password without
//! a reset token landing in argv or shell history.

use clap::Args;
use serde::Serialize;

use super::super::CliError;
use super::super::context::Context;
use super::super::prompt::{Ask, PasswordSource};
use crate::domain::{Email, Password};

/// `authctl users set-password EMAIL [--password-stdin]`
#[derive(Args)]
#[command(after_help = "\
The new-password rules apply (length, blocklist). Every session, reset token
and known device of the user ends, and a lock from failed logins is lifted.

Examples:
  authctl users set-password alice@example.com      # prompts twice
  printf '%s\\n' \"$NEW\" | authctl users set-password alice@example.com --password-stdin")]
pub(crate) struct SetPasswordArgs {
    /// The user's email
    email: String,
    /// Read the new password from the first line of stdin instead of prompting
    #[arg(long)]
    password_stdin: bool,
}

#[derive(Serialize)]
struct PasswordSet {
    email: String,
    message: &'static str,
}

impl SetPasswordArgs {
    pub(crate) fn run(&self, ctx: &Context) -> Result<(), CliError> {
        let email = Email::parse(&self.email)?;
        let source = PasswordSource::choose(self.password_stdin)?;
        let auth = ctx.open_existing()?;
        // An unknown user fails before anyone types a password.
        let user = auth.find_user(&email)?;
        let check = |password: &Password| auth.check_new_password(&email, password);
        let password = source.read(Ask::New { check: &check })?;
        auth.set_password(&ctx.caller, &email, &password)?;
        let view = PasswordSet {
            email: user.email.as_str().to_owned(),
            message: "password set",
        };
        ctx.out.done(
            &view,
            format_args!("password set for {}; its sessions ended", user.email),
        )
    }
}
