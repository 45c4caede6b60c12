"""The main Prefect flow: raw files -> frames -> quality gate -> DuckDB warehouse.

The flow only wires, retries and logs; every transformation is a pure function in ``transforms``,
``expectations`` or ``warehouse``. Work is planned per file (sha256 against the warehouse, so
unchanged files are never parsed), parsed in batches -- one task per stage per batch, fanned out
over the configured task runner -- then validated and loaded once, all under the warehouse's load
lock so two runs never write together.
"""

from __future__ import annotations

import dataclasses
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.runtime import flow_run as runtime_flow_run
from prefect.states import Failed

from flows import settings as cfg  # sets telemetry env defaults before Prefect starts a server
from flows.plan import Parsed, Plan, RunSummary, plan_files
from flows.progress import StageProgress
from transforms.schemas import DOCUMENTS, FILES, METRICS, RELATIONS, SENTENCES, STORIES, conform, empty


class GateBlocked(RuntimeError):
    """The quality gate failed a blocking expectation: nothing was loaded (exit code 3)."""

    def __init__(self, summary: RunSummary) -> None:
        super().__init__(f"quality gate blocked the load; see {summary.report_path}")
        self.summary = summary


def batches(paths: list[str], size: int) -> list[list[str]]:
    """Consecutive slices of at most ``size`` paths, in input order (so results are deterministic)."""
    return [paths[i : i + size] for i in range(0, len(paths), size)]


def concat(parts: list[Parsed]) -> Parsed:
    """Concatenate batch frames in batch order; empty input gives empty frames of each schema."""

    def cat(name: str, schema: dict[str, pl.DataType]) -> pl.DataFrame:
        frames = [getattr(p, name) for p in parts if getattr(p, name).height]
        return pl.concat(frames, how="diagonal_relaxed") if frames else empty(schema)

    return Parsed(
        files=cat("files", FILES),
        documents=cat("documents", DOCUMENTS),
        stories=cat("stories", STORIES),
        sentences=cat("sentences", SENTENCES),
        metrics=cat("metrics", METRICS),
        relations=cat("relations", RELATIONS),
    )


def build_dataclass(cls: type, **available: Any) -> Any:
    """Instantiate a dataclass from the fields it declares, ignoring the rest."""
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in available.items() if k in names})


# --- tasks: one per stage per batch; NO_CACHE because inputs are large frames, not cache keys ---


@task(name="ingest", cache_policy=NO_CACHE)
def ingest_batch(paths: list[str]) -> pl.DataFrame:
    """Read and decode one batch of raw files; a bad file gets ``error`` set, never raises."""
    from transforms.ingest import read_files

    return read_files(paths)


