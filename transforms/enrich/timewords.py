"""Time expressions in a sentence and the years they stand for (fact-spec: ``year_from``/``year_to``).

A sentence is scanned once, left to right, for the expressions that can place a metric in time: a
year (2025年), a range (2021—2025年), a start (2020年以来), a horizon (到2027年) or a cut-off
(截至2024年底), a five-year plan (“十四五”时期), and the words of ``time_words.csv`` (今年, 去年,
五年来, 近年来 ...). A year that is a rate's base (比2020年增长) is not an expression: it says
nothing about the metric's own year. What an expression means may depend on the publication year,
so scanning and resolving are separate steps.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from transforms.lexicon import table, words

YEAR = r"(?:19|20)\d{2}"
# a Republic of China year (Taiwan): 民国113年, or a bare 100-149 before 年 (113年 = 2024) in a range,
# a start, a cut-off or a horizon (112年至113年, 截至113年底, 到115年), which a mainland text does not write
# (session 9) the start of a range may drop its 年 before the end's (116至119年 as 116年至119年)
ROC_YEAR = r"民国\d{2,3}|1[0-4]\d(?=年|\s*(?:—|–|－|-|~|～|至|到)\s*1[0-4]\d年)"
ROC_BASE = 1911
SAME_PERIOD = "同期"  # X年同期: the base of a comparison
AGE_BEFORE = ("成立", "建党", "建国", "诞辰", "诞生", "建校", "建院", "建市", "解放")  # …成立100年: an age
ANY_YEAR = rf"(?:{YEAR}|{ROC_YEAR})"
# 二○二五年, 二〇二五年, 一九九八年: a year in Chinese digits (Hong Kong releases write them so)
CN_YEAR = "(?:一九|二[〇○零])[〇○零一二三四五六七八九]{2}"
# 一一三年: a Republic year written digit by digit (100-149), as the metrics already read it (a date)
CN_ROC_YEAR = "一[〇○零一二三四][〇○零一二三四五六七八九]"
CN_YEAR_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
# A bare 100-149 alone is a Republic year only on a Taiwan page (scan's ``roc``) or where it can be
# nothing else: before 年度, a month, 底/初, a half or a quarter (114年10月, 113年度, 明（115）年度)
ROC_NOTE = "[（(]?"
MONTHS = r"\d{1,2}(?:[-－~～至到]\d{1,2})?月"  # 10月, 1-10月
ROC_DATED = rf"(?<![\d.]){ROC_NOTE}(?P<roc_year>1[0-4]\d)[)）]?年(?=度|{MONTHS}|底|初|上半年|下半年|第)"
# a relative year word with the year it stands for in brackets (今（114）年, 去（113）年, 明(2027)年):
# Taiwan's releases write them so; the bracketed year is the year, whatever the publication year
NOTED_YEAR = rf"[今去明本][（(]\s*(?P<noted>{YEAR}|1[0-4]\d)\s*[)）]年"
CN_DIGITS = "一二三四五六七八九"
# 较一年前缩短约两个月, 比五年前增长66.8%: a comparison's base N years back, not the figure's year
# (相当于5年前1.5个百分点 is the figure of that year: 相当于 is left out)
AGO_BASE = "(?:比|较|相比|与)(?:\\d{1,2}|[一二两三四五六七八九十]{1,3})年前"
# the Party congresses meet every five years: the 16th in 2002 (党的十八大以来 = since 2012)
CONGRESS_BASE, CONGRESS_BASE_NO = 2002, 16
# the third five-year plan started in 1966, and they have followed one another since
PLAN_BASE, PLAN_BASE_NO = 1966, 3
NONE = "none"  # kind of an expression that takes the metric out of any year
SKIP = "skip"  # a time word used as something else (曾经的特困村 is a description, not a time)


class Expr(NamedTuple):
    """One time expression: its span in the sentence, its kind and the years it names (a named
    tuple: immutable like a frozen dataclass, and several times cheaper to build)."""

    start: int
    end: int
    kind: str  # year | range | since | to | at | from | plan | plan_since | this | last | next | year1 | five | next5 | ago | recent | none
    first: int | None = None
    last: int | None = None


Period = tuple[int | None, int | None]
NULL: Period = (None, None)


def plan_years(name: str) -> tuple[int, int] | None:
    """十四五 -> (2021, 2025); “十五” -> (2001, 2005); None for a plan before the third."""
    if name.strip("“”") == "十五":
        number = 10
    else:
        m = re.fullmatch(r"十([一二三四五六七八九])五", name)
        if not m:
            return None
        number = 10 + CN_DIGITS.index(m.group(1)) + 1
    if number < PLAN_BASE_NO:
        return None
    start = PLAN_BASE + 5 * (number - PLAN_BASE_NO)
    return start, start + 4


@cache
def _pattern(roc: bool = False) -> re.Pattern[str]:
    rel = "|".join(
        re.escape(r["word"]) for r in sorted(table("time_words.csv"), key=lambda r: -len(r["word"]))
    )
    base = "|".join(re.escape(w) for w in words("time_base_words.txt"))
    not_after_number = r"(?<![\d.近约超逾第])"
    # every alternative starts with one of these: checking it first spares the engine the rest
    # (and every alternative holds a key of _keys(): a new alternative must keep that true)
    firsts = {w[0] for w in words("time_base_words.txt")} | {r["word"][0] for r in table("time_words.csv")}
    firsts |= set("由从截到至自在于十“一二两三四五六七八九民（(党今去明本预计目可力争")
    head = "(?=[0-9" + re.escape("".join(sorted(firsts))) + "])"
    return re.compile(
        head
        + "(?:"
        + "|".join(
            (
                # (比当地以往盐碱地油菜…增加59.5%: an unknown past inside the base's phrase is the base's)
                # (比“十三五”时期增长19.1%: a plan period after a comparison word is the base too; but
                # 较“十三五”末的9323.1亿元 dates the value after it, so the plan period reads as itself)
                rf"(?P<base>(?:{base})(?:(?:{YEAR}|1[0-4]\d)学年度?|{ANY_YEAR}年|{CN_YEAR}年|去年|上年|上一年|本学年"
                r"|“?十[一二三四五六七八九]?五”?+(?:规划)?+(?:时期|期间|期末|末)?+(?!的))|"
                rf"{AGO_BASE}"
                rf"|(?:{base})[^，,。；;：:\d]{{0,6}}?(?:以往|往年))",
                # 2027/28至2031/32年度: a run of fiscal years, from the first one's start to the last one's end
                rf"{not_after_number}(?P<fyr>{YEAR})\s*[-/]\s*\d{{2}}\s*(?:—|–|－|-|~|～|至|到)\s*(?P<fyr2>{YEAR})\s*[-/]\s*(?P<fyr3>\d{{2}})(?!\d)(?:财政)?年度",
                # 2026-27年度 (2026/2027年度), and a school year named by both its years (2026/27学年: September to August)
                rf"{not_after_number}(?P<fy>{YEAR})\s*(?:—|–|－|-|/|至)\s*(?P<fy2>\d{{2}}(?:\d{{2}})?)(?!\d)(?:(?:财政)?年度|学年度?)",
                # 2025年12月至2026年2月 (a three-month period), 2025年底至2026年: a run of months across years
                rf"{not_after_number}(?P<r1>{ANY_YEAR})年?(?:\d{{1,2}}月(?:\d{{1,2}}日)?|底|末)?\s*(?:—|–|－|-|~|～|至|到)\s*(?P<r2>{ANY_YEAR})年",
                # 二○二三年至二○二五年, 二○二三至二○二五年: a range in Chinese digits (Hong Kong replies)
                rf"(?P<cr1>{CN_YEAR})年?(?:底|末)?\s*(?:—|–|－|-|~|～|至|到)\s*(?P<cr2>{CN_YEAR})年",
                rf"(?:由|从)(?P<frm>{ANY_YEAR})年(?:底|末)?的",
                rf"(?:截至|截止到?|截止)(?P<at>{ANY_YEAR})年",
                rf"(?:到|至)(?P<to>{ANY_YEAR})年",
                # a deadline: 在117年前, 于2030年前 (before that year): a horizon like 到2030年; so after a
                # verb of planning (预计118年前累计提供…), where a bare 118年前 is not 118 years ago
                rf"(?:在|于|预计|预定|预期|计划|目标|可望|力争|争取)(?P<before>{ANY_YEAR})年(?:底)?前",
                NOTED_YEAR,
                rf"(?:自|从)?{not_after_number}(?P<since>{ANY_YEAR})年[^，,。；;：:、\d“”是的]{{0,6}}?(?:以来|起|开始|至今)",
                # 自2013年11月正式通水以来: a dated month (and day) before 以来 (a start date 自…1月1日起
                # is left to the year: it may lie ahead of the page)
                rf"(?:自|从)?{not_after_number}(?P<since_md>{ANY_YEAR})年\d{{1,2}}月(?:\d{{1,2}}日)?"
                rf"[^，,。；;：:、\d“”是的]{{0,8}}?以来",
                rf"(?:自|从)?(?P<cnsince>{CN_YEAR})年[^，,。；;：:、\d“”是的]{{0,6}}?(?:以来|起|开始|至今)",
                r"(?:党的)?(?P<congress>十[六七八九]大|二十大)以来",
                r"(?P<since_what>(?:自|从)[^，,。；;：:\d]{1,20}?以来)",
                r"(?P<plan>十[一二三四五六七八九]五|“十五”)”?(?:规划)?(?P<plan_suf>时期|期间|以来|期末|末)",
                rf"{not_after_number}(?P<year>{YEAR}|民国\d{{2,3}})年(?![多余来])",
                rf"(?P<cnyear>{CN_YEAR})年(?![多余来])",
                rf"(?<![〇○零一二三四五六七八九十百千万第])(?P<cnroc>{CN_ROC_YEAR})年(?![多余来级前后间])",
                ROC_DATED,
                # a school year (114学年度, 2025学年): the year it starts in, which names it
                rf"(?<![\d.])(?P<school>{YEAR}|1[0-4]\d)学年",
                *([rf"{not_after_number}(?P<roc_bare>1[0-4]\d)年(?![多余来前后间])"] if roc else []),
                r"(?<![\d.])(?P<ago>\d{1,2}|[一二两三四五六七八九十]{1,3})年前(?!后)",
                # the last two to four years up to now (近3年已完成…), not a record over them (创近三年新高)
                # nor a description of a noun (近两年挂牌出让的14个项目: the figure is the text's own)
                r"近(?P<recent>[2-4两三四])年(?!来?(?:新高|最|之最))(?![^，,。；;：:\d]*的)",
                rf"(?P<rel>{rel})",
            )
        )
        + ")"
    )


@cache
def _keys() -> re.Pattern[str]:
    """What every expression of :func:`_pattern` holds: 年 (every alternative that names a year or is
    a base of comparison), 以来 (自…以来), a plan's name, or a time word that holds neither. A
    sentence without any -- most sentences -- has no expression, and this one search is far cheaper
    than trying the whole pattern at each of its characters. Keep it in step with _pattern()."""
    bare = [
        re.escape(r["word"])
        for r in table("time_words.csv")
        if "年" not in r["word"] and "以来" not in r["word"]
    ]
    return re.compile("|".join(["年", "以来", "十[一二三四五六七八九]五", "“十五”", *bare]))


def _number(text: str) -> int:
    """12 or 十二 (one to three Chinese digits) as an integer."""
    if text.isdigit():
        return int(text)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}
    if "十" in text:
        tens, _, ones = text.partition("十")
        return digits.get(tens, 1) * 10 + digits.get(ones, 0)
    return digits.get(text, 0)


@cache
def _rel_kinds() -> dict[str, str]:
    return {r["word"]: r["kind"] for r in table("time_words.csv")}


def _cn_year(digits: str) -> int:
    """二○二五 -> 2025: a year written digit by digit in Chinese numerals."""
    return int("".join(str(CN_YEAR_DIGITS[c]) for c in digits))


def _expr(m: re.Match[str]) -> Expr | None:
    """The expression a match stands for; None for a base of comparison or a word used otherwise."""
    g = m.lastgroup
    assert g is not None  # every alternative of _pattern() is, or ends in, a named group
    s, e = m.start(), m.end()
    if g == "base":
        return None
    if g in ("fyr", "fyr2", "fyr3"):  # 2027/28至2031/32年度: five fiscal years, 2027 to 2032
        a, z = int(m.group("fyr")), int(m.group("fyr2"))
        b = z // 100 * 100 + int(m.group("fyr3"))
        return Expr(s, e, "range", a, b + 100 if b < z else b)
    if g in ("fy", "fy2"):  # 2026-27年度: a fiscal year from April to March (2026/27学年: a school year)
        a, second = int(m.group("fy")), m.group("fy2")
        b = int(second) if len(second) == 4 else a // 100 * 100 + int(second)  # 2026/2027年度 too
        return Expr(s, e, "range", a, b + 100 if b < a else b)
    if g in ("r1", "r2", "cr1", "cr2"):  # 2021—2025年; 二○二三年至二○二五年 in Chinese digits
        a, b = (
            (_year(m.group(k)) for k in ("r1", "r2")) if g[0] == "r" else map(_cn_year, m.group("cr1", "cr2"))
        )
        return Expr(s, e, "range", min(a, b), max(a, b))
    if g in ("plan", "plan_suf"):
        years = plan_years(m.group("plan"))
        if years is None:
            return None
        suffix = m.group("plan_suf")
        if suffix in ("末", "期末"):
            return Expr(s, e, "year", years[1], years[1])
        return Expr(s, e, "plan_since" if suffix == "以来" else "plan", *years)
    if g == "congress":  # 党的十八大以来: since the year of that Party congress
        y = CONGRESS_BASE + 5 * (_number(m.group(g)[:-1]) - CONGRESS_BASE_NO)
        return Expr(s, e, "since", y, y)
    if g == "since_what":  # 自开展“双亮”活动以来: a start the text does not date
        return Expr(s, e, NONE)
    if g == "rel":
        kind = _rel_kinds()[m.group("rel")]
        return None if kind == SKIP else Expr(s, e, kind)
    if g in ("ago", "recent"):  # 5年前; 近3年: a span of that many years up to the text's year
        n = _number(m.group(g))
        return Expr(s, e, g, n, n)
    if g in ("cnyear", "cnsince", "cnroc"):  # 二〇二五年, 自二〇二三年展开以来, 一一三年
        y = _cn_year(m.group(g))
        y += ROC_BASE if g == "cnroc" else 0
        return Expr(s, e, "since" if g == "cnsince" else "year", y, y)
    if len(m.group(g)) < 4 and (
        m.string.startswith(("历史", "的历史"), e) or m.string.endswith(AGE_BEFORE, 0, m.start(g))
    ):
        return None  # 已有120年历史, 新中国成立100年: an age, not a Republic of China year
    y = _year(m.group(g))
    if g != "before" and m.string.startswith(SAME_PERIOD, e):
        return None  # 恢复至108年同期的8成5: the same period of a base year, not the figure's year
    kinds = {
        "frm": "from",
        "roc_year": "year",
        "roc_bare": "year",
        "noted": "year",
        "school": "year",
        "before": "to",
        "since_md": "since",
    }
    return Expr(s, e, kinds.get(g, g), y, y)


def _year(text: str) -> int:
    """2025 as written, or a Republic of China year (民国113, 113) as the Gregorian 2024."""
    n = int(text.removeprefix("民国"))
    return n + ROC_BASE if n < 1000 else n


def keys_pattern() -> str:
    """The source of the key search (literal words and one class: the same in Python and Rust regex),
    for callers that look for keys in a whole frame column at once."""
    return _keys().pattern


def may_hold(text: str, end: int | None = None) -> bool:
    """Whether ``text[:end]`` may hold a time expression (it holds a key of every one)."""
    return _keys().search(text, 0, len(text) if end is None else end) is not None


@cache
def _roc_dated() -> re.Pattern[str]:
    return re.compile(rf"民国\d{{2,3}}年|{ROC_DATED}")


def dates_roc(text: str) -> bool:
    """Whether ``text`` writes a year only the Republic of China's calendar has (民国113年, 113年度,
    113年5月): then the page's bare 113年 are its years too."""
    return _roc_dated().search(text) is not None


