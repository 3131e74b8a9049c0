//! The one integration-test binary: one module per area of the product, so
//! the suite links once.
// A broken fixture or a failed expectation panics: in a test that is
// the failure to report, not a bug to handle.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

/// Turns each listed `async fn(Backend)` into one test per backend (a
/// `#[tokio::test]`, or the test attribute given first):
/// `<module>::sqlite::<test>` and `<module>::postgres::<test>`, the latter
/// said skipped when there is no PostgreSQL test server (and failed so
/// under `AUTHCTL_TESTS_NO_SKIP`).
macro_rules! backend_tests {
    (#[$attr:meta] $($test:ident),+ $(,)?) => {
        mod sqlite {
            $(
                #[$attr]
                async fn $test() {
                    super::$test($crate::support::db::Backend::Sqlite).await;
                }
            )+
        }
        mod postgres {
            $(
                #[$attr]
                async fn $test() {
                    if $crate::support::pg::server_url().is_some() {
                        super::$test($crate::support::db::Backend::Postgres).await;
                    }
                }
            )+
        }
    };
    ($($test:ident),+ $(,)?) => {
        backend_tests!(#[tokio::test] $($test),+);
    };
}

/// Turns each listed `fn(Env)` (a command-line test) into one `#[test]`
/// per backend, as [`backend_tests`] does: its `Env` on a SQLite file, or
/// on a PostgreSQL database of its own.
macro_rules! env_tests {
    ($($test:ident),+ $(,)?) => {
        mod sqlite {
            $(
                #[test]
                fn $test() {
                    super::$test($crate::support::cli::Env::new());
                }
            )+
        }
        mod postgres {
            $(
                #[test]
                fn $test() {
                    if let Some(env) = $crate::support::cli::Env::on_postgres() {
                        super::$test(env);
                    }
                }
            )+
        }
    };
}

mod audit;
mod cli;
mod core;
mod faults;
mod serve_binary;
mod server;
mod support;
