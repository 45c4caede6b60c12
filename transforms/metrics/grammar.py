"""Find the metrics one sentence states: the grammar of ``docs/metric-spec.md`` as a scanner.

    [bound-prefix] number [suffix] [multiplier] [suffix] unit [suffix]

A regex finds every numeral; from each, the scanner reads forward (range, multiplier, unit,
trailing bound) and back (bound prefix), then applies the exclusions of the spec: dates and
reference periods, ordinals, identifiers, vague amounts, 一 as an article, conditions, short
quoted names and fixed phrases. The word lists are lexicons (``lexicons/``); this module holds
only the rules. Everything works on the sentence string; offsets are local to it.
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import NamedTuple

from transforms.lexicon import table, words
from transforms.metrics.numbers import (
    fold_scale,
    mixed_is_sound,
    parse_adjacent_range,
    parse_number,
    parse_percent,
)
from transforms.metrics.units import Unit, match_unit, max_len
from transforms.metrics.words import tag

_CN = "零〇○一二两三四五六七八九十百千万亿廿卅"
_FIN_SURE = "壹贰叁肆伍柒捌玖拾佰仟"  # financial numerals (t2s: 貳 -> 贰, 參 -> 参, 陸 -> 陆)
_FIN = _FIN_SURE + "参陆"
_DIGITS = "零〇○一二三四五六七八九"
_AR = r"(?:\d{1,3}(?:,\d{3})+|\d+)"
_NUM_RE = re.compile(
    # 逾半, 近半数: half after a bound word is a share (50 %), as 一半 is
    rf"(?P<pct>百分之[{_CN}点]+|一半|(?:(?<=超过)|(?<=[逾超近]))半数?(?![年月天日小个周载]))"
    rf"|(?P<frac>(?:\d+|[{_CN}]+)分之(?:\d+(?:\.\d+)?|[{_CN}点]+))"
    # 三分一, 四分三: the colloquial (Cantonese) share without 之, one digit each, never after a
    # numeral (十三分一秒 is a time) -- _value requires the part to be smaller than the whole
    rf"|(?<![\d{_CN}])(?P<hkfrac>[二三四五六七八九]分[一二三四五六七八](?![{_CN}]))"
    # mixed Arabic and place values, one number: 3万2,500, 12亿3,400(万), 4亿5千6百(多万), 3万零500
    # (零 marks the empty place); Taiwan's 兆 (10^12) too, but only with an Arabic part after it
    # (26兆8,450亿元, 1兆零500亿元), never 兆瓦 or 100兆
    rf"|(?P<mix>{_AR}(?:\.\d+)?(?:(?:[万亿千百]{{1,2}}|兆)零?{_AR})+(?:[千百](?![米瓦克伏]))?)"
    r"|(?P<ar>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    # 半年, 半个月, 半小时: half a length of time (约半年至1年); not 上半年/下半年 (dates), 半年度/半年报
    # (names), 多半 or 每半年 (the base of a rate)
    r"|(?<![上下前后多大小每过])(?P<half>半(?=年(?![度报告底初末])|个月|个小时|小时|天|周))"
    rf"|(?P<cn>[{_CN}]+(?:点[{_DIGITS}]+[万亿]*)?"  # 三点二亿: a Chinese decimal
    # 贰仟伍佰元, 壹万元: the financial (大写) numerals of formal Taiwan and Hong Kong amounts, a run of
    # two or more with one that is no ordinary word (参 as in 参加 and 陆 as in 大陆 only inside a run)
    rf"|(?=[{_FIN}零万亿]*[{_FIN_SURE}])[{_FIN}零万亿]{{2,}})"
)
# Every alternative of _NUM_RE opens with one of these. A named-group alternation gives ``re`` no
# first-character set, so _NUM_RE.search tries every group at every character; finding the next
# opening character first and matching there is the same search, four times faster.
_NUM_START = re.compile(rf"[\d{_CN}{_FIN}半]")
_AR_RE = re.compile(r"(?P<ar>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)")
# Link targets and URL-encoded bytes are not text: %E9%95%B7 holds no percentage.
_LINK_RE = re.compile(r"\]\([^)\s]*\)|(?:https?://|www\.)[\x21-\x7e]+|(?:%[0-9A-Fa-f]{2}){2,}|href=\S+")
_MULTIPLIERS = {
    "万亿": 1e12,
    "千亿": 1e11,
    "百亿": 1e10,
    "千万": 1e7,
    "百万": 1e6,
    "万": 1e4,
    "亿": 1e8,
    "千": 1e3,
    "百": 1e2,
    "仟": 1e3,  # financial forms, kept by t2s: 新台币5仟元
    "佰": 1e2,
    "兆": 1e12,  # Taiwan's 兆 is 10^12, before money only (2.5兆元); 100兆 bandwidth is no metric
}
# the units _regional_unit reads (by unit or surface)
_REGIONAL_UNITS = frozenset({"折", "成", "呎", "度", "点"})
# unit kinds that 零下 ("below zero") before the figure makes negative
_BELOW_ZERO_KINDS = frozenset({"temperature", "degree"})
# ... and those a minus sign before the digits makes negative (-3℃, 增速为-0.3%, -0.7个百分点)
_SIGNED_KINDS = _BELOW_ZERO_KINDS | {"percent"}
# counts that give the size of what follows (30户以上自然村: villages of 30+ households), unlike a
# count of the noun itself (30个以上乡镇, 90%以上行政村: figures)
_SIZE_UNITS = frozenset({"户", "人"})
_MULTIPLIER_FIRSTS = frozenset(w[0] for w in _MULTIPLIERS)
_STANDALONE = re.compile(r"[万千百亿]+")
_RANGE_SEPS = "至到~～〜—－-"  # 〜 (wave dash): Taiwan pages write 35〜40万元 with it too
# Characters that can follow a numeral before its unit: a multiplier, a range separator, 余/多/来.
_EXTENDERS = _MULTIPLIER_FIRSTS | frozenset(_RANGE_SEPS) | frozenset("余多来")
_INNER_SUFFIX = {"余": "at_least", "多": "at_least", "来": "approx"}
_QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』", '"': '"'}
_OPENING_QUOTES = frozenset(_QUOTES)
_PERSON_NOUN = re.compile(r"[\u4e00-\u9fff]人(?!民币|工|才)")  # 巴勒斯坦人, 外来人: nouns of people
_PUNCT = set("，。、；：！？,.;:!?（）()《》…")
_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")
# 第三、: an ordinal and the list comma after it, right before a numeral (第三、四集: the fourth episode)
_ORDINAL_LIST = re.compile(rf"第[\d{_CN}]+、$")
# after an amount of a threshold kind these make it a condition: 60周岁及以上, 65岁或以上, 65周岁（含）以上
_THRESHOLD_TAILS = (
    "及以上",
    "及以下",
    "或以上",
    "或以下",
    "（含）以上",
    "（含）以下",
    "(含)以上",
    "(含)以下",
)
# a count written right before an amount (957个|50户以上村寨): the amount says which things are counted
_COUNT_BEFORE = re.compile(r"[0-9０-９零〇一二两三四五六七八九十百千万亿]+[个家所座处项条]$")
_ASCII_LETTERS = frozenset(string.ascii_letters)
_CLAUSE_END = set("，。、；：！？,;:!?）)")


class Metric(NamedTuple):
    """One metric in a sentence; ``start``/``end`` index the sentence string. (A NamedTuple: as
    immutable as a frozen dataclass, built five times faster.)"""

    start: int
    end: int
    text: str
    value: float
    low: float
    high: float
    unit: str
    kind: str
    bound: str
    implied_unit: bool


class _Affixes:
    """Context words, each with the units it applies to (empty = all), found by slicing the sentence
    once per word length: a dict probe per length instead of an ``endswith`` per word, and none at
    all when the character next to the number ends (or starts) no word -- the usual case."""

    def __init__(self, rows: Iterable[tuple[str, frozenset[str]]]) -> None:
        self._units: dict[str, list[frozenset[str]]] = {}
        for word, units in rows:
            if word:
                self._units.setdefault(word, []).append(units)
        self._lengths = tuple(sorted({len(w) for w in self._units}, reverse=True))
        self._firsts = frozenset(w[0] for w in self._units)
        self._lasts = frozenset(w[-1] for w in self._units)

    def _applies(self, word: str, unit: str) -> bool:
        found = self._units.get(word)
        if found is None:
            return False
        return any(not units or unit in units for units in found)

    def ends(self, text: str, end: int, unit: str) -> bool:
        """A word (applying to ``unit``) ends right before ``text[end]``."""
        if not end or text[end - 1] not in self._lasts:
            return False
        for n in self._lengths:  # noqa: SIM110 - a loop, not any(<generator>): this is the hot path
            if n <= end and self._applies(text[end - n : end], unit):
                return True
        return False

    def starts(self, text: str, pos: int, unit: str) -> bool:
        """A word (applying to ``unit``) starts at ``text[pos]``."""
        if text[pos : pos + 1] not in self._firsts:
            return False
        for n in self._lengths:  # noqa: SIM110 - a loop, not any(<generator>): this is the hot path
            if pos + n <= len(text) and self._applies(text[pos : pos + n], unit):
                return True
        return False


class _Bounds(NamedTuple):
    """The bound words at one side of a number, indexed for the hot path."""

    words: dict[str, str]  # word -> bound (the first row of a word wins)
    lengths: tuple[int, ...]  # word lengths, longest first: the longest word wins
    edge: frozenset[str]  # characters next to the number: the last of a prefix, the first of a suffix


def _bounds(position: str) -> _Bounds:
    index: dict[str, str] = {}
    for r in table("bounds.csv"):
        if r["position"] == position and r["word"]:
            index.setdefault(r["word"], r["bound"])
    edge = frozenset(w[-1] if position == "prefix" else w[0] for w in index)
    return _Bounds(index, tuple(sorted({len(w) for w in index}, reverse=True)), edge)


@cache
def _prefixes() -> _Bounds:
    return _bounds("prefix")


@cache
def _suffixes() -> _Bounds:
    return _bounds("suffix")


@cache
def _context(name: str, position: str) -> _Affixes:
    """The words of a context lexicon at one side of a metric, with the units each applies to."""
    return _Affixes(
        (r["word"], frozenset(u for u in (r.get("units") or "").split("|") if u))
        for r in table(name)
        if r["position"] == position
    )


@cache
def _word_set(name: str) -> frozenset[str]:
    """A word list as a set, for membership tests on the hot path."""
    return frozenset(words(name))


@cache
def _slogan_re() -> re.Pattern[str]:
    """Fixed phrases, idioms and place names with numerals (两个维护, 一石二鸟, 三台县): never metrics."""
    names = {*words("slogans.txt"), *words("idioms.txt"), *words("place_numeral_names.txt")}
    return re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))


@cache
def _currency_prefixes() -> tuple[tuple[str, str], ...]:
    """(surface, unit) of currency signs and names written before the number, longest first."""
    rows = [(r["surface"], r["unit"]) for r in table("currency_prefixes.csv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@cache
def _currency_last_chars() -> frozenset[str]:
    return frozenset(w[-1] for w, _ in _currency_prefixes())


def _currency_before(sent: str, start: int) -> tuple[int, str] | None:
    """(start, unit) of a currency written right before the number (HK$2,500, MOP 1,500, 港币800元)."""
    end = start - 1 if start and sent[start - 1] == " " else start
    if not end or sent[end - 1] not in _currency_last_chars():
        return None
    for word, unit in _currency_prefixes():
        if sent.endswith(word, 0, end):
            s = end - len(word)
            if word.isascii() and word[0].isalpha() and s and sent[s - 1].isascii() and sent[s - 1].isalnum():
                continue  # XMOP, 3USD: part of a longer token
            return s, unit
    return None


def _prefix_bound(sent: str, start: int) -> tuple[int, str | None, str | None]:
    """The bound prefix touching ``start`` (new start, bound, word), unless part of a longer word."""
    index, lengths, lasts = _prefixes()
    if not start or sent[start - 1] not in lasts:
        return start, None, None
    for n in lengths:
        if n > start:
            continue
        word = sent[start - n : start]
        bound = index.get(word)
        if bound is None:
            continue
        s = start - n
        if s > 0 and sent[s - 1 : s + 1] in _word_set("bound_blockers.txt"):
            continue
        return s, bound, word
    return start, None, None


def _match_suffix(sent: str, pos: int) -> tuple[str, str] | None:
    index, lengths, firsts = _suffixes()
    if sent[pos : pos + 1] not in firsts:
        return None
    for n in lengths:
        if pos + n <= len(sent):
            word = sent[pos : pos + n]
            bound = index.get(word)
            if bound is not None:
                return word, bound
    return None


@cache
def _followers() -> frozenset[str]:
    """Characters that may follow a numeral inside a metric."""
    firsts = {r["surface"][0] for r in table("units.csv")}
    return frozenset(firsts | set(_MULTIPLIERS) | set(_RANGE_SEPS) | set("余多来"))


@cache
def _blockers() -> tuple[frozenset[str], tuple[int, ...]]:
    ws = words("unit_blockers.txt")
    return frozenset(ws), tuple(sorted({len(w) for w in ws}, reverse=True))


@cache
def _unblocked() -> tuple[str, ...]:
    """Unit + word readings that start with a blocker word (5处长者饭堂: 处 + 长者, not 处长)."""
    return tuple(words("unit_blocker_exceptions.txt"))


@cache
def _window() -> int:
    """Characters after a position that decide the unit there (the longest unit or blocker)."""
    return max((max_len(), *_blockers()[1]))


def _unit_at(sent: str, pos: int) -> Unit | None:
    if sent.startswith("成为", pos) and _single_numeral_before(sent, pos):
        return match_unit(
            "成", 0
        )  # 其中约四成为80岁或以上: four tenths are; 成为 "become" has a noun before it
    return _unit_in(sent[pos : pos + _window()])


def _single_numeral_before(sent: str, pos: int) -> bool:
    """One digit (四, 3) stands before ``pos`` and no other numeral before that: what tenths are written with."""
    return (
        pos > 0
        and sent[pos - 1] in _ONE_DIGIT
        and (pos < 2 or (sent[pos - 2] not in _ONE_DIGIT and sent[pos - 2] not in "0.百千万"))
    )


_ONE_DIGIT = frozenset("一二两三四五六七八九十123456789")


@lru_cache(maxsize=65536)
def _unit_in(window: str) -> Unit | None:
    """The unit at the start of ``window``, unless a longer blocker word starts there (memoised: the
    same few characters follow numerals over and over)."""
    unit = match_unit(window, 0)
    if unit is None:
        return None
    blockers, lengths = _blockers()
    if not window.startswith(_unblocked()):
        for n in lengths:
            if n > len(unit.surface) and window[:n] in blockers:
                return None
    return _unit_at_word_end(window, unit)


def _unit_at_word_end(window: str, unit: Unit) -> Unit:
    """The longest unit is a shorter one when its end cuts a word in two: 11个人口小县 counts 个 (the
    word is 人口), 5个人民调解委员会 too, while 帮扶10个人 keeps 个人. The word cut decides. Only for
    people units (个人, 口人), whose 人 is a noun that opens compounds (人口, 人民, 人才); a measure
    word's own compounds (1个月租金: 月租) leave the unit alone."""
    n = len(unit.surface)
    if n < 2 or len(window) <= n or unit.kind != "people":
        return unit
    ends = _word_ends(window)
    if n in ends:
        return unit
    for k in range(n - 1, 0, -1):
        shorter = match_unit(window[:k], 0)
        if shorter is not None and len(shorter.surface) == k and k in ends:
            return shorter
    return unit


