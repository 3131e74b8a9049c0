//! The terminal path for real: prompts driven through a pseudo-terminal.

use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;
use expectrl::{Eof, Expect, Session};

use crate::support::PASSWORD;
use crate::support::cli::Env;
use crate::support::wait::{PATIENCE, eventually};

pub(super) fn spawn(env: &Env, args: &[&str]) -> OsSession {
    let mut session = Session::spawn(env.terminal_cmd(args)).expect("spawn on a pseudo-terminal");
    session.set_expect_timeout(Some(PATIENCE));
    session
}

/// Types a line into a hidden-input prompt. The prompt's text appears just
/// before the program turns echo off, and turning it off flushes pending
/// input (TCSAFLUSH), so a line typed in between would be lost: wait until
/// echo is off first.
fn type_hidden(session: &mut OsSession, line: &str) {
    let hidden = || {
        !session
            .get_process()
            .get_echo()
            .expect("read the terminal mode")
    };
    assert!(
        eventually(PATIENCE, hidden),
        "the prompt never hid its input"
    );
    session.send_line(line).expect("type");
}

/// Terminal output without its escape sequences (colours, cursor moves).
pub(super) fn without_escapes(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // CSI: ESC [ parameters, ended by a letter.
            for next in chars.by_ref() {
                if next.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Reads to the end and returns the exit code.
fn finish(mut session: OsSession) -> i32 {
    session.expect(Eof).expect("the command ends");
    match session.get_process().wait().expect("wait for the command") {
        WaitStatus::Exited(_, code) => code,
        other => panic!("the command did not exit normally: {other:?}"),
    }
}

#[test]
fn register_on_a_terminal_asks_twice_and_retries_a_mismatch() {
    let env = Env::new();
    let mut session = spawn(&env, &["register", "tty@example.com"]);

    session.expect("New password").expect("the first prompt");
    type_hidden(&mut session, PASSWORD);
    session
        .expect("Repeat the password")
        .expect("the confirmation");
    type_hidden(&mut session, "something else entirely");
    session
        .expect("passwords do not match")
        .expect("the mismatch is reported");

    session.expect("New password").expect("asked again");
    type_hidden(&mut session, PASSWORD);
    session
        .expect("Repeat the password")
        .expect("the confirmation");
    type_hidden(&mut session, PASSWORD);
    session
        .expect("user created")
        .expect("the confirmation note");
    assert_eq!(finish(session), 0);

    assert!(env.can_log_in("tty@example.com", PASSWORD));
}

#[test]
fn a_too_short_password_on_a_terminal_is_asked_again() {
    let env = Env::new();
    let mut session = spawn(&env, &["register", "tty@example.com"]);

    session.expect("New password").expect("the first prompt");
    type_hidden(&mut session, "short");
    session
        .expect("at least 8 characters")
        .expect("the rule is shown");
    session.expect("New password").expect("asked again");
    type_hidden(&mut session, PASSWORD);
    session
        .expect("Repeat the password")
        .expect("the confirmation");
    type_hidden(&mut session, PASSWORD);
    assert_eq!(finish(session), 0);
}

#[test]
fn a_too_common_password_on_a_terminal_is_asked_again() {
    let env = Env::new();
    env.run_stdin(&["blocklist", "import", "-"], "acme rocks 2024\n")
        .success();
    let mut session = spawn(&env, &["register", "tty@example.com"]);

    session.expect("New password").expect("the first prompt");
    type_hidden(&mut session, "Password123");
    session
        .expect("built-in list of common passwords")
        .expect("the reason is shown");
    session.expect("New password").expect("asked again");
    type_hidden(&mut session, "ACME ROCKS 2024");
    session
        .expect("this database's password blocklist")
        .expect("the database's list is checked at the prompt too");
    session.expect("New password").expect("asked again");
    type_hidden(&mut session, PASSWORD);
    session
        .expect("Repeat the password")
        .expect("the confirmation");
    type_hidden(&mut session, PASSWORD);
    assert_eq!(finish(session), 0);
}

#[test]
fn login_on_a_terminal_prompts_once_and_hides_the_password() {
    let env = Env::new();
    env.register("tty@example.com", PASSWORD);
    let mut session = spawn(&env, &["login", "tty@example.com"]);

    session.expect("Password").expect("the prompt");
    type_hidden(&mut session, PASSWORD);
    let rest = session.expect(Eof).expect("the command ends");
    // What Eof matched is everything the command wrote after the prompt.
    let mut shown = String::from_utf8_lossy(rest.before()).into_owned();
    for matched in rest.matches() {
        shown.push_str(&String::from_utf8_lossy(matched));
    }
    assert!(
        !shown.contains(PASSWORD),
        "the password was echoed: {shown:?}"
    );
    // Saved, so the bearer secret stays off the screen and the scrollback.
    assert!(shown.contains("session saved"), "{shown:?}");
    let saved = std::fs::read_dir(env.sessions_folder())
        .expect("the sessions folder")
        .map(|entry| std::fs::read_to_string(entry.expect("an entry").path()).expect("read"))
        .next()
        .expect("a saved session");
    assert!(
        !shown.contains(saved.trim()),
        "the session id was printed: {shown:?}"
    );
    env.run(&["whoami"]).success();
}

#[test]
fn delete_on_a_terminal_asks_for_confirmation_and_needs_enter() {
    let env = Env::new();
    env.register("keep@example.com", PASSWORD);
    // Long enough that a question naming it would wrap at 80 columns.
    let long = format!("{}@example.com", "gone".repeat(15));
    env.register(&long, PASSWORD);

    let mut declined = spawn(&env, &["users", "delete", "keep@example.com"]);
    declined
        .expect("This deletes keep@example.com")
        .expect("what is at stake");
    declined.expect("Delete it?").expect("the question");
    declined.send_line("n").expect("answer");
    assert_eq!(finish(declined), 0);
    env.run(&["users", "show", "keep@example.com"]).success();

    let mut accepted = spawn(&env, &["users", "delete", &long]);
    accepted.expect("Delete it?").expect("the question");
    // A lone keypress decides nothing; Enter does.
    accepted.send("y").expect("a keypress");
    std::thread::sleep(std::time::Duration::from_millis(300));
    env.run(&["users", "show", &long]).success();
    accepted.send_line("").expect("Enter");
    let answered = accepted.expect("user deleted").expect("the note");
    // Redrawn in place as the answer is typed, which works only while the
    // question fits one line: at 80 columns a wrapped prompt is drawn anew
    // below itself at each redraw.
    let shown = without_escapes(&String::from_utf8_lossy(answered.before()));
    for line in shown
        .split(['\r', '\n'])
        .filter(|l| l.contains("Delete it?"))
    {
        assert!(line.chars().count() < 80, "the prompt wraps: {line:?}");
    }
    assert_eq!(finish(accepted), 0);
    env.run(&["users", "show", &long]).code(3);
}

#[test]
fn import_on_a_terminal_shows_a_progress_bar() {
    let env = Env::new();
    let mut csv = String::from("email,password\n");
    for i in 0..500 {
        csv.push_str(&format!("bar{i}@example.com,password number {i}\n"));
    }
    let file = env.file("users.csv", &csv);
    let mut session = spawn(&env, &["users", "import", &file]);
    session.expect("/500 rows").expect("a progress bar");
    session.expect("500 created").expect("the summary");
    assert_eq!(finish(session), 0);
}

/// Issue 15, bug 3: a test cost left in the environment is named, once,
/// at a terminal and to a script alike; a test suite that means it says so
/// with AUTHCTL_ALLOW_WEAK_BCRYPT (this suite's Env sets it).
#[test]
fn a_bcrypt_cost_below_ten_is_a_warning_unless_a_test_suite_allows_it() {
    let env = Env::new();
    env.register("tty@example.com", PASSWORD);
    let mut terminal = env.terminal_cmd(&["users", "list"]);
    terminal.env("AUTHCTL_ALLOW_WEAK_BCRYPT", "");
    let mut session = Session::spawn(terminal).expect("spawn on a pseudo-terminal");
    session.set_expect_timeout(Some(PATIENCE));
    session
        .expect("warning: bcrypt cost 4 is below 10")
        .expect("the warning at a terminal");
    assert_eq!(finish(session), 0);

    let piped = env
        .cmd()
        .env("AUTHCTL_ALLOW_WEAK_BCRYPT", "")
        .args(["users", "import", "-"])
        .write_stdin("email,password\nb@example.com,a long enough password\n")
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&piped.stderr);
    assert_eq!(stderr.matches("is below 10").count(), 1, "once:\n{stderr}");
    let allowed = env.run(&["users", "list"]).success();
    assert!(!allowed.stderr.contains("below 10"), "{allowed}");
}

/// At an 80-column terminal (every pty test runs at one), a table with box
/// drawing whose lines fit, no email or time broken across lines; with an
/// address too long for every column, the optional columns give way.
#[test]
fn tables_at_an_80_column_terminal_fit_without_breaking_words() {
    let env = Env::new();
    let short = "someone.longish@example.com";
    let long = "a.rather.long.mailbox.name@example.com".to_owned();
    for email in [short, long.as_str()] {
        env.register(email, PASSWORD);
        env.login(email, PASSWORD);
    }
    // The rightmost optional column goes first: `created` in both.
    for (args, dropped) in [
        (&["users", "list"][..], "created"),
        (&["sessions", "list"][..], "created"),
        (&["audit"][..], "details"),
    ] {
        let mut session = spawn(&env, args);
        let table = session.expect(Eof).expect("the table");
        let mut shown = String::from_utf8_lossy(table.before()).into_owned();
        for matched in table.matches() {
            shown.push_str(&String::from_utf8_lossy(matched));
        }
        let shown = without_escapes(&shown);
        assert!(
            shown.contains('│'),
            "no box drawing at a terminal:\n{shown}"
        );
        for email in [short, long.as_str()] {
            assert!(shown.contains(email), "{email} was broken up:\n{shown}");
        }
        for line in shown.lines().filter(|line| line.contains('│')) {
            assert!(
                line.chars().count() <= 80,
                "wider than 80 columns: {line:?}"
            );
        }
        assert!(
            !shown.contains(dropped),
            "{dropped} should give way:\n{shown}"
        );
    }
}
