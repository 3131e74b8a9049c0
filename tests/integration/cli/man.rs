//! The committed man pages match what the binary generates.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::support::cli::Env;

const REGENERATE: &str = "rm -f man/*.1 && cargo run -q -- man --out-dir man";

/// Every `*.1` file in `folder`, by name.
fn pages_in(folder: &Path) -> BTreeMap<String, String> {
    let Ok(entries) = fs::read_dir(folder) else {
        return BTreeMap::new();
    };
    entries
        .map(|entry| entry.expect("a folder entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "1"))
        .map(|path| {
            let name = path.file_name().expect("a file name").to_string_lossy();
            let text = fs::read_to_string(&path).expect("a readable page");
            (name.into_owned(), text)
        })
        .collect()
}

/// Every page, as `authctl man --out-dir` writes them.
fn written_pages(env: &Env) -> BTreeMap<String, String> {
    let out = env.path("man");
    env.run(&["man", "--out-dir", &out.to_string_lossy()])
        .success();
    pages_in(&out)
}

#[test]
fn the_committed_man_pages_are_current() {
    let env = Env::new();
    let generated = written_pages(&env);
    let committed = pages_in(&Path::new(env!("CARGO_MANIFEST_DIR")).join("man"));
    for (name, text) in &generated {
        assert!(
            committed.get(name) == Some(text),
            "man/{name} is {}; regenerate the pages with:\n  {REGENERATE}",
            if committed.contains_key(name) {
                "out of date"
            } else {
                "missing"
            }
        );
    }
    for name in committed.keys() {
        assert!(
            generated.contains_key(name),
            "man/{name} belongs to no command; regenerate the pages with:\n  {REGENERATE}"
        );
    }
}

#[test]
fn a_printed_page_is_the_written_one() {
    let env = Env::new();
    let written = written_pages(&env);
    for (args, name) in [
        (&[][..], "authctl.1"),
        (&["users"][..], "authctl-users.1"),
        (&["users", "import"][..], "authctl-users-import.1"),
        (&["reset-password"][..], "authctl-reset-password.1"),
    ] {
        let mut all = vec!["man"];
        all.extend_from_slice(args);
        let printed = env.run(&all).success().stdout;
        assert!(
            Some(&printed) == written.get(name),
            "`authctl {}` is not {name}",
            all.join(" ")
        );
    }
}

#[test]
fn every_page_is_named_after_its_command() {
    let env = Env::new();
    let out = env.path("man");
    let written = env.json(&["man", "--out-dir", &out.to_string_lossy()]);
    let names: Vec<&str> = written["pages"]
        .as_array()
        .expect("a list of pages")
        .iter()
        .map(|name| name.as_str().expect("a file name"))
        .collect();
    for name in [
        "authctl.1",
        "authctl-users.1",
        "authctl-users-list.1",
        "authctl-users-import.1",
        "authctl-sessions-revoke.1",
        "authctl-man.1",
    ] {
        assert!(names.contains(&name), "{name} not written: {names:?}");
    }
    assert_eq!(names.len(), pages_in(&out).len());
}

#[test]
fn man_needs_no_database() {
    let env = Env::new();
    let page = env.run(&["man", "users", "list"]).success().stdout;
    assert!(page.starts_with(".ie") && page.contains(".TH authctl-users-list 1"));
    let out = env.path("man");
    env.run(&["man", "--out-dir", &out.to_string_lossy()])
        .success()
        .stderr_has("man pages to");
    assert!(!env.db().exists(), "man created the database");
}

#[test]
fn a_page_for_no_command_is_a_usage_error() {
    let env = Env::new();
    env.run(&["man", "reset", "password"])
        .code(2)
        .stderr_has("no command `authctl reset password`");
    env.run(&["man", "users", "--out-dir", "x"]).code(2);
}
