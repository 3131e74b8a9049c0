//! Tokens, device cookies and passwords never reach the disk in plain text: the file, its
//! WAL and its shared memory are read back byte by byte.

use std::fs;

use authctl::auth::Caller;

use crate::support::db::{SqliteFile, email, password};

#[test]
fn no_session_id_reset_token_or_device_cookie_is_stored_in_plain_text() {
    let db = SqliteFile::new();
    let auth = db.auth();
    let mut secrets = Vec::new();
    for n in 0..5 {
        let user = email(&format!("user{n}@example.com"));
        auth.register_user(&Caller::cli(), &user, &password("password1"))
            .unwrap();
        let (_, session) = auth
            .login(&Caller::cli(), &user, &password("password1"))
            .unwrap();
        let reset = auth
            .get_reset_password_token(&Caller::cli(), &user)
            .unwrap();
        secrets.push(session.expose().to_owned());
        secrets.push(reset.expose().to_owned());
        // Over HTTP a login also issues a known-device cookie.
        let browser = Caller::http([192, 0, 2, 7].into(), Some("a browser"));
        let attempt = auth.begin_login(&browser, &user, None).unwrap();
        let logged_in = auth
            .finish_login(&browser, attempt, &password("password1"))
            .unwrap();
        secrets.push(logged_in.session.expose().to_owned());
        secrets.push(
            logged_in
                .device
                .expect("a device cookie")
                .expose()
                .to_owned(),
        );
    }

    // Every text and blob in every table, read back through SQLite.
    let conn = db.connect();
    let mut stored = String::new();
    for table in ["users", "sessions", "reset_tokens", "devices", "throttle"] {
        let mut statement = conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
        let columns = statement.column_count();
        let mut rows = statement.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for i in 0..columns {
                let value: rusqlite::types::Value = row.get(i).unwrap();
                stored.push_str(&format!("{value:?}\n"));
            }
        }
    }
    drop(conn);

    // And the raw bytes of the file, its WAL and shared memory, in the
    // uuid's text form and without hyphens.
    let mut raw = Vec::new();
    for suffix in ["", "-wal", "-shm"] {
        let path = format!("{}{suffix}", db.path().display());
        if let Ok(bytes) = fs::read(&path) {
            raw.extend(bytes);
        }
    }
    assert!(raw.len() > 4096, "read the database files");
    for secret in &secrets {
        let compact = secret.replace('-', "");
        assert!(!stored.contains(secret.as_str()), "token in a column");
        for needle in [secret.as_bytes(), compact.as_bytes()] {
            assert!(
                !raw.windows(needle.len()).any(|w| w == needle),
                "token bytes in the database files"
            );
        }
    }
}

#[test]
fn passwords_are_stored_only_as_bcrypt_hashes() {
    let db = SqliteFile::new();
    let auth = db.auth();
    auth.register_user(
        &Caller::cli(),
        &email("bob@example.com"),
        &password("plain secret"),
    )
    .unwrap();
    let conn = db.connect();
    let hash: String = conn
        .query_row("SELECT hashed_password FROM users", [], |row| row.get(0))
        .unwrap();
    assert!(hash.starts_with("$2b$04$"), "{hash}");
    drop(conn);
    let raw = fs::read(format!("{}-wal", db.path().display())).unwrap_or_default();
    let main = fs::read(db.path()).unwrap();
    for bytes in [raw, main] {
        assert!(!bytes.windows(12).any(|w| w == b"plain secret"));
    }
}
