use reqwest::StatusCode;
use tokio::task::JoinSet;

use super::{USER, WRONG, accounts_only, throttled};

/// SECURITY.md 26: each attempt's claim is one atomic swap, so of 64 at
/// once on a stopped clock exactly the five free ones reach bcrypt, for a
/// known and for an unknown email.
#[tokio::test]
async fn sixty_four_parallel_wrong_attempts_on_one_account_run_bcrypt_five_times() {
    let (server, _clock) = throttled(accounts_only());
    server.register(USER);
    for email in [USER, "nobody@example.com"] {
        let runs = server.auth.bcrypt_runs();
        let mut attempts = JoinSet::new();
        for _ in 0..64 {
            let request = server
                .client
                .post(server.url("/sessions"))
                .form(&[("email", email), ("password", WRONG)]);
            attempts.spawn(async move { request.send().await.expect("POST").status() });
        }
        let mut statuses = Vec::new();
        while let Some(status) = attempts.join_next().await {
            statuses.push(status.expect("task"));
        }
        let refused = statuses
            .iter()
            .filter(|status| **status == StatusCode::TOO_MANY_REQUESTS)
            .count();
        let failed = statuses
            .iter()
            .filter(|status| **status == StatusCode::UNAUTHORIZED)
            .count();
        assert_eq!((failed, refused), (5, 59), "{email}: {statuses:?}");
        assert_eq!(server.auth.bcrypt_runs() - runs, 5, "{email}");
    }
}
