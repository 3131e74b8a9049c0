//! A full disk and a read-only file give clear errors and lose nothing.
//!
//! Each test runs the real binary inside a private mount namespace
//! (`unshare -rm`, root or not) on a small tmpfs, so it can fill or remount
//! the file system without touching the machine's own mounts. Where no
//! namespace can be had (an unprivileged user on a kernel that refuses
//! them), each says so and returns.

use std::path::Path;
use std::process::Command;

use authctl::auth::MIN_BCRYPT_COST;
use rusqlite::Connection;

use crate::support::cli::BIN;
use crate::support::db::integrity_check;
use crate::support::namespace::have_namespaces;

/// Runs `script` with bash in a new user and mount namespace; `$BIN` is the
/// authctl binary, `$DIR` a folder to mount over and `$OUT` a folder outside
/// the mount for anything the test reads afterwards.
fn in_namespace(script: &str, out: &Path) -> String {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new("unshare")
        .args(["-rm", "bash", "-c", script])
        .env("BIN", BIN)
        .env("DIR", dir.path())
        .env("OUT", out)
        .env("AUTHCTL_BCRYPT_COST", MIN_BCRYPT_COST.to_string())
        .env("AUTHCTL_ALLOW_WEAK_BCRYPT", "1")
        .env_remove("AUTHCTL_DB")
        .output()
        .expect("unshare runs (util-linux)");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "script failed: {:?}\nstdout:\n{stdout}\nstderr:\n{stderr}",
        output.status
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    stdout
}

const HELPERS: &str = r#"
set -u
mount -t tmpfs -o size=1m tmpfs "$DIR" || { echo "cannot mount a tmpfs"; exit 90; }
db="$DIR/auth.db"
a() { "$BIN" --db "$db" "$@"; }
register() { printf 'disk-test-pw-1\n' | a register "$1" --password-stdin; }
save() { cp "$db" "$OUT/auth.db" && { cp "$db-wal" "$OUT/auth.db-wal" 2>/dev/null || true; }; }
"#;

