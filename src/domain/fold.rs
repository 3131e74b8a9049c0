//! The one case-insensitive form that emails are keyed by and that new
//! passwords are compared with the blocklist in.

use secrecy::zeroize::Zeroizing;
use unicode_normalization::UnicodeNormalization;

/// `text` Unicode-lowercased and in NFC: `É` typed as one code point or as
/// `E` plus a combining accent, in either case, gives one `é`. Lowercase,
/// not full case folding, so `ß` and `ss` stay distinct.
///
/// NFC comes before lowercasing too, since a decomposed letter can lower
/// differently from its composed form. The intermediate copies may hold a
/// password, so they are wiped when dropped.
pub(crate) fn lowercase_nfc(text: &str) -> String {
    let composed = Zeroizing::new(text.nfc().collect::<String>());
    let lowered = Zeroizing::new(composed.to_lowercase());
    lowered.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decomposed_accent_and_its_capital_fold_to_the_composed_letter() {
        let composed = "\u{e9}lodie";
        assert_eq!(lowercase_nfc("e\u{301}lodie"), composed);
        assert_eq!(lowercase_nfc("E\u{301}LODIE"), composed);
        assert_eq!(lowercase_nfc("\u{c9}lodie"), composed);
    }

    #[test]
    fn ascii_is_lowercased_and_nothing_else_changes() {
        assert_eq!(lowercase_nfc("PassWord123 !"), "password123 !");
        assert_eq!(lowercase_nfc("  spaced  "), "  spaced  ");
    }

    #[test]
    fn lowercase_is_not_case_folding() {
        assert_eq!(lowercase_nfc("STRASSE"), "strasse");
        assert_eq!(lowercase_nfc("stra\u{df}e"), "stra\u{df}e");
    }
}
