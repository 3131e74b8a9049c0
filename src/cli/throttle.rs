//! `authctl throttle ...`: the brute-force defence's counters, for an
//! operator who wants to see who is being refused and to forgive them.

use std::net::IpAddr;

use clap::{ArgGroup, Args, Subcommand};
use serde::Serialize;

use super::CliError;
use super::context::Context;
use super::output::{shown, throttle_table};
use crate::auth::{ThrottleEntry, ThrottleTarget};
use crate::domain::Email;

/// The `throttle` subcommands.
#[derive(Subcommand)]
pub(crate) enum ThrottleCommand {
    /// Show the live counters: accounts with failed logins, clients with
    /// failures, accounts with reset requests
    #[command(after_help = "\
A locked account stays locked until `authctl users unlock EMAIL` or a
completed password reset; a blocked one waits until the time shown.

Examples:
  authctl throttle list
  authctl --json throttle list | jq '.[] | select(.locked)'")]
    List,
    /// Forget counters: one client's, one account's, or all
    #[command(after_help = "\
An IPv6 address stands for its /64, the unit clients are counted in.

Examples:
  authctl throttle clear --ip 203.0.113.9
  authctl throttle clear --ip 2001:db8:1:2::/64
  authctl throttle clear --account alice@example.com
  authctl throttle clear --all")]
    Clear(ClearArgs),
}

/// `authctl throttle clear (--ip ADDR | --account EMAIL | --all)`
#[derive(Args)]
#[command(group(ArgGroup::new("target").required(true).args(["ip", "account", "all"])))]
pub(crate) struct ClearArgs {
    /// A client address, or an IPv6 /64 as `throttle list` shows it
    #[arg(long, value_name = "ADDR", value_parser = parse_client)]
    ip: Option<IpAddr>,
    /// An email: its failed-login and reset-request counts
    #[arg(long, value_name = "EMAIL")]
    account: Option<String>,
    /// Every counter
    #[arg(long)]
    all: bool,
}

/// A counter as `--json` shows it.
#[derive(Serialize)]
pub(crate) struct ThrottleView {
    scope: &'static str,
    key: String,
    failures: u32,
    blocked_until: Option<String>,
    locked: bool,
}

impl From<&ThrottleEntry> for ThrottleView {
    fn from(entry: &ThrottleEntry) -> Self {
        Self {
            scope: entry.scope.name(),
            key: entry.key.clone(),
            failures: entry.failures,
            blocked_until: entry.blocked_until.map(|time| time.to_string()),
            locked: entry.locked,
        }
    }
}

#[derive(Serialize)]
struct Cleared {
    cleared: u64,
}

impl ThrottleCommand {
    pub(crate) fn run(&self, ctx: &Context) -> Result<(), CliError> {
        match self {
            Self::List => list(ctx),
            Self::Clear(args) => clear(args, ctx),
        }
    }
}

fn list(ctx: &Context) -> Result<(), CliError> {
    let entries = ctx.list_if_exists(|auth| auth.throttle_entries())?;
    if ctx.out.is_json() {
        let views: Vec<ThrottleView> = entries.iter().map(ThrottleView::from).collect();
        return ctx.out.document(&views);
    }
    if entries.is_empty() {
        ctx.note_empty("no failed attempts counted");
        return Ok(());
    }
    ctx.out.line(throttle_table(&entries))
}

fn clear(args: &ClearArgs, ctx: &Context) -> Result<(), CliError> {
    let (target, what) = match (&args.ip, &args.account) {
        (Some(address), _) => (
            ThrottleTarget::Client(*address),
            format!("client {address}"),
        ),
        (None, Some(email)) => {
            let email = Email::parse(email)?;
            let what = format!("account {email}");
            (ThrottleTarget::Account(email), what)
        }
        // clap requires one of the three.
        (None, None) => (ThrottleTarget::All, "every counter".to_owned()),
    };
    let cleared = ctx.open_existing()?.clear_throttle(&ctx.caller, &target)?;
    let plural = if cleared == 1 { "" } else { "s" };
    ctx.out.done(
        &Cleared { cleared },
        format_args!("{}: {cleared} counter{plural} cleared", shown(&what)),
    )
}

/// An address, or an IPv6 network written with its /64 as the list shows.
fn parse_client(raw: &str) -> Result<IpAddr, String> {
    let raw = raw.trim();
    let address = match raw.split_once('/') {
        Some((address, "64")) if address.contains(':') => address,
        Some(_) => return Err("only an IPv6 /64 may carry a prefix length".to_owned()),
        None => raw,
    };
    address
        .parse()
        .map_err(|_| "not an IP address (203.0.113.9, 2001:db8::1 or 2001:db8::/64)".to_owned())
}
