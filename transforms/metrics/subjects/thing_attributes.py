"""A thing's attribute named alone after the figure that counts the thing: 出让矿业权|755宗、成交价|616.6亿元,
新建成轨道交通线路|7条、通车里程|超400公里, 粮食总产|486.5亿斤，单产|1105.6斤. The attribute (price, length,
yield; subject_thing_attributes.txt) says what kind of figure it is, which the unit says already; what
was measured is the thing the figure before names (FACTS-DECISIONS: the thing is the core).
"""

from __future__ import annotations

from collections.abc import Sequence

from transforms.metrics.subjects.bridges import _bridge_suffix
from transforms.metrics.subjects.spans import Fact, Span
from transforms.metrics.subjects.vocab import _set

_LEXICON = "subject_thing_attributes.txt"


def _things_of_attributes(sentence: str, spans: Sequence[Span], out: list[Fact]) -> list[Fact]:
    """``out`` with a bare attribute's subject replaced by the thing the figure right before counts."""
    fixed = list(out)
    attributes = _set(_LEXICON)
    for k in range(1, len(spans)):
        subject, prev = out[k].subject, fixed[k - 1].subject
        if subject not in attributes or not prev or prev in attributes:
            continue
        gap = sentence[spans[k - 1].end : spans[k].start]
        if gap[:1] not in "、，," or not gap[1:].startswith(subject):
            continue  # the attribute must open the clause right after the figure before
        if gap[1 + len(subject) :] != _bridge_suffix(gap[1 + len(subject) :]):
            continue  # more words than a bridge (达, 超) between the attribute and its figure
        thing = _without_attribute(prev, attributes)
        if thing:
            fixed[k] = Fact(thing, out[k].measure)
    return fixed


def _without_attribute(prev: str, attributes: frozenset[str]) -> str | None:
    """The thing ``prev`` names: itself, or its stem when it ends with an attribute (粮食|总产); None when
    it names no thing (a lone verb or a list the reading left open)."""
    end = max((a for a in attributes if prev.endswith(a) and len(prev) - len(a) >= 2), key=len, default="")
    thing = prev[: len(prev) - len(end)]
    return None if thing.endswith(("、", "和", "及")) else thing
