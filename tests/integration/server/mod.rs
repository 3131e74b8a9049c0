//! `authctl serve` over real HTTP: a server on 127.0.0.1:0, reqwest, and a
//! temporary SQLite file per test.

mod blocklist;
mod browsers;
mod concurrency;
mod failure_rows;
mod flask_flow;
mod health;
mod hostile;
mod lifecycle;
mod metrics;
mod openapi;
mod secrets;
mod sessions;
mod throttle;
