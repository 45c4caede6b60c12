"""Load a run into the warehouse batch by batch: streaming, incremental, idempotent, one atomic publish.

A run opens one :class:`Loader` on a private working copy of the warehouse (``warehouse.snapshot``),
under the load lock (``warehouse.lock``)::

    with Loader(warehouse_path, RunInfo(run_id=..., raw_dir="raw")) as loader:
        for paths in batches:                          # a batch = one group of files (64 by default)
            parsed = parse_batch(paths)
            loader.stage(parsed, validate(parsed))     # written now, one transaction per batch
        loader.retire_missing(all_paths, "raw")        # files gone from raw/ -> retired facts
        result = loader.publish(summary)               # views, checks, audit row, atomic rename

A batch's frames are written (through the Arrow C stream, no row loops) and dropped before the
next batch is parsed, and each batch's commit is checkpointed so that its rows leave DuckDB's memory
too (docs/decisions/0019-loader-memory-bounded-by-the-batch.md); the batches commit to the private
copy and only ``publish`` swaps it in, so leaving the block without ``publish`` discards the copy
(why: docs/decisions/0009-streamed-load-one-publish.md).

Keyed on content. A file version is its sha256; ``file_path`` maps every (absolute) path seen to the
version it holds. For each file in a batch:

- new path, new content -> ``new``; a known path with other content -> ``changed``: the old version's
  facts, sentences, stories and text are deleted (the ``dim_file`` row stays as history);
- known content at a new path -> ``renamed``: only the path is recorded, facts are not duplicated
  (metric ids are derived from the sha256, so they could not be);
- known (path, content) -> ``reloaded``: its rows are replaced by identical ones.

A path under the run's raw directory that the run did not find is ``deleted``: recorded in
``audit_file_run``; versions no path holds any more keep their facts with ``is_current = false``
until :func:`prune` removes them. The SQL of every step lives in ``warehouse/sql/`` (``load/`` per
batch, ``publish/``, ``retire/``, ``prune/``, ``views/`` re-applied on every publish, ``checks/``
that must return no rows).
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Mapping
from contextlib import ExitStack, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import duckdb
import polars as pl

from transforms.schemas import (
    DOCUMENTS,
    FILES,
    METRICS,
    QUARANTINE,
    RELATIONS,
    SENTENCES,
    STORIES,
    VALIDATION,
    conform,
)
from warehouse.backends import ensure_lake_schema, ensure_storage, lake_working_copy, parse_target
from warehouse.lock import load_lock
from warehouse.migrate import apply_migrations
from warehouse.pieces import cut_pieces, with_doc_row
from warehouse.query import WarehouseMissing, connect_readonly, fetch
from warehouse.snapshot import pause_point, working_copy
from warehouse.sqlfiles import apply_views, run_checks, run_step

REGIONS = {
    "adcode": pl.String,
    "name": pl.String,
    "level": pl.String,
    "parent_adcode": pl.String,
    "province": pl.String,
}
TOPICS = {
    "topic": pl.String,
    "name_zh": pl.String,
    "name_en": pl.String,
    "budget_class": pl.String,
}
UNITS = {
    "unit": pl.String,
    "kind": pl.String,
    "base_unit": pl.String,
    "factor": pl.Float64,
    "gloss_en": pl.String,
}
# Other names the reference tables may give these columns (transforms owns their frames).
_ALIASES = {
    "budget_class": ("budget_class", "function_code", "functional_class"),
    "gloss_en": ("gloss_en", "name_en", "english", "gloss"),
}

# Staged without the sentence text (the text is stored once, in doc_text) and without the columns
# no statement of warehouse/sql reads (the file name is dim_file's; the unit kind dim_unit's): a
# staged column is copied into the batch's temp table whether read or not.
_SENTENCES = {k: v for k, v in SENTENCES.items() if k not in ("text", "name")}
_METRICS = {k: v for k, v in METRICS.items() if k not in ("sentence", "name", "unit_kind")}
_DOCUMENTS = {
    k: v for k, v in DOCUMENTS.items() if k in ("path", "sha256", "script", "text", "repairs", "error")
}
_FILES = {k: v for k, v in FILES.items() if k != "raw_text"}
_ERRORS = {"path": pl.String, "sha256": pl.String, "error": pl.String}

COUNT_COLUMNS = (
    "files_seen",
    "files_new",
    "files_changed",
    "files_renamed",
    "files_unchanged",
    "files_failed",
    "metrics_extracted",
    "metrics_loaded",
    "metrics_quarantined",
    "warnings",
)
DEFAULT_WAIT_SECONDS = 60.0
# Every commit of the working copy is checkpointed (decision 0019, session 5): a threshold this small
# makes DuckDB checkpoint at each commit, and a batch's commit (bigger than
# auto_checkpoint_skip_wal_threshold) then goes straight to the file's blocks without being written
# to the WAL first (the WAL of a batch was written, checkpointed and truncated: ~6 % of load CPU).
CHECKPOINT_EVERY = "1KB"
# Vacuum merges a checkpoint's new row groups into the table's partly filled ones and recompresses
# them: with a checkpoint per batch, every batch rewrote the run's text and facts so far (on the
# bench corpus 3.6 s of 6.6 s of checkpoint CPU, growing with the run). Off while loading; `prune`,
# the maintenance step that removes rows, compacts (VACUUM_TASKS_PRUNE).
LOAD_VACUUM_TASKS = 0
# One DuckDB thread on the working copy: a batch's statements are small (tens of thousands of rows),
# and on two threads they spent a third more CPU (locks, task queues) for the same wall time (bench
# corpus, load alone: 10.0-11.6 s CPU on two threads, 7.1-7.9 s on one, wall 8-13 s either way).
LOAD_THREADS = 1
VACUUM_TASKS_PRUNE = 100  # DuckDB's default
# DuckDB's buffer pool on the working copy (default: 80 % of RAM, and every block a load writes or
# scans stays cached, so memory grew with the warehouse). While staging 96MB: a batch needs far
# less, and with 256MB the cache of written blocks grew with the run (x4 the bench corpus:
# `minsheng run` 1,169 -> 1,006 MB). The publish's checks get 256MB (64MB ran out of memory on the
# bench corpus).
LOAD_MEMORY_LIMIT = "96MB"
PUBLISH_MEMORY_LIMIT = "256MB"


def tune_load_connection(con: duckdb.DuckDBPyConnection) -> None:
    """Settings of a loader's read-write connection to its working copy (why:
    docs/decisions/0019-loader-memory-bounded-by-the-batch.md).

    ``memory_limit`` caps the buffer pool (cached blocks; a query needing more spills to the working
    copy's ``.tmp`` folder, which ``snapshot.clean_work`` removes after a kill);
    ``checkpoint_threshold`` makes every commit a checkpoint (a batch's rows leave memory at its
    commit, without a detour through the WAL: the working copy is private, a crash discards it);
    ``max_vacuum_tasks`` keeps a checkpoint from rewriting the row groups earlier batches wrote;
    ``threads`` = 1 (LOAD_THREADS).
    """
    con.execute(f"SET memory_limit = '{LOAD_MEMORY_LIMIT}'")
    con.execute(f"SET checkpoint_threshold = '{CHECKPOINT_EVERY}'")
    con.execute(f"SET max_vacuum_tasks = {LOAD_VACUUM_TASKS}")
    con.execute(f"SET threads = {LOAD_THREADS}")


def source_path(path: str | os.PathLike[str]) -> str:
    """The path as the warehouse stores it: absolute and normalised (symlinks are not followed).

    Two sites running ``--raw raw`` from different directories then never share a path, and the
    planner compares ``known_files`` with the same function.
    """
    return os.path.abspath(os.fspath(path))


def _parser_version() -> str | None:
    try:
        from transforms import parse
    except ImportError:  # pragma: no cover - transforms is part of this repository
        return None
    version = getattr(parse, "PARSER_VERSION", None)
    return None if version is None else str(version)


@dataclass
class RunInfo:
    """Who is loading: fixed when the run starts."""

    run_id: str
    flow_run_id: str | None = None
    started_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    raw_dir: str | None = None
    parser_version: str | None = None  # default: transforms.parse.PARSER_VERSION


class Outcome(Protocol):
    """What ``publish`` reads from the run's summary (flows.plan.RunSummary has these)."""

    status: str
    report_path: str | None
    files_unchanged: int
    warnings: int


@dataclass
class RunOutcome:
    """A plain Outcome for callers without a RunSummary."""

    status: str = "loaded"
    report_path: str | None = None
    files_unchanged: int = 0
    warnings: int = 0
    message: str | None = None


@dataclass
class BatchResult:
    """What one ``stage`` call wrote."""

    files_new: int = 0
    files_changed: int = 0
    files_renamed: int = 0
    files_reloaded: int = 0
    files_failed: int = 0
    files_loaded: int = 0
    metrics_extracted: int = 0
    metrics_loaded: int = 0
    metrics_quarantined: int = 0
    relations_loaded: int = 0


@dataclass
class LoadResult:
    """What a load did (also stored in audit_load_run)."""

    run_id: str
    published: Path
    files_new: int
    files_changed: int
    files_renamed: int
    files_reloaded: int
    files_failed: int
    metrics_loaded: int
    metrics_quarantined: int
    relations_loaded: int
    files_deleted: int = 0
    batches: int = 0


class IntegrityError(RuntimeError):
    """A check in warehouse/sql/checks returned rows: the load is not published."""


class _Stream:
    """Hands a polars frame to DuckDB through the Arrow C stream interface (no pyarrow needed)."""

    def __init__(self, df: pl.DataFrame) -> None:
        self.df = df

    def __arrow_c_stream__(self, requested_schema: object = None) -> object:
        return self.df.__arrow_c_stream__(requested_schema)


def _utc(ts: datetime | None) -> datetime | None:
    """Naive UTC for TIMESTAMP columns (aware datetimes are converted, naive ones taken as UTC)."""
    if ts is None:
        return None
    return ts.astimezone(UTC).replace(tzinfo=None) if ts.tzinfo else ts


def _frame(df: pl.DataFrame | None, schema: Mapping[str, Any]) -> pl.DataFrame:
    """Conform to a contract (missing columns -> nulls); an absent or empty frame -> empty frame."""
    if df is None or not df.height:
        return pl.DataFrame(schema=dict(schema))
    return conform(df, dict(schema))


def _stage(con: duckdb.DuckDBPyConnection, name: str, df: pl.DataFrame) -> None:
    """Copy a frame into a temp table in one Arrow scan (no row-by-row inserts)."""
    con.register(f"{name}_src", _Stream(df))
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM {name}_src")
    finally:
        con.unregister(f"{name}_src")


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def _with_source_paths(df: pl.DataFrame) -> pl.DataFrame:
    """Absolute paths in a frame's ``path`` column (one call per distinct path, not per row)."""
    if not df.height or "path" not in df.columns:
        return df
    paths = df.get_column("path").unique().drop_nulls().to_list()
    mapping = {p: source_path(p) for p in paths}
    return df.with_columns(pl.col("path").replace_strict(mapping, default=None, return_dtype=pl.String))


def _reference(df: pl.DataFrame | None, schema: Mapping[str, Any]) -> pl.DataFrame:
    """A reference table conformed to its dim, taking known alternative column names."""
    if df is None or not df.height:
        return pl.DataFrame(schema=dict(schema))
    renames = {}
    for col in schema:
        if col in df.columns:
            continue
        for alias in _ALIASES.get(col, ()):
            if alias in df.columns and alias not in schema:
                renames[alias] = col
                break
    return conform(df.rename(renames), dict(schema))


class Loader:
    """One run's load: ``stage`` each batch, ``retire_missing``, then ``publish`` once (atomic).

    ``dimensions`` (regions, topics, units frames) replace the reference tables at publish when
    given; without them the warehouse keeps its own. ``check=False`` skips the integrity checks at
    publish (they read every fact once).
    """

    def __init__(
        self,
        warehouse_path: Path | str,
        run: RunInfo,
        *,
        wait_seconds: float = DEFAULT_WAIT_SECONDS,
        dimensions: Mapping[str, pl.DataFrame | None] | None = None,
        check: bool = True,
    ) -> None:
        self.target = parse_target(warehouse_path)
        self.path = Path(warehouse_path) if not self.target.lake else self.target.path
        self.setting = warehouse_path
        self.run = run
        self.wait_seconds = wait_seconds
        self.dimensions = dict(dimensions or {})
        self.check = check
        self.totals = BatchResult()
        self.files_deleted = 0
        self.batches = 0
        self._stack: ExitStack | None = None
        self._con: duckdb.DuckDBPyConnection | None = None
        self._published: LoadResult | None = None

    # ------------------------------------------------------------------------------ lifecycle

    def __enter__(self) -> Loader:
        stack = ExitStack()
        target = self.target
        try:
            stack.enter_context(load_lock(target.path, self.wait_seconds, run_id=self.run.run_id))
            if target.lake:
                con = stack.enter_context(lake_working_copy(target, self.run.run_id))
                con.execute("BEGIN TRANSACTION")
                ensure_lake_schema(con)
            else:
                ensure_storage(target.path)
                con = stack.enter_context(working_copy(target.path, self.run.run_id))
                tune_load_connection(con)
                con.execute("BEGIN TRANSACTION")
                apply_migrations(con)
            self._stage_run(con)
            run_step(con, "open")
            con.execute("COMMIT")
        except BaseException:
            stack.close()
            raise
        self._stack, self._con = stack, con
        return self

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        if self._stack is None:
            return
        stack, self._stack, self._con = self._stack, None, None
        if exc is None:
            # Left without publish: discard the working copy (working_copy deletes it on an exception).
            with suppress(_Discarded):
                stack.__exit__(_Discarded, _Discarded(), None)
        else:
            stack.__exit__(type(exc), exc, exc.__traceback__)

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise RuntimeError("Loader is not open (use it as a context manager; publish ends it)")
        return self._con

    def _stage_run(self, con: duckdb.DuckDBPyConnection) -> None:
        version = self.run.parser_version if self.run.parser_version is not None else _parser_version()
        raw_root = source_path(self.run.raw_dir) if self.run.raw_dir else None
        info = pl.DataFrame(
            {
                "run_id": [self.run.run_id],
                "now": [_utc(datetime.now(UTC))],
                "parser_version": [version],
                "raw_root": [raw_root],
            },
            schema={
                "run_id": pl.String,
                "now": pl.Datetime("us"),
                "parser_version": pl.String,
                "raw_root": pl.String,
            },
        )
        _stage(con, "stg_run", info)

    # ------------------------------------------------------------------------------ batches

    def stage(self, parsed: Any, gate: Any = None) -> BatchResult:
        """Write one batch: its files, text, stories, sentences, the gate's metrics and relations,
        and its audit rows (quarantine, expectation outcomes). ``gate`` None loads every metric.

        One transaction on the working copy; the batch's staging tables are replaced by the next.
        """
        con = self.con
        metrics = parsed.metrics if gate is None else gate.metrics
        relations = parsed.relations if gate is None else gate.relations
        quarantine = None if gate is None else getattr(gate, "quarantine", None)
        results = None if gate is None else getattr(gate, "results", None)
        documents = with_doc_row(_with_source_paths(_frame(parsed.documents, _DOCUMENTS)))
        sentences = _frame(parsed.sentences, _SENTENCES)
        con.execute("BEGIN TRANSACTION")
        _stage(con, "stg_files", _with_source_paths(_frame(parsed.files, _FILES)))
        _stage(con, "stg_documents", documents)
        _stage(con, "stg_pieces", cut_pieces(documents, sentences))
        _stage(con, "stg_stories", _frame(parsed.stories, STORIES))
        _stage(con, "stg_sentences", sentences)
        _stage(con, "stg_metrics", _frame(metrics, _METRICS))
        _stage(con, "stg_relations", _frame(relations, RELATIONS))
        _stage(con, "stg_quarantine", _with_source_paths(_frame(quarantine, QUARANTINE)))
        _stage(con, "stg_validation", _frame(results, VALIDATION))
        run_step(con, "load")
        pause_point("in_transaction")
        counts = dict(con.execute("SELECT action, count(*) FROM stg_action GROUP BY action").fetchall())
        result = BatchResult(
            files_new=int(counts.get("new", 0)),
            files_changed=int(counts.get("changed", 0)),
            files_renamed=int(counts.get("renamed", 0)),
            files_reloaded=int(counts.get("reloaded", 0)),
            files_failed=_count(con, "SELECT count(DISTINCT path) FROM stg_error"),
            files_loaded=_count(con, "SELECT count(DISTINCT path) FROM stg_path"),
            metrics_extracted=_count(
                con,
                "SELECT count(*) FROM (SELECT metric_id FROM stg_metrics UNION SELECT metric_id FROM stg_quarantine)"
                " WHERE metric_id IS NOT NULL",
            ),
            metrics_loaded=_count(con, "SELECT count(*) FROM stg_fact"),  # what step 3 stored
            metrics_quarantined=_count(
                con,
                "SELECT count(DISTINCT metric_id) FROM stg_quarantine WHERE metric_id NOT IN "
                "(SELECT metric_id FROM stg_metrics WHERE metric_id IS NOT NULL)",
            ),
            relations_loaded=_count(
                con, "SELECT count(*) FROM fact_metric_part WHERE sha256 IN (SELECT sha256 FROM stg_file)"
            ),
        )
        for table in (
            "stg_files",
            "stg_documents",
            "stg_pieces",
            "stg_file",
            "stg_stories",
            "stg_sentences",
            "stg_metrics",
            "stg_chunk",
            "stg_touched",
            "stg_sentence",
            "stg_fact",
        ):
            con.execute(f"DROP TABLE IF EXISTS {table}")  # the batch's text leaves memory now
        con.execute("COMMIT")  # checkpoints too (CHECKPOINT_EVERY)
        if not self.target.lake:
            # Committed rows stay in DuckDB's memory as in-memory row groups until a checkpoint writes
            # them to blocks (no memory_limit evicts them, at most it spills them to temporary files,
            # and the publish's checkpoint must pin them all): checkpointed per batch, a backfill
            # holds one batch of them, not the run's (x4 the bench corpus: ~300 MB less). The commit
            # has checkpointed already; this one makes sure (nothing left to write: ~1 ms).
            con.execute("CHECKPOINT")
        for name, value in vars(result).items():
            setattr(self.totals, name, getattr(self.totals, name) + value)
        self.batches += 1
        return result

    def record_errors(self, file_errors: pl.DataFrame | None) -> None:
        """Record unreadable files of a run that stages no batch (blocked / failed runs)."""
        con = self.con
        con.execute("BEGIN TRANSACTION")
        _stage(con, "stg_files", _with_source_paths(_frame(file_errors, _FILES)))
        _stage(con, "stg_documents", with_doc_row(_frame(None, _DOCUMENTS)))
        for name, schema in (("stg_quarantine", QUARANTINE), ("stg_validation", VALIDATION)):
            _stage(con, name, _frame(None, schema))
        run_step(con, "load", only=("10_batch_files.sql", "40_audit.sql"))
        con.execute("COMMIT")

    def record_audit(self, quarantine: pl.DataFrame | None, results: pl.DataFrame | None) -> None:
        """Record the gate's audit rows without loading anything (a blocked run)."""
        con = self.con
        con.execute("BEGIN TRANSACTION")
        _stage(con, "stg_quarantine", _with_source_paths(_frame(quarantine, QUARANTINE)))
        _stage(con, "stg_validation", _frame(results, VALIDATION))
        _stage(con, "stg_error", _frame(None, _ERRORS))
        run_step(con, "load", only=("40_audit.sql",))
        con.execute("COMMIT")

    def retire_missing(
        self, present_paths: Iterable[str | os.PathLike[str]], raw_dir: str | os.PathLike[str]
    ) -> int:
        """Record paths under ``raw_dir`` that are not in ``present_paths`` as deleted; versions no path
        holds any more are retired (facts kept with is_current = false). Returns the paths deleted.

        Scoped to ``raw_dir`` (resolved), so another raw directory's files are never touched.
        """
        con = self.con
        present = pl.DataFrame(
            {"path": sorted({source_path(p) for p in present_paths})}, schema={"path": pl.String}
        )
        con.execute("BEGIN TRANSACTION")
        # Staged, not bound as a parameter: binding makes DuckDB import pandas (warehouse.migrate).
        _stage(
            con,
            "stg_raw_root",
            pl.DataFrame({"raw_root": [source_path(raw_dir)]}, schema={"raw_root": pl.String}),
        )
        con.execute("UPDATE stg_run SET raw_root = (SELECT raw_root FROM stg_raw_root)")
        _stage(con, "stg_present", present)
        run_step(con, "retire")
        gone = _count(con, "SELECT count(*) FROM stg_gone")
        con.execute("COMMIT")
        self.files_deleted += gone
        return gone

    def publish(self, summary: Outcome | None = None) -> LoadResult:
        """Reference tables, periods, views, the run's audit row, integrity checks; then swap the
        working copy in atomically. Ends the loader."""
        con = self.con
        if not self.target.lake:
            con.execute(f"SET memory_limit = '{PUBLISH_MEMORY_LIMIT}'")  # the checks' hash tables
        outcome = summary if summary is not None else RunOutcome()
        t = self.totals
        unchanged = int(getattr(outcome, "files_unchanged", 0) or 0)
        counts = {
            "files_seen": t.files_loaded + t.files_failed + unchanged,
            "files_new": t.files_new,
            "files_changed": t.files_changed,
            "files_renamed": t.files_renamed,
            "files_unchanged": unchanged,
            "files_failed": t.files_failed,
            "metrics_extracted": t.metrics_extracted,
            "metrics_loaded": t.metrics_loaded,
            "metrics_quarantined": t.metrics_quarantined,
            "warnings": int(getattr(outcome, "warnings", 0) or 0),
        }
        overrides = getattr(outcome, "counts", None)
        if isinstance(overrides, Mapping):
            counts.update({k: v for k, v in overrides.items() if k in COUNT_COLUMNS})
        message = getattr(outcome, "message", None) or (
            f"{t.metrics_loaded} metrics from {t.files_loaded} files ({t.files_new} new, {t.files_changed} changed, "
            f"{t.files_renamed} renamed, {t.files_reloaded} reloaded, {self.files_deleted} deleted); "
            f"{t.metrics_quarantined} quarantined; {t.files_failed} files failed; {unchanged} unchanged; "
            f"{self.batches} batches"
        )
        report = getattr(outcome, "report_path", None)
        row = pl.DataFrame(
            {
                "run_id": [self.run.run_id],
                "flow_run_id": [self.run.flow_run_id],
                "started_at": [_utc(self.run.started_at)],
                "ended_at": [_utc(datetime.now(UTC))],
                "status": [str(getattr(outcome, "status", "loaded") or "loaded")],
                "raw_dir": [None if self.run.raw_dir is None else str(self.run.raw_dir)],
                **{c: [None if counts.get(c) is None else int(counts[c])] for c in COUNT_COLUMNS},
                "report_path": [None if report is None else str(report)],
                "message": [message],
            },
            schema={
                "run_id": pl.String,
                "flow_run_id": pl.String,
                "started_at": pl.Datetime("us"),
                "ended_at": pl.Datetime("us"),
                "status": pl.String,
                "raw_dir": pl.String,
                **{c: pl.Int32 for c in COUNT_COLUMNS},
                "report_path": pl.String,
                "message": pl.String,
            },
        )
        con.execute("BEGIN TRANSACTION")
        _stage(con, "stg_regions", _reference(self.dimensions.get("regions"), REGIONS))
        _stage(con, "stg_topics", _reference(self.dimensions.get("topics"), TOPICS))
        _stage(con, "stg_units", _reference(self.dimensions.get("units"), UNITS))
        _stage(con, "stg_run_row", row)
        run_step(con, "publish")
        apply_views(con)
        if self.check:
            failed = run_checks(con, run=True)
            if failed:
                raise IntegrityError(f"integrity checks failed, load not published: {', '.join(failed)}")
        con.execute("COMMIT")
        result = LoadResult(
            run_id=self.run.run_id,
            published=self.path,
            files_new=t.files_new,
            files_changed=t.files_changed,
            files_renamed=t.files_renamed,
            files_reloaded=t.files_reloaded,
            files_failed=t.files_failed,
            metrics_loaded=t.metrics_loaded,
            metrics_quarantined=t.metrics_quarantined,
            relations_loaded=t.relations_loaded,
            files_deleted=self.files_deleted,
            batches=self.batches,
        )
        stack, self._stack, self._con = self._stack, None, None
        assert stack is not None
        stack.close()  # CHECKPOINT, close, fsync, atomic rename (warehouse.snapshot)
        self._published = result
        return result


class _Discarded(Exception):
    """Thrown into the working copy to discard it when a Loader ends without publish."""


# ------------------------------------------------------------------------------ whole-run helpers


@dataclass
class RunFrames:
    """A whole run's frames at once (tests and small tools; the flow streams batches to Loader)."""

    run_id: str
    flow_run_id: str | None
    started_at: datetime
    raw_dir: str
    files: pl.DataFrame
    documents: pl.DataFrame
    stories: pl.DataFrame
    sentences: pl.DataFrame
    metrics: pl.DataFrame
    relations: pl.DataFrame
    quarantine: pl.DataFrame
    validation: pl.DataFrame
    regions: pl.DataFrame
    topics: pl.DataFrame
    units: pl.DataFrame
    report_path: str | None = None
    files_unchanged: int = 0
    warnings: int = 0
    status: str = "loaded"
    parser_version: str | None = None


LoadBatch = RunFrames  # deprecated name (it was never one batch): removed once flows use Loader


@dataclass
class _Gate:
    metrics: pl.DataFrame
    relations: pl.DataFrame
    quarantine: pl.DataFrame | None
    results: pl.DataFrame | None


def load_run(
    warehouse_path: Path, frames: RunFrames, *, wait_seconds: float = DEFAULT_WAIT_SECONDS
) -> LoadResult:
    """Load a whole run's frames as one batch and publish (``Loader`` underneath)."""
    run = RunInfo(frames.run_id, frames.flow_run_id, frames.started_at, frames.raw_dir, frames.parser_version)
    dims = {"regions": frames.regions, "topics": frames.topics, "units": frames.units}
    with Loader(warehouse_path, run, wait_seconds=wait_seconds, dimensions=dims) as loader:
        loader.stage(frames, _Gate(frames.metrics, frames.relations, frames.quarantine, frames.validation))
        return loader.publish(
            RunOutcome(frames.status, frames.report_path, frames.files_unchanged, frames.warnings)
        )


@dataclass
class _Recorded(RunOutcome):
    counts: dict[str, int] = field(default_factory=dict)


def record_run(
    warehouse_path: Path | str,
    *,
    run_id: str,
    flow_run_id: str | None,
    started_at: datetime,
    status: str,
    message: str,
    report_path: str | Path | None,
    validation: pl.DataFrame | None = None,
    quarantine: pl.DataFrame | None = None,
    counts: dict | None = None,
    raw_dir: str | None = None,
    file_errors: pl.DataFrame | None = None,
    wait_seconds: float = DEFAULT_WAIT_SECONDS,
) -> None:
    """Record a run that loaded no facts ('blocked', 'failed', 'nothing-new'); atomic like a load.

    ``counts`` uses audit_load_run column names (files_seen, files_unchanged, metrics_extracted...);
    ``file_errors`` (path, sha256, error) lists unreadable files.
    """
    counts = dict(counts or {})
    unknown = set(counts) - set(COUNT_COLUMNS)
    if unknown:
        warnings.warn(f"record_run: ignoring unknown count keys {sorted(unknown)}", stacklevel=2)
    run = RunInfo(run_id, flow_run_id, started_at, raw_dir)
    with Loader(warehouse_path, run, wait_seconds=wait_seconds, check=False) as loader:
        loader.record_audit(quarantine, validation)
        if file_errors is not None and file_errors.height:
            loader.record_errors(file_errors)
        outcome = _Recorded(
            status=status,
            report_path=None if report_path is None else str(report_path),
            message=message,
            counts={k: v for k, v in counts.items() if k in COUNT_COLUMNS},
        )
        loader.publish(outcome)


def prune(
    warehouse_path: Path | str, *, run_id: str = "prune", wait_seconds: float = DEFAULT_WAIT_SECONDS
) -> int:
    """Remove retired facts (and the text, stories and sentences only they needed); returns the
    number of facts removed. Atomic like a load; dim_file and the audit tables keep the history."""
    target = parse_target(warehouse_path)
    if not target.path.exists():
        raise WarehouseMissing(f"no warehouse at {target.path}")
    with load_lock(target.path, wait_seconds, run_id=run_id), ExitStack() as stack:
        if target.lake:
            con = stack.enter_context(lake_working_copy(target, run_id))
            con.execute("BEGIN TRANSACTION")
            ensure_lake_schema(con)
        else:
            ensure_storage(target.path)
            con = stack.enter_context(working_copy(target.path, run_id))
            tune_load_connection(con)
            con.execute(f"SET max_vacuum_tasks = {VACUUM_TASKS_PRUNE}")  # compact what is removed
            con.execute("BEGIN TRANSACTION")
            apply_migrations(con)
        before = _count(con, "SELECT count(*) FROM fact_metric")
        run_step(con, "prune")
        removed = before - _count(con, "SELECT count(*) FROM fact_metric")
        for name, schema in (("stg_regions", REGIONS), ("stg_topics", TOPICS), ("stg_units", UNITS)):
            _stage(con, name, _frame(None, schema))  # empty: keep the reference tables, rebuild periods
        run_step(con, "publish", only=("10_dimensions.sql",))
        apply_views(con)
        con.execute("COMMIT")
    return removed


# ------------------------------------------------------------------------------ reads


def _read(
    warehouse_path: Path | str, sql: str, params: list | None = None, empty: dict | None = None
) -> pl.DataFrame:
    """A read-only query on the published warehouse; ``empty`` frame when there is none yet."""
    try:
        with connect_readonly(warehouse_path) as con:
            return fetch(con, sql, params)
    except (WarehouseMissing, duckdb.CatalogException, duckdb.BinderException):
        return pl.DataFrame(schema=empty or {})


_KNOWN = {"path": pl.String, "sha256": pl.String, "parser_version": pl.String}


def known_files(warehouse_path: Path | str) -> pl.DataFrame:
    """(path, sha256, parser_version) of every file already loaded: the planner skips a file whose
    ``source_path(path)`` and sha256 are here, unless its parser_version is older than the rules'."""
    found = _read(
        warehouse_path,
        "SELECT p.path, p.sha256, d.parser_version FROM file_path p LEFT JOIN dim_file d USING (sha256) ORDER BY p.path",
        empty=_KNOWN,
    )
    if found.columns != list(_KNOWN):  # a warehouse from before parser versions were recorded
        old = _read(warehouse_path, "SELECT path, sha256 FROM file_path ORDER BY path", empty=_KNOWN)
        return conform(old, _KNOWN)
    return found


_RUN_SCHEMA = {
    "run_id": pl.String,
    "flow_run_id": pl.String,
    "started_at": pl.Datetime("us"),
    "ended_at": pl.Datetime("us"),
    "status": pl.String,
    **{c: pl.Int32 for c in COUNT_COLUMNS},
    "report_path": pl.String,
    "message": pl.String,
}


def recent_runs(warehouse_path: Path | str, limit: int = 20) -> pl.DataFrame:
    """The latest runs, newest first (for ``minsheng runs``)."""
    cols = ", ".join(_RUN_SCHEMA)
    return _read(
        warehouse_path,
        f"SELECT {cols} FROM audit_load_run ORDER BY started_at DESC, run_id DESC LIMIT ?",
        [int(limit)],
        empty=_RUN_SCHEMA,
    )


def validation_history(warehouse_path: Path | str, limit_runs: int = 20) -> pl.DataFrame:
    """Expectation outcomes over the last runs (run_id, started_at, expectation, success, unexpected_count)."""
    return _read(
        warehouse_path,
        """
        WITH runs AS (SELECT run_id, started_at FROM audit_load_run ORDER BY started_at DESC LIMIT ?)
        SELECT r.run_id, r.started_at, v.expectation, v.success, v.unexpected_count
        FROM runs r JOIN audit_validation v ON v.run_id = r.run_id
        ORDER BY r.started_at, v.expectation
        """,
        [int(limit_runs)],
        empty={
            "run_id": pl.String,
            "started_at": pl.Datetime("us"),
            "expectation": pl.String,
            "success": pl.Boolean,
            "unexpected_count": pl.Int64,
        },
    )
