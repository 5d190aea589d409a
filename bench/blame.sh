#!/usr/bin/env bash
# The blame workload: a SIZE generated draft with COMMITS commits of edits (the same
# generator and mix as bench/history.sh). Times `redline blame HEAD --format json` next to
# `git blame -M` on the same file, in one run, and prints medians, the ratio and peak memory.
# Usage: bench/blame.sh   (env: SIZE=5MB COMMITS=50 RUNS=3 OUT=bench/out)
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH=$(pwd)/bench
. bench/drafts.sh
OUT=${OUT:-bench/out}; SIZE=${SIZE:-5MB}; COMMITS=${COMMITS:-50}
REDLINE=$(realpath "${REDLINE:-.build/release/redline}")
[ -x "$REDLINE" ] || { echo "bench: build first: swift build -c release --product redline"; exit 2; }
for tool in /usr/bin/time git python3; do
  command -v "$tool" >/dev/null || { echo "bench: '$tool' is missing (apt-get install time git python3)"; exit 2; }
done
mkdir -p "$OUT"
repo="$OUT/blame-$SIZE-$COMMITS"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
if [ ! -d "$repo/.git" ]; then
  make_drafts_repo "$repo" "$SIZE" "$COMMITS"
fi
cd "$repo"
redline="$REDLINE blame HEAD paatos.md --format json"
gitblame="git blame -M paatos.md"
python3 "$BENCH/interleave.py" "${RUNS:-3}" ../blame.json "$redline" "$gitblame"
: > ../blame-rss
for c in "$redline" "$gitblame"; do
  /usr/bin/time -f "%M" -o ../rss $c >/dev/null 2>&1 || true
  tail -1 ../rss >> ../blame-rss
done
python3 - ../blame.json ../blame-rss "$(stat -c %s paatos.md)" "$COMMITS" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
rss = [int(x) for x in open(sys.argv[2]).read().split()]
print(f"blame on a {int(sys.argv[3]) / 1e6:.1f} MB draft with {sys.argv[4]} commits")
print("| command | median s | × git blame -M | peak MB |")
print("|---|---:|---:|---:|")
base = r[1]["median"]
for x, m in zip(r, rss):
    cmd = x["command"].split("/")[-1] if x["command"].startswith("/") else x["command"]
    print(f"| `{cmd}` | {x['median']:.3f} | {x['median'] / base:.2f} | {m / 1024:.0f} |")
PY
"$REDLINE" blame HEAD paatos.md --format json | python3 -c "
import json,sys,collections
d=json.load(sys.stdin); c=collections.Counter(b['version'] for b in d['blocks'])
print('blocks:', len(d['blocks']), 'versions:', len(d['versions']), 'blocks last changed in the first version:', c.get(0, 0))"
