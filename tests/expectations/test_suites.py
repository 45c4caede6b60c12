"""The declarations and the derived columns the gate checks (pure polars, no GX: fast)."""

from __future__ import annotations

import polars as pl

from expectations.suites import EXPECTATIONS, SCHEMAS, derive, known_units, rate_words
from tests.expectations.crafted import Corpus


def _metrics(text: str, figures: list[tuple[str, float, str]], **kw) -> pl.DataFrame:
    c = Corpus()
    c.document("raw/a.txt", text)
    for span, value, unit in figures:
        c.metric("raw/a.txt", span, value, unit, **kw)
    return derive(c.frames())["metrics"]


def test_every_expectation_is_declared_once_with_a_severity_and_description():
    assert len({e.name for e in EXPECTATIONS}) == len(EXPECTATIONS)
    for e in EXPECTATIONS:
        assert e.severity in {"block", "quarantine", "warn"} and e.description and e.frame in SCHEMAS
    assert {e.frame for e in EXPECTATIONS} == set(SCHEMAS)


def test_share_words_come_from_the_lexicon():
    shares, vetoes = rate_words()
    assert {"率", "满意度", "覆盖面", "好评率", "占比"} <= set(shares) and "增长率" in vetoes


def test_a_percentage_is_a_share_only_after_a_share_word_in_its_clause():
    m = _metrics("群众满意度达120%，产值增长120%，覆盖面达99.5%以上。", [("120%", 120, "%"), ("99.5%", 99.5, "%")])
    growth = _metrics("群众满意度同比提高120%。", [("120%", 120, "%")])
    assert m["share_value"].to_list() == [120.0, 99.5] and m["share_word"].to_list() == ["满意度", "覆盖面"]
    assert growth["share_value"].to_list() == [None]


def test_span_matches_its_document_text():
    m = _metrics("新建道路3公里。", [("3公里", 3, "公里")])
    broken = _metrics("新建道路3公里。", [("3公里", 3, "公里")], char_start=3)
    assert m["span_matches"].to_list() == [True] and broken["span_matches"].to_list() == [False]


def test_parts_are_compared_with_the_whole_in_its_unit_and_bound():
    c = Corpus()
    c.document("raw/a.txt", "受理诉求近1000件，其中办结800件、在办250件、涉及300人。超500户，其中300户、400户。")
    whole = c.metric("raw/a.txt", "近1000件", 1000, "件", bound="approx")
    for span, unit in (("800件", "件"), ("250件", "件"), ("300人", "人")):
        c.part_of(whole, c.metric("raw/a.txt", span, float(span[:3]), unit))
    over = c.metric("raw/a.txt", "超500户", 500, "户", bound="at_least")
    for span in ("300户", "400户"):
        c.part_of(over, c.metric("raw/a.txt", span, float(span[:3]), "户"))
    rel = derive(c.frames())["relations"]
    assert rel["parts_sum"].to_list()[:3] == [1050.0] * 3  # 300人 is not counted against 件
    assert rel["parts_within_whole"].to_list() == [True] * 5  # approx whole: 10% tolerance; at_least: open


def test_units_are_known():
    assert {"件", "人", "%", "元"} <= set(known_units())
