"""The review report on its own: rendered from real gate results (GX) and from hand-made ones."""

from __future__ import annotations

import datetime as dt
import re

import polars as pl
import pytest

from expectations.report import HISTORY_RUNS, banner, render, write_report
from expectations.result import RESULTS, GateResult, empty_result
from expectations.runner import validate
from expectations.waivers import WAIVERS
from tests.expectations.crafted import SCRIPT, Corpus
from transforms.schemas import METRICS, QUARANTINE, RELATIONS

NO_WAIVERS = pl.DataFrame(schema=WAIVERS)
REMOTE = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)


def _bad_input() -> dict[str, pl.DataFrame]:
    c = Corpus()
    c.document("raw/rate.txt", "今年以来，全区便民服务群众满意度达120%，较上年提高。")
    c.metric("raw/rate.txt", "120%", 120, "%")
    c.document(f"raw/{SCRIPT}.txt", "新建道路3公里。")
    c.metric(f"raw/{SCRIPT}.txt", "3公里", 3, "公里", region=SCRIPT)
    c.bad_file("raw/broken.txt", b"\x00\x01", f"binary file {SCRIPT}")
    return c.frames()


@pytest.fixture(scope="module")
def bad():
    return validate(_bad_input(), run_id="bad-run", waivers=NO_WAIVERS)


@pytest.fixture(scope="module")
def clean():
    c = Corpus()
    c.document("raw/a.txt", "收集群众困难诉求5880件，其中已办结4899件。")
    c.part_of(c.metric("raw/a.txt", "5880件", 5880, "件"), c.metric("raw/a.txt", "4899件", 4899, "件"))
    return validate(c.frames(), run_id="clean-run", waivers=NO_WAIVERS)


def test_article_text_paths_and_errors_are_escaped(bad):
    html = render(bad, waivers=NO_WAIVERS)
    assert "<script" not in html.lower()
    assert "&lt;script&gt;" in html and "binary file" in html


def test_the_failing_span_is_marked_in_its_sentence_with_its_path(bad):
    html = render(bad, waivers=NO_WAIVERS)
    assert "全区便民服务群众满意度达<mark>120%</mark>，较上年提高。" in html
    assert "raw/rate.txt" in html


def test_a_bad_file_is_listed_once(bad):
    html = render(bad, waivers=NO_WAIVERS)
    assert html.count("raw/broken.txt") == 1 and "files.readable" in html


@pytest.mark.parametrize(
    "fixture, state",
    [("bad", "attention"), ("clean", "clean")],
)
def test_banner_follows_what_happened(request, fixture, state):
    result = request.getfixturevalue(fixture)
    html = render(result, waivers=NO_WAIVERS)
    assert f'class="banner {state}"' in html and banner(result)["state"] == state


def test_unreadable_files_alone_are_not_a_clean_load():
    c = Corpus()
    c.document("raw/a.txt", "新建道路3公里。")
    c.metric("raw/a.txt", "3公里", 3, "公里")
    c.bad_file("raw/empty.txt", b"", "empty file")
    assert banner(validate(c.frames(), run_id="unreadable", waivers=NO_WAIVERS))["state"] == "attention"


def _hand_made(run_id: str, results: list[tuple], counts: dict[str, int]) -> GateResult:
    rows = [(run_id, e.split(".")[0], e, sev, ok, n, 10, "{}") for e, sev, ok, n in results]
    frame = pl.DataFrame(rows, schema=RESULTS, orient="row")
    return GateResult(run_id, pl.DataFrame(schema=METRICS), pl.DataFrame(schema=RELATIONS),
                      pl.DataFrame(schema=QUARANTINE), frame, counts=counts)  # fmt: skip


def test_banner_blocked_and_nothing_new():
    blocked = _hand_made(
        "b", [("metrics.metric_id_unique", "block", False, 2)], {"files": 3, "extracted": 10}
    )
    unevaluated = _hand_made("u", [("sentences.no_traditional", "quarantine", None, 0)], {"files": 3})
    b = banner(blocked)
    assert b["state"] == "blocked" and "metrics.metric_id_unique failed on 2 row(s)" in b["reasons"]
    assert banner(unevaluated)["state"] == "blocked"
    assert banner(empty_result("n"))["state"] == "nothing-new"
    assert 'class="banner nothing-new"' in render(empty_result("n"), waivers=NO_WAIVERS)


