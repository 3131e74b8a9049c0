use clap::{Args, ValueEnum};

use super::super::CliError;
use super::super::context::Context;
use super::super::output::{UserView, users_table};
use crate::auth::Auth;
use crate::domain::UserSummary;

/// `authctl users list`
#[derive(Args)]
#[command(after_help = "\
At a terminal, a table; piped, plain aligned columns (no box drawing).
Times in the table are UTC to the minute; --json gives them in full.

Examples:
  authctl users list
  authctl users list --status disabled
  authctl users list --filter @example.com --limit 20
  authctl --json users list | jq -r '.[] | select(.status == \"active\") | .email'")]
pub(crate) struct ListArgs {
    /// Only users with this status
    #[arg(long, value_enum)]
    status: Option<Status>,
    /// Only users whose email contains TEXT (case-insensitively)
    #[arg(long, value_name = "TEXT")]
    filter: Option<String>,
    /// At most N users, the oldest first
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    limit: Option<u64>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Status {
    Active,
    Disabled,
}

impl ListArgs {
    pub(crate) fn run(&self, ctx: &Context) -> Result<(), CliError> {
        let users = self.select(ctx.list_if_exists(Auth::list_users)?);
        if ctx.out.is_json() {
            let views: Vec<UserView> = users
                .iter()
                .map(|s| UserView::new(&s.user, Some(s.live_sessions)))
                .collect();
            return ctx.out.document(&views);
        }
        if users.is_empty() {
            let filtered = self.status.is_some() || self.filter.is_some();
            ctx.note_empty(if filtered {
                "no users match"
            } else {
                "no users"
            });
            return Ok(());
        }
        ctx.out.line(users_table(&users))
    }

    /// The users the options ask for, in id order.
    fn select(&self, users: Vec<UserSummary>) -> Vec<UserSummary> {
        let needle = self.filter.as_deref().map(str::to_lowercase);
        let limit = self
            .limit
            .map_or(usize::MAX, |n| usize::try_from(n).unwrap_or(usize::MAX));
        users
            .into_iter()
            .filter(|summary| match self.status {
                Some(Status::Active) => !summary.user.disabled,
                Some(Status::Disabled) => summary.user.disabled,
                None => true,
            })
            .filter(|summary| {
                needle.as_deref().is_none_or(|needle| {
                    summary.user.email.as_str().to_lowercase().contains(needle)
                })
            })
            .take(limit)
            .collect()
    }
}
