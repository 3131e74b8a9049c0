//! authctl: a user-authentication service and the shell tool to run it.
//!
//! Layers depend one way: [`domain`] ← storage ← [`auth`] ← [`cli`] and
//! [`server`]. Storage is a private module of `auth`, so the front ends
//! can reach it only through `auth`'s public API; only storage holds SQL.
pub mod auth;
pub mod cli;
pub mod domain;
pub mod logging;
pub mod server;
