"""Where a subject is read from: the metric's span, the clause around it, and what a reading returns.

Every rule reads the same window (back to the clause start, at most ``_MAX_BEFORE`` characters;
forward at most ``_MAX_AFTER``) and joins or balances the words it keeps the same way, so these
live once here rather than in each rule.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from transforms.metrics.words import Word

# Characters that end a clause for subject purposes. 、 ends a list item: each item has its own noun.
_CLAUSE_STOP = "，,；;。！!？?：:、…\n"


_HAN = re.compile(r"[\u4e00-\u9fff]")


_HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")


# Characters read back from a metric: indicator names of reports run to 22 (规模以上工业企业研发经费支出占…比重),
# and a rate base may stand between the name and the figure (…最低标准从每生每年6000元)
_MAX_BEFORE = 28


# and forward: names after a count run to 19 (“绿水青山就是金山银山”实践创新基地)
_MAX_AFTER = 20


_PAIRED = re.compile(r"[“”（）()《》]")


_CUT = "…"  # stands for the clause opener when the window starts inside a clause


_QUOTES = "“”‘’\"'《》「」"


_PARENS = "（）()"


@dataclass(frozen=True)
class Span:
    """The metric as the subject rules need it: where it stands and what kind of unit it has."""

    start: int
    end: int
    unit: str
    kind: str


@dataclass(frozen=True)
class Fact:
    """What a metric counts and what happened to it; either may be None."""

    subject: str | None
    measure: str | None


def _clause_start(sentence: str, start: int, floor: int) -> int:
    i = start
    lowest = max(floor, start - _MAX_BEFORE)  # the walk past it would be cut back to it anyway
    while i > lowest and sentence[i - 1] not in _CLAUSE_STOP:
        i -= 1
    return max(i, start - _MAX_BEFORE)


def _text(ws: Sequence[Word]) -> str:
    return "".join(w.text for w in ws)


def _balanced(text: str) -> str:
    """A quote or parenthesis opened but not closed inside the phrase is dropped with what precedes it."""
    if not _PAIRED.search(text):
        return text
    for open_, close in ("“”", "（）", "()", "《》"):
        if text.count(open_) < text.count(close):
            text = text[text.index(close) + 1 :]
        elif text.count(open_) > text.count(close):
            text = text[: text.rindex(open_)]
    return text


@dataclass(frozen=True)
class _Before:
    subject: str | None
    measure: str | None
    bare: bool  # nothing but verbs, adverbs and bridge words stand between the clause start and the metric
    base: str | None = (
        None  # a share's base, all the clause names (，占|全市经济总量|的|六成): the last resort
    )
