"""A bare 元 in a Hong Kong, Macau or Taiwan text is the local currency (metric-spec "Regional conventions").

The grammar reads one sentence and cannot know where a text comes from, so it leaves a bare 元 (or $,
or the implied money of 盈余8亿) as 元. This step runs after the metrics are found: for a document
whose region is 香港, 澳门 or 台湾 it rewrites those metrics to 港元, 澳门元 or 新台币. A metric that
names renminbi (人民币300元, RMB300) stays 元, and so does every metric of a text whose place is unknown,
unless that text itself names one local currency and no renminbi (:func:`named_currencies`).
The regions and their currencies are data (``local_currencies.csv``); the document's region comes from
:func:`transforms.enrich.regions.document_regions` (sidecar first, then the text).
"""

from __future__ import annotations

from functools import cache

import polars as pl

from transforms.enrich.regions import document_regions
from transforms.lexicon import table, words

MONEY = "元"


@cache
def _currencies() -> tuple[tuple[str, tuple[str, ...], str], ...]:
    """(adcode, region names, currency) per region with a currency of its own."""
    return tuple(
        (r["adcode"], tuple(r["names"].split("|")), r["unit"]) for r in table("local_currencies.csv")
    )


def currency_of(adcode: str | None, region: str | None) -> str | None:
    """The local currency of a region given by adcode or name (香港 -> 港元); None for the mainland."""
    for code, names, unit in _currencies():
        if adcode == code or (region and any(region.startswith(n) for n in names)):
            return unit
    return None


def document_currencies(regions: pl.DataFrame) -> pl.DataFrame:
    """(sha256, currency) for the documents of ``regions`` (schema DOCUMENT_REGIONS) that have one."""
    rows = [
        (sha, cur)
        for sha, adcode, region in regions.select("sha256", "adcode", "region").iter_rows()
        if (cur := currency_of(adcode, region)) is not None
    ]
    return pl.DataFrame(rows, schema={"sha256": pl.String, "currency": pl.String}, orient="row")


def named_currencies(metrics: pl.DataFrame, regions: pl.DataFrame) -> pl.DataFrame:
    """(sha256, currency) for documents of unknown place whose figures name exactly one local currency
    (新台币27亿元, HK$500) and never renminbi: their bare 元 is that currency too (每剂约420元 in a
    疾管署 release). A page of known place keeps its own region's rule, so a mainland story quoting
    新台币 leaves its 元 alone, and a page naming two local currencies or 人民币 says nothing."""
    local = {unit for *_, unit in _currencies()}
    known = regions.filter(pl.col("region").is_not_null() | pl.col("adcode").is_not_null()).select("sha256")
    marked = pl.col("text").fill_null("").str.contains_any(list(words("renminbi_markers.txt")))
    docs = (
        metrics.join(known, on="sha256", how="anti")
        .group_by("sha256")
        .agg(
            pl.col("unit").filter(pl.col("unit").is_in(list(local))).unique().alias("named"),
            marked.any().alias("renminbi"),
        )
    )
    return docs.filter((pl.col("named").list.len() == 1) & ~pl.col("renminbi")).select(
        "sha256", pl.col("named").list.first().alias("currency")
    )


def localise_money(metrics: pl.DataFrame, regions: pl.DataFrame) -> pl.DataFrame:
    """``metrics`` with unit 元 made the document's local currency where it has one (pure)."""
    currencies = pl.concat([document_currencies(regions), named_currencies(metrics, regions)])
    if currencies.is_empty():
        return metrics
    local = metrics.join(currencies, on="sha256", how="left")
    swap = (
        (pl.col("unit") == MONEY)
        & pl.col("currency").is_not_null()
        & ~pl.col("text").fill_null("").str.contains_any(list(words("renminbi_markers.txt")))
    )
    return local.with_columns(
        pl.when(swap).then(pl.col("currency")).otherwise(pl.col("unit")).alias("unit")
    ).drop("currency")


def local_currency(
    metrics: pl.DataFrame,
    documents: pl.DataFrame,
    files: pl.DataFrame | None = None,
    regions: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """The enrichment step: :func:`localise_money` with the regions of the documents holding 元 metrics.

    ``regions`` (schema DOCUMENT_REGIONS), when the caller has them for these documents already,
    spares reading every page a second time (a page's region depends on that page alone).
    """
    shas = metrics.filter(pl.col("unit") == MONEY).select("sha256").unique()
    if shas.is_empty():
        return metrics
    if regions is not None:
        return localise_money(metrics, regions.join(shas, on="sha256", how="semi"))
    docs = documents.join(shas, on="sha256", how="semi")
    held = files.join(shas, on="sha256", how="semi") if files is not None else None
    return localise_money(metrics, document_regions(docs, held))
