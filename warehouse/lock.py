"""One load at a time: an exclusive ``fcntl`` lock on a file beside the warehouse.

Why a lock file and not DuckDB's own lock: loaders never open the published database for writing
(see ``warehouse.snapshot``), so DuckDB cannot tell two loaders apart; without this lock two
overlapping runs would both copy the same snapshot and the second publish would silently drop the
first one's load. ``flock`` is released by the kernel when the holder dies (even on SIGKILL), so a
crashed run never leaves a stale lock behind. The file's content (pid, run id, since when) is only
informative, for the error message. Re-entrant within one process, so ``load_run`` can take the lock
itself even when the flow already holds it around the whole run.
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
_held: dict[str, int] = {}  # lock path -> nesting depth in this process
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
        super().__init__(f"warehouse is being loaded by another run ({who}); waited {waited:.0f}s for {lock_path}")


def lock_path(warehouse_path: Path) -> Path:
    """The lock file of a warehouse: ``<warehouse>.lock`` in the same directory."""
    warehouse_path = Path(warehouse_path)
    return warehouse_path.with_name(warehouse_path.name + ".lock")


def holder(warehouse_path: Path) -> dict:
    """Who last took the lock (pid, run_id, since); {} if nobody did or the file is unreadable."""
    try:
        return json.loads(lock_path(warehouse_path).read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return {}


@contextmanager
def load_lock(warehouse_path: Path, wait_seconds: float = 0.0, *, run_id: str | None = None) -> Iterator[Path]:
    """Hold the warehouse's load lock for the block; wait up to ``wait_seconds``, else raise LoadLocked."""
    path = lock_path(warehouse_path)
    key = str(path.resolve())
    with _guard:
        if _held.get(key):
            _held[key] += 1
            reentered = True
        else:
            reentered = False
    if reentered:
        try:
            yield path
        finally:
            with _guard:
                _held[key] -= 1
        return

    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    start = time.monotonic()
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
        info = {"pid": os.getpid(), "run_id": run_id, "since": datetime.now(UTC).isoformat(timespec="seconds")}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode("utf-8"), 0)
        with _guard:
            _held[key] = 1
        try:
            yield path
        finally:
            with _guard:
                _held.pop(key, None)
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
