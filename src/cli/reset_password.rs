use clap::Args;
use serde::Serialize;

use super::CliError;
use super::context::Context;
use super::prompt::{Ask, read_password};
use crate::auth::INVALID_RESET_TOKEN;
use std::time::SystemTime;

use crate::domain::{Email, Password, ResetToken, Timestamp};

/// `authctl reset-password EMAIL [--token T]`
#[derive(Args)]
#[command(after_help = "\
Without --token, issues a reset token (replacing any earlier one) and prints
it. With --token, sets a new password, ends every session of the user and
uses the token up.

Examples:
  TOKEN=$(authctl reset-password alice@example.com)
  authctl reset-password alice@example.com --token \"$TOKEN\"
  printf '%s\\n' \"$NEW\" | authctl reset-password alice@example.com --token \"$TOKEN\" --password-stdin")]
pub(crate) struct ResetPasswordArgs {
    /// The user's email
    email: String,
    /// A reset token from the first step; sets a new password with it
    #[arg(long, value_name = "TOKEN")]
    token: Option<String>,
    /// Read the new password from the first line of stdin instead of prompting
    #[arg(long, requires = "token")]
    password_stdin: bool,
}

#[derive(Serialize)]
struct Issued<'a> {
    email: String,
    reset_token: &'a str,
}

#[derive(Serialize)]
struct Updated {
    email: String,
    message: &'static str,
}

impl ResetPasswordArgs {
    pub(crate) fn run(&self, ctx: &Context) -> Result<(), CliError> {
        let email = Email::parse(&self.email)?;
        match &self.token {
            None => {
                let token = ctx
                    .open_existing()?
                    .get_reset_password_token(&ctx.caller, &email)?;
                let expires =
                    Timestamp::from_system(SystemTime::now()).after(ctx.policy().reset_ttl);
                ctx.out.note(format_args!(
                    "the token expires at {expires}; set the new password with:\n  \
                     authctl reset-password {email} --token \"$TOKEN\"\n\
                     (from a variable, so it stays out of shell history; an operator can \
                     use authctl users set-password {email} instead)"
                ));
                let view = Issued {
                    email: email.to_string(),
                    reset_token: token.expose(),
                };
                ctx.out.result(&view, token.expose())
            }
            Some(text) => {
                // A malformed token or a missing database is refused before
                // any prompt.
                let token = ResetToken::parse(text)
                    .map_err(|_| CliError::AuthenticationFailed(INVALID_RESET_TOKEN.to_owned()))?;
                let auth = ctx.open_existing()?;
                // An unknown, used or expired token fails before the prompt.
                auth.check_reset_token(&email, &token)?;
                let check = |password: &Password| auth.check_new_password(&email, password);
                let password = read_password(self.password_stdin, Ask::New { check: &check })?;
                auth.update_password(&ctx.caller, &email, &token, &password)?;
                let view = Updated {
                    email: email.to_string(),
                    message: "Password updated",
                };
                ctx.out.done(
                    &view,
                    format_args!("password updated for {email}; its sessions ended"),
                )
            }
        }
    }
}
