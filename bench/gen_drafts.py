#!/usr/bin/env python3
"""Redline's benchmark workload: long Finnish-like drafts and an edited second version.

Deterministic by --seed (Python's random.Random only). The first version has numbered
headings on three levels (# 3, ## 3.2, ### 3.2.1), paragraphs of 40-120 words, bullet
lists after some paragraphs, words with ä/ö/å and long compounds. The second version
applies a controlled edit mix, as fractions of blocks (paragraphs + list items):
--edit (1-3 word edits inside a block), --delete, --insert, --move (a paragraph moved
to another section), plus --rename-sections N and --move-sections N (a level-2 section
with its subsections moved elsewhere; headings renumbered as an author would).
--wrap N hard-wraps paragraphs at N columns. --stats prints the edit counts as JSON.

    python3 bench/gen_drafts.py --size 5MB --seed 42 --old old.md --new new.md
"""
import argparse
import json
import random

SYLLABLES_FRONT = ["ä", "ö", "y", "e", "i"]
SYLLABLES_BACK = ["a", "o", "u", "e", "i"]
CONSONANTS = ["k", "t", "p", "s", "l", "r", "m", "n", "v", "h", "j", "d", "kk", "tt", "ss", "ll", "nn"]
FUNCTION_WORDS = ["ja", "on", "ovat", "sekä", "että", "myös", "kuten", "jotta", "mutta", "eli", "se", "ne",
                  "alueiden", "alueella", "päätös", "kehittäminen", "valtioneuvosto", "maakuntien", "Åland"]
SUFFIXES = ["", "", "n", "ssa", "lla", "sta", "ksi", "t", "en", "ien", "ineen"]


def make_vocab(rng, n):
    words = []
    for _ in range(n):
        front = rng.random() < 0.4
        vowels = SYLLABLES_FRONT if front else SYLLABLES_BACK
        w = "".join(rng.choice(CONSONANTS) + rng.choice(vowels) for _ in range(rng.randint(1, 4)))
        if rng.random() < 0.15:  # compound
            w += "".join(rng.choice(CONSONANTS) + rng.choice(vowels) for _ in range(rng.randint(2, 4)))
        words.append(w)
    return words


class Gen:
    def __init__(self, seed, vocab_size=20000):
        self.rng = random.Random(seed)
        self.vocab = make_vocab(self.rng, vocab_size)

    def word(self):
        r = self.rng.random()
        if r < 0.3:
            return self.rng.choice(FUNCTION_WORDS)
        # Zipf-like: prefer the start of the vocabulary
        i = int(len(self.vocab) * (self.rng.random() ** 3))
        return self.vocab[i] + self.rng.choice(SUFFIXES)

    def sentence(self):
        ws = [self.word() for _ in range(self.rng.randint(5, 18))]
        ws[0] = ws[0][:1].upper() + ws[0][1:]
        if self.rng.random() < 0.3:
            ws[self.rng.randrange(len(ws))] += ","
        if self.rng.random() < 0.05:
            ws.insert(self.rng.randrange(len(ws)), str(self.rng.randint(2, 2030)))
        return " ".join(ws) + self.rng.choice([".", ".", ".", "?", ":"])

    def paragraph(self):
        out = []
        n = self.rng.randint(40, 120)
        while sum(len(s.split()) for s in out) < n:
            out.append(self.sentence())
        return " ".join(out)

    def item(self):
        return " ".join(self.word() for _ in range(self.rng.randint(3, 12)))

    def title(self):
        t = " ".join(self.word() for _ in range(self.rng.randint(1, 4)))
        return t[:1].upper() + t[1:]


def build(g, target_bytes):
    """A document: list of chapters; chapter = (title, blocks, sections); section = (title, blocks, subsections)."""
    chapters = []
    size = 0

    def blocks():
        nonlocal size
        out = []
        for _ in range(g.rng.randint(2, 8)):
            p = g.paragraph()
            out.append(("p", p))
            size += len(p.encode()) + 2
            if g.rng.random() < 0.1:
                for _ in range(g.rng.randint(3, 6)):
                    it = g.item()
                    out.append(("li", it))
                    size += len(it.encode()) + 3
                size += 1  # the blank line after the list
        return out

    def title():
        # "## 12.3 Title" and the blank line after it, as render writes it.
        nonlocal size
        t = g.title()
        size += len(t.encode()) + 12
        return t

    # The size counts about every byte render writes (headings too), and is checked before each
    # section, so "1MB" is about 1,000,000 bytes (it once counted paragraphs only, and whole
    # chapters of ~115 KB at a time: 1.08 MB).
    while size < target_bytes:
        ch = [title(), blocks(), []]
        for _ in range(g.rng.randint(3, 8)):
            if ch[2] and size >= target_bytes:
                break
            sec = [title(), blocks(), []]
            for _ in range(g.rng.randint(0, 5)):
                sec[2].append([title(), blocks(), []])
            ch[2].append(sec)
        chapters.append(ch)
    return chapters


