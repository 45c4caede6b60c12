"""Load one run's frames into the warehouse: incremental, idempotent, one transaction, atomic publish.

Keyed on content. A file version is its sha256; ``file_path`` maps every path seen to the version it
holds. For each file in the batch:

- new path, new content -> ``new``; a known path with other content -> ``changed``: the old version's
  facts, sentences, stories and text are deleted (the ``dim_file`` row stays as history,
  ``is_current = false``) -- exactly its own facts, nothing else;
- known content at a new path -> ``renamed``: only the path is updated, facts are not duplicated
  (metric ids are derived from the sha256, so they could not be);
- known (path, content) -> ``reloaded``: its rows are replaced by identical ones.

So loading the same batch twice leaves every table identical except the audit tables
(``audit_*``, ``quarantine_metric``), which record each run. The flow skips files whose
(path, sha256) is in ``known_files`` so an unchanged raw/ does almost no work.

All writes happen in one transaction on a private working copy published by rename
(``warehouse.snapshot``), under the load lock (``warehouse.lock``).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

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
from warehouse.lock import load_lock
from warehouse.migrate import apply_migrations
from warehouse.query import WarehouseMissing, connect_readonly, fetch
from warehouse.snapshot import pause_point, working_copy

REGIONS = {"adcode": pl.String, "name": pl.String, "level": pl.String, "parent_adcode": pl.String, "province": pl.String}
TOPICS = {"topic": pl.String, "name_zh": pl.String, "name_en": pl.String}
UNITS = {"unit": pl.String, "kind": pl.String, "base_unit": pl.String, "factor": pl.Float64}

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


@dataclass
class LoadBatch:
    """Everything one run hands to the warehouse (frames follow transforms.schemas)."""

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


def _stage(con: duckdb.DuckDBPyConnection, name: str, df: pl.DataFrame | None, schema: dict) -> None:
    """Copy a frame, conformed to its contract, into a temp table (one scan, no row-by-row inserts)."""
    # conform() on a frame without rows or columns would yield one all-null row (literals broadcast)
    frame = conform(df, schema) if df is not None and df.height else pl.DataFrame(schema=schema)
    con.register(f"{name}_src", _Stream(frame))
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM {name}_src")
    con.unregister(f"{name}_src")


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def _stage_batch(con: duckdb.DuckDBPyConnection, batch: LoadBatch) -> None:
    _stage(con, "stg_files", batch.files, FILES)
    _stage(con, "stg_documents", batch.documents, DOCUMENTS)
    _stage(con, "stg_stories", batch.stories, STORIES)
    _stage(con, "stg_sentences", batch.sentences, SENTENCES)
    _stage(con, "stg_metrics", batch.metrics, METRICS)
    _stage(con, "stg_relations", batch.relations, RELATIONS)
    _stage(con, "stg_quarantine", batch.quarantine, QUARANTINE)
    _stage(con, "stg_validation", batch.validation, VALIDATION)
    _stage(con, "stg_regions", batch.regions, REGIONS)
    _stage(con, "stg_topics", batch.topics, TOPICS)
    _stage(con, "stg_units", batch.units, UNITS)
    # Loadable file versions: read, decoded and normalised. One row per (path, sha256).
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE stg_path AS
        SELECT DISTINCT f.path, f.sha256
        FROM stg_files f
        WHERE f.error IS NULL AND f.sha256 IS NOT NULL AND f.path IS NOT NULL
          AND EXISTS (SELECT 1 FROM stg_documents d
                      WHERE d.sha256 = f.sha256 AND d.error IS NULL AND d.text IS NOT NULL)
        """
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE stg_file AS
        SELECT DISTINCT ON (p.sha256)
               p.sha256, p.path, f.name, f.bytes, f.encoding, d.script, d.repairs, f.meta, d.text
        FROM stg_path p
        JOIN stg_files f ON f.path = p.path AND f.sha256 = p.sha256
        JOIN stg_documents d ON d.sha256 = p.sha256 AND d.error IS NULL AND d.text IS NOT NULL
        ORDER BY p.sha256, p.path, d.path
        """
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE stg_error AS
        SELECT path, sha256, error FROM stg_files WHERE error IS NOT NULL
        UNION
        SELECT coalesce(d.path, f.path), d.sha256, 'normalise: ' || d.error
        FROM stg_documents d LEFT JOIN stg_files f ON f.sha256 = d.sha256
        WHERE d.error IS NOT NULL
        """
    )


