//! The one integration-test binary: one module per area of the product, so
//! the suite links once.
// A broken fixture or a failed expectation panics: in a test that is
// the failure to report, not a bug to handle.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

/// Turns each listed `async fn(Backend)` into one `#[tokio::test]` per
/// backend: `<module>::sqlite::<test>` and `<module>::postgres::<test>`,
/// the latter said skipped when there is no PostgreSQL test server (and
/// failed so under `AUTHCTL_TESTS_NO_SKIP`).
macro_rules! backend_tests {
    ($($test:ident),+ $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $test() {
                    super::$test($crate::support::db::Backend::Sqlite).await;
                }
            )+
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $test() {
                    if $crate::support::pg::server_url().is_some() {
                        super::$test($crate::support::db::Backend::Postgres).await;
                    }
                }
            )+
        }
    };
}

mod cli;
mod core;
mod faults;
mod serve_binary;
mod server;
mod support;