def render(chapters, wrap=0):
    out = []

    def emit_blocks(bs):
        in_list = False
        for kind, text in bs:
            if kind == "li":
                out.append("- " + text + "\n")
                in_list = True
            else:
                if in_list:
                    out.append("\n")
                in_list = False
                out.append(wrap_text(text, wrap) + "\n\n")
        if in_list:
            out.append("\n")

    out.append("# Valtioneuvoston aluekehittämispäätös (suorituskykytesti)\n\n")
    for i, ch in enumerate(chapters, 1):
        out.append(f"# {i} {ch[0]}\n\n")
        emit_blocks(ch[1])
        for j, sec in enumerate(ch[2], 1):
            out.append(f"## {i}.{j} {sec[0]}\n\n")
            emit_blocks(sec[1])
            for k, sub in enumerate(sec[2], 1):
                out.append(f"### {i}.{j}.{k} {sub[0]}\n\n")
                emit_blocks(sub[1])
    return "".join(out)


def wrap_text(text, width):
    if not width:
        return text
    lines, cur = [], ""
    for w in text.split(" "):
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    if cur:
        lines.append(cur)
    return "\n".join(lines)


def all_block_lists(chapters):
    for ch in chapters:
        yield ch[1]
        for sec in ch[2]:
            yield sec[1]
            for sub in sec[2]:
                yield sub[1]


def edit(g, chapters, a):
    import copy
    new = copy.deepcopy(chapters)
    lists = list(all_block_lists(new))
    units = [(bl, i) for bl in lists for i in range(len(bl))]
    counts = {"edit": 0, "delete": 0, "insert": 0, "move": 0, "rename_section": 0, "move_section": 0}
    n = len(units)
    for bl, i in g.rng.sample(units, int(n * a.edit)):
        kind, text = bl[i]
        ws = text.split(" ")
        for _ in range(g.rng.randint(1, 3)):
            op = g.rng.random()
            k = g.rng.randrange(len(ws))
            if op < 0.4:
                ws[k] = g.word()
            elif op < 0.6:
                ws.insert(k, g.word())
            elif op < 0.8 and len(ws) > 3:
                del ws[k]
            else:
                ws[k] = ws[k].replace("a", "ä", 1) if "a" in ws[k] else ws[k] + "n"
        bl[i] = (kind, " ".join(ws))
        counts["edit"] += 1
    # deletions (mark, then drop)
    doomed = g.rng.sample(units, int(n * a.delete))
    for bl, i in doomed:
        bl[i] = None
    counts["delete"] = len(doomed)
    moved = []
    paras = [(bl, i) for bl, i in units if bl[i] is not None and bl[i][0] == "p"]
    for bl, i in g.rng.sample(paras, min(len(paras), int(n * a.move))):
        moved.append(bl[i])
        bl[i] = None
    for bl in lists:
        bl[:] = [b for b in bl if b is not None]
    for b in moved:
        target = g.rng.choice(lists)
        target.insert(g.rng.randint(0, len(target)), b)
        counts["move"] += 1
    for _ in range(int(n * a.insert)):
        target = g.rng.choice(lists)
        target.insert(g.rng.randint(0, len(target)), ("p", g.paragraph()))
        counts["insert"] += 1
    secs = [sec for ch in new for sec in ch[2]]
    for sec in g.rng.sample(secs, min(a.rename_sections, len(secs))):
        sec[0] = g.title()
        counts["rename_section"] += 1
    for _ in range(a.move_sections):
        src = g.rng.choice([ch for ch in new if len(ch[2]) > 1])
        sec = src[2].pop(g.rng.randrange(len(src[2])))
        dst = g.rng.choice(new)
        dst[2].insert(g.rng.randint(0, len(dst[2])), sec)
        counts["move_section"] += 1
    return new, counts


def parse_size(s):
    s = s.upper()
    for suffix, mul in (("MB", 1_000_000), ("KB", 1_000)):
        if s.endswith(suffix):
            return int(float(s[: -len(suffix)]) * mul)
    return int(s)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", default="1MB")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--old", required=True)
    ap.add_argument("--new", required=True)
    ap.add_argument("--wrap", type=int, default=0)
    ap.add_argument("--edit", type=float, default=0.05)
    ap.add_argument("--delete", type=float, default=0.01)
    ap.add_argument("--insert", type=float, default=0.01)
    ap.add_argument("--move", type=float, default=0.005)
    ap.add_argument("--rename-sections", type=int, default=2)
    ap.add_argument("--move-sections", type=int, default=1)
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--versions", type=int, default=0,
                    help="history mode: write --old and N further versions NEW.1 … NEW.N, each an edit of the previous "
                         "with the mix scaled by --scale")
    ap.add_argument("--scale", type=float, default=0.1)
    a = ap.parse_args()
    g = Gen(a.seed)
    doc = build(g, parse_size(a.size))
    if a.versions:
        with open(a.old, "w", encoding="utf-8") as f:
            f.write(render(doc, a.wrap))
        import copy
        scaled = copy.copy(a)
        for k in ("edit", "delete", "insert", "move"):
            setattr(scaled, k, getattr(a, k) * a.scale)
        scaled.rename_sections = 0
        scaled.move_sections = 0
        cur = doc
        for v in range(1, a.versions + 1):
            scaled.rename_sections = 1 if v % 10 == 0 else 0
            scaled.move_sections = 1 if v % 25 == 0 else 0
            cur, _ = edit(g, cur, scaled)
            with open(f"{a.new}.{v}", "w", encoding="utf-8") as f:
                f.write(render(cur, a.wrap))
        return
    new, counts = edit(g, doc, a)
    with open(a.old, "w", encoding="utf-8") as f:
        f.write(render(doc, a.wrap))
    with open(a.new, "w", encoding="utf-8") as f:
        f.write(render(new, a.wrap))
    if a.stats:
        print(json.dumps(counts))


if __name__ == "__main__":
    main()
