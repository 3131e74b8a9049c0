use clap::Args;

use super::super::CliError;
use super::super::context::Context;
use super::super::output::{UserView, users_table};
use crate::auth::Auth;

/// `authctl users list`
#[derive(Args)]
#[command(after_help = "\
Examples:
  authctl users list
  authctl --json users list | jq -r '.[] | select(.status == \"active\") | .email'")]
pub(crate) struct ListArgs {}

impl ListArgs {
    pub(crate) fn run(&self, ctx: &Context) -> Result<(), CliError> {
        let users = ctx.list_if_exists(Auth::list_users)?;
        if ctx.out.is_json() {
            let views: Vec<UserView> = users
                .iter()
                .map(|s| UserView::new(&s.user, Some(s.live_sessions)))
                .collect();
            return ctx.out.document(&views);
        }
        if users.is_empty() {
            ctx.note_empty("no users");
            return Ok(());
        }
        ctx.out.line(users_table(&users))
    }
}
