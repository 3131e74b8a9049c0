//! The committed completion scripts match what the binary generates.

use std::path::Path;

use crate::support::cli::Env;

const FILES: [(&str, &str); 5] = [
    ("bash", "authctl.bash"),
    ("zsh", "_authctl"),
    ("fish", "authctl.fish"),
    ("elvish", "authctl.elv"),
    ("powershell", "_authctl.ps1"),
];

#[test]
fn the_committed_completion_scripts_are_current() {
    let env = Env::new();
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    for (shell, file) in FILES {
        let generated = env.run(&["completions", shell]).success().stdout;
        let committed = std::fs::read_to_string(folder.join(file)).unwrap_or_default();
        assert!(
            generated == committed,
            "completions/{file} is out of date; regenerate it with:\n  \
             cargo run -q -- completions {shell} > completions/{file}"
        );
    }
}

#[test]
fn completions_need_no_database() {
    let env = Env::new();
    let script = env.run(&["completions", "bash"]).success().stdout;
    assert!(script.contains("authctl"));
    assert!(!env.db().exists(), "completions created the database");
}
