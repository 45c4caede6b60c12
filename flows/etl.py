"""The main Prefect flow: raw files -> frames -> quality gate -> DuckDB warehouse, one batch at a time.

The flow only wires, retries and logs; every transformation is a pure function in ``transforms``,
``expectations`` or ``warehouse``. Work is planned per file (sha256 and parser version against the
warehouse, so unchanged files are never parsed), then streamed: per batch of files one ``parse``
task (the one chain, :func:`transforms.parse.parse_batch`, fanned out over the configured task
runner); consecutive batches gather into a gate window of about ``gate_window`` metrics
(:func:`flows.gate.windows`, ``MINSHENG_GATE_WINDOW``), then ``validate`` (the gate on that window:
GX costs about the same per call whatever the rows) and ``stage`` (into the load's private working
copy), in batch order. Gate results and quarantine accumulate; the ``report`` task runs once from
them, and the load publishes once, atomically, so a crash anywhere leaves the published warehouse as
it was. At most a window and a few batches are in memory at once, whatever the size of the run.
"""

from __future__ import annotations

import time
import uuid
from collections import deque
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run as runtime_flow_run
from prefect.states import Failed

from flows import settings as cfg  # sets telemetry env defaults before Prefect starts a server
from flows.artifacts import publish_artifacts
from flows.gate import GateTotals, windows
from flows.gate import gate_window as _gate_window
from flows.plan import Plan, PreflightError, RunSummary, plan_files, preflight
from flows.progress import StageProgress
from flows.staging import batch_gate, open_loader
from transforms.parse import Parsed


class GateBlocked(RuntimeError):
    """The quality gate failed a blocking expectation: nothing was loaded (exit code 3)."""

    def __init__(self, summary: RunSummary) -> None:
        super().__init__(f"quality gate blocked the load; see {summary.report_path}")
        self.summary = summary


class StrictFailure(RuntimeError):
    """``--strict``: the run loaded, but metrics were quarantined or files unreadable (exit code 5)."""

    def __init__(self, summary: RunSummary) -> None:
        super().__init__(
            f"strict: loaded, but {summary.metrics_quarantined} metric(s) quarantined and "
            f"{summary.files_failed} file(s) unreadable; see {summary.report_path}"
        )
        self.summary = summary


def batches(paths: list[str], size: int) -> list[list[str]]:
    """Consecutive slices of at most ``size`` paths, in input order (so results are deterministic)."""
    return [paths[i : i + size] for i in range(0, len(paths), size)]


# --- tasks; NO_CACHE because inputs are large frames, not cache keys ---------------------------------


@task(name="parse", cache_policy=NO_CACHE)
def parse_task(paths: list[str]) -> Parsed:
    """Ingest -> normalise -> extract -> enrich one batch (a bad file is a row, never an exception)."""
    from transforms.parse import parse_batch

    return parse_batch(paths)


@task(name="validate", cache_policy=NO_CACHE)
def validate_task(parsed: Parsed, run_id: str) -> Any:
    """The quality gate over one batch (GX is imported here: it costs seconds to import)."""
    from flows.gate import validate_batch

    return validate_batch(parsed, run_id=run_id)


@task(name="report", cache_policy=NO_CACHE)
def report_task(totals: GateTotals, reports_dir: str, warehouse_path: str) -> str | None:
    """The run's HTML report, once, from the accumulated gate results."""
    from flows.gate import write_run_report

    return write_run_report(totals, reports_dir=Path(reports_dir), warehouse_path=Path(warehouse_path))


@task(name="publish", cache_policy=NO_CACHE)
def publish_task(loader: Any, summary: RunSummary) -> Any:
    """Commit the staged batches and swap the working copy in (atomic)."""
    return loader.publish(summary)


def transient(task: Any, task_run: Any, state: Any) -> bool:
    """Retry the publish only where waiting can help: I/O (locked file, full disk), busy DuckDB."""
    import duckdb

    exc = state.data if isinstance(state.data, BaseException) else None
    # DuckDB 1.5 has no ResourceInUseException: a file locked by another process raises
    # IOException ("Could not set lock on file"), a write-write conflict TransactionException.
    retryable = (OSError, duckdb.IOException, duckdb.TransactionException)
    return isinstance(exc, retryable)


