//! `authctl serve` over real HTTP: a server on 127.0.0.1:0, reqwest, and a
//! temporary SQLite file per test.

mod support;

mod flask_flow;
