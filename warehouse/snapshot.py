"""Publish-by-rename: loads write a private copy of the warehouse and atomically swap it in.

The problem: DuckDB allows one read-write process *or* many read-only ones per database file, and
whoever comes second gets "Conflicting lock is held". An analyst with ``duckdb -readonly`` open
would make every scheduled load fail, and a running load would lock analysts out.

The design (why not the architecture's pointer to immutable snapshots, and its costs:
docs/decisions/0002-publish-by-rename.md):

1. The published file ``var/minsheng.duckdb`` is never opened for writing. Readers open it
   read-only (``duckdb -readonly``, ``warehouse.query.run_sql``, ``minsheng sql``).
2. A load (holding ``warehouse.lock.load_lock``) copies the published file byte-for-byte to a
   private working file ``<dir>/.work/<name>/<run_id>.duckdb`` (one folder per warehouse file, so
   ``minsheng.duckdb`` and ``minsheng-staging.duckdb`` in one directory never touch each other's
   working copies: cleanup is by owner, not by name prefix). The copy needs no DuckDB lock:
   the published file is immutable once published, so bytes copied while readers hold it are a
   consistent database.
3. All changes go into the working file in ONE transaction; then ``CHECKPOINT`` (so no ``.wal``
   is left), close, ``fsync``.
4. Right before it, the load re-checks that it still holds the lock through the lock file's current
   inode (``warehouse.lock.assert_held``) and that the published file is still the one it copied
   (same inode, size and mtime): either failing means someone else could have published meanwhile,
   and this load fails instead of silently dropping their data.
5. ``os.replace(work, published)`` -- an atomic rename on POSIX -- then ``fsync`` of the directory.
   A warehouse path that is a symlink is resolved first: the rename replaces the link's target (the
   working copy lives beside the target, on its filesystem) and the link keeps pointing at it.
   A reader that already had the file open keeps the old inode: its session sees the old, complete
   database until it reconnects. New connections open the new file.

Crash safety falls out of this: SIGKILL before step 5 leaves the published file untouched (the
half-written working file is garbage, deleted by the next run, which holds the lock so it knows no
one else owns it); after step 5 the new file is complete. There is no state in between.

Analysts must open read-only: a read-write session on the published file would write into an
inode the next load replaces.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from warehouse.backends import STORAGE_VERSION
from warehouse.lock import assert_held, real_warehouse

PAUSE_AT_ENV = "MINSHENG_WAREHOUSE_PAUSE_AT"  # test hook: stage name at which a load pauses
PAUSE_FILE_ENV = "MINSHENG_WAREHOUSE_PAUSE_FILE"  # test hook: file created when the pause begins
RESUME_FILE_ENV = "MINSHENG_WAREHOUSE_RESUME_FILE"  # test hook: the pause ends when this file appears
OWNER_SUFFIX = ".owner"  # flocked by the load using a working copy, for as long as it does


class PublishConflict(RuntimeError):
    """The published warehouse changed while this load worked on its copy: nothing is published."""


def work_dir(warehouse_path: Path) -> Path:
    """Where one warehouse's working copies live: ``.work/<file name>/`` beside the real file (same
    filesystem, so publishing is a rename; one folder per warehouse, so cleanup is by owner)."""
    real = real_warehouse(warehouse_path)
    return real.parent / ".work" / real.name


def _safe(run_id: str) -> str:
    """A file-name stem for a run id (no dots: the stem is what groups a run's files)."""
    return re.sub(r"[^A-Za-z0-9_-]+", "_", run_id)[:80] or "run"


def _owned_elsewhere(owner: Path) -> bool:
    """Is the working copy guarded by ``owner`` still in use by a live load (its flock is held)?"""
    try:
        fd = os.open(owner, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # closing drops the probe's own flock
    return False


def clean_work(warehouse_path: Path) -> list[Path]:
    """Delete leftovers of this warehouse's killed loads; refuses unless this process holds its lock.

    Only the warehouse's own folder is looked at, so another warehouse in the same directory (even
    one whose name starts the same) is never touched; and within it, a working copy whose owner
    file is still flocked by a live load is left alone, even if that load's lock was taken from it.
    """
    assert_held(warehouse_path)
    wd = work_dir(warehouse_path)
    removed = _clean_legacy(warehouse_path)
    if not wd.is_dir():
        return removed
    runs: dict[str, list[Path]] = {}
    for p in wd.iterdir():
        runs.setdefault(p.name.split(".", 1)[0], []).append(p)
    for run, files in sorted(runs.items()):
        if _owned_elsewhere(wd / f"{run}{OWNER_SUFFIX}"):
            continue
        for p in files:
            _remove(p)
            removed.append(p)
    return removed


def _remove(p: Path) -> None:
    """Delete a leftover: a file, a link (never what it points at) or a spill folder (``<run>.duckdb.tmp``)."""
    if p.is_dir() and not p.is_symlink():
        shutil.rmtree(p, ignore_errors=True)
    else:
        p.unlink(missing_ok=True)


# Working copies of the layout before per-warehouse folders: ``.work/<stem>-<flow run id>.duckdb``. Only
# the exact run-id shape of ``flows.etl`` counts, so ``minsheng-staging-….duckdb`` is never taken
# for a leftover of ``minsheng.duckdb``.
_LEGACY_RUN = r"-\d{8}T\d{6}Z-[0-9a-f]{8}\.duckdb(?:\.wal)?"


def remove_legacy(top: Path, pattern: re.Pattern[str]) -> list[Path]:
    """Delete the files directly in ``top`` whose whole name matches ``pattern`` (old-layout copies)."""
    removed: list[Path] = []
    if top.is_dir():
        for p in top.iterdir():
            if pattern.fullmatch(p.name) and p.is_file():
                p.unlink(missing_ok=True)
                removed.append(p)
    return removed


def _clean_legacy(warehouse_path: Path) -> list[Path]:
    real = real_warehouse(warehouse_path)
    return remove_legacy(real.parent / ".work", re.compile(re.escape(real.stem) + _LEGACY_RUN))


@contextmanager
def owner(work: Path) -> Iterator[None]:
    """Hold a flock on ``<run>.owner`` while the working copy is in use (released by the kernel on
    a kill, so the next run's cleanup knows the copy is a leftover)."""
    owner = work.with_name(work.name.split(".", 1)[0] + OWNER_SUFFIX)
    fd = os.open(owner, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
        owner.unlink(missing_ok=True)


def identity(path: Path) -> tuple[int, int, int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def pause_point(stage: str) -> None:
    """Test hook: when MINSHENG_WAREHOUSE_PAUSE_AT == stage, signal and wait to be killed (or, with
    MINSHENG_WAREHOUSE_RESUME_FILE, until that file exists).

    Lets a test SIGKILL a loader, or interleave two loaders, at an exact point instead of racing a timer.
    """
    if os.environ.get(PAUSE_AT_ENV) != stage:
        return
    marker = os.environ.get(PAUSE_FILE_ENV)
    if marker:
        Path(marker).write_text(str(os.getpid()), encoding="utf-8")
    resume = os.environ.get(RESUME_FILE_ENV)
    while not (resume and Path(resume).exists()):  # pragma: no cover - ends by a signal or the file
        time.sleep(0.05 if resume else 3600)


def _fsync_path(path: Path, directory: bool = False) -> None:
    fd = os.open(path, os.O_RDONLY | (os.O_DIRECTORY if directory else 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(work: Path, warehouse_path: Path, expected: tuple[int, int, int, int] | None) -> None:
    """Swap a finished private file in as the warehouse's real file: fsync it, re-check the lock and
    that the published file is still ``expected`` (its ``identity`` when the copy was taken; None =
    there was none), rename onto the real file (never onto a symlink), fsync the directory. The one
    way every backend publishes, so none forgets a check or follows a link wrongly.
    """
    published = real_warehouse(warehouse_path)
    _fsync_path(work)
    assert_held(warehouse_path)
    if identity(published) != expected:
        raise PublishConflict(
            f"{published} changed while this load ran (published by another process?); nothing published"
        )
    os.replace(work, published)
    _fsync_path(published.parent, directory=True)


BLOCK_SIZE = 16_384


def connect_new(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-write connection to a DuckDB file, created (when new) in storage version
    ``STORAGE_VERSION`` -- ZSTD for long strings -- rather than DuckDB's older default.

    New files use 16 KB blocks instead of DuckDB's 256 KB: every table and index takes at least one
    block, so with ~20 small tables a 6 MB backfill's warehouse was 1.8x its raw text (0.8x with
    16 KB blocks). An existing file keeps the block size it was created with."""
    return duckdb.connect(
        str(path),
        config={"storage_compatibility_version": STORAGE_VERSION, "default_block_size": str(BLOCK_SIZE)},
    )


@contextmanager
def working_copy(warehouse_path: Path, run_id: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a read-write connection to a private copy; publish it atomically if the block succeeds.

    The caller must hold ``load_lock``. The copy may stay open across many batches (one working copy,
    one publish). On an exception the copy is discarded and the published file is left exactly as it
    was; so it is when the lock was lost or the published file changed meanwhile (``LockLost``,
    ``PublishConflict``).
    """
    published = real_warehouse(warehouse_path)
    published.parent.mkdir(parents=True, exist_ok=True)
    clean_work(warehouse_path)
    wd = work_dir(warehouse_path)
    wd.mkdir(parents=True, exist_ok=True)
    work = wd / f"{_safe(run_id)}.duckdb"
    with owner(work):
        copied = identity(published)
        if copied is not None:
            shutil.copyfile(published, work)
        con = connect_new(work)
        try:
            yield con
            con.execute("CHECKPOINT")
        except BaseException:
            con.close()
            _discard(work)
            raise
        con.close()
        try:
            pause_point("before_publish")
            publish(work, warehouse_path, expected=copied)
        except BaseException:
            _discard(work)
            raise


def _discard(work: Path) -> None:
    for p in (work, work.with_name(work.name + ".wal"), work.with_name(work.name + ".tmp")):
        _remove(p)