def scan(sentence: str, roc: bool = False) -> tuple[Expr, ...]:
    """Every time expression of ``sentence``, in order (bases of comparison left out). ``roc``: the
    text dates by the Republic of China (a Taiwan page), so a bare 113年 is 2024 too."""
    if _keys().search(sentence) is None:
        return ()
    found = tuple(x for m in _pattern(roc).finditer(sentence) if (x := _expr(m)) is not None)
    if UP_TO_NOW in sentence and any(x.kind == "since" for x in found):
        # 自民国105年起推动…，至今已完工13处: 至今 closes the span the start opened, it dates nothing itself
        first_since = min(x.start for x in found if x.kind == "since")
        found = tuple(
            x for x in found if not (sentence.startswith(UP_TO_NOW, x.start) and x.start > first_since)
        )
    found = _with_then(sentence, found) if THEN in sentence else found
    return _with_events(sentence, found) if "以来" in sentence else found


THEN = "当时"
UP_TO_NOW = "至今"
_THEN_NOT = re.compile(r"当时(?:价格|市价|的价格)")  # 按当时价格计算: prices of the time, no year


def _with_then(sentence: str, found: tuple[Expr, ...]) -> tuple[Expr, ...]:
    """``found`` with each 当时 (at that time) standing for the year named before it in the sentence
    (…于2024年推出，当时共收到1万份申请: 2024): it dates the clauses it opens as that year would."""
    added = []
    for m in re.finditer(THEN, sentence):
        if _THEN_NOT.match(sentence, m.start()):
            continue
        before = [x for x in found if x.end <= m.start() and x.kind == "year"]
        if before:
            added.append(Expr(m.start(), m.end(), "year", before[-1].first, before[-1].last))
    return tuple(sorted((*found, *added), key=lambda x: x.start)) if added else found


