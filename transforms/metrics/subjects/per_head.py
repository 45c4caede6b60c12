"""A per-head gain read before a figure: 户均增收4.6万元, 村民人均增收2300元. The verb of gain after
人均/户均 is taken off the phrase as the clause's measure, but with the per-head word it names the indicator (the
gain per household), so it goes back onto the subject; the measure keeps it too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from transforms.lexicon import words
from transforms.metrics.subjects.vocab import _set
from transforms.metrics.words import Word


def _per_head_change(subject: str | None, window: str, measure: str | None) -> str | None:
    """``subject`` with the verb ``measure`` put back when it ends the window right after a per-head
    word that ends the subject too (户均 + 增收); ``subject`` unchanged otherwise."""
    if not subject or not measure or measure not in _set("subject_per_head_changes.txt"):
        return subject
    if not window.endswith(measure):
        return subject
    per_head = words("subject_per_head_words.txt")
    head = window[: len(window) - len(measure)]
    if not head.endswith(per_head) or not subject.endswith(per_head):
        return subject
    return subject + measure


# jieba's dictionary has 每千人 and 每万人 as words, so 每千人口托位数 comes out 每千人|口|托|位数 and the
# lone 口 cuts the per-head qualifier off the indicator (口托位数).
_PER_PEOPLE = re.compile(r"每([十百千万]+)人$")


def _per_population(ws: Sequence[Word]) -> list[Word]:
    """每千人|口 -> 每|千|人口: the per-head qualifier of an indicator (每千人口托位数, 每万人口医生数)
    read the way 每|万|人口 already is, a core qualifier that stays in the subject."""
    out: list[Word] = []
    i = 0
    while i < len(ws):
        m = _PER_PEOPLE.match(ws[i].text)
        if m and i + 1 < len(ws) and ws[i + 1].text.startswith("口"):
            out += [Word("每", "r"), Word(m.group(1), "m"), Word("人口", "n")]
            rest = ws[i + 1].text[1:]
            out += [Word(rest, ws[i + 1].tag)] if rest else []
            i += 2
            continue
        out.append(ws[i])
        i += 1
    return out
