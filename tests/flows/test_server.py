"""`minsheng run` as an operator runs it: its own temporary Prefect server, which dies with the run
however the run ends (issue 17), quiet logs, --strict, and what is refused before Prefect starts."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows import settings as cfg
from tests.conftest import REPO

MINSHENG = [sys.executable, "-m", "flows.cli"]


def _env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "MINSHENG_TASK_RUNNER": "serial", **extra}
    env.pop("PREFECT_API_URL", None)  # the run must start (and own) its temporary server
    env.pop("PREFECT_LOGGING_LEVEL", None)  # the CLI's own default must keep Prefect quiet
    return env


def _children(pid: int) -> set[int]:
    """Every live descendant of ``pid`` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    out, todo = set(), [pid]
    while todo:
        p = todo.pop()
        kids = {c for c, parent in parents.items() if parent == p}
        out |= kids
        todo += kids
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for(condition, what: str, limit: float = 300.0) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.2)


def _paused_run(raw: Path, warehouse: Path, marker: Path) -> subprocess.Popen[str]:
    """A run that stops inside its first batch's transaction (the warehouse's test hook) and waits."""
    return subprocess.Popen(
        [*MINSHENG, "run", "--raw", str(raw), "--warehouse", str(warehouse), "--no-progress"],
        cwd=REPO, env=_env(MINSHENG_WAREHOUSE_PAUSE_AT="in_transaction", MINSHENG_WAREHOUSE_PAUSE_FILE=str(marker)),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM])
def test_the_temporary_prefect_server_dies_with_its_run(raw_copy: Path, tmp_path: Path, signum: int) -> None:
    marker = tmp_path / "paused"
    run = _paused_run(raw_copy, tmp_path / "w" / "minsheng.duckdb", marker)
    try:
        _wait_for(lambda: marker.exists() or run.poll() is not None, "the run never reached its load")
        assert run.poll() is None, run.communicate()
        spawned = _children(run.pid)
        assert spawned, "the run started no server process"
        os.kill(run.pid, signum)
        run.communicate(timeout=120)
        if signum == signal.SIGTERM:
            assert run.returncode == 143
        _wait_for(lambda: not any(_alive(p) for p in spawned), f"processes left after {signum!r}: {spawned}")
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
            run.communicate()


def test_run_is_quiet_and_strict_exits_5_when_a_file_is_unreadable(raw_copy: Path, tmp_path: Path) -> None:
    """No Prefect INFO lines by default; --strict turns 'loaded, but a file was unreadable' into exit 5
    and still loads what passed."""
    (raw_copy / "zz_binary.txt").write_bytes(bytes(range(256)) * 32)
    warehouse = tmp_path / "w" / "minsheng.duckdb"
    res = subprocess.run(
        [*MINSHENG, "run", "--raw", str(raw_copy), "--warehouse", str(warehouse), "--strict", "--no-progress"],
        cwd=REPO, env=_env(), capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert res.returncode == cfg.EXIT_STRICT, res.stderr
    assert "| INFO" not in res.stderr and "| INFO" not in res.stdout, res.stderr
    assert "strict" in res.stderr and "1 file(s) unreadable" in res.stderr
    assert ": loaded" in res.stdout
    from warehouse.query import run_sql

    assert run_sql(warehouse, "SELECT count(DISTINCT sha256) AS n FROM fact_metric")["n"][0] == 5


def _quick(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*MINSHENG, *args], cwd=REPO, env=env or _env(), capture_output=True, text=True,
                          timeout=300)  # fmt: skip


def test_an_empty_raw_directory_is_an_error_not_nothing_new(tmp_path: Path) -> None:
    """An unmounted share looks like an empty directory: exit 1 with the reason, nothing written."""
    raw = tmp_path / "share"
    raw.mkdir()
    warehouse = tmp_path / "w" / "minsheng.duckdb"
    res = _quick("run", "--raw", str(raw), "--warehouse", str(warehouse))
    assert res.returncode == cfg.EXIT_ERROR
    assert "raw directory is empty" in res.stderr and str(raw) in res.stderr
    assert "Traceback" not in res.stderr
    assert not warehouse.exists()


def test_an_unwritable_warehouse_directory_is_one_clear_line(raw_copy: Path, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    locked = tmp_path / "ro"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        res = _quick("run", "--raw", str(raw_copy), "--warehouse", str(locked / "minsheng.duckdb"))
    finally:
        locked.chmod(0o700)
    assert res.returncode == cfg.EXIT_ERROR
    assert "not writable" in res.stderr and "Traceback" not in res.stderr


def test_a_locked_warehouse_is_reported_before_prefect_starts(raw_copy: Path, tmp_path: Path) -> None:
    """Exit 4 from the pre-flight lock check: no Prefect server was started for it."""
    from warehouse.lock import load_lock

    warehouse = tmp_path / "w" / "minsheng.duckdb"
    env = _env(PREFECT_API_URL="http://127.0.0.1:9/api")  # unreachable: any Prefect call would fail
    with load_lock(warehouse, 0, run_id="holder"):
        res = _quick("run", "--raw", str(raw_copy), "--warehouse", str(warehouse), "--force-flow", env=env)
    assert res.returncode == cfg.EXIT_LOCKED, res.stderr
    assert "another load holds the lock" in res.stderr and "holder" in res.stderr


@pytest.mark.parametrize(
    "name,value", [("MINSHENG_BATCH_SIZE", "abc"), ("MINSHENG_WAIT", "soon"), ("MINSHENG_STRICT", "maybe")]
)
def test_a_bad_environment_value_names_its_variable(name: str, value: str) -> None:
    res = _quick("runs", env=_env(**{name: value}))
    assert res.returncode == cfg.EXIT_USAGE
    assert name in res.stderr and repr(value) in res.stderr
