"""Readers and loaders never block each other; a killed load leaves the published warehouse intact.

Real processes throughout: the analyst and the killed loader are subprocesses, talking over pipes
and marker files, so nothing depends on timing.
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
from warehouse.load import load_run
from warehouse.lock import LoadLocked, LockLost, load_lock, lock_path
from warehouse.query import check_integrity, run_sql
from warehouse.snapshot import (
    PAUSE_AT_ENV,
    PAUSE_FILE_ENV,
    RESUME_FILE_ENV,
    PublishConflict,
    clean_work,
    work_dir,
    working_copy,
)

ROOT = Path(__file__).resolve().parents[2]
ENV = {
    **os.environ,
    "PYTHONPATH": str(ROOT),
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
}

ANALYST = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print("ready", flush=True)
for line in sys.stdin:
    if line.strip() == "exit":
        break
    print(con.execute(line).fetchone()[0], flush=True)
con.close()
"""

LOADER = """
import sys
from pathlib import Path
from tests.warehouse.conftest import SEED_A, SEED_B, make_batch
from warehouse.load import load_run
load_run(Path(sys.argv[1]), make_batch("killed", {"raw/a.txt": SEED_A, "raw/b.txt": SEED_B}))
print("finished", flush=True)
"""

HOLDER = """
import sys
from pathlib import Path
from warehouse.lock import load_lock
with load_lock(Path(sys.argv[1]), 0, run_id="scheduled-0600"):
    print("held", flush=True)
    sys.stdin.readline()
"""

COUNT = "SELECT count(*) FROM fact_metric"


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


def _wait_for(marker: Path, proc: subprocess.Popen, limit: float = 120.0) -> None:
    """Wait until the subprocess reaches its pause point (fails fast if it died instead)."""
    deadline = time.monotonic() + limit
    while not marker.exists():
        if proc.poll() is not None:
            pytest.fail(f"loader exited early: {proc.stderr.read()}")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail("loader never reached its pause point")
        time.sleep(0.05)


def test_analyst_session_open_across_a_full_load(wh: Path) -> None:
    load_run(wh, make_batch("r1", {"raw/a.txt": SEED_A}))
    analyst = _spawn(ANALYST, str(wh))
    try:
        assert analyst.stdout.readline().strip() == "ready"
        assert _ask(analyst, COUNT) == "5"
        res = load_run(wh, make_batch("r2", {"raw/b.txt": SEED_B}), wait_seconds=0)  # must not need to wait
        assert res.metrics_loaded == 2
        # the open session keeps its consistent old view and keeps working
        assert _ask(analyst, COUNT) == "5"
        assert _ask(analyst, "SELECT count(*) FROM v_metric WHERE region = '武隆区'") == "5"
        # a new connection sees the new data
        assert run_sql(wh, COUNT).item() == 7
        late = _spawn(ANALYST, str(wh))
        assert late.stdout.readline().strip() == "ready"
        assert _ask(late, COUNT) == "7"
        _ask(late, "exit")
        late.wait(timeout=60)
    finally:
        analyst.stdin.write("exit\n")
        analyst.stdin.flush()
        analyst.wait(timeout=60)
    assert analyst.returncode == 0, analyst.stderr.read()


@pytest.mark.parametrize("stage", ["in_transaction", "before_publish"])
def test_sigkill_mid_load_leaves_old_warehouse_and_next_run_completes(
    wh: Path, tmp_path: Path, stage: str
) -> None:
    load_run(wh, make_batch("r1", {"raw/a.txt": SEED_A}))
    marker = tmp_path / f"paused-{stage}"
    loader = _spawn(LOADER, str(wh), env={**ENV, PAUSE_AT_ENV: stage, PAUSE_FILE_ENV: str(marker)})
    _wait_for(marker, loader)
    os.kill(loader.pid, signal.SIGKILL)
    loader.wait(timeout=60)
    assert loader.returncode == -signal.SIGKILL
    assert list(work_dir(wh).glob("*.duckdb*"))  # the killed load's half-done copy is left behind
    assert run_sql(wh, COUNT).item() == 5  # published warehouse still answers with the old data
    assert run_sql(wh, "SELECT run_id FROM audit_load_run").rows() == [("r1",)]
    res = load_run(wh, make_batch("r3", {"raw/a.txt": SEED_A, "raw/b.txt": SEED_B}), wait_seconds=30)
    assert res.files_new == 1 and run_sql(wh, COUNT).item() == 7
    assert not list(work_dir(wh).glob("*.duckdb*"))  # leftovers cleaned
    assert check_integrity(wh) == []


