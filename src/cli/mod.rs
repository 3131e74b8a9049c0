//! The `authctl` command line over [`crate::auth`].
