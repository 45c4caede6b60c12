"""What the gate decided, as typed frames: one batch's result, and results added up over batches.

Kept apart from the runner (which imports Great Expectations) and the report (which renders HTML)
so both depend on this module and not on each other, and so the flow can hold and merge results
without importing GX.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path

import polars as pl

from transforms.schemas import METRICS, QUARANTINE, RELATIONS, VALIDATION, empty

RESULTS = VALIDATION  # the name the gate uses for its per-expectation outcomes
HOLDING = ("block", "quarantine")  # severities that keep a row out of the warehouse
MAX_FAILURE_ROWS = 50  # failing rows kept per expectation for the report (results keep the true counts)
MAX_OFFENDING_KEYS = 20  # sample of offending keys in a result's details

# One failing row as the report shows it: where it is and why (capped per expectation).
FAILURES = {
    "expectation": pl.String,
    "severity": pl.String,
    "frame": pl.String,
    "reason": pl.String,
    "metric_id": pl.String,
    "path": pl.String,
    "text": pl.String,  # the span (metrics, relations) or null
    "sentence": pl.String,  # the sentence holding the span or the leftover, null for file-level rows
    "mark_start": pl.Int64,  # [mark_start, mark_end) of the span in the sentence, null when unknown
    "mark_end": pl.Int64,
}
# A quarantine row a reviewer accepted (expectations/waivers.csv): the metric loads.
WAIVED = {
    "run_id": pl.String,
    "metric_id": pl.String,
    "expectation": pl.String,
    "path": pl.String,
    "text": pl.String,
    "sentence": pl.String,
    "failure": pl.String,  # the gate's reason
    "reason": pl.String,  # the reviewer's reason
    "who": pl.String,
}
# A file that could not be read or normalised, once per path with every reason.
BAD_FILES = {"path": pl.String, "bytes": pl.Int64, "error": pl.String}
# How many loaded metrics fall on each value of a dimension (charts; summed over batches).
LOADED_BY = {"dimension": pl.String, "key": pl.String, "n": pl.Int64}
COUNT_KEYS = (
    "files",
    "unreadable_files",
    "documents",
    "sentences",
    "extracted",
    "loaded",
    "quarantined",
    "waived",
    "relations",
    "relations_loaded",
    "batches",
)


@dataclass(frozen=True)
class GateResult:
    """The gate's decision for one batch, or for a run once batches are merged.

    ``metrics`` and ``relations`` are what may be loaded from this batch (empty when blocked);
    they are not carried by :meth:`merge` -- each batch is loaded on its own, so a run's memory is
    a batch's. Everything the report needs (results, quarantine, waivers, failing rows, counts)
    adds up.
    """

    run_id: str
    metrics: pl.DataFrame
    relations: pl.DataFrame
    quarantine: pl.DataFrame  # QUARANTINE: one row per (held metric, failed expectation)
    results: pl.DataFrame  # RESULTS: one row per expectation
    waived: pl.DataFrame = field(default_factory=lambda: empty(WAIVED))
    failures: pl.DataFrame = field(default_factory=lambda: empty(FAILURES))
    bad_files: pl.DataFrame = field(default_factory=lambda: empty(BAD_FILES))
    loaded_by: pl.DataFrame = field(default_factory=lambda: empty(LOADED_BY))
    counts: dict[str, int] = field(default_factory=dict)
    report_path: Path | None = None  # set only by validate's deprecated reports_dir shim

    @property
    def blocked(self) -> bool:
        """A block expectation failed, or some expectation could not be evaluated: load nothing."""
        failed_block = (pl.col("severity") == "block") & (pl.col("success") == False)  # noqa: E712
        return bool(self.results.filter(failed_block | pl.col("success").is_null()).height)

    @property
    def warnings(self) -> int:
        """Warn expectations that failed."""
        return self.results.filter((pl.col("severity") == "warn") & (pl.col("success") == False)).height  # noqa: E712

    @property
    def not_evaluated(self) -> dict[str, str]:
        """Expectation -> why it could not be evaluated (each of them blocks)."""
        rows = self.results.filter(pl.col("success").is_null())
        return {
            r["expectation"]: json.loads(r["details"]).get("not_evaluated", "")
            for r in rows.iter_rows(named=True)
        }

    def merge(self, other: GateResult) -> GateResult:
        """This result and a later batch's, added up (load frames are dropped: see the class doc)."""
        return GateResult(
            run_id=self.run_id,
            metrics=empty(METRICS),
            relations=empty(RELATIONS),
            quarantine=pl.concat([self.quarantine, other.quarantine]),
            results=merge_results(self.results, other.results),
            waived=pl.concat([self.waived, other.waived]),
            failures=_cap(pl.concat([self.failures, other.failures])),
            bad_files=pl.concat([self.bad_files, other.bad_files]).unique(
                "path", keep="first", maintain_order=True
            ),
            loaded_by=pl.concat([self.loaded_by, other.loaded_by])
            .group_by("dimension", "key", maintain_order=True)
            .agg(pl.col("n").sum()),
            counts={k: self.counts.get(k, 0) + other.counts.get(k, 0) for k in COUNT_KEYS},
        )

    def without_rows(self) -> GateResult:
        """The same result without its load frames (what an accumulator keeps)."""
        return replace(self, metrics=empty(METRICS), relations=empty(RELATIONS))


def empty_result(run_id: str) -> GateResult:
    """The result of a run with no batch at all (nothing new): nothing failed, nothing to load."""
    return GateResult(run_id, empty(METRICS), empty(RELATIONS), empty(QUARANTINE), empty(RESULTS),
                      counts=dict.fromkeys(COUNT_KEYS, 0))  # fmt: skip


def merge_all(results: list[GateResult], run_id: str) -> GateResult:
    """All batches of a run added up, in order."""
    out = empty_result(run_id)
    for r in results:
        out = out.merge(r)
    return out


def merge_results(a: pl.DataFrame, b: pl.DataFrame) -> pl.DataFrame:
    """Per expectation over two batches: counts add; not evaluated anywhere wins, then failed."""
    if a.is_empty():
        return b
    if b.is_empty():
        return a
    both = pl.concat([a, b]).with_row_index("_order")
    verdict = (
        pl.when(pl.col("success").is_null().any())
        .then(None)
        .otherwise(pl.col("success").all())
        .alias("success")
    )
    merged = both.group_by("expectation", maintain_order=True).agg(
        pl.col("run_id").first(),
        pl.col("suite").first(),
        pl.col("severity").first(),
        verdict,
        pl.col("unexpected_count").sum(),
        pl.col("element_count").sum(),
        pl.col("details"),
    )
    details = [_merge_details(ds) for ds in merged["details"].to_list()]
    return merged.with_columns(pl.Series("details", details, dtype=pl.String)).select(list(RESULTS))


def _merge_details(parts: list[str]) -> str:
    out: dict[str, object] = {}
    offending: list[str] = []
    for text in parts:
        d = json.loads(text or "{}")
        offending += [k for k in d.pop("offending", []) if k not in offending]
        for k, v in d.items():
            out.setdefault(k, v)  # description, type: the same; the first error or observation stands
    if offending:
        out["offending"] = offending[:MAX_OFFENDING_KEYS]
    return json.dumps(out, ensure_ascii=False, default=str)


def _cap(failures: pl.DataFrame) -> pl.DataFrame:
    return failures.filter(pl.int_range(pl.len()).over("expectation") < MAX_FAILURE_ROWS)
