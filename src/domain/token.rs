use std::fmt;
use std::marker::PhantomData;

use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::ValidationError;

/// Marks what a token is for, so a reset token can never be passed where a
/// session id is expected.
pub trait TokenKind {
    /// The field name used in validation errors.
    const FIELD: &'static str;
}

/// Marker for session ids.
#[derive(Debug, Clone, Copy)]
pub enum Session {}
/// Marker for password-reset tokens.
#[derive(Debug, Clone, Copy)]
pub enum Reset {}
/// Marker for known-device cookies.
#[derive(Debug, Clone, Copy)]
pub enum Device {}

impl TokenKind for Session {
    const FIELD: &'static str = "session id";
}
impl TokenKind for Reset {
    const FIELD: &'static str = "reset token";
}
impl TokenKind for Device {
    const FIELD: &'static str = "device cookie";
}

/// A bearer secret: a uuid v4 string, as the Flask original issues.
///
/// Only its SHA-256 digest is ever stored; `Debug` shows nothing of it.
pub struct Token<K> {
    value: SecretString,
    kind: PhantomData<K>,
}

/// The session id a login hands out (the `session_id` cookie).
pub type SessionToken = Token<Session>;
/// The single-use token that authorises a password change.
pub type ResetToken = Token<Reset>;
/// A browser's proof that it logged in as a user before (the `device`
/// cookie), which exempts that user's logins from the account throttle.
pub type DeviceToken = Token<Device>;

impl<K: TokenKind> Token<K> {
    /// A fresh random token (122 random bits from the OS generator).
    pub fn generate() -> Self {
        Self::wrap(Uuid::new_v4().hyphenated().to_string())
    }

    /// Accepts a token a client sent back. Anything that is not a uuid is
    /// refused here, before it reaches a hash or a query.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let raw = raw.trim();
        match Uuid::try_parse(raw) {
            Ok(uuid) => Ok(Self::wrap(uuid.hyphenated().to_string())),
            Err(_) => Err(ValidationError::new(K::FIELD, "is not a valid token")),
        }
    }

    fn wrap(value: String) -> Self {
        Self {
            value: SecretString::from(value),
            kind: PhantomData,
        }
    }

    /// The digest under which the token is stored and looked up.
    pub fn digest(&self) -> TokenDigest {
        TokenDigest(Sha256::digest(self.value.expose_secret().as_bytes()).into())
    }

    /// The token text, to hand to its owner (a cookie, stdout).
    pub fn expose(&self) -> &str {
        self.value.expose_secret()
    }
}

impl<K> Clone for Token<K> {
    fn clone(&self) -> Self {
        Self {
            value: self.value.clone(),
            kind: PhantomData,
        }
    }
}

impl<K: TokenKind> fmt::Debug for Token<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Token({}, <redacted>)", K::FIELD)
    }
}

/// SHA-256 of a token: safe to store, log or show in part.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct TokenDigest([u8; 32]);

impl TokenDigest {
    /// The raw digest bytes.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// Rebuilds a digest read back from storage.
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    /// The first `chars` hex characters, enough to tell sessions apart.
    pub fn hex_prefix(&self, chars: usize) -> String {
        let mut text = hex::encode(self.0);
        text.truncate(chars);
        text
    }
}

impl fmt::Debug for TokenDigest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TokenDigest({}…)", self.hex_prefix(12))
    }
}
