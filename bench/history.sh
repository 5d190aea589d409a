#!/usr/bin/env bash
# The review workload: THREADS comment threads on a SIZE generated draft, followed through
# COMMITS commits of edits. Times `redline comments --at HEAD --format json` next to
# `git log -p --word-diff=porcelain` over the same file, and next to reading every version
# of the file through libgit2 (bench/peers/history_libgit2.c: above 1 MB libgit2 replays
# each blob's whole delta chain, so that read is the floor for any libgit2 tool), in one run.
# Usage: bench/history.sh   (env: SIZE=5MB COMMITS=50 THREADS=1000 RUNS=3 OUT=bench/out)
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH=$(pwd)/bench
. bench/drafts.sh
OUT=${OUT:-bench/out}; SIZE=${SIZE:-5MB}; COMMITS=${COMMITS:-50}; THREADS=${THREADS:-1000}
REDLINE=$(realpath "${REDLINE:-.build/release/redline}")
[ -x "$REDLINE" ] || { echo "bench: build first: swift build -c release --product redline"; exit 2; }
repo="$OUT/hist-$SIZE-$COMMITS"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
if [ ! -d "$repo/.git" ]; then
  make_drafts_repo "$repo" "$SIZE" "$COMMITS" base
  # THREADS threads on paragraphs of the base version (anchored by text; the tool finds the block).
  python3 - "$repo" "$THREADS" <<'PY'
import json, os, random, subprocess, sys
repo, n = sys.argv[1], int(sys.argv[2])
base = subprocess.run(["git", "-C", repo, "rev-parse", "base"], capture_output=True, text=True).stdout.strip()
text = subprocess.run(["git", "-C", repo, "show", "base:paatos.md"], capture_output=True, text=True).stdout
paras = [l for l in text.split("\n") if l and not l.startswith("#") and not l.startswith("- ")]
rng = random.Random(7)
os.makedirs(os.path.join(repo, "reviews"), exist_ok=True)
for k, p in enumerate(rng.sample(paras, n)):
    tid = f"b{k:07d}"
    ev = {"type": "comment", "id": tid, "time": 1696150800 + k, "author": {"name": "Arvioija", "email": "a@x"},
          "body": f"Kommentti {k}", "anchor": {"path": "paatos.md", "commit": base, "revision": "base", "section": [],
          "label": "", "index": 0, "text": p, "prefix": "", "suffix": "", "quote": None}}
    with open(os.path.join(repo, "reviews", tid + ".jsonl"), "w", encoding="utf-8") as f:
        f.write(json.dumps(ev, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n")
PY
fi
cc -O2 -o "$OUT/history_libgit2" bench/peers/history_libgit2.c -lgit2
LG2=$(realpath "$OUT/history_libgit2")
cd "$repo"
python3 "$BENCH/interleave.py" "${RUNS:-3}" "../history-$SIZE.json" \
  "$REDLINE comments --at HEAD --format json" \
  "git log -p --word-diff=porcelain -- paatos.md" \
  "git log -p -- paatos.md" \
  "$LG2 read . paatos.md" \
  "$LG2 read-nohash . paatos.md"
: > ../history-rss
for c in "$REDLINE comments --at HEAD --format json" "git log -p --word-diff=porcelain -- paatos.md"; do
  /usr/bin/time -f "%M" -o ../rss $c >/dev/null 2>&1 || true
  tail -1 ../rss >> ../history-rss
done
echo "## history: $THREADS threads, $SIZE draft ($(stat -c %s paatos.md) bytes), $COMMITS commits"
python3 - "../history-$SIZE.json" ../history-rss "$(stat -c %s paatos.md)" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
rss = [int(x) / 1024 for x in open(sys.argv[2]).read().split()]
size = int(sys.argv[3])
print("| command | median s | × git log -p --word-diff | × libgit2 read | × libgit2 read, no re-hash |")
print("|---|---:|---:|---:|---:|")
base, floor, nohash = r[1]["median"], r[3]["median"], r[4]["median"]
for x in r:
    cmd = x["command"].split("/")[-1] if x["command"].startswith("/") else x["command"]
    m = x["median"]
    print(f"| `{cmd}` | {m:.3f} | {m / base:.2f} | {m / floor:.2f} | {m / nohash:.2f} |")
ours = r[0]["median"]
print(f"\npeak memory: redline {rss[0]:.0f} MB, git log -p --word-diff {rss[1]:.0f} MB")
verdict = lambda ok: "met" if ok else "NOT met"
print(f"- ≤ 1.0× git log -p --word-diff: {ours / base:.2f} ({verdict(ours <= base)})")
above = size > 1 << 20
print(f"- the draft is {'above' if above else 'below'} libgit2's 1 MiB delta-base cache limit"
      + (f"; ≤ 1.5× the libgit2 read: {ours / floor:.2f} ({verdict(ours <= 1.5 * floor)}), "
         f"{ours / nohash:.2f} against the read without re-hashing ({verdict(ours <= 1.5 * nohash)})" if above else ""))
PY
"$REDLINE" comments --at HEAD --format json | python3 -c "
import json,sys,collections
d=json.load(sys.stdin); c=collections.Counter(t['status'] for t in d['threads'])
print('threads reported:', len(d['threads']), dict(c))"
