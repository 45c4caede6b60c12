"""The quality gate end to end on crafted frames, through real Great Expectations (one run per fixture)."""

from __future__ import annotations

import importlib.util
import json

import polars as pl
import pytest

from expectations.runner import QUARANTINE, RESULTS, validate
from expectations.suites import EXPECTATIONS
from tests.expectations.crafted import SCRIPT, Corpus


def _build() -> tuple[dict[str, pl.DataFrame], dict[str, str]]:
    c, ids = Corpus(), {}
    c.document("raw/good.txt", "收集群众困难诉求5880件，其中已办结4899件、跟办981件。群众满意度达98.5%。惠及群众16.1万人次。")
    ids["whole_ok"] = c.metric("raw/good.txt", "5880件", 5880, "件")
    ids["part_ok1"] = c.metric("raw/good.txt", "4899件", 4899, "件")
    ids["part_ok2"] = c.metric("raw/good.txt", "981件", 981, "件")
    c.part_of(ids["whole_ok"], ids["part_ok1"])
    c.part_of(ids["whole_ok"], ids["part_ok2"])
    ids["share_ok"] = c.metric("raw/good.txt", "98.5%", 98.5, "%")
    ids["people"] = c.metric("raw/good.txt", "16.1万人次", 161000, "人次", region=None, adcode=None, topic=None)

    c.document("raw/rate.txt", "群众满意度达120%。全年产值同比增长120%。")
    ids["rate_bad"] = c.metric("raw/rate.txt", "120%", 120, "%")
    ids["growth_ok"] = c.metric("raw/rate.txt", "120%", 120, "%", nth=1)

    c.document("raw/parts.txt", "全年受理诉求1000件，其中办结800件、在办300件。")
    ids["whole_bad"] = c.metric("raw/parts.txt", "1000件", 1000, "件")
    ids["part_bad1"] = c.metric("raw/parts.txt", "800件", 800, "件")
    ids["part_bad2"] = c.metric("raw/parts.txt", "300件", 300, "件")
    c.part_of(ids["whole_bad"], ids["part_bad1"])
    c.part_of(ids["whole_bad"], ids["part_bad2"])

    c.document("raw/script.txt", f"{SCRIPT}共建成公园12个。新建道路3公里。收购粮食50公斤斤。")
    ids["script_ok"] = c.metric("raw/script.txt", "12个", 12, "个")
    ids["offset_bad"] = c.metric("raw/script.txt", "3公里", 3, "公里", char_start=999, char_end=1002)
    ids["unit_bad"] = c.metric("raw/script.txt", "50公斤斤", 50, "公斤斤")
    ids["unit_script"] = c.metric("raw/script.txt", "12个", 12, SCRIPT, char_start=0, char_end=3, metric_id="x:1:2")
    ids["adcode_bad"] = c.metric("raw/script.txt", "12个", 12, "个", adcode="999999", metric_id="x:3:4")

    c.document("raw/trad.txt", f"這裏新建道路3公里。{SCRIPT}", script="traditional")
    ids["trad"] = c.metric("raw/trad.txt", "3公里", 3, "公里")

    # honest Simplified text the leftover checks must not flag: 乾 kept by OpenCC in names, ASCII after a comma
    c.document("raw/names.txt", "乾坤湾、乾陵新增景区5家。工程,达到一级A标准,完成19条管网改造。")
    ids["names_ok"] = c.metric("raw/names.txt", "5家", 5, "家")
    ids["ascii_ok"] = c.metric("raw/names.txt", "19条", 19, "条")
    c.document("raw/moji.txt", "社区的管理上了档次!闭f起社区变化有12个。")
    ids["moji"] = c.metric("raw/moji.txt", "12个", 12, "个")

    c.document("raw/many.txt", "共建成" + "、".join(f"{i}个" for i in range(1, 61)) + "。")
    for i in range(1, 61):
        c.metric("raw/many.txt", f"{i}个", i, "个")

    c.bad_file("raw/empty.txt", b"", "empty file")
    c.bad_file("raw/binary.txt", bytes(range(256)), "binary file (NUL bytes)")
    return c.frames(), ids


@pytest.fixture(scope="module")
def gate(tmp_path_factory):
    frames, ids = _build()
    reports = tmp_path_factory.mktemp("wh") / "reports"
    history = pl.DataFrame({"run_id": ["r0", "r0"], "started_at": ["2024-01-01T00:00:00", "2024-01-01T00:00:00"],
                            "expectation": ["metrics.rate_le_100", "metrics.unit_known"],
                            "success": [False, True], "unexpected_count": [1, 0]})
    result = validate(frames, run_id="test-run-1", reports_dir=reports, history=history)
    return result, frames, ids, reports


def _held(result, metric_id: str) -> set[str]:
    return set(result.quarantine.filter(pl.col("metric_id") == metric_id)["expectation"])


def test_shapes(gate):
    result, *_ = gate
    assert dict(result.quarantine.schema) == QUARANTINE
    assert dict(result.results.schema) == RESULTS
    assert result.results.height == len(EXPECTATIONS)
    assert not result.blocked


