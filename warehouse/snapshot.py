"""Publish-by-rename: loads write a private copy of the warehouse and atomically swap it in.

The problem: DuckDB allows one read-write process *or* many read-only ones per database file, and
whoever comes second gets "Conflicting lock is held". An analyst with ``duckdb -readonly`` open
would make every scheduled load fail, and a running load would lock analysts out.

The design (changed from the architecture's "pointer to an immutable snapshot" -- why below):

1. The published file ``warehouse/minsheng.duckdb`` is never opened for writing. Readers open it
   read-only (``duckdb -readonly``, ``warehouse.query.run_sql``, ``minsheng sql``).
2. A load (holding ``warehouse.lock.load_lock``) copies the published file byte-for-byte to a
   private working file ``<dir>/.work/<stem>-<run_id>.duckdb``. The copy needs no DuckDB lock:
   the published file is immutable once published, so bytes copied while readers hold it are a
   consistent database.
3. All changes go into the working file in ONE transaction; then ``CHECKPOINT`` (so no ``.wal``
   is left), close, ``fsync``.
4. ``os.replace(work, published)`` -- an atomic rename on POSIX -- then ``fsync`` of the directory.
   A reader that already had the file open keeps the old inode: its session sees the old, complete
   database until it reconnects. New connections open the new file.

Crash safety falls out of this: SIGKILL before step 4 leaves the published file untouched (the
half-written working file is garbage, deleted by the next run, which holds the lock so it knows no
one else owns it); after step 4 the new file is complete. There is no state in between.

Why not a pointer file naming the current immutable snapshot (``snapshots/<run>.duckdb``): every
reader would have to resolve the pointer first, so ``duckdb -readonly warehouse/minsheng.duckdb``
would not work, and old snapshots would need garbage collection while someone might still be
reading them. Renaming onto a fixed path gives the same isolation with one stable path; the kernel
keeps an old inode alive exactly as long as a reader holds it.

Costs and limits: each load copies the whole file (fine for this warehouse: megabytes; at many GB,
move facts to Parquet/DuckLake as the architecture suggests). Analysts must open read-only: a
read-write session on the published file would write into an inode the next load replaces.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

PAUSE_AT_ENV = "MINSHENG_WAREHOUSE_PAUSE_AT"  # test hook: stage name at which a load pauses
PAUSE_FILE_ENV = "MINSHENG_WAREHOUSE_PAUSE_FILE"  # test hook: file created when the pause begins


def work_dir(warehouse_path: Path) -> Path:
    """Where working copies live: a hidden directory beside the published file (same filesystem)."""
    return Path(warehouse_path).parent / ".work"


def _safe(run_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", run_id)[:80] or "run"


def clean_work(warehouse_path: Path) -> list[Path]:
    """Delete leftovers of killed loads. Call only while holding the load lock."""
    wd = work_dir(warehouse_path)
    stem = Path(warehouse_path).stem
    removed: list[Path] = []
    if wd.is_dir():
        for p in wd.glob(f"{stem}-*.duckdb*"):
            p.unlink(missing_ok=True)
            removed.append(p)
    return removed


def pause_point(stage: str) -> None:
    """Test hook: when MINSHENG_WAREHOUSE_PAUSE_AT == stage, signal and wait to be killed.

    Lets a test SIGKILL a loader at an exact point instead of racing a timer.
    """
    if os.environ.get(PAUSE_AT_ENV) != stage:
        return
    marker = os.environ.get(PAUSE_FILE_ENV)
    if marker:
        Path(marker).write_text(str(os.getpid()), encoding="utf-8")
    while True:  # pragma: no cover - only ever ends by a signal
        time.sleep(3600)


def _fsync_path(path: Path, directory: bool = False) -> None:
    fd = os.open(path, os.O_RDONLY | (os.O_DIRECTORY if directory else 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def working_copy(warehouse_path: Path, run_id: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a read-write connection to a private copy; publish it atomically if the block succeeds.

    The caller must hold ``load_lock``. On an exception the copy is discarded and the published
    file is left exactly as it was.
    """
    published = Path(warehouse_path)
    published.parent.mkdir(parents=True, exist_ok=True)
    clean_work(published)
    wd = work_dir(published)
    wd.mkdir(parents=True, exist_ok=True)
    work = wd / f"{published.stem}-{_safe(run_id)}.duckdb"
    if published.exists():
        shutil.copyfile(published, work)
    con = duckdb.connect(str(work))
    try:
        yield con
        con.execute("CHECKPOINT")
    except BaseException:
        con.close()
        for p in (work, work.with_name(work.name + ".wal")):
            p.unlink(missing_ok=True)
        raise
    con.close()
    pause_point("before_publish")
    _fsync_path(work)
    os.replace(work, published)
    _fsync_path(published.parent, directory=True)
