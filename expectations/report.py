"""The review report: one static HTML page a reviewer reads in a minute after every load.

Rendered once per run (its own flow task) from the accumulated :class:`GateResult`, from a jinja2
template with autoescape on: the pages we ingest are scraped from the web and may carry markup, so
no text reaches the page unescaped. Self-contained (inline CSS and SVG, no JavaScript, nothing
fetched), so it opens from a file share or a CI artifact.

The report lists every expectation with GX's verdict; GX Data Docs are not built or linked (why:
docs/decisions/0011-own-report-not-data-docs.md).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2
import polars as pl

from expectations.result import GateResult
from expectations.suites import BY_NAME
from expectations.waivers import load_waivers, match

TEMPLATES = Path(__file__).with_name("templates")
HISTORY_RUNS = 20  # runs shown in the history chart, the current one last
CONTEXT = 70  # characters of a sentence shown either side of the marked span
FILE_LEVEL = frozenset({"files.readable", "documents.normalised"})  # listed once, under "Files"
SEVERITY_ORDER = {"block": 0, "quarantine": 1, "warn": 2}
CHART_WIDTH, LABEL_W, BAR_H = 560, 190, 18


@dataclass(frozen=True)
class ReportPaths:
    """Where write_report put the pages."""

    run: Path
    latest: Path


@cache
def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )  # fmt: skip


def banner(result: GateResult, open_quarantines: int = 0) -> dict[str, object]:
    """State, title and words of the banner: the worst thing that happened decides."""
    c = result.counts
    loaded, extracted = c.get("loaded", 0), c.get("extracted", 0)
    quarantined, unreadable = c.get("quarantined", 0), c.get("unreadable_files", 0)
    if result.blocked:
        failed = result.results.filter((pl.col("severity") == "block") & (pl.col("success") == False))  # noqa: E712
        reasons = [f"{n} could not be evaluated: {why}" for n, why in result.not_evaluated.items()]
        reasons += [
            f"{r['expectation']} failed on {r['unexpected_count']} row(s)"
            for r in failed.iter_rows(named=True)
        ]
        return {"state": "blocked", "title": "Blocked — nothing was loaded.", "reasons": reasons,
                "words": f"{extracted} metrics extracted, 0 loaded; fix the cause and run again."}  # fmt: skip
    if c.get("files", 0) == 0 and extracted == 0:
        words = "No new or changed file: the warehouse is unchanged."
        if open_quarantines:
            words += f" {open_quarantines} quarantined metric(s) from earlier runs are still open."
        return {"state": "nothing-new", "title": "Nothing new.", "words": words, "reasons": []}
    words = f"{loaded} of {extracted} metrics loaded, {quarantined} quarantined."
    problems = []
    if unreadable:
        problems.append(f"{unreadable} file(s) could not be read.")
    if result.warnings:
        problems.append(f"{result.warnings} warning(s).")
    if quarantined or problems:
        return {"state": "attention", "title": "Loaded, with problems to review.", "reasons": [],
                "words": " ".join([words, *problems])}  # fmt: skip
    return {
        "state": "clean",
        "title": "Loaded clean.",
        "words": words + " Every expectation passed.",
        "reasons": [],
    }


def _cut(sentence: str | None, start: int | None, end: int | None, text: str | None = None) -> dict[str, str]:
    """A sentence split around its marked span, shortened to CONTEXT characters either side."""
    s = sentence or ""
    if (start is None or end is None or not 0 <= start < end <= len(s)) and text:
        found = s.find(text)
        start, end = (found, found + len(text)) if found >= 0 else (None, None)
    if start is None or end is None or not 0 <= start < end <= len(s):
        return {"before": s if len(s) <= 2 * CONTEXT else s[: 2 * CONTEXT] + "…", "mark": "", "after": ""}
    before, after = s[:start], s[end:]
    if len(before) > CONTEXT:
        before = "…" + before[-CONTEXT:]
    if len(after) > CONTEXT:
        after = after[:CONTEXT] + "…"
    return {"before": before, "mark": s[start:end], "after": after}


def _failed(result: GateResult) -> list[dict[str, object]]:
    res = result.results.filter(pl.col("success").fill_null(False).not_())
    res = res.sort(pl.col("severity").replace_strict(SEVERITY_ORDER, default=3), "expectation")
    out = []
    for r in res.iter_rows(named=True):
        details = json.loads(r["details"] or "{}")
        rows = result.failures.filter(pl.col("expectation") == r["expectation"])
        shown = [
            {"reason": f["reason"], "path": f["path"] or "–",
             **_cut(f["sentence"], f["mark_start"], f["mark_end"], f["text"])}
            for f in rows.iter_rows(named=True)
        ]  # fmt: skip
        note = details.get("not_evaluated") or (
            f"observed: {details['observed']}" if "observed" in details else ""
        )
        out.append({
            "name": r["expectation"], "severity": r["severity"], "success": r["success"],
            "unexpected": r["unexpected_count"], "elements": r["element_count"],
            "description": details.get("description", ""), "note": note,
            "file_level": r["expectation"] in FILE_LEVEL, "rows": shown,
            "more": max(0, (r["unexpected_count"] or 0) - len(shown)),
        })  # fmt: skip
    return out


def _open_rows(
    result: GateResult, open_quarantines: pl.DataFrame | None, waivers: pl.DataFrame
) -> list[dict[str, object]]:
    """Earlier runs' quarantines still open, minus those waived or re-listed by this run."""
    if open_quarantines is None or open_quarantines.is_empty():
        return []
    q = open_quarantines
    for c in ("run_id", "metric_id", "expectation", "reason", "text", "sentence", "path"):
        if c not in q.columns:
            q = q.with_columns(pl.lit(None, pl.String).alias(c))
    now = result.quarantine.select("metric_id", "expectation")
    q = q.join(now, on=["metric_id", "expectation"], how="anti")
    q = match(q, waivers).filter(pl.col("waiver_reason").is_null())
    return [
        {"run_id": r["run_id"], "expectation": r["expectation"], "reason": r["reason"], "path": r["path"],
         "metric_id": r["metric_id"], **_cut(r["sentence"], None, None, r["text"])}
        for r in q.iter_rows(named=True)
    ]  # fmt: skip


