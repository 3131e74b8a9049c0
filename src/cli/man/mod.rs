//! `authctl man`: roff man pages for every command.

mod after_help;
mod pages;

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::{Args, ValueHint};
use serde::Serialize;

use super::CliError;
use super::output::Output;

/// `authctl man [COMMAND]...` or `authctl man --out-dir DIR`
#[derive(Args)]
#[command(after_help = "\
The repository's man/ folder holds the same pages, generated. Pages are
named the conventional way: authctl-users-import.1 for `authctl users import`.

Examples:
  authctl man | man -l -                         # read authctl(1)
  authctl man users import | man -l -
  authctl man --out-dir ~/.local/share/man/man1  # then: man authctl-users-list")]
pub(crate) struct ManArgs {
    /// The command whose page to print, e.g. `users import` [default: authctl itself]
    #[arg(value_name = "COMMAND", conflicts_with = "out_dir")]
    command: Vec<String>,

    /// Write every command's page into DIR (created if missing) rather than print one
    #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath)]
    out_dir: Option<PathBuf>,
}

#[derive(Serialize)]
struct Written {
    out_dir: String,
    pages: Vec<String>,
}

impl ManArgs {
    /// Prints a page whatever `--json` says, as `completions` prints its
    /// script: the page is the result.
    pub(crate) fn run(&self, out: &Output) -> Result<(), CliError> {
        match &self.out_dir {
            Some(dir) => write_all(dir, out),
            None => print(&self.command),
        }
    }
}

fn print(path: &[String]) -> Result<(), CliError> {
    let page = pages::all()
        .into_iter()
        .find(|page| page.path == path)
        .ok_or_else(|| {
            CliError::Usage(format!(
                "no command `authctl {}` to show a page for; `authctl --help` lists them",
                path.join(" ")
            ))
        })?;
    let text = page
        .render()
        .map_err(|e| CliError::io("cannot render the man page", e))?;
    let mut stdout = io::stdout().lock();
    stdout
        .write_all(&text)
        .and_then(|()| stdout.flush())
        .map_err(|e| CliError::io("cannot write to stdout", e))
}

fn write_all(dir: &Path, out: &Output) -> Result<(), CliError> {
    let shown = dir.display();
    fs::create_dir_all(dir).map_err(|e| CliError::io(format!("cannot create {shown}"), e))?;
    let mut written = Vec::new();
    for page in pages::all() {
        let name = page.file_name();
        let text = page
            .render()
            .map_err(|e| CliError::io(format!("cannot render {name}"), e))?;
        fs::write(dir.join(&name), text)
            .map_err(|e| CliError::io(format!("cannot write {shown}/{name}"), e))?;
        written.push(name);
    }
    let note = format!("wrote {} man pages to {shown}", written.len());
    out.done(
        &Written {
            out_dir: dir.to_string_lossy().into_owned(),
            pages: written,
        },
        note,
    )
}
