-- Shared by every scenario: one machine-readable line when wrk finishes.
-- RESULT <requests/s> <p50 ms> <p99 ms> <non-2xx or socket errors> <requests>
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.status + summary.errors.connect
    + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %.1f %.3f %.3f %d %d\n",
    summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errors, summary.requests))
end
