use std::net::SocketAddr;

use clap::Args;

use super::CliError;
use super::context::Context;
use crate::server::{ServeConfig, serve};

/// `authctl serve`
#[derive(Args)]
#[command(after_help = "\
Serves the Flask service's routes (GET /, POST /users, POST and DELETE
/sessions, GET /profile, POST and PUT /reset_password) until SIGINT or
SIGTERM. It shares the database safely with other authctl commands.

Examples:
  authctl serve
  authctl serve --bind 0.0.0.0:5000 --secure-cookie
  authctl serve --reset-hook '/usr/local/bin/mail-reset-token'")]
pub(crate) struct ServeArgs {
    /// Address and port to listen on (port 0 picks a free one)
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:5000")]
    bind: SocketAddr,
    /// Command that receives the email and reset token on stdin, instead of
    /// the HTTP response carrying the token
    #[arg(long, value_name = "CMD")]
    reset_hook: Option<String>,
    /// Mark the session cookie Secure (serve behind HTTPS)
    #[arg(long)]
    secure_cookie: bool,
}

impl ServeArgs {
    pub(crate) fn run(&self, ctx: &Context) -> Result<(), CliError> {
        let auth = ctx.open()?;
        let config = ServeConfig {
            bind: self.bind,
            reset_hook: self.reset_hook.clone(),
            secure_cookie: self.secure_cookie,
            ..ServeConfig::default()
        };
        Ok(serve(auth, config)?)
    }
}
