"""A figure inside a change frame, X由A(变)至B: both ends measure X, the thing named before 由.

把「计划」名单由198所扩大至约250所, 基本工资自明年起由每月2万元调升至2万1千元, GDP增长预测由八月时的
2.5%收窄至3%: the words between 由 and the start point say when or per what (八月时的, 每月), and the
start point may be a share of a base (由本地学额的50%); none of them is what changes. The backward
read from the figure stops inside them, so the frame reads the subject before 由 instead, past a
time phrase (自…起) and a modal (会, 将) that stand between the thing and 由.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from transforms.lexicon import words
from transforms.metrics.subjects.before import _before
from transforms.metrics.subjects.spans import Fact, Span, _clause_start
from transforms.metrics.subjects.tails import _without_count_word

# What may stand between 由/从 and the start point: a time or base phrase ending in 的 (八月时的,
# 现时的, 本地学额的), or a per-unit word (每月, 每户, 每小时)
_OPENING = re.compile(r"[由从](?:[^，,；;。：:由从至到]{1,8}的|每[\u4e00-\u9fff]{1,2})?$")

# The end point after the start point: a verb of change then 至/到, with a time phrase of 的 after it
_TO_END = re.compile(r"^[^，,；;。：:]{0,4}[至到](?:[^，,；;。：:]{1,6}的)?$")

# A time phrase or modal between the thing and 由 (自明年1月1日起, 由下月开始, 会, 将)
_TIME_PHRASE = re.compile(r"(?:自|从|于|由|在)[^，,；;。由从]{1,14}(?:起|开始)$")
_MODALS = re.compile(r"(?:会|将|拟|已|再|亦|也|则|均|都|可|逐步|将会)$")

# A growth (or its forecast) ending the thing: the measure, not part of what is measured
_GROWTH = ("增长预测", "增长")


def _thing_before(sentence: str, at: int, floor: int, event: bool) -> str | None:
    """The noun phrase before ``at`` (a 由), past the time phrases and modals in between."""
    lo = _clause_start(sentence, at, floor)
    end = at
    for _ in range(4):
        head = sentence[lo:end]
        m = _TIME_PHRASE.search(head) or _MODALS.search(head)
        if m is None or m.start() == 0:
            break
        end = lo + m.start()
    if end - lo < 2:
        return None
    thing = _without_count_word(_before(sentence, end, floor, event).subject, sentence, end)
    # 本地生产总值增长|预测由…: the growth is the measure of the thing; 经济增长 alone names one
    growth = next((g for g in _GROWTH if thing and thing.endswith(g)), "")
    if thing and growth and len(thing) - len(growth) >= 4:
        thing = thing[: -len(growth)]
    return thing


def _change_frames(sentence: str, spans: Sequence[Span], out: list[Fact]) -> list[Fact]:
    """``out`` with the start point of every change frame, and the points joined to it by 至/到
    (its range's end, the frame's end point), given the thing named before 由."""
    out = list(out)
    k = 0
    while k < len(spans):
        sp = spans[k]
        lo = _clause_start(sentence, sp.start, spans[k - 1].end if k else 0)
        m = _OPENING.search(sentence, lo, sp.start)
        thing = _thing_before(sentence, m.start(), lo, sp.kind == "event") if m else None
        if thing is None or thing in words("subject_count_words.txt"):
            k += 1
            continue
        out[k] = Fact(thing, out[k].measure)
        k += 1
        while k < len(spans) and _TO_END.match(sentence[spans[k - 1].end : spans[k].start]):
            out[k] = Fact(thing, out[k].measure)
            k += 1
    return out


def _rates_of_change(sentence: str, spans: Sequence[Span], out: list[Fact]) -> list[Fact]:
    """``out`` with a figure whose subject only names the size of a change (增幅, 降幅:
    subject_change_rates.txt) given the subject of the nearest figure before it in the same clause
    chain (no 。 or ； between) that names a thing: 较去年增加1,365亿元，增幅4.8% measures the revenue."""
    rates = words("subject_change_rates.txt")
    out = list(out)
    for k in range(1, len(spans)):
        if out[k].subject not in rates:
            continue
        for j in range(k - 1, -1, -1):
            if any(c in sentence[spans[j].end : spans[k].start] for c in "。；;"):
                break
            if out[j].subject and out[j].subject not in rates:
                out[k] = Fact(out[j].subject, out[k].measure)
                break
    return out
