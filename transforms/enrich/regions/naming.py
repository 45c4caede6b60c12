"""Which divisions a short text (a clause, a headline) names, as adcodes (:func:`_named`).

A page-wide mention count settles a page's region; a clause has only a few characters, so here a
short name must be corroborated (the page's province, an ancestor named, the full name on the page)
and a name saying where people or goods come from is not a place.
"""

from __future__ import annotations

import re

from transforms.enrich.regions.divisions import _ancestors, _at_level, _gazetteer, _is_han, _nbytes
from transforms.enrich.regions.mentions import _cued, _short_name_blocked
from transforms.lexicon import words

LIST_JOINS = ("、", "和", "及", "与")  # between two items of a list of places

# a list of short names closed by their count and kind (康乐、广河两县; 益阳、岳阳两市): the kind
# word names every item a division of that kind
_COUNTED_LIST = re.compile(
    r"(?:[\u4e00-\u9fff]{2,4}[、和])+[\u4e00-\u9fff]{2,4}(?:[两二三四五六七八九十]个?)([县市区旗])"
)


def _counted_kinds(text: str) -> list[tuple[int, int, str]]:
    """The byte spans of the counted lists of ``text`` (:data:`_COUNTED_LIST`) and their kind word."""
    if not any(k in text for k in "县市区旗"):
        return []
    return [
        (len(text[: m.start()].encode("utf-8")), len(text[: m.start(1)].encode("utf-8")), m.group(1))
        for m in _COUNTED_LIST.finditer(text)
    ]


def _named(
    text: str, found: list[tuple[str, int]], province: str | None, vouched: frozenset[str] = frozenset()
) -> list[str]:
    """The divisions a short text (clause, headline) names, as adcodes.

    Full names always count. A short name counts when it is a province's (四川, 浙江), when the
    text also names one of its ancestors (重庆黔江), or when it lies in the page's province (泸州 in
    a Sichuan report) -- a county's short name only when the page also names it in full (``vouched``:
    天山, 龙江, 互助 are words first); never when a street, town or village name goes on after it
    (大庆路, 永新镇).
    A name several divisions share is the one in the page's province, else dropped.
    A name that only says where people, firms or capital come from (台湾同胞, 台湾地区旅客, 香港企业,
    来自广东省的…, 输往台湾的出口: an origin or a market, region_origin_heads.txt,
    region_origin_prefixes.txt) is not the place of a page in another province; a city naming a cluster
    of several cities around it (成都平原经济区, 沈阳都市圈: region_zone_tails.txt) names its province.
    """
    _, aliases, info = _gazetteer()
    blockers = tuple(words("division_short_blockers.txt")) + tuple(words("region_listed_institutions.txt"))
    cues = tuple(words("place_left_cues.txt"))
    origins = tuple(words("region_origin_heads.txt"))
    prefixes = tuple(words("region_origin_prefixes.txt"))
    zones = tuple(words("region_zone_tails.txt"))
    goes = tuple(words("region_destination_words.txt"))
    markets = tuple(words("region_market_heads.txt"))
    word_names = frozenset(words("division_word_names.txt"))
    raw = text.encode("utf-8")
    full = {c for a, _ in found if aliases[a][1] for c in aliases[a][0]}
    # a province named by its short form vouches for the name right after it (山西大同, 辽宁锦州)
    starts = {off for _, off in found}
    ends = {off + _nbytes(a) for a, off in found}  # 山东莘县: a name right after another division's
    full |= {
        c
        for a, off in found
        for c in aliases[a][0]
        if len(aliases[a][0]) == 1 and info[c][1] == "province" and off + _nbytes(a) in starts
    }
    # a short name right after a county's full name is a feature inside that county, not a sibling
    # division (田东县右江河谷灌区: the valley of the 右江, not 右江区)
    county_ends = {
        off + _nbytes(a)
        for a, off in found
        if aliases[a][1] and len(aliases[a][0]) == 1 and info[aliases[a][0][0]][1] == "county"
    }
    counted = _counted_kinds(text)
    codes: list[str] = []
    gone = -1  # where the last name a destination word put as a market ends (对接北京、上海)
    for alias, off in found:
        cands, is_full = aliases[alias]
        if not is_full and (off in county_ends or _short_name_blocked(raw, off, alias, cands[0], blockers)):
            continue
        if len(cands) > 1:
            inside = [c for c in cands if info[c][3] == province or set(_ancestors(c, info)) & full]
            if len(inside) != 1:
                continue
            cands = (inside[0],)
        if is_full and len(alias) == 2 and off:
            # a two-character name (范县, 洋县) starts a word only after a non-Han character, a place
            # cue or a division (濮阳市范县, 山东莘县); inside 示范县, 罗浮山县 it is not a mention
            prev = raw[:off].decode("utf-8", errors="ignore")[-1:]
            if (
                _is_han(prev)
                and prev not in "省市区县州"
                and off not in ends
                and not _cued(raw[:off].decode("utf-8", errors="ignore"), cues)
            ):
                continue
        code = cands[0]
        listed = any(a <= off < b and info[code][0].endswith(kind) for a, b, kind in counted)
        if (
            not is_full
            and info[code][1] == "county"
            and code not in vouched
            and not listed
            and not set(_ancestors(code, info)) & full
        ):
            continue
        after = raw[off + _nbytes(alias) : off + _nbytes(alias) + 18].decode("utf-8", errors="ignore")
        if alias.endswith("市") and after.startswith("场"):
            after = "市" + after  # 北京市场份额: the name 北京 before 市场, not 北京市
        origin = after.removeprefix("地区").startswith(origins)  # 台湾地区旅客 as 台湾旅客
        origin |= raw[:off].decode("utf-8", errors="ignore").endswith(prefixes)  # 来自广东省的, 输往台湾的
        if origin and info[code][3] != province:
            continue  # 台湾农民创业园 in a Fujian report: the farmers' origin, not the place
        went = after.startswith(markets) or raw[:off].decode("utf-8", errors="ignore").endswith(goes)
        went |= gone >= 0 and raw[gone:off].decode("utf-8", errors="ignore") in LIST_JOINS  # 对接北京、上海
        if went and province is not None and info[code][3] != province:
            gone = off + _nbytes(alias)
            continue  # 赴北京参观, 北京市场份额 in a Hebei report: the destination or market
        if after.startswith(zones) and info[code][1] != "province":
            code = _at_level(code, "province")  # 成都平原经济区: several cities of the province
        # near: in the page's province, under a division the text names, or named in full on the page
        near = (
            info[code][3] == province or bool(set(_ancestors(code, info)) & full) or code in vouched or listed
        )
        if (
            is_full
            and alias in word_names
            and not (info[code][3] == province or set(_ancestors(code, info)) & full)
        ):
            continue  # 对棚改区、平房区散煤散烧…整治 in a Hulunbuir report: bungalow zones, not Harbin's district
        # a one-character stem (成县, 和县) is read inside words (建成县级) unless the place is near
        if (is_full and (len(alias) > 2 or near)) or info[code][1] == "province" or near:
            codes.append(code)
    return codes
