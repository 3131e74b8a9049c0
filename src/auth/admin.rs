//! Operator calls behind `authctl users ...` and `authctl sessions ...`.

use super::audit::Event;
use super::store::{Scope, StoreError, UserLookup, UserUpdate};
use super::{Auth, AuthError, Caller, not_found};
use crate::domain::{
    Email, Password, PasswordHash, SessionInfo, SessionToken, Timestamp, User, UserSummary,
};

/// One user as `users export` writes it: what `users import` reads back.
#[derive(Debug, Clone)]
pub struct ExportedUser {
    /// The address as registered.
    pub email: Email,
    /// The bcrypt hash, so the password survives the move.
    pub hash: PasswordHash,
    /// When the account was created.
    pub created_at: Timestamp,
    /// Disabled accounts stay disabled when imported elsewhere.
    pub disabled: bool,
}

/// A user found in this transaction may have been deleted by another
/// that committed since (a backend without a single writer allows it).
fn gone(error: StoreError, email: &Email) -> AuthError {
    match error {
        StoreError::NotFound => not_found(email),
        other => other.into(),
    }
}

/// When an account was last used and last had its password changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccountActivity {
    /// The last login (or session opened for it); `None`: none recorded.
    pub last_login: Option<Timestamp>,
    /// The last password change (a reset or `users set-password`; not a
    /// rehash); `None`: none since the account was created.
    pub password_changed: Option<Timestamp>,
}

impl Auth {
    /// When `email`'s user last logged in and last changed its password.
    pub fn account_activity(&self, email: &Email) -> Result<AccountActivity, AuthError> {
        let user = self.find_user(email)?;
        let activity = self
            .store
            .read()?
            .activity(user.id)
            .map_err(|e| gone(e, email))?;
        Ok(AccountActivity {
            last_login: activity.last_login,
            password_changed: activity.password_changed,
        })
    }

    /// Whose live session `session_id` is, without marking it used (for a
    /// front end's own bookkeeping, such as saying whose saved session a
    /// login replaces).
    pub fn session_owner(&self, session_id: &SessionToken) -> Result<Option<User>, AuthError> {
        self.live_session_user(&session_id.digest(), self.clock.now())
    }

    /// The user with this email, disabled or not.
    pub fn find_user(&self, email: &Email) -> Result<User, AuthError> {
        match self.store.read()?.find_user_by(UserLookup::Email(email)) {
            Ok(record) => Ok(record.user),
            Err(StoreError::NotFound) => Err(not_found(email)),
            Err(other) => Err(other.into()),
        }
    }

    /// Every user with its live-session count, oldest first.
    pub fn list_users(&self) -> Result<Vec<UserSummary>, AuthError> {
        Ok(self.store.read()?.list_users(self.clock.now())?)
    }

    /// Deletes a user with all its sessions and its reset token.
    pub fn delete_user(&self, caller: &Caller, email: &Email) -> Result<User, AuthError> {
        let mut tx = self.store.write()?;
        let user = match tx.find_user_by(UserLookup::Email(email)) {
            Ok(record) => record.user,
            Err(StoreError::NotFound) => return Err(not_found(email)),
            Err(other) => return Err(other.into()),
        };
        tx.delete_user(user.id).map_err(|e| gone(e, email))?;
        // Whoever registers the email next starts with a clean count.
        tx.delete_counter(Scope::Account, email.key())?;
        self.commit_audited(tx, caller, &Event::success("user.deleted").user(&user))?;
        Ok(user)
    }

    /// Sets a user's password as an operator (`users set-password`): the
    /// new-password rules apply; every session, reset token and known device
    /// of the user ends, and its failed-login count and any lock are lifted,
    /// in one transaction.
    pub fn set_password(
        &self,
        caller: &Caller,
        email: &Email,
        password: &Password,
    ) -> Result<User, AuthError> {
        self.check_new_password(email, password)?;
        let hash = self.hasher.hash(password)?;
        let mut tx = self.store.write()?;
        let user = match tx.find_user_by(UserLookup::Email(email)) {
            Ok(record) => record.user,
            Err(StoreError::NotFound) => return Err(not_found(email)),
            Err(other) => return Err(other.into()),
        };
        let update = UserUpdate {
            hash: Some(hash),
            end_sessions: true,
            ..UserUpdate::default()
        };
        let now = self.clock.now();
        tx.update_user(user.id, &update, now)
            .map_err(|e| gone(e, email))?;
        tx.delete_counter(Scope::Account, email.key())?;
        self.commit_audited(tx, caller, &Event::success("password.set").user(&user))?;
        self.recent_refusals.forget(Scope::Account, email.key());
        Ok(user)
    }

    /// Blocks login and reset for a user and ends its sessions.
    pub fn disable_user(&self, caller: &Caller, email: &Email) -> Result<User, AuthError> {
        self.set_disabled(caller, email, true)
    }

    /// Lets a disabled user log in again.
    pub fn enable_user(&self, caller: &Caller, email: &Email) -> Result<User, AuthError> {
        self.set_disabled(caller, email, false)
    }

