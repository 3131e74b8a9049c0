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
#   profile_p99      GET /profile (4 connections) alone, while 64
#                    connections hammer the locked account, and, for
#                    comparison, while 64 connections flood GET /profile
#   logins           correct logins of other users (16 connections) alone,
#                    then during that attack, with the CPU each part took
#                    (server from /proc/PID/stat, the whole machine from
#                    /proc/stat: wrk shares these cores)
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
# CPU seconds the server process has used.
server_cpu() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$server/stat"; }
# CPU seconds the whole machine has been busy (all cores).
machine_cpu() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / {print ($2+$3+$4+$7+$8) / hz}' /proc/stat; }
# Runs "$@" and sets cpu_server, cpu_machine and elapsed to what it took.
with_cpu() {
  local s0 m0 t0
  s0=$(server_cpu) m0=$(machine_cpu) t0=$(date +%s.%N)
  "$@"
  cpu_server=$(python3 -c "print($(server_cpu) - $s0)")
  cpu_machine=$(python3 -c "print($(machine_cpu) - $m0)")
  elapsed=$(python3 -c "print($(date +%s.%N) - $t0)")
}

# Runs <script> with <connections> while 64 connections of <flood>
# (default: wrong passwords at the locked account) run in the background;
# prints the load line. The CPU figures cover the measured load only.
flood_during() {
  wrk -t1 -c64 -d"$(( ${duration%s} + 3 ))s" --timeout 30s -s "$WRK_DIR/${3:-attack.lua}" "$url" \
    >"$work/flood.out" &
  local flood=$!
  sleep 1
  with_cpu load "$1" "$2" >"$work/during.out"
  wait "$flood"
  cat "$work/during.out"
}
attack_during() { flood_during "$1" "$2" attack.lua; }

read -r profile_rps _ profile_p99 _ <<<"$(load profile.lua 16)"
read -r refused_rps _ refused_p99 refused_non2xx refused_n <<<"$(load attack.lua 16)"
read -r _ _ quiet_p99 _ <<<"$(load profile.lua 4)"
read -r _ _ attacked_p99 _ <<<"$(attack_during profile.lua 4)"
read -r _ _ flooded_p99 _ <<<"$(flood_during profile.lua 4 profile.lua)"
with_cpu load login.lua 16 >"$work/logins.out"
read -r logins_rps _ _ logins_err logins_n <"$work/logins.out"
per_login=$(python3 -c "print($cpu_server / $logins_n)")
attack_during login.lua 16 >"$work/attacked.out"
read -r attacked_logins_rps _ _ attacked_logins_err attacked_logins_n <"$work/attacked.out"
# Of the machine's CPU while the logins were measured under attack: what
# the server spent beyond the logins' own cost (the refusals), what the
# rest of the machine took (the load generators), and the logins per second
# what was left would pay for. Equal to what was measured when bcrypt got
# every cycle the refusals and wrk left.
read -r refusal_cpu other_cpu left_rps <<<"$(python3 -c "
refusals = max(0.0, $cpu_server - $attacked_logins_n * $per_login)
other = max(0.0, $cpu_machine - $cpu_server)
left = max(0.0, $(nproc) * $elapsed - refusals - other)
print('%.1f %.1f %.1f' % (refusals, other, left / $per_login / $elapsed))")"
ratio() { python3 -c "import sys; print('%.0f%%' % (100 * float(sys.argv[1]) / float(sys.argv[2])))" "$1" "$2"; }
times() { python3 -c "import sys; print('%.2f×' % (float(sys.argv[1]) / float(sys.argv[2])))" "$1" "$2"; }
cat <<TABLE
| measure | figure | against | goal |
|---|---|---|---|
| refused attempts (429) at a locked account, 16 connections | $refused_rps/s ($refused_non2xx of $refused_n were 429) | \`GET /profile\` $profile_rps/s: $(ratio "$refused_rps" "$profile_rps") | ≥ 80% |
| \`GET /profile\` p99, 4 connections, while 64 connections attack | $attacked_p99 ms | $quiet_p99 ms without: $(times "$attacked_p99" "$quiet_p99") | ≤ 1.5× |
| \`GET /profile\` p99, 4 connections, while 64 connections flood \`GET /profile\` | $flooded_p99 ms | the attack's $attacked_p99 ms: $(times "$attacked_p99" "$flooded_p99") | (an attack costs others no more than a flood of reads) |
| correct logins of other users, 16 connections, during the attack | $attacked_logins_rps/s ($attacked_logins_err errors) | $logins_rps/s without ($logins_err errors): $(ratio "$attacked_logins_rps" "$logins_rps") | |
| the same, against what the CPU left allows | $attacked_logins_rps/s | $left_rps/s, what the CPU left after the server's refusals ($refusal_cpu CPU-s) and the load generators ($other_cpu CPU-s) pays for: $(ratio "$attacked_logins_rps" "$left_rps") | ≥ 90% |
TABLE
