"""Metrics from the sentences frame: the metrics of each sentence, with provenance.

Polars does the bulk work (keeping only sentences that hold a digit or numeral at all, building
ids and offsets); the metric grammar itself needs look-behind and per-metric context, which
polars' regex engine cannot express, so it runs in Python on the surviving sentences
(``transforms.metrics.grammar``).
"""

from __future__ import annotations

import re

import polars as pl

from transforms.metrics.grammar import find_metrics
from transforms.metrics.relations import part_of_relations
from transforms.metrics.subjects import Span, facts_of
from transforms.metrics.subjects.neighbours import only_place, without_place
from transforms.schemas import METRICS, RELATIONS, conform, empty

# Sentences with no digit and no numeral character cannot hold a metric.
_CANDIDATE = r"[0-9零〇一二两三四五六七八九十百千万亿%％]"

_METRIC_COLUMNS = {
    "local_start": pl.Int64,
    "local_end": pl.Int64,
    "text": pl.String,
    "value": pl.Float64,
    "low": pl.Float64,
    "high": pl.Float64,
    "unit": pl.String,
    "unit_kind": pl.String,
    "bound": pl.String,
    "subject": pl.String,
    "measure": pl.String,
}


def metrics_of(sentence: str) -> list[tuple]:
    """The metrics of one sentence as tuples in the order of ``_METRIC_COLUMNS`` (local offsets)."""
    metrics = find_metrics(sentence)
    if not metrics:  # most candidate sentences (a numeral, no metric): no subjects to read
        return []
    facts = facts_of(sentence, [Span(f.start, f.end, f.unit, f.kind) for f in metrics])
    return [
        (f.start, f.end, f.text, f.value, f.low, f.high, f.unit, f.kind, f.bound, fact.subject, fact.measure)
        for f, fact in zip(metrics, facts, strict=True)
    ]


def _parts_take_their_whole(metrics: pl.DataFrame, relations: pl.DataFrame) -> pl.DataFrame:
    """A 其中 part that names no noun of its own (其中已办结4899件) counts the whole's subject."""
    if relations.is_empty():
        return metrics
    whole = metrics.select(
        pl.col("metric_id").alias("whole_metric_id"), pl.col("subject").alias("_whole_subject")
    )
    inherited = relations.select("whole_metric_id", pl.col("part_metric_id").alias("metric_id")).join(
        whole, on="whole_metric_id", how="left"
    )
    return (
        metrics.join(
            inherited.drop("whole_metric_id").unique("metric_id"),
            on="metric_id",
            how="left",
            maintain_order="left",
        )
        .with_columns(pl.coalesce("subject", "_whole_subject").alias("subject"))
        .drop("_whole_subject")
    )


def _places_take_previous(metrics: pl.DataFrame) -> pl.DataFrame:
    """台北市房价所得比16.05倍最高，…；新北市以12.83倍居次: a measure (not a count: places are counted
    things) whose subject is only a place compares that place on the thing of the last figure of the
    same unit shortly before it in the same paragraph (its sentence or the one before), across the ；
    or 。 that facts_of cannot see past (within a sentence it rules for 其中 parts). The earlier
    figure's own place is left off: it is the region's."""
    cols = ("sha256", "para_ix", "sent_ix", "unit", "unit_kind", "subject")
    rows = list(zip(*(metrics.get_column(c).to_list() for c in cols), strict=True))
    subjects = [r[5] for r in rows]
    changed = False
    for i in range(1, len(rows)):
        sha, para, sent, unit, kind, subject = rows[i]
        if not subject or kind == "count" or len(subject) > 8 or not only_place(subject):
            continue
        for j in range(i - 1, max(-1, i - 4), -1):
            psha, ppara, psent, punit = rows[j][:4]
            if (psha, ppara) != (sha, para) or sent - psent > 1:
                break
            prev = subjects[j]
            if punit == unit and prev:
                thing = without_place(prev)
                if thing:
                    subjects[i], changed = thing, True
                break
    return metrics.with_columns(pl.Series("subject", subjects, dtype=pl.String)) if changed else metrics


# a sentence that is only a change against another period (按月则上升31.2%。; 环比下降2.1%。)
_CHANGE_FRAGMENT = re.compile(
    r"^(?:按[年月季]|同比|环比|较上[年月季]|比上[年月季])?[，,]?(?:则|亦|也)?"
    r"(?:上升|下降|增加|减少|增长|回落|下跌|上涨|下滑|回升)了?(?:约|近|逾)?$"
)


def _fragments_take_previous(metrics: pl.DataFrame) -> pl.DataFrame:
    """按月则上升31.2%。: a sentence that only states a change names no noun; it goes on about the
    last figure of the sentence before it in the same paragraph, whose subject it takes."""
    bare = metrics.select((pl.col("subject").is_null() & (pl.col("unit_kind") == "percent")).any()).item()
    if not bare:
        return metrics  # no rate without a noun: no sentence column to copy out
    cols = ("sha256", "para_ix", "sent_ix", "unit_kind", "subject", "sentence", "local_start")
    rows = list(zip(*(metrics.get_column(c).to_list() for c in cols), strict=True))
    subjects = [r[4] for r in rows]
    changed = False
    for i in range(1, len(rows)):
        sha, para, sent, kind, subject, text, start = rows[i]
        if subject or kind != "percent" or not _CHANGE_FRAGMENT.match(text[:start].strip()):
            continue
        psha, ppara, psent = rows[i - 1][:3]
        if (psha, ppara) == (sha, para) and sent - psent == 1 and subjects[i - 1]:
            subjects[i], changed = subjects[i - 1], True
    return metrics.with_columns(pl.Series("subject", subjects, dtype=pl.String)) if changed else metrics


def extract_metrics(sentences: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(metrics, relations) for a sentences frame (schema SENTENCES -> METRICS, RELATIONS).

    Enrichment columns (region, topic, year, area) are left null for ``transforms.enrich.metrics``.
    """
    cand = sentences.filter(pl.col("text").str.contains(_CANDIDATE))
    rows: list[tuple] = []
    owner: list[int] = []
    for i, text in enumerate(cand.get_column("text").to_list()):
        figs = metrics_of(text)
        rows += figs
        owner += [i] * len(figs)
    if not rows:
        return empty(METRICS), empty(RELATIONS)
    # transposed in C and built column by column: half the cost of polars reading the rows
    found = pl.DataFrame(list(zip(*rows, strict=True)), schema=_METRIC_COLUMNS, orient="col")
    metrics = (
        cand.rename({"text": "sentence"})
        .drop(list(_METRIC_COLUMNS), strict=False)
        .select(pl.all().gather(pl.Series(owner, dtype=pl.UInt32)))
        .hstack(found)
        .with_columns(
            (pl.col("char_start") + pl.col("local_start")).alias("span_start"),
            (pl.col("char_start") + pl.col("local_end")).alias("span_end"),
        )
        .with_columns(
            pl.col("span_start").alias("char_start"),
            pl.col("span_end").alias("char_end"),
            pl.format(
                "{}:{}:{}", pl.col("sha256").str.slice(0, 16), pl.col("span_start"), pl.col("span_end")
            ).alias("metric_id"),
        )
    )
    metrics = _fragments_take_previous(_places_take_previous(metrics))
    relations = part_of_relations(metrics)
    metrics = _parts_take_their_whole(metrics, relations)
    return conform(metrics, METRICS), conform(relations, RELATIONS)
