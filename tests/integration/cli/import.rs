//! users import and users export: bulk provisioning and migration.

use std::fmt::Write as _;

use bcrypt::Version;
use serde_json::Value;

use crate::support::PASSWORD;
use crate::support::cli::Env;

fn user_count(env: &Env) -> usize {
    env.json(&["users", "list"])
        .as_array()
        .expect("an array")
        .len()
}

fn hash_of(password: &str, version: Version) -> String {
    bcrypt::hash_with_result(password, 4)
        .expect("bcrypt hashes")
        .format_for_version(version)
}

#[test]
fn a_thousand_plain_passwords_import_from_csv() {
    let env = Env::new();
    let mut csv = String::from("email,password\n");
    for i in 0..1000 {
        writeln!(csv, "user{i}@example.com,password number {i}").expect("write to a string");
    }
    let file = env.file("users.csv", &csv);

    let run = env.run(&["users", "import", &file]).success();
    assert!(run.stderr.contains("1000 created, 0 skipped"), "{run}");
    assert_eq!(user_count(&env), 1000);
    assert!(env.can_log_in("user999@example.com", "password number 999"));
}

#[test]
fn existing_bcrypt_hashes_import_from_jsonl_and_keep_their_passwords() {
    let env = Env::new();
    let jsonl = format!(
        "{}\n{}\n\n{}\n",
        serde_json::json!({"email": "flask@example.com", "hashed_password": hash_of("from flask", Version::TwoB)}),
        serde_json::json!({"email": "php@example.com", "hashed_password": hash_of("from php", Version::TwoY)}),
        serde_json::json!({"email": "old@example.com", "hashed_password": hash_of("quite old", Version::TwoA)}),
    );
    let file = env.file("users.jsonl", &jsonl);

    let summary = env.json(&["users", "import", &file]);
    assert_eq!(summary["created"], 3);
    assert!(env.can_log_in("flask@example.com", "from flask"));
    assert!(env.can_log_in("php@example.com", "from php"));
    assert!(env.can_log_in("old@example.com", "quite old"));
    assert!(!env.can_log_in("flask@example.com", "from php"));
}

#[test]
fn a_csv_hashed_password_column_is_taken_as_it_is() {
    let env = Env::new();
    let csv = format!(
        "email,hashed_password\nmig@example.com,{}\n",
        hash_of("migrated", Version::TwoB)
    );
    let file = env.file("flask.csv", &csv);
    env.run(&["users", "import", &file]).success();
    assert!(env.can_log_in("mig@example.com", "migrated"));
}

#[test]
fn one_bad_row_imports_nothing_and_names_its_line() {
    let env = Env::new();
    let file = env.file(
        "users.csv",
        "email,password\nok1@example.com,fine password\nnot-an-email,fine password\nok2@example.com,fine password\n",
    );
    let run = env.run(&["users", "import", &file]).code(6);
    assert!(run.stderr.contains("line 3: invalid email"), "{run}");
    assert!(run.stderr.contains("nothing imported"), "{run}");
    assert_eq!(user_count(&env), 0);
}

#[test]
fn every_bad_row_is_reported_by_line() {
    let env = Env::new();
    let file = env.file(
        "users.csv",
        "email,password\nok@example.com,fine password\nshort@example.com,short\nbad,fine password\nok@example.com,fine password\n,fine password\n",
    );
    let run = env.run(&["--json", "users", "import", &file]).code(6);
    let error = run.json_error();
    let lines: Vec<u64> = error["rows"]
        .as_array()
        .expect("rows in the error")
        .iter()
        .map(|row| row["line"].as_u64().expect("a line number"))
        .collect();
    assert_eq!(lines, vec![3, 4, 5, 6]);
    assert!(!run.stderr.contains("short\""), "a password leaked\n{run}");
    assert_eq!(user_count(&env), 0);
}

#[test]
fn an_existing_user_fails_the_whole_import_without_skip_existing() {
    let env = Env::new();
    env.register("old@example.com", PASSWORD);
    let file = env.file(
        "users.csv",
        "email,password\nnew@example.com,fine password\nOLD@example.com,fine password\n",
    );
    env.run(&["users", "import", &file])
        .code(5)
        .stderr_has("line 3");
    assert_eq!(user_count(&env), 1);
}

#[test]
fn a_rerun_with_skip_existing_creates_only_the_new_users() {
    let env = Env::new();
    let first = env.file(
        "first.csv",
        "email,password\na@example.com,fine password\nb@example.com,fine password\n",
    );
    env.run(&["users", "import", &first]).success();
    let second = env.file(
        "second.csv",
        "email,password\na@example.com,other password\nc@example.com,fine password\nb@example.com,other password\n",
    );

    let summary = env.json(&["users", "import", "--skip-existing", &second]);
    assert_eq!(summary["created"], 1);
    assert_eq!(summary["skipped"], 2);
    assert!(summary.get("failed").is_none(), "{summary}");
    assert_eq!(summary["skipped_lines"], serde_json::json!([2, 4]));
    assert_eq!(user_count(&env), 3);
    assert!(
        env.can_log_in("a@example.com", "fine password"),
        "a skipped row changed a password"
    );
}

