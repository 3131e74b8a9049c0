//! `authctl serve`: the Flask service's HTTP routes over [`crate::auth`].

use std::net::SocketAddr;

/// How `serve` listens and answers.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// Address to listen on; port 0 picks a free port.
    pub bind: SocketAddr,
    /// A command that receives reset tokens on stdin instead of the HTTP
    /// response carrying them.
    pub reset_hook: Option<String>,
    /// Add `Secure` to the session cookie.
    pub secure_cookie: bool,
}
