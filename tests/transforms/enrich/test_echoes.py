"""headline_echoes: a figure of a headline, sub-headline or summary item takes its body echo's facts."""

from __future__ import annotations

import polars as pl

from transforms.enrich.echoes import headline_echoes, headline_sentences, shared_words
from transforms.schemas import METRICS, conform

# a made-up bulletin page: a summary list, a story headline, its body, then a second story
PAGE = [
    # (para_ix, role, text)
    (0, "headline", "《晚间新闻》 (20250310)"),
    (1, "body", "本期主要内容："),
    (2, "body", "1.全省新建乡村公路1200公里；"),
    (3, "body", "（2）我省果园面积达80万亩；"),
    (4, "subheadline", "全省新建乡村公路1200公里"),
    (5, "body", "记者从省交通运输厅获悉，今年1至2月，临川区新建乡村公路1200公里，惠及农户3万户。"),
    (6, "subheadline", "果园面积达80万亩"),
    (7, "body", "全市果园面积达80万亩。"),
]


def frames(pages: dict[str, list[tuple[int, str, str]]]) -> pl.DataFrame:
    """The sentences frame of made-up pages (sha256 -> paragraphs, one sentence each)."""
    rows = []
    for sha, page in pages.items():
        pos = 0
        for k, (para, role, text) in enumerate(page):
            rows.append((sha, 0, para, k, role, pos, pos + len(text), text))
            pos += len(text) + 1
    sentences = pl.DataFrame(
        rows,
        schema=["sha256", "story_ix", "para_ix", "sent_ix", "role", "char_start", "char_end", "text"],
        orient="row",
    )
    return sentences


def metric(  # one figure of a sentence, its facts as given
    sentences: pl.DataFrame, sha: str, sent_ix: int, span: str, unit: str, value: float, **facts: object
) -> dict[str, object]:
    s = sentences.filter((pl.col("sha256") == sha) & (pl.col("sent_ix") == sent_ix)).row(0, named=True)
    start = s["char_start"] + s["text"].index(span)
    row: dict[str, object] = {
        "metric_id": f"{sha}:{start}",
        "sha256": sha,
        "sent_ix": sent_ix,
        "char_start": start,
        "char_end": start + len(span),
        "text": span,
        "value": value,
        "unit": unit,
        "sentence": s["text"],
        "subject": None,
        "topic": None,
        "region": None,
        "adcode": None,
        "region_level": None,
        "area": None,
        "year_from": None,
        "year_to": None,
        "modality": "actual",
    }
    row.update(facts)
    return row


BODY_FACTS = {
    "subject": "乡村公路",
    "topic": "rural",
    "region": "临川区",
    "adcode": "361002",
    "region_level": "county",
    "year_from": 2025,
    "year_to": 2025,
}
HEAD_FACTS = {
    "subject": "乡村公路",
    "topic": "transport",
    "region": "江西省",
    "adcode": "360000",
    "year_from": 2024,
}


def metrics_of(rows: list[dict[str, object]]) -> pl.DataFrame:
    return conform(pl.DataFrame(rows, infer_schema_length=None), METRICS)


def test_summary_items_and_headlines_are_headline_like() -> None:
    sentences = frames({"a": PAGE})
    got = headline_sentences(sentences)["sent_ix"].to_list()
    assert sorted(got) == [0, 2, 3, 4, 6]  # not 本期主要内容： nor the body sentences


def test_summary_item_and_story_headline_take_the_body_figure_facts() -> None:
    sentences = frames({"a": PAGE})
    rows = [
        metric(sentences, "a", 2, "1200公里", "公里", 1200, **HEAD_FACTS),
        metric(sentences, "a", 4, "1200公里", "公里", 1200, **HEAD_FACTS),
        metric(sentences, "a", 5, "1200公里", "公里", 1200, **BODY_FACTS),
        metric(sentences, "a", 5, "3万户", "户", 30000, subject="农户", topic="rural"),
    ]
    got = headline_echoes(metrics_of(rows), sentences)
    assert got.columns == metrics_of(rows).columns and got.height == 4
    for i in (0, 1):
        r = got.row(i, named=True)
        assert {k: r[k] for k in BODY_FACTS} == BODY_FACTS
    assert got.row(3, named=True)["subject"] == "农户"  # a body figure is left alone