def _with_events(sentence: str, found: tuple[Expr, ...]) -> tuple[Expr, ...]:
    """``found`` with an undated event start (特别军事行动以来, 冲突爆发以来): a period the text gives
    no start for, as 自开展…活动以来 (fact-spec: periods with no stated start give no year). Only a
    以来 no other expression holds, ending a run of words after the last clause mark."""
    events = [
        Expr(m.start(), m.end(), NONE)
        for m in _since_event().finditer(sentence)
        # not when the event is dated (去年成立以来: the year ends right before the event's words)
        if not any(x.start <= m.end() - 2 < x.end or x.start < m.start() <= x.end + 1 for x in found)
        and sentence[m.start() - 1 : m.start()] not in ("年", "月", "日")
    ]
    return tuple(sorted((*found, *events), key=lambda x: x.start)) if events else found


@cache
def _since_event() -> re.Pattern[str]:
    verbs = "|".join(re.escape(w) for w in words("since_event_words.txt"))
    return re.compile(rf"[^，,。；;：:、\d年月日]{{0,10}}(?:{verbs})以来")


def opening(text: str, lead: int, end: int, roc: bool = False) -> Expr | None:
    """The first expression of ``text[:end]`` if it starts by ``lead`` (cheaper than a whole scan)."""
    if _keys().search(text, 0, end) is None:
        return None
    pattern, pos = _pattern(roc), 0
    while pos <= lead:
        m = pattern.match(text, pos, end)
        if m is None:
            pos += 1
            continue
        if (x := _expr(m)) is not None:
            return x
        pos = max(m.end(), pos + 1)
    return None


