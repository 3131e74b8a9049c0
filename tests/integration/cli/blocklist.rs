//! The password blocklist through the binary: new passwords refused with
//! exit 6, `--no-builtin-blocklist`, and the `blocklist` commands that keep
//! the operator's list in the database.

use serde_json::json;

use crate::support::PASSWORD;
use crate::support::cli::{Env, Run};

fn register(env: &Env, email: &str, password: &str) -> Run {
    env.run_stdin(
        &["register", email, "--password-stdin"],
        &format!("{password}\n"),
    )
}

/// Asserts a too-common refusal (exit 6) that says why and never repeats
/// the password.
fn assert_too_common(run: Run, password: &str, why: &str) {
    let run = run
        .code(6)
        .stderr_has("password is too common")
        .stderr_has(why);
    assert!(
        !run.stderr.to_lowercase().contains(&password.to_lowercase()),
        "the password is echoed\n{run}"
    );
}

fn import_words(env: &Env, words: &str) -> Run {
    env.run_stdin(&["blocklist", "import", "-"], words)
}

#[test]
fn register_refuses_a_built_in_password_in_any_case_with_exit_6() {
    let env = Env::new();
    for password in ["password123", "PassWord123"] {
        assert_too_common(
            register(&env, "ann@example.com", password),
            password,
            "built-in list",
        );
    }
    let run = env.run_stdin(
        &["--json", "register", "ann@example.com", "--password-stdin"],
        "ILoveYou\n",
    );
    let error = run.code(6).json_error();
    assert_eq!(error["code"], 6);
    assert!(
        error["error"]
            .as_str()
            .is_some_and(|text| text.starts_with("password is too common")),
        "{error}"
    );
    assert!(env.json(&["users", "list"]).as_array().unwrap().is_empty());
}

#[test]
fn reset_with_a_token_refuses_a_built_in_password_and_the_token_still_works() {
    let env = Env::new();
    env.register("ann@example.com", PASSWORD);
    let token = env
        .run(&["reset-password", "ann@example.com"])
        .success()
        .stdout
        .trim_end()
        .to_owned();
    let reset = |password: &str| {
        env.run_stdin(
            &[
                "reset-password",
                "ann@example.com",
                "--token",
                &token,
                "--password-stdin",
            ],
            &format!("{password}\n"),
        )
    };
    assert_too_common(reset("Sunshine1"), "Sunshine1", "built-in list");
    reset("a better passphrase").success();
    assert!(env.can_log_in("ann@example.com", "a better passphrase"));
}

#[test]
fn the_email_its_local_part_and_the_service_name_are_refused() {
    let env = Env::new();
    let email = "Jean.Dupont@Example.com";
    assert_too_common(
        register(&env, email, "jean.dupont@example.com"),
        "jean.dupont@example.com",
        "the account's email address",
    );
    assert_too_common(
        register(&env, email, "JEAN.DUPONT"),
        "JEAN.DUPONT",
        "email address up to the @",
    );
    let run = env.run_stdin(
        &[
            "--min-password-length",
            "1",
            "register",
            email,
            "--password-stdin",
        ],
        "AuthCtl\n",
    );
    assert_too_common(run, "AuthCtl", "the name of this service");
}

#[test]
fn no_builtin_blocklist_lets_a_listed_password_through_by_flag_or_environment() {
    let env = Env::new();
    env.run_stdin(
        &[
            "register",
            "flag@example.com",
            "--password-stdin",
            "--no-builtin-blocklist",
        ],
        "password123\n",
    )
    .success();
    for (value, code) in [("1", 0), ("true", 0), ("false", 6), ("0", 6)] {
        let address = format!("env-{value}@example.com");
        let run = env.run_env(
            &[("AUTHCTL_NO_BUILTIN_BLOCKLIST", value)],
            &["register", &address, "--password-stdin"],
            "password123\n",
        );
        run.code(code);
    }
    assert!(env.can_log_in("flag@example.com", "password123"));
}

#[test]
fn the_operators_words_and_the_email_still_apply_without_the_built_in_list() {
    let env = Env::new();
    import_words(&env, "Acme2024\n").success();
    let without = |email: &str, password: &str| {
        env.run_stdin(
            &[
                "--no-builtin-blocklist",
                "register",
                email,
                "--password-stdin",
            ],
            &format!("{password}\n"),
        )
    };
    assert_too_common(
        without("ann@example.com", "ACME2024"),
        "ACME2024",
        "this database's password blocklist",
    );
    assert_too_common(
        without("annabelle@example.com", "Annabelle"),
        "Annabelle",
        "email address up to the @",
    );
}

