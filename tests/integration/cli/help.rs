//! --help and --version: examples and the exit-code table.

use crate::support::cli::Env;

#[test]
fn top_level_help_lists_the_exit_codes_and_environment() {
    let env = Env::new();
    let help = env.run(&["--help"]).success().stdout;
    for text in [
        "Exit codes:",
        "3  not found",
        "6  invalid input",
        "AUTHCTL_DB",
        "AUTHCTL_BCRYPT_COST",
        "Examples:",
    ] {
        assert!(help.contains(text), "{text:?} missing from --help:\n{help}");
    }
}

#[test]
fn every_command_help_has_an_example() {
    let env = Env::new();
    let commands: &[&[&str]] = &[
        &["register"],
        &["login"],
        &["whoami"],
        &["logout"],
        &["reset-password"],
        &["users", "list"],
        &["users", "show"],
        &["users", "delete"],
        &["users", "disable"],
        &["users", "enable"],
        &["users", "import"],
        &["users", "export"],
        &["sessions", "list"],
        &["sessions", "revoke"],
        &["doctor"],
        &["completions"],
        &["man"],
        &["serve"],
    ];
    for command in commands {
        let mut args = command.to_vec();
        args.push("--help");
        let help = env.run(&args).success().stdout;
        assert!(
            help.contains("Example"),
            "no example in `{}`:\n{help}",
            args.join(" ")
        );
    }
}

#[test]
fn version_prints_the_package_version() {
    let env = Env::new();
    let version = env.run(&["--version"]).success().stdout;
    assert_eq!(version, format!("authctl {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn help_does_not_show_the_session_from_the_environment() {
    let env = Env::new();
    let secret = "0f6a1b7e-3c49-4d5e-9a8b-7c6d5e4f3a2b";
    let output = env
        .cmd()
        .args(["whoami", "--help"])
        .env("AUTHCTL_SESSION", secret)
        .output()
        .expect("the binary runs");
    assert!(!String::from_utf8_lossy(&output.stdout).contains(secret));
}
