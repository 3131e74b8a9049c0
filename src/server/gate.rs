//! Running the blocking `auth` calls off the async workers.
//!
//! Every `Auth` method blocks (bcrypt, SQLite), so it runs on tokio's
//! blocking pool. bcrypt is the expensive part: a [`Gate`] lets about one
//! hash run per core, so a flood of logins queues behind the gate while cheap
//! calls such as `GET /profile` still find a free blocking thread.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::error::ApiError;
use super::metrics::BcryptMetrics;

/// Slots for the login throttle's checks (a read each): a flood of
/// attempts at a throttled key queues here, not for the threads that serve
/// `GET /profile`.
pub(crate) const LOGIN_CHECK_SLOTS: usize = 1;

/// A bounded number of slots for expensive work, with a bounded wait.
#[derive(Debug, Clone)]
pub(crate) struct Gate {
    slots: Arc<Semaphore>,
    wait: Duration,
    metrics: Option<BcryptMetrics>,
}

impl Gate {
    pub(crate) fn new(slots: usize, wait: Duration) -> Self {
        Self {
            slots: Arc::new(Semaphore::new(slots.max(1))),
            wait,
            metrics: None,
        }
    }

    /// The same gate, timing its waits and work into `metrics`.
    pub(crate) fn measured(self, metrics: Option<BcryptMetrics>) -> Self {
        Self { metrics, ..self }
    }

    /// Waits up to the bound for a slot; past it the server is overloaded
    /// and says so (503 with `Retry-After`) rather than queueing forever.
    pub(crate) async fn enter(&self) -> Result<OwnedSemaphorePermit, ApiError> {
        let overloaded = ApiError::Overloaded {
            retry_after: self.wait,
        };
        match tokio::time::timeout(self.wait, Arc::clone(&self.slots).acquire_owned()).await {
            Ok(Ok(permit)) => Ok(permit),
            // The semaphore is never closed; treat it as busy if it were.
            Ok(Err(_closed)) => Err(overloaded),
            Err(_elapsed) => Err(overloaded),
        }
    }

    /// Runs `work` on the blocking pool once a slot is free. The permit moves
    /// into the closure: a blocking task cannot be cancelled, so the slot must
    /// stay taken until the work itself ends, even if the request is dropped.
    pub(crate) async fn run<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let Some(metrics) = self.metrics.clone() else {
            let permit = self.enter().await?;
            return blocking(move || {
                let result = work();
                drop(permit);
                result
            })
            .await;
        };
        let asked = Instant::now();
        let entered = self.enter().await;
        metrics.wait.observe(asked.elapsed().as_secs_f64());
        let permit = entered?;
        metrics.in_use.inc();
        blocking(move || {
            let started = Instant::now();
            let result = work();
            metrics.duration.observe(started.elapsed().as_secs_f64());
            metrics.in_use.dec();
            drop(permit);
            result
        })
        .await
    }
}

/// Runs cheap blocking work (an indexed SQLite query) on the blocking pool.
pub(crate) async fn blocking<T, F>(work: F) -> Result<T, ApiError>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    tokio::task::spawn_blocking(work)
        .await
        .map_err(ApiError::internal)
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;

    use super::*;

    /// A dropped request must not free its slot while its bcrypt work still
    /// runs, or a flood of abandoned logins would run unbounded.
    #[tokio::test]
    async fn a_slot_stays_taken_until_the_work_ends_even_if_its_request_is_dropped() {
        let gate = Gate::new(1, Duration::from_millis(50));
        let (started_tx, started) = mpsc::channel();
        let (finish, finish_rx) = mpsc::channel::<()>();
        let running = {
            let gate = gate.clone();
            tokio::spawn(async move {
                gate.run(move || {
                    started_tx.send(()).expect("report the start");
                    finish_rx.recv().expect("wait to be let go");
                })
                .await
            })
        };
        tokio::task::spawn_blocking(move || started.recv().expect("the work starts"))
            .await
            .expect("the start");
        running.abort();
        assert!(running.await.is_err_and(|e| e.is_cancelled()));

        // The work still runs: the only slot is taken, a second caller is turned away.
        assert!(matches!(
            gate.enter().await,
            Err(ApiError::Overloaded { .. })
        ));
        finish.send(()).expect("let the work end");
        let permit = tokio::time::timeout(Duration::from_secs(10), async {
            loop {
                if let Ok(permit) = gate.enter().await {
                    return permit;
                }
            }
        })
        .await;
        assert!(permit.is_ok(), "the slot came back once the work ended");
    }
}
