"""Shared bits of the fault matrix: a page with known metrics, and the parse stages run end to end."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import polars as pl

from transforms.parse import Parsed, parse_batch

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "raw"
# A short page whose metrics every stage must carry through: 5880件 and 4899件.
PAGE = "街道收集诉求\n今年以来，街道共收集群众困难诉求5880件，其中已办结4899件。\n"
METRICS = {"5880件", "4899件"}


def parse(paths: list[str | Path]) -> Parsed:
    """The one parse chain, exactly as the flow calls it (ingest -> normalise -> extract -> enrich)."""
    return parse_batch([str(p) for p in paths])


def spans(parsed: Parsed, name: str) -> set[str]:
    return set(parsed.metrics.filter(pl.col("name") == name)["text"].to_list())


def error_of(parsed: Parsed, name: str) -> str | None:
    row = parsed.files.filter(pl.col("name") == name)
    assert row.height == 1, f"{name} lost: not in the files frame"
    return row["error"][0]


def minsheng(
    *args: str, env_extra: dict[str, str] | None = None, timeout: float = 600, preexec_fn=None
) -> subprocess.CompletedProcess:
    """`minsheng ...` as a user runs it (own process, its own ephemeral Prefect API), output captured."""
    exe = Path(sys.executable).with_name("minsheng")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "flows.cli"]
    env = {
        **os.environ,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "MINSHENG_TASK_RUNNER": "thread",
        **(env_extra or {}),
    }
    env.pop("PREFECT_API_URL", None)  # not the test harness's API: the child starts its own
    return subprocess.run(
        [*cmd, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout,
        preexec_fn=preexec_fn,
    )  # fmt: skip


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every regular file under ``directory`` with its bytes (raw files must never change)."""
    return {
        str(p.relative_to(directory)): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }
