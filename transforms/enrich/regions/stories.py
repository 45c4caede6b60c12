"""The story's place, for a sentence that names none of its own.

A sentence right after one that sets a place (在新疆喀什某村，…) goes on about that place; on a page of
several stories with no region of its own, a sentence's story is its paragraph, and 当地/这里 refer to
the place the paragraph named before (region_story_deictic.txt).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

import polars as pl

from transforms.enrich.regions.divisions import _common, _gazetteer, _nbytes
from transforms.enrich.regions.mentions import _mentions
from transforms.enrich.regions.naming import _named
from transforms.lexicon import words

_TIME_OPENER_CHARS = 6  # a short first clause (眼下, 这段时间) before the clause that sets the place
_PLACE_TOPIC_CHARS = 20  # a sentence may open on a bare place chain this long (四川省某县某村，这个…)


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
    by_sha: dict[str, list[tuple[int | None, str]]] = defaultdict(list)
    where: dict[tuple[str, int], int] = {}
    for sha, ix, para, text in zip(*(rows[c].to_list() for c in rows.columns), strict=True):
        sents = by_sha[sha]
        where[sha, ix] = len(sents)
        sents.append((para, text or ""))
    clocks = "|".join(map(re.escape, words("region_story_not_places.txt")))  # 北京时间今天…
    clock = re.compile(clocks) if clocks else None
    masked: dict[str, str] = {}  # a text's clock phrases blanked, once per text
    earlier: dict[tuple[str, int], list[str]] = {}
    for sha, ix in wanted:
        k = where.get((sha, ix))
        sents = by_sha[sha]
        if k is None or sents[k][0] is None:
            continue
        para = sents[k][0]
        texts = []
        # back from the sentence to its paragraph's start, by index (a slice per sentence made
        # this quadratic in a page's length)
        for j in range(k - 1, -1, -1):
            p, text = sents[j]
            if p != para:
                break
            if clock is not None:
                if text not in masked:
                    masked[text] = clock.sub(lambda m: "□" * len(m.group(0)), text)
                text = masked[text]
            texts.append(text)
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
