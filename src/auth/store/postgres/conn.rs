//! A connection with its prepared statements.
//!
//! tokio-postgres prepares a statement given as text anew each time: a
//! round trip to the server before every query. Each connection keeps the
//! statements it has prepared, by their text, so a query costs one round
//! trip after its first use on that connection.

use std::collections::HashMap;
use std::sync::Mutex;

use tokio_postgres::types::ToSql;
use tokio_postgres::{Client, Error, Row, Statement};

/// Statements kept per connection: the store's queries number a few dozen,
/// the audit filters' combinations a few hundred at most.
const MAX_STATEMENTS: usize = 512;

pub(super) struct Conn {
    client: Client,
    statements: Mutex<HashMap<String, Statement>>,
}

impl Conn {
    pub(super) fn new(client: Client) -> Self {
        Self {
            client,
            statements: Mutex::new(HashMap::new()),
        }
    }

    pub(super) fn is_closed(&self) -> bool {
        self.client.is_closed()
    }

    async fn prepared(&self, sql: &str) -> Result<Statement, Error> {
        let known = self
            .statements
            .lock()
            .ok()
            .and_then(|statements| statements.get(sql).cloned());
        if let Some(statement) = known {
            return Ok(statement);
        }
        let statement = self.client.prepare(sql).await?;
        if let Ok(mut statements) = self.statements.lock()
            && statements.len() < MAX_STATEMENTS
        {
            statements.insert(sql.to_owned(), statement.clone());
        }
        Ok(statement)
    }

    pub(super) async fn execute(
        &self,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<u64, Error> {
        let statement = self.prepared(sql).await?;
        self.client.execute(&statement, params).await
    }

    pub(super) async fn query(
        &self,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Vec<Row>, Error> {
        let statement = self.prepared(sql).await?;
        self.client.query(&statement, params).await
    }

    pub(super) async fn query_opt(
        &self,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Option<Row>, Error> {
        let statement = self.prepared(sql).await?;
        self.client.query_opt(&statement, params).await
    }

    pub(super) async fn query_one(
        &self,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Row, Error> {
        let statement = self.prepared(sql).await?;
        self.client.query_one(&statement, params).await
    }

    /// Statements without parameters or results (`BEGIN`, `COMMIT`, DDL),
    /// sent as they are.
    pub(super) async fn batch_execute(&self, sql: &str) -> Result<(), Error> {
        self.client.batch_execute(sql).await
    }
}
