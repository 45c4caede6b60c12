"""Shared fixtures: one Prefect test harness per session, and copies of the seed pages.

Prefect's harness starts a private API server (7-11 s), so it is session-scoped and only the tests
that run flows ask for it; everything else stays fast.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "raw"


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[str]:
    """A temporary Prefect API (SQLite in a temp dir) for the whole session; yields its URL."""
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=300):
        yield str(PREFECT_API_URL.value())


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    """The five seed pages shipped in raw/."""
    paths = sorted(SEEDS.glob("*.txt"))
    assert len(paths) == 5, "raw/ must ship the five seed pages"
    return paths


@pytest.fixture
def raw_copy(tmp_path: Path, seed_paths: list[Path]) -> Path:
    """A private raw/ directory holding copies of the seeds (tests may add or break files in it)."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for path in seed_paths:
        shutil.copy2(path, raw / path.name)
    return raw