#[test]
fn a_dry_run_checks_everything_and_writes_nothing() {
    let env = Env::new();
    env.register("old@example.com", PASSWORD);
    let file = env.file(
        "users.csv",
        "email,password\nnew@example.com,fine password\nold@example.com,fine password\n",
    );

    env.run(&["users", "import", "--dry-run", &file]).code(5);
    let summary = env.json(&["users", "import", "--dry-run", "--skip-existing", &file]);
    assert_eq!(summary["dry_run"], true);
    assert_eq!(summary["created"], 1);
    assert_eq!(user_count(&env), 1);
}

#[test]
fn duplicate_emails_within_a_file_are_bad_rows() {
    let env = Env::new();
    let file = env.file(
        "users.csv",
        "email,password\nsam@example.com,fine password\nSAM@example.com,fine password\n",
    );
    env.run(&["users", "import", "--skip-existing", &file])
        .code(6)
        .stderr_has("line 3: SAM@example.com is already on line 2");
}

#[test]
fn an_unknown_csv_header_exits_6_naming_line_1() {
    let env = Env::new();
    let file = env.file("users.csv", "mail,pass\na@example.com,fine password\n");
    env.run(&["users", "import", &file])
        .code(6)
        .stderr_has("line 1: unknown column `mail`");
}

#[test]
fn an_empty_file_exits_6() {
    let env = Env::new();
    let file = env.file("users.csv", "");
    env.run(&["users", "import", &file])
        .code(6)
        .stderr_has("empty");
}

#[test]
fn a_row_with_the_wrong_number_of_fields_names_its_line() {
    let env = Env::new();
    let file = env.file(
        "users.csv",
        "email,password\na@example.com,fine password,extra\n",
    );
    env.run(&["users", "import", &file])
        .code(6)
        .stderr_has("line 2: expected 2 fields, found 3");
}

#[test]
fn a_bad_json_line_names_its_line() {
    let env = Env::new();
    let file = env.file(
        "users.jsonl",
        "{\"email\": \"a@example.com\", \"password\": \"fine password\"}\n{\"email\": \"b@example.com\", \n",
    );
    env.run(&["users", "import", &file])
        .code(6)
        .stderr_has("line 2: not valid JSON");
    assert_eq!(user_count(&env), 0);
}

#[test]
fn a_json_password_of_the_wrong_type_is_refused_without_echoing_it() {
    let env = Env::new();
    let file = env.file(
        "users.jsonl",
        "{\"email\": \"a@example.com\", \"password\": 12345678}\n",
    );
    let run = env.run(&["users", "import", &file]).code(6);
    assert!(
        run.stderr
            .contains("line 1: field `password` must be a string"),
        "{run}"
    );
    assert!(
        !run.stderr.contains("12345678"),
        "the password leaked\n{run}"
    );
}

#[test]
fn a_missing_import_file_exits_6() {
    let env = Env::new();
    env.run(&["users", "import", "no-such-file.csv"])
        .code(6)
        .stderr_has("cannot read no-such-file.csv");
}

#[test]
fn import_reads_stdin_with_a_dash() {
    let env = Env::new();
    env.run_stdin(
        &["users", "import", "-"],
        "email,password\npiped@example.com,fine password\n",
    )
    .success();
    env.run_stdin(
        &["users", "import", "--format", "jsonl", "-"],
        "{\"email\": \"json@example.com\", \"password\": \"fine password\"}\n",
    )
    .success();
    assert_eq!(user_count(&env), 2);
}

#[test]
fn export_then_import_moves_users_to_a_fresh_database_with_their_passwords() {
    let env = Env::new();
    env.register("una@example.com", "una's password");
    env.register("vic@example.com", "vic's password");
    let fresh = env.path("fresh.db");
    let fresh = fresh.to_str().expect("UTF-8");

    for format in ["csv", "jsonl"] {
        let exported = env
            .run(&["users", "export", "--format", format])
            .success()
            .stdout;
        let target = format!("{fresh}.{format}");
        env.run_stdin(
            &["--db", &target, "users", "import", "--format", format, "-"],
            &exported,
        )
        .success();
        let moved = env.run_stdin(
            &[
                "--db",
                &target,
                "login",
                "una@example.com",
                "--password-stdin",
                "--no-save",
            ],
            "una's password\n",
        );
        moved.code(0);
        let listed = env
            .run(&["--db", &target, "--json", "users", "list"])
            .success()
            .json();
        assert_eq!(listed.as_array().map(Vec::len), Some(2), "{format}");
        let created = |list: &serde_json::Value| list[0]["created_at"].clone();
        let original = env.run(&["--json", "users", "list"]).success().json();
        assert_eq!(
            created(&listed),
            created(&original),
            "{format} keeps created_at"
        );
    }
}

