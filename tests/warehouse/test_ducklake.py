"""The DuckLake backend (``ducklake:<catalog>``): same facts, schema and comments as the DuckDB file;
readers keep their snapshot while a load publishes; a SIGKILLed load leaves the last snapshot.

Real DuckLake throughout: the extension comes from the installed duckdb-extension-ducklake package
(no download), the catalog is a DuckDB file and the rows are Parquet files on disk.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.warehouse.conftest import SEED_A, SEED_B, make_batch
from transforms.parse import parse_batch
from warehouse.backends import ducklake_extension, parse_target
from warehouse.load import Loader, RunInfo, known_files, load_run, prune, recent_runs
from warehouse.query import check_integrity, run_sql
from warehouse.snapshot import PAUSE_AT_ENV, PAUSE_FILE_ENV

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "DO_NOT_TRACK": "1"}
FACTS = "SELECT * EXCLUDE (file, file_name) FROM v_metric ORDER BY metric_id"

READER = """
import sys
from warehouse.query import connect_readonly
con = connect_readonly(sys.argv[1])
print("ready", flush=True)
for line in sys.stdin:
    if line.strip() == "exit":
        break
    print(con.execute(line).fetchone()[0], flush=True)
con.close()
"""

LOADER = """
import sys
from tests.warehouse.conftest import SEED_A, SEED_B, make_batch
from warehouse.load import load_run
load_run(sys.argv[1], make_batch("killed", {"raw/a.txt": SEED_A, "raw/b.txt": SEED_B}))
print("finished", flush=True)
"""


@pytest.fixture
def lake(tmp_path: Path) -> str:
    return f"ducklake:{tmp_path / 'lake' / 'minsheng.ducklake'}"


def _spawn(code: str, *args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=env or ENV,
        text=True,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _ask(proc: subprocess.Popen, sql: str) -> str:
    proc.stdin.write(sql + "\n")
    proc.stdin.flush()
    return proc.stdout.readline().strip()


def test_extension_ships_with_the_installed_package() -> None:
    ext = ducklake_extension()
    assert ext.is_file() and ext.name == "ducklake.duckdb_extension"


def test_same_facts_schema_and_comments_as_the_file_backend(
    lake: str, wh: Path, seed_paths: list[Path]
) -> None:
    from transforms.enrich.regions import division_table
    from transforms.enrich.topics import topic_table
    from transforms.metrics.units import unit_table

    parsed = parse_batch([str(p) for p in seed_paths])
    dims = {"regions": division_table(), "topics": topic_table(), "units": unit_table()}
    for target in (str(wh), lake):
        with Loader(target, RunInfo("seeds", raw_dir=str(seed_paths[0].parent)), dimensions=dims) as loader:
            loader.stage(parsed)
            loader.publish()
    file_facts, lake_facts = run_sql(wh, FACTS), run_sql(lake, FACTS)
    assert file_facts.height == parsed.metrics.height > 100
    assert lake_facts.equals(file_facts)
    comments = (
        "SELECT table_name, column_name, data_type, comment FROM duckdb_columns() "
        "WHERE database_name = current_database() "
        "AND table_name IN (SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()) "
        "ORDER BY 1, 2"
    )
    assert run_sql(lake, comments).equals(run_sql(wh, comments))
    objects = (
        "SELECT table_name AS name, comment FROM duckdb_tables() WHERE database_name = current_database() "
        "UNION ALL SELECT view_name, comment FROM duckdb_views() WHERE database_name = current_database() "
        "AND NOT internal ORDER BY 1"
    )
    assert run_sql(lake, objects).equals(run_sql(wh, objects))
    assert check_integrity(lake) == []
    assert known_files(lake).equals(known_files(wh))


def test_incremental_loads_deletions_and_prune(lake: str) -> None:
    load_run(lake, make_batch("r1", {"raw/a.txt": SEED_A, "raw/b.txt": SEED_B}))
    changed = SEED_A.replace("120人", "150人")
    res = load_run(lake, make_batch("r2", {"raw/a.txt": changed}))
    assert (res.files_changed, res.metrics_loaded) == (1, 5)
    with Loader(lake, RunInfo("r3", raw_dir="raw")) as loader:
        loader.retire_missing(["raw/a.txt"], "raw")
        assert loader.publish().files_deleted == 1
    assert run_sql(lake, "SELECT count(*) FROM v_metric").item() == 5
    assert run_sql(lake, "SELECT count(*) FROM v_metric_all WHERE NOT is_current").item() == 2
    assert prune(lake) == 2
    assert check_integrity(lake) == []
    assert recent_runs(lake)["run_id"].to_list() == ["r3", "r2", "r1"]


def test_reader_keeps_its_snapshot_while_a_load_publishes(lake: str) -> None:
    load_run(lake, make_batch("r1", {"raw/a.txt": SEED_A}))
    reader = _spawn(READER, lake)
    try:
        assert reader.stdout.readline().strip() == "ready", reader.stderr.read()
        assert _ask(reader, "SELECT count(*) FROM fact_metric") == "5"
        res = load_run(lake, make_batch("r2", {"raw/b.txt": SEED_B}), wait_seconds=0)
        assert res.metrics_loaded == 2
        assert _ask(reader, "SELECT count(*) FROM fact_metric") == "5"  # still the snapshot it opened
        assert run_sql(lake, "SELECT count(*) FROM fact_metric").item() == 7  # a new reader sees the load
    finally:
        reader.stdin.write("exit\n")
        reader.stdin.flush()
        reader.wait(timeout=60)
    assert reader.returncode == 0, reader.stderr.read()


@pytest.mark.parametrize("stage", ["in_transaction", "before_publish"])
def test_sigkilled_load_leaves_the_last_snapshot(lake: str, tmp_path: Path, stage: str) -> None:
    load_run(lake, make_batch("r1", {"raw/a.txt": SEED_A}))
    marker = tmp_path / f"paused-{stage}"
    loader = _spawn(LOADER, lake, env={**ENV, PAUSE_AT_ENV: stage, PAUSE_FILE_ENV: str(marker)})
    deadline = time.monotonic() + 120
    while not marker.exists():
        if loader.poll() is not None:
            pytest.fail(f"loader exited early: {loader.stderr.read()}")
        if time.monotonic() > deadline:
            loader.kill()
            pytest.fail("loader never reached its pause point")
        time.sleep(0.05)
    os.kill(loader.pid, signal.SIGKILL)
    loader.wait(timeout=60)
    assert loader.returncode == -signal.SIGKILL
    assert run_sql(lake, "SELECT count(*) FROM fact_metric").item() == 5
    assert run_sql(lake, "SELECT run_id FROM audit_load_run").rows() == [("r1",)]
    res = load_run(lake, make_batch("r3", {"raw/a.txt": SEED_A, "raw/b.txt": SEED_B}), wait_seconds=30)
    assert res.files_new == 1 and run_sql(lake, "SELECT count(*) FROM fact_metric").item() == 7
    assert check_integrity(lake) == []
    leftovers = (parse_target(lake).path.parent / ".work").rglob("*.ducklake*")
    assert not [p for p in leftovers if p.is_file()]  # the killed load's catalog copy is gone


def test_minsheng_sql_reads_a_lake_and_keeps_its_fences(lake: str) -> None:
    """Analysts point `minsheng sql` at `ducklake:…` and see the published snapshot; the fences
    (no file access outside the lake's own data) still hold."""
    load_run(lake, make_batch("r1", {"raw/a.txt": SEED_A}))

    def sql(query: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "flows.cli", "sql", "--warehouse", lake, "--format", "csv", query],
            capture_output=True,
            text=True,
            timeout=300,
        )

    ok = sql("SELECT count(*) AS n FROM v_metric")
    assert ok.returncode == 0, ok.stderr
    assert int(ok.stdout.split()[-1]) > 0
    refused = sql("SELECT * FROM read_text('/etc/passwd')")
    assert refused.returncode != 0 and "root:" not in refused.stdout
