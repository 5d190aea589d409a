#!/usr/bin/env python3
"""Prints the benchmark table from results.tsv: medians, ratios to git's word diff and to
the line floor, peak memory, and the scaling and robustness checks of performance.md."""
import sys
from collections import defaultdict

rows = defaultdict(dict)
order = []
for line in open(sys.argv[1], encoding="utf-8"):
    name, tool, median, rss, size = line.rstrip("\n").split("\t")
    if name not in order:
        order.append(name)
    rows[name][tool] = (float(median), int(rss) / 1024, int(size))

print("| pair | redline s | git word-diff s | git histogram s | floor-lines s | × git word-diff | × floor-lines | peak MB redline / git |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for name in order:
    r = rows[name]
    ours, gw, gh, fl = (r[t][0] for t in ("redline", "git-word-diff", "git-histogram", "floor-lines"))
    print(f"| {name} | {ours:.3f} | {gw:.3f} | {gh:.3f} | {fl:.4f} | {ours / gw:.2f} | {ours / fl:.1f} | "
          f"{r['redline'][1]:.0f} / {r['git-word-diff'][1]:.0f} |")

def t(name, tool="redline"):
    return rows.get(name, {}).get(tool, (None,))[0]

print()
if t("5MB") and t("20MB"):
    print(f"- scaling 5MB → 20MB (P6, goal ≤ 4.4): {t('20MB') / t('5MB'):.2f}")
for goal, name in (("P1", "5MB"), ("P1", "20MB"), ("P5", "heavy-5MB"), ("P7", "wrap-5MB")):
    if t(name):
        print(f"- {goal} {name}: {t(name) / t(name, 'git-word-diff'):.2f}× git word diff (goal ≤ 0.8)")
if t("heavy-5MB") and t("5MB"):
    print(f"- P5 heavy/default: {t('heavy-5MB') / t('5MB'):.2f} (goal ≤ 2.5)")
if t("20MB"):
    print(f"- P3 20MB: {t('20MB') / t('20MB', 'floor-lines'):.1f}× floor-lines (goal ≤ 1.8)")
    print(f"- M1 20MB peak: {rows['20MB']['redline'][1]:.0f} MB vs git {rows['20MB']['git-word-diff'][1]:.0f} MB")
