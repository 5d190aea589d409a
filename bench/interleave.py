#!/usr/bin/env python3
"""Times commands interleaved: one run of each in turn, RUNS rounds after a warm-up round,
so that a machine getting faster or slower during the benchmark moves every command alike
and the ratios hold (hyperfine runs one command's runs back to back).
Standard output and error go to /dev/null; a failing exit status is not an error (git's
word diff exits 1 when the files differ).
  bench/interleave.py RUNS OUT.json 'cmd 1' 'cmd 2' ...
OUT.json: as hyperfine's --export-json writes it, {"results": [{"command", "median",
"times"}, ...]} in the commands' order, in seconds."""
import json, os, shlex, statistics, sys, time

runs, out, commands = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
if runs < 1 or not commands:
    sys.exit("bench/interleave.py: give RUNS (1 or more), OUT.json and at least one command")
argvs = [shlex.split(c) for c in commands]
null = os.open(os.devnull, os.O_WRONLY)
actions = [(os.POSIX_SPAWN_DUP2, null, 1), (os.POSIX_SPAWN_DUP2, null, 2)]
times = [[] for _ in commands]
for turn in range(runs + 1):
    for k, argv in enumerate(argvs):
        start = time.perf_counter()
        pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
        os.waitpid(pid, 0)
        if turn > 0:
            times[k].append(time.perf_counter() - start)
with open(out, "w") as f:
    results = [{"command": c, "median": statistics.median(t), "times": t} for c, t in zip(commands, times)]
    json.dump({"results": results}, f)
