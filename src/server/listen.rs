//! The listening sockets of [`ServeConfig::bind`](super::ServeConfig::bind).

use std::io;
use std::net::SocketAddr;

use tokio::net::TcpListener;

use super::ServerError;

/// The sockets bound, each with the address it got, and the addresses
/// skipped because this host does not have them, each with the reason.
pub(super) struct Bound {
    pub(super) listeners: Vec<(SocketAddr, TcpListener)>,
    pub(super) skipped: Vec<(SocketAddr, io::Error)>,
}

/// How many times a free port is picked again when the one picked for the
/// first address turns out to be taken on another: a different program
/// holds it there, and a fresh pick will most likely be free on all.
const PORT_PICKS: usize = 8;

/// Binds every address of `addrs`, each asked for port 0 on one port.
///
/// Every address, not the first: `localhost` resolves to 127.0.0.1 and
/// ::1, clients try either (curl and browsers ::1 first), and on an address
/// left out another program could listen and answer in our place. An
/// address this host does not have (IPv6 turned off while the hosts file
/// still lists ::1) is skipped as long as another one is bound: no program
/// can listen there either, so no client is misled.
pub(super) async fn bind_all(addrs: &[SocketAddr]) -> Result<Bound, ServerError> {
    let mut picks = 1;
    loop {
        match try_bind_all(addrs).await {
            Ok(bound) => return Ok(bound),
            Err(Failure::PickedPortTaken(_)) if picks < PORT_PICKS => picks += 1,
            Err(Failure::PickedPortTaken(error) | Failure::Fatal(error)) => return Err(error),
        }
    }
}

enum Failure {
    /// The port picked for the first address is in use on another.
    PickedPortTaken(ServerError),
    Fatal(ServerError),
}

async fn try_bind_all(addrs: &[SocketAddr]) -> Result<Bound, Failure> {
    let mut bound = Bound {
        listeners: Vec::new(),
        skipped: Vec::new(),
    };
    // The port the system picked for the first address asked with port 0.
    let mut picked: Option<u16> = None;
    for &asked in addrs {
        let mut addr = asked;
        if let (0, Some(port)) = (asked.port(), picked) {
            addr.set_port(port);
        }
        let bind_error = |source| ServerError::Bind { addr, source };
        let listener = match TcpListener::bind(addr).await {
            Ok(listener) => listener,
            Err(source) if not_on_this_host(&source) => {
                bound.skipped.push((addr, source));
                continue;
            }
            Err(source) if source.kind() == io::ErrorKind::AddrInUse && addr != asked => {
                return Err(Failure::PickedPortTaken(bind_error(source)));
            }
            Err(source) => return Err(Failure::Fatal(bind_error(source))),
        };
        let local = listener
            .local_addr()
            .map_err(|source| Failure::Fatal(bind_error(source)))?;
        if asked.port() == 0 && picked.is_none() {
            picked = Some(local.port());
        }
        bound.listeners.push((local, listener));
    }
    if bound.listeners.is_empty() {
        let error = match bound.skipped.into_iter().next() {
            Some((addr, source)) => ServerError::Bind { addr, source },
            None => ServerError::NoAddress,
        };
        return Err(Failure::Fatal(error));
    }
    Ok(bound)
}

/// The address is not one of this host's, or its family is turned off.
fn not_on_this_host(error: &io::Error) -> bool {
    error.kind() == io::ErrorKind::AddrNotAvailable
        || rustix::io::Errno::from_io_error(error) == Some(rustix::io::Errno::AFNOSUPPORT)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addr(text: &str) -> SocketAddr {
        text.parse().unwrap()
    }

    #[tokio::test]
    async fn port_0_is_one_port_on_every_address() {
        let bound = bind_all(&[addr("127.0.0.1:0"), addr("127.0.0.2:0")])
            .await
            .unwrap();
        let got: Vec<SocketAddr> = bound.listeners.iter().map(|(a, _)| *a).collect();
        assert_eq!(got.len(), 2);
        assert_ne!(got[0].port(), 0);
        assert_eq!(got[0].port(), got[1].port());
        assert!(bound.skipped.is_empty());
    }

    #[tokio::test]
    async fn an_address_this_host_lacks_is_skipped_while_another_binds() {
        // 192.0.2.0/24 is TEST-NET-1: documentation only, on no host.
        let absent = addr("192.0.2.7:0");
        let bound = bind_all(&[absent, addr("127.0.0.1:0")]).await.unwrap();
        assert_eq!(bound.listeners.len(), 1);
        let skipped: Vec<SocketAddr> = bound.skipped.iter().map(|(a, _)| *a).collect();
        assert_eq!(skipped, [absent]);

        match bind_all(&[absent]).await {
            Err(ServerError::Bind { addr, source }) => {
                assert_eq!(addr, absent);
                assert_eq!(source.kind(), io::ErrorKind::AddrNotAvailable);
            }
            _ => panic!("an address on no host bound"),
        }
        assert!(matches!(bind_all(&[]).await, Err(ServerError::NoAddress)));
    }

    #[tokio::test]
    async fn an_address_in_use_fails_the_start() {
        let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let busy = taken.local_addr().unwrap();
        match bind_all(&[addr("127.0.0.2:0"), busy]).await {
            Err(ServerError::Bind { addr, source }) => {
                assert_eq!(addr, busy);
                assert_eq!(source.kind(), io::ErrorKind::AddrInUse);
            }
            _ => panic!("bound beside a port in use"),
        }
    }
}
