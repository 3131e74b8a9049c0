//! Operator calls behind `authctl users ...` and `authctl sessions ...`.

use super::{Auth, AuthError, not_found};
use crate::domain::{Email, PasswordHash, SessionInfo, SessionToken, Timestamp, User, UserSummary};
use crate::store::{StoreError, UserLookup, UserUpdate};

/// One user as `users export` writes it: what `users import` reads back.
#[derive(Debug, Clone)]
pub struct ExportedUser {
    /// The address as registered.
    pub email: Email,
    /// The bcrypt hash, so the password survives the move.
    pub hash: PasswordHash,
    /// When the account was created.
    pub created_at: Timestamp,
}

impl Auth {
    /// The user with this email, disabled or not.
    pub fn find_user(&self, email: &Email) -> Result<User, AuthError> {
        match self.store.find_user_by(UserLookup::Email(email)) {
            Ok(record) => Ok(record.user),
            Err(StoreError::NotFound) => Err(not_found(email)),
            Err(other) => Err(other.into()),
        }
    }

    /// Every user with its live-session count, oldest first.
    pub fn list_users(&self) -> Result<Vec<UserSummary>, AuthError> {
        Ok(self.store.list_users(self.clock.now())?)
    }

    /// Deletes a user with all its sessions and its reset token.
    pub fn delete_user(&self, email: &Email) -> Result<User, AuthError> {
        let user = self.find_user(email)?;
        match self.store.delete_user(user.id) {
            Ok(()) => Ok(user),
            Err(StoreError::NotFound) => Err(not_found(email)),
            Err(other) => Err(other.into()),
        }
    }

    /// Blocks login and reset for a user and ends its sessions.
    pub fn disable_user(&self, email: &Email) -> Result<User, AuthError> {
        self.set_disabled(email, true)
    }

    /// Lets a disabled user log in again.
    pub fn enable_user(&self, email: &Email) -> Result<User, AuthError> {
        self.set_disabled(email, false)
    }

    fn set_disabled(&self, email: &Email, disabled: bool) -> Result<User, AuthError> {
        let user = self.find_user(email)?;
        let update = UserUpdate {
            disabled: Some(disabled),
            end_sessions: disabled,
            ..UserUpdate::default()
        };
        match self.store.update_user(user.id, &update, self.clock.now()) {
            Ok(()) => self.find_user(email),
            Err(StoreError::NotFound) => Err(not_found(email)),
            Err(other) => Err(other.into()),
        }
    }

    /// Live sessions of one user (which must exist) or of everyone.
    pub fn list_sessions(&self, email: Option<&Email>) -> Result<Vec<SessionInfo>, AuthError> {
        let user = email.map(|e| self.find_user(e)).transpose()?;
        Ok(self
            .store
            .list_sessions(user.map(|u| u.id), self.clock.now())?)
    }

    /// Ends every session of a user; returns how many were live.
    pub fn revoke_sessions(&self, email: &Email) -> Result<u64, AuthError> {
        let user = self.find_user(email)?;
        Ok(self.store.delete_sessions_of(user.id, self.clock.now())?)
    }

    /// Every user with its hash, in the form `users import` reads.
    pub fn export_users(&self) -> Result<Vec<ExportedUser>, AuthError> {
        let records = self.store.export_users()?;
        Ok(records
            .into_iter()
            .map(|record| ExportedUser {
                email: record.user.email,
                hash: record.hash,
                created_at: record.user.created_at,
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
        self.store.add_sessions(&sessions)?;
        Ok(tokens)
    }

    /// Deletes expired sessions and reset tokens; returns how many.
    pub fn prune_expired(&self) -> Result<u64, AuthError> {
        Ok(self.store.prune_expired(self.clock.now())?)
    }
}
