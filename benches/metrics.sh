#!/usr/bin/env bash
# What metrics cost: one release binary serving copies of one seeded
# database, with `--metrics-bind` and without, rounds alternating which goes
# first, and Prometheus scraping once a second while metrics are on. Prints
# a Markdown table of medians. Not part of CI; needs wrk (installed from
# Debian's packages if missing).
#
#   bash benches/metrics.sh                       # 10,000 users, 5 rounds of 5 s
#   ROUNDS=7 DURATION=10s bash benches/metrics.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_DIR:-/tmp/authctl-metrics}
users=${USERS:-10000}
rounds=${ROUNDS:-5}
duration=${DURATION:-5s}
port=5120
metrics_port=5121
target=${CARGO_TARGET_DIR:-$root/target}
export WRK_DIR="$root/benches/wrk"
mkdir -p "$work"

# shellcheck source=benches/common.sh
source "$root/benches/common.sh"
need_tools wrk curl

log "building authctl (release) and the seeding tool"
(cd "$root" && cargo build --release --quiet)
bin="$target/release/authctl"
seeded="$work/seed-$users.db"
sessions="$work/seed-$users.sids"
if [ ! -s "$sessions" ]; then
  rm -f "$seeded" "$seeded-wal" "$seeded-shm"
  (cd "$root" && cargo bench --quiet --bench seed -- \
    users --db "$seeded" --count "$users" --sessions-out "$sessions") >&2
fi

load() { # load <script> -> "req/s p50 p99 errors requests"
  wrk -t2 -c16 -d"$duration" --timeout 10s -s "$WRK_DIR/$1" "http://127.0.0.1:$port" \
    | awk '/^RESULT/ {print $2, $3, $4, $5, $6}'
}

raw="$work/raw.txt"
: >"$raw"
export SESSIONS_FILE="$sessions" USERS="$users"
for round in $(seq 1 "$rounds"); do
  order="off on"
  [ $((round % 2)) -eq 0 ] && order="on off"
  for which in $order; do
    db="$work/$which.db"
    rm -f "$db" "$db-wal" "$db-shm"
    cp "$seeded" "$db"
    extra=()
    [ "$which" = on ] && extra=(--metrics-bind "127.0.0.1:$metrics_port")
    # RUST_LOG=warn: the request log line would cost more than what is
    # measured here, and the same in both; it is left out of both.
    RUST_LOG=warn "$bin" --db "$db" serve --bind "127.0.0.1:$port" "${extra[@]}" \
      >"$work/$which.log" 2>&1 &
    server=$!
    wait_for_port "$port"
    scraper=
    if [ "$which" = on ]; then
      (while sleep 1; do curl -fs "http://127.0.0.1:$metrics_port/metrics" >/dev/null || true; done) &
      scraper=$!
    fi
    for scenario in root profile; do
      before=$(awk '{print $14 + $15}' "/proc/$server/stat")
      result=$(load "$scenario.lua")
      after=$(awk '{print $14 + $15}' "/proc/$server/stat")
      echo "$scenario $which $result $((after - before))" >>"$raw"
    done
    [ -n "$scraper" ] && { kill "$scraper"; wait "$scraper" 2>/dev/null || true; }
    kill -TERM "$server"; wait "$server" || true
    log "round $round: metrics $which done"
  done
done

python3 - "$raw" "$users" "$rounds" "$duration" <<'PY'
import os, statistics, sys
raw, users, rounds, duration = sys.argv[1:]
runs = {}
ticks = os.sysconf("SC_CLK_TCK")
for line in open(raw):
    scenario, which, rps, p50, p99, errors, requests, cpu = line.split()
    cpu_us = int(cpu) / ticks * 1e6 / max(int(requests), 1)
    runs.setdefault((scenario, which), []).append((float(rps), float(p99), int(errors), cpu_us))
print(f"{users} users, {rounds} rounds of wrk -t2 -c16 -d{duration}, metrics off and on "
      f"alternating (scraped once a second when on), RUST_LOG=warn; medians.\n")
print("| scenario | off req/s | on req/s | on/off | off p99 ms | on p99 ms | off CPU µs/req | on CPU µs/req | errors (off/on) |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for key, name in {"root": "GET /", "profile": "GET /profile"}.items():
    off, on = runs[(key, "off")], runs[(key, "on")]
    med = lambda rows, i: statistics.median(r[i] for r in rows)
    print(f"| {name} | {med(off,0):,.0f} | {med(on,0):,.0f} | {med(on,0)/med(off,0):.3f} | "
          f"{med(off,1):.2f} | {med(on,1):.2f} | {med(off,3):.1f} | {med(on,3):.1f} | "
          f"{sum(r[2] for r in off)}/{sum(r[2] for r in on)} |")
print("\nEach round (req/s, off then on):")
for key in ("root", "profile"):
    pairs = zip((r[0] for r in runs[(key, 'off')]), (r[0] for r in runs[(key, 'on')]))
    print(f"- {key}: " + ", ".join(f"{a:,.0f}/{b:,.0f}" for a, b in pairs))
PY
