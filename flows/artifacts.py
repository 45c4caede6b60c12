"""The run's Prefect artifacts, self-contained: someone reading the Prefect UI on another machine
cannot open a ``file://`` link to the HTML report, so what it says is written into the artifacts --
failures first, each with its sentence and file.
"""

from __future__ import annotations

from typing import Any

from flows.plan import RunSummary

# Quarantined metrics shown with their sentence in the report artifact (the HTML report has them all).
ARTIFACT_ROWS = 50


def _cell(text: Any, limit: int = 160) -> str:
    """Markdown-table-safe text: no pipes or newlines, cut at ``limit`` characters."""
    s = "" if text is None else str(text)
    s = s.replace("|", "\\|").replace("\n", " ").replace("\r", " ")
    return s if len(s) <= limit else s[: limit - 1] + "…"


def report_markdown(summary: RunSummary, totals: Any | None) -> str:
    """The report as markdown: failed expectations, quarantined metrics in their sentence, bad files."""
    lines = [f"# Quality report of run `{summary.run_id}`: {summary.status}", ""]
    if totals is None:
        return "\n".join([*lines, "Nothing new to validate."]) + "\n"
    from flows.gate import quality_rows

    failing = [r for r in quality_rows(totals.results()) if r["result"] != "passed"]
    lines += [f"## Failed or not evaluated expectations ({len(failing)})", ""]
    if failing:
        lines += ["| expectation | severity | result | rows | of |", "|---|---|---|---|---|"]
        lines += [f"| {r['expectation']} | {r['severity']} | {r['result']} | {r['unexpected']} | {r['of']} |"
                  for r in failing]  # fmt: skip
    else:
        lines.append("Every expectation passed.")
    q = totals.result.failures
    lines += ["", f"## Failing rows, with their sentence ({q.height}; {summary.metrics_quarantined} metrics held back)",
              ""]  # fmt: skip
    if q.height:
        lines += [
            "| expectation | severity | metric | reason | sentence | file |",
            "|---|---|---|---|---|---|",
        ]
        for r in q.head(ARTIFACT_ROWS).iter_rows(named=True):
            lines.append(f"| {_cell(r.get('expectation'))} | {_cell(r.get('severity'))} | **{_cell(r.get('text'), 40)}** "
                         f"| {_cell(r.get('reason'))} | {_cell(r.get('sentence'))} | {_cell(r.get('path'), 200)} |")  # fmt: skip
        if q.height > ARTIFACT_ROWS:
            lines.append(
                f"\n… and {q.height - ARTIFACT_ROWS} more rows in the HTML report ({summary.report_path})."
            )
    else:
        lines.append("Nothing failed.")
    lines += ["", f"## Files that could not be read ({summary.files_failed})", ""]
    lines += [f"- `{_cell(p, 300)}`: {_cell(e)}" for p, e in summary.failed] or ["Every file was read."]
    if summary.capped:
        lines += [
            "",
            f"## Metrics left out by the per-sentence/per-document caps ({len(summary.capped)})",
            "",
        ]
        lines += [f"- `{_cell(p, 300)}`: {_cell(d)}" for p, d in summary.capped]
    return "\n".join(lines) + "\n"


def publish_artifacts(summary: RunSummary, totals: Any | None) -> None:
    """Run summary (markdown), quality results (table, failures first) and the report (markdown)."""
    from prefect.artifacts import create_markdown_artifact, create_table_artifact

    create_markdown_artifact(summary.markdown(), key="minsheng-run-summary", description="Minsheng ETL run")
    if totals is not None:
        from flows.gate import quality_rows

        rows = quality_rows(totals.results())
        if rows:
            create_table_artifact(rows, key="minsheng-quality",
                                  description="Great Expectations results of this run, failures first")  # fmt: skip
    create_markdown_artifact(report_markdown(summary, totals), key="minsheng-report",
                             description="Data-quality report of this run (the HTML one is on the flow's machine)")  # fmt: skip
