"""The years each metric refers to and whether it is done or planned (fact-spec: years, modality).

Decided for the metric, from the nearest statement outward (fact-spec "Order of cues"):

1. its clause and sentence: the latest time expression before the metric that stands in the
   metric's own clause or opens an earlier clause of the sentence (2025年，城镇…；农村… -- a year
   heading a sentence governs the ；-joined sentences after it; a year in the middle of an earlier
   clause, 云品村是2021年确立的…，该村发展经果2000多亩, does not reach the metric);
2. a frame opening the paragraph (五年来，…; 截至目前，…; 近年来，… gives no year);
3. in a work report, the part and the latest frame opening one of its paragraphs (过去一年 …
   五年来 … 今年 …); elsewhere the period a sub-headline's lead or the story's headline or lead states;
4. the publication year (structure.py), never the clock; unknown -> null.

Modality: a target cue before the metric in its clause (modality.py), a horizon still ahead
(到2027年…), a cue opening the sentence or heading a list (主要预期目标是：…；…), a verb of
decision outside a review; else the part (a plan's metrics are targets unless plainly facts, or
dated before the plan's year); else actual. A 其中 part takes its whole's modality.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from typing import NamedTuple

import polars as pl

from transforms.enrich import modality as cue
from transforms.enrich.context import Context
from transforms.enrich.glossary import TermUse
from transforms.enrich.regions import page_regions
from transforms.enrich.regions.page import TAIWAN
from transforms.enrich.respective_years import RESPECTIVELY, respective_years
from transforms.enrich.structure import (
    HEADING_MAX,
    LEAD_CHARS,
    OPEN,
    Part,
    heading_part,
    is_report,
    meta_month,
    meta_year,
    part_default,
    text_year,
    year_from_headings,
)
from transforms.enrich.timewords import (
    CN_YEAR,
    NONE,
    NULL,
    YEAR,
    Expr,
    Period,
    _number,
    dates_roc,
    keys_pattern,
    may_hold,
    opening,
    resolve,
    scan,
)
from transforms.lexicon import words
from transforms.metrics.words import tag

METRIC_PERIODS = {"metric_id": pl.String, "year_from": pl.Int32, "year_to": pl.Int32, "modality": pl.String}
LIST_ENDS = ("；", ";")
COLONS = frozenset("：:")
SHORT_CLAUSE = 10  # a clause this short that opens with a cue and holds no number is a frame (力争，…)
PAIR_GAP = 6  # 从796元/月提高至842元: the unit's tail and the verb between a change's two ends
FROM_REACH = 2  # 由2010年的A: the year reaches only the metric right after it
# ... or one after earlier start values joined to it (从2021年的46503元和16935元分别提高到…)
_FROM_LIST = re.compile(r"[^\d]{0,2}(?:\d[\d.]*[^\d、和与及，,；;。]{0,4}(?:、|和|与|及))+$")
# frames that hold for the paragraphs after them in a work report's part: multi-year ones always
# (五年来, “十五五”时期), one-year ones only when they face the part's way (过去一年 in a review; a
# plan's 去年，… paragraph is a contrast, and its next paragraph is the plan again)
STICKY = frozenset({"range", "plan", "plan_since", "five", "next5"})
STICKY_ONE_YEAR = frozenset({"year", "last", "past", "year1", "this", "next"})
STORY = frozenset({"year", "range", "plan", "plan_since", "since", "at"})
# a work report's look back over the five years (回望过去五年，…; 五年来，…) opening a sentence in
# the middle of a paragraph frames the rest of it and the part's paragraphs after it
REFRAME = frozenset({"five"})
BASE_CLOSERS = ("的基础上", "基础之上")  # 在去年…的基础上: the phrase dates the base, not what follows it
ANNOUNCES = ("如下：", "如下:")  # a lead announcing the list after it (…安排如下：)
PAPER_MIN = 7  # a paragraph's opening sentence shorter than this (各位代表！) frames nothing


class Sentence(NamedTuple):
    """One sentence, scanned once: its time expressions, clauses and what carries past its end.

    A named tuple, not a dataclass: one is built per analysed sentence, and a tuple builds fastest.
    The verb chains a clause continues are worked out only for the clauses a metric needs them for
    (:func:`chain_before`), since most metrics are decided before that rule is reached.
    """

    exprs: tuple[Expr, ...]
    clauses: tuple[tuple[int, int], ...]  # [start, end) of each clause, terminator excluded
    openers: frozenset[int]  # indexes into exprs of the expressions that open a clause
    frames: tuple[int, ...]  # start offsets of clauses after a target frame (…目标是：)
    ends_list: bool  # ends with ；: its heading year and frame carry to the next sentence


CLAUSE_STOPS = "，；;：:。！？!?"  # every clause terminator but the ASCII comma
# an ASCII comma ends a clause unless it groups thousands (1,120亿澳门元, 3万2,500元): split there,
# the figure's clause would hold only its last digits and lose the verb before it (…总开支为1,015亿)
CLAUSE_END = re.compile(f"[{CLAUSE_STOPS}]|(?<!\\d),|,(?!\\d{{3}}(?!\\d))")
# (Rust regex) every character str.strip() removes -- Unicode White_Space plus \x1c-\x1f -- so a
# column-wide test with it never rules out what the per-sentence Python test would let through
STRIPPED = r"[\s\x1c-\x1f]"
DIGIT = re.compile(r"\d")
# a figure in a clause, in digits or in Chinese numerals with a share's unit (上调一成, 百分之五)
FIGURE = re.compile(r"\d|百分之|[一二两三四五六七八九十半][成倍]|分之")


@lru_cache(maxsize=1)
def _lead_pattern() -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in words("time_openers.txt"))
    # a list marker （二） / (3) before a sentence-head year does not stop it heading the sentence
    marker = "[（(][一二三四五六七八九十\\d]{1,3}[）)]"
    return re.compile(f"(?:[ \u3000]|{marker}|{alternatives})*")


def _clauses(text: str) -> tuple[tuple[int, int], ...]:
    # every terminator is one character: a clause ends at one and the next starts right after it
    out, pos = [], 0
    for piece in CLAUSE_END.split(text):
        out.append((pos, pos + len(piece)))
        pos += len(piece) + 1
    if len(out) > 1 and out[-1][0] == len(text):
        out.pop()  # nothing after the last terminator
    return tuple(out)


def _lead(text: str, start: int, end: int) -> int:
    """Where a clause's content starts once the words that may precede a time frame are skipped."""
    m = _lead_pattern().match(text, start, end)
    assert m is not None  # a starred group matches (empty) wherever start <= end, as clauses have
    return min(m.end(), end)


FISCAL = "年度"
FISCAL_AFTER = ("度", "财政年度")  # 二〇二七年财政年度预算案: a one-year fiscal year (Macau's)


def _fiscal(text: str, e: Expr) -> bool:
    """Is the expression a fiscal year (2026-27年度, 二〇二七年财政年度)?"""
    if e.kind == "range":
        return text.startswith(FISCAL, e.end - 2)
    return e.kind == "year" and text.startswith(FISCAL_AFTER, e.end)


PROGRAMME_CHARS = 14  # 2026/2027年度|流感疫苗接种|计划: how long a programme's name may run after its span
# what a programme named as its clause's subject does next (…计划自十月十五日起展开, …活动将于…举行)
_PROGRAMME_VERBS = "自|于|将|已|正式|在|由|开始|展开|开展|启动|推出|举行"


@lru_cache(maxsize=1)
def _programme() -> re.Pattern[str]:
    nouns = "|".join(map(re.escape, words("programme_nouns.txt")))
    return re.compile(f"[^，,；;。：:\\d的]{{1,{PROGRAMME_CHARS}}}?(?:{nouns})[」』”]?(?:{_PROGRAMME_VERBS})")


def _names_programme(text: str, e: Expr) -> bool:
    """Is a season or fiscal year (2026/2027年度) the first word of a programme's name that its
    clause is about (2026/2027年度流感疫苗接种计划自十月十五日起展开，截至昨日…接种15万人次)? Then it
    dates the programme, not the figures after it: no frame of the sentence, paragraph or story."""
    return e.kind == "range" and _programme().match(text, e.end) is not None


SUBJECT_CHARS = 6  # 工程自二〇二三年展开以来，… / 租金补贴自115年起，…: a short subject before a start
_START_WORDS = ("自", "从")
_STARTS_AT = re.compile(r"[^，,；;。\d]{0,2}(?:\d{1,2}月(?:\d{1,2}日)?)?起")  # 自114年1月起: the start's tail
COPULAS = ("是", "为", "於", "于")  # 该镇是去年确定的示范镇: the year dates the noun, not a frame
PLANNED_AT = ("将于", "拟于", "会于", "计划于", "预计于")  # 将于明年推出…: a time planned, not a copula


