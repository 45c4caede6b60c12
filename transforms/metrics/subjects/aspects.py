"""A subject that is only a time names nothing; a clause opened by a topic frame (货运量方面，…) names
what the figures after it count when they name nothing else.

Hong Kong and Macau releases (and mainland reports) open paragraphs with `X方面，七月份录得…`: the
time word is read before the figure, but it says when (scored under years), never what."""

from __future__ import annotations

import re
from collections.abc import Sequence

from transforms.metrics.subjects.spans import Fact, Span
from transforms.metrics.subjects.trim import _DAY_OR_MONTH, _PART_OF_YEAR, _YEAR

# X方面， or 在X方面， opening the sentence or a clause: X is the aspect its figures are about
_ASPECT = re.compile(r"(?:^|[，,；;。：:])\s*在?([\u4e00-\u9fff]{2,8}?)方面[，,：:]")


def _time_only(subject: str) -> bool:
    """七月份, 同期, 第三季, 2026年: a subject that is a time and nothing else."""
    return bool(_DAY_OR_MONTH.match(subject) or _PART_OF_YEAR.match(subject) or _YEAR.match(subject))


def _aspect_before(sentence: str, start: int) -> str | None:
    """The aspect of the last 方面 frame before ``start`` in the same sentence part (no 。 or ；)."""
    found = None
    for m in _ASPECT.finditer(sentence, 0, start):
        found = m
    if found is None or any(c in sentence[found.end() : start] for c in "。；;"):
        return None
    return found.group(1)


def _aspects(sentence: str, spans: Sequence[Span], out: list[Fact]) -> list[Fact]:
    """Drop subjects that are only a time; give a figure naming nothing its 方面 frame."""
    if "方面" not in sentence and not any(f.subject and _time_only(f.subject) for f in out):
        return out
    fixed = []
    for sp, fact in zip(spans, out, strict=True):
        subject = None if fact.subject and _time_only(fact.subject) else fact.subject
        if subject is None and "方面" in sentence:
            subject = _aspect_before(sentence, sp.start)
        fixed.append(Fact(subject, fact.measure))
    return fixed
