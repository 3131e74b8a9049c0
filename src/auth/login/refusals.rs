//! Refusing attempts under the throttle before any bcrypt work: from this
//! process's memory, or from a read; each refusal counted into the one
//! audit row of its key and period.

use super::super::audit::Event;
use super::super::store::{Reader, Scope};
use super::super::throttle::{self, Refusal, Refused, client_key};
use super::super::{Auth, AuthError, Caller};
use crate::domain::{DeviceToken, Email};

/// A key whose counter refuses an attempt.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hit<'k> {
    refused: Refused,
    scope: Scope,
    key: &'k str,
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
        let hit = [
            Some((Scope::Account, email.key())),
            client.as_deref().map(|key| (Scope::Client, key)),
        ]
        .into_iter()
        .flatten()
        .filter_map(|(scope, key)| {
            let refused = self.remembered(scope, key, now_ms)?;
            Some(Hit {
                refused,
                scope,
                key,
            })
        })
        .max_by_key(|hit| hit.refused.until_ms)?;
        Some(self.refuse(caller, email, hit))
    }

    fn remembered(&self, scope: Scope, key: &str, now_ms: i64) -> Option<Refused> {
        let (until_ms, period_ms) = self.recent_refusals.refused_until(scope, key, now_ms)?;
        Some(Refused {
            refusal: Refusal::until(until_ms, now_ms),
            until_ms,
            period_ms,
        })
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
        let hit = self.refusal_now(reader.as_mut(), email, client.as_deref())?;
        drop(reader);
        match hit {
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
        if let Some(refused) = self.remembered(Scope::Client, &client, now_ms) {
            return Err(self.refuse_token_use(caller, &client, refused));
        }
        let refused =
            throttle::precheck(self.store.read()?.as_mut(), Scope::Client, &client, now_ms)?;
        match refused {
            None => Ok(()),
            Some(refused) => {
                self.recent_refusals.remember(
                    Scope::Client,
                    &client,
                    refused.until_ms,
                    refused.period_ms,
                    now_ms,
                );
                Err(self.refuse_token_use(caller, &client, refused))
            }
        }
    }

    /// The refusal of a reset-token guess from a blocked client.
    pub(in crate::auth) fn refuse_token_use(
        &self,
        caller: &Caller,
        client: &str,
        refused: Refused,
    ) -> AuthError {
        let event = Event::failure("client.throttled", "client_blocked");
        let aggregate = format!("client|{client}|{}", refused.period_ms);
        self.tally_refusal(caller, aggregate, event);
        self.throttled(refused.refusal)
    }

    /// The longest refusal the stored counters of `email` and `client`
    /// give now, if any; each remembered for [`Auth::recent_refusal`].
    pub(super) fn refusal_now<'k>(
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
            if let Some(refused) = throttle::precheck(reader, scope, key, now_ms)? {
                let (until, period) = (refused.until_ms, refused.period_ms);
                self.recent_refusals
                    .remember(scope, key, until, period, now_ms);
                if longest.is_none_or(|hit| hit.refused.until_ms < until) {
                    longest = Some(Hit {
                        refused,
                        scope,
                        key,
                    });
                }
            }
        }
        Ok(longest)
    }

    /// The refusal of a login, counted into the one audit row of its key
    /// and period.
    pub(super) fn refuse(&self, caller: &Caller, email: &Email, hit: Hit<'_>) -> AuthError {
        let reason = match (hit.scope, hit.refused.refusal) {
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
        let aggregate = format!(
            "login|{}|{}|{}",
            hit.scope.as_str(),
            hit.key,
            hit.refused.period_ms
        );
        self.tally_refusal(caller, aggregate, event);
        self.throttled(hit.refused.refusal)
    }

    pub(in crate::auth) fn throttled(&self, refusal: Refusal) -> AuthError {
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
}