def _subject_start(text: str, cs: int, ce: int, e: Expr) -> bool:
    """Does a dated start (自X年起, 从X年以来) or 去年 follow only a short subject at its clause's
    head (工程自二〇二三年展开以来，…; 教育局去年向学校发放津贴，共惠及…), or the year it acted in
    (_acted_in)? Then it frames the clause and the clauses after it, as one opening the clause
    would; not after a copula (该镇是去年确定的…)."""
    return (
        (
            (
                (e.kind == "since" and text.startswith(_START_WORDS, e.start))
                or e.kind in ("last", "past")
                # …，将于明年推出新计划，预计受惠约500间: 明年 frames them (not 做好明年的经济工作: a noun's)
                or (e.kind == "next" and not text.startswith("的", e.end))
                # 环境部自114年1月起扩大…措施，每杯折抵至少5元: a measure's start year dates its figures
                or (
                    e.kind == "year"
                    and text.startswith(_START_WORDS, e.start - 1)
                    and _STARTS_AT.match(text, e.end) is not None
                )
            )
            and (e.start - cs <= SUBJECT_CHARS or _long_subject_look_back(text, cs, e))
            and not DIGIT.search(text, cs, e.start)
            and (not text.endswith(COPULAS, cs, e.start) or text.endswith(PLANNED_AT, cs, e.start))
        )
        or _acted_in(text, cs, ce, e)
        or _dated_finding(text, cs, ce, e)
    )


# 文化部114年底的使用者调查显示，满意度达92.3%: the year of a survey or count dates what it shows
FINDING_VERBS = ("显示", "表明")


def _dated_finding(text: str, cs: int, ce: int, e: Expr) -> bool:
    """Is the expression the date of a survey or statistics whose findings the clauses after it
    report (市统计局2025年底的抽样调查显示，…)? A short subject at most stands before it."""
    return (
        e.kind == "year"
        and e.start - cs <= SUBJECT_CHARS
        and not DIGIT.search(text, cs, e.start)
        and text[cs:ce].rstrip().endswith(FINDING_VERBS)
    )


AT = "在"  # 某处在2025年进行…: the year an agent acted in
_ESTIMATE_TAIL = re.compile(r"估计(?:为|达)?\s*$")


def _without_estimate(before: str) -> str:
    """The clause up to a figure without a closing estimate of the quantity it names (…金额估计|约412
    亿元): that figure is reckoned as it stands, the estimate foresees nothing."""
    return _ESTIMATE_TAIL.sub("", before) if cue.estimate_before_figure(before) else before


# a standing entitlement: each person (or household, case) may get so much (每名长者每年可获2,000元)
_STANDING = re.compile(r"每(?:名|人|位|户|宗|个)[^，,。；;]{0,12}可(?:获|领|得|享)")


def _acted_in(text: str, cs: int, ce: int, e: Expr) -> bool:
    """Is ``e`` the year a short subject at the clause's head acted in (（二）劳工处在2025年进行…),
    with no 的 after it in the clause (他在2020年创办的企业 dates the firm, not a frame)?"""
    return (
        e.kind == "year"
        and text.endswith(AT, cs, e.start)
        and not DIGIT.search(text, cs, e.start)
        and e.start - _lead(text, cs, ce) <= SUBJECT_CHARS
        and "的" not in text[e.end : ce]
    )


LONG_SUBJECT_CHARS = 16  # 此外，普通科门诊公私营协作计划去年共提供…: a scheme's name before 去年
_NOT_SUBJECT_END = re.compile(r"[比较与同于至到从自的和及、为是在]$")


def _long_subject_look_back(text: str, cs: int, e: Expr) -> bool:
    """Does 去年 follow a longer subject at its clause's head (某某计划去年共提供…)? Not when it is
    a comparison's base or a noun's (比去年同期增长, 与去年相比, 去年的), only a time adverb. So does
    the year a longer subject is planned for (位于石排湾的新卫生中心将于明年投入服务，…)."""
    if e.kind == "next" and text.endswith(PLANNED_AT, cs, e.start) and e.start - cs <= LONG_SUBJECT_CHARS:
        return not DIGIT.search(text, cs, e.start)  # 位于某处的新卫生中心将于明年投入服务，面积约…
    return (
        e.kind in ("last", "past")
        and e.start - cs <= LONG_SUBJECT_CHARS
        and _NOT_SUBJECT_END.search(text, cs, e.start) is None
        and not text.startswith(("同期", "的", "相比", "比"), e.end)
    )


# a figure's unit run straight into a date (…17,480人2024年：…; …15,760人截至2025年12月底，…): the
# page's table rows or lines were joined without a break, and the date opens a row of its own
_GLUED = re.compile(r"\d(?:[%‰]|[^\W\d_年月日至到底初末]{1,2})$")
GLUED_KINDS = frozenset({"year", "at", "range"})


def _glued(text: str, e: Expr) -> bool:
    """A dated expression right after a figure, with no break between: it opens a row (_GLUED)."""
    return e.kind in GLUED_KINDS and _GLUED.search(text, max(e.start - 4, 0), e.start) is not None


@lru_cache(maxsize=65536)
def analyse(text: str, roc: bool = False) -> Sentence:
    """Scan one sentence (cached: headlines and boilerplate repeat); ``roc``: see timewords.scan."""
    exprs = scan(text, roc)
    clauses = _clauses(text)
    openers: set[int] = set()
    frames: list[int] = []
    framed, i, n, size = False, 0, len(exprs), len(text)
    for cs, ce in clauses:
        if i < n:
            while i < n and exprs[i].start < cs:
                i += 1
            if i < n and (exprs[i].start <= _lead(text, cs, ce) or _subject_start(text, cs, ce, exprs[i])):
                openers.add(i)
        if framed:
            frames.append(cs)
        elif ce < size and text[ce] in COLONS:
            framed = cue.may_cue(text[cs:ce]) and cue.target_cue(text[cs:ce])
        elif ce - cs <= SHORT_CLAUSE and not DIGIT.search(text, cs, ce):
            framed = cue.starts_with_target_cue(text[cs:ce].strip())
    # a fiscal year (2026-27年度) dates the measure it names wherever it stands in its clause, and
    # the clauses after it detail that measure (宽减2026-27年度薪俸税，每宗上限3,000元，政府少收…)
    openers.update(i for i, e in enumerate(exprs) if _fiscal(text, e) or _glued(text, e))
    openers.difference_update(i for i, e in enumerate(exprs) if _names_programme(text, e))
    ends_list = text.rstrip().endswith(LIST_ENDS)
    return Sentence(exprs, clauses, frozenset(openers), tuple(frames), ends_list)


PART_OPENERS = ("其中", "当中")  # a clause opening so gives a part of the figure before it (metric-spec)
CONTRAST = "则"  # 非永久性居民则每人6,000元: the contrasted parallel of the clause before
CONTRAST_CHARS = 12  # … when this short before its metric
DETAIL_CHARS = 10  # a clause detailing the one before it is this short before its metric


@lru_cache(maxsize=1)
def _detail_words() -> tuple[str, ...]:
    return tuple(words("detail_openers.txt"))


@lru_cache(maxsize=1)
def _detail_bounds() -> tuple[str, ...]:
    return tuple(words("detail_bounds.txt"))


def _details(before: str) -> bool:
    """Whether a clause, up to its metric, only details the clause before it (每户最高, 涉及约, or a
    bound after its noun: 还款期最长)."""
    lead = before.strip()
    first = FIGURE.search(lead) if "、" in lead else None
    if first is not None:  # 涉及楼栋612幢、居民1.8万户: a later item of a list details as its first does
        lead = lead[: first.start()]
    return len(lead) <= DETAIL_CHARS and (
        lead.startswith(_detail_words()) or lead.rstrip("为约近").endswith(_detail_bounds())
    )


_FROM_VALUE = re.compile(r"由[^，；。\d]{0,6}$")
_TO_AFTER = re.compile(r"^[^，；。\d]{0,4}[至到]")
_DATED_START = re.compile(r"[自由从][^，；。]{1,12}起")


def _dated_start_at(text: str, e: Expr) -> bool:
    """Is the expression the date a measure starts from (由2027年1月1日起, 自115年起)?"""
    return any(_DATED_START.match(text, p) for p in (e.start, e.start - 1) if p >= 0)


def _starts_from(text: str, e: Expr) -> bool:
    """Is the expression a start date, with its 自/由/从 or, in a headline's short style, without
    (116年起实施, 明年1月起)?"""
    return _dated_start_at(text, e) or text[e.start : e.end].endswith("起") or text.startswith("起", e.end)


