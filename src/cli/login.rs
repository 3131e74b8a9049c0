use std::io::{self, IsTerminal};

use clap::Args;
use serde::Serialize;

use super::CliError;
use super::context::Context;
use super::prompt::{Ask, read_password};
use super::session_file::SavedSession;
use crate::domain::{Email, SessionToken};

/// `authctl login EMAIL`
#[derive(Args)]
#[command(after_help = "\
At a terminal the session id is saved, not printed; piped (or with --json
or --no-save) it is printed alone on stdout.

Examples:
  authctl login alice@example.com                 # prompts; saves the session
  SID=$(printf '%s\\n' \"$PW\" | authctl login alice@example.com --password-stdin --no-save)")]
pub(crate) struct LoginArgs {
    /// The user's email
    email: String,
    /// Read the password from the first line of stdin instead of prompting
    #[arg(long)]
    password_stdin: bool,
    /// Print the session id without saving it for whoami and logout
    #[arg(long)]
    no_save: bool,
}

#[derive(Serialize)]
struct LoggedIn<'a> {
    email: String,
    session_id: &'a str,
    saved: bool,
}

impl LoginArgs {
    pub(crate) fn run(&self, ctx: &Context) -> Result<(), CliError> {
        let email = Email::parse(&self.email)?;
        // Before the prompt: nobody should type a password for a database
        // that is not there.
        let auth = ctx.open_existing()?;
        let password = read_password(self.password_stdin, Ask::Current)?;
        let (user, token) = auth.login(&ctx.caller, &email, &password)?;
        if !self.no_save {
            let saved = SavedSession::for_database(&ctx.database()?);
            // Whose session the file held before: replacing another user's
            // is worth a word, since `whoami` answers differently now.
            // Only to say so: a file that cannot be read changes nothing.
            let replaced = saved
                .load()
                .ok()
                .flatten()
                .and_then(|text| SessionToken::parse(&text).ok())
                .and_then(|old| auth.session_owner(&old).ok().flatten())
                .filter(|old| old.id != user.id);
            let path = saved.save(&token)?;
            ctx.out.note(format_args!(
                "logged in as {}; session saved in {}",
                user.email,
                path.display()
            ));
            if let Some(old) = replaced {
                ctx.out.note(format_args!(
                    "this replaced the saved session of {}, which stays valid until it \
                     expires (authctl sessions revoke {} ends it)",
                    old.email, old.email
                ));
            }
        }
        let view = LoggedIn {
            email: user.email.as_str().to_owned(),
            session_id: token.expose(),
            saved: !self.no_save,
        };
        // The id alone on stdout, so `SID=$(authctl login ...)` works; at a
        // terminal, once saved, it would only put a bearer secret on the
        // screen and in the scrollback.
        if !self.no_save && !ctx.out.is_json() && io::stdout().is_terminal() {
            return Ok(());
        }
        ctx.out.result(&view, token.expose())
    }
}
