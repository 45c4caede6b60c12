"""The declarations, the derived columns and the row predicates the gate checks (pure polars, no GX)."""

from __future__ import annotations

import polars as pl
import pytest

from expectations.suites import (
    BY_NAME,
    CHECKED,
    EXPECTATIONS,
    SCHEMAS,
    column_types,
    derive,
    division_codes,
    known_topics,
    known_units,
    markup_pattern,
    rate_words,
    row_ok,
)
from tests.expectations.crafted import Corpus


def _metrics(text: str, metrics: list[tuple[str, float, str]], **kw) -> pl.DataFrame:
    c = Corpus()
    c.document("raw/a.txt", text)
    for span, value, unit in metrics:
        c.metric("raw/a.txt", span, value, unit, **kw)
    return derive(c.frames())["metrics"]


def test_every_expectation_is_declared_once_with_a_severity_and_description():
    assert len({e.name for e in EXPECTATIONS}) == len(EXPECTATIONS)
    for e in EXPECTATIONS:
        assert e.severity in {"block", "quarantine", "warn"} and e.description and e.frame in CHECKED
    assert {e.frame for e in EXPECTATIONS} == set(CHECKED)


def test_share_words_come_from_the_lexicon():
    shares, vetoes = rate_words()
    assert {"率", "满意度", "覆盖面", "好评率", "占比"} <= set(shares) and "增长率" in vetoes


def test_a_percentage_is_a_share_only_after_a_share_word_in_its_clause():
    m = _metrics(
        "群众满意度达120%，产值增长120%，覆盖面达99.5%以上。", [("120%", 120, "%"), ("99.5%", 99.5, "%")]
    )
    growth = _metrics("群众满意度同比提高120%。", [("120%", 120, "%")])
    assert m["share_value"].to_list() == [120.0, 99.5] and m["share_word"].to_list() == ["满意度", "覆盖面"]
    assert growth["share_value"].to_list() == [None]


def test_ratios_that_are_not_shares_may_exceed_100():
    m = _metrics(
        "某银行资本充足率为180%，进口关税税率由150%下调，新开工率达110%，占比达130%。",
        [("180%", 180, "%"), ("150%", 150, "%"), ("110%", 110, "%"), ("130%", 130, "%")],
    )
    assert m["share_value"].to_list() == [None, None, None, 130.0]


def test_span_matches_its_document_text():
    m = _metrics("新建道路3公里。", [("3公里", 3, "公里")])
    broken = _metrics("新建道路3公里。", [("3公里", 3, "公里")], char_start=3)
    assert m["span_matches"].to_list() == [True] and broken["span_matches"].to_list() == [False]


def test_the_span_is_located_in_its_sentence_for_the_report():
    m = _metrics("共建成公园12个。新建道路3公里。", [("3公里", 3, "公里")])
    start, end = m["mark_start"][0], m["mark_end"][0]
    assert m["sentence"][0][start:end] == "3公里"


def test_parts_are_compared_with_the_whole_in_its_unit_and_bound():
    c = Corpus()
    c.document(
        "raw/a.txt", "受理诉求近1000件，其中办结800件、在办250件、涉及300人。超500户，其中300户、400户。"
    )
    whole = c.metric("raw/a.txt", "近1000件", 1000, "件", bound="approx")
    for span, unit in (("800件", "件"), ("250件", "件"), ("300人", "人")):
        c.part_of(whole, c.metric("raw/a.txt", span, float(span[:3]), unit))
    over = c.metric("raw/a.txt", "超500户", 500, "户", bound="at_least")
    for span in ("300户", "400户"):
        c.part_of(over, c.metric("raw/a.txt", span, float(span[:3]), "户"))
    rel = derive(c.frames())["relations"]
    assert rel["parts_sum"].to_list()[:3] == [1050.0] * 3  # 300人 is not counted against 件
    assert rel["parts_within_whole"].to_list() == [True] * 5  # approx whole: 10% tolerance; at_least: open
    # every relation row carries its part's sentence and path, so a failure can be shown in place
    assert rel["path"].to_list() == ["raw/a.txt"] * 5 and rel["sentence"][0].startswith("受理诉求")


def test_units_topics_and_divisions_are_known():
    assert {"件", "人", "%", "元"} <= set(known_units())
    assert {"petitions", "other"} <= set(known_topics())
    assert {"500156", "810000", "820000", "710000"} <= set(division_codes())


def test_years_are_both_null_or_ordered():
    c = Corpus()
    c.document("raw/a.txt", "新建道路3公里，改造管网5公里，修桥2座，建站4个。")
    c.metric("raw/a.txt", "3公里", 3, "公里", year_from=2021, year_to=2025)
    c.metric("raw/a.txt", "5公里", 5, "公里", year_from=None, year_to=None)
    c.metric("raw/a.txt", "2座", 2, "座", year_from=2025, year_to=2021)
    c.metric("raw/a.txt", "4个", 4, "个", year_from=2024, year_to=None)
    assert derive(c.frames())["metrics"]["years_ordered"].to_list() == [True, True, False, False]


