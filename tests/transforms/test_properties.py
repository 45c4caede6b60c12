"""Property tests (hypothesis, fixed budget): the normaliser is idempotent and loses nothing except
through a recorded repair; the extractor never raises and every span sits at its offsets.
(Number-parser properties live in test_numbers_properties.py.)"""

from __future__ import annotations

import json

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.metrics.extract import extract_metrics
from transforms.schemas import FILES
from transforms.text.normalise import normalise_files, normalise_text

BUDGET = settings(max_examples=200, derandomize=True, deadline=None)

# Pieces that make text look like a page: metrics, units, bounds, punctuation, line breaks, HTML
# residue, full-width forms, Traditional characters, pinyin, emoji and arbitrary code points.
_PIECES = [
    "今年以来",
    "街道共收集群众困难诉求",
    "5880",
    "件",
    "，",
    "其中已办结",
    "4899",
    "。",
    "\n",
    "\n\n",
    "16.1",
    "万",
    "人次",
    "近",
    "余",
    "约",
    "以上",
    "%",
    "个百分点",
    "三百",
    "两",
    "一万二千",
    "至",
    "30",
    "亿元",
    "惠及群眾",
    "萬",
    "發展",
    "<p>",
    "</p>",
    "&nbsp;",
    "１２３",
    "　",
    " ",
    "\t",
    "chéng",
    "（shì）",
    "第二批",
    "2021年",
    "6月21日",
    "“15分钟托育服务圈”",
    "；",
    "！",
    "？",
    "\r\n",
    "\u200b",
    "😀",
    "\ufffd",
]
page_text = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=6)), max_size=40).map("".join)
# Text no repair should touch: Simplified Han, digits, CJK punctuation, single spaces and newlines.
plain_text = st.lists(
    st.sampled_from(["收集", "诉求", "群众", "5880", "件", "，", "。", "人", "\n"]), max_size=40
).map("".join)


def _nonspace(text: str) -> str:
    return "".join(text.split())


@BUDGET
@given(page_text)
def test_normalise_is_idempotent(raw: str) -> None:
    _, once, _, _ = normalise_text(raw)
    _, twice, _, _ = normalise_text(once)
    assert twice == once


@BUDGET
@given(page_text)
def test_normalise_loses_nothing_without_a_recorded_repair(raw: str) -> None:
    _, text, repairs, _ = normalise_text(raw)
    if _nonspace(text) != _nonspace(raw):
        assert repairs, f"characters changed with no repair recorded: {raw!r} -> {text!r}"


@BUDGET
@given(plain_text)
def test_normalise_keeps_plain_text(raw: str) -> None:
    _, text, _, _ = normalise_text(raw)
    assert _nonspace(text) == _nonspace(raw)


def _files(texts: list[str]) -> pl.DataFrame:
    rows = [
        {"path": f"p{i}.txt", "name": f"p{i}.txt", "sha256": f"{i:064x}", "bytes": len(t.encode()),
         "encoding": "utf-8", "raw_text": t, "error": None, "meta": None}
        for i, t in enumerate(texts)
    ]  # fmt: skip
    return pl.DataFrame(rows, schema=FILES)


@BUDGET
@given(st.lists(page_text, min_size=1, max_size=3))
def test_extract_never_raises_and_spans_sit_at_their_offsets(texts: list[str]) -> None:
    documents, _stories, sentences = normalise_files(_files(texts))
    for row in sentences.iter_rows(named=True):
        doc = documents.filter(pl.col("sha256") == row["sha256"])["text"][0]
        assert doc[row["char_start"] : row["char_end"]] == row["text"]
    metrics, relations = extract_metrics(sentences)
    by_sha = dict(zip(documents["sha256"], documents["text"], strict=True))
    for m in metrics.iter_rows(named=True):
        assert by_sha[m["sha256"]][m["char_start"] : m["char_end"]] == m["text"]
        assert m["text"] in m["sentence"]
    ids = set(metrics["metric_id"])
    assert set(relations["whole_metric_id"]) <= ids and set(relations["part_metric_id"]) <= ids
    for repairs in documents["repairs"].drop_nulls():
        assert isinstance(json.loads(repairs), dict)


@BUDGET
@given(st.text(max_size=200))
def test_extract_never_raises_on_arbitrary_sentences(text: str) -> None:
    sentences = pl.DataFrame(
        [{"path": "x.txt", "name": "x.txt", "sha256": "0" * 64, "story_ix": 0, "para_ix": 0, "sent_ix": 0,
          "role": "body", "char_start": 0, "char_end": len(text), "text": text}]
    )  # fmt: skip
    metrics, _ = extract_metrics(sentences)
    for m in metrics.iter_rows(named=True):
        assert text[m["char_start"] : m["char_end"]] == m["text"]
