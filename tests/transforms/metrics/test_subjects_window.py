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


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a start point dated by an event (翻新前的, 开业初期的) stands between 由/从 and the figure
        ("档位出租率由翻新前的六成回升至九成五。", "六成", "档位出租率"),
        ("客房入住率从开业初期的40%提升到80%。", "40%", "客房入住率"),
        ("空置率从70%回落到50%。", "50%", "空置率"),
        # an attribute after a figure of its own thing stays as written, not joined to it
        ("全区经营主体新增1.2万户、总量达到8.6万户。", "8.6万户", "总量"),
        # Macau and Hong Kong stall holders (档主) are one word
        ("今年豁免档位租金，惠及约900名档主。", "约900名", "档主"),
    ],
)
def test_starts_attributes_and_stall_holders(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a subject that is only a time says when, never what; a 方面 frame names the figures after it
        ("货运量方面，八月份录得35万公吨。", "35万公吨", "货运量"),
        ("出口方面，同比增长12.5%。", "12.5%", "出口"),
        ("八月份录得35万公吨。", "35万公吨", None),
        # a frame in an earlier sentence part (before 。 or ；) names nothing here
        ("进口方面大致持平；八月份录得3.1%。", "3.1%", None),
    ],
)
def test_times_and_aspect_frames(sentence: str, metric: str, expected: str | None) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a dated point (在/截至/于 + a date) before the bridge says when; the noun before it is what
        ("外汇储备截至9月底为2.8万亿美元。", "2.8万亿美元", "外汇储备"),
        ("土地储备预计在2027年3月31日为120公顷。", "120公顷", "土地储备"),
        ("全区常住人口于2025年底达到86万人。", "86万人", "常住人口"),
    ],
)
def test_a_dated_point_before_the_figure(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected
