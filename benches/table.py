#!/usr/bin/env python3
"""Turns benches/run.sh's raw lines into the Markdown table README shows."""
import datetime
import platform
import sys

cores, duration, connections = int(sys.argv[1]), sys.argv[2], sys.argv[3]
raw_paths = sys.argv[4:]
http = {}   # (scenario, impl, users) -> (rps, p50, p99, errors, requests)
rss = {}    # (impl, users) -> MB
cli = {}
bcrypt_seconds = None
lines = []
for path in raw_paths:
    try:
        lines.extend(open(path))
    except FileNotFoundError:
        pass
for line in lines:
    parts = line.split()
    if not parts:
        continue
    kind = parts[0]
    if kind == "bcrypt_seconds":
        # The HTTP part's measurement comes first and is the one used.
        bcrypt_seconds = bcrypt_seconds or float(parts[3])
    elif kind == "rss":
        rss[(parts[1], int(parts[2]))] = int(parts[3])
    elif kind in ("whoami", "import"):
        cli[kind] = (int(parts[2]), float(parts[3]))
    elif len(parts) == 8:
        rps, p50, p99 = map(float, parts[3:6])
        http[(kind, parts[1], int(parts[2]))] = (rps, p50, p99, int(parts[6]), int(parts[7]))

sizes = sorted({users for (_, _, users) in http})
limit = cores / bcrypt_seconds if bcrypt_seconds else float("nan")
names = {
    "root": "GET /",
    "profile": "GET /profile",
    "login": "POST /sessions (cost 12)",
    "profile_during_login": "GET /profile during the login flood (4 conns)",
}


def rate(per_second):
    return f"{per_second:,.1f}" if per_second < 100 else f"{per_second:,.0f}"


def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


out = []
out.append(f"Measured {datetime.date.today()} on {cores} cores ({cpu_model()}), loopback, "
           f"wrk -t2 -c{connections} -d{duration} unless noted; the Flask reference runs under "
           "gunicorn -w 2 in the same run. Command: `bash benches/run.sh`.\n")
out.append(f"bcrypt cost 12 takes {bcrypt_seconds * 1000:.0f} ms a hash here, so the bcrypt limit "
           f"is {limit:.1f} hashes/s on {cores} cores.\n")
out.append("| scenario | users | authctl req/s | p50 ms | p99 ms | Flask req/s | p50 ms | p99 ms | authctl / Flask |")
out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for scenario in names:
    for users in sizes:
        a = http.get((scenario, "authctl", users))
        f = http.get((scenario, "flask", users))
        if not a:
            continue
        cells = [names[scenario], f"{users:,}", rate(a[0]), f"{a[1]:.2f}", f"{a[2]:.2f}"]
        if f and f[4] == 0:
            cells += ["0 (starved)", "–", "–", "–"]
        elif f:
            cells += [rate(f[0]), f"{f[1]:.2f}", f"{f[2]:.2f}", f"{a[0] / f[0]:,.1f}×"]
        else:
            cells += ["–"] * 4
        if a[3]:
            cells[2] += f" ({a[3]} errors)"
        if f and f[3] and f[4]:
            cells[5] += f" ({f[3]} errors)"
        out.append("| " + " | ".join(cells) + " |")
for users in sizes:
    if ("authctl", users) in rss:
        out.append(f"| peak RSS of the server | {users:,} | {rss[('authctl', users)]} MB | | | "
                   f"{rss.get(('flask', users), '–')} MB (all workers) | | | |")
out.append("")

checks = []


def check(label, value, ok):
    checks.append(f"| {label} | {value} | {'met' if ok else 'missed'} |")


big, small = (max(sizes), min(sizes)) if sizes else (None, None)
if big:
    prof, root = http.get(("profile", "authctl", big)), http.get(("root", "authctl", big))
    if prof and root:
        share = prof[0] / root[0]
        check(f"GET /profile at {big:,} users ≥ 35% of GET /", f"{share:.0%}", share >= 0.35)
        check(f"GET /profile p99 at {big:,} users < 2 ms", f"{prof[2]:.2f} ms", prof[2] < 2)
    small_prof = http.get(("profile", "authctl", small))
    if prof and small_prof and big != small:
        growth = prof[2] / small_prof[2]
        check(f"GET /profile p99 at {big:,} within 1.2× of {small:,}", f"{growth:.2f}×", growth <= 1.2)
    for users, target in ((10000, 50), (1000000, 1000)):
        a, f = http.get(("profile", "authctl", users)), http.get(("profile", "flask", users))
        if a and f and f[0]:
            check(f"GET /profile at {users:,} users ≥ {target}× Flask", f"{a[0] / f[0]:,.0f}×", a[0] / f[0] >= target)
    logins = http.get(("login", "authctl", big))
    if logins:
        check("logins ≥ 90% of the bcrypt limit", f"{logins[0]:.1f}/s = {logins[0] / limit:.0%}", logins[0] >= 0.9 * limit)
    during = http.get(("profile_during_login", "authctl", big))
    if during:
        check("GET /profile p99 during the login flood < 10 ms", f"{during[2]:.2f} ms", during[2] < 10)
    worst_rss = max(v for (impl, _), v in rss.items() if impl == "authctl") if rss else None
    if worst_rss is not None:
        check("server peak RSS < 50 MB", f"{worst_rss} MB", worst_rss < 50)
if "import" in cli:
    rows, rate = cli["import"]
    check(f"users import of {rows:,} plain rows ≥ 90% of the bcrypt limit", f"{rate:.1f} rows/s = {rate / limit:.0%}", rate >= 0.9 * limit)
if "whoami" in cli:
    check("whoami < 10 ms (median of 100)", f"{cli['whoami'][1]:.2f} ms", cli["whoami"][1] < 10)
out.append("| target | measured | |")
out.append("|---|---:|---|")
out.extend(checks)
print("\n".join(out))
