"""The place a news paragraph opens on, standing for the page in that paragraph.

A digest page (新闻联播: 在福建宁德霞浦县，…。河南光山县把…。) tells one story per paragraph, each
opening on its own place; fact-spec places a figure naming no place by its story, so the paragraph's
opening place, not the page's (often the first story's) is the one its figures take. A page whose
paragraph openings (with the page's own region) name places in three provinces is such a digest: a paragraph opening on no
place there has no region from the page (记者从交通运输部获悉: the country's, or its own clause's).
On a page of one place, a paragraph opening on a division inside it (徐州: 鼓楼区今年将…) is about
that division. Work reports are one place throughout and are never read here.
"""

from __future__ import annotations

from functools import lru_cache

import polars as pl

from transforms.enrich.context import Context
from transforms.enrich.regions.clauses import _LOCATIVE_FRAME
from transforms.enrich.regions.divisions import _common, _gazetteer, _inside, _nbytes
from transforms.enrich.regions.naming import _named
from transforms.enrich.regions.sections import _Page, section_index
from transforms.enrich.regions.stories import _TIME_OPENER_CHARS, _ends_on_place, _setting_frame
from transforms.enrich.structure import LEAD_CHARS, is_report
from transforms.lexicon import words

DIGEST_PROVINCES = 3  # paragraph openings naming this many provinces make the page a digest
DATELINE_CHARS = 24  # a dateline before ：(央视网消息（新闻联播）：) stands this close to the start
SOURCE_CUES = ("记者从", "记者在", "据")  # a source cue: its clause may go on past the place (获悉)

PARAGRAPH_PAGES = {"sha256": pl.String, "sent_ix": pl.Int32, "code": pl.String, "digest": pl.Boolean}


@lru_cache(maxsize=1)
def _cues() -> tuple[str, ...]:
    return tuple(sorted(words("paragraph_place_cues.txt"), key=len, reverse=True))


def opening_place(
    sent: str,
    found: list[tuple[str, int]],
    province: str | None,
    vouched: frozenset[str],
    page: str | None = None,
) -> str | None:
    """The division a paragraph's first sentence opens on, else None: a chain of names starting its
    first clause (after a dateline and a short time opener) as its subject (鼓楼区今年将…, 河南光山县把…),
    after a cue setting the place alone (在湖北十堰，), or a source cue (记者从某县获悉)."""
    colon = sent.find("：", 0, DATELINE_CHARS)
    start = colon + 1 if colon >= 0 else 0
    clauses = sent[start:].split("，")
    if (
        len(clauses) > 1
        and len(clauses[0]) <= _TIME_OPENER_CHARS
        and not any(
            start <= len(sent.encode("utf-8")[:off].decode("utf-8", "ignore")) < start + len(clauses[0])
            for _, off in found
        )
    ):
        start += len(clauses[0]) + 1  # 今年以来，全县…; 近日，在某县，…
        clauses = clauses[1:]
    clause = clauses[0].split("。")[0]
    cue = next((c for c in _cues() if clause.startswith(c)), "")
    at = len(sent[: start + len(cue)].encode("utf-8"))
    _, aliases, _ = _gazetteer()
    chain: list[tuple[str, int]] = []
    for m, off in sorted(found, key=lambda x: x[1]):
        if off == at:
            chain.append((m, off))
            at += _nbytes(m)
    if not chain:
        return None
    if cue and cue not in SOURCE_CUES:
        c0 = len(sent[:start].encode("utf-8"))
        mine = [(m, off - c0) for m, off in chain]
        if not (_LOCATIVE_FRAME.match(clause) or _setting_frame().match(clause)) or not _ends_on_place(
            clause, mine
        ):
            return None  # 在北京召开的…: an event's venue, not the paragraph's place
    elif not cue and not aliases[chain[-1][0]][1]:
        return None  # 杭州亚运会…: a short name opening a clause is often a name's first word
    within = [c for c in aliases[chain[-1][0]][0] if _inside(c, page)]
    if len(chain) == 1 and aliases[chain[0][0]][1] and len(within) == 1:
        return within[0]  # 鼓楼区 on a 徐州 page: the one of the page's name-sakes inside it
    named = _named(sent, chain, province, vouched)
    return _common(named) if named else None


