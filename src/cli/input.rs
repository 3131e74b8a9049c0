//! Input files of the commands that read one (`users import`, `blocklist
//! import`): a path, or `-` for stdin.

use std::io::{self, Read};
use std::path::Path;

use super::CliError;

/// The whole of `file`, or of stdin for `-`. A file that cannot be read is
/// the user's input being wrong (exit 6), not an internal error.
pub(crate) fn read_file_or_stdin(file: &Path) -> Result<Vec<u8>, CliError> {
    let mut input = Vec::new();
    let outcome = if file.as_os_str() == "-" {
        io::stdin().lock().read_to_end(&mut input).map(|_| ())
    } else {
        std::fs::File::open(file).and_then(|mut f| f.read_to_end(&mut input).map(|_| ()))
    };
    outcome.map_err(|e| CliError::InvalidInput(format!("cannot read {}: {e}", file.display())))?;
    Ok(input)
}
