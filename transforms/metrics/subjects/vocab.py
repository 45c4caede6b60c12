"""The word classes the subject rules test words against (stops, bridges, verbs, numbers, people and
attribute heads), and whether a phrase names a thing at all (``_good``).

The classes are lexicons beside the code (``subject_*.txt``); these tests read them once (cached)
and are shared by the backward, forward and carrying rules, which is why they stand apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from transforms.lexicon import words
from transforms.metrics.subjects.spans import _HAN, _text
from transforms.metrics.units import match_unit
from transforms.metrics.words import Word

# Tags that may stand inside a noun phrase (jieba/ICTCLAS): nouns, names, verbal nouns,
# modifiers, abbreviations, idioms, Latin (5G), and the single characters unknown words fall into.
_NOMINAL = re.compile(r"^(n\w*|vn|an|a|b|j|l|i|eng|ng|g|z|zg|k|h|s|x)$")


# Unit kinds of metrics that count people or households (惠及3400万人的…工程 counts no project).
_PEOPLE_KINDS = frozenset({"people", "households"})


# Unit kinds of sums and shares: a verb after one says what the money or share goes to (80亿元|支持…).
_SHARE_KINDS = frozenset({"money", "percent"})


# Unit kinds whose counted things carry long names with verbs inside (中医药传承创新中心, 承接产业转移主平台).
_LONG_NAME_KINDS = frozenset({"count"})


# Tags of the words a clause may hold when it names no noun (已|办结|4899件, 目前|已有|2台).
# m, q: a date (提升到|2025年的|57.7%); c: the conjunction alone between two metrics (12000元|和|13500元)
_BARE_TAGS = ("v", "d", "p", "t", "r", "u", "m", "q", "c")


# Tags skipped between a noun and its metric: adverbs, prepositions, particles, localisers, pronouns.
_SKIP_TAGS = frozenset({"d", "ad", "vd", "p", "u", "ul", "uj", "uz", "f", "r", "t", "m", "q"})


@cache
def _set(name: str) -> frozenset[str]:
    return frozenset(words(name))


def _is_stop(w: Word) -> bool:
    return w.text in _set("subject_stops.txt")


def _is_bridge(w: Word) -> bool:
    return w.text in _set("subject_bridges.txt")


def _is_punct(w: Word) -> bool:
    return w.tag == "x" and not _HAN.search(w.text) and not w.text.isalnum()


def _is_verb(w: Word) -> bool:
    """A plain verb of two or more characters that does not name a thing (诉求, 就业 do)."""
    return w.tag == "v" and len(w.text) >= 2 and w.text not in _set("subject_nominal_verbs.txt")


def _is_condition(ws: Sequence[Word], i: int) -> bool:
    """60|岁|以上|老人, 110|千伏|及|以上|变电站: a number with a unit of an attribute
    (threshold_kinds.txt) and 以上/以下 before a noun says which things are counted. The grammar
    reads no metric there, so it is part of their name, not a number ending it."""
    j = i + 1
    unit = match_unit(ws[j].text, 0) if j < len(ws) else None
    if unit is None or unit.surface != ws[j].text or unit.kind not in _set("threshold_kinds.txt"):
        return False
    j += 1 + (j + 1 < len(ws) and ws[j + 1].text in ("及", "或"))
    return j + 1 < len(ws) and ws[j].text in ("以上", "以下") and ws[j + 1].tag.startswith("n")


def _is_number(ws: Sequence[Word], i: int) -> bool:
    """A written number (another metric) ends a phrase; 5G, 万亿级, 千亩 and a condition are part of one."""
    w = ws[i]
    if w.tag != "m" or _is_condition(ws, i):
        return False
    nxt = ws[i + 1] if i + 1 < len(ws) else None
    if i > 1 and ws[i - 1].text == "." and ws[i - 2].tag == "eng" and ws[i - 2].text[-1:].isdigit():
        return False  # PM2|.|5|浓度: the decimals of a Latin name
    return any(ch.isdigit() for ch in w.text) and not (nxt and nxt.tag == "eng")


def _nominal_verbs() -> frozenset[str]:
    return _set("subject_nominal_verbs.txt")


def _good(subject: str, np: Sequence[Word], least: int = 1) -> bool:
    """A subject names something: two characters, or after a metric one noun (向8个|市|下放), and no
    bound word alone."""
    if (
        not subject
        or subject in _set("subject_bound_words.txt")
        or subject in _set("subject_place_words.txt")
        or _names_nothing(np)
    ):
        return False
    if len(subject) >= 2:
        return True
    return least == 1 and bool(np) and np[-1].tag in ("n", "ns")


# A count in Chinese numerals and a measure word (三个, 两批): never the counted thing, only its count.
_NUMERAL_COUNT = re.compile(r"[一二两三四五六七八九十几]+[个项批类]")


def _names_nothing(np: Sequence[Word]) -> bool:
    """A time (年底超过260个: time words are never the counted thing), a frame (在此基础上), or a
    place with only one-character verbs beside it (、占全国8成)."""
    if not np:
        return False
    text = _text(np)  # joined once, not once per frame word
    if any(f in text for f in words("subject_frame_words.txt")):
        return True  # 在此|基础上|再奋斗
    if all(w.tag in ("t", "m", "q", "f") for w in np) and any(w.tag == "t" for w in np):
        return True  # 年底; 过去|十二个|月, 未来|三年, 中旬|前: a time with its numerals and localisers
    if _NUMERAL_COUNT.fullmatch(text):
        return True  # 9万亿|三个|大台阶: a numeral and its measure word count, they name nothing
    places = _set("subject_place_words.txt")
    return any(w.text in places for w in np) and all(
        w.tag == "t" or w.text in places or (w.tag == "v" and len(w.text) == 1) for w in np
    )


def _names_people(subject: str) -> bool:
    return subject.endswith(_people_heads())


@cache
def _people_heads() -> tuple[str, ...]:
    """The words a phrase naming people ends in, as one tuple for ``str.endswith``."""
    return (*words("people_nouns.txt"), *words("subject_people_heads.txt"))


def _has_head(item: str) -> bool:
    """Whether a list item already ends in a measure of its own (工业投资, 全域旅游人数)."""
    return item.endswith((*words("subject_list_heads.txt"), *words("subject_attribute_heads.txt")))


@cache
def _attribute_heads() -> tuple[str, ...]:
    return tuple(words("subject_attribute_heads.txt"))
