//! Validated values parsed once at the edge: emails, passwords, tokens,
//! database locators, users, blocklist words, and the findings of a check
//! of an installation.
//!
//! Nothing below the CLI or HTTP edge carries an email, a password or a token
//! as a bare string; each is one of these types, and the secret ones never
//! show their contents in `Debug` or `Display`.

mod blocked_word;
mod database;
mod email;
mod error;
mod finding;
mod fold;
mod password;
mod postgres_url;
mod time;
mod token;
mod user;

pub use blocked_word::BlockedWord;
pub use database::{Database, Location};
pub use email::{Email, is_unsafe_to_show, skeleton_version};
pub use error::ValidationError;
pub use finding::{Finding, Status};
pub use password::{MAX_PASSWORD_BYTES, Password, PasswordHash};
pub use postgres_url::{PgLocator, PgTls};
pub use time::Timestamp;
pub use token::{DeviceToken, ResetToken, SessionToken, TokenDigest};
pub use user::{SessionInfo, User, UserId, UserSummary};
