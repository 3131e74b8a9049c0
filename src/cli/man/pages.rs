//! One man page per command, rendered by clap_mangen from the clap
//! definition, with the after-help text laid out for a man page.

use std::io;

use clap::{Command, CommandFactory};
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, roman};

use super::after_help::{AfterHelp, Section};
use crate::cli::Cli;

/// Every page's footer: the release the pages describe.
const SOURCE: &str = concat!("authctl ", env!("CARGO_PKG_VERSION"));

/// The page of one command.
pub(super) struct Page {
    /// The words after `authctl` that name the command; empty for authctl.
    pub(super) path: Vec<String>,
    command: Command,
    /// The pages of the commands above this one, nearest first.
    parents: Vec<String>,
}

/// authctl's page, then each command's before those of its subcommands.
pub(super) fn all() -> Vec<Page> {
    let mut pages = Vec::new();
    collect(tree(), Vec::new(), Vec::new(), &mut pages);
    pages
}

/// The command tree as the pages show it. Built, so that each subcommand
/// knows its full name (`authctl-users-import`) and the global options.
/// clap's `help` subcommand is left out: its page would only say "see
/// the other pages".
fn tree() -> Command {
    let mut root = Cli::command().disable_help_subcommand(true);
    root.build();
    root
}

fn collect(command: Command, path: Vec<String>, parents: Vec<String>, pages: &mut Vec<Page>) {
    let mut above = vec![page_name(&command)];
    above.extend(parents.iter().cloned());
    let subcommands: Vec<Command> = command
        .get_subcommands()
        .filter(|sub| !sub.is_hide_set())
        .cloned()
        .collect();
    pages.push(Page {
        path: path.clone(),
        command,
        parents,
    });
    for sub in subcommands {
        let mut sub_path = path.clone();
        sub_path.push(sub.get_name().to_owned());
        collect(sub, sub_path, above.clone(), pages);
    }
}

/// `authctl-users-import`: the name clap_mangen also uses in the
/// SUBCOMMANDS lists, so every reference there names a page that exists.
fn page_name(command: &Command) -> String {
    command
        .get_display_name()
        .unwrap_or_else(|| command.get_name())
        .to_owned()
}

impl Page {
    /// `authctl-users-import.1`, as clap_mangen names the page.
    pub(super) fn file_name(&self) -> String {
        format!("{}.1", page_name(&self.command))
    }

    /// The roff source of the page.
    pub(super) fn render(&self) -> io::Result<Vec<u8>> {
        let after_help = self.after_help();
        let mut page = Vec::new();
        self.man(after_help.prose).render(&mut page)?;
        self.extra_sections(after_help.sections)
            .to_writer(&mut page)?;
        Ok(page)
    }

    fn after_help(&self) -> AfterHelp {
        self.command
            .get_after_help()
            .map(|text| AfterHelp::parse(&text.to_string()))
            .unwrap_or_default()
    }

    /// clap_mangen's page of the command, its after-help prose moved into
    /// the description and the titled blocks left to `extra_sections`.
    fn man(&self, prose: String) -> Man {
        let mut command = self.command.clone().after_help(None::<&str>);
        if !prose.is_empty() {
            let about = command
                .get_long_about()
                .or_else(|| command.get_about())
                .map(ToString::to_string)
                .unwrap_or_default();
            command = command.long_about(format!("{about}\n\n{prose}"));
        }
        // No date: the pages are committed and compared byte for byte, so
        // a build date would make them differ every day; the footer's
        // version says what they describe. The empty date is quoted because
        // roff skips a bare empty argument and would show the version in
        // the date's place.
        Man::new(command).date(r#""""#).source(SOURCE)
    }

    /// The titled after-help blocks, then SEE ALSO.
    fn extra_sections(&self, sections: Vec<Section>) -> Roff {
        let mut roff = Roff::new();
        for section in sections {
            roff.control("SH", [section.title.as_str()]);
            roff.control("nf", []);
            for line in &section.lines {
                roff.text([roman(line.as_str())]);
            }
            roff.control("fi", []);
        }
        if !self.parents.is_empty() {
            roff.control("SH", ["SEE ALSO"]);
            let mut references = Vec::new();
            for (i, parent) in self.parents.iter().enumerate() {
                if i > 0 {
                    references.push(roman(", "));
                }
                references.push(bold(parent.as_str()));
                references.push(roman("(1)"));
            }
            roff.text(references);
        }
        roff
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &[&str]) -> Page {
        all()
            .into_iter()
            .find(|page| page.path == path)
            .expect("a page for the command")
    }

    fn text(page: &Page) -> String {
        String::from_utf8(page.render().expect("renders")).expect("UTF-8")
    }

    #[test]
    fn nested_commands_get_conventional_file_names_and_help_gets_none() {
        let names: Vec<String> = all().iter().map(Page::file_name).collect();
        for name in ["authctl.1", "authctl-users.1", "authctl-users-import.1"] {
            assert!(
                names.contains(&name.to_owned()),
                "{name} missing: {names:?}"
            );
        }
        assert!(!names.iter().any(|name| name.contains("help")), "{names:?}");
    }

    #[test]
    fn the_title_line_has_no_date_only_the_version() {
        let page = text(&page(&["users", "import"]));
        let title = page
            .lines()
            .find(|line| line.starts_with(".TH"))
            .expect(".TH");
        assert_eq!(
            title,
            format!(".TH authctl-users-import 1 \"\" \"{SOURCE}\" "),
            "the title line must not carry a date"
        );
    }

    #[test]
    fn examples_keep_their_lines_and_subcommands_point_up() {
        let page = text(&page(&["users", "import"]));
        assert!(page.contains(".SH EXAMPLES\n.nf\nauthctl users import users.csv\n"));
        assert!(page.contains("Every row is checked first"));
        assert!(page.contains("\\fBauthctl\\-users\\fR(1), \\fBauthctl\\fR(1)"));
        assert!(!page.contains(".SH EXTRA"));
    }
}
