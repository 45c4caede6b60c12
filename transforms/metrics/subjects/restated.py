"""A figure that restates the one before it: 逆差达21万亿日元，约合1.1万亿元人民币 (a conversion) and
CPI同比上涨2.1%，环比上涨0.8% (the same indicator against another base). The clause of the second
figure names no thing of its own -- its reading is the restating word itself, or nothing -- so it
measures what the figure before it measures.
"""

from __future__ import annotations

from collections.abc import Sequence

from transforms.lexicon import words
from transforms.metrics.subjects.spans import Fact, Span

# What may stand between the figure before and the restating word: a clause mark or a bracket
_OPENERS = "，,、（("

# The longest run of words (a verb of change, 约) between the restating word and the figure
_MAX_TAIL = 4


def _restated(sentence: str, spans: Sequence[Span], out: list[Fact]) -> list[Fact]:
    """``out`` with the subject of each figure whose clause opens with a restating word
    (subject_restating_words.txt) and names nothing else taken from the figure before it."""
    for k in range(1, len(spans)):
        prev = out[k - 1].subject
        gap = sentence[spans[k - 1].end : spans[k].start]
        if not prev or not gap or gap[0] not in _OPENERS:
            continue
        body = gap[1:]
        word = next((w for w in words("subject_restating_words.txt") if body.startswith(w)), None)
        if word is None or len(body) - len(word) > _MAX_TAIL or any(c in body for c in "，,；;。"):
            continue
        if "分别" in body:
            continue  # 环比|分别增长x和y: the items of a list before are paired, not the last figure
        subject = out[k].subject
        if subject is None or subject in body:
            out[k] = Fact(prev, out[k].measure)
    return out
