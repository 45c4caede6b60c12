"""Whether a reading is a noun phrase at all: a subject names the counted thing, so a reading made
only of adverbs, modals, function words and verbs (方可, 再|办), or a verb of change with its
result (拓宽|至5米, 缩短|至约7个月), is no subject, and the next reading is tried.

A lone verb can still name an act (近4小时的|辗转, 1,068宗|检控), so a verb alone is rejected only
when the sentence shows it changing a figure.
"""

from __future__ import annotations

from transforms.metrics.subjects.vocab import _NOMINAL, _has_head
from transforms.metrics.words import tag

# Tags of words that never name a thing: adverbs, prepositions, conjunctions, particles, pronouns
_FUNCTION_TAGS = frozenset({"d", "ad", "vd", "p", "c", "r", "u", "ul", "uj", "uz", "ud", "ug", "y"})

# What follows a verb of change before its result (拓宽|至, 缩短|到)
_RESULT_MARKS = ("至", "到")


def _not_noun_phrase(subject: str, sentence: str) -> bool:
    """The reading ``subject`` holds no noun: function words and verbs only, with an adverb or
    function word among them, or a lone verb right before 至/到 in ``sentence`` (its result)."""
    if _has_head(subject):
        return False  # 按期|办结|率: a rate's head, though the dictionary tags 率 a verb
    ws = tag(subject)
    if not ws or any(_NOMINAL.match(w.tag) and w.tag not in _FUNCTION_TAGS for w in ws):
        return False
    if not all(w.tag in _FUNCTION_TAGS or w.tag == "v" for w in ws):
        return False
    if any(w.tag in _FUNCTION_TAGS for w in ws):
        return True
    return len(ws) == 1 and any(subject + mark in sentence for mark in _RESULT_MARKS)


def _noun_phrase(subject: str | None, sentence: str) -> str | None:
    """``subject`` when it is a noun phrase (or None), else None so that the next reading is tried."""
    return None if subject is None or _not_noun_phrase(subject, sentence) else subject
