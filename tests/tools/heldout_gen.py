# ruff: noqa  -- a one-off generator of test data, kept beside the pages it wrote; not part of the code
"""Build a held-out set's pages + gold from its marked-up sources (tests/heldout2/src/*.src, tests/heldout3/src/*.src).
Marker: [[span|value|unit|smin|smax|topic|years|mod|opts]]; opts: b= bound, m= measure,
reg=name:adcode|null, area=. Header keys: reg, meta (sidecar), encoding, lines (every line ends a
sentence). Gold rows carry char_start/char_end: offsets of the span in the decoded .txt.

    /work/main/.venv/bin/python tests/heldoutN/src/gen.py [SRC ...]   # default: every src/*.src

Shared by the sets (each set's src/gen.py calls :func:`run` with its folder); heldout2's sources use
no {{…}} directive and no "-" years, so both sets regenerate byte for byte."""

import glob
import json
import os
import re
import sys

import opencc

cc = opencc.OpenCC("t2s")
SRC = ""  # the set's src folder and the set itself: set by run()
OUT = ""
REG = {
    "香港": ("香港特别行政区", "810000"),
    "澳门": ("澳门特别行政区", "820000"),
    "台湾": ("台湾省", "710000"),
}
PRE = [
    ("大约", "approx"),
    ("将近", "approx"),
    ("不超过", "at_most"),
    ("超过", "at_least"),
    ("突破", "at_least"),
    ("至少", "at_least"),
    ("不到", "at_most"),
    ("不足", "at_most"),
    ("最多", "at_most"),
    ("近", "approx"),
    ("约", "approx"),
    ("超", "at_least"),
    ("逾", "at_least"),
    ("上", "at_least"),
]
SUF = [
    ("以上", "at_least"),
    ("以下", "at_most"),
    ("以内", "at_most"),
    ("左右", "approx"),
    ("上下", "approx"),
    ("余", "at_least"),
    ("多", "at_least"),
    ("来", "approx"),
]
FW = {ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９％"}
# the first two pages (session 5) were built with full-width ．，： folded everywhere; pages from
# session 6 set "fold_punct": false and fold them only between digits, as the normaliser does
FW_OLD = {ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９％．，："}
FOLD_PUNCT = [True]


def norm(s):
    if FOLD_PUNCT[0]:
        return cc.convert(s).translate(FW_OLD)
    s = re.sub("(?<=[0-9０-９])[．，](?=[0-9０-９])", lambda m: {"．": ".", "，": ","}[m.group(0)], s)
    return cc.convert(s).translate(FW)


def bound(span):
    for w, b in PRE:
        if span.startswith(w):
            return b
    for w, b in SUF:
        if span.endswith(w) or re.search("[0-9一二三四五六七八九十百千万亿]" + w, span):
            return b
    return "exact"


def build(path):
    name = os.path.basename(path)[:-4]
    raw = open(path, encoding="utf-8").read()
    head, body = raw.split("\n===\n", 1)
    hdr = json.loads(head)
    FOLD_PUNCT[0] = hdr.get("fold_punct", True)
    text, marks, pos = [], [], 0
    cur = {}
    for m in re.finditer(r"\{\{(.*?)\}\}\n?|\[\[(.*?)\]\]|([^\[{]+|\[|\{)", body, re.S):
        if m.group(1) is not None:
            # a zero-width directive: {{reg=name:code}} / {{area=...}} sets the default for later marks
            k, _, v = m.group(1).partition("=")
            cur[k] = v
            continue
        if m.group(2) is not None:
            f = m.group(2).split("|")
            f = (
                f[:8]
                + [f"{k}={v}" for k, v in cur.items() if not any(o.startswith(k + "=") for o in f[8:])]
                + f[8:]
            )
            marks.append((pos, f))
            text.append(f[0])
            pos += len(f[0])
        else:
            text.append(m.group(3))
            pos += len(m.group(3))
    page = "".join(text)
    ntext = norm(page)
    assert len(ntext) == len(page), name
    # sentence spans in page coords
    seps = []
    start = 0
    for i, ch in enumerate(ntext):
        if ch in "。！？；" or (
            ch == "\n" and (ntext[i + 1 : i + 2] == "\n" or ntext[i - 1 : i] == "\n" or hdr.get("lines"))
        ):
            seps.append((start, i + 1))
            start = i + 1
    seps.append((start, len(ntext)))
    region = hdr.get("region")
    gold, facts = [], []
    for p, f in marks:
        span, val, unit, smin, smax, topic, years, mod = f[:8]
        opts = dict(o.split("=", 1) for o in f[8:] if o)
        nspan = norm(span)
        s = next(ntext[a:b] for a, b in seps if a <= p < b)
        sent = s.replace("\n", "").strip()
        assert nspan in sent, (name, nspan, sent)
        if "~" in val:
            lo, hi = map(float, val.split("~"))
            v = lo
        else:
            v = lo = hi = float(val)
        b = opts.get("b") or bound(nspan)
        row = {
            "file": name + ".txt",
            "text": nspan,
            "value": v,
            "low": lo,
            "high": hi,
            "unit": unit,
            "bound": b,
            "sentence": sent,
        }
        if not FOLD_PUNCT[0]:
            row["char_start"], row["char_end"] = p, p + len(span)
            assert norm(page[p : p + len(span)]) == nspan
        gold.append(row)
        smin = None if smin == "-" else norm(smin)
        smax = smin if smax == "=" else (None if smax == "-" else norm(smax))
        if smin and smax:
            assert smin in smax, (name, smin, smax)
        if years and years != "-":
            a, _, c = years.partition("-")
            yf = int(a)
            yt = int(c or a)
        else:
            yf = yt = None
        rg = opts.get("reg", hdr.get("reg", ""))
        if rg == "null":
            rname = rcode = None
        else:
            rname, rcode = rg.split(":")
        fr = dict(
            row,
            subject_min=smin,
            subject_max=smax,
            measure=opts.get("m"),
            topic=topic,
            year_from=yf,
            year_to=yt,
            modality={"a": "actual", "t": "target"}[mod],
            region=rname,
            adcode=rcode,
            area=opts.get("area") or None,
            subject=smax,
        )
        facts.append(fr)
    enc = hdr.get("encoding", "utf-8")
    open(f"{OUT}/{name}.txt", "wb").write(page.encode(enc))
    if "meta" in hdr:
        open(f"{OUT}/{name}.meta.json", "w").write(json.dumps(hdr["meta"], ensure_ascii=False) + "\n")
    with open(f"{OUT}/{name}.gold.jsonl", "w") as g:
        for r in gold:
            g.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(f"{OUT}/{name}.facts.jsonl", "w") as g:
        for r in facts:
            g.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(name, len(gold))


def run(src: str, sources: list[str]) -> None:
    """Build every source of the set whose src folder is ``src`` (all of them when none is named)."""
    global SRC, OUT
    SRC, OUT = src, os.path.dirname(src)
    for p in sources or sorted(glob.glob(f"{SRC}/*.src")):
        build(p)
