use std::fmt;

use unicode_normalization::UnicodeNormalization;

use super::ValidationError;

/// Longest address SMTP can carry (RFC 5321's path limit less the brackets).
const MAX_EMAIL_BYTES: usize = 254;

/// An email address as the user typed it, plus the key that makes it unique.
///
/// The key is the Unicode lowercase form in NFC: SQLite's `NOCASE` folds
/// ASCII only, so `ÉLODIE@x.io` and `élodie@x.io` would otherwise be two
/// accounts, and so would an `é` typed as one code point and as `e` with a
/// combining accent, which look the same.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email {
    display: String,
    key: String,
}

impl Email {
    /// Trims surrounding whitespace and checks the shape: one `@`, a non-empty
    /// local part and domain, no inner whitespace or control characters, at
    /// most 254 bytes.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let trimmed = raw.trim();
        let refuse = |reason: &str| Err(ValidationError::new("email", reason));
        if trimmed.is_empty() {
            return refuse("must not be empty");
        }
        if trimmed.len() > MAX_EMAIL_BYTES {
            return refuse("must be at most 254 bytes");
        }
        if trimmed.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return refuse("must not contain spaces or control characters");
        }
        let Some((local, domain)) = trimmed.split_once('@') else {
            return refuse("must contain an @");
        };
        if domain.contains('@') {
            return refuse("must contain exactly one @");
        }
        if local.is_empty() {
            return refuse("needs a name before the @");
        }
        if domain.is_empty() {
            return refuse("needs a domain after the @");
        }
        Ok(Self {
            display: trimmed.to_owned(),
            key: trimmed
                .nfc()
                .collect::<String>()
                .to_lowercase()
                .nfc()
                .collect(),
        })
    }

    /// An address read back from storage with the key it is stored under.
    ///
    /// It was parsed when written; a rule tightened since must not make it
    /// unreadable, or listing and exporting, the tools an operator repairs
    /// data with, would fail for every account because of one.
    pub(crate) fn from_stored(display: String, key: String) -> Self {
        Self { display, key }
    }

    /// The address as first written (trimmed), for display.
    pub fn as_str(&self) -> &str {
        &self.display
    }

    /// The case-folded form that uniqueness and lookups use.
    pub fn key(&self) -> &str {
        &self.key
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display)
    }
}