#[test]
fn an_import_with_a_malformed_created_at_names_the_line() {
    let env = Env::new();
    let out = env.run_stdin(
        &["users", "import", "--format", "csv", "-"],
        "email,password,created_at\nxa@example.com,password1,yesterday\n",
    );
    out.code(6).stderr_has("line 2").stderr_has("RFC 3339");
}

#[test]
fn an_imported_created_at_is_kept() {
    let env = Env::new();
    env.run_stdin(
        &["users", "import", "--format", "jsonl", "-"],
        "{\"email\":\"old@example.com\",\"password\":\"an old passphrase\",\"created_at\":\"2020-01-02T03:04:05Z\"}\n",
    )
    .success();
    let listed = env.run(&["--json", "users", "list"]).success().json();
    assert_eq!(listed[0]["created_at"], "2020-01-02T03:04:05Z");
}

#[test]
fn export_writes_the_header_import_reads() {
    let env = Env::new();
    env.register("wes@example.com", PASSWORD);
    let csv = env.run(&["users", "export"]).success().stdout;
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("email,hashed_password,created_at,status")
    );
    let row = lines.next().expect("one user row");
    assert!(row.starts_with("wes@example.com,$2b$04$"), "{row}");

    let jsonl = env.run(&["--json", "users", "export"]).success().stdout;
    let object: Value = serde_json::from_str(jsonl.trim_end()).expect("one JSON line");
    assert_eq!(object["email"], "wes@example.com");
    assert!(object["created_at"].is_string());
}

#[test]
fn export_to_a_file_makes_it_private() {
    use std::os::unix::fs::PermissionsExt;

    let env = Env::new();
    env.register("xia@example.com", PASSWORD);
    let out = env.path("dump.jsonl");
    env.run(&["users", "export", "--output", out.to_str().expect("UTF-8")])
        .success();
    let mode = std::fs::metadata(&out)
        .expect("the export exists")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    let text = std::fs::read_to_string(&out).expect("read the export");
    assert!(
        text.starts_with("{\"email\":\"xia@example.com\""),
        "jsonl from the name: {text}"
    );
}

#[test]
fn export_into_a_closed_pipe_ends_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;

    let env = Env::new();
    let hash = hash_of("shared", Version::TwoB);
    let mut jsonl = String::new();
    for i in 0..2000 {
        let row =
            serde_json::json!({"email": format!("pipe{i}@example.com"), "hashed_password": hash});
        writeln!(jsonl, "{row}").expect("write to a string");
    }
    let file = env.file("many.jsonl", &jsonl);
    env.run(&["users", "import", &file]).success();

    // More than a pipe buffer holds, read one line of it, then hang up.
    let mut child = env
        .std_cmd()
        .args(["users", "export"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let stdout = child.stdout.take().expect("a stdout pipe");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("read the header");
    assert_eq!(first, "email,hashed_password,created_at,status\n");
    let output = child.wait_with_output().expect("the export ends");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

/// Issue 15, bug 2: the README's copy pipeline used to bring disabled users
/// back active. Everything that defines an account survives export, import
/// and export again: the two exports are the same, byte for byte.
#[test]
fn export_import_export_changes_nothing_and_keeps_disabled_users_disabled() {
    let env = Env::new();
    env.register("una@example.com", "una's password");
    env.register("vic@example.com", "vic's password");
    env.run(&["users", "disable", "vic@example.com"]).success();
    for format in ["csv", "jsonl"] {
        let first = env
            .run(&["users", "export", "--format", format])
            .success()
            .stdout;
        assert!(first.contains("disabled"), "{format}: {first}");
        let copy = env.path(&format!("copy-{format}.db"));
        let copy = copy.to_str().expect("UTF-8");
        env.run_stdin(
            &["--db", copy, "users", "import", "--format", format, "-"],
            &first,
        )
        .success();
        let second = env
            .run(&["--db", copy, "users", "export", "--format", format])
            .success()
            .stdout;
        assert_eq!(first, second, "{format}");
        let refused = env.run_stdin(
            &[
                "--db",
                copy,
                "login",
                "vic@example.com",
                "--password-stdin",
                "--no-save",
            ],
            "vic's password\n",
        );
        assert_eq!(refused.code, 4, "a disabled user stays disabled\n{refused}");
    }
}

#[test]
fn an_unknown_status_is_refused_naming_its_line() {
    let env = Env::new();
    let file = env.file(
        "users.csv",
        "email,password,status\nuna@example.com,a long password,active\nvic@example.com,a long password,banned\n",
    );
    env.run(&["users", "import", &file])
        .code(6)
        .stderr_has("line 3")
        .stderr_has("status must be `active` or `disabled`");
}