def _bars(title: str, pairs: list[tuple[str, float]], fills: list[str] | None = None) -> dict[str, object]:
    top = max((v for _, v in pairs), default=0) or 1
    bars = [
        {"label": label[:24], "value": f"{value:g}", "y": 22 + i * (BAR_H + 4),
         "w": round(max(1.0, (CHART_WIDTH - LABEL_W - 60) * value / top), 1),
         "fill": fills[i] if fills else "#4a78b5"}
        for i, (label, value) in enumerate(pairs)
    ]  # fmt: skip
    return {"title": title, "bars": bars, "width": CHART_WIDTH, "label_w": LABEL_W,
            "height": 22 + len(pairs) * (BAR_H + 4) + 4}  # fmt: skip


def _by(result: GateResult, dimension: str, limit: int = 15) -> list[tuple[str, float]]:
    df = result.loaded_by.filter(pl.col("dimension") == dimension).group_by("key").agg(pl.col("n").sum())
    return [(k, float(n)) for k, n in df.sort(["n", "key"], descending=[True, False]).head(limit).iter_rows()]


def failures_over_runs(history: pl.DataFrame | None, result: GateResult) -> list[tuple[str, float, bool]]:
    """(run, failed expectations, is this run) for the last HISTORY_RUNS runs, oldest first, this run last.

    Earlier runs are ordered by their own ``started_at`` (any dtype: it is compared with itself only)."""
    failed_now = result.results.filter(pl.col("success").fill_null(False).not_()).height
    earlier: list[tuple[str, float, bool]] = []
    if history is not None and not history.is_empty() and {"run_id", "success"} <= set(history.columns):
        h = history.filter(pl.col("run_id") != result.run_id)
        order = "started_at" if "started_at" in h.columns else "run_id"
        runs = h.group_by("run_id").agg(
            pl.col(order).min().alias("_order"),
            (pl.col("success") == False).sum().cast(pl.Int64).alias("failed"),  # noqa: E712
        ).sort("_order", "run_id").tail(HISTORY_RUNS - 1)  # fmt: skip
        earlier = [(r, float(f), False) for r, f in runs.select("run_id", "failed").iter_rows()]
    return [*earlier, (result.run_id, float(failed_now), True)]


