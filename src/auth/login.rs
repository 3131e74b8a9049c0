//! Logging in under the throttle (SPEC section 6), in two steps so that a
//! server can run them on different pools: [`Auth::begin_login`] is a cheap
//! claim (a read, and a write when the attempt may go ahead), and
//! [`Auth::finish_login`] spends the bcrypt work and settles the claim.

use serde_json::json;

use super::audit::Event;
use super::store::{
    LoginRecord, NewDevice, NewSession, Reader, Scope, StoreError, UserLookup, UserRecord, Writer,
};
use super::throttle::{self, LOCKED, Refusal, client_key};
use super::{Auth, AuthError, Caller, WRONG_CREDENTIALS};
use crate::domain::{DeviceToken, Email, Password, PasswordHash, SessionToken, User};

/// A login attempt that the throttle let through: it already counts as a
/// failure, and only a correct password in [`Auth::finish_login`] undoes
/// that. Dropping it unfinished leaves the failure counted.
#[derive(Debug)]
#[must_use = "an attempt counts as a failure until finished"]
pub struct LoginAttempt {
    email: Email,
    claim: Claim,
    /// The audit row that records the attempt as failed, written with the
    /// claim; a success rewrites it.
    event: i64,
}

#[derive(Debug, Clone)]
enum Claim {
    /// A known device of the user, exempt from the account and client
    /// counters; counted on the device instead.
    Device(i64),
    /// Counted on the account and, over HTTP, on the client, at
    /// `claimed_ms`.
    Counted {
        client: Option<String>,
        claimed_ms: i64,
    },
}

/// A successful login.
#[derive(Debug)]
pub struct LoggedIn {
    /// Who logged in.
    pub user: User,
    /// The new session.
    pub session: SessionToken,
    /// A new known-device cookie to hand to an HTTP client that did not
    /// present a valid one; `None` in the CLI.
    pub device: Option<DeviceToken>,
}

/// A password found to match, with the hash it matched and, when that hash
/// has a lower cost than the policy's, its replacement.
pub(super) struct Checked {
    pub(super) record: UserRecord,
    pub(super) rehash: Option<PasswordHash>,
}

impl Auth {
    /// Whether this process refused `email` (or the caller's client) a
    /// moment ago and is still sure of it: answered from memory, without
    /// I/O, so cheap enough for an async thread. `None` means "ask
    /// [`Auth::check_login`]", also whenever a device cookie is presented
    /// (it may exempt the attempt).
    pub fn recent_refusal(
        &self,
        caller: &Caller,
        email: &Email,
        device: Option<&DeviceToken>,
    ) -> Option<AuthError> {
        if device.is_some() {
            return None;
        }
        let now_ms = self.clock.now_ms();
        let client = caller.client_address().map(client_key);
        let (until, scope, key) = [
            Some((Scope::Account, email.key())),
            client.as_deref().map(|key| (Scope::Client, key)),
        ]
        .into_iter()
        .flatten()
        .filter_map(|(scope, key)| {
            let until = self.recent_refusals.refused_until(scope, key, now_ms)?;
            Some((until, scope, key))
        })
        .max_by_key(|(until, ..)| *until)?;
        let hit = Hit {
            refusal: Refusal::until(until, now_ms),
            until_ms: until,
            scope,
            key,
        };
        Some(self.refuse(caller, email, hit))
    }

    /// Whether a login attempt for `email` would be let through now: a read
    /// only, so that a server can refuse before queueing for bcrypt. A
    /// refusal is [`AuthError::Throttled`].
    pub fn check_login(
        &self,
        caller: &Caller,
        email: &Email,
        device: Option<&DeviceToken>,
    ) -> Result<(), AuthError> {
        let mut reader = self.store.read()?;
        if let Some(device) = device {
            let most = self.policy.throttling.device_max_failures;
            let honoured =
                reader.device_honoured(&device.digest(), email.key(), self.clock.now(), most)?;
            if honoured {
                return Ok(());
            }
        }
        let client = caller.client_address().map(client_key);
        match self.refusal_now(reader.as_mut(), email, client.as_deref())? {
            None => Ok(()),
            Some(hit) => Err(self.refuse(caller, email, hit)),
        }
    }

