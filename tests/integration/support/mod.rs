//! What the areas of the suite share, one file per responsibility:
//! databases and fixtures (`db`), bounded waits (`wait`), the real binary
//! (`cli`), a Prometheus scrape read strictly (`metrics`), the server in
//! process with its reqwest client (`server`), `authctl serve` as a child
//! process (`binary_server`), the raw-socket HTTP client that talks to it
//! (`raw_http`), the private namespaces some tests need, skipped where
//! there are none (`namespace`), and databases of their own on the
//! PostgreSQL test server (`pg`).

pub mod binary_server;
pub mod cli;
pub mod db;
pub mod metrics;
pub mod namespace;
pub mod pg;
pub mod raw_http;
pub mod server;
pub mod wait;

/// A password every policy of the suite accepts.
pub const PASSWORD: &str = "correct horse battery";

/// Whether `token` is written as a uuid v4, as every session id and reset
/// token is issued.
pub fn uuid_v4_shaped(token: &str) -> bool {
    let groups: Vec<usize> = token.split('-').map(str::len).collect();
    groups == [8, 4, 4, 4, 12]
        && token.chars().all(|c| c == '-' || c.is_ascii_hexdigit())
        && token.as_bytes()[14] == b'4'
}

/// The `session_id` cookie among a response's `Set-Cookie` values.
pub fn session_cookie_in<'a>(set_cookies: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    set_cookies
        .into_iter()
        .find(|value| value.starts_with("session_id="))
}

/// The value part of a `Set-Cookie` header.
pub fn cookie_value(set_cookie: &str) -> Option<String> {
    let pair = set_cookie.split(';').next()?;
    let (_, value) = pair.split_once('=')?;
    Some(value.to_owned())
}
