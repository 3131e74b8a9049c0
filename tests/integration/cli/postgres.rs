//! The command line on a PostgreSQL database (`AUTHCTL_DB=postgres://...`):
//! the account and operator commands, moving a SQLite database over, and
//! what is refused. Each test has a database of its own on the test server
//! and says it is skipped when there is none.

use crate::support::PASSWORD;
use crate::support::cli::Env;
use crate::support::pg::OwnServer;

#[test]
fn the_account_and_operator_commands_work_on_postgres() {
    let Some(env) = Env::on_postgres() else {
        return;
    };
    env.register("ann@example.com", PASSWORD);
    env.register("bob@example.com", PASSWORD);
    env.run_stdin(
        &["register", "ANN@example.com", "--password-stdin"],
        &format!("{PASSWORD}\n"),
    )
    .code(5);
    let session = env.login("ann@example.com", PASSWORD);
    assert_eq!(session.len(), 36, "{session}");
    let who = env.run(&["whoami"]).success();
    assert!(who.stdout.contains("ann@example.com"), "{who}");
    let users = env.json(&["users", "list"]);
    assert_eq!(users.as_array().expect("an array").len(), 2, "{users}");
    let sessions = env.json(&["sessions", "list"]);
    assert_eq!(
        sessions.as_array().expect("an array").len(),
        1,
        "{sessions}"
    );

    env.run(&["users", "disable", "bob@example.com"]).success();
    assert!(!env.can_log_in("bob@example.com", PASSWORD));
    env.run(&["users", "enable", "bob@example.com"]).success();
    assert!(env.can_log_in("bob@example.com", PASSWORD));

    env.run(&["logout"]).success();
    let left = env.json(&["sessions", "list"]).to_string();
    assert!(!left.contains("ann@example.com"), "{left}");
    env.run(&["whoami"]).code(4);
    env.run(&["users", "delete", "bob@example.com", "--yes"])
        .success();
    assert_eq!(
        env.json(&["users", "list"]).as_array().map(Vec::len),
        Some(1)
    );
}

#[test]
fn a_sqlite_database_moves_to_postgres_through_export_and_import() {
    let Some(target) = Env::on_postgres() else {
        return;
    };
    let source = Env::new();
    for i in 0..5 {
        source.register(&format!("user{i}@example.com"), PASSWORD);
    }
    source
        .run(&["users", "disable", "user4@example.com"])
        .success();
    let exported = source.run(&["users", "export"]).success().stdout;

    target
        .run_stdin(&["users", "import", "-"], &exported)
        .success();
    assert!(target.can_log_in("user0@example.com", PASSWORD));
    assert!(!target.can_log_in("user0@example.com", "not the password"));
    assert!(
        !target.can_log_in("user4@example.com", PASSWORD),
        "still disabled"
    );
    assert_eq!(
        target.run(&["users", "export"]).success().stdout,
        exported,
        "the same accounts, hashes and states"
    );
}

#[test]
fn a_postgres_database_with_another_applications_tables_is_refused_unwritten() {
    let Some(env) = Env::on_postgres() else {
        return;
    };
    env.server()
        .execute("CREATE TABLE invoices (id integer PRIMARY KEY)");
    for args in [&["users", "list"][..], &["users", "import", "-"][..]] {
        let run = env.run_stdin(args, "email,password\nx@example.com,long enough pw\n");
        assert_eq!(run.code, 2, "{run}");
        assert!(run.stderr.contains("not an authctl database"), "{run}");
        assert!(run.stderr.contains("invoices"), "{run}");
    }
    // Nothing was created: registering is refused the same way.
    env.run_stdin(
        &["register", "ann@example.com", "--password-stdin"],
        &format!("{PASSWORD}\n"),
    )
    .code(2);
}

