//! Bulk provisioning: many users in one transaction, hashed in parallel.

use rayon::prelude::*;

use super::{Auth, AuthError};
use crate::domain::{Email, Password, PasswordHash, Timestamp};
use crate::store::{NewUser, StoreError};

/// How an imported user will prove who they are.
#[derive(Debug, Clone)]
pub enum Credential {
    /// A plaintext password, hashed at the policy cost during the import.
    Password(Password),
    /// An existing bcrypt hash (e.g. from the Flask service), kept as is; it
    /// moves to the policy cost at the user's next login.
    Hash(PasswordHash),
}

/// One parsed row of an import file.
#[derive(Debug, Clone)]
pub struct ImportRow {
    /// The 1-based line it came from, for error messages.
    pub line: usize,
    /// The user's address.
    pub email: Email,
    /// Its password or hash.
    pub credential: Credential,
    /// When the account was first created (kept when moving users between
    /// databases); `None` means now.
    pub created_at: Option<Timestamp>,
}

/// How an import treats existing users and whether it writes.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions {
    /// Skip rows whose email exists instead of failing the whole import.
    pub skip_existing: bool,
    /// Check everything, write nothing.
    pub dry_run: bool,
}

/// What an import did, or in a dry run would do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Users created.
    pub created: usize,
    /// Lines skipped because their email exists.
    pub skipped_lines: Vec<usize>,
    /// Whether nothing was written.
    pub dry_run: bool,
}

impl Auth {
    /// Imports `rows` all or nothing (unless `skip_existing`). Plain
    /// passwords are checked against the policy first, then hashed on all
    /// cores; `on_row_ready` is called once per row as it is prepared, for a
    /// progress bar. A dry run skips the hashing, whose result it would
    /// throw away, and rolls back after every other check.
    pub fn import_users(
        &self,
        rows: &[ImportRow],
        options: ImportOptions,
        on_row_ready: &(dyn Fn() + Sync),
    ) -> Result<ImportReport, AuthError> {
        for row in rows {
            if let Credential::Password(password) = &row.credential {
                self.policy
                    .check_new_password(password)
                    .map_err(|e| AuthError::InvalidRow {
                        line: row.line,
                        reason: e.to_string(),
                    })?;
            }
        }
        let placeholder = if options.dry_run {
            Some(self.hasher.dummy()?.clone())
        } else {
            None
        };
        let users = rows
            .par_iter()
            .map(|row| {
                let hash = match (&row.credential, &placeholder) {
                    (Credential::Hash(hash), _) => hash.clone(),
                    (Credential::Password(_), Some(placeholder)) => placeholder.clone(),
                    (Credential::Password(password), None) => self.hasher.hash(password)?,
                };
                on_row_ready();
                Ok(NewUser {
                    email: row.email.clone(),
                    hash,
                    created_at: row.created_at.unwrap_or_else(|| self.clock.now()),
                })
            })
            .collect::<Result<Vec<_>, AuthError>>()?;
        let outcome = self
            .store
            .import_users(&users, options.skip_existing, options.dry_run)
            .map_err(|e| match e {
                StoreError::DuplicateRow(index) => AuthError::Conflict(format!(
                    "line {}: {} already exists (use --skip-existing to skip such rows)",
                    rows[index].line, rows[index].email
                )),
                other => other.into(),
            })?;
        Ok(ImportReport {
            created: outcome.created,
            skipped_lines: outcome.skipped.iter().map(|&i| rows[i].line).collect(),
            dry_run: options.dry_run,
        })
    }
}
