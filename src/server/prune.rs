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
