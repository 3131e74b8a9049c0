//! Who sent a request: the connection's peer address and the user agent,
//! as the [`Caller`] every `auth` operation is given.

use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::Extensions;
use axum::http::header::USER_AGENT;
use axum::http::request::Parts;

use crate::auth::Caller;

/// The request's [`Caller`]. `X-Forwarded-For` is not read: any client can
/// send it, and only a configured trusted proxy may be believed.
pub(crate) struct Client(pub(crate) Caller);

impl<S: Send + Sync> FromRequestParts<S> for Client {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Self(caller_of(parts)))
    }
}

fn caller_of(parts: &Parts) -> Caller {
    let user_agent = parts
        .headers
        .get(USER_AGENT)
        .and_then(|value| value.to_str().ok());
    Caller::http(peer_address(&parts.extensions), user_agent)
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