#[test]
fn commands_on_existing_users_find_no_database_in_an_empty_postgres_one() {
    let Some(env) = Env::on_postgres() else {
        return;
    };
    let run = env.run(&["users", "disable", "ann@example.com"]).code(3);
    assert!(run.stderr.contains("no database at postgres://"), "{run}");
    // Listings say nothing is there and create nothing.
    assert_eq!(
        env.json(&["users", "list"]).as_array().map(Vec::len),
        Some(0)
    );
    env.register("ann@example.com", PASSWORD);
    env.run(&["users", "disable", "ann@example.com"]).success();
}

#[test]
fn the_database_password_comes_from_its_file_and_a_wrong_one_is_named_without_it() {
    const SECRET: &str = "db-Secret-8c41";
    let Some(server) = OwnServer::start_with_password(SECRET) else {
        return;
    };
    let env = Env::new();
    let port = server.port();
    let url = format!("postgres://postgres@127.0.0.1:{port}/postgres");
    let file = env.file("db-password", &format!("{SECRET}\n"));
    let with_file = [
        ("AUTHCTL_DB", url.as_str()),
        ("AUTHCTL_DB_PASSWORD_FILE", file.as_str()),
    ];
    env.run_env(
        &with_file,
        &["register", "ann@example.com", "--password-stdin"],
        &format!("{PASSWORD}\n"),
    )
    .success();
    let listed = env
        .run_env(&with_file, &["--json", "users", "list"], "")
        .success();
    assert!(listed.stdout.contains("ann@example.com"), "{listed}");

    // Without it the server refuses the login: exit 1, naming the server.
    let refused = env.run_env(&[("AUTHCTL_DB", url.as_str())], &["users", "list"], "");
    assert_eq!(refused.code, 1, "{refused}");
    assert!(
        refused.stderr.contains(&format!("127.0.0.1:{port}")),
        "{refused}"
    );
    // A wrong password, in the URL: refused, and not repeated.
    let wrong = format!("postgres://postgres:not-{SECRET}@127.0.0.1:{port}/postgres");
    let refused = env.run_env(&[("AUTHCTL_DB", wrong.as_str())], &["users", "list"], "");
    assert_eq!(refused.code, 1, "{refused}");
    assert!(
        refused.stderr.contains("password authentication failed"),
        "{refused}"
    );
    assert!(!refused.stderr.contains(SECRET), "{refused}");
    // Both at once is a usage error that repeats neither.
    let both = [
        ("AUTHCTL_DB", wrong.as_str()),
        ("AUTHCTL_DB_PASSWORD_FILE", file.as_str()),
    ];
    let refused = env.run_env(&both, &["users", "list"], "");
    assert_eq!(refused.code, 2, "{refused}");
    assert!(!refused.stderr.contains(SECRET), "{refused}");
}

#[test]
fn doctor_checks_a_postgres_database_without_changing_it() {
    let Some(env) = Env::on_postgres() else {
        return;
    };
    // The suite's test cost would be a failing check of its own.
    const REAL_COST: [(&str, &str); 1] = [("AUTHCTL_BCRYPT_COST", "12")];
    let empty = env.run_env(&REAL_COST, &["doctor"], "").success();
    assert!(empty.stdout.contains("nobody's yet"), "{empty}");
    let still_empty = env.json(&["users", "list"]);
    assert_eq!(still_empty.as_array().map(Vec::len), Some(0));
    env.register("ann@example.com", PASSWORD);
    let ready = env.run_env(&REAL_COST, &["doctor"], "").success();
    assert!(ready.stdout.contains("authctl's"), "{ready}");
    assert!(ready.stdout.contains("current"), "{ready}");
    env.server()
        .execute("CREATE TABLE invoices (id integer PRIMARY KEY)");
    // Our history table is there, so another table beside ours is not a
    // refusal; a database of someone else's is.
    env.run_env(&REAL_COST, &["doctor"], "").success();
    let other = Env::on_postgres().expect("the same server");
    other
        .server()
        .execute("CREATE TABLE invoices (id integer PRIMARY KEY)");
    let refused = other.run_env(&REAL_COST, &["doctor"], "").code(1);
    assert!(
        refused.stdout.contains("not an authctl database"),
        "{refused}"
    );
}
