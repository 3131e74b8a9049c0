use std::fmt;

use super::ValidationError;
use super::fold::lowercase_nfc;

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
    /// local part and domain, no trailing dot on the domain, no inner
    /// whitespace, control, invisible or direction-changing characters, at
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
        if trimmed.chars().any(is_invisible) {
            return refuse(
                "must not contain invisible or text-direction characters \
                 (zero-width spaces and joiners, soft hyphens, bidi controls)",
            );
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
        // `example.com.` is `example.com` to DNS: the same mailbox under a
        // second spelling, so a second account.
        if domain.ends_with('.') {
            return refuse("must not end with a dot");
        }
        Ok(Self {
            display: trimmed.to_owned(),
            key: lowercase_nfc(trimmed),
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

    /// The key's confusable skeleton (Unicode TR39): two addresses that look
    /// alike, such as `admin@` with a Latin and with a Cyrillic `а`, have
    /// one skeleton. Its table changes with Unicode versions, so stored
    /// skeletons are recomputed when [`skeleton_version`] changes.
    pub fn skeleton(&self) -> String {
        unicode_security::skeleton(&self.key).collect()
    }
}

/// Names the table [`Email::skeleton`] uses: stored skeletons made with
/// another are stale.
pub fn skeleton_version() -> String {
    let (major, minor, update) = unicode_security::UNICODE_VERSION;
    format!("tr39-{major}.{minor}.{update}")
}

/// Unicode's Default_Ignorable_Code_Point set (DerivedCoreProperties.txt,
/// Unicode 15.1): characters that render as nothing (zero-width space and
/// joiners, soft hyphen, byte-order mark, variation selectors, Hangul
/// fillers, tags) or only reorder text (bidi marks, embeddings, overrides and
/// isolates). In an address they make a second account look like the first.
const INVISIBLE: [(char, char); 17] = [
    ('\u{00AD}', '\u{00AD}'),
    ('\u{034F}', '\u{034F}'),
    ('\u{061C}', '\u{061C}'),
    ('\u{115F}', '\u{1160}'),
    ('\u{17B4}', '\u{17B5}'),
    ('\u{180B}', '\u{180F}'),
    ('\u{200B}', '\u{200F}'),
    ('\u{202A}', '\u{202E}'),
    ('\u{2060}', '\u{206F}'),
    ('\u{3164}', '\u{3164}'),
    ('\u{FE00}', '\u{FE0F}'),
    ('\u{FEFF}', '\u{FEFF}'),
    ('\u{FFA0}', '\u{FFA0}'),
    ('\u{FFF0}', '\u{FFF8}'),
    ('\u{1BCA0}', '\u{1BCA3}'),
    ('\u{1D173}', '\u{1D17A}'),
    ('\u{E0000}', '\u{E0FFF}'),
];

/// Whether `c` renders as nothing or only reorders the text around it.
fn is_invisible(c: char) -> bool {
    INVISIBLE
        .iter()
        .any(|&(first, last)| (first..=last).contains(&c))
}

/// Whether printing `c` to a terminal could hide or disguise text: a
/// control character, or an invisible or text-direction one.
pub fn is_unsafe_to_show(c: char) -> bool {
    c.is_control() || is_invisible(c)
}

/// The address for people: as [`Email::as_str`], except that a character
/// that could hide or disguise text is shown escaped (`\u{202e}`). Parsing
/// refuses such characters, but an account stored before that rule may hold
/// one, and an operator's terminal must not be tricked by it. Data paths
/// (export, JSON answers) use [`Email::as_str`].
impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_safely(f, &self.display)
    }
}

/// Writes `text` with each character that could hide or disguise text on
/// a terminal escaped (`\u{202e}`).
pub(super) fn write_safely(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    for c in text.chars() {
        if is_unsafe_to_show(c) {
            write!(f, "\\u{{{:x}}}", u32::from(c))?;
        } else {
            fmt::Write::write_char(f, c)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_alikes_of_an_address_are_refused() {
        let look_alikes = [
            "admin\u{202E}@example.com",
            "ad\u{200B}min@example.com",
            "ad\u{200D}min@example.com",
            "ad\u{200C}min@example.com",
            "\u{FEFF}admin@example.com",
            "ad\u{00AD}min@example.com",
            "admin\u{FE0F}@example.com",
            "admin@example.com\u{2066}",
            "ad\u{200E}min@example.com",
            "admin@ex\u{2060}ample.com",
            "admin@example.com.",
        ];
        for raw in look_alikes {
            let refusal = Email::parse(raw).unwrap_err();
            assert_eq!(refusal.field(), "email", "{raw:?}");
        }
    }

    #[test]
    fn look_alike_letters_share_a_skeleton_and_other_addresses_do_not() {
        let latin = Email::parse("admin@example.com").unwrap();
        let cyrillic_a = Email::parse("\u{430}dmin@example.com").unwrap();
        let cyrillic_i = Email::parse("adm\u{456}n@EXAMPLE.com").unwrap();
        let other = Email::parse("admin2@example.com").unwrap();
        assert_ne!(latin.key(), cyrillic_a.key());
        assert_eq!(latin.skeleton(), cyrillic_a.skeleton());
        assert_eq!(latin.skeleton(), cyrillic_i.skeleton());
        assert_ne!(latin.skeleton(), other.skeleton());
    }

    #[test]
    fn a_stored_address_shows_its_hidden_characters_escaped() {
        let stored = Email::from_stored(
            "moc.elpmaxe@\u{202e}nimda".to_owned(),
            "moc.elpmaxe@\u{202e}nimda".to_owned(),
        );
        assert_eq!(stored.to_string(), "moc.elpmaxe@\\u{202e}nimda");
        assert_eq!(stored.as_str(), "moc.elpmaxe@\u{202e}nimda");
    }

    #[test]
    fn ordinary_unicode_addresses_still_parse() {
        for raw in [
            "\u{e9}lodie@x.io",
            "\u{4f60}\u{597d}@\u{4f8b}\u{5b50}.cn",
            "a.b+tag@sub.example.com",
        ] {
            assert!(Email::parse(raw).is_ok(), "{raw}");
        }
    }
}
