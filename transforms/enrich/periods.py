"""The reporting year of a document and, where it says so, of a sentence.

A document's year is its sidecar ``published`` date when there is one (the publisher knows best);
else a full date in the lead (a dateline such as 2021年7月5日); else the most frequent year the text
states that is not in the future (ties -> the later year); else null. A sentence states its own year
when it names exactly one year that is not a starting point (``2020年以来`` opens a period that runs to
the document's year, so it does not count); ``今年`` means the document's year and needs no rule here.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from transforms.enrich.context import Context

DOCUMENT_YEARS = {"sha256": pl.String, "year": pl.Int32}
SENTENCE_YEARS = {"sha256": pl.String, "sent_ix": pl.Int32, "year": pl.Int32}

LEAD_CHARS = 300
YEAR = r"((?:19|20)\d{2})年"
DATELINE = r"((?:19|20)\d{2})年\d{1,2}月\d{1,2}日"
SINCE = r"(?:19|20)\d{2}年(?:以来|来|起|开始)"


def _meta_year() -> pl.Expr:
    """Year of the sidecar ``published`` date (ISO date or datetime, or a bare year)."""
    published = pl.col("meta").str.json_path_match("$.published")
    return published.str.extract(r"^\s*((?:19|20)\d{2})", 1).cast(pl.Int32, strict=False)


def document_years(
    documents: pl.DataFrame, files: pl.DataFrame | None = None, *, today: dt.date | None = None
) -> pl.DataFrame:
    """One row per document: (sha256, year), year null when neither metadata nor text tells it."""
    this_year = (today or dt.date.today()).year
    docs = documents.select("sha256", pl.col("text").fill_null("")).unique(
        "sha256", keep="first", maintain_order=True
    )
    dateline = docs.select(
        "sha256",
        pl.col("text").str.slice(0, LEAD_CHARS).str.extract(DATELINE, 1).cast(pl.Int32).alias("dateline"),
    )
    frequent = (
        docs.select("sha256", pl.col("text").str.extract_all(YEAR).alias("y"))
        .explode("y")
        .with_columns(pl.col("y").str.slice(0, 4).cast(pl.Int32, strict=False))
        .filter(pl.col("y") <= this_year)
        .group_by("sha256", "y")
        .len()
        .sort(["sha256", "len", "y"], descending=[False, True, True])
        .unique("sha256", keep="first")
        .select("sha256", pl.col("y").alias("frequent"))
    )
    out = (
        docs.select("sha256").join(dateline, on="sha256", how="left").join(frequent, on="sha256", how="left")
    )
    if files is not None and "meta" in files.columns:
        meta = (
            files.select("sha256", _meta_year().alias("meta_year"))
            .drop_nulls()
            .unique("sha256", keep="first")
        )
        out = out.join(meta, on="sha256", how="left")
    else:
        out = out.with_columns(pl.lit(None, dtype=pl.Int32).alias("meta_year"))
    dated = pl.when(pl.col("dateline") <= this_year).then(pl.col("dateline"))
    return out.select("sha256", pl.coalesce("meta_year", dated, "frequent").cast(pl.Int32).alias("year"))


def sentence_years(sentences: pl.DataFrame) -> pl.DataFrame:
    """(sha256, sent_ix, year) for sentences that state exactly one year that is not a starting point."""
    return (
        sentences.select(
            "sha256",
            pl.col("sent_ix").cast(pl.Int32),
            pl.col("text").str.replace_all(SINCE, "").str.extract_all(YEAR).alias("y"),
        )
        .with_columns(pl.col("y").list.eval(pl.element().str.slice(0, 4)).list.unique())
        .filter(pl.col("y").list.len() == 1)
        .select("sha256", "sent_ix", pl.col("y").list.first().cast(pl.Int32).alias("year"))
    )


def figure_periods(ctx: Context) -> pl.DataFrame:
    """(metric_id, year_from, year_to, modality) for every figure of the batch."""
    keys = ["sha256", "sent_ix"]
    year = pl.coalesce("sent_year", "doc_year").cast(pl.Int32)
    return (
        ctx.metrics.select("metric_id", *keys)
        .join(document_years(ctx.documents, ctx.files).rename({"year": "doc_year"}), on="sha256", how="left")
        .join(sentence_years(ctx.sentences).rename({"year": "sent_year"}), on=keys, how="left")
        .select("metric_id", year.alias("year_from"), year.alias("year_to"), pl.lit("actual").alias("modality"))
    )
