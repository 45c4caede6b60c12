"""The review report: one static HTML page a reviewer reads in a minute after every load.

Self-contained on purpose (inline CSS and SVG charts, no JavaScript, nothing fetched), so it opens
from a file share or a CI artifact. Every piece of article text goes through :func:`html.escape`:
the pages we ingest are scraped from the web and may carry markup.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl

from expectations.suites import BY_NAME

if TYPE_CHECKING:
    from expectations.runner import GateResult

MAX_ROWS = 25  # offending rows shown per expectation (the quarantine table in DuckDB has them all)
MAX_CELL = 160  # characters of a sentence shown
# Columns shown for an offending row, by the frame the expectation checks.
ROW_COLUMNS = {
    "metrics": ["metric_id", "text", "value", "unit", "bound", "sentence", "path"],
    "sentences": ["path", "sent_ix", "text"],
    "documents": ["path", "script", "metric_count", "error"],
    "files": ["path", "bytes", "encoding", "error"],
    "relations": ["whole_metric_id", "whole_text", "part_text", "parts_sum", "whole_value", "whole_unit"],
}
CSS = """
body{font:14px/1.45 system-ui,'Noto Sans CJK SC','PingFang SC',sans-serif;margin:2rem auto;max-width:1100px;
color:#222;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.5rem 0;width:100%}td,th{border:1px solid #ddd;padding:.25rem .45rem;
text-align:left;vertical-align:top}th{background:#f4f4f4}
.ok{color:#17692b}.bad{color:#a40000;font-weight:bold}.warn{color:#8a5a00}
.banner{padding:.6rem 1rem;border-radius:4px;margin:1rem 0}.banner.bad{background:#fde8e8}
.banner.ok{background:#e8f6ea}.sev-block{background:#fde8e8}.sev-quarantine{background:#fff4e0}
.sev-warn{background:#fffbe0}.muted{color:#666}.num{text-align:right}svg text{font-size:12px}
"""


def _e(value: Any) -> str:
    """Escaped text of a cell; long text shortened (after escaping nothing can leak)."""
    if value is None:
        return '<span class="muted">–</span>'
    if isinstance(value, float):
        value = f"{value:g}"
    text = str(value)
    if len(text) > MAX_CELL:
        text = text[:MAX_CELL] + "…"
    return escape(text)


def _table(headers: list[str], rows: list[list[Any]], raw_cols: frozenset[int] = frozenset()) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{c if i in raw_cols else _e(c)}</td>" for i, c in enumerate(r)) + "</tr>"
        for r in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def bar_chart(pairs: list[tuple[str, float]], *, title: str, width: int = 520) -> str:
    """A horizontal bar chart as inline SVG (labels escaped)."""
    if not pairs:
        return f'<p class="muted">{escape(title)}: no data.</p>'
    bar_h, label_w, top = 18, 170, 22
    top_value = max(v for _, v in pairs) or 1
    height = top + len(pairs) * (bar_h + 4) + 4
    parts = [f'<svg role="img" aria-label="{escape(title)}" width="{width}" height="{height}" '
             f'xmlns="http://www.w3.org/2000/svg"><text x="0" y="14" font-weight="bold">{escape(title)}</text>']
    for i, (label, value) in enumerate(pairs):
        y = top + i * (bar_h + 4)
        w = max(1.0, (width - label_w - 60) * value / top_value)
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end">{escape(label[:24])}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="#4a78b5"/>'
            f'<text x="{label_w + w + 4:.1f}" y="{y + 13}">{value:g}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _grouped(metrics: pl.DataFrame, column: str, limit: int = 15) -> list[tuple[str, float]]:
    if metrics.is_empty() or column not in metrics.columns:
        return []
    counts = (
        metrics.select(pl.col(column).cast(pl.String).fill_null("unknown").alias("k"))
        .group_by("k").len().sort(["len", "k"], descending=[True, False]).head(limit)
    )
    return [(k, float(n)) for k, n in counts.iter_rows()]


def _failures_over_runs(history: pl.DataFrame | None, current: pl.DataFrame, run_id: str) -> list[tuple[str, float]]:
    """Failed expectations per load, oldest first, the current run last."""
    frames = []
    if history is not None and not history.is_empty() and {"run_id", "success"} <= set(history.columns):
        h = history.filter(pl.col("run_id") != run_id)
        order = "started_at" if "started_at" in h.columns else "run_id"
        frames.append(h.group_by("run_id").agg(
            pl.col(order).min().cast(pl.String).alias("_order"),
            (pl.col("success") == False).sum().alias("failed"),  # noqa: E712
        ))
    now = dt.datetime.now(dt.UTC).isoformat()
    frames.append(pl.DataFrame({"run_id": [run_id], "_order": [now],
                                "failed": [current.filter(pl.col("success") == False).height]}))  # noqa: E712
    runs = pl.concat(frames, how="vertical_relaxed").sort("_order").tail(15)
    return [(r, float(f)) for r, _, f in runs.iter_rows()]


def _offending(name: str, frame: str, rows: pl.DataFrame) -> str:
    if rows.is_empty():
        return ""
    exp = BY_NAME[name]
    cols = [c for c in ROW_COLUMNS.get(frame, []) if c in rows.columns] or rows.columns[:6]
    shown = rows.head(MAX_ROWS)
    body = [[exp.explain(r), *[r.get(c) for c in cols]] for r in shown.iter_rows(named=True)]
    more = f'<p class="muted">… and {rows.height - MAX_ROWS} more.</p>' if rows.height > MAX_ROWS else ""
    return _table(["reason", *cols], body) + more


def write_report(
    result: GateResult,
    *,
    frames: dict[str, pl.DataFrame],
    run_id: str,
    history: pl.DataFrame | None,
    reports_dir: Path,
) -> str:
    """The report's HTML for one gate run (the runner writes it to run-<id>.html and latest.html)."""
    c = result.counts
    res = result.results
    status = ("bad", "BLOCKED — nothing was loaded") if result.blocked else ("ok", "Loaded")
    out = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Minsheng ETL — run {escape(run_id)}"
           f"</title><style>{CSS}</style></head><body>",
           f"<h1>Minsheng ETL — quality report</h1><p>Run <code>{escape(run_id)}</code>, "
           f"generated {escape(dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M:%S UTC'))}.</p>",
           f"<div class='banner {status[0]}'><b>{escape(status[1])}.</b> "
           f"{c.get('loaded', 0)} of {c.get('extracted', 0)} figures loaded, {c.get('quarantined', 0)} quarantined, "
           f"{result.warnings} warning(s).</div>"]

    summary = [
        ["files read", c.get("files", 0) - c.get("unreadable_files", 0)],
        ["files that could not be read", c.get("unreadable_files", 0)],
        ["documents", c.get("documents", 0)], ["sentences", c.get("sentences", 0)],
        ["metrics extracted", c.get("extracted", 0)], ["metrics loaded", c.get("loaded", 0)],
        ["metrics quarantined", c.get("quarantined", 0)],
        ["part-of relations (loaded / extracted)", f"{c.get('relations_loaded', 0)} / {c.get('relations', 0)}"],
        ["expectations run / failed", f"{res.filter(pl.col('success').is_not_null()).height} / "
                                      f"{res.filter(pl.col('success') == False).height}"],  # noqa: E712
        ["warnings", result.warnings], ["blocked", "yes" if result.blocked else "no"],
    ]
    out.append("<h2>Summary</h2>" + _table(["", ""], summary))
    if result.data_docs_path is not None:
        rel = os.path.relpath(result.data_docs_path, reports_dir)
        out.append(f"<p>Great Expectations Data Docs: <a href='{escape(Path(rel).as_posix())}'>"
                   f"{escape(Path(rel).as_posix())}</a></p>")
    else:
        out.append("<p class='muted'>Great Expectations Data Docs were not built for this run.</p>")

    failed = res.filter(pl.col("success").fill_null(True).not_())
    out.append(f"<h2>Failed expectations ({failed.height})</h2>")
    if failed.is_empty():
        out.append("<p class='ok'>Every expectation passed.</p>")
    for r in failed.sort(pl.col("severity").replace_strict({"block": 0, "quarantine": 1, "warn": 2}, default=3),
                         "expectation").iter_rows(named=True):
        details = json.loads(r["details"] or "{}")
        extra = "; ".join(f"{k}: {details[k]}" for k in ("observed", "error") if k in details)
        out.append(
            f"<h3 class='sev-{escape(r['severity'])}'>{escape(r['expectation'])} "
            f"<small>[{escape(r['severity'])}] {r['unexpected_count']} of {r['element_count']} rows</small></h3>"
            f"<p>{escape(details.get('description', ''))}"
            + (f"<br><span class='muted'>{escape(extra)}</span>" if extra else "") + "</p>"
            + _offending(r["expectation"], r["suite"], result.failed_rows.get(r["expectation"], pl.DataFrame()))
        )

    skipped = res.filter(pl.col("success").is_null())
    if not skipped.is_empty():
        rows = [[r["expectation"], r["severity"], json.loads(r["details"]).get("not_evaluated", "")]
                for r in skipped.iter_rows(named=True)]
        out.append("<h2>Not evaluated</h2>" + _table(["expectation", "severity", "why"], rows))

    q = result.quarantine
    out.append(f"<h2>Quarantine ({q.height} rows, {c.get('quarantined', 0)} distinct figures)</h2>")
    if q.is_empty():
        out.append("<p class='ok'>Nothing held back.</p>")
    else:
        by = q.group_by("expectation", "severity").len().sort("len", descending=True)
        out.append(_table(["expectation", "severity", "rows"], [list(x) for x in by.iter_rows()]))

    files = frames.get("files")
    bad_files = (files.filter(pl.col("error").is_not_null()) if files is not None and "error" in files.columns
                 else pl.DataFrame())
    out.append(f"<h2>Files that could not be read ({bad_files.height})</h2>")
    if bad_files.is_empty():
        out.append("<p class='ok'>Every file was read.</p>")
    else:
        cols = [c for c in ("path", "bytes", "error") if c in bad_files.columns]
        out.append(_table(cols, [list(x) for x in bad_files.select(cols).iter_rows()]))

    out.append("<h2>Charts</h2>")
    out.append(bar_chart(_grouped(result.metrics, "region"), title="Figures loaded by region"))
    out.append(bar_chart(_grouped(result.metrics, "topic"), title="Figures loaded by topic"))
    out.append(bar_chart(_failures_over_runs(history, res, run_id), title="Failed expectations per load"))
    out.append("</body></html>")
    return "\n".join(out)