@task(name="normalise", cache_policy=NO_CACHE)
def normalise_batch(files: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Repair, convert to Simplified, split into stories and sentences."""
    from transforms.text.normalise import normalise_files

    return normalise_files(files)


@task(name="extract", cache_policy=NO_CACHE)
def extract_batch(files: pl.DataFrame, normalised: tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]) -> Parsed:
    """Extract the figures of one batch and enrich them with region, topic and period."""
    from transforms.enrich.metrics import enrich_metrics
    from transforms.figures.extract import extract_metrics

    documents, stories, sentences = normalised
    metrics, relations = extract_metrics(sentences)
    metrics = conform(enrich_metrics(metrics, documents, sentences, files), METRICS)
    return Parsed(files, documents, stories, sentences, metrics, relations)


@task(name="validate", cache_policy=NO_CACHE)
def validate_run(parsed: Parsed, run_id: str, reports_dir: str) -> Any:
    """The quality gate over the whole run (GX is imported here: it costs seconds to import)."""
    from expectations.runner import validate

    frames = {
        "files": parsed.files,
        "documents": parsed.documents,
        "sentences": parsed.sentences,
        "metrics": parsed.metrics,
        "relations": parsed.relations,
    }
    return validate(frames, run_id=run_id, reports_dir=Path(reports_dir))


@task(name="load", cache_policy=NO_CACHE)
def load_run_task(warehouse_path: str, batch: Any) -> Any:
    """One transaction on a private copy, then an atomic publish (warehouse.load)."""
    from warehouse.load import load_run

    return load_run(Path(warehouse_path), batch)


def transient(task: Any, task_run: Any, state: Any) -> bool:
    """Retry the load only where waiting can help: I/O (locked file, full disk), busy DuckDB."""
    import duckdb

    exc = state.data if isinstance(state.data, BaseException) else None
    retryable = (OSError, duckdb.IOException, duckdb.ResourceInUseException, duckdb.TransactionException)
    return isinstance(exc, retryable)


def _dimension_tables() -> dict[str, pl.DataFrame]:
    from transforms.enrich.regions import division_table
    from transforms.enrich.topics import topic_table
    from transforms.figures.units import unit_table

    return {"regions": division_table(), "topics": topic_table(), "units": unit_table()}


def _parse(plan: Plan, settings: cfg.Settings, progress: StageProgress) -> Parsed:
    """Fan the three parse stages out over batches with the configured task runner."""
    groups = batches(plan.todo, settings.batch_size)
    for stage in ("ingest", "normalise", "extract"):
        progress.start(stage, len(groups))
    if not groups:
        return concat([])
    stage_of: dict[uuid.UUID, str] = {}
    extracted = []
    with cfg.make_task_runner(settings, len(groups)) as runner:
        futures = []
        for group in groups:
            f_files = runner.submit(ingest_batch, {"paths": group})
            f_norm = runner.submit(normalise_batch, {"files": f_files})
            f_ext = runner.submit(extract_batch, {"files": f_files, "normalised": f_norm})
            for fut, stage in ((f_files, "ingest"), (f_norm, "normalise"), (f_ext, "extract")):
                stage_of[fut.task_run_id] = stage
                futures.append(fut)
            extracted.append(f_ext)
        for fut in as_completed(futures):
            progress.advance(stage_of[fut.task_run_id])
        return concat([f.result() for f in extracted])


def _quarantined_ids(gate: Any) -> int:
    """Metrics held back by the gate (a metric failing several expectations counts once)."""
    if "quarantined" in (getattr(gate, "counts", None) or {}):
        return int(gate.counts["quarantined"])
    quarantine = gate.quarantine
    if quarantine is None or quarantine.height == 0 or "metric_id" not in quarantine.columns:
        return 0
    loaded = set(gate.metrics["metric_id"].to_list()) if gate.metrics.height else set()
    ids = {m for m in quarantine["metric_id"].drop_nulls().to_list() if m not in loaded}
    return len(ids)


def _publish_artifacts(summary: RunSummary, gate: Any | None) -> None:
    """Run summary (markdown), quality results (table) and a link to the HTML report."""
    create_markdown_artifact(summary.markdown(), key="minsheng-run-summary", description="Minsheng ETL run")
    if gate is not None and getattr(gate, "results", None) is not None and gate.results.height:
        cols = [c for c in ("suite", "expectation", "severity", "success", "unexpected_count", "element_count")
                if c in gate.results.columns]
        create_table_artifact(gate.results.select(cols).to_dicts(), key="minsheng-quality",
                              description="Great Expectations results of this run")
    if summary.report_path:
        create_link_artifact(Path(summary.report_path).resolve().as_uri(), link_text="validation report",
                             key="minsheng-report", description="HTML data-quality report")


def _record_run(warehouse_path: Path, summary: RunSummary, started_at: datetime, message: str,
                gate: Any | None = None, files: pl.DataFrame | None = None) -> None:
    """Best effort: a run that loads no facts (nothing new, blocked, failed) still appears in audit_load_run."""
    from warehouse.load import record_run

    counts = {
        "files_seen": summary.files_seen, "files_new": summary.files_new, "files_changed": summary.files_changed,
        "files_renamed": summary.files_renamed, "files_unchanged": summary.files_unchanged,
        "files_failed": summary.files_failed, "metrics_extracted": summary.metrics_extracted,
        "metrics_loaded": 0, "metrics_quarantined": summary.metrics_quarantined, "warnings": summary.warnings,
    }
    errors = None
    if files is not None and files.height:
        errors = files.filter(pl.col("error").is_not_null()).select("path", "sha256", "error")
    try:
        record_run(warehouse_path, run_id=summary.run_id, flow_run_id=summary.flow_run_id, started_at=started_at,
                   status=summary.status, message=message, report_path=summary.report_path,
                   validation=None if gate is None else gate.results,
                   quarantine=None if gate is None else gate.quarantine,
                   counts=counts, raw_dir=summary.raw_dir, file_errors=errors)
    except Exception as exc:  # the run's own outcome matters more than its audit row
        get_run_logger().warning("could not record run %s in audit_load_run: %s", summary.run_id, exc)


@flow(name="minsheng-etl", log_prints=False)
def etl(
    raw_dir: str = "raw",
    warehouse_path: str = "warehouse/minsheng.duckdb",
    wait_seconds: float | None = None,
    task_runner: str | None = None,
    batch_size: int | None = None,
) -> Any:
    """Run the pipeline on ``raw_dir`` into ``warehouse_path``; returns the run summary.

    Ends Failed, raising ``warehouse.lock.LoadLocked`` to a caller, when another load holds the lock
    (exit 4), and :class:`GateBlocked` when the quality gate blocks the load (exit 3).
    """
    from transforms.ingest import list_raw
    from warehouse.load import known_files
    from warehouse.lock import LoadLocked, load_lock

    settings = cfg.load_settings(raw_dir=raw_dir, warehouse_path=warehouse_path, wait_seconds=wait_seconds,
                                 task_runner=task_runner, batch_size=batch_size)
    logger = get_run_logger()
    t0 = time.perf_counter()
    started_at = datetime.now(UTC)
    flow_run_id = str(runtime_flow_run.id) if runtime_flow_run.id else None
    run_id = started_at.strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:8]
    wh = settings.warehouse_path
    wh.parent.mkdir(parents=True, exist_ok=True)
    summary = RunSummary(run_id=run_id, status="loaded", raw_dir=str(settings.raw_dir), warehouse_path=str(wh),
                         flow_run_id=flow_run_id)
    progress = StageProgress(logger, every=settings.progress_every)

    try:
        with load_lock(wh, settings.wait_seconds, run_id=run_id):
            paths = list_raw(settings.raw_dir)
            plan = plan_files(paths, known_files(wh))
            summary.files_seen, summary.files_new = plan.seen, plan.new
            summary.files_changed, summary.files_unchanged = plan.changed, plan.unchanged
            summary.files_renamed = plan.renamed
            logger.info("run %s: %d files under %s: %d new, %d changed, %d unchanged; runner=%s batch=%d",
                        run_id, plan.seen, settings.raw_dir, plan.new, plan.changed, plan.unchanged,
                        settings.task_runner, settings.batch_size)
            run_info = dict(run_id=run_id, flow_run_id=flow_run_id, started_at=started_at,
                            raw_dir=str(settings.raw_dir), files_unchanged=plan.unchanged)
            gate = None
            try:
                parsed = _parse(plan, settings, progress)
                failed = parsed.files.filter(pl.col("error").is_not_null()) if parsed.files.height else parsed.files
                summary.failed = list(zip(failed["path"].to_list(), failed["error"].to_list(), strict=True))
                summary.files_failed = len(summary.failed)
                for path, error in summary.failed:
                    logger.warning("could not read %s: %s", path, error)
                summary.stories = parsed.stories.height
                summary.sentences = parsed.sentences.height
                summary.metrics_extracted = parsed.metrics.height

                if not plan.todo:
                    summary.status = "nothing-new"
                    logger.info("nothing new under %s; warehouse unchanged", settings.raw_dir)
                    _record_run(wh, summary, started_at, f"nothing new under {settings.raw_dir}")
                    summary.seconds = time.perf_counter() - t0
                    _publish_artifacts(summary, None)
                    return summary

                progress.start("validate", 1)
                gate = validate_run(parsed, run_id, str(settings.reports_dir))
                progress.advance("validate")
                summary.report_path = str(gate.report_path) if gate.report_path else None
                summary.warnings = int(gate.warnings or 0)
                summary.metrics_quarantined = _quarantined_ids(gate)
                if gate.blocked:
                    summary.status = "blocked"
                    summary.seconds = time.perf_counter() - t0
                    _record_run(wh, summary, started_at, "the quality gate blocked the load; nothing was loaded",
                                gate=gate, files=parsed.files)
                    _publish_artifacts(summary, gate)
                    raise GateBlocked(summary)

                summary.metrics_loaded = gate.metrics.height
                if summary.metrics_extracted != summary.metrics_loaded + summary.metrics_quarantined:
                    raise AssertionError(
                        f"metrics extracted ({summary.metrics_extracted}) != loaded ({summary.metrics_loaded}) "
                        f"+ quarantined ({summary.metrics_quarantined})")

                from warehouse.load import LoadBatch

                batch = build_dataclass(
                    LoadBatch, files=parsed.files, documents=parsed.documents, stories=parsed.stories,
                    sentences=parsed.sentences, metrics=gate.metrics, relations=gate.relations,
                    quarantine=gate.quarantine, validation=gate.results, report_path=summary.report_path,
                    status="loaded", warnings=summary.warnings, **run_info, **_dimension_tables())
                progress.start("load", 1)
                delays = list(settings.load_retry_delays[: max(settings.load_retries, 0)])
                loader = load_run_task.with_options(retries=settings.load_retries,
                                                    retry_delay_seconds=delays or 0,
                                                    retry_condition_fn=transient)
                result = loader(str(wh), batch)
                progress.advance("load")
                loaded = getattr(result, "metrics_loaded", None)
                if loaded is not None and int(loaded) != summary.metrics_loaded:
                    logger.warning("loader reports %s metrics, gate passed %d", loaded, summary.metrics_loaded)
            except GateBlocked:
                raise
            except Exception as exc:
                summary.seconds = time.perf_counter() - t0
                summary.status = "failed"
                _record_run(wh, summary, started_at, f"{type(exc).__name__}: {exc}")
                raise

        summary.seconds = time.perf_counter() - t0
        logger.info("run %s loaded: %d metrics, %d quarantined, %d files failed, %.1fs",
                    run_id, summary.metrics_loaded, summary.metrics_quarantined, summary.files_failed, summary.seconds)
        _publish_artifacts(summary, gate)
        return summary
    except (GateBlocked, LoadLocked) as exc:
        # A Failed state (not a raised exception) so the Prefect log shows one clear line, no traceback;
        # callers still get the exception when they call the flow (the CLI maps it to exit 3 or 4).
        logger.error("%s", exc)
        return Failed(message=str(exc), data=exc)
