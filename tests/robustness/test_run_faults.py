"""Fault matrix, run-level rows: the real flow (Prefect test harness, real DuckDB) on a raw/ full of
trouble. Every bad file is reported and kept; every good file is loaded; a failed run leaves the
warehouse exactly as it was."""

from __future__ import annotations

import contextlib
import hashlib
import os
import resource
import shutil
import signal
import subprocess
from pathlib import Path

import polars as pl
import pytest

from tests.robustness.helpers import METRICS, PAGE, SEEDS, minsheng, snapshot

pytestmark = pytest.mark.usefixtures("prefect_harness")
TRADITIONAL_PAGE = "街道收集訴求\n今年以來，街道共收集群眾困難訴求5880件，其中已辦結4899件。\n"
ODD_DIR = "新闻 稿件 (2024)"
ODD_NAME = "海拉尔 区 政府 工作报告.txt"
BAD = {
    "empty.txt": "empty file",
    "blob.txt": "binary",
    "photo.txt": "binary file (jpeg)",
}


def etl(raw: Path, warehouse: Path, **options):
    from flows.etl import etl as flow

    return flow(raw_dir=str(raw), warehouse_path=str(warehouse), task_runner="thread", **options)


def sql(warehouse: Path, query: str, params: list | None = None) -> pl.DataFrame:
    from warehouse.query import run_sql

    return run_sql(warehouse, query, params)


def spans_of(warehouse: Path, name: str) -> set[str]:
    return set(
        sql(
            warehouse,
            "SELECT f.span_text FROM fact_metric f JOIN dim_file fi USING (sha256) WHERE fi.name = ?",
            [name],
        )["span_text"].to_list()
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory, prefect_harness: str):
    """One run over the seeds plus every hostile file of the matrix, side by side."""
    base = tmp_path_factory.mktemp("mixed")
    raw = base / "raw"
    shutil.copytree(SEEDS, raw)
    (raw / "empty.txt").write_bytes(b"")
    (raw / "blob.txt").write_bytes(bytes(range(256)) * 64)
    (raw / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8 + b"\xff\xd9")
    (raw / "gbk.txt").write_bytes(PAGE.encode("gbk"))
    (raw / "big5.txt").write_bytes(TRADITIONAL_PAGE.encode("big5"))
    (raw / "utf16.txt").write_bytes(PAGE.encode("utf-16"))
    (raw / "digits.txt").write_bytes(b"9" * 1_000_000)
    (raw / ODD_DIR).mkdir()
    (raw / ODD_DIR / ODD_NAME).write_text(PAGE.replace("5880", "5881"), encoding="utf-8")
    (raw / "sidecar.txt").write_text(PAGE.replace("5880", "5882"), encoding="utf-8")
    (raw / "sidecar.meta.json").write_text('{"region": "武隆区", ', encoding="utf-8")
    (raw / "loop").symlink_to(raw, target_is_directory=True)
    before = snapshot(raw)
    warehouse = base / "wh" / "minsheng.duckdb"
    summary = etl(raw, warehouse)
    return raw, warehouse, summary, before


def test_mixed_run_loads_everything_good(mixed):
    _raw, warehouse, summary, _ = mixed
    assert summary.status == "loaded"
    loaded = set(sql(warehouse, "SELECT name FROM dim_file")["name"].to_list())
    assert {p.name for p in SEEDS.glob("*.txt")} <= loaded
    assert {"gbk.txt", "big5.txt", "utf16.txt", ODD_NAME, "sidecar.txt"} <= loaded


def test_raw_files_are_never_modified_or_moved(mixed):
    raw, _, _, before = mixed
    assert snapshot(raw) == before


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_file_is_reported_and_recorded(mixed, name):
    raw, warehouse, summary, _ = mixed
    failed = dict(summary.failed)
    path = str(raw / name)
    assert path in failed and BAD[name] in failed[path]
    errors = sql(warehouse, "SELECT error FROM audit_file_error WHERE path = ?", [path])["error"].to_list()
    assert errors and BAD[name] in errors[0]


@pytest.mark.parametrize("name", ["gbk.txt", "big5.txt", "utf16.txt"])
def test_other_encodings_are_loaded(mixed, name):
    _, warehouse, _, _ = mixed
    assert spans_of(warehouse, name) == METRICS


