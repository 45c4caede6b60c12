"""Re-cutting jieba's words before a subject is read: a verb glued to its object (化解矛盾|纠纷), a
one-character head left alone (收集|率), a lexicon verb cut into single characters (补|植).

The segmenter's dictionary cuts for general text; a subject needs the noun whole and the verb
apart, so the window's words are split and joined here before any phrase is read.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from itertools import pairwise

from transforms.lexicon import table
from transforms.metrics.subjects.spans import _HAN
from transforms.metrics.subjects.vocab import _is_bridge, _set
from transforms.metrics.words import Word, tag


@cache
def _stops_and_nominal_verbs() -> frozenset[str]:
    """The words :func:`_join_singles` keeps apart, made once (the union cost 8 us per metric)."""
    return _set("subject_stops.txt") | _set("subject_nominal_verbs.txt")


@cache
def _added_nouns() -> frozenset[str]:
    """The nouns word_tags.csv adds to the dictionary whole (建设用地): cut deliberately, never split."""
    return frozenset(r["word"] for r in table("word_tags.csv") if r["tag"].startswith("n"))


def _split_stop_prefix(ws: Sequence[Word]) -> list[Word]:
    """化解矛盾|纠纷 -> 化解|矛盾|纠纷, 解决问题 -> 解决|问题: jieba glues some verbs to their object
    (not a noun word_tags.csv adds whole: 建设用地 is no 建设|用地)."""
    out: list[Word] = []
    stops = _set("subject_stops.txt")
    joined = _join_singles(_join_suffix_heads(ws), _stops_and_nominal_verbs())
    for i, w in enumerate(joined):
        stop = (  # most words have two characters: no stop can be a proper prefix of them
            next((w.text[:k] for k in (4, 3, 2) if len(w.text) > k and w.text[:k] in stops), None)
            if len(w.text) > 2
            else None
        )
        # a stop itself stays whole (盘活处置|低效产业用地), as does a verb that names the thing
        if (
            stop
            and w.text not in _set("subject_nominal_verbs.txt")
            and w.text not in stops
            and w.text not in _added_nouns()
        ):
            rest = tag(w.text[len(stop) :])
            # 交流学习|心得体会: a verb left after the stop still modifies the noun that follows
            modifier = (
                i + 1 < len(joined)
                and joined[i + 1].tag.startswith(("n", "l"))
                and rest
                and rest[0].tag == "v"
            )
            if (
                len(rest) == 1
                and len(rest[0].text) >= 2
                and (rest[0].tag.startswith(("n", "vn", "an")) or modifier)
            ):
                out += [Word(stop, "v"), rest[0]]
                continue
        out.append(w)
    return out


def _join_suffix_heads(ws: Sequence[Word]) -> list[Word]:
    """集中|收集|率 -> 集中|收集率: a one-character head jieba leaves alone joins the word before it."""
    out: list[Word] = []
    heads = _set("subject_suffix_heads.txt")
    for w in ws:
        if w.text in heads and out and _HAN.match(out[-1].text) and not _is_bridge(out[-1]):
            out[-1] = Word(out[-1].text + w.text, "n")
        else:
            out.append(w)
    return out


def _join_singles(ws: Sequence[Word], stops: frozenset[str]) -> Sequence[Word]:
    """补|植 -> 补植, 促|办 -> 促办: a lexicon verb jieba's dictionary lacks comes out as single
    characters; two of them that spell a stop word are that word."""
    if not any(len(a.text) == 1 and len(b.text) == 1 for a, b in pairwise(ws)):
        return ws
    out: list[Word] = []
    i = 0
    while i < len(ws):
        if i + 1 < len(ws) and len(ws[i].text) == 1 and len(ws[i + 1].text) == 1:
            pair = ws[i].text + ws[i + 1].text
            if pair in stops and _HAN.match(pair):
                out.append(Word(pair, "v"))
                i += 2
                continue
        out.append(ws[i])
        i += 1
    return out
