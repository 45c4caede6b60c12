"""The place of a section of a news page: the text from one subheadline to the next.

A news page often holds several stories under subheadlines (a 新闻联播 broadcast, a digest of
快讯, a round of counties visited). fact-spec places a figure by its own sentence, else its story, else
the page, so the division a section's opening sets (its subheadline, narrowed by its lead sentence
unless the lead opens on an anecdote's scene) stands in for the page's. A section that names no place
keeps the page's division, except on a broadcast (many sections under a title naming no place): there
the page's division is only one story's and says nothing about a story naming none (null). Work
reports are one place throughout: their parts are never sections here."""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from itertools import pairwise

import polars as pl

from transforms.enrich.context import Context
from transforms.enrich.regions.divisions import _common, _describe, _gazetteer, _inside
from transforms.enrich.regions.naming import _named
from transforms.enrich.regions.national import _names_whole
from transforms.enrich.structure import LEAD_CHARS, is_report
from transforms.lexicon import words

LEAD_SENTENCES = 1  # body sentences of a section's opening read for its place
MIN_SECTIONS = 2  # subheadlines a page needs before its parts are read as stories of their own
BROADCAST_SECTIONS = 6  # a page of this many sections, opening on no place, is a broadcast of stories

SCENE_CHARS = 12  # a lead's scene (在某区某社区) stands this close to its start
RECURRING = 2  # a city's short name said this often in the opening is the story's place
SETTING_CUES = ("在",)  # the one-character place cue that sets a story's place (在苏州召开)

ROLL_MARKS = (" ", "、")  # the separators of a roll of names
ROLL_ITEMS = 8  # ... this many in an opening make it a roll, not a lead
APART_NAMES = ("台湾省", "香港特别行政区", "澳门特别行政区")

SECTION_PAGES = {"sha256": pl.String, "sent_ix": pl.Int32, "page": pl.String, "province": pl.String}


def section_index() -> pl.Expr:
    """The section of each sentence within its story (sorted by sentence): subheadlines so far."""
    return (pl.col("role") == "subheadline").cast(pl.Int32).cum_sum().over("sha256", "story").alias("section")


@lru_cache(maxsize=1)
def _frames() -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]]:
    """The country's frame words (region_national_page.txt), the fixed phrases holding a name that
    set no place (北京时间: region_story_not_places.txt) and the words setting a place (在, 来到)."""
    national = re.compile("|".join(map(re.escape, words("region_national_page.txt"))))
    clocks = re.compile("|".join(map(re.escape, words("region_story_not_places.txt"))))
    cues = tuple(w for w in words("place_left_cues.txt") if w in SETTING_CUES or len(w) > 1)
    return national, clocks, cues


@lru_cache(maxsize=1)
def _scene_pattern() -> re.Pattern[str]:
    tails = "|".join(map(re.escape, sorted(words("area_suffixes.txt"), key=len, reverse=True)))
    return re.compile(
        rf"^[^，。；]{{0,{SCENE_CHARS}}}?(?:在|来到|走进)[^，。；]{{1,{SCENE_CHARS}}}?(?:{tails})"
    )


def _scene(lead: str) -> bool:
    """Whether a lead opens on a scene in a settlement (在厦门湖里区后浦社区的驿站…): an anecdote's
    place, finer than the story's, so it does not narrow the subheadline's."""
    return bool(_scene_pattern().search(lead.lstrip()))


def _national_heading(heading: str) -> bool:
    """Whether a subheadline frames its story on the country (全国春播进度近两成)."""
    return bool(_frames()[0].search(heading))


_ROUTE = re.compile("[至—－–]")  # the joiners of a route's ends (银川—天津港, 南宁至崇左)


def _on_route(opening: str, raw: bytes, name: str, off: int) -> bool:
    """Whether a mention stands at an end of a route: a joiner right before it or within a few
    characters after it (银川—天津港—迪拜: 天津 before 港—)."""
    before = raw[:off].decode("utf-8", "ignore")[-1:]
    after = raw[off : off + 3 * (len(name) + 2)].decode("utf-8", "ignore")[len(name) : len(name) + 2]
    return bool(_ROUTE.match(before)) or bool(_ROUTE.search(after))