def test_second_loader_gets_load_locked_with_holder(wh: Path) -> None:
    holder = _spawn(HOLDER, str(wh))
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(LoadLocked) as err:
            load_run(wh, make_batch("r1", {"raw/a.txt": SEED_A}), wait_seconds=0.3)
        msg = str(err.value)
        assert "scheduled-0600" in msg and f"pid {holder.pid}" in msg and "since" in msg
        assert not wh.exists()  # nothing was written
    finally:
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=60)
    assert load_run(wh, make_batch("r1", {"raw/a.txt": SEED_A}), wait_seconds=30).metrics_loaded == 5


def test_lock_is_reentrant_within_a_process(wh: Path) -> None:
    with load_lock(wh, 0, run_id="flow"):
        assert load_run(wh, make_batch("r1", {"raw/a.txt": SEED_A}), wait_seconds=0).metrics_loaded == 5


# --- the lock is bound to the real file and to an inode; cleanup is by owner (issues 17, 18) ---

STAGED = """
import sys
from pathlib import Path
from tests.warehouse.conftest import SEED_B, make_batch
from warehouse.load import load_run
from warehouse.lock import LockLost
try:
    load_run(Path(sys.argv[1]), make_batch(sys.argv[2], {"raw/b.txt": SEED_B}), wait_seconds=0)
except LockLost as exc:
    print("lost:", exc, flush=True)
    sys.exit(7)
print("finished", flush=True)
"""


def _paused_loader(wh: Path, tmp_path: Path, run_id: str, stage: str = "in_transaction"):
    """A loader in its own process, stopped at ``stage`` until the returned resume file is created."""
    marker, resume = tmp_path / f"paused-{run_id}", tmp_path / f"resume-{run_id}"
    env = {**ENV, PAUSE_AT_ENV: stage, PAUSE_FILE_ENV: str(marker), RESUME_FILE_ENV: str(resume)}
    proc = _spawn(STAGED, str(wh), run_id, env=env)
    _wait_for(marker, proc)
    return proc, resume


def _finish(proc: subprocess.Popen, resume: Path) -> tuple[int, str, str]:
    resume.touch()
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out, err


def test_deleting_the_lock_file_mid_load_cannot_let_a_load_be_dropped(wh: Path, tmp_path: Path) -> None:
    load_run(wh, make_batch("r1", {"raw/a.txt": SEED_A}))
    first, resume = _paused_loader(wh, tmp_path, "first")
    try:
        lock_path(wh).unlink()  # an operator's cleanup, or an attacker
        second = load_run(
            wh, make_batch("second", {"raw/c.txt": SEED_A.replace("5880", "5881")}), wait_seconds=0
        )
        assert second.metrics_loaded
    finally:
        rc, out, err = _finish(first, resume)
    assert rc == 7 and "lost:" in out, err  # the first loader refuses to publish over the second
    runs = {r[0] for r in run_sql(wh, "SELECT run_id FROM audit_load_run").rows()}
    assert {"r1", "second"} <= runs and "first" not in runs
    assert run_sql(wh, "SELECT count(*) FROM fact_metric WHERE span_text = '5881件'").item() == 1
    assert not list(work_dir(wh).glob("*.duckdb*"))
    assert check_integrity(wh) == []


