"""Places wider than one division: the country (全国, 我国, 国家新增…) and wholes of several
provinces (川渝, 京津冀), and region words for a part of one province (珠三角 -> 广东省).

A metric the country or a whole owns has no division of its own (null), unless the page's region calls
its own territory the country (region_national_self.txt).
"""

from __future__ import annotations

import re
from functools import lru_cache

import polars as pl

from transforms.enrich.regions.clauses import CARRY_CHARS
from transforms.enrich.regions.divisions import _pad
from transforms.lexicon import table, words

_LIST_JOINS = ("、", "和")  # a whole right after these is one item of a list in another clause


@lru_cache(maxsize=1)
def _national_selves() -> frozenset[str]:
    return frozenset(words("region_national_self.txt"))


@lru_cache(maxsize=1)
def _national_subject() -> re.Pattern[str]:
    subjects, rankings = _national_subject_words()
    return re.compile(f"(?:{subjects})(?!{rankings})")


def _national_subject_words() -> tuple[str, str]:
    """The national subjects and the ranking words that cancel them, as regex alternations."""
    return (
        "|".join(map(re.escape, words("region_national_subjects.txt"))),
        "|".join(map(re.escape, words("region_national_rankings.txt"))),
    )


@lru_cache(maxsize=1)
def _wholes() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, words("region_wholes.txt"))))


@lru_cache(maxsize=1)
def _province_parts() -> tuple[re.Pattern[str], dict[str, str]]:
    """Region words for a part of one province (region_province_parts.csv): 珠三角 -> 广东省."""
    codes = {r["word"]: _pad(r["adcode"]) for r in table("region_province_parts.csv")}
    return re.compile("|".join(map(re.escape, sorted(codes, key=len, reverse=True)))), codes


def _parts_named(text: str, own: bool) -> list[str]:
    """The provinces a text names by a region word inside one of them (推动珠三角…托管15所: 广东省);
    outside the metric's own clause only one opening the clause (CARRY_CHARS), like a division."""
    pattern, codes = _province_parts()
    markets = _market_spans(text)
    return [
        codes[m.group(0)]
        for m in pattern.finditer(text)
        if (own or m.start() < CARRY_CHARS) and not any(a <= m.start() < b for a, b in markets)
    ]


@lru_cache(maxsize=1)
def _market_list() -> re.Pattern[str]:
    """A destination word (region_destination_words.txt) and the list of wholes or province parts it
    puts as markets (供应长三角、珠三角, 对接京津冀)."""
    go = "|".join(map(re.escape, sorted(words("region_destination_words.txt"), key=len, reverse=True)))
    names = f"(?:{_wholes().pattern}|{_province_parts()[0].pattern})"
    return re.compile(f"(?:{go}){names}(?:[、和及与]{names})*")


def _market_spans(text: str) -> list[tuple[int, int]]:
    """The character spans of the market lists of ``text`` (:func:`_market_list`)."""
    return [(m.start(), m.end()) for m in _market_list().finditer(text)]


def _names_whole(text: str, found: list[tuple[str, int]], carried: bool, own: bool = True) -> bool:
    """Whether the text names a whole of several provinces (opening it, when ``carried``), other than
    as the whole of which a named division's stretch is meant (黄河流域甘肃段: 甘肃's part of it).
    In a clause other than the metric's (not ``own``), a whole a route reaches (蒙西至京津冀外送通道,
    group_destinations.txt) is where the route's object goes, not the later metric's place, and a whole
    that stands as an item of a list (…和成渝双城消费节、川渝好物…) names that item, not the place.
    A whole a destination word puts as a market (供应长三角, 对接京津冀: region_destination_words.txt),
    with the wholes listed after it, is not the place in any clause."""
    reached = tuple(words("group_destinations.txt"))
    markets = _market_spans(text)
    for m in _wholes().finditer(text):
        if carried and m.start():
            return False
        if any(a <= m.start() < b for a, b in markets):
            continue  # 劳务输出供应长三角、珠三角企业用工12万人: where the labour goes, not the place
        if not own and text[: m.start()].endswith(reached):
            continue
        if not own and text[: m.start()].endswith(_LIST_JOINS):
            continue  # …文化节和成渝双城消费节、川渝好物…等活动，创建…15个: one listed item's name, not the place
        at = len(text[: m.end()].encode("utf-8"))
        tail = [n for n, off in found if off == at]
        if not (tail and text.startswith(tail[0] + "段", m.end())):
            return True
    return False


def _national(lead: pl.Expr, unit: pl.Expr, after: pl.Expr | None = None) -> pl.Expr:
    """The metric is the country's (纳入国家102项, 国家新增专项债500亿元, 全国累计…): a national word right
    before it, or opening its clause as the actor or the whole (region_national_acts.txt). A count
    closing on 之一 sizes the set the page's place belongs to (成为全国首批5个国家公园之一): the set is
    the nation's when a national word stands shortly before the count.

    Not after a comparison, nor as a share of the nation (高于全国8.5个百分点, 贡献了全国38.7%: the page's
    own metrics), nor as a designation or a ranking of the page's own things (国家区域医疗中心874项,
    全国重点实验室达8家, 全球首台25兆瓦: counted where they stand, fact-spec and the dev gold)."""
    nation = "|".join(words("region_national.txt"))
    compare = "|".join(words("region_compare.txt"))
    acts = "|".join(words("region_national_acts.txt"))
    shares = words("region_national_shares.txt")
    subjects, rankings = _national_subject_words()
    one_of = (
        lead.str.contains(f"(?:{nation})[^\\d，；、]{{0,8}}$") & after.str.contains("^[^，；]{0,24}之一")
        if after is not None
        else pl.lit(False)
    )
    return (
        one_of
        | (
            lead.str.contains(f"(?:{nation})$")
            & ~lead.str.contains(f"(?:{compare})(?:{nation})$")
            & ~unit.fill_null("").is_in(shares)
        )
        | lead.str.contains(f"^(?:{nation})(?:{acts})")
        # 全国9125个街道、29620个乡镇、488959个行政村: the later counts of a list the nation opens
        | lead.str.contains(f"^(?:{nation})(?:\\d[^、，；]*、)+$")
        | (lead.str.contains(f"^(?:{subjects})") & ~lead.str.contains(f"^(?:{subjects})(?:{rankings})"))
    )
