//! Property tests: the parsers at the edge never panic and keep their rules
//! for any input. Each generator mixes inputs that pass with ones that
//! nearly do, so a property's checks on what parses really run (the last
//! test holds the generators to that).

use authctl::domain::{Email, Password, SessionToken};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use sha2::{Digest, Sha256};
use unicode_normalization::{UnicodeNormalization, is_nfc};
use uuid::Uuid;

/// Random text, and addresses (surrounding whitespace, Unicode, up to
/// past the length limit), now and then with a space, a control character
/// or a second `@` put in, or a part left empty.
fn email_inputs() -> impl Strategy<Value = String> {
    let part = "[a-zA-Z0-9.+_'-]{0,12}|[a-zA-Zà-öÀ-Ö用户例子]{1,12}|[a-z]{120,130}";
    let pad = "[ \t\n]{0,2}";
    let damage = prop_oneof![
        3 => Just(None),
        1 => (any::<prop::sample::Index>(), "[ \t\u{0}\u{7}\u{7f}@]").prop_map(Some),
    ];
    let addresses =
        (pad, part, part, damage, pad).prop_map(|(left, local, domain, damage, right)| {
            let mut address = format!("{local}@{domain}");
            if let Some((at, inserted)) = damage {
                let boundaries: Vec<usize> = address
                    .char_indices()
                    .map(|(i, _)| i)
                    .chain([address.len()])
                    .collect();
                address.insert_str(*at.get(&boundaries), &inserted);
            }
            format!("{left}{address}{right}")
        });
    prop_oneof![
        1 => "\\PC{0,300}|[ a-zA-Z0-9@.\t]{0,40}",
        3 => addresses,
    ]
}

/// Random text up to past bcrypt's 72 bytes, and short runs with NULs.
fn password_inputs() -> &'static str {
    "\\PC{0,80}|[a\\x00]{0,5}"
}

/// Spellings of uuids as the uuid crate writes them (hyphenated, simple,
/// braced, URN) in mixed case and padded with whitespace, about half of
/// them damaged by one character added, removed or replaced, or by text
/// around them; and some random text.
fn token_inputs() -> impl Strategy<Value = String> {
    let spelled = (any::<[u8; 16]>(), 0..4usize, any::<u64>()).prop_map(|(bytes, form, case)| {
        let uuid = Uuid::from_bytes(bytes);
        let text = match form {
            0 => uuid.hyphenated().to_string(),
            1 => uuid.simple().to_string(),
            2 => uuid.braced().to_string(),
            _ => uuid.urn().to_string(),
        };
        text.chars()
            .enumerate()
            .map(|(i, c)| match case >> (i % 64) & 1 {
                1 => c.to_ascii_uppercase(),
                _ => c,
            })
            .collect::<String>()
    });
    let odd = "[ \t\u{a0}\u{200b}g-zG-Z_!%{}:0-9a-fA-F-]";
    let damage = prop_oneof![
        4 => Just(Damage::None),
        1 => (any::<prop::sample::Index>(), odd).prop_map(|(at, c)| Damage::Insert(at, c)),
        1 => any::<prop::sample::Index>().prop_map(Damage::Remove),
        1 => (any::<prop::sample::Index>(), odd).prop_map(|(at, c)| Damage::Replace(at, c)),
        1 => ("[!-~\u{200b}]{0,3}", "[!-~\u{200b}]{0,3}").prop_map(|(l, r)| Damage::Around(l, r)),
    ];
    let pad = "[ \t\n\r\u{a0}\u{2028}\u{3000}]{0,2}";
    let damaged = (spelled, damage, pad, pad)
        .prop_map(|(text, damage, left, right)| format!("{left}{}{right}", damage.apply(text)));
    prop_oneof![5 => damaged, 1 => "\\PC{0,64}"]
}

/// One change to a spelled uuid.
#[derive(Debug, Clone)]
enum Damage {
    None,
    Insert(prop::sample::Index, String),
    Remove(prop::sample::Index),
    Replace(prop::sample::Index, String),
    Around(String, String),
}

