//! The audit log (SPEC section 8): every change an operator may have to
//! account for leaves one event, written in the transaction of the change,
//! so that both commit or neither does; and one `tracing` line (target
//! `authctl::audit`) once it has committed. Refusals by the throttle are
//! folded into one row per key and lock period ([`tally`]), so an attacker
//! cannot grow the table at request rate.

mod query;
mod tally;
mod trail;

use serde_json::Value;

pub use query::{AUDIT_EVENTS, AuditEntry, AuditQuery};
pub(super) use tally::RefusalTally;

use super::store::{NewEvent, StoreError, Writer};
use super::{Auth, AuthError, Caller};
use crate::domain::{Email, User, UserId};

/// An event about to be recorded.
#[derive(Debug, Clone)]
pub(super) struct Event {
    name: &'static str,
    success: bool,
    reason: Option<&'static str>,
    user_id: Option<UserId>,
    email: Option<Email>,
    details: Option<Value>,
}

impl Event {
    pub(super) fn success(name: &'static str) -> Self {
        Self {
            name,
            success: true,
            reason: None,
            user_id: None,
            email: None,
            details: None,
        }
    }

    pub(super) fn failure(name: &'static str, reason: &'static str) -> Self {
        Self {
            success: false,
            reason: Some(reason),
            ..Self::success(name)
        }
    }

    /// The account the event is about.
    pub(super) fn user(self, user: &User) -> Self {
        self.user_id(user.id).email(&user.email)
    }

    pub(super) fn user_id(mut self, id: UserId) -> Self {
        self.user_id = Some(id);
        self
    }

    /// The email the event is about (all there is when it is no account).
    pub(super) fn email(mut self, email: &Email) -> Self {
        self.email = Some(email.clone());
        self
    }

    /// A small JSON object of facts (counts, a scope): never a secret.
    pub(super) fn details(mut self, details: Value) -> Self {
        self.details = Some(details);
        self
    }

    pub(in crate::auth) fn stored(&self, caller: &Caller, at_ms: i64) -> NewEvent {
        let (source, actor, client_ip, user_agent) = match caller {
            Caller::Cli { os_user } => ("cli", Some(os_user.clone()), None, None),
            Caller::Http { client, user_agent } => (
                "http",
                None,
                Some(client.to_canonical().to_string()),
                user_agent.clone(),
            ),
        };
        NewEvent {
            at_ms,
            event: self.name,
            success: self.success,
            reason: self.reason,
            source,
            actor,
            client_ip,
            user_agent,
            user_id: self.user_id,
            email: self.email.clone(),
            details: self.details.as_ref().map(Value::to_string),
        }
    }

    /// The `tracing` line, for after the commit; `count` for a folded row.
    pub(super) fn emit(&self, caller: &Caller, count: Option<u64>) {
        trail::emit(Some(caller), self, count);
    }

    /// The line of a folded row of refusals, which names its caller only
    /// when they all came from one.
    fn emit_folded(&self, caller: Option<&Caller>, count: u64) {
        trail::emit(caller, self, Some(count));
    }
}

impl Auth {
    /// Writes `event` in `tx`, the transaction of the change it records;
    /// returns the row's id.
    pub(super) fn record(
        &self,
        tx: &mut dyn Writer,
        caller: &Caller,
        event: &Event,
    ) -> Result<i64, StoreError> {
        tx.add_event(&event.stored(caller, self.clock.now_ms()))
    }

    /// Writes `event` in `tx`, commits, then logs it.
    pub(super) fn commit_audited(
        &self,
        mut tx: Box<dyn Writer + '_>,
        caller: &Caller,
        event: &Event,
    ) -> Result<(), AuthError> {
        self.record(tx.as_mut(), caller, event)?;
        tx.commit()?;
        event.emit(caller, None);
        Ok(())
    }

    /// Records an event that goes with no other change (a failed reset, an
    /// export) in a transaction of its own.
    pub(super) fn audit_alone(&self, caller: &Caller, event: &Event) -> Result<(), AuthError> {
        self.commit_audited(self.store.write()?, caller, event)
    }
}
