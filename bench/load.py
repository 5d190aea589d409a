#!/usr/bin/env python3
"""Load test of `redline serve` on loopback (make load).

50 reviewers sign in and post 20 comments each, all at once (1,000 threads, 1,000 commits),
while another client keeps loading the v1 -> v2 comparison page. Then checks that every
thread file is there and whole, that HEAD gained exactly one commit per comment, and that
the comparison page's 95th percentile stayed under 100 ms. Bounded: every request has a
timeout and the whole run stops after --deadline seconds.

Usage: python3 bench/load.py [--reviewers 50] [--comments 20] [--redline PATH]
"""
import argparse
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reviewers", type=int, default=50)
    ap.add_argument("--comments", type=int, default=20)
    ap.add_argument("--redline", default=os.path.join(ROOT, ".build/debug/redline"))
    ap.add_argument("--deadline", type=float, default=600)
    ap.add_argument("--p95-ms", type=float, default=100)
    a = ap.parse_args()
    redline = os.path.abspath(a.redline)
    work = tempfile.mkdtemp(prefix="redline-load-")
    repo = os.path.join(work, "repo")
    subprocess.run([redline, "demo", "--drafts", os.path.join(ROOT, "drafts"), "--reviews", os.path.join(work, "none"),
                    "--into", repo], check=True, capture_output=True, timeout=120)
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    tokens = []
    for i in range(a.reviewers):
        out = subprocess.run([redline, "reviewers", "add", f"Arvioija {i}", "--email", f"a{i}@example.fi", "--repo", repo],
                             check=True, capture_output=True, text=True, timeout=30).stdout
        tokens.append(re.search(r"token=([0-9a-f]{64})", out).group(1))
    commits_before = int(subprocess.run(["git", "-C", repo, "rev-list", "--count", "HEAD"], capture_output=True, text=True).stdout)
    server = subprocess.Popen([redline, "serve", "--repo", repo, "--port", str(port)], stdout=subprocess.DEVNULL,
                              stderr=open(os.path.join(work, "server.log"), "w"))
    start = time.monotonic()
    stop_at = start + a.deadline
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)

        def request(method, path, body=None, cookie=None):
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            h = {"Content-Type": "application/x-www-form-urlencoded"} if body is not None else {}
            if cookie:
                h["Cookie"] = cookie
            c.request(method, path, body=body, headers=h)
            r = c.getresponse()
            data = r.read()
            c.close()
            return r.status, r.getheader("Set-Cookie") or "", r.getheader("Location") or "", data

        # Sign everyone in; learn a paragraph label from the page.
        sessions = []
        for t in tokens:
            st, cookie, _, _ = request("POST", "/signin", f"token={t}")
            assert st == 303, st
            sessions.append(cookie.split(";")[0])
        _, _, _, page = request("GET", "/version?rev=v2", cookie=sessions[0])
        labels = sorted(set(re.findall(r'name="block" value="([^"]+)"', page.decode())))
        assert labels, "no paragraph labels on the version page"

        results = {"ok": 0, "bad": []}
        lock = threading.Lock()
        import hashlib

        def reviewer(i):
            cookie = sessions[i]
            csrf = hashlib.sha256(("csrf:" + cookie.split("=", 1)[1]).encode()).hexdigest()
            for k in range(a.comments):
                if time.monotonic() > stop_at:
                    with lock:
                        results["bad"].append("deadline")
                    return
                body = urllib.parse.urlencode({"csrf": csrf, "rev": "v2", "block": labels[(i * a.comments + k) % len(labels)],
                                               "message": f"Kuormakommentti {i}-{k}"})
                try:
                    st, _, _, _ = request("POST", "/comment", body, cookie)
                except Exception as e:
                    st = repr(e)
                with lock:
                    if st == 303:
                        results["ok"] += 1
                    else:
                        results["bad"].append(st)

        done = threading.Event()
        latencies = []

        def reader():
            while not done.is_set() and time.monotonic() < stop_at:
                t0 = time.perf_counter()
                st, _, _, _ = request("GET", "/compare?from=v1&to=v2", cookie=sessions[0])
                latencies.append((time.perf_counter() - t0) * 1000)
                assert st == 200, st

        workers = [threading.Thread(target=reviewer, args=(i,)) for i in range(a.reviewers)]
        rt = threading.Thread(target=reader)
        rt.start()
        for w in workers:
            w.start()
        for w in workers:
            w.join(max(1, stop_at - time.monotonic()))
        done.set()
        rt.join(30)
        elapsed = time.monotonic() - start
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()

    expected = a.reviewers * a.comments
    files = [f for f in os.listdir(os.path.join(repo, "reviews")) if f.endswith(".jsonl")]
    whole = 0
    for f in files:
        lines = open(os.path.join(repo, "reviews", f), encoding="utf-8").read().splitlines()
        try:
            objs = [json.loads(line) for line in lines]
            whole += 1 if len(objs) == 1 else 0
        except ValueError:
            pass
    commits = int(subprocess.run(["git", "-C", repo, "rev-list", "--count", "HEAD"], capture_output=True, text=True).stdout)
    committed = int(subprocess.run(["git", "-C", repo, "ls-tree", "HEAD", "reviews/"], capture_output=True, text=True)
                    .stdout.count(".jsonl"))
    status = subprocess.run(["git", "-C", repo, "status", "--porcelain"], capture_output=True, text=True).stdout.strip()
    latencies.sort()
    p50 = latencies[len(latencies) // 2] if latencies else float("nan")
    p95 = latencies[int(len(latencies) * 0.95)] if latencies else float("nan")
    print(f"{a.reviewers} reviewers x {a.comments} comments in {elapsed:.1f} s: {results['ok']} accepted, "
          f"{len(results['bad'])} failed {results['bad'][:5]}")
    print(f"threads: {len(files)} files, {whole} whole; commits: +{commits - commits_before}; in HEAD's tree: {committed}; "
          f"worktree clean: {not status}")
    print(f"comparison page under load: {len(latencies)} loads, p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    checks = [
        ("all comments accepted", results["ok"] == expected),
        ("one thread file per comment", len(files) == expected and whole == expected),
        ("one commit per comment", commits - commits_before == expected and committed == expected),
        ("working tree clean", not status),
        (f"comparison p95 < {a.p95_ms:.0f} ms", p95 < a.p95_ms),
    ]
    for name, ok in checks:
        print(("ok   " if ok else "FAIL ") + name)
    shutil.rmtree(work, ignore_errors=True)
    failed = sum(1 for _, ok in checks if not ok)
    print(f"{len(checks) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
