"""Part-of relations (其中) on sentences from the seeds and from the real corpus."""

from __future__ import annotations

import pytest

from tests.transforms.metrics.frames import one_sentence
from transforms.metrics.extract import extract_metrics

CASES = [
    (
        "收集群众困难诉求5880件，其中已办结4899件、跟办981件，化解历年积压纠纷30余件。",
        {("5880件", "4899件"), ("5880件", "981件")},
    ),
    (
        "今年拟安排财政赤字12000亿元，比去年预算增加4000亿元，其中中央财政赤字8500亿元，代地方发债3500亿元。",
        {("12000亿元", "8500亿元"), ("12000亿元", "3500亿元")},
    ),
    (
        "银龄科技人才300人（其中银龄科技专家200人、银龄农业科技特派员100人）左右、银龄技师1000人左右。",
        {("300人", "200人"), ("300人", "100人")},
    ),
    (
        "处分647人，移送司法机关73人，其中，处分厅局级干部54人、县处级285人。",  # parts overrun 73: the whole is 647
        {("647人", "54人"), ("647人", "285人")},
    ),
    (
        "受理诉求100件，其中办结80件、在办30件。",  # no metric can hold the parts: the gate must see them
        {("100件", "80件"), ("100件", "30件")},
    ),
    ("全省进出口总值增长12.3%，其中对中亚五国增长48.1%。", set()),  # growth rates do not add up
    ("抽检量超每千人6.5批次，其中开展食品抽检超4万批次。", set()),  # a rate per thousand is no whole
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_part_of(sentence: str, expected: set[tuple[str, str]]) -> None:
    frame = one_sentence(sentence)
    metrics, relations = extract_metrics(frame)
    text = dict(zip(metrics["metric_id"], metrics["text"], strict=True))
    pairs = {
        (text[w], text[p])
        for w, p in zip(relations["whole_metric_id"], relations["part_metric_id"], strict=True)
    }
    assert pairs == expected
