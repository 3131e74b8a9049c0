//! SQL over the `blocked_passwords` table: the operator's blocklist.

use tokio_postgres::Error;

use super::conn::Conn;

use crate::domain::BlockedWord;

pub(super) async fn contains(client: &Conn, folded: &str) -> Result<bool, Error> {
    Ok(client
        .query_opt(
            "SELECT 1 FROM blocked_passwords WHERE word = $1",
            &[&folded],
        )
        .await?
        .is_some())
}

pub(super) async fn list(client: &Conn) -> Result<Vec<BlockedWord>, Error> {
    let rows = client
        .query("SELECT word FROM blocked_passwords ORDER BY word", &[])
        .await?;
    Ok(rows
        .iter()
        .map(|row| BlockedWord::from_stored(row.get(0)))
        .collect())
}

pub(super) async fn count(client: &Conn) -> Result<u64, Error> {
    let row = client
        .query_one("SELECT count(*) FROM blocked_passwords", &[])
        .await?;
    Ok(row.get::<_, i64>(0).unsigned_abs())
}

/// Returns how many of `words` were not listed before: an insert that
/// finds its word taken (or waits for a concurrent one that commits) does
/// nothing and counts nothing.
pub(super) async fn insert(client: &Conn, words: &[BlockedWord]) -> Result<u64, Error> {
    let mut added = 0;
    for word in words {
        added += client
            .execute(
                "INSERT INTO blocked_passwords (word) VALUES ($1) ON CONFLICT (word) DO NOTHING",
                &[&word.as_str()],
            )
            .await?;
    }
    Ok(added)
}

/// Returns the words this call deleted (`DELETE ... RETURNING`).
pub(super) async fn delete(
    client: &Conn,
    words: &[BlockedWord],
) -> Result<Vec<BlockedWord>, Error> {
    let mut removed = Vec::new();
    for word in words {
        if let Some(row) = client
            .query_opt(
                "DELETE FROM blocked_passwords WHERE word = $1 RETURNING word",
                &[&word.as_str()],
            )
            .await?
        {
            removed.push(BlockedWord::from_stored(row.get(0)));
        }
    }
    Ok(removed)
}