def _opening_place(opening: str, found: list[tuple[str, int]], vouched: frozenset[str]) -> str | None:
    """The division a section's opening (subheadline and lead) sets, else None.

    The divisions it names (:func:`~.naming._named`, which wants a city's short name corroborated) and a
    short name a setting word puts as the place (在苏州召开, 来到广州南沙): the smallest division holding
    them. An opening framed on the country (我国, 全国, 各地) or naming a whole of several provinces
    (川渝) sets none: its story's figures are the country's or the whole's."""
    national, clocks, cues = _frames()
    raw = opening.encode("utf-8")
    kept = []
    for m, off in found:
        before = raw[:off].decode("utf-8", "ignore")
        if any(c.start() <= len(before) < c.end() for c in clocks.finditer(opening)):
            continue  # 北京时间今天16时
        kept.append((m, off))
    if not kept or national.search(opening) or sum(opening.count(c) for c in ROLL_MARKS) >= ROLL_ITEMS:
        return None  # 丁学东 丁薛祥 … 王凯（河南）: a roll of names, not a story's place
    _, aliases, info = _gazetteer()
    named = _named(opening, kept, None, vouched)
    shorts = Counter(m for m, _ in kept if not aliases[m][1] and len(aliases[m][0]) == 1)
    setting = []
    for m, off in kept:
        codes, is_full = aliases[m]
        if is_full or len(codes) != 1 or (info[codes[0]][1] == "county" and codes[0] not in vouched):
            continue
        if raw[:off].decode("utf-8", "ignore").endswith(cues) or shorts[m] >= RECURRING:
            setting.append(codes[0])  # 在苏州召开; 哈尔滨冰雪大世界开园 … 第24届哈尔滨冰雪大世界
    ends = [
        aliases[m][0][0]
        for m, off in kept
        if len(aliases[m][0]) == 1 and _ROUTE.search(opening, 0) and _on_route(opening, raw, m, off)
    ]
    if len(ends) > 1 and _common(sorted(set(ends))) is None:
        return None  # 银川—天津港—迪拜班列, 渝昆高铁: a route across provinces
    if len(ends) > 1:
        setting += ends  # 南宁至崇左段: the route is the whole holding both ends (广西)
    if not setting and _names_whole(opening, kept, False):
        return None  # 川渝, unless a setting word puts the story in one place (大湾区论坛在广州开幕)
    named = sorted({*named, *setting})
    place = _common(named) if named else None
    if (
        place is not None
        and info[place][3] in APART_NAMES
        and not any(
            aliases[m][1] or raw[:off].decode("utf-8", "ignore").endswith(cues)
            for m, off in kept
            if info[aliases[m][0][0]][3] == info[place][3]
        )
    ):
        # 台湾, 香港 or 澳门 by a short name is mostly a topic on a mainland page (反对台湾参加…, 内地与
        # 香港贸易): it is the story's place only when named in full or put there (在香港举行)
        return None
    return place


class _Page:
    """One page's text with its division mentions, read for many spans (a page has dozens of
    sections): the UTF-8 offset of a character offset is found from the nearest one already
    counted, and a span's mentions by bisection, so no span encodes or scans the page from its start
    (that made :func:`section_pages` quadratic in the page's length)."""

    def __init__(self, text: str, found: list[tuple[str, int]], vouched: frozenset[str]) -> None:
        self.text, self.found, self.vouched = text, found, vouched
        offs = [off for _, off in found]
        self.offs = offs if all(a <= b for a, b in pairwise(offs)) else None
        self._chars = [0]  # character offsets counted so far, ascending, and their byte offsets
        self._bytes = [0]

    def nbytes(self, c: int) -> int:
        """``len(text[:c].encode("utf-8"))``, counted on from the nearest smaller offset counted."""
        if c <= 0:
            return len(self.text[:c].encode("utf-8"))
        i = bisect_right(self._chars, c) - 1
        base_c, base_b = self._chars[i], self._bytes[i]
        if base_c == c:
            return base_b
        b = base_b + len(self.text[base_c:c].encode("utf-8"))
        self._chars.insert(i + 1, c)
        self._bytes.insert(i + 1, b)
        return b

    @functools.cached_property
    def raw(self) -> bytes:
        """The page's UTF-8 bytes, encoded once."""
        return self.text.encode("utf-8")

    def mentions(self, b0: int, b1: int) -> list[tuple[str, int]]:
        """The page's mentions starting in bytes b0..b1, with offsets from b0."""
        if self.offs is not None:
            lo, hi = bisect_left(self.offs, b0), bisect_left(self.offs, b1)
            return [(m, off - b0) for m, off in self.found[lo:hi]]
        return [(m, off - b0) for m, off in self.found if b0 <= off < b1]

    def place(self, c0: int, c1: int) -> str | None:
        """:func:`_opening_place` of the page's characters c0..c1, with the page's mentions there."""
        b0 = self.nbytes(c0)
        found = self.mentions(b0, self.nbytes(c1))
        return _opening_place(self.text[c0:c1], found, self.vouched) if found else None


