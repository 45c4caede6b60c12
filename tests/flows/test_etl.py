"""The flow end to end on the seed pages, through Prefect's test harness, into a real DuckDB file."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from tests.conftest import SEEDS

pytestmark = pytest.mark.usefixtures("prefect_harness")


def run_flow(raw: Path, warehouse: Path, **options):
    from flows.etl import etl

    return etl(raw_dir=str(raw), warehouse_path=str(warehouse), **options)


def sql(warehouse: Path, query: str) -> pl.DataFrame:
    from warehouse.query import run_sql

    return run_sql(warehouse, query)


def row_counts(warehouse: Path) -> dict[str, int]:
    """Rows per table, except the audit tables that log every run by design."""
    tables = sql(warehouse, "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'")["table_name"]
    return {
        t: sql(warehouse, f'SELECT count(*) AS n FROM "{t}"')["n"][0]
        for t in sorted(tables)
        if not t.startswith("audit_")
    }


def seed_metrics() -> pl.DataFrame:
    """The metrics the parse chain extracts from the seeds (what the warehouse must hold)."""
    from transforms.parse import parse_batch

    return parse_batch(sorted(str(p) for p in SEEDS.glob("*.txt"))).metrics


@pytest.fixture(scope="module")
def first_run(tmp_path_factory: pytest.TempPathFactory, prefect_harness: str):
    base = tmp_path_factory.mktemp("first")
    raw = base / "raw"
    shutil.copytree(SEEDS, raw)
    warehouse = base / "warehouse" / "minsheng.duckdb"
    summary = run_flow(raw, warehouse, task_runner="serial")  # the reference for the fan-out tests
    return raw, warehouse, summary


def test_first_run_loads_the_seed_metrics(first_run) -> None:
    _raw, warehouse, summary = first_run
    assert summary.status == "loaded"
    assert (summary.files_seen, summary.files_new, summary.files_failed) == (5, 5, 0)
    assert summary.metrics_extracted == summary.metrics_loaded + summary.metrics_quarantined > 0
    facts = sql(warehouse, "SELECT metric_id, span_text, value, unit FROM fact_metric")
    assert facts.height == summary.metrics_loaded
    expected = seed_metrics()
    assert set(facts["metric_id"]) <= set(expected["metric_id"])
    loaded = {(r["span_text"], r["value"], r["unit"]) for r in facts.iter_rows(named=True)}
    assert ("5880件", 5880.0, "件") in loaded
    assert ("16.1万人次", 161000.0, "人次") in loaded
    assert Path(summary.report_path).exists()
    run = sql(warehouse, f"SELECT * FROM audit_load_run WHERE run_id = '{summary.run_id}'")
    assert run["status"].to_list() == ["loaded"]
    assert run["metrics_loaded"][0] == summary.metrics_loaded


def test_second_run_skips_unchanged_files_and_changes_no_table(first_run) -> None:
    raw, warehouse, _summary = first_run
    before = row_counts(warehouse)
    again = run_flow(raw, warehouse)
    assert again.status == "nothing-new"
    assert (again.files_unchanged, again.files_new, again.metrics_extracted) == (5, 0, 0)
    assert row_counts(warehouse) == before


def test_a_broken_file_does_not_stop_the_others(raw_copy: Path, tmp_path: Path) -> None:
    (raw_copy / "zz_broken.txt").write_bytes(bytes(range(256)) * 64)
    warehouse = tmp_path / "w" / "minsheng.duckdb"
    summary = run_flow(raw_copy, warehouse)
    assert summary.status == "loaded"
    assert summary.files_failed == 1 and summary.failed[0][0].endswith("zz_broken.txt")
    assert summary.metrics_loaded > 0
    assert sql(warehouse, "SELECT count(DISTINCT sha256) AS n FROM fact_metric")["n"][0] == 5
    errors = sql(warehouse, "SELECT DISTINCT path FROM audit_file_error")
    assert [Path(p).name for p in errors["path"]] == ["zz_broken.txt"]
    assert "zz_broken.txt" in Path(summary.report_path).read_text(encoding="utf-8")


FACT_COLUMNS = "metric_id, sha256, value, low, high, bound, unit, span_text, topic, adcode, area"


@pytest.mark.parametrize("runner", ["local", "dask"])
def test_fan_out_gives_exactly_the_serial_result(
    first_run, raw_copy: Path, tmp_path: Path, runner: str
) -> None:
    """Process pool (default) and a local Dask cluster (2 workers), 3 batches: same facts as serial."""
    _, serial_wh, serial = first_run
    warehouse = tmp_path / "w" / "minsheng.duckdb"
    fanned = run_flow(raw_copy, warehouse, task_runner=runner, batch_size=2)
    query = f"SELECT {FACT_COLUMNS} FROM fact_metric ORDER BY metric_id"
    assert sql(warehouse, query).equals(sql(serial_wh, query))
    assert (fanned.stories, fanned.sentences, fanned.metrics_extracted, fanned.metrics_loaded) == (
        serial.stories,
        serial.sentences,
        serial.metrics_extracted,
        serial.metrics_loaded,
    )


def test_warehouse_commands_read_the_loaded_warehouse(first_run, tmp_path: Path) -> None:
    """sql (all formats), runs, dictionary and export, as subprocesses against the loaded file."""
    import json
    import subprocess
    import sys

    from tests.conftest import REPO

    _, warehouse, summary = first_run

    def cli(*args: str) -> str:
        res = subprocess.run(
            [sys.executable, "-m", "flows.cli", *args, "--warehouse", str(warehouse)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert res.returncode == 0, res.stderr
        return res.stdout

    query = "SELECT span_text, value FROM fact_metric WHERE span_text = '16.1万人次'"
    assert [json.loads(line) for line in cli("sql", query, "--format", "jsonl").splitlines()] == [
        {"span_text": "16.1万人次", "value": 161000.0}
    ]
    assert cli("sql", query, "--format", "csv").splitlines() == ["span_text,value", "16.1万人次,161000"]
    assert "16.1万人次" in cli("sql", query)
    runs = [json.loads(line) for line in cli("runs", "--format", "jsonl").splitlines()]
    assert summary.run_id in {r["run_id"] for r in runs}
    assert "fact_metric" in cli("dictionary")
    cli("export", "--parquet", str(tmp_path / "parquet"))
    exported = pl.read_parquet(tmp_path / "parquet" / "v_metric" / "**" / "*.parquet")
    assert exported.height == summary.metrics_loaded
    read_only = subprocess.run(
        [sys.executable, "-m", "flows.cli", "sql", "DELETE FROM fact_metric", "--warehouse", str(warehouse)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert read_only.returncode == 2, read_only.stderr  # refused: a usage error, nothing ran
    assert sql(warehouse, "SELECT count(*) AS n FROM fact_metric")["n"][0] == summary.metrics_loaded


def _cli(warehouse: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    from tests.conftest import REPO

    return subprocess.run([sys.executable, "-m", "flows.cli", *args, "--warehouse", str(warehouse)], cwd=REPO,
                          input=stdin, capture_output=True, text=True, timeout=300)  # fmt: skip


def test_sql_runs_several_statements_from_an_argument_a_file_or_stdin(first_run, tmp_path: Path) -> None:
    _, warehouse, summary = first_run
    two = "SELECT 'a' AS first; SELECT count(*) AS n FROM fact_metric;"
    as_arg = _cli(warehouse, "sql", two, "--format", "jsonl")
    assert as_arg.returncode == 0, as_arg.stderr
    assert [json.loads(line) for line in as_arg.stdout.splitlines()] == [
        {"first": "a"},
        {"n": summary.metrics_loaded},
    ]
    script = tmp_path / "q.sql"
    script.write_text("-- two questions\n" + two.replace("; ", ";\n"), encoding="utf-8")
    assert _cli(warehouse, "sql", "-f", str(script), "--format", "jsonl").stdout == as_arg.stdout
    assert _cli(warehouse, "sql", "--format", "jsonl", stdin=two).stdout == as_arg.stdout
    table = _cli(warehouse, "sql", two)
    assert table.stdout.count("(1 rows)") == 2 and "-- SELECT 'a' AS first" in table.stdout


@pytest.mark.parametrize(
    "query", ["", "   ;  ", "SELEC 1", "SELECT * FROM no_such_table", "COPY fact_metric TO 'x.csv'"]
)
def test_empty_bad_or_refused_sql_is_a_usage_error(first_run, query: str) -> None:
    _, warehouse, _ = first_run
    res = _cli(warehouse, "sql", query)
    assert res.returncode == 2, res.stderr
    assert res.stderr.startswith("minsheng sql: ") and "Traceback" not in res.stderr


def test_table_output_is_one_row_a_line_with_plain_numbers(first_run) -> None:
    _, warehouse, _ = first_run
    query = "SELECT 3.65e15 AS big, 0.055 AS rate, repeat('长', 50) AS text, 'a\nb' AS two_lines"
    out = _cli(warehouse, "sql", query, "--max-width", "12").stdout.splitlines()
    assert len(out) == 4  # header, rule, one row, count
    row = out[2]
    assert "3650000000000000" in row and "e15" not in row and "0.055" in row
    assert "长长长长长…" in row and "长" * 7 not in row
    wide = _cli(warehouse, "sql", query, "--max-width", "0").stdout
    assert "长" * 50 in wide


def test_runs_shows_few_columns_and_full_paths(first_run) -> None:
    _, warehouse, summary = first_run
    out = _cli(warehouse, "runs").stdout.splitlines()
    header = [c.strip() for c in out[0].strip("|").split("|")]
    assert header == ["run_id", "started_at", "status", "files_new", "files_changed", "files_failed",
                      "metrics_loaded", "metrics_quarantined", "report_path"]  # fmt: skip
    assert any(summary.report_path in line for line in out)


def test_shell_reads_statements_from_its_input(first_run) -> None:
    _, warehouse, summary = first_run
    res = _cli(
        warehouse,
        "shell",
        stdin="SELECT count(*) AS n\nFROM fact_metric;\nDROP TABLE fact_metric;\n.tables\n",
    )
    assert res.returncode == 0, res.stderr
    assert str(summary.metrics_loaded) in res.stdout and "fact_metric" in res.stdout
    assert "refused" in res.stderr
    assert sql(warehouse, "SELECT count(*) AS n FROM fact_metric")["n"][0] == summary.metrics_loaded


def test_prune_on_a_warehouse_without_retired_facts_removes_nothing(first_run) -> None:
    _, warehouse, summary = first_run
    res = _cli(warehouse, "prune")
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("pruned 0 ")
    assert sql(warehouse, "SELECT count(*) AS n FROM fact_metric")["n"][0] == summary.metrics_loaded


def test_strict_run_ends_failed_with_a_message_that_says_why(raw_copy: Path, tmp_path: Path) -> None:
    """What passed is loaded; the flow run's state is Failed and its message names what went wrong."""
    from flows.etl import StrictFailure, etl

    (raw_copy / "zz_broken.txt").write_bytes(bytes(range(256)) * 16)
    warehouse = tmp_path / "w" / "minsheng.duckdb"
    state = etl(raw_dir=str(raw_copy), warehouse_path=str(warehouse), strict=True, return_state=True)
    assert state.is_failed()
    assert "strict" in state.message and "1 file(s) unreadable" in state.message
    with pytest.raises(StrictFailure):
        state.result()
    assert sql(warehouse, "SELECT count(DISTINCT sha256) AS n FROM fact_metric")["n"][0] == 5


