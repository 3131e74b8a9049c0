//! `authctl doctor`'s look at a PostgreSQL database: reached, ours (or
//! empty), at which schema version. Read only: it runs queries, never the
//! migrations, and takes no lock.

use super::super::check::{OWNER, REACHABLE, SCHEMA};
use super::migrations::{HISTORY_TABLE, STEPS};
use super::pool::Pool;
use crate::domain::{Finding, PgLocator};

/// The database checks of `locator`, in the order they depend on each
/// other; see [`super::super::inspect`].
pub(in super::super) fn inspect(locator: &PgLocator) -> Vec<Finding> {
    let place = format!(
        "PostgreSQL at {}, database {:?}",
        locator.address(),
        locator.dbname()
    );
    let pool = match Pool::new(locator) {
        Ok(pool) => pool,
        Err(e) => return vec![Finding::fail(REACHABLE, chain(&e))],
    };
    let pooled = match pool.get() {
        Ok(pooled) => pooled,
        Err(e) => return vec![Finding::fail(REACHABLE, chain(&e))],
    };
    let Ok(conn) = pooled.client() else {
        return vec![Finding::fail(REACHABLE, "the connection was lost")];
    };
    let mut findings = vec![Finding::pass(REACHABLE, place)];
    let tables = pool.block_on(conn.query(
        "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema()
         ORDER BY tablename",
        &[],
    ));
    let tables: Vec<String> = match tables {
        Ok(rows) => rows.iter().map(|row| row.get(0)).collect(),
        Err(e) => {
            findings.push(Finding::fail(OWNER, format!("cannot list its tables: {e}")));
            return findings;
        }
    };
    if tables.is_empty() {
        findings.push(Finding::pass(OWNER, "nobody's yet: an empty database"));
        findings.push(Finding::warn(
            SCHEMA,
            "none yet (register, users import or serve sets it up)",
        ));
        return findings;
    }
    if !tables.iter().any(|table| table == HISTORY_TABLE) {
        let mut shown: Vec<&str> = tables.iter().map(String::as_str).take(5).collect();
        if tables.len() > shown.len() {
            shown.push("...");
        }
        findings.push(Finding::fail(
            OWNER,
            format!(
                "not an authctl database: it holds another application's tables ({}); \
                 authctl will not change it",
                shown.join(", ")
            ),
        ));
        return findings;
    }
    findings.push(Finding::pass(
        OWNER,
        format!("authctl's (its {HISTORY_TABLE} table)"),
    ));
    let applied = pool.block_on(conn.query_one(
        "SELECT coalesce(max(version), 0) FROM authctl_migrations",
        &[],
    ));
    let latest = STEPS.len();
    findings.push(match applied.map(|row| row.get::<_, i32>(0)) {
        Ok(at) => match usize::try_from(at).unwrap_or(0) {
            at if at == latest => Finding::pass(SCHEMA, format!("version {at}, current")),
            at if at < latest => Finding::warn(
                SCHEMA,
                format!(
                    "version {at} of {latest}; the next authctl command that opens it migrates it"
                ),
            ),
            at => Finding::fail(
                SCHEMA,
                format!(
                    "version {at}, newer than this authctl knows ({latest}); it was written by \
                     a newer authctl, which is the one to use"
                ),
            ),
        },
        Err(e) => Finding::fail(SCHEMA, format!("cannot read it: {e}")),
    });
    findings
}

/// An error and its causes on one line.
fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
