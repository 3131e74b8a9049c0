//! authctl: a user-authentication service and the shell tool to run it.
//!
//! Layers depend one way: [`domain`] ← [`store`] ← [`auth`] ← [`cli`] and
//! [`server`]. Only `store` holds SQL; the front ends use `auth` alone.
#![deny(missing_docs)]

pub mod auth;
pub mod cli;
pub mod domain;
pub mod server;
pub mod store;
