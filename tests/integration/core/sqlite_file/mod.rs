//! What only the SQLite backend has: a file with modes, a WAL, migrations
//! of older files, and bytes that can be damaged or read back. These tests
//! may open the file with rusqlite.

mod at_rest;
mod file;
mod migrations;
