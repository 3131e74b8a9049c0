#!/usr/bin/env bash
# Load and CLI benchmarks: authctl against the Flask reference, side by side,
# on loopback. Prints one Markdown table and writes it to benches/results.md.
# Not part of CI. On 2 cores the HTTP part takes about 10 minutes and the CLI
# part about 25 (10,000 imported rows at bcrypt cost 12 are 23 minutes of
# hashing on their own); each part keeps its figures, so they can be rerun
# apart and the table always shows the latest of both.
#
#   bash benches/run.sh            # both parts: 10,000 and 1,000,000 users
#   bash benches/run.sh http       # only the HTTP scenarios
#   bash benches/run.sh cli        # only whoami and users import
#   BENCH_SIZES=10000 BENCH_DURATION=5s BENCH_IMPORT_ROWS=100 bash benches/run.sh   # a quick look
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_DIR:-/tmp/authctl-bench}
sizes=${BENCH_SIZES:-"10000 1000000"}
duration=${BENCH_DURATION:-10s}
import_rows=${BENCH_IMPORT_ROWS:-10000}
connections=16
authctl_port=5100
flask_port=5101
peer="$root/../shared/peers/flask_ref"
export WRK_DIR="$root/benches/wrk"
mkdir -p "$work"

# shellcheck source=benches/common.sh
source "$root/benches/common.sh"

install_tools() {
  need_tools wrk hyperfine curl
  if [ ! -x "$work/venv/bin/gunicorn" ]; then
    log "installing the Flask reference's requirements into $work/venv"
    python3 -m venv "$work/venv"
    "$work/venv/bin/pip" install -q -r "$peer/requirements.txt"
  fi
}

build() {
  log "building authctl (release) and the seeding tool"
  (cd "$root" && cargo build --release --quiet && cargo bench --bench seed --no-run --quiet 2>/dev/null)
  authctl="$root/target/release/authctl"
}

seed() { (cd "$root" && cargo bench --quiet --bench seed -- "$@"); }

# Peak resident memory in MB of a process tree's members, summed.
peak_rss_mb() {
  local total=0 pid
  for pid in "$@"; do
    local kb
    kb=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    total=$((total + ${kb:-0}))
  done
  echo $((total / 1024))
}

# wrk <port> <script> [connections] -> "req/s p50 p99 errors requests"
load() {
  local port=$1 script=$2 conns=${3:-$connections}
  wrk -t2 -c"$conns" -d"$duration" --timeout 10s -s "$WRK_DIR/$script" \
    "http://127.0.0.1:$port" | awk '/^RESULT/ {print $2, $3, $4, $5, $6}'
}

# Runs the four scenarios against a server on <port>; <name> labels rows.
scenarios() {
  local name=$1 port=$2 users=$3 sessions=$4
  export SESSIONS_FILE=$sessions USERS=$users
  echo "root $name $users $(load "$port" root.lua)"
  echo "profile $name $users $(load "$port" profile.lua)"
  echo "login $name $users $(load "$port" login.lua)"
  # The login flood runs a little longer than the measured profile load.
  wrk -t1 -c"$connections" -d"$(( ${duration%s} + 3 ))s" --timeout 30s \
    -s "$WRK_DIR/login.lua" "http://127.0.0.1:$port" >/dev/null &
  local flood=$!
  sleep 1
  echo "profile_during_login $name $users $(load "$port" profile.lua 4)"
  wait "$flood"
}

run_authctl() {
  local users=$1 db="$work/authctl-$1.db" sessions="$work/authctl-$1.sids"
  if [ ! -s "$sessions" ]; then
    rm -f "$db" "$db-wal" "$db-shm"
    seed users --db "$db" --count "$users" --sessions-out "$sessions" >&2
  fi
  "$authctl" --db "$db" serve --bind "127.0.0.1:$authctl_port" >"$work/authctl.log" 2>&1 &
  local server=$!
  wait_for_port "$authctl_port"
  scenarios authctl "$authctl_port" "$users" "$sessions"
  echo "rss authctl $users $(peak_rss_mb "$server")"
  kill -TERM "$server"; wait "$server" || true
}

run_flask() {
  local users=$1 db="$work/flask-$1.db" sessions="$work/flask-$1.sids"
  if [ ! -s "$sessions" ]; then
    "$work/venv/bin/python" "$peer/seed_users.py" --db "$db" --n "$users" \
      --sessions-out "$sessions" --fresh >&2
  fi
  (cd "$peer" && REF_DB_PATH="$db" KEEP_DB=1 exec "$work/venv/bin/gunicorn" -w 2 \
    -b "127.0.0.1:$flask_port" app:app) >"$work/flask.log" 2>&1 &
  local master=$!
  wait_for_port "$flask_port"
  scenarios flask "$flask_port" "$users" "$sessions"
  echo "rss flask $users $(peak_rss_mb "$master" $(pgrep -P "$master"))"
  kill -TERM "$master"; wait "$master" || true
}

cli_figures() {
  local db="$work/cli.db"
  rm -f "$db" "$db-wal" "$db-shm"
  printf 'benchpass\n' | "$authctl" --db "$db" register cli@example.com --password-stdin 2>/dev/null
  local sid
  sid=$(printf 'benchpass\n' | "$authctl" --db "$db" login cli@example.com --password-stdin --no-save)
  hyperfine -N --warmup 10 --runs 100 --export-json "$work/whoami.json" \
    "$authctl --db $db whoami --session $sid" >/dev/null 2>&1
  local whoami_ms
  whoami_ms=$(python3 -c "import json,sys; print('%.2f' % (json.load(open(sys.argv[1]))['results'][0]['median']*1000))" "$work/whoami.json")
  echo "whoami authctl 1 $whoami_ms"
  local file="$work/import.csv"
  { echo "email,password"; for i in $(seq 1 "$import_rows"); do echo "imp$i@example.com,benchpass$i"; done; } >"$file"
  rm -f "$db" "$db-wal" "$db-shm"
  local start end
  start=$(date +%s.%N)
  "$authctl" --db "$db" users import "$file" >/dev/null 2>&1
  end=$(date +%s.%N)
  echo "import authctl $import_rows $(python3 -c "print('%.2f' % ($import_rows / ($end - $start)))")"
}

main() {
  local part=${1:-all}
  case "$part" in all | http | cli) ;; *) log "usage: run.sh [all|http|cli]"; exit 2 ;; esac
  install_tools
  build
  local cores
  cores=$(nproc)
  if [ "$part" != cli ]; then
    local raw="$work/raw-http.txt"
    echo "bcrypt_seconds x 12 $(seed bcrypt --cost 12)" >"$raw"
    for users in $sizes; do
      log "== $users users: authctl"
      run_authctl "$users" >>"$raw"
      log "== $users users: Flask reference"
      run_flask "$users" >>"$raw"
    done
  fi
  if [ "$part" != http ]; then
    log "== CLI"
    { echo "bcrypt_seconds x 12 $(seed bcrypt --cost 12)"; cli_figures; } >"$work/raw-cli.txt"
  fi
  python3 "$root/benches/table.py" "$cores" "$duration" "$connections" \
    "$work/raw-http.txt" "$work/raw-cli.txt" | tee "$root/benches/results.md"
}

main "$@"
