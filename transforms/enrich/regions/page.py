"""A page's region, decided by evidence in its text (:func:`document_regions`).

Every mention of a division votes for it and its ancestors, mentions near the top (headline, dateline,
lead) count double, and we descend province -> city -> county only while one child clearly dominates.
So a county story resolves to its county, a provincial work report to its province, and a national
report (votes spread over many provinces) to nothing: ``region`` is null, read as "all of China".
A page naming no division but Hong Kong's, Macau's or Taiwan's institutions is theirs; sidecar
metadata (:mod:`.sidecar`) overrides the text.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

import polars as pl

from transforms.enrich.context import Context
from transforms.enrich.regions.divisions import _ancestors, _describe, _gazetteer, _nbytes
from transforms.enrich.regions.mentions import _cued, _mentions, _short_name_blocked
from transforms.enrich.regions.sidecar import _lookup, _meta_region
from transforms.lexicon import table, words

DOCUMENT_REGIONS = {
    "sha256": pl.String,
    "region": pl.String,
    "adcode": pl.String,
    "region_level": pl.String,
    "province": pl.String,
    "city": pl.String,
}

HEAD_CHARS = 200  # mentions in the headline / dateline / lead weigh double
HEAD_WEIGHT = 2.0
OPENING_LINES = 2  # a page's opening: its headline and its lead paragraph (within HEAD_CHARS)
MIN_SUPPORT = 2.0  # weighted mentions a region needs before we commit to it
SHARE = 0.5  # a child must hold more than this share of its siblings' votes to be chosen
DOMINANCE = 1.0  # ... and at least as many votes as its parent's own direct mentions
TITLE_DOMINANCE = 2.0  # ... twice as many when the title names the parent
TITLE_CHARS = 60  # the first line, when it is a title


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
        if not is_full and _short_name_blocked(raw, off, alias, codes[0], blockers):
            continue
        kept.append((codes, HEAD_WEIGHT if off < head_bytes else 1.0, is_full))
    short_counts = Counter(codes[0] for codes, _, is_full in kept if not is_full)
    cues = tuple(words("place_left_cues.txt"))
    lead_cued = {
        aliases[alias][0][0]
        for alias, off in found
        if off < head_bytes and not aliases[alias][1] and _cued(raw[:off].decode("utf-8"), cues)
    }
    # named: divisions named in full, plus provinces named by their short form (河南, 福建), plus a
    # place that heads the page as a local masthead (嘉兴日报) or a dateline (新华社成都12月1日电)
    named = (
        full_codes
        | {c[0] for c, _, full in kept if not full and info[c[0]][1] == "province"}
        | {
            aliases[alias][0][0]
            for alias, off in found
            if off < head_bytes
            and not aliases[alias][1]
            and _heads_page(raw[off + _nbytes(alias) : off + 60].decode("utf-8", "ignore"))
        }
    )
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


_DATELINE = re.compile(r"[0-9０-９]{1,2}月[0-9０-９]{1,2}日(?:电|讯|消息)")


def _heads_page(after: str) -> bool:
    """Whether what follows a place's short name makes it the page's masthead (嘉兴|日报, 常熟|融媒讯)
    or dateline (成都|12月1日电, 长沙|12月1日讯): such a place names the page as its full name would."""
    return after.startswith(tuple(words("place_mastheads.txt"))) or bool(_DATELINE.match(after))


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
TAIWAN = "710000"
# a Republic of China year of this era without 民国, as a date (114年底, 115年起, 116年度, 113年8月,
# 發布日期：115-03-12): only Taiwan dates so; a span of years (经营115年) is no date, nor 2115年
ROC_YEAR = re.compile(
    r"(?<![\d.．第])1[12]\d(?:年(?:底|初|度|中|[\d一二三四五六七八九十]{1,2}月|第|上半|下半|起|全年)"
    r"|[-/](?:0?[1-9]|1[0-2])[-/](?:0?[1-9]|[12]\d|3[01])(?!\d))"
)


@lru_cache(maxsize=1)
def _institutions() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    rows = {r["word"]: tuple(r["adcodes"].split("|")) for r in table("region_institutions.csv")}
    return re.compile("|".join(sorted(map(re.escape, rows), key=len, reverse=True))), rows


@lru_cache(maxsize=1)
def _false_joins() -> dict[str, tuple[str, str]]:
    return {r["word"]: (r["before"] or "", r["after"] or "") for r in table("institution_false_joins.csv")}


def _false_join(text: str, word: str, start: int, end: int) -> bool:
    """The match is a piece of another word: 经济部门 (a mainland department), 全国小微, 万台电梯, 俄总统府."""
    if text.startswith("门", end):
        return True
    before, after = _false_joins().get(word, ("", ""))
    return (start > 0 and text[start - 1] in before) or (end < len(text) and text[end] in after)


@lru_cache(maxsize=1)
def _foreign_countries() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, words("foreign_countries.txt"))))  # longest first


_SENTENCE_END = re.compile(r"[。！？!?；;\n]")


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end]: a country it names owns the institution word."""
    before = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 200), start)), default=0)
    after = _SENTENCE_END.search(text, end)
    return text[max(before, start - 200) : after.start() if after else min(len(text), end + 200)]


