"""A group's figure in a parallel clause (收入中位数为18,500澳门元，本地居民则为21,000澳门元): the group
is who the figure is about, not what it measures.

A sum or share whose subject reads as people only (本地居民, 第三名以上子女) after a figure of the same
unit that measures a thing names that thing for a part of the population: the subject is the thing
of the figure before, with the group that opens it left out (就业人口|月工作收入中位数 -> the median),
since the earlier group is not this figure's either.
"""

from __future__ import annotations

from collections.abc import Sequence

from transforms.metrics.subjects.spans import Fact, Span
from transforms.metrics.subjects.vocab import _PEOPLE_KINDS, _attribute_heads, _names_people
from transforms.metrics.words import tag


def _without_group(subject: str) -> str:
    """``subject`` without the people that open it (就业人口|月工作收入中位数), when a thing is left."""
    if _names_people(subject):
        return subject
    cut, at = 0, 0
    for w in tag(subject)[:-1]:
        at += len(w.text)
        if _names_people(subject[:at]):
            cut = at  # the longest run of words that names people (就业|人口, not 就业|人)
    return subject[cut:] if len(subject) - cut >= 2 else subject


def _groups_of_previous(sentence: str, spans: Sequence[Span], out: list[Fact]) -> list[Fact]:
    """``out`` with a figure of a thing (not of people) whose subject names people only given the
    thing of the nearest figure before it in the sentence, of the same unit, that names no people."""
    out = list(out)
    for k in range(1, len(spans)):
        mine = out[k].subject
        if not mine or spans[k].kind in _PEOPLE_KINDS or not _names_people(mine):
            continue
        if mine.endswith(_attribute_heads()):
            continue  # 死亡人数: an indicator of people, a thing measured of its own
        for j in range(k - 1, -1, -1):
            if "。" in sentence[spans[j].end : spans[k].start]:
                break
            theirs = out[j].subject
            if spans[j].unit != spans[k].unit or not theirs:
                continue
            if not _names_people(theirs) and mine not in theirs:
                out[k] = Fact(_without_group(theirs), out[k].measure)
            break
    return out