def _apply_files(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, int]:
    """Classify the batch's files, update file_path / dim_file, retire superseded versions."""
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE stg_action AS
        SELECT p.path, p.sha256,
               CASE WHEN fp.sha256 = p.sha256 THEN 'reloaded'
                    WHEN fp.sha256 IS NOT NULL THEN 'changed'
                    WHEN EXISTS (SELECT 1 FROM dim_file d WHERE d.sha256 = p.sha256) THEN 'renamed'
                    ELSE 'new' END AS action
        FROM stg_path p LEFT JOIN file_path fp ON fp.path = p.path
        """
    )
    counts = dict(con.execute("SELECT action, count(*) FROM stg_action GROUP BY action").fetchall())
    con.execute("DELETE FROM file_path WHERE path IN (SELECT path FROM stg_path)")
    con.execute("INSERT INTO file_path SELECT path, sha256 FROM stg_path")
    con.execute(
        """
        UPDATE dim_file AS d SET path = s.path, name = s.name, bytes = s.bytes, encoding = s.encoding,
               script = s.script, repairs = s.repairs, meta = s.meta, is_current = true, superseded_by = NULL
        FROM stg_file s WHERE d.sha256 = s.sha256
        """
    )
    con.execute(
        """
        INSERT INTO dim_file
        SELECT sha256, path, name, bytes, encoding, script, repairs, meta, true, NULL, ?
        FROM stg_file WHERE sha256 NOT IN (SELECT sha256 FROM dim_file)
        """,
        [run_id],
    )
    # Versions no path holds any more are superseded; versions still held elsewhere move path.
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE stg_retired AS
        SELECT d.sha256, (SELECT min(fp.sha256) FROM file_path fp WHERE fp.path = d.path) AS superseded_by
        FROM dim_file d
        WHERE d.is_current AND d.sha256 NOT IN (SELECT sha256 FROM file_path)
        """
    )
    con.execute(
        """
        UPDATE dim_file AS d SET is_current = false, superseded_by = r.superseded_by
        FROM stg_retired r WHERE d.sha256 = r.sha256
        """
    )
    con.execute(
        """
        UPDATE dim_file AS d SET path = m.path, name = regexp_extract(m.path, '[^/\\\\]*$')
        FROM (SELECT sha256, min(path) AS path FROM file_path GROUP BY sha256) m
        WHERE d.sha256 = m.sha256 AND d.is_current
          AND NOT EXISTS (SELECT 1 FROM file_path fp WHERE fp.path = d.path AND fp.sha256 = d.sha256)
        """
    )
    con.execute(
        """
        INSERT INTO audit_file_run SELECT ?, sha256, path, action FROM stg_action ORDER BY path
        """,
        [run_id],
    )
    return {k: int(counts.get(k, 0)) for k in ("new", "changed", "renamed", "reloaded")}


