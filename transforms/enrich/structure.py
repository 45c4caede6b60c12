"""When a text was published, and the parts of a government work report.

The publication year anchors every relative word (今年, 去年, 五年来). It comes from what the text
and its metadata say, never from the clock: the sidecar ``published`` date; else a full date in the
first lines (a dateline, or a report's date of delivery); else a date in the file's name; else a
report's title (2026年…政府工作报告); else the year its part headings imply (一、2025年工作回顾 is
read in 2026, 二、2025年工作安排 in 2025); else unknown.

A work report is read in parts, opened by headings (一、2025年工作回顾和“十四五”发展主要成绩;
二、“十五五”时期主要目标任务; 三、2026年工作安排): a review states what was done in the year or
period it names; a plan states what is to be done, so its metrics are targets unless plainly facts.
"""

from __future__ import annotations

import dataclasses
import json
import re
from functools import cache

from transforms.enrich.timewords import NULL, Period, resolve, scan
from transforms.lexicon import table, words

LEAD_CHARS = 300
YEAR = r"(?:19|20)\d{2}"
FULL_DATE = re.compile(
    rf"({YEAR})(?:年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|[-/.](?:0?[1-9]|1[0-2])[-/.]\d{{1,2}})"
)
# 二〇二六年三月十八日 (also with ○ or 零): a dateline written in Chinese digits, as Hong Kong's LegCo
# answers and many official releases are dated
HAN_DIGITS = "〇○零一二三四五六七八九"
HAN_DATE = re.compile(
    rf"([一二][{HAN_DIGITS}]{{3}})年\s*[一二三四五六七八九十]{{1,2}}\s*月\s*[一二三四五六七八九十]{{1,3}}\s*日"
)
# a Republic of China date in a dateline (民國113年6月20日, 發布日期：113年6月20日): year + 1911
ROC_DATE = re.compile(r"(?:民国\s*(\d{2,3})|(?<![\d.])(1[0-4]\d))年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
# 發布日期：115-04-22, 115/4/22: a Taiwan page's numeric dateline, its three-digit year the ROC's
ROC_NUMERIC = re.compile(
    r"(?<![\d.第])(1[0-4]\d)([-/.])(?:0?[1-9]|1[0-2])\2(?:0?[1-9]|[12]\d|3[01])(?![\d.])"
)
ROC_BASE = 1911
# 今（114）年, 今(2025)年: a lead that names this year in brackets names the publication year
THIS_YEAR_NOTED = re.compile(rf"今\s*[（(]\s*({YEAR}|1[0-4]\d)\s*[)）]\s*年")
NAME_DATE = re.compile(rf"(?<![0-9A-Za-z])({YEAR})(?:[-_.]?[01]\d[-_.]?[0-3]\d)?(?![0-9A-Za-z])")
TITLE_YEAR = re.compile(rf"({YEAR})年[^\n。]{{0,30}}工作报告")
HEADING_MAX = 40
DATED = ("year", "plan", "range")  # heading expressions that name their years
RELATIVE = ("five", "last", "past", "year1")  # 过去五年, 过去一年: years relative to the report's
OPEN = "open"  # a numbered part heading with no part word: after the review, the plan follows
NUMBERED = re.compile(r"^\s*[一二三四五六七八九十]+、")


def _published(meta: str | None) -> str:
    """A sidecar's ``published`` as written ('' when there is none or the sidecar is not JSON)."""
    if not meta:
        return ""
    try:
        return str(json.loads(meta).get("published") or "")
    except (ValueError, AttributeError):
        return ""


def meta_year(meta: str | None) -> int | None:
    """Year of a sidecar's ``published`` (ISO date or datetime, or a bare year)."""
    m = re.match(rf"\s*({YEAR})", _published(meta))
    return int(m.group(1)) if m else None


def meta_month(meta: str | None) -> int | None:
    """Month of a sidecar's ``published`` ISO date (2025-11-18), else None."""
    m = re.match(rf"\s*{YEAR}-(\d{{1,2}})", _published(meta))
    return int(m.group(1)) if m else None


START_BEFORE = ("自", "从")


def _dateline(pattern: re.Pattern[str], lead: str) -> re.Match[str] | None:
    """The first date of the lead that dates the text: not a start date (自115年1月1日起 says when a
    measure begins, not when the page was written)."""
    for m in pattern.finditer(lead):
        before, after = lead[: m.start()].rstrip(), lead[m.end() :].lstrip()
        if not before.endswith(START_BEFORE) and not after.startswith("起"):
            return m
    return None


def _lead_date(lead: str) -> int | None:
    """Year of the first full date (Gregorian or Republic of China) that dates the lead."""
    if m := _dateline(FULL_DATE, lead):
        return int(m.group(1))
    if m := _dateline(HAN_DATE, lead):
        return int(
            "".join(str(HAN_DIGITS.index(c) - 2 if HAN_DIGITS.index(c) > 2 else 0) for c in m.group(1))
        )
    if m := _dateline(ROC_DATE, lead):
        return int(m.group(1) or m.group(2)) + ROC_BASE
    if m := _dateline(ROC_NUMERIC, lead):
        return int(m.group(1)) + ROC_BASE
    return None


def text_year(name: str | None, text: str | None, raw: str | None = None) -> int | None:
    """Publication year from the text itself: a full date in its lead, else in the raw page's lead
    (``raw``: normalisation drops furniture lines such as 来源：…  发布时间：2025-02-18, and with them
    the page's date), this year named in brackets (今（114）年, a Taiwan release's way of dating
    itself), its file name, a report title."""
    lead = (text or "")[:LEAD_CHARS]
    if (y := _lead_date(lead)) is not None or (raw and (y := _lead_date(raw[:LEAD_CHARS])) is not None):
        return y
    if m := THIS_YEAR_NOTED.search(lead):
        y = int(m.group(1))
        return y + ROC_BASE if y < 1000 else y
    base = re.sub(r"\.[A-Za-z0-9]+$", "", (name or "").rsplit("/", 1)[-1])
    if m := NAME_DATE.search(base):
        return int(m.group(1))
    if m := TITLE_YEAR.search(lead):
        return int(m.group(1))
    return None


ADDRESS = "各位代表"  # the report's own address to the deputies, however long its line
LIST_ITEM_ENDS = ("；", ";")
_QUOTED = re.compile(r"《[^《》\n]*》")
_CLAUSE_MARKS = re.compile(r"[，,。；;：:]")


def _names_report(line: str) -> bool:
    """Does a lead line name its own text a work report: its title (2026年某省政府工作报告, 政府工作报告
    ——在…上) or the address to the deputies? Not a news item about a report: a line of a bulletin's
    summary (2.…讨论《政府工作报告（征求意见稿）》；), a report cited in 《》, or a sentence that
    mentions one after its own clauses (记者获悉，该县在今年的政府工作报告中…)."""
    line = line.strip()
    if ADDRESS in line[:HEADING_MAX]:
        return True
    if line.endswith(LIST_ITEM_ENDS):
        return False
    bare = _QUOTED.sub(lambda m: "□" * len(m.group(0)), line)
    for w in words("report_markers.txt"):
        i = bare.find(w)
        if 0 <= i < HEADING_MAX and not _CLAUSE_MARKS.search(bare, 0, i):
            return True
    return False


def is_report(text: str | None) -> bool:
    """A text whose first lines name it a work report (or address the deputies)."""
    lead = (text or "")[:LEAD_CHARS]
    if not any(w in lead for w in words("report_markers.txt")):
        return False  # the one test most pages need
    return any(_names_report(line) for line in lead.splitlines())


@cache
def _part_words() -> tuple[tuple[str, str], ...]:
    return tuple(
        (r["word"], r["part"]) for r in sorted(table("report_parts.csv"), key=lambda r: -len(r["word"]))
    )


@dataclasses.dataclass(frozen=True)
class Part:
    """A part of a work report: review or plan, and the period its heading names first."""

    kind: str  # review | plan
    period: Period | None  # None: the heading names none (the part's default applies)


def heading_part(sentence: str, *, single: bool, report: bool, published: int | None = None) -> Part | None:
    """The part a sentence opens, when it is a part heading (a short line of its own).

    A heading that names a year or plan is a review when that period is over by the report's year
    (``published``) and a plan when it is not (二、关于2025年工作 in a 2025 report); otherwise its
    words decide (report_parts.csv). In a text not known to be a report, only a numbered heading
    that names a year or plan counts, so that a news sub-headline (回顾过去 展望未来) does not turn
    a story into a report.
    """
    text = sentence.strip()
    if not single or len(text) > HEADING_MAX or text.endswith(("。", "！", "？", "；", "：")):
        return None
    if text.startswith(("（", "(")):  # （一）… is a heading inside a part, not a part
        return None
    numbered = bool(NUMBERED.match(text))
    if not report and not numbered:
        return None  # decided before scanning: most short lines of news pages are no part headings
    first = next((e for e in scan(text) if e.kind in DATED or e.kind in RELATIVE), None)
    if not report and not (numbered and first is not None and first.kind in DATED):
        return None
    kind = next((part for word, part in _part_words() if word in text), None)
    period = None
    if first is not None and first.kind in DATED:
        period = (first.first, first.last)
    elif first is not None and published is not None:  # 一、过去五年工作回顾
        period = resolve(first, published, True)
    if period is not None and published is not None and (numbered or kind):
        kind = "plan" if (period[0] or 0) >= published else "review"
    if kind is None and numbered and report:
        return Part(OPEN, period)  # 二、牢记历史使命，…: a part whose words do not say which
    return Part(kind, period) if kind else None


def part_default(part: Part, published: int | None) -> Period:
    """The years of a part whose heading names none: the reviewed year, or the plan's year."""
    if part.period is not None:
        return part.period
    if published is None:
        return NULL
    year = published - 1 if part.kind == "review" else published
    return year, year


def year_from_headings(headings: list[Part]) -> int | None:
    """The report's year as its first dated part heading implies it (review of Y-1, plan for Y)."""
    for part in headings:
        if (
            part.kind == OPEN
            or part.period is None
            or part.period[0] is None
            or part.period[0] != part.period[1]
        ):
            continue
        return part.period[0] + 1 if part.kind == "review" else part.period[0]
    return None