def _from_value(before: str, after: str) -> bool:
    """Is the metric the start of a change 由A…至B (由每小时4元调高至6元)? It is the level as it
    stands, stated as a fact even under a cue that plans the change."""
    return _FROM_VALUE.search(before) is not None and _TO_AFTER.match(after) is not None


def _dated_change_end(lead: str, before: str, period: Period, published: int | None) -> bool:
    """Is the metric the end of a change announced to start at a date (自115年1月1日起，…由A调升至B)
    not before the page's year? Then B is decided but not yet in force: a target."""
    if _DATED_START.search(lead) is None or re.search(r"由[^，；。]*\d[^，；。]*[至到]$", before) is None:
        return False
    if cue.actual_cue(before):
        return False  # 自115年1月起已将津贴由A提高至B: 已 says the change is in force
    return published is None or (period[0] is not None and period[0] >= published)


def _forecast_before(s: Sentence, text: str, k: int, carried: bool = False) -> bool:
    """Does a forecast verb (target_forecast_cues.txt) of an earlier clause govern clause ``k``? Its
    scope runs on over the clauses after it while each one in between gives a figure, and over a ；
    into the next sentence (``carried``: the sentence before ended in the forecast's scope)."""
    j = k - 1
    while j >= 0:
        clause = text[s.clauses[j][0] : s.clauses[j][1]]
        if cue.cues(clause, "target_forecast_cues.txt") and not cue.actual_cue(clause):
            return True
        if cue.announces_measure(clause):
            return True  # 宣布一系列纾困措施，包括…: the figures of the measures announced
        if not FIGURE.search(clause):
            return False
        j -= 1
    return carried


def _earlier_cue(s: Sentence, text: str, k: int, before: str, review: bool, carried: bool = False) -> bool:
    """Does a target cue of an earlier clause reach clause ``k`` (``before``: its text up to the
    metric)? Through a verb chain, a parallel clause, a detail of a promised grant or a forecast."""
    chain = chain_before(s, text, k)
    if chain is not None and cue.target_cue(chain, review=review):
        return True  # 将紧扣…，建立…232项: the cue of the chain's first verb
    prev = text[s.clauses[k - 1][0] : s.clauses[k - 1][1]]
    if cue.parallel_verb(before, prev) and cue.target_cue(prev, review=review):
        return True  # 力争A达到50%以上，B达到30%以上: the parallel of a promised figure
    if _details(before):
        j = k - 1  # back over the details before this one (…，每户最高5000元，涉及约12万户)
        while j > 0 and text[s.clauses[j][0] : s.clauses[j][1]].strip().startswith(_detail_words()):
            j -= 1
        head = text[s.clauses[j][0] : s.clauses[j][1]]
        # …，并额外招聘医生150名，涉及开支约12亿元: the detailed clause may continue a planned chain
        head = (chain_before(s, text, j) or "") + head
        if cue.target_cue(head, review=review) and not cue.actual_cue(head):
            return True  # 将向住户发放津贴，每户最高6,000元 (not 已于…推行…计划，每宗资助…)
    # 预计赤字为500亿元，储备降至6,000亿元: the forecast's next figures
    return not review and _forecast_before(s, text, k, carried)


def _up_to_figure(clause: str) -> str:
    """A clause up to its first figure: what :func:`_details` reads before a metric."""
    m = FIGURE.search(clause)
    return clause[: m.start()] if m else clause


def _head_governing(s: Sentence, text: str, k: int) -> Expr | None:
    """The time expression of the clause that detail clause ``k`` (每人…, 涉及…) and the details before
    it detail: they state the same measure, so its time dates them."""
    j = k - 1
    while j > 0 and _details(_up_to_figure(text[s.clauses[j][0] : s.clauses[j][1]])):
        j -= 1
    end = s.clauses[j][1]
    head = governing(s, end, end, j, text)
    # a pair's end (从1997年的A增加到2002年的B，平均每年增加C) dates B only: the average spans the pair
    return head if head is not None and head.kind not in ("from", "to") else None


def chain_before(s: Sentence, text: str, k: int) -> str | None:
    """The earlier clauses whose verb chain clause ``k`` continues (…，新建公园3个), each closed by
    ``，``; None when the clause opens no continuation. The chain starts at the latest earlier clause
    that does not itself open with a chaining verb (or at the sentence's first clause)."""
    clauses = s.clauses
    if k == 0 or not cue.opens_with_verb(text[clauses[k][0] : clauses[k][1]]):
        return None
    j = k - 1
    while j > 0 and _continues(text[clauses[j][0] : clauses[j][1]]):
        j -= 1
    return "".join(text[cs:ce] + "，" for cs, ce in clauses[j:k])


def _continues(clause: str) -> bool:
    """Does a clause continue the one before it: a chaining verb, or a part (其中…) or detail (总投资约…)
    of its figure? (计划实施32件，总投资约15亿元，其中新建5个，改造20个: the plan reaches the last.)"""
    lead = clause.strip()
    return cue.opens_with_verb(clause) or lead.startswith(PART_OPENERS) or _details(lead)


SOURCE_MAX = 24  # a source clause (统计暨普查局资料显示, 香港房屋委员会今日（…）公布) is this short


# a news lead's dateline before its source clause: 本报讯（记者 …）3月11日，记者从…获悉，2025年，…
# (a bracketed byline, then a day of the month with no year: the day of the report, not a period)
DATELINE = r"(?:[^\d（(，,。；]{0,6}[（(][^）)\d]{0,30}[）)])?(?:\d{1,2}月\d{1,2}日[，,])?"

# 环境部今（3）日发布新闻稿指出，…: the day of the release inside its source clause dates no figure
RELEASE_DAY = r"今[（(]\d{1,2}[)）]日"


@lru_cache(maxsize=1)
def _source_pattern() -> str:
    """A sentence's first clause when it only names who reports (…资料显示，; 记者从…获悉，): short,
    no digit, after an optional dateline (DATELINE)."""
    verbs = "|".join(map(re.escape, words("attribution_verbs.txt")))
    return f"^{DATELINE}(?:[^\\d{CLAUSE_STOPS},]|{RELEASE_DAY}){{0,{SOURCE_MAX}}}(?:{verbs})[，,]"


@lru_cache(maxsize=1)
def _address_pattern() -> str:
    """A report's address to the assembly opening a sentence (各位代表，: report_salutations.txt)."""
    said = "|".join(map(re.escape, words("report_salutations.txt")))
    return f"(?:{said})[，,！：:]"


def _source_end(text: str) -> int:
    """Where a sentence's content starts once an opening source clause (…显示，) or the address of
    a report to the assembly (各位代表，) is read past."""
    address = re.match(_address_pattern(), text)
    if address is not None:
        return address.end()
    m = re.match(_source_pattern(), text)
    if m is None:
        return 0
    dated = re.match(DATELINE, text)
    source = re.sub(RELEASE_DAY, "", text[dated.end() if dated else 0 : m.end()])
    return m.end() if not may_hold(source) else 0


@lru_cache(maxsize=65536)
def head_expr(text: str, roc: bool = False) -> Expr | None:
    """The expression opening a sentence's first clause (a paragraph's or section's frame), cheaply;
    after an opening source clause (统计局资料显示，2026年10月…), the one opening the next clause."""
    start = _source_end(text)
    m = CLAUSE_END.search(text, start)
    end = m.start() if m else len(text)
    if not may_hold(text, end):  # most paragraphs open without a time word
        return None
    return opening(text, _lead(text, start, end), end, roc)


@lru_cache(maxsize=1)
def _head_key_pattern() -> str:
    """A key of a time expression (timewords.keys_pattern) before the first clause end: without one,
    :func:`head_expr` finds nothing (the keys hold no clause terminator)."""
    # no lookaround in the column-wide (Rust) regex: stopping short of every comma would rule out
    # what the Python test lets through past a thousands comma, so commas do not stop it here
    return f"^(?:{_address_pattern()})?(?:{_source_pattern()[1:]})?[^{CLAUSE_STOPS}]*(?:{keys_pattern()})"


def _may_be_heading(text: pl.Expr) -> pl.Expr:
    """False where :func:`heading_part` surely finds no heading: more than HEADING_MAX characters
    and no whitespace at either end to strip (the class holds all Python strips, and then some)."""
    return (text.str.len_chars() <= HEADING_MAX) | text.str.contains(f"^{STRIPPED}|{STRIPPED}$")


def _clause_at(s: Sentence, offset: int) -> int:
    """Index of the clause holding ``offset`` (a terminator belongs to the clause it ends)."""
    for k, (cs, ce) in enumerate(s.clauses):
        if cs <= offset <= ce:
            return k
    return len(s.clauses) - 1


