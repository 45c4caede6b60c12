"""The figure of a parallel clause that names only where or of what it holds (…平均轮候时间为18个月，
护养院宿位|则|约23个月; 公立学校注册率为94.2%，私立学校|为|79.8%; 旗津区游客人次达412万人次，驳二艺术特区|
约520万人次): the entity is compared with the one of the clause before, so the figure measures the same
attribute (轮候时间, 注册率, 游客人次), and the entity itself is never the counted thing.

A clause is parallel when it is the entity, at most a marker word (则, 为, 有, a verb of change) and the
figure, and the nearest figure before it in the sentence has the same unit. The entity must show it
is a sibling: 则 says so; a place (its ending in subject_parallel_places.txt) says so; or the
subject before opens with an entity of the same ending and the clause is a copula (公立学校|注册率
beside 私立学校|为). A list of
things counted in one unit (新建学校3所，幼儿园5所) shows none of these and is left alone, and so is a
measure of its own sharing a word with the one before (学费津贴…，书簿津贴则为…).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from transforms.lexicon import words
from transforms.metrics.subjects.spans import Fact, Span
from transforms.metrics.subjects.vocab import _attribute_heads, _names_people
from transforms.metrics.words import tag

# What may stand between the entity and the figure: the contrast 则 (or 亦/也), then a copula, an
# existential or a verb of change
_MARKER = re.compile(r"(则|亦|也)?(为|有|是|达|录得|上升|下降|增加|减少|增长|下跌)?")
_CLAUSE_OPENERS = "，,"
_SENTENCE_STOPS = "。；;！？"


def _entities_of_previous(sentence: str, spans: Sequence[Span], out: list[Fact]) -> list[Fact]:
    """``out`` with the figure of a parallel clause given the attribute the figure before measures."""
    out = list(out)
    for k in range(1, len(spans)):
        mine = out[k].subject
        if not mine or _names_people(mine) or mine.endswith(_attribute_heads()):
            continue
        marker = _marker(sentence, spans[k].start, mine)
        if marker is None:
            continue
        prev = _previous_same_unit(sentence, spans, out, k)
        if prev is None:
            continue
        attribute = _attribute(prev, mine, bool(marker.group(1)), marker.group(2) == "为")
        if attribute:
            out[k] = Fact(attribute, out[k].measure)
    return out


def _marker(sentence: str, start: int, mine: str) -> re.Match[str] | None:
    """The marker between the entity ``mine`` and the figure at ``start``, when the clause is only the
    entity, the marker and the figure, and a comma opens it."""
    for m in _markers(sentence, start):
        at = start - len(m.group(0)) - len(mine)
        if at > 0 and sentence.startswith(mine, at) and sentence[at - 1] in _CLAUSE_OPENERS:
            return m
    return None


def _markers(sentence: str, start: int) -> list[re.Match[str]]:
    """Every marker ending right before ``start`` (the longest first, the empty one last)."""
    found = []
    for n in range(4, -1, -1):
        if n > start:
            continue
        m = _MARKER.fullmatch(sentence, start - n, start)
        if m:
            found.append(m)
    return found


def _previous_same_unit(sentence: str, spans: Sequence[Span], out: list[Fact], k: int) -> str | None:
    """The subject of the nearest figure before ``k`` in the same sentence with its unit, if it names
    a thing, not people."""
    for j in range(k - 1, -1, -1):
        if any(c in _SENTENCE_STOPS for c in sentence[spans[j].end : spans[k].start]):
            return None
        if spans[j].unit != spans[k].unit:
            continue
        theirs = out[j].subject
        return theirs if theirs and not _names_people(theirs) else None
    return None


def _attribute(theirs: str, mine: str, contrast: bool, copula: bool) -> str | None:
    """What ``theirs`` measures of its own entity (护理安老宿位的|平均轮候时间, 公立学校|注册率), when
    ``mine`` is shown to be a sibling entity; None otherwise."""
    if mine in theirs or theirs in mine:
        return None
    entity, of, attribute = theirs.rpartition("的")
    if not of:
        entity, attribute = _entity_prefix(theirs, mine[-1])
    if len(attribute) < 2 or any(mine[i : i + 2] in attribute for i in range(len(mine) - 1)):
        return None  # 学费津贴…，书簿津贴|则为: a sibling measure of its own, not an entity
    place = mine.endswith(words("subject_parallel_places.txt"))
    # 公立学校|注册率…，私立学校|为: the entity opens the subject before and the clause is a copula
    # (a bare list of totals is no such clause: 外商直接投资协议金额…，实际投资|43.7亿美元); with 的
    # and no 则 the entity is read as what is measured (五星级酒店的入住率为…，四星级酒店|为)
    sibling = copula and bool(entity) and not of and entity[-1] == mine[-1]
    return attribute if contrast or place or sibling else None


def _entity_prefix(theirs: str, ending: str) -> tuple[str, str]:
    """``theirs`` cut after its first word that ends in ``ending`` (旗津区|游客人次), or no entity."""
    at = 0
    for w in tag(theirs)[:-1]:
        at += len(w.text)
        if w.text.endswith(ending):
            return theirs[:at], theirs[at:]
    return "", theirs