def _word_ends(window: str) -> frozenset[int]:
    """Offsets in ``window`` where a word ends, by the dictionary cut."""
    ends, pos = set(), 0
    for w in tag(window):
        pos += len(w.text)
        ends.add(pos)
    return frozenset(ends)


def _in_short_quote(sent: str, start: int, end: int) -> bool:
    """Inside a quotation of at most 15 characters with no punctuation: a name, not a metric."""
    if _OPENING_QUOTES.isdisjoint(sent[max(0, end - 16) : start]):
        return False  # no quotation opens close enough before the metric to hold it in 15 characters
    for open_q, close_q in _QUOTES.items():
        i = sent.rfind(open_q, 0, start)
        if i < 0:
            continue
        j = sent.find(close_q, end)
        if j < 0:
            continue
        inner = sent[i + 1 : j]
        if open_q == '"' and inner.count('"'):
            continue
        if len(inner) <= 15 and _PUNCT.isdisjoint(_DECIMAL_POINT.sub("", inner)):
            return True  # the point of a decimal (“0.1微克”行动) is no punctuation
    return False


@cache
def _time_units() -> tuple[Unit, ...]:
    """Units that count occurrences (人次, 户次, 架次), longest first."""
    found = (match_unit(r["surface"], 0) for r in table("units.csv") if r["surface"].endswith("次"))
    return tuple(sorted((u for u in found if u and len(u.surface) >= 2), key=lambda u: -len(u.surface)))


