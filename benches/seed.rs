//! Seeds a database for the load benchmarks through authctl's own API, and
//! measures bcrypt's cost on this machine.
//!
//! ```text
//! cargo bench --bench seed -- users --db /tmp/a.db --count 1000000 --sessions-out /tmp/a.sids
//! cargo bench --bench seed -- users --db postgres://... --count 10000 --sessions-out /tmp/p.sids
//! cargo bench --bench seed -- bcrypt --cost 12
//! ```
//! Users are `bench<n>@example.com` with the password `benchpass` (one
//! shared cost-12 hash, as the Flask peer's seeder does), each with one
//! session whose id goes to `--sessions-out`, one per line.
// A broken fixture or a failed expectation panics: in a bench that is
// the failure to report, not a bug to handle.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use authctl::auth::{Auth, Caller, Credential, ImportOptions, ImportRow, Policy};
use authctl::domain::{Email, PasswordHash};
use clap::{Parser, Subcommand};

#[derive(Parser)]
struct Args {
    #[command(subcommand)]
    command: Command,
    /// Swallows the `--bench` flag cargo passes to bench targets.
    #[arg(long, hide = true, global = true)]
    bench: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Writes users and a session each into a new database.
    Users {
        /// A file path (SQLite) or a database URL, as `authctl --db` takes.
        #[arg(long)]
        db: String,
        #[arg(long)]
        count: usize,
        #[arg(long)]
        sessions_out: PathBuf,
    },
    /// Prints the seconds one bcrypt hash takes at a cost (median of runs).
    Bcrypt {
        #[arg(long, default_value_t = 12)]
        cost: u32,
        #[arg(long, default_value_t = 8)]
        runs: usize,
    },
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    match Args::parse().command {
        Command::Users {
            db,
            count,
            sessions_out,
        } => seed_users(&db, count, &sessions_out),
        Command::Bcrypt { cost, runs } => {
            println!("{:.4}", bcrypt_seconds(cost, runs)?);
            Ok(())
        }
    }
}

fn seed_users(
    db: &str,
    count: usize,
    sessions_out: &std::path::Path,
) -> Result<(), Box<dyn std::error::Error>> {
    let started = Instant::now();
    let database = authctl::domain::Database::parse(db.as_ref()).map_err(|e| e.to_string())?;
    let auth = Auth::open(&database, Policy::default())?;
    let hash = PasswordHash::parse(&bcrypt::hash("benchpass", 12)?)?;
    let emails: Vec<Email> = (0..count)
        .map(|n| Email::parse(&format!("bench{n}@example.com")))
        .collect::<Result<_, _>>()?;
    let rows: Vec<ImportRow> = emails
        .iter()
        .enumerate()
        .map(|(n, email)| ImportRow {
            line: n + 1,
            email: email.clone(),
            credential: Credential::Hash(hash.clone()),
            created_at: None,
            disabled: false,
        })
        .collect();
    let report = auth.import_users(&Caller::cli(), &rows, ImportOptions::default(), &|| {})?;
    drop(rows);
    let tokens = auth.create_sessions(&Caller::cli(), &emails)?;
    let mut out = BufWriter::new(File::create(sessions_out)?);
    for token in tokens.iter().flatten() {
        writeln!(out, "{}", token.expose())?;
    }
    out.flush()?;
    eprintln!(
        "seeded {} users with a session each in {:.1} s",
        report.created,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn bcrypt_seconds(cost: u32, runs: usize) -> Result<f64, bcrypt::BcryptError> {
    let mut times: Vec<Duration> = Vec::with_capacity(runs);
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        bcrypt::hash("benchpass", cost)?;
        times.push(started.elapsed());
    }
    times.sort();
    Ok(times[times.len() / 2].as_secs_f64())
}
