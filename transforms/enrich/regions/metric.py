"""Each metric's region and area (:func:`metric_regions`): the place its own clause names, else the
one the nearest earlier clause carries on, else its story's headline, else the page.

This module only orders the readings the sibling modules make; a Chongqing-wide report's metric about
万州区 is 万州区's.
"""

from __future__ import annotations

import re

import polars as pl

from transforms.enrich.context import Context
from transforms.enrich.regions.areas import _metric_areas, _place_areas
from transforms.enrich.regions.clauses import (
    _LOCATIVE_FRAME,
    _LONG_FRAME,
    _carried,
    _clauses,
    _outside_quotes,
    _split_clauses,
)
from transforms.enrich.regions.divisions import (
    _at_level,
    _common,
    _describe,
    _gazetteer,
    _inside,
    _nbytes,
    _parent,
)
from transforms.enrich.regions.lists import LIST_ITEM, _count, _group_heads, _mixed_list
from transforms.enrich.regions.mentions import _sentence_mentions
from transforms.enrich.regions.naming import _named
from transforms.enrich.regions.national import _names_whole, _national, _province_parts
from transforms.enrich.regions.page import page_regions
from transforms.enrich.regions.paragraphs import paragraph_page, paragraph_pages
from transforms.enrich.regions.respective import RESPECTIVELY, respective_places
from transforms.enrich.regions.scope import _anchor, _deictic, _scope_region
from transforms.enrich.regions.sections import section_pages
from transforms.enrich.regions.stories import (
    _TIME_OPENER_CHARS,
    _ends_on_place,
    _place_setters,
    _setting_frame,
    _story_deixis,
    _story_places,
)
from transforms.enrich.regions.subjects import _own_subject, _project_place, _qualifies, _report_pages
from transforms.lexicon import words

# 等 closing a 、-list, then the short kind the count after it is of (…、平凉B白云岩等大中型矿产地35处)
_CLOSED_KIND = re.compile(r"、[^、，；]*等[\u4e00-\u9fff]{1,10}$")


def _item_spans(lead: str) -> list[tuple[int, int]]:
    """Byte spans of the later items of a 、-list closed by 等 and a kind (A铀矿、平凉B白云岩等大中型
    矿产地35处) that are more than a bare name: a place inside one names that item, not the count.
    The first item is left alone (its start is not marked), and so are lists of bare names
    (上海、北京、广州等五个城市: the places the count spans)."""
    m = _CLOSED_KIND.search(lead)
    if m is None:
        return []
    body = lead[: lead.rindex("等")]
    start = len(body[: body.index("、")].encode("utf-8"))
    spans = []
    for item in body[body.index("、") + 1 :].split("、"):
        start += len("、".encode())
        end = start + len(item.encode("utf-8"))
        if len(item) > LIST_ITEM:  # more than a bare name (平凉7亿吨级冶镁白云岩, not 北京)
            spans.append((start, end))
        start = end
    return spans


_PART_OPENERS = ("其中，", "其中,", "其中：")  # a part's clause belongs to its whole's place

METRIC_REGIONS = {
    "metric_id": pl.String,
    "region": pl.String,
    "adcode": pl.String,
    "region_level": pl.String,
    "area": pl.String,
}


