//! `authctl users ...`: the operator's view of accounts.

mod export;
mod file_format;
mod import;
mod list;
mod manage;
mod set_password;

use clap::Subcommand;

use super::CliError;
use super::context::Context;
use export::ExportArgs;
use import::ImportArgs;
use list::ListArgs;
use manage::{DeleteArgs, EmailArg};
use set_password::SetPasswordArgs;

use super::register::RegisterArgs;

/// The `users` subcommands.
#[derive(Subcommand)]
pub(crate) enum UsersCommand {
    /// Create a user (the same as `authctl register`)
    #[command(after_help = "\
Examples:
  authctl users create alice@example.com            # prompts twice
  printf '%s\\n' \"$PW\" | authctl users create alice@example.com --password-stdin")]
    Create(RegisterArgs),
    /// Show users as a table (id, email, sessions, created, status)
    List(ListArgs),
    /// Show one user
    #[command(after_help = "Example:\n  authctl users show alice@example.com")]
    Show(EmailArg),
    /// Delete a user with its sessions (asks first on a terminal)
    Delete(DeleteArgs),
    /// Stop a user from logging in or resetting, and end its sessions
    #[command(after_help = "Example:\n  authctl users disable alice@example.com")]
    Disable(EmailArg),
    /// Let a disabled user log in again
    #[command(after_help = "Example:\n  authctl users enable alice@example.com")]
    Enable(EmailArg),
    /// Set a user's password as an operator; ends its sessions
    SetPassword(SetPasswordArgs),
    /// Release a user locked (or made to wait) after failed logins
    #[command(after_help = "\
A lock comes after 100 consecutive failed logins (--login-lock-after) and
lasts until this command or a completed password reset. `users show` tells
whether a user is locked.

Example:
  authctl users unlock alice@example.com")]
    Unlock(EmailArg),
    /// Create many users from a CSV or JSONL file, all or nothing
    Import(ImportArgs),
    /// Write every user with its password hash, in the format import reads
    Export(ExportArgs),
}

impl UsersCommand {
    pub(crate) fn run(&self, ctx: &Context) -> Result<(), CliError> {
        match self {
            Self::Create(args) => args.run(ctx),
            Self::SetPassword(args) => args.run(ctx),
            Self::List(args) => args.run(ctx),
            Self::Show(args) => manage::show(args, ctx),
            Self::Delete(args) => args.run(ctx),
            Self::Disable(args) => manage::set_disabled(args, ctx, true),
            Self::Enable(args) => manage::set_disabled(args, ctx, false),
            Self::Unlock(args) => manage::unlock(args, ctx),
            Self::Import(args) => args.run(ctx),
            Self::Export(args) => args.run(ctx),
        }
    }
}
