//! Refusals counted in a server's memory reach the audit log when it stops.

use crate::support::binary_server::ServerProcess;
use crate::support::cli::Env;
use crate::support::raw_http::post;

const ALICE: &str = "alice@example.com";

#[test]
fn refusals_counted_before_a_stop_are_written_at_the_stop() {
    let env = Env::new();
    env.register(ALICE, "alice password 1");
    let settings = ["--login-free-attempts", "0", "--login-lock-after", "1"];
    let server = ServerProcess::start_args(&env, &settings, None);
    let wrong = [("email", ALICE), ("password", "wrong")];
    assert_eq!(
        post(server.addr(), "/sessions", &wrong).unwrap().status,
        401
    );
    // Refused, and at once stopped: sooner than the next periodic flush.
    for _ in 0..25 {
        assert_eq!(
            post(server.addr(), "/sessions", &wrong).unwrap().status,
            429
        );
    }
    let (status, stderr) = server.stop();
    assert!(status.success(), "{stderr}");
    let rows = env.json(&["audit", "--event", "login.throttled"]);
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["count"], 25);
    assert_eq!(rows[0]["reason"], "locked");
}
