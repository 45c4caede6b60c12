"""Subjects a figure takes from its clause read whole: a streak (连续19个季度), each of a list, a
total after a list (共计40余次), a 每-rate clause.

The clause, not a phrase next to the metric, says what is counted in these constructions.
"""

from __future__ import annotations

import re

from transforms.lexicon import words
from transforms.metrics.subjects.before import _before
from transforms.metrics.subjects.spans import _CLAUSE_STOP, _HAN, _HAN_WORD, _clause_start
from transforms.metrics.subjects.vocab import _set
from transforms.metrics.words import tag


def _streak(sentence: str, start: int, end: int, floor: int) -> str:
    """The streak word (连续) right before a metric of time, when the clause names something before it
    (增速|连续|19个季度) or ranks after it (，连续三年|居…); empty when the clause opens with 连续 and
    names its subject after the metric (连续四次|药品安全考核|获评A级)."""
    word = next((w for w in words("subject_streak_words.txt") if sentence.endswith(w, floor, start)), "")
    if not word:
        return ""
    opens = _clause_start(sentence, start - len(word), floor) == start - len(word)
    return "" if opens and not sentence.startswith(words("subject_streak_predicates.txt"), end) else word


def _each_of_list(sentence: str, start: int, floor: int) -> str | None:
    """新建A、B、C各20家: a metric after 各 counts each of the listed things, so the list is its subject
    (the first item without the verb that governs it)."""
    each = next((w for w in words("subject_each_words.txt") if sentence.endswith(w, floor, start)), None)
    if each is None:
        return None
    end = start - len(each)
    lo = end
    while lo > floor and sentence[lo - 1] not in _CLAUSE_STOP.replace("、", ""):
        lo -= 1
    items = sentence[lo:end].split("、")
    if len(items) < 2 or not all(items):
        return None
    first = _before(items[0], len(items[0]), 0, False).subject
    if not first or not all(_HAN_WORD.fullmatch(x) for x in items[1:]):
        return None
    return "、".join([first, *items[1:]])


# A clause that is only a rate per unit (每户, 每人每月, 即每程) before its metric.
_RATE_CLAUSE = re.compile(r"(?:即|则|亦)?(?:每[\u4e00-\u9fff]{1,2}?)+")


def _rate_of_clause_before(sentence: str, start: int, end: int, floor: int) -> str | None:
    """提供电费补贴，每户1,000元: a metric whose clause is only a rate per unit and itself is the rate of
    the thing the clause before ends with (上门探望，每次约2小时; 享半价优惠，即每程3元), not of nothing.
    Not when the clause goes on after the metric (每天|24小时|提供…: its own predicate follows)."""
    if end < len(sentence) and sentence[end] not in _CLAUSE_STOP:
        return None
    lo = _clause_start(sentence, start, floor)
    if not (lo > floor + 1 and sentence[lo - 1] in "，," and _RATE_CLAUSE.fullmatch(sentence, lo, start)):
        return None
    if not _HAN.match(sentence, lo - 2):
        return None  # the clause before ends with a figure: no noun closes it
    return _before(sentence, lo - 1, floor, False).subject


# The period a total covers (全年|共, 今年|合计): when, never what.
_PERIOD_WORD = re.compile(r"(?:全|今|去|本|上|当)(?:年|月|季|周)|全年度|年内")


def _total_after_list(sentence: str, start: int, floor: int) -> str | None:
    """交流学习心得体会，共计40余次: a total whose clause is only 共计 takes the noun that ends the clause before."""
    if not _total_clause(sentence, start, floor):
        return None
    end = _clause_start(sentence, start, floor) - 1
    if end <= floor:
        return None
    return _before(sentence, end, floor, False).subject


def _total_clause(sentence: str, start: int, floor: int) -> bool:
    """The clause before a metric is only a total word (共计, 共), with the period it covers (全年|共)."""
    ws = tag(sentence[_clause_start(sentence, start, floor) : start])
    if not ws or not any(w.text in _set("subject_total_words.txt") for w in ws):
        return False
    return all(w.text in _set("subject_total_words.txt") or _PERIOD_WORD.fullmatch(w.text) for w in ws)