def test_open_quarantines_stay_until_waived(bad):
    earlier = pl.DataFrame({
        "run_id": ["r-old", "r-old"], "metric_id": ["aaaa:1:3", "bbbb:4:6"],
        "expectation": ["metrics.unit_known", "metrics.rate_le_100"], "severity": ["quarantine"] * 2,
        "reason": ["unknown unit 斤斤", "满意度 of 130% exceeds 100%"], "row_json": ["{}"] * 2,
        "text": ["5斤斤", "130%"], "sentence": ["收购粮食5斤斤。", "满意度达130%。"],
        "path": ["raw/old.txt", "raw/other.txt"],
    })  # fmt: skip
    html = render(bad, open_quarantines=earlier, waivers=NO_WAIVERS)
    assert "收购粮食<mark>5斤斤</mark>。" in html and "满意度达<mark>130%</mark>。" in html
    waivers = pl.DataFrame(
        [{"metric_id": None, "file": "other.txt", "expectation": "metrics.rate_le_100", "reason": "a score",
          "who": "reviewer"}], schema=WAIVERS,
    )  # fmt: skip
    html = render(bad, open_quarantines=earlier, waivers=waivers)
    assert "收购粮食<mark>5斤斤</mark>。" in html and "130%" not in html


def test_waivers_applied_are_listed():
    frames = _bad_input()
    rate_id = frames["metrics"]["metric_id"][0]
    waivers = pl.DataFrame(
        [{"metric_id": rate_id, "file": None, "expectation": "metrics.rate_le_100", "reason": "scored out of 150",
          "who": "reviewer-z"}], schema=WAIVERS,
    )  # fmt: skip
    result = validate(frames, run_id="waived-run", waivers=waivers)
    html = render(result, waivers=waivers)
    assert "scored out of 150" in html and "reviewer-z" in html and rate_id in result.metrics["metric_id"]


def test_history_chart_shows_the_last_runs_this_one_last(clean):
    runs = [f"r{i:02d}" for i in range(30)]
    history = pl.DataFrame({
        "run_id": runs, "started_at": [f"2026-01-{i + 1:02d}T00:00:00" for i in range(30)],
        "expectation": ["metrics.rate_le_100"] * 30, "success": [i % 2 == 0 for i in range(30)],
    })  # fmt: skip
    html = render(clean, history=history, waivers=NO_WAIVERS)
    chart = html[html.index("Failed expectations per load") :]
    shown = re.findall(r">(r\d\d)<", chart)
    assert shown == runs[-(HISTORY_RUNS - 1) :] and ">clean-run<" in chart
    assert chart.index(">r29<") < chart.index(">clean-run<")


def test_history_from_the_warehouse_has_datetimes(clean):
    history = pl.DataFrame({
        "run_id": ["zz-late", "aa-early"], "expectation": ["metrics.rate_le_100"] * 2, "success": [False, True],
        "started_at": [dt.datetime(2026, 11, 2, 6), dt.datetime(2026, 11, 1, 6)],
    })  # fmt: skip
    html = render(clean, history=history, waivers=NO_WAIVERS)
    chart = html[html.index("Failed expectations per load") :]
    assert chart.index(">aa-early<") < chart.index(">zz-late<") < chart.index(">clean-run<")


def test_pages_request_nothing_remote(bad, tmp_path):
    paths = write_report(bad, reports_dir=tmp_path, waivers=NO_WAIVERS)
    assert paths.run.read_text(encoding="utf-8") == paths.latest.read_text(encoding="utf-8")
    for page in tmp_path.glob("*.html"):
        assert not REMOTE.search(page.read_text(encoding="utf-8")), page


def test_the_remote_check_can_fail():
    assert REMOTE.search('<img src="https://example.org/logo.png">')
    assert REMOTE.search("<link href=//cdn.example.org/x.css>")
