"""The window read back from a figure is long enough for an indicator name behind a rate base.

A standard raised 从每生每年A提高至B puts six characters between the name and the figure, so a
19-character indicator (义务教育阶段…最低标准) was cut inside its first word. Made-up sentences.
"""

from __future__ import annotations

import pytest

from tests.transforms.metrics.frames import subject


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        (
            "将义务教育阶段特殊教育学校生均公用经费标准从每生每年5000元提高至6500元。",
            "5000元",
            "义务教育阶段特殊教育学校生均公用经费标准",
        ),
        (
            "全市城镇居民人均可支配收入和农村居民人均纯收入分别增长6.1%和7.3%。",
            "6.1%",
            "城镇居民人均可支配收入",
        ),
    ],
)
def test_a_long_indicator_name_is_read_whole(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected
