//! Property tests: the parsers at the edge never panic and keep their rules
//! for any input.

use authctl::domain::{Email, Password, SessionToken};
use proptest::prelude::*;
use unicode_normalization::{UnicodeNormalization, is_nfc};

proptest! {
    #[test]
    fn any_email_that_parses_obeys_every_rule(raw in "\\PC{0,300}|[ a-zA-Z0-9@.\t]{0,40}") {
        if let Ok(email) = Email::parse(&raw) {
            let shown = email.as_str();
            prop_assert_eq!(shown, raw.trim());
            prop_assert!(shown.len() <= 254);
            prop_assert_eq!(shown.matches('@').count(), 1);
            prop_assert!(!shown.starts_with('@') && !shown.ends_with('@'));
            prop_assert!(!shown.chars().any(|c| c.is_whitespace() || c.is_control()));
            // The key is lowercase and NFC, and the same for every spelling
            // of the address that looks the same.
            prop_assert_eq!(email.key().to_lowercase(), email.key());
            prop_assert!(is_nfc(email.key()));
            // (Decomposing may pass the byte limit, which counts the bytes sent.)
            if let Ok(decomposed) = Email::parse(&shown.nfd().collect::<String>()) {
                prop_assert_eq!(decomposed.key(), email.key());
            }
            prop_assert_eq!(Email::parse(shown).unwrap(), email.clone());
        }
    }

    // Keys are Unicode lowercase, not full case folding: 'ß' upper-cases to
    // "SS", which lower-cases to "ss", so it is left out of this alphabet.
    #[test]
    fn emails_differing_only_in_case_share_a_key(local in "[a-zA-ZÀ-ÖØ-Þà-öø-ÿ]{1,20}", domain in "[a-zA-Z]{1,10}") {
        let lower = Email::parse(&format!("{local}@{domain}.io").to_lowercase()).unwrap();
        let upper = Email::parse(&format!("{local}@{domain}.IO").to_uppercase()).unwrap();
        prop_assert_eq!(lower.key(), upper.key());
    }

    #[test]
    fn a_password_parses_exactly_when_it_fits_bcrypt(raw in "\\PC{0,80}|[a\\x00]{0,5}") {
        let fits = !raw.is_empty() && raw.len() <= 72 && !raw.contains('\0');
        match Password::parse(raw.clone()) {
            Ok(password) => {
                prop_assert!(fits);
                prop_assert_eq!(password.expose(), raw.as_str());
            }
            Err(error) => {
                prop_assert!(!fits);
                prop_assert!(!error.to_string().contains(&raw) || raw.is_empty());
            }
        }
    }

    #[test]
    fn a_uuid_in_either_case_and_padded_is_its_one_canonical_token(
        bytes in any::<[u8; 16]>(),
        upper in any::<bool>(),
        pad in "[ \t]{0,3}",
    ) {
        let canonical = uuid::Uuid::from_bytes(bytes).hyphenated().to_string();
        let spelled = if upper { canonical.to_uppercase() } else { canonical.clone() };
        let token = SessionToken::parse(&format!("{pad}{spelled}{pad}"));
        prop_assert!(token.is_ok());
        let token = token.unwrap();
        prop_assert_eq!(token.expose(), canonical.as_str());
        prop_assert_eq!(token.digest(), SessionToken::parse(&canonical).unwrap().digest());
    }

    #[test]
    fn a_uuid_with_one_character_spoiled_is_refused(
        bytes in any::<[u8; 16]>(),
        at in 0..36usize,
        spoiler in "[g-zG-Z_!%]",
    ) {
        let mut spoiled = uuid::Uuid::from_bytes(bytes).hyphenated().to_string();
        spoiled.replace_range(at..=at, &spoiler);
        prop_assert!(SessionToken::parse(&spoiled).is_err(), "{}", spoiled);
    }

    #[test]
    fn a_session_token_parses_only_from_a_uuid(raw in "\\PC{0,64}") {
        if let Ok(token) = SessionToken::parse(&raw) {
            prop_assert!(uuid::Uuid::try_parse(raw.trim()).is_ok());
            prop_assert_eq!(token.digest(), SessionToken::parse(&raw).unwrap().digest());
        }
    }
}
