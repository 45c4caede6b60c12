"""The subject of the clause before a bare level or streak: 粮食总产再创历史新高，连续16年位居全国首位;
经济总量连续跨越重要关口，突破126万亿元.

A clause that opens with a level verb (突破, 稳定在) or a streak (连续16年) and names no noun goes on
about the thing the clause before opened with, its grammatical subject: the noun phrase before that
clause's first verb or adverb. Only the nearest clause, and only when no figure stands in it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from transforms.lexicon import words
from transforms.metrics.subjects.spans import Fact, Span, _balanced, _text
from transforms.metrics.subjects.vocab import _PEOPLE_KINDS, _good, _is_stop
from transforms.metrics.words import tag

_CLAUSE_STOPS = "，,；;：:。！!？?\n"
# Tags of a word that names a thing (a figure's own clause holding one names its own subject)
_NOUN_TAGS = re.compile(r"^(n\w*|vn|an|j|b|eng|l|i|nz)$")
# Tags of the words of a clause's opening noun phrase
_NP_TAGS = re.compile(r"^(n\w*|vn|j|b|nz|eng)$")


def _opening_subject(clause: str) -> str | None:
    """The noun phrase a clause opens with, when a verb or adverb follows it (粮食总产|再创…, 经济总量|
    连续跨越…; 特别是 before it is skipped); None when the clause opens with its verb."""
    ws = [w for w in tag(clause.removeprefix("特别是").removeprefix("尤其是")) if w.text.strip()]
    while ws and ws[0].tag in ("d", "c", "p", "t"):
        ws = ws[1:]
    np = []
    for w in ws:
        if not _NP_TAGS.match(w.tag) or _is_stop(w):
            break
        np.append(w)
    rest = ws[len(np) :]
    opens = rest and (rest[0].tag.startswith("v") or rest[0].tag in ("d", "ad", "l", "i"))  # |再创新高
    if not np or not (opens or (rest and rest[0].text in words("subject_streak_words.txt"))):
        return None
    text = _balanced(_text(np))
    return text if text and _good(text, np, 2) else None


def _subject_of_clause_before(sentence: str, spans: Sequence[Span], out: list[Fact], k: int) -> str | None:
    """For figure ``k`` whose own clause opens with a level verb or a streak of standing (连续16年|居…)
    and names no noun, the subject the clause before opens with; None otherwise."""
    sp = spans[k]
    if sp.kind in _PEOPLE_KINDS:
        return None  # 活动反响热烈，共吸引|3000人: people come to a thing, they are not it
    lo = max(sentence.rfind(c, 0, sp.start) for c in _CLAUSE_STOPS)
    if lo <= 0 or sentence[lo] not in "，,":
        return None
    own = sentence[lo + 1 : sp.start]
    streak = next((w for w in words("subject_streak_words.txt") if w in own), "")
    levels = words("subject_level_verbs.txt")
    # ，|突破126万亿元; ，连续8年|稳定在|1.3万亿斤以上
    level = (
        own.startswith(levels) or own.endswith(levels) or (not own and sentence.startswith(levels, sp.start))
    )
    standing = (*words("subject_streak_predicates.txt"), *levels)
    ranked = streak and sentence.startswith(standing, sp.end)
    if not (ranked or level):
        return None  # 连续3年|为适龄女性…: a streak of an act, not of the thing's standing
    if any(_NOUN_TAGS.match(w.tag) for w in tag(own.replace(streak, "")) if w.text.strip()):
        return None  # 连续3年|实现|营业收入…: the figure's clause names its own thing
    start = max(sentence.rfind(c, 0, lo) for c in _CLAUSE_STOPS) + 1
    if any(s.end > start and s.start < lo for s in spans[:k]):
        return None  # the clause before holds a figure, which names its own thing
    return _opening_subject(sentence[start:lo])
