//! Request bodies: the same named fields from an urlencoded form, a
//! multipart form or a JSON object, chosen by `Content-Type`.
//!
//! The Flask service reads `request.form`, which accepts the first two; JSON
//! is our addition. As in Flask, file parts of a multipart form are not
//! fields, and unknown fields are ignored. Unlike Flask, which keeps the
//! first of repeated form fields while JSON parsers keep the last, a field
//! named twice is refused in every encoding: two readers of one body (a
//! proxy, a log, this server) must not see two different requests.

use std::collections::{HashMap, HashSet};

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};

use super::app::AppState;
use super::error::ApiError;

/// Largest body any route accepts (SPEC.md section 2).
pub(crate) const MAX_BODY_BYTES: usize = 64 * 1024;

/// A request body's fields, decoded to text. No `Debug`: the values
/// include passwords and tokens, which no log line may show.
#[derive(Default)]
pub(crate) struct Fields {
    values: HashMap<String, String>,
    /// JSON fields whose value is not a string; naming one is a 400.
    not_text: HashSet<String>,
    /// Every name met so far.
    seen: HashSet<String>,
}

impl Fields {
    fn insert(&mut self, name: String, value: String) -> Result<(), ApiError> {
        self.claim(&name)?;
        self.values.insert(name, value);
        Ok(())
    }

    fn insert_not_text(&mut self, name: String) -> Result<(), ApiError> {
        self.claim(&name)?;
        self.not_text.insert(name);
        Ok(())
    }

    /// Whether `name` is new; absent (JSON `null`) fields count too.
    fn claim(&mut self, name: &str) -> Result<(), ApiError> {
        if self.seen.contains(name) {
            // The name is the client's own text, but it may be anything:
            // quote it only when it is short and printable.
            let shown = if name.len() <= 32 && name.chars().all(|c| c.is_ascii_graphic()) {
                format!("field `{name}`")
            } else {
                "a field".to_owned()
            };
            return Err(ApiError::bad_request(format!(
                "{shown} appears more than once"
            )));
        }
        self.seen.insert(name.to_owned());
        Ok(())
    }

    /// Takes a field that must be present and non-empty.
    pub(crate) fn take(&mut self, name: &'static str) -> Result<String, ApiError> {
        if self.not_text.contains(name) {
            return Err(ApiError::bad_request(format!("{name} must be a string")));
        }
        match self.values.remove(name) {
            Some(value) if !value.is_empty() => Ok(value),
            _ => Err(ApiError::bad_request(format!("{name} is required"))),
        }
    }
}

/// A typed request body built from [`Fields`].
pub(crate) trait FromFields: Sized {
    /// Takes the fields it needs, failing with a 400 naming the first one
    /// missing.
    fn from_fields(fields: Fields) -> Result<Self, ApiError>;
}

/// Extracts a [`FromFields`] body in any of the three encodings.
pub(crate) struct Input<T>(pub(crate) T);

impl<T: FromFields> FromRequest<AppState> for Input<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, ApiError> {
        let encoding = Encoding::of(req.headers())?;
        // Refused before any byte is read: waiting for a body we would
        // refuse anyway only holds the connection until the body timeout.
        if declared_length(req.headers()).is_some_and(|length| length > MAX_BODY_BYTES as u64) {
            return Err(ApiError::TooLarge {
                limit_bytes: MAX_BODY_BYTES,
            });
        }
        // A client that trickles its body is cut off here, before the overall
        // request timeout, and told it was slow (408) rather than us (503).
        let fields = tokio::time::timeout(state.body_timeout, read(encoding, req, state))
            .await
            .map_err(|_elapsed| ApiError::BodyTimeout)??;
        T::from_fields(fields).map(Input)
    }
}

/// The `Content-Length` the client declared, if it is a number.
fn declared_length(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

#[derive(Debug, Clone, Copy)]
enum Encoding {
    UrlEncoded,
    Multipart,
    Json,
    /// No `Content-Type`: fine if the body is empty (`curl -X POST`), so
    /// that the answer names the missing field; a 400 naming the header if
    /// the body looks like JSON; else a 415.
    Unspecified,
}

impl Encoding {
    fn of(headers: &HeaderMap) -> Result<Self, ApiError> {
        let Some(value) = headers.get(CONTENT_TYPE) else {
            return Ok(Self::Unspecified);
        };
        let text = value.to_str().map_err(|_| ApiError::UnsupportedMediaType)?;
        let essence = text.split(';').next().unwrap_or_default().trim();
        let essence = essence.to_ascii_lowercase();
        match essence.as_str() {
            "application/x-www-form-urlencoded" => Ok(Self::UrlEncoded),
            "multipart/form-data" => Ok(Self::Multipart),
            "application/json" => Ok(Self::Json),
            other if other.starts_with("application/") && other.ends_with("+json") => {
                Ok(Self::Json)
            }
            _ => Err(ApiError::UnsupportedMediaType),
        }
    }
}

async fn read(encoding: Encoding, req: Request, state: &AppState) -> Result<Fields, ApiError> {
    match encoding {
        Encoding::UrlEncoded => parse_urlencoded(&body(req, state).await?),
        Encoding::Json => parse_json(&body(req, state).await?),
        Encoding::Multipart => read_multipart(req, state).await,
        Encoding::Unspecified => {
            let bytes = body(req, state).await?;
            if bytes.is_empty() {
                Ok(Fields::default())
            } else if looks_like_json(&bytes) {
                // The usual slip of a JSON client (a bare `fetch`, a
                // hand-written request): name the missing header rather
                // than answer a generic 415 the client must decode.
                Err(ApiError::bad_request(
                    "the body looks like JSON but has no Content-Type: \
                     send `Content-Type: application/json`",
                ))
            } else {
                Err(ApiError::UnsupportedMediaType)
            }
        }
    }
}

/// Whether a body's first byte after JSON whitespace opens an object or
/// an array. Asked only of a body without `Content-Type`, whose answer is
/// an error either way: this only picks the more helpful one.
fn looks_like_json(body: &[u8]) -> bool {
    let first = body
        .iter()
        .find(|byte| !matches!(byte, b' ' | b'\t' | b'\n' | b'\r'));
    matches!(first, Some(b'{' | b'['))
}

/// The whole body, within the router's `DefaultBodyLimit`.
async fn body(req: Request, state: &AppState) -> Result<Bytes, ApiError> {
    Bytes::from_request(req, state)
        .await
        .map_err(|rejection| body_error(rejection.status()))
}

/// Maps axum's body rejections (whose own bodies are plain text) to ours.
fn body_error(status: StatusCode) -> ApiError {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::TooLarge {
            limit_bytes: MAX_BODY_BYTES,
        }
    } else {
        ApiError::bad_request("malformed body")
    }
}

