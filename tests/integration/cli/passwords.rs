//! Passwords from stdin arrive byte for byte: one line, its end removed.

use crate::support::cli::Env;

fn round_trip(password: &str) {
    let env = Env::new();
    env.register("pat@example.com", password);
    assert!(
        env.can_log_in("pat@example.com", password),
        "{password:?} did not round-trip"
    );
}

#[test]
fn a_password_with_spaces_round_trips() {
    round_trip("  inner and edge spaces  ");
}

#[test]
fn a_password_in_unicode_round_trips() {
    round_trip("mot de passe élevé 🔑 пароль");
}

#[test]
fn trailing_spaces_are_part_of_the_password() {
    let env = Env::new();
    env.register("pat@example.com", "trailing space ");
    assert!(!env.can_log_in("pat@example.com", "trailing space"));
    assert!(env.can_log_in("pat@example.com", "trailing space "));
}

#[test]
fn a_crlf_line_end_is_not_part_of_the_password() {
    let env = Env::new();
    env.run_stdin(
        &["register", "pat@example.com", "--password-stdin"],
        "windows line end\r\n",
    )
    .success();
    assert!(env.can_log_in("pat@example.com", "windows line end"));
}

#[test]
fn a_password_without_a_line_end_is_accepted() {
    let env = Env::new();
    env.run_stdin(
        &["register", "pat@example.com", "--password-stdin"],
        "no newline here",
    )
    .success();
    assert!(env.can_log_in("pat@example.com", "no newline here"));
}

#[test]
fn only_the_first_line_of_stdin_is_the_password() {
    let env = Env::new();
    env.run_stdin(
        &["register", "pat@example.com", "--password-stdin"],
        "first line\nsecond\n",
    )
    .success();
    assert!(env.can_log_in("pat@example.com", "first line"));
}

#[test]
fn seventy_two_bytes_are_accepted_and_all_of_them_count() {
    let env = Env::new();
    let password = "é".repeat(36);
    assert_eq!(password.len(), 72);
    env.register("pat@example.com", &password);
    let mut almost = "é".repeat(35);
    almost.push('e');
    almost.push('e');
    assert!(!env.can_log_in("pat@example.com", &almost));
    assert!(env.can_log_in("pat@example.com", &password));
}

#[test]
fn seventy_three_bytes_are_refused_not_truncated() {
    let env = Env::new();
    env.run_stdin(
        &["register", "pat@example.com", "--password-stdin"],
        &format!("{}\n", "a".repeat(73)),
    )
    .code(6)
    .stderr_has("at most 72 bytes");
}

#[test]
fn a_nul_byte_on_stdin_is_refused_and_nothing_is_created() {
    let env = Env::new();
    env.run_stdin(
        &["register", "pat@example.com", "--password-stdin"],
        "before\0after the nul\n",
    )
    .code(6)
    .stderr_has("must not contain a NUL character");
    assert_eq!(env.json(&["users", "list"]), serde_json::json!([]));
}

#[test]
fn an_empty_stdin_is_refused() {
    let env = Env::new();
    env.run_stdin(&["register", "pat@example.com", "--password-stdin"], "")
        .code(6)
        .stderr_has("no password on stdin");
}
