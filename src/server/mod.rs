//! `authctl serve`: the Flask service's HTTP routes over [`crate::auth`].

use std::net::{Ipv4Addr, SocketAddr};

use thiserror::Error;

use crate::auth::Auth;

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

impl Default for ServeConfig {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from((Ipv4Addr::LOCALHOST, 5000)),
            reset_hook: None,
            secure_cookie: false,
        }
    }
}

/// Why the server could not start or stopped abnormally.
#[derive(Debug, Error)]
pub enum ServerError {
    /// The HTTP server is not part of this build yet.
    #[error("the HTTP server is not available yet")]
    Unavailable,
}

/// Serves until SIGINT or SIGTERM.
pub fn serve(_auth: Auth, _config: ServeConfig) -> Result<(), ServerError> {
    Err(ServerError::Unavailable)
}
