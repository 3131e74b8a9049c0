//! authctl: a user-authentication service and the shell tool to run it.
//!
//! Layers depend one way: [`domain`] ← [`store`] ← [`auth`] ← [`cli`] and
//! [`server`]. Only `store` holds SQL; the front ends use `auth` alone.
#![deny(missing_docs)]
// Library code reports failures as errors; tests may unwrap.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::todo,
        clippy::unimplemented
    )
)]

pub mod auth;
pub mod cli;
pub mod domain;
pub mod server;
pub mod store;