def governing(s: Sentence, offset: int, end: int, k: int | None = None, text: str = "") -> Expr | None:
    """The time expression that governs a metric at ``[offset, end)`` of the sentence (in its clause
    ``k``, found when not given), if any. One closed off by a base phrase before the metric (在去年
    改造355个的基础上，再增加300个) dates the base, not the metric after it."""
    if not s.exprs:
        return None
    cs = s.clauses[_clause_at(s, offset) if k is None else k][0]
    found = None
    for i, e in enumerate(s.exprs):
        if e.start >= offset:
            break
        if e.end > offset and e.start < end:
            continue  # part of the metric itself
        if e.start < cs and i not in s.openers:
            continue  # inside an earlier clause: it does not reach the metric
        if (
            (e.kind == "from" or (text and _relative_start(text, e)))
            and offset - e.end > FROM_REACH
            and not (text and _FROM_LIST.match(text, e.end, offset))
        ):
            continue
        if text and any(w in text[e.end : offset] for w in BASE_CLOSERS):
            continue
        found = e
    return found


# (从目前的A缩短至B: B keeps the page's year, or the year a plan before it names: 明年将把…由目前的A
# 增至B, B is next year's)
RELATIVE_STARTS = frozenset({"last", "past", "this"})


def _relative_start(text: str, e: Expr) -> bool:
    """Is a relative year the dated start of a pair (将从去年的3.8%升至4.6%)? Like 由2020年的A, it
    dates only the value right after it."""
    return (
        e.kind in RELATIVE_STARTS and text.endswith(("从", "由"), 0, e.start) and text.startswith("的", e.end)
    )


@lru_cache(maxsize=1)
def _pair_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    froms = "|".join(map(re.escape, words("pair_from_words.txt")))
    tos = "|".join(map(re.escape, words("pair_to_words.txt")))
    # an earlier metric of a 分别 list: 从209元、280元提高到217元、290元 (or …到58794元和23184元)
    item = "\\d[\\d.]*[^\\d、和与]*(?:、|和|与)"
    return (
        re.compile(f"(?:{froms})(?:{item})*$"),
        re.compile(f"^(?:、\\d[\\d.]*[^\\d、]*)*[^\\d]{{0,{PAIR_GAP}}}?(?:{tos})\\d"),
        re.compile(f"(?:{froms})\\d.*(?:{tos})(?:{item})*$"),
    )


def _past_pair_end(since_word: str) -> bool:
    """Whether the text from an unknown-past word to a metric is a pair's start from that past to
    the metric (从过去的3000多元增加到…): the metric is the pair's end, stated as it stands now."""
    froms = tuple(words("pair_from_words.txt"))
    tos = "|".join(map(re.escape, words("pair_to_words.txt")))
    return (
        since_word.startswith(froms)
        and re.search(f"\\d[^，；。]*(?:{tos})[^，；。\\d]{{0,6}}$", since_word) is not None
    )


def pair_end(before: str, after: str) -> str | None:
    """Which end of an explicit change the metric is (比重从34.6%提升到49%: "from" for 34.6%, "to" for
    49%), from its clause's text before and after it; None when it is no end of one. Over a span
    the end value is the last year's (fact-spec: "an end point of an explicit pair"), and over a
    written range (2020年到2025年，…) the start value is the first year's."""
    starts, goes_on, ends = _pair_patterns()
    if starts.search(before) and goes_on.search(after):
        return "from"
    if ends.search(before):
        return "to"
    return None


@lru_cache(maxsize=1)
def _change_words() -> tuple[str, ...]:
    return tuple(words("pair_change_words.txt"))


# the value of a comparison's base right after its year (较2024年的90302宗下跌4.2%): dated that year
EQUALS = "相当于"
_BASE_VALUE_TAIL = (
    # 较2025年同期的1万零500次; a school year too: 较114学年度的86.1%
    r"((?:19|20)\d{2}|1[0-4]\d)学?年度?(?:底|末|初|同期|同月|同季度?)?的$"
)


@lru_cache(maxsize=1)
def _base_value() -> re.Pattern[str]:
    """较2024年的90302宗, 低于2022年的3.1%: a comparison's word (time_base_words.txt) before it; not
    相当于 (相当于2012年的1.8倍: the figure is the later year's multiple of that year's)."""
    bases = "|".join(re.escape(w) for w in words("time_base_words.txt") if w != EQUALS)
    return re.compile(f"(?:{bases}){_BASE_VALUE_TAIL}")


# … or a year before the figure's own (较一年前的5.5年, 比上年的X): the year before the period's
_BASE_BACK = re.compile(
    r"(?:较|比|与)(?:一年前|上年|去年|上一年|前一年)(?:同期|同月|同季|同季度|同一时期)?的$"
)
ROC_BASE = 1911


def _looks_back(gov: Expr | None, period: Period, published: int | None) -> bool:
    """Does the metric's clause look back (近年来，…将观赏期从1个月延长到3个月; 去年…将…提高至…)?
    Then 将 + object + a verb of change reports a change made, not one to be made."""
    if gov is not None and gov.kind == NONE:
        return True
    return published is not None and period[1] is not None and period[1] < published


DATED_AT = ("于", "在")  # 约2,100个单位已于2025年12月入伙: the date of the figure's own verb
DATED_AFTER_KINDS = ("year", "at")


def _dated_after(s: Sentence, text: str, end: int, clause_end: int) -> Expr | None:
    """A year after the metric in its own clause that dates the clause's verb (约2,100个单位已于2025年
    12月入伙, 5个项目于2024年建成), when nothing before the metric in the sentence dates it."""
    for e in s.exprs:
        if e.start < end:
            continue
        if e.start >= clause_end:
            break
        if (
            e.kind in DATED_AFTER_KINDS
            and text.endswith(DATED_AT, 0, e.start)
            and not _FIGURE_BETWEEN.search(text, end, e.start)
        ):
            return e
    return None


_FIGURE_BETWEEN = re.compile(r"\d")


def _year_ahead_before(s: Sentence, offset: int, published: int | None) -> Expr | None:
    """The latest year still ahead of the page's (not a start: 自…起) in an earlier clause of the
    sentence, for a planned metric nothing else dates (预计116年完工，将提供326户住宅; 目标在2028年底前
    培训3万名市民，每期课程为时约三小时): the plan's year."""
    if published is None:
        return None
    found = None
    for e in s.exprs:
        if e.start >= offset:
            break
        if e.kind in ("year", "to", "at") and e.first is not None and e.first > published:
            found = e
    return found


def _pair_change(before: str) -> bool:
    """Does a clause, up to its metric, only name a change (增长近, 成长约)?"""
    return before.strip().rstrip("了约近超逾达") in _change_words()


def _pair_span(s: Sentence, k: int) -> Period | None:
    """The years of an explicit pair in clause ``k`` (从2017年的A增至2025年的B), if it holds one."""
    cs, ce = s.clauses[k]
    inside = [e for e in s.exprs if cs <= e.start < ce]
    i = next((i for i, e in enumerate(inside) if e.kind == "from"), None)
    if i is None:
        return None
    first = inside[i].first
    last = next((e.last for e in inside[i + 1 :] if e.kind in ("to", "year")), None)
    if first is None or last is None or last <= first:
        return None
    return first, last


# 由2020年的A增加到B: a pair's dated start dates that value only (a horizon 到2030年，… carries on)
PAIR_START = "from"
NOT_CARRIED = frozenset({PAIR_START, "recent"})


def last_opener(s: Sentence) -> Expr | None:
    """The expression that still governs at the sentence's end (carried over a ；). A pair's dated
    start (…，由2020年的A增加到B；累计完成投资C) dates its own value, not the sentences after it; nor
    does the span of the last few years (近3年已完成…；再生水厂已有6座营运): it dates what was done in
    it, and what the text states after the ； stands now."""
    opened = [s.exprs[i] for i in sorted(s.openers) if s.exprs[i].kind not in NOT_CARRIED]
    return opened[-1] if opened else None


