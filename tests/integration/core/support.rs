use std::path::PathBuf;
use std::sync::Arc;

use authctl::auth::{Auth, ManualClock, Policy, Storage};
use authctl::domain::{Database, Email, Password, Timestamp};
use tempfile::TempDir;

/// Cost 4: about 1 ms a hash, so the suite stays fast.
pub fn fast_policy() -> Policy {
    Policy {
        bcrypt_cost: 4,
        ..Policy::default()
    }
}

/// A database file in its own temporary folder, removed on drop.
pub struct TestDb {
    dir: TempDir,
    pub path: PathBuf,
}

impl TestDb {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("auth.db");
        Self { dir, path }
    }

    pub fn folder(&self) -> PathBuf {
        self.dir.path().to_owned()
    }

    pub fn auth(&self) -> Auth {
        self.auth_with(fast_policy())
    }

    pub fn database(&self) -> Database {
        Database::sqlite(&self.path)
    }

    pub fn auth_with(&self, policy: Policy) -> Auth {
        Auth::open(&self.database(), policy).expect("open auth")
    }

    /// An auth instance on a clock that moves only when told.
    pub fn auth_with_clock(&self) -> (Auth, Arc<ManualClock>) {
        let clock = Arc::new(ManualClock::new(Timestamp::from_unix(1_800_000_000)));
        let storage = Storage::open(&self.database()).expect("open the database");
        let auth = Auth::new(storage, fast_policy(), clock.clone()).expect("open auth");
        (auth, clock)
    }
}

pub fn email(raw: &str) -> Email {
    Email::parse(raw).expect("valid email")
}

pub fn password(raw: &str) -> Password {
    Password::parse(raw).expect("valid password")
}
