//! The public API that the CLI and the HTTP server use: the Flask service's
//! `Auth` operations, with the same names and meanings, plus administration.
//!
//! This is the only layer that talks to [`crate::store`].

mod admin;
mod clock;
mod error;
mod hashing;
mod import;
mod paths;
mod policy;

use std::path::Path;
use std::sync::Arc;

pub use admin::ExportedUser;
pub use clock::{Clock, ManualClock, SystemClock};
pub use error::{AuthError, INVALID_RESET_TOKEN, INVALID_SESSION, WRONG_CREDENTIALS};
use hashing::Hasher;
pub use import::{Credential, ImportOptions, ImportReport, ImportRow};
pub use paths::default_db_path;
pub use policy::{MAX_BCRYPT_COST, MIN_BCRYPT_COST, Policy};

use crate::domain::{Email, Password, PasswordHash, ResetToken, SessionToken, User, UserId};
use crate::store::{
    LoginRecord, NewSession, NewUser, SqliteStore, Store, StoreError, UserLookup, UserRecord,
};

/// Registration, login, sessions and password resets over one database.
///
/// Cheap to share between threads (`Arc<Auth>`); every method blocks on
/// bcrypt or SQLite, so async callers must run it on a blocking pool.
pub struct Auth {
    store: Box<dyn Store>,
    policy: Policy,
    clock: Arc<dyn Clock>,
    hasher: Hasher,
}

impl Auth {
    /// Opens (creating and migrating if needed) the SQLite database at `path`.
    pub fn open(path: &Path, policy: Policy) -> Result<Self, AuthError> {
        Self::open_with_clock(path, policy, Arc::new(SystemClock))
    }

    /// Like [`Auth::open`], reading time from `clock` (tests move it).
    pub fn open_with_clock(
        path: &Path,
        policy: Policy,
        clock: Arc<dyn Clock>,
    ) -> Result<Self, AuthError> {
        policy.validate()?;
        let store = SqliteStore::open(path)?;
        Ok(Self::over(Box::new(store), policy, clock))
    }

    /// Like [`Auth::open`], but a missing database file is
    /// [`AuthError::NoDatabase`] instead of a new, empty database: for
    /// callers that act only on users who already exist. (No clock
    /// parameter: tests that move time open with [`Auth::open_with_clock`].)
    pub fn open_existing(path: &Path, policy: Policy) -> Result<Self, AuthError> {
        policy.validate()?;
        let store = SqliteStore::open_existing(path).map_err(|error| match error {
            StoreError::NoDatabase => AuthError::NoDatabase(path.to_owned()),
            other => other.into(),
        })?;
        Ok(Self::over(Box::new(store), policy, Arc::new(SystemClock)))
    }

    fn over(store: Box<dyn Store>, policy: Policy, clock: Arc<dyn Clock>) -> Self {
        Self {
            hasher: Hasher::new(policy.bcrypt_cost),
            store,
            policy,
            clock,
        }
    }

    /// The settings this instance enforces.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// How many bcrypt runs (hashes and verifications, at any cost, dummy
    /// ones included) this instance has started.
    pub fn bcrypt_runs(&self) -> u64 {
        self.hasher.runs()
    }

    /// Creates a user; fails with "User `<email>` already exists" when the
    /// email (compared case-insensitively) is taken.
    pub fn register_user(&self, email: &Email, password: &Password) -> Result<User, AuthError> {
        self.policy.check_new_password(password)?;
        let new_user = NewUser {
            email: email.clone(),
            hash: self.hasher.hash(password)?,
            created_at: self.clock.now(),
        };
        self.store.add_user(&new_user).map_err(|e| match e {
            StoreError::EmailTaken => AuthError::Conflict(format!("User {email} already exists")),
            other => other.into(),
        })
    }

    /// Whether `password` is `email`'s. An unknown or disabled email spends
    /// the same bcrypt work as a wrong password.
    pub fn valid_login(&self, email: &Email, password: &Password) -> Result<bool, AuthError> {
        let checked = self
            .authenticate(email, password)
            .and_then(|login| self.record_login(&login, None));
        match checked {
            Ok(()) => Ok(true),
            Err(AuthError::AuthenticationFailed(_)) => Ok(false),
            Err(other) => Err(other),
        }
    }

    /// Opens a new session for `email` without checking a password, as the
    /// original's `create_session`; `None` for an unknown or disabled user.
    pub fn create_session(&self, email: &Email) -> Result<Option<SessionToken>, AuthError> {
        let Some(record) = self.active_user(UserLookup::Email(email))? else {
            return Ok(None);
        };
        let (token, session) = self.new_session(record.user.id);
        let login = LoginRecord {
            user: record.user.id,
            verified: None,
            rehash: None,
            session: Some(&session),
        };
        match self.store.record_login(&login, self.clock.now()) {
            Ok(()) => Ok(Some(token)),
            // Disabled or deleted since the lookup.
            Err(StoreError::NotFound) => Ok(None),
            Err(other) => Err(other.into()),
        }
    }

    /// Checks the password and opens a session: what `POST /sessions` and
    /// `authctl login` do. Wrong password and unknown email fail alike.
    pub fn login(
        &self,
        email: &Email,
        password: &Password,
    ) -> Result<(User, SessionToken), AuthError> {
        let login = self.authenticate(email, password)?;
        let (token, session) = self.new_session(login.record.user.id);
        self.record_login(&login, Some(&session))?;
        Ok((login.record.user, token))
    }