def _implied_unit(sent: str, start: int, end: int) -> tuple[str, str]:
    """The unit of a metric with a multiplier and no measure word (约20万群众 -> 人)."""
    after = []
    for ch in sent[end : end + 14]:
        if ch in _PUNCT or ch == "的":
            break
        after.append(ch)
    following = "".join(after)
    bound = _match_suffix(following, 0)
    if bound:  # 13亿以上，…: the bound word is not the counted noun
        following = following[len(bound[0]) :]
    following = following[:12]  # 1.6万山洪泥石流灾害受灾群众: the counted noun closes a long phrase
    if following:
        for times in _time_units():
            if times.surface in following:
                return times.unit, times.kind  # 约52万6千求诊人次: the noun ends in its own unit
        if any(n in following for n in words("people_nouns.txt")) or _PERSON_NOUN.search(following):
            return "人", "people"
        if any(m in following for m in words("money_cues.txt")):
            return "元", "money"
        return "个", "count"
    before = sent[:start]
    people = max((before.rfind(n) + len(n) for n in words("people_nouns.txt") if n in before), default=-1)
    money = max((before.rfind(m) + len(m) for m in words("money_cues.txt") if m in before), default=-1)
    if people > money:
        ends = [(before.rfind(t.surface) + len(t.surface), t) for t in _time_units() if t.surface in before]
        if ends and (last := max(ends, key=lambda x: x[0]))[0] >= people:
            return last[1].unit, last[1].kind  # 访港旅客人次达4,490万: the noun ends in its own unit
        return "人", "people"  # 农村贫困人口比上年减少290万: the nearest noun before names people
    if money >= 0 or any(m in sent[end:] for m in words("money_cues.txt")):
        return "元", "money"
    return "个", "count"


@lru_cache(maxsize=65536)
def _value(kind: str, token: str) -> tuple[float, float] | None:
    """(low, high) of a numeral token; None when it is no definite number."""
    if kind == "ar":
        x = float(token.replace(",", ""))
        return x, x
    if kind == "pct" and token in ("半", "半数"):
        return 50.0, 50.0
    if kind in ("pct", "frac"):
        v = parse_percent(token)
        return None if v is None else (v, v)
    if kind == "half":
        return 0.5, 0.5
    if kind == "hkfrac":
        v = parse_percent(token.replace("分", "分之"))
        return None if v is None or v >= 100 else (v, v)
    rng = parse_adjacent_range(token)
    if rng is not None:
        return rng
    v = parse_number(token)
    return None if v is None else (v, v)


def _multiplier(sent: str, pos: int) -> tuple[str, float] | None:
    if sent[pos : pos + 1] not in _MULTIPLIER_FIRSTS:
        return None
    if _unit_at(sent, pos) is not None:  # 千米, 千瓦: a unit that begins with 千 stays a unit
        return None
    for word, factor in _MULTIPLIERS.items():
        if sent.startswith(word, pos):
            if word == "兆" and not ((u := _unit_at(sent, pos + 1)) and u.kind == "money"):
                return None
            return word, factor
    return None


def _is_vague(sent: str, start: int, end: int, kind: str) -> bool:
    """数千万, 几十, 十几个; only Chinese numerals combine with 数/几 (指数50.6% is exact)."""
    if kind != "cn":
        return False
    vague = _vague_markers()
    if sent.endswith("数", 0, start) and sent[start] not in "十百千万亿":
        return vague.starts(sent, end, "")  # 人数两成, 户数三成: 数 ends a count noun (数十, 数千 are vague)
    return vague.ends(sent, start, "") or vague.starts(sent, end, "")


@cache
def _period_heads() -> _Affixes:
    """过去, 未来, 这 …: before a count of months, weeks or days they make it a reference period."""
    return _Affixes((w, frozenset()) for w in words("period_heads.txt"))


@cache
def _period_head_blockers() -> _Affixes:
    """提前, 超前: words that end like a period head (前) but state an amount of time (提前3个月)."""
    return _Affixes((w, frozenset()) for w in words("period_head_blockers.txt"))


def _period_head_blocked(sent: str, start: int) -> bool:
    """The period head before ``start`` is the end of a word that states an amount (提前两年)."""
    return _period_head_blockers().ends(sent, start, "")


def _period_head_before(sent: str, start: int) -> bool:
    """A period head (过去, 前, 今明 …) ends right before ``start``, and no longer word that states an
    amount of time ends there: 前7个月, 假期前三天, 开学前5天 are periods or points; 提前3个月 is an amount."""
    return _period_heads().ends(sent, start, "") and not _period_head_blocked(sent, start)


@cache
def _period_tails() -> _Affixes:
    """来, 后, 前 …: after a count of months, weeks, days or hours they make it a point in time."""
    return _Affixes((w, frozenset()) for w in words("period_tails.txt"))


@cache
def _period_count_nouns() -> _Affixes:
    """财政年度, 学年 …: counted with 个 after a period head they are a reference period of years."""
    return _Affixes((w, frozenset()) for w in words("period_count_nouns.txt"))


@cache
def _vague_markers() -> _Affixes:
    return _Affixes((w, frozenset()) for w in words("vague_markers.txt"))


def _is_identifier(sent: str, start: int, end: int) -> bool:
    """G318, 5G, PM 2.5, PM_2.5: a number joined to Latin letters names a thing; and the digits after
    the point of a decimal already read as such a name (the 5 of PM2.5年均浓度) start no metric."""
    before = sent[start - 1] if start else ""
    if before in _ASCII_LETTERS or sent[end : end + 1] in _ASCII_LETTERS:
        return True  # G318, 5G
    if before in " _" and start > 1 and sent[start - 2] in _ASCII_LETTERS:
        return True  # PM 2.5, PM_2.5
    if before == "." and start > 1 and sent[start - 2].isdigit():
        # PM2.5: the 2 was a label, so its decimal tail is no number of its own (3.7.9亿: a list
        # number 3. before the metric 7.9亿 is no label)
        head = start - 2
        while head > 0 and sent[head - 1].isdigit():
            head -= 1
        return _is_identifier(sent, head, start - 1)
    return before in "-/#" and start > 1 and sent[start - 2].isascii() and sent[start - 2].isalnum()