def institution_region(text: str, divisions: float = 0.0) -> str | None:
    """Hong Kong, Macau or Taiwan, for a page that names no division but their institutions
    (特區政府, 立法會, 行政院, 勞動部) or Taiwan's dating (民國113年, 114年底, 115-03-12); None when the words are few or
    point to several places alike. A word shared by two (特区政府) gives each half its weight.

    ``divisions`` is the weight of the mainland divisions the page names (:func:`_votes`): the words
    must outweigh them, so a national news page with one 总统府 or 港币 among its forty places
    stays national."""
    pattern, rows = _institutions()
    hits = [m for m in pattern.finditer(text) if not _false_join(text, m.group(0), m.start(), m.end())]
    # 巴西总统府, 苏丹武装部队宣布控制总统府: a word once in a sentence naming another country is that
    # country's institution on the whole page (the story goes on 总统府一直由…控制)
    foreign = {
        m.group(0) for m in hits if _foreign_countries().search(_sentence_around(text, m.start(), m.end()))
    }
    votes: dict[str, float] = defaultdict(float)
    for m in ROC_YEAR.finditer(text):
        votes[TAIWAN] += HEAD_WEIGHT if m.start() < HEAD_CHARS else 1.0
    for m in hits:
        if m.group(0) in foreign:
            continue
        codes = rows[m.group(0)]
        weight = (HEAD_WEIGHT if m.start() < HEAD_CHARS else 1.0) / len(codes)
        for code in codes:
            votes[code] += weight
    if not votes:
        return None
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    best, score = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0.0
    return best if score >= REGION_CUE_MIN and score > runner and score > divisions else None


MANY_PROVINCES = 3  # a page naming divisions of this many provinces is a digest of stories (新闻联播)


def _institution_fallback(text: str, mentions: list[tuple[str, int]]) -> str | None:
    """:func:`institution_region` for a page whose divisions decide nothing, unless it is a digest of
    stories from several provinces: there 特区政府 or 港元 belong to its Hong Kong story only, and the
    story's own place reaches that story's figures (regions.stories)."""
    _, aliases, _ = _gazetteer()
    provinces = {hit[0][:2] for alias, _ in mentions for hit in [aliases[alias][0]] if len(hit) == 1}
    if len(provinces) >= MANY_PROVINCES:
        return None
    return institution_region(text, sum(_votes(text, mentions).values()))


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
            code = _text_region(text, mentions)
            # a compass district (东区) may be the page's own: read without it, is the page apart?
            local = _local_districts(mentions)
            if (
                len(local) < len(mentions)
                and (apart := _text_region(text, local))
                and apart[:2] in APART_PROVINCES
            ):
                code = apart
            row = _describe(code)
        if code is not None and code[:2] in APART_PROVINCES:
            mentions[:] = _local_districts(mentions)
        rows.append({"sha256": sha, **row})
    return pl.DataFrame(rows, schema=DOCUMENT_REGIONS), dict(zip(docs["sha256"], found, strict=True))


def _text_region(text: str, mentions: list[tuple[str, int]]) -> str | None:
    """The page's division by its mentions, else by Hong Kong's, Macau's or Taiwan's institutions."""
    return resolve_region(text, mentions) or _institution_fallback(text, mentions)


APART_PROVINCES = ("71", "81", "82")  # Taiwan, Hong Kong, Macau: one code each, no coded districts
# a district named by compass points only (东区, 中西区, 南区): Hong Kong and Taiwan's cities have them
_COMPASS_DISTRICT = re.compile(r"^[东南西北中]{1,2}区$")


def _local_districts(mentions: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """A Hong Kong, Macau or Taiwan page's mentions without the mainland divisions that a district of
    its own shares the name of (位於東區的社宅 in Tainan is not Panzhihua's 东区): the page's code,
    which has no coded districts, holds such a district's figures."""
    _, aliases, _ = _gazetteer()
    return [
        (alias, off)
        for alias, off in mentions
        if not (
            _COMPASS_DISTRICT.match(alias)
            and not any(code[:2] in APART_PROVINCES for code in aliases[alias][0])
        )
    ]


def page_regions(ctx: Context) -> tuple[pl.DataFrame, dict[str, list[tuple[str, int]]]]:
    """:func:`_document_regions` of the context's documents, computed once per context (the metrics'
    regions and the local currency both need them)."""
    got = ctx.memo.get("page_regions")
    if got is None:
        got = ctx.memo["page_regions"] = _document_regions(ctx.documents, ctx.files)
    return got  # type: ignore[return-value]
