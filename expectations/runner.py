"""Run the declared expectations (expectations/suites.py) with Great Expectations and sort the rows.

GX validates each frame (converted to pandas) and names the failing rows by index
(``result_format`` COMPLETE); this module maps those rows to the metrics they hold back, builds the
quarantine and results frames, decides whether the load is blocked, and writes the review report.
A GX file context lives beside the reports directory (``<reports_dir>/../gx``, e.g. warehouse/gx) so its Data Docs
site is built next to the report; if that fails the gate still works on an in-memory context.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from expectations import suites
from expectations.suites import EXPECTATIONS, SCHEMAS, Expectation, NotEvaluated
from transforms.schemas import METRICS, QUARANTINE, RELATIONS, VALIDATION, empty

log = logging.getLogger(__name__)

RESULTS = VALIDATION  # the name the gate uses for its per-expectation outcomes
HOLDING = ("block", "quarantine")  # severities that keep a row out of the warehouse
SUITE_PREFIX = "minsheng_"
KEEP_RUNS = 10  # validation results kept in the GX store (and so in Data Docs) per suite
# GX Data Docs render values verbatim (no HTML escaping), so text handed to GX has its markup
# characters swapped for their full-width look-alikes: the same length, the same verdicts.
_MARKUP = ["<", ">", "&", '"', "'"]
_FULLWIDTH = ["＜", "＞", "＆", "＂", "＇"]


@dataclass
class GateResult:
    """What the gate decided for one load."""

    metrics: pl.DataFrame  # rows to load (empty when blocked)
    relations: pl.DataFrame  # relations whose both ends load
    quarantine: pl.DataFrame  # QUARANTINE: one row per (held metric, failed expectation)
    results: pl.DataFrame  # RESULTS: one row per expectation
    warnings: int  # warn expectations that failed or could not be evaluated
    blocked: bool  # a block expectation failed: nothing may be loaded
    report_path: Path
    data_docs_path: Path | None
    counts: dict[str, int] = field(default_factory=dict)  # extracted, loaded, quarantined, ...
    failed_rows: dict[str, pl.DataFrame] = field(default_factory=dict)  # expectation -> offending rows


@dataclass
class _Outcome:
    success: bool | None
    unexpected_count: int = 0
    element_count: int = 0
    indices: list[int] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)


def gx_safe(text: str) -> str:
    """Text as handed to GX (and so to its HTML): markup characters made inert."""
    for a, b in zip(_MARKUP, _FULLWIDTH, strict=True):
        text = text.replace(a, b)
    return text


def to_pandas(df: pl.DataFrame):  # -> pandas.DataFrame
    """Convert without pyarrow, keeping each column's kind visible to GX's type expectations:
    integers as nullable Int64, floats as float64 (null -> NaN), booleans as nullable boolean,
    strings as the nullable ``string`` dtype with markup characters made inert (see gx_safe)."""
    import numpy as np
    import pandas as pd

    data: dict[str, Any] = {}
    for name, dtype in df.schema.items():
        s = df.get_column(name)
        if dtype.is_integer():
            data[name] = pd.array(s.to_list(), dtype="Int64")
        elif dtype.is_float():
            data[name] = s.cast(pl.Float64).to_numpy().astype(np.float64)
        elif dtype == pl.Boolean:
            data[name] = pd.array(s.to_list(), dtype="boolean")
        elif dtype == pl.String:
            data[name] = pd.array(s.str.replace_many(_MARKUP, _FULLWIDTH).to_list(), dtype="string")
        else:
            data[name] = pd.array([None if v is None else gx_safe(str(v)) for v in s.to_list()], dtype="string")
    return pd.DataFrame(data, index=pd.RangeIndex(df.height))


# ------------------------------------------------------------------------------------------ GX


def _context(gx_root: Path | None):
    """A file context in gx_root/gx (Data Docs beside the report), else an in-memory one."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context, file_backed = None, False
    if gx_root is not None:
        try:
            gx_root.mkdir(parents=True, exist_ok=True)
            context = gx.get_context(mode="file", project_root_dir=str(gx_root))
            file_backed = True
        except Exception:  # a broken store must not stop the gate
            log.exception("GX file context under %s unusable; validating in memory", gx_root)
    if context is None:
        context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    if file_backed:
        context.variables.save()
    return context, file_backed


