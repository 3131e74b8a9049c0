//! The password blocklist (SPEC section 7). A new password is refused when,
//! Unicode-lowercased and in NFC, it is the account's email, the email's
//! part before the `@` or "authctl", is on the built-in list of common
//! passwords, or is on the operator's list in the database. Only new
//! passwords come here: a login never does, so a password set before a
//! word was listed keeps working.

mod builtin;

use std::fmt;

use secrecy::ExposeSecret;

use super::audit::Event;
use super::{Auth, AuthError, Caller, Policy, TOO_COMMON};
use crate::domain::{BlockedWord, Email, Password};

/// The service's own name: the first word someone signing up to it
/// thinks of.
const SERVICE_NAME: &str = "authctl";

/// Why a new password was refused as too common. Over HTTP every reason
/// reads [`TOO_COMMON`]; the CLI says which, to the person who typed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TooCommon {
    /// On the built-in list of common passwords.
    BuiltinList,
    /// On the operator's blocklist in the database.
    OperatorList,
    /// The account's email address.
    Email,
    /// The account's email address up to the `@`.
    EmailLocalPart,
    /// The service's name, "authctl".
    ServiceName,
}

impl fmt::Display for TooCommon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let why = match self {
            Self::BuiltinList => "it is on the built-in list of common passwords",
            Self::OperatorList => "it is on this database's password blocklist",
            Self::Email => "it is the account's email address",
            Self::EmailLocalPart => "it is the account's email address up to the @",
            Self::ServiceName => "it is the name of this service",
        };
        write!(f, "{TOO_COMMON}: {why}")
    }
}

/// The checks that need no database, cheapest first. `folded` is the new
/// password lowercased and in NFC, as the email's key is.
pub(super) fn refusal(policy: &Policy, email: &Email, folded: &str) -> Option<TooCommon> {
    let key = email.key();
    let local_part = key.split_once('@').map_or(key, |(local, _)| local);
    if folded == key {
        Some(TooCommon::Email)
    } else if folded == local_part {
        Some(TooCommon::EmailLocalPart)
    } else if folded == SERVICE_NAME {
        Some(TooCommon::ServiceName)
    } else if policy.builtin_blocklist && builtin::contains(folded) {
        Some(TooCommon::BuiltinList)
    } else {
        None
    }
}

/// What adding words to the operator's blocklist did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Blocked {
    /// Distinct words that were not listed before.
    pub added: u64,
    /// Distinct words that were listed already.
    pub already_listed: u64,
}

/// What taking words off the operator's blocklist did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unblocked {
    /// The words taken off, in byte order.
    pub removed: Vec<BlockedWord>,
    /// The words named that were not listed, in byte order.
    pub not_listed: Vec<BlockedWord>,
}

impl Auth {
    /// Whether `password` may become `email`'s new password: the policy's
    /// minimum length, then the blocklist. Every operation that sets a
    /// password checks this itself; a front end calls it too to ask a
    /// person again rather than fail.
    pub fn check_new_password(&self, email: &Email, password: &Password) -> Result<(), AuthError> {
        self.policy.check_new_password(password)?;
        let folded = password.folded();
        let folded = folded.expose_secret();
        let reason = match refusal(&self.policy, email, folded) {
            Some(reason) => Some(reason),
            None if self.store.read()?.is_blocked(folded)? => Some(TooCommon::OperatorList),
            None => None,
        };
        reason.map_or(Ok(()), |reason| Err(AuthError::TooCommon(reason)))
    }

    /// Adds `words` to the operator's blocklist, in one transaction; words
    /// listed already stay as they are. Every process sharing the database
    /// refuses them from its next check on.
    pub fn block_passwords(
        &self,
        caller: &Caller,
        words: &[BlockedWord],
    ) -> Result<Blocked, AuthError> {
        let words = distinct(words);
        let mut tx = self.store.write()?;
        let added = tx.block_words(&words)?;
        let event =
            Event::success("blocklist.changed").details(serde_json::json!({ "added": added }));
        self.commit_audited(tx, caller, &event)?;
        Ok(Blocked {
            added,
            already_listed: (words.len() as u64).saturating_sub(added),
        })
    }

