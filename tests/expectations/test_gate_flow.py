"""Issue 5's acceptance test: the seeds plus crafted bad pages through the real flow (Prefect harness,
real GX, real DuckDB): good metrics load, each bad one is held back or reported with the right
expectation, the report lists each, no unescaped <script> anywhere, and the audit tables agree."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import polars as pl
import pytest

from tests.conftest import SEEDS
from tests.expectations.crafted import SCRIPT

pytestmark = pytest.mark.usefixtures("prefect_harness")

BAD_PAGES = {
    "900_rate.txt": "武隆区开展便民服务活动\n\n今年以来，全区便民服务群众满意度达120%。\n".encode(),
    "901_parts.txt": "武隆区受理群众诉求\n\n全年受理群众诉求1000件，其中已办结800件、正在办理300件。\n".encode(),
    "902_script.txt": f"武隆区新建公园\n\n{SCRIPT}\n今年新建公园12个。\n".encode(),
    "903_empty.txt": b"",
    "904_binary.txt": bytes(range(256)) * 4,
}


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    from flows.etl import etl

    base = tmp_path_factory.mktemp("gate_flow")
    raw = base / "raw"
    shutil.copytree(SEEDS, raw)
    for name, data in BAD_PAGES.items():
        (raw / name).write_bytes(data)
    warehouse = base / "warehouse" / "minsheng.duckdb"
    summary = etl(raw_dir=str(raw), warehouse_path=str(warehouse), task_runner="serial")
    return summary, warehouse, base


def _sql(warehouse, query: str) -> pl.DataFrame:
    from warehouse.query import run_sql

    return run_sql(warehouse, query)


def _quarantined(warehouse) -> pl.DataFrame:
    return _sql(
        warehouse,
        "SELECT metric_id, expectation, severity, reason, text, sentence, path FROM quarantine_metric",
    )


def test_good_metrics_load_and_counts_reconcile(loaded):
    summary, warehouse, _ = loaded
    assert summary.status == "loaded"
    assert summary.metrics_extracted == summary.metrics_loaded + summary.metrics_quarantined
    spans = set(_sql(warehouse, "SELECT span_text FROM fact_metric")["span_text"])
    assert {"5880件", "4899件", "981件", "12个"} <= spans


def test_each_bad_metric_is_quarantined_with_the_right_expectation(loaded):
    _, warehouse, _ = loaded
    q = _quarantined(warehouse)
    rate = q.filter(pl.col("path").str.ends_with("900_rate.txt"))
    assert rate["expectation"].to_list() == ["metrics.rate_le_100"] and rate["text"][0] == "120%"
    parts = q.filter(pl.col("path").str.ends_with("901_parts.txt"))
    assert set(parts["expectation"]) == {"relations.parts_within_whole"}
    assert sorted(parts["text"]) == ["300件", "800件"] and all("1000件" in r for r in parts["reason"])
    spans = set(_sql(warehouse, "SELECT span_text FROM fact_metric")["span_text"])
    assert "1000件" in spans and "120%" not in spans


def test_unreadable_files_are_reported(loaded):
    _, warehouse, _ = loaded
    html = (warehouse.parent / "reports" / "latest.html").read_text(encoding="utf-8")
    for name in ("903_empty.txt", "904_binary.txt"):
        assert name in html
    files = _sql(
        warehouse, "SELECT unexpected_count FROM audit_validation WHERE expectation = 'files.readable'"
    )
    assert files["unexpected_count"].to_list() == [2]


def test_report_lists_each_failure_and_agrees_with_the_audit_tables(loaded):
    summary, warehouse, _ = loaded
    report = warehouse.parent / "reports" / "latest.html"
    assert summary.report_path and report.read_text(encoding="utf-8") == Path(summary.report_path).read_text(
        encoding="utf-8"
    )
    html = report.read_text(encoding="utf-8")
    audit = _sql(warehouse, "SELECT run_id, expectation, success, details FROM audit_validation")
    failed = audit.filter(pl.col("success") == False)  # noqa: E712
    assert {"metrics.rate_le_100", "relations.parts_within_whole", "files.readable"} <= set(
        failed["expectation"]
    )
    for name in failed["expectation"]:
        assert name in html
    run = _sql(warehouse, "SELECT run_id, metrics_loaded, metrics_quarantined FROM audit_load_run")
    assert run.height == 1 and set(audit["run_id"]) == set(run["run_id"])
    assert f"{run['metrics_loaded'][0]} of {summary.metrics_extracted} metrics loaded" in html
    assert f"{run['metrics_quarantined'][0]} quarantined" in html
    assert all(json.loads(d)["description"] for d in audit["details"])


def test_no_unescaped_script_and_nothing_remote_in_any_report_file(loaded):
    _, warehouse, _ = loaded
    written = [
        p for p in warehouse.parent.rglob("*") if p.is_file() and p.suffix in {".html", ".json", ".js"}
    ]
    assert any(p.name == "latest.html" for p in written)
    assert not any("data_docs" in str(p) for p in written)  # Data Docs are no longer built (report.py)
    remote = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)
    for path in written:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert "<script>alert" not in text, path
        assert not remote.search(text), path