@dataclasses.dataclass
class Walk:
    """State while reading one document in order: its part, frames and periods."""

    published: int | None
    report: bool
    single: Mapping[int, int]  # sentences per paragraph: a part heading is a paragraph of its own
    part: Part | None = None
    sticky: Period | None = None  # the latest frame opening a paragraph of the part
    story: int | None = None
    story_period: Period | None = None
    section_period: Period | None = None
    lead_pending: bool = True
    lead_is_section: bool = False
    para: int | None = None
    para_frame: Period | None = None
    para_pending: bool = False
    carry: Expr | None = None  # the heading year of a sentence ending in ；
    carry_target: bool = False  # …目标是：…； the list goes on
    carry_start: str = ""  # 自115年1月1日起 of a sentence ending in ；: the carried year is a dated start
    carry_forecast: bool = False  # a sentence ending in ； inside a forecast's scope (预计…为A，…为B；)
    roc: bool = False  # a Taiwan page: bare Republic of China years (113年) are years
    late: bool = False  # dated late in its year (a policy address of November): 过去一年 is that year
    month: int | None = None  # the month the page is dated in: the school year running then (本学年)
    day_frame: Period | None = None  # a story paragraph opened by a dated day (2003年9月18日，…)
    budget: bool = False  # the story's headline names a budget bill (发表2026-27年度财政预算案)
    budget_page: bool = False  # ... or the page's opening lines do (a title under a 新闻公报 masthead)

    def resolve(self, e: Expr) -> Period:
        if e.kind == PAST and self.late and self.published is not None:
            return self.published, self.published
        if e.kind == SCHOOL:
            return school_year(self.published, self.month)
        if e.kind == NEXT_SCHOOL:  # 下学年: the school year after the running one
            a, b = school_year(self.published, self.month)
            return (a + 1, b + 1) if a is not None and b is not None else NULL
        return NULL if e.kind == NONE else resolve(e, self.published, self.report)

    def context(self) -> Period:
        """The period a metric gets when its own sentence says nothing."""
        if self.para_frame is not None:
            return self.para_frame
        if self.part is not None:
            return self.sticky if self.sticky is not None else part_default(self.part, self.published)
        for period in (self.section_period, self.story_period):
            if period is not None:
                return period
        p = self.published
        return (p, p) if p is not None else NULL

    def enter(
        self,
        para_ix: int,
        story_ix: int,
        role: str,
        text: str,
        single: bool | None = None,
        head_key: bool | None = None,
    ) -> None:
        """Update the story, section, paragraph and part before deciding a sentence's metrics
        (``single``: the sentence is its paragraph's only one; ``head_key``: its first clause may hold
        a time expression -- False spares :func:`head_expr`; None when the caller does not know)."""
        if story_ix != self.story:
            self.story, self.story_period, self.section_period = story_ix, None, None
            self.budget = False
            self.day_frame = None
            self.lead_pending, self.lead_is_section = True, False
        if para_ix != self.para:
            self.para, self.para_frame, self.para_pending = para_ix, None, True
            # a paragraph opening with a bare verb goes on with the list the page broke off after a
            # ； (据介绍，去年…；\n新增停车位1600余个): it keeps the carry; any other starts afresh
            if not cue.opens_with_verb(text):
                self.carry, self.carry_target, self.carry_start, self.carry_forecast = None, False, "", False
        if single is None:
            single = self.single[para_ix] == 1
        part = (
            heading_part(text, single=True, report=self.report, published=self.published) if single else None
        )
        if part is not None and part.kind == OPEN:  # reports review first, then plan
            part = None if self.part is None else Part("plan", part.period)
        if part is not None:
            self.part, self.sticky, self.report, self.para_pending = part, None, True, False
            return
        if role == "headline":
            head = (head_expr(text, self.roc) if head_key is not False else None) or next(
                iter(scan(text, self.roc)), None
            )
            # a headline's start date (…提高至45元　116年起实施) says when a measure begins, as a
            # lead's does: the story's other figures keep the publication year
            if head is not None and head.kind in STORY and not _starts_from(text, head):
                self.story_period = self.resolve(head)
            self.budget = any(w in text for w in words("budget_titles.txt"))
            self.para_pending = False
        elif role == "subheadline":
            self.section_period, self.lead_pending, self.lead_is_section = None, True, True
            self.para_pending = False
        elif (
            role in ("body", "teaser")
            and (self.para_pending or self.lead_pending)
            and len(text.strip()) >= PAPER_MIN
        ):
            head = head_expr(text, self.roc) if head_key is not False else None
            if head is not None and self.para_pending and self.part is not None and _verdict(text):
                self._frames(None)  # 2025年目标任务的完成，标志着…收官: it frames nothing,
                self.para_pending = True  # and the paragraph's next sentence may frame it
            else:
                self._frames(head, text)
        elif role in ("body", "teaser") and self.part is not None and head_key is not False:
            head = head_expr(text, self.roc)
            if head is not None and head.kind in REFRAME:  # …。五年来，我们…
                self.para_frame = self.sticky = self.resolve(head)

    def _frames(self, head: Expr | None, text: str = "") -> None:
        """A content sentence: the first of its paragraph frames it; the first of a section leads it.
        A year inside the part's running multi-year frame that dates its own sentence's noun rather
        than framing (2025年四大主导产业增加值占…, in a 五年来 part) holds for its paragraph only."""
        if head is not None and _names_programme(text, head):
            head = None  # 2026/2027年度流感疫苗接种计划自…展开: the programme's name, no frame
        if self.para_pending:
            self.para_pending = False
            if head is None and self.part is None and self.day_frame is not None and _day_time_opening(text):
                self.para_frame = self.day_frame  # 2003年9月18日，…。 从上午8时到下午5时，…: the same day
            elif self.part is None:
                self.day_frame = self.resolve(head) if head is not None and _dated_day(text, head) else None
            if head is not None:
                self.para_frame = self.resolve(head)
                if (
                    self.part is not None
                    and self._sticks(head.kind, self.para_frame)
                    and not self._dates_its_sentence(head, text)
                ):
                    self.sticky = self.para_frame
        if self.lead_pending and head is None and _announces_statistics(text):
            # 观光署今日公布114年观光统计，全年来台旅客达…: the period of the statistics announced
            m = CLAUSE_END.search(text)
            head = next(
                (
                    e
                    for e in scan(text, self.roc)
                    if e.kind in ("year", "range") and (m is None or e.start < m.start())
                ),
                None,
            )
        if self.lead_pending and head is None and text.rstrip().endswith(ANNOUNCES):
            # 现公布二〇二六年度敬老金发放安排如下：the period of what the lead announces
            head = next((e for e in scan(text, self.roc) if e.kind in ("year", "range")), None)
        if self.lead_pending and head is None and _unended(text):
            return  # 2026-03-12 08:45  来源：…, a lead's line cut short: the lead is still to come
        if self.lead_pending:
            self.lead_pending = False
            # a lead's start date (由2027年1月1日起，长者每月可获…) says when a measure begins, not
            # the story's period: the story's other figures keep the publication year
            if head is not None and head.kind in STORY and not _starts_from(text, head):
                if self.lead_is_section:
                    self.section_period = self.resolve(head)
                elif self.story_period is None:
                    self.story_period = self.resolve(head)

    def _dates_its_sentence(self, head: Expr, text: str) -> bool:
        """Whether a one-year expression opening a paragraph of a multi-year frame's part lies inside
        that frame and runs straight into its sentence's noun (2025年四大主导产业…, not 2025年，… or
        2025年很不平凡: a frame)."""
        span = self.sticky
        first, last = self.para_frame or NULL
        return (
            head.kind in STICKY_ONE_YEAR
            and span is not None
            and span[0] is not None
            and span[1] is not None
            and span[0] != span[1]
            and first is not None
            and first == last
            and span[0] <= first <= span[1]
            and _noun_after(text[head.end : head.end + 8])
        )

    def _sticks(self, kind: str, period: Period) -> bool:
        if kind in STICKY:
            return True
        if kind not in STICKY_ONE_YEAR or self.part is None:
            return False
        if self.published is None or period[0] is None:
            return True
        ahead = period[0] >= self.published
        return ahead == (self.part.kind == "plan")

    def decide(self, s: Sentence, text: str, offset: int, length: int) -> tuple[Period, bool]:
        """(years, is a target) of the metric at ``offset`` of the sentence."""
        k = _clause_at(s, offset)
        gov = governing(s, offset, offset + length, k, text)
        own = text[s.clauses[k][0] : offset]
        if gov is None and k > 0 and _details(own) and not _pair_change(own):
            gov = _head_governing(s, text, k)  # …于2025年发放敬老金，每人10,000元，涉及开支约10.6亿元
        if gov is None:
            gov = _dated_after(s, text, offset + length, s.clauses[k][1])
        gov = gov or self.carry
        if gov is not None and gov.kind == "none" and _past_pair_end(text[gov.start : offset]):
            gov = self.carry  # 从过去的3000多元增加到6.79万元: the unknown past dates the start value only
        period = self.resolve(gov) if gov is not None else self.context()
        if gov is None and self._standing(text):
            period = (self.published, self.published)  # 每名长者每年可获2,000元: the rule as it stands
        if m := _base_value().search(text, s.clauses[k][0], offset):
            y = int(m.group(1))
            period = (
                (y + ROC_BASE, y + ROC_BASE) if y < 1000 else (y, y)
            )  # 较2024年的90302宗, 相比2012年底的5500万户: the base's year
        elif (
            _BASE_BACK.search(text, s.clauses[k][0], offset)
            and period[0] is not None
            and period[0] == period[1]
        ):
            period = (period[0] - 1, period[0] - 1)  # 截至2025年底…，较一年前的5.5年: the year before
        if gov is None and k > 0 and _pair_change(text[s.clauses[k][0] : offset]):
            period = _pair_span(s, k - 1) or period  # …从A年的X增至B年的Y，增长近5倍: (A, B)
        target = self._target(s, text, offset, length, gov, period, k)
        if target and gov is None and (ahead := _year_ahead_before(s, offset, self.published)) is not None:
            period = self.resolve(ahead)  # 预计116年完工，将提供326户住宅: the year the plan names
        first, last = period
        if first is not None and last is not None and first != last:
            cs, ce = s.clauses[k]
            end = pair_end(text[cs:offset], text[offset + length : ce])
            if end == "to":
                period = (last, last)
            elif end == "from" and gov is not None and gov.kind == "range":
                # a written start year (2020年到2025年) dates the start value; a plan period's (五年来,
                # “十四五”时期) first year is not the year of its base, so that value keeps the span
                period = (first, first)
        return period, target

    def _standing(self, text: str) -> bool:
        """Does a news story's sentence with no time of its own state a standing entitlement (每名合资格
        长者每年可获2,000元医疗券)? It holds at the page's date, whatever period the story's lead
        reports on; a work report's part and a paragraph's own frame still decide."""
        return (
            not self.report
            and self.published is not None
            and self.para_frame is None
            and _STANDING.search(text) is not None
        )

    def _target(
        self, s: Sentence, text: str, offset: int, length: int, gov: Expr | None, period: Period, k: int
    ) -> bool:
        cs, ce = s.clauses[k]
        before = text[cs:offset]
        review = self.part is not None and self.part.kind == "review"
        quiet = not cue.may_cue(before)  # most clauses hold no cue word at all
        if gov is not None and gov.kind == "to":
            if self.published is None:  # 已从A增至114年的B: with no page year, 已 says it is done
                return quiet or not cue.actual_cue(before)
            return (gov.first or 0) >= self.published
        after = text[offset + length : ce]
        if _from_value(before, after):
            return False  # 研究把收费由4元调高至6元: the start value is the level as it stands
        if not quiet and cue.capacity_in_use(before, text[:cs]):
            return False  # 新建的学校投入使用，…，可容纳学生2160人: the capacity of a facility in use
        dated = self.carry_start if gov is not None and gov is self.carry else ""
        if _dated_change_end(dated + text[s.clauses[0][0] : cs] + before, before, period, self.published):
            return True  # 自X年1月1日起由A调升至B: B is decided, in force from a date still ahead
        before = _without_estimate(before)  # 观光消费金额估计约412亿元: as reckoned, not foreseen
        if (
            (not quiet and cue.target_cue(before, review=review) and not cue.done_after_cue(before))
            or cue.names_a_target(text[offset + length : ce])
            or _planned_by_span_or_budget(before, text, offset, period, self.published)
        ):
            return True
        ahead = self.published is not None and period[0] is not None and period[0] > self.published
        if ahead:
            return True  # “十五五”时期，累计建成…, 自明年起扩大至…: a period after the page’s year is planned
        if (
            (self.budget or self.budget_page)
            and _budget_year(period, self.published)
            and (quiet or not cue.actual_cue(before))
        ):
            return True  # a budget bill's figures of a fiscal year not yet over: its estimates
        if not quiet and cue.actual_cue(before) and not cue.span_count(text[offset : offset + length]):
            return False  # 做强3个集群 are clusters that stand; 做大做强1—2个产业 is a number set
        if any(f <= offset for f in s.frames) or self.carry_target:
            return True
        if k > 0 and _earlier_cue(s, text, k, before, review, self.carry_forecast):
            return True
        if k == 0 and self.carry_forecast and not review and (quiet or not cue.actual_cue(before)):
            return True  # 预算案估计明年收入为2,400亿，…；博彩税收入约840亿元: the forecast goes on
        if (
            not review
            and not quiet
            and (
                cue.weak_target_cue(before)
                or (cue.object_change_cue(before) and not _looks_back(gov, period, self.published))
                or cue.announces_measure(before)
            )
        ):
            return True
        if self.part is not None and _principles_after(text[offset + length : ce]):
            return False  # 统筹好五对重要关系: the guidance a plan takes into account, as it stands
        return self._part_target(text[:offset], period)

    def _part_target(self, before: str, period: Period) -> bool:
        """A metric no cue decides: by its part (a plan's are targets unless plainly facts)."""
        if self.part is None or self.part.kind == "glossary":
            return False  # 名词解释: a term defined as it stands, no part's target
        if self.part.kind == "plan" and cue.describes_itself(before):
            return False  # 我区每年接待游客近3亿人次: the place as the plan finds it
        year = self.published
        if year is not None and period[0] is not None and period[1] is not None:
            if period[0] >= year:  # a frame in the part dates the metric ahead of the report
                return True
            if period[1] < year:  # or before it
                return False
        return self.part.kind == "plan"  # a period still running (“十一五”期间 in 2007): the part decides

    def leave(self, text: str, s: Sentence | None = None) -> None:
        """A sentence ending in ； hands its heading year and list frame to the next one (``s``: the
        sentence analysed already, when it holds metrics)."""
        if s.ends_list if s is not None else text.rstrip().endswith(LIST_ENDS):
            if s is None:
                s = analyse(text, self.roc)
            self.carry = last_opener(s) or self.carry
            self.carry_target = self.carry_target or bool(s.frames)
            if m := _DATED_START.search(text):
                self.carry_start = m.group(0)
            review = self.part is not None and self.part.kind == "review"
            self.carry_forecast = not review and _forecast_before(
                s, text, len(s.clauses), self.carry_forecast
            )
        else:
            self.carry, self.carry_target, self.carry_start, self.carry_forecast = None, False, "", False


