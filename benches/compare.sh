#!/usr/bin/env bash
# A/B: the working tree's authctl against another revision's, side by side
# in one run, so that a change's cost is seen apart from this machine's
# noise. Both serve copies of one seeded database; the rounds alternate which
# binary goes first. Prints a Markdown table of medians over the rounds.
# Not part of CI; needs wrk and hyperfine (installed from Debian's packages
# if missing).
#
#   bash benches/compare.sh                 # against HEAD~1, 10,000 users, 3 rounds
#   BASE=77861b5 ROUNDS=5 USERS=100000 bash benches/compare.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_DIR:-/tmp/authctl-compare}
base_rev=${BASE:-HEAD~1}
users=${USERS:-10000}
rounds=${ROUNDS:-3}
duration=${DURATION:-5s}
port=5110
export WRK_DIR="$root/benches/wrk"
mkdir -p "$work"

# shellcheck source=benches/common.sh
source "$root/benches/common.sh"
need_tools wrk hyperfine curl

log "building $base_rev and the working tree (release)"
base_src="$work/base-src"
rm -rf "$base_src"
git -C "$root" worktree prune
git -C "$root" worktree add --detach --force "$base_src" "$base_rev" >/dev/null 2>&1
(cd "$base_src" && CARGO_TARGET_DIR="$work/base-target" cargo build --release --quiet)
(cd "$root" && cargo build --release --quiet)
declare -A bin=([base]="$work/base-target/release/authctl" [new]="$root/target/release/authctl")

# One seeded file, made by the base revision's seeding tool so that both
# binaries can open it (the newer one migrates its own copy forward at
# start, before any measuring), its hashes moved to cost 4 so that POST
# /sessions measures the database path rather than bcrypt.
seeded="$work/seed-$users.db"
if [ ! -s "$work/seed-$users.sids" ]; then
  rm -f "$seeded" "$seeded-wal" "$seeded-shm"
  (cd "$base_src" && CARGO_TARGET_DIR="$work/base-target" cargo bench --quiet --bench seed -- \
    users --db "$seeded" --count "$users" --sessions-out "$work/seed-$users.sids") >&2
  # A cost-4 hash of the seeded password, made by authctl itself.
  rm -f "$work/hash.db" "$work/hash.db-wal" "$work/hash.db-shm"
  printf 'benchpass\n' | "${bin[new]}" --db "$work/hash.db" --bcrypt-cost 4 \
    register hash@example.com --password-stdin 2>/dev/null
  python3 - "$seeded" "$work/hash.db" <<'EOF'
import sqlite3, sys
(cost4,) = sqlite3.connect(sys.argv[2]).execute("SELECT hashed_password FROM users").fetchone()
conn = sqlite3.connect(sys.argv[1])
conn.execute("UPDATE users SET hashed_password = ?", (cost4,))
conn.commit()
conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
conn.close()
EOF
fi
git -C "$root" worktree remove --force "$base_src"

load() { # load <script> -> "req/s p50 p99 errors requests"
  wrk -t2 -c16 -d"$duration" --timeout 10s -s "$WRK_DIR/$1" "http://127.0.0.1:$port" \
    | awk '/^RESULT/ {print $2, $3, $4, $5, $6}'
}

raw="$work/raw.txt"
: >"$raw"
export SESSIONS_FILE="$work/seed-$users.sids" USERS="$users"
for round in $(seq 1 "$rounds"); do
  order="base new"
  [ $((round % 2)) -eq 0 ] && order="new base"
  for which in $order; do
    db="$work/$which.db"
    rm -f "$db" "$db-wal" "$db-shm"
    cp "$seeded" "$db"
    "${bin[$which]}" --db "$db" --bcrypt-cost 4 serve --bind "127.0.0.1:$port" \
      >"$work/$which.log" 2>&1 &
    server=$!
    wait_for_port "$port"
    for scenario in root profile login; do
      # The server's CPU time per request, from /proc: steadier than
      # throughput on a machine whose load varies, as it counts only the
      # work the server did.
      before=$(awk '{print $14 + $15}' "/proc/$server/stat")
      result=$(load "$scenario.lua")
      after=$(awk '{print $14 + $15}' "/proc/$server/stat")
      echo "$scenario $which $result $((after - before))" >>"$raw"
    done
    kill -TERM "$server"; wait "$server" || true
    log "round $round: $which done"
  done
done

# whoami: one process start, one session lookup; hyperfine alternates them.
# The session is made by the base binary and the file copied, so that each
# binary reads a database its own version can open.
db="$work/cli.db"
rm -f "$db" "$db-wal" "$db-shm"
printf 'benchpass\n' | "${bin[base]}" --db "$db" --bcrypt-cost 4 register cli@example.com --password-stdin 2>/dev/null
sid=$(printf 'benchpass\n' | "${bin[base]}" --db "$db" login cli@example.com --password-stdin --no-save)
for which in base new; do
  rm -f "$work/cli-$which.db"*
  sqlite_copy="$work/cli-$which.db"
  cp "$db" "$sqlite_copy"; [ -f "$db-wal" ] && cp "$db-wal" "$sqlite_copy-wal"
done
hyperfine -N --warmup 10 --runs 200 --export-json "$work/whoami.json" \
  "${bin[base]} --db $work/cli-base.db whoami --session $sid" \
  "${bin[new]} --db $work/cli-new.db whoami --session $sid" >/dev/null 2>&1
python3 - "$raw" "$work/whoami.json" "$base_rev" "$users" "$rounds" "$duration" <<'EOF'
import json, os, statistics, sys
raw, whoami, base, users, rounds, duration = sys.argv[1:]
runs = {}
ticks = os.sysconf("SC_CLK_TCK")
for line in open(raw):
    scenario, which, rps, p50, p99, errors, requests, cpu = line.split()
    cpu_us = int(cpu) / ticks * 1e6 / max(int(requests), 1)
    runs.setdefault((scenario, which), []).append((float(rps), float(p50), float(p99), int(errors), cpu_us))
names = {"root": "GET /", "profile": "GET /profile", "login": "POST /sessions (cost 4)"}
print(f"A/B against {base}: {users} users, {rounds} rounds of wrk -t2 -c16 -d{duration} alternating, medians.\n")
print("| scenario | base req/s | new req/s | new/base | base p99 ms | new p99 ms | base CPU µs/req | new CPU µs/req | errors (base/new) |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for key, name in names.items():
    b, n = runs[(key, "base")], runs[(key, "new")]
    med = lambda rows, i: statistics.median(r[i] for r in rows)
    print(f"| {name} | {med(b,0):,.0f} | {med(n,0):,.0f} | {med(n,0)/med(b,0):.2f}x | "
          f"{med(b,2):.2f} | {med(n,2):.2f} | {med(b,4):.1f} | {med(n,4):.1f} | "
          f"{sum(r[3] for r in b)}/{sum(r[3] for r in n)} |")
results = json.load(open(whoami))["results"]
b, n = (r["median"] * 1000 for r in results)
print(f"| whoami, one process (time: lower is better) | {b:.2f} ms | {n:.2f} ms | {n/b:.2f}x | | | | | |")
EOF
