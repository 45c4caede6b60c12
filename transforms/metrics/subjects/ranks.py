"""Ranked groups (总薪资以电力业13万元最高，金融业11万元次之，餐饮业3万元最低): the figures measure
the noun before 以; the groups between 以 and each figure only say whose figure it is.

A statistics release orders groups by one measure: the first clause names the measure and opens the
ranking with 以, and the clauses after it give a group, its figure and a rank word (次之, 最低). Each
of those figures counts the measure; the group is the figure's breakdown, not its subject.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from transforms.lexicon import words
from transforms.metrics.subjects.before import _before
from transforms.metrics.subjects.spans import Fact, Span

_STOPS = "，,；;。！!？?：:"
_SETS = ("中", "里", "内", "之中")  # 六都中, 各区中: the groups ranked, not the measure


@lru_cache(maxsize=1)
def _rank_words() -> re.Pattern[str]:
    ranks = sorted(words("subject_rank_words.txt"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, ranks)))


def _clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    lo = start
    while lo > 0 and sentence[lo - 1] not in _STOPS:
        lo -= 1
    hi = end
    while hi < len(sentence) and sentence[hi] not in _STOPS:
        hi += 1
    return lo, hi


def _ranked(sentence: str, sp: Span) -> tuple[int, int] | None:
    """The figure's clause when the figure closes it on a rank word (…13万元|最高), else None."""
    lo, hi = _clause_bounds(sentence, sp.start, sp.end)
    rank = _rank_words().match(sentence, sp.end)
    return (lo, hi) if rank and rank.end() == hi else None


def _ranked_groups(sentence: str, spans: Sequence[Span], out: list[Fact]) -> list[Fact]:
    """``out`` with the figures of a ranking given the measure the ranking's 以 clause names."""
    if "以" not in sentence or not _rank_words().search(sentence):
        return out
    out = list(out)
    measure: str | None = None
    last_hi = -1
    for k, sp in enumerate(spans):
        bounds = _ranked(sentence, sp)
        if bounds is None:
            if last_hi >= 0 and sp.start > last_hi:
                measure = None  # the ranking is over once a clause gives no rank
            continue
        lo, hi = bounds
        opener = sentence.rfind("以", lo, sp.start)
        if opener > lo:
            # 1至8月总薪资|以…: the measure is the noun phrase before 以, when a group stands between
            # 以 and the figure (新北市|以12.83倍居次: the group before 以) and the phrase is no set of
            # groups (六都中|以台北市房价所得比…: the measure follows the group)
            found = _before(sentence, opener, lo, False).subject if sp.start - opener > 2 else None
            measure = None if not found or found.endswith(_SETS) else found
            if measure and measure.endswith(words("subject_category_nouns.txt")):
                measure = None  # 起火原因|以电气因素387件最多: the cause is what is counted
        elif measure is None or sentence[lo - 1 : lo] not in "，,；;":
            continue
        if measure:
            out[k] = Fact(measure, out[k].measure)
        last_hi = hi
    return out
