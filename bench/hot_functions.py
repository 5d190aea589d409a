#!/usr/bin/env python3
"""Writes the symbol ordering file for the release link (decision 73).

Usage: hot_functions.py LINK_MAP CALLGRIND_OUT... > Sources/redline/hot-functions.order

LINK_MAP is lld's -Map output for the release binary, linked with --no-demangle so that
its names are the ones callgrind (--demangle=no) reports; each CALLGRIND_OUT a profile of
one run of that binary. Prints the functions of the binary's .text that ran, those most
runs share first. A function that shares its module's one `.text` with others (the
Swift standard library's internal functions, 1.6 MB) moves that whole section with it:
measured, listing them too gave a lower peak (33.0 MB at 5 MB) than leaving them out
(33.9 MB), since a run touches most of those sections anyway.
"""
import re
import sys

def text_symbols(map_path):
    """The names lld's map lists in the output section .text."""
    names = set()
    in_text = False
    for line in open(map_path, encoding="utf-8", errors="replace"):
        parts = line.split(None, 4)
        if len(parts) < 5 or not re.fullmatch(r"[0-9a-f]+", parts[0]):
            continue
        rest = parts[4].rstrip("\n")
        if rest.startswith("."):  # an output section
            in_text = rest.split()[0] == ".text"
            continue
        if in_text and ":(" not in rest:  # a symbol, not an input section (file:(name))
            names.add(rest.strip())
    return names


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
    text = text_symbols(sys.argv[1])
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
    kept = [n for n in names if n in text]
    print("# Functions a typical run executes, for the release link to place side by side")
    print("# (lld --symbol-ordering-file; decision 73). Written by bench/hot-functions.sh; do not")
    print("# edit. A name no longer in the program is skipped, so a stale list costs only memory.")
    for n in kept:
        print(n)
    print(
        f"hot functions: {len(names)} ran, {len(kept)} of them in the program's .text listed", file=sys.stderr)


if __name__ == "__main__":
    main()
