use std::fmt;
use std::net::{IpAddr, SocketAddr, ToSocketAddrs};

use clap::Args;
use ipnet::IpNet;

use super::CliError;
use super::args::parse_ttl;
use super::context::Context;
use crate::auth::Throttling;
use crate::logging::LogFormat;
use crate::server::{
    DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_CONNECTIONS, SERVER_DATABASE_LANES, SQLITE_DATABASE_LANES,
    ServeConfig, serve,
};

/// `authctl serve`
#[derive(Args)]
#[command(after_help = "\
Serves the Flask service's routes (GET /, POST /users, POST and DELETE
/sessions, GET /profile, POST and PUT /reset_password) until SIGINT or
SIGTERM. It shares the database safely with other authctl commands.

Without --reset-hook, POST /reset_password answers with the reset token
itself, as the Flask service does: anyone who can reach the server can take
over any account with two requests. So on an address other than loopback,
serve refuses to start without --reset-hook, unless
--insecure-reset-tokens-over-http says the risk is accepted.

Logins are throttled per account, per client and per known device, with
the state in the database, so every server and CLI on it shares the counts
(README, \"Brute-force defence\"). Behind a reverse proxy, name it with
--trusted-proxy, or every client counts as the proxy.

For an orchestrator, GET /healthz answers 200 while the process serves, and
GET /readyz while the database answers within a second with this version's
schema (else 503). --metrics-bind serves Prometheus metrics on a port of
their own.

Examples:
  authctl serve
  authctl serve --bind localhost:8080
  authctl serve --bind 0.0.0.0:5000 --secure-cookie --reset-hook '/usr/local/bin/mail-reset-token'
  authctl serve --trusted-proxy 127.0.0.1 --reset-hook /usr/local/bin/mail-reset-token
  authctl serve --metrics-bind 127.0.0.1:9464 --log-format json")]
pub(crate) struct ServeArgs {
    /// Address or host name, and port, to listen on (port 0 picks a free
    /// one); a name is served on every address it resolves to
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:5000", value_parser = parse_bind)]
    bind: Bind,
    /// Command that receives the email and reset token on stdin, instead of
    /// the HTTP response carrying the token
    #[arg(long, value_name = "CMD")]
    reset_hook: Option<String>,
    /// Mark the session cookie Secure (serve behind HTTPS)
    #[arg(long)]
    secure_cookie: bool,
    /// Close a connection that has not sent a complete request head this
    /// long after connecting or after its last answer (slow or idle clients)
    #[arg(long, value_name = "DURATION", default_value_t = DEFAULT_IDLE_TIMEOUT.into(), value_parser = parse_ttl)]
    idle_timeout: humantime::Duration,
    /// Most connections open at once (lowered to fit the file limit); at the
    /// cap a new client replaces the longest-idle connection
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_CONNECTIONS, value_parser = clap::value_parser!(u32).range(1..))]
    max_connections: u32,
    /// A site (scheme://host[:port]) whose pages may log users in and out
    /// through a browser, besides this server's own; repeatable
    #[arg(long, value_name = "ORIGIN", value_parser = parse_origin)]
    trusted_origin: Vec<String>,
    /// Return reset tokens in HTTP responses even on a non-loopback address
    /// without --reset-hook: lets anyone who reaches the server take over
    /// any account
    #[arg(long, conflicts_with = "reset_hook")]
    insecure_reset_tokens_over_http: bool,
    /// Serve Prometheus metrics (GET /metrics) on this IP:PORT, a listener
    /// apart from --bind; off without it
    #[arg(long, value_name = "ADDR", value_parser = parse_metrics_bind)]
    metrics_bind: Option<SocketAddr>,
    /// A reverse proxy (address or CIDR) whose X-Forwarded-For names the
    /// client; repeatable. Without it the header is ignored
    #[arg(long, value_name = "CIDR", value_parser = parse_proxy, help_heading = "Brute-force defence")]
    trusted_proxy: Vec<IpNet>,
    /// Failed logins and reset-token uses from one client (IPv4 address,
    /// IPv6 /64) within --client-window that block it
    #[arg(long, value_name = "N", default_value_t = Throttling::default().client_max_failures,
        value_parser = clap::value_parser!(u32).range(1..), help_heading = "Brute-force defence")]
    client_max_failures: u32,
    /// The window a client's failures are counted in
    #[arg(long, value_name = "DURATION", default_value = "10m",
        value_parser = parse_ttl, help_heading = "Brute-force defence")]
    client_window: humantime::Duration,
    /// How long a client stays blocked
    #[arg(long, value_name = "DURATION", default_value = "15m",
        value_parser = parse_ttl, help_heading = "Brute-force defence")]
    client_block: humantime::Duration,
    /// Failures with one device cookie after which it no longer exempts its
    /// user's logins from the account throttle
    #[arg(long, value_name = "N", default_value_t = Throttling::default().device_max_failures,
        value_parser = clap::value_parser!(u32).range(1..), help_heading = "Brute-force defence")]
    device_max_failures: u32,
    /// How long a device cookie lasts
    #[arg(long, value_name = "DURATION", default_value = "365d",
        value_parser = parse_ttl, help_heading = "Brute-force defence")]
    device_ttl: humantime::Duration,
    /// Known devices kept per user; a login from a new one forgets the oldest
    #[arg(long, value_name = "N", default_value_t = Throttling::default().devices_per_user,
        value_parser = clap::value_parser!(u32).range(1..), help_heading = "Brute-force defence")]
    devices_per_user: u32,
    /// Most POST /reset_password per account per hour (each may run the
    /// reset hook)
    #[arg(long, value_name = "N", default_value_t = Throttling::default().reset_requests,
        value_parser = clap::value_parser!(u32).range(1..), help_heading = "Brute-force defence")]
    reset_requests_per_hour: u32,
}