impl Damage {
    /// The spellings are ASCII, so any byte index is a character's.
    fn apply(self, mut text: String) -> String {
        match self {
            Self::None => {}
            Self::Insert(at, c) => text.insert_str(at.index(text.len() + 1), &c),
            Self::Remove(at) => {
                text.remove(at.index(text.len()));
            }
            Self::Replace(at, c) => {
                let at = at.index(text.len());
                text.replace_range(at..=at, &c);
            }
            Self::Around(left, right) => text = format!("{left}{text}{right}"),
        }
        text
    }
}

/// What `SessionToken::parse` documents and the uuid crate reads, written
/// out independently: after trimming whitespace, 32 hex digits, or groups
/// of 8-4-4-4-12 hex digits joined by hyphens, alone, in braces or after
/// `urn:uuid:` (in any case). Returns the canonical lowercase hyphenated
/// form of such a spelling; `None` for anything else.
fn canonical_uuid(raw: &str) -> Option<String> {
    let text = raw.trim();
    let all_hex =
        |digits: &str| digits.len() == 32 && digits.bytes().all(|b| b.is_ascii_hexdigit());
    let digits = if all_hex(text) {
        text.to_owned()
    } else {
        let inner = text
            .strip_prefix('{')
            .and_then(|rest| rest.strip_suffix('}'))
            .or_else(|| {
                text.get(..9)
                    .filter(|prefix| prefix.eq_ignore_ascii_case("urn:uuid:"))
                    .map(|_| &text[9..])
            })
            .unwrap_or(text);
        let groups: Vec<&str> = inner.split('-').collect();
        if !groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12]) {
            return None;
        }
        let digits = groups.concat();
        if !all_hex(&digits) {
            return None;
        }
        digits
    };
    let d = digits.to_ascii_lowercase();
    Some(format!(
        "{}-{}-{}-{}-{}",
        &d[..8],
        &d[8..12],
        &d[12..16],
        &d[16..20],
        &d[20..]
    ))
}

proptest! {
    #[test]
    fn any_email_that_parses_obeys_every_rule(raw in email_inputs()) {
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
    fn a_password_parses_exactly_when_it_fits_bcrypt(raw in password_inputs()) {
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

    /// Both ways: whatever is a uuid's spelling parses, to the canonical
    /// token and its digest; nothing else does.
    #[test]
    fn a_session_token_parses_only_from_a_uuid(raw in token_inputs()) {
        match (SessionToken::parse(&raw), canonical_uuid(&raw)) {
            (Ok(token), Some(canonical)) => {
                prop_assert_eq!(token.expose(), canonical.as_str());
                let expected: [u8; 32] = Sha256::digest(canonical.as_bytes()).into();
                prop_assert_eq!(*token.digest().as_bytes(), expected);
            }
            (Err(_), None) => {}
            (Ok(token), None) => {
                prop_assert!(false, "{:?} parsed, as {}", raw, token.expose());
            }
            (Err(error), Some(canonical)) => {
                prop_assert!(false, "{:?} ({}) was refused: {}", raw, canonical, error);
            }
        }
    }
}

/// The share of `strategy`'s values (from a fixed seed) for which `holds`.
fn share_of<S: Strategy>(strategy: S, holds: impl Fn(&S::Value) -> bool) -> f64 {
    let mut runner = TestRunner::deterministic();
    let samples = 1000;
    let hits = (0..samples)
        .filter(|_| holds(&strategy.new_tree(&mut runner).expect("a value").current()))
        .count();
    hits as f64 / f64::from(samples)
}

/// A property checked only on inputs that parse proves nothing if its
/// inputs almost never do (random text, say, is never a uuid), and one
/// checked both ways needs both outcomes.
#[test]
fn the_generators_give_inputs_that_parse_and_inputs_that_do_not() {
    let emails = share_of(email_inputs(), |raw| Email::parse(raw).is_ok());
    let passwords = share_of(password_inputs(), |raw| {
        Password::parse(raw.clone()).is_ok()
    });
    let tokens = share_of(token_inputs(), |raw| canonical_uuid(raw).is_some());
    for (what, share) in [
        ("emails", emails),
        ("passwords", passwords),
        ("tokens", tokens),
    ] {
        assert!((0.25..=0.75).contains(&share), "{what}: {share} parse");
    }
}
