"""Hostile names, metadata and options: nothing reaches SQL except as bound parameters, report pages
escape all text, and nothing is written outside the warehouse directory."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polars as pl
import pytest

from tests.robustness.helpers import PAGE, SEEDS, minsheng, snapshot

pytestmark = pytest.mark.usefixtures("prefect_harness")
DROP = "'); DROP TABLE fact_metric; --"
SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(2)">'
HOSTILE_NAME = 'it\'s "quoted" <b>bold<b>; DROP TABLE dim_file; --.txt'


def sql(warehouse: Path, query: str, params: list | None = None) -> pl.DataFrame:
    from warehouse.query import run_sql

    return run_sql(warehouse, query, params)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, prefect_harness: str):
    base = tmp_path_factory.mktemp("hostile")
    raw = base / "raw"
    shutil.copytree(SEEDS, raw)
    (raw / HOSTILE_NAME).write_text(
        f"{SCRIPT}标题{IMG}\n{PAGE}{SCRIPT}收集诉求12件{IMG}。\n", encoding="utf-8"
    )
    page = raw / "meta.txt"
    page.write_text(PAGE.replace("5880", "5883"), encoding="utf-8")
    meta = {"region": DROP, "source": SCRIPT, "published": f"2024-01-01{DROP}"}
    (raw / "meta.meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    warehouse = base / "wh'; DROP TABLE x; --" / "minsheng.duckdb"
    before_raw = snapshot(raw)
    outside_before = {
        p for p in base.rglob("*") if p != warehouse.parent and warehouse.parent not in p.parents
    }
    from flows.etl import etl

    summary = etl(raw_dir=str(raw), warehouse_path=str(warehouse), task_runner="thread")
    outside_after = {
        p for p in base.rglob("*") if p != warehouse.parent and warehouse.parent not in p.parents
    }
    return raw, warehouse, summary, before_raw, outside_after - outside_before


def test_hostile_names_and_metadata_load_as_data(hostile):
    _raw, warehouse, summary, _, _ = hostile
    assert summary.status == "loaded"
    tables = set(sql(warehouse, "SELECT table_name FROM duckdb_tables()")["table_name"].to_list())
    assert {"fact_metric", "dim_file"} <= tables
    assert sql(warehouse, "SELECT count(*) AS n FROM fact_metric")["n"][0] > 0
    names = set(sql(warehouse, "SELECT name FROM dim_file")["name"].to_list())
    assert HOSTILE_NAME in names
    meta = json.loads(sql(warehouse, "SELECT meta FROM dim_file WHERE name = 'meta.txt'")["meta"][0])
    assert meta["region"] == DROP and meta["source"] == SCRIPT


def test_report_pages_escape_all_text(hostile):
    _, warehouse, _summary, _, _ = hostile
    pages = list(warehouse.parent.rglob("*.html"))
    assert pages, "the run wrote no report"
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>bold" not in html, page


def test_nothing_written_outside_the_warehouse_directory(hostile):
    raw, _, _, before_raw, created_outside = hostile
    assert snapshot(raw) == before_raw
    assert not created_outside, sorted(map(str, created_outside))


def test_sql_command_is_read_only(hostile):
    _, warehouse, _, _, _ = hostile
    proc = minsheng("sql", "DROP TABLE fact_metric", "--warehouse", str(warehouse))
    assert proc.returncode != 0
    assert sql(warehouse, "SELECT count(*) AS n FROM fact_metric")["n"][0] > 0


ABUSE = [
    "COPY (SELECT 1) TO '{wh}' (FORMAT csv)",  # would overwrite the published warehouse
    "SELECT * FROM read_text('/etc/passwd')",
    "SELECT * FROM read_csv('/etc/passwd')",
    "ATTACH '{dir}/other.duckdb' AS other",
    "INSTALL httpfs",
    "LOAD httpfs",
    "SET enable_external_access = true",
    "SELECT 1; COPY fact_metric TO '{dir}/leak.csv'",
]


@pytest.mark.parametrize("statement", ABUSE)
def test_sql_command_refuses_what_a_read_only_connection_would_allow(hostile, statement):
    """Issue 17: 10 of 12 of these worked through `minsheng sql`; each is now exit 2 and changes nothing."""
    _, warehouse, _, _, _ = hostile
    before = snapshot(warehouse.parent)
    proc = minsheng(
        "sql", statement.format(wh=warehouse, dir=warehouse.parent), "--warehouse", str(warehouse)
    )
    assert proc.returncode == 2, proc.stderr
    assert "root:" not in proc.stdout
    assert snapshot(warehouse.parent) == before


def test_cli_options_are_typed_not_spliced(hostile):
    _, warehouse, _, _, _ = hostile
    proc = minsheng("runs", "--limit", "1; DROP TABLE fact_metric", "--warehouse", str(warehouse))
    assert proc.returncode == 2 and "invalid int value" in proc.stderr
    assert sql(warehouse, "SELECT count(*) AS n FROM fact_metric")["n"][0] > 0