def test_headline_subject_is_kept_unless_null_or_a_shorter_part_of_the_body_subject() -> None:
    sentences = frames({"a": PAGE})
    cases = [
        (None, "乡村公路", "乡村公路"),
        ("公路", "乡村公路", "乡村公路"),
        ("新建乡村公路", "乡村公路", "新建乡村公路"),  # longer: the headline's own words stand
        (None, "乡村公路里程", None),  # not in the headline's line: beyond what it says
    ]
    for own, body, want in cases:
        rows = [
            metric(sentences, "a", 4, "1200公里", "公里", 1200, subject=own),
            metric(sentences, "a", 5, "1200公里", "公里", 1200, **{**BODY_FACTS, "subject": body}),
        ]
        assert headline_echoes(metrics_of(rows), sentences)["subject"][0] == want


def test_a_headline_of_an_undated_page_keeps_null_years() -> None:
    sentences = frames({"a": PAGE})
    rows = [
        metric(sentences, "a", 4, "1200公里", "公里", 1200, **{**HEAD_FACTS, "year_from": None}),
        metric(sentences, "a", 5, "1200公里", "公里", 1200, **BODY_FACTS),
    ]
    got = headline_echoes(metrics_of(rows), sentences).row(0, named=True)
    assert (got["year_from"], got["year_to"], got["region"]) == (None, None, "临川区")


def test_first_echo_after_the_headline_is_taken() -> None:
    sentences = frames({"a": PAGE})
    rows = [
        metric(sentences, "a", 3, "80万亩", "亩", 800000, topic="economy"),
        metric(sentences, "a", 6, "80万亩", "亩", 800000, topic="economy"),
        metric(sentences, "a", 7, "80万亩", "亩", 800000, topic="rural", region="某市"),
    ]
    extra = metric(sentences, "a", 5, "1200公里", "公里", 1200, topic="other")
    got = headline_echoes(metrics_of([*rows, extra]), sentences)
    assert got["topic"].to_list()[:3] == ["rural", "rural", "rural"]
    assert got["region"].to_list()[:3] == ["某市", "某市", "某市"]


def test_a_headline_figure_with_no_echo_or_an_echo_elsewhere_stays() -> None:
    other = [(0, "body", "全省新建乡村公路1200公里，比上年多。")]
    sentences = frames({"a": PAGE, "b": other})
    rows = [
        metric(sentences, "a", 4, "1200公里", "公里", 1200, **HEAD_FACTS),
        metric(sentences, "a", 5, "3万户", "户", 30000, **BODY_FACTS),  # another figure: no echo
        metric(sentences, "b", 0, "1200公里", "公里", 1200, **BODY_FACTS),  # another document
    ]
    before = metrics_of(rows)
    assert headline_echoes(before, sentences).equals(before)


def test_an_echo_that_says_something_else_does_not_count() -> None:
    page = [
        (0, "subheadline", "我国经济十年实现历史性跃升"),
        (1, "body", "他为此付出了十年心血，团队研制成功控制阀。"),
    ]
    sentences = frames({"a": page})
    rows = [
        metric(sentences, "a", 0, "十年", "年", 10, topic="economy"),
        metric(sentences, "a", 1, "十年", "年", 10, topic="science_tech"),
    ]
    assert headline_echoes(metrics_of(rows), sentences)["topic"][0] == "economy"
    assert shared_words("我国经济十年实现历史性跃升", "我国经济十年来实现跃升", "十年") >= 2
