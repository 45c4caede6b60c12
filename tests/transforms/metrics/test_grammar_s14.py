"""Session 14's figure kinds: a term of years as a noun (上一个五年期, 5年期贷款) names a period, not a
length of time. Made-up sentences."""

from __future__ import annotations

import pytest

from transforms.metrics.grammar import find_metrics


def _spans(sentence: str) -> list[str]:
    return [m.text for m in find_metrics(sentence)]


@pytest.mark.parametrize(
    ("sentence", "spans"),
    [
        ("今年建成保障房8000套，较上一个五年期增加逾一倍", ["8000套", "逾一倍"]),
        ("5年期以上贷款市场报价利率为3.5%", ["3.5%"]),
        ("三年期定期存款利率下调0.2个百分点", ["0.2个百分点"]),
        # a stated term is still a length of time
        ("贷款期限5年，额度50万元", ["5年", "50万元"]),
        ("项目建设期3年，总投资12亿元", ["3年", "12亿元"]),
    ],
)
def test_a_term_of_years_as_a_noun_is_no_figure(sentence: str, spans: list[str]) -> None:
    assert _spans(sentence) == spans