impl ServeArgs {
    pub(crate) fn run(&self, ctx: &Context) -> Result<(), CliError> {
        let addrs = self.bind.resolve()?;
        // Every address counts: a name that resolves to loopback and to a
        // public address would serve tokens on the public one.
        let exposed = addrs
            .iter()
            .find(|addr| !addr.ip().to_canonical().is_loopback());
        if let Some(exposed) = exposed
            && self.reset_hook.is_none()
            && !self.insecure_reset_tokens_over_http
        {
            let name = match &self.bind {
                Bind::Name { .. } => format!(" (--bind {})", self.bind),
                Bind::Address(_) => String::new(),
            };
            return Err(CliError::Usage(format!(
                "refusing to serve on {exposed}{name}: without --reset-hook, POST \
                 /reset_password returns reset tokens to whoever asks, so anyone who can \
                 reach the server can take over any account; give --reset-hook CMD to \
                 deliver tokens another way, or --insecure-reset-tokens-over-http to accept \
                 the risk"
            )));
        }
        let log_format = ctx.log_format().unwrap_or_default();
        // In JSON every line on stderr is a log line, the notes below
        // included, so the logger starts before them rather than once the
        // sockets are bound; it flushes when the guard goes, after the
        // server.
        let _log_writer = match log_format {
            LogFormat::Text => None,
            LogFormat::Json => crate::logging::init_for_server(log_format),
        };
        let mut policy = ctx.policy();
        policy.throttling = self.throttling(policy.throttling);
        let auth = ctx.open_with(policy)?;
        // Which file the service runs on, before anything else is said:
        // the default path, or a mistyped --db, shows here.
        ctx.out
            .note(format_args!("serving the database at {}", ctx.database()?));
        let config = ServeConfig {
            bind: addrs,
            reset_hook: self.reset_hook.clone(),
            secure_cookie: self.secure_cookie,
            trusted_origins: self.trusted_origin.clone(),
            trusted_proxies: self.trusted_proxy.clone(),
            idle_timeout: self.idle_timeout.into(),
            max_connections: self.max_connections as usize,
            metrics_bind: self.metrics_bind,
            log_format,
            database_lanes: if ctx.database()?.is_server() {
                SERVER_DATABASE_LANES
            } else {
                SQLITE_DATABASE_LANES
            },
            ..ServeConfig::default()
        };
        Ok(serve(auth, config)?)
    }
}

impl ServeArgs {
    /// `global` (the account throttle of the global options) with this
    /// command's client, device and reset-request settings.
    fn throttling(&self, global: Throttling) -> Throttling {
        Throttling {
            client_max_failures: self.client_max_failures,
            client_window: self.client_window.into(),
            client_block: self.client_block.into(),
            device_max_failures: self.device_max_failures,
            device_ttl: self.device_ttl.into(),
            devices_per_user: self.devices_per_user,
            reset_requests: self.reset_requests_per_hour,
            ..global
        }
    }
}

/// `--bind`: an address, or a host name resolved when serve starts.
#[derive(Debug, Clone)]
enum Bind {
    Address(SocketAddr),
    Name { host: String, port: u16 },
}

impl Bind {
    /// The addresses to listen on, in the resolver's order, each once. A
    /// name that does not resolve is a usage error naming it: the remedy is
    /// another `--bind`.
    fn resolve(&self) -> Result<Vec<SocketAddr>, CliError> {
        let (host, port) = match self {
            Self::Address(addr) => return Ok(vec![*addr]),
            Self::Name { host, port } => (host.as_str(), *port),
        };
        let resolved = (host, port).to_socket_addrs().map_err(|error| {
            CliError::Usage(format!(
                "cannot resolve host `{host}` (--bind {self}): {error}"
            ))
        })?;
        let mut addrs: Vec<SocketAddr> = Vec::new();
        for addr in resolved {
            if !addrs.contains(&addr) {
                addrs.push(addr);
            }
        }
        if addrs.is_empty() {
            return Err(CliError::Usage(format!(
                "host `{host}` (--bind {self}) has no address"
            )));
        }
        Ok(addrs)
    }
}