def test_million_digits_does_not_break_the_run(mixed):
    _raw, warehouse, _summary, _ = mixed
    values = sql(
        warehouse,
        "SELECT f.value FROM fact_metric f JOIN dim_file fi USING (sha256) WHERE fi.name = 'digits.txt'",
    )["value"].to_list()
    assert all(v is not None and abs(v) < float("inf") for v in values)


def test_path_with_spaces_and_chinese(mixed):
    raw, warehouse, _, _ = mixed
    path = str(raw / ODD_DIR / ODD_NAME)
    assert sql(warehouse, "SELECT count(*) AS n FROM file_path WHERE path = ?", [path])["n"][0] == 1
    assert spans_of(warehouse, ODD_NAME) == {"5881件", "4899件"}


def test_symlink_loop_loads_each_file_once(mixed):
    _raw, warehouse, _summary, _ = mixed
    paths = sql(warehouse, "SELECT path FROM file_path")["path"].to_list()
    assert not [p for p in paths if "/loop/" in p]
    assert len(paths) == len(set(paths))


def test_malformed_sidecar_keeps_the_file(mixed):
    _, warehouse, _, _ = mixed
    meta = sql(warehouse, "SELECT meta FROM dim_file WHERE name = 'sidecar.txt'")["meta"][0]
    assert "meta_error" in meta and "sidecar.meta.json" in meta
    assert spans_of(warehouse, "sidecar.txt") == {"5882件", "4899件"}


# ---------------------------------------------------------------- runs that must fail cleanly


@pytest.fixture
def loaded(tmp_path: Path, prefect_harness: str):
    """A warehouse after one good run, and a raw/ with one new file so the next run has work."""
    raw = tmp_path / "raw"
    shutil.copytree(SEEDS, raw)
    warehouse = tmp_path / "wh" / "minsheng.duckdb"
    assert etl(raw, warehouse).status == "loaded"
    (raw / "new.txt").write_text(PAGE, encoding="utf-8")
    return raw, warehouse


def test_raw_dir_missing_is_a_clear_error(tmp_path, loaded):
    _, warehouse = loaded
    before = digest(warehouse)
    missing = tmp_path / "no-such-raw"
    with pytest.raises(Exception, match="no-such-raw") as err:
        etl(missing, warehouse)
    assert "not" in str(err.value).lower() or "missing" in str(err.value).lower()
    assert digest(warehouse) == before


@contextlib.contextmanager
def unwritable(directory: Path):
    """Make ``directory`` unwritable even for root: chmod for a normal user, chattr +i as root."""
    if os.geteuid() != 0:
        directory.chmod(0o555)
        try:
            yield
        finally:
            directory.chmod(0o755)
        return
    if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(directory)]).returncode:
        pytest.skip(
            "running as root without chattr +i (CAP_LINUX_IMMUTABLE): cannot make a directory unwritable"
        )
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(directory)], check=True)


def test_warehouse_directory_not_writable(loaded, monkeypatch):
    raw, warehouse = loaded
    monkeypatch.setenv("MINSHENG_LOAD_RETRIES", "0")
    before = digest(warehouse)
    with unwritable(warehouse.parent), pytest.raises(Exception) as err:
        etl(raw, warehouse)
    message = str(err.value)  # the preflight names it before Prefect starts; a later OSError is fine too
    assert isinstance(err.value, OSError) or any(
        words in message for words in ("ermission", "not permitted", "not writable")
    )
    assert digest(warehouse) == before
    assert "new.txt" not in set(sql(warehouse, "SELECT name FROM dim_file")["name"].to_list())


def _file_size_limit(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # so a write past the limit raises EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_disk_full_while_writing(loaded, tmp_path):
    """`minsheng run` in a child whose files may not exceed a size limit (RLIMIT_FSIZE, SIGXFSZ
    ignored): the loader's working copy cannot be written, the run fails with exit code 1 and a
    message, and the published warehouse is untouched."""
    raw, warehouse = loaded
    before = digest(warehouse)
    limit = warehouse.stat().st_size // 2  # the working copy cannot even be made
    prefect_home = tmp_path / "prefect-home"
    prefect_home.mkdir()
    env = {"PREFECT_HOME": str(prefect_home), "MINSHENG_LOAD_RETRIES": "0"}
    proc = minsheng(
        "run",
        "--raw",
        str(raw),
        "--warehouse",
        str(warehouse),
        "--no-progress",
        env_extra=env,
        preexec_fn=_file_size_limit(limit),
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    out = (proc.stdout + proc.stderr).lower()
    assert "file too large" in out or "no space" in out or "disk" in out, out[-2000:]
    assert digest(warehouse) == before
