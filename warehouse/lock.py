"""One load at a time: an exclusive ``fcntl`` lock on a file beside the warehouse's real file.

Why a lock file and not DuckDB's own lock, and why it is bound as below (issue 17):
docs/decisions/0003-load-lock-file.md. ``flock`` is released by the kernel when the holder dies
(even on SIGKILL), so a crashed run never leaves a stale lock behind. The file's content (pid, run
id, since when) is only informative, for the error message. Re-entrant within one process, so
``load_run`` can take the lock itself even when the flow already holds it around the whole run.

What the lock is bound to:

* the warehouse's **real path**: ``var/minsheng.duckdb`` as a symlink and its target are one
  warehouse with one lock file (``<real file>.lock``), so a loader using the other name is locked out;
* an **open descriptor**, not a name: a lock is a lock on the inode we hold open. The file is never
  deleted by a run; if someone deletes or replaces it, the name no longer leads to our inode.
  Acquiring re-checks that after ``flock`` (a file swapped while we waited is locked again), and
  ``assert_held`` re-checks it right before publishing: a second loader that slipped in through a
  new lock file makes the first one fail loudly (``LockLost``) instead of silently dropping the
  second one's load.
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

_POLL_SECONDS = 0.1
_held: dict[str, list[int]] = {}  # real lock path -> [descriptor, nesting depth] in this process
_guard = threading.Lock()


class LoadLocked(RuntimeError):
    """Another load holds the warehouse lock and did not release it in time."""

    def __init__(self, lock_path: Path, holder: dict, waited: float) -> None:
        self.lock_path = lock_path
        self.holder = holder
        who = (
            f"pid {holder.get('pid', '?')}, run {holder.get('run_id', '?')}, since {holder.get('since', '?')}"
            if holder
            else "an unknown process"
        )
        super().__init__(
            f"warehouse is being loaded by another run ({who}); waited {waited:.0f}s for {lock_path}"
        )


class LockLost(RuntimeError):
    """The lock file this run holds was deleted or replaced: another loader may have run meanwhile."""


def real_warehouse(warehouse_path: Path) -> Path:
    """The file a warehouse path really names: symlinks resolved, even when it does not exist yet."""
    return Path(os.path.realpath(Path(warehouse_path)))


def lock_path(warehouse_path: Path) -> Path:
    """The lock file of a warehouse: ``<real warehouse file>.lock`` in the real file's directory."""
    real = real_warehouse(warehouse_path)
    return real.with_name(real.name + ".lock")


def holder(warehouse_path: Path) -> dict:
    """Who last took the lock (pid, run_id, since); {} if nobody did or the file is unreadable."""
    try:
        return json.loads(lock_path(warehouse_path).read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return {}


def _same_file(fd: int, path: Path) -> bool:
    """Does ``path`` still name the inode open as ``fd``?"""
    try:
        st = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (st.st_dev, st.st_ino) == (mine.st_dev, mine.st_ino)


def is_held(warehouse_path: Path) -> bool:
    """Whether this process holds the warehouse's lock (and its file is still the one locked)."""
    path = lock_path(warehouse_path)
    with _guard:
        entry = _held.get(str(path))
    return entry is not None and _same_file(entry[0], path)


def assert_held(warehouse_path: Path) -> None:
    """Raise ``LockLost`` unless this process holds the lock through the file its name leads to now.

    Called right before publishing: a lock file deleted (or replaced) during the run means another
    loader could have locked a new file and loaded meanwhile.
    """
    path = lock_path(warehouse_path)
    with _guard:
        entry = _held.get(str(path))
    if entry is None:
        raise LockLost(
            f"this process does not hold the load lock {path} (if the warehouse path is a symlink, "
            "something replaced the link or its target since the lock was taken)"
        )
    if not _same_file(entry[0], path):
        raise LockLost(
            f"the load lock {path} was deleted or replaced during the run; another loader may have "
            "loaded meanwhile, so this run publishes nothing (run it again)"
        )


def _acquire(path: Path, wait_seconds: float, warehouse_path: Path) -> int:
    """An open descriptor holding ``flock`` on the file ``path`` names once we hold it."""
    start = time.monotonic()
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    waited = time.monotonic() - start
                    if waited >= wait_seconds:
                        raise LoadLocked(path, holder(warehouse_path), waited) from None
                    time.sleep(min(_POLL_SECONDS, max(wait_seconds - waited, 0.0)))
        except BaseException:
            os.close(fd)
            raise
        if _same_file(fd, path):
            return fd
        os.close(fd)  # deleted or replaced while we waited: the lock that counts is on the new file


@contextmanager
def load_lock(
    warehouse_path: Path, wait_seconds: float = 0.0, *, run_id: str | None = None
) -> Iterator[Path]:
    """Hold the warehouse's load lock for the block; wait up to ``wait_seconds``, else raise LoadLocked."""
    path = lock_path(warehouse_path)
    key = str(path)
    with _guard:
        entry = _held.get(key)
        if entry is not None:
            entry[1] += 1
    if entry is not None:
        try:
            yield path
        finally:
            with _guard:
                entry[1] -= 1
        return

    path.parent.mkdir(parents=True, exist_ok=True)
    fd = _acquire(path, wait_seconds, Path(warehouse_path))
    try:
        info = {
            "pid": os.getpid(),
            "run_id": run_id,
            "since": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode("utf-8"), 0)
        with _guard:
            _held[key] = [fd, 1]
        try:
            yield path
        finally:
            with _guard:
                _held.pop(key, None)
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
