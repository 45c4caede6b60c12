"""The flow's side of the warehouse load: one ``warehouse.load.Loader`` per run, staged per batch,
published once.

The loader writes each batch into a private working copy and swaps it in at ``publish``; leaving
the block without publishing (the gate blocked, an exception, a kill) leaves the published warehouse
as it was. Each batch is staged without its per-expectation outcomes: those are merged over the run
(:class:`flows.gate.GateTotals`) and recorded once, so ``audit_validation`` keeps one row per
expectation per run.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any


def dimension_tables() -> dict[str, Any]:
    """The reference tables every load refreshes (regions, topics, units)."""
    from transforms.enrich.regions import division_table
    from transforms.enrich.topics import topic_table
    from transforms.metrics.units import unit_table

    return {"regions": division_table(), "topics": topic_table(), "units": unit_table()}


@dataclasses.dataclass
class BatchGate:
    """What the loader reads of one batch's gate: the rows that pass and the quarantine."""

    metrics: Any
    relations: Any
    quarantine: Any
    results: Any = None  # recorded once per run, merged, not per batch


def batch_gate(gate: Any) -> BatchGate:
    return BatchGate(metrics=gate.metrics, relations=gate.relations, quarantine=gate.quarantine)


@contextmanager
def open_loader(
    warehouse_path: Path,
    *,
    run_id: str,
    flow_run_id: str | None,
    started_at: datetime,
    raw_dir: str,
    wait_seconds: float = 0.0,
) -> Iterator[Any]:
    """The run's loader (it re-enters the run's lock, which the flow already holds)."""
    from warehouse.load import Loader, RunInfo

    run = RunInfo(run_id=run_id, flow_run_id=flow_run_id, started_at=started_at, raw_dir=raw_dir)
    with Loader(
        Path(warehouse_path), run, wait_seconds=wait_seconds, dimensions=dimension_tables()
    ) as loader:
        yield loader
