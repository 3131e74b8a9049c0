//! Bulk provisioning: many users in one transaction, hashed in parallel.
//!
//! This module owns the checks a row must pass beyond its shape (the
//! password policy and blocklist, one row per email): the CLI parses a file into
//! [`ImportRow`]s and reports what [`check_import_rows`] finds.

use std::collections::HashMap;

use rayon::prelude::*;
use secrecy::ExposeSecret;
use serde::Serialize;

use super::audit::Event;
use super::blocklist::{self, TooCommon};
use super::store::{NewUser, StoreError};
use super::{Auth, AuthError, Caller, Policy};
use crate::domain::{Email, Password, PasswordHash, Timestamp};

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
    /// Created disabled, as it was exported; `false` for a new account.
    pub disabled: bool,
}

/// One unusable row of an import file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowError {
    /// 1-based line of the input.
    pub line: usize,
    /// What is wrong with it, never the value itself.
    pub reason: String,
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

/// Every reason some of `rows` cannot be imported under `policy` that needs
/// no database: a plaintext password too short, or too common (on the
/// built-in list, or the row's email or its local part), or a second row
/// for one email (compared as the database compares them), a mistake in
/// the file whatever `skip_existing` says about users already stored. In
/// line order. [`Auth::check_import_rows`] adds the operator's list.
pub fn check_import_rows(policy: &Policy, rows: &[ImportRow]) -> Vec<RowError> {
    let mut errors = Vec::new();
    let mut first_seen: HashMap<&str, usize> = HashMap::new();
    for row in rows {
        if let Credential::Password(password) = &row.credential
            && let Err(reason) = check_password_row(policy, &row.email, password)
        {
            errors.push(RowError {
                line: row.line,
                reason,
            });
        }
        if let Some(first) = first_seen.get(row.email.key()) {
            errors.push(RowError {
                line: row.line,
                reason: format!("{} is already on line {first}", row.email),
            });
        } else {
            first_seen.insert(row.email.key(), row.line);
        }
    }
    errors.sort_by_key(|e| e.line);
    errors
}

fn check_password_row(policy: &Policy, email: &Email, password: &Password) -> Result<(), String> {
    policy
        .check_new_password(password)
        .map_err(|refusal| refusal.to_string())?;
    match blocklist::refusal(policy, email, password.folded().expose_secret()) {
        Some(reason) => Err(reason.to_string()),
        None => Ok(()),
    }
}

impl Auth {
    /// Every reason some of `rows` cannot be imported: those of
    /// [`check_import_rows`] under this instance's policy, and the
    /// plaintext passwords on the operator's blocklist. In line order.
    pub fn check_import_rows(&self, rows: &[ImportRow]) -> Result<Vec<RowError>, AuthError> {
        let mut errors = check_import_rows(&self.policy, rows);
        let mut reader = self.store.read()?;
        for row in rows {
            if let Credential::Password(password) = &row.credential
                && reader.is_blocked(password.folded().expose_secret())?
            {
                errors.push(RowError {
                    line: row.line,
                    reason: TooCommon::OperatorList.to_string(),
                });
            }
        }
        errors.sort_by_key(|e| e.line);
        Ok(errors)
    }

    /// Imports `rows` all or nothing (unless `skip_existing`). The rows are
    /// checked first ([`AuthError::InvalidRows`] names every bad one), then
    /// plain passwords are hashed on all cores; `on_row_ready` is called once
    /// per row as it is prepared, for a progress bar. A dry run skips the
    /// hashing, whose result it would throw away, and does not commit.
    pub fn import_users(
        &self,
        caller: &Caller,
        rows: &[ImportRow],
        options: ImportOptions,
        on_row_ready: &(dyn Fn() + Sync),
    ) -> Result<ImportReport, AuthError> {
        let refused = self.check_import_rows(rows)?;
        if !refused.is_empty() {
            return Err(AuthError::InvalidRows(refused));
        }
        let placeholder = if options.dry_run {
            Some(self.hasher.placeholder()?)
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
                    disabled: row.disabled,
                })
            })
            .collect::<Result<Vec<_>, AuthError>>()?;

        let mut report = ImportReport {
            dry_run: options.dry_run,
            ..ImportReport::default()
        };
        let mut tx = self.store.write()?;
        for (row, user) in rows.iter().zip(&users) {
            match tx.add_user(user) {
                Ok(_) => report.created += 1,
                Err(StoreError::EmailTaken) if options.skip_existing => {
                    report.skipped_lines.push(row.line);
                }
                Err(StoreError::EmailTaken) => {
                    return Err(AuthError::Conflict(format!(
                        "line {}: {} already exists (use --skip-existing to skip such rows)",
                        row.line, row.email
                    )));
                }
                Err(StoreError::LookAlike) => {
                    return Err(AuthError::LookAlike(format!(
                        "line {}: {} looks like an address already registered or earlier \
                         in the file (look-alike letters from another script)",
                        row.line, row.email
                    )));
                }
                Err(other) => return Err(other.into()),
            }
        }
        if !options.dry_run {
            let event = Event::success("user.imported").details(serde_json::json!({
                "created": report.created,
                "skipped": report.skipped_lines.len(),
            }));
            self.commit_audited(tx, caller, &event)?;
        }
        Ok(report)
    }
}
