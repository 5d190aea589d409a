#!/usr/bin/env python3
"""Prints the benchmark table from results.tsv (and callgrind.tsv): medians, ratios to git's
word diff, to git's histogram diff, to the line floor and to Python difflib, peak memory,
output size, instruction counts, and which targets of issue 7/8 (performance.md) are met."""
import sys
from collections import defaultdict

rows = defaultdict(dict)
order = []
for line in open(sys.argv[1], encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    name, tool, median, rss, size = f[:5]
    out = int(f[5]) if len(f) > 5 and f[5] else 0
    if name not in order:
        order.append(name)
    rows[name][tool] = (float(median), int(rss) / 1024, int(size), out)

def t(name, tool="redline"):
    return rows.get(name, {}).get(tool, (None,))[0]

print("| pair | redline json s | json, changes only s | redline --stat s | git word-diff s | git histogram s "
      "| floor-lines s | difflib s | json × git wd | changes only × git wd | stat × git wd | × floor | × difflib "
      "| peak MB redline / git | output MB redline / changes only / git |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for name in order:
    r = rows[name]
    g = lambda k: r.get(k, (float("nan"), 0, 0, 0))
    ours, ch, st, gw, gh, fl, dl = (g(k)[0] for k in (
        "redline", "redline-changes", "redline-stat", "git-word-diff", "git-histogram", "floor-lines", "difflib"))
    print(f"| {name} | {ours:.3f} | {ch:.3f} | {st:.3f} | {gw:.3f} | {gh:.3f} | {fl:.4f} | {dl:.3f} | {ours / gw:.2f} "
          f"| {ch / gw:.2f} | {st / gw:.2f} | {ours / fl:.1f} | {ours / dl:.2f} "
          f"| {g('redline')[1]:.0f} / {g('git-word-diff')[1]:.0f} "
          f"| {g('redline')[3] / 1e6:.1f} / {g('redline-changes')[3] / 1e6:.1f} / {g('git-word-diff')[3] / 1e6:.1f} |")
print()
print("json, changes only: `diff --format json --context 0 --compact` (the changed blocks, no unchanged")
print("text, one line), as git's word diff writes only the changes; json: the contract's default,")
print("every block of both versions in full.")

floor = {}
if len(sys.argv) > 3:
    for line in open(sys.argv[3], encoding="utf-8"):
        k, v = line.rstrip("\n").split("\t")
        if v:
            floor[k] = int(v) / 1024

print()
def verdict(ok):
    return "met" if ok else "NOT met"
for name in ("5MB", "20MB"):
    if t(name):
        x = t(name) / t(name, "git-word-diff")
        print(f"- json {name}: {x:.2f}× git word diff (target ≤ 1.0: {verdict(x <= 1.0)}; beyond: ≤ 0.5)")
        if t(name, "redline-changes"):
            c = t(name, "redline-changes") / t(name, "git-word-diff")
            print(f"  - changes only (--context 0 --compact): {c:.2f}× ({verdict(c <= 1.0)})")
        s = t(name, "redline-stat") / t(name, "git-word-diff")
        print(f"- --stat {name}: {s:.2f}× git word diff (target ≤ 0.6: {verdict(s <= 0.6)})")
        m = rows[name]["redline"][1] / rows[name]["git-word-diff"][1]
        print(f"- peak memory {name}: {m:.1f}× git (target ≤ 2: {verdict(m <= 2)})")
        if floor:
            ours_above = rows[name]["redline"][1] - floor["redline"]
            git_above = rows[name]["git-word-diff"][1] - floor["git-word-diff"]
            print(f"  - above each program's floor (its peak on two empty files: redline {floor['redline']:.0f} MB, "
                  f"git {floor['git-word-diff']:.0f} MB): {ours_above:.0f} MB / {git_above:.0f} MB = "
                  f"{ours_above / git_above:.1f}×")
if t("5MB") and t("20MB"):
    x = t("20MB") / t("5MB")
    print(f"- scaling 5MB → 20MB: {x:.2f} (target ≤ 4.5: {verdict(x <= 4.5)})")

if len(sys.argv) > 2:
    ir = {}
    for line in open(sys.argv[2], encoding="utf-8"):
        k, v = line.rstrip("\n").split("\t")
        ir[k] = int(v or 0)
    if ir:
        print()
        print("| 5 MB pair, callgrind | instructions (millions) | × git word diff |")
        print("|---|---:|---:|")
        base = ir.get("git-word-diff") or 1
        for k, v in ir.items():
            print(f"| {k} | {v / 1e6:,.0f} | {v / base:.2f} |")
