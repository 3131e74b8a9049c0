//! The one integration-test binary; each front end is a module.

mod server;
