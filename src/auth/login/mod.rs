//! Logging in under the throttle (SPEC section 6), in two steps so that a
//! server can run them on different pools: [`Auth::begin_login`] is a cheap
//! claim (a read, and a write when the attempt may go ahead), and
//! [`Auth::finish_login`] spends the bcrypt work and settles the claim.
//!
//! The audit follows the same two steps: the claim writes a
//! `login.attempt` row with the failure count it adds, so a crash during
//! the check still leaves both; the outcome then rewrites that row as
//! `login.success` or `login.failure`.

mod refusals;

use serde_json::json;

use super::audit::Event;
use super::store::{
    LoginRecord, NewDevice, NewSession, Scope, StoreError, UserLookup, UserRecord, Writer,
};
use super::throttle::{self, LOCKED, client_key};
use super::{Auth, AuthError, Caller, WRONG_CREDENTIALS};
use crate::domain::{DeviceToken, Email, Password, PasswordHash, SessionToken, User};

/// A login attempt that the throttle let through: it already counts as a
/// failure, and only a correct password in [`Auth::finish_login`] undoes
/// that. Dropping it unfinished leaves the failure counted, and its audit
/// row a `login.attempt`.
#[derive(Debug)]
#[must_use = "an attempt counts as a failure until finished"]
pub struct LoginAttempt {
    email: Email,
    claim: Claim,
    /// The audit row written with the claim, which the outcome rewrites.
    event: i64,
    /// This attempt's failure locked the account (until it turns out right).
    locked: bool,
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

/// Why a checked password was refused, for the audit (never the client).
struct Failed {
    reason: &'static str,
    user: Option<User>,
}

impl Auth {
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
                locked: false,
            });
        }
        let now_ms = self.clock.now_ms();
        let client = caller.client_address().map(client_key);
        let hit = self.refusal_now(self.store.read()?.as_mut(), email, client.as_deref())?;
        if let Some(hit) = hit {
            return Err(self.refuse(caller, email, hit));
        }
        let rules = self.policy.throttling;
        let mut tx = self.store.write()?;
        // Account first, then client: one order everywhere, so that two
        // transactions on one backend with row locks cannot deadlock.
        let account = throttle::claim(tx.as_mut(), Scope::Account, email.key(), |counter| {
            rules.claim_account(counter, now_ms)
        })?;
        let client_claim = match (&account, &client) {
            (Ok(_), Some(client)) => throttle::claim(tx.as_mut(), Scope::Client, client, |c| {
                rules.claim_client(c, now_ms)
            })?
            .map(|_| ()),
            _ => Ok(()),
        };
        let counter = match (account, client_claim) {
            (Ok(counter), Ok(())) => counter,
            // Refused by a claim that raced another: rolled back, and the
            // refusal read afresh (from the command line it is written at
            // once, which needs the write lock the claim held).
            (Err(refusal), _) | (_, Err(refusal)) => {
                drop(tx);
                let hit =
                    self.refusal_now(self.store.read()?.as_mut(), email, client.as_deref())?;
                return Err(match hit {
                    Some(hit) => self.refuse(caller, email, hit),
                    None => self.throttled(refusal),
                });
            }
        };
        let locked = counter.blocked_until_ms == LOCKED;
        let lock = Event::success("account.locked")
            .email(email)
            .details(json!({ "failures": counter.failures }));
        if locked {
            self.record(tx.as_mut(), caller, &lock)?;
        }
        let event = self.record_attempt(tx.as_mut(), caller, email)?;
        tx.commit()?;
        if locked {
            lock.emit(caller, None);
        }
        Ok(LoginAttempt {
            email: email.clone(),
            claim: Claim::Counted {
                client,
                claimed_ms: now_ms,
            },
            event,
            locked,
        })
    }

    /// Records a claimed attempt, in the claim's transaction: the throttle's
    /// count and its row commit together. The reason is what the failure
    /// would be (no such user, disabled, or a wrong password). Returns the
    /// row, which the outcome rewrites.
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
                Event::failure("login.attempt", reason).user(&record.user)
            }
            Err(StoreError::NotFound) => {
                Event::failure("login.attempt", "unknown_user").email(email)
            }
            Err(other) => return Err(other.into()),
        };
        Ok(self.record(tx, caller, &event)?)
    }

    /// Checks the password of a claimed attempt and, if it is right, opens
    /// a session and clears the counts the claim added.
    pub fn finish_login(
        &self,
        caller: &Caller,
        attempt: LoginAttempt,
        password: &Password,
    ) -> Result<LoggedIn, AuthError> {
        let checked = self.check_attempt(caller, &attempt, password)?;
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
            .check_attempt(caller, &attempt, password)
            .and_then(|login| self.record_login(caller, &attempt, &login, None, None));
        match checked {
            Ok(()) => Ok(true),
            Err(AuthError::AuthenticationFailed(_)) => Ok(false),
            Err(other) => Err(other),
        }
    }

    /// Counts the attempt against `device` if it is the user's and still
    /// honoured, recording the attempt; a read first, so a bogus cookie
    /// costs no write. Returns the device and the audit row.
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

    /// The password check of a claimed attempt; a failure is settled in the
    /// audit (one small write, after bcrypt work that costs far more).
    fn check_attempt(
        &self,
        caller: &Caller,
        attempt: &LoginAttempt,
        password: &Password,
    ) -> Result<Checked, AuthError> {
        match self.authenticate(&attempt.email, password)? {
            Ok(checked) => Ok(checked),
            Err(failed) => {
                let event = Event::failure("login.failure", failed.reason);
                let event = match &failed.user {
                    Some(user) => event.user(user),
                    None => event.email(&attempt.email),
                };
                let mut tx = self.store.write()?;
                self.settle(tx.as_mut(), caller, attempt.event, &event)?;
                tx.commit()?;
                event.emit(caller, None);
                Err(AuthError::AuthenticationFailed(WRONG_CREDENTIALS))
            }
        }
    }

    /// Rewrites the attempt's row as `event`; a new row if it is gone.
    fn settle(
        &self,
        tx: &mut dyn Writer,
        caller: &Caller,
        attempt: i64,
        event: &Event,
    ) -> Result<(), StoreError> {
        let settled = event.stored(caller, self.clock.now_ms());
        if !tx.settle_event(attempt, &settled)? {
            tx.add_event(&settled)?;
        }
        Ok(())
    }

    /// Checks `password` against `email`'s stored hash; writes nothing. An
    /// unknown or disabled email spends the same bcrypt work.
    fn authenticate(
        &self,
        email: &Email,
        password: &Password,
    ) -> Result<Result<Checked, Failed>, AuthError> {
        let record = match self.store.read()?.find_user_by(UserLookup::Email(email)) {
            Ok(record) if !record.user.disabled => record,
            Ok(disabled) => {
                self.hasher.verify_dummy(password)?;
                let user = Some(disabled.user);
                return Ok(Err(Failed {
                    reason: "disabled",
                    user,
                }));
            }
            Err(StoreError::NotFound) => {
                self.hasher.verify_dummy(password)?;
                return Ok(Err(Failed {
                    reason: "unknown_user",
                    user: None,
                }));
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
            return Ok(Err(Failed {
                reason: "bad_credentials",
                user: Some(record.user),
            }));
        }
        let rehash = if self.hasher.needs_rehash(&record.hash) {
            Some(self.hasher.hash(password)?)
        } else {
            None
        };
        Ok(Ok(Checked { record, rehash }))
    }

    /// Writes what a checked login leads to (a new hash, a session, a known
    /// device), clears the claim's counts and settles its audit row, in one
    /// transaction; unless the password changed or the user was disabled
    /// since the check: then the login fails as if the password were wrong,
    /// which it now is.
    fn record_login(
        &self,
        caller: &Caller,
        attempt: &LoginAttempt,
        login: &Checked,
        session: Option<&NewSession>,
        device: Option<&DeviceToken>,
    ) -> Result<(), AuthError> {
        let user = &login.record.user;
        let record = LoginRecord {
            user: user.id,
            verified: Some(&login.record.hash),
            rehash: login.rehash.as_ref(),
            session,
        };
        let now = self.clock.now();
        let mut tx = self.store.write()?;
        match tx.record_login(&record, now) {
            Ok(()) => {}
            // Nothing was written: the transaction records the failure.
            Err(StoreError::NotFound) => {
                let failed = Event::failure("login.failure", "bad_credentials").user(user);
                self.settle(tx.as_mut(), caller, attempt.event, &failed)?;
                tx.commit()?;
                failed.emit(caller, None);
                return Err(AuthError::AuthenticationFailed(WRONG_CREDENTIALS));
            }
            Err(other) => return Err(other.into()),
        }
        if session.is_some() {
            self.cap_sessions(tx.as_mut(), user.id)?;
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
                user: user.id,
                digest: device.digest(),
                created_at: now,
                expires_at: now.after(throttling.device_ttl),
            };
            tx.add_device(&new_device, throttling.devices_per_user)?;
        }
        let mut also = Vec::new();
        if attempt.locked {
            // The lock this attempt set, until it proved right, ends with it.
            also.push(
                Event::success("account.unlocked")
                    .user(user)
                    .details(json!({ "by": "login" })),
            );
        }
        if let Some(rehash) = &login.rehash {
            also.push(
                Event::success("password.rehashed")
                    .user(user)
                    .details(json!({
                        "from_cost": login.record.hash.cost(),
                        "to_cost": rehash.cost(),
                    })),
            );
        }
        let success = Event::success("login.success").user(user);
        self.settle(tx.as_mut(), caller, attempt.event, &success)?;
        for event in &also {
            self.record(tx.as_mut(), caller, event)?;
        }
        tx.commit()?;
        success.emit(caller, None);
        for event in &also {
            event.emit(caller, None);
        }
        Ok(())
    }
}