fn emails_in(db: &Path) -> Vec<String> {
    assert_eq!(integrity_check(db), "ok");
    let conn = Connection::open(db).unwrap();
    let mut statement = conn.prepare("SELECT email FROM users ORDER BY id").unwrap();
    statement
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn a_full_disk_fails_writes_clearly_and_loses_nothing() {
    if !have_namespaces() {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let script = format!(
        r#"{HELPERS}
register keep@example.com || {{ echo "first register failed"; exit 1; }}
sid=$(printf 'disk-test-pw-1\n' | a login keep@example.com --password-stdin --no-save) || exit 1
dd if=/dev/zero of="$DIR/fill" bs=1k 2>/dev/null
for i in $(seq 1 20); do
  if register "u$i@example.com" 2>"$OUT/err"; then echo "ACK u$i@example.com"
  else code=$?; echo "ERR $code $(cat "$OUT/err")"; fi
done
if printf 'disk-test-pw-1\n' | a login keep@example.com --password-stdin --no-save >/dev/null 2>"$OUT/err"
then echo "LOGIN ok"; else echo "LOGIN $? $(cat "$OUT/err")"; fi
if a whoami --session "$sid" >/dev/null 2>"$OUT/err"; then echo "READ ok"
else echo "READ $? $(cat "$OUT/err")"; fi
rm "$DIR/fill"
register after@example.com && echo "ACK after@example.com"
save
"#
    );
    let stdout = in_namespace(&script, out.path());
    let errors: Vec<&str> = stdout.lines().filter(|l| l.starts_with("ERR")).collect();
    assert!(!errors.is_empty(), "the disk never filled:\n{stdout}");
    for error in &errors {
        assert!(error.starts_with("ERR 1 error: "), "{error}");
        assert!(error.contains("full"), "the reason is named: {error}");
    }
    assert!(
        stdout.contains("LOGIN 1 error: ") || stdout.contains("LOGIN ok"),
        "{stdout}"
    );
    // A new process must create SQLite's shared-memory file even to read,
    // so on a full disk a read may fail too, but only with the reason.
    let read = stdout.lines().find(|l| l.starts_with("READ")).unwrap_or("");
    assert!(
        read == "READ ok" || (read.starts_with("READ 1 error: ") && read.contains("full")),
        "{read}"
    );
    let mut acked: Vec<String> = vec!["keep@example.com".into()];
    acked.extend(
        stdout
            .lines()
            .filter_map(|l| l.strip_prefix("ACK "))
            .map(str::to_owned),
    );
    assert!(acked.contains(&"after@example.com".to_owned()), "{stdout}");
    assert_eq!(emails_in(&out.path().join("auth.db")), acked);
}

#[test]
fn a_read_only_file_system_gives_a_clear_error_and_keeps_the_data() {
    if !have_namespaces() {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let script = format!(
        r#"{HELPERS}
register keep@example.com || exit 1
# A read-only bind remount, which an unprivileged user's namespace allows
# where remounting the tmpfs itself may be refused; writes fail alike (EROFS).
mount -o remount,bind,ro "$DIR" || {{ echo "cannot remount"; exit 91; }}
if register new@example.com 2>"$OUT/err"; then echo "WROTE"; else echo "ERR $? $(cat "$OUT/err")"; fi
mount -o remount,bind,rw "$DIR"
a --json users list > "$OUT/list.json" || exit 1
save
"#
    );
    let stdout = in_namespace(&script, out.path());
    let error = stdout.lines().find(|l| l.starts_with("ERR")).unwrap_or("");
    assert!(error.starts_with("ERR 1 error: "), "{stdout}");
    assert!(
        error.contains("read-only") || error.contains("readonly"),
        "the reason is named: {error}"
    );
    let list = std::fs::read_to_string(out.path().join("list.json")).unwrap();
    assert!(
        list.contains("keep@example.com") && !list.contains("new@"),
        "{list}"
    );
    assert_eq!(emails_in(&out.path().join("auth.db")), ["keep@example.com"]);
}

#[test]
fn a_logout_on_a_full_disk_answers_503_and_works_once_space_is_freed() {
    if !have_namespaces() {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let script = format!(
        r#"{HELPERS}
register keep@example.com || exit 1
"$BIN" --db "$db" serve --bind 127.0.0.1:0 >"$OUT/serve.out" 2>"$OUT/serve.err" &
server=$!
for _ in $(seq 1 200); do grep -q listening "$OUT/serve.out" && break; sleep 0.05; done
port=$(sed -n 's#^listening on http://127.0.0.1:##p' "$OUT/serve.out")
# One request on a fresh connection; prints the whole answer.
http() {{ exec 3<>"/dev/tcp/127.0.0.1/$port"; printf '%b' "$1" >&3; cat <&3; exec 3>&-; }}
body='email=keep%40example.com&password=disk-test-pw-1'
login="POST /sessions HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${{#body}}\r\n\r\n$body"
cookie=$(http "$login" | tr -d '\r' | sed -n 's/^set-cookie: \(session_id=[^;]*\).*/\1/ip')
[ -n "$cookie" ] || {{ echo "no login"; kill $server; exit 1; }}
logout="DELETE /sessions HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: $cookie\r\n\r\n"
dd if=/dev/zero of="$DIR/fill" bs=1k 2>/dev/null
echo "FULL $(http "$logout" | tr -d '\r' | grep -i -e '^HTTP/' -e '^retry-after' -e '"message"' | tr '\n' ' ')"
rm "$DIR/fill"
echo "FREED $(http "$logout" | tr -d '\r' | head -1)"
kill $server; wait $server
"#
    );
    let stdout = in_namespace(&script, out.path());
    let full = stdout.lines().find(|l| l.starts_with("FULL")).unwrap_or("");
    assert!(full.contains("HTTP/1.1 503"), "{stdout}");
    assert!(
        full.to_ascii_lowercase().contains("retry-after: 5"),
        "{full}"
    );
    assert!(full.contains("the database is unavailable"), "{full}");
    let freed = stdout
        .lines()
        .find(|l| l.starts_with("FREED"))
        .unwrap_or("");
    assert_eq!(freed, "FREED HTTP/1.1 302 Found", "{stdout}");
}
