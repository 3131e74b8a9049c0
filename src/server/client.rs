//! Who sent a request: the client's address (the connection's peer, or
//! what a trusted proxy says it forwarded for) and the user agent, as the
//! [`Caller`] every `auth` operation is given.

use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::header::USER_AGENT;
use axum::http::request::Parts;
use axum::http::{Extensions, HeaderMap};
use ipnet::IpNet;

use crate::auth::Caller;

/// The header a reverse proxy appends its peer's address to.
const FORWARDED_FOR: &str = "x-forwarded-for";

/// The proxies whose `X-Forwarded-For` is believed (`--trusted-proxy`).
/// Any client can send the header, so from anyone else it is ignored.
#[derive(Debug, Clone, Default)]
pub(crate) struct TrustedProxies(Arc<[IpNet]>);

impl TrustedProxies {
    pub(crate) fn new(networks: &[IpNet]) -> Self {
        Self(networks.iter().map(IpNet::trunc).collect())
    }

    fn trusts(&self, address: IpAddr) -> bool {
        self.0.iter().any(|network| network.contains(&address))
    }

    /// The client behind `peer`: the peer itself, unless it is a trusted
    /// proxy; then the nearest address in `X-Forwarded-For` (read from
    /// the right, the end each proxy appends to) that is not one. An entry
    /// that is not an address stops the walk at the last hop believed.
    pub(crate) fn client_of(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let mut client = peer.to_canonical();
        if !self.trusts(client) {
            return client;
        }
        let forwarded: Vec<&str> = headers
            .get_all(FORWARDED_FOR)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .collect();
        for entry in forwarded.into_iter().rev() {
            match parse_hop(entry.trim()) {
                Some(hop) => client = hop,
                None => break,
            }
            if !self.trusts(client) {
                break;
            }
        }
        client
    }
}

/// An address as proxies write it: bare, or with a port (`[v6]:port`).
fn parse_hop(entry: &str) -> Option<IpAddr> {
    entry
        .parse::<IpAddr>()
        .or_else(|_| entry.parse::<SocketAddr>().map(|socket| socket.ip()))
        .ok()
        .map(|address| address.to_canonical())
}

/// The client's address as the outermost layer resolved it, kept in the
/// request's extensions for the handlers and the log line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ClientAddress(pub(crate) IpAddr);

/// The request's [`Caller`].
pub(crate) struct Client(pub(crate) Caller);

impl<S: Send + Sync> FromRequestParts<S> for Client {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let user_agent = parts
            .headers
            .get(USER_AGENT)
            .and_then(|value| value.to_str().ok());
        let address = parts
            .extensions
            .get::<ClientAddress>()
            .map_or_else(|| peer_address(&parts.extensions), |client| client.0);
        Ok(Self(Caller::http(address, user_agent)))
    }
}

/// The peer's address; an IPv4 client of a dual-stack listener shows as
/// `::ffff:a.b.c.d`, which is the IPv4 address. The connection info is
/// always there when the router is served by [`crate::server`]; a router
/// driven without a listener has no peer, shown as `0.0.0.0`.
pub(crate) fn peer_address(extensions: &Extensions) -> IpAddr {
    extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |ConnectInfo(peer)| {
            peer.ip().to_canonical()
        })
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn headers(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append(FORWARDED_FOR, HeaderValue::from_str(value).unwrap());
        }
        headers
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        let none = TrustedProxies::default();
        let forged = headers(&["203.0.113.9"]);
        assert_eq!(
            none.client_of(ip("198.51.100.1"), &forged),
            ip("198.51.100.1")
        );
    }

    #[test]
    fn a_trusted_proxy_names_the_client_and_a_forged_prefix_is_skipped() {
        let proxies = TrustedProxies::new(&["10.0.0.0/8".parse().unwrap()]);
        // The client forged the first entry; the proxy appended the real one.
        let sent = headers(&["1.2.3.4, 203.0.113.9"]);
        assert_eq!(proxies.client_of(ip("10.1.1.1"), &sent), ip("203.0.113.9"));
        // Through two trusted proxies, in two header lines.
        let chained = headers(&["1.2.3.4, 203.0.113.9", "10.2.2.2"]);
        assert_eq!(
            proxies.client_of(ip("10.1.1.1"), &chained),
            ip("203.0.113.9")
        );
        // A client that is not a proxy cannot use the header.
        assert_eq!(
            proxies.client_of(ip("198.51.100.1"), &sent),
            ip("198.51.100.1")
        );
    }

    #[test]
    fn ports_and_brackets_are_read_and_garbage_stops_the_walk() {
        let proxies = TrustedProxies::new(&["10.0.0.0/8".parse().unwrap()]);
        let ported = headers(&["[2001:db8::7]:4711"]);
        assert_eq!(
            proxies.client_of(ip("10.1.1.1"), &ported),
            ip("2001:db8::7")
        );
        let garbage = headers(&["203.0.113.9, unknown"]);
        assert_eq!(proxies.client_of(ip("10.1.1.1"), &garbage), ip("10.1.1.1"));
    }
}
