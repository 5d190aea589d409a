#!/usr/bin/env bash
# Checks that two redline binaries (e.g. before and after a speed change) print byte-identical
# output on the vendored corpus pairs and on generated pairs (plain, heavy edits, hard-wrapped,
# and a variant with CRLF, NBSP, ZWSP, tabs, double spaces and NFD letters), in every format,
# and JSON written to a file with -o.
#   bench/same-output.sh OLD_BINARY NEW_BINARY
set -euo pipefail
cd "$(dirname "$0")/.."
old=$1 new=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
g="python3 bench/gen_drafts.py --size 1MB"
$g --seed 42 --old "$tmp/plain-old.md" --new "$tmp/plain-new.md" >/dev/null
$g --seed 7 --edit 0.5 --delete 0.05 --insert 0.05 --move 0.2 --move-sections 10 --rename-sections 20 \
  --old "$tmp/heavy-old.md" --new "$tmp/heavy-new.md" >/dev/null
$g --seed 9 --wrap 80 --old "$tmp/wrap-old.md" --new "$tmp/wrap-new.md" >/dev/null
python3 - "$tmp" <<'PY'
import random, sys
d = sys.argv[1]; r = random.Random(3)
for side in ("old", "new"):
    s = open(f"{d}/plain-{side}.md", encoding="utf-8").read()
    out = []
    for ch in s:
        if ch == " " and r.random() < 0.01: out.append(r.choice(["\u00a0", "\u200b ", "  ", "\t", "\u202f"]))
        elif ch == "ä" and r.random() < 0.05: out.append("a\u0308")
        elif ch == "\n" and r.random() < 0.3: out.append("\r\n")
        else: out.append(ch)
    open(f"{d}/mixed-{side}.md", "w", encoding="utf-8", newline="").write("".join(out))
PY
pairs=()
for n in plain heavy wrap mixed; do pairs+=("$tmp/$n-old.md|$tmp/$n-new.md"); done
for f in gesetze sfs; do
  while IFS=$'\t' read -r _ a b _; do pairs+=("Tests/Corpus/$f/$a|Tests/Corpus/$f/$b"); done < <(tail -n +2 "Tests/Corpus/$f/manifest.tsv")
done
fail=0
for p in "${pairs[@]}"; do
  a=${p%%|*} b=${p#*|}
  for fmt in "--stat" "--format json" "--format markdown" "--format html" ""; do
    # shellcheck disable=SC2086
    if ! cmp -s <("$old" diff $fmt --files "$a" "$b" 2>&1) <("$new" diff $fmt --files "$a" "$b" 2>&1); then
      echo "differs: $fmt $a $b"; fail=1
    fi
  done
  # JSON written to a file (-o) goes through the whole-document writer, not the stream.
  "$old" diff --format json --files "$a" "$b" -o "$tmp/old.json" 2>/dev/null || true
  "$new" diff --format json --files "$a" "$b" -o "$tmp/new.json" 2>/dev/null || true
  if ! cmp -s "$tmp/old.json" "$tmp/new.json"; then echo "differs: -o json $a $b"; fail=1; fi
  rm -f "$tmp/old.json" "$tmp/new.json"
done
[ $fail = 0 ] && echo "same output on ${#pairs[@]} pairs in 5 formats and in a JSON file"
exit $fail
