"""Progress of a run, per stage: periodic lines in the Prefect log, and bars in a terminal.

The flow reports into :class:`StageProgress`; the CLI may attach a terminal display (rich, which
ships with Prefect) for the duration of a run. Flow code never knows whether anyone is watching, so
a deployment run and a terminal run execute the same code.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Protocol

STAGES = ("parse", "validate", "stage", "report", "publish")


class Display(Protocol):
    def start(self, stage: str, total: int) -> None: ...

    def advance(self, stage: str, n: int) -> None: ...


_display: Display | None = None


class RichDisplay:
    """One bar per stage on stderr (stdout stays clean for data)."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            TextColumn("{task.description:<10}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(file=sys.stderr),
            transient=False,
        )
        self._tasks: dict[str, Any] = {}

    def __enter__(self) -> RichDisplay:
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()

    def start(self, stage: str, total: int) -> None:
        if stage in self._tasks:
            self._progress.update(self._tasks[stage], total=total, completed=0)
        else:
            self._tasks[stage] = self._progress.add_task(stage, total=total)

    def advance(self, stage: str, n: int) -> None:
        if stage in self._tasks:
            self._progress.advance(self._tasks[stage], n)


@contextmanager
def terminal_display(enabled: bool) -> Iterator[None]:
    """Attach bars for the duration of a run when enabled and stderr is a terminal."""
    global _display
    if not enabled or not sys.stderr.isatty():
        yield
        return
    with RichDisplay() as display:
        _display = display
        try:
            yield
        finally:
            _display = None


class StageProgress:
    """Counts units (batches) done per stage; logs a line at most every ``every`` seconds."""

    def __init__(self, logger: logging.Logger | logging.LoggerAdapter, every: float = 10.0) -> None:
        self._logger = logger
        self._every = every
        self._totals: dict[str, int] = {}
        self._done: dict[str, int] = {}
        self._last = time.monotonic()

    def start(self, stage: str, total: int) -> None:
        self._totals[stage] = total
        self._done[stage] = 0
        if _display is not None:
            _display.start(stage, total)

    def advance(self, stage: str, n: int = 1) -> None:
        self._done[stage] = self._done.get(stage, 0) + n
        if _display is not None:
            _display.advance(stage, n)
        now = time.monotonic()
        finished = self._done[stage] >= self._totals.get(stage, 0)
        if now - self._last >= self._every or (finished and stage in ("report", "publish")):
            self._last = now
            self._logger.info("progress: %s", self.line())

    def line(self) -> str:
        """e.g. ``parse 3/4, validate 2/4, stage 2/4``."""
        return ", ".join(f"{s} {self._done[s]}/{self._totals[s]}" for s in STAGES if s in self._totals)