def _is_period(sent: str, start: int, unit_end: int, unit: str) -> bool:
    """A number + 年 that is a point in time or a reference period (十年来, 这五年, 五年累计, 近五年，…)."""
    if sent.endswith("近", 0, start) and sent[unit_end : unit_end + 1] in ("，", ","):
        return True  # 近三年，中央和地方投入…: "in the last three years"; 近30年的违章建筑 stays a duration
    if sent.endswith("近", 0, start) and _recent_years_before_verb(sent, start, unit_end):
        return True  # 近两年挂牌出让的项目: the same "last two years" before the verb it dates
    before = _context("period_words.csv", "before").ends(sent, start, unit) and not _period_head_blocked(
        sent, start
    )
    return before or _context("period_words.csv", "after").starts(sent, unit_end, unit)


def _recent_years_before_verb(sent: str, start: int, unit_end: int) -> bool:
    """近N年 + a verb: a Han character follows that opens no unit and no duration noun (时间, 的 …),
    and no duration word (历时, 为期, 长达 … of fixed_numeral_words.csv) stands before 近."""
    if not _han_follows(sent, unit_end) or sent.startswith(
        ("的", "时间", "之", "多", "半", "来", "间", "左右"), unit_end
    ):
        return False
    if _unit_at(sent, unit_end) is not None:
        return False
    return not _context("fixed_numeral_words.csv", "before").ends(sent, start - 1, "年")


def _is_roc_year(
    sent: str, kind: str, start: int, unit_end: int, prefix_bound: str | None, value: float
) -> bool:
    """110年, 111年度: a Republic of China year (1911 + N) is a date like 2021年, not a duration.

    A duration of 80 to 130 years is rare; one with a bound or a duration word before it, or an age
    of something (100年历史), stays one.
    """
    if kind != "ar" or prefix_bound or not (80 <= value <= 130) or value != int(value):
        return False
    if sent.startswith(("历史", "的历史"), unit_end):
        return False
    return not _context("article_contexts.csv", "before").ends(sent, start, "年")


def _is_reporting_period(sent: str, start: int, unit_end: int) -> bool:
    """五年完成造林12万亩: N年 opening a clause before a verb is the period a report covers."""
    if start and sent[start - 1] not in _CLAUSE_END:
        return False
    if not _han_follows(sent, unit_end) or sent.startswith(("的", "时间", "期", "制"), unit_end):
        return False
    return _unit_at(sent, unit_end) is None


def _and_a_half(sent: str, pos: int, unit: Unit | None) -> tuple[Unit, int] | None:
    """(unit, end) of a length of time or a multiple with 半 after it (一年半, 三周半, 一倍半) or inside it (一个半月, 两个半小时),
    where the figure is N + 0.5; None otherwise. 一年半载 is a vague idiom, and a date has no half."""
    if sent.startswith("个半", pos):
        inner = _unit_at("个" + sent[pos + 2 : pos + 2 + _window()], 0)  # 个半月 reads as 个月
        if inner is not None and inner.kind == "duration" and inner.surface.startswith("个"):
            return Unit(sent[pos : pos + len(inner.surface) + 1], *inner[1:]), pos + len(inner.surface) + 1
        return None
    if unit is None or not (unit.kind == "duration" or unit.unit == "倍") or unit.surface in ("日", "天"):
        return None  # 一倍半 is 1.5 倍 too
    end = pos + len(unit.surface)
    if sent.startswith("半", end) and not sent.startswith("半载", end):
        return Unit(unit.surface + "半", *unit[1:]), end + 1
    return None


def _closes_a_bracket(sent: str, prefix_start: int, end: int, trailing: str) -> bool:
    """处3000元以上、1万5000元以下罚锾: an upper bound right after a lower one closes a range of
    amounts (a fine, a subsidy band), so it is the other end of a figure, not a condition on a noun;
    with 的 after it (500元以上1000元以下的项目) the pair still picks which things."""
    if trailing != "以下" or sent.startswith("的", end):
        return False
    return sent[:prefix_start].rstrip("、，, 至到").endswith("以上")


def _is_day_count(sent: str, start: int, unit_end: int) -> bool:
    if sent.startswith(("起", "止", "零时", "上午", "下午"), unit_end):
        return False  # 申请18日起生效: a date, whatever the verb before it
    return _context("day_contexts.csv", "before").ends(sent, start, "") or _context(
        "day_contexts.csv", "after"
    ).starts(sent, unit_end, "")


def _is_article(sent: str, start: int, unit_end: int, unit: Unit) -> bool:
    """一 + measure word is 'a/an' unless it is a duration that the context makes an amount.

    With no noun after it, 一 + measure word counts in a list of counts of the same word
    (南片两处、北片一处，共3处); after a rate base it counts too (每周一次); 住在一处旧屋 is 'an old house'.
    """
    if unit.unit not in _word_set("duration_units.txt"):
        if any(sent.endswith(w, 0, start) for w in words("count_contexts.txt")):
            return False
        if unit_end < len(sent) and sent[unit_end] not in _CLAUSE_END and sent[unit_end] != "。":
            return True  # a noun follows: 一处旧屋
        # 南片两处、北片一处: one item of a list of counts; 重彩的一笔。 stays 'a'
        return _count_before(unit.surface).search(sent) is None
    return not (
        _context("article_contexts.csv", "before").ends(sent, start, unit.unit)
        or _context("article_contexts.csv", "after").starts(sent, unit_end, unit.unit)
    )


@lru_cache(maxsize=512)
def _count_before(surface: str) -> re.Pattern[str]:
    """A count written right before the measure word ``surface`` (北片两处). Compiled once per word: a
    pattern built per call is recompiled whenever ``re``'s own cache of 512 has moved on, and a
    class of Han characters costs ~0.5 ms to compile."""
    return re.compile(rf"[0-9两三四五六七八九十百](?={re.escape(surface)})")


def find_metrics(sent: str) -> list[Metric]:
    """Every metric the sentence states, in order (see the module docstring for the grammar)."""
    out: list[Metric] = []
    slogans: list[tuple[int, int]] | None = None  # found when the first metric needs them (most
    pos = 0  # sentences have none)
    followers = _followers()
    while True:
        m = _next_numeral(sent, pos)
        if m is None:
            break
        if m.lastgroup == "mix" and not mixed_is_sound(m.group()):
            m = _AR_RE.match(sent, m.start())  # 3万25000: not one number; read the first part alone
            assert m is not None
        pos = m.end()
        kind = m.lastgroup or ""
        currency = _currency_before(sent, m.start()) if kind in ("ar", "mix", "cn") else None
        if (
            kind in ("ar", "cn")
            and currency is None
            and sent[pos : pos + 1] not in followers
            # 总开支逾千亿，: a bare multiplier after a bound word, closing its clause, counts the
            # money or people its sentence speaks of (read in _read_metric, which needs the bound)
            and not (kind == "cn" and _STANDALONE.fullmatch(m.group()) and not _han_follows(sent, pos))
        ):
            fig = None  # most numerals: nothing after them starts a unit, multiplier, range or bound
        else:
            fig = _read_metric(sent, m, kind, currency)
            tail = _range_tail(sent, m) if fig is None else None
            if tail:  # 0到3周岁婴幼儿: a rejected range leaves no second metric behind
                pos = tail
                continue
        if fig is None:
            if m.lastgroup == "ar" and "." in m.group():
                pos = m.start() + m.group().index(".") + 1  # 3.7.9亿人次: a list number, then 7.9亿人次
            continue
        if slogans is None:
            slogans = _blocked_spans(sent)
        if any(s < fig.end and fig.start < e for s, e in slogans):
            continue
        out.append(fig)
        pos = max(pos, fig.end)
    return out


def _next_numeral(sent: str, pos: int) -> re.Match[str] | None:
    """``_NUM_RE.search(sent, pos)``: the first numeral at or after ``pos`` (see _NUM_START)."""
    while True:
        opening = _NUM_START.search(sent, pos)
        if opening is None:
            return None
        m = _NUM_RE.match(sent, opening.start())
        if m is not None:
            return m
        pos = opening.start() + 1


