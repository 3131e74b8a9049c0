//! Log output on stderr, for `serve` and the CLI alike: text for people,
//! or one JSON object a line for log shippers (`--log-format json`).
//! `RUST_LOG` picks what is logged, as before.

use std::io::IsTerminal;

use tracing_appender::non_blocking::{NonBlockingBuilder, WorkerGuard};
use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum LogFormat {
    /// `LEVEL target: message field=value ...`, for people.
    #[default]
    Text,
    /// One JSON object a line: `timestamp`, `level`, `target`, `message`
    /// and the event's fields at the top level.
    Json,
}

/// Installs the server's logger (`RUST_LOG`, default `info`) unless one is
/// installed already (a test, an embedding program, or the CLI before
/// `serve` started): then `None`. Lines are written by a thread of their
/// own, so a request never waits on a write to stderr; when that thread
/// falls behind, loggers wait rather than drop lines. The guard flushes on
/// drop.
pub fn init_for_server(format: LogFormat) -> Option<WorkerGuard> {
    if tracing::dispatcher::has_been_set() {
        return None;
    }
    let (writer, guard) = NonBlockingBuilder::default()
        .lossy(false)
        .thread_name("authctl-log")
        .finish(std::io::stderr());
    install(format, filter("info"), writer);
    Some(guard)
}

/// Installs a logger for a CLI command, writing straight to stderr, only
/// when asked for: with `RUST_LOG` set or a `--log-format` given. Otherwise
/// a command's stderr holds only what is meant for the person running it.
pub fn init_for_command(format: Option<LogFormat>) {
    let asked = std::env::var_os(EnvFilter::DEFAULT_ENV).is_some();
    if let Some(format) = format.or(asked.then_some(LogFormat::Text)) {
        install(format, filter("info"), std::io::stderr);
    }
}

fn filter(default: &str) -> EnvFilter {
    let mut filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default));
    // Added last, so that they win over the user's directives for the same
    // targets: RUST_LOG=trace must not log what the database is sent.
    for ceiling in crate::auth::LOG_CEILINGS {
        if let Ok(directive) = ceiling.parse() {
            filter = filter.add_directive(directive);
        }
    }
    filter
}

fn install<W>(format: LogFormat, filter: EnvFilter, writer: W)
where
    W: for<'a> MakeWriter<'a> + Send + Sync + 'static,
{
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer);
    // An error only says a logger was installed first, which then stays.
    let _already_set = match format {
        // Colour codes only for a person at a terminal, not in a log file.
        LogFormat::Text => builder
            .with_ansi(std::io::stderr().is_terminal())
            .try_init(),
        LogFormat::Json => builder
            .json()
            .with_ansi(false)
            .flatten_event(true)
            .with_current_span(false)
            .with_span_list(false)
            .try_init(),
    };
}
