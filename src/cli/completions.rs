use std::io::{self, Write};

use clap::{Arg, Args, Command, CommandFactory, ValueHint};
use clap_complete::{Shell, generate};

use super::{Cli, CliError};

/// `authctl completions SHELL`
#[derive(Args)]
#[command(after_help = "\
The repository's completions/ folder holds the same scripts, generated.

Examples:
  authctl completions bash > ~/.local/share/bash-completion/completions/authctl
  authctl completions zsh > ~/.zfunc/_authctl      # with fpath+=~/.zfunc
  authctl completions fish > ~/.config/fish/completions/authctl.fish")]
pub(crate) struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    shell: Shell,
}

impl CompletionsArgs {
    /// Prints the script whatever `--json` says: a script is the result.
    pub(crate) fn run(&self) -> Result<(), CliError> {
        let mut stdout = io::stdout().lock();
        generate(
            self.shell,
            &mut with_hints(Cli::command()),
            "authctl",
            &mut stdout,
        );
        stdout
            .flush()
            .map_err(|e| CliError::io("cannot write to stdout", e))
    }
}

/// The value names whose values a shell cannot guess: numbers, durations,
/// addresses, emails. Left alone, shells offer file names for them.
const NOTHING_TO_COMPLETE: [&str; 11] = [
    "N", "DURATION", "ADDR", "CIDR", "ORIGIN", "EMAIL", "SECONDS", "ID", "TOKEN", "TEXT", "WORD",
];

/// The command as the completion scripts see it: `man` completes command
/// names, and every option follows [`hinted`].
fn with_hints(command: Command) -> Command {
    let mut names = Vec::new();
    command_names(&command, &mut names);
    names.sort();
    names.dedup();
    hinted(command).mut_subcommand("man", |man| {
        man.mut_arg("command", |arg| {
            arg.value_parser(clap::builder::PossibleValuesParser::new(names))
        })
    })
}

/// Every subcommand's name, at every depth (`man` takes them as words).
fn command_names(command: &Command, names: &mut Vec<String>) {
    for sub in command.get_subcommands() {
        names.push(sub.get_name().to_owned());
        command_names(sub, names);
    }
}

/// `command` with one rule for every option, wherever it is defined: a
/// value named as in [`NOTHING_TO_COMPLETE`] completes nothing, unless the
/// option already says what it takes.
fn hinted(command: Command) -> Command {
    command.mut_args(hint).mut_subcommands(hinted)
}

fn hint(arg: Arg) -> Arg {
    let guessless = arg.get_value_names().is_some_and(|names| {
        names
            .iter()
            .any(|name| NOTHING_TO_COMPLETE.contains(&name.as_str()))
    });
    if guessless && arg.get_value_hint() == ValueHint::Unknown {
        arg.value_hint(ValueHint::Other)
    } else {
        arg
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find<'a>(command: &'a Command, path: &[&str], arg: &str) -> &'a Arg {
        let mut at = command;
        for name in path {
            at = at.find_subcommand(name).unwrap();
        }
        at.get_arguments().find(|a| a.get_id() == arg).unwrap()
    }

    #[test]
    fn man_completes_command_names() {
        let command = with_hints(Cli::command());
        let words: Vec<String> = find(&command, &["man"], "command")
            .get_possible_values()
            .iter()
            .map(|value| value.get_name().to_owned())
            .collect();
        for expected in ["users", "import", "throttle", "serve", "blocklist"] {
            assert!(
                words.iter().any(|w| w == expected),
                "{expected} in {words:?}"
            );
        }
    }

    #[test]
    fn numbers_and_durations_complete_nothing_and_files_complete_paths() {
        let command = with_hints(Cli::command());
        for (path, arg) in [
            (&[][..], "bcrypt_cost"),
            (&[][..], "session_ttl"),
            (&["serve"][..], "max_connections"),
            (&["sessions", "revoke"][..], "id"),
        ] {
            assert_eq!(
                find(&command, path, arg).get_value_hint(),
                ValueHint::Other,
                "{arg}"
            );
        }
        for (path, arg) in [
            (&["users", "import"][..], "file"),
            (&["users", "export"][..], "output"),
        ] {
            assert_eq!(
                find(&command, path, arg).get_value_hint(),
                ValueHint::FilePath,
                "{arg}"
            );
        }
    }
}