BUDGET_LINES = 3  # the opening lines of a page read for a budget bill's title (masthead, title, date)


def _names_budget(text: str) -> bool:
    """Whether the page's opening lines name a budget bill (新闻公报 / 财政司司长发表…财政预算案)."""
    lines = [line for line in text[:LEAD_CHARS].splitlines() if line.strip()][:BUDGET_LINES]
    return any(w in line for line in lines for w in words("budget_titles.txt"))


def _budget_year(period: Period, published: int | None) -> bool:
    """Whether ``period`` is a fiscal year (two years) that has not ended in the publication year: in
    a budget bill's story (2026-27年度 in a February 2026 speech) it is the year the bill plans; a
    year that ends in the publication year (2025-26年度的修订预算) is the one it closes."""
    first, last = period
    return (
        first is not None
        and last is not None
        and last == first + 1
        and (published is None or last > published)
    )


SENTENCE_ENDS = ("。", "！", "？", "!", "?", "；", ";", "…", "”", "」", "』", "：", ":")


UNENDED_MAX = 50  # a furniture line or a broken-off line is short; a long run is content run together


_DAY_AFTER = re.compile(r"\d{1,2}月\d{1,2}日")


def _dated_day(text: str, head: Expr) -> bool:
    """Does a paragraph open with a year and a day of it (2003年9月18日一大早，…): an event's day?"""
    return head.kind == "year" and _DAY_AFTER.match(text, head.end) is not None


@lru_cache(maxsize=1)
def _day_times() -> tuple[str, ...]:
    return tuple(words("day_times.txt"))


def _day_time_opening(text: str) -> bool:
    """Does a paragraph open with a time of day and no year (从上午8时到下午5时，…; 当天下午，…)?
    Then it goes on with the day the paragraph before dated, not with the page's year."""
    return text.lstrip().startswith(_day_times())


def _unended(text: str) -> bool:
    """A short body line that ends no sentence: page furniture (a date and source line) or a line of
    a paragraph the page broke apart; neither leads a story."""
    body = text.strip()
    return len(body) <= UNENDED_MAX and not body.endswith(SENTENCE_ENDS)


@lru_cache(maxsize=1)
def _statistics() -> re.Pattern[str]:
    nouns = "|".join(map(re.escape, words("announced_statistics.txt")))
    year = r"(?:\d{2,4}|(?:一九|二[〇○零])[〇○零一二三四五六七八九]{2})年"
    return re.compile(f"^[^，,。；]*(?:公布|发布|发表)[^，,。；]*{year}[^，,。；]{{0,12}}(?:{nouns})")


