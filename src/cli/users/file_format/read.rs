//! Reading an import file into rows: the shape of each row is checked
//! here, the rules a row must meet (policy, blocklist, one row per email)
//! by `auth`, and every error names its line.

use serde_json::Value;

use super::{
    ACTIVE, COLUMNS, CREATED_AT, DISABLED, EMAIL, Format, HASHED_PASSWORD, PASSWORD, STATUS,
};
use crate::auth::{Credential, ImportRow, RowError};
use crate::domain::{Email, Password, PasswordHash, Timestamp};

/// The fields of one row before they are checked.
#[derive(Default)]
struct RawRow<'a> {
    email: Option<&'a str>,
    password: Option<&'a str>,
    hash: Option<&'a str>,
    created_at: Option<&'a str>,
    status: Option<&'a str>,
}

/// What a file holds: the rows that have the shape of one, and a reason
/// for each line that does not. The good rows are kept even when some
/// are bad, so that the rules can be checked on them in the same run.
pub(crate) struct Parsed {
    pub(crate) rows: Vec<ImportRow>,
    pub(crate) errors: Vec<RowError>,
}

/// Every row of `input`, each checked for shape only.
pub(crate) fn parse_rows(input: &[u8], format: Format) -> Parsed {
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut accept = |line: usize, raw: Result<RawRow<'_>, String>| match raw
        .and_then(|raw| check_row(line, &raw))
    {
        Ok(row) => rows.push(row),
        Err(reason) => errors.push(RowError { line, reason }),
    };
    match format {
        Format::Csv => {
            if let Err(header) = read_csv(input, &mut accept) {
                return Parsed {
                    rows: Vec::new(),
                    errors: header,
                };
            }
        }
        Format::Jsonl => read_jsonl(input, &mut accept),
    }
    Parsed { rows, errors }
}

/// An empty cell counts as absent, so one CSV file may mix both columns.
fn present(value: Option<&str>) -> Option<&str> {
    value.filter(|v| !v.is_empty())
}

fn check_row(line: usize, raw: &RawRow<'_>) -> Result<ImportRow, String> {
    let email = present(raw.email).ok_or("missing email")?;
    let email = Email::parse(email).map_err(|e| e.to_string())?;
    let credential = match (present(raw.password), present(raw.hash)) {
        (Some(_), Some(_)) => {
            return Err("give either password or hashed_password, not both".into());
        }
        (None, None) => return Err("missing password or hashed_password".into()),
        (Some(text), None) => {
            Credential::Password(Password::parse(text).map_err(|e| e.to_string())?)
        }
        (None, Some(text)) => {
            Credential::Hash(PasswordHash::parse(text.trim()).map_err(|e| e.to_string())?)
        }
    };
    let created_at = present(raw.created_at)
        .map(|text| {
            Timestamp::parse_rfc3339(text).map_err(|e| format!("created_at {}", e.reason()))
        })
        .transpose()?;
    let disabled = match present(raw.status).map(str::trim) {
        None | Some(ACTIVE) => false,
        Some(DISABLED) => true,
        Some(_) => return Err(format!("status must be `{ACTIVE}` or `{DISABLED}`")),
    };
    Ok(ImportRow {
        line,
        email,
        credential,
        created_at,
        disabled,
    })
}

fn read_csv(
    input: &[u8],
    accept: &mut impl FnMut(usize, Result<RawRow<'_>, String>),
) -> Result<(), Vec<RowError>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(input);
    let header_error = |reason: String| vec![RowError { line: 1, reason }];
    let header = reader
        .headers()
        .map_err(|e| header_error(format!("cannot read the header: {}", csv_reason(&e))))?
        .clone();
    let columns = check_header(&header).map_err(header_error)?;
    for record in reader.records() {
        match record {
            Ok(record) => {
                let line = record.position().map_or(0, |p| p.line() as usize);
                let field = |column: Option<usize>| column.and_then(|i| record.get(i));
                let raw = RawRow {
                    email: field(columns.email),
                    password: field(columns.password),
                    hash: field(columns.hash),
                    created_at: field(columns.created_at),
                    status: field(columns.status),
                };
                accept(line, Ok(raw));
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                accept(line, Err(csv_reason(&e)));
            }
        }
    }
    Ok(())
}

/// Where each known column sits in a CSV header.
struct Columns {
    email: Option<usize>,
    password: Option<usize>,
    hash: Option<usize>,
    created_at: Option<usize>,
    status: Option<usize>,
}

fn check_header(header: &csv::StringRecord) -> Result<Columns, String> {
    let expected = "the header must be email,password or email,hashed_password";
    if header.iter().all(|name| name.trim().is_empty()) {
        return Err(format!("the file is empty; {expected}"));
    }
    let mut columns = Columns {
        email: None,
        password: None,
        hash: None,
        created_at: None,
        status: None,
    };
    for (index, name) in header.iter().enumerate() {
        let slot = match name.trim() {
            EMAIL => &mut columns.email,
            PASSWORD => &mut columns.password,
            HASHED_PASSWORD => &mut columns.hash,
            CREATED_AT => &mut columns.created_at,
            STATUS => &mut columns.status,
            other => {
                return Err(format!(
                    "unknown column `{other}`; {expected} (created_at and status are also \
                     accepted)"
                ));
            }
        };
        if slot.replace(index).is_some() {
            return Err(format!("column `{}` appears twice", name.trim()));
        }
    }
    if columns.email.is_none() || (columns.password.is_none() && columns.hash.is_none()) {
        return Err(expected.to_owned());
    }
    Ok(columns)
}

/// The csv crate's reason without a value from the file.
fn csv_reason(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("expected {expected_len} fields, found {len}"),
        csv::ErrorKind::Utf8 { .. } => "not valid UTF-8".to_owned(),
        csv::ErrorKind::Io(e) => format!("cannot read: {e}"),
        _ => "not valid CSV".to_owned(),
    }
}

fn read_jsonl(input: &[u8], accept: &mut impl FnMut(usize, Result<RawRow<'_>, String>)) {
    for (index, bytes) in input.split(|&b| b == b'\n').enumerate() {
        let line = index + 1;
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        // serde_json's messages can quote a value (a password typed as a
        // number, say), so only the column of the fault is passed on.
        match serde_json::from_slice::<Value>(bytes) {
            Ok(value) => accept(line, json_fields(&value)),
            Err(e) => accept(line, Err(format!("not valid JSON (column {})", e.column()))),
        }
    }
}

fn json_fields(value: &Value) -> Result<RawRow<'_>, String> {
    let Value::Object(object) = value else {
        return Err("expected a JSON object".to_owned());
    };
    let mut raw = RawRow::default();
    for (key, value) in object {
        let slot = match key.as_str() {
            EMAIL => &mut raw.email,
            PASSWORD => &mut raw.password,
            HASHED_PASSWORD => &mut raw.hash,
            CREATED_AT => &mut raw.created_at,
            STATUS => &mut raw.status,
            _ => {
                return Err(format!(
                    "unknown field `{key}` (expected {})",
                    COLUMNS.join(", ")
                ));
            }
        };
        *slot = match value {
            Value::String(text) => Some(text.as_str()),
            Value::Null => None,
            _ => return Err(format!("field `{key}` must be a string")),
        };
    }
    Ok(raw)
}
