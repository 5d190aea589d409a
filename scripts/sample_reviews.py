#!/usr/bin/env python3
"""Regenerates reviews/: realistic consultation comments on v1 of the sample drafts.

The comments are scripts/sample_reviews.json.
Runs the built `redline` on a fresh demo repository (so anchors carry the demo's v1
commit), adds each comment with `redline comment add`, resolves some at v2 with a
disposition, then sets the event times to the real consultation calendar and copies the
thread files into reviews/. Run after editing drafts/:  python3 scripts/sample_reviews.py
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timezone, timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REDLINE = os.environ.get("REDLINE", os.path.join(ROOT, ".build/debug/redline"))
HELSINKI = timezone(timedelta(hours=3))

# The consultation comments, in the order they are added: each on a block of v1, with its
# author and time, its replies, and the resolution at v2 if it has one. Data, kept apart
# from the script so the wording can be edited without touching code.
COMMENTS = os.path.join(ROOT, "scripts", "sample_reviews.json")


def run(*args, cwd=None):
    r = subprocess.run([REDLINE, *args], cwd=cwd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"redline {' '.join(args)} failed: {r.stderr.strip()}")
    return r.stdout


def ts(s):
    return int(datetime.strptime(s, "%Y-%m-%dT%H:%M").replace(tzinfo=HELSINKI).timestamp())


def main():
    tmp = tempfile.mkdtemp()
    repo = os.path.join(tmp, "demo")
    run("demo", "--drafts", os.path.join(ROOT, "drafts"), "--into", repo, "--no-reviews")
    times = {}
    with open(COMMENTS, encoding="utf-8") as f:
        comments = json.load(f)
    for c in comments:
        tid = run("comment", "add", "v1", "--block", c["block"], "--author", c["author"], "-m", c["comment"],
                  "--repo", repo).split()[0]
        times[tid] = [ts(c["time"])]
        for r in c.get("replies", []):
            run("comment", "reply", tid, "--author", r["author"], "-m", r["reply"], "--repo", repo)
            times[tid].append(ts(r["time"]))
        if "resolution" in c:
            r = c["resolution"]
            run("comment", "resolve", tid, "--disposition", r["disposition"], "--reason", r["reason"],
                "--author", r["by"], "--at", "v2", "--repo", repo)
            times[tid].append(ts("2023-11-27T15:00"))
    out = os.path.join(ROOT, "reviews")
    for f in os.listdir(out):
        if f.endswith(".jsonl"):
            os.remove(os.path.join(out, f))
    for tid, stamps in times.items():
        lines = open(os.path.join(repo, "reviews", tid + ".jsonl"), encoding="utf-8").read().splitlines()
        fixed = []
        for line, t in zip(lines, stamps):
            obj = json.loads(line)
            obj["time"] = t
            fixed.append(json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":")))
        with open(os.path.join(out, tid + ".jsonl"), "w", encoding="utf-8") as f:
            f.write("\n".join(fixed) + "\n")
    shutil.copy(os.path.join(repo, "reviews", ".gitattributes"), os.path.join(out, ".gitattributes"))
    shutil.rmtree(tmp)
    print(f"wrote {len(times)} threads to reviews/")


if __name__ == "__main__":
    main()
