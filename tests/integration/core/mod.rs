//! The auth layer. `contract` holds every `Auth` operation's tests, run on
//! each storage backend; `sqlite_file` what only the SQLite file has. The
//! parsers at the edge (emails, passwords, tokens) need no database.

mod contract;
mod emails;
mod passwords;
mod properties;
mod sqlite_file;
