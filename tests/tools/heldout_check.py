# ruff: noqa  -- a one-off checker of hand-written test data, not part of the code
"""Mechanical checks of a held-out set (tests/heldout2, tests/heldout3): every line parses; a figure's text is the normalised slice
of the decoded page at char_start:char_end (where given) and stands in its sentence; gold and facts
rows agree on the figure; topics are fact-spec codes; adcodes are in the project's division table
(transforms.enrich.regions.division_table, read from /tmp or rebuilt) with the region's name.

    PYTHONPATH=$PWD /work/main/.venv/bin/python tests/heldoutN/src/check.py"""

import glob
import json
import os
import sys

from tests.tools.heldout_gen import norm, FOLD_PUNCT

HERE = ""  # the set's folder: set by main()
TOPICS = set(
    "economy science_tech employment social_security health education housing urban transport "
    "environment rural culture_tourism public_safety governance petitions other".split()
)
FIG = ("file", "text", "value", "low", "high", "unit", "bound", "sentence")


def divisions() -> dict[str, str]:
    from transforms.enrich.regions import division_table

    return dict(division_table().select("adcode", "name").rows())


def main(here: str) -> int:
    global HERE
    HERE = here
    div = divisions()
    bad, n = [], 0
    for txt in sorted(glob.glob(f"{HERE}/*.txt")):
        name = os.path.basename(txt)[:-4]
        src = f"{HERE}/src/{name}.src"
        hdr = (
            json.loads(open(src, encoding="utf-8").read().split("\n===\n", 1)[0])
            if os.path.exists(src)
            else {}
        )
        FOLD_PUNCT[0] = hdr.get("fold_punct", True)
        raw = open(txt, "rb").read().decode(hdr.get("encoding", "utf-8"))
        flat = norm(raw).replace("\n", "")
        gold = [json.loads(l) for l in open(f"{HERE}/{name}.gold.jsonl", encoding="utf-8")]
        facts = [json.loads(l) for l in open(f"{HERE}/{name}.facts.jsonl", encoding="utf-8")]
        if os.path.exists(f"{HERE}/{name}.meta.json"):
            json.load(open(f"{HERE}/{name}.meta.json", encoding="utf-8"))
        if len(gold) != len(facts):
            bad.append((name, "gold/facts length"))
        for g, f in zip(gold, facts):
            n += 1
            w = f"{name}:{g['text']}"
            if any(g[k] != f[k] for k in FIG):
                bad.append((w, "gold != facts"))
            if g["file"] != name + ".txt":
                bad.append((w, "file"))
            if "char_start" in g and norm(raw[g["char_start"] : g["char_end"]]) != g["text"]:
                bad.append((w, "offset slice"))
            if g["text"] not in g["sentence"] or g["sentence"] not in flat:
                bad.append((w, "text/sentence not in page"))
            if not (g["value"] == g["low"] <= g["high"]):
                bad.append((w, "value/low/high"))
            if g["bound"] not in ("exact", "approx", "at_least", "at_most"):
                bad.append((w, "bound"))
            if f["topic"] not in TOPICS:
                bad.append((w, "topic " + str(f["topic"])))
            if f["modality"] not in ("actual", "target"):
                bad.append((w, "modality"))
            yf, yt = f["year_from"], f["year_to"]
            if (yf is None) != (yt is None) or (yf is not None and not (1949 < yf <= yt < 2100)):
                bad.append((w, "years"))
            if f["adcode"] is None:
                if f["region"] is not None:
                    bad.append((w, "region without adcode"))
            elif div.get(f["adcode"]) != f["region"]:
                bad.append((w, f"adcode {f['adcode']} is {div.get(f['adcode'])}, not {f['region']}"))
            smin, smax = f["subject_min"], f["subject_max"]
            if (smin is None) != (smax is None) or (smin and smin not in smax):
                bad.append((w, f"subject {smin}/{smax}"))
            elif smax and smax not in g["sentence"]:
                print("note: subject from outside the sentence", w, smax)
            if f["subject"] != smax:
                bad.append((w, "subject != subject_max"))
            if f["area"] and f["area"] not in g["sentence"]:
                bad.append((w, "area not in sentence"))
    for b in bad:
        print("BAD", *b)
    print(f"{n} figures checked, {len(bad)} problems")
    return 1 if bad else 0
