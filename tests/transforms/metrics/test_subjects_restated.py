"""A figure restating the one before it (a currency conversion, another base period) measures what
that figure measures. Every sentence here is made up for the rule; none is taken from a test text."""

from __future__ import annotations

import pytest

from tests.transforms.metrics.frames import subject


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a conversion into another currency
        ("该国上半年贸易顺差达9万亿韩元，约合480亿元人民币。", "480亿元人民币", "贸易顺差"),
        ("该行一季度存款流失300亿欧元，折合2300亿元人民币。", "2300亿元人民币", "存款"),
        # the same indicator against another base period
        ("3月份全国工业生产者出厂价格同比下降1.5%，环比下降0.2%。", "0.2%", "工业生产者出厂价格"),
        # a clause with a noun of its own keeps it
        ("出口额同比增长5%，环比市场份额提高2个百分点。", "2个百分点", "环比市场份额"),
    ],
)
def test_a_restating_clause_takes_the_figure_before(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_an_equivalence_or_a_paired_list_is_no_restatement() -> None:
    # 相当于 may open a new thing (a height here), not the figure before restated
    assert subject("用钢量近3万吨，相当于在3000多米的高原上建一座铁塔。", "3000多米") != "钢量"
    # 环比分别…: the figures pair with the list before, not with the last figure
    found = subject("期货成交量5亿手，成交额30万亿元，环比分别增长12%和9%。", "12%")
    assert found != "成交额"