def _announces_statistics(text: str) -> bool:
    """Does a lead's first clause announce the statistics of a year (…今日公布114年观光统计，…;
    交通部今天公布115年1至10月台铁运量，…: announced_statistics.txt)?"""
    return _statistics().match(text) is not None


@lru_cache(maxsize=1)
def _principles() -> re.Pattern[str]:
    nouns = "|".join(map(re.escape, words("principle_nouns.txt")))
    return re.compile(f"^[^，,。；;：:]{{0,6}}?(?:{nouns})")


def _principles_after(after: str) -> bool:
    """Does a count name principles or relations right after it (五对重要关系, 五个“必须统筹好”)?"""
    return _principles().match(after) is not None


def _noun_after(text: str) -> bool:
    """Whether ``text`` opens with a noun or a numeral phrase (四大主导产业), not a clause break, a verb
    or an adverb."""
    ws = [w for w in tag(text) if w.text.strip()]
    return bool(ws) and (ws[0].tag.startswith("n") or ws[0].tag in ("j", "m"))


@lru_cache(maxsize=1)
def _verdict_words() -> tuple[str, ...]:
    return tuple(words("frame_blockers.txt"))


def _verdict(text: str) -> bool:
    """The sentence judges a period (…的完成，标志着…收官) rather than framing what follows."""
    return any(w in text for w in _verdict_words())


def _publication_years(ctx: Context) -> dict[str, int | None]:
    years: dict[str, int | None] = {}
    if ctx.files is not None and "meta" in ctx.files.columns:
        for sha, meta in ctx.files.select("sha256", "meta").iter_rows():
            if years.get(sha) is None:
                years[sha] = meta_year(meta)
    # text_year reads only the leads: no need to copy whole pages out of the frames
    raws: dict[str, str | None] = {}
    if ctx.files is not None and "raw_text" in ctx.files.columns:
        raws = dict(ctx.files.select("sha256", pl.col("raw_text").str.slice(0, LEAD_CHARS)).iter_rows())
    leads = ctx.documents.select("sha256", "name", pl.col("text").str.slice(0, LEAD_CHARS))
    for sha, name, text in leads.iter_rows():
        if years.get(sha) is None:
            years[sha] = text_year(name, text, raws.get(sha))
    return years


PAST = "past"  # 过去一年 (time_words.csv)
LATE_MONTH = 10  # a text dated from October on looks back on its own year as 过去一年
SCHOOL = "school"  # 本学年 (time_words.csv)
NEXT_SCHOOL = "next_school"  # 下学年 (time_words.csv)
SCHOOL_MONTH = 9  # a school year runs from September to August (2026/27学年: 2026-09 to 2027-08)
# a page's own date in its first lines: 2026年6月6日, 二○二六年六月六日
_LEAD_DATE = re.compile(rf"(?:{YEAR}|{CN_YEAR})年(\d{{1,2}}|十[一二]?|[一二三四五六七八九])月")


def school_year(published: int | None, month: int | None) -> Period:
    """The school year running when the page was written (本学年): the one that started in the
    page's September, else the one that started the September before; the page's year alone when
    its month is unknown, null when its year is."""
    if published is None:
        return NULL
    if month is None:
        return published, published
    return (published, published + 1) if month >= SCHOOL_MONTH else (published - 1, published)


def _lead_month(lead: str) -> int | None:
    """The month of the first date in a page's lead (二○二六年六月六日 -> 6), else None."""
    m = _LEAD_DATE.search(lead)
    if m is None:
        return None
    return _number(m.group(1))  # 6 or 六, 十二


def _publication_months(ctx: Context, leads: dict[str, str]) -> dict[str, int | None]:
    """The month each page is dated in: its sidecar's, else the first date of its lead."""
    months: dict[str, int | None] = {}
    if ctx.files is not None and "meta" in ctx.files.columns:
        for sha, meta in ctx.files.select("sha256", "meta").iter_rows():
            if months.get(sha) is None:
                months[sha] = meta_month(meta)
    for sha, lead in leads.items():
        if months.get(sha) is None:
            months[sha] = _lead_month(lead or "")
    return months


def _late_pages(ctx: Context) -> set[str]:
    """The documents whose sidecar dates them late in their year (published 2025-11-18): their
    过去一年 is the twelve months up to then, the publication year itself (a policy address)."""
    late: set[str] = set()
    if ctx.files is not None and "meta" in ctx.files.columns:
        for sha, meta in ctx.files.select("sha256", "meta").iter_rows():
            month = meta_month(meta)
            if month is not None and month >= LATE_MONTH:
                late.add(sha)
    return late


def _taiwan_pages(ctx: Context) -> set[str]:
    """The documents whose page region is Taiwan (710000): they date by the Republic's years."""
    pages = page_regions(ctx)[0]
    return set(pages.filter(pl.col("adcode") == TAIWAN)["sha256"].to_list())


SAME_OPENERS = (
    "同期，",
    "同期,",
    "同年，",
    "同年,",
)  # a sentence opening so states figures of the period just stated
# 食环署同年就…提出检控1,376宗: the same year after the clause's agent (a few characters, no comparison)
_SAME_YEAR_AFTER_AGENT = re.compile(r"\s*[^\W\d较比与和及、]{1,8}同年(?!龄)")


def _own_time(s: Sentence, offset: int) -> bool:
    """Whether a time expression of the sentence stands before ``offset`` (同期 itself is none)."""
    return any(e.start < offset for e in s.exprs)


def _planned_by_span_or_budget(
    before: str, text: str, offset: int, period: Period, published: int | None
) -> bool:
    """将 before a bound verb that the figure's span holds (全年雨量将超过3,200毫米), or an amount budgeted
    for a year not yet over at the page's date: a fiscal year running on past it (2026-27年度的预算开支为
    4,500万元) or the page's own year (今年财政预算中…的开支为, 已达全年预算X的88.3%): an estimate."""
    if before.endswith(FUTURE_BEFORE_BOUND) and text.startswith(BOUND_VERBS, offset):
        return True
    if _BUDGETED.search(before) is None or published is None or period[1] is None:
        return False
    # the page's own year only for the year's budget, not a project's cost (工程预算约1亿8千万元)
    return period[1] > published or (period[1] == published and _YEAR_BUDGET.search(before) is not None)


def _part_of_the_whole(s: Sentence, text: str, offset: int, k: int, last: tuple[int, bool] | None) -> bool:
    """Is the metric a 其中 part of the figure just before it in the sentence, with no time of its own in
    its clause? Then it counts the whole's period (fact-spec: a part is read with its whole), even
    where the whole's year stood in the middle of the clause before (警方于2025年共拘捕…，其中约三成…)."""
    if last is None or last[0] not in (k - 1, k) or last[0] < 0:
        return False
    begin, end = s.clauses[k][0], s.clauses[k][1]
    if not text[begin:offset].lstrip().startswith(PART_OPENERS):
        return False
    # a change between two dates (由1997年的A增加到2002年的B，其中…由C增加到D) dates its two ends apart
    whole_clause = text[s.clauses[last[0]][0] : s.clauses[last[0]][1]]
    if any(w in whole_clause or w in text[begin:end] for w in _CHANGE_FROM):
        return False
    return not any(begin <= e.start < offset for e in s.exprs)


_CHANGE_FROM = ("由", "从")
# 将 + a verb that the figure's span starts with (将超过3,200毫米, 将突破100万吨): the clause up to the
# span ends in a bare 将, so the verb after it is read from the span itself
FUTURE_BEFORE_BOUND = ("将", "将会")
BOUND_VERBS = ("超过", "突破", "超", "逾", "达到", "达", "不少于", "不低于", "多于")
# the amount a budget sets aside for a fiscal year that runs past the page's year (2026-27年度的预算
# 开支为4,500万元) is planned; this year's budget as it stands (115年度长照预算为1,013亿元) and a
# budget's outturn (一般公共预算收入3820亿元: 收入/支出 after 预算 are kept out) are not
_YEAR_BUDGET = re.compile(r"(?:财政|全年|年度|本年|今年)[^，,。；;]{0,4}?预算")
_BUDGETED = re.compile(
    r"(?<!公共)预算(?:开支|拨款|总额|额)?(?:为|是|达|约|共)?$"
    # a line of the budget: 财政预算中街市及公园的开支为4.8亿
    r"|(?<!公共)预算[中内里][^，,。；;]{0,12}?(?:开支|拨款|支出|经费)(?:为|是|达|约|共)?$"
)


