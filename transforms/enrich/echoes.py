"""A headline's figure is the story's figure: take the facts of its echo in the body.

A headline, a sub-headline or an item of a page's summary list (新闻摘要: 1.…；, （2）…；) is
telegraphic: it names no place and no time, and its subject is a few clipped words. When the same
figure (same span, value and unit) is stated again later in the same document in a body sentence,
that sentence gives the figure its place, time, theme and modality (fact-spec: from the figure's
clause first, then its sentence, then the story). The first body echo after the headline is the one
its story states.

The subject moves only when the body's phrase stands in the headline's own line (a subject is the
noun phrase as it stands in the figure's sentence, so 就业岗位 is beyond 企业提供岗位1.2万个) and the
headline's is null or a shorter part of it: a headline subject that is longer, or other, keeps its
own words — the spec accepts any phrase between the core and the longest acceptable one.

The years move only when the headline has some: every headline of a dated page falls back to the
publication year, which the echo's own cue refines; a headline of an undated page keeps null, as
its line gives no year (料容纳近13万人 is not the body's 二〇二八年).
"""

from __future__ import annotations

import re

import polars as pl

# facts an echo hands over whole: the place (with its code and level), theme, years and modality
FACTS = ("region", "adcode", "region_level", "area", "topic", "year_from", "year_to", "modality")
HEADLINE_ROLES = ("headline", "subheadline")
# an item of a summary list: a list number (1. 2、 （3）) then a line with no clause marks inside,
# ending, if at all, in the list's ；, a full stop or the colon that opens sub-items
SUMMARY_ITEM = r"^(?:\d{1,2}[.．、]|[（(]\d{1,2}[)）])[^，,。；;！？!?]{2,60}[；;。：:]?$"
KEY = ("sha256", "text", "value", "unit")
YEARS = ("year_from", "year_to")
# an echo says what its headline says: at least this many two-character words of the headline's
# own (outside the figure) stand in the echo's sentence too, so that a summary line's 十年 does not
# take the facts of the next story's 新时代十年
SHARED_WORDS = 2
_HAN = re.compile(r"[\u4e00-\u9fff]{2,}")


def shared_words(headline: str, echo: str, span: str) -> int:
    """How many distinct Han bigrams of ``headline`` (less the figure's ``span``) ``echo`` holds."""
    runs = _HAN.findall(headline.replace(span, " "))
    return sum(1 for w in {r[i : i + 2] for r in runs for i in range(len(r) - 1)} if w in echo)


def headline_sentences(sentences: pl.DataFrame) -> pl.DataFrame:
    """(sha256, sent_ix) of each headline-like sentence: a headline or sub-headline, or a summary
    list item (a body paragraph of one telegraphic numbered line)."""
    one_line = pl.len().over("sha256", "para_ix") == 1
    return (
        sentences.unique(["sha256", "sent_ix"], keep="first")
        .filter(
            pl.col("role").is_in(HEADLINE_ROLES)
            | ((pl.col("role") == "body") & one_line & pl.col("text").str.contains(SUMMARY_ITEM))
        )
        .select("sha256", "sent_ix")
    )


def headline_echoes(metrics: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """``metrics`` with each headline figure's facts taken from its first later echo in a body
    sentence of the same document; rows, order and other columns unchanged."""
    if metrics.is_empty() or sentences.is_empty():
        return metrics
    heads = headline_sentences(sentences)
    if heads.is_empty():
        return metrics
    body = sentences.unique(["sha256", "sent_ix"], keep="first").filter(pl.col("role") == "body")
    body = body.join(heads, on=["sha256", "sent_ix"], how="anti").select("sha256", "sent_ix")
    rows = metrics.with_row_index("_row")
    head_rows = rows.join(heads, on=["sha256", "sent_ix"], how="semi")
    if head_rows.is_empty():
        return metrics
    echoes = (
        rows.join(body, on=["sha256", "sent_ix"], how="semi")
        .select(
            *KEY,
            pl.col("char_start").alias("_echo_start"),
            pl.col("sentence").alias("_echo_sentence"),
            *FACTS,
            pl.col("subject").alias("_echo_subject"),
        )
        .unique([*KEY, "_echo_start"], keep="first")
    )
    matched = (
        head_rows.select(
            "_row", *KEY, "char_end", "sentence", "subject", *(pl.col(y).alias(f"_own_{y}") for y in YEARS)
        )
        .join(echoes, on=list(KEY), how="inner", nulls_equal=True)
        .filter(pl.col("_echo_start") >= pl.col("char_end"))
        .filter(
            pl.struct("sentence", "_echo_sentence", "text").map_elements(
                lambda r: shared_words(r["sentence"] or "", r["_echo_sentence"] or "", r["text"] or ""),
                return_dtype=pl.Int64,
            )
            >= SHARED_WORDS
        )
        .sort("_row", "_echo_start")
        .unique("_row", keep="first")
    )
    if matched.is_empty():
        return metrics
    own, echo = pl.col("subject"), pl.col("_echo_subject")
    takes_subject = (
        echo.is_not_null()
        & pl.col("sentence").str.contains(echo, literal=True)
        & (
            own.is_null()
            | ((own.str.len_chars() < echo.str.len_chars()) & echo.str.contains(own, literal=True))
        )
    )
    dated = pl.col("_own_year_from").is_not_null()
    new = matched.select(
        "_row",
        *(pl.col(f).alias(f"_new_{f}") for f in FACTS if f not in YEARS),
        *(pl.when(dated).then(pl.col(y)).otherwise(pl.col(f"_own_{y}")).alias(f"_new_{y}") for y in YEARS),
        pl.when(takes_subject).then(echo).otherwise(own).alias("_new_subject"),
        pl.lit(True).alias("_echoed"),
    )
    return (
        rows.join(new, on="_row", how="left")
        .with_columns(
            pl.when(pl.col("_echoed").fill_null(False))
            .then(pl.col(f"_new_{f}"))
            .otherwise(pl.col(f))
            .alias(f)
            for f in (*FACTS, "subject")
        )
        .sort("_row")
        .select(metrics.columns)
    )
