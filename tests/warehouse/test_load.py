"""Loads are incremental and idempotent, keyed on content; provenance survives into the warehouse."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import polars as pl

from tests.warehouse.conftest import SEED_A, SEED_B, make_batch
from warehouse.load import known_files, load_run, recent_runs, record_run, validation_history
from warehouse.query import check_integrity, run_sql

AUDIT = {"audit_load_run", "audit_validation", "quarantine_metric", "audit_file_error", "audit_file_run",
         "schema_version"}


def contents(wh: Path) -> dict[str, list[tuple]]:
    """Every non-audit table's rows, order-independent."""
    tables = run_sql(wh, "SELECT table_name FROM duckdb_tables() WHERE NOT internal")["table_name"]
    out = {}
    for t in tables:
        if t not in AUDIT:
            out[t] = sorted(run_sql(wh, f"SELECT * FROM {t}").rows(), key=repr)
    return out


def test_first_load_counts_and_provenance(wh: Path) -> None:
    res = load_run(wh, make_batch("r1", {"raw/a.txt": SEED_A, "raw/b.txt": SEED_B}, quarantine_ids=("6万元",)))
    assert (res.files_new, res.files_changed, res.files_renamed) == (2, 0, 0)
    assert res.metrics_loaded == 6 and res.metrics_quarantined == 1 and res.relations_loaded == 2
    # every offset points at its span in the stored normalised text
    check = run_sql(
        wh,
        "SELECT f.span_text, substr(t.text, f.char_start + 1, f.char_end - f.char_start) AS at FROM fact_metric f "
        "JOIN doc_text t USING (sha256)",
    )
    assert check.height == 6 and (check["span_text"] == check["at"]).all()
    wide = run_sql(wh, "SELECT * FROM v_metric WHERE span_text = '16.1万人次'").row(0, named=True)
    assert wide["file"] == "raw/a.txt" and wide["region"] == "武隆区" and wide["year"] == 2021
    assert wide["value"] == 161000 and wide["unit_kind"] == "people" and wide["title"] == "武隆区信访工作报告"
    q = run_sql(wh, "SELECT text, run_id FROM quarantine_metric")
    assert q.rows() == [("6万元", "r1")]
    run = recent_runs(wh).row(0, named=True)
    assert run["status"] == "loaded" and run["metrics_loaded"] == 6 and run["files_new"] == 2


def test_reload_same_batch_is_idempotent(wh: Path) -> None:
    files = {"raw/a.txt": SEED_A, "raw/b.txt": SEED_B}
    load_run(wh, make_batch("r1", files))
    before = contents(wh)
    res = load_run(wh, make_batch("r2", files))
    assert (res.files_new, res.files_changed, res.files_renamed, res.files_reloaded) == (0, 0, 0, 2)
    assert contents(wh) == before
    assert recent_runs(wh)["run_id"].to_list() == ["r2", "r1"]


def test_changed_file_replaces_exactly_its_own_facts(wh: Path) -> None:
    load_run(wh, make_batch("r1", {"raw/a.txt": SEED_A, "raw/b.txt": SEED_B}))
    b_before = run_sql(wh, "SELECT * FROM fact_metric WHERE sha256 IN (SELECT sha256 FROM file_path "
                           "WHERE path = 'raw/b.txt') ORDER BY metric_id").rows()
    changed = SEED_A.replace("5880件", "6000件").replace("120人", "150人")
    res = load_run(wh, make_batch("r2", {"raw/a.txt": changed}))
    assert (res.files_new, res.files_changed) == (0, 1)
    spans = run_sql(wh, "SELECT span_text FROM v_metric WHERE file = 'raw/a.txt' ORDER BY char_start")
    assert spans["span_text"].to_list() == ["6000件", "4899件", "981件", "16.1万人次", "150人"]
    assert run_sql(wh, "SELECT count(*) AS n FROM fact_metric")["n"][0] == 7
    b_after = run_sql(wh, "SELECT * FROM fact_metric WHERE sha256 IN (SELECT sha256 FROM file_path "
                          "WHERE path = 'raw/b.txt') ORDER BY metric_id").rows()
    assert b_after == b_before
    history = run_sql(wh, "SELECT is_current, superseded_by IS NOT NULL AS sup FROM dim_file "
                          "WHERE path = 'raw/a.txt' ORDER BY is_current")
    assert history.rows() == [(False, True), (True, False)]
    # nothing of the old version is left behind
    assert run_sql(wh, "SELECT count(*) AS n FROM doc_text")["n"][0] == 2
    assert run_sql(wh, "SELECT count(*) AS n FROM v_petitions")["n"][0] == 1
    assert check_integrity(wh) == []


