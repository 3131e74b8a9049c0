//! The operator's blocklist across processes: words a CLI run imports are
//! refused by a running `authctl serve` without a restart, and the global
//! `--no-builtin-blocklist` setting reaches the server.

use serde_json::json;

use crate::support::binary_server::ServerProcess;
use crate::support::cli::Env;
use crate::support::raw_http::{login, post};

fn register_status(
    server: &ServerProcess,
    email: &str,
    password: &str,
) -> (u16, serde_json::Value) {
    let reply = post(
        server.addr(),
        "/users",
        &[("email", email), ("password", password)],
    )
    .expect("POST /users is answered");
    (reply.status, reply.json())
}

#[test]
fn a_word_imported_by_the_cli_is_refused_by_a_running_server_until_removed() {
    let env = Env::new();
    env.register("early@example.com", "Acme Rocks 2024");
    let server = ServerProcess::start(&env);
    assert_eq!(
        register_status(&server, "probe@example.com", "acme rocks 2025").0,
        200
    );

    env.run_stdin(
        &["blocklist", "import", "-"],
        "# launch words\nACME ROCKS 2024\n",
    )
    .success();

    assert_eq!(
        register_status(&server, "late@example.com", "Acme Rocks 2024"),
        (400, json!({"message": "password is too common"}))
    );
    // A password set before its word was listed still logs in.
    login(server.addr(), "early@example.com", "Acme Rocks 2024");

    env.run(&["blocklist", "remove", "acme rocks 2024"])
        .success();
    assert_eq!(
        register_status(&server, "late@example.com", "Acme Rocks 2024").0,
        200
    );
}

#[test]
fn the_built_in_list_is_on_by_default_and_the_environment_turns_it_off() {
    let env = Env::new();
    let default = ServerProcess::start(&env);
    assert_eq!(
        register_status(&default, "ann@example.com", "Password123"),
        (400, json!({"message": "password is too common"}))
    );
    drop(default);

    let off = ServerProcess::start_with(&env, &[("AUTHCTL_NO_BUILTIN_BLOCKLIST", "1")]);
    assert_eq!(
        register_status(&off, "ann@example.com", "Password123").0,
        200
    );
}