def test_flow_refuses_an_empty_raw_directory(tmp_path: Path) -> None:
    from flows.etl import etl
    from flows.plan import PreflightError

    (tmp_path / "raw").mkdir()
    state = etl(
        raw_dir=str(tmp_path / "raw"), warehouse_path=str(tmp_path / "w" / "m.duckdb"), return_state=True
    )
    assert state.is_failed() and "raw directory is empty" in state.message
    with pytest.raises(PreflightError):
        state.result()


def test_several_gate_windows_load_what_one_window_loads(first_run, raw_copy: Path, tmp_path: Path) -> None:
    """Batches of 2 files, a window per batch (3 windows): the same facts, rows and counts."""
    _, one_wh, one = first_run
    warehouse = tmp_path / "w" / "minsheng.duckdb"
    windowed = run_flow(raw_copy, warehouse, task_runner="serial", batch_size=2, gate_window=1)
    assert windowed.status == "loaded"
    query = f"SELECT {FACT_COLUMNS} FROM fact_metric ORDER BY metric_id"
    assert sql(warehouse, query).equals(sql(one_wh, query))
    assert row_counts(warehouse) == row_counts(one_wh)
    assert (windowed.metrics_extracted, windowed.metrics_loaded, windowed.metrics_quarantined) == (
        one.metrics_extracted,
        one.metrics_loaded,
        one.metrics_quarantined,
    )
    # element_count differs for the column-type checks: their table is counted once per window
    audit = "SELECT expectation, success, unexpected_count FROM audit_validation"
    by_run = f"{audit} WHERE run_id = '{{}}' ORDER BY expectation"
    assert sql(warehouse, by_run.format(windowed.run_id)).equals(sql(one_wh, by_run.format(one.run_id)))