def test_renamed_file_does_not_duplicate_facts(wh: Path) -> None:
    load_run(wh, make_batch("r1", {"raw/a.txt": SEED_A}))
    before = run_sql(wh, "SELECT metric_id FROM fact_metric ORDER BY 1")
    res = load_run(wh, make_batch("r2", {"raw/2021/a-renamed.txt": SEED_A}))
    assert (res.files_new, res.files_renamed) == (0, 1)
    assert run_sql(wh, "SELECT metric_id FROM fact_metric ORDER BY 1").equals(before)
    assert set(run_sql(wh, "SELECT DISTINCT file FROM v_metric")["file"]) == {"raw/2021/a-renamed.txt"}
    assert run_sql(wh, "SELECT count(*) AS n FROM dim_file")["n"][0] == 1
    assert check_integrity(wh) == []
    # the flow can skip both paths from now on
    assert set(known_files(wh)["path"]) == {"raw/a.txt", "raw/2021/a-renamed.txt"}


def test_unreadable_files_are_recorded_not_loaded(wh: Path) -> None:
    batch = make_batch("r1", {"raw/a.txt": SEED_A})
    bad = pl.DataFrame({"path": ["raw/bad.txt"], "name": ["bad.txt"], "sha256": ["ff" * 32], "bytes": [3],
                        "error": ["undecodable bytes"]})
    batch.files = pl.concat([batch.files, bad], how="diagonal_relaxed")
    res = load_run(wh, batch)
    assert res.files_failed == 1 and res.files_new == 1
    assert run_sql(wh, "SELECT path, error FROM audit_file_error").rows() == [("raw/bad.txt", "undecodable bytes")]
    assert "raw/bad.txt" not in set(known_files(wh)["path"])


def test_known_files_empty_without_warehouse(wh: Path) -> None:
    kf = known_files(wh)
    assert kf.height == 0 and kf.columns == ["path", "sha256"]
    assert recent_runs(wh).height == 0


def test_record_run_for_blocked_run_keeps_facts(wh: Path) -> None:
    load_run(wh, make_batch("r1", {"raw/a.txt": SEED_A}))
    facts = contents(wh)
    failing = make_batch("r2", {"raw/a.txt": SEED_A}, quarantine_ids=("5880件",)).validation
    record_run(wh, run_id="r2", flow_run_id="fr-2", started_at=datetime.now(UTC), status="blocked",
               message="block expectation failed", report_path="reports/r2.html", validation=failing,
               counts={"files_seen": 1, "metrics_extracted": 5})
    assert contents(wh) == facts
    runs = recent_runs(wh)
    assert runs["status"].to_list() == ["blocked", "loaded"]
    assert runs.row(0, named=True)["flow_run_id"] == "fr-2" and runs.row(0, named=True)["metrics_extracted"] == 5
    hist = validation_history(wh)
    assert hist.columns == ["run_id", "started_at", "expectation", "success", "unexpected_count"]
    assert hist.filter(pl.col("run_id") == "r2", pl.col("expectation") == "value_in_range")["success"].to_list() == [
        False
    ]


def test_nothing_new_run_records_only_its_run_row(wh: Path) -> None:
    load_run(wh, make_batch("r1", {"raw/a.txt": SEED_A}))
    facts = contents(wh)
    record_run(wh, run_id="r2", flow_run_id=None, started_at=datetime.now(UTC), status="nothing-new",
               message="nothing new under raw", report_path=None, counts={"files_seen": 1, "files_unchanged": 1})
    assert contents(wh) == facts
    assert run_sql(wh, "SELECT count(*) AS n FROM audit_validation WHERE run_id = 'r2'")["n"][0] == 0
    assert run_sql(wh, "SELECT count(*) AS n FROM quarantine_metric WHERE run_id = 'r2'")["n"][0] == 0
    assert recent_runs(wh).row(0, named=True)["files_unchanged"] == 1


def test_batch_without_reference_tables_keeps_dimensions(wh: Path) -> None:
    load_run(wh, make_batch("r1", {"raw/a.txt": SEED_A}))
    empty = pl.DataFrame()
    load_run(wh, make_batch("r2", {"raw/b.txt": SEED_B}, regions=empty, topics=empty, units=empty))
    assert run_sql(wh, "SELECT count(*) AS n FROM dim_region")["n"][0] == 3
    assert run_sql(wh, "SELECT region FROM v_metric WHERE file = 'raw/b.txt' LIMIT 1").item() == "南岸区"


def test_reverted_file_restores_its_facts(wh: Path) -> None:
    v1, v2 = {"raw/a.txt": SEED_A}, {"raw/a.txt": SEED_A.replace("120人", "150人")}
    load_run(wh, make_batch("r1", v1))
    first = run_sql(wh, "SELECT * FROM fact_metric ORDER BY metric_id")
    load_run(wh, make_batch("r2", v2))
    assert load_run(wh, make_batch("r3", v1)).files_changed == 1
    assert run_sql(wh, "SELECT * FROM fact_metric ORDER BY metric_id").equals(first)
    assert run_sql(wh, "SELECT count(*) FILTER (WHERE is_current) AS cur, count(*) AS n FROM dim_file").row(0) == (1, 2)
    assert check_integrity(wh) == []
