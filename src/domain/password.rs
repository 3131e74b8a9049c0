use std::fmt;

use secrecy::{ExposeSecret, SecretString};

use super::ValidationError;
use super::fold::lowercase_nfc;

/// bcrypt reads at most 72 bytes; anything longer would be silently cut.
pub const MAX_PASSWORD_BYTES: usize = 72;

/// A plaintext password that bcrypt can hash without truncation.
///
/// Kept byte for byte: no trimming, no case folding, no Unicode
/// normalisation. Its `Debug` prints a placeholder.
#[derive(Clone)]
pub struct Password(SecretString);

impl Password {
    /// Accepts 1 to 72 bytes without NUL. The configurable minimum length is a
    /// policy of new passwords and is checked by `auth`, so that a password
    /// set before the minimum was raised still logs in.
    pub fn parse(raw: impl Into<String>) -> Result<Self, ValidationError> {
        let raw: String = raw.into();
        let refuse = |reason: &str| Err(ValidationError::new("password", reason));
        if raw.is_empty() {
            return refuse("must not be empty");
        }
        if raw.len() > MAX_PASSWORD_BYTES {
            return refuse("must be at most 72 bytes (bcrypt's limit)");
        }
        if raw.contains('\0') {
            return refuse("must not contain a NUL character");
        }
        Ok(Self(SecretString::from(raw)))
    }

    /// Length in Unicode characters, which is what a person counts.
    pub fn char_count(&self) -> usize {
        self.0.expose_secret().chars().count()
    }

    /// The secret bytes, for the hashing call alone.
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }

    /// Unicode-lowercased and in NFC, as the blocklist compares new
    /// passwords; still a secret. The password itself stays as typed.
    pub fn folded(&self) -> SecretString {
        SecretString::from(lowercase_nfc(self.0.expose_secret()))
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(<redacted>)")
    }
}

/// A bcrypt hash in its modular-crypt form (`$2b$12$...`).
///
/// Not a secret in the same sense as a password, but an offline-crackable
/// one, so it is never printed by `Debug` either.
#[derive(Clone)]
pub struct PasswordHash(SecretString);

impl PasswordHash {
    /// Accepts a `$2a$`, `$2b$` or `$2y$` hash with a cost of 4 to 31, as the
    /// Flask service and most bcrypt libraries write them.
    ///
    /// The layout is checked by hand (`$2b$12$` then 53 characters of
    /// bcrypt's base64): every session lookup reads a hash back, and the
    /// bcrypt crate's parser decodes the salt, which no lookup needs.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let has_known_prefix = ["$2a$", "$2b$", "$2y$"]
            .iter()
            .any(|prefix| raw.starts_with(prefix));
        let well_formed = has_known_prefix
            && raw.len() == 60
            && cost_of(raw).is_some_and(|cost| (4..=31).contains(&cost))
            && raw.as_bytes()[6] == b'$'
            && raw.as_bytes()[7..]
                .iter()
                .all(|&b| b.is_ascii_alphanumeric() || b == b'.' || b == b'/');
        if well_formed {
            Ok(Self(SecretString::from(raw.to_owned())))
        } else {
            Err(ValidationError::new(
                "password hash",
                "must be a bcrypt hash ($2a$, $2b$ or $2y$)",
            ))
        }
    }

    /// A hash read back from storage, unchecked: one that a later rule (or
    /// a hand edit) made malformed still lists and exports, and matches no
    /// password.
    pub(crate) fn from_stored(raw: String) -> Self {
        Self(SecretString::from(raw))
    }

    /// The cost factor the hash was made with.
    pub fn cost(&self) -> u32 {
        cost_of(self.expose()).unwrap_or(0)
    }

    /// The hash text, for storage and verification.
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

/// The two decimal digits after `$2b$`.
fn cost_of(hash: &str) -> Option<u32> {
    hash.get(4..6)
        .filter(|digits| digits.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|digits| digits.parse().ok())
}

impl fmt::Debug for PasswordHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PasswordHash(cost {}, <redacted>)", self.cost())
    }
}