def _blocked_spans(sent: str) -> list[tuple[int, int]]:
    """Spans no metric may overlap: fixed phrases and idioms, link targets and URL-encoded bytes."""
    spans = [(m.start(), m.end()) for m in _slogan_re().finditer(sent)]
    if "%" in sent or "/" in sent:
        spans += [(m.start(), m.end()) for m in _LINK_RE.finditer(sent)]
    return spans


def _range_tail(sent: str, m: re.Match[str]) -> int | None:
    """The end of the second number when a range separator follows the numeral ``m`` (0到3周岁), or
    follows its age unit (未满3岁至6岁): the rejected bracket leaves no metric behind."""
    at = m.end()
    unit = _unit_at(sent, at)
    if unit is not None and unit.kind == "age":
        at += len(unit.surface)
    if sent[at : at + 1] not in _RANGE_SEPS:
        return None
    m2 = _NUM_RE.match(sent, at + 1)
    if not m2 or m2.lastgroup != m.lastgroup:
        return None
    return m2.end() + (
        len(unit.surface) if unit and at > m.end() and sent.startswith(unit.surface, m2.end()) else 0
    )


def _scaled(value: float, factor: float) -> float:
    """``value * factor`` as the decimal figure the text writes: 147.2 * 1e8 in binary floating point
    is 14719999999.999998, off by more than the six decimals a plain round() cleans up. A product a
    few units in the last place from a whole number is that number (cheaper than decimal arithmetic
    on the hot path)."""
    product = value * factor
    whole = round(product)
    if product != whole and abs(product - whole) <= 4 * math.ulp(product):
        return float(whole)
    return round(product, 6)


def _mixed_upper_end(
    sent: str, m2: re.Match[str], kind: str, low: float, own_factor: float | None
) -> tuple[tuple[float, float] | None, bool]:
    """(value, low end folded already) of a range's upper end when either end is a mixed number:
    1万至1万5千元 (the upper end brings its own places), 1万5千至2万元 (the low end has folded its own:
    its factor is 1). None for 3万2千至5千元, an abbreviated upper end we cannot read."""
    after = m2.end()
    if m2.lastgroup == "mix" and not mixed_is_sound(m2.group()):
        return None, False
    if kind == "ar" and m2.lastgroup == "mix":
        ok = own_factor is not None and _unit_at(sent, after) is not None
        return (_value("mix", m2.group()) if ok else None), False
    if kind != "mix" or m2.lastgroup not in ("ar", "mix"):
        return None, False
    factor_after = _multiplier(sent, after)
    if _unit_at(sent, after) is None and factor_after is None:
        return None, False
    v2 = _value(m2.lastgroup or "", m2.group())
    if v2 is None or v2[1] * (factor_after[1] if factor_after else 1.0) < low:
        return None, False
    return v2, True


def _bare_upper_end(sent: str, pos: int) -> tuple[float, int] | None:
    """(value, end) of the Chinese numeral after a range separator at ``pos`` when nothing follows it
    that would give it a unit or a multiplier of its own (百分之十至十五); None otherwise (百分之三至五年,
    百分之十至百分之十五: the second end is its own figure)."""
    if sent[pos : pos + 1] not in _RANGE_SEPS:
        return None
    m2 = _NUM_RE.match(sent, pos + 1)
    if m2 is None or m2.lastgroup != "cn" or _STANDALONE.fullmatch(m2.group()):
        return None
    end = m2.end()
    if sent[end : end + 1] in _EXTENDERS or _unit_at(sent, end) is not None:
        return None
    v2 = _value("cn", m2.group())
    return (v2[1], end) if v2 else None


_LISTED_YEAR = re.compile(r"\d{1,2}[.．](?:19|20)\d\d")  # a digest's list number, then a year


