//! Where passwords and confirmations come from: a person at a terminal, or
//! a script's stdin. Never argv, which `ps` and shell history show.

use std::io::{self, BufRead, IsTerminal};

use dialoguer::console::Term;
use dialoguer::{Confirm, Password as PasswordPrompt};

use super::CliError;
use crate::auth::Policy;
use crate::domain::Password;

/// Whether a person can answer prompts: stdin to read from and stderr to
/// show the prompt on are both terminals.
pub(crate) fn interactive() -> bool {
    io::stdin().is_terminal() && io::stderr().is_terminal()
}

/// Which password is asked for, which decides the wording and whether it
/// is typed twice.
#[derive(Clone, Copy)]
pub(crate) enum Ask {
    /// The current password, to log in: typed once.
    Current,
    /// A password being set: typed twice, and checked before it is sent.
    New {
        /// The policy, so a person is asked again instead of failing.
        policy: Policy,
    },
}

/// Reads a password from stdin with `--password-stdin`, else prompts on a
/// terminal, else fails with exit 6 and says how to pass one.
pub(crate) fn read_password(password_stdin: bool, ask: Ask) -> Result<Password, CliError> {
    if password_stdin {
        return password_from_stdin();
    }
    if !interactive() {
        return Err(CliError::InvalidInput(
            "a password is needed but stdin is not a terminal; pipe it in with --password-stdin"
                .to_owned(),
        ));
    }
    prompt_password(ask)
}

/// One line of stdin; a trailing `\n` or `\r\n` is the line's end, not part
/// of the password. Everything else, spaces included, is kept.
fn password_from_stdin() -> Result<Password, CliError> {
    let mut line = Vec::new();
    io::stdin()
        .lock()
        .read_until(b'\n', &mut line)
        .map_err(|e| CliError::io("cannot read the password from stdin", e))?;
    if line.last() == Some(&b'\n') {
        line.pop();
        if line.last() == Some(&b'\r') {
            line.pop();
        }
    }
    if line.is_empty() {
        return Err(CliError::InvalidInput(
            "--password-stdin: no password on stdin (expected one line)".to_owned(),
        ));
    }
    let text = String::from_utf8(line).map_err(|_| {
        CliError::InvalidInput("--password-stdin: the password is not valid UTF-8".to_owned())
    })?;
    Ok(Password::parse(text)?)
}

fn prompt_password(ask: Ask) -> Result<Password, CliError> {
    let prompt = match ask {
        Ask::Current => PasswordPrompt::new().with_prompt("Password"),
        Ask::New { policy } => PasswordPrompt::new()
            .with_prompt("New password")
            .with_confirmation("Repeat the password", "passwords do not match, try again")
            .validate_with(move |text: &String| check_new(text, &policy)),
    };
    let text = prompt
        .interact_on(&Term::stderr())
        .map_err(|e| terminal_error("cannot read the password from the terminal", e))?;
    Ok(Password::parse(text)?)
}

/// The same rules `auth` applies, checked early so that a person retypes
/// instead of starting over. The reason never includes the password.
fn check_new(text: &str, policy: &Policy) -> Result<(), String> {
    Password::parse(text)
        .and_then(|password| policy.check_new_password(&password))
        .map_err(|e| e.to_string())
}

/// Asks a yes/no question on the terminal; the default is no.
pub(crate) fn confirm(question: &str) -> Result<bool, CliError> {
    Confirm::new()
        .with_prompt(question)
        .default(false)
        .interact_on(&Term::stderr())
        .map_err(|e| terminal_error("cannot read the answer from the terminal", e))
}

fn terminal_error(context: &str, error: dialoguer::Error) -> CliError {
    CliError::io(context, io::Error::from(error))
}
