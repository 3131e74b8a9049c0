//! `authctl blocklist ...`: the operator's list of passwords nobody may
//! choose, kept in the database so that every process sharing it refuses
//! the same ones.

mod words_file;

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueHint};
use serde::Serialize;

use super::CliError;
use super::context::Context;
use super::input::read_file_or_stdin;
use crate::domain::BlockedWord;

/// The `blocklist` subcommands.
#[derive(Subcommand)]
pub(crate) enum BlocklistCommand {
    /// Add the words of a file, one a line, to the database's blocklist
    #[command(after_help = "\
Each line is one word: surrounding spaces are ignored, blank lines and
lines starting with # are skipped. Words are stored lowercased and in
Unicode NFC, as new passwords are compared. A line that is not UTF-8 or a
word over 72 bytes (no password can be longer) is reported by line number,
and then nothing is added. Words listed already are counted, not added
twice. Creates the database if it does not exist.

Examples:
  authctl blocklist import company-words.txt
  printf '%s\\n' acme2024 'acme rocks' | authctl blocklist import -
  authctl --db old.db blocklist list | authctl --db new.db blocklist import -")]
    Import(ImportArgs),
    /// Print the database's blocklist, one word a line
    #[command(after_help = "\
Examples:
  authctl blocklist list
  authctl --json blocklist list | jq -r '.[]'")]
    List,
    /// Take words off the database's blocklist, all or none
    #[command(after_help = "\
Words are compared as they are stored (lowercased, NFC). If any word named
is not on the list, nothing is removed and the command exits 3 naming it,
so a mistyped word never passes for done; --ignore-missing removes the
listed ones and exits 0. Passwords already set are not affected either way.

Examples:
  authctl blocklist remove acme2024
  authctl blocklist remove --ignore-missing acme2023 acme2024")]
    Remove(RemoveArgs),
    /// Print how many words the database's blocklist holds
    #[command(after_help = "\
The built-in list of common passwords is not counted: it is part of the
binary, not of the database.

Example:
  authctl blocklist count")]
    Count,
}

/// `authctl blocklist import FILE|-`
#[derive(Args)]
pub(crate) struct ImportArgs {
    /// The file to read, or - for stdin
    #[arg(value_name = "FILE|-", value_hint = ValueHint::FilePath)]
    file: PathBuf,
}

/// `authctl blocklist remove WORD...`
#[derive(Args)]
pub(crate) struct RemoveArgs {
    /// Words to take off the list
    #[arg(value_name = "WORD", required = true)]
    words: Vec<String>,
    /// Remove the words that are listed and ignore the others
    #[arg(long)]
    ignore_missing: bool,
}

#[derive(Serialize)]
struct Imported {
    added: u64,
    already_listed: u64,
}

#[derive(Serialize)]
struct Removed {
    removed: Vec<String>,
    not_listed: Vec<String>,
}

#[derive(Serialize)]
struct Count {
    count: u64,
}

impl BlocklistCommand {
    pub(crate) fn run(&self, ctx: &Context) -> Result<(), CliError> {
        match self {
            Self::Import(args) => import(args, ctx),
            Self::List => list(ctx),
            Self::Remove(args) => remove(args, ctx),
            Self::Count => count(ctx),
        }
    }
}

fn import(args: &ImportArgs, ctx: &Context) -> Result<(), CliError> {
    let input = read_file_or_stdin(&args.file)?;
    let words = words_file::parse(&input).map_err(CliError::InvalidRows)?;
    let blocked = ctx.open()?.block_passwords(&ctx.caller, &words)?;
    let view = Imported {
        added: blocked.added,
        already_listed: blocked.already_listed,
    };
    ctx.out.done(
        &view,
        format_args!(
            "{} added, {} already listed",
            words_count(blocked.added),
            blocked.already_listed
        ),
    )
}

fn list(ctx: &Context) -> Result<(), CliError> {
    let words = ctx.list_if_exists(|auth| auth.blocked_passwords())?;
    if ctx.out.is_json() {
        return ctx.out.document(&texts(&words));
    }
    if words.is_empty() {
        ctx.note_empty("the blocklist is empty");
        return Ok(());
    }
    let lines: Vec<String> = words.iter().map(ToString::to_string).collect();
    ctx.out.line(lines.join("\n"))
}

fn remove(args: &RemoveArgs, ctx: &Context) -> Result<(), CliError> {
    let words = args
        .words
        .iter()
        .map(|word| BlockedWord::parse(word))
        .collect::<Result<Vec<_>, _>>()?;
    let unblocked =
        ctx.open_existing()?
            .unblock_passwords(&ctx.caller, &words, args.ignore_missing)?;
    let mut note = format!("{} removed", words_count(unblocked.removed.len() as u64));
    if !unblocked.not_listed.is_empty() {
        let missing: Vec<String> = unblocked
            .not_listed
            .iter()
            .map(ToString::to_string)
            .collect();
        note.push_str(&format!("; not listed: {}", missing.join(", ")));
    }
    let view = Removed {
        removed: texts(&unblocked.removed),
        not_listed: texts(&unblocked.not_listed),
    };
    ctx.out.done(&view, note)
}

fn count(ctx: &Context) -> Result<(), CliError> {
    let count = match ctx.open_if_exists()? {
        Some(auth) => auth.count_blocked_passwords()?,
        None => {
            ctx.out.note(format_args!(
                "no database at {} yet (register or users import creates it)",
                ctx.database()?
            ));
            0
        }
    };
    ctx.out.result(&Count { count }, count)
}

fn texts(words: &[BlockedWord]) -> Vec<String> {
    words.iter().map(|word| word.as_str().to_owned()).collect()
}

fn words_count(n: u64) -> String {
    if n == 1 {
        "1 word".to_owned()
    } else {
        format!("{n} words")
    }
}
