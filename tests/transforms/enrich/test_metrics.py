"""enrich_metrics on the seed pages: every metric gets its document's region, a topic and a year."""

from __future__ import annotations

import json

import polars as pl

from tests.transforms.enrich.test_regions import gold, needs_gold, seed_frames
from transforms.enrich.metrics import enrich_metrics
from transforms.enrich.topics import topic_table
from transforms.schemas import METRICS

METRIC = r"\d+(?:\.\d+)?万?(?:件|人次|户|个|名|人)"


def seed_metrics() -> pl.DataFrame:
    """A metrics frame with one row per simple metric in the seed sentences (a stand-in extraction)."""
    _, sentences = seed_frames()
    return (
        sentences.select(
            "sha256",
            "sent_ix",
            pl.col("text").alias("sentence"),
            pl.col("text").str.extract_all(METRIC).alias("text"),
        )
        .explode("text")
        .drop_nulls("text")
        .with_columns(pl.format("{}:{}", "sha256", pl.int_range(pl.len())).alias("metric_id"))
    )


@needs_gold
def test_seed_metrics_get_region_topic_area_and_year() -> None:
    documents, sentences = seed_frames()
    metrics = seed_metrics()
    got = enrich_metrics(metrics, documents, sentences, None)
    assert got.schema == pl.Schema(METRICS)
    assert got["metric_id"].to_list() == metrics["metric_id"].to_list()  # same rows, same order
    names = dict(documents.select("sha256", "name").iter_rows())
    for row in got.select("sha256", "region", "adcode", "region_level").unique().iter_rows(named=True):
        want = gold()[names[row["sha256"]]]
        assert (row["region"], row["adcode"], row["region_level"]) == (
            want["region"],
            want["adcode"],
            "county",
        )
    assert got["topic"].is_in(topic_table()["topic"].implode()).all()
    assert got["area"].drop_nulls().str.contains("(街道|镇|乡|村|社区)$").all()
    assert got["area"].drop_nulls().len() > 0


def test_metadata_overrides_region_and_year_and_existing_values_are_kept() -> None:
    documents, sentences = seed_frames()
    metrics = seed_metrics()
    sha = metrics["sha256"][0]
    files = pl.DataFrame(
        {"sha256": [sha], "meta": [json.dumps({"region": "500101", "published": "2019-05-01"})]}
    )
    got = enrich_metrics(metrics.with_columns(pl.lit("health").alias("topic")), documents, sentences, files)
    mine = got.filter(pl.col("sha256") == sha)
    # the sidecar sets the page's region; a sentence naming its own division keeps that one
    assert set(mine.filter(~pl.col("sentence").str.contains("武隆"))["region"]) == {"万州区"}
    assert set(mine.filter(pl.col("sentence").str.contains("武隆区"))["region"]) <= {"武隆区"}
    assert set(mine["topic"]) == {"health"}
    no_own_year = mine.filter(~pl.col("sentence").str.contains(r"(?:19|20)\d{2}年"))
    assert set(no_own_year["year_to"]) == {2019}


def test_large_frames_are_joined_not_looped() -> None:
    documents, sentences = seed_frames()
    metrics = seed_metrics()
    big = pl.concat([metrics] * (100_000 // metrics.height + 1)).head(100_000)
    got = enrich_metrics(big, documents, sentences, None)
    assert got.height == 100_000
    assert got["region"].null_count() == 0


def test_empty_metrics() -> None:
    documents, sentences = seed_frames()
    got = enrich_metrics(pl.DataFrame(schema=METRICS), documents, sentences, None)
    assert got.is_empty() and got.schema == pl.Schema(METRICS)
