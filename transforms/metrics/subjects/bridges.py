"""The words between a noun and its metric (增长, 达到, 突破, 将达): the metric's measure.

Read straight off the lexicons, without segmenting, when only the verb is wanted (a noun after the
metric), and cut off the phrase's end when it is; also 每-rates and durations before a metric.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from transforms.lexicon import words
from transforms.metrics.subjects.spans import _Before
from transforms.metrics.subjects.vocab import _set
from transforms.metrics.words import Word, dictionary_tag, tag

# 每 and one unit, or a round number and a unit (每千人, 每万人), right before a metric: its rate
_RATE_TAIL = re.compile(r"(?:每[十百千万]?(?:平方米|立方米|公里|公斤|[\u4e00-\u9fff])){1,2}$")  # 每户每月


@cache
def _metric_bridges() -> re.Pattern[str]:
    """Bridge verbs a metric's own span may open with (突破3万元): two characters or more, longest
    first (one compiled alternation: this runs for every metric)."""
    found = sorted((b for b in words("subject_bridges.txt") if len(b) > 1), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, found)))


@cache
def _duration_rate() -> re.Pattern[str]:
    """每 and a unit of time of two characters or more (每小时, 每分钟) ending the window."""
    units = sorted((u for u in words("duration_units.txt") if len(u) > 1), key=len, reverse=True)
    return re.compile("每(?:" + "|".join(map(re.escape, units)) + ")$")


def _rate_tail(window: str) -> re.Match[str] | None:
    """The metric's rate right before it: 每 and one unit (每月, 每户, 每千人, 每平方米), or two of them
    (每户每月, 每校每年), or a unit of time
    of more characters (收费由|每小时|4元), never the noun measured."""
    return _RATE_TAIL.search(window) or _duration_rate().search(window)


# More or fewer than a point compared (较正常|多|约两成, 比上年|少|3个): 多/少 are the change verb there,
# though jieba tags 多 a numeral; anywhere else a 多 or 少 is left to the dictionary (多国, 多式联运)
_COMPARED_MORE = re.compile(
    r"(?:较|(?<![同环对相占])比)[^，,；;。较比]{0,7}[^，,；;。较比减增偏更最很缩稀][多少]$"
)


def _bridge_suffix(window: str) -> str:
    """The bridge words (达, 控制在, 增长) that end the window, read off the characters."""
    if _COMPARED_MORE.search(window):
        return _bridge_suffix(window[:-1]) + window[-1]
    end = len(window)
    bridges = _set("subject_bridges.txt")
    found = True
    while found:
        found = False
        for k in _lengths_all("subject_bridges.txt"):
            if k <= end and window[end - k : end] in bridges:
                end -= k
                found = True
                break
    if 0 < end < len(window) and (dictionary_tag(window[end - 1 : end + 1]) or "").startswith("v"):
        end = _verb_across(window, end)
    if end == len(window) - 1 and _noun_across(window, end):
        return ""
    return window[end:]


# Tags of a dictionary word that names a thing: a bridge character at its end is part of it
_NOUN_TAGS = frozenset({"n", "l", "nz"})


def _noun_across(window: str, end: int) -> bool:
    """The one-character bridge cut at ``end`` falls inside a noun the dictionary holds whole and that
    ends the window (违法行|为): the character is the noun's, not a bridge verb. A longer bridge is a
    verb even inside a fixed phrase (价格|上涨 of 价格上涨)."""
    lo = max(0, end - 4)
    last = tag(window[lo:])[-1]
    return (
        len(window) - len(last.text) < end
        and last.tag in _NOUN_TAGS
        and dictionary_tag(last.text) is not None
    )


def _verb_across(window: str, end: int) -> int:
    """Where the bridge cut at ``end`` moves when it splits a verb (比率|接近: 近 is a bridge, but here
    the end of 接近): the cut of the few characters around it decides, so 支出|下降 stays."""
    moved = _verb_split(window, end, 3)
    if moved != end and end > 3 and _verb_split(window, end, 6) == end:
        return end  # 房价所得比|降至: a longer word before it claims the character (所得|比降 is no verb)
    return moved


def _verb_split(window: str, end: int, back: int) -> int:
    """``_verb_across`` read on the ``back`` characters before ``end`` and the rest."""
    lo = max(0, end - back)
    at = lo
    for w in tag(window[lo:]):
        if at < end < at + len(w.text):
            return at if w.tag.startswith("v") else end
        at += len(w.text)
    return end


@cache
def _lengths_all(name: str) -> tuple[int, ...]:
    """The lengths of a lexicon's words, longest first."""
    return tuple(sorted({len(x) for x in words(name)}, reverse=True))


def _verb_before(sentence: str, start: int) -> _Before:
    """The governing verb that ends right before the metric (开展|10项综合整治行动), as its measure."""
    end = start
    while end > 0 and sentence[end - 1] in "了着过":
        end -= 1
    verbs = _stops_and_bridges()
    for k in _verb_lengths():
        if k <= end and sentence[end - k : end] in verbs:
            return _Before(None, sentence[end - k : end], False)
    return _Before(None, None, False)


@cache
def _stops_and_bridges() -> frozenset[str]:
    """The verbs :func:`_verb_before` looks for, made once (the union cost 18 us on every metric)."""
    return _set("subject_stops.txt") | _set("subject_bridges.txt")


@cache
def _verb_lengths() -> tuple[int, ...]:
    """Lengths of the two-or-more-character verbs, longest first (one-character stops are function words)."""
    found = {len(w) for w in (*words("subject_stops.txt"), *words("subject_bridges.txt")) if len(w) > 1}
    return tuple(sorted(found, reverse=True))


def _measure_text(ws: Sequence[Word]) -> str | None:
    verbs = [w.text for w in ws if w.tag.startswith("v")]
    return "".join(verbs) or None
