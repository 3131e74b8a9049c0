//! The public API that the CLI and the HTTP server use: the Flask service's
//! `Auth` operations, with the same names and meanings, plus administration.
//!
//! This is the only layer that talks to storage: `store` is a private
//! module here, so the front ends cannot name it. Every operation that
//! changes, authenticates or discloses something takes the [`Caller`].

mod admin;
mod audit;
mod blocklist;
mod caller;
mod clock;
mod error;
mod hashing;
mod import;
mod inspect;
mod login;
mod policy;
mod readiness;
mod store;
mod throttle;

use std::sync::Arc;
use std::time::Duration;

pub use admin::{AccountActivity, ExportedUser};
use audit::Event;
pub use audit::{AUDIT_EVENTS, AuditEntry, AuditQuery};
pub use blocklist::{Blocked, TooCommon, Unblocked};
pub use caller::Caller;
pub use clock::{Clock, ManualClock, SystemClock};
pub use error::{AuthError, INVALID_RESET_TOKEN, INVALID_SESSION, TOO_COMMON, WRONG_CREDENTIALS};
use hashing::Hasher;
pub use import::{Credential, ImportOptions, ImportReport, ImportRow, RowError, check_import_rows};
pub use inspect::{BCRYPT_COST, inspect};
pub use login::{LoggedIn, LoginAttempt};
pub use policy::{MAX_BCRYPT_COST, MIN_BCRYPT_COST, Policy, WEAK_BCRYPT_COST};
use store::{
    LoginRecord, NewSession, NewUser, Scope, Store, StoreError, UserLookup, UserRecord, UserUpdate,
    Writer,
};
pub use throttle::{ThrottleEntry, ThrottleScope, ThrottleTarget, Throttling};

use crate::domain::{
    Database, Email, Password, ResetToken, SessionToken, Timestamp, TokenDigest, User, UserId,
};

/// `tracing` filter directives a program that installs a logger adds after
/// the user's own (`RUST_LOG`): they keep the storage drivers' debug lines,
/// which show statement parameters (password hashes, token digests), out of
/// every log.
pub const LOG_CEILINGS: [&str; 1] = store::LOG_CEILINGS;

/// An opened database, whatever its backend, ready for [`Auth::new`].
pub struct Storage(Box<dyn Store>);

impl Storage {
    /// Opens the database, creating and migrating it if needed.
    pub fn open(database: &Database) -> Result<Self, AuthError> {
        store::open(database)
            .map(Self)
            .map_err(|error| opening_failed(database, error))
    }

    /// Opens the database only if it exists, else
    /// [`AuthError::NoDatabase`]: for callers that act only on users who
    /// already exist, so a mistyped locator leaves no empty database behind.
    pub fn open_existing(database: &Database) -> Result<Self, AuthError> {
        store::open_existing(database)
            .map(Self)
            .map_err(|error| opening_failed(database, error))
    }
}

/// Registration, login, sessions and password resets over one database.
///
/// Cheap to share between threads (`Arc<Auth>`); every method blocks on
/// bcrypt or the database, so async callers must run it on a blocking pool.
pub struct Auth {
    store: Box<dyn Store>,
    policy: Policy,
    clock: Arc<dyn Clock>,
    hasher: Hasher,
    recent_refusals: throttle::RecentRefusals,
    refusals: audit::RefusalTally,
}

impl Auth {
    /// Auth over `storage`, enforcing `policy`, reading time from `clock`.
    pub fn new(storage: Storage, policy: Policy, clock: Arc<dyn Clock>) -> Result<Self, AuthError> {
        policy.validate()?;
        Ok(Self::over(storage, policy, clock))
    }

    /// Opens (creating and migrating if needed) `database` on the system clock.
    pub fn open(database: &Database, policy: Policy) -> Result<Self, AuthError> {
        // Checked before the database is touched: a bad setting creates no file.
        policy.validate()?;
        Ok(Self::over(
            Storage::open(database)?,
            policy,
            Arc::new(SystemClock),
        ))
    }

    /// Like [`Auth::open`], but a missing database is
    /// [`AuthError::NoDatabase`] instead of a new, empty one.
    pub fn open_existing(database: &Database, policy: Policy) -> Result<Self, AuthError> {
        policy.validate()?;
        let storage = Storage::open_existing(database)?;
        Ok(Self::over(storage, policy, Arc::new(SystemClock)))
    }

