use std::io::{self, Write};

use clap::{Args, CommandFactory};
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
        generate(self.shell, &mut Cli::command(), "authctl", &mut stdout);
        stdout
            .flush()
            .map_err(|e| CliError::io("cannot write to stdout", e))
    }
}
