//! The contract every storage backend must keep: each test here is a
//! `fn(&TestDb)` that reaches the database only through the `Database` and
//! the `Auth` instances its `TestDb` hands out (no file path, no driver), and
//! runs once per backend as `<file>::<backend>::<test>`.

/// Turns each listed contract test into one `#[test]` per backend, each on
/// a fresh database of that backend. Adding a backend is one line in the
/// first rule. A contract test missing from its file's list is never called,
/// and the compiler reports it as dead code (an error under clippy's
/// `-D warnings`), so none is skipped in silence.
macro_rules! contract_tests {
    ($($test:ident),+ $(,)?) => {
        contract_tests!(@on sqlite = Sqlite: $($test),+);
        contract_tests!(@on postgres = Postgres: $($test),+);
    };
    (@on $module:ident = $backend:ident: $($test:ident),+) => {
        mod $module {
            $(
                #[test]
                fn $test() {
                    // None: no server for this backend, said on stderr.
                    if let Some(db) = $crate::support::db::Backend::$backend.try_fresh() {
                        super::$test(&db);
                    }
                }
            )+
        }
    };
}

mod admin;
mod blocklist;
mod concurrency;
mod emails;
mod expiry;
mod flask_flow;
mod inspection;
mod limits;
mod opening;
mod passwords;
