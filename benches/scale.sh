#!/usr/bin/env bash
# Scale-out (issue 14): one server on SQLite, one on PostgreSQL, two on
# PostgreSQL (wrk against both at once), side by side in one run, at each
# user count: GET /profile req/s and p99, logins/s at the real cost against
# the bcrypt limit, each process's peak RSS, and where the CPU went (server,
# PostgreSQL, load generator: /proc times over the run, the coarse profile
# that tells what limits the figures). Not part of CI; needs wrk and a
# PostgreSQL server (installed from Debian's packages if missing).
#
#   bash benches/scale.sh                       # 10,000 and 1,000,000 users
#   COUNTS="10000" DURATION=5s bash benches/scale.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_DIR:-/tmp/authctl-scale}
counts=${COUNTS:-"10000 1000000"}
duration=${DURATION:-10s}
export WRK_DIR="$root/benches/wrk"
mkdir -p "$work"
# shellcheck source=benches/common.sh
source "$root/benches/common.sh"
need_tools wrk curl

log "building (release)"
(cd "$root" && cargo build --release --quiet && cargo bench --no-run --quiet --bench seed 2>/dev/null)
bin="$root/target/release/authctl"
seed() { (cd "$root" && cargo bench --quiet --bench seed -- "$@"); }

# A PostgreSQL server of this run, with fsync on, as SQLite has it.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -1)
if [ -z "$pg_bin" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | tail -1)
fi
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_dir=$(mktemp -d /tmp/authctl-scale-pg.XXXXXX)
chown postgres "$pg_dir" 2>/dev/null || true
pg_port=5499
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w start \
  -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$pg_dir -c max_connections=200" >/dev/null
servers=()
cleanup() {
  for pid in "${servers[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap cleanup EXIT
pg_url() { echo "postgres://postgres@127.0.0.1:$pg_port/$1"; }
psql_run() { as_pg psql -h 127.0.0.1 -p "$pg_port" -U postgres -qtA "$@"; }

# CPU ticks used so far by the processes pgrep finds with these arguments.
ticks_of() { # ticks_of <pgrep args...>
  local total=0 pid
  for pid in $(pgrep "$@" || true); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
# Peak resident memory (kB) of the processes pgrep finds, summed.
peak_kb() { # peak_kb <pgrep args...>
  local total=0 pid
  for pid in $(pgrep "$@" || true); do
    total=$((total + $(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)))
  done
  echo "$total"
}

start_server() { # start_server <db> <port>
  "$bin" --db "$1" serve --bind "127.0.0.1:$2" >"$work/serve-$2.log" 2>&1 &
  servers+=($!)
  wait_for_port "$2"
}

stop_servers() {
  for pid in "${servers[@]}"; do kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  servers=()
}

load() { # load <script> <port> <connections> -> "req/s p50 p99 errors requests"
  wrk -t1 -c"$3" -d"$duration" --timeout 10s -s "$WRK_DIR/$1" "http://127.0.0.1:$2" \
    | awk '/^RESULT/ {print $2, $3, $4, $5, $6}'
}

# One setup under load: wrk against each of its ports at once. Prints one
# Markdown row per scenario.
measure() { # measure <label> <ports...>
  local label=$1; shift
  local scenario ports=("$@")
  for scenario in profile login; do
    local conns=16
    [ "$scenario" = login ] && conns=8
    local before_srv before_pg
    before_srv=$(ticks_of -f "authctl --db"); before_pg=$(ticks_of -u postgres)
    local outs=() pids=() port
    for port in "${ports[@]}"; do
      outs+=("$work/out-$port")
      load "$scenario.lua" "$port" $((conns / ${#ports[@]})) >"$work/out-$port" &
      pids+=($!)
    done
    wait "${pids[@]}"
    local srv pg
    srv=$(( $(ticks_of -f "authctl --db") - before_srv )); pg=$(( $(ticks_of -u postgres) - before_pg ))
    python3 - "$label" "$scenario" "$srv" "$pg" "${outs[@]}" <<'PY'
import os, sys
label, scenario, srv, pg, *outs = sys.argv[1:]
rps = p99 = errors = requests = 0.0
for out in outs:
    fields = open(out).read().split()
    if len(fields) < 5:
        continue
    rps += float(fields[0]); p99 = max(p99, float(fields[2]))
    errors += float(fields[3]); requests += float(fields[4])
ticks = os.sysconf("SC_CLK_TCK")
# CPU per request: a PostgreSQL backend that ended during the run takes its
# ticks with it, so its share is a floor.
per = lambda t: f"{max(int(t), 0) / ticks * 1e6 / max(requests, 1):,.0f}"
print(f"| {label} | {scenario} | {rps:,.0f} | {p99:.1f} | {int(errors)} | {per(srv)} | {per(pg)} |")
PY
  done
}

echo "| setup | scenario | req/s | p99 ms | errors | authctl CPU µs/req | PostgreSQL CPU µs/req |"
echo "|---|---|---:|---:|---:|---:|---:|"
rss_rows=()
for count in $counts; do
  log "seeding $count users in SQLite and in PostgreSQL"
  sqlite_db="$work/scale-$count.db"
  if [ ! -s "$work/sqlite-$count.sids" ]; then
    rm -f "$sqlite_db"*
    seed users --db "$sqlite_db" --count "$count" --sessions-out "$work/sqlite-$count.sids" >&2
  fi
  psql_run -c "DROP DATABASE IF EXISTS scale_$count" -c "CREATE DATABASE scale_$count" >/dev/null
  seed users --db "$(pg_url "scale_$count")" --count "$count" --sessions-out "$work/pg-$count.sids" >&2
  export USERS=$count

  SESSIONS_FILE="$work/sqlite-$count.sids" ; export SESSIONS_FILE
  start_server "$sqlite_db" 5301
  measure "SQLite, 1 server, $count users" 5301
  rss_rows+=("| SQLite, 1 server, $count users | $(peak_kb -f "authctl --db $sqlite_db") | - |")
  stop_servers

  export SESSIONS_FILE="$work/pg-$count.sids"
  start_server "$(pg_url "scale_$count")" 5301
  measure "PostgreSQL, 1 server, $count users" 5301
  rss_rows+=("| PostgreSQL, 1 server, $count users | $(peak_kb -f "authctl --db postgres") | $(peak_kb -u postgres) |")
  stop_servers

  start_server "$(pg_url "scale_$count")" 5301
  start_server "$(pg_url "scale_$count")" 5302
  measure "PostgreSQL, 2 servers, $count users" 5301 5302
  rss_rows+=("| PostgreSQL, 2 servers, $count users | $(peak_kb -f "authctl --db postgres") | $(peak_kb -u postgres) |")
  stop_servers
done
echo
echo "| setup | peak RSS kB, authctl (all servers) | peak RSS kB, PostgreSQL (all processes) |"
echo "|---|---:|---:|"
printf '%s\n' "${rss_rows[@]}"
echo
echo "bcrypt at cost 12 on this machine: $(seed bcrypt --cost 12 --runs 4) s a hash; $(nproc) cores."