def _run_gx(
    derived: Mapping[str, pl.DataFrame], plans: dict[str, dict[str, Any]], run_id: str, gx_root: Path | None
) -> tuple[dict[str, _Outcome], Path | None]:
    """Validate each frame once (one suite, validation definition and checkpoint per frame)."""
    import great_expectations as gx
    import great_expectations.expectations as gxe
    from great_expectations.core.run_identifier import RunIdentifier

    context, file_backed = _context(gx_root)
    source = context.data_sources.add_or_update_pandas("minsheng_frames")
    gx_run = RunIdentifier(run_name=gx_safe(run_id))
    outcomes: dict[str, _Outcome] = {}
    for frame in SCHEMAS:
        planned = [e for e in EXPECTATIONS if e.frame == frame and e.name in plans]
        if not planned:
            continue
        asset = source.add_dataframe_asset(frame)
        batch = asset.add_batch_definition_whole_dataframe("whole")
        expectations = [
            getattr(gxe, e.gx_type)(**plans[e.name], meta={"name": e.name, "severity": e.severity,
                                                           "description": e.description})
            for e in planned
        ]
        name = SUITE_PREFIX + frame
        suite = context.suites.add_or_update(gx.ExpectationSuite(name=name, expectations=expectations))
        vd = context.validation_definitions.add_or_update(gx.ValidationDefinition(name=name, data=batch, suite=suite))
        checkpoint = context.checkpoints.add_or_update(
            gx.Checkpoint(name=name, validation_definitions=[vd], result_format={"result_format": "COMPLETE"})
        )
        run = checkpoint.run(batch_parameters={"dataframe": to_pandas(derived[frame])}, run_id=gx_run)
        for suite_result in run.run_results.values():
            for r in suite_result.results:
                outcomes[r.expectation_config.meta["name"]] = _outcome(r)
    docs = _build_docs(context, gx_root) if file_backed and gx_root is not None else None
    return outcomes, docs


def _outcome(r) -> _Outcome:
    res = dict(r.result or {})
    exc = r.exception_info or {}
    details: dict[str, Any] = {}
    if "observed_value" in res:
        details["observed"] = res["observed_value"]
    if exc.get("raised_exception"):
        details["error"] = exc.get("exception_message")
    return _Outcome(
        success=bool(r.success),
        unexpected_count=int(res.get("unexpected_count") or 0),
        element_count=int(res.get("element_count") or 0),
        indices=[int(i) for i in res.get("unexpected_index_list") or [] if isinstance(i, int | float)],
        details=details,
    )


