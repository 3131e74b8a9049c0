#!/usr/bin/env bash
# A first look at PostgreSQL (issue 14), not the full benchmark: GET /profile
# with wrk (16 connections per server, 1 thread each) on one server on
# SQLite, one on PostgreSQL, and two on one PostgreSQL database (wrk against
# both at once), all on this machine. Not part of CI.
#
#   cargo build --release
#   source .ci/postgres            # a throwaway server; or set AUTHCTL_BENCH_PG_URL
#   bash benches/postgres.sh       # BENCH_USERS=1000 BENCH_DURATION=10s
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=benches/common.sh
source "$root/benches/common.sh"
need_tools wrk curl psql

bin="${CARGO_TARGET_DIR:-$root/target}/release/authctl"
server_url=${AUTHCTL_BENCH_PG_URL:-${AUTHCTL_TEST_PG_URL:?set AUTHCTL_BENCH_PG_URL or source .ci/postgres}}
users=${BENCH_USERS:-1000}
duration=${BENCH_DURATION:-10s}
export WRK_DIR="$root/benches/wrk" AUTHCTL_ALLOW_WEAK_BCRYPT=1 AUTHCTL_BCRYPT_COST=4
work=$(mktemp -d /tmp/authctl-pgbench.XXXXXX)
servers=()
cleanup() {
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
  psql "$server_url" -qc "DROP DATABASE IF EXISTS authctl_bench WITH (FORCE)" || true
  rm -rf "$work"
}
trap cleanup EXIT

psql "$server_url" -qc "DROP DATABASE IF EXISTS authctl_bench WITH (FORCE)" -c "CREATE DATABASE authctl_bench"
pg="${server_url%/*}/authctl_bench"

serve() { # serve <db> <port>: starts a server, remembered for clean-up
  "$bin" --db "$1" serve --bind "127.0.0.1:$2" --client-max-failures 1000000 >/dev/null 2>&1 &
  servers+=($!)
  wait_for_port "$2"
}

seed() { # seed <db> <sessions file>: $users users, one session each
  { echo "email,password"
    for i in $(seq 1 "$users"); do echo "u$i@example.com,password number $i"; done
  } >"$work/users.csv"
  "$bin" --db "$1" users import "$work/users.csv" >/dev/null 2>&1
  serve "$1" 5400
  : >"$2"
  for i in $(seq 1 "$users"); do
    curl -s -i -X POST -d "email=u$i@example.com&password=password%20number%20$i" \
      http://127.0.0.1:5400/sessions \
      | sed -n 's/^[Ss]et-[Cc]ookie: session_id=\([^;]*\).*/\1/p' >>"$2"
  done
  kill "${servers[-1]}"; wait "${servers[-1]}" 2>/dev/null || true
}

load() { # load <label> <port...>: wrk on each port at once
  local label=$1 pids=() port
  shift
  for port in "$@"; do
    wrk -t1 -c16 -d"$duration" --timeout 10s -s "$WRK_DIR/profile.lua" \
      "http://127.0.0.1:$port" >"$work/wrk-$port.txt" &
    pids+=($!)
  done
  wait "${pids[@]}"
  for port in "$@"; do
    # RESULT <req/s> <p50 ms> <p99 ms> <errors> <requests>
    echo "$label :$port $(awk '/^RESULT/ {print $2 " req/s, p50 " $3 " ms, p99 " $4 " ms, errors " $5}' "$work/wrk-$port.txt")"
  done
}

seed "$work/auth.db" "$work/sqlite.sids"
seed "$pg" "$work/pg.sids"
export SESSIONS_FILE="$work/sqlite.sids"
serve "$work/auth.db" 5401
load "sqlite, 1 server" 5401
export SESSIONS_FILE="$work/pg.sids"
serve "$pg" 5402
load "postgres, 1 server" 5402
serve "$pg" 5403
load "postgres, 2 servers" 5402 5403