@pytest.mark.parametrize("key, expectation", [
    ("rate_bad", "metrics.rate_le_100"),
    ("part_bad1", "relations.parts_within_whole"),
    ("part_bad2", "relations.parts_within_whole"),
    ("offset_bad", "metrics.span_matches_document"),
    ("unit_bad", "metrics.unit_known"),
    ("adcode_bad", "metrics.adcode_known"),
])
def test_bad_rows_quarantined_with_the_right_expectation(gate, key, expectation):
    result, _, ids, _ = gate
    assert expectation in _held(result, ids[key])
    assert ids[key] not in set(result.metrics["metric_id"])


def test_parts_name_the_whole(gate):
    result, _, ids, _ = gate
    reasons = result.quarantine.filter(pl.col("expectation") == "relations.parts_within_whole")["reason"]
    assert reasons.len() == 2 and all(ids["whole_bad"] in r and "1100" in r for r in reasons)
    assert ids["whole_bad"] in set(result.metrics["metric_id"])  # the whole itself loads


def test_traditional_sentence_quarantines_its_figures(gate):
    if importlib.util.find_spec("transforms.text.script") is None:
        pytest.skip("transforms.text.script not written yet: sentences.no_traditional is reported 'not evaluated'")
    result, _, ids, _ = gate
    assert "sentences.no_traditional" in _held(result, ids["trad"])


def test_mojibake_left_quarantines_its_figures(gate):
    result, _, ids, _ = gate
    assert "sentences.no_mojibake" in _held(result, ids["moji"])


def test_good_rows_pass(gate):
    result, _, ids, _ = gate
    loaded = set(result.metrics["metric_id"])
    for key in ("whole_ok", "part_ok1", "part_ok2", "share_ok", "people", "growth_ok", "script_ok", "whole_bad",
                "names_ok", "ascii_ok"):
        assert ids[key] in loaded, key
    rel = set(zip(result.relations["whole_metric_id"], result.relations["part_metric_id"], strict=True))
    assert rel == {(ids["whole_ok"], ids["part_ok1"]), (ids["whole_ok"], ids["part_ok2"])}


def test_counts_reconcile(gate):
    result, frames, _, _ = gate
    held = result.quarantine.filter(pl.col("severity") == "quarantine")["metric_id"].n_unique()
    assert frames["metrics"].height == result.metrics.height + held
    assert result.counts["quarantined"] == held
    # a metric failing two expectations is listed twice but counted once
    dup = result.quarantine.group_by("metric_id").len().filter(pl.col("len") > 1)
    assert dup.height >= 1


def test_warnings_and_results(gate):
    result, *_ = gate
    by = {r["expectation"]: r for r in result.results.iter_rows(named=True)}
    assert by["files.readable"]["success"] is False and by["files.readable"]["unexpected_count"] == 2
    assert by["documents.metric_count_usual"]["success"] is False  # raw/many.txt: 60 figures
    assert by["metrics.rate_le_100"]["unexpected_count"] == 1
    assert by["metrics.value_non_negative"]["success"] is True
    assert result.warnings >= 2


def test_report_lists_each_failure_and_escapes_text(gate):
    result, _, ids, reports = gate
    html = result.report_path.read_text(encoding="utf-8")
    assert result.report_path == reports / "run-test-run-1.html"
    assert (reports / "latest.html").read_text(encoding="utf-8") == html
    for name in ("metrics.rate_le_100", "relations.parts_within_whole", "metrics.span_matches_document",
                 "metrics.unit_known", "files.readable", "documents.metric_count_usual"):
        assert name in html
    assert "满意度达120%" in html and "raw/empty.txt" in html and "binary file" in html
    assert "<svg" in html and "Figures loaded by region" in html and "test-run-1" in html
    assert "&lt;script&gt;alert(1)" in html


def test_no_unescaped_script_in_any_report_file(gate):
    result, _, _, reports = gate
    assert result.data_docs_path is not None and result.data_docs_path.exists()
    files = [p for p in reports.parent.rglob("*") if p.is_file() and p.suffix in {".html", ".htm", ".json", ".js"}]
    assert any(p.suffix == ".html" and "data_docs" in str(p) for p in files)
    for path in files:
        assert "<script>alert(1)" not in path.read_text(encoding="utf-8", errors="replace"), path


@pytest.fixture(scope="module")
def blocked(tmp_path_factory):
    c = Corpus()
    c.document("raw/a.txt", "新建道路3公里。")
    mid = c.metric("raw/a.txt", "3公里", 3, "公里")
    c.metric("raw/a.txt", "3公里", 3, "公里")  # same natural key twice
    frames = c.frames()
    frames["sentences"] = frames["sentences"].with_columns(pl.col("char_start").cast(pl.String))  # wrong type
    reports = tmp_path_factory.mktemp("blocked") / "reports"
    return validate(frames, run_id="blocked-run", reports_dir=reports), mid


def test_block_refuses_the_whole_load(blocked):
    result, mid = blocked
    assert result.blocked and result.metrics.is_empty() and result.relations.is_empty()
    failed = set(result.results.filter(pl.col("success") == False)["expectation"])  # noqa: E712
    assert {"metrics.metric_id_unique", "sentences.char_start.type"} <= failed
    dup = result.quarantine.filter(pl.col("expectation") == "metrics.metric_id_unique")
    assert set(dup["metric_id"]) == {mid} and set(dup["severity"]) == {"block"}
    assert "BLOCKED" in result.report_path.read_text(encoding="utf-8")
    assert json.loads(result.results.filter(pl.col("expectation") == "sentences.char_start.type")["details"][0])
