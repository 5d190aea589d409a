#!/usr/bin/env python3
"""Writes the symbol ordering file for the release link (decision 73).

Usage: hot_functions.py LINK_MAP CALLGRIND_OUT... > Sources/redline/hot-functions.order

LINK_MAP is lld's -Map output for the release binary; each CALLGRIND_OUT a callgrind
profile (--demangle=no) of one run of that binary. Prints the functions of the binary
that ran and that sit in a section of their own, those most runs share first. lld moves
whole input sections, so naming a function that shares a module's one `.text` (the
Swift standard library's internal functions, 1.6 MB) would drag all of it in.
"""
import re
import sys

def own_sections(map_path):
    """Symbol name -> True when every definition of it sits in an input section of its
    own (`.text.NAME`), False when one sits in a module's shared `.text`."""
    ok = {}
    shared = False
    in_text = False
    for line in open(map_path, encoding="utf-8", errors="replace"):
        parts = line.split(None, 4)
        if len(parts) < 5 or not re.fullmatch(r"[0-9a-f]+", parts[0]):
            continue
        rest = parts[4].rstrip("\n")
        if rest.startswith("."):  # an output section
            in_text = rest.split()[0] == ".text"
            continue
        if not in_text:
            continue
        if ":(" in rest:  # an input section: file:(name)
            shared = rest.endswith(":(.text)")
            continue
        name = rest.strip()
        if name:
            ok[name] = ok.get(name, True) and not shared
    return ok


def executed(cg_path, binary_suffix):
    """Functions of the binary that ran, in the order the profile first names them."""
    obs, fns, cur, seen, order = {}, {}, None, set(), []
    for line in open(cg_path, encoding="utf-8", errors="replace"):
        m = re.match(r"^(c?ob)=\((\d+)\)(?: (.*))?$", line)
        if m:
            if m.group(3):
                obs[m.group(2)] = m.group(3)
            if m.group(1) == "ob":
                cur = obs.get(m.group(2))
            continue
        m = re.match(r"^(c?fn)=\((\d+)\)(?: (.*))?$", line)
        if m:
            if m.group(3):
                fns[m.group(2)] = re.sub(r"'\d+$", "", m.group(3))  # callgrind's `'2` for a name seen twice
            name = fns.get(m.group(2))
            if m.group(1) == "fn" and cur and cur.endswith(binary_suffix) and name not in seen:
                seen.add(name)
                order.append(name)
    return order


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: hot_functions.py LINK_MAP CALLGRIND_OUT...")
    own = own_sections(sys.argv[1])
    # The functions most runs share (start-up, parsing, the diff) first, then those fewer
    # runs need; within each group by name, so that the list changes only where the code
    # did (the order threads first ran them in varies). A run then touches one stretch of
    # code and the part its own command adds.
    first, runs = {}, {}
    for cg in sys.argv[2:]:
        for n in executed(cg, "/redline"):
            first.setdefault(n, len(first))
            runs[n] = runs.get(n, 0) + 1
    names = sorted(first, key=lambda n: (-runs[n], n))
    kept = [n for n in names if own.get(n) is not None]
    print("# Functions a typical run executes, for the release link to place side by side")
    print("# (lld --symbol-ordering-file; decision 73). Written by bench/hot-functions.sh; do not")
    print("# edit. A name no longer in the program is skipped, so a stale list costs only memory.")
    for n in kept:
        print(n)
    print(
        f"hot functions: {len(names)} ran, {len(kept)} in sections of their own listed", file=sys.stderr)


if __name__ == "__main__":
    main()
