"""A metric's clause and the clauses before it in its sentence, with their division mentions.

A metric takes the place its own clause names, else one an earlier clause carries on (:mod:`.scope`),
so the sentence is cut here once: the clause, the text before it, the story's headline, and the
mentions an earlier clause carries (those opening it) or a quotation hides.
"""

from __future__ import annotations

import re
from functools import lru_cache

import polars as pl

from transforms.enrich.context import Context
from transforms.enrich.regions.divisions import _nbytes

CLAUSE_STOP = "，；：。！？,;:!?"

_LOCATIVE_FRAME = re.compile(r"^(?:在|据)[^，。；]{1,12}$")  # a clause that only sets the place (在辽宁)
_LONG_FRAME = re.compile(r"^在[^，。；]{1,24}$")  # … and one describing it at length (在我国最东端的X市)

_ANCHOR_LEAD = re.compile(r"\s*(?:在|据)?")  # what may stand before a place opening a clause
CARRY_CHARS = 6  # a place carried on from an earlier clause stands this close to that clause's start


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


PARTNER_WORDS = ("与", "同", "跟")  # 该镇与某县相邻乡镇签订协议: the other party, not the subject's place


def _partner(raw: bytes, off: int, mine: list[tuple[str, int]]) -> bool:
    """Whether the mention at byte ``off`` is the other party of the clause's subject (该镇与浙江
    某县…签订): right after 与/同/跟 that does not join it to a place before (杭州与宁波共建…)."""
    before = raw[:off].decode("utf-8", "ignore")
    if not before.endswith(PARTNER_WORDS):
        return False
    joint = len(before[:-1].encode("utf-8"))
    return not any(o + _nbytes(m) == joint for m, o in mine)


EXAMPLE_CLOSER = "等"  # 打造贵阳“某市集”等夜间消费聚集区55个: one example of a group
EXAMPLE_CHARS = 10  # … closed by 等 this close after the place


def _example(raw: bytes, off: int) -> bool:
    """Whether the mention at byte ``off``, after the clause's verb, names an example of a group the
    clause counts (打造贵阳“某市集”等…聚集区55个): the place is one item's, not the place of the
    clauses after it."""
    return EXAMPLE_CLOSER in raw[off:].decode("utf-8", "ignore")[:EXAMPLE_CHARS]


def _carried(text: str, mine: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The mentions an earlier clause carries on: those within CARRY_CHARS of its start, and the
    names written on right after one of them (位于山西太原城区…: the chain 山西太原 is carried whole,
    not cut to 山西 by the window)."""
    raw = text.encode("utf-8")
    lead = len(_ANCHOR_LEAD.match(text).group(0).encode("utf-8"))  # type: ignore[union-attr]
    opens_on_verb = not any(off == lead for _, off in mine)  # 北京、上海等地…: places opening it act
    kept = [
        (m, off)
        for m, off in mine
        if len(raw[:off].decode("utf-8", "ignore")) < CARRY_CHARS
        and not _partner(raw, off, mine)
        and not (opens_on_verb and _example(raw, off))
    ]
    ends = {off + _nbytes(m) for m, off in kept}
    for m, off in mine:
        if (m, off) not in kept and off in ends:
            kept.append((m, off))
            ends.add(off + _nbytes(m))
    return kept
