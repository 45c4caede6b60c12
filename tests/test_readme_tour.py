"""The README's analyst tour, run as an analyst would: the DuckDB CLI from the registry
(duckdb-cli, pinned with the project) opening the warehouse the real flow builds from the seeds.

It fails when a README query no longer runs (a renamed column or view), when the CLI cannot open
the file (a DuckDB version the CLI cannot read), or when the fact fields stop giving the answers the
README states.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[1]
CLI = Path(sys.executable).with_name("duckdb")


def tour_statements() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tour = readme[readme.index("## A tour for analysts") : readme.index("## Scheduled runs")]
    block = re.search(r"```sql\n(.*?)```", tour, re.S)
    assert block, "the analyst tour has no ```sql block"
    return [s.query.strip().rstrip(";") for s in duckdb.extract_statements(block.group(1))]


@pytest.fixture(scope="module")
def warehouse(prefect_harness: str, seed_paths: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    from flows.etl import etl

    root = tmp_path_factory.mktemp("tour")
    raw = root / "raw"
    raw.mkdir()
    for path in seed_paths:
        shutil.copy2(path, raw / path.name)
    # Run from the checkout-like root with no --warehouse, as `make run` does: the README's paths
    # (var/minsheng.duckdb, var/reports/) are the defaults, and nothing lands outside var/.
    cwd = Path.cwd()
    os.chdir(root)
    try:
        summary = etl(raw_dir="raw", task_runner="serial")
    finally:
        os.chdir(cwd)
    assert summary.status == "loaded"
    assert (summary.warehouse_path, summary.report_path) == (
        "var/minsheng.duckdb",
        f"var/reports/run-{summary.run_id}.html",
    )
    assert (root / "var" / "reports" / "latest.html").is_file()
    assert sorted(p.name for p in root.iterdir()) == ["raw", "var"]
    return root / "var" / "minsheng.duckdb"


def cli(warehouse: Path, sql: str) -> list[dict]:
    proc = subprocess.run(
        [str(CLI), "-readonly", "-json", str(warehouse), "-c", sql],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, f"{sql}\n{proc.stderr}"
    out = proc.stdout.strip()
    return json.loads(out) if out else []


def test_the_cli_is_the_pinned_one() -> None:
    assert CLI.exists(), "duckdb-cli is a dev dependency: `make install` puts it in .venv/bin"
    version = subprocess.run([str(CLI), "--version"], capture_output=True, text=True).stdout
    assert version.startswith(f"v{duckdb.__version__}")


def test_every_tour_query_runs_in_the_cli(warehouse: Path) -> None:
    statements = tour_statements()
    assert len(statements) == 9
    for sql in statements:
        cli(warehouse, sql)


def test_tour_answers_on_the_seeds(warehouse: Path) -> None:
    by_number = {int(m.group(1)): s for s in tour_statements() if (m := re.match(r"--\s*(\d+)\.", s))}
    targets = cli(warehouse, by_number[6])
    assert {(r["region"], r["span_text"]) for r in targets} == {
        ("綦江区", "1万平方米左右"),
        ("武隆区", "10项"),
        ("武陵源区", "20台"),
    }
    people = cli(warehouse, by_number[7])
    assert people[0]["topic_zh"] == "文旅体育" and people[0]["people"] == 200014
    petitions = cli(warehouse, by_number[8])
    assert [(r["region"], r["adcode"], r["collected"], r["resolved"]) for r in petitions] == [
        ("武隆区", "500156", 5880, 4899)
    ]
