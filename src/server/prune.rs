//! Deleting expired sessions and reset tokens while the server runs.

use std::sync::Arc;
use std::time::Duration;

use tokio::time::MissedTickBehavior;

use crate::auth::Auth;

/// Prunes now and then every `every`, until the task is aborted. Lookups
/// already ignore expired rows; this only keeps the tables small.
pub(crate) async fn periodically(auth: Arc<Auth>, every: Duration) {
    // `interval` panics on a zero period; a second is plenty often.
    let mut ticks = tokio::time::interval(every.max(Duration::from_secs(1)));
    ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        let auth = Arc::clone(&auth);
        match tokio::task::spawn_blocking(move || auth.prune_expired()).await {
            Ok(Ok(removed)) => tracing::debug!(removed, "pruned expired sessions and tokens"),
            Ok(Err(error)) => tracing::warn!(error = %error, "pruning failed"),
            Err(error) => tracing::warn!(error = %error, "pruning task failed"),
        }
    }
}

/// Writes the throttle's refusals counted in memory to the audit log every
/// `every`, until the task is aborted; [`flush_audit`] once more at
/// shutdown.
pub(crate) async fn flush_audit_periodically(auth: Arc<Auth>, every: Duration) {
    let mut ticks = tokio::time::interval(every.max(Duration::from_millis(10)));
    ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        flush_audit(Arc::clone(&auth)).await;
    }
}

pub(crate) async fn flush_audit(auth: Arc<Auth>) {
    match tokio::task::spawn_blocking(move || auth.flush_audit()).await {
        Ok(Ok(_)) => {}
        Ok(Err(error)) => tracing::warn!(error = %error, "cannot write refusals to the audit log"),
        Err(error) => tracing::warn!(error = %error, "audit flush task failed"),
    }
}