def _read_metric(  # noqa: C901 - one grammar, read in order
    sent: str, m: re.Match[str], kind: str, currency: tuple[int, str] | None
) -> Metric | None:
    """The metric numeral ``m`` (of group ``kind``, after ``currency`` if any) opens, or None."""
    token, start, pos = m.group(), m.start(), m.end()
    standalone = kind == "cn" and _STANDALONE.fullmatch(token) is not None
    if (standalone and len(token) > 1 and token not in _MULTIPLIERS) or token in ("零", "〇", "○"):
        return None  # 零部件; 万千: not numbers
    span = _value(kind, token)
    if span is None or (kind == "cn" and _is_vague(sent, start, pos, kind)):
        return None
    if _is_identifier(sent, currency[0] if currency else start, pos):
        return None
    if _LISTED_YEAR.fullmatch(token) and sent.startswith("年", pos) and not sent[start - 1 : start].isalnum():
        return None  # 9.2025年“秋招”全面展开: a list number glued to a year, not 9.2025 years
    if start >= 2 and sent[start - 1] in "/／" and not sent[start - 2].isdigit():
        return None  # 3.5例/10万, 1.2人/万车: the base of a rate after its unit, not a figure
    low, high = span
    head = currency[0] if currency else start
    prefix_start, prefix_bound, prefix_word = _prefix_bound(sent, head)
    if (
        standalone
        and prefix_bound is None
        and not (sent.startswith(("余", "多"), pos) and _unit_at(sent, pos + 1))
    ):
        return (
            None  # 万家, 千方百计: a bare multiplier is a number only after 超/上/近 … or before 余 (百余人)
        )
    if prefix_word == "上" and not standalone:
        prefix_start, prefix_bound = head, None
    if _ordinal_before().ends(sent, prefix_start, "") or (
        prefix_bound is None and _ORDINAL_LIST.search(sent, max(0, head - 10), head)
    ):
        return None  # 第二批; 播出第三、四集: the 第 of a list of ordinals applies to each (全国第四、突破1万公里: not)
    if prefix_bound is None and sent.endswith("每", 0, prefix_start):
        return None  # 每240米加收2元, 每50公斤提高9元, 每三台…就有一台: the base a rate is per, not a figure

    inner_bound = None
    unit: Unit | None = None
    factor = 1.0
    own_factor: float | None = None
    scaled_token: str | None = None  # a numeral whose multiplier comes after a bound word (4亿5千6百多万)
    has_multiplier = kind == "mix" or (kind == "cn" and ("万" in token or "亿" in token))
    arabic = kind in ("ar", "mix")
    if kind in ("pct", "frac", "hkfrac"):
        if sent.startswith("几", pos):
            return None  # 百分之三十几: a vague share
        unit = Unit(token, "%", "percent", "%", 1.0)
        unit_end = pos
        if kind == "pct" and token.startswith("百分之"):
            upper = _bare_upper_end(sent, pos)
            if upper is not None:  # 百分之十至十五: 百分之 before the range applies to both ends
                high, unit_end = upper
    else:
        if sent[pos : pos + 1] in _EXTENDERS:  # most numerals go straight on to their unit
            # an own multiplier before a range separator: 3万至5万元
            mult = _multiplier(sent, pos) if kind == "ar" else None
            if mult and pos + len(mult[0]) < len(sent) and sent[pos + len(mult[0])] in _RANGE_SEPS:
                own_factor = mult[1]  # scales the low end only; the second number brings its own
                pos += len(mult[0])
                has_multiplier = True
            if pos < len(sent) - 1 and sent[pos] in _RANGE_SEPS:
                m2 = _NUM_RE.match(sent, pos + 1)
                v2 = _value(kind, m2.group()) if m2 and m2.lastgroup == kind else None
                if m2 and v2 is None and "mix" in (kind, m2.lastgroup):
                    v2, mixed_low = _mixed_upper_end(sent, m2, kind, low, own_factor)
                    own_factor = 1.0 if mixed_low else own_factor
                if m2 and v2:
                    high = v2[1]
                    pos = m2.end()
            if arabic and sent.startswith(("余", "多", "来"), pos) and _multiplier(sent, pos + 1):
                inner_bound = _INNER_SUFFIX[sent[pos]]
                pos += 1
            mult = _multiplier(sent, pos) if (arabic or inner_bound) else None
            if mult:
                factor = mult[1]
                pos += len(mult[0])
                has_multiplier = True
                scaled_token = token if kind == "mix" else None
            if sent.startswith(("余", "多", "来"), pos) and (
                _unit_at(sent, pos + 1) or _multiplier(sent, pos + 1)
            ):
                inner_bound = _INNER_SUFFIX[sent[pos]]
                pos += 1
                if kind == "cn":
                    mult = _multiplier(sent, pos)
                    if mult:
                        factor = mult[1]
                        pos += len(mult[0])
                        has_multiplier = True
                        scaled_token = token
        unit = _unit_at(sent, pos)
        unit_end = pos + len(unit.surface) if unit else pos
        half = _and_a_half(sent, pos, unit) if low == high and not has_multiplier else None
        if half is not None:  # 一年半, 两个半月: N and a half of a length of time
            unit, unit_end = half
            low = high = low + 0.5
        elif sent.startswith("个多", pos) and inner_bound is None:  # 三个多小时, 两个多月: more than N
            inner = _unit_at("个" + sent[pos + 2 : pos + 2 + _window()], 0)
            if inner is not None and inner.surface.startswith("个"):  # 两个多百分点 too
                unit = Unit(sent[pos : pos + len(inner.surface) + 1], *inner[1:])
                unit_end = pos + len(unit.surface)
                inner_bound = "at_least"

    if scaled_token is not None and low == high:  # 12亿3,400万: 万 scales the part after 亿 only
        folded = fold_scale(scaled_token, factor)
        if folded is None:
            return None
        low = high = folded
        factor = 1.0
    implied = False
    if currency is not None and (unit is None or unit.unit == "元"):
        unit = Unit(unit.surface if unit else "", currency[1], "money", currency[1], 1.0)
    elif currency is not None and unit is not None and unit.kind != "money":
        return None  # $3个: a sign before a count is no money metric we can read
    if unit is None:
        if sent[unit_end : unit_end + 1] in _MULTIPLIERS:
            return None  # 10.36百亿亿次: stacked multipliers we cannot read
        if not has_multiplier or (
            unit_end < len(sent) and sent[unit_end].isascii() and sent[unit_end].isalpha()
        ):
            return None  # a bare number, or 4万P / 5G: a label
        u, k = _implied_unit(sent, prefix_start, unit_end)
        if standalone and k == "count" and not _han_follows(sent, unit_end):
            return None  # 装机率先破亿、达到1.35亿千瓦: no noun or money to count, so no unit we can name
        unit, implied = Unit("", u, k, u, 1.0), True
    if own_factor is not None and high == low:  # 3万- with no second number: the own multiplier is all
        factor = own_factor
    low_factor = own_factor if own_factor is not None else factor  # 700万到800万吨: each end its own
    low, high = _scaled(low, low_factor), _scaled(high, factor)  # 147.2亿 is 14720000000, not …99.999998
    end = unit_end
    # 65周岁至74周岁: an age written at both ends is one bracket (a criterion, rejected below). Other
    # units written twice (5%—5.5%, 3天至5天) are two metrics, as the spec's grammar reads them.
    if unit.kind == "age" and low == high and sent[end : end + 1] in _RANGE_SEPS:
        m2 = _NUM_RE.match(sent, end + 1)
        if m2 and m2.lastgroup == kind and sent.startswith(unit.surface, m2.end()) and unit.surface:
            v2 = _value(kind, m2.group())
            if v2:
                high = round(v2[1] * factor, 6)
                end = unit_end = m2.end() + len(unit.surface)
    if high < low:  # 3.5~1.2: a range written from the larger end
        low, high = high, low
    if unit.unit in _REGIONAL_UNITS or unit.surface in _REGIONAL_UNITS:
        unit, low, high, end = _regional_unit(sent, kind, token, unit, low, high, end)
    if unit is None:
        return None
    unit_end = end
    if unit.kind == "age" and _is_condition_age(sent, prefix_start, end, low, high):
        return None
    threshold = unit.kind in _word_set("threshold_kinds.txt")
    if threshold and sent.startswith(_THRESHOLD_TAILS, end):
        return None  # 60周岁及以上人口, 65岁或以上长者: a condition
    if (
        threshold
        and sent.startswith("的", end)
        and (
            prefix_word in _word_set("comparison_words.txt")  # 收入不低于3000元的家庭
            or any(sent.endswith(w, 0, prefix_start) for w in words("comparison_words.txt"))
        )
    ):
        return None  # 人均收入低于3000元的家庭: a criterion
    if (
        threshold
        and (prefix_bound == "at_least" or sent.endswith(("过", "上"), 0, prefix_start))
        and sent.startswith(words("threshold_heads.txt"), end)
    ):
        return None  # 超亿元企业, 过10亿元项目: a class of things, not an amount
    if (
        unit.unit == "年"
        and prefix_word == "近"
        and (prefix_start == 0 or sent[prefix_start - 1] in "，,。；;：:（(")
        and not sent.startswith("的", end)  # 近30年的旧楼: an age (metric-spec)
    ):
        return None  # 近5年人均预期寿命增量居全国第1位: "in the last five years", a reference period
    if unit.unit == "年" and _change_over_years(sent, prefix_start, end):
        return None  # 吞吐量5年增长1.6倍: the span of the change, not a length of something
    if _is_criterion(sent, prefix_start, end, unit):
        return None  # 在12分钟内到达的召唤占92%, 使用最少1,000元…可获: which ones, not how many
    if unit.kind == "length" and _SPORT_EVENT.search(sent, max(0, prefix_start - 4), prefix_start):
        return None  # 男子100米决赛, 女子4×100米接力: a sport's event, a name
    if unit.unit == "秒" and kind == "ar" and low == high:
        if hundredths := _HUNDREDTHS.match(sent, end):
            low = high = low + int(hundredths.group(0)) / 100  # 9秒83: a race time, 9.83 s
            end += 2
        if prefix_start == start and (minutes := _MINUTES_BEFORE.search(sent, max(0, start - 4), start)):
            if sent.endswith("第", 0, minutes.start()):
                return None  # 第85分30秒: a moment of a match, not a length
            low = high = round(low + 60 * int(minutes.group(1)), 6)  # 3分25秒38: 205.38 s
            prefix_start = minutes.start()
    if unit.surface == "座" and sent.startswith(tuple(words("seat_class_vehicles.txt")), end):
        return None  # 19座小巴, 7座乘用车: a class of vehicle by its seats, not a count
    if unit.unit == "口" and sent.endswith(("一家", "全家"), 0, prefix_start):
        return None  # 一家三口以店为家: a family, not a count (一家六口人 is 6 人: the unit is 口人)
    if unit.unit == "小时" and low == high == 24 and _round_the_clock(sent, end):
        return None  # 24小时热线, 24小时便利店: "round the clock", the kind of a service, not a length
    if (
        unit.kind == "percent"
        and sent.startswith("的", end)
        and any(sent.endswith(w, 0, prefix_start) for w in words("share_attributes.txt"))
    ):
        return None  # 酒精浓度超过30%的烈酒: a criterion
    trailing = _match_suffix(sent, end)
    trailing_bound = None
    if trailing and not (
        trailing[0] in ("余", "多", "来") and unit.kind == "percent" and not _more_tenths(sent, end, unit)
    ):
        if (
            trailing[0] in ("以上", "以下")
            and _han_follows(sent, end + len(trailing[0]))
            and not _closes_a_bracket(sent, prefix_start, end + len(trailing[0]), trailing[0])
            and (
                threshold
                or _COUNT_BEFORE.search(sent, 0, prefix_start)
                or (
                    unit.unit in _SIZE_UNITS
                    and sent.startswith(words("threshold_heads.txt"), end + len(trailing[0]))
                )
            )
        ):
            return None  # 60岁以上老人, 957个50户以上村寨: a condition, not a metric
        if trailing[0] not in ("来",):
            trailing_bound = trailing[1]
            end += len(trailing[0])

    if not _passes_unit_rules(sent, kind, token, start, prefix_bound, unit, unit_end, low, high):
        return None
    if _in_short_quote(sent, prefix_start, end):
        return None
    if has_multiplier and sent.endswith("每", 0, prefix_start):
        return None  # 每10万人口有28.6人, 每10亿元资金: the scaled base of a rate, not an amount
    bound = prefix_bound or trailing_bound or inner_bound or "exact"
    if unit.kind in _BELOW_ZERO_KINDS and sent.endswith("零下", 0, prefix_start):
        prefix_start -= 2  # 零下37摄氏度, 零下8度左右: a temperature below zero is negative
        low, high = -high, -low
    elif unit.kind in _SIGNED_KINDS and _minus_before(sent, prefix_start):
        prefix_start -= 1  # 气温在-3℃到5℃之间, 增速为-0.3%: a minus sign, not the dash of a range
        low, high = -high, -low
    elif unit.kind == "percent" and _negative_word_before(sent, prefix_start, token):
        prefix_start -= 1  # 增长率为负0.6%: 负 before the digits is the sign
        low, high = -high, -low
    return Metric(
        prefix_start, end, sent[prefix_start:end], low, low, high, unit.unit, unit.kind, bound, implied
    )