def _build_docs(context, gx_root: Path) -> Path | None:
    """Rebuild the Data Docs site from the newest KEEP_RUNS results per suite; never fatal."""
    try:
        store = gx_root / "gx" / "uncommitted" / "validations"
        for suite_dir in store.glob(SUITE_PREFIX + "*"):
            runs = sorted((p for p in suite_dir.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime)
            for old in runs[:-KEEP_RUNS]:
                shutil.rmtree(old, ignore_errors=True)
        site = gx_root / "gx" / "uncommitted" / "data_docs" / "local_site"
        shutil.rmtree(site, ignore_errors=True)
        context.build_data_docs()
        index = site / "index.html"
        return index if index.exists() else None
    except Exception:
        log.exception("building GX Data Docs failed; the gate result stands without them")
        return None


# ----------------------------------------------------------------------------------- the gate


def _held_metrics(exp: Expectation, rows: pl.DataFrame, metrics: pl.DataFrame) -> pl.DataFrame:
    """(metric_id, reason) for the metrics a failing row of ``exp.frame`` holds back."""
    reasons = rows.select(
        pl.Series("reason", [exp.explain(r) for r in rows.iter_rows(named=True)], dtype=pl.String)
    )
    rows = rows.with_columns(reasons)
    if exp.frame == "metrics":
        return rows.select("metric_id", "reason")
    if exp.frame == "relations":
        return rows.select(pl.col("part_metric_id").alias("metric_id"), "reason")
    keys = ["sha256", "sent_ix"] if exp.frame == "sentences" else ["sha256"]
    if not set(keys) <= set(rows.columns) or not set(keys) <= set(metrics.columns):
        return pl.DataFrame(schema={"metric_id": pl.String, "reason": pl.String})
    return rows.select(*keys, "reason").join(metrics.select("metric_id", *keys), on=keys).select(
        "metric_id", "reason"
    )


def _plan(derived: Mapping[str, pl.DataFrame]) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    plans, skipped = {}, {}
    for e in EXPECTATIONS:
        try:
            plans[e.name] = e.resolve(derived)
        except NotEvaluated as exc:
            skipped[e.name] = str(exc)
    return plans, skipped


def validate(
    frames: dict[str, pl.DataFrame],
    *,
    run_id: str,
    reports_dir: Path,
    history: pl.DataFrame | None = None,
) -> GateResult:
    """Validate one load's frames; return what may be loaded, what is held back and why, and the report.

    Reconciles: extracted metrics = loaded + quarantined (distinct metric ids) unless blocked, in
    which case nothing is loaded.
    """
    from expectations.report import write_report

    reports_dir = Path(reports_dir)
    frames = {k: frames[k] if frames.get(k) is not None else empty(SCHEMAS[k]) for k in SCHEMAS}
    derived = suites.derive(frames)
    plans, skipped = _plan(derived)
    outcomes, docs = _run_gx(derived, plans, run_id, reports_dir.parent)
    for name, why in skipped.items():
        outcomes[name] = _Outcome(success=None, details={"not_evaluated": why})

    metrics = frames["metrics"]
    has_ids = "metric_id" in metrics.columns  # without it nothing can be held back by key: blocked anyway
    results, failed_rows, held = [], {}, []
    for e in EXPECTATIONS:
        o = outcomes.get(e.name) or _Outcome(success=None, details={"not_evaluated": "no GX result"})
        rows = derived[e.frame][sorted(set(o.indices))] if o.indices else derived[e.frame].clear()
        if o.success is False:
            failed_rows[e.name] = rows
        keys = _sample_keys(e, rows)
        details = {"description": e.description, "gx_type": e.gx_type, **o.details}
        if keys:
            details["offending"] = keys
        results.append((run_id, e.frame, e.name, e.severity, o.success, o.unexpected_count, o.element_count,
                        json.dumps(details, ensure_ascii=False, default=str)))
        if o.success is False and e.severity in HOLDING and rows.height and has_ids:
            held.append(_held_metrics(e, rows, metrics).with_columns(
                expectation=pl.lit(e.name), severity=pl.lit(e.severity)))
    results_df = pl.DataFrame(results, schema=RESULTS, orient="row")
    quarantine = _quarantine(held, metrics, run_id)

    blocked = bool(results_df.filter((pl.col("severity") == "block") & (pl.col("success") == False)).height)  # noqa: E712
    warnings = results_df.filter(
        (pl.col("severity") == "warn") & pl.col("success").fill_null(False).not_()
    ).height + len([n for n in skipped if suites.BY_NAME[n].severity != "warn"])
    held_ids = quarantine.filter(pl.col("severity") == "quarantine")["metric_id"].unique()
    if blocked or not has_ids:
        passing = metrics.clear() if has_ids else empty(METRICS)
    else:
        passing = metrics.filter(~pl.col("metric_id").is_in(held_ids.implode()))
    relations = _passing_relations(derived["relations"], frames["relations"], passing)

    counts = {
        "files": frames["files"].height,
        "unreadable_files": _count_errors(frames["files"]),
        "documents": frames["documents"].height,
        "sentences": frames["sentences"].height,
        "extracted": metrics.height,
        "loaded": passing.height,
        "quarantined": held_ids.len(),
        "relations": frames["relations"].height,
        "relations_loaded": relations.height,
    }
    if not blocked and counts["extracted"] != counts["loaded"] + counts["quarantined"]:
        raise AssertionError(f"counts do not reconcile (extracted != loaded + quarantined): {counts}")

    reports_dir.mkdir(parents=True, exist_ok=True)
    report_path = reports_dir / f"run-{_file_safe(run_id)}.html"
    result = GateResult(passing, relations, quarantine, results_df, warnings, blocked, report_path, docs,
                        counts, failed_rows)
    html = write_report(result, frames=frames, run_id=run_id, history=history, reports_dir=reports_dir)
    _atomic_write(report_path, html)
    _atomic_write(reports_dir / "latest.html", html)
    return result


def _sample_keys(e: Expectation, rows: pl.DataFrame, limit: int = 20) -> list[str]:
    for key in ("metric_id", "part_metric_id", "path"):
        if key in rows.columns:
            return [str(v) for v in rows[key].head(limit).to_list()]
    return []


def _quarantine(held: list[pl.DataFrame], metrics: pl.DataFrame, run_id: str) -> pl.DataFrame:
    if not held:
        return empty(QUARANTINE)
    rows = pl.concat(held, how="vertical_relaxed").unique(["metric_id", "expectation"], keep="first",
                                                          maintain_order=True)
    cols = [c for c in METRICS if c in metrics.columns]
    facts = metrics.select(cols).unique("metric_id", keep="first").select(
        "metric_id",
        pl.struct(cols).struct.json_encode().alias("row_json"),
        *[pl.col(c) if c in cols else pl.lit(None, pl.String).alias(c) for c in ("text", "sentence", "path")],
    )
    out = rows.join(facts, on="metric_id", how="left", maintain_order="left").with_columns(run_id=pl.lit(run_id))
    return out.select([pl.col(c).cast(t) for c, t in QUARANTINE.items()])


def _passing_relations(derived: pl.DataFrame, relations: pl.DataFrame, passing: pl.DataFrame) -> pl.DataFrame:
    if passing.is_empty() or relations.is_empty() or "whole_metric_id" not in relations.columns:
        return relations.clear() if relations.width else empty(RELATIONS)
    ok = passing["metric_id"].implode()
    keep = derived.select(
        pl.col("whole_metric_id").is_in(ok) & pl.col("part_metric_id").is_in(ok)
        & pl.col("parts_within_whole").fill_null(True)
    ).to_series()
    return relations.filter(keep)


def _count_errors(files: pl.DataFrame) -> int:
    return files.filter(pl.col("error").is_not_null()).height if "error" in files.columns else 0


def _file_safe(run_id: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in run_id)


def _atomic_write(path: Path, text: str) -> None:
    """Readers of latest.html never see half a report."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)