def paragraph_pages(
    ctx: Context, doc_found: dict[str, list[tuple[str, int]]], pages: dict[str, tuple[str | None, str | None]]
) -> pl.DataFrame:
    """(sha256, sent_ix, code, digest) for the body sentences of news pages' paragraphs: ``code`` the
    division the paragraph opens on (or None), ``digest`` whether the page is a digest of stories.
    ``pages`` is each page's (division, province), which tell apart a name several divisions share (鼓楼区)."""
    sents = ctx.sentences
    if "para_ix" not in sents.columns or sents.is_empty():
        return pl.DataFrame(schema=PARAGRAPH_PAGES)
    texts = dict(ctx.documents.select("sha256", pl.col("text").fill_null("")).iter_rows())
    story = pl.col("story_ix") if "story_ix" in sents.columns else pl.lit(0)
    role = pl.col("role") if "role" in sents.columns else pl.lit("body")
    rows = (
        sents.select(
            "sha256",
            pl.col("sent_ix").cast(pl.Int32),
            pl.col("para_ix").cast(pl.Int32),
            story.cast(pl.Int32).alias("story"),
            role.alias("role"),
            "char_start",
            pl.col("text").fill_null(""),
        )
        .sort("sha256", "sent_ix")
        .with_columns(section_index())
        .filter(pl.col("role") == "body")
    )
    _, aliases, info = _gazetteer()
    # the rows grouped in plain Python, in group_by(maintain_order=True)'s order (first appearance):
    # a page has dozens of sections, and a frame per section was most of this stage's time
    groups: dict[tuple[str, int | None, int], list[tuple[int, int, int | None, str]]] = {}
    for sha, ix, para, st, sec, c0, sent in zip(
        *(
            rows[c].to_list()
            for c in ("sha256", "sent_ix", "para_ix", "story", "section", "char_start", "text")
        ),
        strict=True,
    ):
        groups.setdefault((sha, st, sec), []).append((ix, para, c0, sent))
    out: list[tuple[str, int, str | None, bool]] = []
    first_body: set[str] = set()  # the documents whose first section holding body text was read
    read: dict[str, _Page | None] = {}  # per document, read once: None for a work report
    # a section (under a subheadline) is one story of a broadcast: its paragraphs make a digest only
    # when they open on places of their own in several provinces (各地…)
    for (sha, _, _), group in groups.items():
        if sha not in read:
            text = texts.get(sha, "")
            doc = doc_found.get(sha, [])
            vouched = frozenset(c for a, _ in doc if aliases[a][1] for c in aliases[a][0])
            read[sha] = None if is_report(text[:LEAD_CHARS]) else _Page(text, doc, vouched)
        pg = read[sha]
        if pg is None:
            continue
        page, province = pages.get(sha, (None, None))
        raw = pg.raw
        paras: dict[int, str | None] = {}
        members: list[tuple[int, int]] = []
        for ix, para, c0, sent in group:
            members.append((ix, para))
            if para in paras:
                continue
            b0 = pg.nbytes(c0) if c0 is not None else -1
            n = len(sent.encode("utf-8"))
            if b0 < 0 or raw[b0 : b0 + n].decode("utf-8", "ignore") != sent:
                paras[para] = None
                continue
            found = pg.mentions(b0, b0 + n)
            paras[para] = opening_place(sent, found, province, pg.vouched, page) if found else None
        # the page's own province counts in its first section: its lead story is often the one a
        # dateline joins onto (央视网消息：记者从某县获悉… in one paragraph with the title)
        own = {province} if province and sha not in first_body else set()
        first_body.add(sha)
        places = [c for c in paras.values() if c is not None]
        if not places:
            continue
        digest = len({info[c][3] for c in places} | own) >= DIGEST_PROVINCES
        out += [(sha, ix, paras[para], digest) for ix, para in members if digest or paras[para] is not None]
    return pl.DataFrame(out, schema=PARAGRAPH_PAGES, orient="row")


def paragraph_page(code: str | None, digest: bool, page: str | None) -> tuple[bool, str | None]:
    """Whether a paragraph's opening replaces the page (section) division ``page``, and with what:
    on a digest always (None when it opens on no place), else a division inside the page."""
    if digest:
        return True, code
    if code is not None and code != page and _inside(code, page):
        return True, code
    return False, page
