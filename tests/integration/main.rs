//! The one integration-test binary: one module per area of the product, so
//! the suite links once.

mod cli;
mod core;
mod faults;
mod serve_binary;
mod server;
