"""A load binds no Python parameters, so DuckDB never imports pandas and numpy for it (~0.4 s of CPU
that the load stage paid on a new warehouse: migrations' rows, the raw root, the views' comments)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_SCRIPT = """
import sys
from tests.warehouse.conftest import SEED_A, SEED_B, make_batch, regions, topics, units
from warehouse.load import Loader, RunInfo

before = "pandas" in sys.modules or "numpy" in sys.modules
frames = make_batch("r1", {"raw/a.txt": SEED_A, "raw/b.txt": SEED_B})
dims = {"regions": regions(), "topics": topics(), "units": units()}
with Loader(sys.argv[1], RunInfo("r1", raw_dir="raw"), dimensions=dims) as loader:
    loader.stage(frames)
    loader.retire_missing(["raw/a.txt", "raw/b.txt"], "raw")
    loader.publish()
print(before, "pandas" in sys.modules, "numpy" in sys.modules)
"""


def test_a_load_into_a_new_warehouse_imports_neither_pandas_nor_numpy(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(tmp_path / "wh.duckdb")],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.split() == ["False", "False", "False"], out.stderr[-2000:]
