//! The one integration-test binary: one module per area of the product, so
//! the suite links once.
// A broken fixture or a failed expectation panics: in a test that is
// the failure to report, not a bug to handle.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod audit;
mod cli;
mod core;
mod faults;
mod serve_binary;
mod server;
mod support;
