"""A warehouse path that is a symlink (a "current" link to a dated file, a link onto a data disk):
`minsheng run` through the link publishes into the target and keeps the link (issue 17: the first
publish replaced the link by a regular file and the target went stale), and `minsheng sql` through
either name sees the same, newest load."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.robustness.helpers import PAGE, SEEDS, minsheng


def _run(raw: Path, warehouse: Path) -> None:
    proc = minsheng("run", "--raw", str(raw), "--warehouse", str(warehouse), "--no-progress")
    assert proc.returncode == 0, proc.stderr


def _metric_count(warehouse: Path, span: str) -> str:
    query = f"SELECT count(*) AS n FROM fact_metric WHERE span_text = '{span}'"
    out = minsheng("sql", query, "--warehouse", str(warehouse), "--format", "csv")
    assert out.returncode == 0, out.stderr
    return out.stdout.strip().splitlines()[-1]


@pytest.fixture
def layout(tmp_path: Path) -> tuple[Path, Path, Path]:
    raw = tmp_path / "raw"
    shutil.copytree(SEEDS, raw)
    (tmp_path / "disk").mkdir()
    (tmp_path / "wh").mkdir()
    return raw, tmp_path / "disk" / "minsheng-2026.duckdb", tmp_path / "wh" / "minsheng.duckdb"


def test_runs_through_a_linked_warehouse_update_its_target(layout: tuple[Path, Path, Path]) -> None:
    raw, target, link = layout
    _run(raw, target)
    link.symlink_to(target)
    (raw / "new.txt").write_text(PAGE.replace("5880", "5893"), encoding="utf-8")
    _run(raw, link)
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert not (link.parent / ".work").exists()  # working copies live beside the target
    assert _metric_count(link, "5893件") == _metric_count(target, "5893件") == "1"


def test_the_first_run_through_a_dangling_link_creates_the_target(layout: tuple[Path, Path, Path]) -> None:
    raw, target, link = layout
    link.symlink_to(target)
    _run(raw, link)
    assert link.is_symlink() and target.is_file()