def resolve(expr: Expr, published: int | None, report: bool) -> Period:
    """The (year_from, year_to) an expression gives, for a text published in ``published``.

    ``report`` says the text is a work report of year ``published``: its 一年来 is the year it
    reviews. Words relative to the publication year give NULL when that year is unknown.
    """
    p = published
    kind = expr.kind
    if kind in ("year", "at", "to", "from", "range", "plan"):
        return expr.first, expr.last
    if kind == "since":
        return (expr.first, p) if p is not None and p >= (expr.first or 0) else (expr.first, expr.first)
    if kind == "plan_since":  # a plan period still running ends at the publication year
        if p is None:
            return expr.first, expr.last
        return expr.first, min(expr.last or p, p)
    if p is None:
        return NULL
    if kind == "this":
        return p, p
    if kind in ("last", "past"):
        return p - 1, p - 1
    if kind == "next":
        return p + 1, p + 1
    if kind == "year1":
        return (p - 1, p - 1) if report else (p, p)
    if kind == "five":
        return p - 5, p - 1
    if kind == "next5":
        return p, p + 4
    if kind == "recent" and expr.first is not None:
        # a work report looks back on the years before its own (近三年 in a 2016 report: 2013-2015);
        # news counts its own year in (近3年已完成… in 2026: 2024-2026)
        n = expr.first
        return (p - n, p - 1) if report else (p - n + 1, p)
    if kind == "ago" and expr.first is not None:
        return p - expr.first, p - expr.first
    return NULL