_SPORT_EVENT = re.compile(r"(?:男子|女子|混合|男女)(?:\d+[×x*])?$")
_HUNDREDTHS = re.compile(r"\d{2}(?![\d.%％])")
_MINUTES_BEFORE = re.compile(r"(?<![\d.])(\d{1,2})分$")


@cache
def _changes() -> tuple[str, ...]:
    """The change markers and the doublings, once per process (asked of every N年 figure)."""
    return (*words("change_markers.txt"), "翻番", "翻一番", "翻了一番")


def _change_over_years(sent: str, start: int, end: int) -> bool:
    """N年 right before a change (增长, 提高, 翻一番: change_markers.txt) is the span the change took;
    a streak (连续5年增长, 持续3年下降) counts its years, as the gold's 连续5年稳定 does."""
    if not sent.startswith(_changes(), end):
        return False
    return not sent.endswith(("连续", "连", "持续", "从", "由"), 0, start)  # 从10.23年提高到: a pair's start


def _formal_two(sent: str, start: int, unit_end: int, unit: Unit, prefix_bound: str | None) -> bool:
    """二 is a number only before a length a cue makes one: formal HK/TW text writes 最长二年,
    不超过二日, 申请二年 (elsewhere 二期, 二年级 are names and counts say 两)."""
    return unit.kind == "duration" and (prefix_bound is not None or _is_day_count(sent, start, unit_end))


_WITHIN_THE_ONES = re.compile(
    r"(?:以内|之内|内)[^，。；,;0-9]{1,12}?的"
    r"(?:[^，。；,;]{0,12}?占|[^，。；,;0-9]{0,8}?(?:比率|比例|率)(?:达|为|是|约|超|逾|近|升|降|提高|维持))"
)  # 在12分钟内到达的召唤占92%, 在30分钟内获处理的比率达九成二: the time limit says which ones


def _is_criterion(sent: str, start: int, end: int, unit: Unit) -> bool:
    """A figure that says which things are counted, not how many (metric-spec: conditions and
    thresholds): a time limit of a relative clause whose things are a share (在12分钟内到达现场的
    召唤占92.7%, 3天内办结的诉求占98%, 30分钟内获处理的比率达九成二), or a minimum that earns something later in the sentence
    (使用最少1,000元医疗券，可获额外500元; 消费满200元即可获赠), or an age after a verb of use
    (使用超过15年的电梯)."""
    if unit.kind == "duration" and _WITHIN_THE_ONES.match(sent, end):
        return True
    if (
        unit.kind == "duration"
        and sent.startswith("的", end)
        and sent[end + 1 : end + 2].isalnum()
        and sent[:start].removesuffix("满").endswith(words("criterion_age_verbs.txt"))
    ):
        return True  # 使用超过15年的电梯, 居住满5年的居民: which ones, by their age
    if not sent.endswith(words("criterion_minimums.txt"), 0, start):
        return False
    rest = sent[end:]
    return any(w in rest for w in words("criterion_rewards.txt"))


def _round_the_clock(sent: str, end: int) -> bool:
    """24小时 + a service noun within the next few characters of its phrase (24小时长者热线,
    24小时便利店), but not 24小时内 (a deadline) or 24小时以上."""
    if sent.startswith(("内", "之", "以", "后", "前", "左右"), end):
        return False
    phrase = _CLOCK_PHRASE.match(sent, end)
    tail = phrase.group(0) if phrase else ""
    return any(w in tail for w in words("round_the_clock_heads.txt"))


_CLOCK_PHRASE = re.compile(r"[\u4e00-\u9fff“”]{1,6}")


def _minus_before(sent: str, start: int) -> bool:
    """A minus sign right before a temperature or a rate: not after a number or unit (3℃-5℃, 3-5度,
    6.5%－7% are ranges), so after the start, a space, a word or an opening mark."""
    if start < 1 or sent[start - 1] not in "-−－﹣":
        return False
    before = sent[start - 2] if start >= 2 else " "
    # after a unit the dash joins a range written with the unit at both ends (6.5%－7%, 3℃-5℃)
    return not (before.isalnum() and not ("\u3400" <= before <= "\u9fff")) and before not in "℃度°%‰点"


def _negative_word_before(sent: str, start: int, token: str) -> bool:
    """负 right before Arabic digits (为负0.6%), after a word or mark rather than a figure: the sign
    of a rate, as in statistics releases; 负增长 and 负债率 hold no digits after 负."""
    if start < 1 or sent[start - 1] != "负" or not token[:1].isdigit():
        return False
    return start < 2 or not sent[start - 2].isdigit()


def _regional_unit(
    sent: str, kind: str, token: str, unit: Unit, low: float, high: float, end: int
) -> tuple[Unit | None, float, float, int]:
    """Units of the regional conventions: 六五折 = 6.5 折, 6成2 = 6.2 成, a flat's 呎 = 平方英尺."""
    if unit.unit == "折":
        if kind == "cn" and low == high and 10 <= low < 100:
            low = high = low / 10  # 六五折: two digits read as N.M tenths
        elif kind == "ar" and low == high and 10 < low < 100 and "." not in token:
            low = high = low / 10  # 85折
        if high > 10 or low <= 0:
            return None, low, high, end
    elif unit.unit == "成" and low == high and end < len(sent):
        extra = _tenth_digit(sent, end)
        if extra is not None:
            low = high = round(low + extra / 10, 6)
            end += 1
    elif unit.surface == "呎" and _flat_size(sent, end - 1, end):
        unit = Unit(unit.surface, "平方英尺", "area", "平方米", 0.09290304)
    elif unit.unit == "点" and not (
        _is_index_point(sent, end - len(unit.surface), end)
        or _is_voucher_point(sent, end - len(unit.surface), low)
    ):
        return None, low, high, end
    return unit, low, high, end


def _is_voucher_point(sent: str, start: int, low: float) -> bool:
    """每人可获1,200点, 另加码300点: the points of a voucher, in a sentence with a points cue before the
    figure; above 24, so never a clock time (每人下午3点前报到)."""
    return low > 24 and any(w in sent[:start] for w in words("point_cues.txt"))


def _is_index_point(sent: str, start: int, end: int) -> bool:
    """升312点 in a sentence naming a stock index before it; not 下午3点, 3点半, 3点40分 (clock times)."""
    if not any(w in sent[:start] for w in words("index_cues.txt")):
        return False
    head = sent[:start].rstrip("0123456789,.零一二两三四五六七八九十百千万")
    if any(head.endswith(w) for w in words("clock_words.txt")):
        return False
    return not (sent[end : end + 1] in ("钟", "半", "整", "分") or sent[end : end + 1].isdigit())


