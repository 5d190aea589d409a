#!/usr/bin/env bash
# Redline's benchmark: `redline diff --format json --files` side by side with
# `git diff --no-index --word-diff=porcelain`, `git diff --no-index --histogram` and the
# read-and-hash-lines floor, on the same generated pairs, in one run. Prints medians,
# ratios and peak memory. Usage: bench/run.sh [SIZES...]   (default: 1MB 5MB 20MB)
# Also runs heavy-5MB (10x edits, 40x moves) and wrap-5MB (hard-wrapped at 80 columns),
# `redline diff --stat`, `redline diff --format json --context 0 --compact` (only the changes, as
# git's word diff writes only them), Python difflib's two-level word diff (bench/peers/peer_difflib.py),
# and, on the 5 MB pair, callgrind instruction counts of redline and git (CALLGRIND=0 skips).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-bench/out}
mkdir -p "$OUT"
for tool in /usr/bin/time cc git; do
  command -v "$tool" >/dev/null || { echo "bench: '$tool' is missing (apt-get install time gcc git)"; exit 2; }
done
REDLINE=${REDLINE:-.build/release/redline}
[ -x "$REDLINE" ] || { echo "bench: build first: swift build -c release --product redline"; exit 2; }
# How much of the hot-functions list (decision 73) the binary still holds: a list gone
# stale after large changes costs memory, never correctness (bench/hot-functions.sh).
order=Sources/redline/hot-functions.order
if command -v nm >/dev/null && [ -f "$order" ]; then
  listed=$(grep -vc '^#' "$order" || true)
  nm --defined-only --print-size "$REDLINE" > "$OUT/nm.txt"
  python3 - "$order" "$OUT/nm.txt" "$listed" <<'PY'
import sys
listed = set(l.strip() for l in open(sys.argv[1]) if l.strip() and not l.startswith("#"))
spans = []
for line in open(sys.argv[2]):
    f = line.split()
    if len(f) == 4 and f[3] in listed:
        spans.append((int(f[0], 16), int(f[1], 16), f[3]))
names = {s[2] for s in spans}
if spans:
    lo = min(a for a, _, _ in spans); hi = max(a + n for a, n, _ in spans)
    size = sum(n for _, n, _ in {(a, n, "") for a, n, _ in spans})
    print(f"hot functions: {len(names)} of the {sys.argv[3]} listed are in the binary, "
          f"{size / 1e6:.2f} MB of code within {(hi - lo) / 1e6:.2f} MB")
else:
    print(f"hot functions: none of the {sys.argv[3]} listed are in the binary")
PY
fi
cc -O2 -o "$OUT/floor" bench/floor.c
# The real interpreter, not a version-manager shim (a shim adds ~50 ms per start).
PY=$(python3 -c 'import sys; print(sys.executable)')

SIZES=${*:-1MB 5MB 20MB}
pairs=()
for s in $SIZES; do pairs+=("$s:--size $s"); done
pairs+=("heavy-5MB:--size 5MB --edit 0.5 --delete 0.05 --insert 0.05 --move 0.2 --move-sections 10 --rename-sections 20")
pairs+=("wrap-5MB:--size 5MB --wrap 80")

export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
: > "$OUT/results.tsv"
for p in "${pairs[@]}"; do
  name=${p%%:*}; args=${p#*:}
  old="$OUT/$name-old.md"; new="$OUT/$name-new.md"
  [ -f "$old" ] || python3 bench/gen_drafts.py $args --seed 42 --old "$old" --new "$new" >/dev/null
  declare -A cmds=(
    [redline]="$REDLINE diff --format json --files $old $new"
    [git-word-diff]="git diff --no-index --word-diff=porcelain $old $new"
    [git-histogram]="git diff --no-index --histogram $old $new"
    [floor-lines]="$OUT/floor $old $new"
    [redline-stat]="$REDLINE diff --stat --files $old $new"
    [redline-changes]="$REDLINE diff --format json --context 0 --compact --files $old $new"
    [difflib]="$PY bench/peers/peer_difflib.py $old $new"
  )
  tools=(redline redline-changes redline-stat git-word-diff git-histogram floor-lines difflib)
  declare -A rss=() outbytes=()
  ordered=()
  for tool in "${tools[@]}"; do
    cmd=${cmds[$tool]}
    /usr/bin/time -f "%M" -o "$OUT/rss" $cmd >/dev/null 2>/dev/null || true
    rss[$tool]=$(tail -1 "$OUT/rss")
    outbytes[$tool]=$($cmd 2>/dev/null | wc -c || true)
    ordered+=("$cmd")
  done
  # All of the pair's commands timed in turn, round after round (bench/interleave.py): the
  # machine's speed drifts by up to a fifth within minutes, and each ratio should compare
  # runs made in the same moments.
  python3 bench/interleave.py "${RUNS:-7}" "$OUT/$name-times.json" "${ordered[@]}"
  for k in "${!tools[@]}"; do
    tool=${tools[$k]}
    median=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][int(sys.argv[2])]['median'])" "$OUT/$name-times.json" "$k")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$tool" "$median" "${rss[$tool]}" "$(stat -c %s "$old")" "${outbytes[$tool]}" >> "$OUT/results.tsv"
  done
done

# Each program's memory floor: its peak on two empty files (runtime, libraries, start-up).
: > "$OUT/empty.md"
: > "$OUT/floor-rss.tsv"
for spec in "redline|$REDLINE diff --format json --files $OUT/empty.md $OUT/empty.md" \
            "git-word-diff|git diff --no-index --word-diff=porcelain $OUT/empty.md $OUT/empty.md"; do
  /usr/bin/time -f "%M" -o "$OUT/rss" ${spec#*|} >/dev/null 2>/dev/null || true
  printf '%s\t%s\n' "${spec%%|*}" "$(tail -1 "$OUT/rss")" >> "$OUT/floor-rss.tsv"
done

# Instruction counts (valgrind callgrind): repeatable whatever else the machine is doing.
: > "$OUT/callgrind.tsv"
if [ "${CALLGRIND:-1}" = 1 ] && command -v valgrind >/dev/null; then
  old="$OUT/5MB-old.md"; new="$OUT/5MB-new.md"
  if [ -f "$old" ]; then
    # valgrind 3.19 cannot read the DWARF of some linked C code: count on a copy without it.
    objcopy --strip-debug "$REDLINE" "$OUT/redline-nodebug"
    for spec in "redline-json|$OUT/redline-nodebug diff --format json --files $old $new" \
                "redline-json-changes|$OUT/redline-nodebug diff --format json --context 0 --compact --files $old $new" \
                "redline-stat|$OUT/redline-nodebug diff --stat --files $old $new" \
                "git-word-diff|git diff --no-index --word-diff=porcelain $old $new" \
                "git-stat|git diff --no-index --stat $old $new"; do
      name=${spec%%|*}; cmd=${spec#*|}
      valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.$name" $cmd >/dev/null 2>"$OUT/callgrind.$name.log" || true
      ir=$(grep -o 'Collected : [0-9]*' "$OUT/callgrind.$name.log" | grep -o '[0-9]*$' || echo 0)
      printf '%s\t%s\n' "$name" "$ir" >> "$OUT/callgrind.tsv"
    done
  fi
fi
python3 bench/report.py "$OUT/results.tsv" "$OUT/callgrind.tsv" "$OUT/floor-rss.tsv" | tee "$OUT/results.md"
