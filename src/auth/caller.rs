//! Who asks: every operation that changes, authenticates or discloses
//! something is told, so that the throttle can key on the client and the
//! audit log can name the actor.

use std::fmt;
use std::net::IpAddr;

/// Longest user agent kept: enough to tell clients apart, too short to
/// carry a payload into the logs.
const MAX_USER_AGENT_CHARS: usize = 200;

/// The origin of a request to [`crate::auth::Auth`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Caller {
    /// A command run in a shell on this machine.
    Cli {
        /// The operating-system user running it.
        os_user: String,
    },
    /// A request to `authctl serve`.
    Http {
        /// The client's address (the peer of the connection).
        client: IpAddr,
        /// Its `User-Agent`, truncated and without control characters.
        user_agent: Option<String>,
    },
}

impl Caller {
    /// The user running this process: `$USER` (else `$LOGNAME`) with the
    /// real uid, which the environment cannot fake.
    pub fn cli() -> Self {
        let uid = rustix::process::getuid().as_raw();
        let name = std::env::var("USER")
            .or_else(|_| std::env::var("LOGNAME"))
            .ok()
            .filter(|name| !name.is_empty() && !name.chars().any(char::is_control));
        let os_user = match name {
            Some(name) => format!("{name} (uid {uid})"),
            None => format!("uid {uid}"),
        };
        Self::Cli { os_user }
    }

    /// The server's own housekeeping (pruning), as the operating-system
    /// user running it: recorded as the command line's source, since no
    /// client asked, with an actor that says it was no person's command.
    pub fn housekeeping() -> Self {
        match Self::cli() {
            Self::Cli { os_user } => Self::Cli {
                os_user: format!("authctl serve, run by {os_user}"),
            },
            http => http,
        }
    }

    /// A client of the HTTP server.
    pub fn http(client: IpAddr, user_agent: Option<&str>) -> Self {
        let user_agent = user_agent.map(|agent| {
            agent
                .chars()
                .filter(|c| !c.is_control())
                .take(MAX_USER_AGENT_CHARS)
                .collect()
        });
        Self::Http { client, user_agent }
    }
}

impl Caller {
    /// The client's address, for an HTTP caller.
    pub(crate) fn client_address(&self) -> Option<IpAddr> {
        match self {
            Self::Cli { .. } => None,
            Self::Http { client, .. } => Some(*client),
        }
    }
}

impl fmt::Display for Caller {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Cli { os_user } => write!(f, "cli {os_user}"),
            Self::Http { client, .. } => write!(f, "http {client}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_agent_is_cut_short_and_loses_control_characters() {
        let long = format!("evil\r\nInjected: yes{}", "x".repeat(500));
        let Caller::Http { user_agent, .. } = Caller::http([127, 0, 0, 1].into(), Some(&long))
        else {
            panic!("not an HTTP caller");
        };
        let agent = user_agent.unwrap();
        assert_eq!(agent.chars().count(), MAX_USER_AGENT_CHARS);
        assert!(agent.starts_with("evilInjected: yes"), "{agent}");
    }

    #[test]
    fn a_cli_caller_names_the_uid() {
        let Caller::Cli { os_user } = Caller::cli() else {
            panic!("not a CLI caller");
        };
        let uid = rustix::process::getuid().as_raw();
        assert!(os_user.contains(&format!("uid {uid}")), "{os_user}");
    }
}
