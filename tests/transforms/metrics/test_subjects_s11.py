"""Subject rules of session 11, kinds of error seen on unseen pages (Hong Kong, Macau, Taiwan and
mainland): a bridge character that closes a noun, ...

Every sentence here is made up for the rule it pins down; none is taken from a test text.
"""

from __future__ import annotations

import pytest

from tests.transforms.metrics.frames import subject


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # 为 closes the noun 行为 the dictionary holds whole: no bridge verb, the noun is kept
        ("上月共查获违法行为4200起。", "4200起", "违法行为"),
        ("上月共查获違法行為4200起。", "4200起", "違法行為"),
        ("全年纠正交通违法行为3.1万起。", "3.1万起", "交通违法行为"),
        # a true bridge after a noun still leaves it
        ("全区常住人口为86万人。", "86万人", "常住人口"),
        ("新能源汽车占比达35%。", "35%", "新能源汽车占比"),
    ],
)
def test_a_bridge_character_closing_a_noun_is_the_nouns(
    sentence: str, metric: str, expected: str | None
) -> None:
    assert subject(sentence, metric) == expected