    /// The user a live session belongs to; `None` if the session is
    /// unknown, expired or ended.
    pub fn get_user_from_session_id(
        &self,
        session_id: &SessionToken,
    ) -> Result<Option<User>, AuthError> {
        let lookup = UserLookup::Session {
            digest: &session_id.digest(),
            now: self.clock.now(),
        };
        Ok(self.active_user(lookup)?.map(|record| record.user))
    }

    /// Ends every session of the user, as the original's `destroy_session`.
    pub fn destroy_session(&self, user_id: UserId) -> Result<(), AuthError> {
        self.store.delete_sessions_of(user_id, self.clock.now())?;
        Ok(())
    }

    /// Ends one session (a logout); fails if it is not live.
    pub fn end_session(&self, session_id: &SessionToken) -> Result<(), AuthError> {
        if self
            .store
            .delete_session(&session_id.digest(), self.clock.now())?
        {
            Ok(())
        } else {
            Err(AuthError::AuthenticationFailed(INVALID_SESSION))
        }
    }

    /// Issues a reset token for `email`, replacing any earlier one. Fails for
    /// an unknown or disabled user.
    pub fn get_reset_password_token(&self, email: &Email) -> Result<ResetToken, AuthError> {
        let Some(record) = self.active_user(UserLookup::Email(email))? else {
            return Err(not_found(email));
        };
        let token = ResetToken::generate();
        let expires_at = self.clock.now().after(self.policy.reset_ttl);
        self.store
            .put_reset_token(record.user.id, &token.digest(), expires_at)?;
        Ok(token)
    }

    /// Sets a new password with a reset token bound to `email`. The token is
    /// consumed, and every session and reset token of the user ends, in one
    /// transaction: of many concurrent uses of a token, exactly one succeeds.
    pub fn update_password(
        &self,
        email: &Email,
        reset_token: &ResetToken,
        password: &Password,
    ) -> Result<(), AuthError> {
        self.policy.check_new_password(password)?;
        let digest = reset_token.digest();
        let lookup = UserLookup::ResetToken {
            digest: &digest,
            now: self.clock.now(),
        };
        // A cheap indexed check first, so a bad token costs no bcrypt work.
        match self.active_user(lookup)? {
            Some(record) if record.user.email.key() == email.key() => {}
            _ => return Err(AuthError::AuthenticationFailed(INVALID_RESET_TOKEN)),
        }
        let hash = self.hasher.hash(password)?;
        match self
            .store
            .consume_reset_token(email.key(), &digest, &hash, self.clock.now())
        {
            Ok(_) => Ok(()),
            Err(StoreError::NotFound) => Err(AuthError::AuthenticationFailed(INVALID_RESET_TOKEN)),
            Err(other) => Err(other.into()),
        }
    }

    /// The enabled user matching `lookup`, if any.
    fn active_user(&self, lookup: UserLookup<'_>) -> Result<Option<UserRecord>, AuthError> {
        match self.store.find_user_by(lookup) {
            Ok(record) if !record.user.disabled => Ok(Some(record)),
            Ok(_) | Err(StoreError::NotFound) => Ok(None),
            Err(other) => Err(other.into()),
        }
    }

    /// Checks `password` against `email`'s stored hash; writes nothing.
    fn authenticate(&self, email: &Email, password: &Password) -> Result<Checked, AuthError> {
        let Some(record) = self.active_user(UserLookup::Email(email))? else {
            self.hasher.verify_dummy(password)?;
            return Err(AuthError::AuthenticationFailed(WRONG_CREDENTIALS));
        };
        if !self.hasher.verify(password, &record.hash) {
            return Err(AuthError::AuthenticationFailed(WRONG_CREDENTIALS));
        }
        let rehash = if self.hasher.needs_rehash(&record.hash) {
            Some(self.hasher.hash(password)?)
        } else {
            None
        };
        Ok(Checked { record, rehash })
    }

    /// Writes what a checked login leads to (a new hash, a session), unless
    /// the password changed or the user was disabled since the check: then
    /// the login fails as if the password were wrong, which it now is.
    fn record_login(&self, login: &Checked, session: Option<&NewSession>) -> Result<(), AuthError> {
        if login.rehash.is_none() && session.is_none() {
            return Ok(());
        }
        let record = LoginRecord {
            user: login.record.user.id,
            verified: Some(&login.record.hash),
            rehash: login.rehash.as_ref(),
            session,
        };
        match self.store.record_login(&record, self.clock.now()) {
            Ok(()) => Ok(()),
            Err(StoreError::NotFound) => Err(AuthError::AuthenticationFailed(WRONG_CREDENTIALS)),
            Err(other) => Err(other.into()),
        }
    }

    fn new_session(&self, user: UserId) -> (SessionToken, NewSession) {
        let token = SessionToken::generate();
        let created_at = self.clock.now();
        let session = NewSession {
            user,
            digest: token.digest(),
            created_at,
            expires_at: created_at.after(self.policy.session_ttl),
        };
        (token, session)
    }
}

/// A password found to match, with the hash it matched and, when that hash
/// has another cost than the policy's, its replacement.
struct Checked {
    record: UserRecord,
    rehash: Option<PasswordHash>,
}

fn not_found(email: &Email) -> AuthError {
    AuthError::NotFound(format!("no user with email {email}"))
}
