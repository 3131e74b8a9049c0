#!/usr/bin/env bash
# The brute-force defence under attack, side by side in one run (issue 12's
# benchmark). Prints a Markdown table; not part of CI; about 2 minutes.
#
#   bash benches/throttle.sh
#   BENCH_DURATION=5s bash benches/throttle.sh     # a quick look
#
# One server, 10,000 seeded users (cost-12 hashes), one of them locked
# (--login-lock-after 5 here only so that the setup takes seconds, not the
# hours 100 failures take under the doubling waits; a refusal runs the same
# code for a lock and for a wait). --client-max-failures is raised so that the
# account throttle, not the per-client block, answers the attack (wrk's
# connections all come from 127.0.0.1). Rows:
#   profile          GET /profile alone (16 connections)
#   refused          POST /sessions at the locked account (16 connections)
#   profile_p99      GET /profile (4 connections) alone, then while 64
#                    connections hammer the locked account
#   logins           correct logins of other users (16 connections) alone,
#                    then during that attack
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_DIR:-/tmp/authctl-bench}
duration=${BENCH_DURATION:-10s}
users=10000
port=5102
export WRK_DIR="$root/benches/wrk"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}
mkdir -p "$work"

# shellcheck source=benches/common.sh
source "$root/benches/common.sh"
need_tools wrk curl

log "building authctl (release) and the seeding tool"
(cd "$root" && cargo build --release --quiet && cargo bench --bench seed --no-run --quiet 2>/dev/null)
authctl="$CARGO_TARGET_DIR/release/authctl"

db="$work/throttle-$users.db" sessions="$work/throttle-$users.sids"
if [ ! -s "$sessions" ]; then
  rm -f "$db" "$db-wal" "$db-shm"
  (cd "$root" && cargo bench --quiet --bench seed -- users --db "$db" --count "$users" --sessions-out "$sessions") >&2
fi
"$authctl" --db "$db" throttle clear --all >/dev/null 2>&1

"$authctl" --db "$db" --login-free-attempts 4 --login-lock-after 5 serve \
  --bind "127.0.0.1:$port" --client-max-failures 1000000000 >"$work/throttle.log" 2>&1 &
server=$!
trap 'kill -TERM "$server" 2>/dev/null || true' EXIT
wait_for_port "$port"

export SESSIONS_FILE=$sessions USERS=$users TARGET="bench0%40example.com"
url="http://127.0.0.1:$port"
attempt() {
  curl -s -o /dev/null -w '%{http_code}' -d "email=bench0%40example.com&password=wrong" "$url/sessions"
}
for _ in 1 2 3 4; do attempt >/dev/null; done
sleep 1.2
attempt >/dev/null
[ "$(attempt)" = 429 ] || { log "the account did not lock"; exit 1; }

# wrk <script> <connections> [duration] -> "req/s p50 p99 errors requests"
load() {
  wrk -t2 -c"$2" -d"${3:-$duration}" --timeout 10s -s "$WRK_DIR/$1" "$url" |
    awk '/^RESULT/ {print $2, $3, $4, $5, $6}'
}
# Runs <script> with 64 connections at the locked account in the background.
attack_during() {
  wrk -t1 -c64 -d"$(( ${duration%s} + 3 ))s" --timeout 30s -s "$WRK_DIR/attack.lua" "$url" \
    >/dev/null &
  local attack=$!
  sleep 1
  load "$1" "$2"
  wait "$attack"
}

read -r profile_rps _ profile_p99 _ <<<"$(load profile.lua 16)"
read -r refused_rps _ refused_p99 refused_non2xx refused_n <<<"$(load attack.lua 16)"
read -r _ _ quiet_p99 _ <<<"$(load profile.lua 4)"
read -r _ _ attacked_p99 _ <<<"$(attack_during profile.lua 4)"
read -r logins_rps _ _ logins_err _ <<<"$(load login.lua 16)"
read -r attacked_logins_rps _ _ attacked_logins_err _ <<<"$(attack_during login.lua 16)"

ratio() { python3 -c "import sys; print('%.0f%%' % (100 * float(sys.argv[1]) / float(sys.argv[2])))" "$1" "$2"; }
times() { python3 -c "import sys; print('%.2f×' % (float(sys.argv[1]) / float(sys.argv[2])))" "$1" "$2"; }
cat <<TABLE
| measure | figure | against | goal |
|---|---|---|---|
| refused attempts (429) at a locked account, 16 connections | $refused_rps/s ($refused_non2xx of $refused_n were 429) | \`GET /profile\` $profile_rps/s: $(ratio "$refused_rps" "$profile_rps") | ≥ 80% |
| \`GET /profile\` p99, 4 connections, while 64 connections attack | $attacked_p99 ms | $quiet_p99 ms without: $(times "$attacked_p99" "$quiet_p99") | ≤ 1.5× |
| correct logins of other users, 16 connections, during the attack | $attacked_logins_rps/s ($attacked_logins_err errors) | $logins_rps/s without ($logins_err errors): $(ratio "$attacked_logins_rps" "$logins_rps") | ≥ 90% |
TABLE
