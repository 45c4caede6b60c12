"""Years paired one to one with figures by 分别 (二○二三年至二○二五年，分别接获1,205宗、1,318宗及1,402宗).

A range of years (or a list of years) before 分别, and a run of as many figures after it joined by
、/和/及, gives the k-th figure the k-th year: each figure is one year's, not the whole range's.
A run of another length pairs nothing and the figures keep the range. A later 分别 of the sentence
with no time word since the last pairing one pairs its own run with the same years.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from transforms.enrich.regions.respective import LIST_JOINERS, RESPECTIVELY
from transforms.enrich.timewords import YEAR, Expr, Period

FIGURE_JOINS = LIST_JOINERS  # between two figures of a run (1,205宗、1,318宗及…)
YEAR_JOINS = (*LIST_JOINERS, "")  # between two years of a list (2023年、2024年及2025年), or none
CLAUSE_STOPS = "，,；;。！？!?"
MAX_YEARS = 12  # a longer run of years is a span, not a list paired with figures
# bare years listed before the one that carries 年 (2023、2024及2025年)
_YEAR = re.compile(YEAR)
_BARE_YEARS = re.compile(rf"(?<!\d)(?:{YEAR}[、和及与])+$")


def _years_before(exprs: Sequence[Expr], text: str, at: int) -> list[int] | None:
    """The years the time expression(s) nearest before char ``at`` name one by one: a range's every
    year, or a list of single years joined by 、/和/及; None for anything else."""
    before = [e for e in exprs if e.end <= at]
    if not before:
        return None
    last = before[-1]
    if any(j in text[last.end : at] for j in ("、", "和", "及", "与")):
        return None  # 2024至2025年，公路、铁路投资分别…: 分别 pairs the items named after the years
    if last.kind == "range" and last.first is not None and last.last is not None:
        span = last.last - last.first + 1
        return list(range(last.first, last.last + 1)) if 1 < span <= MAX_YEARS else None
    if last.kind != "year" or last.first is None:
        return None
    bare = _BARE_YEARS.search(text, 0, last.start)
    if bare:  # 2023、2024及2025年: only the last year carries 年
        return [*map(int, _YEAR.findall(bare.group(0))), last.first]
    run = [last]
    for e in reversed(before[:-1]):
        if e.kind != "year" or e.first is None or text[e.end : run[0].start] not in YEAR_JOINS:
            break
        run.insert(0, e)
    return [e.first for e in run if e.first is not None] if len(run) > 1 else None


def respective_years(
    exprs: Sequence[Expr], text: str, figures: Sequence[tuple[int, int]], periods: list[Period]
) -> list[Period]:
    """``periods`` (one per figure, (char offset, length) in ``text``) with the figures that 分别
    pairs with years given their own year."""
    if RESPECTIVELY not in text:
        return periods
    out = list(periods)
    order = sorted(range(len(figures)), key=lambda i: figures[i][0])
    at = text.find(RESPECTIVELY)
    paired: tuple[int, list[int]] | None = None  # where the last 分别 that paired years stood, and they
    while at >= 0:
        years = _years_before(exprs, text, at)
        if years is None and paired and not any(paired[0] < e.start < at for e in exprs):
            # 2023、2024及2025年…分别为412宗、388宗及356宗，其中…分别为61宗、54宗及47宗: a later 分别
            # with no time word of its own pairs its run with the same years
            years = paired[1]
        after = [i for i in order if figures[i][0] > at]
        if years and after and not any(ch in CLAUSE_STOPS for ch in text[at : figures[after[0]][0]]):
            run = [after[0]]
            for i in after[1:]:
                prev = figures[run[-1]]
                if text[prev[0] + prev[1] : figures[i][0]] not in FIGURE_JOINS:
                    break
                run.append(i)
            whole = (years[0], years[-1])
            if len(run) == len(years) and all(
                out[i] in (whole, (years[0], years[0]), (years[-1], years[-1])) for i in run
            ):
                for i, y in zip(run, years, strict=True):
                    out[i] = (y, y)
                paired = (at, years)
        at = text.find(RESPECTIVELY, at + len(RESPECTIVELY))
    return out
