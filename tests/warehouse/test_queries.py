"""The analyst example queries run on a warehouse, and the Parquet export is partitioned by year."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest

from tests.warehouse.conftest import SEED_A, SEED_B, make_batch
from warehouse.export import export_parquet
from warehouse.load import load_run
from warehouse.query import check_integrity, run_sql

QUERIES = sorted((Path(__file__).resolve().parents[2] / "warehouse" / "queries").glob("*.sql"))


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wh = tmp_path_factory.mktemp("q") / "minsheng.duckdb"
    load_run(wh, make_batch("r1", {"raw/a.txt": SEED_A, "raw/b.txt": SEED_B}, quarantine_ids=("6万元",)))
    return wh


def test_there_are_example_queries() -> None:
    assert len(QUERIES) >= 5


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.stem)
def test_example_query_has_header_and_runs(loaded: Path, query: Path) -> None:
    sql = query.read_text(encoding="utf-8")
    assert sql.startswith("-- Question:"), "each example query starts with the question it answers"
    run_sql(loaded, sql)


def test_petitions_collected_vs_resolved(loaded: Path) -> None:
    row = run_sql(loaded, "SELECT * FROM v_petitions").row(0, named=True)
    assert (row["collected"], row["resolved"], row["pending"]) == (5880, 4899, 981)
    assert row["region"] == "武隆区" and row["year"] == 2021


def test_checks_are_empty_on_a_healthy_warehouse_and_catch_a_broken_offset(
    loaded: Path, tmp_path: Path
) -> None:
    assert check_integrity(loaded) == []
    broken = tmp_path / "broken.duckdb"
    shutil.copyfile(loaded, broken)
    con = duckdb.connect(str(broken))
    con.execute("UPDATE fact_metric SET char_start = char_start + 1 WHERE span_text = '4899件'")
    con.close()
    assert check_integrity(broken) == ["span_matches_text"]


def test_new_field_queries(loaded: Path) -> None:
    people = run_sql(loaded, (QUERIES[0].parent / "people_by_topic.sql").read_text(encoding="utf-8"))
    assert people.filter(pl.col("topic") == "other")["people"].sum() == 161000 + 120
    petitions = run_sql(
        loaded, (QUERIES[0].parent / "petitions_by_district_year.sql").read_text(encoding="utf-8")
    )
    assert petitions.rows() == [("武隆区", "500156", 2021, 2021, 5880.0, 4899.0)]
    assert (
        run_sql(loaded, (QUERIES[0].parent / "targets_by_region.sql").read_text(encoding="utf-8")).height == 0
    )


def test_run_sql_is_read_only(loaded: Path) -> None:
    with pytest.raises(duckdb.Error):
        run_sql(loaded, "DELETE FROM fact_metric")
    assert run_sql(loaded, "SELECT count(*) AS n FROM fact_metric")["n"][0] == 6


def test_export_parquet_partitions_facts_by_year(loaded: Path, tmp_path: Path) -> None:
    out = tmp_path / "parquet"
    export_parquet(loaded, out)
    years = sorted(p.name for p in (out / "v_metric").iterdir())
    assert years == ["year=2020", "year=2021"]
    con = duckdb.connect()
    n = con.execute(
        f"SELECT count(*) FROM read_parquet('{out}/v_metric/*/*.parquet', hive_partitioning = true) WHERE year = 2021"
    ).fetchone()[0]
    con.close()
    assert n == 5
    assert (out / "dim_region.parquet").exists() and (out / "fact_metric_part.parquet").exists()
