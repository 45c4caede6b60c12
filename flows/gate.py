"""The quality gate of a streamed run: validate each window of batches, add the results up, report once.

:func:`windows` groups consecutive parsed batches into gate windows of about :data:`GATE_WINDOW`
metrics: Great Expectations costs about 0.3 s CPU per window whatever the rows (its per-expectation
set-up), so one gate run per window instead of per 64-file batch, while memory stays bounded by the
window, not the run.
:func:`validate_batch` runs the gate on one window's frames (``expectations.runner.validate``, which
writes nothing). :class:`GateTotals` keeps the run's merged ``GateResult`` -- results per
expectation, quarantine, a capped sample of failing rows, counts -- never a batch's load frames
(``GateResult.merge`` drops them), so memory does not grow with the run. :func:`write_run_report`
renders the report once, from the totals.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import polars as pl

from transforms.parse import Parsed

# Metrics (metrics rows) per gate window: ~3 batches of 64 bench files. Each window saves GX's
# per-window cost (~0.3 s CPU: verdicts of ~28 row checks on five frames) for every batch it adds,
# but each held batch costs ~15-25 MB of RSS. Bench, first 4 MB x1 (8.9k metrics, one window) and x4
# (16.1 MB, 35.5k metrics), 2026-12-01: 8k windows peak at 513 / 588 MB (+14.6 %, within the +-15 %
# criterion); 16k windows 664 MB (+29 %) for 0.8 s less validate CPU over the run (docs/performance.md).
GATE_WINDOW = 8_000
GATE_WINDOW_ENV = "MINSHENG_GATE_WINDOW"


def gate_window(value: int | None = None) -> int:
    """Metrics per gate window: ``value``, else ``MINSHENG_GATE_WINDOW``, else :data:`GATE_WINDOW`;
    1 validates every parse batch on its own."""
    if value is None:
        raw = os.environ.get(GATE_WINDOW_ENV, "").strip()
        try:
            value = int(raw) if raw else GATE_WINDOW
        except ValueError:
            raise ValueError(f"{GATE_WINDOW_ENV}={raw!r} is not a whole number") from None
    if value < 1:
        raise ValueError(f"gate window ({GATE_WINDOW_ENV}) must be at least 1 metric, not {value}")
    return value


def windows(batches: Iterable[Parsed], metrics: int) -> Iterator[tuple[Parsed, int]]:
    """(window, number of parse batches in it): consecutive batches concatenated until they hold at
    least ``metrics`` metrics rows, and the rest at the end of the input. Batch order is kept, so a
    run's rows and results do not depend on the window (except the run-relative count fences, which
    see more documents at once)."""
    from transforms.parse import concat

    pending: list[Parsed] = []
    rows = 0
    for parsed in batches:
        pending.append(parsed)
        rows += parsed.metrics.height
        del parsed
        if rows >= metrics:
            window, n = (pending[0] if len(pending) == 1 else concat(pending)), len(pending)
            pending, rows = [], 0
            yield window, n
            del window  # the consumer is done with it: do not hold it while the next one fills
    if pending:
        window, n = (pending[0] if len(pending) == 1 else concat(pending)), len(pending)
        pending = []
        yield window, n


class _AtLeast(logging.Filter):
    def __init__(self, level: int) -> None:
        super().__init__()
        self.level = level

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= self.level


def _gx_log_level() -> None:
    """GX sets its own loggers to INFO, which Prefect's console handler then prints: follow Prefect's
    level (WARNING for ``minsheng run`` unless asked) so a run's terminal stays quiet. A filter, not a
    level: GX modules imported later set their logger's level again."""
    level = logging.getLevelName(os.environ.get("PREFECT_LOGGING_LEVEL", "INFO").upper())
    level = level if isinstance(level, int) else logging.WARNING
    for name in ("great_expectations", "great_expectations.data_context.types.base"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, _AtLeast) for f in logger.filters):
            logger.addFilter(_AtLeast(level))


def validate_batch(parsed: Parsed, *, run_id: str) -> Any:
    """The gate on one batch or window (GX is imported here: it costs seconds to import)."""
    _gx_log_level()
    from expectations.runner import validate

    return validate(parsed.frames(), run_id=run_id)


class GateTotals:
    """What the gate decided over all batches so far (``expectations.result.GateResult`` merged)."""

    def __init__(self, run_id: str) -> None:
        from expectations.result import empty_result

        self.result = empty_result(run_id)

    def add(self, gate: Any) -> None:
        """Fold one batch's result in (a blocked batch blocks the run)."""
        self.result = self.result.merge(gate)

    @property
    def blocked(self) -> bool:
        return bool(self.result.blocked)

    @property
    def warnings(self) -> int:
        return int(self.result.warnings)

    @property
    def loaded(self) -> int:
        return int(self.result.counts.get("loaded", 0))

    @property
    def quarantined(self) -> int:
        return int(self.result.counts.get("quarantined", 0))

    def results(self) -> pl.DataFrame:
        return self.result.results

    def quarantine(self) -> pl.DataFrame:
        return self.result.quarantine


def write_run_report(totals: GateTotals, *, reports_dir: Path, warehouse_path: Path) -> str:
    """Render the run's report (run-<id>.html and latest.html) from the totals; its path.

    The history chart and the open quarantines of earlier runs come from the published warehouse.
    """
    from expectations.report import write_report
    from warehouse import load

    history = load.validation_history(warehouse_path)
    options: dict[str, Any] = {"history": history}
    open_quarantines = getattr(load, "open_quarantines", None)
    if open_quarantines is not None:
        options["open_quarantines"] = open_quarantines(warehouse_path)
    paths = write_report(totals.result, reports_dir=Path(reports_dir), **options)
    return str(paths.run)


def quality_rows(results: pl.DataFrame) -> list[dict[str, Any]]:
    """The quality table artifact: failures first (block, quarantine, warn), then the rest."""
    if not results.height:
        return []
    order = pl.col("severity").replace_strict({"block": 0, "quarantine": 1, "warn": 2}, default=3)
    passed = pl.col("success").fill_null(False)
    out = []
    for r in results.sort(passed, order, "expectation").iter_rows(named=True):
        details = json.loads(r.get("details") or "{}")
        out.append({
            "expectation": r["expectation"], "severity": r["severity"],
            "result": "not evaluated" if r["success"] is None else ("passed" if r["success"] else "FAILED"),
            "unexpected": r["unexpected_count"], "of": r["element_count"],
            "example": "; ".join(str(x) for x in (details.get("offending") or [])[:3]),
        })  # fmt: skip
    return out
