"""Every analyst example query (warehouse/queries/*.sql) on the warehouse the real flow builds from the seeds.

The metrics asserted are read from the seed pages themselves (e.g. 000: 收集群众困难诉求5880件，其中已办结4899件).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from warehouse.query import run_sql

QUERIES = Path(__file__).resolve().parents[2] / "warehouse" / "queries"


@pytest.fixture(scope="module")
def seed_warehouse(
    prefect_harness: str, seed_paths: list[Path], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    from flows.etl import etl

    root = tmp_path_factory.mktemp("seedwh")
    raw = root / "raw"
    raw.mkdir()
    for path in seed_paths:
        shutil.copy2(path, raw / path.name)
    wh = root / "warehouse" / "minsheng.duckdb"
    summary = etl(raw_dir=str(raw), warehouse_path=str(wh), task_runner="serial")
    assert summary.status == "loaded"
    return wh


def query(wh: Path, name: str):
    return run_sql(wh, (QUERIES / f"{name}.sql").read_text(encoding="utf-8"))


def test_every_query_is_covered_here():
    covered = {
        "money_largest",
        "people_reached",
        "petitions_resolution",
        "quarantine_reasons",
        "run_history",
        "topics_overview",
        "targets_by_region",
        "people_by_topic",
        "petitions_by_district_year",
    }
    assert {p.stem for p in QUERIES.glob("*.sql")} == covered


def test_money_largest(seed_warehouse):
    top = query(seed_warehouse, "money_largest").row(0, named=True)
    assert (top["region"], top["yuan"], top["span_text"]) == ("綦江区", 500000.0, "50余万元")


def test_people_reached(seed_warehouse):
    df = query(seed_warehouse, "people_reached")
    row = df.filter((df["region"] == "綦江区") & (df["unit"] == "人次")).row(0, named=True)
    assert row["total"] == 161000.0  # 惠及群众16.1万人次


def test_petitions_resolution(seed_warehouse):
    row = query(seed_warehouse, "petitions_resolution").row(0, named=True)
    assert (row["region"], row["adcode"], row["collected"], row["resolved"]) == (
        "武隆区",
        "500156",
        5880.0,
        4899.0,
    )


def test_integrity_checks_find_nothing(seed_warehouse):
    from warehouse.query import check_integrity

    assert check_integrity(seed_warehouse) == []


def test_new_field_queries_run(seed_warehouse):
    people = query(seed_warehouse, "people_by_topic")
    assert people.height and people["people"].sum() <= query(seed_warehouse, "people_reached")["total"].sum()
    assert query(seed_warehouse, "petitions_by_district_year").height >= 1
    query(seed_warehouse, "targets_by_region")


def test_quarantine_reasons_empty_on_clean_seeds(seed_warehouse):
    assert query(seed_warehouse, "quarantine_reasons").height == 0


def test_run_history(seed_warehouse):
    row = query(seed_warehouse, "run_history").row(0, named=True)
    assert (row["status"], row["files_new"], row["metrics_loaded"]) == ("loaded", 5, 142)


def test_topics_overview_counts_every_metric(seed_warehouse):
    assert query(seed_warehouse, "topics_overview")["metrics"].sum() == 142
