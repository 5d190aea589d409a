#!/usr/bin/env bash
# Sourced by bench/history.sh and bench/blame.sh (not run on its own): the generated
# drafts repository both workloads time, made one way.

# make_drafts_repo DIR SIZE COMMITS [base]: DIR becomes a git repository whose paatos.md is a
# SIZE draft from bench/gen_drafts.py (seed 11) followed by COMMITS commits of its edit mix.
# With "base", the history starts with an empty commit and v0 is tagged `base` (the review
# workload anchors its threads there).
make_drafts_repo() {
  local repo=$1 size=$2 commits=$3 base=${4:-}
  rm -rf "$repo"; mkdir -p "$repo"
  python3 bench/gen_drafts.py --size "$size" --seed 11 --versions "$commits" --scale 0.1 \
    --old "$repo/v0.md" --new "$repo/v" >/dev/null
  (
    cd "$repo"
    git init -q -b main
    [ -z "$base" ] || git -c user.name=Bench -c user.email=b@x commit -q --allow-empty -m init
    mv v0.md paatos.md; git add paatos.md
    GIT_AUTHOR_DATE="2023-10-01T10:00:00" GIT_COMMITTER_DATE="2023-10-01T10:00:00" \
      git -c user.name=Bench -c user.email=b@x commit -q -m "v0"
    [ -z "$base" ] || git tag base
    for v in $(seq 1 "$commits"); do
      mv "v.$v" paatos.md
      GIT_AUTHOR_DATE="2023-10-02T10:00:00" GIT_COMMITTER_DATE="2023-10-02T10:00:00" \
        git -c user.name=Bench -c user.email=b@x commit -q -am "v$v"
    done
    git gc -q
  )
}
