//! Where passwords and confirmations come from: a person at a terminal, or
//! a script's stdin. Never argv, which `ps` and shell history show.

use std::io::{self, BufRead, IsTerminal};

use dialoguer::console::Term;
use dialoguer::{Confirm, Password as PasswordPrompt};

use super::CliError;
use crate::auth::AuthError;
use crate::domain::Password;

/// Whether a person can answer prompts: stdin to read from and stderr to
/// show the prompt on are both terminals.
pub(crate) fn interactive() -> bool {
    io::stdin().is_terminal() && io::stderr().is_terminal()
}

/// Which password is asked for, which decides the wording and whether it
/// is typed twice.
#[derive(Clone, Copy)]
pub(crate) enum Ask<'a> {
    /// The current password, to log in: typed once.
    Current,
    /// A password being set: typed twice, and checked before it is sent.
    New {
        /// The check `auth` makes when the password is set (policy and
        /// blocklist), so that a person is asked again instead of failing.
        check: &'a dyn Fn(&Password) -> Result<(), AuthError>,
    },
}

/// Where a password comes from. Chosen before anything else is done, so a
/// command that cannot get one fails first (exit 6) and touches nothing.
#[derive(Clone, Copy)]
pub(crate) enum PasswordSource {
    /// The first line of stdin (`--password-stdin`).
    Stdin,
    /// A person at the terminal, prompted with hidden input.
    Terminal,
}

impl PasswordSource {
    /// `--password-stdin`, else a prompt on a terminal, else an error that
    /// says how to pass one.
    pub(crate) fn choose(password_stdin: bool) -> Result<Self, CliError> {
        if password_stdin {
            return Ok(Self::Stdin);
        }
        if !interactive() {
            return Err(CliError::InvalidInput(
                "a password is needed but stdin is not a terminal; pipe it in with --password-stdin"
                    .to_owned(),
            ));
        }
        Ok(Self::Terminal)
    }

    pub(crate) fn read(self, ask: Ask<'_>) -> Result<Password, CliError> {
        match self {
            Self::Stdin => password_from_stdin(),
            Self::Terminal => prompt_password(ask),
        }
    }
}

/// Reads a password from stdin with `--password-stdin`, else prompts on a
/// terminal, else fails with exit 6 and says how to pass one.
pub(crate) fn read_password(password_stdin: bool, ask: Ask<'_>) -> Result<Password, CliError> {
    PasswordSource::choose(password_stdin)?.read(ask)
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

fn prompt_password(ask: Ask<'_>) -> Result<Password, CliError> {
    let prompt = match ask {
        Ask::Current => PasswordPrompt::new().with_prompt("Password"),
        Ask::New { check } => PasswordPrompt::new()
            .with_prompt("New password")
            .with_confirmation("Repeat the password", "passwords do not match, try again")
            .validate_with(move |text: &String| check_new(text, check)),
    };
    let text = prompt
        .interact_on(&Term::stderr())
        .map_err(|e| terminal_error("cannot read the password from the terminal", e))?;
    Ok(Password::parse(text)?)
}

/// The rules `auth` applies, checked early so that a person retypes
/// instead of starting over. The reason never includes the password. A
/// failure to check (the database, say) is not the password's fault: it
/// passes here and is reported when the password is set.
fn check_new(text: &str, check: &dyn Fn(&Password) -> Result<(), AuthError>) -> Result<(), String> {
    let password = Password::parse(text).map_err(|e| e.to_string())?;
    match check(&password) {
        Err(refusal @ (AuthError::InvalidInput(_) | AuthError::TooCommon(_))) => {
            Err(refusal.to_string())
        }
        _ => Ok(()),
    }
}

/// Asks a yes/no question on the terminal; the default is no. `what` is
/// said on a line of its own and the question stays short, so the prompt
/// fits one line at 80 columns and is drawn once however long an email is;
/// the answer takes Enter, so a stray keypress decides nothing.
pub(crate) fn confirm(what: &str, question: &str) -> Result<bool, CliError> {
    let term = Term::stderr();
    term.write_line(what)
        .map_err(|e| CliError::io("cannot write to the terminal", e))?;
    Confirm::new()
        .with_prompt(question)
        .default(false)
        .wait_for_newline(true)
        .interact_on(&term)
        .map_err(|e| terminal_error("cannot read the answer from the terminal", e))
}

fn terminal_error(context: &str, error: dialoguer::Error) -> CliError {
    CliError::io(context, io::Error::from(error))
}
