//! The `authctl` binary, run for real against database files in temporary
//! folders, with a cleared environment.

mod account;
mod blocklist;
mod completions;
mod doctor;
mod failures;
mod foreign_database;
mod help;
mod import;
mod man;
mod missing_database;
mod passwords;
mod postgres;
mod postgres_tls;
mod prompts;
mod sessions_and_admin;
mod telling;
mod throttle;
