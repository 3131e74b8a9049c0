//! A blocklist file: one word a line, `#` comments and blank lines skipped.

use crate::auth::RowError;
use crate::domain::BlockedWord;

/// Every word of `input`, or every line that is unusable (each named, so
/// one run shows them all).
pub(super) fn parse(input: &[u8]) -> Result<Vec<BlockedWord>, Vec<RowError>> {
    let input = input.strip_prefix("\u{feff}".as_bytes()).unwrap_or(input);
    let mut words = Vec::new();
    let mut errors = Vec::new();
    for (index, raw) in input.split(|&byte| byte == b'\n').enumerate() {
        let line = index + 1;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let Ok(text) = std::str::from_utf8(raw) else {
            errors.push(RowError {
                line,
                reason: "not valid UTF-8".to_owned(),
            });
            continue;
        };
        let text = text.trim();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        match BlockedWord::parse(text) {
            Ok(word) => words.push(word),
            Err(refusal) => errors.push(RowError {
                line,
                reason: refusal.to_string(),
            }),
        }
    }
    if errors.is_empty() {
        Ok(words)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(input: &[u8]) -> Vec<String> {
        parse(input)
            .unwrap()
            .iter()
            .map(|w| w.as_str().to_owned())
            .collect()
    }

    #[test]
    fn comments_blank_lines_and_line_ends_are_skipped() {
        let input =
            b"\xef\xbb\xbf# company words\r\nAcme2024\r\n\n   \n  acme rocks  \n#acme\nlast";
        assert_eq!(texts(input), ["acme2024", "acme rocks", "last"]);
    }

    #[test]
    fn every_bad_line_is_named() {
        let long = "x".repeat(73);
        let input = format!("fine\n\u{0}\n{long}\nok\n");
        let mut bytes = input.into_bytes();
        bytes.extend_from_slice(b"bad \xff byte\n");
        let errors = parse(&bytes).unwrap_err();
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [2, 3, 5]);
        assert_eq!(errors[2].reason, "not valid UTF-8");
        assert!(
            errors[1].reason.contains("72 bytes"),
            "{}",
            errors[1].reason
        );
    }
}