def test_a_replaced_published_file_is_never_overwritten(wh: Path) -> None:
    load_run(wh, make_batch("r1", {"raw/a.txt": SEED_A}))
    other = wh.with_name("other.duckdb")
    load_run(other, make_batch("elsewhere", {"raw/b.txt": SEED_B}))
    with load_lock(wh, 0, run_id="r2"), pytest.raises(PublishConflict), working_copy(wh, "r2") as con:
        con.execute("CREATE TABLE scratch (a INT)")
        os.replace(other, wh)  # someone published without the lock
    assert run_sql(wh, "SELECT run_id FROM audit_load_run").rows() == [("elsewhere",)]
    assert not list(work_dir(wh).glob("*.duckdb*"))


def test_a_symlinked_warehouse_path_shares_one_lock_and_keeps_the_link(wh: Path, tmp_path: Path) -> None:
    load_run(wh, make_batch("r1", {"raw/a.txt": SEED_A}))
    link = tmp_path / "current.duckdb"
    link.symlink_to(wh)
    assert lock_path(link) == lock_path(wh)
    holder_proc = _spawn(HOLDER, str(link))
    try:
        assert holder_proc.stdout.readline().strip() == "held"
        with pytest.raises(LoadLocked):
            load_run(wh, make_batch("r2", {"raw/b.txt": SEED_B}), wait_seconds=0)
    finally:
        holder_proc.stdin.write("\n")
        holder_proc.stdin.flush()
        holder_proc.wait(timeout=60)
    load_run(link, make_batch("r2", {"raw/b.txt": SEED_B}), wait_seconds=0)
    assert link.is_symlink() and link.resolve() == wh.resolve()  # the target was replaced, not the link
    assert run_sql(wh, COUNT).item() == 7
    assert not (tmp_path / ".work").exists()  # the working copy lived beside the target


def test_two_warehouses_in_one_directory_never_delete_each_others_working_copy(
    wh: Path, tmp_path: Path
) -> None:
    staging = wh.with_name("minsheng-staging.duckdb")
    load_run(staging, make_batch("s1", {"raw/a.txt": SEED_A}))
    proc, resume = _paused_loader(staging, tmp_path, "s2")
    try:
        live = list(work_dir(staging).glob("*.duckdb"))
        assert live
        load_run(wh, make_batch("m1", {"raw/a.txt": SEED_A}))  # cleans its own leftovers only
        assert all(p.exists() for p in live)
    finally:
        rc, out, err = _finish(proc, resume)
    assert rc == 0 and "finished" in out, err
    assert run_sql(staging, COUNT).item() == 7
    assert run_sql(wh, COUNT).item() == 5


def test_leftover_cleanup_needs_the_lock(wh: Path) -> None:
    with pytest.raises(LockLost):
        clean_work(wh)


def test_leftovers_of_the_old_layout_are_cleaned_by_their_owner_only(wh: Path) -> None:
    top = wh.parent / ".work"
    top.mkdir(parents=True)
    mine = top / "minsheng-20261122T054034Z-1379ce18.duckdb"
    theirs = top / "minsheng-staging-20261122T054034Z-1379ce18.duckdb"
    for p in (mine, mine.with_name(mine.name + ".wal"), theirs):
        p.write_bytes(b"half a database")
    with load_lock(wh, 0, run_id="cleanup"):
        removed = clean_work(wh)
    assert sorted(p.name for p in removed) == sorted([mine.name, mine.name + ".wal"])
    assert theirs.exists()


def test_a_killed_loads_spill_folder_is_cleaned_with_its_copy(wh: Path) -> None:
    # A load whose DuckDB spilled to disk leaves <run>.duckdb.tmp/ beside its copy when killed.
    wd = work_dir(wh)
    spill = wd / "dead-run.duckdb.tmp"
    spill.mkdir(parents=True)
    (spill / "duckdb_temp_storage-0.tmp").write_bytes(b"spilled rows")
    (wd / "dead-run.duckdb").write_bytes(b"half a database")
    with load_lock(wh, 0, run_id="cleanup"):
        removed = clean_work(wh)
    assert sorted(p.name for p in removed) == ["dead-run.duckdb", "dead-run.duckdb.tmp"]
    assert not spill.exists()
