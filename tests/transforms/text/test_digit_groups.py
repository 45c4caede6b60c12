"""Thousands written apart with a space (Hong Kong statistics: 3 697 400人) read as one number."""

from __future__ import annotations

import pytest

from transforms.text import repairs
from transforms.text.normalise import normalise_text


@pytest.mark.parametrize(
    ("text", "want", "count"),
    [
        ("人数由3 697 400人减至3 688 100人", "人数由3697400人减至3688100人", 2),
        ("减少约9 300人。", "减少约9300人。", 1),
        (
            "开支\u00a01\u00a0250.5亿元",
            "开支\u00a01250.5亿元",
            1,
        ),  # no-break spaces, a decimal after the groups
        ("共\u20092\u2009400宗", "共\u20092400宗", 1),  # thin spaces
        ("达12 345 人", "达12345 人", 1),  # a space before the unit is digit_space's to take
        ("收集30 件", "收集30 件", 0),  # a digit and a Han character: not a group
        ("2025 123家", "2025 123家", 0),  # a four-digit first part is a year, not a group
        ("1 2 345人", "1 2 345人", 0),  # a list of small numbers
        ("得分 120 350 480", "得分 120 350 480", 0),  # a table row: nothing follows the groups
        ("3.5 000元", "3.5 000元", 0),  # a decimal before the space
    ],
)
def test_join_digit_groups(text: str, want: str, count: int) -> None:
    assert repairs.join_digit_groups(text) == (want, count)


def test_normalised_text_holds_the_whole_number() -> None:
    _script, text, counts, _layout = normalise_text("總就業人數由3 697 400人減至3 688 100人。\n")
    assert "3697400人" in text and "3688100人" in text
    assert counts.get("digit_groups") == 2
