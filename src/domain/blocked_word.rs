use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};

use super::email::write_safely;
use super::fold::lowercase_nfc;
use super::{MAX_PASSWORD_BYTES, ValidationError};

/// A word on the operator's password blocklist, in the form new passwords
/// are compared in (Unicode lowercase, NFC).
///
/// Not a secret: it names a password nobody may choose. Its `Display`
/// escapes characters that could disguise text on a terminal, as an
/// email's does.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct BlockedWord(String);

impl BlockedWord {
    /// Trims surrounding whitespace (a stray space in a list file would
    /// otherwise block a password nobody types), then accepts what could be
    /// a password: 1 to 72 bytes, no NUL.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let word = raw.trim();
        let refuse = |reason: &str| Err(ValidationError::new("blocklist word", reason));
        if word.is_empty() {
            return refuse("must not be empty");
        }
        if word.len() > MAX_PASSWORD_BYTES {
            return refuse("must be at most 72 bytes, as a password is");
        }
        if word.contains('\0') {
            return refuse("must not contain a NUL character");
        }
        Ok(Self(lowercase_nfc(word)))
    }

    /// A word read back from storage, normalised when it was written.
    pub(crate) fn from_stored(word: String) -> Self {
        Self(word)
    }

    /// The normalised word, for storage and JSON output.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Hashes as its text does, which [`Borrow<str>`] requires: a set of words
/// can then be asked about a `&str`.
impl Hash for BlockedWord {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.as_str().hash(state);
    }
}

impl Borrow<str> for BlockedWord {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for BlockedWord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_safely(f, &self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_stored_lowercased_composed_and_trimmed() {
        let word = BlockedWord::parse("  E\u{301}T\u{c9}2024 \r").unwrap();
        assert_eq!(word.as_str(), "\u{e9}t\u{e9}2024");
    }

    #[test]
    fn inner_spaces_are_part_of_the_word() {
        assert_eq!(
            BlockedWord::parse("Correct Horse").unwrap().as_str(),
            "correct horse"
        );
    }

    #[test]
    fn what_no_password_could_be_is_refused() {
        for raw in ["", "   ", "nul\0inside", &"x".repeat(73)] {
            let refusal = BlockedWord::parse(raw).unwrap_err();
            assert_eq!(refusal.field(), "blocklist word", "{raw:?}");
        }
        assert!(BlockedWord::parse(&"\u{e9}".repeat(36)).is_ok());
    }

    #[test]
    fn a_hidden_character_is_shown_escaped() {
        let word = BlockedWord::parse("pass\u{202e}word").unwrap();
        assert_eq!(word.to_string(), "pass\\u{202e}word");
        assert_eq!(word.as_str(), "pass\u{202e}word");
    }
}