fn not_utf8() -> ApiError {
    ApiError::bad_request("malformed body: fields must be UTF-8")
}

fn parse_urlencoded(body: &[u8]) -> Result<Fields, ApiError> {
    let mut fields = Fields::default();
    for pair in body.split(|&b| b == b'&').filter(|pair| !pair.is_empty()) {
        let (name, value) = match pair.iter().position(|&b| b == b'=') {
            Some(at) => (&pair[..at], &pair[at + 1..]),
            None => (pair, &[][..]),
        };
        fields.insert(decode_component(name)?, decode_component(value)?)?;
    }
    Ok(fields)
}

/// `+` is a space and `%XX` a byte; the bytes must then be UTF-8. Unlike
/// Flask, invalid UTF-8 is refused rather than replaced: a password silently
/// altered would be a password nobody can type again.
fn decode_component(raw: &[u8]) -> Result<String, ApiError> {
    let spaced: Vec<u8> = raw
        .iter()
        .map(|&b| if b == b'+' { b' ' } else { b })
        .collect();
    let bytes: Vec<u8> = percent_encoding::percent_decode(&spaced).collect();
    String::from_utf8(bytes).map_err(|_| not_utf8())
}

fn parse_json(body: &[u8]) -> Result<Fields, ApiError> {
    // The error's own text may quote the body (a password); only its
    // position goes back to the client.
    let members: JsonMembers = serde_json::from_slice(body).map_err(|e| {
        if e.is_data() {
            ApiError::bad_request("JSON body must be an object")
        } else {
            ApiError::bad_request(format!(
                "malformed JSON body at line {} column {}",
                e.line(),
                e.column()
            ))
        }
    })?;
    let mut fields = Fields::default();
    for (name, value) in members.0 {
        match value {
            serde_json::Value::String(text) => fields.insert(name, text)?,
            // As with a form, a null field is an absent one.
            serde_json::Value::Null => fields.claim(&name)?,
            _ => fields.insert_not_text(name)?,
        }
    }
    Ok(fields)
}

/// A JSON object's members in order, repeats kept: `serde_json::Value`
/// would keep only the last of a repeated name, hiding the repeat.
struct JsonMembers(Vec<(String, serde_json::Value)>);

impl<'de> serde::Deserialize<'de> for JsonMembers {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Members;
        impl<'de> serde::de::Visitor<'de> for Members {
            type Value = JsonMembers;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<JsonMembers, A::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry()? {
                    members.push(member);
                }
                Ok(JsonMembers(members))
            }
        }
        deserializer.deserialize_map(Members)
    }
}

async fn read_multipart(req: Request, state: &AppState) -> Result<Fields, ApiError> {
    // Buffered first (it is at most 64 KiB), so that the body timeout covers
    // the whole upload and the empty form below can be recognised. It also
    // reads the body to its end, which multer, stopping at the closing
    // boundary, might not: `close_if_body_unread` would then close the
    // connection after every multipart request.
    let headers = req.headers().clone();
    let bytes = body(req, state).await?;
    if is_empty_multipart(&bytes) {
        return Ok(Fields::default());
    }
    let mut buffered = Request::new(Body::from(bytes));
    *buffered.headers_mut() = headers;
    let malformed = || ApiError::bad_request("malformed multipart body");
    let mut multipart = Multipart::from_request(buffered, state)
        .await
        .map_err(|_| malformed())?;
    let mut fields = Fields::default();
    while let Some(field) = multipart.next_field().await.map_err(|_| malformed())? {
        // Flask puts parts with a file name in `request.files`, not the form.
        let Some(name) = field.name().filter(|_| field.file_name().is_none()) else {
            continue;
        };
        let name = name.to_owned();
        let bytes = field.bytes().await.map_err(|_| malformed())?;
        let value = String::from_utf8(bytes.to_vec()).map_err(|_| not_utf8())?;
        fields.insert(name, value)?;
    }
    Ok(fields)
}

/// A form with no parts: nothing, or only the closing `--boundary--`. The
/// multipart parser calls that incomplete; Flask reads it as an empty form,
/// and so do we, so that the answer names the missing field.
fn is_empty_multipart(body: &[u8]) -> bool {
    let body = body.trim_ascii();
    // Any part needs a line break after its delimiter.
    let has_part = body.windows(2).any(|pair| pair == b"\r\n");
    body.is_empty() || (!has_part && body.starts_with(b"--") && body.ends_with(b"--"))
}
