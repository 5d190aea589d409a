#!/usr/bin/env python3
"""Regenerates reviews/: realistic consultation comments on v1 of the sample drafts.

Runs the built `redline` on a fresh demo repository (so anchors carry the demo's v1
commit), adds each comment with `redline comment add`, resolves some at v2 with a
disposition, then sets the event times to the real consultation calendar and copies the
thread files into reviews/. Run after editing drafts/:  python3 scripts/sample_reviews.py
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timezone, timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REDLINE = os.environ.get("REDLINE", os.path.join(ROOT, ".build/debug/redline"))
HELSINKI = timezone(timedelta(hours=3))

# (block on v1, author, comment, time, resolution or None, replies)
# resolution = (disposition, reason, resolver)
COMMENTS = [
    ("§3.1 ¶1", "Etelä-Savon liitto <kirjaamo@esavo.example>",
     "Elinympäristön laatu on tärkeä, mutta painopisteen nimi ei kerro, että kyse on myös alueiden vetovoimasta. "
     "Ehdotamme nimeksi ”Vetovoimainen elinympäristö ja monimuotoinen luonto”.",
     "2023-10-24T10:12", ("accepted", "Painopiste nimettiin ehdotuksen mukaisesti ja siirrettiin kolmanneksi.", "Mikko Korhonen <mikko.korhonen@tem.example>"), []),
    ("§5 ¶7", "Suomen Kylät ry <toimisto@kylat.example>",
     "Osallisuus on säilytettävä omana edellytyksenään. Ilman sitä kylien ja järjestöjen rooli jää päätöksessä näkymättömiin.",
     "2023-10-27T14:40", ("not_accepted", "Erillisistä edellytyksistä luovuttiin; osallisuutta käsitellään painopisteessä 3.2 (kohta 3.2.2).", "Mikko Korhonen <mikko.korhonen@tem.example>"), []),
    ("§5 ¶5", "Pohjois-Karjalan liitto <kirjaamo@pohjois-karjala.example>",
     "Työllisyys tulee nostaa esiin työvoiman saatavuuden rinnalla, erityisesti TE-palvelujen siirtyessä kunnille.",
     "2023-10-30T09:05", ("accepted", "Edellytys on nyt ”työvoiman saatavuus ja työllisyys”, ja sille on oma alaluku 5.2.", "Liisa Virtanen <liisa.virtanen@tem.example>"), []),
    ("§4.1 ¶4", "Etelä-Karjalan liitto <kirjaamo@ekarjala.example>",
     "Itärajan sulkeminen on pysyvä muutos, ei tilapäinen rajoitus. Tekstin pitää kuvata tilannetta sen mukaisesti, "
     "ja Itä-Suomen asema kuuluu toimintaympäristön kuvaukseen.", "2023-11-01T16:20", None, []),
    ("§3 ¶1", "Kuntaliitto <kirjaamo@kuntaliitto.example>",
     "Painopisteiden järjestys on viesti siitä, mitä valtio pitää tärkeimpänä. Kestävä elinvoima ja investoinnit kuuluvat ensimmäiseksi.",
     "2023-11-02T11:30", ("accepted", "Järjestystä muutettiin: kestävä elinvoima ja investoinnit on nyt ensimmäinen painopiste.", "Liisa Virtanen <liisa.virtanen@tem.example>"), []),
    ("§4.3 ¶3", "Österbottens förbund <registrator@obotnia.example>",
     "Det är bra att de tvåspråkiga regionerna nämns. Vi önskar att service och utbildning på svenska nämns uttryckligen.",
     "2023-11-03T13:15", ("partly_accepted", "Kaksikielisyys mainitaan alueperustaisuuden yhteydessä; koulutusta koskeva kirjaus jätettiin maakuntaohjelmiin.", "Mikko Korhonen <mikko.korhonen@tem.example>"), []),
    ("§1.2 ¶7", "Ympäristöministeriö <kirjaamo@ym.example>",
     "Luetteloon tulee lisätä kansallinen ilmasto- ja energiastrategia.", "2023-11-06T08:50",
     ("accepted", "Strategia lisättiin luetteloon.", "Liisa Virtanen <liisa.virtanen@tem.example>"), []),
    ("§2.2 ¶5", "Elinkeinoelämän keskusliitto <info@ek.example>",
     "Työperäinen maahanmuutto on mainittava keinona ratkaista työvoimapulaa, ei vain taustatekijänä.", "2023-11-07T15:05", None, []),
    ("§6 ¶4", "Aino Arvioija (AUNE) <aino.arvioija@aune.example>",
     "Seurannalle tarvitaan sovitut indikaattorit, muuten neuvottelukunta ei voi arvioida toimeenpanoa.", "2023-11-08T10:00",
     ("accepted", "Päätökseen lisättiin luku 7 Seuranta ja indikaattorit.", "Mikko Korhonen <mikko.korhonen@tem.example>"), []),
    ("§#2 ¶6", "Svenska Finlands folkting <info@folktinget.example>",
     "Sammanfattningen och hela beslutet bör publiceras samtidigt på svenska.", "2023-11-09T12:45",
     ("noted", "Päätös käännetään ruotsiksi ennen valtioneuvoston käsittelyä.", "Liisa Virtanen <liisa.virtanen@tem.example>"), []),
    ("§3.2 ¶5", "Turun kaupunki <kirjaamo@turku.example>",
     "Kotoutumisen tukeminen on kirjattava konkreettisemmin: kielikoulutus, asuminen ja puolisoiden työllistyminen.",
     "2023-11-10T09:20", None,
     [("Liisa Virtanen <liisa.virtanen@tem.example>", "Kiitos, tarkennetaan kotoutumista toisessa versiossa kohdassa 3.2.", "2023-11-14T13:00")]),
    ("§3.1.2 ¶4", "Bo Björk (AUNE) <bo.bjork@aune.example>",
     "Monipaikkaisuus är ett bra tillägg. Texten kan stå kvar som den är.", "2023-11-10T15:35", None, []),
]


def run(*args, cwd=None):
    r = subprocess.run([REDLINE, *args], cwd=cwd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"redline {' '.join(args)} failed: {r.stderr.strip()}")
    return r.stdout


def ts(s):
    return int(datetime.strptime(s, "%Y-%m-%dT%H:%M").replace(tzinfo=HELSINKI).timestamp())


def main():
    tmp = tempfile.mkdtemp()
    repo = os.path.join(tmp, "demo")
    run("demo", "--drafts", os.path.join(ROOT, "drafts"), "--into", repo, "--no-reviews")
    times = {}
    for block, author, text, when, resolution, replies in COMMENTS:
        tid = run("comment", "add", "v1", "--block", block, "--author", author, "-m", text, "--repo", repo).split()[0]
        times[tid] = [ts(when)]
        for who, body, at in replies:
            run("comment", "reply", tid, "--author", who, "-m", body, "--repo", repo)
            times[tid].append(ts(at))
        if resolution:
            disp, reason, who = resolution
            run("comment", "resolve", tid, "--disposition", disp, "--reason", reason, "--author", who, "--at", "v2", "--repo", repo)
            times[tid].append(ts("2023-11-27T15:00"))
    out = os.path.join(ROOT, "reviews")
    for f in os.listdir(out):
        if f.endswith(".jsonl"):
            os.remove(os.path.join(out, f))
    for tid, stamps in times.items():
        lines = open(os.path.join(repo, "reviews", tid + ".jsonl"), encoding="utf-8").read().splitlines()
        fixed = []
        for line, t in zip(lines, stamps):
            obj = json.loads(line)
            obj["time"] = t
            fixed.append(json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":")))
        with open(os.path.join(out, tid + ".jsonl"), "w", encoding="utf-8") as f:
            f.write("\n".join(fixed) + "\n")
    shutil.copy(os.path.join(repo, "reviews", ".gitattributes"), os.path.join(out, ".gitattributes"))
    shutil.rmtree(tmp)
    print(f"wrote {len(times)} threads to reviews/")


if __name__ == "__main__":
    main()
