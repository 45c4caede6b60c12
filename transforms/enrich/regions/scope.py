"""Whether one clause (or the headline) decides a metric's place, and which it is (:func:`_scope_region`).

A whole or the country gives null, named divisions the smallest holding them, and a deictic word
(全省, 全市, 全区) the page's division, or the one an earlier clause opens with, at that level.
"""

from __future__ import annotations

import re
from functools import lru_cache

from transforms.enrich.regions.clauses import _ANCHOR_LEAD, _split_clauses
from transforms.enrich.regions.divisions import _at_level, _common, _county_city, _gazetteer, _nbytes
from transforms.enrich.regions.naming import _named
from transforms.enrich.regions.national import _names_whole, _national_selves, _national_subject, _parts_named
from transforms.lexicon import table


@lru_cache(maxsize=1)
def _deictic() -> tuple[re.Pattern[str], dict[str, str]]:
    """Words that name the page's own division without its name (全省, 全市, 全区) and their level."""
    levels = {r["word"]: r["level"] for r in table("region_deictic.csv")}
    return re.compile("|".join(sorted(map(re.escape, levels), key=len, reverse=True))), levels


@lru_cache(maxsize=1)
def _quotes() -> re.Pattern[str]:
    return re.compile(r"“[^”]{0,30}”|《[^》]{0,30}》|「[^」]{0,30}」")


@lru_cache(maxsize=1)
def _first_person() -> re.Pattern[str]:
    """The deictic words in the first person (我县, 我市, 我省): the page's own division speaking."""
    return re.compile(
        "|".join(sorted((w for w in _deictic()[1] if w.startswith("我")), key=len, reverse=True))
    )


def _scope_region(
    text: str,
    found: list[tuple[str, int]],
    page: str | None,
    province: str | None,
    vouched: frozenset[str] = frozenset(),
    carried: bool = False,
    own: bool = True,
    anchor: str | None = None,
) -> tuple[bool, str | None]:
    """Whether a clause (or headline) names the metric's place, and which division that is.

    A whole of several provinces or the country (川渝) -> null; named divisions -> the smallest
    holding them; a word naming the page's own division (全省) -> the page's division at that level.
    Names inside quotation or title marks are brands or titles (“九寨沟”文旅精品), not places.
    The clause right before the metric's passes a whole on wherever it stands (深化川渝合作，共建项目80个);
    one further back (``carried``) only when the whole opens it as its subject: in 建立黄河流域…机制，
    …，治理沙化土地93.5万亩 the whole is an object of that clause's verb, not the later metric's place.
    An earlier clause opened by the country as its subject (我国, 全国上下: region_national_subjects.txt)
    passes the country on. A word naming "our" division (全省, 全市) is the division at that level of
    ``anchor``, the place an earlier clause of the sentence names (江西全面推广…，目前全省已建成880多个:
    江西省), else of the page.
    """
    if not text:
        return False, None
    if _names_whole(text, found, carried, own):
        return True, None
    if not own and _national_subject().match(text):
        # 当前，我国已实施…，累计改造25万个: the country carried on; on a page whose region calls
        # its own territory the country (region_national_self.txt: 我国总人口为…，较上年底减少…)
        # that is the page's region
        return True, page if page in _national_selves() else None
    ours = _first_person().search(text) if not own and page is not None else None
    if ours and page is not None:
        # 杭州市下达我县的年度任务全面完成，新增…: "our" county, not the city naming it, is the place
        level = _deictic()[1][ours.group(0)]
        keep = level == "page" or (level == "city" and _county_city(page))  # 我市 on 醴陵市's page
        return True, page if keep else _at_level(page, level)
    parts = _parts_named(text, own)
    if found or parts:
        quoted = [
            (len(text[: m.start()].encode()), len(text[: m.end()].encode())) for m in _quotes().finditer(text)
        ]
        found = [(a, off) for a, off in found if not any(q0 <= off < q1 for q0, q1 in quoted)]
        named = (_named(text, found, province, vouched) if found else []) + parts
        if named:
            return True, _common(named)
    pattern, levels = _deictic()
    hit = pattern.search(text)
    level = levels[hit.group(0)] if hit else "page"
    # 全区/全县 name the page's own division; 全省/全市 may name one the sentence opened with
    base = anchor if anchor is not None and level != "page" else page
    if hit and base is not None:
        if level == "city" and _county_city(base):
            return True, base  # 全市 on a county-level city's page (醴陵市) is that city, not its prefecture
        return True, _at_level(base, level)
    if hit and base is None and level == "province" and province is not None:
        # a page of several stories: 全省 is the province the story named before (河南及时梳理…。
        # 同时，全省开发3.6万个见习岗位: 河南省)
        codes = _gazetteer()[1].get(province)
        if codes and len(codes[0]) == 1:
            return True, codes[0][0]
    return False, None


def _anchor(
    first: str, found: list[tuple[str, int]], province: str | None, vouched: frozenset[str]
) -> str | None:
    """The division opening the nearest earlier clause of the sentence that opens with one (江西全面
    推广…; 在辽宁锦州，…), which a later 全省/全市 refers to; None when no clause opens with one."""
    for text, mine in reversed(_split_clauses(first, found)):
        lead = len(_ANCHOR_LEAD.match(text).group(0).encode("utf-8"))  # type: ignore[union-attr]
        opening = [(a, off) for a, off in mine if off == lead]
        while opening:  # 山西大同: the chain of names opening the clause
            end = opening[-1][1] + _nbytes(opening[-1][0])
            nxt = [(a, off) for a, off in mine if off == end]
            if not nxt:
                break
            opening.append(nxt[0])
        named = _named(text, opening, province, vouched) if opening else []
        if named:
            return _common(named)
    return None
