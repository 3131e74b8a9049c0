//! The `authctl` command line over [`crate::auth`].
//!
//! One file per command or command group holds its clap definition and
//! what it does; the shared parts are the context (global options, the
//! database), prompts, the saved-session file and output. Results go to
//! stdout, notes for a person and errors to stderr; [`CliError::exit_code`]
//! is the exit-code table.

mod args;
mod audit;
mod blocklist;
mod completions;
mod context;
mod doctor;
mod error;
mod input;
mod login;
mod logout;
mod man;
mod output;
mod prompt;
mod register;
mod reset_password;
mod serve;
mod session_file;
mod sessions;
mod throttle;
mod users;
mod whoami;

pub use args::Cli;
use args::Command;
use context::Context;
pub use error::{CliError, report_usage_error};

impl Cli {
    /// Whether errors should be reported as JSON.
    pub fn json(&self) -> bool {
        self.global.json
    }

    /// Runs the parsed command.
    pub fn run(self) -> Result<(), CliError> {
        let ctx = Context::new(self.global);
        match &self.command {
            Command::Register(args) => args.run(&ctx),
            Command::Login(args) => args.run(&ctx),
            Command::Whoami(args) => args.run(&ctx),
            Command::Logout(args) => args.run(&ctx),
            Command::ResetPassword(args) => args.run(&ctx),
            Command::Users(command) => command.run(&ctx),
            Command::Sessions(command) => command.run(&ctx),
            Command::Throttle(command) => command.run(&ctx),
            Command::Blocklist(command) => command.run(&ctx),
            Command::Audit(args) => args.run(&ctx),
            Command::Doctor(args) => args.run(&ctx),
            Command::Completions(args) => args.run(),
            Command::Man(args) => args.run(&ctx.out),
            Command::Serve(args) => args.run(&ctx),
        }
    }
}