def _parsed_batches(plan: Plan, settings: cfg.Settings, progress: StageProgress) -> Iterator[Parsed]:
    """Parsed batches in batch order, parsing at most ``window`` batches ahead of the consumer: the
    fan-out keeps the workers busy while memory stays a few batches, not the run."""
    groups = batches(plan.todo, settings.batch_size)
    for stage in ("parse", "validate", "stage"):
        progress.start(stage, len(groups))
    if not groups:
        return
    with cfg.make_task_runner(settings, len(groups)) as runner:
        window = max(2, cfg.workers(settings) + 1)
        pending: deque[Any] = deque()
        todo = iter(enumerate(groups))
        for i, group in todo:
            pending.append(
                runner.submit(parse_task.with_options(task_run_name=f"parse-{i:04d}"), {"paths": group})
            )
            if len(pending) >= window:
                break
        while pending:
            parsed = pending.popleft().result()
            nxt = next(todo, None)
            if nxt is not None:
                i, group = nxt
                pending.append(
                    runner.submit(parse_task.with_options(task_run_name=f"parse-{i:04d}"), {"paths": group})
                )
            progress.advance("parse")
            yield parsed


def _record_run(
    warehouse_path: Path,
    summary: RunSummary,
    started_at: datetime,
    message: str,
    totals: GateTotals | None = None,
) -> None:
    """Best effort: a run that loads no facts (nothing new, blocked, failed) still appears in audit_load_run."""
    from warehouse.load import record_run

    errors = None
    if summary.failed:
        errors = pl.DataFrame(
            [(p, None, e) for p, e in summary.failed],
            schema={"path": pl.String, "sha256": pl.String, "error": pl.String},
            orient="row",
        )
    try:
        record_run(
            warehouse_path,
            run_id=summary.run_id,
            flow_run_id=summary.flow_run_id,
            started_at=started_at,
            status=summary.status,
            message=message,
            report_path=summary.report_path,
            validation=None if totals is None else totals.results(),
            quarantine=None if totals is None else totals.quarantine(),
            counts=summary.counts(),
            raw_dir=summary.raw_dir,
            file_errors=errors,
        )
    except Exception as exc:  # the run's own outcome matters more than its audit row
        get_run_logger().warning("could not record run %s in audit_load_run: %s", summary.run_id, exc)


def _noted(batches: Iterator[Parsed], summary: RunSummary) -> Iterator[Parsed]:
    """The batches, each counted into the summary (files failed, rows, capped pages) as it arrives."""
    for parsed in batches:
        _note_batch(summary, parsed)
        yield parsed


def _note_batch(summary: RunSummary, parsed: Parsed) -> None:
    failed = parsed.failed
    summary.failed += list(failed.iter_rows())
    summary.files_failed = len(summary.failed)
    summary.stories += parsed.stories.height
    summary.sentences += parsed.sentences.height
    summary.metrics_extracted += parsed.metrics.height
    summary.capped += list(parsed.warnings.select("path", "detail").iter_rows())


