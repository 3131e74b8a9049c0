# Shell functions the benchmark scripts share; sourced, not run.

log() { printf '%s\n' "$*" >&2; }

# Installs the load tools named (wrk, hyperfine, curl) that are missing.
need_tools() {
  local missing=() tool
  for tool in "$@"; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} from Debian's packages"
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

wait_for_port() {
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$1/" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  log "nothing answered on port $1"; return 1
}
