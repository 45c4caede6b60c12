"""Areas below a division: the 街道/镇/乡/村/社区/小区 a sentence names, and a metric's own area.

An area is read only from the metric's own sentence, never inherited from the story (fact-spec). A
metric whose sentence names an area but no division is placed in the county the page names that area
under (:func:`_area_home`).
"""

from __future__ import annotations

import re

import polars as pl

from transforms.enrich.context import Context
from transforms.enrich.regions.divisions import _common, _gazetteer, _is_han, _nbytes
from transforms.enrich.regions.naming import _named
from transforms.enrich.regions.scope import _deictic
from transforms.lexicon import words

SENTENCE_AREAS = {"sha256": pl.String, "sent_ix": pl.Int32, "area": pl.String}
_EDGE = r"(?:[^\p{Han}]|的)"  # what marks a candidate's known left edge
_NAME_ENDINGS = frozenset("州和")  # boundary characters that also end place names
# a clause opening on a count of areas (两大主产镇产量…, 三个村…, 两镇): about several of them
_PLACES_COUNTED = re.compile(
    r"(?:[一二两三四五六七八九十几]+(?:大|个)?|\d+个)[^\W\d年月日天]{0,3}?(?:街道|镇|乡|村|社区)"
)


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
    # a name may end in 州 or 和 (古州镇, 元和街道); after other boundary words the suffix is the
    # object of a verb or preposition (下乡, 进村)
    verbal = "|".join(w for w in words("area_boundaries.txt") if w not in _NAME_ENDINGS) + f"|{determiners}"
    not_names = set(words("area_not_names.txt"))
    cand = (
        sentences.select(
            "sha256",
            pl.col("sent_ix").cast(pl.Int32),
            # a leading non-Han character (punctuation, a digit, the text start) marks a known left
            # edge, and so does 的 (九曲街道的沂河花园小区: the scan resumes right after the 街道 before it)
            (pl.lit("，") + pl.col("text"))
            .str.extract_all(rf"{_EDGE}?\p{{Han}}{{1,4}}?(?:{suffix})(?:{tails})?")
            .alias("cand"),
        )
        .with_row_index("order")
        .explode("cand")
        .drop_nulls("cand")
        .with_columns(
            pl.col("cand").str.contains(f"^{_EDGE}").alias("edge"),
            pl.col("cand").str.replace(f"^{_EDGE}", ""),
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
                & ~pl.col("raw_stem").str.contains(f"(?:{verbal})$")  # 送课下乡, 快递进村
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

    def named(stem: pl.Expr) -> pl.Expr:
        """A stem that names a place: no determiner, verb or known non-name, not a generic place."""
        return (
            ~stem.str.contains(rf"^(?:{determiners})")
            & ~stem.is_in(list(not_names))
            & ~stem.str.contains(f"^(?:{verbs})")
            & ~_generic_place(stem + pl.col("suffix"))
        )

    def valid(stem: pl.Expr) -> pl.Expr:
        return (
            (stem.str.len_chars() >= 2)
            # 小区 after two characters is mostly a verb's object (新增小区, 解决小区), not a name
            & ((pl.col("suffix") != "小区") | (stem.str.len_chars() >= 3))
            & named(stem)
        )

    prefix = pl.col("raw_stem").str.slice(
        0, pl.col("raw_stem").str.len_chars() - pl.col("stem").str.len_chars()
    )
    # 两大主产镇, 三大片区: 大 after a numeral counts the places, it starts no name; nor does a slogan
    # counting places by round numbers (“百县千镇万村高质量发展工程”, 千村示范)
    ranked = (
        pl.col("stem").str.starts_with("大") & prefix.str.contains("[一二两三四五六七八九十几]$")
    ) | pl.col("cand").str.contains("[十百千万][县镇乡村]")
    clean = cand.filter(
        pl.col("clean") & valid(pl.col("stem")) & ~prefix.str.contains(f"(?:{counted})$") & ~ranked
    ).with_columns((pl.col("stem") + pl.col("suffix")).alias("area"))
    # 白云街道|东山小区: a two-character 小区 name right after another area's suffix is a name in its chain
    chained = (
        sentences.select(
            "sha256",
            pl.col("sent_ix").cast(pl.Int32),
            pl.col("text").str.extract_all(r"(?:街道|社区|镇|乡|村)\p{Han}{2}小区").alias("cand"),
        )
        .with_row_index("order")
        .explode("cand")
        .drop_nulls("cand")
        .with_columns(pl.col("cand").str.extract(r"(\p{Han}{2})小区$", 1).alias("stem"))
        .with_columns(pl.lit("小区").alias("suffix"))
        .filter(named(pl.col("stem")))
        .with_columns((pl.col("stem") + pl.col("suffix")).alias("area"))
    )
    clean = pl.concat(
        [
            clean.select("order", "sha256", "sent_ix", "stem", "area"),
            chained.select("order", "sha256", "sent_ix", "stem", "area"),
        ]
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


def _metric_areas(metrics: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """(metric_id, area): the area named nearest before the metric in its sentence, else the first one
    after it in its own clause; in a written chain (岳村镇瓦岗村) the nearest is the finest. Never from
    another sentence (fact-spec: an area is not inherited from the story), nor from an earlier clause
    when the metric's own clause opens on a word for the whole division (沭城街道建成…，全县…保持100%)."""
    keys = ["sha256", "sent_ix"]
    named = area_mentions(sentences).group_by(keys, maintain_order=True).agg(pl.col("area").alias("areas"))
    rows = metrics.join(named, on=keys, how="inner")
    ids: list[str] = []
    picked: list[str | None] = []
    starts: dict[str, list[int]] = {}  # each sentence's metric starts, in order (for 分别)
    for sent, a in rows.select("sent", "a").unique().sort("a").iter_rows():
        starts.setdefault(sent, []).append(a)
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
        before = [(pos, area) for pos, area in spots if pos + len(area) <= a]
        clause_end = a - len(lead) + len(clause)
        after = [area for pos, area in spots if b <= pos < clause_end]
        ids.append(metric_id)
        if (
            before
            and before[-1][0] < a - len(lead)
            and (_deictic()[0].match(lead) or _PLACES_COUNTED.match(lead))
        ):
            # 全县/全市/我区 opening the clause: the whole division; 两大主产镇…, 两镇…: several areas
            picked.append(None)
        elif before:
            picked.append(_listed_area(sent, spots, spots.index(before[-1]), a, starts[sent]))
        else:
            picked.append(after[0] if after else None)
    return pl.DataFrame(
        {"metric_id": ids, "area": picked}, schema={"metric_id": pl.String, "area": pl.String}
    )


_AREA_JOINS = ("、", "和", "及", "与", "或")


def _listed_area(
    sent: str, spots: list[tuple[int, str]], i: int, a: int, metric_starts: list[int]
) -> str | None:
    """The area nearest before a metric, unless it closes a list of areas (集里街道、淮川街道等10个街道,
    A镇、B镇分别建成…): a figure about several named places has no area (fact-spec), except that
    分别 after the list gives the n-th figure after it the n-th place."""
    first = i
    while first and sent[spots[first - 1][0] + len(spots[first - 1][1]) : spots[first][0]] in _AREA_JOINS:
        first -= 1
    pos, area = spots[i]
    end = pos + len(area)
    if first == i and not sent.startswith(("、", "等"), end):
        return area
    if first == i:
        return None  # 湖镇镇、溪口镇等: the list goes on past the named places
    tail = sent[end:a]
    if "分别" not in tail or "等" in tail[:1]:
        return None
    listed = [name for _, name in spots[first : i + 1]]
    # the figures 分别 pairs stand in its own clause (…分别为8.2万亩和6.5万亩，两大主产镇…近一半)
    at = end + tail.index("分别")
    stop = min((k for k in (sent.find(c, at) for c in "，；。") if k >= 0), default=len(sent))
    after = [s for s in metric_starts if at < s < stop]
    return listed[after.index(a)] if len(after) == len(listed) and a in after else None
