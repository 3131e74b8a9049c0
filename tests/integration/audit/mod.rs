//! The audit log (SPEC section 8, SECURITY 29): each event from its
//! action, atomic with its change, free of secrets, bounded under a flood;
//! and the `audit` command over it.

mod atomicity;
mod command;
mod events_cli;
mod events_http;
mod flood;
mod secrets;
mod shutdown;

use authctl::auth::{AuditEntry, AuditQuery, Auth};

/// Every event in the log, oldest first.
pub(super) fn all_events(auth: &Auth) -> Vec<AuditEntry> {
    let query = AuditQuery {
        limit: 100_000,
        ..AuditQuery::default()
    };
    let mut entries = auth.audit_log(&query).unwrap();
    entries.reverse();
    entries
}

/// The one event named `name`; fails if there are none or several.
pub(super) fn only<'a>(entries: &'a [AuditEntry], name: &str) -> &'a AuditEntry {
    let found: Vec<&AuditEntry> = entries.iter().filter(|e| e.event == name).collect();
    assert_eq!(found.len(), 1, "one {name} in {entries:#?}");
    found[0]
}
