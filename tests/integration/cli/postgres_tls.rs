//! TLS to PostgreSQL: a CA and a server certificate made here, a server of
//! the test's own started with them, and each `sslmode` against it.

use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair};

use crate::support::PASSWORD;
use crate::support::cli::Env;
use crate::support::pg::{OwnServer, server_url};

/// A CA's certificate (PEM), and a server certificate for `localhost` only
/// that it signed, with its key.
fn certificates() -> (String, String, String) {
    let ca_key = KeyPair::generate().expect("a CA key");
    let mut ca = CertificateParams::new(Vec::<String>::new()).expect("CA params");
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca_cert = ca.self_signed(&ca_key).expect("the CA certificate");
    let issuer = Issuer::new(ca, ca_key);
    let key = KeyPair::generate().expect("a server key");
    let cert = CertificateParams::new(vec!["localhost".to_owned()])
        .expect("server params")
        .signed_by(&key, &issuer)
        .expect("the server certificate");
    (ca_cert.pem(), cert.pem(), key.serialize_pem())
}

#[test]
fn verify_full_checks_the_chain_and_the_name_and_require_only_encrypts() {
    let (ca, cert, key) = certificates();
    let Some(server) = OwnServer::start_tls(&cert, &key) else {
        return;
    };
    let env = Env::new();
    let ca_file = env.file("ca.pem", &ca);
    let port = server.port();
    let url =
        |host: &str, query: &str| format!("postgres://postgres@{host}:{port}/postgres?{query}");

    // The chain to the CA given, the name the certificate holds: connects.
    let trusted = url(
        "localhost",
        &format!("sslmode=verify-full&sslrootcert={ca_file}"),
    );
    env.run_stdin(
        &[
            "--db",
            &trusted,
            "register",
            "ann@example.com",
            "--password-stdin",
        ],
        &format!("{PASSWORD}\n"),
    )
    .success();

    // The same server by an address the certificate does not name.
    let wrong_name = url(
        "127.0.0.1",
        &format!("sslmode=verify-full&sslrootcert={ca_file}"),
    );
    let refused = env.run(&["--db", &wrong_name, "users", "list"]).code(1);
    assert!(
        refused.stderr.contains(&format!("127.0.0.1:{port}")),
        "{refused}"
    );
    assert!(refused.stderr.contains("certificate"), "{refused}");
    assert!(
        !refused.stderr.contains("try again"),
        "not a passing failure: {refused}"
    );

    // The public web roots do not know this CA.
    let untrusted = url("localhost", "sslmode=verify-full");
    let refused = env.run(&["--db", &untrusted, "users", "list"]).code(1);
    assert!(refused.stderr.contains("certificate"), "{refused}");

    // require encrypts without checking: the wrong name and CA connect.
    let encrypted = url("127.0.0.1", "sslmode=require");
    let listed = env
        .run(&["--json", "--db", &encrypted, "users", "list"])
        .success();
    assert!(listed.stdout.contains("ann@example.com"), "{listed}");
}

#[test]
fn require_against_a_server_without_tls_is_refused() {
    // The suite's server is started without TLS (.ci/postgres).
    let Some(plain) = server_url() else {
        return;
    };
    let env = Env::new();
    let url = format!("{plain}?sslmode=require");
    let refused = env.run(&["--db", &url, "users", "list"]).code(1);
    assert!(refused.stderr.contains("TLS"), "{refused}");
    assert!(
        !refused.stderr.contains("try again"),
        "not a passing failure: {refused}"
    );
}