    /// `policy` must have been validated.
    fn over(storage: Storage, policy: Policy, clock: Arc<dyn Clock>) -> Self {
        Self {
            hasher: Hasher::new(policy.bcrypt_cost),
            store: storage.0,
            policy,
            clock,
            recent_refusals: throttle::RecentRefusals::default(),
            refusals: audit::RefusalTally::default(),
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
    pub fn register_user(
        &self,
        caller: &Caller,
        email: &Email,
        password: &Password,
    ) -> Result<User, AuthError> {
        self.check_new_password(email, password)?;
        let new_user = NewUser {
            email: email.clone(),
            hash: self.hasher.hash(password)?,
            created_at: self.clock.now(),
            disabled: false,
        };
        let mut tx = self.store.write()?;
        let user = tx
            .add_user(&new_user)
            .map_err(|e| email_refused(email, e))?;
        // Failures counted against this email before it was anyone's (a
        // lock an attacker set up in advance) are not the new user's.
        tx.delete_counter(Scope::Account, email.key())?;
        self.commit_audited(tx, caller, &Event::success("user.registered").user(&user))?;
        self.recent_refusals.forget(Scope::Account, email.key());
        Ok(user)
    }

    /// Opens a new session for `email` without checking a password, as the
    /// original's `create_session`; `None` for an unknown or disabled user.
    pub fn create_session(
        &self,
        caller: &Caller,
        email: &Email,
    ) -> Result<Option<SessionToken>, AuthError> {
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
        let mut tx = self.store.write()?;
        match tx.record_login(&login, self.clock.now()) {
            Ok(()) => {
                self.cap_sessions(tx.as_mut(), record.user.id)?;
                let event = Event::success("session.created").user(&record.user);
                self.commit_audited(tx, caller, &event)?;
            }
            // Disabled or deleted since the lookup.
            Err(StoreError::NotFound) => return Ok(None),
            Err(other) => return Err(other.into()),
        }
        Ok(Some(token))
    }

    /// The user a live session belongs to; `None` if the session is
    /// unknown, expired, idle past the idle timeout, or ended. (It takes no
    /// caller: it is the one call on every authenticated request, and it
    /// changes nothing but, with an idle timeout, when the session was used.)
    pub fn get_user_from_session_id(
        &self,
        session_id: &SessionToken,
    ) -> Result<Option<User>, AuthError> {
        let now = self.clock.now();
        let digest = session_id.digest();
        let Some(user) = self.live_session_user(&digest, now)? else {
            return Ok(None);
        };
        if let Some(idle) = self.policy.session_idle_timeout {
            self.mark_used(&digest, idle, now)?;
        }
        Ok(Some(user))
    }

    /// The enabled user whose session, live and not idle at `now`, is
    /// stored under `digest`. Writes nothing.
    fn live_session_user(
        &self,
        digest: &TokenDigest,
        now: Timestamp,
    ) -> Result<Option<User>, AuthError> {
        let idle = self.policy.session_idle_timeout;
        let lookup = UserLookup::Session {
            digest,
            now,
            idle_cutoff: idle.map(|idle| now.before(idle)),
        };
        Ok(self.active_user(lookup)?.map(|record| record.user))
    }

    /// Records that a session was used, at most once per tenth of the idle
    /// timeout: a lookup that wrote every time would make each request wait
    /// for a disk sync. So a session ends between nine and ten tenths of
    /// the timeout after its last use.
    fn mark_used(
        &self,
        digest: &TokenDigest,
        idle: Duration,
        now: Timestamp,
    ) -> Result<(), AuthError> {
        let every = (idle / 10).max(Duration::from_secs(1));
        let last_used = self.store.read()?.session_last_used(digest)?;
        if last_used.is_some_and(|last| last > now.before(every)) {
            return Ok(());
        }
        let mut tx = self.store.write()?;
        tx.touch_session(digest, now)?;
        tx.commit()?;
        Ok(())
    }

    /// Ends every session of the user, as the original's `destroy_session`.
    pub fn destroy_session(&self, caller: &Caller, user_id: UserId) -> Result<(), AuthError> {
        let mut tx = self.store.write()?;
        let ended = tx.delete_sessions_of(user_id, self.clock.now())?;
        let event = self
            .about_user(tx.as_mut(), user_id, Event::success("session.ended"))?
            .details(serde_json::json!({ "sessions": ended }));
        self.commit_audited(tx, caller, &event)
    }

    /// Ends one session (a logout); fails if it is not live.
    pub fn end_session(&self, caller: &Caller, session_id: &SessionToken) -> Result<(), AuthError> {
        let mut tx = self.store.write()?;
        let Some(user) = tx.delete_session(&session_id.digest(), self.clock.now())? else {
            return Err(AuthError::AuthenticationFailed(INVALID_SESSION));
        };
        let event = self
            .about_user(tx.as_mut(), user, Event::success("session.ended"))?
            .details(serde_json::json!({ "sessions": 1 }));
        self.commit_audited(tx, caller, &event)
    }

    /// Issues a reset token for `email`, replacing any earlier one. Fails for
    /// an unknown or disabled user.
    pub fn get_reset_password_token(
        &self,
        caller: &Caller,
        email: &Email,
    ) -> Result<ResetToken, AuthError> {
        let Some(record) = self.active_user(UserLookup::Email(email))? else {
            // Logged, not stored: a row for each request naming an address
            // that has no account would let anyone grow the table at will.
            Event::failure("password.reset_requested", "unknown_user")
                .email(email)
                .emit(caller, None);
            return Err(not_found(email));
        };
        let token = ResetToken::generate();
        let expires_at = self.clock.now().after(self.policy.reset_ttl);
        // Over HTTP, a few requests an hour per account: each may run the
        // reset hook, which mails someone. A read refuses most; the count
        // and the token commit together, so a refused request leaves the
        // earlier token in place.
        let limited = caller.client_address().is_some();
        let now_ms = self.clock.now_ms();
        let refused = |refusal: throttle::Refusal| {
            // A window's refusals end together: its end names the period.
            let until_ms = refusal.until_ms(now_ms);
            let event = Event::failure("password.reset_requested", "throttled").user(&record.user);
            let aggregate = format!("reset|{}|{until_ms}", email.key());
            self.tally_refusal(caller, aggregate, event);
            self.throttled(refusal, Scope::ResetRequests)
        };
        if limited {
            let reader = &mut self.store.read()?;
            let refusal =
                throttle::precheck(reader.as_mut(), Scope::ResetRequests, email.key(), now_ms)?;
            if let Some(found) = refusal {
                return Err(refused(found.refusal));
            }
        }
        let mut tx = self.store.write()?;
        if limited {
            let rules = self.policy.throttling;
            let claimed = throttle::claim(tx.as_mut(), Scope::ResetRequests, email.key(), |c| {
                rules.claim_reset_request(c, now_ms)
            })?;
            if let Err(refusal) = claimed {
                drop(tx);
                return Err(refused(refusal));
            }
        }
        tx.put_reset_token(record.user.id, &token.digest(), expires_at)?;
        let event = Event::success("password.reset_requested").user(&record.user);
        self.commit_audited(tx, caller, &event)?;
        Ok(token)
    }

    /// Fails as `register_user` would if `email` or a look-alike of it is
    /// taken: for a front end to say so before asking for a password.
    pub fn check_email_free(&self, email: &Email) -> Result<(), AuthError> {
        self.store
            .read()?
            .email_free(email)
            .map_err(|e| email_refused(email, e))
    }

    /// Fails as `update_password` would if `reset_token` is not a live token
    /// of `email`'s: for a front end to say so before asking for a password.
    /// Uses nothing up.
    pub fn check_reset_token(
        &self,
        email: &Email,
        reset_token: &ResetToken,
    ) -> Result<(), AuthError> {
        let digest = reset_token.digest();
        let lookup = UserLookup::ResetToken {
            digest: &digest,
            now: self.clock.now(),
        };
        match self.active_user(lookup)? {
            Some(record) if record.user.email.key() == email.key() => Ok(()),
            _ => Err(AuthError::AuthenticationFailed(INVALID_RESET_TOKEN)),
        }
    }

    /// Sets a new password with a reset token bound to `email`. The token is
    /// consumed, and every session and reset token of the user ends, in one
    /// transaction: of many concurrent uses of a token, exactly one succeeds.
    pub fn update_password(
        &self,
        caller: &Caller,
        email: &Email,
        reset_token: &ResetToken,
        password: &Password,
    ) -> Result<(), AuthError> {
        self.check_new_password(email, password)?;
        self.check_token_use(caller)?;
        let digest = reset_token.digest();
        let now_ms = self.clock.now_ms();
        let client = caller.client_address().map(throttle::client_key);
        let mut tx = self.store.write()?;
        // Over HTTP a token use counts against the client like a login: it
        // is a guess at a secret, given back on success. The count and a
        // bad token's audit row commit together; a row per bad token is
        // bounded, since the client is blocked after a few.
        if let Some(client) = &client {
            let rules = self.policy.throttling;
            let claimed = throttle::claim(tx.as_mut(), Scope::Client, client, |counter| {
                rules.claim_client(counter, now_ms)
            })?;
            if let Err(refusal) = claimed {
                drop(tx);
                let reader = &mut self.store.read()?;
                let refused = throttle::precheck(reader.as_mut(), Scope::Client, client, now_ms)?;
                return Err(match refused {
                    Some(refused) => self.refuse_token_use(caller, client, refused),
                    None => self.throttled(refusal, Scope::Client),
                });
            }
        }
        // A cheap indexed check first, so a bad token costs no bcrypt work.
        let lookup = UserLookup::ResetToken {
            digest: &digest,
            now: self.clock.now(),
        };
        let valid = match tx.find_user_by(lookup) {
            Ok(record) => !record.user.disabled && record.user.email.key() == email.key(),
            Err(StoreError::NotFound) => false,
            Err(other) => return Err(other.into()),
        };
        if !valid {
            let event = Event::failure("password.reset_failed", "invalid_token").email(email);
            self.commit_audited(tx, caller, &event)?;
            return Err(AuthError::AuthenticationFailed(INVALID_RESET_TOKEN));
        }
        tx.commit()?;
        let hash = self.hasher.hash(password)?;
        let now = self.clock.now();
        let mut tx = self.store.write()?;
        let user = match tx.take_reset_token(email.key(), &digest, now) {
            Ok(user) => user,
            // Used up by a concurrent call since the check: recorded in this
            // transaction, which holds the write lock and changed nothing.
            Err(StoreError::NotFound) => {
                let event = Event::failure("password.reset_failed", "invalid_token").email(email);
                self.commit_audited(tx, caller, &event)?;
                return Err(AuthError::AuthenticationFailed(INVALID_RESET_TOKEN));
            }
            Err(other) => return Err(other.into()),
        };
        let update = UserUpdate {
            hash: Some(hash),
            end_sessions: true,
            ..UserUpdate::default()
        };
        tx.update_user(user, &update, now)?;
        // Whoever holds a reset token controls the mailbox: the lock and
        // the wait on the account end with the reset.
        tx.delete_counter(Scope::Account, email.key())?;
        if let Some(client) = &client {
            let rules = &self.policy.throttling;
            throttle::release_client(tx.as_mut(), rules, client, now_ms, self.clock.now_ms())?;
        }
        let event = Event::success("password.reset_completed")
            .user_id(user)
            .email(email);
        self.commit_audited(tx, caller, &event)?;
        self.recent_refusals.forget(Scope::Account, email.key());
        Ok(())
    }

    /// `event` about user `id`, named by its email too (so that `audit
    /// --user` finds it), as read in `tx`.
    fn about_user(
        &self,
        tx: &mut dyn Writer,
        id: UserId,
        event: Event,
    ) -> Result<Event, AuthError> {
        match tx.find_user_by(UserLookup::Id(id)) {
            Ok(record) => Ok(event.user(&record.user)),
            Err(StoreError::NotFound) => Ok(event.user_id(id)),
            Err(other) => Err(other.into()),
        }
    }

    /// The enabled user matching `lookup`, if any.
    fn active_user(&self, lookup: UserLookup<'_>) -> Result<Option<UserRecord>, AuthError> {
        match self.store.read()?.find_user_by(lookup) {
            Ok(record) if !record.user.disabled => Ok(Some(record)),
            Ok(_) | Err(StoreError::NotFound) => Ok(None),
            Err(other) => Err(other.into()),
        }
    }

    /// Ends `user`'s oldest sessions beyond the policy's cap, in the
    /// transaction that opened a new one.
    fn cap_sessions(&self, tx: &mut dyn Writer, user: UserId) -> Result<(), AuthError> {
        if let Some(keep) = self.policy.max_sessions_per_user {
            tx.trim_sessions(user, keep)?;
        }
        Ok(())
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

fn opening_failed(database: &Database, error: StoreError) -> AuthError {
    match error {
        StoreError::NoDatabase => AuthError::NoDatabase(database.to_string()),
        StoreError::NotAFile => AuthError::ForeignDatabase(format!(
            "{database} is a folder, not a database file; give --db the path of a file"
        )),
        StoreError::NotOurs(reason) => AuthError::ForeignDatabase(format!(
            "{database} is not an authctl database: {reason}. authctl changes only \
             databases it created; nothing was written. Give another --db"
        )),
        other => other.into(),
    }
}

/// What a taken email key or a look-alike of one means to the caller; any
/// other storage outcome as usual.
fn email_refused(email: &Email, error: StoreError) -> AuthError {
    match error {
        StoreError::EmailTaken => AuthError::Conflict(format!("User {email} already exists")),
        StoreError::LookAlike => look_alike(email),
        other => other.into(),
    }
}

/// Does not name the other account: over HTTP that would disclose it.
fn look_alike(email: &Email) -> AuthError {
    AuthError::LookAlike(format!(
        "{email} looks like an address already registered (look-alike letters from \
         another script); use another address"
    ))
}

fn not_found(email: &Email) -> AuthError {
    AuthError::NotFound(format!("no user with email {email}"))
}
