use std::fmt;

/// Why a value from outside (an argument, a form field, a file row) was refused.
///
/// The reason names the field and the rule, never the rejected value, so a
/// mistyped password cannot leak through an error message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    field: &'static str,
    reason: String,
}

impl ValidationError {
    /// A refusal of `field` for `reason` (a short human phrase).
    pub fn new(field: &'static str, reason: impl Into<String>) -> Self {
        Self {
            field,
            reason: reason.into(),
        }
    }

    /// The name of the refused field, e.g. `email` or `password`.
    pub fn field(&self) -> &'static str {
        self.field
    }

    /// The rule the value broke.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {}: {}", self.field, self.reason)
    }
}

impl std::error::Error for ValidationError {}
