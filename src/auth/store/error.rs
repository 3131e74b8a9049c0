use thiserror::Error;

/// What a storage operation can report to the auth layer.
#[derive(Debug, Error)]
pub(crate) enum StoreError {
    /// No row matched the lookup.
    #[error("not found")]
    NotFound,
    /// `open_existing` found no database at the locator.
    #[error("no database file")]
    NoDatabase,
    /// The database cannot be used for a reason an operator can fix (not
    /// a database, read-only, no permission, corrupt); the message names
    /// the file and the reason, once.
    #[error("{0}")]
    Unusable(String),
    /// The locator names a folder, not a database file.
    #[error("a folder, not a database file")]
    NotAFile,
    /// The database is another application's (the reason says how we
    /// know); it was read, not written.
    #[error("not an authctl database: {0}")]
    NotOurs(String),
    /// Another user already has this email (compared case-insensitively).
    #[error("email already registered")]
    EmailTaken,
    /// Another user's email looks the same (one confusable skeleton).
    #[error("email looks like one already registered")]
    LookAlike,
    /// The database cannot be written or reached for now (a full disk, a
    /// lock held too long); the same call may succeed later.
    #[error("{context}")]
    Unavailable {
        /// What the store was doing.
        context: &'static str,
        /// The reason and the driver's error.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The database could not be opened, read or written.
    #[error("{context}")]
    Unexpected {
        /// What the store was doing.
        context: &'static str,
        /// The driver's error.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

impl StoreError {
    /// Wraps a driver or I/O error with what was being attempted.
    pub(crate) fn unexpected(
        context: &'static str,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        Self::Unexpected {
            context,
            source: Box::new(source),
        }
    }
}
