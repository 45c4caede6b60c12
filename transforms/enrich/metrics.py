"""Decide what each metric is about (fact-spec.md): region, area, topic, years and modality.

Each field has its own module with one entry point taking a :class:`~transforms.enrich.context.Context`
and returning one row per ``metric_id``; this module only joins them. A value the metrics frame
already holds is kept (so a caller or an earlier stage can decide a field).
"""

from __future__ import annotations

import polars as pl

from transforms.enrich.context import Context
from transforms.enrich.currency import local_currency
from transforms.enrich.echoes import headline_echoes
from transforms.enrich.periods import metric_periods
from transforms.enrich.regions import metric_regions, page_regions
from transforms.enrich.topics import metric_topics
from transforms.schemas import METRICS, conform

ENRICHED = ("region", "adcode", "region_level", "area", "topic", "year_from", "year_to", "modality")


def enrich_metrics(
    metrics: pl.DataFrame,
    documents: pl.DataFrame,
    sentences: pl.DataFrame,
    files: pl.DataFrame | None = None,
    relations: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """``metrics`` (schema METRICS) with the fact fields filled."""
    metrics = conform(metrics, METRICS)
    if metrics.is_empty():
        return metrics
    # the same page under two paths repeats its metric ids: a metric's facts are the document's, so
    # they are decided once per metric_id and fanned out to every path by the join below. Deciding
    # them over the repeats would let each copy see the other as a neighbour (the metric before it
    # in its sentence), and which copy came first after an unstable sort of a large batch would
    # decide the facts -- they would depend on the batch, not on the document
    distinct = metrics.unique("metric_id", keep="first", maintain_order=True)
    if relations is not None:
        relations = relations.unique(maintain_order=True)
    ctx = Context.of(distinct, documents, sentences, files, relations)
    # one row per metric_id from each field before joining (joining repeats with repeats multiplies)
    regions, periods, topics = (
        f(ctx).unique("metric_id", keep="first", maintain_order=True)
        for f in (metric_regions, metric_periods, metric_topics)
    )
    decided = regions.join(periods, on="metric_id", how="full", coalesce=True).join(
        topics, on="metric_id", how="full", coalesce=True
    )
    new = {c: f"{c}_new" for c in ENRICHED if c in decided.columns}
    filled = (
        metrics.with_row_index("_row")
        .join(decided.rename(new).unique("metric_id", keep="first"), on="metric_id", how="left")
        .with_columns(pl.coalesce(c, n).alias(c) for c, n in new.items())
        .sort("_row")
    )
    pages = page_regions(ctx)[0]  # computed once for the metrics' regions
    # 元 in a Hong Kong text is 港元; a headline's figure takes the facts of its body echo
    return headline_echoes(local_currency(conform(filled, METRICS), documents, files, pages), sentences)