def _walk_document(
    published: int | None,
    text0: str,
    sentences: list[tuple],
    metrics: dict[int, list[tuple]],
    roc: bool = False,
    late: bool = False,
    month: int | None = None,
) -> list[tuple[str, int | None, int | None, str]]:
    """Read one document's sentences in order and decide every metric in them (``roc``: a page
    dated by the Republic of China's years; ``late``: one dated late in its year, Walk.late)."""
    report = is_report(text0)
    single = Counter(row[1] for row in sentences)
    if published is None:
        heads = [heading_part(row[5], single=single[row[1]] == 1, report=report) for row in sentences]
        published = year_from_headings([h for h in heads if h is not None])
    w = Walk(published, report, single, roc=roc, late=late, month=month, budget_page=_names_budget(text0))
    out = []
    planned: int | None = None  # paragraph of the sentence before, when it ended in ； on a planned metric
    whole_planned = False  # the sentence just before ended on a planned metric (a 其中 part may follow)
    same_as: Period | None = None  # the period of the latest metric, for a sentence opening with 同期
    terms = TermUse()  # the plan's and the review's texts, for the glossary's entries
    for sent_ix, para_ix, story_ix, role, start, text, head_key, short, listy in sentences:
        # a heading is a short line of its own; a long one cannot be one (heading_part would say so)
        w.enter(para_ix, story_ix, role, text, single[para_ix] == 1 and short is not False, head_key)
        kind = w.part.kind if w.part is not None else None
        terms.add(kind, text)
        here = metrics.get(sent_ix)
        if here is None:
            if listy is False:  # what leave() does for a sentence that does not end a list item
                w.carry, w.carry_target, w.carry_start, w.carry_forecast = None, False, "", False
            else:
                w.leave(text)
            planned, whole_planned = None, False
            continue
        s = analyse(text, roc)
        # (clause, is a target) of the sentence's latest metric; a planned one of the sentence before
        # the ； counts as the clause before this sentence's first (…增加约142亿元；其中…最高12万元)
        last: tuple[int, bool] | None = (-1, True) if planned == para_ix else None
        if last is None and whole_planned and text.lstrip().startswith(PART_OPENERS):
            last = (-1, True)  # 其中国防预算达4,950亿元 after a budget's planned total: a part of it
        whole_period: Period | None = None  # the period of the sentence's metric before this one
        figures: list[tuple[int, int]] = []  # (offset, length) of the sentence's metrics, in order
        glossed = kind == "glossary" and terms.plan_term(text)  # 名词解释 of a plan's term
        for metric_id, fig_start, fig_text in here:
            known = fig_start is not None and start is not None
            offset = max(fig_start - start if known else text.find(fig_text or ""), 0)
            period, target = w.decide(s, text, offset, len(fig_text or ""))
            target = target or glossed
            if (
                same_as is not None
                and (
                    text.lstrip().startswith(SAME_OPENERS + PART_OPENERS)
                    or _SAME_YEAR_AFTER_AGENT.match(text)
                )
                and not _own_time(s, offset)
                # (not a base's value: 其中…有12宗，较2024年的19宗为少 -- 19宗 is 2024's)
                and _base_value().search(text, s.clauses[_clause_at(s, offset)][0], offset) is None
            ):
                # 同期，环保署出动无人机…逾1,350架次; 其中用于购买书籍的点数占3成5 (a part of the figure
                # before it): the period of the sentence before
                period = same_as
            k = _clause_at(s, offset)
            if whole_period is not None and _part_of_the_whole(s, text, offset, k, last):
                period = whole_period  # 警方于2025年共拘捕1,426名…，其中约三成…: its whole's period
            if not target and last is not None and last[1] and k - 1 <= last[0] <= k and w.part is None:
                # …扩大至75万户，每户每月补贴2千元: a detail of a planned figure is planned too, and
                # so is a 其中 part of it (…将兴建约18.9万个单位，其中简约公屋约3万个)
                lead = text[s.clauses[k][0] : offset]
                # (not the start value of a change: 每年奖励由A调升至B, A is the level as it stands)
                target = (
                    _details(lead)
                    or lead.lstrip().startswith(PART_OPENERS)
                    or (CONTRAST in lead and len(lead.strip()) <= CONTRAST_CHARS)
                ) and not _FROM_VALUE.search(lead)
            last, whole_period = (k, target), period
            out.append((metric_id, period[0], period[1], "target" if target else "actual"))
            figures.append((offset, len(fig_text or "")))
            same_as = period
        if len(figures) > 1 and RESPECTIVELY in text:
            # 二○二三年至二○二五年，分别接获A宗、B宗及C宗: one year each
            mine = out[len(out) - len(figures) :]
            paired = respective_years(s.exprs, text, figures, [(r[1], r[2]) for r in mine])
            out[len(out) - len(figures) :] = [
                (r[0], p[0], p[1], r[3]) for r, p in zip(mine, paired, strict=True)
            ]
        w.leave(text, s)
        planned = para_ix if s.ends_list and last is not None and last[1] else None
        whole_planned = last is not None and last[1]
    return out


def metric_periods(ctx: Context) -> pl.DataFrame:
    """(metric_id, year_from, year_to, modality) for every metric of the batch."""
    if ctx.metrics.is_empty():
        return pl.DataFrame(schema=METRIC_PERIODS)
    published = _publication_years(ctx)
    late = _late_pages(ctx)
    roc = _taiwan_pages(ctx)
    # is_report reads only the lead
    texts = dict(ctx.documents.select("sha256", pl.col("text").str.slice(0, LEAD_CHARS)).iter_rows())
    months = _publication_months(ctx, texts)
    metrics: dict[str, dict[int, list[tuple]]] = {}
    m = ctx.metrics
    for metric_id, sha, sent_ix, fig_start, fig_text in zip(
        *(m[c].to_list() for c in ("metric_id", "sha256", "sent_ix", "char_start", "text")), strict=True
    ):
        metrics.setdefault(sha, {}).setdefault(sent_ix, []).append((metric_id, fig_start, fig_text))
    rows: list[tuple] = []
    sents = (
        ctx.sentences.join(ctx.metrics.select("sha256").unique(), on="sha256", how="semi")
        .sort("sha256", "sent_ix")
        .select(
            "sha256",
            "sent_ix",
            "para_ix",
            "story_ix",
            "role",
            "char_start",
            "text",
            # whether the first clause holds a key of a time expression, for all sentences in one
            # pass: most paragraphs open without one, and then head_expr need not look
            pl.col("text").str.contains(_head_key_pattern()).alias("head_key"),
            _may_be_heading(pl.col("text")).alias("short"),
            # False where the sentence surely does not end in ； (text.rstrip().endswith(LIST_ENDS))
            pl.col("text").str.contains(f"[{''.join(LIST_ENDS)}]{STRIPPED}*$").alias("listy"),
        )
    )
    # whole columns as lists, each document a slice of them: far cheaper than a tuple per row
    shas, *cols = (sents[c].to_list() for c in sents.columns)
    cuts = [i for i in range(1, len(shas)) if shas[i] != shas[i - 1]]
    for a, b in zip([0, *cuts], [*cuts, len(shas)], strict=True) if shas else ():
        sha = shas[a]
        doc = list(zip(*(c[a:b] for c in cols), strict=True))
        lead = texts.get(sha) or ""
        rows.extend(
            _walk_document(
                published.get(sha),
                lead,
                doc,
                metrics[sha],
                sha in roc or dates_roc(lead),
                sha in late,
                months.get(sha),
            )
        )
    decided = pl.DataFrame(rows, schema=METRIC_PERIODS, orient="row").unique("metric_id", keep="first")
    every = (
        ctx.metrics.select("metric_id").unique(maintain_order=True).join(decided, on="metric_id", how="left")
    )
    # a metric whose sentence is missing from the batch gets no years and is stated as done
    every = every.with_columns(pl.col("modality").fill_null("actual"))
    return _parts_take_wholes(every, ctx.relations)


def _parts_take_wholes(decided: pl.DataFrame, relations: pl.DataFrame | None) -> pl.DataFrame:
    """A 其中 part is planned or done as its whole is (fact-spec: modality)."""
    if relations is None or relations.is_empty():
        return decided
    whole = relations.select("part_metric_id", "whole_metric_id").unique("part_metric_id", keep="first")
    modal = decided.select(
        pl.col("metric_id").alias("whole_metric_id"), pl.col("modality").alias("whole_modality")
    )
    return (
        decided.join(whole, left_on="metric_id", right_on="part_metric_id", how="left")
        .join(modal, on="whole_metric_id", how="left")
        .select(
            "metric_id",
            "year_from",
            "year_to",
            pl.coalesce("whole_modality", "modality").alias("modality"),
        )
    )
