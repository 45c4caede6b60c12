"""The review report's HTML on its own (no GX run): escaping, charts, history."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from expectations.report import bar_chart, write_report
from expectations.runner import QUARANTINE, RESULTS, GateResult
from tests.expectations.crafted import SCRIPT, Corpus


def _result(tmp_path: Path) -> tuple[GateResult, dict[str, pl.DataFrame]]:
    c = Corpus()
    c.document("raw/a.txt", f"{SCRIPT}新建道路3公里。")
    c.metric("raw/a.txt", "3公里", 3, "公里", region=SCRIPT, topic=None)
    c.bad_file(f"raw/{SCRIPT}.txt", b"\x00\x01", f"binary {SCRIPT}")
    frames = c.frames()
    results = pl.DataFrame([("r2", "metrics", "metrics.unit_known", "quarantine", True, 0, 1, "{}")],
                           schema=RESULTS, orient="row")
    gate = GateResult(frames["metrics"], frames["relations"], pl.DataFrame(schema=QUARANTINE), results, 0, False,
                      tmp_path / "run-r2.html", None, {"extracted": 1, "loaded": 1, "quarantined": 0})
    return gate, frames


def test_labels_and_article_text_are_escaped(tmp_path):
    gate, frames = _result(tmp_path)
    html = write_report(gate, frames=frames, run_id=SCRIPT, history=None, reports_dir=tmp_path)
    assert "<script" not in html.lower()
    assert "&lt;script&gt;" in html and "Files that could not be read (1)" in html


def test_failures_over_the_last_loads_include_history_and_this_run(tmp_path):
    gate, frames = _result(tmp_path)
    history = pl.DataFrame({"run_id": ["r0", "r0", "r1"], "started_at": ["2024-01-01", "2024-01-01", "2024-01-02"],
                            "expectation": ["a", "b", "a"], "success": [False, False, True],
                            "unexpected_count": [1, 2, 0]})
    html = write_report(gate, frames=frames, run_id="r2", history=history, reports_dir=tmp_path)
    chart = html[html.index("Failed expectations per load"):]
    assert chart.index(">r0<") < chart.index(">r1<") < chart.index(">r2<")


def test_bar_chart_is_inline_svg():
    svg = bar_chart([("武隆区", 3.0), ("unknown", 1.0)], title="by region")
    assert svg.startswith("<svg") and svg.count("<rect") == 2 and "http" not in svg.replace(
        'xmlns="http://www.w3.org/2000/svg"', "")
