//! The real `authctl serve` process: started as a user would start it, on
//! 127.0.0.1:0, stopped with signals, sharing its database with CLI runs.
//! The in-process server tests are in `server`; these cover what only the
//! binary does (the listening line, signals, logging set-up, separate
//! processes on one file).

// The CLI tests' `Env` (a temporary HOME, database and cleared environment)
// sets up both kinds of process, so they share one database and settings.
pub(crate) use crate::cli::support as cli_support;
pub(crate) mod support;

mod hostile;
mod lifecycle;
mod logs;
mod shared_db;
