//! A small HTTP/1.1 client over a raw socket, for the real binary: tests
//! see exactly what was sent and answered, and a killed server shows as a
//! connection error rather than a client retry.

use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};

use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::Value;

use super::wait::PATIENCE;
use super::{cookie_value, session_cookie_in};

/// A response as read off the socket.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// The body as JSON, asserting the content type says so.
    pub fn json(&self) -> Value {
        let content_type = self.header("content-type").unwrap_or_default();
        assert!(
            content_type.starts_with("application/json"),
            "expected JSON: {self:?}"
        );
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {self:?}"))
    }

    /// The value of the `session_id` cookie this response sets, if any.
    pub fn session_cookie(&self) -> Option<String> {
        let set_cookies = self
            .headers
            .iter()
            .filter(|(key, _)| key.eq_ignore_ascii_case("set-cookie"))
            .map(|(_, value)| value.as_str());
        session_cookie_in(set_cookies).and_then(cookie_value)
    }
}

/// Sends `request` (a whole HTTP/1.1 request, which should say
/// `Connection: close`) and reads the reply until the server closes.
pub fn exchange(addr: SocketAddr, request: &[u8]) -> io::Result<Reply> {
    let mut stream = connect(addr)?;
    stream.write_all(request)?;
    read_reply(&mut stream)
}

/// A connection that gives up on a server silent for [`PATIENCE`].
pub fn connect(addr: SocketAddr) -> io::Result<TcpStream> {
    let stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(PATIENCE))?;
    stream.set_write_timeout(Some(PATIENCE))?;
    Ok(stream)
}

/// Reads a whole reply from a connection the server will close.
pub fn read_reply(stream: &mut TcpStream) -> io::Result<Reply> {
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    parse_reply(&raw)
}

fn parse_reply(raw: &[u8]) -> io::Result<Reply> {
    let text = String::from_utf8_lossy(raw);
    let broken = || io::Error::new(io::ErrorKind::UnexpectedEof, format!("reply: {text:?}"));
    let (head, body) = text.split_once("\r\n\r\n").ok_or_else(broken)?;
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|line| line.strip_prefix("HTTP/1.1 "))
        .and_then(|rest| rest.get(..3))
        .and_then(|code| code.parse().ok())
        .ok_or_else(broken)?;
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(key, value)| (key.trim().to_owned(), value.trim().to_owned()))
        .collect();
    Ok(Reply {
        status,
        headers,
        body: body.to_owned(),
    })
}

/// A request with an optional session cookie and an urlencoded form body.
pub fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    cookie: Option<&str>,
    form: &[(&str, &str)],
) -> io::Result<Reply> {
    exchange(addr, &form_request(addr, method, path, cookie, form))
}

/// The bytes of [`request`]'s request.
pub fn form_request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    cookie: Option<&str>,
    form: &[(&str, &str)],
) -> Vec<u8> {
    let body = form
        .iter()
        .map(|(key, value)| format!("{key}={}", utf8_percent_encode(value, NON_ALPHANUMERIC)))
        .collect::<Vec<_>>()
        .join("&");
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    if let Some(cookie) = cookie {
        head.push_str(&format!("Cookie: session_id={cookie}\r\n"));
    }
    if !form.is_empty() {
        head.push_str("Content-Type: application/x-www-form-urlencoded\r\n");
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    head.into_bytes()
}

pub fn get(addr: SocketAddr, path: &str, cookie: Option<&str>) -> io::Result<Reply> {
    request(addr, "GET", path, cookie, &[])
}

pub fn post(addr: SocketAddr, path: &str, form: &[(&str, &str)]) -> io::Result<Reply> {
    request(addr, "POST", path, None, form)
}

/// Logs in over HTTP, asserting success; returns the session cookie value.
pub fn login(addr: SocketAddr, email: &str, password: &str) -> String {
    let reply = post(
        addr,
        "/sessions",
        &[("email", email), ("password", password)],
    )
    .expect("the login is answered");
    assert_eq!(reply.status, 200, "login of {email}: {reply:?}");
    reply.session_cookie().expect("a session cookie")
}

/// Half-closes a connection after writing, for requests cut short.
pub fn send_then_hang_up(addr: SocketAddr, bytes: &[u8]) -> io::Result<Option<Reply>> {
    let mut stream = connect(addr)?;
    stream.write_all(bytes)?;
    stream.shutdown(Shutdown::Write)?;
    let mut raw = Vec::new();
    // A reset instead of a reply is an acceptable way to end such a request.
    if stream.read_to_end(&mut raw).is_err() || raw.is_empty() {
        return Ok(None);
    }
    parse_reply(&raw).map(Some)
}

/// How many bytes the client at `client` sent that the server at `server`
/// has not read yet, from the kernel's table of TCP sockets; `None` while
/// the connection is not in it. Once it is 0 the whole request is in the
/// server's hands: in flight, not just queued in a socket.
pub fn unread_by_server(server: SocketAddr, client: SocketAddr) -> Option<u64> {
    let table = std::fs::read_to_string("/proc/net/tcp").expect("the TCP socket table");
    let (local, remote) = (socket_table_address(server), socket_table_address(client));
    table.lines().skip(1).find_map(|line| {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.get(1) != Some(&local.as_str()) || fields.get(2) != Some(&remote.as_str()) {
            return None;
        }
        let (_, unread) = fields.get(4)?.split_once(':')?;
        u64::from_str_radix(unread, 16).ok()
    })
}

/// An IPv4 socket address as /proc/net/tcp writes it: the address as a
/// number in the machine's byte order, then the port, both in hex.
fn socket_table_address(addr: SocketAddr) -> String {
    let SocketAddr::V4(v4) = addr else {
        panic!("an IPv4 address: {addr}");
    };
    let ip = u32::from_ne_bytes(v4.ip().octets());
    format!("{ip:08X}:{:04X}", v4.port())
}