    /// Takes `words` off the operator's blocklist, all or none: when one is
    /// not listed, nothing is removed and [`AuthError::NotFound`] names
    /// the missing ones (a mistyped word must not pass for done), unless
    /// `ignore_missing`.
    pub fn unblock_passwords(
        &self,
        caller: &Caller,
        words: &[BlockedWord],
        ignore_missing: bool,
    ) -> Result<Unblocked, AuthError> {
        let words = distinct(words);
        let mut tx = self.store.write()?;
        let mut removed = tx.unblock_words(&words)?;
        removed.sort();
        let not_listed: Vec<BlockedWord> = words
            .into_iter()
            .filter(|word| removed.binary_search(word).is_err())
            .collect();
        if !not_listed.is_empty() && !ignore_missing {
            let names: Vec<String> = not_listed.iter().map(ToString::to_string).collect();
            return Err(AuthError::NotFound(format!(
                "not on the password blocklist: {}; nothing removed",
                names.join(", ")
            )));
        }
        let event = Event::success("blocklist.changed")
            .details(serde_json::json!({ "removed": removed.len() }));
        self.commit_audited(tx, caller, &event)?;
        Ok(Unblocked {
            removed,
            not_listed,
        })
    }

    /// Every word on the operator's blocklist, in byte order.
    pub fn blocked_passwords(&self) -> Result<Vec<BlockedWord>, AuthError> {
        Ok(self.store.read()?.blocked_words()?)
    }

    /// How many words the operator's blocklist holds.
    pub fn count_blocked_passwords(&self) -> Result<u64, AuthError> {
        Ok(self.store.read()?.count_blocked()?)
    }
}

/// Sorted and without repeats: a word named twice is one word.
fn distinct(words: &[BlockedWord]) -> Vec<BlockedWord> {
    let mut words = words.to_vec();
    words.sort();
    words.dedup();
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal_of(password: &str, email: &str) -> Option<TooCommon> {
        let password = Password::parse(password).unwrap();
        let email = Email::parse(email).unwrap();
        refusal(
            &Policy::default(),
            &email,
            password.folded().expose_secret(),
        )
    }

    #[test]
    fn a_listed_password_is_refused_in_any_case() {
        for password in ["password123", "PassWord123", "PASSWORD123"] {
            assert_eq!(
                refusal_of(password, "ann@example.com"),
                Some(TooCommon::BuiltinList),
                "{password}"
            );
        }
    }

    #[test]
    fn the_email_its_local_part_and_the_service_name_are_refused() {
        let email = "J\u{e9}r\u{f4}me.Martin@Example.com";
        assert_eq!(
            refusal_of("je\u{301}ro\u{302}me.martin@example.com", email),
            Some(TooCommon::Email)
        );
        assert_eq!(
            refusal_of("JE\u{301}RO\u{302}ME.MARTIN", email),
            Some(TooCommon::EmailLocalPart)
        );
        assert_eq!(refusal_of("AuthCtl", email), Some(TooCommon::ServiceName));
        assert_eq!(refusal_of("j\u{e9}r\u{f4}me.martin!", email), None);
    }

    #[test]
    fn only_the_whole_password_counts() {
        assert_eq!(refusal_of("password123 and more", "ann@example.com"), None);
        assert_eq!(refusal_of(" password123", "ann@example.com"), None);
    }

    #[test]
    fn the_builtin_list_can_be_turned_off_but_not_the_email_rule() {
        let policy = Policy {
            builtin_blocklist: false,
            ..Policy::default()
        };
        let email = Email::parse("ann@example.com").unwrap();
        assert_eq!(refusal(&policy, &email, "password123"), None);
        assert_eq!(
            refusal(&policy, &email, "ann"),
            Some(TooCommon::EmailLocalPart)
        );
    }

    #[test]
    fn the_reason_shown_starts_with_the_http_message() {
        assert_eq!(
            TooCommon::BuiltinList.to_string(),
            "password is too common: it is on the built-in list of common passwords"
        );
    }
}
