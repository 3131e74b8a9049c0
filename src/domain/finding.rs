use std::fmt;

/// What one check of an installation found (`authctl doctor`): a stable
/// name, a verdict and a short sentence for a person. The same shape for
/// every backend and for checks outside the database, so a front end
/// prints them without knowing what was checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The check's stable name, e.g. `database.file_mode`; scripts match
    /// on it, so it never changes once released.
    pub check: &'static str,
    /// The verdict.
    pub status: Status,
    /// What was found and, short of a pass, what to do. Never a secret.
    pub detail: String,
}

/// A check's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// As it should be.
    Pass,
    /// Works, but something is off that an operator may want to change,
    /// or that authctl changes itself the next time it opens the database.
    Warn,
    /// authctl cannot work, or cannot work safely, as things are.
    Fail,
}

impl Finding {
    /// A passing check.
    pub fn pass(check: &'static str, detail: impl Into<String>) -> Self {
        Self::new(check, Status::Pass, detail)
    }

    /// A check that passes with a note.
    pub fn warn(check: &'static str, detail: impl Into<String>) -> Self {
        Self::new(check, Status::Warn, detail)
    }

    /// A failed check.
    pub fn fail(check: &'static str, detail: impl Into<String>) -> Self {
        Self::new(check, Status::Fail, detail)
    }

    fn new(check: &'static str, status: Status, detail: impl Into<String>) -> Self {
        Self {
            check,
            status,
            detail: detail.into(),
        }
    }
}

impl Status {
    /// The word `doctor` prints and `--json` carries.
    pub fn name(self) -> &'static str {
        match self {
            Self::Pass => "pass",
            Self::Warn => "warn",
            Self::Fail => "fail",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