    /// Whether a reset-token use by the caller's client would be let
    /// through now (memory first, then a read): for a server to refuse a
    /// blocked client before it queues for bcrypt.
    pub fn check_token_use(&self, caller: &Caller) -> Result<(), AuthError> {
        let Some(client) = caller.client_address().map(client_key) else {
            return Ok(());
        };
        let now_ms = self.clock.now_ms();
        if let Some(until) = self
            .recent_refusals
            .refused_until(Scope::Client, &client, now_ms)
        {
            let refusal = Refusal::until(until, now_ms);
            return Err(self.refuse_token_use(caller, &client, refusal, now_ms));
        }
        let refusal =
            throttle::precheck(self.store.read()?.as_mut(), Scope::Client, &client, now_ms)?;
        match refusal {
            None => Ok(()),
            Some(refusal) => {
                self.recent_refusals.remember(
                    Scope::Client,
                    &client,
                    refusal.until_ms(now_ms),
                    now_ms,
                );
                Err(self.refuse_token_use(caller, &client, refusal, now_ms))
            }
        }
    }

    fn refuse_token_use(
        &self,
        caller: &Caller,
        client: &str,
        refusal: Refusal,
        now_ms: i64,
    ) -> AuthError {
        let until_ms = refusal.until_ms(now_ms);
        let event = Event::failure("client.throttled", "client_blocked");
        self.tally_refusal(caller, format!("client|{client}|{until_ms}"), event);
        self.throttled(refusal)
    }

    /// Claims a reset-token use on the client's counter: a guess at a
    /// secret counts like a failed login until it succeeds. Returns when
    /// the claim was made, to give it back.
    pub(super) fn claim_client(&self, caller: &Caller, client: &str) -> Result<i64, AuthError> {
        self.check_token_use(caller)?;
        let now_ms = self.clock.now_ms();
        let rules = self.policy.throttling;
        let mut tx = self.store.write()?;
        let claimed = throttle::claim(tx.as_mut(), Scope::Client, client, |counter| {
            rules.claim_client(counter, now_ms)
        })?;
        match claimed {
            Ok(_) => {
                tx.commit()?;
                Ok(now_ms)
            }
            Err(refusal) => {
                drop(tx);
                Err(self.refuse_token_use(caller, client, refusal, now_ms))
            }
        }
    }

    /// Claims a login attempt for `email`: refused with
    /// [`AuthError::Throttled`] while the account (or, over HTTP, the
    /// client) must wait, before any bcrypt work, and without a write when
    /// the stored counters already refuse it. A `device` cookie of the
    /// user's that is still honoured exempts the attempt from both counters.
    pub fn begin_login(
        &self,
        caller: &Caller,
        email: &Email,
        device: Option<&DeviceToken>,
    ) -> Result<LoginAttempt, AuthError> {
        if let Some((id, event)) = self.claim_device(caller, email, device)? {
            return Ok(LoginAttempt {
                email: email.clone(),
                claim: Claim::Device(id),
                event,
            });
        }
        let now_ms = self.clock.now_ms();
        let client = caller.client_address().map(client_key);
        let key = email.key();
        if let Some(hit) =
            self.refusal_now(self.store.read()?.as_mut(), email, client.as_deref())?
        {
            return Err(self.refuse(caller, email, hit));
        }
        let rules = self.policy.throttling;
        let mut tx = self.store.write()?;
        // Account first, then client: one order everywhere, so that two
        // transactions on one backend with row locks cannot deadlock.
        let account = throttle::claim(tx.as_mut(), Scope::Account, key, |counter| {
            rules.claim_account(counter, now_ms)
        })?;
        let counter = match account {
            Ok(counter) => counter,
            Err(refusal) => {
                // Rolled back first: from the command line a refusal is
                // written at once, which needs the write lock this holds.
                drop(tx);
                let hit = Hit {
                    refusal,
                    until_ms: refusal.until_ms(now_ms),
                    scope: Scope::Account,
                    key,
                };
                return Err(self.refuse(caller, email, hit));
            }
        };
        if let Some(client) = &client {
            let claimed = throttle::claim(tx.as_mut(), Scope::Client, client, |counter| {
                rules.claim_client(counter, now_ms)
            })?;
            if let Err(refusal) = claimed {
                drop(tx);
                let hit = Hit {
                    refusal,
                    until_ms: refusal.until_ms(now_ms),
                    scope: Scope::Client,
                    key: client,
                };
                return Err(self.refuse(caller, email, hit));
            }
        }
        let locked = counter.blocked_until_ms == LOCKED;
        if locked {
            let event = Event::success("account.locked")
                .email(email)
                .details(json!({ "failures": counter.failures }));
            self.record(tx.as_mut(), caller, &event)?;
        }
        let event = self.record_attempt(tx.as_mut(), caller, email)?;
        tx.commit()?;
        if locked {
            Event::success("account.locked")
                .email(email)
                .emit(caller, None);
        }
        Ok(LoginAttempt {
            email: email.clone(),
            claim: Claim::Counted {
                client,
                claimed_ms: now_ms,
            },
            event,
        })
    }

