"""The analyst example queries run on a warehouse, and the Parquet export is partitioned by year."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.warehouse.conftest import SEED_A, SEED_B, make_batch
from warehouse.export import export_parquet
from warehouse.load import load_run
from warehouse.query import run_sql

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


def test_provenance_check_query_is_empty(loaded: Path) -> None:
    sql = (QUERIES[0].parent / "provenance_check.sql").read_text(encoding="utf-8")
    assert run_sql(loaded, sql).height == 0


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
