//! The real `authctl serve` process: started as a user would start it, on
//! 127.0.0.1:0, stopped with signals, sharing its database with CLI runs.
//! The in-process server tests are in `server`; these cover what only the
//! binary does (the listening line, signals, logging set-up, separate
//! processes on one file).

mod bind;
mod blocklist;
mod exposed;
mod hostile;
mod lifecycle;
mod logs;
mod operability;
mod postgres;
mod shared_db;
mod throttle;