def _tenth_digit(sent: str, pos: int) -> float | None:
    """The single digit of N成M (6成2, 三成五, 三成半) when nothing numeric follows it."""
    ch = sent[pos]
    if ch.isascii() and ch.isdigit():
        val: float | None = float(ch)
    elif ch == "半":
        val = 5.0
    elif ch in "一二三四五六七八九":
        val = parse_number(ch)
    else:
        return None
    nxt = sent[pos + 1 : pos + 2]
    if nxt and (
        nxt.isdigit()
        or nxt in _CN
        or nxt in "点.%"
        or (nxt.isascii() and nxt.isalpha())
        # a digit before a unit starts a figure of its own (三成|五个); 半 never does (九成半|款项)
        or (ch != "半" and _unit_at(sent, pos + 1))
    ):
        return None
    return val


def _more_tenths(sent: str, end: int, unit: Unit) -> bool:
    """三成多, 七成多的市民: 多 after 成 is 'more than N tenths' (not 三成多为…, where 多为 is 'mostly')."""
    return (
        unit.unit == "成"
        and sent.startswith("多", end)
        and (not _han_follows(sent, end + 1) or sent.startswith("的", end + 1))
    )


def _clause_start(sent: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts; the comma of 2,800 separates thousands, not clauses."""
    start = max((sent.rfind(c, 0, pos) for c in _CLAUSE_END), default=-1)
    while (
        start > 0
        and sent[start] == ","
        and sent[start - 1].isdigit()
        and sent[start + 1 : start + 2].isdigit()
    ):
        start = max((sent.rfind(c, 0, start) for c in _CLAUSE_END), default=-1)
    return start + 1


def _flat_size(sent: str, start: int, end: int) -> bool:
    """呎 gives a flat's size when its clause speaks of floor area (实用面积500呎, 500呎单位)."""
    before = sent[_clause_start(sent, start) : start]
    cues = table("flat_size_cues.csv")
    if any(r["position"] == "before" and r["word"] in before for r in cues):
        return True
    return any(r["position"] == "after" and sent.startswith(r["word"], end) for r in cues)


def _is_condition_age(sent: str, start: int, end: int, low: float, high: float) -> bool:
    """An age that sets a criterion: 55至59岁人士, 未满3岁幼儿, 65周岁至74周岁：…, 65岁长者."""
    if low != high or any(sent.endswith(w, 0, start) for w in words("condition_prefixes.txt")):
        return True
    if sent[end : end + 1] in ("：", ":"):
        return True  # an age heading a rule (65周岁：每月补贴50元)
    if start and sent[start - 1] in "名位个":
        return False  # 一名65岁老人: the age of someone counted
    following = sent[end : end + 4]
    return any(following.startswith(n) for n in words("people_nouns.txt"))


def _han_follows(sent: str, pos: int) -> bool:
    return pos < len(sent) and "\u4e00" <= sent[pos] <= "\u9fff"


def _passes_unit_rules(
    sent: str,
    kind: str,
    token: str,
    start: int,
    prefix_bound: str | None,
    unit: Unit,
    unit_end: int,
    low: float,
    high: float,
) -> bool:
    """Exclusions that depend on the unit: dates, ordinals, articles, reduplication."""
    if unit.surface and sent.startswith(unit.surface, unit_end) and (token == "一" or unit.unit != "个"):
        return False  # 一次次, 一件件: emphasis, not a count; 近3年年均: a period (but 38个个案 is 38 cases)
    if unit.unit == "年" and (
        max(low, high) >= 1000
        or (
            "." not in token and _is_period(sent, start, unit_end, unit.unit)
        )  # 的5.5年: no period has a decimal
        or _is_roc_year(sent, kind, start, unit_end, prefix_bound, low)
        or (kind == "cn" and len(token) >= 3 and all(c in _DIGITS for c in token))  # 一一三年: a year
        or _is_reporting_period(sent, start, unit_end)
    ):
        return False
    if unit.surface == "日" and not (prefix_bound or "." in token or _is_day_count(sent, start, unit_end)):
        return False  # 五月七日, 3日上午: a date; 共五日, 十四日内, 1.2日 (no date has a decimal): a length
    if (
        unit.surface == "个"
        and _period_count_nouns().starts(sent, unit_end, "")
        and _period_head_before(sent, start)
    ):
        return False  # 过去五个财政年度: the years a figure covers, like 过去五年
    if unit.unit in ("月", "周", "天", "小时") and (
        _period_head_before(sent, start) or _period_tails().starts(sent, unit_end, "")
    ):
        return False  # 过去十二个月, 3个月后, 两个多月来: a period or a point in time, not a length
    if (
        unit.unit in ("月", "周", "天", "年")
        and sent.endswith("的", 0, start)
        and "截至" in sent[_clause_start(sent, start) : start]
    ):
        return False  # 截至九月的十二个月: Hong Kong's statistics name a reference period so
    if unit.unit == "周" and sent.startswith("年", unit_end):
        return False  # 95周年 is an anniversary
    if unit.unit == "级" and not (kind == "ar" and ("." in token or "地震" in sent[unit_end : unit_end + 8])):
        return False  # 三级党组织: a tier; a magnitude is Arabic: 6.2级, 5级地震
    if unit.unit == "成" and high > 10:
        return False
    if _ordinal_after().starts(sent, unit_end, unit.unit) or _ordinal_before().ends(sent, start, unit.unit):
        return False
    if _is_fixed_word(sent, kind, token, start, prefix_bound, unit, unit_end) or _wrong_numeral_for_unit(
        kind, token, unit, low
    ):
        return False  # 环顾四周: "all around", not four weeks; 2025届毕业生 (a cohort), 二手车 (a word)
    if unit.kind in _word_set("rate_kinds.txt"):
        return True  # 增加一成半, 二厘息: a rate is never the article 'a', nor a phase
    if kind == "cn" and (
        unit.unit in _word_set("phase_units.txt")
        or (token == "二" and not _formal_two(sent, start, unit_end, unit, prefix_bound))
    ):
        return False  # 二期, 二次发掘, 三期污水处理设施: phases are named with numerals; counts say 两
    if kind == "cn" and unit.unit in _word_set("tier_units.txt") and _han_follows(sent, unit_end):
        return sent.startswith("的", unit_end)  # 十九届六中全会: an edition
    return not (
        token == "一" and low == high and prefix_bound is None and _is_article(sent, start, unit_end, unit)
    )


def _wrong_numeral_for_unit(kind: str, token: str, unit: Unit, value: float) -> bool:
    """The numeral is of a sort that makes no amount with this unit: a four-digit year before a cohort
    unit names a class (2025届毕业生, 2023级新生); a Chinese numeral before an Arabic-only unit makes
    a word (二手车, 两手抓, 一升一降), while 2.17万手 and 三万手 count lots."""
    if kind == "ar":
        return (
            unit.unit in _word_set("cohort_units.txt")
            and "." not in token
            and 1900 <= value <= 2100
            and value == int(value)
        )
    return (
        kind == "cn"
        and unit.surface in _word_set("arabic_units.txt")
        and not ("万" in token or "亿" in token)
    )


@cache
def _fixed_words() -> frozenset[str]:
    return frozenset(r["word"] for r in table("fixed_numeral_words.csv") if r["position"] == "word")


def _is_fixed_word(
    sent: str, kind: str, token: str, start: int, prefix_bound: str | None, unit: Unit, unit_end: int
) -> bool:
    """A numeral fused with its measure word into a word of another meaning (四周 "all around"), unless
    a bound or a length-of-time context makes it an amount (近四周, 为期四周, 四周内)."""
    if kind != "cn" or prefix_bound is not None or token + unit.surface not in _fixed_words():
        return False
    return not (
        _context("fixed_numeral_words.csv", "before").ends(sent, start, unit.unit)
        or _context("fixed_numeral_words.csv", "after").starts(sent, unit_end, unit.unit)
    )


@cache
def _ordinal_after() -> _Affixes:
    return _context("ordinal_contexts.csv", "after")


@cache
def _ordinal_before() -> _Affixes:
    return _context("ordinal_contexts.csv", "before")