def _opening_actor(lead: str, own: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The chain of places opening the clause (天津滨海新区) when it acts, a verb after it
    (天津滨海新区推出A、B等123项举措), rather than qualifying a noun (阿拉善新远景等35个项目)."""
    chain, at = [], 0
    for m, off in sorted(own, key=lambda p: p[1]):
        if off != at:
            break
        chain.append((m, off))
        at = off + _nbytes(m)
    return chain if chain and not _qualifies(lead, chain[-1:]) else []


def _other_items(
    lead: str,
    own: list[tuple[str, int]],
    closers: tuple[str, ...],
    province: str | None,
    vouched: frozenset[str],
) -> tuple[list[tuple[str, int]], bool]:
    """The clause's places less those naming another item than the counted one, and whether any went:
    某地某工程等14条项目, 某地某中心和11个分中心 (a closer right before the count), and the later items of
    a list closed by 等 and a kind (:func:`_item_spans`) when the first item names no place."""
    if lead.endswith(closers):
        actor = _opening_actor(lead, own)
        kept = [(m, off) for m, off in own if off >= len(lead.encode("utf-8")) or (m, off) in actor]
        return kept, len(kept) < len(own)
    spans = _item_spans(lead)
    if spans and not _named(lead, [(m, off) for m, off in own if off < spans[0][0]], province, vouched):
        # (江苏A通道、四川B高速等…项目: the first item names a place too, so the count spans them)
        kept = [(m, off) for m, off in own if not any(a <= off < b for a, b in spans)]
        return kept, len(kept) < len(own)
    return own, False


_LOCATING = ("位于", "地处")  # a clause placing its subject (大桥位于广西来宾象州县，桥长约2580米)


def _locates(text: str, mine: list[tuple[str, int]]) -> bool:
    """Whether an earlier clause places its subject at a division it names (位于吉林市的滑雪场，雪道…;
    大桥位于某县，桥长…): like 在某地，…, that place goes on to the later figure."""
    raw = text.encode("utf-8")
    return any(raw[:off].decode("utf-8", "ignore").endswith(_LOCATING) for _, off in mine)


def _by_paragraph(cl: pl.DataFrame, paras: pl.DataFrame) -> pl.DataFrame:
    """``cl`` with page and province replaced where a paragraph's opening place stands for the page
    (:func:`~.paragraphs.paragraph_page`)."""
    if paras.is_empty():
        return cl
    keys = ["sha256", "sent_ix"]
    joined = cl.select(*keys, "page").unique().join(paras, on=keys)
    rows = []
    for sha, ix, page, code, digest in joined.select(*keys, "page", "code", "digest").iter_rows():
        replaced, got = paragraph_page(code, digest, page)
        if replaced:
            rows.append((sha, ix, got, _describe(got)["province"]))
    if not rows:
        return cl
    over = pl.DataFrame(
        rows,
        schema={"sha256": pl.String, "sent_ix": pl.Int32, "p_page": pl.String, "p_province": pl.String},
        orient="row",
    ).with_columns(pl.lit(True).alias("p"))
    return (
        cl.join(over, on=keys, how="left")
        .with_columns(
            pl.when(pl.col("p")).then(pl.col("p_page")).otherwise(pl.col("page")).alias("page"),
            pl.when(pl.col("p")).then(pl.col("p_province")).otherwise(pl.col("province")).alias("province"),
        )
        .drop("p_page", "p_province", "p")
    )


def _pair_respective(
    cl: pl.DataFrame,
    sent_found: dict[tuple[str, int], list[tuple[str, int]]],
    vouched: dict[str, frozenset[str]],
    out: list[str | None],
) -> None:
    """In place: the figures 分别 pairs one to one with a list of places (西安、宝鸡分别增长6.1%、5.8%)
    take their own place (:mod:`.respective`)."""
    rows = cl.with_row_index("i").filter(pl.col("sent").fill_null("").str.contains(RESPECTIVELY))
    if rows.is_empty():
        return
    by_sent: dict[tuple[str, int], list[tuple[int, int, int, str, str | None]]] = {}
    for i, sha, ix, a, b, sent, province in rows.select(
        "i", "sha256", "sent_ix", "a", "b", "sent", "province"
    ).iter_rows():
        by_sent.setdefault((sha, ix), []).append((i, a, b, sent, province))
    for (sha, ix), figs in by_sent.items():
        sent, province = figs[0][3], figs[0][4]
        paired = respective_places(
            sent,
            sent_found.get((sha, ix), []),
            [(a, b) for _, a, b, _, _ in figs],
            province,
            vouched.get(sha, frozenset()),
        )
        for k, code in paired.items():
            out[figs[k][0]] = code


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
    # a news page's section (the story under a subheadline) stands for the page (:mod:`.sections`)
    by_section = section_pages(ctx, pages, doc_found)
    cl = (
        _clauses(ctx)
        .join(pages, on="sha256", how="left")
        .join(
            by_section.select(
                *keys,
                pl.col("page").alias("s_page"),
                pl.col("province").alias("s_province"),
                pl.lit(True).alias("s"),
            ),
            on=keys,
            how="left",
        )
        .with_columns(
            pl.when(pl.col("s")).then(pl.col("s_page")).otherwise(pl.col("page")).alias("page"),
            pl.when(pl.col("s")).then(pl.col("s_province")).otherwise(pl.col("province")).alias("province"),
        )
        .drop("s_page", "s_province", "s")
    )
    # a news paragraph opening on a place of its own (a digest's story) stands for the page there
    own_pages = {
        sha: (code, prov) for sha, code, prov in page_frame.select("sha256", "adcode", "province").iter_rows()
    }
    cl = _by_paragraph(cl, paragraph_pages(ctx, doc_found, own_pages)).with_columns(
        (
            _national(pl.col("lead"), pl.col("unit"), pl.col("after"))
            & ~pl.col("page").fill_null("").is_in(list(words("region_national_self.txt")))
        ).alias("national")
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
        # (湖南…。山东…。河南及时梳理…。同时，全省开发…: the nearest story place's, 河南)
        story_province, story_place = stories.get((sha, sent_ix), (None, None))
        province = province or story_province or _describe(story_place)["province"]
        found = _outside_quotes(sent, a, sent_found.get((sha, sent_ix), []))
        head_found = sent_found.get((sha, head_ix), []) if headline else []
        c0 = len(sent[: a - len(lead)].encode("utf-8"))
        c1 = c0 + len(clause.encode("utf-8"))
        own = [(m, off - c0) for m, off in found if c0 <= off < c1]
        heads, items = _group_heads(lead, own)
        first = sent[: a - len(lead)]
        # …等基地和16个枢纽: the clause names another item's place
        own, other_items = _other_items(lead, own, closers, province, vouched.get(sha, frozenset()))
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
        # (在我国最东端的黑龙江抚远市，…: a scene-setting frame ending on its place carries it whole)
        earlier = [
            (text, mine if _LONG_FRAME.match(text) and _ends_on_place(text, mine) else _carried(text, mine))
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
                        and not _locates(text, mine)
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
    _pair_respective(cl, sent_found, vouched, out)
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
