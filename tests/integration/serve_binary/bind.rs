//! `serve --bind` with a host name: resolved, served on every address it
//! resolves to, each held to the loopback rule. The tests that need a name
//! to resolve a certain way give the server a hosts file of its own in a
//! private namespace.

use std::process::Stdio;

use crate::support::binary_server::ServerProcess;
use crate::support::cli::Env;
use crate::support::namespace::{have_namespaces, with_hosts_file};
use crate::support::raw_http::get;
use crate::support::wait::{PATIENCE, eventually};

/// Waits until the server has announced `count` addresses, and returns
/// them.
fn announced(server: &ServerProcess, count: usize) -> Vec<std::net::SocketAddr> {
    let all = eventually(PATIENCE, || server.listening().len() >= count);
    assert!(all, "{}\n{}", server.stdout(), server.stderr());
    server.listening()
}

#[test]
fn serve_accepts_localhost_as_the_bind_host() {
    // Arrange
    let env = Env::new();
    let mut cmd = env.std_cmd();
    cmd.args(["serve", "--bind", "localhost:0"]);

    // Act
    let server = ServerProcess::start_command(&env, cmd);

    // Assert: whatever this machine's localhost is, every address it got is
    // loopback, on one port, and answers.
    let addrs = announced(&server, 1);
    for addr in &addrs {
        assert!(addr.ip().is_loopback(), "{addrs:?}");
        assert_eq!(addr.port(), server.addr().port(), "{addrs:?}");
        assert_eq!(get(*addr, "/", None).expect("GET /").status, 200, "{addr}");
    }
    let (status, stderr) = server.stop();
    assert_eq!(status.code(), Some(0), "{stderr}");
}

#[test]
fn a_name_for_127_0_0_1_and_ipv6_loopback_is_served_on_both_with_one_port() {
    if !have_namespaces() {
        return;
    }
    // Arrange: localhost as most distributions list it, ::1 first as the
    // resolver orders it.
    let env = Env::new();
    let hosts = env.file("hosts", "127.0.0.1 localhost\n::1 localhost\n");
    let cmd = with_hosts_file(&env, hosts.as_ref(), &["serve", "--bind", "localhost:0"]);

    // Act
    let server = ServerProcess::start_command(&env, cmd);

    // Assert
    let mut addrs = announced(&server, 2);
    addrs.sort();
    let port = server.addr().port();
    assert_eq!(
        addrs,
        [
            format!("127.0.0.1:{port}").parse().unwrap(),
            format!("[::1]:{port}").parse().unwrap()
        ],
        "{}",
        server.stdout()
    );
    for addr in addrs {
        assert_eq!(get(addr, "/", None).expect("GET /").status, 200, "{addr}");
    }
    let (status, stderr) = server.stop();
    assert_eq!(status.code(), Some(0), "{stderr}");
}

#[test]
fn a_name_with_one_public_address_is_held_to_the_loopback_rule() {
    if !have_namespaces() {
        return;
    }
    // Arrange: a name for loopback and for an address of TEST-NET-1, which
    // this machine does not have.
    let env = Env::new();
    let hosts = env.file("hosts", "127.0.0.1 mixed.test\n192.0.2.7 mixed.test\n");
    let serve = ["serve", "--bind", "mixed.test:0"];

    // Act
    let refused = with_hosts_file(&env, hosts.as_ref(), &serve)
        .stdin(Stdio::null())
        .output()
        .expect("unshare runs");

    // Assert: refused, naming the public address and the name given, before
    // any database is made.
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with("error: refusing to serve on 192.0.2.7:0 (--bind mixed.test:0): "),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(!env.db().exists(), "a refused start created the database");

    // With the risk accepted it serves on the address it has, and says it
    // skipped the one it does not.
    let mut accepted = serve.to_vec();
    accepted.push("--insecure-reset-tokens-over-http");
    let cmd = with_hosts_file(&env, hosts.as_ref(), &accepted);
    let server = ServerProcess::start_command(&env, cmd);
    assert_eq!(server.listening(), [server.addr()]);
    assert!(server.addr().ip().is_loopback(), "{}", server.addr());
    let skipped = format!("not listening on 192.0.2.7:{}", server.addr().port());
    let said = eventually(PATIENCE, || server.stderr().contains(&skipped));
    assert!(said, "{}", server.stderr());
    assert_eq!(get(server.addr(), "/", None).expect("GET /").status, 200);
}

#[test]
fn an_unresolvable_bind_host_is_a_usage_error_naming_it() {
    let env = Env::new();
    let run = env
        .run(&["serve", "--bind", "no-such-host.invalid:5000"])
        .code(2);
    assert_eq!(run.stderr.lines().count(), 1, "{run}");
    assert!(
        run.stderr.starts_with(
            "error: cannot resolve host `no-such-host.invalid` (--bind no-such-host.invalid:5000): "
        ),
        "{run}"
    );
    assert!(!env.db().exists(), "a refused start created the database");
}

#[test]
fn a_bind_value_that_is_not_host_and_port_is_refused_by_the_parser() {
    let env = Env::new();
    for (value, reason) in [
        ("localhost", "expected HOST:PORT"),
        ("::1:5000", "an IPv6 address goes in brackets"),
        ("localhost:70000", "`70000` is not a port"),
        (":5000", "expected HOST:PORT"),
    ] {
        let run = env.run(&["serve", "--bind", value]).code(2);
        assert!(run.stderr.contains(reason), "{value}: {run}");
    }
}
