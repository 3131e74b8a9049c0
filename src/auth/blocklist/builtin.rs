//! The built-in list: Django's list of common passwords (BSD 3-Clause),
//! vendored unchanged in `data/common-passwords/` with its licence and
//! provenance.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::domain::BlockedWord;

const LIST: &str = include_str!("../../../data/common-passwords/common-passwords.txt");

/// Built on the first check of a new password, never at start-up: most
/// commands (a `whoami` in every shell prompt) set no password and must
/// not pay for twenty thousand allocations. Entries go through the same
/// parsing as the operator's words, so both compare alike.
static WORDS: LazyLock<HashSet<BlockedWord>> = LazyLock::new(|| {
    LIST.lines()
        .filter_map(|line| BlockedWord::parse(line).ok())
        .collect()
});

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
