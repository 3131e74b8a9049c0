use std::path::PathBuf;

/// `$XDG_DATA_HOME/authctl/auth.db`, else `~/.local/share/authctl/auth.db`;
/// `None` when neither the variable nor a home folder is known.
pub fn default_db_path() -> Option<PathBuf> {
    dirs::data_dir().map(|dir| dir.join("authctl").join("auth.db"))
}
