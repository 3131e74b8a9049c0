//! The one integration-test binary: each area is a module, so the suite
//! links once.

mod core;