@flow(name="minsheng-etl", log_prints=False)
def etl(
    raw_dir: str = "raw",
    warehouse_path: str | None = None,  # None: flows.settings (MINSHENG_WAREHOUSE, var/minsheng.duckdb)
    wait_seconds: float | None = None,
    task_runner: str | None = None,
    batch_size: int | None = None,
    strict: bool | None = None,
    gate_window: int | None = None,
) -> Any:
    """Run the pipeline on ``raw_dir`` into ``warehouse_path``; returns the run summary.

    ``gate_window``: metrics per gate window (default ``MINSHENG_GATE_WINDOW`` or
    :data:`flows.gate.GATE_WINDOW`); the parse batch size stays ``batch_size``.

    Ends Failed, raising to a caller: ``warehouse.lock.LoadLocked`` when another load holds the lock
    (exit 4), :class:`GateBlocked` when the quality gate blocks the load (exit 3), and with
    ``strict`` :class:`StrictFailure` when it loaded but held metrics back or could not read files (5).
    """
    from transforms.ingest import list_raw
    from warehouse.load import known_files
    from warehouse.lock import LoadLocked, load_lock

    settings = cfg.load_settings(
        raw_dir=raw_dir,
        warehouse_path=warehouse_path,
        wait_seconds=wait_seconds,
        task_runner=task_runner,
        batch_size=batch_size,
        strict=strict,
    )
    logger = get_run_logger()
    window_metrics = _gate_window(gate_window)
    t0 = time.perf_counter()
    started_at = datetime.now(UTC)
    flow_run_id = str(runtime_flow_run.id) if runtime_flow_run.id else None
    run_id = started_at.strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:8]
    wh = settings.warehouse_path
    summary = RunSummary(
        run_id=run_id,
        status="loaded",
        raw_dir=str(settings.raw_dir),
        warehouse_path=str(wh),
        flow_run_id=flow_run_id,
    )
    progress = StageProgress(logger, every=settings.progress_every)

    try:
        preflight(settings)
        with load_lock(wh, settings.wait_seconds, run_id=run_id):
            paths = list_raw(settings.raw_dir)
            plan = plan_files(paths, known_files(wh))
            summary.note_plan(plan)
            logger.info(
                "run %s: %d files under %s: %d new, %d changed, %d reparse, %d unchanged; runner=%s batch=%d",
                run_id,
                plan.seen,
                settings.raw_dir,
                plan.new,
                plan.changed,
                plan.reparse,
                plan.unchanged,
                settings.task_runner,
                settings.batch_size,
            )
            if not plan.todo:
                summary.status = "nothing-new"
                summary.seconds = time.perf_counter() - t0
                _record_run(wh, summary, started_at, f"nothing new under {settings.raw_dir}")
                publish_artifacts(summary, None)
                return summary

            totals = GateTotals(run_id)
            try:
                with open_loader(
                    wh,
                    run_id=run_id,
                    flow_run_id=flow_run_id,
                    started_at=started_at,
                    raw_dir=str(settings.raw_dir),
                    wait_seconds=settings.wait_seconds,
                ) as loader:
                    parsed_batches = _noted(_parsed_batches(plan, settings, progress), summary)
                    for window, n in windows(parsed_batches, window_metrics):
                        gate = validate_task(window, run_id)
                        totals.add(gate)
                        progress.advance("validate", n)
                        if not totals.blocked:  # once blocked nothing will be published: stop writing
                            loader.stage(window, batch_gate(gate))
                        progress.advance("stage", n)
                        del window, gate
                    for path, error in summary.failed:
                        logger.warning("could not read %s: %s", path, error)
                    summary.warnings = totals.warnings + len(summary.capped)
                    summary.metrics_quarantined = totals.quarantined
                    summary.metrics_loaded = totals.loaded
                    progress.start("report", 1)
                    summary.report_path = report_task(totals, str(settings.reports_dir), str(wh))
                    progress.advance("report")
                    result = None
                    if not totals.blocked:  # blocked: leaving the block unpublished discards the copy
                        if summary.metrics_extracted != summary.metrics_loaded + summary.metrics_quarantined:
                            raise AssertionError(
                                f"metrics extracted ({summary.metrics_extracted}) != loaded "
                                f"({summary.metrics_loaded}) + quarantined ({summary.metrics_quarantined})"
                            )
                        loader.record_audit(None, totals.results())
                        loader.retire_missing(paths, str(settings.raw_dir))
                        progress.start("publish", 1)
                        delays = list(settings.load_retry_delays[: max(settings.load_retries, 0)])
                        publish = publish_task.with_options(
                            retries=settings.load_retries,
                            retry_delay_seconds=delays or 0,
                            retry_condition_fn=transient,
                        )
                        summary.seconds = time.perf_counter() - t0
                        result = publish(loader, summary)
                        progress.advance("publish")
                if totals.blocked:  # the working copy is gone: record the blocked run on its own
                    summary.status = "blocked"
                    summary.metrics_loaded = 0
                    summary.seconds = time.perf_counter() - t0
                    _record_run(
                        wh,
                        summary,
                        started_at,
                        "the quality gate blocked the load; nothing was loaded",
                        totals=totals,
                    )
                    publish_artifacts(summary, totals)
                    raise GateBlocked(summary)
                loaded = getattr(result, "metrics_loaded", None)
                if loaded is not None and int(loaded) != summary.metrics_loaded:
                    logger.warning(
                        "loader reports %s metrics, gate passed %d", loaded, summary.metrics_loaded
                    )
            except GateBlocked:
                raise
            except Exception as exc:
                summary.seconds = time.perf_counter() - t0
                summary.status = "failed"
                _record_run(wh, summary, started_at, f"{type(exc).__name__}: {exc}")
                raise

        summary.seconds = time.perf_counter() - t0
        logger.info(
            "run %s loaded: %d metrics, %d quarantined, %d files failed, %.1fs",
            run_id,
            summary.metrics_loaded,
            summary.metrics_quarantined,
            summary.files_failed,
            summary.seconds,
        )
        publish_artifacts(summary, totals)
        if settings.strict and (summary.metrics_quarantined or summary.files_failed):
            raise StrictFailure(summary)
        return summary
    except (GateBlocked, LoadLocked, StrictFailure, PreflightError) as exc:
        # A Failed state (not a raised exception) so the Prefect log shows one clear line, no traceback;
        # callers still get the exception when they call the flow (the CLI maps it to its exit code).
        logger.error("%s", exc)
        return Failed(message=str(exc), data=exc)
