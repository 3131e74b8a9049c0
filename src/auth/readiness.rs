//! Whether this instance can serve now: for a readiness probe.

use super::{Auth, AuthError};

impl Auth {
    /// Whether the database can be read now and has the schema this build
    /// expects. Blocks on the database (at most about a second on a lock),
    /// so an async caller runs it on a blocking pool and bounds the wait
    /// itself. The error says why, for a log line; it may name the file.
    pub fn readiness(&self) -> Result<(), AuthError> {
        let versions = self.store.schema_versions()?;
        if versions.found == versions.latest {
            return Ok(());
        }
        Err(AuthError::Unavailable {
            context: "the database schema is not the one this build expects",
            source: format!(
                "schema version {}, expected {}",
                versions.found, versions.latest
            )
            .into(),
        })
    }
}