#[test]
fn blocklist_import_list_count_and_remove_agree() {
    let env = Env::new();
    let file = env.file(
        "words.txt",
        "# Company words\r\nAcme2024\r\n\n  acme rocks  \nACME2024\n#not a word\nZeta\n",
    );
    let imported = env.json(&["blocklist", "import", &file]);
    assert_eq!(imported, json!({"added": 3, "already_listed": 0}));
    let again = import_words(&env, "zeta\nomega\n").success();
    assert!(
        again.stderr.contains("1 word added, 1 already listed"),
        "{again}"
    );

    assert_eq!(
        env.json(&["blocklist", "list"]),
        json!(["acme rocks", "acme2024", "omega", "zeta"])
    );
    let listed = env.run(&["blocklist", "list"]).success();
    assert_eq!(listed.stdout, "acme rocks\nacme2024\nomega\nzeta\n");
    assert_eq!(env.json(&["blocklist", "count"]), json!({"count": 4}));
    assert_eq!(env.run(&["blocklist", "count"]).success().stdout, "4\n");

    let removed = env.json(&["blocklist", "remove", "OMEGA", "Acme Rocks"]);
    assert_eq!(
        removed,
        json!({"removed": ["acme rocks", "omega"], "not_listed": []})
    );
    assert_eq!(env.run(&["blocklist", "count"]).success().stdout, "2\n");
}

#[test]
fn removing_an_unlisted_word_exits_3_and_removes_nothing_unless_told() {
    let env = Env::new();
    import_words(&env, "acme2024\nacme2025\n").success();
    env.run(&["blocklist", "remove", "acme2024", "acme2O25"])
        .code(3)
        .stderr_has("not on the password blocklist: acme2o25; nothing removed");
    assert_eq!(env.json(&["blocklist", "count"]), json!({"count": 2}));

    let removed = env.json(&[
        "blocklist",
        "remove",
        "--ignore-missing",
        "acme2024",
        "acme2O25",
    ]);
    assert_eq!(
        removed,
        json!({"removed": ["acme2024"], "not_listed": ["acme2o25"]})
    );
    assert_eq!(env.json(&["blocklist", "list"]), json!(["acme2025"]));
}

#[test]
fn a_bad_blocklist_file_names_each_bad_line_and_adds_nothing() {
    let env = Env::new();
    let mut bytes = b"fine\nnot \xff utf-8\nalso fine\n".to_vec();
    bytes.extend_from_slice(format!("{}\n", "x".repeat(73)).as_bytes());
    let path = env.path("words.txt");
    std::fs::write(&path, bytes).unwrap();
    let file = path.to_string_lossy().into_owned();

    let run = env
        .run(&["blocklist", "import", &file])
        .code(6)
        .stderr_has("line 2: not valid UTF-8")
        .stderr_has("line 4: invalid blocklist word: must be at most 72 bytes");
    assert!(run.stderr.contains("nothing imported"), "{run}");
    let error = env
        .run(&["--json", "blocklist", "import", &file])
        .code(6)
        .json_error();
    let lines: Vec<u64> = error["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [2, 4]);
    assert_eq!(env.json(&["blocklist", "count"]), json!({"count": 0}));
}

#[test]
fn a_password_set_before_its_word_was_listed_still_logs_in_and_remove_allows_it() {
    let env = Env::new();
    env.register("early@example.com", "Acme Rocks 2024");
    import_words(&env, "acme rocks 2024\n").success();

    assert!(env.can_log_in("early@example.com", "Acme Rocks 2024"));
    assert_too_common(
        register(&env, "late@example.com", "Acme Rocks 2024"),
        "Acme Rocks 2024",
        "this database's password blocklist",
    );

    env.run(&["blocklist", "remove", "acme rocks 2024"])
        .success()
        .stderr_has("1 word removed");
    register(&env, "late@example.com", "Acme Rocks 2024").success();
}

#[test]
fn users_import_names_every_too_common_row_and_imports_nothing() {
    let env = Env::new();
    env.register("someone@example.com", PASSWORD);
    import_words(&env, "acme rocks 2024\n").success();
    let csv = "email,password\n\
               fine@example.com,correct horse battery\n\
               built@example.com,Password123\n\
               not-an-email,correct horse battery\n\
               jean.dupont@example.com,Jean.Dupont\n\
               acme@example.com,ACME ROCKS 2024\n";
    let file = env.file("users.csv", csv);
    for dry_run in [false, true] {
        let mut args = vec!["--json", "users", "import", &file];
        if dry_run {
            args.push("--dry-run");
        }
        let error = env.run(&args).code(6).json_error();
        let rows: Vec<(u64, String)> = error["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|row| {
                let reason = row["reason"].as_str().unwrap().to_owned();
                (row["line"].as_u64().unwrap(), reason)
            })
            .collect();
        let lines: Vec<u64> = rows.iter().map(|(line, _)| *line).collect();
        assert_eq!(lines, [3, 4, 5, 6], "dry run {dry_run}: {rows:?}");
        assert!(rows[0].1.contains("built-in list"), "{rows:?}");
        assert!(rows[2].1.contains("up to the @"), "{rows:?}");
        assert!(
            rows[3].1.contains("this database's password blocklist"),
            "{rows:?}"
        );
        assert!(
            !error.to_string().to_lowercase().contains("acme rocks 2024"),
            "a password is echoed: {error}"
        );
    }
    assert_eq!(env.json(&["users", "list"]).as_array().unwrap().len(), 1);
}

#[test]
fn the_blocklist_of_a_missing_database_is_empty_and_nothing_is_created() {
    let env = Env::new();
    assert_eq!(env.json(&["blocklist", "list"]), json!([]));
    assert_eq!(env.json(&["blocklist", "count"]), json!({"count": 0}));
    env.run(&["blocklist", "remove", "acme"])
        .code(3)
        .stderr_has("no database at");
    assert!(!env.db().exists());
}