    /// Records a claimed attempt as failed, with what the failure would be
    /// (no such user, disabled, or a wrong password), in the claim's
    /// transaction: the throttle's count and its event commit together.
    /// Returns the row, which a success rewrites.
    fn record_attempt(
        &self,
        tx: &mut dyn Writer,
        caller: &Caller,
        email: &Email,
    ) -> Result<i64, AuthError> {
        let event = match tx.find_user_by(UserLookup::Email(email)) {
            Ok(record) => {
                let reason = if record.user.disabled {
                    "disabled"
                } else {
                    "bad_credentials"
                };
                Event::failure("login.failure", reason).user(&record.user)
            }
            Err(StoreError::NotFound) => {
                Event::failure("login.failure", "unknown_user").email(email)
            }
            Err(other) => return Err(other.into()),
        };
        Ok(self.record(tx, caller, &event)?)
    }

    /// The longest refusal the stored counters of `email` and `client`
    /// give now, if any; each remembered for [`Auth::recent_refusal`].
    fn refusal_now<'k>(
        &self,
        reader: &mut dyn Reader,
        email: &'k Email,
        client: Option<&'k str>,
    ) -> Result<Option<Hit<'k>>, AuthError> {
        let now_ms = self.clock.now_ms();
        let keys = [
            Some((Scope::Account, email.key())),
            client.map(|key| (Scope::Client, key)),
        ];
        let mut longest: Option<Hit<'k>> = None;
        for (scope, key) in keys.into_iter().flatten() {
            if let Some(refusal) = throttle::precheck(reader, scope, key, now_ms)? {
                let until_ms = refusal.until_ms(now_ms);
                self.recent_refusals.remember(scope, key, until_ms, now_ms);
                if longest.is_none_or(|hit| hit.until_ms < until_ms) {
                    longest = Some(Hit {
                        refusal,
                        until_ms,
                        scope,
                        key,
                    });
                }
            }
        }
        Ok(longest)
    }

    /// The refusal of a login, counted into the one audit row of its key
    /// and lock period.
    fn refuse(&self, caller: &Caller, email: &Email, hit: Hit<'_>) -> AuthError {
        let reason = match (hit.scope, hit.refusal) {
            (Scope::Client, _) => "client_blocked",
            (_, Refusal::Locked) => "locked",
            _ => "wait",
        };
        let event = Event::failure("login.throttled", reason);
        // A client's row is about the client, not the first email it tried.
        let event = match hit.scope {
            Scope::Client => event,
            _ => event.email(email),
        };
        let aggregate = format!("login|{}|{}|{}", hit.scope.as_str(), hit.key, hit.until_ms);
        self.tally_refusal(caller, aggregate, event);
        self.throttled(hit.refusal)
    }

    /// Checks the password of a claimed attempt and, if it is right, opens
    /// a session and clears the counts the claim added.
    pub fn finish_login(
        &self,
        caller: &Caller,
        attempt: LoginAttempt,
        password: &Password,
    ) -> Result<LoggedIn, AuthError> {
        let checked = self.authenticate(caller, &attempt.email, password)?;
        let (session, new_session) = self.new_session(checked.record.user.id);
        let device = match (&attempt.claim, caller.client_address()) {
            (Claim::Counted { .. }, Some(_)) => Some(DeviceToken::generate()),
            _ => None,
        };
        self.record_login(
            caller,
            &attempt,
            &checked,
            Some(&new_session),
            device.as_ref(),
        )?;
        Ok(LoggedIn {
            user: checked.record.user,
            session,
            device,
        })
    }

    /// Checks the password and opens a session: what `authctl login` does
    /// (a server uses [`Auth::begin_login`] and [`Auth::finish_login`]).
    /// Wrong password and unknown email fail alike.
    pub fn login(
        &self,
        caller: &Caller,
        email: &Email,
        password: &Password,
    ) -> Result<(User, SessionToken), AuthError> {
        let attempt = self.begin_login(caller, email, None)?;
        let logged_in = self.finish_login(caller, attempt, password)?;
        Ok((logged_in.user, logged_in.session))
    }

    /// Whether `password` is `email`'s, under the throttle. An unknown or
    /// disabled email spends the same bcrypt work as a wrong password.
    pub fn valid_login(
        &self,
        caller: &Caller,
        email: &Email,
        password: &Password,
    ) -> Result<bool, AuthError> {
        let attempt = self.begin_login(caller, email, None)?;
        let checked = self
            .authenticate(caller, email, password)
            .and_then(|login| self.record_login(caller, &attempt, &login, None, None));
        match checked {
            Ok(()) => Ok(true),
            Err(AuthError::AuthenticationFailed(_)) => Ok(false),
            Err(other) => Err(other),
        }
    }

    /// Counts the attempt against `device` if it is the user's and still
    /// honoured, recording the attempt as failed; a read first, so a bogus
    /// cookie costs no write. Returns the device and the audit row.
    fn claim_device(
        &self,
        caller: &Caller,
        email: &Email,
        device: Option<&DeviceToken>,
    ) -> Result<Option<(i64, i64)>, AuthError> {
        let Some(device) = device else {
            return Ok(None);
        };
        let digest = device.digest();
        let now = self.clock.now();
        let most = self.policy.throttling.device_max_failures;
        if !self
            .store
            .read()?
            .device_honoured(&digest, email.key(), now, most)?
        {
            return Ok(None);
        }
        let mut tx = self.store.write()?;
        let Some(id) = tx.claim_device(&digest, email.key(), now, most)? else {
            return Ok(None);
        };
        let event = self.record_attempt(tx.as_mut(), caller, email)?;
        tx.commit()?;
        Ok(Some((id, event)))
    }

    pub(super) fn throttled(&self, refusal: Refusal) -> AuthError {
        let longest = self.policy.throttling.max_delay;
        let (wait, locked) = match refusal {
            Refusal::Wait(wait) => (wait, false),
            Refusal::Locked => (longest, true),
        };
        let seconds = u64::try_from(wait.as_millis().div_ceil(1000))
            .unwrap_or(u64::MAX)
            .max(1);
        AuthError::Throttled {
            retry_after: std::time::Duration::from_secs(seconds),
            locked,
        }
    }

    /// Checks `password` against `email`'s stored hash; writes nothing.
    fn authenticate(
        &self,
        caller: &Caller,
        email: &Email,
        password: &Password,
    ) -> Result<Checked, AuthError> {
        // The row was written with the claim; this is its log line.
        let failed = |reason, user: Option<&User>| {
            let event = Event::failure("login.failure", reason);
            match user {
                Some(user) => event.user(user),
                None => event.email(email),
            }
            .emit(caller, None);
            AuthError::AuthenticationFailed(WRONG_CREDENTIALS)
        };
        let record = match self.store.read()?.find_user_by(UserLookup::Email(email)) {
            Ok(record) if !record.user.disabled => record,
            Ok(disabled) => {
                self.hasher.verify_dummy(password)?;
                return Err(failed("disabled", Some(&disabled.user)));
            }
            Err(StoreError::NotFound) => {
                self.hasher.verify_dummy(password)?;
                return Err(failed("unknown_user", None));
            }
            Err(other) => return Err(other.into()),
        };
        if !self.hasher.verify(password, &record.hash) {
            // A hash of a lower cost (imported, or made under an older
            // setting) fails faster than the dummy an unknown email costs,
            // which would tell that the account exists: spend the rest.
            if record.hash.cost() < self.hasher.dummy_cost() {
                self.hasher.verify_dummy(password)?;
            }
            return Err(failed("bad_credentials", Some(&record.user)));
        }
        let rehash = if self.hasher.needs_rehash(&record.hash) {
            Some(self.hasher.hash(password)?)
        } else {
            None
        };
        Ok(Checked { record, rehash })
    }

    /// Writes what a checked login leads to (a new hash, a session, a known
    /// device) and clears the claim's counts, in one transaction; unless the
    /// password changed or the user was disabled since the check: then the
    /// login fails as if the password were wrong, which it now is.
    fn record_login(
        &self,
        caller: &Caller,
        attempt: &LoginAttempt,
        login: &Checked,
        session: Option<&NewSession>,
        device: Option<&DeviceToken>,
    ) -> Result<(), AuthError> {
        let user = login.record.user.id;
        let record = LoginRecord {
            user,
            verified: Some(&login.record.hash),
            rehash: login.rehash.as_ref(),
            session,
        };
        let now = self.clock.now();
        let mut tx = self.store.write()?;
        match tx.record_login(&record, now) {
            Ok(()) => {}
            // The attempt's row already says it failed.
            Err(StoreError::NotFound) => {
                Event::failure("login.failure", "bad_credentials")
                    .user(&login.record.user)
                    .emit(caller, None);
                return Err(AuthError::AuthenticationFailed(WRONG_CREDENTIALS));
            }
            Err(other) => return Err(other.into()),
        }
        if session.is_some() {
            self.cap_sessions(tx.as_mut(), user)?;
        }
        match &attempt.claim {
            Claim::Device(id) => tx.clear_device_failures(*id)?,
            Claim::Counted { client, claimed_ms } => {
                tx.delete_counter(Scope::Account, attempt.email.key())?;
                if let Some(client) = client {
                    let rules = &self.policy.throttling;
                    let now_ms = self.clock.now_ms();
                    throttle::release_client(tx.as_mut(), rules, client, *claimed_ms, now_ms)?;
                }
            }
        }
        if let Some(device) = device {
            let throttling = &self.policy.throttling;
            let new_device = NewDevice {
                user,
                digest: device.digest(),
                created_at: now,
                expires_at: now.after(throttling.device_ttl),
            };
            tx.add_device(&new_device, throttling.devices_per_user)?;
        }
        let rehashed = Event::success("password.rehashed")
            .user(&login.record.user)
            .details(json!({
                "from_cost": login.record.hash.cost(),
                "to_cost": login.rehash.as_ref().map(PasswordHash::cost),
            }));
        if login.rehash.is_some() {
            self.record(tx.as_mut(), caller, &rehashed)?;
        }
        tx.settle_event(attempt.event, "login.success", true, self.clock.now_ms())?;
        tx.commit()?;
        Event::success("login.success")
            .user(&login.record.user)
            .emit(caller, None);
        if login.rehash.is_some() {
            rehashed.emit(caller, None);
        }
        Ok(())
    }
}

/// A key whose counter refuses an attempt.
#[derive(Debug, Clone, Copy)]
struct Hit<'k> {
    refusal: Refusal,
    /// When the key may try again: the stored time itself, so that every
    /// refusal of one wait or lock names the same period.
    until_ms: i64,
    scope: Scope,
    key: &'k str,
}