def render(
    result: GateResult,
    *,
    history: pl.DataFrame | None = None,
    open_quarantines: pl.DataFrame | None = None,
    waivers: pl.DataFrame | None = None,
) -> str:
    """The report's HTML for one run's (merged) gate result."""
    waivers = load_waivers() if waivers is None else waivers
    c = {k: result.counts.get(k, 0) for k in ("files", "unreadable_files", "documents", "sentences", "extracted",
                                               "loaded", "quarantined", "waived", "relations", "relations_loaded")}  # fmt: skip
    res = result.results
    open_rows = _open_rows(result, open_quarantines, waivers)
    summary = [
        ("files read", c["files"] - c["unreadable_files"]), ("files that could not be read", c["unreadable_files"]),
        ("documents", c["documents"]), ("sentences", c["sentences"]), ("metrics extracted", c["extracted"]),
        ("metrics loaded", c["loaded"]), ("metrics quarantined", c["quarantined"]),
        ("metrics loaded under a waiver", c["waived"]), ("open quarantines from earlier runs", len(open_rows)),
        ("part-of relations (loaded / extracted)", f"{c['relations_loaded']} / {c['relations']}"),
        ("expectations evaluated / failed / not evaluated",
         f"{res.filter(pl.col('success').is_not_null()).height} / "
         f"{res.filter(pl.col('success') == False).height} / {res.filter(pl.col('success').is_null()).height}"),  # noqa: E712
        ("blocked", "yes" if result.blocked else "no"),
    ]  # fmt: skip
    history_runs = failures_over_runs(history, result)
    charts = [
        _bars("Metrics loaded by region", _by(result, "region")),
        _bars("Metrics loaded by topic", _by(result, "topic")),
        _bars(f"Failed expectations per load (last {HISTORY_RUNS})", [(r, f) for r, f, _ in history_runs],
              ["#b86e00" if now else "#4a78b5" for *_, now in history_runs]),
    ]  # fmt: skip
    quarantine_by = [tuple(x) for x in result.quarantine.group_by("expectation", "severity").len()
                     .sort(["len", "expectation"], descending=[True, False]).iter_rows()]  # fmt: skip
    all_results = [
        {"name": r["expectation"], "severity": r["severity"], "unexpected": r["unexpected_count"],
         "elements": r["element_count"], "description": BY_NAME[r["expectation"]].description
         if r["expectation"] in BY_NAME else "",
         "verdict": "not evaluated" if r["success"] is None else "passed" if r["success"] else "failed"}
        for r in res.iter_rows(named=True)
    ]  # fmt: skip
    return _env().get_template("report.html.j2").render(
        run_id=result.run_id, generated=dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC"),
        banner=banner(result, len(open_rows)), summary=summary, failed=_failed(result), counts=c,
        quarantine_by=quarantine_by, open_rows=open_rows, waived=result.waived.to_dicts(),
        waiver_count=waivers.height, bad_files=result.bad_files.to_dicts(), charts=charts,
        all_results=all_results,
    )  # fmt: skip


def write_report(
    result: GateResult,
    *,
    reports_dir: Path,
    history: pl.DataFrame | None = None,
    open_quarantines: pl.DataFrame | None = None,
    waivers: pl.DataFrame | None = None,
) -> ReportPaths:
    """Write run-<id>.html and latest.html (atomically: a reader never sees half a page)."""
    html = render(result, history=history, open_quarantines=open_quarantines, waivers=waivers)
    reports_dir = Path(reports_dir)
    reports_dir.mkdir(parents=True, exist_ok=True)
    paths = ReportPaths(reports_dir / f"run-{file_safe(result.run_id)}.html", reports_dir / "latest.html")
    _atomic_write(paths.run, html)
    _atomic_write(paths.latest, html)
    return paths


def file_safe(run_id: str) -> str:
    """A run id as a file name."""
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in run_id)


def _atomic_write(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)