impl fmt::Display for Bind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Address(addr) => write!(f, "{addr}"),
            Self::Name { host, port } => write!(f, "{host}:{port}"),
        }
    }
}

/// `127.0.0.1:5000`, `[::1]:5000` or `localhost:5000`. Only the form is
/// checked here; the name is resolved by `serve` itself, so that parsing
/// the command line never waits on DNS.
fn parse_bind(raw: &str) -> Result<Bind, String> {
    let raw = raw.trim();
    if let Ok(addr) = raw.parse::<SocketAddr>() {
        return Ok(Bind::Address(addr));
    }
    let Some((host, port)) = raw.rsplit_once(':') else {
        return Err("expected HOST:PORT, such as 127.0.0.1:5000 or localhost:5000".to_owned());
    };
    if host.starts_with('[') {
        return Err(format!("`{host}` is not an IPv6 address in brackets"));
    }
    if host.contains(':') {
        return Err("an IPv6 address goes in brackets: [::1]:5000".to_owned());
    }
    if host.is_empty() || host.contains(char::is_whitespace) {
        return Err("expected HOST:PORT, such as 127.0.0.1:5000 or localhost:5000".to_owned());
    }
    let port = port
        .parse()
        .map_err(|_| format!("`{port}` is not a port (0 to 65535)"))?;
    Ok(Bind::Name {
        host: host.to_owned(),
        port,
    })
}

/// `--metrics-bind`: an IP address and a port, no host name (a scrape
/// target is configured by address anyway).
fn parse_metrics_bind(raw: &str) -> Result<SocketAddr, String> {
    raw.trim().parse().map_err(|_| {
        "expected IP:PORT, such as 127.0.0.1:9464 or [::1]:9464 (port 0 picks a free one)"
            .to_owned()
    })
}

/// A proxy as `10.0.0.0/8`, or one address (`10.0.0.1`, `::1`).
fn parse_proxy(raw: &str) -> Result<IpNet, String> {
    let raw = raw.trim();
    raw.parse::<IpNet>()
        .or_else(|_| raw.parse::<IpAddr>().map(IpNet::from))
        .map_err(|_| "a proxy is an address (10.0.0.1) or a network (10.0.0.0/8)".to_owned())
}

/// An origin as browsers send it: `http://` or `https://`, a host, an
/// optional port, nothing after.
fn parse_origin(raw: &str) -> Result<String, String> {
    let origin = raw.trim().trim_end_matches('/');
    let host = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))
        .ok_or("an origin starts with http:// or https://")?;
    if host.is_empty() || host.contains(['/', '?', '#', '@']) || host.contains(char::is_whitespace)
    {
        return Err("an origin is scheme://host[:port], with no path".to_owned());
    }
    Ok(origin.to_owned())
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;
    use crate::cli::Cli;
    use crate::cli::args::Command;

    /// The defaults clap shows are written as text; they must be the
    /// library's.
    #[test]
    fn the_serve_throttle_defaults_are_the_librarys() {
        let cli = Cli::parse_from(["authctl", "serve"]);
        let Command::Serve(args) = cli.command else {
            panic!("not serve");
        };
        let defaults = Throttling::default();
        assert_eq!(args.throttling(defaults), defaults);
    }

    #[test]
    fn a_bind_is_an_address_or_a_host_name_with_a_port() {
        let parsed =
            |raw| parse_bind(raw).map(|bind| (bind.to_string(), matches!(bind, Bind::Name { .. })));
        assert_eq!(parsed("127.0.0.1:0"), Ok(("127.0.0.1:0".to_owned(), false)));
        assert_eq!(parsed("[::1]:5000"), Ok(("[::1]:5000".to_owned(), false)));
        assert_eq!(
            parsed("localhost:5000"),
            Ok(("localhost:5000".to_owned(), true))
        );
        for wrong in [
            "localhost",
            ":5000",
            "::1:5000",
            "[::x]:5000",
            "host:port",
            "a b:1",
        ] {
            assert!(parse_bind(wrong).is_err(), "{wrong}");
        }
    }

    #[test]
    fn a_proxy_is_an_address_or_a_network() {
        assert_eq!(parse_proxy("10.0.0.1").unwrap().to_string(), "10.0.0.1/32");
        assert_eq!(parse_proxy("::1").unwrap().to_string(), "::1/128");
        assert_eq!(parse_proxy("10.0.0.0/8").unwrap().to_string(), "10.0.0.0/8");
        assert!(parse_proxy("proxy.local").is_err());
    }
}