def test_a_failure_in_the_second_window_leaves_the_published_warehouse_unchanged(
    first_run, raw_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from warehouse.load import Loader

    _, one_wh, _ = first_run
    warehouse = tmp_path / "w" / "minsheng.duckdb"
    warehouse.parent.mkdir(parents=True)
    shutil.copy2(one_wh, warehouse)
    for i, seed in enumerate(sorted(raw_copy.glob("*.txt"))[:4]):  # 4 new files: 2 batches, 2 windows
        (raw_copy / f"new_{i}.txt").write_bytes(seed.read_bytes() + f"\n副本{i}\n".encode())
    before = row_counts(warehouse)
    facts = sql(warehouse, f"SELECT {FACT_COLUMNS} FROM fact_metric ORDER BY metric_id")
    staged: list[int] = []
    real_stage = Loader.stage

    def stage(self: Loader, parsed, gate=None):
        staged.append(parsed.files.height)
        if len(staged) == 2:
            raise RuntimeError("disk on fire in the second window")
        return real_stage(self, parsed, gate)

    monkeypatch.setattr(Loader, "stage", stage)
    state = run_flow(raw_copy, warehouse, batch_size=2, gate_window=1, return_state=True)
    assert state.is_failed() and staged == [2, 2]
    assert row_counts(warehouse) == before
    assert sql(warehouse, f"SELECT {FACT_COLUMNS} FROM fact_metric ORDER BY metric_id").equals(facts)
    runs = sql(warehouse, "SELECT status, message FROM audit_load_run ORDER BY started_at DESC LIMIT 1")
    assert runs["status"].to_list() == ["failed"] and "disk on fire" in runs["message"][0]
