//! The auth layer over real SQLite files.

mod admin;
mod at_rest;
mod concurrency;
mod emails;
mod expiry;
mod flask_flow;
mod passwords;
mod properties;
mod storage;
mod support;
