//! What only the real binary shows of SPEC section 9: the metrics listener
//! exists only with `--metrics-bind`, `--log-format json` makes every line
//! on stderr a JSON object, and bad values of either are usage errors.

use std::collections::HashSet;
use std::net::SocketAddr;

use serde_json::Value;

use crate::support::PASSWORD;
use crate::support::binary_server::ServerProcess;
use crate::support::cli::Env;
use crate::support::metrics::{parse, value};
use crate::support::raw_http::{get, post};

/// The TCP ports `pid` listens on, from /proc: a listener nobody announced
/// shows here too.
fn listening_ports(pid: u32) -> HashSet<u16> {
    let sockets: HashSet<String> = std::fs::read_dir(format!("/proc/{pid}/fd"))
        .expect("the server's descriptors")
        .filter_map(|entry| std::fs::read_link(entry.ok()?.path()).ok())
        .filter_map(|target| {
            let target = target.to_string_lossy().into_owned();
            let inode = target.strip_prefix("socket:[")?.strip_suffix(']')?;
            Some(inode.to_owned())
        })
        .collect();
    let mut ports = HashSet::new();
    for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
        let Ok(text) = std::fs::read_to_string(table) else {
            continue;
        };
        for line in text.lines().skip(1) {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let (Some(local), Some(state), Some(inode)) =
                (fields.get(1), fields.get(3), fields.get(9))
            else {
                continue;
            };
            // 0A: LISTEN.
            if *state == "0A" && sockets.contains(*inode) {
                let port = local.rsplit(':').next().expect("a port");
                ports.insert(u16::from_str_radix(port, 16).expect("a hex port"));
            }
        }
    }
    ports
}

/// Every line of `text` as a JSON object, failing on any other line.
fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|line| {
            let value: Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("not a JSON line ({e}): {line:?}\n{text}"));
            assert!(value.is_object(), "{line}");
            value
        })
        .collect()
}

#[test]
fn without_metrics_bind_there_is_no_metrics_listener() {
    let env = Env::new();
    let server = ServerProcess::start(&env);

    assert_eq!(
        listening_ports(server.pid()),
        HashSet::from([server.addr().port()])
    );
    assert!(!server.stdout().contains("metrics"), "{}", server.stdout());
    let reply = get(server.addr(), "/metrics", None).expect("GET /metrics");
    assert_eq!(reply.status, 404, "not on the public listener either");
}

#[test]
fn metrics_bind_serves_metrics_on_a_listener_of_their_own() {
    // Arrange
    let env = Env::new();
    let server = ServerProcess::start_args(&env, &["--metrics-bind", "127.0.0.1:0"], None);
    let announced = server
        .stdout()
        .lines()
        .find_map(|line| {
            line.strip_prefix("metrics on http://")?
                .strip_suffix("/metrics")
        })
        .map(|addr| addr.parse::<SocketAddr>().expect("an address"))
        .unwrap_or_else(|| panic!("no metrics line: {}", server.stdout()));
    assert_eq!(
        listening_ports(server.pid()),
        HashSet::from([server.addr().port(), announced.port()])
    );

    // Act
    let credentials = [("email", "ada@example.com"), ("password", PASSWORD)];
    assert_eq!(
        post(server.addr(), "/users", &credentials).unwrap().status,
        200
    );
    let scraped = get(announced, "/metrics", None).expect("a scrape");

    // Assert
    assert_eq!(scraped.status, 200);
    let scrape = parse(&scraped.body);
    assert_eq!(value(&scrape, "authctl_registrations_total", &[]), 1.0);
    assert_eq!(get(server.addr(), "/metrics", None).unwrap().status, 404);
    assert_eq!(get(announced, "/users", None).unwrap().status, 404);
}

#[test]
fn serve_with_log_format_json_writes_one_json_object_a_line_audit_fields_included() {
    let env = Env::new();
    let server = ServerProcess::start_args(&env, &["--log-format", "json"], None);
    let credentials = [("email", "ada@example.com"), ("password", PASSWORD)];
    assert_eq!(
        post(server.addr(), "/users", &credentials).unwrap().status,
        200
    );
    let wrong = [
        ("email", "ada@example.com"),
        ("password", "not her password"),
    ];
    assert_eq!(
        post(server.addr(), "/sessions", &wrong).unwrap().status,
        401
    );
    let (status, stderr) = server.stop();
    assert_eq!(status.code(), Some(0), "{stderr}");

    let lines = json_lines(&stderr);
    let audit = lines
        .iter()
        .find(|line| line["target"] == "authctl::audit" && line["event"] == "login.failure")
        .unwrap_or_else(|| panic!("no login.failure audit line:\n{stderr}"));
    assert_eq!(audit["outcome"], "failure");
    assert_eq!(audit["source"], "http");
    assert_eq!(audit["client"], "127.0.0.1");
    assert_eq!(audit["user"], "ada@example.com");
    assert_eq!(audit["level"], "INFO");
    assert!(audit["timestamp"].is_string());
    let request = lines
        .iter()
        .find(|line| line["target"] == "authctl::http" && line["status"] == 401)
        .unwrap_or_else(|| panic!("no request line:\n{stderr}"));
    assert_eq!(request["path"], "/sessions");
    let db = env.db().display().to_string();
    assert!(
        lines
            .iter()
            .any(|line| line["message"] == format!("serving the database at {db}")),
        "the start-up note is a log line too:\n{stderr}"
    );
}

#[test]
fn a_command_logs_as_json_only_when_asked() {
    let env = Env::new();
    let asked = env
        .run_stdin(
            &[
                "--log-format",
                "json",
                "register",
                "ada@example.com",
                "--password-stdin",
            ],
            &format!("{PASSWORD}\n"),
        )
        .success();
    let lines = json_lines(&asked.stderr);
    let audit = lines
        .iter()
        .find(|line| line["target"] == "authctl::audit")
        .unwrap_or_else(|| panic!("no audit line\n{asked}"));
    assert_eq!(audit["event"], "user.registered");
    assert_eq!(audit["source"], "cli");
    assert!(audit["actor"].is_string(), "{audit}");

    let quiet = env
        .run_stdin(
            &["register", "bob@example.com", "--password-stdin"],
            &format!("{PASSWORD}\n"),
        )
        .success();
    assert!(!quiet.stderr.contains("authctl::audit"), "{quiet}");
    assert!(!quiet.stderr.contains('{'), "{quiet}");
}

#[test]
fn a_bad_log_format_or_metrics_bind_is_a_usage_error_naming_it() {
    let env = Env::new();
    env.run(&["serve", "--log-format", "yaml"])
        .code(2)
        .stderr_has("invalid value 'yaml' for '--log-format <FORMAT>'")
        .stderr_has("text, json");
    env.run(&["--log-format", "xml", "users", "list"])
        .code(2)
        .stderr_has("--log-format");
    env.run(&["serve", "--metrics-bind", "localhost"])
        .code(2)
        .stderr_has("'--metrics-bind <ADDR>'")
        .stderr_has("expected IP:PORT");
}