def section_pages(
    ctx: Context, pages: pl.DataFrame, doc_found: dict[str, list[tuple[str, int]]]
) -> pl.DataFrame:
    """(sha256, sent_ix, page, province) for the sentences of news pages with sections: the division
    that stands for the page in each section (its own, else the page's, else null on a broadcast).

    ``pages`` is (sha256, page, province) per document; pages without sections are not listed."""
    sents = ctx.sentences
    if "role" not in sents.columns or sents.is_empty():
        return pl.DataFrame(schema=SECTION_PAGES)
    story = pl.col("story_ix") if "story_ix" in sents.columns else pl.lit(0)
    marked = (
        sents.select(
            "sha256",
            pl.col("sent_ix").cast(pl.Int32),
            story.cast(pl.Int32).alias("story"),
            "role",
            "char_start",
            "char_end",
        )
        .sort("sha256", "sent_ix")
        .with_columns(section_index())
    )
    counts = marked.group_by("sha256", "story").agg(pl.col("section").max().alias("n"))
    texts = dict(ctx.documents.select("sha256", pl.col("text").fill_null("")).iter_rows())
    page_of = {
        sha: (page, province)
        for sha, page, province in pages.select("sha256", "page", "province").iter_rows()
    }
    wanted = counts.filter(pl.col("n") >= MIN_SECTIONS)
    wanted = wanted.filter(
        pl.col("sha256").map_elements(
            lambda sha: not is_report(texts.get(sha, "")[:LEAD_CHARS]), return_dtype=pl.Boolean
        )
    )
    if wanted.is_empty():
        return pl.DataFrame(schema=SECTION_PAGES)
    # a section's place is the one its opening sets: the subheadline and the lead sentence after it
    # (在…, 记者从…获悉, a place name), not one a later sentence visits for an example
    spans = (
        marked.join(wanted.select("sha256", "story"), on=["sha256", "story"], how="semi")
        .with_columns(
            (pl.col("role") != "subheadline")
            .cast(pl.Int32)
            .cum_sum()
            .over("sha256", "story", "section")
            .alias("k")
        )
        .filter(pl.col("k") <= LEAD_SENTENCES)
        .group_by("sha256", "story", "section")
        .agg(
            pl.col("char_start").min().alias("c0"),
            pl.col("char_end").filter(pl.col("k") == 0).max().alias("h1"),
            pl.col("char_end").max().alias("c1"),
        )
    )
    _, aliases, _ = _gazetteer()
    own: dict[tuple[str, int, int], str | None] = {}
    read: dict[str, _Page] = {}
    for sha, st, sec, c0, h1, c1 in spans.select("sha256", "story", "section", "c0", "h1", "c1").iter_rows():
        text = texts.get(sha, "")
        pg = read.get(sha)
        if pg is None:
            found = doc_found.get(sha, [])
            vouched = frozenset(c for a, _ in found if aliases[a][1] for c in aliases[a][0])
            pg = read[sha] = _Page(text, found, vouched)
        whole = pg.place(c0, c1)
        if h1 is None:
            own[sha, st, sec] = whole
            continue
        heading = pg.place(c0, h1)
        if heading is None:
            own[sha, st, sec] = None if _national_heading(text[c0:h1]) else whole
        elif whole is None:
            own[sha, st, sec] = None  # the lead spreads it (四川盆地… 位于重庆綦江和贵州习水), or is national
        elif _inside(whole, heading) and not _scene(text[h1:c1]):
            own[sha, st, sec] = whole  # 云南滇池… / 云南昆明市滇池…研究院发布: 昆明市
        else:
            own[sha, st, sec] = heading  # 福建厦门：… / 在厦门湖里区后浦社区的驿站: an anecdote's scene
    # a broadcast: many sections under an opening (title, summary) that names no place of its own;
    # never a Hong Kong, Macau or Taiwan page (a budget release under its headings 修订预算, 经济预测):
    # those have no division below them, and a digest of several provinces does not get one
    apart = {sha for sha, (page, _) in page_of.items() if _describe(page)["region"] in APART_NAMES}
    sections = Counter(k[:2] for k in own)
    broadcast = {
        (sha, st)
        for (sha, st, sec), code in own.items()
        if sec == 0 and code is None and sha not in apart and sections[sha, st] >= BROADCAST_SECTIONS
    }
    rows = []
    for sha, ix, st, sec in (
        marked.join(wanted.select("sha256", "story"), on=["sha256", "story"], how="semi")
        .select("sha256", "sent_ix", "story", "section")
        .iter_rows()
    ):
        code = own.get((sha, st, sec))
        page, province = page_of.get(sha, (None, None))
        if code is None:
            code = None if (sha, st) in broadcast else page
        else:
            province = _describe(code)["province"]
        if code is None and (sha, st) in broadcast:
            province = None
        rows.append((sha, ix, code, province))
    return pl.DataFrame(rows, schema=SECTION_PAGES, orient="row")
