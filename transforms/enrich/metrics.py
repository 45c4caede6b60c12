"""Fill the subject-independent columns of the metrics frame: region, adcode, region_level, area, topic, year.

Everything is decided once per document or per sentence and attached to the metrics by joins, so the
cost grows with the text, not with the number of figures (100k-row metric frames in the benchmark).
Only documents that have metrics are looked at. A value the metrics frame already holds is kept.

Year: the sentence's own stated year (2021年，收集诉求…) when it states one, else the document's year
(sidecar ``published`` date, else the text; see transforms.enrich.periods).
"""

from __future__ import annotations

import polars as pl

from transforms.enrich.periods import document_years, sentence_years
from transforms.enrich.regions import document_regions, sentence_areas
from transforms.enrich.topics import classify_sentences
from transforms.schemas import METRICS, conform

ENRICHED = ("region", "adcode", "region_level", "area", "topic", "year")


def enrich_metrics(
    metrics: pl.DataFrame,
    documents: pl.DataFrame,
    sentences: pl.DataFrame,
    files: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """``metrics`` (schema METRICS) with region, adcode, region_level, area, topic and year filled."""
    metrics = conform(metrics, METRICS)
    if metrics.is_empty():
        return metrics
    shas = metrics.select("sha256").unique()
    docs = documents.join(shas, on="sha256", how="semi")
    # the same content under two paths shares a sha256: keep one copy so joins never multiply rows
    sents = sentences.join(shas, on="sha256", how="semi").unique(
        ["sha256", "sent_ix"], keep="first", maintain_order=True
    )
    if files is not None:
        files = files.join(shas, on="sha256", how="semi")
    regions = document_regions(docs, files).select("sha256", "region", "adcode", "region_level")
    doc_year = document_years(docs, files).rename({"year": "doc_year"})
    keys = ["sha256", "sent_ix"]
    per_sentence = (
        classify_sentences(sents)
        .join(sentence_areas(sents), on=keys, how="left")
        .join(sentence_years(sents).rename({"year": "sent_year"}), on=keys, how="left")
    )
    filled = (
        metrics.with_row_index("_row")
        .join(regions, on="sha256", how="left", suffix="_new")
        .join(doc_year, on="sha256", how="left")
        .join(per_sentence.rename({"topic": "topic_new", "area": "area_new"}), on=keys, how="left")
        .with_columns(pl.coalesce("sent_year", "doc_year").cast(pl.Int32).alias("year_new"))
        .with_columns(pl.coalesce(c, f"{c}_new").alias(c) for c in ENRICHED)
        .sort("_row")
    )
    return conform(filled, METRICS)
