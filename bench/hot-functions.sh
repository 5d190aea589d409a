#!/usr/bin/env bash
# Rewrites Sources/redline/hot-functions.order: the functions that typical runs of the
# release binary execute, which the release link places side by side so that a run maps
# in fewer pages of program code (decision 73; docs/speed.md, eighth pass).
#
# The runs: `redline demo` (libgit2, every command on the sample drafts, reviews,
# summaries, HTML) and `diff --files` on two sample drafts in each output format.
# Run it after large changes (`make hot-functions`) and commit the result; a stale list
# only costs memory, never correctness.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=.build/hot-functions
rm -rf "$OUT"
mkdir -p "$OUT"
command -v valgrind >/dev/null || { echo "valgrind is needed: apt-get install valgrind" >&2; exit 2; }

# The map names symbols as callgrind does, mangled (C++ ones too). The compiler flags are
# `make release`'s (bench/release-flags), so that nothing is compiled again.
RELEASE_FLAGS=${RELEASE_FLAGS-$(bench/release-flags)}
# shellcheck disable=SC2086
swift build -c release --product redline --static-swift-stdlib $RELEASE_FLAGS \
  -Xlinker "-Map=$OUT/redline.map" -Xlinker --no-demangle
# valgrind 3.19 cannot read this toolchain's DWARF 5; the symbols are enough.
objcopy --strip-debug .build/release/redline "$OUT/redline"

old=drafts/alke-v1.md
new=drafts/alke-v2.md
runs=(
  "demo --into $OUT/demo --no-pager --color never"
  "diff --files $old $new --no-pager --color always"
  "diff --files $old $new --format json"
  "diff --files $old $new --format html"
  "diff --files $old $new --format markdown"
  "diff --files $old $new --stat --no-pager"
  "diff --files $old $new --format docx -o $OUT/diff.docx"
  "--help"
)
k=0
for r in "${runs[@]}"; do
  k=$((k + 1))
  # shellcheck disable=SC2086 # each run is a list of arguments
  valgrind --tool=callgrind --demangle=no --dump-instr=no --callgrind-out-file="$OUT/cg.$k.out" \
    "$OUT/redline" $r >/dev/null 2>"$OUT/cg.$k.log" || { echo "run failed: redline $r (see $OUT/cg.$k.log)" >&2; exit 1; }
done
python3 bench/hot_functions.py "$OUT/redline.map" "$OUT"/cg.*.out > "$OUT/order"
mv "$OUT/order" Sources/redline/hot-functions.order
# SwiftPM does not know the link reads the list: remove the binary so the next build links again.
rm -f .build/release/redline
echo "Wrote Sources/redline/hot-functions.order; the next release build links with it"