    fn set_disabled(
        &self,
        caller: &Caller,
        email: &Email,
        disabled: bool,
    ) -> Result<User, AuthError> {
        let update = UserUpdate {
            disabled: Some(disabled),
            end_sessions: disabled,
            ..UserUpdate::default()
        };
        let mut tx = self.store.write()?;
        let user = match tx.find_user_by(UserLookup::Email(email)) {
            Ok(record) => record.user,
            Err(StoreError::NotFound) => return Err(not_found(email)),
            Err(other) => return Err(other.into()),
        };
        tx.update_user(user.id, &update, self.clock.now())
            .map_err(|e| gone(e, email))?;
        let updated = tx
            .find_user_by(UserLookup::Id(user.id))
            .map_err(|e| gone(e, email))?
            .user;
        let name = if disabled {
            "user.disabled"
        } else {
            "user.enabled"
        };
        self.commit_audited(tx, caller, &Event::success(name).user(&updated))?;
        Ok(updated)
    }

    /// Live sessions of one user (which must exist) or of everyone.
    pub fn list_sessions(&self, email: Option<&Email>) -> Result<Vec<SessionInfo>, AuthError> {
        let user = email.map(|e| self.find_user(e)).transpose()?;
        Ok(self
            .store
            .read()?
            .list_sessions(user.map(|u| u.id), self.clock.now())?)
    }

    /// Ends every session of a user; returns how many were live.
    pub fn revoke_sessions(&self, caller: &Caller, email: &Email) -> Result<u64, AuthError> {
        let user = self.find_user(email)?;
        let mut tx = self.store.write()?;
        let ended = tx.delete_sessions_of(user.id, self.clock.now())?;
        let event = Event::success("session.revoked")
            .user(&user)
            .details(serde_json::json!({ "sessions": ended }));
        self.commit_audited(tx, caller, &event)?;
        Ok(ended)
    }

    /// Ends the one live session with row id `id` (as `sessions list`
    /// shows it) and returns it; not found if no live session has that id.
    pub fn revoke_session(&self, caller: &Caller, id: i64) -> Result<SessionInfo, AuthError> {
        let mut tx = self.store.write()?;
        let Some(session) = tx.delete_session_by_id(id, self.clock.now())? else {
            return Err(AuthError::NotFound(format!("no live session with id {id}")));
        };
        let event = Event::success("session.revoked")
            .email(&session.email)
            .details(serde_json::json!({ "sessions": 1, "session_id": id }));
        let event = match tx.find_user_by(UserLookup::Email(&session.email)) {
            Ok(record) => event.user(&record.user),
            Err(_) => event,
        };
        self.commit_audited(tx, caller, &event)?;
        Ok(session)
    }

    /// Every user with its hash, in the form `users import` reads.
    pub fn export_users(&self, caller: &Caller) -> Result<Vec<ExportedUser>, AuthError> {
        let records = self.store.read()?.export_users()?;
        // Recorded before anything is handed out: an export that cannot be
        // audited does not happen.
        let event =
            Event::success("user.exported").details(serde_json::json!({ "users": records.len() }));
        self.audit_alone(caller, &event)?;
        Ok(records
            .into_iter()
            .map(|record| ExportedUser {
                email: record.user.email,
                hash: record.hash,
                created_at: record.user.created_at,
                disabled: record.user.disabled,
            })
            .collect())
    }

    /// Opens one session for each of `emails` in a single transaction
    /// (`None` for an unknown or disabled user); for provisioning and load
    /// tests, where a transaction per session would dominate. Unlike
    /// `create_session`, a user disabled between the lookup and the insert
    /// still gets its session: an operator provisioning does not race
    /// themselves.
    pub fn create_sessions(
        &self,
        caller: &Caller,
        emails: &[Email],
    ) -> Result<Vec<Option<SessionToken>>, AuthError> {
        let mut tokens = Vec::with_capacity(emails.len());
        let mut sessions = Vec::with_capacity(emails.len());
        for email in emails {
            match self.active_user(UserLookup::Email(email))? {
                Some(record) => {
                    let (token, session) = self.new_session(record.user.id);
                    tokens.push(Some(token));
                    sessions.push(session);
                }
                None => tokens.push(None),
            }
        }
        let mut tx = self.store.write()?;
        tx.add_sessions(&sessions)?;
        if self.policy.max_sessions_per_user.is_some() {
            let mut users: Vec<_> = sessions.iter().map(|s| s.user).collect();
            users.sort_unstable();
            users.dedup();
            for user in users {
                self.cap_sessions(tx.as_mut(), user)?;
            }
        }
        let event = Event::success("session.created")
            .details(serde_json::json!({ "sessions": sessions.len() }));
        self.commit_audited(tx, caller, &event)?;
        Ok(tokens)
    }

    /// Deletes expired sessions and reset tokens, and audit events past
    /// the policy's retention, then does the storage backend's
    /// housekeeping; returns how many rows went.
    pub fn prune_expired(&self) -> Result<u64, AuthError> {
        let mut tx = self.store.write()?;
        let mut removed = tx.prune_expired(self.clock.now())?;
        tx.commit()?;
        if let Some(retention) = self.policy.audit_retention {
            let retention_ms = i64::try_from(retention.as_millis()).unwrap_or(i64::MAX);
            let before_ms = self.clock.now_ms().saturating_sub(retention_ms);
            removed += self.prune_audit(&Caller::housekeeping(), before_ms, false)?;
        }
        self.store.maintain()?;
        Ok(removed)
    }
}