def _apply_content(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """Replace the text, stories, sentences, facts and parts of every version touched by the batch."""
    touched = "(SELECT sha256 FROM stg_file UNION SELECT sha256 FROM stg_retired)"
    for table in ("fact_metric_part", "fact_metric", "dim_sentence", "dim_document", "doc_text"):
        con.execute(f"DELETE FROM {table} WHERE sha256 IN {touched}")
    con.execute("INSERT INTO doc_text SELECT sha256, text, length(text) FROM stg_file")
    con.execute(
        """
        INSERT INTO dim_document
        SELECT DISTINCT ON (sha256, story_ix)
               sha256 || ':' || story_ix, sha256, story_ix, kind, title, byline, char_start, char_end
        FROM stg_stories WHERE sha256 IN (SELECT sha256 FROM stg_file) AND story_ix IS NOT NULL
        ORDER BY sha256, story_ix
        """
    )
    con.execute(
        """
        INSERT INTO dim_sentence
        SELECT DISTINCT ON (sha256, sent_ix)
               sha256 || ':' || sent_ix, sha256, story_ix, para_ix, sent_ix, role, char_start, char_end, text
        FROM stg_sentences WHERE sha256 IN (SELECT sha256 FROM stg_file) AND sent_ix IS NOT NULL
        ORDER BY sha256, sent_ix, path
        """
    )
    con.execute(
        """
        INSERT INTO fact_metric
        SELECT DISTINCT ON (metric_id)
               metric_id, sha256,
               CASE WHEN story_ix IS NOT NULL THEN sha256 || ':' || story_ix END,
               CASE WHEN sent_ix IS NOT NULL THEN sha256 || ':' || sent_ix END,
               adcode, unit, topic, year_to * 100, value, low, high, bound, text, sentence, subject,
               region, region_level, area, char_start, char_end
        FROM stg_metrics
        WHERE metric_id IS NOT NULL AND sha256 IN (SELECT sha256 FROM stg_file)
        ORDER BY metric_id, path
        """
    )
    loaded = _count(con, f"SELECT count(*) FROM fact_metric WHERE sha256 IN {touched}")
    con.execute(
        """
        INSERT INTO fact_metric_part
        SELECT DISTINCT r.whole_metric_id, r.part_metric_id, w.sha256
        FROM stg_relations r
        JOIN fact_metric w ON w.metric_id = r.whole_metric_id
        JOIN fact_metric p ON p.metric_id = r.part_metric_id AND p.sha256 = w.sha256
        WHERE w.sha256 IN (SELECT sha256 FROM stg_file)
        """
    )
    parts = _count(con, f"SELECT count(*) FROM fact_metric_part WHERE sha256 IN {touched}")
    return loaded, parts


def _apply_dims(con: duckdb.DuckDBPyConnection) -> None:
    """Reference dimensions are replaced wholesale when the batch brings them (same input, same rows)."""
    for table, stg, key in (
        ("dim_region", "stg_regions", "adcode"),
        ("dim_topic", "stg_topics", "topic"),
        ("dim_unit", "stg_units", "unit"),
    ):
        if _count(con, f"SELECT count(*) FROM {stg}"):
            con.execute(f"DELETE FROM {table}")
            con.execute(
                f"INSERT INTO {table} SELECT DISTINCT ON ({key}) * FROM {stg} WHERE {key} IS NOT NULL ORDER BY {key}"
            )
    con.execute("DELETE FROM dim_period")
    con.execute(
        """
        INSERT INTO dim_period
        SELECT DISTINCT period_key, period_key // 100, NULL, (period_key // 100) || '年'
        FROM fact_metric WHERE period_key IS NOT NULL ORDER BY 1
        """
    )


def _audit(
    con: duckdb.DuckDBPyConnection,
    *,
    run_id: str,
    flow_run_id: str | None,
    started_at: datetime,
    status: str,
    raw_dir: str | None,
    report_path: str | None,
    message: str | None,
    counts: dict[str, int],
) -> None:
    """Write the run's audit rows (replacing any from an earlier attempt of the same run_id)."""
    for table in ("audit_validation", "quarantine_metric", "audit_file_error"):
        con.execute(f"DELETE FROM {table} WHERE run_id = ?", [run_id])
    con.execute(
        """
        INSERT INTO audit_validation
        SELECT ?, suite, expectation, severity, success, unexpected_count, element_count, details
        FROM stg_validation
        """,
        [run_id],
    )
    con.execute(
        """
        INSERT INTO quarantine_metric
        SELECT ?, metric_id, expectation, severity, reason, row_json, text, sentence, path FROM stg_quarantine
        """,
        [run_id],
    )
    con.execute("INSERT INTO audit_file_error SELECT ?, path, sha256, error FROM stg_error", [run_id])
    con.execute("DELETE FROM audit_load_run WHERE run_id = ?", [run_id])
    con.execute(
        f"""
        INSERT INTO audit_load_run (run_id, flow_run_id, started_at, ended_at, status, raw_dir, report_path,
                                    message, {", ".join(COUNT_COLUMNS)})
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, {", ".join("?" for _ in COUNT_COLUMNS)})
        """,
        [
            run_id,
            flow_run_id,
            _utc(started_at),
            _utc(datetime.now(UTC)),
            status,
            raw_dir,
            None if report_path is None else str(report_path),
            message,
            *(counts.get(c) for c in COUNT_COLUMNS),
        ],
    )


def load_run(warehouse_path: Path, batch: LoadBatch, *, wait_seconds: float = DEFAULT_WAIT_SECONDS) -> LoadResult:
    """Load a run's frames and publish the new warehouse atomically; returns what changed.

    Takes the load lock (re-entrant if the caller already holds it), raising LoadLocked after
    ``wait_seconds``. Any exception leaves the published warehouse exactly as it was.
    """
    path = Path(warehouse_path)
    with load_lock(path, wait_seconds, run_id=batch.run_id), working_copy(path, batch.run_id) as con:
        con.execute("BEGIN TRANSACTION")
        apply_migrations(con)
        _stage_batch(con, batch)
        files = _apply_files(con, batch.run_id)
        loaded, parts = _apply_content(con)
        _apply_dims(con)
        pause_point("in_transaction")
        quarantined = _count(
            con, "SELECT count(DISTINCT metric_id) FROM stg_quarantine WHERE metric_id NOT IN "
            "(SELECT metric_id FROM stg_metrics WHERE metric_id IS NOT NULL)"
        )
        extracted = _count(
            con, "SELECT count(*) FROM (SELECT metric_id FROM stg_metrics UNION SELECT metric_id FROM stg_quarantine)"
            " WHERE metric_id IS NOT NULL"
        )
        failed = _count(con, "SELECT count(DISTINCT path) FROM stg_error")
        loaded_files = _count(con, "SELECT count(DISTINCT path) FROM stg_path")
        counts = {
            "files_seen": loaded_files + failed + batch.files_unchanged,
            "files_new": files["new"],
            "files_changed": files["changed"],
            "files_renamed": files["renamed"],
            "files_unchanged": batch.files_unchanged,
            "files_failed": failed,
            "metrics_extracted": extracted,
            "metrics_loaded": loaded,
            "metrics_quarantined": quarantined,
            "warnings": batch.warnings,
        }
        message = (
            f"{loaded} figures from {loaded_files} files ({files['new']} new, {files['changed']} changed, "
            f"{files['renamed']} renamed, {files['reloaded']} reloaded); {quarantined} quarantined; "
            f"{failed} files failed; {batch.files_unchanged} unchanged"
        )
        _audit(
            con,
            run_id=batch.run_id,
            flow_run_id=batch.flow_run_id,
            started_at=batch.started_at,
            status=batch.status,
            raw_dir=batch.raw_dir,
            report_path=batch.report_path,
            message=message,
            counts=counts,
        )
        con.execute("COMMIT")
    return LoadResult(
        run_id=batch.run_id,
        published=path,
        files_new=files["new"],
        files_changed=files["changed"],
        files_renamed=files["renamed"],
        files_reloaded=files["reloaded"],
        files_failed=failed,
        metrics_loaded=loaded,
        metrics_quarantined=quarantined,
        relations_loaded=parts,
    )


def record_run(
    warehouse_path: Path,
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
    path = Path(warehouse_path)
    with load_lock(path, wait_seconds, run_id=run_id), working_copy(path, run_id) as con:
        con.execute("BEGIN TRANSACTION")
        apply_migrations(con)
        _stage(con, "stg_validation", validation, VALIDATION)
        _stage(con, "stg_quarantine", quarantine, QUARANTINE)
        _stage(con, "stg_error", file_errors, {"path": pl.String, "sha256": pl.String, "error": pl.String})
        _audit(
            con,
            run_id=run_id,
            flow_run_id=flow_run_id,
            started_at=started_at,
            status=status,
            raw_dir=raw_dir,
            report_path=None if report_path is None else str(report_path),
            message=message,
            counts={k: v for k, v in counts.items() if k in COUNT_COLUMNS},
        )
        con.execute("COMMIT")


def _read(warehouse_path: Path, sql: str, params: list | None = None, empty: dict | None = None) -> pl.DataFrame:
    """A read-only query on the published warehouse; ``empty`` frame when there is none yet."""
    try:
        with connect_readonly(warehouse_path) as con:
            return fetch(con, sql, params)
    except (WarehouseMissing, duckdb.CatalogException):
        return pl.DataFrame(schema=empty or {})


def known_files(warehouse_path: Path) -> pl.DataFrame:
    """(path, sha256) of every file already loaded, so the flow can skip unchanged ones."""
    return _read(
        warehouse_path,
        "SELECT path, sha256 FROM file_path ORDER BY path",
        empty={"path": pl.String, "sha256": pl.String},
    )


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


def recent_runs(warehouse_path: Path, limit: int = 20) -> pl.DataFrame:
    """The latest runs, newest first (for ``minsheng runs``)."""
    cols = ", ".join(_RUN_SCHEMA)
    return _read(
        warehouse_path,
        f"SELECT {cols} FROM audit_load_run ORDER BY started_at DESC, run_id DESC LIMIT ?",
        [int(limit)],
        empty=_RUN_SCHEMA,
    )


def validation_history(warehouse_path: Path, limit_runs: int = 20) -> pl.DataFrame:
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
