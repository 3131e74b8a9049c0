//! A command's after-help text, regrouped for a man page.
//!
//! `--help` prints that text as one block under the options. Rendered the
//! same way, roff would fill the examples and the exit-code table into one
//! paragraph; a man page reader also looks for EXAMPLES and EXIT STATUS
//! sections. So untitled paragraphs join the description, and each titled
//! block ("Examples:" over indented lines) becomes a section whose lines
//! keep their breaks and alignment.

/// The after-help text split into description prose and sections.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct AfterHelp {
    /// Untitled paragraphs, separated by blank lines as in the help text.
    pub(super) prose: String,
    pub(super) sections: Vec<Section>,
}

/// A titled block: a man page section set without filling.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Section {
    /// The man page heading, e.g. `EXAMPLES`.
    pub(super) title: String,
    /// The block's lines, less the indentation they all share.
    pub(super) lines: Vec<String>,
}

impl AfterHelp {
    pub(super) fn parse(text: &str) -> Self {
        let mut prose = Vec::new();
        let mut sections = Vec::new();
        for paragraph in paragraphs(text) {
            match paragraph.split_first() {
                Some((first, body)) if is_title(first, body) => sections.push(Section {
                    title: man_heading(first.trim_end_matches(':')),
                    lines: dedent(body),
                }),
                _ => prose.push(paragraph.join("\n")),
            }
        }
        Self {
            prose: prose.join("\n\n"),
            sections,
        }
    }
}

/// Runs of non-blank lines.
fn paragraphs(text: &str) -> Vec<Vec<&str>> {
    let mut paragraphs = vec![Vec::new()];
    for line in text.lines() {
        match paragraphs.last_mut() {
            Some(current) if !line.trim().is_empty() => current.push(line),
            _ => paragraphs.push(Vec::new()),
        }
    }
    paragraphs.retain(|paragraph| !paragraph.is_empty());
    paragraphs
}

/// "Examples:" alone at the margin with an indented body under it; a prose
/// line that happens to end in a colon has unindented lines after it.
fn is_title(line: &str, body: &[&str]) -> bool {
    line.ends_with(':')
        && !line.starts_with(' ')
        && !body.is_empty()
        && body.iter().all(|line| line.starts_with(' '))
}

/// The names man-pages(7) gives the sections readers look for.
fn man_heading(title: &str) -> String {
    match title {
        "Example" | "Examples" => "EXAMPLES".to_owned(),
        "Exit codes" => "EXIT STATUS".to_owned(),
        other => other.to_uppercase(),
    }
}

fn dedent(lines: &[&str]) -> Vec<String> {
    let indent = |line: &str| line.len() - line.trim_start_matches(' ').len();
    let shared = lines.iter().map(|line| indent(line)).min().unwrap_or(0);
    lines.iter().map(|line| line[shared..].to_owned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titled_blocks_become_sections_and_the_rest_prose() {
        let text = "\
Checks every row first.
Then writes them.

Examples:
  authctl users import users.csv
  authctl users import -   # from stdin

Exit codes:
  2  usage error
     (continued)";
        let parsed = AfterHelp::parse(text);
        assert_eq!(parsed.prose, "Checks every row first.\nThen writes them.");
        assert_eq!(
            parsed.sections,
            [
                Section {
                    title: "EXAMPLES".to_owned(),
                    lines: vec![
                        "authctl users import users.csv".to_owned(),
                        "authctl users import -   # from stdin".to_owned(),
                    ],
                },
                Section {
                    title: "EXIT STATUS".to_owned(),
                    lines: vec!["2  usage error".to_owned(), "   (continued)".to_owned()],
                },
            ]
        );
    }

    #[test]
    fn a_sentence_ending_in_a_colon_stays_prose() {
        let parsed = AfterHelp::parse("The columns are:\nemail and password.");
        assert_eq!(parsed.prose, "The columns are:\nemail and password.");
        assert!(parsed.sections.is_empty());
    }

    #[test]
    fn other_titles_are_upper_cased_and_blank_runs_ignored() {
        let parsed = AfterHelp::parse("\n\nFiles:\n  database  auth.db\n\n\n");
        assert_eq!(parsed.prose, "");
        assert_eq!(parsed.sections[0].title, "FILES");
    }
}