def test_a_negative_value_needs_its_sign_written():
    # -3℃, 负0.6%, 零下8度 are negative as written; a negative 4公里 is a parse error
    got = _metrics(
        "气温-3℃，增速为负0.6%，零下8度，道路4公里，水位2米。",
        [
            ("-3℃", -3, "摄氏度"),
            ("负0.6%", -0.6, "%"),
            ("零下8度", -8, "度"),
            ("4公里", -4, "公里"),
            ("2米", 2, "米"),
        ],
    )
    assert got["sign_written"].to_list() == [True, True, True, False, True]


def test_identical_content_under_two_paths_is_not_a_key_collision():
    c = Corpus()
    c.document("raw/a.txt", "新建道路3公里。")
    c.document("raw/copy of a.txt", "新建道路3公里。")
    a = c.metric("raw/a.txt", "3公里", 3, "公里")
    b = c.metric("raw/copy of a.txt", "3公里", 3, "公里")
    c.metric("raw/a.txt", "3公里", 3, "公里")  # the same key twice within one path: a real collision
    assert a == b
    assert derive(c.frames())["metrics"]["key_unique"].to_list() == [False, True, False]


@pytest.mark.parametrize(
    "text, markup",
    [
        ("alert(1)2021年新建道路3公里。", True),
        ("全区<b>新建</b>道路3公里。", True),
        ("详见[通知](https://example.org/a)。", True),
        ("var x = 1;新建道路", True),
        ("p{margin:0;}新建道路", True),
        ("&nbsp;新建道路3公里。", True),
        ("收集诉求5880件，其中已办结4899件。", False),
        ("工程,达到一级A标准。", False),
        ("占比<10%，增速>5%。", False),
        ("按照“1+N”模式推进，GDP增长5.5%。", False),
    ],
)
def test_leftover_markup_is_flagged_and_prose_is_not(text, markup):
    assert bool(markup_pattern().search(text)) is markup
    c = Corpus()
    c.document("raw/a.txt", text)
    assert derive(c.frames())["sentences"]["markup_clean"].to_list() == [not markup]


def test_column_types_name_the_wrong_column():
    c = Corpus()
    c.document("raw/a.txt", "新建道路3公里。")
    frames = c.frames()
    frames["sentences"] = frames["sentences"].with_columns(pl.col("char_start").cast(pl.String))
    types = column_types(frames)
    bad = types.filter(pl.col("types_ok_sentences") == False)  # noqa: E712
    assert bad.select("column", "kind", "expected").rows() == [("char_start", "str", "int")]
    assert types.filter(pl.col("frame") == "metrics")["types_ok_metrics"].all()


def _ok(name: str, df: pl.DataFrame, **kwargs) -> list[bool]:
    e = BY_NAME[name]
    plan = {**(e.kwargs if isinstance(e.kwargs, dict) else {}), **kwargs}
    ok = row_ok(e, plan, df)
    assert ok is not None
    return ok.to_list()


def test_row_predicates_skip_missing_values_like_gx():
    values = pl.DataFrame({"value": [1.0, -1.0, None, float("nan")], "low": [1.0, 0.0, None, 2.0]})
    assert _ok("metrics.value_present", values) == [True, True, False, False]
    assert _ok("metrics.low_le_value", values) == [
        True,
        False,
        True,
        False,
    ]  # NaN vs a number fails, as in GX
    files = pl.DataFrame({"sha256": ["a" * 64, "xyz", None], "error": [None, "empty file", None]})
    assert _ok("files.sha256_format", files) == [True, False, True]
    assert _ok("files.readable", files) == [True, False, True]
    bounds = pl.DataFrame({"bound": ["exact", "roughly", None]})
    assert _ok("metrics.bound_known", bounds) == [True, False, True]


def test_every_declared_frame_has_a_schema():
    assert set(CHECKED) - set(SCHEMAS) == {"columns"}


@pytest.mark.parametrize(
    "text, pinyin",
    [
        ("新建泵(bèng)站1座。", True),
        ("新建泵（beng4）站1座。", True),
        ("改造厕(cè)所(suǒ)12座。", True),
        ("新建泵站(2座)。", False),
        ("新建泵站（含配套）。", False),
        ("新建泵站(Beng)1座。", False),
    ],
)
def test_pinyin_left_in_a_sentence_is_flagged_and_other_parentheses_are_not(text, pinyin):
    c = Corpus()
    c.document("raw/a.txt", text)
    assert derive(c.frames())["sentences"]["pinyin_clean"].to_list() == [not pinyin]


def test_one_scan_for_every_leftover_flags_each_kind_on_its_own():
    """The prefilters are scanned as one alternation, then each on the candidates: a sentence is
    flagged by the check whose prefilter it matches and whose repair would change it, never by
    another check's candidate."""
    from expectations.suites import _clean_where

    text = pl.Series("text", ["这里有甲字", "那里有乙字", "甲乙都有", None, "都没有", "甲字但修复说干净"])
    checks = [
        ("甲", lambda t: "干净" not in t, "a_clean"),
        ("乙", lambda t: True, "b_clean"),
        ("丙", lambda t: True, "c_clean"),
    ]
    a, b, c = _clean_where(text, checks)
    assert a.name == "a_clean" and a.to_list() == [False, True, False, True, True, True]
    assert b.to_list() == [True, False, False, True, True, True]
    assert c.to_list() == [True] * 6
    assert _clean_where(text.clear(), checks)[0].to_list() == [] and _clean_where(text, []) == []
