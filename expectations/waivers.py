"""Reviewers' waivers: quarantined metrics accepted as right, kept in the repository (waivers.csv).

A waiver names a metric (``metric_id``) or a whole file (``file``: its path as the report shows it, or
its file name) and one quarantine expectation, with a reason and who decided. The next validate
loads the rows it matches and the report lists them, so accepting a metric is reviewed like code.
Block expectations cannot be waived: they mean the batch itself is broken.
"""

from __future__ import annotations

import csv
from pathlib import Path

import polars as pl

from expectations.suites import BY_NAME

WAIVERS_FILE = Path(__file__).with_name("waivers.csv")
WAIVERS = {"metric_id": pl.String, "file": pl.String, "expectation": pl.String, "reason": pl.String,
           "who": pl.String}  # fmt: skip


class WaiverError(ValueError):
    """A waiver row a reviewer must fix (named by its line)."""


def load_waivers(path: Path = WAIVERS_FILE) -> pl.DataFrame:
    """The waivers of ``path`` (``#`` lines are comments); a malformed row is an error naming its line."""
    if not path.exists():
        return pl.DataFrame(schema=WAIVERS)
    lines = path.read_text(encoding="utf-8").splitlines()
    numbered = [(n, ln) for n, ln in enumerate(lines, 1) if ln.strip() and not ln.lstrip().startswith("#")]
    if not numbered:
        return pl.DataFrame(schema=WAIVERS)
    reader = csv.DictReader([ln for _, ln in numbered])
    if set(reader.fieldnames or ()) != set(WAIVERS):
        raise WaiverError(f"{path}:{numbered[0][0]}: header must be {','.join(WAIVERS)}")
    rows = []
    for (line, _), row in zip(numbered[1:], reader, strict=True):
        clean = {k: (row.get(k) or "").strip() or None for k in WAIVERS}
        problem = _problem(clean)
        if problem:
            raise WaiverError(f"{path}:{line}: {problem}")
        rows.append(clean)
    return pl.DataFrame(rows, schema=WAIVERS, orient="row") if rows else pl.DataFrame(schema=WAIVERS)


def _problem(row: dict[str, str | None]) -> str | None:
    if not (row["metric_id"] or row["file"]):
        return "a waiver names a metric_id or a file"
    exp = BY_NAME.get(row["expectation"] or "")
    if exp is None:
        return f"unknown expectation {row['expectation']!r}"
    if exp.severity != "quarantine":
        return f"{exp.name} is a {exp.severity} expectation; only quarantine expectations can be waived"
    if not row["reason"] or not row["who"]:
        return "a waiver says why (reason) and who decided (who)"
    return None


def match(rows: pl.DataFrame, waivers: pl.DataFrame) -> pl.DataFrame:
    """``rows`` (metric_id, expectation, path, ...) with the reviewer's ``waiver_reason`` and ``waiver_who``
    where a waiver matches (null elsewhere); a waiver by metric id wins over one by file."""
    if waivers.is_empty() or rows.is_empty():
        return rows.with_columns(waiver_reason=pl.lit(None, pl.String), waiver_who=pl.lit(None, pl.String))
    by_id = waivers.filter(pl.col("metric_id").is_not_null()).select(
        "metric_id", "expectation", pl.col("reason").alias("_r1"), pl.col("who").alias("_w1")
    ).unique(["metric_id", "expectation"], keep="first")  # fmt: skip
    by_file = waivers.filter(pl.col("file").is_not_null()).select(
        pl.col("file").alias("_file"), "expectation", pl.col("reason").alias("_r2"), pl.col("who").alias("_w2")
    ).unique(["_file", "expectation"], keep="first")  # fmt: skip
    keyed = rows.with_row_index("_ix").with_columns(
        _name=pl.col("path").str.replace(r"^.*/", ""),
    )
    out = keyed.join(by_id, on=["metric_id", "expectation"], how="left")
    out = out.join(by_file, left_on=["path", "expectation"], right_on=["_file", "expectation"], how="left")
    out = out.join(
        by_file.rename({"_r2": "_r3", "_w2": "_w3"}), left_on=["_name", "expectation"],
        right_on=["_file", "expectation"], how="left",
    )  # fmt: skip
    out = out.sort("_ix").with_columns(
        waiver_reason=pl.coalesce("_r1", "_r2", "_r3"), waiver_who=pl.coalesce("_w1", "_w2", "_w3")
    )
    return out.drop("_ix", "_name", "_r1", "_w1", "_r2", "_w2", "_r3", "_w3")
