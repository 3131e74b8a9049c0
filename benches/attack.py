#!/usr/bin/env python3
"""Slow-client attacks on `authctl serve`, on loopback, with figures.

Starts the server under a file limit of 1,024 (as a default Linux shell
gives it), then:
  1. holds 1,100 idle connections and times a normal request meanwhile;
  2. holds 4,000 connections that each send 15 KiB of a request head that
     never ends, and records the server's memory and a normal request;
  3. checks the server's memory and the connections left once they stop.
Prints one Markdown table. Not part of CI.

  python3 benches/attack.py [path/to/authctl]   # default target/release/authctl
"""

import os
import resource
import socket
import subprocess
import sys
import tempfile
import time

PORT = 5120
ADDR = ("127.0.0.1", PORT)


def rss_mb(pid, field="VmRSS"):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    return 0.0


def open_fds(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))


def normal_request(timeout=5.0):
    """Seconds a GET / takes, or None if it fails."""
    started = time.monotonic()
    try:
        with socket.create_connection(ADDR, timeout=timeout) as conn:
            conn.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            reply = conn.recv(4096)
        if reply.startswith(b"HTTP/1.1 200"):
            return time.monotonic() - started
    except OSError:
        pass
    return None


def hold(count, payload):
    held = []
    for _ in range(count):
        try:
            conn = socket.create_connection(ADDR, timeout=2)
            if payload:
                conn.sendall(payload)
            held.append(conn)
        except OSError:
            break
    return held


def still_open(conns):
    alive = 0
    for conn in conns:
        conn.setblocking(False)
        try:
            alive += conn.recv(1) != b""
        except BlockingIOError:
            alive += 1
        except OSError:
            pass
    return alive


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/authctl"
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        server = subprocess.Popen(
            ["sh", "-c", f'ulimit -n 1024; exec "$0" --db {folder}/auth.db serve --bind 127.0.0.1:{PORT}', binary],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        try:
            server.stdout.readline()
            base = rss_mb(server.pid)
            rows.append(("server at rest", f"{base:.1f} MB RSS", ""))

            idle = hold(1100, b"")
            took = normal_request()
            rows.append((
                "1,100 idle connections",
                f"{open_fds(server.pid)} descriptors open in the server",
                "normal request: " + (f"{took * 1000:.1f} ms" if took else "FAILED"),
            ))
            time.sleep(16)
            rows.append(("idle connections after 16 s", f"{still_open(idle)} of 1,100 still open", ""))
            for conn in idle:
                conn.close()

            head = b"GET / HTTP/1.1\r\nHost: x\r\n" + b"X-Pad: " + b"a" * 15 * 1024
            slow = hold(4000, head)
            took = normal_request()
            rows.append((
                "4,000 connections with 15 KiB of unfinished head",
                f"{rss_mb(server.pid):.1f} MB RSS, {still_open(slow)} still open",
                "normal request: " + (f"{took * 1000:.1f} ms" if took else "FAILED"),
            ))
            for conn in slow:
                conn.close()
            time.sleep(2)
            rows.append((
                "after the attack",
                f"{rss_mb(server.pid):.1f} MB RSS (peak {rss_mb(server.pid, 'VmHWM'):.1f} MB)",
                f"{open_fds(server.pid)} descriptors open",
            ))
        finally:
            server.terminate()
            server.wait()
    print("| attack | server | meanwhile |")
    print("|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
