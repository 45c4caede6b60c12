"""The counted thing of a figure as a short phrase: 收集群众困难诉求5880件 -> 群众困难诉求.

A figure's subject stands either right after it (28件市区民生实事 -> 市区民生实事) or right before
it, after the verb (发展金银花800亩 -> 金银花). Phrases are bounded by punctuation and by the
stop words of ``lexicons/subject_stops.txt``; a heuristic, so it stays short (≤ 8 characters).
"""

from __future__ import annotations

import re
from functools import cache

from transforms.lexicon import words

_MAX = 8
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


@cache
def _stop_re(name: str) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, words(name))))


def _after(sentence: str, end: int) -> str:
    run = _HAN_RUN.match(sentence, end)
    if run is None:
        return ""
    text = run.group()[: _MAX + 2]
    stop = _stop_re("subject_after_stops.txt").search(text)
    return text[: stop.start()] if stop else text[:_MAX]


def _before(sentence: str, start: int) -> str:
    head = sentence[max(0, start - 24) : start]
    runs = list(_HAN_RUN.finditer(head))
    if not runs or runs[-1].end() != len(head):
        return ""
    text = runs[-1].group()
    stops = _stop_re("subject_stops.txt")
    while (tail := [m for m in stops.finditer(text) if m.end() == len(text)]) and len(text) > len(tail[0].group()):
        text = text[: tail[0].start()]  # 实施老旧小区改造|2932个: a verb right before the figure is not the subject
    found = list(stops.finditer(text))
    if found:
        text = text[found[-1].end() :]
    return text[-_MAX:]


def subject_of(sentence: str, start: int, end: int) -> str | None:
    """The counted thing of the figure at ``sentence[start:end]``, or None when none is named."""
    after = _after(sentence, end)
    if len(after) >= 2:
        return after
    before = _before(sentence, start)
    return before if len(before) >= 2 else None
